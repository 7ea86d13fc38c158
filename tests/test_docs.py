"""Docs that run: every Python block of the README and docs/ is executed, files first.

A fenced block whose info string names a file (```lark file=t2025.lark) is written out; the
Python blocks of one page then run in order, in one namespace, in a folder holding those files
and a copy of the shipped examples.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.M | re.S)


def blocks(page: Path) -> list[tuple[str, str, str]]:
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in FENCE.finditer(page.read_text())]


def test_every_page_with_python_is_run() -> None:
    assert sum(1 for p in PAGES for lang, _, _ in blocks(p) if lang == "python") >= 7


@pytest.mark.parametrize(
    "page", [p for p in PAGES if any(b[0] == "python" for b in blocks(p))], ids=lambda p: p.name
)
def test_a_pages_code_runs(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    for _, info, body in blocks(page):
        m = re.match(r"file=(\S+)", info)
        if m is not None:
            (tmp_path / m.group(1)).write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    namespace: dict[str, object] = {
        "__name__": f"docs_{page.stem}",
        "__file__": str(tmp_path / "page.py"),
    }
    ran = 0
    for lang, _, body in blocks(page):
        if lang == "python":
            ran += 1
            exec(compile(body, f"{page.name}", "exec"), namespace)
    assert ran >= 1 and "giaparse" in namespace
