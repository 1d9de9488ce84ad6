"""Pages per second of tinsach against trafilatura.extract, in one Python
process, on the same pages.

    python python/examples/bench.py [--seconds 10] [--rounds 5] [FOLDER...]

Pages are the *.html files of the folders (default: tests/fixtures/vi-html),
read once as str (trafilatura's input) and as bytes (tinsach's). Lines:

- tinsach, 1 core: ``tinsach.clean_html(bytes).text()`` in a loop;
- tinsach, all cores: ``Cleaner.clean_html_batch`` over the pages repeated,
  then ``.text()`` of each article;
- trafilatura, 1 core: ``trafilatura.extract(str)`` in a loop;
- trafilatura, all cores: the same in a ``ProcessPoolExecutor`` of one
  process per core (threads would share one GIL);
Each line is timed in rounds, the lines interleaved, and its best round is
printed (the machine may be shared), by wall clock and per CPU-second (user +
system time of this process, and of the pool's worker processes for
trafilatura's all-cores line): on a busy machine the CPU figures are the ones
to compare.

- the binding's fixed cost per call: ``clean_html`` of a one-paragraph page,
  an upper bound of what the binding adds to each page.
"""

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import tinsach

ROOT = Path(__file__).resolve().parents[2]


def rate(fn, pages, seconds, times=1, cpu=time.process_time):
    """Pages per second of fn over the pages (each call cleans them `times`
    times), repeated for `seconds`: (by wall clock, per CPU-second of `cpu`)."""
    fn(pages[:1])  # warm up
    n = 0
    t0, c0 = time.perf_counter(), cpu()
    while True:
        fn(pages)
        n += len(pages) * times
        dt = time.perf_counter() - t0
        if dt >= seconds:
            return n / dt, n / max(cpu() - c0, 1e-9)


def pool_cpu(pool):
    """CPU seconds of this process and of the pool's live worker processes
    (Linux /proc; the workers outlive every round, so their counts only
    grow)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = time.process_time()
    for pid in list(pool._processes):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def tinsach_single(pages):
    for p in pages:
        tinsach.clean_html(p).text()


def make_tinsach_batch(times):
    cleaner = tinsach.Cleaner()

    def run(pages):
        for a in cleaner.clean_html_batch(pages * times):
            a.text()

    return run


def trafilatura_single(pages):
    import trafilatura

    for p in pages:
        trafilatura.extract(p)


def _traf_chunk(pages):
    trafilatura_single(pages)
    return len(pages)


def make_trafilatura_pool(pool, jobs):
    def run(pages):
        list(pool.map(_traf_chunk, [pages[i::jobs] for i in range(jobs)]))

    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", default=[str(ROOT / "tests/fixtures/vi-html")])
    ap.add_argument("--seconds", type=float, default=10.0, help="per line, over all rounds")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    paths = sorted(p for f in args.folders for p in Path(f).glob("*.html"))
    raw = [p.read_bytes() for p in paths]
    text = [b.decode("utf-8", errors="replace") for b in raw]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mib = sum(map(len, raw)) / len(raw) / 2**20
    print(f"{len(paths)} pages, mean {mib * 1024:.0f} KiB; {cores} cores; tinsach {tinsach.__version__}")

    # Each line is measured in `--rounds` rounds, the lines interleaved, and
    # its best round kept: on a shared machine a burst of other work then
    # slows one round of each line, not one line.
    lines = {}
    runs = [
        ("tinsach clean_html, 1 core", tinsach_single, raw, 1, time.process_time),
        (f"tinsach clean_html_batch, {cores} cores", make_tinsach_batch(8), raw, 8, time.process_time),
    ]
    pool = None
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura is not installed: pip install trafilatura lxml_html_clean")
    else:
        pool = ProcessPoolExecutor(cores)
        runs += [
            ("trafilatura.extract, 1 core", trafilatura_single, text, 1, time.process_time),
            (
                f"trafilatura.extract, {cores} processes",
                make_trafilatura_pool(pool, cores),
                text,
                1,
                lambda: pool_cpu(pool),
            ),
        ]
    per_round = args.seconds / args.rounds
    cpu_lines = {}
    for _ in range(args.rounds):
        for name, fn, pages, times, cpu in runs:
            r, c = rate(fn, pages, per_round, times, cpu)
            lines[name] = max(lines.get(name, 0.0), r)
            cpu_lines[name] = max(cpu_lines.get(name, 0.0), c)
    if pool is not None:
        pool.shutdown()
    for name, r in lines.items():
        print(f"{name:42} {r:9.1f} pages/s {cpu_lines[name]:9.1f} pages per CPU-s")
    rates = list(lines.values())
    cpu_rates = list(cpu_lines.values())
    t1, tn = rates[0], rates[1]
    if len(rates) == 4:
        traf1, trafn = rates[2], rates[3]
        print(f"tinsach / trafilatura: {t1 / traf1:.1f}x on 1 core, {tn / trafn:.1f}x on {cores} cores")
        print(
            f"per CPU-second: {cpu_rates[0] / cpu_rates[2]:.1f}x on 1 core, "
            f"{cpu_rates[1] / cpu_rates[3]:.1f}x on {cores} cores"
        )

    tiny = b"<p>Hello, this is one short paragraph of a page.</p>"
    # CPU time, both the call's and the page's: on a busy machine wall time
    # counts the other jobs' turns.
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < 1.0:
        for _ in range(1000):
            tinsach.clean_html(tiny).text()
        n += 1000
    call = (time.process_time() - t0) / n
    page = 1 / cpu_rates[0]
    print(
        f"binding's fixed cost per call <= {call * 1e6:.1f} us "
        f"({100 * call / page:.2f}% of a page's {page * 1e3:.2f} ms)"
    )


if __name__ == "__main__":
    main()
