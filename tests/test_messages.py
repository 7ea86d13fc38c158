"""Messages in one language at a time: ``message`` Chinese, ``message_en`` its English gloss."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED_NAMES

import giaparse

CORPUS = Path(__file__).parent / "corpus"
ASCII_GLOSS = re.compile(r"\([\x20-\x7e]+\)\s*$")


def _reports() -> list[giaparse.Report]:
    paths = [FIXTURES / n for n in SEED_NAMES]
    paths += [p for p in sorted(CORPUS.glob("*")) if p.suffix in (".pdf", ".html", ".txt")]
    return [giaparse.parse_file(p) for p in paths]


def test_every_diagnostic_message_is_chinese_with_its_english_gloss_apart() -> None:
    pytest.importorskip("lxml")
    pytest.importorskip("pypdfium2")
    seen = 0
    for report in _reports():
        for d in report.diagnostics:
            seen += 1
            assert not ASCII_GLOSS.search(d.message), d.message
            assert re.search(r"[\u4e00-\u9fff]", d.message), d.message
            assert d.message_en and d.message_en.isascii(), (d.code, d.message_en)
        for o in giaparse.check(report):
            assert not ASCII_GLOSS.search(o.message) and (o.message_en or "").isascii()
    assert seen >= 20


def test_the_json_keeps_both_and_reads_them_back() -> None:
    report = giaparse.parse_file(FIXTURES / SEED_NAMES[0])
    d = report.to_dict()["diagnostics"][0]
    assert d["message"] == report.diagnostics[0].message
    assert d["message_en"] == "a row the template does not have, kept verbatim"
    assert giaparse.Report.from_dict(report.to_dict()).diagnostics == report.diagnostics


def test_a_message_a_user_writes_is_kept_as_written() -> None:
    d = giaparse.Diagnostic("MY_RULE", "info", "只有中文")
    assert (d.message, d.message_en) == ("只有中文", None)
    d = giaparse.Diagnostic("MY_RULE", "info", "中文 (English)", message_en="given")
    assert (d.message, d.message_en) == ("中文 (English)", "given")
