"""Diagnostics: everything the parser repaired, doubted or found inconsistent."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from giaparse.core.location import Location, as_location


def as_strings(values: Iterable[str]) -> tuple[str, ...]:
    """A tuple of strings from any iterable of them (a typed ``tuple`` converter)."""
    return tuple(values)


Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@attrs.frozen(slots=True)
class Diagnostic:
    """One finding about a report, located in its source and by cell keys.

    ``location`` may be given as a text line number (an int), for convenience.
    """

    code: str = attrs.field(metadata={"label": "代码"})
    severity: Severity = attrs.field(metadata={"label": "级别"})
    message: str = attrs.field(metadata={"label": "说明"})
    location: Location | None = attrs.field(
        default=None, converter=as_location, metadata={"label": "位置"}
    )
    cells: tuple[str, ...] = attrs.field(
        default=(), converter=as_strings, metadata={"label": "单元格"}
    )

    @property
    def line(self) -> int | None:
        """The input line, where the input is lines of text (None for a PDF page or DOCX cell)."""
        return self.location.text_line if self.location is not None else None
