"""Where something stands in its source, in the terms a person finds it by.

A text line (第12行), a PDF page and a line on it (第3页第12行), a table and row of a Word file
(表2第5行), an HTML source line. Text readers make one per line, so those are shared.
"""

from __future__ import annotations

from typing import Literal

import attrs

SourceKind = Literal["text", "html", "docx", "pdf", "items"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("text", "html", "docx", "pdf", "items")


@attrs.frozen(slots=True)
class Location:
    """A place in a source document; every part is 1-based and optional."""

    kind: SourceKind = attrs.field(default="text", metadata={"label": "来源类型"})
    line: int | None = attrs.field(default=None, metadata={"label": "行"})  # text or page line
    page: int | None = attrs.field(default=None, metadata={"label": "页"})
    table: int | None = attrs.field(default=None, metadata={"label": "表"})
    row: int | None = attrs.field(default=None, metadata={"label": "表内行"})
    column: int | None = attrs.field(default=None, metadata={"label": "表内列"})
    paragraph: int | None = attrs.field(default=None, metadata={"label": "段"})  # Word body

    def __str__(self) -> str:
        """In Chinese: 第12行, 第3页第12行, 第3页, 表2第5行, 第7段."""
        page = f"第{self.page}页" if self.page is not None else ""
        if self.line is not None:
            return f"{page}第{self.line}行"
        if self.paragraph is not None:
            return f"{page}第{self.paragraph}段"
        if self.table is not None and not page:
            row = f"第{self.row}行" if self.row is not None else ""
            return f"表{self.table}{row}"
        return page or "位置不明"

    @property
    def text_line(self) -> int | None:
        """The line of the input when the input is lines of text (text, HTML source), else None."""
        return self.line if self.page is None else None


NOWHERE = Location("items")
_LINES: list[Location] = []
_MAX_SHARED = 1 << 16  # text lines whose Location is made once per process


def at_line(number: int) -> Location:
    """The Location of a text line; shared, since a report's rows repeat the same lines."""
    if number < len(_LINES):
        return _LINES[number]
    if number >= _MAX_SHARED:
        return Location("text", number)
    _LINES.extend(Location("text", n) for n in range(len(_LINES), number + 1))
    return _LINES[number]


def as_location(value: Location | int | None) -> Location | None:
    """A Location, from a Location or a text line number (older callers pass ints)."""
    if value is None or isinstance(value, Location):
        return value
    return at_line(value)
