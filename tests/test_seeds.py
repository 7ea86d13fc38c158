"""End to end: every cell of the five real seed reports."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SEED_NAMES, seed_text
from expected import SECTIONS, SEEDS

import giaparse


def test_every_seed_has_expectations() -> None:
    assert sorted(SEEDS) == SEED_NAMES == sorted(SECTIONS)
    assert len(SEED_NAMES) == 5


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_metadata(name: str) -> None:
    report = giaparse.parse_file(FIXTURES / name)
    want = SEEDS[name]
    assert (report.template, report.year, report.agency, report.layout) == (
        want["template"],
        want["year"],
        want["agency"],
        want["layout"],
    )


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("table", ["active_disclosure", "applications", "reviews"])
def test_seed_every_cell(name: str, table: str) -> None:
    got = giaparse.parse(seed_text(name)).to_dict()[table]
    assert got == SEEDS[name][table]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_diagnostics(name: str) -> None:
    report = giaparse.parse(seed_text(name))
    assert [d.code for d in report.diagnostics] == SEEDS[name]["diagnostic_codes"]


def test_seed_003_total_row_with_eight_values_is_read_and_flagged() -> None:
    report = giaparse.parse(seed_text("003_95eaafa52db6b695.txt"))
    lines = [(d.code, d.line, d.cells[0]) for d in report.diagnostics]
    assert lines == [
        ("TOO_MANY_VALUES", 80, "applications.total_processed.natural_person"),
        ("TOO_MANY_VALUES", 81, "applications.carried_forward.natural_person"),
    ]
    assert report.applications.total_processed.total == 0


def test_seed_000_extra_row_is_kept_verbatim_with_a_diagnostic() -> None:
    report = giaparse.parse(seed_text("000_c86ff80fd85f0836.txt"))
    (extra,) = report.active_disclosure.extra_rows
    assert (extra.label, extra.cells) == ("其他主动公开文件", ("16", "16", "16"))
    (diag,) = report.diagnostics
    assert (diag.code, diag.line, diag.cells) == (
        "EXTRA_ROW",
        12,
        ("active_disclosure.extra_rows",),
    )


def test_seed_002_blank_cells_are_null_not_zero() -> None:
    report = giaparse.parse(seed_text("002_d41b7d34cb4232dc.txt"))
    assert report.applications.carried_over.natural_person is None
    assert report.applications.carried_over.total == 0
    assert report.applications.granted.total is None
    assert report.reviews.administrative_review.upheld is None
    assert report.reviews.administrative_review.total == 0


def test_money_keeps_exact_decimal_and_unit() -> None:
    proc = giaparse.parse(seed_text("001_1ec50763975fa479.txt")).active_disclosure.procurement
    assert str(proc.amount.amount) == "674.7294" and proc.amount.unit == "万元"
    assert str(proc.amount.yuan) == "6747294.0000"
    bare = giaparse.parse(seed_text("000_c86ff80fd85f0836.txt")).active_disclosure.procurement
    assert str(bare.amount.amount) == "395289.50" and bare.amount.unit is None
    assert bare.amount.yuan is None


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_sections(name: str) -> None:
    sections = giaparse.parse(seed_text(name)).to_dict()["sections"]
    for key, want in SECTIONS[name].items():
        if want is None:
            assert sections[key] is None, key
        elif want == ("", ""):
            assert sections[key] == "", key  # the part has a heading and a table, no prose
        else:
            head, tail = want
            assert sections[key].startswith(head), (key, sections[key][:60])
            assert sections[key].endswith(tail), (key, sections[key][-60:])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_to_json_is_the_dict(name: str) -> None:
    report = giaparse.parse(seed_text(name))
    assert json.loads(report.to_json()) == report.to_dict()
    assert list(report.to_dict()) == [
        "template",
        "year",
        "agency",
        "layout",
        "active_disclosure",
        "applications",
        "reviews",
        "sections",
        "diagnostics",
        "source",  # additive: where the report was read from
        "source_kind",
        "sha256",
    ]


def test_applications_have_exactly_their_templates_rows() -> None:
    rows_2019 = giaparse.parse(seed_text("001_1ec50763975fa479.txt")).to_dict()["applications"]
    rows_2021 = giaparse.parse(seed_text("004_e530588c4c56b619.txt")).to_dict()["applications"]
    assert (len(rows_2019), len(rows_2021)) == (23, 25)
    assert "other_handling" in rows_2019 and "other_other" not in rows_2019
    assert "other_handling" not in rows_2021 and "other_unpaid_fee" in rows_2021
