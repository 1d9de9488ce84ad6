#!/usr/bin/env python3
"""Converts the dev split of WCXB (Web Content eXtraction Benchmark,
github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0) to
tinsach gold (tests/fixtures/GOLD.md).

    python3 scripts/corpus/wcxb.py SRC OUT [--other OTHER] [--write-manifest]

SRC is a checkout of the benchmark, or an export of its dev/ folder
(`git archive HEAD dev LICENSE | tar -x -C SRC`). Only SRC/dev/ is read:
the test/ split is blind and never touched. Every source file read is checked
against wcxb-dev.sha256 beside this script; a missing or changed file stops
the conversion (`--write-manifest` writes the manifest from SRC instead).

Writes, per page, NAME.html (the gunzipped page) and NAME.gold.json to OUT
for article pages and to OTHER (default: OUT with -other appended) for the
other six page types. NAME is the benchmark's file id (0001 ...). A page
whose main content is empty (21 of the 1,497) is skipped.

Gold: headline = its title; body = its main content, one paragraph per line
(a first line equal to the title is dropped: the headline is not body);
authors = [its author]; not_body = its `without` snippets (those that occur
in the main content dropped); extra keys `kind` (page type), `outlet_domain`,
`url`, `date` (its publish date, a day only), `required` (its `with`
snippets) and `origin`. Scored: body, leaks, headline where a title is
given, and duplicates where the answer itself repeats no line. The dateline
is not scored: the benchmark gives a day without a time, and GOLD.md scores
the instant to the minute.
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
import unicodedata
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "wcxb-dev.sha256")
SNAPSHOT = "c039d5ee9f5a3a984a0e167e63aacd04e76e78a9"
KINDS = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def source_files(src):
    """The dev files, as paths relative to SRC, sorted."""
    out = []
    for sub in ("ground-truth", "html"):
        folder = os.path.join(src, "dev", sub)
        for name in sorted(os.listdir(folder)):
            out.append("dev/%s/%s" % (sub, name))
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
    """NFC and white space folded to single spaces, as GOLD.md's body."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def key(s):
    return fold(s).casefold()


def domain(url):
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def convert(gt, html_bytes, name):
    g = gt["ground_truth"]
    kind = ((gt.get("_internal") or {}).get("page_type") or {}).get("primary") or "unknown"
    title = fold(g.get("title") or "") or None
    content = g.get("main_content")
    if content is None:
        content = g.get("main_content_markdown") or ""
    body = [p for p in (fold(line) for line in content.split("\n")) if p]
    if title and body and key(body[0]) == key(title):
        body = body[1:]
    content_key = key(" ".join(body))
    not_body = []
    for s in g.get("without") or []:
        s = fold(s)
        if s and key(s) not in content_key and s not in not_body:
            not_body.append(s)
    author = fold(g.get("author") or "")
    url = gt.get("url") or ""
    scored = ["body", "leaks"]
    if title:
        scored.insert(1, "headline")
    # A page whose own answer repeats a line cannot be held to no repeats.
    if len(set(body)) == len(body):
        scored.append("duplicates")
    return {
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
        "authors": [author] if author else [],
        "body": body,
        "captions": [],
        "not_body": not_body,
        "scored": scored,
        "kind": kind,
        "outlet_domain": domain(url) if url else None,
        "url": url or None,
        "date": g.get("publish_date") or None,
        "required": [fold(s) for s in g.get("with") or [] if fold(s)],
        "origin": "WCXB dev/%s (github.com/Murrough-Foley/web-content-extraction-benchmark @%s), CC-BY-4.0"
        % (name, SNAPSHOT[:7]),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="checkout or export holding dev/")
    ap.add_argument("out", help="folder for the article pages")
    ap.add_argument("--other", help="folder for the other page types (default: OUT with -other appended)")
    ap.add_argument("--write-manifest", action="store_true", help="write wcxb-dev.sha256 from SRC and stop")
    args = ap.parse_args()

    files = source_files(args.src)
    if args.write_manifest:
        with open(MANIFEST, "w", encoding="utf-8") as f:
            for rel in files:
                f.write("%s  %s\n" % (sha256(os.path.join(args.src, rel)), rel))
        print("wrote %s (%d files)" % (MANIFEST, len(files)))
        return 0

    sums = load_manifest()
    bad = [rel for rel in sums if not os.path.exists(os.path.join(args.src, rel))]
    bad += [rel for rel in sorted(sums) if rel not in bad and sha256(os.path.join(args.src, rel)) != sums[rel]]
    if bad:
        for rel in bad[:20]:
            print("wcxb: %s missing or changed" % rel, file=sys.stderr)
        print("wcxb: %d files do not match %s" % (len(bad), MANIFEST), file=sys.stderr)
        return 1
    extra = sorted(set(files) - set(sums))
    if extra:
        print("wcxb: ignoring %d files not in the manifest" % len(extra), file=sys.stderr)

    other = args.other or args.out.rstrip("/") + "-other"
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(other, exist_ok=True)
    counts = {}
    for rel in sorted(sums):
        m = re.fullmatch(r"dev/ground-truth/(\w+)\.json", rel)
        if not m:
            continue
        name = m.group(1)
        html_rel = "dev/html/%s.html.gz" % name
        if html_rel not in sums:
            print("wcxb: %s has no page, skipped" % name, file=sys.stderr)
            continue
        with open(os.path.join(args.src, rel), encoding="utf-8") as f:
            gt = json.load(f)
        with gzip.open(os.path.join(args.src, html_rel), "rb") as f:
            html = f.read()
        gold = convert(gt, html, name)
        if not gold["body"]:
            print("wcxb: %s has no main content, skipped" % name, file=sys.stderr)
            continue
        dest = args.out if gold["kind"] == "article" else other
        with open(os.path.join(dest, name + ".html"), "wb") as f:
            f.write(html)
        with open(os.path.join(dest, name + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=2)
            f.write("\n")
        counts[gold["kind"]] = counts.get(gold["kind"], 0) + 1
    print("wcxb: %s" % ", ".join("%s %d" % kv for kv in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
