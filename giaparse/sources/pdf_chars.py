"""A PDF page's characters, and lines and cell text made of them (no PDF library needed)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from giaparse.core.tidy import CJK


@attrs.frozen(slots=True)
class Char:
    """A character with its glyph box and its font box's left and right (``lx0``, ``lx1``:
    where the glyph's advance starts and ends; gaps between them are real spaces)."""

    text: str
    x0: float
    y0: float  # PDF space: y grows upwards
    x1: float
    y1: float
    lx0: float
    lx1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def top_of(line: Sequence[Char]) -> float:
    return max(c.y1 for c in line)


def text_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into text lines, each left to right.

    A character joins the line whose vertical band it overlaps by a third of its height:
    punctuation boxes sit low (，。、) and quotes high (“”), so their centres are no guide.
    """
    lines: list[list[Char]] = []
    band = (0.0, 0.0)
    for ch in sorted(chars, key=lambda c: -c.y1):
        height = max(ch.y1 - ch.y0, 1.0)
        overlap = min(band[1], ch.y1) - max(band[0], ch.y0)
        if lines and overlap >= height / 3:
            lines[-1].append(ch)
            band = (min(band[0], ch.y0), band[1])
        else:
            lines.append([ch])
            band = (ch.y0, ch.y1)
    return [sorted(line, key=lambda c: c.x0) for line in lines]


def join(line: Sequence[Char]) -> str:
    """One line's text. A gap wider than half the height between two Latin letters is a space
    between words; CJK text has none, and digits spaced out by justification stay one number."""
    out = ""
    prev: Char | None = None
    for ch in line:
        if (
            prev is not None
            and ch.x0 - prev.x1 > (prev.y1 - prev.y0) / 2
            and prev.text.isascii()
            and prev.text.isalpha()
            and ch.text.isascii()
            and ch.text.isalpha()
        ):
            out += " "
        out += ch.text
        prev = ch
    return out


def cell_text(chars: list[Char]) -> str:
    """A cell's lines joined: Word wraps CJK labels with no space, Latin words with one."""
    out = ""
    for line in text_lines(chars):
        text = join(line)
        if out and not (CJK.match(out[-1]) or CJK.match(text[0])):
            out += " "
        out += text
    return out
