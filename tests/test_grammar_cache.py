"""The compiled-grammar cache: private, signed, and never unpickling a file it did not write."""

from __future__ import annotations

import os
import pathlib
import pickle
from pathlib import Path

import pytest
from conftest import seed_text

import giaparse
from giaparse.model.template import TABLES
from giaparse.parsing import cache, parser

SEED_2021 = "003_95eaafa52db6b695.txt"


class _Touch:
    """Unpickling this creates a file: the proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (pathlib.Path.touch, (self.marker,))


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of its own and no parser built in this process yet."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("GIAPARSE_CACHE_DIR", str(directory))
    monkeypatch.setattr(parser, "_CACHE", {})
    monkeypatch.setattr(parser, "_BUILT", {})
    return directory


def _compile() -> parser.CompiledGrammar:
    t = giaparse.get_template("2021")
    return parser.compile_grammar(t.name, t.grammar, TABLES)


def test_the_cache_is_private_and_signed(fresh: Path) -> None:
    _compile()
    (cached,) = fresh.glob("2021-*.lark")
    assert oct(fresh.stat().st_mode & 0o777) == "0o700"
    assert oct((fresh / "key").stat().st_mode & 0o777) == "0o600"
    assert cache.load(cached.name) == cached.read_bytes()[32:]  # MAC, then the payload


def test_a_planted_file_is_not_unpickled_and_is_replaced(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _compile()
    (cached,) = fresh.glob("2021-*.lark")
    marker = tmp_path / "unpickled"
    planted = pickle.dumps(_Touch(marker))
    cached.write_bytes(b"\0" * 32 + planted)  # a guessed MAC
    monkeypatch.setattr(parser, "_CACHE", {})
    monkeypatch.setattr(parser, "_BUILT", {})

    assert giaparse.parse(seed_text(SEED_2021)).template == "2021"
    assert not marker.exists()
    assert cache.load(cached.name) is not None  # rewritten, signed
    pickle.loads(planted)  # the planted payload does run when unpickled: the test can fail
    assert marker.exists()


def test_a_corrupt_file_is_rebuilt(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _compile()
    (cached,) = fresh.glob("2021-*.lark")
    cached.write_bytes(cached.read_bytes()[:1000])
    monkeypatch.setattr(parser, "_CACHE", {})
    monkeypatch.setattr(parser, "_BUILT", {})
    assert giaparse.parse(seed_text(SEED_2021)).applications.new_requests.total is not None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_directory_others_can_write_is_not_used(fresh: Path) -> None:
    fresh.mkdir(mode=0o700)
    fresh.chmod(0o777)
    assert cache.cache_dir() is None
    _compile()
    assert list(fresh.iterdir()) == []


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, fresh: Path) -> None:
    monkeypatch.setenv("GIAPARSE_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert _compile().terminals
    assert not fresh.exists()
