"""Round trips: parse(render(r)) == r in every layout, with and without the noise of real text."""

from __future__ import annotations

import json

import attrs
import pytest
from conftest import SEED_NAMES, seed_text
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import giaparse
from giaparse.checks import apply_checks
from giaparse.rendering import LAYOUTS, render
from giaparse.testing import noisy_texts, reports

SEED_REPORTS = [giaparse.parse(seed_text(n)) for n in SEED_NAMES]


def data_of(report: giaparse.Report) -> giaparse.Report:
    """The report without what parsing adds: layout and diagnostics."""
    return attrs.evolve(report, layout=None, diagnostics=())


def tables_of(report: giaparse.Report) -> dict:
    d = report.to_dict()
    return {
        k: d[k]
        for k in ("template", "year", "agency", "active_disclosure", "applications", "reviews")
    }


def expected_codes(report: giaparse.Report) -> list[str]:
    extra = ["EXTRA_ROW"] * len(report.active_disclosure.extra_rows)
    return sorted(extra + [d.code for d in apply_checks(report).diagnostics])


@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports(consistent=None))
def test_parse_render_is_identity(report: giaparse.Report, layout: str) -> None:
    again = giaparse.parse(render(report, layout))
    assert again.layout == layout
    assert data_of(again) == report
    assert sorted(d.code for d in again.diagnostics) == expected_codes(report)


@given(report=reports(consistent=True), layout=st.sampled_from(LAYOUTS))
def test_consistent_reports_parse_clean(report: giaparse.Report, layout: str) -> None:
    again = giaparse.parse(render(report, layout))
    assert [d.code for d in again.diagnostics] == ["EXTRA_ROW"] * len(
        report.active_disclosure.extra_rows
    )


@given(report=reports(consistent=False), layout=st.sampled_from(LAYOUTS))
def test_inconsistent_reports_are_flagged(report: giaparse.Report, layout: str) -> None:
    again = giaparse.parse(render(report, layout))
    assert again.errors()
    assert {d.code for d in again.errors()} <= {
        "T3_ROW_TOTAL",
        "T3_OUTCOME_TOTAL",
        "T3_COLUMN_BALANCE",
        "T4_GROUP_TOTAL",
    }


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), report=reports(consistent=None))
def test_noise_preserves_values(data: st.DataObject, report: giaparse.Report) -> None:
    text = data.draw(noisy_texts(report))
    again = giaparse.parse(text)
    assert tables_of(again) == tables_of(report)


@given(report=reports(consistent=None))
@example(report=SEED_REPORTS[0])
@example(report=SEED_REPORTS[2])
def test_dict_round_trip(report: giaparse.Report) -> None:
    assert giaparse.Report.from_dict(report.to_dict()) == report
    assert giaparse.Report.from_json(report.to_json()) == report
    assert json.loads(giaparse.Report.from_json(report.to_json()).to_json()) == report.to_dict()


def test_from_dict_accepts_dicts_without_optional_keys() -> None:
    d = SEED_REPORTS[1].to_dict()
    for key in ("sections", "diagnostics", "layout"):
        d.pop(key)
    report = giaparse.Report.from_dict(d)
    assert report.layout is None and report.diagnostics == () and report.sections.overview is None
    assert report.applications == SEED_REPORTS[1].applications


@pytest.mark.parametrize("index", range(len(SEED_NAMES)))
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_seed_survives_render_and_parse(index: int, layout: str) -> None:
    report = SEED_REPORTS[index]
    again = giaparse.parse(render(report, layout))
    assert data_of(again) == data_of(report)
    # repairs of the seed's own text (003's eight values) do not come back; checks do
    assert sorted(d.code for d in again.diagnostics) == expected_codes(data_of(report))
