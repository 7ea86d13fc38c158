"""Streaming writers for the three tables, chosen by the output's extension.

Each writer has a pure ``encode(flat)`` that turns one file's rows into what it stores (JSON
lines, CSV text, SQL tuples): the batch runs it in the worker processes, so the one process
that writes only appends. Memory does not grow with the corpus. File formats (.jsonl, .csv,
.parquet) are rewritten on each run; SQLite replaces a source's rows, so running the same
batch again never duplicates them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Protocol

from giaparse.export.rows import COLUMNS, TABLES, Flat

FORMATS = (".sqlite", ".db", ".jsonl", ".csv", ".parquet")
_GETTERS = {t: itemgetter(*COLUMNS[t]) for t in TABLES}
_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(...) would build one per row


class Writer(Protocol):
    @staticmethod
    def encode(flats: list[Flat]) -> Any:
        """Turn some files' rows into what the writer stores (runs in a worker process)."""

    def write_encoded(self, payload: Any) -> None: ...
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


def write(writer: Writer, flat: Flat) -> None:
    writer.write_encoded(writer.encode([flat]))


class _TextFiles:
    """Appends bytes the workers encoded: the writing process does no per-row work."""

    files: dict[str, IO[bytes]]

    def write_encoded(self, payload: dict[str, bytes]) -> None:
        for name, data in payload.items():
            if data:
                self.files[name].write(data)

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


class JsonlWriter(_TextFiles):
    def __init__(self, output: Path) -> None:
        self.files = {t: p.open("wb") for t, p in table_paths(output).items()}

    @staticmethod
    def encode(flats: list[Flat]) -> dict[str, bytes]:
        return {
            t: "".join(_JSON(row) + "\n" for f in flats for row in f.table(t)).encode()
            for t in TABLES
        }


class CsvWriter(_TextFiles):
    """UTF-8 with BOM, so Excel opens the Chinese text correctly."""

    def __init__(self, output: Path) -> None:
        self.files = {}
        for t, p in table_paths(output).items():
            fh = p.open("wb")
            buf = io.StringIO()
            csv.writer(buf).writerow(COLUMNS[t])
            fh.write(("\ufeff" + buf.getvalue()).encode())
            self.files[t] = fh

    @staticmethod
    def encode(flats: list[Flat]) -> dict[str, bytes]:
        out = {}
        for t in TABLES:
            buf = io.StringIO()
            writer = csv.writer(buf)
            for f in flats:
                writer.writerows(map(_GETTERS[t], f.table(t)))
            out[t] = buf.getvalue().encode()
        return out


_SQL_TYPES = {
    "year": "INTEGER",
    "errors": "INTEGER",
    "warnings": "INTEGER",
    "infos": "INTEGER",
    "line": "INTEGER",
    "value": "INTEGER",
}


_SHARD_MIN = 4  # files; fewer are sent as rows, more are written to a shard by the worker


def _create_tables(db: sqlite3.Connection) -> dict[str, str]:
    inserts = {}
    for t in TABLES:
        cols = ", ".join(f'"{c}" {_SQL_TYPES.get(c, "TEXT")}' for c in COLUMNS[t])
        db.execute(f'CREATE TABLE IF NOT EXISTS "{t}" ({cols})')
        inserts[t] = f'INSERT INTO "{t}" VALUES ({", ".join("?" * len(COLUMNS[t]))})'
    return inserts


class SqliteWriter:
    """Three tables keyed by ``source``; a source's old rows are replaced, never duplicated.

    Workers write a chunk's rows into a small shard database; the writer copies shards in with
    ``INSERT … SELECT`` (in input order), which costs it almost nothing per row.
    """

    def __init__(self, output: Path, commit_every: int = 500) -> None:
        self.db = sqlite3.connect(output)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.commit_every = commit_every
        self.pending = 0
        self.inserts = _create_tables(self.db)
        # only sources already stored need their old rows deleted (a re-run, or a new batch)
        self.known = {row[0] for row in self.db.execute('SELECT DISTINCT "source" FROM "reports"')}

    @staticmethod
    def encode(flats: list[Flat]) -> tuple[list[str], Any]:
        sources = [r["source"] for f in flats for r in f.reports]
        if len(flats) < _SHARD_MIN:
            return sources, {t: [_GETTERS[t](r) for f in flats for r in f.table(t)] for t in TABLES}
        fd, name = tempfile.mkstemp(prefix="giaparse-shard-", suffix=".sqlite")
        os.close(fd)
        shard = sqlite3.connect(name)
        try:
            shard.execute("PRAGMA journal_mode=OFF")
            shard.execute("PRAGMA synchronous=OFF")
            for t, sql in _create_tables(shard).items():
                shard.executemany(sql, (_GETTERS[t](r) for f in flats for r in f.table(t)))
            shard.commit()
        finally:
            shard.close()
        return sources, name

    def write_encoded(self, payload: tuple[list[str], Any]) -> None:
        sources, data = payload
        for source in set(sources) & self.known:
            for t in TABLES:
                self.db.execute(f'DELETE FROM "{t}" WHERE "source" = ?', (source,))
        if isinstance(data, str):
            self.db.commit()  # ATTACH is not allowed inside a transaction
            self.db.execute("ATTACH DATABASE ? AS shard", (data,))
            try:
                for t in TABLES:
                    self.db.execute(
                        f'INSERT INTO main."{t}" SELECT * FROM shard."{t}" ORDER BY rowid'
                    )
                self.db.commit()
            finally:
                self.db.execute("DETACH DATABASE shard")
                os.unlink(data)
        else:
            for t in TABLES:
                if data[t]:
                    self.db.executemany(self.inserts[t], data[t])
        self.pending += len(sources)
        if self.pending >= self.commit_every:
            self.db.commit()
            self.pending = 0

    def close(self) -> None:
        for t in TABLES:  # built once at the end: cheaper than updating it on every insert
            self.db.execute(f'CREATE INDEX IF NOT EXISTS "{t}_source" ON "{t}" ("source")')
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
        self.pa = pa
        self.row_group = row_group
        self.schemas = {t: pa.schema([(c, _arrow_type(pa, c)) for c in COLUMNS[t]]) for t in TABLES}
        self.writers = {
            t: pq.ParquetWriter(p, self.schemas[t]) for t, p in table_paths(output).items()
        }
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    @staticmethod
    def encode(flats: list[Flat]) -> list[Flat]:
        return flats

    def write_encoded(self, payload: list[Flat]) -> None:
        for t in TABLES:
            for flat in payload:
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
