"""Deterministic generated corpora for benchmarks and batch tests (stdlib random, no Hypothesis).

Each report is a built-in template's tables filled with random counts and money, consistent
arithmetic, rendered in a random layout with real-text noise left out (use
``giaparse.testing`` for that).
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path
from typing import Any

from giaparse.checks.rules import NOT_OUTCOMES
from giaparse.core.values import Money
from giaparse.model.fields import DELTA, MONEY, row_fields, value_fields
from giaparse.model.report import Report, Sections
from giaparse.model.template import get_template
from giaparse.rendering.layout import LAYOUTS, lay_out
from giaparse.rendering.report import report_items

PLACES = ("宁海县", "京山市", "尧都区", "浑江区", "鲁山县", "荆门市", "余姚市", "德清县", "江北区")
ORGANS = (
    "卫生健康局",
    "教育局",
    "财政局",
    "人民政府办公室",
    "交通运输局",
    "民政局",
    "市场监督管理局",
)
PROSE = "本机关认真贯彻落实条例要求，进一步加强政务公开工作，持续完善信息发布机制。"


def _row(rnd: random.Random, cls: type) -> Any:
    kwargs: dict[str, Any] = {}
    for f in value_fields(cls):
        kind = f.metadata["kind"]
        if kind == MONEY:
            cents = rnd.randint(0, 10**8)
            kwargs[f.name] = Money(Decimal(cents) / 10000, f.metadata.get("unit") or "万元")
        elif kind == DELTA:
            kwargs[f.name] = rnd.randint(-50, 50)
        else:
            kwargs[f.name] = rnd.randint(0, 500)
    return cls(**kwargs)


def _applications(rnd: random.Random, cls: type) -> Any:
    rows = [f.name for f in row_fields(cls)]
    row_cls = row_fields(cls)[0].metadata["row"]
    cols = [f.name for f in value_fields(row_cls) if f.name != "total"]
    v: dict[str, dict[str, int]] = {r: {} for r in rows}
    outcomes = [r for r in rows if r not in NOT_OUTCOMES]
    for c in cols:
        for r in outcomes:
            v[r][c] = rnd.choice((0, 0, 0, rnd.randint(0, 40)))
        processed = sum(v[r][c] for r in outcomes)
        forward = rnd.randint(0, 5)
        over = rnd.randint(0, processed + forward)
        v["total_processed"][c], v["carried_forward"][c] = processed, forward
        v["carried_over"][c], v["new_requests"][c] = over, processed + forward - over
    return cls(**{r: row_cls(**vals, total=sum(vals.values())) for r, vals in v.items()})


def random_report(rnd: random.Random) -> Report:
    name = rnd.choice(("2019", "2021"))
    tpl = get_template(name)
    active = tpl.active_disclosure(
        **{f.name: _row(rnd, f.metadata["row"]) for f in row_fields(tpl.active_disclosure)}
    )
    reviews_kwargs = {}
    for f in row_fields(tpl.reviews):
        parts = {
            c.name: rnd.randint(0, 3) for c in value_fields(f.metadata["row"]) if c.name != "total"
        }
        reviews_kwargs[f.name] = f.metadata["row"](**parts, total=sum(parts.values()))
    return Report(
        template=name,
        year=rnd.randint(2019, 2024) if name == "2021" else rnd.randint(2019, 2020),
        agency=rnd.choice(PLACES) + rnd.choice(ORGANS),
        layout=None,
        active_disclosure=active,
        applications=_applications(rnd, tpl.applications),
        reviews=tpl.reviews(**reviews_kwargs),
        sections=Sections(PROSE, "", "", "", PROSE, PROSE),
    )


def write_corpus(directory: str | Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` generated reports as ``report-00000.txt`` …; return their paths."""
    rnd = random.Random(seed)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = directory / f"report-{i:05d}.txt"
        text = lay_out(report_items(random_report(rnd)), rnd.choice(LAYOUTS))
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
