"""Line-level clean-up that holds for any layout: line ends, docx artefacts, page footers, and
the portal chrome a crawler keeps around a report (打印 关闭, 微信 微博, the site's footer)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from giaparse.core.furniture import MAX_FOOTER, PAGE_NUMBER

_ARTEFACT = re.compile(r"\[(?:bookmark|image|footnote|comment)[^\]\n]{0,200}\]")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\x00"
# Starts with a literal newline, so the regex engine skips ahead to line ends at C speed
# (a pattern starting with ^ under re.M is tried at every character).
_FOOTER_LINE = re.compile(r"\n(" + PAGE_NUMBER.pattern + r")(?![^\n])")


def footer_lines(text: str) -> frozenset[int]:
    """1-based numbers of page-footer lines in cleaned text (see :func:`clean_text`)."""
    text = "\n" + text  # a match starts at the newline before its line: its line number here
    found = (m.start() for m in _FOOTER_LINE.finditer(text) if len(m.group(1)) < MAX_FOOTER)
    return frozenset(_line_numbers(text, found))


# A line of nothing but a portal's buttons and share links: 【打印】【关闭】, 分享到：微信 微博,
# 字号：大 中 小. It must name one of the first words; the rest may pad it.
_CHROME_KEY = re.compile(r"打印|关闭|微信|微博|分享|字号|返回顶部|收藏本页")
_CHROME_ONLY = re.compile(
    r"(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|收藏|分享到|分享|"
    r"微信|微博|QQ空间|QQ|字号|默认|大|中|小|[【】\[\]()（）|｜/·:：>＞\s])+"
)
# The site's own footer: who runs it and its registration numbers.
_FOOTER_FIRST = "主办|承办|协办|版权所有"  # words a site footer line starts with
_FOOTER_ANY = "ICP备|网站标识码|公网安备"  # …or holds anywhere
_SITE_FOOTER = re.compile(rf"^(?:{_FOOTER_FIRST})|{_FOOTER_ANY}")
# Text with none of these words has no chrome line: one search in C instead of a line loop.
_ANY_CHROME = re.compile(rf"{_CHROME_KEY.pattern}|{_FOOTER_FIRST}|{_FOOTER_ANY}")
_MAX_CHROME = 120  # characters: a longer line is text


def chrome_lines(text: str) -> frozenset[int]:
    """1-based numbers of the lines that are a portal's chrome, not the report's."""
    if _ANY_CHROME.search(text) is None:
        return frozenset()
    found = set()
    for no, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped or len(stripped) > _MAX_CHROME:
            continue
        if (
            _CHROME_KEY.search(stripped) is not None
            and _CHROME_ONLY.fullmatch(stripped) is not None
        ) or _SITE_FOOTER.search(stripped) is not None:
            found.add(no)
    return frozenset(found)


def clean_text(text: str) -> tuple[str, list[int]]:
    """One line end (LF), no invisible characters, no docx artefacts.

    Returns the text and the 1-based numbers of the lines artefacts were removed from.
    """
    for char in _INVISIBLE:  # str.replace runs in C; str.translate is slow on CJK text
        if char in text:
            text = text.replace(char, "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    artefacts: list[int] = []
    if "[" in text:
        artefacts = _line_numbers(text, (m.start() for m in _ARTEFACT.finditer(text)))
        if artefacts:
            text = _ARTEFACT.sub("", text)
    return text, artefacts


def _line_numbers(text: str, positions: Iterable[int]) -> list[int]:
    """1-based line numbers of increasing positions, counting each stretch of text once
    (counting from the start for each would be quadratic in the number of positions)."""
    numbers: list[int] = []
    line, last = 1, 0
    for pos in positions:
        line += text.count("\n", last, pos)
        last = pos
        numbers.append(line)
    return numbers


def is_blank(line: str) -> bool:
    return not line.strip()
