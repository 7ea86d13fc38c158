"""Field helpers: every field carries its official Chinese label and its value kind in metadata."""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs

from giaparse.core.values import Unit

COUNT, DELTA, MONEY = "count", "delta", "money"
TABLE_NUMBERS = {"active_disclosure": "表二", "applications": "表三", "reviews": "表四"}


def count(label: str) -> Any:
    """A count cell: ``int | None`` (None is a blank cell)."""
    return attrs.field(default=None, metadata={"label": label, "kind": COUNT})


def delta(label: str) -> Any:
    """A signed change cell (``+7``, ``-23``): ``int | None``."""
    return attrs.field(default=None, metadata={"label": label, "kind": DELTA})


def money(label: str, unit: Unit | None = None) -> Any:
    """A money cell: ``Money | None``; ``unit`` is the template's unit when the cell names none."""
    return attrs.field(default=None, metadata={"label": label, "kind": MONEY, "unit": unit})


def row(label: str, cls: type, *aliases: str) -> Any:
    """A table row; a missing row is a row of blanks (and a diagnostic), never None."""
    return attrs.field(factory=cls, metadata={"label": label, "row": cls, "aliases": aliases})


def label_of(cls: type, name: str) -> str:
    """The official Chinese label of ``cls.name``."""
    return _label_of(cls, name)


def row_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of a table class that are rows (not extra_rows)."""
    return _row_fields(cls)


def value_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The value columns of a row class, in printed order: their number is the row's arity."""
    return _value_fields(cls)


@cache
def _label_of(cls: type, name: str) -> str:
    label: str = attrs.fields_dict(cls)[name].metadata.get("label", name)
    return label


@cache
def _row_fields(cls: type) -> list[attrs.Attribute[Any]]:
    return [f for f in attrs.fields(cls) if "row" in f.metadata]


@cache
def _value_fields(cls: type) -> list[attrs.Attribute[Any]]:
    return [f for f in attrs.fields(cls) if "kind" in f.metadata]


def cell_name(table: str, row_label: str, column_label: str) -> str:
    """A cell as a clerk finds it in print: 表三「（七）总计」行「自然人」列."""
    return f"{TABLE_NUMBERS.get(table, table)}「{row_label}」行「{column_label}」列"
