"""Naming cells: ``applications.total_processed.natural_person`` and 表三「（七）总计」行「自然人」列."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from operator import attrgetter
from typing import Any

from giaparse.model.fields import cell_name, label_of, value_fields


@cache
def _getter(key: str) -> Callable[[Any], Any]:
    return attrgetter(key)


def value(report: Any, key: str) -> Any:
    return _getter(key)(report)


def cell_values(report: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    """The values of ``keys``, reading each row object once rather than each key's full path."""
    values: dict[str, Any] = {}
    for table, row, cells in _by_row(keys):
        obj = getattr(getattr(report, table), row)
        for column, key in cells:
            values[key] = getattr(obj, column)
    return values


@cache
def _by_row(keys: tuple[str, ...]) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    rows: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in keys:
        table, row, column = key.split(".")
        rows.setdefault((table, row), []).append((column, key))
    return tuple((t, r, tuple(cells)) for (t, r), cells in rows.items())


def chinese(report: Any, key: str) -> str:
    """The cell as a clerk finds it in the printed report."""
    table, row, column = key.split(".")
    table_obj = getattr(report, table)
    row_label = label_of(type(table_obj), row)
    column_label = label_of(type(getattr(table_obj, row)), column)
    return cell_name(table, row_label, column_label)


def columns(cls: type) -> list[str]:
    """The value columns' names of a row class, in printed order."""
    return [f.name for f in value_fields(cls)]
