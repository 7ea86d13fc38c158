"""Layout-agnostic tokenizer: pipe, tab, newline and Markdown text become one item stream."""

from __future__ import annotations

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.items import Item, Prose, Row, TokenStream
from giaparse.tokens.clean import clean_text, footer_lines
from giaparse.tokens.layouts import SPLITTERS, detect

__all__ = ["Item", "Prose", "Row", "TokenStream", "tokenize"]


def tokenize(text: str) -> TokenStream:
    """Split report text into rows of cells and prose lines, whatever its table layout."""
    text, artefacts = clean_text(text)
    lines = text.split("\n")
    layout = detect(text)
    footers = footer_lines(text)
    items = tuple(item for item in SPLITTERS[layout](lines, footers) if _keep(item))
    repairs = []
    if footers:
        where = "、".join(str(n) for n in sorted(footers)[:10])
        repairs.append(
            Diagnostic(
                "PAGE_FOOTER_REMOVED",
                "info",
                f"删去了{len(footers)}行页码（第{where}行） ({len(footers)} page-footer lines removed)",
                min(footers),
            )
        )
    if artefacts:
        where = "、".join(str(n) for n in artefacts[:10])
        repairs.append(
            Diagnostic(
                "ARTEFACT_REMOVED",
                "info",
                f"删去了{len(artefacts)}处文档转换残留标记（第{where}行），如 [bookmark: …] "
                f"({len(artefacts)} docx artefacts removed)",
                artefacts[0],
            )
        )
    return TokenStream(items=items, layout=layout, repairs=tuple(repairs))


def _keep(item: Item) -> bool:
    return not isinstance(item, Row) or any(item.cells)
