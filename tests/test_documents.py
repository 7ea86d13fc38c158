"""HTML pages and Word files: round trips through render and the readers, with real noise."""

from __future__ import annotations

import re

import attrs
import pytest
from conftest import SEED_NAMES, seed_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import giaparse
from giaparse.rendering import render
from giaparse.testing import noisy_docx, noisy_html, reports

pytest.importorskip("lxml")

SEED_REPORTS = [giaparse.parse(seed_text(n)) for n in SEED_NAMES]
_SPACE_NEAR_CJK = re.compile(r"\s*([\u3000-\u9fff\uff00-\uffef])\s*")


def same_data(got: giaparse.Report, want: giaparse.Report) -> None:
    """Tables, template, year and agency equal; the narrative equal up to the whitespace a
    document does not keep (spaces beside CJK characters)."""
    for key in ("template", "year", "agency", "active_disclosure", "applications", "reviews"):
        assert getattr(got, key) == getattr(want, key), key
    for key, text in attrs.asdict(want.sections).items():
        other = getattr(got.sections, key)
        if text is None or other is None:
            assert (text or None) == (other or None), key
        else:
            assert _SPACE_NEAR_CJK.sub(r"\1", other) == _SPACE_NEAR_CJK.sub(r"\1", text), key


@pytest.mark.parametrize("index", range(len(SEED_NAMES)))
@pytest.mark.parametrize("layout", ["html", "docx"])
def test_every_seed_survives_a_document_round_trip(index: int, layout: str) -> None:
    report = SEED_REPORTS[index]
    data = render(report, layout)
    again = giaparse.parse_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    assert again.layout == layout
    same_data(again, report)
    # merged cells come back as the grid says: no placeholder is guessed
    assert not {"PLACEHOLDERS_DROPPED", "AMBIGUOUS_CELLS"} & {d.code for d in again.diagnostics}


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), report=reports(consistent=None))
def test_html_with_page_noise_parses_to_the_report(
    data: st.DataObject, report: giaparse.Report
) -> None:
    page = data.draw(noisy_html(report))
    same_data(giaparse.parse_bytes(page.encode("utf-8")), report)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), report=reports(consistent=None))
def test_docx_with_word_noise_parses_to_the_report(
    data: st.DataObject, report: giaparse.Report
) -> None:
    same_data(giaparse.parse_bytes(data.draw(noisy_docx(report))), report)
