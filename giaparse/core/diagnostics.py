"""Diagnostics: everything the parser repaired, doubted or found inconsistent."""

from __future__ import annotations

from typing import Literal

import attrs

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@attrs.frozen(slots=True)
class Diagnostic:
    """One finding about a report, located by input line and by cell keys."""

    code: str = attrs.field(metadata={"label": "代码"})
    severity: Severity = attrs.field(metadata={"label": "级别"})
    message: str = attrs.field(metadata={"label": "说明"})
    line: int | None = attrs.field(default=None, metadata={"label": "行号"})
    cells: tuple[str, ...] = attrs.field(default=(), converter=tuple, metadata={"label": "单元格"})
