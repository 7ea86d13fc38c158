"""Word .docx files: the body's paragraphs and tables in document order, read from the OOXML.

The XML is walked directly (python-docx's ``Paragraph.text`` drops text inside ``w:ins``,
``w:smartTag`` and content controls, and its ``row.cells`` repeats merged text). Text comes
from every run, including insertions, hyperlinks, fields and content controls; deleted text
(``w:del``), text boxes and the Fallback copy of alternate content are not report text, and
headers, footers and footnotes live in other parts of the package, which are not read. A
table's grid starts each row at ``gridBefore``, advances by ``gridSpan``, and a
``vMerge`` continuation is a placeholder for the cell above (docling's rule), so merged cells
are known, never guessed. A table of one cell is layout: its content is read as the body.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_TEXT = frozenset({W + "del", W + "txbxContent", W + "pict", _MC_FALLBACK, W + "drawing"})
_MAX_XML = 200 * 1024 * 1024  # bytes of document.xml: past this it is not a report
_MAX_SPAN = 64  # a Word table has at most 63 columns


def read_docx(data: bytes) -> TokenStream:
    """The report in a .docx file, as items."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("word/document.xml")
            if info.file_size > _MAX_XML:
                raise ParseError(
                    "Word 报告",
                    f"{info.file_size}字节的正文部分",
                    None,
                    expected_en="a .docx report",
                    found_en=f"a document part of {info.file_size} bytes",
                )
            xml = package.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise ParseError(
            "Word .docx 文件",
            f"损坏的 Word 文件（{err}）",
            None,
            expected_en="a .docx file",
            found_en=f"a damaged Word file ({err})",
        ) from None
    if _STRICT.encode() in xml[:4096]:  # Strict OOXML: the same vocabulary, other namespace
        xml = xml.replace(_STRICT.encode(), W[1:-1].encode())
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as err:
        raise ParseError(
            "Word .docx 文件",
            f"XML 已损坏的 Word 文件（{err}）",
            None,
            expected_en="a .docx file",
            found_en=f"a Word file whose XML is damaged ({err})",
        ) from None
    body = root.find(W + "body")
    if body is None:
        raise ParseError(
            "Word .docx 文件",
            "没有正文的 Word 文件",
            None,
            expected_en="a .docx file",
            found_en="a Word file with no document body",
        )
    reader = _Reader()
    reader.walk(body)
    return TokenStream(tuple(reader.items), "docx")


def paragraph_lines(p: etree._Element) -> list[str]:
    """A paragraph's text, split at its line breaks; runs joined as Word shows them."""
    lines = [""]
    for node in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if _hidden(node, p):
            continue
        if node.tag == W + "t":
            lines[-1] += node.text or ""
        elif node.tag == W + "tab":
            lines[-1] += " "
        else:
            lines.append("")
    return [line for line in (tidy(x) for x in lines) if line]


def _hidden(node: etree._Element, top: etree._Element) -> bool:
    """Inside deleted text, a text box or an alternate copy, below ``top``."""
    el = node.getparent()
    while el is not None and el is not top:
        if el.tag in _NOT_TEXT:
            return True
        el = el.getparent()
    return False


def _val(el: etree._Element | None, name: str) -> str | None:
    if el is None:
        return None
    found = el.find(W + name)
    if found is None:
        return None
    return found.get(W + "val", "")


def _int(text: str | None, default: int = 1) -> int:
    try:
        return min(max(int(text or default), 0), _MAX_SPAN)
    except ValueError:
        return default


def grid(table: etree._Element) -> list[list[Slot]]:
    """The table's rows as slots: own cells, gridSpan covers, vMerge continuations."""
    rows: list[list[Slot]] = []
    open_at: dict[int, tuple[int, int]] = {}  # column -> (row, column) of the open vMerge cell
    for tr in table.findall(W + "tr"):
        slots: list[Slot] = []
        before = _int(_val(tr.find(W + "trPr"), "gridBefore"), 0)
        slots += [Slot("", ABSENT) for _ in range(before)]
        for tc in tr.findall(W + "tc"):
            props = tc.find(W + "tcPr")
            span = max(_int(_val(props, "gridSpan")), 1)
            merge = _val(props, "vMerge")
            col = len(slots)
            if merge is not None and merge != "restart" and col in open_at:
                r, c = open_at[col]
                top = rows[r][c]
                top.span = (top.span[0] + 1, top.span[1])
                slots += [Slot("", ROWSPAN) for _ in range(span)]
                continue
            text = tidy("\n".join(line for p in tc.iter(W + "p") for line in paragraph_lines(p)))
            slots.append(Slot(text, OWN, (1, span)))
            slots += [Slot("", COLSPAN) for _ in range(span - 1)]
            for c in range(col, col + span):
                open_at.pop(c, None)
            if merge == "restart":
                open_at[col] = (len(rows), col)
        rows.append(slots)
    width = max((len(r) for r in rows), default=0)
    for slots in rows:
        slots += [Slot("", ABSENT) for _ in range(width - len(slots))]
    return rows


@attrs.define
class _Reader:
    items: list[Item] = attrs.field(factory=list)
    tables: int = 0
    paragraphs: int = 0

    def walk(self, container: etree._Element) -> None:
        for el in container:
            if el.tag == W + "p":
                self.paragraphs += 1
                at = Location("docx", paragraph=self.paragraphs)
                self.items.extend(Prose(line, at) for line in paragraph_lines(el))
            elif el.tag == W + "tbl":
                cells = el.findall(W + "tr/" + W + "tc")
                if len(cells) <= 1:  # a one-cell table is layout
                    for tc in cells:
                        self.walk(tc)
                else:
                    self.items.extend(self._rows(el))
            elif el.tag == W + "sdt":  # a content control: its content is body text
                content = el.find(W + "sdtContent")
                if content is not None:
                    self.walk(content)
            elif el.tag in (W + "customXml", W + "ins"):
                self.walk(el)

    def _rows(self, table: etree._Element) -> Iterator[Row]:
        self.tables += 1
        n = self.tables
        return grid_rows(grid(table), lambda r, c, _: Location("docx", table=n, row=r, column=c))
