"""HTML pages as published: the report found inside the portal page, its tables read as grids.

A report page is a whole portal page: navigation, breadcrumbs, the 索引号/发布机构 metadata
table, share bars, footers. The report is the smallest element that holds its data tables
and its section headings; its title is the last title-like line before it. Inside it, block
elements and ``<br>`` end prose lines; an innermost table with a row of two or more cells
is a data table, read through an occupancy grid (rowspan/colspan), so every cell
covered by a merged cell is a known placeholder. Tables that hold other tables, and 1-column
tables, are layout: their content is read as prose and inner tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
from lxml import etree

from giaparse.core.errors import ParseError
from giaparse.core.items import (
    ABSENT,
    COLSPAN,
    OWN,
    ROWSPAN,
    Item,
    Prose,
    Row,
    Slot,
    TokenStream,
    grid_rows,
)
from giaparse.core.location import Location
from giaparse.core.tidy import tidy

_SKIP = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "svg",
    "select",
    "button",
    "input",
    "textarea",
    "head",
    "title",
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "center",
        "dl",
        "dt",
        "dd",
        "form",
        "address",
        "figure",
        "figcaption",
        "main",
        "nav",
        "aside",
        "tr",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "hr",
        "table",
        "td",
        "th",
    ]
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# what marks the report's own parts: its section headings and its tables' labels
_HEADING = re.compile(
    r"^\s*[一二三四五六]\s*[、.．]\s*(总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)"
)
_TABLE_WORDS = ("申请人情况", "第二十条", "行政复议", "本年新收", "信息内容", "结果维持")
_STYLED = etree.XPath("//*[@style]")
_LEADING_DIGITS = re.compile(r"\s*(\d+)")
_TEXTS = etree.XPath("//text()")
_TITLE = re.compile(r"政府信息公开.{0,8}报告")
_MAX_SPAN = 1000  # a span past this is junk; browsers clamp too


def decode_html(data: bytes) -> str:
    """The page's text: its declared charset (GB2312 and GBK read as GB18030), else UTF-8,
    else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        return data.decode("gb18030", "replace")
    if declared is not None and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(declared, "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace")


def read_html(data: bytes) -> TokenStream:
    """The report in an HTML page, as items."""
    text = _XML_DECL.sub("", decode_html(data), count=1)
    if not text.strip():
        raise ParseError(
            "HTML 网页", "空文件", 1, expected_en="an HTML page", found_en="an empty file"
        )
    try:
        # the plain parser: lxml.html's element classes cost a third of the time on big pages
        doc = etree.fromstring(
            text, etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as err:
        raise ParseError(
            "HTML 网页",
            f"lxml 无法读取的标记（{err}）",
            1,
            expected_en="an HTML page",
            found_en=f"markup lxml cannot read ({err})",
        ) from None
    if doc is None:
        raise ParseError(
            "HTML 网页",
            "lxml 无法读取的标记",
            1,
            expected_en="an HTML page",
            found_en="no markup lxml can read",
        )
    _clean(doc)
    root = _report_root(doc)
    reader = _Reader()
    title = _title_before(doc, root)
    if title is not None:
        reader.items.append(title)
    reader.walk(root)
    reader.flush()
    return TokenStream(tuple(_from_the_report(reader.items)), "html")


_LEAD = 40  # prose lines kept before the report's first heading or table (its preamble)


def _from_the_report(items: list[Item]) -> list[Item]:
    """The items from a little before the report's first section heading or table row: when
    the report sits directly in a page's body, the navigation before it is not the report."""
    first = next(
        (
            i
            for i, item in enumerate(items)
            if isinstance(item, Row) or _HEADING.match(item.text) is not None
        ),
        0,
    )
    if first <= _LEAD + 1:
        return items
    title = items[:1] if items and _TITLE.search(str(items[0])) else []
    return title + items[first - _LEAD :]


def _clean(doc: etree._Element) -> None:
    """Drop what is never report text: scripts, styles, hidden elements, comments."""
    for el in list(doc.iter(*_SKIP)):
        _drop(el)
    styled: Any = _STYLED(doc)  # only elements with a style attribute, found in C
    for el in list(styled):
        if _HIDDEN.search(el.get("style", "")):
            _drop(el)


def _text(el: etree._Element) -> str:
    """All the text inside ``el`` (serialised in C)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _line(el: etree._Element) -> int | None:
    """The element's line in the page source."""
    line: int | None = getattr(el, "sourceline", None)
    return line


def _drop(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _report_root(doc: etree._Element) -> etree._Element:
    """The smallest element holding the report's data tables and section headings."""
    marks: list[etree._Element] = []
    for table in doc.iter("table"):
        if _is_data_table(table) and any(w in tidy(_text(table)) for w in _TABLE_WORDS):
            marks.append(table)
    texts: Any = _TEXTS(doc)
    for text in texts:  # text nodes, found in C; a heading's starts its element
        if len(text) <= 80 and _HEADING.match(text) is not None:
            el = text.getparent()
            if el is not None and text.is_text and el.tag not in ("table", "tr", "td", "th"):
                marks.append(el)
    body = doc.find("body")
    if not marks:
        return body if body is not None else doc
    common = [*reversed(list(marks[0].iterancestors())), marks[0]]
    for el in marks[1:]:
        chain = set(el.iterancestors()) | {el}
        while common and common[-1] not in chain:
            common.pop()
    root = common[-1] if common else doc
    parent = root.getparent()
    # the marks all in one table (a page of only a table): the table's parent is the report
    return parent if root.tag in ("table", "tr", "td", "th") and parent is not None else root


def _title_before(doc: etree._Element, root: etree._Element) -> Prose | None:
    """The last title-like line before the report (an h1, a 标题 metadata cell), if any."""
    found: Prose | None = None
    for el in doc.iter():
        if el is root:
            break
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        text = _short_text(el, 120)
        if text and _TITLE.search(text):
            text = tidy(text)
            if len(text) <= 80:
                found = Prose(text, Location("html", line=_line(el)))
    return found


def _short_text(el: etree._Element, limit: int) -> str | None:
    """The element's text, or None as soon as it runs past ``limit`` characters (a title is
    short; the text of a page's big containers need not be built to know they are not)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > limit:
            return None
        parts.append(str(piece))
    return "".join(parts)


def _is_data_table(table: etree._Element) -> bool:
    if next(table.iterdescendants("table"), None) is not None:
        return False
    # one row is enough: a table split in two may leave a single row in one part
    return max((len(_cells(r)) for r in _rows(table)), default=0) >= 2


def _rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows in order (a nested table's rows are not its rows)."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if c.tag in ("td", "th")]


def _span(cell: etree._Element, name: str) -> int:
    m = _LEADING_DIGITS.match(cell.get(name, "") or "")
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), _MAX_SPAN)


def grid(table: etree._Element) -> list[list[Slot]]:
    """The table's rows as slots: each cell at its first free column, its rowspan × colspan
    block marked covered; spans past the table end are clamped, short rows padded."""
    rows = _rows(table)
    taken: dict[tuple[int, int], Slot] = {}
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in _cells(tr):
            while (r, c) in taken:
                c += 1
            rs = min(_span(td, "rowspan"), len(rows) - r)
            cs = _span(td, "colspan")
            line = _line(td) or _line(tr)
            taken[(r, c)] = Slot(tidy(_text(td)), OWN, (rs, cs), line)
            for dr in range(rs):
                for dc in range(cs):
                    if dr or dc:
                        mark = COLSPAN if dr == 0 else ROWSPAN
                        taken[(r + dr, c + dc)] = Slot("", mark, line=line)
            c += cs
            width = max(width, c)
    return [
        [taken.get((r, c)) or Slot("", ABSENT, line=_line(rows[r])) for c in range(width)]
        for r in range(len(rows))
    ]


@attrs.define
class _Reader:
    items: list[Item] = attrs.field(factory=list)
    tables: int = 0
    _line: list[str] = attrs.field(factory=list)
    _at: int | None = None

    def add(self, text: str | None, line: int | None) -> None:
        if text:
            if not self._line:
                self._at = line
            self._line.append(text)

    def flush(self) -> None:
        if self._line:
            text = tidy("".join(self._line))
            if text:
                self.items.append(Prose(text, Location("html", line=self._at)))
        self._line = []

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.items.extend(self._table_rows(el))
            return
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self.add(el.text, _line(el))
        for child in el:
            self.walk(child)
            self.add(child.tail, _line(child))
        if block:
            self.flush()

    def _table_rows(self, table: etree._Element) -> Iterator[Row]:
        self.tables += 1
        n = self.tables
        return grid_rows(
            grid(table),
            lambda r, c, s: Location("html", line=s.line, table=n, row=r, column=c),
        )
