"""The public API as a type checker sees it from a user's code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

USER_CODE = """
import giaparse

r = giaparse.parse_file("report.txt", templat="2021")
reveal_type(r.active_disclosure)
total: int | None = r.applications.granted.total
frame = giaparse.to_frame([r], kind="facts")
"""


def test_a_users_code_is_checked_against_real_types(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    path = tmp_path / "user.py"
    path.write_text(USER_CODE, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(path)],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    lines = done.stdout.splitlines()
    # a misspelt keyword is an error, not swallowed by **kwargs
    assert any('Unexpected keyword argument "templat"' in ln for ln in lines), lines
    # the tables are the templates' classes, not Any
    assert any(
        "ActiveDisclosure2019 | giaparse.model.tables.ActiveDisclosure2021" in ln for ln in lines
    ), lines
    assert len([ln for ln in lines if ": error:" in ln]) == 1, lines
