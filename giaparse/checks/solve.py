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
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from giaparse.checks.cells import cell_values, chinese
from giaparse.checks.rules import RULES, Equation
from giaparse.core.diagnostics import Diagnostic
from giaparse.core.values import BLANK_MARKERS, Money, Unit, clean
from giaparse.model.fields import DELTA, MONEY
from giaparse.model.report import Report, Unsplit

_NODES = 100_000  # cut-enumeration steps per row: beyond, the run is not a row's values
_SEARCH = 200_000  # joint-search steps per report
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


def solve(report: Report) -> Report:
    """The report with its crawler rows cut into cells, and the diagnostics of cutting."""
    if not report.pending:
        return report
    diags: list[Diagnostic] = []
    collapse = _collapses(report.pending)
    eqs = _equations(report, report.pending)
    rows: list[Unsplit] = []
    domains: list[list[Candidate]] = []
    for k, row in enumerate(report.pending):
        found = candidates(row, collapse, _own_totals(eqs, k))
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
            domains.append(found)
    plain = [_plain(row, d) for row, d in zip(rows, domains, strict=True)]
    choice, doubtful, bounded = _choose(report, rows, domains)
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
            diags.append(_uncertain(report, row, chosen, others, bounded))
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
    strict = _ways(row, collapse, totals)
    if strict is None or strict or not totals:
        return strict
    return _ways(row, collapse, ())


def _ways(row: Unsplit, collapse: bool, totals: Totals) -> list[Candidate] | None:
    walk = _Walk(row, collapse, totals)
    try:
        found = walk.glued() if row.glued else walk.lines()
    except _TooLong:
        return None
    return [
        Candidate(tuple(texts), tuple(walk.typed(t, i) for i, t in enumerate(texts)))
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

    def tick(self) -> None:
        self.steps += 1
        if self.steps > _NODES:
            raise _TooLong

    def glued(self) -> list[list[str]]:
        pieces = [_blank(clean(p)) for p in self.row.pieces]
        n = len(self.row.kinds)
        last = self.forced.get(n - 1)
        if last is None or not pieces or not pieces[-1]:
            return list(self.cut(pieces, 0, 0, []))
        # the last cell is a total: read it from the end first, then cut the rest to sum to
        # it; a part is never more than the total, so long cuts die at once
        out: list[list[str]] = []
        tail_piece = pieces[-1]
        for d in range(1, min(len(tail_piece), 15) + 1):
            tail = tail_piece[-d:]
            if _PATTERNS["count"].fullmatch(tail) is None:
                continue
            head = pieces[:-1] + ([tail_piece[:-d]] if d < len(tail_piece) else [])
            self.target = (int(tail), last)
            saved, self.forced = self.forced, {k: v for k, v in self.forced.items() if k != n - 1}
            try:
                for texts in self.cut(head, 0, 0, [], n - 1):
                    if _sum(last, texts) == int(tail):
                        out.append([*texts, tail])
            finally:
                self.forced, self.target = saved, None
        return out

    def cut(
        self, pieces: list[str], p: int, pos: int, acc: list[str], n: int | None = None
    ) -> Iterator[list[str]]:
        n = len(self.row.kinds) if n is None else n
        self.tick()
        c = len(acc)
        left = len(pieces[p]) - pos + sum(len(x) for x in pieces[p + 1 :]) if p < len(pieces) else 0
        if self.forced and c < n:  # each total to come needs the digits of its parts' sum
            need = (
                n
                - c
                + sum(len(str(_sum(parts, acc))) - 1 for t, parts in self.forced.items() if t >= c)
            )
            if left < need:
                return
        if self.target is not None and c < n:  # what is left of the total bounds each part
            rest = self.target[0] - _sum(self.target[1], acc)
            if left > (n - c) * len(str(rest)):
                return
        if p == len(pieces):
            if c == n:
                yield acc
            return
        if c == n or len(pieces) - p > n - c:  # each piece left needs a cell of its own
            return
        piece = pieces[p]
        if piece == "":  # a blank mark is one blank cell, never part of a number
            yield from self.cut(pieces, p + 1, 0, [*acc, ""], n)
            return
        for end in range(pos + 1, len(piece) + 1):
            seg = piece[pos:end]
            if not self.fits(seg, c, acc):
                if self.target is not None and c in self.target[1] and seg.isdigit():
                    break  # longer only grows past the total
                continue
            if end == len(piece):
                yield from self.cut(pieces, p + 1, 0, [*acc, seg], n)
            elif n - c > 1:
                yield from self.cut(pieces, p, end, [*acc, seg], n)

    def lines(self) -> list[list[str]]:
        pieces = [_blank(clean(p)) for p in self.row.pieces]
        return list(self.join(pieces, 0, []))

    def join(self, pieces: list[str], p: int, acc: list[str]) -> Iterator[list[str]]:
        self.tick()
        n = len(self.row.kinds)
        c = len(acc)
        if p == len(pieces):
            if c == n:
                yield acc
            return
        if c == n:
            return
        for q in range(p + 1, min(len(pieces), p + _JOIN) + 1):
            parts = pieces[p:q]
            if len(parts) > 1 and "" in parts:
                break
            seg = "".join(parts)
            most = n - c if self.collapse else 1
            run = list(acc)
            for times in range(1, most + 1):
                if not self.fits(seg, c + times - 1, run):
                    break
                run.append(seg)
                yield from self.join(pieces, q, list(run))


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


def _own_totals(eqs: Sequence[_Eq], k: int) -> list[tuple[int, tuple[int, ...]]]:
    """Row ``k``'s own totals (总计 = its parts, all in the row) as cell indexes."""
    out = []
    for e in eqs:
        refs = (*e.total, *e.parts)
        if e.kind == "total" and len(e.total) == 1 and all(r == k for r, _ in refs):
            out.append((e.total[0][1], tuple(i for _, i in e.parts)))
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
        low = [sum(min(v) for v in contrib[x].values()) for x in range(m)]
        high = [sum(max(v) for v in contrib[x].values()) for x in range(m)]
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
                    c = contrib[x][k]
                    assigned[x] += c[j]
                    low[x] -= min(c)
                    high[x] -= max(c)
                    left[x] -= 1
                    now += dead(x) and not was
                if now <= self.best_broken:
                    walk(depth + 1, now)
                for x in touching[k]:
                    c = contrib[x][k]
                    assigned[x] -= c[j]
                    low[x] += min(c)
                    high[x] += max(c)
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
    report: Report, rows: Sequence[Unsplit], domains: list[list[Candidate]]
) -> tuple[list[Candidate], dict[int, list[Candidate]], bool]:
    """The chosen candidate per row, the other candidates of rows left open, and whether the
    search hit its bound. Rows no equation links are searched apart (表二's rows each alone,
    表三's rows together, 表四 alone), so open rows of one table never multiply another's."""
    eqs = _equations(report, rows)
    narrative = _narrative_numbers(report)
    choice: list[Candidate] = [d[0] for d in domains]
    doubtful: dict[int, list[Candidate]] = {}
    bounded = False
    for group in _components(len(rows), eqs):
        index = {k: x for x, k in enumerate(group)}
        sub = [
            _Eq(
                e.kind,
                _renumber(e.total, index),
                _renumber(e.parts, index),
                frozenset(index[k] for k in e.rows),
            )
            for e in eqs
            if e.rows <= index.keys()
        ]
        part = [domains[k] for k in group]
        search = _Search(sub, part)
        search.run()
        bounded = bounded or search.bounded
        best = search.best or [tuple(0 for _ in group)]
        top = min(best, key=lambda s: _evidence(s, part, narrative))
        for x, k in enumerate(group):
            choice[k] = part[x][top[x]]
            seen = search.seen[x] if search.seen else {top[x]}
            if len(seen) > 1 or (search.bounded and len(part[x]) > 1):
                doubtful[k] = [part[x][j] for j in sorted(seen) if j != top[x]]
        if search.best_broken > 0:  # totals that do not add up: what rests on them is open
            picks: list[Candidate | None] = [part[x][top[x]] for x in range(len(group))]
            for e in sub:
                if not _holds(e, picks):
                    for x in e.rows:
                        k = group[x]
                        if len(part[x]) > 1 and k not in doubtful:
                            doubtful[k] = [c for c in part[x] if c is not choice[k]]
    return choice, doubtful, bounded


def _renumber(
    refs: tuple[tuple[int, Any], ...], index: dict[int, int]
) -> tuple[tuple[int, Any], ...]:
    return tuple((index[k], i) if k >= 0 else (k, i) for k, i in refs)


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
) -> tuple[int, int, tuple[int, ...]]:
    """Lower is better: numbers the narrative states (more), digits spread evenly (sum of
    squared lengths, less), then the order cuts were made in (shorter first cells first)."""
    stated = spread = 0
    for k, j in enumerate(solution):
        if len(domains[k]) < 2:
            continue
        for text in domains[k][j].texts:
            number = text.removesuffix("万元").removesuffix("元").lstrip("+-")
            if len(number) >= 2 and number in narrative:
                stated += 1
            spread += len(number) ** 2
    return (-stated, spread, solution)


# ---- results ------------------------------------------------------------------------------


def _fill(report: Report, values: dict[str, Any]) -> Report:
    by_row: dict[tuple[str, str], dict[str, Any]] = {}
    for key, value in values.items():
        table, row, column = key.split(".")
        by_row.setdefault((table, row), {})[column] = value
    tables: dict[str, Any] = {}
    for (table, row), cells in by_row.items():
        obj = tables.get(table, getattr(report, table))
        tables[table] = attrs.evolve(obj, **{row: attrs.evolve(getattr(obj, row), **cells)})
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
        if any(o.texts[i] != chosen.texts[i] for o in others) or not others
    )
    listed = "；".join(_show(o) for o in others[:_SHOWN])
    more = f"等{len(others)}种" if len(others) > _SHOWN else ""
    why = "搜索达到上限" if bounded else "勾稽关系不能唯一确定"
    return Diagnostic(
        "CRAWLER_SPLIT_UNCERTAIN",
        "warning",
        f"{_where(report, row)}的数值「{' '.join(row.pieces)[:60]}」{why}，按正文数字和位数取"
        f"「{_show(chosen)}」；其他切分：{listed or '—'}{more} "
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
        f"{names}{more}的数值在爬取文本中粘连或断行，已按单元格数与勾稽关系唯一切分 "
        f"({len(rows)} crawler rows cut into cells; each cut is the only one that fits)",
        rows[0].at,
        tuple(key for r in rows for key in r.cells),
    )
