"""Streaming writers for the three tables, chosen by the output's extension.

Every writer takes one file's rows at a time, so memory does not grow with the corpus. File
formats (.jsonl, .csv, .parquet) are rewritten on each run; SQLite replaces a source's rows,
so running the same batch again never duplicates them.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import IO, Any, Protocol

from giaparse.export.rows import COLUMNS, TABLES, Flat

FORMATS = (".sqlite", ".db", ".jsonl", ".csv", ".parquet")


class Writer(Protocol):
    def write(self, flat: Flat) -> None: ...
    def close(self) -> None: ...


def table_paths(output: Path) -> dict[str, Path]:
    """``corpus.csv`` → ``corpus.reports.csv``, ``corpus.facts.csv``, ``corpus.diagnostics.csv``."""
    return {t: output.with_name(f"{output.stem}.{t}{output.suffix}") for t in TABLES}


def open_writer(output: str | Path) -> Writer:
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix in (".sqlite", ".db", ".sqlite3"):
        return SqliteWriter(output)
    if suffix == ".jsonl":
        return JsonlWriter(output)
    if suffix == ".csv":
        return CsvWriter(output)
    if suffix == ".parquet":
        return ParquetWriter(output)
    raise ValueError(f"unknown output format {suffix!r}; use one of {', '.join(FORMATS)}")


class JsonlWriter:
    def __init__(self, output: Path) -> None:
        self.files: dict[str, IO[str]] = {
            t: p.open("w", encoding="utf-8") for t, p in table_paths(output).items()
        }

    def write(self, flat: Flat) -> None:
        for name, fh in self.files.items():
            for row in flat.table(name):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


class CsvWriter:
    """UTF-8 with BOM, so Excel opens the Chinese text correctly."""

    def __init__(self, output: Path) -> None:
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, csv.DictWriter[str]] = {}
        for t, p in table_paths(output).items():
            fh = p.open("w", encoding="utf-8-sig", newline="")
            self.files[t] = fh
            self.writers[t] = csv.DictWriter(fh, fieldnames=COLUMNS[t])
            self.writers[t].writeheader()

    def write(self, flat: Flat) -> None:
        for name, writer in self.writers.items():
            writer.writerows(flat.table(name))

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


_SQL_TYPES = {
    "year": "INTEGER",
    "errors": "INTEGER",
    "warnings": "INTEGER",
    "infos": "INTEGER",
    "line": "INTEGER",
    "value": "INTEGER",
}


class SqliteWriter:
    """Three tables keyed by ``source``; a source's old rows are replaced, never duplicated."""

    def __init__(self, output: Path, commit_every: int = 500) -> None:
        self.db = sqlite3.connect(output)
        self.commit_every = commit_every
        self.pending = 0
        for t in TABLES:
            cols = ", ".join(f'"{c}" {_SQL_TYPES.get(c, "TEXT")}' for c in COLUMNS[t])
            self.db.execute(f'CREATE TABLE IF NOT EXISTS "{t}" ({cols})')
            self.db.execute(f'CREATE INDEX IF NOT EXISTS "{t}_source" ON "{t}" ("source")')

    def write(self, flat: Flat) -> None:
        sources = {r["source"] for r in flat.reports}
        for t in TABLES:
            for s in sources:
                self.db.execute(f'DELETE FROM "{t}" WHERE "source" = ?', (s,))
            rows = flat.table(t)
            if rows:
                cols = COLUMNS[t]
                marks = ", ".join("?" * len(cols))
                self.db.executemany(
                    f'INSERT INTO "{t}" VALUES ({marks})', [tuple(r[c] for c in cols) for r in rows]
                )
        self.pending += 1
        if self.pending >= self.commit_every:
            self.db.commit()
            self.pending = 0

    def close(self) -> None:
        self.db.commit()
        self.db.close()


class ParquetWriter:
    """pyarrow (the ``parquet`` extra); rows are buffered into row groups."""

    def __init__(self, output: Path, row_group: int = 20_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise RuntimeError(
                "Parquet output needs pyarrow: pip install 'giaparse[parquet]'"
            ) from err
        self.pa, self.pq = pa, pq
        self.row_group = row_group
        self.schemas = {t: pa.schema([(c, _arrow_type(pa, c)) for c in COLUMNS[t]]) for t in TABLES}
        self.writers = {
            t: pq.ParquetWriter(p, self.schemas[t]) for t, p in table_paths(output).items()
        }
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    def write(self, flat: Flat) -> None:
        for t in TABLES:
            self.buffers[t].extend(flat.table(t))
            if len(self.buffers[t]) >= self.row_group:
                self._flush(t)

    def _flush(self, t: str) -> None:
        if self.buffers[t]:
            table = self.pa.Table.from_pylist(self.buffers[t], schema=self.schemas[t])
            self.writers[t].write_table(table)
            self.buffers[t] = []

    def close(self) -> None:
        for t in TABLES:
            self._flush(t)
            self.writers[t].close()


def _arrow_type(pa: Any, column: str) -> Any:
    return pa.int64() if column in _SQL_TYPES else pa.string()


def read_table(output: str | Path, table: str) -> list[dict[str, Any]]:
    """Read one table back from any output format (for tests and quick looks)."""
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix in (".sqlite", ".db", ".sqlite3"):
        db = sqlite3.connect(output)
        db.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
        finally:
            db.close()
    path = table_paths(output)[table]
    if suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    raise ValueError(f"unknown output format {suffix!r}")
