"""Lay rows and prose out as text: pipe, tab, newline (one cell per line) or Markdown; or as
crawler text that has lost the cell boundaries: glued, or lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from giaparse.core.items import Item, Prose, Row
from giaparse.tokens.layouts import CRAWLER_LAYOUTS, GLUED, LINES  # crawler text: no cell ends

LAYOUTS = ("pipe", "tab", "newline", "markdown")
_BREAK_AT = 3  # the lines layout breaks a number this long after its first digit (1 / 62)
_LEADING_DIGITS = re.compile(r"[+-]?(\d+)")


def lay_out(items: Sequence[Item], layout: str = "pipe", newline: str = "\n") -> str:
    """Text whose tokenizer reading gives back ``items``; ``\\n`` inside a cell is a wrap."""
    if layout in CRAWLER_LAYOUTS:
        return newline.join(_crawled(items, layout)) + newline
    if layout not in LAYOUTS:
        known = ", ".join((*LAYOUTS, *CRAWLER_LAYOUTS))
        raise ValueError(f"layout must be one of {known}; got {layout!r}")
    out: list[str] = []
    previous: Item | None = None
    for item in items:
        if isinstance(item, Prose):
            if layout == "newline" and isinstance(previous, Row):
                out.append("")
            out.append(item.text)
        elif layout == "pipe":
            out.append(" | ".join(c.replace("\n", " ") for c in item.cells) + " |")
        elif layout == "markdown":
            out.append("| " + " | ".join(c.replace("\n", " ") for c in item.cells) + " |")
            if not isinstance(previous, Row):
                out.append("|" + "---|" * len(item.cells))
        elif layout == "tab":
            cells = [c.replace("\n", "") for c in item.cells]
            out.append("\t".join(cells if len(cells) > 1 else [*cells, ""]))
        else:
            out.extend("\t" + c for c in item.cells)
            out.append("")
        previous = item
    return newline.join(out) + newline


def _crawled(items: Sequence[Item], layout: str) -> list[str]:
    """Glued: each table's rows run together on one line, cells with nothing between them.
    Lines: one cell per line, no tab, no blank line; long values broken after their first
    digit, and every line equal to the line before dropped, as some crawlers do."""
    out: list[str] = []
    glued: list[str] = []
    for item in items:
        if isinstance(item, Prose):
            if glued:
                out.append("".join(glued))
                glued = []
            out.append(item.text)
        elif layout == GLUED:
            glued.extend(c.replace("\n", "") for c in item.cells)
        else:
            for cell in item.cells:
                digits = _LEADING_DIGITS.match(cell)  # a sign stays with its first digit
                if digits is not None and len(digits.group(1)) >= _BREAK_AT:
                    first = digits.start(1) + 1
                    out.extend([cell[:first], cell[first:]])
                elif cell:
                    out.extend(cell.split("\n"))
    if glued:
        out.append("".join(glued))
    return drop_repeats(out) if layout == LINES else out


def drop_repeats(lines: list[str]) -> list[str]:
    """The lines without any equal to the line before: what some crawlers keep of a page."""
    return [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
