"""Scale-out on Dask: a bag of file paths → a facts DataFrame → Parquet (the ``dask`` extra).

Workers receive paths, not text; each worker process builds the parser once (the grammar cache
is per process) and a file that fails is counted in the reports table, never stops the job.

    from dask.distributed import Client
    from giaparse.export.dask import tables

    client = Client("scheduler:8786")            # or LocalCluster() for one machine
    reports, facts, diagnostics = tables(paths, partition_size=200)
    facts.to_parquet("facts/")                    # or facts.compute() for pandas
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from giaparse.export.batch import parse_one
from giaparse.export.rows import COLUMNS, INTEGER_COLUMNS, TABLES


def _partition(paths: Iterable[str]) -> list[dict[str, Any]]:
    """One partition's rows of all three tables, tagged with their table."""
    out: list[dict[str, Any]] = []
    for path in paths:
        flat = parse_one(path)
        for table in TABLES:
            out.extend({"_table": table, **row} for row in flat.table(table))
    return out


def dtypes(table: str) -> dict[str, str]:
    """Nullable pandas dtypes for a table's columns (integers stay integers, blanks stay NA)."""
    return {c: "Int64" if c in INTEGER_COLUMNS else "string" for c in COLUMNS[table]}


def _meta(table: str) -> Any:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes(table).items()})


def tables(paths: Iterable[str | Path], partition_size: int = 100) -> tuple[Any, Any, Any]:
    """Lazy Dask DataFrames (reports, facts, diagnostics) for the given report files."""
    import dask.bag as db

    items = [str(p) for p in paths]
    # each frame re-reads its partitions; compute them together (dask.compute) to parse once
    bag = db.from_sequence(  # type: ignore[no-untyped-call]
        items, partition_size=partition_size
    ).map_partitions(_partition)
    frames = []
    for table in TABLES:
        rows = bag.filter(lambda r, t=table: r["_table"] == t).map(
            lambda r: {c: r.get(c) for c in COLUMNS[r["_table"]]}
        )
        frames.append(rows.to_dataframe(meta=_meta(table)).astype(dtypes(table)))
    return frames[0], frames[1], frames[2]


def facts_to_parquet(
    paths: Iterable[str | Path], output: str | Path, partition_size: int = 100
) -> None:
    """The recipe in one call: paths → facts DataFrame → a Parquet dataset folder."""
    _, facts, _ = tables(paths, partition_size)
    facts.to_parquet(str(output), write_index=False)
