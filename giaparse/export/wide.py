"""The wide table: one row per report, one column per cell of every registered template.

Column names are the cells' keys (``applications.new_requests.total``); a money cell has
three: the amount as printed (``active_disclosure.fees.amount``, text), its unit
(``….unit``) and the amount in yuan as an exact Decimal (``…_yuan``). A cell the report's
template does not have is empty. One schema, so a frame has the same types whichever path
made it (:func:`wide_frame` from reports, or the ``wide`` table a batch wrote).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from giaparse.core.values import Money
from giaparse.export.review import Entry
from giaparse.export.writers import SQLITE_SUFFIXES, sqlite_rows
from giaparse.model.fields import MONEY, row_fields, value_fields
from giaparse.model.report import Report
from giaparse.model.template import tables_template, templates

if TYPE_CHECKING:
    import pandas

WIDE_HEAD = ("source", "agency", "year", "template", "layout", "errors", "warnings", "infos")


@cache
def _cells(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Every cell key of the templates named, in template and printed order, with its kind."""
    seen: dict[str, str] = {}
    for name in names:
        for table, cls in templates()[name].tables.items():
            for rf in row_fields(cls):
                for cf in value_fields(rf.metadata["row"]):
                    seen.setdefault(f"{table}.{rf.name}.{cf.name}", cf.metadata["kind"])
    return tuple(seen.items())


def wide_columns() -> list[str]:
    """The wide table's columns: the report's head, then each cell (money as three)."""
    columns = list(WIDE_HEAD)
    for key, kind in _cells(tuple(templates())):
        columns += [key, f"{key}.unit", f"{key}_yuan"] if kind == MONEY else [key]
    return columns


def wide_row(source: str, report: Report) -> dict[str, Any]:
    sev = [d.severity for d in report.diagnostics]
    row: dict[str, Any] = dict.fromkeys(wide_columns())
    row.update(
        source=source,
        agency=report.agency,
        year=report.year,
        template=report.template,
        layout=report.layout,
        errors=sev.count("error"),
        warnings=sev.count("warning"),
        infos=sev.count("info"),
    )
    for key, kind in _cells((tables_template(report).name,)):
        table, name, column = key.split(".")
        value = getattr(getattr(getattr(report, table), name, None), column, None)
        if kind == MONEY:
            if isinstance(value, Money):
                row[key] = format(value.amount, "f")
                row[f"{key}.unit"] = value.unit
                row[f"{key}_yuan"] = value.yuan
        else:
            row[key] = value
    return row


def _money_columns() -> set[str]:
    return {f"{k}_yuan" for k, kind in _cells(tuple(templates())) if kind == MONEY}


def _count_columns() -> set[str]:
    counts = {k for k, kind in _cells(tuple(templates())) if kind != MONEY}
    return counts | {"year", "errors", "warnings", "infos"}


def wide_frame(rows: Iterable[dict[str, Any]]) -> pandas.DataFrame:
    """The rows as a DataFrame: counts Int64 (blank is <NA>), yuan exact Decimal, text str."""
    import pandas as pd

    columns = wide_columns()
    frame = pd.DataFrame(list(rows), columns=columns)
    counts, money = _count_columns(), _money_columns()
    for col in columns:
        if col in counts:
            frame[col] = frame[col].astype("Int64")
        elif col in money:
            frame[col] = frame[col].map(lambda v: None if v is None or v != v else Decimal(str(v)))
        else:
            frame[col] = frame[col].astype("string")
    return frame


def write_wide(output: str | Path, entries: Iterable[Entry]) -> Path:
    """Write the wide table beside a batch's output: a ``wide`` table in its SQLite file, or
    ``NAME.wide.csv`` / ``.jsonl`` / ``.parquet``. Money in yuan is written as text (exact)."""
    output = Path(output)
    rows = [wide_row(e.source, e.report) for e in entries if e.report is not None]
    columns = wide_columns()
    plain = [{c: _plain(r[c]) for c in columns} for r in rows]
    suffix = output.suffix.lower()
    if suffix in SQLITE_SUFFIXES:
        counts = _count_columns()
        db = sqlite3.connect(output)
        try:
            cols = ", ".join(f'"{c}" {"INTEGER" if c in counts else "TEXT"}' for c in columns)
            db.execute('DROP TABLE IF EXISTS "wide"')
            db.execute(f'CREATE TABLE "wide" ({cols})')
            marks = ", ".join("?" * len(columns))
            db.executemany(
                f'INSERT INTO "wide" VALUES ({marks})', [[r[c] for c in columns] for r in plain]
            )
            db.commit()
        finally:
            db.close()
        return output
    path = output.with_name(f"{output.stem}.wide{output.suffix}")
    if suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for r in plain:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, columns)
            writer.writeheader()
            writer.writerows(plain)
    elif suffix == ".parquet":
        wide_frame(rows).astype({c: "string" for c in _money_columns()}).to_parquet(path)
    else:
        raise ValueError(f"unknown output format {suffix!r}")
    return path


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def read_wide(output: str | Path) -> pandas.DataFrame:
    """The wide table a batch wrote, with the same types as :func:`wide_frame` gives."""
    import pandas as pd

    output = Path(output)
    suffix = output.suffix.lower()
    if suffix in SQLITE_SUFFIXES:
        return wide_frame(sqlite_rows(output, "wide"))
    path = output.with_name(f"{output.stem}.wide{output.suffix}")
    if suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            return wide_frame(json.loads(line) for line in fh)
    if suffix == ".csv":
        frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        records = frame.to_dict("records")
        return wide_frame({k: (v if v != "" else None) for k, v in r.items()} for r in records)
    frame = pd.read_parquet(path)
    return wide_frame(frame.astype(object).where(frame.notna(), None).to_dict("records"))
