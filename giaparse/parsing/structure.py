"""Read a template's structure back out of its grammar (for rendering): blocks and their rows.

The grammar is the one home of the template's order; the renderer asks it rather than
repeating it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from giaparse.model.labels import LabelTable
from giaparse.parsing.lexer import base


def terminal_sequence(parser: Any, rule: str) -> list[str]:
    """The terminals of ``rule``'s fullest expansion, in order (repetitions once)."""
    by_origin: dict[str, list[Sequence[Any]]] = defaultdict(list)
    for r in parser.rules:
        by_origin[r.origin.name].append(r.expansion)
    names = {base(n): n for n in by_origin}

    def walk(name: str, stack: frozenset[str]) -> list[str]:
        expansions = by_origin.get(name) or by_origin.get(names.get(name, ""), [])
        if not expansions or name in stack:
            return []
        out: list[str] = []
        for sym in max(expansions, key=len):
            if sym.is_term:
                out.append(base(sym.name))
            else:
                out.extend(walk(sym.name, stack | {name}))
        return out

    return walk(rule, frozenset())


def blocks(
    parser: Any, labels: LabelTable, table: str = "active_disclosure"
) -> list[tuple[str, list[str]]]:
    """``[(block terminal, [row keys in order]), ...]`` for a table printed in blocks (表二)."""
    block_names = set(labels.blocks.values())
    out: list[tuple[str, list[str]]] = []
    for name in terminal_sequence(parser, table):
        if name in block_names:
            out.append((name, []))
        elif out and name.lower() in labels.row_labels:
            out[-1][1].append(name.lower())
    return out
