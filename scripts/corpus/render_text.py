#!/usr/bin/env python3
"""Makes a text-path corpus from an HTML corpus: each page's browser text
rendering (`document.body.innerText`, made by ../shared/tools/render the way
corpus/vi-text was made from corpus/vi-html) with the page's gold, its
`input` and `format` pointed at the rendering.

    python3 scripts/corpus/render_text.py SRC DST --render DIR_WITH_render.js [--batch 40]

The gold answers stay the HTML page's: the article a reader sees is the same
text, rendered. Pages already rendered in DST are skipped, so the script can
be run again after an interruption. The split of DST is its own corpus's
(`scripts/corpus/split.py` keys outlets the same way, so a page falls in the
same half as its HTML).
"""

import argparse
import glob
import json
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--render", required=True, help="folder holding render.js and its node_modules")
    ap.add_argument("--batch", type=int, default=40)
    args = ap.parse_args()
    os.makedirs(args.dst, exist_ok=True)
    todo = []
    for g in sorted(glob.glob(os.path.join(args.src, "*.gold.json"))):
        page = os.path.basename(g)[: -len(".gold.json")]
        gold = json.load(open(g, encoding="utf-8"))
        if gold.get("format") != "html":
            continue
        if os.path.exists(os.path.join(args.dst, page + ".txt")):
            continue
        todo.append((page, gold))
    for k in range(0, len(todo), args.batch):
        chunk = todo[k : k + args.batch]
        # render.js names each output after its input's base name.
        inputs = [os.path.join(args.src, g["input"]) for _, g in chunk]
        subprocess.run(["node", os.path.join(args.render, "render.js"), args.dst, *inputs], check=False)
        for page, gold in chunk:
            txt = os.path.join(args.dst, page + ".txt")
            if not os.path.exists(txt):
                print("render_text: %s: no rendering" % page, file=sys.stderr)
                continue
            gold = dict(gold, input=page + ".txt", format="text")
            with open(os.path.join(args.dst, page + ".gold.json"), "w", encoding="utf-8") as f:
                json.dump(gold, f, ensure_ascii=False, indent=1)
        print("render_text: %d/%d" % (min(k + args.batch, len(todo)), len(todo)), file=sys.stderr)


if __name__ == "__main__":
    main()
