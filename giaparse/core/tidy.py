"""Whitespace in text that a document reader joins from pieces (spans, runs, cell lines)."""

from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def tidy(text: str) -> str:
    """Whitespace runs become one space, or nothing where they sit next to a CJK character
    (Word splits labels over spans, runs and lines: 申请人情 + 况, 本年新 / 制作数量)."""
    parts = _SPACE.split(text.strip())
    out = parts[0] if parts else ""
    for part in parts[1:]:
        if not part:
            continue
        if out and (CJK.match(out[-1]) or CJK.match(part[0])):
            out += part
        else:
            out += (" " if out else "") + part
    return out
