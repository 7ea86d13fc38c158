"""Layout-agnostic tokenizer: pipe, tab, newline and Markdown text become one item stream."""

from __future__ import annotations

from giaparse.tokenize.clean import footer_lines, split_lines
from giaparse.tokenize.items import Item, Prose, Row, TokenStream
from giaparse.tokenize.layouts import SPLITTERS, detect

__all__ = ["Item", "Prose", "Row", "TokenStream", "tokenize"]


def tokenize(text: str) -> TokenStream:
    """Split report text into rows of cells and prose lines, whatever its table layout."""
    lines = split_lines(text)
    layout = detect(lines)
    footers = footer_lines(text, lines)
    items = tuple(item for item in SPLITTERS[layout](lines, footers) if _keep(item))
    return TokenStream(items=items, layout=layout)


def _keep(item: Item) -> bool:
    return not isinstance(item, Row) or any(item.cells)
