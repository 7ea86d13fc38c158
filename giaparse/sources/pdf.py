"""PDF files: the text layer in reading order, tables from their ruling lines (pypdfium2).

Per page: the characters with their boxes, and the path objects. Thin paths are rules (their
centre line); other filled or stroked boxes give their four edges, so a border drawn only as
a coloured cell's edge counts; white fills with no stroke are dropped (PDF editors such as WPS
draw one behind every line of prose, and a naive table finder takes them for tables). Edges
that touch make a table; its distinct rule positions make a grid of unit cells, and two
neighbouring units with no rule between them are one merged cell, so every covered slot is a
known placeholder. Characters go to the cell holding their centre; the rest are prose lines,
ordered by position. Page numbers and lines repeated at the top or bottom of most pages are
furniture, not text. A table continued on the next page simply continues the row stream: the
grammar places each row by its own label, so a merged label cell cut by the page break still
governs its rows (their label cells there are empty), and a repeated header row is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

import attrs
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.errors import ParseError
from giaparse.core.furniture import is_page_number
from giaparse.core.items import COLSPAN, OWN, ROWSPAN, Item, Mark, Row, TokenStream
from giaparse.core.location import Location
from giaparse.sources.pdf_aligned import Rule, aligned_items
from giaparse.sources.pdf_chars import Char, cell_text, join, text_lines, top_of

SNAP = 3.0  # points: rules closer than this are one rule; pdfplumber's default too
THIN = 2.5  # points: a path thinner than this is a rule
MAX_PAGES = 300  # a report has a few dozen; past this the rest is not read (a diagnostic)
_BAND = 0.08  # of the page height: where page numbers and running headers live
_DIGITS = re.compile(r"\d+")


@attrs.frozen(slots=True)
class Edge:
    """A horizontal (``y`` fixed, from ``a`` to ``b`` in x) or vertical rule."""

    horizontal: bool
    at: float
    a: float
    b: float


def read_pdf(data: bytes) -> TokenStream:
    """The report in a PDF, as items; a PDF without a text layer is refused."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise ParseError(
            "PDF 文件",
            f"无法打开的 PDF（{err}）",
            None,
            expected_en="a PDF file",
            found_en=f"a PDF that cannot be opened ({err})",
        ) from None
    try:
        pages = len(pdf)
        repairs: list[Diagnostic] = []
        if pages > MAX_PAGES:
            repairs.append(
                Diagnostic(
                    "PAGES_NOT_READ",
                    "warning",
                    f"PDF共{pages}页，只读取了前{MAX_PAGES}页 (only the first {MAX_PAGES} pages read)",
                    Location("pdf", page=MAX_PAGES + 1),
                )
            )
        read = [_read_page(pdf, i) for i in range(min(pages, MAX_PAGES))]
    finally:
        pdf.close()
    if not any(page.chars for page in read):
        raise ParseError(
            "有文字层的 PDF",
            "没有文字层（扫描件？）：请先做 OCR（run OCR first）",
            None,
            expected_en="a PDF with a text layer",
            found_en="no text layer (a scanned PDF?); run OCR first",
        )
    furniture = _running_lines(read)
    items: list[Item] = []
    header: tuple[str, ...] | None = None
    for number, page in enumerate(read, 1):
        for i, item in enumerate(page.items(number, furniture)):
            if i == 0 and isinstance(item, Row) and item.cells == header:
                continue  # the header row of a table continued from the last page, repeated
            items.append(item)
        header = page.first_header
    return TokenStream(tuple(items), "pdf", tuple(repairs))


# -- one page ---------------------------------------------------------------------------


@attrs.define
class _Page:
    height: float
    chars: list[Char]
    tables: list[_Table]
    rules: list[Rule]  # every horizontal line: rows of tables ruled only between rows
    first_header: tuple[str, ...] | None = None

    def items(self, number: int, furniture: frozenset[str]) -> Iterator[Item]:
        """Prose lines and table rows in reading order (top to bottom), with locations."""
        inside = [c for t in self.tables for c in t.chars]
        taken = set(map(id, inside))
        lines = [
            ln
            for ln in text_lines([c for c in self.chars if id(c) not in taken])
            if not self._furniture(ln, furniture)
        ]
        units: list[tuple[float, int, object]] = [(-top_of(ln), 0, ln) for ln in lines]
        units += [(-t.top, 1, t) for t in self.tables]
        units.sort(key=lambda u: (u[0], u[1]))
        line_no = 0
        run: list[list[Char]] = []
        for _, _, unit in [*units, (0.0, 1, None)]:
            if not isinstance(unit, list) and run:  # lines between tables: rows by alignment
                yield from aligned_items(run, number, line_no, self.rules)
                line_no += len(run)
                run = []
            if isinstance(unit, _Table):
                for row in unit.rows(number, line_no):
                    line_no += 1
                    yield row
            elif isinstance(unit, list):
                run.append(unit)

    def _furniture(self, line: list[Char], running: frozenset[str]) -> bool:
        top, bottom = top_of(line), min(c.y0 for c in line)
        band = self.height * _BAND
        if bottom > band and top < self.height - band:
            return False
        text = join(line)
        return is_page_number(text) or _DIGITS.sub("#", text) in running


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _Page:
    page = pdf[index]
    try:
        height = page.get_height()
        chars = _chars(page)
        edges = _edges(page)
    finally:
        page.close()
    tables = [t for t in (_Table.build(group, chars) for group in _groups(edges)) if t]
    rules = [(e.at, e.a, e.b) for e in edges if e.horizontal]
    return _Page(height, chars, tables, rules, tables[-1].header if tables else None)


def _chars(page: pdfium.PdfPage) -> list[Char]:
    text = page.get_textpage()
    try:
        out: list[Char] = []
        seen: set[tuple[str, int, int]] = set()
        for i in range(text.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(text.raw, i) == 1:
                continue
            ch = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
            if not ch.strip() or ch in "\ufffe\uffff":
                continue
            x0, y0, x1, y1 = text.get_charbox(i)
            lx0, ly0, lx1, ly1 = text.get_charbox(i, loose=True)
            key = (ch, round(x0), round(y0))  # fake bold: the same glyph drawn twice
            if key in seen:
                continue
            seen.add(key)
            out.append(Char(ch, x0, y0, x1, y1, lx0, lx1, ly0, ly1))
        return out
    finally:
        text.close()


def _edges(page: pdfium.PdfPage) -> list[Edge]:
    edges: list[Edge] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=15):
        left, bottom, right, top = obj.get_bounds()
        mode, stroke = pdfium_c.c_int(), pdfium_c.FPDF_BOOL()
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, mode, stroke)
        if not stroke.value and (mode.value == 0 or _white_fill(obj)):
            continue  # nothing drawn, or a white box behind text
        width, height = right - left, top - bottom
        if height < THIN and width >= THIN:
            edges.append(Edge(True, (top + bottom) / 2, left, right))
        elif width < THIN and height >= THIN:
            edges.append(Edge(False, (left + right) / 2, bottom, top))
        elif width >= THIN and height >= THIN:
            edges += [
                Edge(True, bottom, left, right),
                Edge(True, top, left, right),
                Edge(False, left, bottom, top),
                Edge(False, right, bottom, top),
            ]
    return edges


def _white_fill(obj: pdfium.PdfObject) -> bool:
    r, g, b, a = (pdfium_c.c_uint() for _ in range(4))
    pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
    return bool(a.value == 0 or min(r.value, g.value, b.value) >= 250)


def _groups(edges: list[Edge]) -> list[list[Edge]]:
    """Edges that touch (within SNAP), as connected groups: one group per table."""
    parent = list(range(len(edges)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, e in enumerate(edges) if e.horizontal]
    vs = [i for i, e in enumerate(edges) if not e.horizontal]
    for i in hs:
        h = edges[i]
        for j in vs:
            v = edges[j]
            if h.a - SNAP <= v.at <= h.b + SNAP and v.a - SNAP <= h.at <= v.b + SNAP:
                parent[find(i)] = find(j)
    groups: dict[int, list[Edge]] = {}
    for i, e in enumerate(edges):
        groups.setdefault(find(i), []).append(e)
    return list(groups.values())


def _positions(values: Iterable[float]) -> list[float]:
    """Distinct positions, values within SNAP of each other merged to their mean."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= SNAP:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covered(edges: list[Edge], at: float, a: float, b: float) -> bool:
    """Whether a rule runs along ``at`` over the middle of the span ``a``..``b``."""
    mid = (a + b) / 2
    return any(abs(e.at - at) <= SNAP and e.a - SNAP <= mid <= e.b + SNAP for e in edges)


@attrs.define
class _Table:
    xs: list[float]  # column rules, left to right
    ys: list[float]  # row rules, top to bottom
    anchor: dict[tuple[int, int], tuple[int, int]]  # unit -> its merged cell's top-left unit
    text: dict[tuple[int, int], str]  # anchor unit -> the cell's text
    chars: list[Char]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def header(self) -> tuple[str, ...] | None:
        """The text of the table's first row (to drop it when the next page repeats it)."""
        cells = self._cells(0)
        return cells[0] if cells else None

    @classmethod
    def build(cls, edges: list[Edge], chars: list[Char]) -> _Table | None:
        hs = [e for e in edges if e.horizontal]
        vs = [e for e in edges if not e.horizontal]
        xs = _positions([e.at for e in vs] + [e.a for e in hs] + [e.b for e in hs])
        ys = _positions([e.at for e in hs] + [e.a for e in vs] + [e.b for e in vs])[::-1]
        if len(xs) < 3 or len(ys) < 3:  # fewer than two columns or two rows: not a table
            return None
        anchor: dict[tuple[int, int], tuple[int, int]] = {}
        for r in range(len(ys) - 1):
            for c in range(len(xs) - 1):
                left = (r, c - 1) if c and not _covered(vs, xs[c], ys[r + 1], ys[r]) else None
                up = (r - 1, c) if r and not _covered(hs, ys[r], xs[c], xs[c + 1]) else None
                if left is not None:
                    anchor[(r, c)] = anchor[left]
                elif up is not None:
                    anchor[(r, c)] = anchor[up]
                else:
                    anchor[(r, c)] = (r, c)
        inside: dict[tuple[int, int], list[Char]] = {}
        taken: list[Char] = []
        down = [-y for y in ys]
        for ch in chars:
            col, row = _index(xs, ch.cx), _index(down, -ch.cy)
            if col is None or row is None:
                continue
            inside.setdefault(anchor[(row, col)], []).append(ch)
            taken.append(ch)
        text = {unit: cell_text(cs) for unit, cs in inside.items()}
        return cls(xs, ys, anchor, text, taken)

    def _cells(self, r: int) -> list[tuple[str, ...]]:
        row = [
            self.text.get((r, c), "") if self.anchor[(r, c)] == (r, c) else ""
            for c in range(len(self.xs) - 1)
        ]
        return [tuple(row)] if any(row) else []

    def rows(self, page: int, first_line: int) -> Iterator[Row]:
        n = 0
        for r in range(len(self.ys) - 1):
            cells: list[str] = []
            marks: list[Mark] = []
            spans: list[tuple[int, int]] = []
            for c in range(len(self.xs) - 1):
                ar, ac = self.anchor[(r, c)]
                if (ar, ac) == (r, c):
                    cells.append(self.text.get((r, c), ""))
                    marks.append(OWN)
                    spans.append(self._span(r, c))
                else:
                    cells.append("")
                    marks.append(COLSPAN if ar == r else ROWSPAN)
                    spans.append((1, 1))
            if not any(cells):
                continue
            n += 1
            at = [
                Location("pdf", line=first_line + n, page=page, row=r + 1, column=c + 1)
                for c in range(len(cells))
            ]
            yield Row(tuple(cells), tuple(at), tuple(marks), tuple(spans))

    def _span(self, r: int, c: int) -> tuple[int, int]:
        units = [u for u, a in self.anchor.items() if a == (r, c)]
        return (max(u[0] for u in units) - r + 1, max(u[1] for u in units) - c + 1)


def _index(bounds: list[float], value: float) -> int | None:
    """Which interval of the increasing ``bounds`` holds ``value``."""
    if not bounds or value < bounds[0] or value > bounds[-1]:
        return None
    for i in range(len(bounds) - 1):
        if value <= bounds[i + 1]:
            return i
    return None


def _running_lines(pages: list[_Page]) -> frozenset[str]:
    """Text printed at the top or bottom of most pages (digits folded): running headers.

    Words, not numbers alone: a table's row of values often stands at a page's foot too
    (a lone page number is furniture anyway).
    """
    if len(pages) < 3:
        return frozenset()
    seen: Counter[str] = Counter()
    for page in pages:
        band = page.height * _BAND
        found = {
            _DIGITS.sub("#", join(line))
            for line in text_lines(page.chars)
            if top_of(line) > page.height - band or min(c.y0 for c in line) < band
        }
        seen.update(found)
    many = max(3, len(pages) // 2)
    return frozenset(t for t, n in seen.items() if n >= many and any(c.isalpha() for c in t))
