"""Tables drawn without ruling lines: their rows read from where the text stands on the page.

Outside a ruled table a line's characters fall into cells where the gap between two font
boxes is wider than half the font's height (prose has none: a font box spans the glyph's
whole advance, so even a comma's blank half is inside it; measured: at most 0.3 of the
font's height in prose, at least 0.7 between cells of Word's default margins at 16 pt). A
line with a value among its cells anchors a row. A label cell wrapped over several lines
prints its other lines above or below that anchor (a cell's text stands at its top or in its
middle); :func:`_share` gives each such line to its row, by which row it lies nearer and,
where rows are set with no room between them, by how the table sets its text. A group label
(三、本年度办理结果, （四）无法提供) set beside its rows stays a cell of its own; a header's
words broken over lines are joined; a row short of its table's columns (a blank prints
nothing) gets its blanks in place from a full row or the header. Every other line (a header,
a title, prose) stays a line of cells, and :func:`giaparse.core.aligned.assemble` makes them
items, as it does for text whose cells are apart by runs of spaces.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

import attrs

from giaparse.core.aligned import assemble
from giaparse.core.items import Item
from giaparse.core.location import Location
from giaparse.core.values import looks_like_value, noted_value
from giaparse.sources.pdf_chars import Char, cell_text, join

GAP = 0.5  # of the font's height: a wider gap between font boxes parts two cells (prose: 0.3)
NEAR = 2.2  # of a character's height: a label's next line lies at most this far down
FULL = 4.0  # of the font's height: a label line ending this near the values is full
_TIE = 0.1  # of the font's height: gaps this close are equal
_SLACK = 2.0  # of the font's height: how much further right a label's next line may end (a
# line ends short when the next character may not start a line: ，。）)
WORD = 6  # characters: a header word's piece is no longer
Rule = tuple[float, float, float]  # a horizontal rule: y, and from x to x


@attrs.frozen(slots=True)
class Segment:
    """One cell of a line: its characters, and whether it holds a value."""

    chars: tuple[Char, ...]
    text: str
    value: bool

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1


@attrs.define
class _Line:
    segments: list[Segment]
    centre: float  # PDF space: larger is higher on the page
    height: float
    at: Location
    below: list[_Line] = attrs.Factory(list)  # wrapped label lines joined to this anchor
    above: list[_Line] = attrs.Factory(list)
    rows_above: int = 0  # of ``above``, the lines of its own label (not a group label's)

    @property
    def anchor(self) -> bool:
        return any(s.value for s in self.segments)

    @property
    def label_right(self) -> float:
        """Where this anchor's first value starts: its label lines lie left of it."""
        return next(s.x0 for s in self.segments if s.value)

    def within_labels_of(self, anchor: _Line) -> bool:
        right = anchor.label_right
        return not self.anchor and all(s.x1 <= right for s in self.segments)


def segments(line: Sequence[Char]) -> list[Segment]:
    """A line's cells, parted where the gap between font boxes is wider than a character."""
    out: list[Segment] = []
    start = 0
    for i in range(1, len(line)):
        a, b = line[i - 1], line[i]
        if b.lx0 - a.lx1 > GAP * max(a.ly1 - a.ly0, b.ly1 - b.ly0, 1.0):
            out.append(_segment(line[start:i]))
            start = i
    out.append(_segment(line[start:]))
    return out


def _segment(chars: Sequence[Char], text: str | None = None) -> Segment:
    text = join(chars) if text is None else text
    return Segment(tuple(chars), text, looks_like_value(text) or noted_value(text))


def aligned_items(
    lines: Sequence[Sequence[Char]], page: int, first_line: int, rules: Sequence[Rule] = ()
) -> Iterator[Item]:
    """Items from a run of text lines outside ruled tables, top to bottom; ``rules`` are
    the page's horizontal lines (a table drawn with rules between rows only)."""
    made = [
        _Line(
            segments(ln),
            (min(c.ly0 for c in ln) + max(c.ly1 for c in ln)) / 2,
            max(c.ly1 - c.ly0 for c in ln),
            Location("pdf", page=page, line=first_line + n),
        )
        for n, ln in enumerate(lines, 1)
    ]
    _join_header_words(made, rules)
    made = [ln for ln in made if ln.segments]
    joined = _join_wrapped(made, rules)
    filled = _fill_blanks(made, joined)
    rest = [ln for ln in made if id(ln) not in joined]
    yield from assemble((_cells(ln, filled.get(id(ln))) for ln in rest), hold=False)


def _join_header_words(lines: list[_Line], rules: Sequence[Rule]) -> None:
    """Join a header cell's words broken over lines (``本年废止件`` / ``数``; ``商`` / ``业`` /
    ``企`` / ``业``) into the top piece, in place.

    Two pieces are one cell's when the upper reaches over the value columns of the next row
    below (or, at a page's end, any row was above: its header goes on to the next page; a
    header's does; a label's and a group label's broken lines
    lie left of the values and are joined to their row, not here), both are short (header
    words, not a heading or a note), neither is a value, they lie within NEAR of each other
    with no rule between, the lower is on the first line below with anything over the
    upper, and each overlaps only the other.
    """
    next_rows = _rows_below(lines)
    rows_seen = False
    for n, line in enumerate(lines):
        row = next_rows[n]
        rows_seen = rows_seen or line.anchor
        if line.anchor or (row is None and not rows_seen):
            continue  # a page with no row: nothing says where values stand
        for k, seg in enumerate(line.segments):
            if row is not None and seg.x1 <= row.label_right:
                continue
            at, last = n, seg
            pieces: list[tuple[int, Segment]] = []
            while _word(last):
                below = _piece_below(lines, at, last, rules)
                if below is None:
                    break
                pieces.append(below)
                at, last = below
            if pieces:
                chars = [*seg.chars, *(ch for _, piece in pieces for ch in piece.chars)]
                line.segments[k] = _segment(chars, cell_text(chars))
                for m, piece in pieces:
                    lines[m].segments.remove(piece)


def _rows_below(lines: list[_Line]) -> list[_Line | None]:
    """Per line, the first row below it."""
    out: list[_Line | None] = []
    nxt: _Line | None = None
    for line in reversed(lines):
        out.append(nxt)
        if line.anchor:
            nxt = line
    return out[::-1]


def _word(seg: Segment) -> bool:
    return not seg.value and len(seg.text) <= WORD


def _piece_below(
    lines: list[_Line], n: int, seg: Segment, rules: Sequence[Rule]
) -> tuple[int, Segment] | None:
    """The next piece below ``seg`` (on line ``n``) of the same header cell, and its line."""
    top = lines[n]
    for m in range(n + 1, len(lines)):
        line = lines[m]
        if line.anchor or top.centre - line.centre > NEAR * line.height:
            return None
        over = [s for s in line.segments if _overlaps(s, seg)]
        if not over:
            continue
        piece = over[0]
        across = [s for s in top.segments if _overlaps(s, piece)]
        ruled = _ruled(rules, line.centre, top.centre, seg)
        if len(over) == 1 and across == [seg] and _word(piece) and not ruled:
            return m, piece
        return None
    return None


def _join_wrapped(lines: list[_Line], rules: Sequence[Rule]) -> set[int]:
    """Give each anchor the wrapped label lines around it; the ids of the lines given."""
    given: set[int] = set()
    centred = _centred(lines)
    n = 0
    while n < len(lines):
        if lines[n].anchor:
            n += 1
            continue
        end = n
        while end < len(lines) and not lines[end].anchor:
            end += 1
        upper = lines[n - 1] if n else None
        lower = lines[end] if end < len(lines) else None
        to_upper, to_lower = _share(upper, lines[n:end], lower, rules, centred)
        if upper is not None:
            upper.below += to_upper
        if lower is not None:
            lower.above += to_lower
        given.update(map(id, to_upper + to_lower))
        n = end
    return given


def _centred(lines: list[_Line]) -> bool:
    """Whether the table sets its cells' text in their middle: some row's values stand on a
    line of their own, with lines of its label just above and just below."""
    for n in range(1, len(lines) - 1):
        line = lines[n]
        if line.anchor and all(s.value for s in line.segments):
            around = (lines[n - 1], lines[n + 1])
            if all(
                other.within_labels_of(line)
                and abs(other.centre - line.centre) <= NEAR * line.height
                for other in around
            ):
                return True
    return False


def _share(
    upper: _Line | None,
    run: list[_Line],
    lower: _Line | None,
    rules: Sequence[Rule],
    centred: bool = False,
) -> tuple[list[_Line], list[_Line]]:
    """The lines of ``run`` (between two anchors, either may be missing) that are wrapped
    label lines of the upper anchor, and those of the lower one.

    Going down from the upper anchor, a line is its label's next line when it lies nearer
    the line before than the line after. When both are as near (rows set with no room
    between them), the table's setting decides: with text in the cells' middle, while the
    upper anchor has fewer label lines below its values than above them; with text at the
    top, when the line before is full (it reaches to within FULL of the values, so its text
    went on). Going up from the lower anchor likewise, except that with text at the top a
    row whose label starts on its values' line takes no line above it. Either way a label
    line lies within NEAR of the one before, left of the anchor's values, no wider than the
    one before it in reading order, with no rule between. A group label's lines (wholly
    left of where the rows' own label column starts) are not on its rows' lines: they go to
    the nearer side when text stands in the cells' middle, else to the row above.
    """
    if not run:
        return [], []
    start = _row_labels_start(upper, run, lower)
    rows = [ln for ln in run if max(s.x1 for s in ln.segments) > start]
    chain: list[_Line | None] = [upper, *rows, lower]
    to_upper: list[_Line] = []
    if upper is not None:
        for k in range(1, len(chain) - 1):
            prev, line, after = chain[k - 1], chain[k], chain[k + 1]
            assert prev is not None and line is not None
            if not _reaches(upper, prev, line, rules) or _wider(line, prev, upper):
                break
            nearer = _nearer(prev, line, after)
            if nearer is None:  # as near as the next: no room between rows
                nearer = len(to_upper) < upper.rows_above if centred else _full(prev, upper)
            if not nearer:
                break
            to_upper.append(line)
    to_lower: list[_Line] = []
    if lower is not None:
        for k in range(len(chain) - 2, len(to_upper), -1):
            below, line, above = chain[k + 1], chain[k], chain[k - 1]
            assert below is not None and line is not None
            if not _reaches(lower, below, line, rules) or _wider(below, line, lower):
                break
            nearer = _nearer(below, line, above)
            if nearer is None:
                # at the top of cells a row's label starts on its values' line: a line above it
                # is the row above's, unless this row prints no label there
                # (at a page's top nothing is above: a full line goes on to it)
                nearer = centred or (
                    (above is None or all(s.value for s in lower.segments)) and _full(line, lower)
                )
            if not nearer:
                break
            to_lower.insert(0, line)
    if lower is not None:
        lower.rows_above = len(to_lower)
    # with text at the top of cells a group label starts on its first row's line, so its
    # other lines go with the row above; in the middle of cells, with the nearer row
    sides = [(ln, upper) for ln in [upper, *to_upper] if ln]
    if centred:
        sides += [(ln, lower) for ln in [*to_lower, lower] if ln]
    for line in run:
        if line in rows or not sides:
            continue
        near, owner = min(sides, key=lambda side: abs(side[0].centre - line.centre))
        if owner is not None and _reaches(owner, near, line, rules):
            (to_upper if owner is upper else to_lower).append(line)
    return to_upper, to_lower


def _row_labels_start(upper: _Line | None, run: list[_Line], lower: _Line | None) -> float:
    """Where the column of the rows' own labels starts: the rightmost start of the run's
    lines under the anchors' label cells (a group label's lines start further left)."""
    cells = [s for a in (upper, lower) if a is not None for s in a.segments if not s.value]
    if cells:
        under = [ln for ln in run if any(_overlap(cells, s) for s in ln.segments)]
    else:  # values set between their label's lines: the lines left of the values
        under = [ln for ln in run if any(a and ln.within_labels_of(a) for a in (upper, lower))]
    return max((min(s.x0 for s in ln.segments) for ln in under), default=-1.0)


def _wider(later: _Line, earlier: _Line, anchor: _Line) -> bool:
    """Whether ``later`` reaches further right than the label line before it, in the same
    column: a label's text fills a line before it goes on to the next, so its next line is
    never the wider (a heading row after a row is, 第二十条第(五)项 after 行政强制)."""
    right = anchor.label_right
    mine = [s for s in later.segments if s.x1 <= right and not s.value]
    if not mine:
        return False
    last = max(mine, key=lambda s: s.x1)
    above = [s.x1 for s in earlier.segments if not s.value and _overlaps(s, last)]
    return bool(above) and last.x1 > max(above) + _SLACK * later.height


def _nearer(home: _Line, line: _Line, other: _Line | None) -> bool | None:
    """Whether ``line`` lies nearer ``home`` than ``other`` (the lines on either side of it);
    None when as near, or when nothing is on the other side (the page ends)."""
    if other is None:
        return None
    mine, theirs = abs(home.centre - line.centre), abs(other.centre - line.centre)
    if abs(mine - theirs) > _TIE * line.height:
        return mine < theirs
    return None


def _reaches(anchor: _Line, prev: _Line, line: _Line, rules: Sequence[Rule]) -> bool:
    """Whether ``line`` can be the next label line of ``anchor`` after ``prev``."""
    low, high = sorted((prev.centre, line.centre))
    return (
        high - low <= NEAR * line.height
        and line.within_labels_of(anchor)
        and not _ruled(rules, low, high, line.segments[0])
    )


def _ruled(rules: Sequence[Rule], low: float, high: float, seg: Segment) -> bool:
    """Whether a drawn rule runs between heights ``low`` and ``high`` across ``seg``."""
    return any(low < at < high and a <= seg.x0 and seg.x1 <= b for at, a, b in rules)


def _full(line: _Line, anchor: _Line) -> bool:
    """Whether a label's line reaches to within FULL of its row's values (so it went on)."""
    right = anchor.label_right
    ends = [s.x1 for s in line.segments if s.x1 <= right]
    return bool(ends) and max(ends) >= right - FULL * line.height


def _fill_blanks(lines: list[_Line], joined: set[int]) -> dict[int, list[str]]:
    """The values of rows short of their table's columns, with their blanks in place.

    A blank cell prints nothing, so a row with one has fewer values than its table has
    columns: than the rows of its table have (the rows with no heading or header line
    between them), or than its header names right of its labels (the header's lowest
    cells: 表四's fifteen under 行政复议 and 行政诉讼's groups). Each value then goes to the
    column of the nearest full row whose value stands nearest it, within half the columns'
    spacing, or else to the header cell that starts last before it; when every value has
    its own column, in order. Otherwise the row stays short, and the lexer says it cannot
    read it.
    """
    kept = [ln for ln in lines if id(ln) not in joined]
    filled: dict[int, list[str]] = {}
    start = 0
    while start < len(kept):
        if not kept[start].anchor:
            start += 1
            continue
        end = start
        while end < len(kept) and kept[end].anchor:
            end += 1
        table = kept[start:end]
        label_end = max(
            (
                s.x1
                for row in table
                for line in (*row.above, row, *row.below)
                for s in line.segments
                if not s.value
            ),
            default=None,
        )
        filled.update(_table_blanks(table, _header_cells(kept, start, label_end), label_end))
        start = end
    return filled


def _header_cells(lines: list[_Line], first: int, label_end: float | None) -> list[Segment]:
    """The lowest cells of the header right above the row ``lines[first]``, right of the
    rows' labels (ending at ``label_end``): the lines above it, up to a row, a line of one
    cell among the labels (a heading, a blank row's label) or one standing apart, when one
    has several cells; a cell with another under it (a group's name) is not a column's."""
    block: list[_Line] = []
    n = first - 1
    while n >= 0 and not lines[n].anchor:
        line, below = lines[n], (block[-1] if block else lines[first])
        if len(line.segments) == 1 and (
            line.centre - below.centre > NEAR * line.height
            or (label_end is not None and line.segments[0].x0 <= label_end)
        ):
            break
        block.append(line)
        n -= 1
    if not any(len(line.segments) > 1 for line in block):
        return []
    lowest = [
        s
        for k, line in enumerate(block)
        for s in line.segments
        if (label_end is None or s.x0 > label_end)
        and not any(_overlap([t], s) for lower in block[:k] for t in lower.segments)
    ]
    return sorted(lowest, key=lambda s: s.x0)


def _table_blanks(
    table: list[_Line], heads: list[Segment], label_end: float | None
) -> dict[int, list[str]]:
    counts = [sum(s.value for s in row.segments) for row in table]
    full = max(counts)
    out: dict[int, list[str]] = {}
    for n, row in enumerate(table):
        values = [s for s in row.segments if s.value]
        cells = None
        if counts[n] < full:
            ref = min((k for k in range(len(table)) if counts[k] == full), key=lambda k: abs(k - n))
            cells = _aligned(values, [s for s in table[ref].segments if s.value])
        if cells is None and counts[n] < len(heads) and full <= len(heads):
            cells = _under(values, heads)
        if cells is not None:
            out[id(row)] = cells
    return out


def _under(values: list[Segment], heads: list[Segment]) -> list[str] | None:
    """Each value in the column of the header cell that starts last before its middle."""
    cells = [""] * len(heads)
    last = -1
    for seg in values:
        centre = (seg.x0 + seg.x1) / 2
        k = max((j for j, h in enumerate(heads) if h.x0 <= centre), default=-1)
        if k <= last:
            return None
        cells[k], last = seg.text, k
    return cells


def _aligned(values: list[Segment], columns: list[Segment]) -> list[str] | None:
    """Each value in the full row's column whose value stands nearest it, within half the
    columns' spacing, each in its own, in order; None when not."""
    centres = [(s.x0 + s.x1) / 2 for s in columns]
    reach = min((b - a for a, b in pairwise(centres)), default=0.0) / 2
    cells = [""] * len(columns)
    last = -1
    for seg in values:
        centre = (seg.x0 + seg.x1) / 2
        k = min(range(len(centres)), key=lambda j: abs(centres[j] - centre))
        if k <= last or abs(centres[k] - centre) >= reach:
            return None
        cells[k], last = seg.text, k
    return cells


def _cells(line: _Line, filled: list[str] | None = None) -> tuple[list[str], Location]:
    """A line's cells; an anchor's label cells gather its wrapped lines, column by column,
    and ``filled`` (its values with their blanks in place) stands for its values."""
    values = filled if filled is not None else [s.text for s in line.segments if s.value]
    if not (line.above or line.below):
        if filled is None:
            return [s.text for s in line.segments], line.at
        return [s.text for s in line.segments if not s.value] + filled, line.at
    labels = [s for ln in (*line.above, line, *line.below) for s in ln.segments if not s.value]
    columns: list[list[Segment]] = []
    for seg in sorted(labels, key=lambda s: s.x0):
        column = next((c for c in columns if _overlap(c, seg)), None)
        if column is None:
            columns.append([seg])
        else:
            column.append(seg)
    columns.sort(key=lambda c: min(s.x0 for s in c))
    cells = [cell_text([ch for s in c for ch in s.chars]) for c in columns]
    return cells + values, line.at


def _overlap(column: list[Segment], seg: Segment) -> bool:
    return any(_overlaps(s, seg) for s in column)


def _overlaps(a: Segment, b: Segment) -> bool:
    """Whether two cells share some width: one stands over the other."""
    return a.x0 < b.x1 and b.x0 < a.x1
