"""Cell values: counts, signed changes, money; blanks are None."""

from __future__ import annotations

from decimal import Decimal

import pytest

from giaparse import Money
from giaparse.core.values import CellError, parse_count, parse_delta, parse_money


@pytest.mark.parametrize("text", ["", "\xa0", "\u3000", "-", "—", "/", "无"])
def test_blanks_are_none(text: str) -> None:
    assert parse_count(text) is None and parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "value"), [("0", 0), ("１２", 12), (" 3973 ", 3973), ("1,234", 1234)]
)
def test_counts(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(("text", "value"), [("+7", 7), ("-23", -23), ("－14", -14), ("0", 0)])
def test_deltas(text: str, value: int) -> None:
    assert parse_delta(text) == value


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("7.6万元", "7.6", "万元"),
        ("674.7294万元", "674.7294", "万元"),
        ("251000元", "251000", "元"),
        ("395289.50", "395289.50", None),
        ("12万", "12", "万元"),
    ],
)
def test_money(text: str, amount: str, unit: str | None) -> None:
    assert parse_money(text) == Money(Decimal(amount), unit)  # type: ignore[arg-type]


def test_money_takes_the_header_unit_when_the_cell_has_none() -> None:
    assert parse_money("0", "万元") == Money(Decimal("0"), "万元")
    assert parse_money("5元", "万元") == Money(Decimal("5"), "元")


def test_yuan() -> None:
    assert Money(Decimal("674.7294"), "万元").yuan == Decimal("6747294.0000")
    assert Money(Decimal("251000"), "元").yuan == Decimal("251000")
    assert Money(Decimal("1"), None).yuan is None


@pytest.mark.parametrize("text", ["约10", "见附件", "1" * 200_000])
def test_not_values_raise_cell_error(text: str) -> None:
    with pytest.raises(CellError):
        parse_count(text)


def test_placeholder_marks_are_blanks_with_one_info_never_zero() -> None:
    from conftest import seed_text

    import giaparse

    lines = seed_text("003_95eaafa52db6b695.txt").split("\n")
    at = next(i for i, ln in enumerate(lines) if "予以公开" in ln)
    cells = lines[at].split("\t")
    zeros = [i for i, c in enumerate(cells) if c == "0"]
    assert len(zeros) == 7  # the row prints 0 in every column
    for i, mark in zip(zeros, ["-", "—", "/", "无", "——", "0"], strict=False):
        cells[i] = mark
    lines[at] = "\t".join(cells)
    report = giaparse.parse("\n".join(lines))
    row = report.applications.granted
    assert (row.natural_person, row.commercial, row.research, row.social_welfare) == (None,) * 4
    assert (row.legal_services, row.other_org) == (None, 0)
    (info,) = [d for d in report.diagnostics if d.code == "BLANK_MARK"]
    assert info.severity == "info" and len(info.cells) == 5
    assert info.cells[0] == "applications.granted.natural_person"


def test_a_note_in_a_cell_or_on_its_own_line_goes_to_the_diagnostics() -> None:
    from conftest import seed_text

    import giaparse

    lines = seed_text("003_95eaafa52db6b695.txt").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("行政规范性文件"))
    label, *cells = lines[at].split("\t")
    cells[0] = cells[0] + "（其中修订16件）"
    lines[at] = "\t".join([label, *cells])
    lines.insert(at + 1, "（含自然失效29件）")
    report = giaparse.parse("\n".join(lines))
    want = giaparse.parse(seed_text("003_95eaafa52db6b695.txt"))
    assert report.active_disclosure == want.active_disclosure  # the values, as printed
    assert report.sections.active_disclosure == want.sections.active_disclosure  # no note
    notes = [d for d in report.diagnostics if d.code == "CELL_NOTE"]
    assert len(notes) == 2
    assert "其中修订16件" in notes[0].message
    assert notes[0].cells == ("active_disclosure.normative_documents.issued",)
    assert "含自然失效29件" in notes[1].message
