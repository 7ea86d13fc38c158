"""The one exception family giaparse raises.

Data problems never raise: they become diagnostics on a returned report. Only input that is
not a report at all (empty, binary, unrelated prose) or cannot be read raises.
"""

from __future__ import annotations

from collections.abc import Sequence

from giaparse.core.location import Location, as_location


class GiaparseError(Exception):
    """Root of every exception giaparse raises on purpose."""


class ParseError(GiaparseError):
    """The input is not a 政府信息公开工作年度报告; says what was expected, found, and where.

    ``str(err)`` is Chinese (第3行：应为…；实为…); ``err.message_en`` says the same in English.
    """

    def __init__(
        self,
        expected: str,
        found: str,
        at: Location | int | None = None,
        *,
        expected_en: str | None = None,
        found_en: str | None = None,
    ) -> None:
        self.expected = expected
        self.found = found
        self.location = as_location(at)
        self.line = self.location.text_line if self.location is not None else None
        where = f"{self.location}：" if self.location is not None else ""
        self.message_en = (
            f"{_english(self.location)}expected {expected_en or expected}; "
            f"found {found_en or found}"
        )
        super().__init__(f"{where}应为{expected}；实为{found}")


def _english(at: Location | None) -> str:
    if at is None:
        return ""
    if at.page is not None:
        return f"page {at.page}, line {at.line}: " if at.line is not None else f"page {at.page}: "
    if at.line is not None:
        return f"line {at.line}: "
    if at.table is not None:
        return f"table {at.table}, row {at.row}: "
    return ""


class UnreadableFileError(GiaparseError, OSError):
    """A report file that cannot be read (missing, a folder, no permission); names the path."""

    def __str__(self) -> str:
        return str(self.strerror)


class StrictError(GiaparseError):
    """Raised by ``parse(..., strict=True)`` when the report has error-severity diagnostics."""

    def __init__(self, report: object, errors: Sequence[object]) -> None:
        self.report = report
        self.errors = errors
        first = errors[0]
        super().__init__(
            f"{len(errors)} error diagnostic(s); first: {getattr(first, 'code', '')} "
            f"{getattr(first, 'message', '')}"
        )


class MissingExtraError(GiaparseError):
    """A document kind whose optional packages are not installed; says what to install."""


class UnknownTemplateError(GiaparseError):
    """A template name was asked for that no registered template has."""
