"""Batch parsing: files, folders and globs in, three tidy tables out, on all cores.

Each worker process builds its parser once (the grammar cache is per process) and sends back
plain rows; results come back in input order, so ``--jobs N`` writes what a serial run writes.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from giaparse.api import parse_bytes
from giaparse.core.errors import GiaparseError
from giaparse.export.rows import Flat, failed, flatten
from giaparse.export.writers import Encoder, open_writer
from giaparse.sources.files import iter_inputs
from giaparse.sources.kinds import sniff
from giaparse.sources.text import read_bytes


def parse_one(path: Path | str) -> Flat:
    """Never raises: a file that fails is a reports row with its error."""
    source = str(path)
    kind: str | None = None
    try:
        data = read_bytes(path)
        kind = sniff(data)
        return flatten(source, parse_bytes(data, name=source))
    except GiaparseError as err:
        return failed(source, err, kind)
    except Exception as err:
        error = RuntimeError(f"internal error: {type(err).__name__}: {err}")
        return failed(source, error, kind)


@attrs.define
class Summary:
    parsed: int = 0
    with_errors: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.parsed + self.failed

    def line(self) -> str:
        rate = self.total / self.seconds if self.seconds else 0.0
        return (
            f"parsed {self.parsed} (with errors {self.with_errors}), failed {self.failed}, "
            f"{self.seconds:.1f} s, {rate:.0f} files/s"
        )


def work(paths: list[Path], first: int, encode: Encoder) -> tuple[list[str], Any]:
    """Parse and encode some files (in a worker): their statuses and what the writer stores."""
    flats = [parse_one(p) for p in paths]
    return [f.reports[0]["status"] for f in flats], encode(first, flats)


_ENCODE: Encoder | None = None  # a pool worker's encoder, installed once when the worker starts


def _install(encode: Encoder) -> None:
    global _ENCODE
    _ENCODE = encode


def _work_installed(paths: list[Path], first: int) -> tuple[list[str], Any]:
    assert _ENCODE is not None
    return work(paths, first, _ENCODE)


def results(
    paths: list[Path], jobs: int, encode: Encoder, chunksize: int = 8
) -> Iterator[tuple[list[str], Any]]:
    """Each chunk's statuses and encoded rows, in input order; ``jobs > 1`` uses processes.

    The encoder reaches each worker once, when it starts (inherited, not pickled per chunk, so
    it may hold a lock). At most a few chunks per worker are in flight, so a slow writer holds
    back the workers instead of letting results pile up in memory.
    """
    starts = range(0, len(paths), chunksize)
    if jobs <= 1:
        for start in starts:
            yield work(paths[start : start + chunksize], start, encode)
        return
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    in_flight: deque[Any] = deque()
    with ctx.Pool(jobs, initializer=_install, initargs=(encode,)) as pool:
        for start in starts:
            chunk = paths[start : start + chunksize]
            in_flight.append(pool.apply_async(_work_installed, (chunk, start)))
            if len(in_flight) >= 3 * jobs:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()
        pool.close()  # let workers exit normally (and close what they opened)
        pool.join()


def run_batch(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    wide: bool = False,
) -> Summary:
    """Parse every input and stream the three tables to ``output`` (format by extension);
    ``wide=True`` also writes the wide table (one row per report, one column per cell)."""
    paths = list(iter_inputs(inputs))
    summary = Summary()
    start = time.perf_counter()
    writer = open_writer(output)
    try:
        done = 0
        for statuses, payload in results(paths, jobs, writer.encoder()):
            writer.write_encoded(payload)
            for status in statuses:
                if status == "failed":
                    summary.failed += 1
                else:
                    summary.parsed += 1
                    summary.with_errors += status == "errors"
            done += len(statuses)
            if progress is not None:
                progress(done, len(paths))
    finally:
        writer.close()
    if wide:
        from giaparse.export.load import load_entries
        from giaparse.export.wide import write_wide

        write_wide(output, load_entries(output))
    summary.seconds = time.perf_counter() - start
    return summary
