"""Diagnostics: everything the parser repaired, doubted or found inconsistent."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import attrs

from giaparse.core.location import Location, as_location


def as_strings(values: Iterable[str]) -> tuple[str, ...]:
    """A tuple of strings from any iterable of them (a typed ``tuple`` converter)."""
    return tuple(values)


_GLOSS = re.compile(r"\s*\(([\x20-\x7e]+)\)\s*$")  # an English gloss in ASCII parentheses, last


def split_gloss(message: str) -> tuple[str, str | None]:
    """``"中文 (English)"`` → ``("中文", "English")``; a message without a gloss is kept."""
    m = _GLOSS.search(message)
    if m is None or m.start() == 0:
        return message, None
    return message[: m.start()], m.group(1)


Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@attrs.frozen(slots=True)
class Diagnostic:
    """One finding about a report, located in its source and by cell keys.

    ``message`` is Chinese only (what a clerk reads); ``message_en`` its English gloss.
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
    message_en: str | None = attrs.field(default=None, metadata={"label": "英文说明"})

    def __attrs_post_init__(self) -> None:
        # giaparse writes each message as "中文 (English)": the Chinese is the message clerks
        # read, the English gloss its own field
        if self.message_en is None:
            zh, en = split_gloss(self.message)
            object.__setattr__(self, "message", zh)
            object.__setattr__(self, "message_en", en)

    @property
    def line(self) -> int | None:
        """The input line, where the input is lines of text (None for a PDF page or DOCX cell)."""
        return self.location.text_line if self.location is not None else None
