"""Naming cells: ``applications.total_processed.natural_person`` and 表三「（七）总计」行「自然人」列."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from operator import attrgetter
from typing import Any

import attrs

from giaparse.model.build import cell_name
from giaparse.model.fields import label_of


@cache
def _getter(key: str) -> Callable[[Any], Any]:
    return attrgetter(key)


def value(report: Any, key: str) -> Any:
    return _getter(key)(report)


def chinese(report: Any, key: str) -> str:
    """The cell as a clerk finds it in the printed report."""
    table, row, column = key.split(".")
    table_obj = getattr(report, table)
    row_label = label_of(type(table_obj), row)
    column_label = label_of(type(getattr(table_obj, row)), column)
    return cell_name(table, row_label, column_label)


def columns(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls) if "kind" in f.metadata]
