"""Crawler text: how much comes back exactly, what the arithmetic search costs, and how glued
and one-line-per-cell text compare with the tab layout of the same report.

    python benchmarks/crawler.py [--n 10000] [--seed 0] [--layouts glued,lines] [--passes 3]

Reports are generated (giaparse.rendering.corpus: consistent tables, no blank cell, counts up
to 500, money with four decimals) and rendered three ways: tab, glued, lines. Each is parsed;
a report is "exact" when every cell comes back equal, and a cell that does not must carry a
warning (the script counts any that does not: it must print 0). Times are per report, the
three layouts parsed one after the other so that each ratio compares calls close in time; the
search is the time spent in the checks' cutting (giaparse.checks.solve). The corpus is parsed
``--passes`` times over, each pass from an empty cache of crawler rows (so each sees the same
repeats from report to report), and each report's time is its least over the passes: a shared
machine's stalls then do not count, as with ``timeit``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

import giaparse
from giaparse.rendering import render
from giaparse.rendering.corpus import random_report
from giaparse.testing import report_cells, wrong_without_warning

CRAWLED = ("glued", "lines")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layouts", default="glued,lines")
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    crawled = tuple(x for x in args.layouts.split(",") if x in CRAWLED)
    layouts = ("tab", *crawled)
    checks = sys.modules["giaparse.checks"]
    readings = sys.modules["giaparse.checks.cuts"]._readings
    original = checks.solve  # type: ignore[attr-defined]
    spent = [0.0]

    def timed_solve(report: giaparse.Report) -> giaparse.Report:
        start = time.perf_counter()
        try:
            return original(report)  # type: ignore[no-any-return]
        finally:
            spent[0] += time.perf_counter() - start

    checks.solve = timed_solve  # type: ignore[attr-defined]
    rnd = random.Random(args.seed)
    reports = [random_report(rnd) for _ in range(args.n)]
    texts = {k: [render(r, k) for r in reports] for k in layouts}  # type: ignore[arg-type]
    times: dict[str, list[float]] = {k: [float("inf")] * args.n for k in layouts}
    search: dict[str, list[float]] = {k: [float("inf")] * args.n for k in crawled}
    exact = dict.fromkeys(layouts, 0)
    right_cells = dict.fromkeys(layouts, 0)
    unwarned_wrong = dict.fromkeys(layouts, 0)
    total_cells = 0
    giaparse.parse(render(random_report(random.Random(-1)), "tab"))  # grammars built
    for run in range(args.passes):
        readings.cache_clear()
        for i, report in enumerate(reports):
            want = report_cells(report) if run == 0 else {}
            total_cells += len(want)
            for layout in layouts:
                spent[0] = 0.0
                start = time.perf_counter()
                parsed = giaparse.parse(texts[layout][i])
                times[layout][i] = min(times[layout][i], time.perf_counter() - start)
                if layout in search:
                    search[layout][i] = min(search[layout][i], spent[0])
                if run:
                    continue
                got = report_cells(parsed)
                same = [k for k in want if got[k] == want[k]]
                right_cells[layout] += len(same)
                exact[layout] += len(same) == len(want)
                unwarned_wrong[layout] += len(wrong_without_warning(report, parsed))
    n = args.n
    print(f"{n} generated reports, {total_cells // n} cells each")
    for layout in layouts:
        t = sorted(times[layout])
        print(
            f"{layout:6} exact {exact[layout] / n:6.1%}  cells right {right_cells[layout] / total_cells:6.2%}"
            f"  wrong without a warning {unwarned_wrong[layout]}"
            f"  parse median {statistics.median(t) * 1000:6.1f} ms  p99 {t[int(0.99 * (n - 1))] * 1000:7.1f} ms"
            f"  worst {t[-1] * 1000:7.1f} ms"
        )
    for layout in crawled:
        ratios = sorted(a / b for a, b in zip(times[layout], times["tab"], strict=True))
        s = sorted(search[layout])
        print(
            f"{layout:6} / tab: median {statistics.median(ratios):.2f}x  p90 {ratios[int(0.9 * (n - 1))]:.2f}x"
            f"   search median {statistics.median(s) * 1000:.1f} ms  worst {s[-1] * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
