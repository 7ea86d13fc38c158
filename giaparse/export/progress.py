"""A progress bar on a terminal (rich, or tqdm), nothing when output is piped or neither is there."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator

Tick = Callable[[int, int], None]


@contextlib.contextmanager
def progress_bar(show: bool) -> Iterator[Tick | None]:
    if not show:
        yield None
        return
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
    except ImportError:
        rich = None
    else:
        rich = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),  # where the summary goes, and the terminal we asked about
            transient=False,
        )
    if rich is not None:
        with rich:
            task = rich.add_task("parse", total=None)

            last = [0.0]

            def tick(done: int, total: int) -> None:
                now = time.monotonic()  # redrawing per file would cost more than parsing
                if now - last[0] >= 0.1 or done == total:
                    last[0] = now
                    rich.update(task, completed=done, total=total)

            yield tick
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield None
        return
    bar = tqdm(unit="file", file=sys.stderr)

    def tick_tqdm(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    try:
        yield tick_tqdm
    finally:
        bar.close()
