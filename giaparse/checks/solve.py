"""Choose each crawler row's reading by the tables' arithmetic.

Every reading of each row (:mod:`giaparse.checks.cuts`) that meets the row's own totals is a
candidate; the equations across rows (the rules in :mod:`giaparse.checks.rules`: each column's
balance and outcome total) then choose, table by table. When they can all hold, a dynamic
programme over their partial sums gives, per row, exactly the readings some full assignment
uses; when they cannot (totals that do not add up), a branch and bound keeps the assignments
that break the fewest. A row left with one reading is certain (an info); one left open keeps
its best-ranked reading by documented evidence (numbers the narrative states, then fewest
lines joined or repeated, then evenly spread digits) and a warning that lists the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import add
from typing import Any

import attrs

from giaparse.checks.cells import cell_values, chinese
from giaparse.checks.cuts import Candidate, candidates, collapses, plain
from giaparse.checks.rules import RULES, Equation
from giaparse.core.diagnostics import Diagnostic
from giaparse.core.values import clean
from giaparse.model.report import Report, Unsplit

_SEARCH = 30_000  # joint-search steps per group of linked rows
_STATES = 20_000  # partial sums kept per row by the exact search
_KEPT = 64  # best joint assignments kept to tell what is certain
_SHOWN = 4  # other cuts listed in a warning
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def solve(report: Report) -> Report:
    """The report with its crawler rows cut into cells, and the diagnostics of cutting."""
    if not report.pending:
        return report
    diags: list[Diagnostic] = []
    collapse = collapses(report.pending)
    eqs, totals = _equations(report, report.pending)
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
    as_printed = [plain(row, d) for row, d in zip(rows, domains, strict=True)]
    choice, doubtful, bounded = _choose(
        report, rows, domains, _keep(eqs, kept, len(report.pending))
    )
    cells: dict[str, dict[str, dict[str, Any]]] = {}  # table -> row -> column -> value
    texts: dict[str, str] = dict(report.cell_texts)
    fixed: list[Unsplit] = []
    for k, row in enumerate(rows):
        chosen = choice[k]
        texts.update(zip(row.cells, chosen.texts, strict=True))
        for table, name, columns in _paths(row.cells):
            got = cells.setdefault(table, {}).setdefault(name, {})
            got.update((column, chosen.values[i]) for i, column in columns)
        others = doubtful.get(k, [])
        if k in doubtful:
            diags.append(_uncertain(report, row, chosen, others, k in bounded))
        elif not as_printed[k]:
            fixed.append(row)
    if fixed:
        diags.append(_fixed(report, fixed))
    return attrs.evolve(
        report,
        **_filled(report, cells),
        diagnostics=(*report.diagnostics, *diags),
        cell_texts=texts,
        pending=(),
    )


# ---- choosing jointly ---------------------------------------------------------------------


@attrs.frozen
class _Eq:
    """One equation as ``sum(sign * cell) == 0``: +1 for the total side, -1 for the parts."""

    kind: str
    total: tuple[tuple[int, Any], ...]  # (row, cell index) for a pending cell; (-1, value)
    parts: tuple[tuple[int, Any], ...]
    rows: frozenset[int]


_EXPANDED: dict[tuple[type, ...], list[tuple[str, Equation]]] = {}


def _expanded(report: Report) -> list[tuple[str, Equation]]:
    """The rules' equations for the report: they name cells by the tables' fields, not
    their values, so each template's are expanded once."""
    key = (type(report.active_disclosure), type(report.applications), type(report.reviews))
    hit = _EXPANDED.get(key)
    if hit is None:
        hit = _EXPANDED[key] = [(r.kind, eq) for r in RULES for eq in r.expand(report)]
    return hit


OwnTotals = dict[int, list[tuple[int, tuple[int, ...]]]]
_Skeleton = tuple[list[_Eq], tuple[str, ...], OwnTotals]
_SKELETONS: dict[tuple[Any, ...], _Skeleton] = {}
_SKELETONS_KEPT = 256  # distinct sets of crawler rows remembered


def _equations(report: Report, rows: Sequence[Unsplit]) -> tuple[list[_Eq], OwnTotals]:
    """The equations over these rows, a cell of no row standing for its read value, and each
    row's own totals. Their shape depends only on the template and which rows were crawler
    rows, so it is made once per such set (a glued report's rows are all of its rows) and
    only the values filled in."""
    key: tuple[Any, ...] = (
        type(report.active_disclosure),
        type(report.applications),
        type(report.reviews),
        *(row.cells for row in rows),
    )
    hit = _SKELETONS.get(key)
    if hit is None:
        if len(_SKELETONS) >= _SKELETONS_KEPT:
            _SKELETONS.clear()
        hit = _SKELETONS[key] = _skeleton(report, rows)
    shapes, keys, own = hit
    if not keys:
        return list(shapes), own
    known = cell_values(report, keys)

    def fill(refs: tuple[tuple[int, Any], ...]) -> tuple[tuple[int, Any], ...]:
        return tuple((k, known[i]) if k < 0 else (k, i) for k, i in refs)

    return [_Eq(e.kind, fill(e.total), fill(e.parts), e.rows) for e in shapes], own


def _skeleton(report: Report, rows: Sequence[Unsplit]) -> _Skeleton:
    """The equations with (-1, key) for a cell of no row, and those keys."""
    where = {key: (k, i) for k, row in enumerate(rows) for i, key in enumerate(row.cells)}
    out = []
    for kind, eq in _expanded(report):
        total = tuple(where.get(k, (-1, k)) for k in eq.total)
        parts = tuple(where.get(k, (-1, k)) for k in eq.parts)
        touched = frozenset(k for k, _ in (*total, *parts) if k >= 0)
        if touched:
            out.append(_Eq(kind, total, parts, touched))
    keys = tuple(dict.fromkeys(i for e in out for k, i in (*e.total, *e.parts) if k < 0))
    return out, keys, _own_totals(out)


def _own_totals(eqs: Sequence[_Eq]) -> OwnTotals:
    """Each row's own totals (总计 = its parts, all in the row) as cell indexes."""
    out: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    for e in eqs:
        if e.kind != "total" or len(e.total) != 1 or len(e.rows) != 1:
            continue
        (k,) = e.rows
        if all(r == k for r, _ in (*e.total, *e.parts)):
            out.setdefault(k, []).append((e.total[0][1], tuple(i for _, i in e.parts)))
    return out


def _keep(eqs: Sequence[_Eq], kept: Sequence[int], n: int) -> list[_Eq]:
    """The equations over the ``n`` rows' kept ones (numbered anew); a row left unread is
    blank."""
    if len(kept) == n:  # every row kept: numbered as they were
        return list(eqs)
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
        blank = [_blank_cells(d) for d in self.domains]
        self.exact = [_blank_judged(e, blank) for e in self.eqs]
        terms = [_terms(e) for e in self.eqs]
        contrib: list[dict[int, list[int]]] = [{} for _ in range(m)]
        for x, e in enumerate(self.eqs):
            for k in e.rows:
                contrib[x][k] = [_share(terms[x], k, c) for c in self.domains[k]]
        fixed = [_share(t, -1, None) for t in terms]
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
    touching, components = _links(len(rows), tuple(e.rows for e in eqs))
    for group in components:
        open_rows = [k for k in group if len(domains[k]) > 1]
        if not open_rows:  # nothing to choose: the checks judge the rest
            continue
        # a row with one candidate is a constant to the search, like a cell read as printed
        index = {k: x for x, k in enumerate(open_rows)}
        over = sorted({x for k in open_rows for x in touching.get(k, ())})
        sub = [
            _Eq(
                e.kind,
                _fold(e.total, index, domains),
                _fold(e.parts, index, domains),
                frozenset(index[k] for k in e.rows if k in index),
            )
            for e in (eqs[x] for x in over)
        ]
        part = [domains[k] for k in open_rows]
        if not sub:  # a row no equation holds (表二's): the best-ranked reading, the rest open
            for x, k in enumerate(open_rows):
                ranked = sorted(
                    range(len(part[x])), key=lambda j: (_rank(part[x][j], narrative), j)
                )
                choice[k] = part[x][ranked[0]]
                doubtful[k] = [part[x][j] for j in ranked[1:]]
            continue
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
            # (every reading of such a row, not only those of the best assignments: with a
            # total broken, fewest broken equations does not tell the printed reading)
            picks: list[Candidate | None] = [part[x][top[x]] for x in range(len(open_rows))]
            for e in sub:
                if not _holds(e, picks):
                    for x in e.rows:
                        k = open_rows[x]
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
    blank = [_blank_cells(d) for d in domains]
    if any(_blank_judged(e, blank) for e in eqs):
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
    position = {k: p for p, k in enumerate(order)}
    cross = [
        _Eq(
            e.kind,
            _fold(e.total, position, domains),
            _fold(e.parts, position, domains),
            frozenset(position[k] for k in e.rows),
        )
        for e in cross
    ]
    terms = [_terms(e) for e in cross]
    contrib = [
        [tuple(_share(t, k, domains[k][j]) for t in terms) for j in allowed[k]] for k in range(n)
    ]
    fixed = tuple(_share(t, -1, None) for t in terms)
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
    return [chosen[position[k]] for k in range(n)], [feasible[position[k]] for k in range(n)]


def _terms(e: _Eq) -> dict[int, list[tuple[int, Any]]]:
    """The equation's cells by row, signed: +1 on the total's side, -1 on the parts'; a
    fixed cell under -1, with its value instead of its index."""
    out: dict[int, list[tuple[int, Any]]] = {}
    for sign, refs in ((1, e.total), (-1, e.parts)):
        for k, i in refs:
            out.setdefault(k, []).append((sign, i))
    return out


def _share(terms: dict[int, list[tuple[int, Any]]], k: int, cand: Candidate | None) -> int:
    """What row ``k`` read as ``cand`` (the fixed cells, for ``k`` -1) adds to the equation's
    signed sum; a blank counts 0."""
    if cand is None:
        return sum(sign * (v or 0) for sign, v in terms.get(k, ()))
    values = cand.values
    return sum(sign * (values[i] or 0) for sign, i in terms.get(k, ()))


def _blank_cells(domain: Sequence[Candidate]) -> frozenset[int]:
    """The cells some reading of a row leaves blank (none, in glued text)."""
    return frozenset(
        i for c in domain if None in c.values for i, v in enumerate(c.values) if v is None
    )


def _blank_judged(e: _Eq, blank: Sequence[frozenset[int]]) -> bool:
    """An equation a blank cell may make unassessable: judged only when complete."""
    refs = (*e.total, *e.parts)
    return any(i is None if k < 0 else i in blank[k] for k, i in refs)


def _fold(
    refs: tuple[tuple[int, Any], ...],
    index: dict[int, int],
    domains: Sequence[Sequence[Candidate]],
) -> tuple[tuple[int, Any], ...]:
    """Refs renumbered by ``index``; a row not in it has one candidate and becomes its
    values."""
    return tuple(
        (index[k], i) if k in index else (-1, domains[k][0].values[i]) if k >= 0 else (k, i)
        for k, i in refs
    )


@lru_cache(maxsize=256)
def _links(n: int, eqs: tuple[frozenset[int], ...]) -> tuple[dict[int, list[int]], list[list[int]]]:
    """Per row, the equations over it; and the rows linked by equations, each group in row
    order. (The same for every report whose crawler rows are the same: never mutated.)"""
    touching: dict[int, list[int]] = {}
    for x, rows in enumerate(eqs):
        for k in rows:
            touching.setdefault(k, []).append(x)
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for rows in eqs:
        first, *rest = sorted(rows)
        for k in rest:
            parent[root(k)] = root(first)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(root(k), []).append(k)
    return touching, list(groups.values())


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
    """One reading's evidence, lower is better (see :func:`_evidence`). (A loop, not three
    comprehensions: every reading of every open row is ranked.)"""
    stated: set[str] = set()
    spread = 0
    for text in cand.texts:
        number = (
            text if text.isdigit() else text.removesuffix("万元").removesuffix("元").lstrip("+-")
        )
        size = len(number)
        spread += size * size
        if size >= 2 and number in narrative:
            stated.add(number)
    return (-len(stated), cand.edits, spread)


# ---- results ------------------------------------------------------------------------------


def _filled(report: Report, cells: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """The report's tables with these cells set (table -> row -> column -> value)."""
    tables: dict[str, Any] = {}
    for table, rows in cells.items():
        obj = getattr(report, table)
        tables[table] = attrs.evolve(
            obj, **{row: _with(getattr(obj, row), values) for row, values in rows.items()}
        )
    return tables


def _with(row: Any, cells: dict[str, Any]) -> Any:
    """The row with these cells set: made anew when they are all of its cells (a crawler row
    is), which is quicker than evolving it."""
    if len(cells) == len(attrs.fields(type(row))):
        return type(row)(**cells)
    return attrs.evolve(row, **cells)


@lru_cache(maxsize=1024)
def _paths(keys: tuple[str, ...]) -> tuple[tuple[str, str, tuple[tuple[int, str], ...]], ...]:
    """Cell keys grouped by the table row they are in: (table, row, ((index, column), …)).
    A template has a few hundred keys, so each row's are split once."""
    rows: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for i, key in enumerate(keys):
        table, row, column = key.split(".")
        rows.setdefault((table, row), []).append((i, column))
    return tuple((t, r, tuple(columns)) for (t, r), columns in rows.items())


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
