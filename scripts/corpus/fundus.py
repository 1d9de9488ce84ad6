#!/usr/bin/env python3
"""Converts fundus's per-publisher parser test data (github.com/flairNLP/fundus,
MIT) to tinsach gold (tests/fixtures/GOLD.md).

    python3 scripts/corpus/fundus.py SRC OUT [--write-manifest]

SRC is a checkout of fundus, or an export of its test data
(`git archive HEAD tests/resources/parser/test_data LICENSE | tar -x -C SRC`).
It reads SRC/tests/resources/parser/test_data/<country>/: <Publisher>.json
(the expected output of each parser version), <Publisher>_<Y>_<M>_<D>.html.gz
(one page per version) and meta.info (each page's URL). Every file read is
checked against fundus.sha256 beside this script; a missing or changed file
stops the conversion.

A publisher's pages are paired with its parser versions in order (oldest
crawl date with the first version in the JSON), and the pairing is checked:
the expected title must occur in the page. VnExpress (vn/) is skipped: that
page is already tests/fixtures/vi-html/vnexpress-1.

Writes NAME.html (gunzipped) and NAME.gold.json, NAME = <country>-<page file
name without .html.gz>. Gold: headline = title; body = summary, then each
section's subheading and paragraphs; authors; captions = the images'
captions; dateline = publishing_date where it carries an offset (text null).
Scored: body, leaks (captions in the body), headline where a title is
given, dateline where the date has an offset, duplicates where the answer
itself repeats no paragraph. Extra keys: kind
("article"), outlet_domain, url, publisher, origin.
"""

import argparse
import gzip
import hashlib
import html as htmlmod
import json
import os
import re
import sys
import unicodedata
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "fundus.sha256")
SNAPSHOT = "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"
DATA = "tests/resources/parser/test_data"
SKIP = {("vn", "VnExpress")}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def source_files(src):
    out = []
    root = os.path.join(src, DATA)
    for country in sorted(os.listdir(root)):
        folder = os.path.join(root, country)
        if not os.path.isdir(folder) or country.startswith("__"):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith((".json", ".html.gz")) or name == "meta.info":
                out.append("%s/%s/%s" % (DATA, country, name))
    return out


def load_manifest():
    sums = {}
    with open(MANIFEST, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                digest, rel = line.split("  ", 1)
                sums[rel] = digest
    return sums


def fold(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def key(s):
    return fold(s).casefold()


def domain(url):
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def rfc3339(s):
    """fundus's publishing_date as RFC 3339, or None when it has no offset."""
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.\d+)?([+-]\d\d:\d\d)", s or "")
    return "%sT%s%s" % m.groups() if m else None


def page_text(raw):
    return key(htmlmod.unescape(raw.decode("utf-8", "replace")))


def gold_for(expected, name, url, publisher):
    body = []
    b = expected.get("body") or {}
    for p in b.get("summary") or []:
        body.append(fold(p))
    for sec in b.get("sections") or []:
        for p in (sec.get("headline") or []) + (sec.get("paragraphs") or []):
            body.append(fold(p))
    body = [p for p in body if p]
    captions = []
    for img in expected.get("images") or []:
        c = fold(img.get("caption") or "")
        if c and c not in captions:
            captions.append(c)
    title = fold(expected.get("title") or "") or None
    dt = rfc3339(expected.get("publishing_date"))
    scored = ["body", "leaks"]
    # A page whose own answer repeats a paragraph cannot be held to no repeats.
    if len(set(body)) == len(body):
        scored.append("duplicates")
    if title:
        scored.append("headline")
    if dt:
        scored.append("dateline")
    return {
        "input": name + ".html",
        "format": "html",
        "headline": title,
        "kicker": None,
        "dateline": {"text": None, "datetime": dt} if dt else None,
        "source": None,
        "source_aliases": [],
        "outlet": None,
        "outlet_aliases": [],
        "credit": None,
        "authors": [fold(a) for a in expected.get("authors") or [] if fold(a)],
        "body": body,
        "captions": captions,
        "not_body": [],
        "scored": scored,
        "kind": "article",
        "outlet_domain": domain(url) if url else None,
        "url": url or None,
        "publisher": publisher,
        "origin": "fundus %s (github.com/flairNLP/fundus @%s), MIT" % (name, SNAPSHOT[:7]),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--write-manifest", action="store_true")
    args = ap.parse_args()

    files = source_files(args.src)
    if args.write_manifest:
        with open(MANIFEST, "w", encoding="utf-8") as f:
            for rel in files:
                f.write("%s  %s\n" % (sha256(os.path.join(args.src, rel)), rel))
        print("wrote %s (%d files)" % (MANIFEST, len(files)))
        return 0

    sums = load_manifest()
    bad = [rel for rel in sorted(sums) if not os.path.exists(os.path.join(args.src, rel))
           or sha256(os.path.join(args.src, rel)) != sums[rel]]
    if bad:
        for rel in bad[:20]:
            print("fundus: %s missing or changed" % rel, file=sys.stderr)
        print("fundus: %d files do not match %s" % (len(bad), MANIFEST), file=sys.stderr)
        return 1

    os.makedirs(args.out, exist_ok=True)
    written = skipped = 0
    countries = sorted({rel.split("/")[-2] for rel in sums})
    for country in countries:
        folder = os.path.join(args.src, DATA, country)
        meta_rel = "%s/%s/meta.info" % (DATA, country)
        meta = {}
        if meta_rel in sums:
            with open(os.path.join(args.src, meta_rel), encoding="utf-8") as f:
                meta = json.load(f)
        publishers = sorted(rel.split("/")[-1][:-5] for rel in sums
                            if rel.startswith("%s/%s/" % (DATA, country)) and rel.endswith(".json"))
        for pub in publishers:
            if (country, pub) in SKIP:
                continue
            with open(os.path.join(folder, pub + ".json"), encoding="utf-8") as f:
                versions = list(json.load(f).items())
            pages = sorted(rel.split("/")[-1] for rel in sums
                           if re.fullmatch(r"%s/%s/%s_\d{4}_\d\d_\d\d\.html\.gz" % (re.escape(DATA), country, re.escape(pub)), rel))
            if len(pages) != len(versions):
                print("fundus: %s/%s: %d pages, %d versions, skipped" % (country, pub, len(pages), len(versions)), file=sys.stderr)
                skipped += len(pages)
                continue
            for page, (version, expected) in zip(pages, versions):
                with gzip.open(os.path.join(folder, page), "rb") as f:
                    raw = f.read()
                name = "%s-%s" % (country, page[: -len(".html.gz")])
                url = (meta.get(page) or {}).get("url")
                gold = gold_for(expected, name, url, pub)
                title = gold["headline"]
                if title and key(title) not in page_text(raw):
                    # The pairing is in doubt: try the other versions.
                    fits = [e for v, e in versions if fold(e.get("title") or "") and key(fold(e["title"])) in page_text(raw)]
                    if len(fits) != 1:
                        print("fundus: %s: title %r not in the page, skipped" % (name, title[:60]), file=sys.stderr)
                        skipped += 1
                        continue
                    gold = gold_for(fits[0], name, url, pub)
                if not gold["body"]:
                    print("fundus: %s: no body, skipped" % name, file=sys.stderr)
                    skipped += 1
                    continue
                with open(os.path.join(args.out, name + ".html"), "wb") as f:
                    f.write(raw)
                with open(os.path.join(args.out, name + ".gold.json"), "w", encoding="utf-8") as f:
                    json.dump(gold, f, ensure_ascii=False, indent=2)
                    f.write("\n")
                written += 1
    print("fundus: %d pages written, %d skipped" % (written, skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
