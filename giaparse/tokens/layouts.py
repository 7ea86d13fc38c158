"""Layout detection and the per-layout splitters.

Every splitter yields the same items (:class:`Row`, :class:`Prose`), so nothing downstream
knows which layout the text came in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from giaparse.core.aligned import assemble
from giaparse.core.items import Item, Prose, Row
from giaparse.core.location import Location, at_line
from giaparse.core.values import looks_like_value
from giaparse.tokens.clean import is_blank

PIPE, MARKDOWN, TAB, NEWLINE, SPACES = "pipe", "markdown", "tab", "newline", "spaces"
# Crawler text with no cell separators: cells glued into runs (GLUED), or one cell per line with
# no tab and no reliable blank line between rows (LINES). The tokenizer only names them; the
# template's labels cut them into rows (giaparse.parsing.anchors).
GLUED, LINES = "glued", "lines"
CRAWLER_LAYOUTS = (GLUED, LINES)
_SEPARATOR_CHARS = frozenset("|:- \t+")
_MAX_WRAP = 3  # a pipe row wrapped over more lines than this is not a wrapped row


# Each pattern starts with a literal, which the regex engine finds at C speed, and runs to the
# end of its line, so findall counts lines, not characters. The empty group at the end makes
# findall return the shared empty string instead of a new string per line.
_PIPE_LINE = re.compile(r"\|[^\n]*()")
_TAB_LINE = re.compile(r"\t[^\n]*()")
_PIPE_OR_TAB_LINE = re.compile(r"[|\t][^\n]*()")  # no backtracking: linear on any line
_TWO_TABS_LEADING = re.compile(r"\n\t[^\t\n]*\t()")
_SEPARATOR_LINE = re.compile(r"\n[ \t|:+]*-[ \t|:+-]*(?![^\n])")


def detect(text: str) -> str | None:
    """The table layout most of the document's table lines follow (None: no table lines)."""
    pipe = len(_PIPE_LINE.findall(text))
    tabbed = len(_TAB_LINE.findall(text))
    # one-cell lines: lines that start with a tab (counted in C), less those with a second tab
    newline = (text.count("\n\t") + text.startswith("\t")) - len(
        _TWO_TABS_LEADING.findall("\n" + text)
    )
    tab = tabbed - newline
    if pipe:  # a line with both a pipe and a tab counts once, as pipe
        tab -= pipe + tabbed - len(_PIPE_OR_TAB_LINE.findall(text))
    best = max(pipe, tab, newline)
    if best < _MIN_TABLE_LINES:  # no separator at all: cells apart by runs of spaces?
        spaced = filter(_spaced_row, text.split("\n"))
        if _at_least(spaced, _MIN_TABLE_LINES):
            return SPACES
        if _at_least(_VALUE_LINE.finditer(text), _MIN_VALUE_LINES):
            return LINES
        if _at_least(_GLUED_RUN.finditer(text), _MIN_TABLE_LINES):
            return GLUED
    if best == 0:
        return None
    if best == pipe:
        separators = sum(1 for m in _SEPARATOR_LINE.finditer("\n" + text) if "|" in m.group())
        return MARKDOWN if separators else PIPE
    return TAB if best == tab else NEWLINE


_MIN_TABLE_LINES = 3


def _at_least(found: Iterator[object], n: int) -> bool:
    """Whether there are ``n`` of these: the search stops at the ``n``-th."""
    return sum(1 for _ in islice(found, n)) == n


_MIN_VALUE_LINES = 8  # a table laid out one cell per line has dozens of bare-value lines
_VALUE_LINE = re.compile(r"(?m)^[ \t\xa0\u3000]*[+-]?\d{1,15}(?:\.\d+)?(?:万元|元)?[ \xa0\u3000]*$")
# A label glued to a run of values: a CJK character or closing bracket, then three or more
# digits (spaces allowed between), then the next label or the line's end; a count in prose
# is followed by its measure word (21件, 2023年) and does not count.
_GLUED_RUN = re.compile(
    r"[\u4e00-\u9fff)）](?:[ \xa0]?[+-]?\d){3,}"
    r"(?=[\u4e00-\u9fff（(]|[ \xa0]*$)(?![年月日号件个条项次人篇份万元余名家起天])",
    re.MULTILINE,
)
_GAP = re.compile(r"[ \xa0\u3000]{2,}")  # what pdftotext -layout and OCR put between cells


def _spaced_row(line: str) -> bool:
    """A line of cells apart by runs of spaces, the last a value (``规章      0    0    0``)."""
    parts = _GAP.split(line.strip())
    return len(parts) >= 2 and looks_like_value(parts[-1])


def _is_separator(line: str) -> bool:
    """A Markdown `|---|---|` rule line."""
    return "-" in line and set(line) <= _SEPARATOR_CHARS


def _join(head: str, tail: str) -> str:
    """Glue a wrapped cell back together; CJK text wraps without a space."""
    if head and tail and head[-1].isascii() and head[-1].isalnum() and tail[0].isascii():
        return f"{head} {tail}"
    return head + tail


def split_pipe(lines: list[str], footers: frozenset[int] = frozenset()) -> Iterable[Item]:
    pipe_lines = [ln for ln in lines if "|" in ln and not _is_separator(ln)]
    closed = sum(1 for ln in pipe_lines if ln.rstrip().endswith("|"))
    opened = sum(1 for ln in pipe_lines if ln.lstrip().startswith("|"))
    # When rows are normally closed by a final "|", an unclosed one was wrapped by the extractor.
    wraps = closed >= 3 and closed >= 2 * (len(pipe_lines) - closed)
    # A leading "|" is a border only where rows normally have one (Markdown); else an empty cell.
    bordered = bool(pipe_lines) and opened >= 0.8 * len(pipe_lines)
    pending: tuple[str, int, int] | None = None  # text, first line, lines joined
    for no, line in enumerate(lines, 1):
        if no in footers:
            continue
        if pending is not None:
            text, first, joined = pending
            if is_blank(line) or joined >= _MAX_WRAP or ("|" not in line and len(line) > 40):
                yield _pipe_row(text, first, bordered)
                pending = None
            else:
                pending = (_join(text.rstrip(), line.strip()), first, joined + 1)
                if line.rstrip().endswith("|"):
                    yield _pipe_row(pending[0], first, bordered)
                    pending = None
                continue
        if "|" in line:
            if _is_separator(line):
                continue
            if wraps and not line.rstrip().endswith("|"):
                pending = (line, no, 1)
                continue
            yield _pipe_row(line, no, bordered)
        elif not is_blank(line):
            yield Prose(line.strip(), at_line(no))
    if pending is not None:
        yield _pipe_row(pending[0], pending[1], bordered)


def _pipe_row(line: str, no: int, bordered: bool) -> Row:
    parts = line.split("|")
    if line.rstrip().endswith("|"):
        parts.pop()
    if parts and bordered and line.lstrip().startswith("|"):
        parts.pop(0)
    cells = tuple(p.strip() for p in parts)
    return Row(cells, (at_line(no),) * len(cells))


def split_tab(lines: list[str], footers: frozenset[int] = frozenset()) -> Iterable[Item]:
    for no, line in enumerate(lines, 1):
        if no in footers:
            continue
        if "\t" in line:
            cells = tuple(p.strip() for p in line.split("\t"))
            if any(cells):
                yield Row(cells, (at_line(no),) * len(cells))
        elif not is_blank(line):
            yield Prose(line.strip(), at_line(no))


def split_newline(lines: list[str], footers: frozenset[int] = frozenset()) -> Iterable[Item]:
    """One cell per line, rows separated by blank lines.

    A line that does not start with the cell tab and directly follows a cell line (no blank
    line between) is that cell wrapped by the extractor, e.g. ``本年新`` / ``制作数量``.
    """
    cells: list[str] = []
    cell_lines: list[Location] = []
    in_row = False
    for no, line in enumerate(lines, 1):
        if footers and no in footers:
            continue
        if line[:1] == "\t":
            where = at_line(no)
            rest = line[1:]
            if "\t" in rest:
                for part in rest.split("\t"):
                    cells.append(part.strip())
                    cell_lines.append(where)
            else:
                cells.append(rest.strip())
                cell_lines.append(where)
            in_row = True
        elif is_blank(line):
            if cells:
                yield Row(tuple(cells), tuple(cell_lines))
                cells, cell_lines = [], []
            in_row = False
        elif in_row:
            cells[-1] = _join(cells[-1], line.strip())
        else:
            yield Prose(line.strip(), at_line(no))
    if cells:
        yield Row(tuple(cells), tuple(cell_lines))


def split_prose(lines: list[str], footers: frozenset[int] = frozenset()) -> Iterable[Item]:
    for no, line in enumerate(lines, 1):
        if not is_blank(line) and no not in footers:
            yield Prose(line.strip(), at_line(no))


def split_spaces(lines: list[str], footers: frozenset[int] = frozenset()) -> Iterable[Item]:
    """Cells apart by runs of two or more spaces (see :mod:`giaparse.core.aligned`)."""
    return assemble(
        (_GAP.split(text), at_line(no))
        for no, line in enumerate(lines, 1)
        if no not in footers and (text := line.strip())
    )


SPLITTERS = {
    PIPE: split_pipe,
    MARKDOWN: split_pipe,
    TAB: split_tab,
    NEWLINE: split_newline,
    SPACES: split_spaces,
    GLUED: split_prose,  # lines as they are: only the template's labels can cut them
    LINES: split_prose,
    None: split_prose,
}
