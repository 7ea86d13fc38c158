"""Docs that run: every Python block of the README and docs/ is executed, files first, and
every documented ``giaparse`` command is run on stand-ins for its placeholder files.

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


def shell_commands() -> list[tuple[str, str]]:
    """Every ``giaparse`` command line of the pages' shell blocks (usage synopses with
    ``...`` or ``[options]`` left out; install and benchmark lines are run by CI and by hand)."""
    found = []
    for page in PAGES:
        for lang, _, body in blocks(page):
            if lang != "sh":
                continue
            for line in body.splitlines():
                command = line.split("  #", 1)[0].strip()
                if command.startswith("giaparse ") and "..." not in command and "[" not in command:
                    found.append((page.name, command))
    return found


def test_every_documented_command_runs(tmp_path: Path) -> None:
    """Each command as documented, on stand-ins for its placeholder files."""
    import shlex
    import subprocess
    import sys

    pytest.importorskip("lxml")
    pytest.importorskip("pypdfium2")
    import giaparse
    from giaparse.rendering import render

    fixtures = ROOT / "tests" / "fixtures"
    seed = fixtures / "001_1ec50763975fa479.txt"
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(fixtures, tmp_path / "corpus")
    (tmp_path / "more" / "x").mkdir(parents=True)
    for name in ("REPORT.txt", "a.txt", "b.txt", "more/x/c.txt"):
        (tmp_path / name).write_bytes(seed.read_bytes())
    shutil.copy(ROOT / "examples" / "hongze-2024.pdf", tmp_path / "REPORT.pdf")
    report = giaparse.parse_file(seed)
    (tmp_path / "page.html").write_text(render(report, "html"), encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(render(report, "docx"))
    commands = shell_commands()
    assert len(commands) >= 12
    for page, command in commands:
        args = shlex.split(command)[1:]
        done = subprocess.run(
            [sys.executable, "-m", "giaparse", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        allowed = (0, 1) if args[0] == "check" else (0,)  # check exits 1 when errors are found
        assert done.returncode in allowed, (page, command, done.stderr[-500:])
        if args[0] == "batch" and "corpus.sqlite" in args:
            assert (tmp_path / "corpus.sqlite").exists()
