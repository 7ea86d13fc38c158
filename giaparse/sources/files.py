"""Which files a command reads: files as given, folders searched, globs expanded.

``giaparse parse DIR``, ``check DIR`` and ``batch DIR`` all pick files by this one rule.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from giaparse.sources.kinds import DOCUMENT_SUFFIXES

# Report files a folder search picks up: text ("" is a file with no extension, as crawlers
# save pages), HTML pages, Word and PDF files.
SUFFIXES = frozenset({".txt", ".text", ".md", ""}) | DOCUMENT_SUFFIXES


def iter_inputs(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders searched for report files; globs expanded; sorted, unique."""
    seen: set[Path] = set()
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
        elif any(ch in text for ch in "*?[") and not path.exists():
            found = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
        else:
            found = [path]
        for p in found:
            if p not in seen:
                seen.add(p)
                yield p
