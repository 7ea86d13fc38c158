"""A report's tables for a person to read, with their official Chinese labels."""

from __future__ import annotations

import unicodedata
from typing import Any

from giaparse.model.fields import row_fields, value_fields
from giaparse.model.report import Report

_TITLES = {
    "active_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "reviews": "四、政府信息公开行政复议、行政诉讼情况",
}


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - width(text))


def show(value: Any) -> str:
    return "—" if value is None else str(value)


def render_text(report: Report, source: str | None = None) -> str:
    out: list[str] = []
    head = f"{report.agency or '（机关不详）'} {report.year or '（年度不详）'}年度报告"
    out.append(head + (f"  [{source}]" if source else ""))
    out.append(f"模板 {report.template or '—'}　版式 {report.layout or '—'}")
    for name, title in _TITLES.items():
        table = getattr(report, name)
        out.append("")
        out.append(title)
        for field in row_fields(type(table)):
            row = getattr(table, field.name)
            cells = "　".join(
                f"{c.metadata['label']} {show(getattr(row, c.name))}"
                for c in value_fields(type(row))
            )
            out.append(f"  {pad(field.metadata['label'], 40)} {cells}")
        for extra in getattr(table, "extra_rows", ()):
            out.append(f"  {pad(extra.label + '（模板外）', 40)} {' | '.join(extra.cells)}")
    if report.diagnostics:
        out.append("")
        out.append("诊断")
        for d in report.diagnostics:
            where = f"{d.location} " if d.location is not None else ""
            out.append(f"  [{d.severity}] {d.code} {where}{d.message}")
    return "\n".join(out)


__all__ = ["render_text", "width"]
