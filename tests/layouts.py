"""Test helper: rewrite a report's text into another table layout, cell for cell."""

from __future__ import annotations

from giaparse.core.items import Prose, Row
from giaparse.tokens import tokenize

LAYOUTS = ("pipe", "tab", "newline", "markdown")


def rewrite(text: str, layout: str) -> str:
    """The same prose and cells, laid out as ``layout`` (pipe, tab, newline or markdown)."""
    out: list[str] = []
    in_table = False
    for item in tokenize(text).items:
        if isinstance(item, Prose):
            if in_table and layout == "newline":
                out.append("")
            out.append(item.text)
            in_table = False
            continue
        cells = list(item.cells)
        if layout == "pipe":
            out.append(" | ".join(cells) + " |")
        elif layout == "tab":
            out.append("\t".join(cells))
        elif layout == "markdown":
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:
                out.append("|" + "---|" * len(cells))
        elif layout == "newline":
            out.extend("\t" + c for c in cells)
            out.append("")
        in_table = isinstance(item, Row)
    return "\n".join(out) + "\n"
