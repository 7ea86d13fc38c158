"""Every way to read a crawler row's pieces as its cells: cuts of a glued run, joins of lines
broken over lines, repeats of lines a crawler dropped.

No leading zero but 0 itself; a sign only in a change column; a decimal only in a money cell.
A row's own totals (表三's 总计, 表四's three groups) prune as the cells are made: a total must
agree modulo 9 with its parts' digits (a count is congruent to its digits' sum, and cutting
never changes the digits), its parts are cut depth first so that none runs past what is left
of it, and lines are read memoised on the sums the totals need. A row no equation holds
(表二's) is cut memoised on where the next cell starts, a single run of digits into up to
three cells by plain loops. The work per row is bounded (``None``: too long).
Which reading is right is :mod:`giaparse.checks.solve`'s business.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from giaparse.core.values import BLANK_MARKERS, clean, parse_money
from giaparse.model.fields import DELTA, MONEY
from giaparse.model.report import Unsplit

_NODES = 30_000  # cut-enumeration steps per row: beyond, the run is not a row's values
_LOOSE = 8  # readings kept of a row no reading of which meets its own total
_LONGEST = 32  # characters a cell's value can have: 15 digits, a sign, 12 decimals, 万元
_JOIN = 3  # lines joined into one value at most (a value broken over more is not seen)
_PATTERNS = {
    "count": re.compile(r"0|[1-9]\d{0,14}"),
    DELTA: re.compile(r"[+-]?(?:0|[1-9]\d{0,14})"),
    MONEY: re.compile(r"(?:0|[1-9]\d{0,14})(?:\.\d{1,12})?(?:万元|元)?"),
}

Values = tuple[Any, ...]


class Candidate(NamedTuple):
    """One reading of a crawler row (a named tuple: made by the thousand, so made cheaply)."""

    texts: tuple[str, ...]  # each cell's text ("" for a blank mark)
    values: Values
    edits: int = 0  # lines joined or repeated to read it this way (lines layout)


Totals = Sequence[tuple[int, tuple[int, ...]]]  # a row's own equations: (total, its parts)


def candidates(row: Unsplit, collapse: bool = False, totals: Totals = ()) -> list[Candidate] | None:
    """Every way to make the row's cells from its pieces (None: more than the work bound).

    With ``totals``, only the ways in which each of the row's own totals equals its parts;
    when there is none (a report whose totals do not add up), every way."""
    found = _readings(row.pieces, row.kinds, row.glued, collapse, tuple(totals))
    if found is None:
        return None
    return [
        Candidate(
            texts,
            tuple(map(_typed, texts, row.kinds, row.units)) if counts is None else counts,
            edits,
        )
        for texts, edits, counts in found
    ]


class _Row(NamedTuple):
    """What of a crawler row its readings depend on."""

    pieces: tuple[str, ...]
    kinds: tuple[str, ...]
    glued: bool


# each cell's text, the lines joined or repeated, and the cells' values when all are counts
Reading = tuple[tuple[str, ...], int, "tuple[int | None, ...] | None"]


# A corpus repeats its rows (1000001, 0000000) report after report. Keys and readings are
# plain tuples of strings and ints, which the garbage collector stops tracking, so the cache
# does not make every collection longer.
@lru_cache(maxsize=4096)
def _readings(
    pieces: tuple[str, ...], kinds: tuple[str, ...], glued: bool, collapse: bool, totals: Totals
) -> tuple[Reading, ...] | None:
    row = _Row(pieces, kinds, glued)
    strict = _ways(row, collapse, totals)
    if strict is not None and not strict and totals:
        # no reading meets the row's own total (a report whose totals do not add up): keep
        # the readings with fewest lines joined or repeated; the checks flag the total
        loose = _ways(row, collapse, ())
        if loose:
            fewest = min(edits for _, edits in loose)
            strict = tuple(r for r in loose if r[1] == fewest)[:_LOOSE]
        else:
            strict = loose
    if strict is None:
        return None
    if all(k == "count" for k in kinds):
        return tuple(
            (t, e, tuple(map(int, t)) if "" not in t else tuple(int(x) if x else None for x in t))
            for t, e in strict
        )
    return tuple((t, e, None) for t, e in strict)


def _typed(text: str, kind: str, unit: Any) -> Any:
    if text == "":
        return None
    if kind == MONEY:
        return parse_money(text, unit)
    return int(text)


def _ways(
    row: _Row, collapse: bool, totals: Totals
) -> tuple[tuple[tuple[str, ...], int], ...] | None:
    walk = _Walk(row, collapse, totals)
    if row.glued and len(row.pieces) == 1 and len(row.pieces[0]) == len(row.kinds):
        run = row.pieces[0]  # as many digits as cells: one digit each (the rows of zeros)
        if run.isdigit() and run.isascii():
            texts = tuple(run)
            if all(_sum(parts, texts) == int(texts[t]) for t, parts in walk.forced.items()):
                return ((texts, 0),)
            return ()
    try:
        found = walk.glued() if row.glued else walk.lines()
    except _TooLong:
        return None
    edited = walk.edited
    return tuple((texts, edited.get(texts, 0)) for texts in map(tuple, found))


class _Walk:
    """The depth-first enumeration of one row's cuts (glued) or joins and repeats (lines).
    (A plain class: one is made per row, and attrs' factories cost more than the walk of a
    short row.)"""

    __slots__ = ("collapse", "edited", "edits", "forced", "row", "steps", "target", "totals")

    def __init__(self, row: _Row, collapse: bool, totals: Totals) -> None:
        self.row = row
        self.collapse = collapse
        self.totals = totals
        self.steps = 0
        self.target: tuple[int, tuple[int, ...]] | None = None  # a last total read: its parts
        self.forced = dict(_forced(tuple(totals)))
        self.edits = 0  # lines joined or repeated on the current path (lines layout)
        self.edited: dict[tuple[str, ...], int] = {}  # fewest, per reading

    def fits(self, text: str, i: int, acc: Sequence[str]) -> bool:
        if text == "":
            return True
        if not _shaped(text, self.row.kinds[i]):
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
        plan = _plan(self.row.kinds, tuple(self.forced.items()))
        return None if plan is None else list(plan)

    def tick(self) -> None:
        self.steps += 1
        if self.steps > _NODES:
            raise _TooLong

    def glued(self) -> Sequence[Sequence[str]]:
        pieces = [_blank(clean(p)) for p in self.row.pieces]
        n = len(self.row.kinds)
        plan = self._plan()
        if plan is not None and all(pieces) and "".join(pieces).isdigit():
            if len(plan) == 1 and len(pieces) == 1:  # parts, then their total (表三's rows)
                return _one_total(pieces[0], plan[0], self)
            return _GroupCuts(pieces, plan, self).run()
        if not self.forced:  # no equation within the row: every cut that fits the kinds
            return _free(pieces, self.row.kinds, self)
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
        for end in range(pos + 1, min(len(piece), pos + _LONGEST) + 1):
            self.tick()
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
                    heads = [pieces[:-k]]
                    if self.collapse:  # the total's first line, printed before it and dropped
                        heads.append(pieces[: len(pieces) - k + 1])
                    for head in heads:
                        extra = len(head) - (len(pieces) - k)  # the repeated line's edit
                        for texts, edits in _LineReader(self, head, n - 1).run():
                            if _sum(last, texts) != int(tail):
                                continue
                            out.append([*texts, tail])
                            self._note([*texts, tail], edits + k - 1 + extra)
            finally:
                self.forced, self.target = saved, None
        out = list({tuple(t): t for t in out}.values())
        if not out:
            for texts, edits in _LineReader(self, pieces, n).run():
                out.append(list(texts))
                self._note(texts, edits)
        return out

    def _note(self, texts: Sequence[str], edits: int) -> None:
        key = tuple(texts)
        self.edited[key] = min(edits, self.edited.get(key, edits))


@lru_cache(maxsize=256)
def _forced(
    totals: tuple[tuple[int, tuple[int, ...]], ...],
) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The totals printed after all of their parts: such a total is not cut freely, it must
    be their sum (a template has a few shapes of row: each worked out once)."""
    return tuple((t, parts) for t, parts in totals if all(i < t for i in parts))


@lru_cache(maxsize=256)
def _plan(
    kinds: tuple[str, ...], forced: tuple[tuple[int, tuple[int, ...]], ...]
) -> tuple[int, ...] | None:
    """See :meth:`_Walk._plan` (a template has a few shapes of row: each planned once)."""
    if not forced or any(k != "count" for k in kinds):
        return None
    plan: list[int] = []
    c = 0
    n = len(kinds)
    while c < n:
        size = next((len(p) for t, p in forced if p == tuple(range(c, t)) and t > c), 0)
        plan.append(size)
        c += size + 1
    return tuple(plan) if c == n else None


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
        if not _shaped(text, self.kinds[c]):
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


@lru_cache(maxsize=16384)
def _most_digits(k: int, total: int) -> int:
    """The most digits ``k`` counts adding up to ``total`` can print: each made as long as
    the total allows, the cheapest lengthening first (a two-digit count costs at least 10)."""
    digits = k
    left = total
    for length in range(2, 16):
        step = 10 ** (length - 1) - (10 ** (length - 2) if length > 2 else 0)
        grown = min(k, left // step)
        digits += grown
        left -= grown * step
        if grown < k:
            break
    return digits


def _fewest_digits(k: int, total: int) -> int:
    """The fewest: one count at least total / k, the others a digit each."""
    return len(str(-(-total // k))) + k - 1 if k else 0


class _GroupCuts:
    """Cuts of a glued run of counts into groups of parts and their totals, memoised on
    (position, group): a total fixes what its parts sum to, so a part never runs longer than
    the rest of it, and agrees with their digits modulo 9."""

    def __init__(self, pieces: list[str], plan: list[int], walk: _Walk) -> None:
        self.text = "".join(pieces)
        self.walk = walk
        self.plan = plan
        size = len(self.text)
        # the first piece boundary after each position: no cell runs across one
        if len(pieces) == 1:
            self.stop = [size] * (size + 1)
        else:
            ends = set(accumulate(len(p) for p in pieces))
            self.stop = [0] * (size + 1)
            nxt = size
            for pos in range(size, -1, -1):
                if pos in ends and pos != size:
                    nxt = pos
                self.stop[pos] = nxt if nxt > pos else size
        # digit sums of each prefix: a count is its digits' sum modulo 9, so counts add up to
        # their digits' sum however the digits are cut, and a total must agree with it
        self.nines = list(accumulate(map(int, self.text), initial=0))
        self.rest_memo: dict[tuple[int, int], list[tuple[str, ...]]] = {}

    def run(self) -> list[list[str]]:
        return [list(cut) for cut in self.rest(0, 0)]

    def cells_at(self, pos: int) -> range:
        """Ends of the counts that may start at ``pos``: within its piece."""
        if pos >= len(self.text):
            return range(0)
        return _count_ends(self.text, pos, self.stop[pos])

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
            first = pos + k if after else max(pos + k, size - 15)  # the last total ends the run
            for a in range(first, size):  # the total starts at a
                self.walk.tick()
                for b in self.cells_at(a) if after else (size,):
                    # what is left fits the cells after it
                    if not self.total_fits(pos, a, b, k) or not after <= size - b <= 15 * after:
                        continue
                    total = int(self.text[a:b])
                    for parts in _parts(self.text, self.stop, pos, a, k, total, self.walk.tick):
                        out += [(*parts, self.text[a:b], *tail) for tail in self.rest(b, g + 1)]
        self.rest_memo[key] = out
        return out

    def total_fits(self, pos: int, a: int, b: int, k: int) -> bool:
        """Whether ``text[a:b]`` may be the total of ``k`` parts cut from ``text[pos:a]``: its
        digits agree with theirs modulo 9, it lies in one piece with no leading zero, and no
        part is longer than it."""
        nines, text = self.nines, self.text
        if (nines[b] - 2 * nines[a] + nines[pos]) % 9:
            return False
        if b > self.stop[a] or (text[a] == "0" and b > a + 1):
            return False
        return a - pos <= k * (b - a)


def _one_total(text: str, k: int, walk: _Walk) -> list[list[str]]:
    """Cuts of one run into ``k`` counts and then their total, as ``_GroupCuts.run`` with the
    plan ``[k]`` finds them without its memo (表三's rows, the most cut): the total is a tail
    of the run that :meth:`_GroupCuts.total_fits` (no part longer than it: it starts at most
    ``k / (k + 1)`` into the run), the rest cut into parts adding up to it."""
    size = len(text)
    stop = [size] * (size + 1)
    out: list[list[str]] = []
    for a in range(max(k, size - 15), k * size // (k + 1) + 1):  # the total starts at a
        if text[a] == "0" and a < size - 1:
            continue
        tail = text[a:]
        total = int(tail)
        if (int(text[:a]) - total) % 9:  # a count is its digits' sum modulo 9
            continue
        out.extend([*parts, tail] for parts in _parts(text, stop, 0, a, k, total, walk.tick))
    return out


def _parts(
    text: str, stop: Sequence[int], pos: int, end: int, k: int, target: int, tick: Any
) -> list[tuple[str, ...]]:
    """Every cut of ``text[pos:end]`` into ``k`` counts adding up to ``target``, depth
    first: each part no longer than what is left of the target, the digits left within
    what the parts left can print (few states recur, so nothing is memoised)."""
    out: list[tuple[str, ...]] = []
    acc: list[str] = []

    def walk(pos: int, k: int, target: int) -> None:
        tick()
        if not _fewest_digits(k, target) <= end - pos <= _most_digits(k, target):
            return
        longest = 1 if text[pos] == "0" else min(len(str(target)), stop[pos] - pos)
        for e in range(pos + 1, min(pos + longest, end - (k - 1)) + 1):
            value = int(text[pos:e])
            if value > target:
                break
            left = target - value
            if k == 2:  # the last part is what is left, printed as it is
                if end <= stop[e] and text[e:end] == str(left):
                    out.append((*acc, text[pos:e], text[e:end]))
                continue
            if end - e > (k - 1) * len(str(left)):  # none of the other parts is longer
                continue
            if k == 3:  # the last two parts, here: a call per pair costs more than its loop
                tick()
                head = text[pos:e]
                longer = e + 1 if text[e] == "0" else min(e + len(str(left)), stop[e], end - 1)
                for f in range(e + 1, longer + 1):
                    second = int(text[e:f])
                    if second > left:
                        break
                    if end <= stop[f] and text[f:end] == str(left - second):
                        out.append((*acc, head, text[e:f], text[f:end]))
                continue
            acc.append(text[pos:e])
            walk(e, k - 1, left)
            acc.pop()

    if k == 1:
        if end <= stop[pos] and text[pos:end] == str(target):  # no leading zero
            out.append((text[pos:end],))
    elif k > 1:
        walk(pos, k, target)
    return out


def _free(pieces: list[str], kinds: tuple[str, ...], walk: _Walk) -> list[tuple[str, ...]]:
    """Every cut of a row no equation holds into cells of its kinds, in the order a depth-first
    walk finds them (shorter first cells first), memoised on (piece, position, cell): what
    the rest of a row can be depends on nothing else. A piece's end is always a cut, a blank
    mark is one blank cell. The states and the ends tried count as work, and the readings
    are at most as many (``_TooLong`` past either bound)."""
    n = len(kinds)
    last = len(pieces)
    if last == 1 and n <= 3 and pieces[0].isdigit() and pieces[0].isascii():
        return _run_cuts(pieces[0], n)  # 表二's rows: loops, not a walk (digits cut alike)
    after = _suffixes(pieces)
    memo: dict[tuple[int, int, int], list[tuple[str, ...]]] = {}

    def rest(p: int, pos: int, c: int) -> list[tuple[str, ...]]:
        key = (p, pos, c)
        hit = memo.get(key)
        if hit is not None:
            return hit
        walk.tick()
        out: list[tuple[str, ...]] = []
        if p == last:
            if c == n:
                out.append(())
        elif (
            c < n
            and last - p <= n - c  # each piece left needs a cell of its own
            and len(pieces[p]) - pos + after[p] <= (n - c) * _LONGEST  # and no cell is longer
        ):
            piece = pieces[p]
            if piece == "":
                out = [("", *tail) for tail in rest(p + 1, 0, c + 1)]
            elif c == n - 1:  # the last cell is the rest of the last piece
                if p == last - 1 and _shaped(piece[pos:], kinds[c]):
                    out.append((piece[pos:],))
            else:
                size = len(piece)
                for end in _ends(piece, pos, kinds[c]):
                    walk.tick()
                    tails = rest(p + 1, 0, c + 1) if end == size else rest(p, end, c + 1)
                    seg = piece[pos:end]
                    out += [(seg, *tail) for tail in tails]
                    if len(out) > _NODES:  # every reading of a state is part of one of the row's
                        raise _TooLong
        memo[key] = out
        return out

    return rest(0, 0, 0)


def _run_cuts(run: str, n: int) -> list[tuple[str, ...]]:
    """Every cut of a run of digits into ``n`` (one to three) counts, as :func:`_free` finds
    them (no count over 15 digits: a long run has few)."""
    size = len(run)
    last_ok = _PATTERNS["count"].fullmatch  # the run from a position on is the last count
    if n == 1:
        return [(run,)] if last_ok(run) else []
    if n == 2:
        return [(run[:i], run[i:]) for i in _count_ends(run, 0, size - 1) if last_ok(run, i)]
    out: list[tuple[str, ...]] = []
    for i in _count_ends(run, 0, size - 2):
        head = run[:i]
        out += [(head, run[i:j], run[j:]) for j in _count_ends(run, i, size - 1) if last_ok(run, j)]
    return out


def _count_ends(text: str, pos: int, limit: int) -> range:
    """The ends, up to ``limit``, of the counts a run of digits may hold from ``pos``: no
    leading zero but 0 itself, at most 15 digits."""
    return range(pos + 1, min(limit, pos + (1 if text[pos] == "0" else 15)) + 1)


_DIGITS = re.compile(r"\d*")


def _ends(piece: str, pos: int, kind: str) -> list[int] | range:
    """The ends of the cells of ``kind`` that may start at ``pos``."""
    if kind == "count":  # read off the run of digits from pos
        if not ("0" <= piece[pos] <= "9"):
            return range(0)
        return _count_ends(piece, pos, _DIGITS.match(piece, pos).end())  # type: ignore[union-attr]
    pattern = _PATTERNS.get(kind, _PATTERNS["count"])
    return [
        end
        for end in range(pos + 1, min(len(piece), pos + _LONGEST) + 1)
        if pattern.fullmatch(piece, pos, end) is not None
    ]


def _shaped(text: str, kind: str) -> bool:
    """A value of the column's kind as crawler text prints it (see the module doc)."""
    return _PATTERNS.get(kind, _PATTERNS["count"]).fullmatch(text) is not None


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


def plain(row: Unsplit, found: Sequence[Candidate]) -> bool:
    """The only reading is one piece per cell: nothing was cut, joined or repeated."""
    return len(found) == 1 and found[0].texts == tuple(_blank(clean(p)) for p in row.pieces)


class _TooLong(Exception):
    pass


def collapses(rows: Sequence[Unsplit]) -> bool:
    """Whether the crawler dropped lines equal to the line before: never two equal lines in a
    row's values (a crawler that keeps them prints them, e.g. 0 0 0 in a row of zeros)."""
    lines = [r for r in rows if not r.glued]
    return bool(lines) and not any(
        a == b for r in lines for a, b in zip(r.pieces, r.pieces[1:], strict=False)
    )
