"""Parse time per report against a bare regex cell scan of the same text, in one process.

    python benchmarks/parse_vs_scan.py [--repeat 300]

Prints, per seed and for generated reports, the full parse time, the scan time and their
ratio, then where parse time goes, stage by stage (same calls as giaparse.api.parse).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import giaparse
from giaparse.checks import apply_checks
from giaparse.model.build import TableBuilder
from giaparse.parsing.detect import detect_template
from giaparse.parsing.lexer import lex
from giaparse.parsing.parser import compile_grammar, drive
from giaparse.render import render
from giaparse.render.corpus import random_report
from giaparse.templates import TABLES, templates
from giaparse.tokenize import tokenize

CELLS = re.compile(r"[^|\t\n]+")
FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures"


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds per call over ``repeat`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stages(text: str, repeat: int) -> dict[str, float]:
    registry = templates()
    stream = tokenize(text)
    tpl, _ = detect_template(stream.items, registry)
    compiled = compile_grammar(tpl.name, tpl.grammar, TABLES)
    labels = tpl.label_table
    lexed = lex(stream.items, labels, compiled.terminals)
    parsed = drive(compiled, lexed.tokens, labels)

    def build() -> None:
        strays = list(parsed.strays)
        for name, cls in tpl.tables.items():
            TableBuilder(name, cls, frozenset(labels.blocks.values())).build(
                parsed.parts.get(name, ()), strays, {}
            )

    report = giaparse.parse(text)
    return {
        "tokenize": best_of(lambda: tokenize(text), repeat),
        "detect template": best_of(lambda: detect_template(stream.items, registry), repeat),
        "lex (rows to terminals)": best_of(
            lambda: lex(stream.items, labels, compiled.terminals), repeat
        ),
        "grammar (LALR drive)": best_of(lambda: drive(compiled, lexed.tokens, labels), repeat),
        "model (tables, values)": best_of(build, repeat),
        "checks": best_of(lambda: apply_checks(report), repeat),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=300)
    args = ap.parse_args()
    rnd = random.Random(0)
    cases = [(p.name[:3], p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]
    cases += [
        (f"gen-{layout}", render(random_report(rnd), layout))
        for layout in ("pipe", "tab", "newline", "markdown")
    ]
    print(f"{'report':<14}{'bytes':>7}{'parse ms':>10}{'scan ms':>9}{'ratio':>7}")
    ratios = []
    for name, text in cases:
        parse = best_of(lambda t=text: giaparse.parse(t), args.repeat)
        scan = best_of(lambda t=text: CELLS.findall(t), args.repeat)
        ratios.append(parse / scan)
        print(
            f"{name:<14}{len(text.encode()):>7}{parse * 1e3:>10.2f}{scan * 1e3:>9.3f}{parse / scan:>7.0f}"
        )
    print(f"median ratio parse/scan: {statistics.median(ratios):.0f}x")
    print("\nwhere the time goes (seed 001, newline layout):")
    parts = stages(cases[1][1], args.repeat)
    total = sum(parts.values())
    for stage, sec in parts.items():
        print(f"  {stage:<26}{sec * 1e3:>7.2f} ms {sec / total:>6.0%}")


if __name__ == "__main__":
    main()
