"""Which of a row's cells are values: merged-cell placeholders versus blank values.

A row printed with more cells than its template row has carries placeholders left by merged
cells. Where the source read a real grid, its marks say which cells those are and nothing is
guessed. Otherwise empties next to the label go first, then trailing ones; what is still
ambiguous keeps only the values whose column is certain.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from giaparse.core.items import PLACEHOLDERS, Mark
from giaparse.core.location import Location


@attrs.frozen(slots=True)
class Resolved:
    cells: tuple[str | None, ...]  # one per column; None = no cell (missing or uncertain)
    locations: tuple[Location | None, ...]
    problem: str | None = None  # CELL_COUNT_MISMATCH, TOO_MANY_VALUES, AMBIGUOUS_CELLS
    note: str = ""


def resolve(
    values: Sequence[str],
    lines: Sequence[Location],
    arity: int,
    marks: Sequence[Mark] | None = None,
    gapped: bool = False,
) -> Resolved:
    """One cell per column, from a row's cells after its label (``lines``: where each stood).
    ``gapped``: cells apart by runs of spaces, which print no blank cell at all."""
    if marks is not None:  # a grid told placeholders apart: drop them, no guess needed
        own = [i for i, m in enumerate(marks) if m not in PLACEHOLDERS]
        if len(own) != len(values):
            values, lines = [values[i] for i in own], [lines[i] for i in own]
    if len(values) == arity:  # the common case: exactly one cell per column
        return Resolved(tuple(values), tuple(lines))
    if gapped and len(values) > arity and "" in values:
        # blanks a reader placed by where values stood, in more columns than the row has:
        # the columns it saw are not the row's, so no value can be put in one
        return Resolved(
            (None,) * arity,
            (None,) * arity,
            "CELL_COUNT_MISMATCH",
            f"有{len(values)}个单元格（含空白），应有{arity}个；看不出各值属于哪一列，该行不取值："
            f"{' | '.join(c or '∅' for c in values)} ({len(values)} cells with blanks, {arity} "
            "expected: which column each value is in cannot be told; the row is left unread)",
        )
    cells = list(zip(values, lines, strict=True))
    while len(cells) > arity and cells[0][0] == "":
        cells.pop(0)
    while len(cells) > arity and cells[-1][0] == "":
        cells.pop()
    if len(cells) == arity:
        return Resolved(tuple(c for c, _ in cells), tuple(n for _, n in cells))
    if len(cells) < arity and gapped:  # a blank is not printed: which column is it?
        return Resolved(
            (None,) * arity,
            (None,) * arity,
            "CELL_COUNT_MISMATCH",
            f"只有{len(cells)}个单元格，应有{arity}个；以空格分隔的文本不印出空白单元格，"
            f"看不出空白在哪几列，该行不取值：{' | '.join(c for c, _ in cells)} "
            f"({len(cells)} cells, {arity} expected; text whose cells are apart by spaces "
            "prints no blank cell, so which columns are blank cannot be told: the row is left "
            "unread)",
        )
    if len(cells) < arity:
        missing = arity - len(cells)
        return Resolved(
            tuple(c for c, _ in cells) + (None,) * missing,
            tuple(n for _, n in cells) + (None,) * missing,
            "CELL_COUNT_MISMATCH",
            f"只有{len(cells)}个单元格，应有{arity}个 ({len(cells)} cells, {arity} expected)",
        )
    filled = [(c, n) for c, n in cells if c != ""]
    if len(filled) >= arity:
        kept, dropped = filled[:arity], filled[arity:]
        problem = "TOO_MANY_VALUES" if dropped else None
        note = (
            f"有{len(filled)}个数值，应有{arity}个；取前{arity}个，舍去：{' | '.join(c for c, _ in dropped)} "
            f"({len(filled)} values for {arity} columns; kept the first {arity})"
            if dropped
            else ""
        )
        if not dropped:
            problem, note = (
                "PLACEHOLDERS_DROPPED",
                (
                    f"行内{len(cells) - arity}个空单元格视为合并单元格占位 "
                    "(empty cells inside the row taken as merged-cell placeholders)"
                ),
            )
        return Resolved(tuple(c for c, _ in kept), tuple(n for _, n in kept), problem, note)
    # Fewer values than columns and empties inside: only the leading run is certain.
    certain: list[tuple[str, Location]] = []
    for c, n in cells:
        if c == "":
            break
        certain.append((c, n))
    unsure = arity - len(certain)
    return Resolved(
        tuple(c for c, _ in certain) + (None,) * unsure,
        tuple(n for _, n in certain) + (None,) * unsure,
        "AMBIGUOUS_CELLS",
        f"{len(cells)}个单元格对应{arity}列，无法确定空单元格是占位还是空值；"
        f"只保留前{len(certain)}个：{' | '.join(c or '∅' for c, _ in cells)} "
        f"(cannot tell placeholders from blanks; kept the first {len(certain)})",
    )
