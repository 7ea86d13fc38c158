"""Streaming writers for the three tables, chosen by the output's extension.

Each writer hands the batch an encoder that turns a chunk of files' rows into what it stores;
the batch runs it in the worker processes, so the parent does no per-row work. The JSON Lines
and CSV encoders append their bytes to the files themselves, one chunk at a time in input
order; SQLite's stores its rows itself, one transaction per chunk. No rows cross a pipe or are
copied a second time (Parquet's rows still go to the parent's writer). Memory does not grow
with the corpus. File formats (.jsonl, .csv, .parquet) are rewritten on each run; SQLite
replaces a source's rows, so running the same batch again never duplicates them.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Protocol

import attrs

from giaparse.export.rows import (
    COLUMNS,
    FACT_CELL,
    FACT_HEAD,
    FACT_LABELS,
    FACT_VALUE,
    INTEGER_COLUMNS,
    TABLES,
    Flat,
)

FORMATS = (".sqlite", ".db", ".jsonl", ".csv", ".parquet")
SQLITE_SUFFIXES = (".sqlite", ".db", ".sqlite3")  # what is written and read as SQLite
_GETTERS = {t: itemgetter(*COLUMNS[t]) for t in TABLES}
_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(...) would build one per row


Encoder = Callable[[int, list[Flat]], Any]


class Writer(Protocol):
    def encoder(self) -> Encoder:
        """What turns files' rows into what the writer stores, in the worker processes.

        It is called with the input index of a chunk's first file and the chunk's rows, and is
        handed to each worker once, when the worker starts.
        """

    def write_encoded(self, payload: Any) -> None: ...
    def close(self) -> None: ...


def table_paths(output: Path) -> dict[str, Path]:
    """``corpus.csv`` → ``corpus.reports.csv``, ``corpus.facts.csv``, ``corpus.diagnostics.csv``."""
    return {t: output.with_name(f"{output.stem}.{t}{output.suffix}") for t in TABLES}


def open_writer(output: str | Path) -> Writer:
    """The writer for ``output``'s format; its folder is created when missing."""
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix in FORMATS:
        output.parent.mkdir(parents=True, exist_ok=True)
    if suffix in SQLITE_SUFFIXES:
        return SqliteWriter(output)
    if suffix == ".jsonl":
        return JsonlWriter(output)
    if suffix == ".csv":
        return CsvWriter(output)
    if suffix == ".parquet":
        return ParquetWriter(output)
    raise ValueError(f"unknown output format {suffix!r}; use one of {', '.join(FORMATS)}")


class Turn:
    """Lets chunks through one at a time in input order, across the processes of one batch.

    ``with turn(first, count):`` waits until the chunks before file ``first`` are through.
    """

    def __init__(self) -> None:
        self._next = multiprocessing.Value("q", 0, lock=False)  # guarded by the condition
        self._cond = multiprocessing.Condition()

    @contextmanager
    def __call__(self, first: int, count: int) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: self._next.value == first)
            try:
                yield
            finally:  # a chunk that failed to write still lets the next one through
                self._next.value = first + count
                self._cond.notify_all()


@attrs.frozen
class AppendBytes:
    """The JSON Lines and CSV encoder: appends a chunk's bytes to the files, in input order.

    Workers write for themselves, so no rows cross a pipe to the parent (at 10,000 reports
    that is 0.7 GB).
    """

    paths: dict[str, str]  # table -> file
    encode: Callable[[list[Flat]], dict[str, bytes]]
    turn: Turn

    def __call__(self, first: int, flats: list[Flat]) -> None:
        try:
            data = self.encode(flats)
        except BaseException:
            with self.turn(first, len(flats)):  # pass the turn on, or the next chunk waits forever
                raise
        with self.turn(first, len(flats)):
            for name, chunk in data.items():
                if chunk:
                    fh = _own(self.paths[name], _append)
                    fh.write(chunk)
                    fh.flush()  # on disk (in the OS) before the next chunk's turn


_OWN: dict[tuple[int, str], Any] = {}


def _own(path: str, opener: Callable[[str], Any]) -> Any:
    """This process's handle on ``path``, opened once by ``opener``.

    Keyed by pid, so a worker never uses a handle it inherited from the parent.
    """
    key = (os.getpid(), path)
    handle = _OWN.get(key)
    if handle is None:
        handle = _OWN[key] = opener(path)
    return handle


def _close_own(path: str) -> None:
    """Close this process's handle on ``path``, if it opened one (the parent, in a serial run)."""
    handle = _OWN.pop((os.getpid(), path), None)
    if handle is not None:
        handle.close()


def _append(path: str) -> IO[bytes]:
    return open(path, "ab")  # closed by _close_own


class _TextFiles:
    """Files the workers append to; the parent creates them, and closes its own handles."""

    paths: dict[str, str]

    @staticmethod
    def encode(flats: list[Flat]) -> dict[str, bytes]:
        raise NotImplementedError

    def _start(self, output: Path, head: Callable[[str], bytes]) -> None:
        """Create (or empty) each table's file with its head; none is left open to inherit."""
        self.paths = {t: str(p) for t, p in table_paths(output).items()}
        for t, path in self.paths.items():
            Path(path).write_bytes(head(t))
        self._append = AppendBytes(self.paths, type(self).encode, Turn())

    def encoder(self) -> Encoder:
        return self._append

    def write_encoded(self, payload: None) -> None:
        """Nothing to do: the encoder has appended the chunk's bytes."""

    def close(self) -> None:
        for path in self.paths.values():
            _close_own(path)


class JsonlWriter(_TextFiles):
    def __init__(self, output: Path) -> None:
        self._start(output, lambda table: b"")

    @staticmethod
    def encode(flats: list[Flat]) -> dict[str, bytes]:
        return {
            t: (
                _facts_jsonl(flats)
                if t == "facts"
                else "".join(_JSON(row) + "\n" for f in flats for row in f.table(t))
            ).encode()
            for t in TABLES
        }


# Bounded memos (cleared when full): a corpus repeats a few hundred cells and short texts, and
# long texts rarely repeat, so only short ones are kept; a few MB at most.
_MAX_STRINGS, _SHORT = 16384, 64
_MAX_CELLS = 4096
_STRINGS: dict[str, str] = {}
_CELLS: dict[tuple[Any, ...], tuple[str, str]] = {}


def _value(v: Any) -> str:
    """``_JSON(v)``, remembering short strings: keys, labels and cell texts repeat."""
    if v is None:
        return "null"
    if type(v) is int:
        return str(v)
    if type(v) is not str or len(v) > _SHORT:
        return _JSON(v)
    text = _STRINGS.get(v)
    if text is None:
        if len(_STRINGS) >= _MAX_STRINGS:
            _STRINGS.clear()
        text = _STRINGS[v] = _JSON(v)
    return text


def _pairs(columns: tuple[str, ...], values: Iterable[Any]) -> str:
    return ", ".join(f"{_value(c)}: {_value(v)}" for c, v in zip(columns, values, strict=True))


_FACT_KEY = itemgetter(*FACT_CELL, *FACT_LABELS)
_FACT_VALUES = itemgetter(*FACT_VALUE)
_VALUES_FORMAT = ", ".join(f"{_JSON(c)}: {{}}" for c in FACT_VALUE)  # '"value": {}, …'


def _facts_jsonl(flats: list[Flat]) -> str:
    """The facts rows as JSON Lines, the bytes ``_JSON(row)`` would give, twice as fast.

    Of a fact's 13 columns only ``FACT_VALUE`` changes from row to row: ``FACT_HEAD`` is the
    same for a whole file, and ``FACT_CELL`` with ``FACT_LABELS`` repeats across files, so
    those are encoded once and joined.
    """
    lines = []
    n = len(FACT_CELL)
    for flat in flats:
        if not flat.facts:
            continue
        first = flat.facts[0]
        head = "{" + _pairs(FACT_HEAD, (first[c] for c in FACT_HEAD)) + ", "
        for row in flat.facts:
            key = _FACT_KEY(row)
            cell = _CELLS.get(key)
            if cell is None:
                if len(_CELLS) >= _MAX_CELLS:
                    _CELLS.clear()
                cell = _CELLS[key] = (
                    f"{_pairs(FACT_CELL, key[:n])}, ",
                    f", {_pairs(FACT_LABELS, key[n:])}}}\n",
                )
            values = _VALUES_FORMAT.format(*map(_value, _FACT_VALUES(row)))
            lines.append(f"{head}{cell[0]}{values}{cell[1]}")
    return "".join(lines)


def _csv_head(table: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerow(COLUMNS[table])
    return ("\ufeff" + buf.getvalue()).encode()


class CsvWriter(_TextFiles):
    """UTF-8 with BOM, so Excel opens the Chinese text correctly."""

    def __init__(self, output: Path) -> None:
        self._start(output, _csv_head)

    @staticmethod
    def encode(flats: list[Flat]) -> dict[str, bytes]:
        out = {}
        raw = COLUMNS["facts"].index("raw")
        for t in TABLES:
            buf = io.StringIO()
            writer = csv.writer(buf)
            for f in flats:
                rows: Iterable[Any] = map(_GETTERS[t], f.table(t))
                if t == "facts":  # the cell as printed stays text when Excel opens the file
                    rows = ((*r[:raw], excel_text(r[raw]), *r[raw + 1 :]) for r in rows)
                writer.writerows(rows)
            out[t] = buf.getvalue().encode()
        return out


EXCEL_ROWS = 1_048_576  # rows in an Excel sheet, the header among them
_EXCEL_NUMBERISH = re.compile(r"[+\-=@]|0\d|\d+(?:\.\d*)?[eE]|\d{16,}")


def excel_text(value: Any) -> Any:
    """``+16`` as ``="+16"``: a text Excel would turn into a number (a sign, a leading zero,
    an exponent, more digits than it keeps) is written as a formula giving the text."""
    if isinstance(value, str) and _EXCEL_NUMBERISH.match(value):
        return '="' + value.replace('"', '""') + '"'
    return value


def from_excel_text(value: str) -> str:
    """The inverse of :func:`excel_text`, for reading the CSV back."""
    if value.startswith('="') and value.endswith('"'):
        return value[2:-1].replace('""', '"')
    return value


STRIDE = 2**32  # rowids per input file and table: row i of file k is (base + k) * STRIDE + i


def _create_tables(db: sqlite3.Connection) -> None:
    for t in TABLES:
        cols = ", ".join(f'"{c}" {_sql_type(c)}' for c in COLUMNS[t])
        db.execute(f'CREATE TABLE IF NOT EXISTS "{t}" ({cols})')
        # a database written by an older giaparse lacks the columns added since: add them
        have = {row[1] for row in db.execute(f'PRAGMA table_info("{t}")')}
        for c in COLUMNS[t]:
            if c not in have:
                db.execute(f'ALTER TABLE "{t}" ADD COLUMN "{c}" {_sql_type(c)}')


def _sql_type(column: str) -> str:
    return "INTEGER" if column in INTEGER_COLUMNS else "TEXT"


def _insert(table: str) -> str:
    columns = ", ".join(f'"{c}"' for c in COLUMNS[table])
    return f'INSERT INTO "{table}" (rowid, {columns}) VALUES (?{", ?" * len(COLUMNS[table])})'


_INSERTS = {t: _insert(t) for t in TABLES}


class SqliteWriter:
    """Three tables keyed by ``source``; a source's old rows are replaced, never duplicated.

    The workers store their rows themselves, one transaction per chunk under a lock they share
    (SQLite lets one writer in at a time), so no process copies rows a second time. Each row's
    rowid comes from its file's place in the input, so ``ORDER BY rowid`` is input order
    however the workers' chunks interleave, and a pool writes what a serial run writes.
    """

    def __init__(self, output: Path) -> None:
        self.path = str(output)
        db = sqlite3.connect(self.path)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # kept in the file: readable while it grows
            _create_tables(db)
            # only sources already stored have old rows to delete (a re-run, or a new batch)
            known = dict(db.execute('SELECT "source", rowid FROM "reports"').fetchall())
            last = max(
                db.execute(f'SELECT max(rowid) FROM "{t}"').fetchone()[0] or 0 for t in TABLES
            )
            db.commit()
        finally:
            db.close()  # no connection may be open in the parent when the pool forks
        lock = multiprocessing.Lock()
        self._rows = SqliteRows(self.path, last // STRIDE + 1, known, lock)

    def encoder(self) -> Encoder:
        return self._rows

    def write_encoded(self, payload: None) -> None:
        """Nothing to do: the encoder has stored the chunk's rows."""

    def close(self) -> None:
        _close_own(self.path)
        db = sqlite3.connect(self.path)
        try:  # facts and diagnostics need no index: a source's rows are one rowid range
            db.execute('CREATE INDEX IF NOT EXISTS "reports_source" ON "reports" ("source")')
            db.commit()
        finally:
            db.close()


@attrs.frozen
class SqliteRows:
    """The SQLite encoder: stores a chunk's rows in one transaction (in a worker)."""

    path: str
    base: int  # the first free file slot: rowids below base * STRIDE belong to earlier batches
    known: dict[str, int]  # sources stored before this batch -> their reports row's rowid
    lock: Any  # a multiprocessing lock, shared by the workers of one batch

    def __call__(self, first: int, flats: list[Flat]) -> None:
        db: sqlite3.Connection = _own(self.path, _connect)
        rows = {  # built before taking the lock: the other workers wait only for the inserts
            t: [
                ((self.base + first + k) * STRIDE + i, *_GETTERS[t](row))
                for k, flat in enumerate(flats)
                for i, row in enumerate(flat.table(t))
            ]
            for t in TABLES
        }
        stored = [r["source"] for f in flats for r in f.reports if r["source"] in self.known]
        with self.lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                for source in stored:
                    self._delete(db, source)
                for t in TABLES:
                    db.executemany(_INSERTS[t], rows[t])
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        # Copy the log into the database outside the lock: a checkpoint can run while another
        # connection writes, so it need not hold back the other workers as auto-checkpoints do.
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _delete(self, db: sqlite3.Connection, source: str) -> None:
        at = self.known[source]
        args: tuple[int | str, ...]
        if at > 0 and at % STRIDE == 0:  # the source's slot: its rows of every table
            where, args = "rowid >= ? AND rowid < ?", (at, at + STRIDE)
        else:  # stored before rowids were slots (those files have an index on source)
            where, args = '"source" = ?', (source,)
        for t in TABLES:
            db.execute(f'DELETE FROM "{t}" WHERE {where}', args)


def _connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=600, isolation_level=None)
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints run after the lock is released
    return db


def _rows(first: int, flats: list[Flat]) -> list[Flat]:
    """The Parquet encoder: the rows themselves (Arrow tables are built in the writer)."""
    return flats


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

    def encoder(self) -> Encoder:
        return _rows

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
    return pa.int64() if column in INTEGER_COLUMNS else pa.string()


def _from_csv(column: str, text: str) -> Any:
    if text == "":
        return None
    if column == "raw":
        return from_excel_text(text)
    return int(text) if column in INTEGER_COLUMNS else text


def sqlite_rows(path: Path, table: str) -> list[dict[str, Any]]:
    """One table of a batch's SQLite file, in the order its rows were written."""
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
    finally:
        db.close()


def read_table(output: str | Path, table: str) -> list[dict[str, Any]]:
    """Read one table back from any output format, typed the same whatever the format: whole
    numbers as int, blanks as None, the rest as str (for tests and quick looks)."""
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix in SQLITE_SUFFIXES:
        return sqlite_rows(output, table)
    path = table_paths(output)[table]
    if suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]
    if suffix == ".csv":  # typed as the other formats: whole numbers as int, empty as None
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [{k: _from_csv(k, v) for k, v in row.items()} for row in csv.DictReader(fh)]
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
        return rows
    raise ValueError(f"unknown output format {suffix!r}")
