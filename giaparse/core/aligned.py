"""Rows from lines whose cells are apart by gaps, not by separators or ruling lines.

``pdftotext -layout``, pdfplumber's ``extract_text`` and OCR services print a table as lines
of cells apart by runs of spaces, and a PDF table drawn without lines is the same thing on the
page. Either way a reader has, per line, its cells (one cell: no gap) and where it stood; this
turns them into rows and prose. The text tokenizer's spaces layout uses it, and so does the
PDF reader for tables drawn without lines (``giaparse.sources.pdf_aligned``), which joins
wrapped labels to their rows by where they stand first and so asks for no line held back.

A label wrapped over lines is printed with its values on a line of their own
(``（二）部分公开（区分处理的，只计这一情`` / ``形，不计其他情形）`` / ``4  0  0 …``): short lines
without a gap are held back, and a row of values only (a 表二 or 表三 row, not 表四's fifteen)
that follows them takes them as its label; anything else they stay, prose. Header words broken
over lines (``结果  结果  其他`` / ``维持  纠正  结果``) are words, not a row.

Some extractors print a block's labels first and then its numbers (``规章`` / ``行政规范性文件`` /
``0  0  0`` / ``5  2  30``). Two or more such lines followed by two or more rows of values only
are not one wrapped label: the lines stay prose and the rows stay without a label, for the
lexer, which knows the template's labels, to pair them (:mod:`giaparse.parsing.lexer`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from giaparse.core.items import Item, Prose, Row
from giaparse.core.location import Location
from giaparse.core.tidy import tidy
from giaparse.core.values import looks_like_value, noted_value

MAX_WRAPPED_LABEL = 40  # characters: a longer line is prose, not a label waiting for values
MAX_HELD = 3  # label lines held back for the values row that may follow them
FRAGMENT = 4  # characters: cells this short with no value among them are broken header words
MAX_VALUES_TO_LABEL = 8  # a values-only row this wide may take held lines as its label


def assemble(
    lines: Iterable[tuple[Sequence[str], Location]], *, hold: bool = True
) -> Iterator[Item]:
    """Items from lines of cells (stripped, non-empty), in reading order.

    ``hold=False`` when the reader has already joined wrapped labels to their rows (a PDF
    knows where each line stands): then a lone line is prose, never a label held back.
    """
    held: list[tuple[str, Location]] = []
    rows = list(lines)

    def release() -> Iterator[Item]:
        yield from (Prose(text, at) for text, at in held)
        held.clear()

    in_block = False  # inside a block's values printed after its labels
    for n, (cells, at) in enumerate(rows):
        values_only = _values_only(rows, n)
        if values_only and len(held) >= 2 and _values_only(rows, n + 1):
            yield from release()  # labels first, then values: the lexer pairs them
            in_block = True
        if values_only and in_block:
            yield Row(tuple(cells), (at,) * len(cells), gapped=True)
            continue
        in_block = False
        if values_only and held and len(cells) <= MAX_VALUES_TO_LABEL:
            label = tidy(" ".join(text for text, _ in held))
            first = held[0][1]
            held.clear()
            yield Row((label, *cells), (first,) + (at,) * len(cells), gapped=True)
            continue
        if len(cells) >= 2:
            values = [looks_like_value(c) for c in cells]
            if not any(values) and all(len(w) <= FRAGMENT for c in cells for w in c.split()):
                yield from release()
                yield Prose("  ".join(cells), at)
                continue
            yield from release()
            yield Row(tuple(cells), (at,) * len(cells), gapped=True)
            continue
        text = cells[0]
        if hold and len(text) <= MAX_WRAPPED_LABEL and not looks_like_value(text):
            held.append((text, at))
            if len(held) > MAX_HELD:
                yield Prose(*held.pop(0))
        else:
            yield from release()
            yield Prose(text, at)
    yield from release()


def _values_only(rows: Sequence[tuple[Sequence[str], Location]], n: int) -> bool:
    """Whether line ``n`` is values only: a label's values (a lone value too, as 表二's rows
    of one cell have), a value with its note beside it among them."""
    return n < len(rows) and all(looks_like_value(c) or noted_value(c) for c in rows[n][0])
