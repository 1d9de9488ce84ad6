#!/usr/bin/env python3
"""Builds the corpora of REAL Vietnamese pages found in public repositories
(issues 12 and 14): article pages with hand-written gold (`vi-real-html`)
and pages that are not articles, labelled by kind (`vi-real-other`).

    python3 scripts/corpus/vi_real.py OUT_HTML OUT_OTHER [--mirror DIR] [--gold DIR] [--write-manifest]

Every page is read from a snapshot of the repository that holds it (the
search tool's `fetch` leaves a bare git directory under DIR, default
/work/.mirror/<owner>+<name>/repo), at the commit named in SOURCES, and its
SHA-256 is checked against vi-real.sha256 beside this script; a missing or
changed page stops the build.

Gold:
- articles: the hand-written `NAME.gold.json` (GOLD.md schema), written by
  reading each page. Pages of permissively licensed repositories ship in
  tests/fixtures/vi-real-html/ with their gold; the gold of the others
  quotes the page, so it stays outside the repository too, in --gold
  (default /work/devcorpus/src/vi-real-gold/), and is checked against the
  manifest like the pages;
- other pages: written here from SOURCES: `kind` (listing, media, forum,
  other: the labels `examples/kind.rs` reads), `url`, no article (empty
  body, nothing scored by `eval`).

Python 3, standard library only; needs `git` on PATH.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MANIFEST = os.path.join(HERE, "vi-real.sha256")
SHIPPED = os.path.join(ROOT, "tests", "fixtures", "vi-real-html")

# name, kind, repository, commit, path in the repository, licence, page URL,
# outlet, when the page was saved (the page's own date, else the commit's).
SOURCES = [
    ("tuoitre-2015-1", "article", "naustudio/tuoitrevn-optimization-case-study",
     "5f0ad0cbdc3b907b3425b9d90e57256c50ce2bc3", "static/subpage.html", "MIT",
     "http://tuoitre.vn/tin/chinh-tri-xa-hoi/20150323/chat-cay-xanh-ha-noi/724115.html", "tuoitre.vn", "2015-03-23"),
    ("tuoitre-2015-2", "article", "naustudio/tuoitrevn-optimization-case-study",
     "d6da30a1efa48be26496d2a85fcc54d306b4802f", "static/subpage_mobile.html", "MIT",
     "http://tuoitre.vn/tin/chinh-tri-xa-hoi/20150323/chat-cay-xanh-ha-noi/724115.html", "tuoitre.vn", "2015-03-23"),
    ("vnexpress-2021-1", "article", "rambothanh/CrawlerVNEXPRESS",
     "899d1938e945ea15777de97658a18f837426e4f0", "Vidu.html", "none",
     "https://vnexpress.net/tuan-tra-trong-dem-am-2-do-c-4220047.html", "vnexpress.net", "2021-01-16"),
    # Body only, with per-element feature attributes (domheight=, linktotext=...)
    # added by that repository's own tool: the markup and text are the site's.
    ("vnexpress-2012-1", "article", "ngandt-54/main-content-extractor",
     "20f1cc87dd68a444efe23b3bab5669c186123c74", "MainContenExtractor/input.html", "none",
     None, "vnexpress.net", "2012-04-27"),
    ("tuoitre-home-2015-1", "listing", "naustudio/tuoitrevn-optimization-case-study",
     "5f0ad0cbdc3b907b3425b9d90e57256c50ce2bc3", "static/home.html", "MIT",
     "http://tuoitre.vn/", "tuoitre.vn", "2015-03-23"),
    ("tuoitre-home-2015-2", "listing", "naustudio/tuoitrevn-optimization-case-study",
     "d6da30a1efa48be26496d2a85fcc54d306b4802f", "static/home_mobile.html", "MIT",
     "http://tuoitre.vn/", "tuoitre.vn", "2015-03-23"),
    ("vnexpress-home-2022", "listing", "ThanhNhan114/thanhnhan1",
     "7784bf441c2bca4cc7de37e5b106fafc15d515c4", "VnExpress - Báo tiếng Việt nhiều người xem nhất.html", "none",
     "https://vnexpress.net/", "vnexpress.net", "2022-04-21"),
    ("vnexpress-home-2024", "listing", "tuzx0033/minhtunguyen",
     "cd7420ffdb69cad5dfd5e7ec5d5b6424fc07b9a0", "VnExpress - Báo tiếng Việt nhiều người xem nhất.html", "none",
     "https://vnexpress.net/", "vnexpress.net", "2024-03-18"),
    ("dantri-home-2019", "listing", "son601008/Scrapy",
     "dee636cfb8908256b2afcca9f8228804e0f772b5", "dantri.html", "none",
     "https://dantri.com.vn/", "dantri.com.vn", "2019-08-25"),
    ("dantri-home-2024", "listing", "DangNgocTruongVinh/laptrinh_web",
     "bfd58b50c8be35c05d7f5b2644243769f17180d2",
     "Tin tức Việt Nam và quốc tế nóng, nhanh, cập nhật 24h _ Báo Dân trí.html", "none",
     "https://dantri.com.vn/", "dantri.com.vn", "2024-05-11"),
    ("kenh14-home-2021", "listing", "tranvanduong2483/tranvanduong2483.github.io",
     "13cabaef9e2776e296db1266e812a8730874b844", "Kênh tin tức giải trí - Xã hội - Kenh14.vn.html", "none",
     "https://kenh14.vn/", "kenh14.vn", "2021-05-12"),
    # HTTrack copies re-indented by a code formatter, with a JSP directive as
    # the first line: the markup and text are the site's, the white space not.
    ("dantri-kinh-doanh-2023", "listing", "JayBMF/eNewsWebApp",
     "25140c8c351e79088609cc23efcbedd9bc23ccde", "src/main/webapp/Views/kinh-doanh.jsp", "none",
     "https://dantri.com.vn/kinh-doanh.htm", "dantri.com.vn", "2023-01-03"),
    ("dantri-the-thao-2022", "listing", "JayBMF/eNewsWebApp",
     "34d396f643c01b01ba14bba1bef21c2f516cb0a5", "src/main/webapp/Views/the-thao.jsp", "none",
     "https://dantri.com.vn/the-thao.htm", "dantri.com.vn", "2022-12-29"),
]

PERMISSIVE = {"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "CC-BY-4.0"}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def git_dir(mirror, repo):
    base = os.path.join(mirror, repo.replace("/", "+"), "repo")
    return os.path.join(base, ".git") if os.path.isdir(os.path.join(base, ".git")) else base


def page_bytes(mirror, repo, commit, path):
    out = subprocess.run(["git", "--git-dir", git_dir(mirror, repo), "show", "%s:%s" % (commit, path)],
                         capture_output=True, check=False)
    return out.stdout if out.returncode == 0 else None


def gold_path(name, licence, gold_dir):
    return os.path.join(SHIPPED if licence in PERMISSIVE else gold_dir, name + ".gold.json")


def other_gold(name, kind, repo, commit, path, licence, url, outlet, saved):
    return {
        "input": name + ".html",
        "format": "html",
        "headline": None,
        "kicker": None,
        "dateline": None,
        "source": None,
        "source_aliases": [],
        "outlet": None,
        "outlet_aliases": [],
        "credit": None,
        "authors": [],
        "body": [],
        "captions": [],
        "not_body": [],
        "scored": [],
        "kind": kind,
        "outlet_domain": outlet,
        "url": url,
        "saved": saved,
        "origin": "github.com/%s @%s %s, licence: %s" % (repo, commit[:7], path, licence),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_html")
    ap.add_argument("out_other")
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--gold", default="/work/devcorpus/src/vi-real-gold")
    ap.add_argument("--write-manifest", action="store_true")
    args = ap.parse_args()

    files = {}
    for name, kind, repo, commit, path, licence, url, outlet, saved in SOURCES:
        data = page_bytes(args.mirror, repo, commit, path)
        if data is None:
            print("vi_real: %s: cannot read %s@%s:%s (fetch github:%s first)" % (name, repo, commit[:7], path, repo),
                  file=sys.stderr)
            return 1
        files[name + ".html"] = data
        if kind == "article":
            gp = gold_path(name, licence, args.gold)
            if not os.path.exists(gp):
                print("vi_real: %s: no gold at %s" % (name, gp), file=sys.stderr)
                return 1
            with open(gp, "rb") as f:
                files[name + ".gold.json"] = f.read()

    if args.write_manifest:
        with open(MANIFEST, "w", encoding="utf-8") as f:
            for rel in sorted(files):
                f.write("%s  %s\n" % (sha256(files[rel]), rel))
        print("wrote %s (%d files)" % (MANIFEST, len(files)))
        return 0

    sums = {}
    with open(MANIFEST, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                digest, rel = line.rstrip("\n").split("  ", 1)
                sums[rel] = digest
    bad = sorted(rel for rel in set(sums) | set(files) if sums.get(rel) != (sha256(files[rel]) if rel in files else None))
    if bad:
        for rel in bad:
            print("vi_real: %s missing or changed" % rel, file=sys.stderr)
        return 1

    os.makedirs(args.out_html, exist_ok=True)
    os.makedirs(args.out_other, exist_ok=True)
    counts = {}
    for name, kind, repo, commit, path, licence, url, outlet, saved in SOURCES:
        out = args.out_html if kind == "article" else args.out_other
        with open(os.path.join(out, name + ".html"), "wb") as f:
            f.write(files[name + ".html"])
        with open(os.path.join(out, name + ".gold.json"), "wb") as f:
            if kind == "article":
                f.write(files[name + ".gold.json"])
            else:
                f.write(json.dumps(other_gold(name, kind, repo, commit, path, licence, url, outlet, saved),
                                   ensure_ascii=False, indent=1).encode("utf-8"))
        counts[kind] = counts.get(kind, 0) + 1
    print("vi_real: %s" % ", ".join("%d %s" % (n, k) for k, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
