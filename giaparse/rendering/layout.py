"""Lay rows and prose out as text: pipe, tab, newline (one cell per line) or Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from giaparse.core.items import Item, Prose, Row

LAYOUTS = ("pipe", "tab", "newline", "markdown")


def lay_out(items: Sequence[Item], layout: str = "pipe", newline: str = "\n") -> str:
    """Text whose tokenizer reading gives back ``items``; ``\\n`` inside a cell is a wrap."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}; got {layout!r}")
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
