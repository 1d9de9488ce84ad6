#!/usr/bin/env python3
"""Fits the weights of tinsach's page-kind model (src/kind.rs) on the tune half.

    cargo run --release --example kind -- DIR... --split auto --dump rows.tsv
    python3 scripts/kind_fit.py rows.tsv [--lambda 1.0]

Reads the rows `examples/kind.rs --dump` writes (dir, page, half, is-article,
gold kind, then the model's input vector), keeps the rows of the tune half
only, and fits a logistic regression with an L2 penalty (lambda, not on the
bias) by Newton's method. Each class is weighted by the inverse of its size,
so that the few hundred non-articles weigh as much as the articles; the
pages of the shipped article corpora (the news the cleaner is for) weigh
--shipped-weight times a WCXB page, so that none falls under the threshold.
--dir-weight DIR=W (repeatable) makes each tune page of the folder DIR weigh
W times a WCXB page instead: a few pages of a kind the benchmark lacks
(Vietnamese home and section pages, whose teasers' leads read as
paragraphs) stand for their population.
--zero I,J,... keeps the weights of those vector entries at 0: signals whose
fitted sign contradicts what they mean (a longer run of teasers making a page
more of an article) are left out rather than learned backwards. Prints
the bias and weights as Rust, to paste into HTML_MODEL or TEXT_MODEL, and
the tune half's accuracy. Check rows are never read.
"""

import math
import sys


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                if f:
                    for k in range(c, n + 1):
                        m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def main():
    args = sys.argv[1:]
    lam, shipped = 1.0, 1.0
    if "--lambda" in args:
        i = args.index("--lambda")
        lam = float(args[i + 1])
        del args[i : i + 2]
    if "--shipped-weight" in args:
        i = args.index("--shipped-weight")
        shipped = float(args[i + 1])
        del args[i : i + 2]
    dir_weight = {}
    while "--dir-weight" in args:
        i = args.index("--dir-weight")
        d, v = args[i + 1].split("=")
        dir_weight[d] = float(v)
        del args[i : i + 2]
    zero = set()
    if "--zero" in args:
        i = args.index("--zero")
        zero = {int(v) + 1 for v in args[i + 1].split(",")}
        del args[i : i + 2]
    xs, ys, ws = [], [], []
    for line in open(args[0]):
        cols = line.rstrip("\n").split("\t")
        if cols[2] != "tune" or len(cols) <= 5 or cols[5] == "":
            continue
        ys.append(int(cols[3]))
        ws.append(dir_weight.get(cols[0], 1.0 if cols[0].startswith("wcxb") else shipped))
        x = [1.0] + [float(v) for v in cols[5:]]
        xs.append([0.0 if j in zero else v for j, v in enumerate(x)])
    n, d = len(xs), len(xs[0])
    pos = sum(ys)
    cw = {1: n / (2 * pos), 0: n / (2 * (n - pos))}
    w = [0.0] * d
    for _ in range(30):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y, rw in zip(xs, ys, ws):
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            c = cw[y] * rw
            for j in range(d):
                grad[j] += c * (p - y) * x[j]
            s = c * p * (1 - p)
            for j in range(d):
                if x[j]:
                    sj = s * x[j]
                    row = hess[j]
                    for k in range(d):
                        row[k] += sj * x[k]
        for j in range(1, d):
            grad[j] += lam * w[j]
            hess[j][j] += lam
        hess[0][0] += 1e-6
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    right = sum(
        (sum(a * b for a, b in zip(w, x)) >= 0) == (y == 1) for x, y in zip(xs, ys)
    )
    extra = "".join(f", {d} weight {v:g}" for d, v in sorted(dir_weight.items()))
    print(f"// tune rows {n} ({pos} articles), accuracy {right / n:.3f}, lambda {lam}, shipped weight {shipped}{extra}")
    print(f"bias: {w[0]:.3f},")
    print("weights: [" + ", ".join(f"{v:.3f}" for v in w[1:]) + "],")


if __name__ == "__main__":
    main()
