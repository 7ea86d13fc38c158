"""Layout-agnostic tokenizer: pipe, tab, newline and Markdown text become one item stream."""

from __future__ import annotations

import re

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.items import Item, Prose, Row, TokenStream
from giaparse.tokens.clean import chrome_lines, clean_text, footer_lines
from giaparse.tokens.layouts import SPLITTERS, detect

__all__ = ["Item", "Prose", "Row", "TokenStream", "tokenize"]


def tokenize(text: str) -> TokenStream:
    """Split report text into rows of cells and prose lines, whatever its table layout."""
    text, artefacts = clean_text(text)
    lines = text.split("\n")
    layout = detect(text)
    footers = footer_lines(text)
    chrome = chrome_lines(text)
    kept: list[Item] = []
    generic: list[Row] = []
    for item in SPLITTERS[layout](lines, footers | chrome):
        if isinstance(item, Row):
            if not any(item.cells):
                continue
            if _generic_header(item):
                generic.append(item)
                continue
        kept.append(item)
    items = tuple(kept)
    repairs = []
    if generic:
        where = "、".join(str(r.at) for r in generic[:10])
        repairs.append(
            Diagnostic(
                "GENERIC_HEADER_REMOVED",
                "info",
                f"删去了{len(generic)}行转换工具生成的通用表头（{where}），如「数据1 | 数据2」 "
                f"({len(generic)} generic header rows a converter made removed)",
                generic[0].at,
            )
        )
    if footers:
        repairs.append(
            _removed("PAGE_FOOTER_REMOVED", sorted(footers), "行页码", "", "page-footer lines")
        )
    if chrome:
        repairs.append(
            _removed(
                "PAGE_CHROME_REMOVED",
                sorted(chrome),
                "行网页附带的内容",
                "，如「打印 关闭」「微信 微博」、网站页脚",
                "lines of the portal's page chrome",
            )
        )
    if artefacts:
        repairs.append(
            _removed(
                "ARTEFACT_REMOVED",
                artefacts,
                "处文档转换残留标记",
                "，如 [bookmark: …]",
                "docx artefacts",
            )
        )
    return TokenStream(items=items, layout=layout, repairs=tuple(repairs))


def _removed(code: str, lines: list[int], what: str, example: str, what_en: str) -> Diagnostic:
    """One info for lines dropped from the text, naming the first ten (in increasing order)."""
    where = "、".join(str(n) for n in lines[:10])
    n = len(lines)
    return Diagnostic(
        code, "info", f"删去了{n}{what}（第{where}行）{example} ({n} {what_en} removed)", lines[0]
    )


# Header cells a converter makes up when it splits a table (Markdown from PDF, spreadsheets):
# 数据1, 列2, 字段3, Column1, Unnamed: 0, col_4
_GENERIC = re.compile(
    r"(?:数据|列|字段|栏|Column|column|Col|col|Unnamed:?|field|Field)[ _]?\d{1,3}"
)


def _generic_header(row: Row) -> bool:
    """A row of nothing but made-up header cells (at least two, no empty one among them)."""
    cells = [c for c in row.cells if c]
    return len(cells) >= 2 and all(_GENERIC.fullmatch(c) is not None for c in cells)
