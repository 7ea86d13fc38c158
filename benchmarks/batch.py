"""Batch throughput with 1 and 2 processes, and peak memory at 1,000 and 10,000 reports.

    python benchmarks/batch.py [--sizes 1000 10000] [--jobs 1 2] [--format sqlite] [--rounds 3]

Each run is a fresh Python process (so its peak RSS is its own) over a corpus of generated
reports (giaparse.rendering.corpus, cached under $TMPDIR/giaparse-bench/). Runs of one size go in
rounds, each round one run per job count, so every speed-up is a pair of runs close in time
(on a shared machine the same run moves by ±20 %); the median of the rounds' speed-ups is the
result. Each round also measures the machine's own ceiling: the same CPU-bound work (parsing
reports already in memory) in one process, then in two at once; a batch cannot scale better.
Prints one line per run and a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from giaparse.rendering.corpus import write_corpus

RUN = """
import json, resource, sys
from giaparse.export import run_batch
summary = run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
print(json.dumps({
    "seconds": summary.seconds, "parsed": summary.parsed, "failed": summary.failed,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


CEILING = """
import multiprocessing, sys, time
from pathlib import Path
import giaparse
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).rglob("*.txt"))[:1000]]
def work(_):
    giaparse.parse(texts[0])  # the grammar, built once per process
    start = time.perf_counter()
    for t in texts:
        giaparse.parse(t)
    return time.perf_counter() - start
with multiprocessing.get_context("fork").Pool(int(sys.argv[2])) as pool:
    print(max(pool.map(work, range(int(sys.argv[2])))))
"""


def ceiling(root: Path) -> float:
    """Throughput of two processes over one, on CPU-bound parsing alone (no files written)."""
    one, two = (
        float(
            subprocess.run(
                [sys.executable, "-c", CEILING, str(root), str(j)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for j in (1, 2)
    )
    return 2 * one / two


def corpus(n: int) -> Path:
    root = Path(tempfile.gettempdir()) / "giaparse-bench" / f"corpus-{n}"
    done = root / ".complete"
    if not done.exists():
        start = time.perf_counter()
        write_corpus(root, n, seed=2026)
        done.write_text("ok")
        print(f"generated {n} reports in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return root


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--format", default="sqlite")
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    results = []
    ceilings: dict[int, list[float]] = {}
    for n in args.sizes:
        root = corpus(n)
        for rnd, jobs in ((r, j) for r in range(args.rounds) for j in args.jobs):
            if jobs == args.jobs[0]:
                ceilings.setdefault(n, []).append(ceiling(root))
                print(f"round {rnd + 1}: machine ceiling for 2 processes {ceilings[n][-1]:.2f}x")
            os.sync()  # the last run's writes are flushed now, not in the middle of this one
            with tempfile.TemporaryDirectory() as tmp:  # 0.4 GB of SQLite at 10,000 reports
                proc = subprocess.run(
                    [sys.executable, "-c", RUN, str(root), f"{tmp}/out.{args.format}", str(jobs)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
            r = {"reports": n, "jobs": jobs, **json.loads(proc.stdout)}
            r["files_per_s"] = n / r["seconds"]
            results.append(r)
            print(
                f"{n:>6} reports  jobs={jobs}  {r['seconds']:7.1f} s  {r['files_per_s']:6.0f} files/s  "
                f"peak RSS {r['peak_rss_mb']:.0f} MB (workers {r['worker_peak_rss_mb']:.0f} MB)"
            )
    for n in args.sizes:
        serial = [r["seconds"] for r in results if (r["reports"], r["jobs"]) == (n, 1)]
        pooled = [r["seconds"] for r in results if (r["reports"], r["jobs"]) == (n, 2)]
        ups = [a / b for a, b in zip(serial, pooled, strict=False)]
        if ups:
            print(
                f"speed-up with 2 processes at {n}: median {statistics.median(ups):.2f}x "
                f"({', '.join(f'{u:.2f}x' for u in ups)}); machine ceiling median "
                f"{statistics.median(ceilings[n]):.2f}x ({', '.join(f'{c:.2f}x' for c in ceilings[n])})"
            )
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
