"""Line-level clean-up that holds for any layout: line ends, docx artefacts, page footers."""

from __future__ import annotations

import re

_ARTEFACT = re.compile(r"\[(?:bookmark|image|footnote|comment)[^\]\n]{0,200}\]")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\x00"
# "— 5 —", "- 4 -", "－12－", "第 3 页", "第3页 共9页": page furniture left by PDF and Word.
_FOOTER = re.compile(
    r"[ \t\u3000\xa0]*(?:[-—–－‒―]{1,3}[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*[-—–－‒―]{1,3}"
    r"|第[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*页(?:[ \t\u3000\xa0]*[,，/]?[ \t\u3000\xa0]*"
    r"共[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*页)?)[ \t\u3000\xa0]*"
)


_FOOTER_START = frozenset("-—–－‒―第")
_FOOTER_LINE = re.compile(r"\n(" + _FOOTER.pattern + r")(?![^\n])")


_ANY_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\x00]")
# Starts with a literal newline, so the regex engine skips ahead to line ends at C speed
# (a pattern starting with ^ under re.M is tried at every character).
_ANY_FOOTER = re.compile(r"\n[ \t\u3000\xa0]*[-—–－‒―第]")


def footer_lines(text: str) -> frozenset[int]:
    """1-based numbers of page-footer lines in cleaned text (see :func:`clean_text`)."""
    text = "\n" + text
    if _ANY_FOOTER.search(text) is None:
        return frozenset()
    return frozenset(
        text.count("\n", 0, m.start() + 1)  # the newline before the line, counted
        for m in _FOOTER_LINE.finditer(text)
        if len(m.group(1)) < 40
    )


def clean_text(text: str) -> tuple[str, list[int]]:
    """One line end (LF), no invisible characters, no docx artefacts.

    Returns the text and the 1-based numbers of the lines artefacts were removed from.
    """
    if _ANY_INVISIBLE.search(text) is not None:
        for char in _INVISIBLE:  # str.replace runs in C; str.translate is slow on CJK text
            if char in text:
                text = text.replace(char, "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    artefacts: list[int] = []
    if "[" in text:
        artefacts = [text.count("\n", 0, m.start()) + 1 for m in _ARTEFACT.finditer(text)]
        if artefacts:
            text = _ARTEFACT.sub("", text)
    return text, artefacts


def is_footer(line: str) -> bool:
    """A page number line; it never carries report content."""
    if not line or len(line) >= 40:
        return False
    first = line.lstrip(" \t\u3000\xa0")[:1]
    return first in _FOOTER_START and _FOOTER.fullmatch(line) is not None


def is_blank(line: str) -> bool:
    return not line.strip()
