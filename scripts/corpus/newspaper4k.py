#!/usr/bin/env python3
"""Converts newspaper4k's extraction test data (github.com/AndyTheFactory/newspaper4k,
MIT) to tinsach gold (tests/fixtures/GOLD.md).

    python3 scripts/corpus/newspaper4k.py SRC OUT [--write-manifest]

SRC is a checkout of newspaper4k, or an export of its test data
(`git archive HEAD tests/data/html tests/data/txt tests/data/metadata LICENSE | tar -x -C SRC`).
A page is every NAME with both tests/data/html/NAME.html and tests/data/txt/NAME.txt
(the text newspaper4k is expected to extract); tests/data/metadata/NAME.json, when present,
gives its URL, title and authors (else the page's canonical link gives the URL). Every file read is checked against newspaper4k.sha256 beside
this script; a missing or changed file stops the conversion.

These answers are newspaper4k's own regression output, not human-checked: the weakest gold of
the development corpora (a stray line of chrome or a missed paragraph in it is possible).

Writes NAME.html and NAME.gold.json (NAME with dots replaced by dashes). Gold: body = the
text's non-empty lines; headline = the metadata title. Scored: body; headline where a
title is given; duplicates where the answer repeats no paragraph. The date is not scored
(newspaper4k keeps a day, its time zeroed, without an offset). Extra keys: kind ("article"),
outlet_domain, url, origin.
"""

import argparse
import hashlib
import json
import os
import re
import sys
import unicodedata
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "newspaper4k.sha256")
SNAPSHOT = "540bff3e8344cb8291c4829fafd98860f30d9692"
DATA = "tests/data"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def pages(src):
    def names(sub, ext):
        folder = os.path.join(src, DATA, sub)
        return {n[: -len(ext)] for n in os.listdir(folder) if n.endswith(ext)}

    return sorted(names("html", ".html") & names("txt", ".txt"))


def source_files(src):
    out = []
    for name in pages(src):
        out.append("%s/html/%s.html" % (DATA, name))
        out.append("%s/txt/%s.txt" % (DATA, name))
        meta = "%s/metadata/%s.json" % (DATA, name)
        if os.path.exists(os.path.join(src, meta)):
            out.append(meta)
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


def domain(url):
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


CANONICAL = re.compile(
    r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["'](https?://[^"']+)["']"""
    r"""|<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["'](https?://[^"']+)["']""",
    re.I,
)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--write-manifest", action="store_true")
    args = ap.parse_args()

    if args.write_manifest:
        files = source_files(args.src)
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
            print("newspaper4k: %s missing or changed" % rel, file=sys.stderr)
        print("newspaper4k: %d files do not match %s" % (len(bad), MANIFEST), file=sys.stderr)
        return 1

    os.makedirs(args.out, exist_ok=True)
    written = 0
    for rel in sorted(sums):
        if not rel.startswith(DATA + "/txt/"):
            continue
        page = rel.split("/")[-1][: -len(".txt")]
        name = page.replace(".", "-")
        with open(os.path.join(args.src, rel), encoding="utf-8") as f:
            body = [p for p in (fold(l) for l in f.read().split("\n")) if p]
        meta = {}
        meta_rel = "%s/metadata/%s.json" % (DATA, page)
        if meta_rel in sums:
            with open(os.path.join(args.src, meta_rel), encoding="utf-8") as f:
                meta = json.load(f)
        with open(os.path.join(args.src, DATA, "html", page + ".html"), "rb") as f:
            raw = f.read()
        title = fold(meta.get("title") or "") or None
        url = meta.get("url") or meta.get("canonical_link") or None
        if not url or not domain(url):
            m = CANONICAL.search(raw.decode("utf-8", "replace"))
            url = m and (m.group(1) or m.group(2)) or url
        if title and body and body[0].casefold() == title.casefold():
            body = body[1:]
        if not body:
            print("newspaper4k: %s: no text, skipped" % page, file=sys.stderr)
            continue
        scored = ["body"]
        if title:
            scored.append("headline")
        if len(set(body)) == len(body):
            scored.append("duplicates")
        gold = {
            "input": name + ".html",
            "format": "html",
            "headline": title,
            "kicker": None,
            "dateline": None,
            "source": None,
            "source_aliases": [],
            "outlet": None,
            "outlet_aliases": [],
            "credit": None,
            "authors": [fold(a) for a in meta.get("authors") or [] if fold(a)],
            "body": body,
            "captions": [],
            "not_body": [],
            "scored": scored,
            "kind": "article",
            "outlet_domain": (domain(url) if url else None) or None,
            "url": url,
            "origin": "newspaper4k tests/data %s (github.com/AndyTheFactory/newspaper4k @%s), MIT"
            % (page, SNAPSHOT[:7]),
        }
        with open(os.path.join(args.out, name + ".html"), "wb") as f:
            f.write(raw)
        with open(os.path.join(args.out, name + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=2)
            f.write("\n")
        written += 1
    print("newspaper4k: %d pages written" % written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
