"""A report set on a page as a PDF sets it, character by character, its tables without lines.

What the PDF reader gets from pypdfium2 for a page is characters with their glyph and font
boxes; this makes them for any report without a PDF renderer, so properties can try many
table settings: text at the top or in the middle of cells, any padding (none included),
narrow label columns that wrap labels over several lines, lines between rows or none. The
tables have the official shapes (``report_items``: group labels spanning rows, headers
spanning columns); a cell's text wraps at its column's width (CJK anywhere, a number never),
labels and prose set left, values centred.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from giaparse.core.items import Prose
from giaparse.core.values import looks_like_value
from giaparse.model.report import Report
from giaparse.rendering.documents import Cell, grid, groups
from giaparse.rendering.report import report_items
from giaparse.sources.pdf_chars import Char

EM = 10.5  # points: the font size
PITCH = 1.3 * EM  # baseline to baseline within a paragraph or a cell
LEFT = 90.0
PAGE_WIDTH = 36.0  # ems of prose per line


@dataclass(frozen=True)
class Setting:
    """How the tables are set."""

    middle: bool  # text in the middle of cells, else at their top
    padding: float  # points above and below a cell's text (beside it: 5.4, Word's margin)
    label_width: float  # ems: the widest a label column may be before its labels wrap
    rules: bool  # a line between rows

    @classmethod
    def draw(cls, rnd: random.Random) -> Setting:
        return cls(
            rnd.random() < 0.5,
            rnd.choice([0.0, 0.0, 1.0, 3.0, 6.0]),
            rnd.choice([4.0, 5.0, 7.0, 9.0, 12.0, 20.0]),
            rnd.random() < 0.25,
        )


def _advance(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


def _width(text: str) -> float:
    return sum(map(_advance, text))


def _wrap(text: str, width: float) -> list[str]:
    """Lines of at most ``width`` ems; a run of ASCII (a number) is never broken; a line
    break in the text (a header's ``本年新\n制作数量``) is one."""
    if "\n" in text:
        return [line for part in text.split("\n") for line in _wrap(part, width)]
    if _width(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and _width(line + ch) > width and not (ch.isascii() and line[-1:].isascii()):
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def _chars(text: str, x: float, baseline: float) -> list[Char]:
    out: list[Char] = []
    for ch in text:
        adv = _advance(ch) * EM
        if ch.isascii():
            box = (x + 0.05 * EM, baseline, x + adv - 0.05 * EM, baseline + 0.7 * EM)
        elif ch in "，。、；：":
            box = (x + 0.1 * EM, baseline - 0.1 * EM, x + 0.3 * EM, baseline + 0.15 * EM)
        elif ch in "“”‘’":
            box = (x + 0.6 * EM, baseline + 0.5 * EM, x + 0.9 * EM, baseline + 0.8 * EM)
        else:
            box = (x + 0.05 * EM, baseline - 0.1 * EM, x + 0.95 * EM, baseline + 0.8 * EM)
        out.append(Char(ch, *box, x, x + adv, baseline - 0.12 * EM, baseline + 0.88 * EM))
        x += adv
    return out


def laid_out(
    report: Report, setting: Setting
) -> tuple[list[Char], list[tuple[float, float, float]]]:
    """The report's characters on one tall page, and the rules drawn (y, from x, to x)."""
    chars: list[Char] = []
    rules: list[tuple[float, float, float]] = []
    y = 100_000.0  # the top of what comes next; PDF space grows upwards
    for part in groups(report_items(report)):
        if isinstance(part, Prose):
            for line in _wrap(part.text, PAGE_WIDTH):
                chars += _chars(line, LEFT, y - (PITCH + 0.76 * EM) / 2)  # centred in its pitch
                y -= PITCH
            y -= 0.5 * EM  # a paragraph's space
            continue
        y = _table(grid(part), setting, y, chars, rules) - 0.5 * EM
    return chars, rules


def _table(
    slots: list[list[Cell | tuple[int, int] | None]],
    setting: Setting,
    top: float,
    chars: list[Char],
    rules: list[tuple[float, float, float]],
) -> float:
    """Set one table from ``top`` (its top edge); its bottom edge."""
    ncols = max(len(r) for r in slots)
    own = [
        (r, c, cell)
        for r, row in enumerate(slots)
        for c, cell in enumerate(row)
        if isinstance(cell, Cell)
    ]

    def is_value(cell: Cell) -> bool:
        return looks_like_value(cell.text)

    widths = [2.0] * ncols
    for _, c, cell in own:
        if cell.cols == 1:
            need = _width(cell.text)
            cap = need if is_value(cell) else min(need, setting.label_width)
            widths[c] = max(widths[c], cap)
    side = 5.4  # points beside a cell's text
    lefts = [LEFT]
    for w in widths:
        lefts.append(lefts[-1] + w * EM + 2 * side)
    wrapped = {
        (r, c): _wrap(cell.text, _span_width(widths, c, cell.cols, side)) for r, c, cell in own
    }
    heights = [0.0] * len(slots)
    for r, c, cell in own:
        if cell.rows == 1:
            need = len(wrapped[(r, c)]) * PITCH + 2 * setting.padding
            heights[r] = max(heights[r], need)
    for r, c, cell in own:  # a merged cell taller than its rows: its last row grows
        if cell.rows > 1:
            need = len(wrapped[(r, c)]) * PITCH + 2 * setting.padding
            have = sum(heights[r : r + cell.rows])
            if need > have:
                heights[r + cell.rows - 1] += need - have
    tops = [top]
    for h in heights:
        tops.append(tops[-1] - h)
    for r, c, cell in own:
        box_top, box_bottom = tops[r], tops[r + cell.rows]
        lines = wrapped[(r, c)]
        text_height = len(lines) * PITCH
        spare = (box_top - box_bottom - text_height) / 2 if setting.middle else setting.padding
        first = box_top - spare
        left = lefts[c] + side
        right = lefts[c + cell.cols] - side
        for n, line in enumerate(lines):
            baseline = first - n * PITCH - (PITCH + 0.76 * EM) / 2
            x = left if not is_value(cell) else (left + right - _width(line) * EM) / 2
            chars.extend(_chars(line, x, baseline))
    if setting.rules:  # each cell's top border, and the table's bottom
        rules.extend((tops[r], lefts[c], lefts[c + cell.cols]) for r, c, cell in own)
        rules.append((tops[-1], lefts[0], lefts[-1]))
    return tops[-1]


def _span_width(widths: list[float], c: int, cols: int, side: float) -> float:
    return sum(widths[c : c + cols]) + (cols - 1) * 2 * side / EM
