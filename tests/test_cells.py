"""Merged-cell placeholders versus blank values."""

from __future__ import annotations

from giaparse.build.cells import Resolved, resolve
from giaparse.core.items import Mark
from giaparse.core.location import at_line


def r(values: list[str], arity: int, marks: list[Mark] | None = None) -> Resolved:
    return resolve(values, [at_line(n) for n in range(1, len(values) + 1)], arity, marks)


def test_exact_count_keeps_blank_values_in_place() -> None:
    res = r(["", "", "", "", "", "", "0"], 7)
    assert res.cells == ("", "", "", "", "", "", "0") and res.problem is None


def test_placeholders_next_to_the_label_go_first_then_trailing_ones() -> None:
    res = r(["", "0", "1", "2", ""], 3)
    assert (
        res.cells == ("0", "1", "2")
        and [x.line for x in res.locations] == [2, 3, 4]
        and res.problem is None
    )


def test_too_many_values_keep_the_first_and_say_so() -> None:
    res = r(["", *"01234567", ""], 7)
    assert res.cells == tuple("0123456") and res.problem == "TOO_MANY_VALUES"
    assert "舍去：7" in res.note


def test_too_few_cells_pad_with_unknown() -> None:
    res = r(["5"], 3)
    assert res.cells == ("5", None, None) and res.problem == "CELL_COUNT_MISMATCH"


def test_a_short_row_of_cells_apart_by_spaces_is_left_unread() -> None:
    """Extractor text prints no blank cell at all: 7 and 30 under three columns may be any two
    of them, so neither is given one (a separated row is read as before)."""
    lines = [at_line(1), at_line(1)]
    res = resolve(["7", "30"], lines, 3, None, gapped=True)
    assert res.cells == (None, None, None) and res.problem == "CELL_COUNT_MISMATCH"
    assert "7 | 30" in res.note and "不印出空白单元格" in res.note
    assert resolve(["7", "30", "1"], [*lines, at_line(1)], 3, None, gapped=True).cells == (
        "7",
        "30",
        "1",
    )


def test_interior_placeholders_with_exactly_enough_values() -> None:
    res = r(["1", "", "2", "3"], 3)
    assert res.cells == ("1", "2", "3") and res.problem == "PLACEHOLDERS_DROPPED"


def test_ambiguous_empties_keep_only_the_certain_values() -> None:
    res = r(["1", "", "2", "", "3"], 4)
    assert res.cells == ("1", None, None, None) and res.problem == "AMBIGUOUS_CELLS"


def test_a_grid_says_which_empties_are_placeholders_and_nothing_is_guessed() -> None:
    # The text reading of this row is ambiguous (above); the grid's marks make it certain,
    # including the blank value in the second column.
    res = r(["1", "", "", "2", "3"], 4, ["own", "colspan", "own", "own", "own"])
    assert res.cells == ("1", "", "2", "3") and res.problem is None
    assert [x.line for x in res.locations] == [1, 3, 4, 5]


def test_a_grid_row_with_too_many_own_cells_is_still_fitted_and_reported() -> None:
    res = r(["1", "", "2", "3", "4"], 3, ["own", "rowspan", "own", "own", "own"])
    assert res.cells == ("1", "2", "3") and res.problem == "TOO_MANY_VALUES"


def test_a_gapped_row_with_blanks_in_more_columns_than_it_has_is_left_unread() -> None:
    """Blanks a PDF reader put in place by where values stood: more columns than the row's
    means the columns it saw are not the row's, and no empty is dropped as a placeholder."""
    lines = [at_line(1)] * 4
    res = resolve(["", "", "0", ""], lines, 2, None, gapped=True)
    assert res.cells == (None, None)
    assert res.problem == "CELL_COUNT_MISMATCH"
    assert resolve(["", "0"], lines[:2], 2, None, gapped=True).cells == ("", "0")  # in place
