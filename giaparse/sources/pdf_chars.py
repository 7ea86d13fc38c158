"""A PDF page's characters, and lines and cell text made of them (no PDF library needed)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from giaparse.core.tidy import CJK


@attrs.frozen(slots=True)
class Char:
    """A character with its glyph box and its font box (``lx0``..``ly1``: the glyph's advance
    across, the font's ascent and descent up and down). Gaps between font boxes are real
    spaces, and the characters of one line share one font band whatever their glyphs' shape."""

    text: str
    x0: float
    y0: float  # PDF space: y grows upwards
    x1: float
    y1: float
    lx0: float
    lx1: float
    ly0: float
    ly1: float

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

    A character joins the line whose font band it overlaps by half its own: glyph boxes are
    no guide, punctuation sits low (，。、) and quotes high (“”), a quote's box lies above the
    band of the characters beside it.
    """
    lines: list[list[Char]] = []
    band = (0.0, 0.0)
    for ch in sorted(chars, key=lambda c: -c.ly1):
        height = max(ch.ly1 - ch.ly0, 1.0)
        overlap = min(band[1], ch.ly1) - max(band[0], ch.ly0)
        if lines and overlap >= height / 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
            band = (ch.ly0, ch.ly1)
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
