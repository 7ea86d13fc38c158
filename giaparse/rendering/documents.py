"""Lay items out as documents: an HTML page or a Word .docx, tables with their merged cells.

A row's marks say which of its cells are covered by a merged cell (the official shapes, from
:func:`~giaparse.rendering.report.report_items`); covered cells are not written, their
anchor spans them (``rowspan``/``colspan`` in HTML, ``vMerge``/``gridSpan`` in Word).
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterator, Sequence

from giaparse.core.items import ABSENT, COLSPAN, OWN, ROWSPAN, Item, Prose, Row

Slot = tuple[str, int, int] | tuple[int, int] | None  # own: (text, rows, cols); covered: origin


def groups(items: Sequence[Item]) -> Iterator[Prose | list[Row]]:
    """Prose lines, and runs of consecutive rows (one table each)."""
    table: list[Row] = []
    for item in items:
        if isinstance(item, Row):
            table.append(item)
            continue
        if table:
            yield table
            table = []
        yield item
    if table:
        yield table


def grid(rows: Sequence[Row]) -> list[list[Slot]]:
    """Each slot: its text and span when it is a cell's own, or the origin it is covered by,
    or None where the row has no cell."""
    out: list[list[Slot]] = []
    for i, row in enumerate(rows):
        marks = row.marks or (OWN,) * len(row.cells)
        slots: list[Slot] = []
        for j, (text, mark) in enumerate(zip(row.cells, marks, strict=True)):
            if mark == COLSPAN and slots and slots[-1] is not None:
                last = slots[-1]
                slots.append((i, j - 1) if len(last) == 3 else last)
            elif mark == ROWSPAN and i and j < len(out[i - 1]) and out[i - 1][j] is not None:
                above = out[i - 1][j]
                slots.append((i - 1, j) if above is not None and len(above) == 3 else above)
            elif mark == ABSENT:
                slots.append(None)
            else:
                slots.append((text, 1, 1))
        out.append(slots)
    for i, slots in enumerate(out):  # grow each origin over the slots it covers
        for j, slot in enumerate(slots):
            if slot is not None and len(slot) == 2:
                oi, oj = slot  # type: ignore[misc]
                text, rs, cs = out[oi][oj]  # type: ignore[misc]
                out[oi][oj] = (text, max(rs, i - oi + 1), max(cs, j - oj + 1))
    return out


def to_html(items: Sequence[Item], title: str = "") -> str:
    """An HTML page of the items: prose as paragraphs, each run of rows one table."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title></head><body>",
    ]
    for group in groups(items):
        if isinstance(group, Prose):
            out.append(f"<p>{html.escape(group.text)}</p>")
            continue
        out.append('<table border="1">')
        for slots in grid(group):
            cells = []
            for slot in slots:
                if slot is None or len(slot) != 3:
                    continue
                text, rs, cs = slot  # type: ignore[misc]
                span = (f' rowspan="{rs}"' if rs > 1 else "") + (
                    f' colspan="{cs}"' if cs > 1 else ""
                )
                body = "<br>".join(html.escape(part) for part in str(text).split("\n"))
                cells.append(f"<td{span}>{body}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _paragraph(text: str) -> str:
    runs = "<w:br/>".join(
        f'<w:t xml:space="preserve">{html.escape(part, quote=False)}</w:t>'
        for part in text.split("\n")
    )
    return f"<w:p><w:r>{runs}</w:r></w:p>"


def _tc(text: str, cols: int, merge: str | None) -> str:
    props = (f'<w:gridSpan w:val="{cols}"/>' if cols > 1 else "") + (
        f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>" if merge else ""
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_paragraph(text)}</w:tc>"


def to_docx(items: Sequence[Item]) -> bytes:
    """A Word .docx of the items: prose as paragraphs, each run of rows one table."""
    body: list[str] = []
    for group in groups(items):
        if isinstance(group, Prose):
            body.append(_paragraph(group.text))
            continue
        slots_by_row = grid(group)
        width = max(len(s) for s in slots_by_row)
        body.append("<w:tbl><w:tblGrid>" + '<w:gridCol w:w="900"/>' * width + "</w:tblGrid>")
        for i, slots in enumerate(slots_by_row):
            cells: list[str] = []
            j = 0
            while j < len(slots):
                slot = slots[j]
                if slot is None:
                    j += 1
                    continue
                if len(slot) == 3:
                    text, rs, cs = slot  # type: ignore[misc]
                    cells.append(_tc(str(text), cs, "restart" if rs > 1 else None))
                    j += cs
                    continue
                oi, oj = slot  # type: ignore[misc]
                _, _, cs = slots_by_row[oi][oj]  # type: ignore[misc]
                if oi < i and oj == j:  # the continuation of a cell merged down
                    cells.append(_tc("", cs, "continue"))
                    j += cs
                else:
                    j += 1
            body.append("<w:tr>" + "".join(cells) + "</w:tr>")
        body.append("</w:tbl>")
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return buf.getvalue()
