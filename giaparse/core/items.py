"""The one item stream every source is turned into: rows of cells and lines of prose.

A text layout cannot tell a merged-cell placeholder from a blank cell, so its rows carry no
marks; a document reader that reads a real grid (HTML, DOCX, PDF) says which cells are
placeholders, and nothing downstream guesses them again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Literal

import attrs

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.location import NOWHERE, Location

Mark = Literal["own", "colspan", "rowspan", "absent", "continued", "run", "piece"]
OWN: Mark = "own"
COLSPAN: Mark = "colspan"  # covered by the cell to its left (its text is that cell's)
ROWSPAN: Mark = "rowspan"  # covered by the cell above
ABSENT: Mark = "absent"  # no cell in the source grid (a short row)
CONTINUED: Mark = "continued"  # a label cell still open from the previous page
PLACEHOLDERS: frozenset[Mark] = frozenset({COLSPAN, ROWSPAN, ABSENT, CONTINUED})
# Crawler text lost the cell boundaries: a cell may hold several cells' values glued together
# (RUN: cut anywhere), or one line that may be part of a value broken over lines or stand for
# a repeated value a crawler collapsed (PIECE). Which it is, the tables' arithmetic decides.
RUN: Mark = "run"
PIECE: Mark = "piece"
UNSPLIT: frozenset[Mark] = frozenset({RUN, PIECE})


@attrs.frozen(slots=True)
class Row:
    """One table row: its cells (outer whitespace stripped, empties kept) and where each stood.

    ``marks`` is None when the source could not tell placeholders from blanks (text); else one
    mark per cell. ``spans`` gives each cell's (rows, columns) extent when a grid knows it.
    ``gapped``: cells apart by runs of spaces, where a blank cell is not printed at all, so a
    row short of cells does not say which of its columns are blank.
    """

    cells: tuple[str, ...]
    locations: tuple[Location, ...]
    marks: tuple[Mark, ...] | None = None
    spans: tuple[tuple[int, int], ...] | None = None
    gapped: bool = False

    @property
    def at(self) -> Location:
        return self.locations[0] if self.locations else NOWHERE

    def __str__(self) -> str:  # Lark tokens are str subclasses; keep their text cheap
        return " | ".join(self.cells)


@attrs.frozen(slots=True)
class Prose:
    """One line of narrative text (a heading, a paragraph, a title, a date)."""

    text: str
    at: Location

    def __str__(self) -> str:
        return self.text


Item = Row | Prose


@attrs.define
class Slot:
    """One slot of a document table's grid: a cell's own (with its span), or covered."""

    text: str
    mark: Mark
    span: tuple[int, int] = (1, 1)
    line: int | None = None  # where the cell stands in the source, when the source has lines


def grid_rows(
    grid: Sequence[Sequence[Slot]], locate: Callable[[int, int, Slot], Location]
) -> Iterator[Row]:
    """The rows of a grid that hold any text, each cell located by ``locate(row, column,
    slot)`` (1-based), with the grid's marks and spans."""
    for r, slots in enumerate(grid, 1):
        if not any(s.text for s in slots):
            continue
        yield Row(
            tuple(s.text for s in slots),
            tuple(locate(r, c, s) for c, s in enumerate(slots, 1)),
            tuple(s.mark for s in slots),
            tuple(s.span for s in slots),
        )


@attrs.frozen(slots=True)
class TokenStream:
    """Items in reading order, the layout they came in, and what reading them repaired."""

    items: tuple[Item, ...]
    layout: str | None
    repairs: tuple[Diagnostic, ...] = ()
