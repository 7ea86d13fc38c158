"""A reader's own item stream through the public entry: grid marks and page locations."""

from __future__ import annotations

import attrs
from conftest import seed_text

import giaparse
from giaparse import Location, Prose, Row
from giaparse.rendering import report_items

SEED_2021 = "003_95eaafa52db6b695.txt"


def _on_pages(items: list[Row | Prose], per_page: int = 30) -> list[Row | Prose]:
    """The items as a PDF reader gives them: each on a page and a line of that page."""
    out: list[Row | Prose] = []
    for i, item in enumerate(items):
        at = Location("pdf", line=i % per_page + 1, page=i // per_page + 1)
        if isinstance(item, Row):
            out.append(Row(item.cells, (at,) * len(item.cells)))
        else:
            out.append(Prose(item.text, at))
    return out


def _partially_granted(items: list[Row | Prose]) -> int:
    return next(
        i
        for i, item in enumerate(items)
        if isinstance(item, Row) and any(c.startswith("（二）部分公开") for c in item.cells)
    )


def test_marks_and_pages_reach_the_report_and_its_messages() -> None:
    base = giaparse.parse(seed_text(SEED_2021))
    items = _on_pages(report_items(base))
    i = _partially_granted(items)
    row = items[i]
    assert isinstance(row, Row)
    labels, values = list(row.cells[:3]), list(row.cells[3:])
    assert len(values) == 7
    # One placeholder inside the values (a cell merged into the one on its left) and one
    # real blank: as text, these eight cells are ambiguous.
    cells = (*labels, values[0], "", values[1], "", *values[3:])
    marks = (
        "rowspan",
        "own",
        "colspan",
        "own",
        "colspan",
        "own",
        "own",
        "own",
        "own",
        "own",
        "own",
    )
    items[i] = Row(cells, (row.at,) * len(cells), marks)  # type: ignore[arg-type]
    unknown_at = Location("pdf", line=7, page=2)
    items.insert(i + 1, Row(("自拟统计行", "1", "2"), (unknown_at,) * 3))

    report = giaparse.parse_items(items, layout="pdf")

    want = base.applications.partially_granted
    assert want.research is not None
    # every value in its own column, and the real blank a blank (None), never 0
    assert report.applications.partially_granted == attrs.evolve(want, research=None)
    codes = {d.code for d in report.diagnostics}
    assert not codes & {"AMBIGUOUS_CELLS", "PLACEHOLDERS_DROPPED", "CELL_COUNT_MISMATCH"}
    (unknown,) = [d for d in report.diagnostics if "自拟统计行" in d.message]
    assert unknown.location == unknown_at
    assert unknown.message.startswith("第2页第7行「自拟统计行」")
    assert unknown.line is None  # a page line is not a line of the input text
    assert report.to_dict()["diagnostics"][0].keys() >= {"line", "location"}
    page_of = report.cell_locations["applications.partially_granted.total"]
    assert (page_of.kind, page_of.page) == ("pdf", row.at.page)


def test_the_same_cells_as_text_are_ambiguous_and_say_so() -> None:
    base = giaparse.parse(seed_text(SEED_2021))
    items = report_items(base)
    i = _partially_granted(items)
    row = items[i]
    assert isinstance(row, Row)
    labels, values = list(row.cells[:3]), list(row.cells[3:])
    cells = (*labels, values[0], "", values[1], "", *values[3:])
    items[i] = Row(cells, (row.at,) * len(cells))
    report = giaparse.parse_items(items)
    assert "AMBIGUOUS_CELLS" in {d.code for d in report.diagnostics}
    got = report.applications.partially_granted
    want = base.applications.partially_granted
    # only the leading run is certain without the grid; nothing is shifted into a wrong column
    assert attrs.astuple(got) == (want.natural_person, *(None,) * 6)
