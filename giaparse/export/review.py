"""A review page: one self-contained HTML file for the people who check reports by eye.

Three views in one file, no server and no network: the corpus (one row per report, worst
first, sortable, filterable by agency), each report (its tables 二, 三 and 四 in the official
shapes, every cell a failed rule names highlighted with the rule's message, blanks visibly
unlike 0, the diagnostics below linking to their cells) and, for an agency with several years,
the years side by side with a chart and the cross-year rules.

The tables' shapes are computed once per template by rendering a report whose every value
cell holds its own number, so the page draws exactly what :func:`giaparse.render` prints;
each report then adds only its values and its findings. Jinja2 writes the page with
autoescaping on, and the data the script draws from is JSON escaped for ``<script>``; the
script builds every cell with ``textContent``, so no text of a report ever becomes markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from giaparse.checks import check_series
from giaparse.core.diagnostics import SEVERITIES
from giaparse.core.items import Prose
from giaparse.core.values import Money
from giaparse.model.fields import MONEY, row_fields, value_fields
from giaparse.model.report import Report, Sections
from giaparse.model.template import get_template, tables_template
from giaparse.rendering.documents import Cell, grid, groups
from giaparse.rendering.report import cell_text, report_items

SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # worst first
# The key figures of the year-over-year view: (label, cell key)
KEY_FIGURES = (
    ("新收申请", "applications.new_requests.total"),
    ("上年结转", "applications.carried_over.total"),
    ("予以公开", "applications.granted.total"),
    ("办理总计", "applications.total_processed.total"),
    ("结转下年", "applications.carried_forward.total"),
    ("行政复议", "reviews.administrative_review.total"),
    ("直接起诉", "reviews.litigation_direct.total"),
    ("复议后起诉", "reviews.litigation_after_review.total"),
)
CHART_FIGURES = KEY_FIGURES[:2] + KEY_FIGURES[3:4] + KEY_FIGURES[5:6]
_BASE = 100_000  # sentinel values start here, far from any label's digits


@attrs.frozen
class Entry:
    """One input: its source and its report, or why it could not be read."""

    source: str
    report: Report | None
    error: str | None = None
    kind: str | None = None


# -- the shapes, once per template -----------------------------------------------------------


@cache
def shape(template: str) -> dict[str, Any]:
    """The template's tables as drawn: rows of ``[text, rows, cols, key]`` (key for value
    cells), each table with the section title printed above it."""
    tpl = get_template(template)
    sentinel: dict[str, str] = {}
    tables: dict[str, Any] = {}
    for name, cls in tpl.tables.items():
        rows: dict[str, Any] = {}
        for rf in row_fields(cls):
            row_cls = rf.metadata["row"]
            kwargs: dict[str, Any] = {}
            for cf in value_fields(row_cls):
                n = _BASE + len(sentinel)
                sentinel[str(n)] = f"{name}.{rf.name}.{cf.name}"
                kwargs[cf.name] = Money(Decimal(n)) if cf.metadata["kind"] == MONEY else n
            rows[rf.name] = row_cls(**kwargs)
        tables[name] = cls(**rows)
    headings_only = Sections(**{f.name: "" for f in attrs.fields(Sections)})  # titles, no text
    skeleton = Report(
        template=template, year=None, agency=None, layout=None, sections=headings_only, **tables
    )
    out: list[dict[str, Any]] = []
    title = ""
    for group in groups(report_items(skeleton)):
        if isinstance(group, Prose):
            title = group.text
            continue
        drawn = []
        for slots in grid(group):
            cells = []
            for slot in slots:
                if isinstance(slot, Cell):
                    key = sentinel.get(slot.text.lstrip("+"), "")
                    cells.append(["" if key else slot.text, slot.rows, slot.cols, key])
            drawn.append(cells)
        out.append({"title": title, "rows": drawn})
    return {"tables": out, "keys": list(sentinel.values())}


def _shapes(templates: Iterable[str]) -> dict[str, Any]:
    return {t: shape(t) for t in templates}


# -- one report ------------------------------------------------------------------------------


def report_view(entry: Entry, index: int) -> dict[str, Any]:
    """What the page draws of one report: its values in the shape's key order, its findings."""
    report = entry.report
    assert report is not None
    keys = shape(tables_template(report).name)["keys"]
    values = [_printed(report, key) for key in keys]
    findings = [
        {
            "code": d.code,
            "severity": d.severity,
            "message": d.message,
            "where": str(d.location) if d.location is not None else "",
            "cells": list(d.cells),
        }
        for d in sorted(report.diagnostics, key=lambda d: SEVERITY_RANK[d.severity])
    ]
    extra = [[x.label, *x.cells] for x in getattr(report.active_disclosure, "extra_rows", ())]
    return {
        "id": index,
        "source": entry.source,
        "agency": report.agency,
        "year": report.year,
        "template": report.template,
        "values": values,
        "extra": extra,
        "findings": findings,
        "sections": [
            [f.metadata["label"], getattr(report.sections, f.name)]
            for f in attrs.fields(type(report.sections))
            if getattr(report.sections, f.name)
        ],
    }


def _printed(report: Report, key: str) -> str | None:
    """The cell as the page shows it: its value as printed, or None for a blank."""
    table, row, column = key.split(".")
    row_obj = getattr(getattr(report, table), row)
    value = getattr(row_obj, column)
    if value is None:
        return None
    kind = attrs.fields_dict(type(row_obj))[column].metadata["kind"]
    return cell_text(value, kind)


def summary_row(entry: Entry, index: int) -> dict[str, Any]:
    report = entry.report
    counts = {s: 0 for s in SEVERITY_RANK}
    if report is not None:
        for d in report.diagnostics:
            counts[d.severity] += 1
    return {
        "id": index,
        "source": entry.source,
        "agency": report.agency if report else None,
        "year": report.year if report else None,
        "template": report.template if report else None,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "failed": entry.error,
    }


# -- several years of one agency -------------------------------------------------------------


def series(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """Per agency with two or more years: the key figures by year, their change, the
    cross-year rules that fail, and a chart."""
    by_agency: dict[str, dict[int, tuple[int, Report]]] = defaultdict(dict)
    for i, entry in enumerate(entries):
        r = entry.report
        if r is not None and r.agency and r.year:
            by_agency[r.agency].setdefault(r.year, (i, r))
    out = []
    for agency, years in sorted(by_agency.items()):
        if len(years) < 2:
            continue
        ordered = [years[y] for y in sorted(years)]
        failing: dict[tuple[int, str], str] = {}
        rules = []
        for o in check_series([r for _, r in ordered]):
            if o.status == "fail":
                rules.append({"code": o.code, "severity": o.severity, "message": o.message})
                # a cross-year rule names this year's cell first, then last year's
                for n, key in enumerate(o.cells):
                    failing[((o.year or 0) - (1 if n else 0), key)] = o.message
        figures = []
        for label, key in KEY_FIGURES:
            cells = []
            previous: int | None = None
            for _, r in ordered:
                value = _value(r, key)
                change = None if value is None or previous is None else value - previous
                cells.append(
                    {"value": value, "change": change, "fail": failing.get((r.year or 0, key))}
                )
                previous = value
            figures.append({"label": label, "key": key, "cells": cells})
        out.append(
            {
                "agency": agency,
                "years": [r.year for _, r in ordered],
                "ids": [i for i, _ in ordered],
                "figures": figures,
                "rules": rules,
                "chart": chart([r for _, r in ordered]),
            }
        )
    return out


def _value(report: Report, key: str) -> int | None:
    table, row, column = key.split(".")
    value = getattr(getattr(getattr(report, table), row), column)
    return value if isinstance(value, int) else None


def chart(reports: Sequence[Report], width: int = 520, height: int = 200) -> dict[str, Any]:
    """An SVG line chart of the main counts by year, as coordinates for the template."""
    years = [r.year or 0 for r in reports]
    lines = []
    top = max(
        [v for r in reports for _, k in CHART_FIGURES if (v := _value(r, k)) is not None] or [0]
    )
    top = max(top, 1)
    left, right, bottom, head = 40, width - 110, height - 30, 15
    step = (right - left) / max(len(years) - 1, 1)
    for n, (label, key) in enumerate(CHART_FIGURES):
        points = []
        for i, r in enumerate(reports):
            v = _value(r, key)
            if v is not None:
                y = bottom - (bottom - head) * v / top
                points.append({"x": round(left + i * step, 1), "y": round(y, 1), "v": v})
        lines.append({"label": label, "points": points, "n": n})
    ticks = [{"x": round(left + i * step, 1), "year": y} for i, y in enumerate(years)]
    return {
        "width": width,
        "height": height,
        "lines": lines,
        "ticks": ticks,
        "top": top,
        "left": left,
        "right": right,
        "bottom": bottom,
        "head": head,
    }


# -- the page --------------------------------------------------------------------------------


def review(reports: Iterable[Report | tuple[str, Report] | Entry], title: str = "") -> str:
    """The review page for ``reports`` (reports, ``(source, report)`` pairs, or entries with
    read failures), as one self-contained HTML document."""
    entries: list[Entry] = []
    for i, item in enumerate(reports):
        if isinstance(item, Entry):
            entries.append(item)
        elif isinstance(item, tuple):
            entries.append(Entry(item[0], item[1]))
        else:
            entries.append(Entry(f"#{i + 1}", item))
    summary = [summary_row(e, i) for i, e in enumerate(entries)]
    summary.sort(key=lambda r: (r["failed"] is None, -r["errors"], -r["warnings"], r["id"]))
    views = [report_view(e, i) for i, e in enumerate(entries) if e.report is not None]
    templates = sorted({v["template"] for v in views})
    page = _environment().get_template("review.html.j2")
    html: str = page.render(
        title=title or _title(entries),
        summary=summary,
        views=views,
        shapes=_shapes(templates),
        series=series(entries),
        total=len(entries),
    )
    return html


def _title(entries: Sequence[Entry]) -> str:
    if len(entries) == 1 and entries[0].report is not None:
        r = entries[0].report
        return f"{r.agency or ''}{r.year or ''}年政府信息公开工作年度报告 · 核对"
    return f"政府信息公开工作年度报告 · 核对（{len(entries)}份）"


@cache
def _environment() -> Any:
    try:
        import jinja2
    except ImportError as err:  # pragma: no cover - depends on the environment
        from giaparse.core.errors import MissingExtraError

        raise MissingExtraError(
            "the review page needs Jinja2: pip install 'giaparse[review]'"
        ) from err
    return jinja2.Environment(
        loader=jinja2.PackageLoader("giaparse.export", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
