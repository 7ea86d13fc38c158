"""The one token form every layout is turned into."""

from __future__ import annotations

import attrs

from giaparse.core.diagnostics import Diagnostic


@attrs.frozen(slots=True)
class Row:
    """One table row: its cells (outer whitespace stripped, empties kept) and their lines."""

    cells: tuple[str, ...]
    lines: tuple[int, ...]

    @property
    def line(self) -> int:
        return self.lines[0] if self.lines else 0

    def __str__(self) -> str:  # Lark tokens are str subclasses; keep their text cheap
        return " | ".join(self.cells)


@attrs.frozen(slots=True)
class Prose:
    """One line of narrative text (a heading, a paragraph, a title, a date)."""

    text: str
    line: int

    def __str__(self) -> str:
        return self.text


Item = Row | Prose


@attrs.frozen(slots=True)
class TokenStream:
    """The tokenizer's output: items in input order, the detected layout, and its repairs."""

    items: tuple[Item, ...]
    layout: str | None
    repairs: tuple[Diagnostic, ...] = ()
