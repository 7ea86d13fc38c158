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
    chrome = chrome_lines(text) if _CHROME_HINT.search(text) else frozenset()
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
        where = "、".join(str(n) for n in sorted(footers)[:10])
        repairs.append(
            Diagnostic(
                "PAGE_FOOTER_REMOVED",
                "info",
                f"删去了{len(footers)}行页码（第{where}行） ({len(footers)} page-footer lines removed)",
                min(footers),
            )
        )
    if chrome:
        where = "、".join(str(n) for n in sorted(chrome)[:10])
        repairs.append(
            Diagnostic(
                "PAGE_CHROME_REMOVED",
                "info",
                f"删去了{len(chrome)}行网页附带的内容（第{where}行），如「打印 关闭」「微信 微博」、网站页脚 "
                f"({len(chrome)} lines of the portal's page chrome removed)",
                min(chrome),
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


_CHROME_HINT = re.compile(
    r"打印|关闭|微信|微博|分享|字号|返回顶部|主办|承办|ICP备|网站标识码|版权所有"
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
