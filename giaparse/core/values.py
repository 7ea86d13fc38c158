"""Cell values: counts, signed changes and money, read exactly and never guessed.

A blank cell (empty, NBSP, U+3000, "-", "—", "/", "无") is None, never 0.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import attrs

Unit = Literal["元", "万元"]
UNITS: tuple[Unit, ...] = ("元", "万元")
_UNIT_OF: dict[str | None, Unit] = {"元": "元", "万元": "万元", "万": "万元"}
BLANK_MARKERS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "NA", "N/A"})
_MAX_DIGITS = 15  # longer digit runs are not counts a report prints; int() would also refuse them
_INT = re.compile(r"([+-]?)(\d{1,15})")
_MONEY = re.compile(r"([+-]?)(\d{1,15}(?:\.\d{1,12})?)(万元|元|万)?")
_MINUS = str.maketrans({"−": "-", "﹣": "-", "－": "-", "＋": "+", "﹢": "+", ",": "", "，": ""})


@attrs.frozen(slots=True)
class Money:
    """An exact amount and the unit the report printed (None when neither cell nor header says)."""

    amount: Decimal = attrs.field(metadata={"label": "金额"})
    unit: Unit | None = attrs.field(default=None, metadata={"label": "单位"})

    @property
    def yuan(self) -> Decimal | None:
        """The amount in 元, or None when the unit is unknown."""
        if self.unit == "元":
            return self.amount
        if self.unit == "万元":
            return self.amount * 10000
        return None

    def __str__(self) -> str:
        return f"{self.amount}{self.unit or ''}"


class CellError(ValueError):
    """A cell whose text is not a value of the column's kind (reported, never raised out)."""


def clean(text: str) -> str:
    """NFKC (full-width digits and signs), no whitespace of any kind, no thousands separators."""
    if text.isdigit() and text.isascii():  # the common cell, left as it is
        return text
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).translate(_MINUS)


def is_blank(text: str) -> bool:
    return clean(text) in BLANK_MARKERS


def parse_count(text: str) -> int | None:
    if text.isdigit() and text.isascii() and len(text) <= _MAX_DIGITS:
        return int(text)
    if not text:  # the common blank, without the cost of clean()
        return None
    value = clean(text)
    if value in BLANK_MARKERS:
        return None
    if value.endswith(("件", "条", "个", "项")):
        value = value[:-1]
    m = _INT.fullmatch(value)
    if m is None:
        raise CellError(text)
    return int(m.group(1) + m.group(2))


def parse_delta(text: str) -> int | None:
    """A signed change such as ``+7`` or ``-23``; an unsigned number is a change too."""
    return parse_count(text)


def parse_money(text: str, default_unit: Unit | None = None) -> Money | None:
    if not text:
        return None
    value = clean(text)
    if value in BLANK_MARKERS:
        return None
    m = _MONEY.fullmatch(value)
    if m is None:
        raise CellError(text)
    sign, number, printed = m.groups()
    return Money(Decimal(sign + number), _UNIT_OF.get(printed) or default_unit)


def unit_in(text: str) -> Unit | None:
    """The unit a header names, e.g. ``采购总金额（万元）`` or ``（单位：万元，保留4位小数）``."""
    value = clean(text)
    if "万元" in value:
        return "万元"
    if re.search(r"[(:]元|单位元|\(元\)|元\)", value):
        return "元"
    return None


_PLAIN = re.compile(r"[+-]?\d{1,15}(?:\.\d{1,12})?")
# A note printed beside or under a value (（其中修订16件）, （含自然失效29件）), width folded.
NOTE = re.compile(r"\((?:其中|含|包括|包含|注|另有|不含)[^()]{0,40}\)")
_NOTED = re.compile(r"(.{1,20}?)" + NOTE.pattern)


def noted_value(text: str) -> bool:
    """A value with its note beside it: ``16（其中修订2件）``."""
    if ("(" not in text and "（" not in text) or len(text) > 64:
        return False
    return _noted_value(text)


@lru_cache(maxsize=4096)  # labels with brackets, （一）予以公开, repeat report after report
def _noted_value(text: str) -> bool:
    m = _NOTED.fullmatch(unicodedata.normalize("NFKC", text).replace(" ", ""))
    return m is not None and looks_like_value(m.group(1))


def looks_like_value(text: str) -> bool:
    """True for anything a value cell holds: a number, money, a sign, or a blank marker."""
    if text.isascii() and _PLAIN.fullmatch(text) is not None:  # the common case, fast
        return True
    return _looks_like_value(text) if len(text) < 64 else _looks_like_value.__wrapped__(text)


@lru_cache(maxsize=8192)
def _looks_like_value(text: str) -> bool:
    value = clean(text)
    if value in BLANK_MARKERS:
        return True
    if len(value) > 40:
        return False
    if value.endswith(("件", "条", "个", "项")):
        value = value[:-1]
    return _MONEY.fullmatch(value) is not None
