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

import attrs

from giaparse.core.items import ABSENT, COLSPAN, OWN, ROWSPAN, Item, Prose, Row


@attrs.define
class Cell:
    """A cell as written: its text and how many rows and columns it spans."""

    text: str
    rows: int = 1
    cols: int = 1


Slot = Cell | tuple[int, int] | None  # a cell's own slot, the (row, column) of the cell it
# is covered by, or no cell at all


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
    """The rows' slots, each merged cell spanning the slots its marks say it covers."""
    out: list[list[Slot]] = []
    for i, row in enumerate(rows):
        marks = row.marks or (OWN,) * len(row.cells)
        slots: list[Slot] = []
        for j, (text, mark) in enumerate(zip(row.cells, marks, strict=True)):
            left = slots[-1] if slots else None
            above = out[i - 1][j] if i and j < len(out[i - 1]) else None
            if mark == COLSPAN and left is not None:
                slots.append((i, j - 1) if isinstance(left, Cell) else left)
            elif mark == ROWSPAN and above is not None:
                slots.append((i - 1, j) if isinstance(above, Cell) else above)
            elif mark == ABSENT:
                slots.append(None)
            else:
                slots.append(Cell(text))
        out.append(slots)
    for i, slots in enumerate(out):  # grow each cell over the slots it covers
        for j, slot in enumerate(slots):
            if isinstance(slot, tuple):
                origin = out[slot[0]][slot[1]]
                assert isinstance(origin, Cell)
                origin.rows = max(origin.rows, i - slot[0] + 1)
                origin.cols = max(origin.cols, j - slot[1] + 1)
    return out


def span_attributes(cell: Cell) -> str:
    """The HTML span attributes of a cell."""
    rows = f' rowspan="{cell.rows}"' if cell.rows > 1 else ""
    return rows + (f' colspan="{cell.cols}"' if cell.cols > 1 else "")


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
                if not isinstance(slot, Cell):
                    continue
                span = span_attributes(slot)
                body = "<br>".join(html.escape(part) for part in slot.text.split("\n"))
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
                if isinstance(slot, Cell):
                    cells.append(_tc(slot.text, slot.cols, "restart" if slot.rows > 1 else None))
                    j += slot.cols
                    continue
                oi, oj = slot
                origin = slots_by_row[oi][oj]
                if oi < i and oj == j and isinstance(origin, Cell):  # a cell merged down
                    cells.append(_tc("", origin.cols, "continue"))
                    j += origin.cols
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
