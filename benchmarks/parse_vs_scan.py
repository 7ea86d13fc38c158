"""Parse time per report against a bare regex cell scan of the same text, in one process.

    python benchmarks/parse_vs_scan.py [--repeat 300]

Prints, per seed and for generated reports, the full parse time, the scan time and their
ratio, then where parse time goes, stage by stage (same calls as giaparse.api.parse), then the
floor: what the parts the design requires cost on their own, with none of giaparse's work in
them (Lark's LALR parser over the same row terminals, building the same attrs objects from
finished values, splitting the lines into cells).

On a shared machine single calls are slowed at random by other processes (the median moves by
±50 % between runs here), so parse and scan are timed in alternation, each pair close in time:
the ratio reported is the median of the pairs' ratios. Times are the fastest calls, as
``timeit`` advises.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import giaparse
from giaparse.build.tables import TableBuilder
from giaparse.checks import apply_checks
from giaparse.model.fields import row_fields, value_fields
from giaparse.model.template import TABLES, templates
from giaparse.parsing.detect import detect_template
from giaparse.parsing.lexer import lex
from giaparse.parsing.parser import compile_grammar, drive
from giaparse.rendering import render
from giaparse.rendering.corpus import random_report
from giaparse.tokens import tokenize

CELLS = re.compile(r"[^|\t\n]+")
FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures"


def timings(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call, ``repeat`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def paired(
    a: Callable[[], object], b: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """``a`` and ``b`` timed call by call in alternation, so both see the same machine."""
    a(), b()
    times_a, times_b = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        a()
        mid = time.perf_counter()
        for _ in range(_SCAN_LOOPS):
            b()
        end = time.perf_counter()
        times_a.append(mid - start)
        times_b.append((end - mid) / _SCAN_LOOPS)
    return times_a, times_b


_SCAN_LOOPS = 10  # the scan is short: time ten in a row so the clock's resolution does not count


def best_of(fn: Callable[[], object], repeat: int) -> float:
    return min(timings(fn, repeat))


def through_lexer(text: str) -> tuple[Any, Any, Any, Any, Any]:
    """What the pipeline makes of ``text`` up to the lexer: registry, stream, template,
    compiled grammar, lexed terminals (the calls giaparse.api.parse makes)."""
    registry = templates()
    stream = tokenize(text)
    tpl, _ = detect_template(stream.items, registry)
    compiled = compile_grammar(tpl.name, tpl.grammar, TABLES)
    return registry, stream, tpl, compiled, lex(stream.items, tpl.label_table, compiled.terminals)


def stages(text: str, repeat: int) -> dict[str, float]:
    registry, stream, tpl, compiled, lexed = through_lexer(text)
    labels = tpl.label_table
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


def floor(text: str, repeat: int) -> dict[str, float]:
    """The design's required parts alone, on what the pipeline made of ``text``."""
    _, stream, _, compiled, lexed = through_lexer(text)
    tokens = lexed.tokens
    report = giaparse.parse(text)
    plan = []
    for name in TABLES:
        table = getattr(report, name)
        rows = [
            (
                f.name,
                f.metadata["row"],
                {
                    c.name: getattr(getattr(table, f.name), c.name)
                    for c in value_fields(f.metadata["row"])
                },
            )
            for f in row_fields(type(table))
        ]
        plan.append((type(table), rows))

    def build() -> giaparse.Report:
        made = [cls(**{n: row_cls(**vals) for n, row_cls, vals in rows}) for cls, rows in plan]
        return giaparse.Report(
            template=report.template,
            year=report.year,
            agency=report.agency,
            layout=report.layout,
            active_disclosure=made[0],
            applications=made[1],
            reviews=made[2],
            sections=report.sections,
        )

    sep = {"tab": "\t", "newline": "\t"}.get(str(stream.layout), "|")
    return {
        "lark": best_of(lambda: compiled.parser.parse(tokens), repeat),
        "attrs": best_of(build, repeat),
        "split": best_of(
            lambda: [[c.strip() for c in ln.split(sep)] for ln in text.split("\n")], repeat
        ),
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
        parse, scan = paired(
            lambda t=text: giaparse.parse(t), lambda t=text: CELLS.findall(t), args.repeat
        )
        ratio = statistics.median(p / s for p, s in zip(parse, scan, strict=True))
        ratios.append(ratio)
        print(
            f"{name:<14}{len(text.encode()):>7}{min(parse) * 1e3:>10.2f}{min(scan) * 1e3:>9.3f}"
            f"{ratio:>7.0f}"
        )
    print(f"median ratio parse/scan: {statistics.median(ratios):.0f}x")
    text = cases[1][1]
    print("\nwhere the time goes (seed 001, newline layout; x scan: running total / scan):")
    parts = stages(text, args.repeat)
    parse, scans = paired(lambda: giaparse.parse(text), lambda: CELLS.findall(text), args.repeat)
    full, scan = min(parse), min(scans)  # the scan measured as in the table above
    parts["the rest (see docs)"] = max(full - sum(parts.values()), 0.0)
    running = 0.0
    for stage, sec in parts.items():
        running += sec
        print(f"  {stage:<30}{sec * 1e3:>6.2f} ms {sec / full:>5.0%} {running / scan:>6.1f}x scan")
    print("\nthe floor: the parts the design requires, alone, as multiples of the scan")
    print("  lark: Lark's LALR parser over the same row terminals (no recovery, no lexing)")
    print("  attrs: the same attrs tables and Report built from finished values")
    print("  split: the lines split into stripped cells (no layout decisions)")
    print(f"{'report':<14}" + "".join(f"{k:>8}" for k in floor(text, 1)) + f"{'sum':>8}")
    for name, text in cases:
        scan = best_of(lambda t=text: CELLS.findall(t), args.repeat * 10)
        parts = floor(text, args.repeat)
        cells = "".join(f"{v / scan:>7.1f}x" for v in parts.values())
        print(f"{name:<14}{cells}{sum(parts.values()) / scan:>7.1f}x")


if __name__ == "__main__":
    main()
