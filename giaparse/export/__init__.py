"""Exports: tidy tables (reports, facts, diagnostics) as files, SQLite, DataFrames, Dask."""

from giaparse.export.batch import Summary, parse_one, run_batch
from giaparse.export.frames import to_frame
from giaparse.export.rows import COLUMNS, TABLES, Flat, flatten
from giaparse.export.writers import open_writer, read_table
from giaparse.sources.files import iter_inputs

__all__ = [
    "COLUMNS",
    "TABLES",
    "Flat",
    "Summary",
    "flatten",
    "iter_inputs",
    "open_writer",
    "parse_one",
    "read_table",
    "run_batch",
    "to_frame",
]
