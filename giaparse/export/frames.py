"""pandas DataFrames of the tidy tables (the ``pandas`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from giaparse.export.rows import COLUMNS, INTEGER_COLUMNS, Flat, flatten
from giaparse.model.report import Report

if TYPE_CHECKING:
    import pandas

TableKind = Literal["facts", "reports", "diagnostics", "wide"]


def to_frame(
    reports: Iterable[Report | tuple[str, Report]], kind: TableKind = "facts"
) -> pandas.DataFrame:
    """A DataFrame of ``kind`` ("facts", "reports" or "diagnostics") for the given reports.

    Items may be ``(source, report)`` pairs; a bare report's source is its position.
    """
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise RuntimeError("to_frame needs pandas: pip install 'giaparse[pandas]'") from err
    if kind == "wide":  # one row per report, one column per cell
        from giaparse.export.wide import wide_frame, wide_row

        items = [
            item if isinstance(item, tuple) else (str(i), item) for i, item in enumerate(reports)
        ]
        return wide_frame(wide_row(source, report) for source, report in items)
    if kind not in COLUMNS:
        raise ValueError(f"kind must be one of {', '.join(COLUMNS)}; got {kind!r}")
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(reports):
        source, report = item if isinstance(item, tuple) else (str(i), item)
        flat: Flat = flatten(source, report)
        rows.extend(flat.table(kind))
    frame = pd.DataFrame(rows, columns=list(COLUMNS[kind]))
    for col in INTEGER_COLUMNS.intersection(frame.columns):
        frame[col] = frame[col].astype("Int64")
    return frame
