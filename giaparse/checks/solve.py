"""Cut crawler rows into cells by the tables' arithmetic.

Glued text (``153010221`` for seven cells) can be cut many ways, and a layout of one line per
cell may have broken a value over two lines (``1`` / ``62``) or dropped lines that repeat the
line before (``2`` ``0`` ``2`` for 2 0 0 0 0 0 2). The candidates of each row are every way to
make exactly its cells from its pieces (no leading zero but 0 itself; a sign only in a change
column; a decimal only in a money cell). The tables' own equations (the rules in
:mod:`giaparse.checks.rules`) then choose: first each row's own (总计 = its parts), then, jointly,
the ones across rows (each column's balance and outcome total), keeping the assignments that
break the fewest. What the arithmetic leaves open is ranked by documented evidence (numbers
stated in the narrative, then evenly spread digits) and flagged with a warning that lists the
other cuts; what it fixes uniquely gets an info only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from operator import add
from typing import Any

import attrs

from giaparse.checks.cells import cell_values, chinese
from giaparse.checks.rules import RULES, Equation
from giaparse.core.diagnostics import Diagnostic
from giaparse.core.location import NOWHERE
from giaparse.core.values import BLANK_MARKERS, Money, Unit, clean
from giaparse.model.fields import DELTA, MONEY
from giaparse.model.report import Report, Unsplit

_NODES = 30_000  # cut-enumeration steps per row: beyond, the run is not a row's values
_SEARCH = 30_000  # joint-search steps per group of linked rows
_STATES = 20_000  # partial sums kept per row by the exact search
_LOOSE = 8  # readings kept of a row no reading of which meets its own total
_KEPT = 64  # best joint assignments kept to tell what is certain
_JOIN = 3  # lines joined into one value at most (a value broken over more is not seen)
_SHOWN = 4  # other cuts listed in a warning
_PATTERNS = {
    "count": re.compile(r"0|[1-9]\d{0,14}"),
    DELTA: re.compile(r"[+-]?(?:0|[1-9]\d{0,14})"),
    MONEY: re.compile(r"(?:0|[1-9]\d{0,14})(?:\.\d{1,12})?(?:万元|元)?"),
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

Values = tuple[Any, ...]


@attrs.frozen
class Candidate:
    texts: tuple[str, ...]  # each cell's text ("" for a blank mark)
    values: Values
    edits: int = 0  # lines joined or repeated to read it this way (lines layout)


def solve(report: Report) -> Report:
    """The report with its crawler rows cut into cells, and the diagnostics of cutting."""
    if not report.pending:
        return report
    diags: list[Diagnostic] = []
    collapse = _collapses(report.pending)
    eqs = _equations(report, report.pending)
    totals = _own_totals(eqs)
    rows: list[Unsplit] = []
    kept: list[int] = []
    domains: list[list[Candidate]] = []
    for k, row in enumerate(report.pending):
        found = candidates(row, collapse, totals.get(k, ()))
        if found is None:
            diags.append(_unreadable(report, row, "数值过长，无法在限度内切分 (too long to cut)"))
        elif not found:
            diags.append(
                _unreadable(
                    report,
                    row,
                    f"不能切成{len(row.cells)}个单元格；粘连文本看不出空白单元格，"
                    f"不补0 (cannot be cut into {len(row.cells)} cells; blanks are not invented)",
                )
            )
        else:
            rows.append(row)
            kept.append(k)
            domains.append(found)
    plain = [_plain(row, d) for row, d in zip(rows, domains, strict=True)]
    choice, doubtful, bounded = _choose(report, rows, domains, _keep(eqs, kept))
    values: dict[str, Any] = {}
    texts: dict[str, str] = dict(report.cell_texts)
    fixed: list[Unsplit] = []
    for k, row in enumerate(rows):
        chosen = choice[k]
        for key, text, value in zip(row.cells, chosen.texts, chosen.values, strict=True):
            values[key] = value
            texts[key] = text
        others = doubtful.get(k, [])
        if k in doubtful:
            diags.append(_uncertain(report, row, chosen, others, k in bounded))
        elif not plain[k]:
            fixed.append(row)
    if fixed:
        diags.append(_fixed(report, fixed))
    filled = _fill(report, values)
    return attrs.evolve(
        filled,
        diagnostics=(*report.diagnostics, *diags),
        cell_texts=texts,
        pending=(),
    )


# ---- candidates ---------------------------------------------------------------------------


Totals = Sequence[tuple[int, tuple[int, ...]]]  # a row's own equations: (total, its parts)


def candidates(row: Unsplit, collapse: bool = False, totals: Totals = ()) -> list[Candidate] | None:
    """Every way to make the row's cells from its pieces (None: more than the work bound).

    With ``totals``, only the ways in which each of the row's own totals equals its parts;
    when there is none (a report whose totals do not add up), every way."""
    found = _cached((row.pieces, row.kinds, row.units, row.glued, collapse, tuple(totals)))
    return None if found is None else list(found)


@lru_cache(maxsize=4096)  # a corpus repeats its runs (1000001, 2000002) report after report
def _cached(key: tuple[Any, ...]) -> tuple[Candidate, ...] | None:
    pieces, kinds, units, glued, collapse, totals = key
    row = Unsplit("", ("",) * len(kinds), kinds, units, pieces, glued, NOWHERE)
    strict = _ways(row, collapse, totals)
    if strict is not None and not strict and totals:
        # no reading meets the row's own total (a report whose totals do not add up): keep
        # the readings with fewest lines joined or repeated; the checks flag the total
        loose = _ways(row, collapse, ())
        if loose:
            fewest = min(c.edits for c in loose)
            strict = [c for c in loose if c.edits == fewest][:_LOOSE]
        else:
            strict = loose
    return None if strict is None else tuple(strict)


def _ways(row: Unsplit, collapse: bool, totals: Totals) -> list[Candidate] | None:
    walk = _Walk(row, collapse, totals)
    if row.glued and len(row.pieces) == 1 and len(row.pieces[0]) == len(row.kinds):
        run = row.pieces[0]  # as many digits as cells: one digit each (the rows of zeros)
        if run.isdigit() and run.isascii():
            texts = tuple(run)
            if all(_sum(parts, texts) == int(texts[t]) for t, parts in walk.forced.items()):
                return [Candidate(texts, tuple(walk.typed(d, i) for i, d in enumerate(texts)))]
            return []
    try:
        found = walk.glued() if row.glued else walk.lines()
    except _TooLong:
        return None
    return [
        Candidate(
            tuple(texts),
            tuple(walk.typed(t, i) for i, t in enumerate(texts)),
            walk.edited.get(tuple(texts), 0),
        )
        for texts in found
    ]


@attrs.define
class _Walk:
    """The depth-first enumeration of one row's cuts (glued) or joins and repeats (lines)."""

    row: Unsplit
    collapse: bool
    totals: Totals
    steps: int = 0
    target: tuple[int, tuple[int, ...]] | None = None  # a last total already read: its parts
    forced: dict[int, tuple[int, ...]] = attrs.field(factory=dict)
    edits: int = 0  # lines joined or repeated on the current path (lines layout)
    edited: dict[tuple[str, ...], int] = attrs.field(factory=dict)  # fewest, per reading

    def __attrs_post_init__(self) -> None:
        # a total printed after all of its parts is not cut freely: it must be their sum
        self.forced = {t: parts for t, parts in self.totals if all(i < t for i in parts)}

    def typed(self, text: str, i: int) -> Any:
        if text == "":
            return None
        if self.row.kinds[i] == MONEY:
            return _money(text, self.row.units[i])
        return int(text)

    def fits(self, text: str, i: int, acc: Sequence[str]) -> bool:
        if text == "":
            return True
        if _PATTERNS.get(self.row.kinds[i], _PATTERNS["count"]).fullmatch(text) is None:
            return False
        parts = self.forced.get(i)
        if parts is not None and text != str(_sum(parts, acc)):
            return False
        if self.target is not None and i in self.target[1]:  # parts of the last total
            return _sum(self.target[1], acc) + int(text) <= self.target[0]
        return True

    def _plan(self) -> list[int] | None:
        """The row as groups of cells, each its parts then their total (a number of parts),
        or a free cell (0): 表三's row is [6], 表四's [4, 4, 4]. None when the row is not
        counts only, or a total is not printed right after its parts."""
        if not self.forced or any(k != "count" for k in self.row.kinds):
            return None
        plan: list[int] = []
        c = 0
        n = len(self.row.kinds)
        while c < n:
            size = next(
                (len(p) for t, p in self.forced.items() if p == tuple(range(c, t)) and t > c),
                0,
            )
            plan.append(size)
            c += size + 1
        return plan if c == n else None

    def tick(self) -> None:
        self.steps += 1
        if self.steps > _NODES:
            raise _TooLong

    def glued(self) -> list[list[str]]:
        pieces = [_blank(clean(p)) for p in self.row.pieces]
        n = len(self.row.kinds)
        plan = self._plan()
        if plan is not None and all(pieces) and "".join(pieces).isdigit():
            return _GroupCuts(pieces, plan, self).run()
        out: list[list[str]] = []
        last = self.forced.get(n - 1)
        if last is None or not pieces or not pieces[-1]:
            self.cut(pieces, _suffixes(pieces), 0, 0, [], n, out)
            return out
        # the last cell is a total: read it from the end first, then cut the rest to sum to
        # it; a part is never more than the total, so long cuts die at once
        tail_piece = pieces[-1]
        saved = self.forced
        self.forced = {k: v for k, v in saved.items() if k != n - 1}
        try:
            for d in range(1, min(len(tail_piece), 15) + 1):
                tail = tail_piece[-d:]
                if _PATTERNS["count"].fullmatch(tail) is None:
                    continue
                head = pieces[:-1] + ([tail_piece[:-d]] if d < len(tail_piece) else [])
                self.target = (int(tail), last)
                found: list[list[str]] = []
                self.cut(head, _suffixes(head), 0, 0, [], n - 1, found)
                out.extend([*texts, tail] for texts in found if _sum(last, texts) == int(tail))
        finally:
            self.forced, self.target = saved, None
        return out

    def cut(
        self,
        pieces: list[str],
        after: list[int],
        p: int,
        pos: int,
        acc: list[str],
        n: int,
        out: list[list[str]],
    ) -> None:
        """Cut ``pieces`` from piece ``p``, character ``pos`` on, into cells ``len(acc)``…
        ``n - 1``; ``after[p]``: characters in the pieces after ``p``."""
        self.tick()
        c = len(acc)
        if p == len(pieces):
            if c == n:
                out.append(acc)
            return
        if c == n or len(pieces) - p > n - c:  # each piece left needs a cell of its own
            return
        left = len(pieces[p]) - pos + after[p]
        if self.forced:  # each total to come needs the digits of its parts' sum
            need = n - c
            for t, parts in self.forced.items():
                if t >= c:
                    need += len(str(_sum(parts, acc))) - 1
            if left < need:
                return
        if self.target is not None:  # what is left of the total bounds each part
            rest = self.target[0] - _sum(self.target[1], acc)
            if left > (n - c) * len(str(rest)):
                return
        piece = pieces[p]
        if piece == "":  # a blank mark is one blank cell, never part of a number
            self.cut(pieces, after, p + 1, 0, [*acc, ""], n, out)
            return
        for end in range(pos + 1, len(piece) + 1):
            seg = piece[pos:end]
            if not self.fits(seg, c, acc):
                if self.target is not None and c in self.target[1] and seg.isdigit():
                    break  # longer only grows past the total
                continue
            if end == len(piece):
                self.cut(pieces, after, p + 1, 0, [*acc, seg], n, out)
            elif n - c > 1:
                self.cut(pieces, after, p, end, [*acc, seg], n, out)

    def lines(self) -> list[list[str]]:
        pieces = [_blank(clean(p)) for p in self.row.pieces]
        n = len(self.row.kinds)
        out: list[list[str]] = []
        last = self.forced.get(n - 1)
        if last is not None and len(pieces) > 1:
            # the last cell is a total: read it from the last lines first, then make the
            # other cells from the lines before, summing to it
            saved = self.forced
            self.forced = {k: v for k, v in saved.items() if k != n - 1}
            try:
                for k in range(1, min(_JOIN, len(pieces) - 1) + 1):
                    tail = "".join(pieces[-k:])
                    if _PATTERNS["count"].fullmatch(tail) is None:
                        continue
                    self.target = (int(tail), last)
                    for texts, edits in _LineReader(self, pieces[:-k], n - 1).run():
                        if _sum(last, texts) != int(tail):
                            continue
                        out.append([*texts, tail])
                        self._note([*texts, tail], edits + k - 1)
            finally:
                self.forced, self.target = saved, None
        if not out:
            for texts, edits in _LineReader(self, pieces, n).run():
                out.append(list(texts))
                self._note(texts, edits)
        return out

    def _note(self, texts: Sequence[str], edits: int) -> None:
        key = tuple(texts)
        self.edited[key] = min(edits, self.edited.get(key, edits))


class _LineReader:
    """Readings of one-line-per-cell values: each cell one line, or up to three lines joined
    (a value broken over lines), or — from a crawler that drops a line equal to the one
    before — that line again. Memoised on (line, cell, the sums the row's totals need), since
    what the rest of a row can be depends on nothing else."""

    def __init__(self, walk: _Walk, pieces: list[str], n: int) -> None:
        self.walk = walk
        self.pieces = pieces
        self.n = n
        self.kinds = walk.row.kinds
        # the sums to track: each forced total's parts, and the known last total's
        self.groups = [parts for _, parts in sorted(walk.forced.items())]
        self.totals = [t for t, _ in sorted(walk.forced.items())]
        if walk.target is not None:
            self.groups.append(walk.target[1])
        self.memo: dict[tuple[int, int, tuple[int, ...]], list[tuple[tuple[str, ...], int]]] = {}

    def run(self) -> list[tuple[tuple[str, ...], int]]:
        found: dict[tuple[str, ...], int] = {}
        for texts, edits in self.rest(0, 0, (0,) * len(self.groups)):
            found[texts] = min(edits, found.get(texts, edits))
        return list(found.items())

    def fits(self, text: str, c: int, sums: tuple[int, ...]) -> bool:
        if text == "":
            return True
        if _PATTERNS.get(self.kinds[c], _PATTERNS["count"]).fullmatch(text) is None:
            return False
        for g, t in enumerate(self.totals):
            if t == c and text != str(sums[g]):
                return False
        target = self.walk.target
        if target is not None and c in target[1]:
            return sums[-1] + int(text) <= target[0]
        return True

    def add(self, sums: tuple[int, ...], c: int, text: str) -> tuple[int, ...]:
        if not text or not text.lstrip("+-").isdigit():
            return sums
        value = int(text)
        return tuple(
            s + value if c in parts else s for s, parts in zip(sums, self.groups, strict=True)
        )

    def cells(self, i: int) -> list[tuple[str, int, int]]:
        """Each way to make the next cell from line ``i`` on: (text, next line, edits)."""
        pieces = self.pieces
        out: list[tuple[str, int, int]] = []
        starts: list[tuple[str, int]] = []  # a start, and the edits it costs
        if self.walk.collapse and i > 0 and pieces[i - 1]:
            out.append((pieces[i - 1], i, 1))  # the line before, printed again and dropped
            starts.append((pieces[i - 1], 1))
        if i < len(pieces):
            if pieces[i] == "":  # a blank mark is one blank cell, never part of a number
                out.append(("", i + 1, 0))
            else:
                out.append((pieces[i], i + 1, 0))
        for head, cost in starts:  # the line before, then lines after it: one broken value
            self._grow(head, i, cost, out)
        if i < len(pieces) and pieces[i]:
            self._grow(pieces[i], i + 1, 0, out)
        return out

    def _grow(self, head: str, i: int, cost: int, out: list[tuple[str, int, int]]) -> None:
        text = head
        for q in range(i, min(len(self.pieces), i + _JOIN - 1)):
            digits = text.lstrip("+-")
            if not digits.isdigit() or (digits[0] == "0" and not _decimals_next(self.pieces, q)):
                return
            if not self.pieces[q]:
                return
            text += self.pieces[q]
            cost += 1
            out.append((text, q + 1, cost))

    def rest(self, i: int, c: int, sums: tuple[int, ...]) -> list[tuple[tuple[str, ...], int]]:
        key = (i, c, sums)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        self.walk.tick()
        out: list[tuple[tuple[str, ...], int]] = []
        if c == self.n:
            target = self.walk.target
            done = target is None or sums[-1] == target[0]
            out = [((), 0)] if i == len(self.pieces) and done else []
        elif len(self.pieces) - i <= (self.n - c) * _JOIN:
            for text, nxt, cost in self.cells(i):
                if self.fits(text, c, sums):
                    for tail, edits in self.rest(nxt, c + 1, self.add(sums, c, text)):
                        out.append(((text, *tail), edits + cost))
        self.memo[key] = out
        return out


@lru_cache(maxsize=65536)
def _most_digits(k: int, total: int) -> int:
    """The most digits ``k`` counts adding up to ``total`` can print: each made as long as
    the total allows, the cheapest lengthening first (a two-digit count costs at least 10)."""
    lengths = [1] * k
    left = total
    for length in range(2, 16):
        step = 10 ** (length - 1) - (10 ** (length - 2) if length > 2 else 0)
        for i in range(k):
            if left < step:
                return sum(lengths)
            left -= step
            lengths[i] = length
    return sum(lengths)


def _fewest_digits(k: int, total: int) -> int:
    """The fewest: one count at least total / k, the others a digit each."""
    return len(str(-(-total // k))) + k - 1 if k else 0


class _GroupCuts:
    """Cuts of a glued run of counts into groups of parts and their totals, by dynamic
    programming over (position, parts left, what they must still add up to): a total fixes
    what its parts sum to, so a part never runs longer than the rest of it."""

    def __init__(self, pieces: list[str], plan: list[int], walk: _Walk) -> None:
        self.text = "".join(pieces)
        self.walk = walk
        self.plan = plan
        ends = set()
        at = 0
        for piece in pieces:
            at += len(piece)
            ends.add(at)
        size = len(self.text)
        # the first piece boundary after each position: no cell runs across one
        self.stop = [0] * (size + 1)
        nxt = size
        for pos in range(size, -1, -1):
            if pos in ends and pos != size:
                nxt = pos
            self.stop[pos] = nxt if nxt > pos else size
        self.parts_memo: dict[tuple[int, int, int, int], list[tuple[str, ...]]] = {}
        self.rest_memo: dict[tuple[int, int], list[tuple[str, ...]]] = {}

    def run(self) -> list[list[str]]:
        return [list(cut) for cut in self.rest(0, 0)]

    def cells_at(self, pos: int) -> range:
        """Ends of the counts that may start at ``pos``: within its piece, no leading zero."""
        if pos >= len(self.text):
            return range(0)
        if self.text[pos] == "0":
            return range(pos + 1, pos + 2)
        return range(pos + 1, min(self.stop[pos], pos + 15) + 1)

    def rest(self, pos: int, g: int) -> list[tuple[str, ...]]:
        """Every cut of ``text[pos:]`` into the groups ``plan[g:]``."""
        key = (pos, g)
        hit = self.rest_memo.get(key)
        if hit is not None:
            return hit
        self.walk.tick()
        out: list[tuple[str, ...]] = []
        if g == len(self.plan):
            out = [()] if pos == len(self.text) else []
        elif self.plan[g] == 0:  # a cell no equation holds
            for end in self.cells_at(pos):
                out += [(self.text[pos:end], *tail) for tail in self.rest(end, g + 1)]
        else:
            k = self.plan[g]
            after = sum(size + 1 for size in self.plan[g + 1 :])  # cells still to come
            size = len(self.text)
            for a in range(pos + k, size):  # the total starts at a
                for b in self.cells_at(a):
                    # its parts are no longer than it; what is left fits the cells after it
                    if a - pos > k * (b - a) or not after <= size - b <= 15 * after:
                        continue
                    total = int(self.text[a:b])
                    for parts in self.parts(pos, a, k, total):
                        out += [(*parts, self.text[a:b], *tail) for tail in self.rest(b, g + 1)]
        self.rest_memo[key] = out
        return out

    def parts(self, pos: int, end: int, k: int, target: int) -> list[tuple[str, ...]]:
        """Every cut of ``text[pos:end]`` into ``k`` counts adding up to ``target``."""
        key = (pos, end, k, target)
        hit = self.parts_memo.get(key)
        if hit is not None:
            return hit
        self.walk.tick()
        out: list[tuple[str, ...]] = []
        if k == 0:
            out = [()] if pos == end and target == 0 else []
        elif _fewest_digits(k, target) <= end - pos <= _most_digits(k, target):
            for e in self.cells_at(pos):
                if e > end - (k - 1):
                    break
                value = int(self.text[pos:e])
                if value > target:
                    break
                left = target - value  # what the other parts add up to, in what is left
                if k == 1:
                    if e == end and not left:
                        out.append((self.text[pos:e],))
                    continue
                if not _fewest_digits(k - 1, left) <= end - e <= _most_digits(k - 1, left):
                    continue
                head = self.text[pos:e]
                out += [(head, *more) for more in self.parts(e, end, k - 1, left)]
        self.parts_memo[key] = out
        return out


def _decimals_next(pieces: list[str], i: int) -> bool:
    """The next line holds the decimals of a number broken before its point (0 / .79)."""
    return i < len(pieces) and pieces[i][:1] == "."


def _suffixes(pieces: list[str]) -> list[int]:
    """Per piece, the characters in the pieces after it."""
    after = [0] * len(pieces)
    for i in range(len(pieces) - 2, -1, -1):
        after[i] = after[i + 1] + len(pieces[i + 1])
    return after


def _blank(text: str) -> str:
    return "" if text in BLANK_MARKERS else text


def _sum(parts: tuple[int, ...], acc: Sequence[str]) -> int:
    return sum(int(acc[i]) for i in parts if i < len(acc) and acc[i])


def _plain(row: Unsplit, found: Sequence[Candidate]) -> bool:
    """The only reading is one piece per cell: nothing was cut, joined or repeated."""
    return len(found) == 1 and found[0].texts == tuple(
        "" if clean(p) in BLANK_MARKERS else clean(p) for p in row.pieces
    )


class _TooLong(Exception):
    pass


def _money(text: str, unit: Unit | None) -> Money:
    for suffix in ("万元", "元"):
        if text.endswith(suffix):
            return Money(Decimal(text[: -len(suffix)]), suffix)
    return Money(Decimal(text), unit)


def _collapses(rows: Sequence[Unsplit]) -> bool:
    """Whether the crawler dropped lines equal to the line before: never two equal lines in a
    row's values (a crawler that keeps them prints them, e.g. 0 0 0 in a row of zeros)."""
    lines = [r for r in rows if not r.glued]
    return bool(lines) and not any(
        a == b for r in lines for a, b in zip(r.pieces, r.pieces[1:], strict=False)
    )


# ---- choosing jointly ---------------------------------------------------------------------


@attrs.frozen
class _Eq:
    """One equation as ``sum(sign * cell) == 0``: +1 for the total side, -1 for the parts."""

    kind: str
    total: tuple[tuple[int, Any], ...]  # (row, cell index) for a pending cell; (-1, value)
    parts: tuple[tuple[int, Any], ...]
    rows: frozenset[int]


def _equations(report: Report, rows: Sequence[Unsplit]) -> list[_Eq]:
    where = {key: (k, i) for k, row in enumerate(rows) for i, key in enumerate(row.cells)}
    eqs: list[tuple[str, Equation]] = [(r.kind, eq) for r in RULES for eq in r.expand(report)]
    keys = tuple({k for _, eq in eqs for k in eq.cells if k not in where})
    known = cell_values(report, keys)

    def ref(key: str) -> tuple[int, Any]:
        return where[key] if key in where else (-1, known[key])

    out = []
    for kind, eq in eqs:
        total = tuple(ref(k) for k in eq.total)
        parts = tuple(ref(k) for k in eq.parts)
        touched = frozenset(k for k, _ in (*total, *parts) if k >= 0)
        if touched:
            out.append(_Eq(kind, total, parts, touched))
    return out


def _own_totals(eqs: Sequence[_Eq]) -> dict[int, list[tuple[int, tuple[int, ...]]]]:
    """Each row's own totals (总计 = its parts, all in the row) as cell indexes."""
    out: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    for e in eqs:
        if e.kind != "total" or len(e.total) != 1 or len(e.rows) != 1:
            continue
        (k,) = e.rows
        if all(r == k for r, _ in (*e.total, *e.parts)):
            out.setdefault(k, []).append((e.total[0][1], tuple(i for _, i in e.parts)))
    return out


def _keep(eqs: Sequence[_Eq], kept: Sequence[int]) -> list[_Eq]:
    """The equations over the rows kept (numbered anew); a row left unread is blank."""
    index = {k: x for x, k in enumerate(kept)}

    def ref(refs: tuple[tuple[int, Any], ...]) -> tuple[tuple[int, Any], ...]:
        return tuple(
            (index[k], i) if k in index else (-1, None) if k >= 0 else (k, i) for k, i in refs
        )

    out = []
    for e in eqs:
        rows = frozenset(index[k] for k in e.rows if k in index)
        if rows:
            out.append(_Eq(e.kind, ref(e.total), ref(e.parts), rows))
    return out


def _holds(eq: _Eq, pick: Sequence[Candidate | None]) -> bool:
    """As the checks judge it: blanks count 0; a blank total cannot fail."""
    totals = [_value(ref, pick) for ref in eq.total]
    parts = [_value(ref, pick) for ref in eq.parts]
    if eq.kind == "balance":
        if all(v is None for v in totals) or all(v is None for v in parts):
            return True
    elif any(v is None for v in totals):
        return True
    return sum(v or 0 for v in totals) == sum(v or 0 for v in parts)


def _value(ref: tuple[int, Any], pick: Sequence[Candidate | None]) -> Any:
    k, i = ref
    if k < 0:
        return i  # a fixed cell's value
    chosen = pick[k]
    return chosen.values[i] if chosen is not None else None


@attrs.define
class _Search:
    """Branch and bound over the rows' candidates, fewest broken equations first.

    Each equation is a signed sum that must be 0. Per equation it keeps the sum of what is
    assigned and the least and most the unassigned rows can still add; an equation whose
    range no longer holds 0 is broken whatever comes, so a branch is cut as soon as it has
    broken more than the best so far. Rows are assigned fewest candidates first.
    """

    eqs: list[_Eq]
    domains: list[list[Candidate]]
    steps: int = 0
    bounded: bool = False
    best_broken: int = 0
    best: list[tuple[int, ...]] = attrs.field(factory=list)  # the first best, for ranking
    seen: list[set[int]] = attrs.field(factory=list)  # per row: candidates in any best
    exact: list[bool] = attrs.field(factory=list)

    def run(self) -> None:
        n = len(self.domains)
        m = len(self.eqs)
        # contribution of candidate j of row k to equation e (None when a blank makes the
        # equation one to judge only when complete, as the checks do)
        self.exact = [self._exact(e) for e in self.eqs]
        contrib: list[dict[int, list[int]]] = [{} for _ in range(m)]
        for x, e in enumerate(self.eqs):
            for k in e.rows:
                contrib[x][k] = [self._share(e, k, c) for c in self.domains[k]]
        fixed = [self._share(e, -1, None) for e in self.eqs]
        least = [{k: min(v) for k, v in contrib[x].items()} for x in range(m)]
        most = [{k: max(v) for k, v in contrib[x].items()} for x in range(m)]
        low = [sum(least[x].values()) for x in range(m)]
        high = [sum(most[x].values()) for x in range(m)]
        touching: list[list[int]] = [[] for _ in range(n)]
        for x, e in enumerate(self.eqs):
            for k in e.rows:
                touching[k].append(x)
        order = sorted(range(n), key=lambda k: (len(self.domains[k]), k))
        left = [len(e.rows) for e in self.eqs]
        assigned = list(fixed)
        pick: list[Candidate | None] = [None] * n
        chosen = [0] * n
        self.best_broken = m + 1

        def dead(x: int) -> bool:
            if left[x] == 0:
                return not _holds(self.eqs[x], pick) if self.exact[x] else assigned[x] != 0
            if self.exact[x]:
                return False
            return not (assigned[x] + low[x] <= 0 <= assigned[x] + high[x])

        def walk(depth: int, broken: int) -> None:
            if self.bounded:
                return
            if depth == n:
                if broken < self.best_broken:
                    self.best_broken = broken
                    self.best.clear()
                    self.seen = [set() for _ in range(n)]
                if len(self.best) < _KEPT:
                    self.best.append(tuple(chosen))
                for k, j in enumerate(chosen):
                    self.seen[k].add(j)
                return
            k = order[depth]
            for j, cand in enumerate(self.domains[k]):
                self.steps += 1
                if self.steps > _SEARCH:
                    self.bounded = True
                    return
                pick[k] = cand
                chosen[k] = j
                now = broken
                for x in touching[k]:
                    was = dead(x)
                    assigned[x] += contrib[x][k][j]
                    low[x] -= least[x][k]
                    high[x] -= most[x][k]
                    left[x] -= 1
                    now += dead(x) and not was
                if now <= self.best_broken:
                    walk(depth + 1, now)
                for x in touching[k]:
                    assigned[x] -= contrib[x][k][j]
                    low[x] += least[x][k]
                    high[x] += most[x][k]
                    left[x] += 1
                pick[k] = None
                if self.bounded:
                    return

        walk(0, 0)

    def _exact(self, e: _Eq) -> bool:
        """An equation a blank cell may make unassessable: judged only when complete."""
        refs = (*e.total, *e.parts)
        if any(k < 0 and v is None for k, v in refs):
            return True
        return any(c.values[i] is None for k, i in refs if k >= 0 for c in self.domains[k])

    @staticmethod
    def _share(e: _Eq, k: int, cand: Candidate | None) -> int:
        total = 0
        for sign, refs in ((1, e.total), (-1, e.parts)):
            for r, i in refs:
                if r == k:
                    v = i if k < 0 else cand.values[i]  # type: ignore[union-attr]
                    total += sign * (v or 0)
        return total


def _choose(
    report: Report, rows: Sequence[Unsplit], domains: list[list[Candidate]], eqs: list[_Eq]
) -> tuple[list[Candidate], dict[int, list[Candidate]], set[int]]:
    """The chosen candidate per row, the other candidates of rows left open, and the rows
    whose search hit its bound. Rows no equation links are searched apart (表二's rows each alone,
    表三's rows together, 表四 alone), so open rows of one table never multiply another's."""
    narrative = _narrative_numbers(report)
    choice: list[Candidate] = [d[0] for d in domains]
    doubtful: dict[int, list[Candidate]] = {}
    bounded: set[int] = set()  # rows whose search hit its bound
    for group in _components(len(rows), eqs):
        open_rows = [k for k in group if len(domains[k]) > 1]
        if not open_rows:  # nothing to choose: the checks judge the rest
            continue
        # a row with one candidate is a constant to the search, like a cell read as printed
        index = {k: x for x, k in enumerate(open_rows)}

        sub = [
            _Eq(
                e.kind,
                _fold(e.total, index, domains),
                _fold(e.parts, index, domains),
                frozenset(index[k] for k in e.rows if k in index),
            )
            for e in eqs
            if e.rows & index.keys()
        ]
        part = [domains[k] for k in open_rows]
        exact = _exactly(sub, part, narrative)
        if exact is not None:  # every equation can hold: each row's readings that let them
            picked, feasible = exact
            for x, k in enumerate(open_rows):
                choice[k] = part[x][picked[x]]
                if len(feasible[x]) > 1:
                    doubtful[k] = [part[x][j] for j in sorted(feasible[x]) if j != picked[x]]
            continue
        search = _Search(sub, part)  # some equation breaks (or too many sums): fewest broken
        search.run()
        if search.bounded:
            bounded.update(open_rows)
        best = search.best or [tuple(0 for _ in open_rows)]
        top = min(best, key=lambda s: _evidence(s, part, narrative))
        for x, k in enumerate(open_rows):
            choice[k] = part[x][top[x]]
            seen = search.seen[x] if search.seen else {top[x]}
            if len(seen) > 1 or search.bounded:
                doubtful[k] = [part[x][j] for j in sorted(seen) if j != top[x]]
        if search.best_broken > 0:  # totals that do not add up: what rests on them is open
            picks: list[Candidate | None] = [part[x][top[x]] for x in range(len(open_rows))]
            for e in sub:
                if not _holds(e, picks):
                    for x in e.rows:
                        k = open_rows[x]
                        if k not in doubtful:
                            doubtful[k] = [c for c in part[x] if c is not choice[k]]
    return choice, doubtful, bounded


def _exactly(
    eqs: Sequence[_Eq], domains: Sequence[Sequence[Candidate]], narrative: frozenset[str]
) -> tuple[list[int], list[set[int]]] | None:
    """Rows linked by equations that can all hold, read by dynamic programming over the
    equations' partial sums: per row, exactly the readings some assignment meeting every
    equation uses, and one such assignment, each row's best-ranked reading taken in turn.

    None when no assignment meets them all (a report whose totals do not add up), when an
    equation may be blank-judged (the checks do not judge a blank total), or when the partial
    sums would be too many to keep.
    """
    n = len(domains)
    if any(_blank_judged(e, domains) for e in eqs):
        return None
    # a row's own equations first: only its readings that meet them can be part of an answer
    allowed: list[list[int]] = []
    for k in range(n):
        own = [e for e in eqs if e.rows == {k}]
        pick: list[Candidate | None] = [None] * n
        keep = []
        for j, cand in enumerate(domains[k]):
            pick[k] = cand
            if all(_holds(e, pick) for e in own):
                keep.append(j)
        if not keep:
            return None
        allowed.append(keep)
    cross = [e for e in eqs if len(e.rows) > 1]
    m = len(cross)
    # rows of the smallest equations first (表三's balance rows before its outcome rows), so
    # an equation is closed, and its partial sums forced to 0, as early as can be
    smallest = [min((len(e.rows) for e in cross if k in e.rows), default=0) for k in range(n)]
    order = sorted(range(n), key=lambda k: (smallest[k], k))
    domains = [domains[k] for k in order]
    allowed = [allowed[k] for k in order]
    cross = [
        _Eq(
            e.kind,
            _permute(e.total, order),
            _permute(e.parts, order),
            frozenset(order.index(k) for k in e.rows),
        )
        for e in cross
    ]
    contrib = [
        [tuple(_Search._share(e, k, domains[k][j]) for e in cross) for j in allowed[k]]
        for k in range(n)
    ]
    fixed = tuple(_Search._share(e, -1, None) for e in cross)
    low = [[0] * m for _ in range(n + 1)]  # the least and most rows k… can still add
    high = [[0] * m for _ in range(n + 1)]
    for k in range(n - 1, -1, -1):
        for x in range(m):
            column = [c[x] for c in contrib[k]]
            low[k][x] = low[k + 1][x] + min(column)
            high[k][x] = high[k + 1][x] + max(column)
    layers: list[set[tuple[int, ...]]] = [{fixed}]
    for k in range(n):
        lo, hi = low[k + 1], high[k + 1]
        bounds = list(zip(lo, hi, strict=True))
        reach: set[tuple[int, ...]] = set()
        for state in layers[-1]:
            for c in contrib[k]:
                t = tuple(map(add, state, c))
                if all(a <= -v <= b for v, (a, b) in zip(t, bounds, strict=True)):
                    reach.add(t)
        if len(reach) > _STATES:
            return None
        layers.append(reach)
    zero = (0,) * m
    if zero not in layers[n]:
        return None
    good: list[set[tuple[int, ...]]] = [set() for _ in range(n + 1)]
    good[n] = {zero}
    feasible: list[set[int]] = [set() for _ in range(n)]
    for k in range(n - 1, -1, -1):
        for state in layers[k]:
            for x, c in enumerate(contrib[k]):
                if tuple(map(add, state, c)) in good[k + 1]:
                    good[k].add(state)
                    feasible[k].add(allowed[k][x])
    chosen: list[int] = []
    state = fixed
    for k in range(n):
        where = {j: x for x, j in enumerate(allowed[k])}
        for j in sorted(feasible[k], key=lambda j: (_rank(domains[k][j], narrative), j)):
            t = tuple(map(add, state, contrib[k][where[j]]))
            if t in good[k + 1]:
                chosen.append(j)
                state = t
                break
    back = [0] * n
    for position, k in enumerate(order):
        back[k] = position
    return [chosen[back[k]] for k in range(n)], [feasible[back[k]] for k in range(n)]


def _permute(refs: tuple[tuple[int, Any], ...], order: list[int]) -> tuple[tuple[int, Any], ...]:
    where = {k: position for position, k in enumerate(order)}
    return tuple((where[k], i) if k >= 0 else (k, i) for k, i in refs)


def _blank_judged(e: _Eq, domains: Sequence[Sequence[Candidate]]) -> bool:
    refs = (*e.total, *e.parts)
    if any(k < 0 and v is None for k, v in refs):
        return True
    return any(c.values[i] is None for k, i in refs if k >= 0 for c in domains[k])


def _fold(
    refs: tuple[tuple[int, Any], ...], index: dict[int, int], domains: Sequence[list[Candidate]]
) -> tuple[tuple[int, Any], ...]:
    """Refs renumbered over the open rows; a row with one candidate becomes its values."""
    return tuple(
        (index[k], i) if k in index else (-1, domains[k][0].values[i]) if k >= 0 else (k, i)
        for k, i in refs
    )


def _components(n: int, eqs: Sequence[_Eq]) -> list[list[int]]:
    """Rows linked by equations, each group in row order."""
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for e in eqs:
        first, *rest = sorted(e.rows)
        for k in rest:
            parent[root(k)] = root(first)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())


def _narrative_numbers(report: Report) -> frozenset[str]:
    texts = [getattr(report.sections, f.name) or "" for f in attrs.fields(type(report.sections))]
    return frozenset(_NUMBER.findall(clean(" ".join(texts))))


def _evidence(
    solution: tuple[int, ...], domains: Sequence[Sequence[Candidate]], narrative: frozenset[str]
) -> tuple[int, int, int, tuple[int, ...]]:
    """Lower is better: distinct numbers of two or more digits the narrative states (more),
    lines joined or repeated (fewer), digits spread evenly (sum of squared lengths, less),
    then the order cuts were made in (shorter first cells first)."""
    stated = edits = spread = 0
    for k, j in enumerate(solution):
        if len(domains[k]) < 2:
            continue
        a, b, c = _rank(domains[k][j], narrative)
        stated, edits, spread = stated + a, edits + b, spread + c
    return (stated, edits, spread, solution)


def _rank(cand: Candidate, narrative: frozenset[str]) -> tuple[int, int, int]:
    """One reading's evidence, lower is better (see :func:`_evidence`)."""
    numbers = [t.removesuffix("万元").removesuffix("元").lstrip("+-") for t in cand.texts]
    stated = len({x for x in numbers if len(x) >= 2 and x in narrative})
    return (-stated, cand.edits, sum(len(x) ** 2 for x in numbers))


# ---- results ------------------------------------------------------------------------------


def _fill(report: Report, values: dict[str, Any]) -> Report:
    by_table: dict[str, dict[str, dict[str, Any]]] = {}
    for key, value in values.items():
        table, row, column = key.split(".")
        by_table.setdefault(table, {}).setdefault(row, {})[column] = value
    tables: dict[str, Any] = {}
    for table, rows in by_table.items():
        obj = getattr(report, table)
        tables[table] = attrs.evolve(
            obj, **{row: attrs.evolve(getattr(obj, row), **cells) for row, cells in rows.items()}
        )
    return attrs.evolve(report, **tables)


def _where(report: Report, row: Unsplit) -> str:
    table = chinese(report, row.cells[0]).split("「")[0]
    return f"{table}「{row.label}」行（{row.at}）"


def _show(cand: Candidate) -> str:
    return " | ".join(t or "空" for t in cand.texts)


def _unreadable(report: Report, row: Unsplit, why: str) -> Diagnostic:
    printed = " ".join(row.pieces)
    return Diagnostic(
        "CRAWLER_CELLS_UNREADABLE",
        "warning",
        f"{_where(report, row)}的数值「{printed[:60]}」{why}；该行记为空",
        row.at,
        row.cells,
    )


def _uncertain(
    report: Report, row: Unsplit, chosen: Candidate, others: list[Candidate], bounded: bool
) -> Diagnostic:
    differ = tuple(
        key
        for i, key in enumerate(row.cells)
        if bounded or not others or any(o.texts[i] != chosen.texts[i] for o in others)
    )
    listed = "；".join(_show(o) for o in others[:_SHOWN])
    more = f"等{len(others)}种" if len(others) > _SHOWN else ""
    why = "搜索达到上限" if bounded else "勾稽关系不能唯一确定"
    return Diagnostic(
        "CRAWLER_SPLIT_UNCERTAIN",
        "warning",
        f"{_where(report, row)}的数值「{' '.join(row.pieces)[:60]}」{why}，取「{_show(chosen)}」"
        f"（依次看正文所述数字、断行最少、位数均匀）；其他切分：{listed or '—'}{more} "
        "(the arithmetic leaves the cut open; the best-ranked one is kept)",
        row.at,
        differ,
    )


def _fixed(report: Report, rows: Sequence[Unsplit]) -> Diagnostic:
    names = "、".join(f"「{r.label}」" for r in rows[:3])
    more = f"等{len(rows)}行" if len(rows) > 3 else ""
    return Diagnostic(
        "CRAWLER_CELLS_SPLIT",
        "info",
        f"{names}{more}的数值在爬取文本中粘连或断行，已按单元格数与勾稽关系唯一切分"
        f"（爬取文本显示不出空白单元格，按没有空白单元格切分） "
        f"({len(rows)} crawler rows cut into cells; each cut is the only one that fits, "
        "taking no cell as blank)",
        rows[0].at,
        tuple(dict.fromkeys(key.rsplit(".", 1)[0] for r in rows for key in r.cells)),
    )
