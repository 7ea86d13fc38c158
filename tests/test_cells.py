"""Merged-cell placeholders versus blank values."""

from __future__ import annotations

from giaparse.build.cells import resolve


def r(values: list[str], arity: int):
    return resolve(values, list(range(1, len(values) + 1)), arity)


def test_exact_count_keeps_blank_values_in_place() -> None:
    res = r(["", "", "", "", "", "", "0"], 7)
    assert res.cells == ("", "", "", "", "", "", "0") and res.problem is None


def test_placeholders_next_to_the_label_go_first_then_trailing_ones() -> None:
    res = r(["", "0", "1", "2", ""], 3)
    assert res.cells == ("0", "1", "2") and res.lines == (2, 3, 4) and res.problem is None


def test_too_many_values_keep_the_first_and_say_so() -> None:
    res = r(["", *"01234567", ""], 7)
    assert res.cells == tuple("0123456") and res.problem == "TOO_MANY_VALUES"
    assert "舍去：7" in res.note


def test_too_few_cells_pad_with_unknown() -> None:
    res = r(["5"], 3)
    assert res.cells == ("5", None, None) and res.problem == "CELL_COUNT_MISMATCH"


def test_interior_placeholders_with_exactly_enough_values() -> None:
    res = r(["1", "", "2", "3"], 3)
    assert res.cells == ("1", "2", "3") and res.problem == "PLACEHOLDERS_DROPPED"


def test_ambiguous_empties_keep_only_the_certain_values() -> None:
    res = r(["1", "", "2", "", "3"], 4)
    assert res.cells == ("1", None, None, None) and res.problem == "AMBIGUOUS_CELLS"
