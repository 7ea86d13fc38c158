"""Batch throughput with 1 and 2 processes, and peak memory at 1,000 and 10,000 reports.

    python benchmarks/batch.py [--sizes 1000 10000] [--jobs 1 2] [--format sqlite]

Each run is a fresh Python process (so its peak RSS is its own) over a corpus of generated
reports (giaparse.render.corpus, cached under $TMPDIR/giaparse-bench/). Prints one line per
run and a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from giaparse.render.corpus import write_corpus

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
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        root = corpus(n)
        for jobs in args.jobs:
            out = Path(tempfile.mkdtemp()) / f"out.{args.format}"
            proc = subprocess.run(
                [sys.executable, "-c", RUN, str(root), str(out), str(jobs)],
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
    by = {(r["reports"], r["jobs"]): r for r in results}
    for n in args.sizes:
        if (n, 1) in by and (n, 2) in by:
            print(
                f"speed-up with 2 processes at {n}: {by[(n, 1)]['seconds'] / by[(n, 2)]['seconds']:.2f}x"
            )
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
