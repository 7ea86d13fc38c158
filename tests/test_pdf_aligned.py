"""PDF tables drawn without ruling lines, read from where their text stands.

The PDFs in ``tests/pdf/`` are seed reports printed by Chromium with their tables styled as
borderless Word and web tables are (see ``tests/pdf/make_borderless.py``); every cell must
come back as the seed's hand-typed values. Generated pages (``tests/page_layout.py``) put any
report through the same reader in many table settings, with no PDF renderer in the loop.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from expected import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from page_layout import Setting, laid_out
from pdf.make_borderless import blank

import giaparse
from giaparse.testing import report_cells, reports, wrong_without_warning

pytest.importorskip("pypdfium2")

from giaparse.sources.pdf_aligned import GAP, _aligned, aligned_items, segments
from giaparse.sources.pdf_chars import Char, text_lines

PDFS = Path(__file__).parent / "pdf"
MADE = {
    "centred-2021.pdf": "003_95eaafa52db6b695.txt",
    "word-2019.pdf": "000_c86ff80fd85f0836.txt",
    "word-2021.pdf": "004_e530588c4c56b619.txt",
    "rules-2019.pdf": "000_c86ff80fd85f0836.txt",
    "tight-2019.pdf": "000_c86ff80fd85f0836.txt",
    "tight-2021.pdf": "004_e530588c4c56b619.txt",
    "centred-blanks-2021.pdf": "003_95eaafa52db6b695.txt",
    "word-blanks-2019.pdf": "000_c86ff80fd85f0836.txt",
}
# Every diagnostic of each PDF: seed 000 prints a row of its own in 表二 (其他主动公开文件),
# and blank cells leave equations to check with blanks as 0 or not at all.
OWN_ROW = ("EXTRA_ROW", "「其他主动公开文件」")
BLANKS = [("BLANK_AS_ZERO", "5个空白单元格"), ("NOT_ASSESSABLE", "1项勾稽关系的合计单元格空白")]
DIAGNOSTICS = {
    "centred-2021.pdf": [],
    "word-2019.pdf": [OWN_ROW],
    "word-2021.pdf": [],
    "rules-2019.pdf": [OWN_ROW],
    "tight-2019.pdf": [OWN_ROW],
    "tight-2021.pdf": [],
    "centred-blanks-2021.pdf": BLANKS,
    "word-blanks-2019.pdf": [OWN_ROW, *BLANKS],
}


def _report(name: str) -> giaparse.Report:
    return giaparse.parse_file(PDFS / name)


@pytest.mark.parametrize("name", sorted(MADE))
def test_metadata(name: str) -> None:
    report, want = _report(name), SEEDS[MADE[name]]
    assert (report.template, report.year, report.agency, report.layout) == (
        want["template"],
        want["year"],
        want["agency"],
        "pdf",
    )


@pytest.mark.parametrize("name", sorted(MADE))
@pytest.mark.parametrize("table", ["active_disclosure", "applications", "reviews"])
def test_every_cell(name: str, table: str) -> None:
    """A blank cell prints nothing; its row's other values still go to their own columns."""
    want = copy.deepcopy(SEEDS[MADE[name]])
    if "blanks" in name:
        blank(want)
    assert _report(name).to_dict()[table] == want[table]


@pytest.mark.parametrize("name", sorted(MADE))
def test_diagnostics(name: str) -> None:
    got = _report(name).diagnostics
    assert [d.code for d in got] == [code for code, _ in DIAGNOSTICS[name]]
    assert all(text in d.message for d, (_, text) in zip(got, DIAGNOSTICS[name], strict=True))


def test_wrapped_labels_join_their_row_and_group_labels_stay_a_cell() -> None:
    """Labels over up to four lines above and below their values, and 表三's group labels
    set in the middle of their rows, make one row each (nothing is left as a row alone)."""
    report = _report("centred-2021.pdf")
    cells = {
        d.location.line
        for d in report.diagnostics
        if d.code in ("UNKNOWN_ROW", "EXTRA_ROW", "MISSING_ROW")
    }
    assert cells == set()
    rows = report.to_dict()["applications"]
    assert rows["other_no_correction"]["total"] == 0
    assert rows["unavailable_needs_creation"]["total"] == 0


def _char(text: str, x: float, advance: float = 10.0) -> Char:
    return Char(text, x + 0.5, 100.0, x + advance - 0.5, 109.0, x, x + advance, 98.0, 111.0)


def test_cells_part_where_the_gap_between_font_boxes_is_wide() -> None:
    height = 13.0  # the font boxes' height above
    line = [_char("规", 0), _char("章", 10), _char("1", 20 + GAP * height + 1, 5)]
    line += [_char("2", line[-1].lx1 + GAP * height - 1, 5)]  # nearer than the limit: joined
    assert [s.text for s in segments(line)] == ["规章", "12"]
    assert [s.value for s in segments(line)] == [False, True]


def test_a_comma_glyph_with_blank_advance_does_not_part_prose() -> None:
    """The comma's glyph is small in its box; the font box spans its advance."""
    comma = Char("，", 10.5, 100.0, 12.0, 102.0, 10.0, 20.0, 98.0, 111.0)
    line = [_char("是", 0), comma, _char("否", 20)]
    assert [s.text for s in segments(line)] == ["是，否"]


def test_a_short_rows_values_take_the_columns_of_a_full_row_only_when_each_has_its_own() -> None:
    full = segments([_char("1", 100, 5), _char("2", 150, 5), _char("3", 200, 5)])
    assert _aligned(segments([_char("7", 100, 5), _char("9", 200, 5)]), full) == ["7", "", "9"]
    assert _aligned(segments([_char("7", 95, 5), _char("9", 115, 5)]), full) is None  # one column
    assert _aligned(segments([_char("7", 125, 5)]), full) is None  # midway: no column


# -- generated pages: any report, its tables set without lines in many ways -------------------

SETTINGS = st.builds(
    Setting,
    middle=st.booleans(),
    padding=st.sampled_from([0.0, 1.0, 3.0, 6.0]),
    label_width=st.sampled_from([4.0, 5.0, 7.0, 9.0, 12.0, 20.0]),
    rules=st.booleans(),
)


def _read(report: giaparse.Report, setting: Setting) -> giaparse.Report:
    chars, rules = laid_out(report, setting)
    return giaparse.parse_items(aligned_items(text_lines(chars), 1, 0, rules), layout="pdf")


@settings(deadline=None)
@given(reports(consistent=True, blanks=False), SETTINGS.filter(lambda s: s.middle))
def test_tables_set_in_their_cells_middle_read_back_exactly(
    report: giaparse.Report, setting: Setting
) -> None:
    """Text in the middle of cells (a web page's and most Word tables' setting): any room
    between rows (none too), narrow label columns wrapping labels over many lines, group
    labels set beside their rows, lines between rows or none."""
    got = _read(report, setting)
    assert report_cells(got) == report_cells(report)


@settings(deadline=None)
@given(reports(consistent=None), SETTINGS)
def test_no_cell_is_read_wrong_without_a_warning(report: giaparse.Report, setting: Setting) -> None:
    """Any setting (text at the top of cells with no room between rows is ambiguous: a
    label's next line lies as near the next row), blank cells, totals that do not add up:
    a cell not read as printed is named by a warning. A report too blank to tell its
    template by has none (never the other template's)."""
    got = _read(report, setting)
    if got.template != report.template:
        assert got.template is None
        return
    assert wrong_without_warning(report, got) == {}
