#!/usr/bin/env python3
"""Per-kind mean body F1 of an eval run, by half.

usage: eval --split auto DIR | python3 scripts/kinds.py DIR [SPLIT.tsv]

Reads the eval table from stdin (one line a page: name, F1, ...), each page's
`kind` from DIR/NAME.gold.json, and its half from the split file
(tests/fixtures/splits/<DIR's name>.tsv by default). Prints, per kind, the
mean F1 and the error count of the tune and check halves.
"""
import json
import os
import re
import sys
from collections import defaultdict

d = sys.argv[1].rstrip('/')
split = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), '..', 'tests', 'fixtures', 'splits', os.path.basename(d) + '.tsv')
half = {}
for line in open(split):
    cols = line.rstrip('\n').split('\t')
    if len(cols) == 3 and cols[2] in ('tune', 'check'):
        half[cols[0]] = cols[2]
scores = defaultdict(list)
errors = defaultdict(int)
row = re.compile(r'^(\S+)\s+(\d\.\d{3})\s')
for line in sys.stdin:
    m = row.match(line)
    if not m or m.group(1) not in half:
        continue
    page = m.group(1)
    kind = json.load(open(os.path.join(d, page + '.gold.json'))).get('kind', '?')
    h = half[page]
    scores[(kind, h)].append(float(m.group(2)))
    scores[('ALL', h)].append(float(m.group(2)))
    if 'error:' in line:
        errors[(kind, h)] += 1
        errors[('ALL', h)] += 1
kinds = sorted({k for k, _ in scores}, key=lambda k: (k == 'ALL', k))
print(f"{'kind':14} {'tune':>6} {'n':>4} {'err':>3}   {'check':>6} {'n':>4} {'err':>3}")
for k in kinds:
    cells = []
    for h in ('tune', 'check'):
        s = scores.get((k, h), [])
        mean = sum(s) / len(s) if s else float('nan')
        cells.append(f"{mean:6.3f} {len(s):4} {errors.get((k, h), 0):3}")
    print(f"{k:14} {cells[0]}   {cells[1]}")
