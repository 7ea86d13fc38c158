"""Consistency checks: each kind of inconsistency injected into real seed data."""

from __future__ import annotations

import attrs
import pytest
from conftest import seed_text
from edit import set_row, set_values_row
from hypothesis import given
from hypothesis import strategies as st

import giaparse
from giaparse.checks import RULES, check, check_series
from giaparse.checks.evaluate import check_diagnostics, diagnose
from giaparse.testing import reports

PIPE_2019 = "000_c86ff80fd85f0836.txt"  # all-zero 表三 and 表四, pipe layout


def codes(report: giaparse.Report, *wanted: str) -> list[tuple[str, tuple[str, ...], int | None]]:
    return [(d.code, d.cells, d.line) for d in report.diagnostics if d.code in wanted]


def test_outcome_total_fails_on_exactly_the_columns_concerned() -> None:
    text = seed_text(PIPE_2019)
    text, _ = set_row(text, "一、本年新收政府信息公开申请数量", (21, 0, 0, 0, 0, 0, 21))
    text, _ = set_row(text, "(一)予以公开", (27, 0, 0, 0, 0, 0, 27))
    text, total_line = set_row(text, "(七)总计", (21, 0, 0, 0, 0, 0, 21))
    report = giaparse.parse(text)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [(d.code, d.cells[0], d.line) for d in errors] == [
        ("T3_OUTCOME_TOTAL", "applications.total_processed.natural_person", total_line),
        ("T3_OUTCOME_TOTAL", "applications.total_processed.total", total_line),
    ]
    assert "applications.granted.natural_person" in errors[0].cells
    assert errors[0].message.startswith(
        "表三「（七）总计」行「自然人」列为21，但（一）至（六）各项办理结果之和为27"
    )
    assert [d.code for d in report.diagnostics if d.severity != "error"] == ["EXTRA_ROW"]


def test_row_total() -> None:
    text, line = set_row(seed_text(PIPE_2019), "2.重复申请", (1, 0, 0, 0, 0, 0, 0))
    report = giaparse.parse(text)
    (diag,) = [d for d in report.diagnostics if d.code == "T3_ROW_TOTAL"]
    assert diag.cells[0] == "applications.not_processed_duplicate.total"
    assert diag.line == line and diag.severity == "error"
    assert diag.message.startswith("表三「2.重复申请」行「总计」列为0，但该行各申请人列之和为1")


def test_column_balance() -> None:
    text = seed_text(PIPE_2019)
    text, line = set_row(text, "一、本年新收政府信息公开申请数量", (3, 0, 0, 0, 0, 0, 3))
    text, _ = set_row(text, "(一)予以公开", (2, 0, 0, 0, 0, 0, 2))
    text, _ = set_row(text, "(七)总计", (2, 0, 0, 0, 0, 0, 2))
    report = giaparse.parse(text)
    found = codes(report, "T3_COLUMN_BALANCE", "T3_ROW_TOTAL", "T3_OUTCOME_TOTAL")
    assert [(c, cells[0], ln) for c, cells, ln in found] == [
        ("T3_COLUMN_BALANCE", "applications.new_requests.natural_person", line),
        ("T3_COLUMN_BALANCE", "applications.new_requests.total", line),
    ]
    msg = next(d.message for d in report.diagnostics if d.code == "T3_COLUMN_BALANCE")
    assert msg.startswith("表三「自然人」列：第一项加第二项之和为3，第三项加第四项之和为2")


def test_review_group_total() -> None:
    values = (1, 0, 0, 0, 0, *(0,) * 5, 0, 0, 2, 0, 2)
    text, line = set_values_row(seed_text(PIPE_2019), values)
    report = giaparse.parse(text)
    assert codes(report, "T4_GROUP_TOTAL") == [
        (
            "T4_GROUP_TOTAL",
            (
                "reviews.administrative_review.total",
                "reviews.administrative_review.upheld",
                "reviews.administrative_review.corrected",
                "reviews.administrative_review.other",
                "reviews.administrative_review.pending",
            ),
            line,
        )
    ]


def test_blank_totals_are_not_assessable_never_failures() -> None:
    report = giaparse.parse(seed_text("002_d41b7d34cb4232dc.txt"))
    assert report.errors() == []
    outcomes = giaparse.check(report)
    by_status = {
        s: [o for o in outcomes if o.status == s] for s in ("pass", "fail", "not_assessable")
    }
    assert by_status["fail"] == []
    na = {o.cells[0] for o in by_status["not_assessable"] if o.code == "T3_OUTCOME_TOTAL"}
    assert "applications.total_processed.natural_person" in na
    (blank,) = [d for d in report.diagnostics if d.code == "BLANK_AS_ZERO"]
    assert blank.severity == "info" and "applications.carried_over.natural_person" in blank.cells


def test_check_returns_every_rules_outcome() -> None:
    outcomes = giaparse.check(giaparse.parse(seed_text("001_1ec50763975fa479.txt")))
    counts = {rule.code: sum(1 for o in outcomes if o.code == rule.code) for rule in RULES}
    assert counts == {
        "T3_COLUMN_BALANCE": 7,
        "T3_ROW_TOTAL": 23,
        "T3_OUTCOME_TOTAL": 7,
        "T4_GROUP_TOTAL": 3,
    }
    assert {o.status for o in outcomes} == {"pass"}
    outcomes_2021 = giaparse.check(giaparse.parse(seed_text("004_e530588c4c56b619.txt")))
    assert sum(1 for o in outcomes_2021 if o.code == "T3_ROW_TOTAL") == 25


def test_strict_raises_on_errors_only() -> None:
    text, _ = set_row(seed_text(PIPE_2019), "2.重复申请", (1, 0, 0, 0, 0, 0, 0))
    with pytest.raises(giaparse.StrictError) as info:
        giaparse.parse(text, strict=True)
    assert info.value.errors[0].code == "T3_ROW_TOTAL"
    assert giaparse.parse(seed_text(PIPE_2019), strict=True).template == "2019"


def _with(report: giaparse.Report, year: int, table: str, row: str, **values: int):
    tbl = getattr(report, table)
    new_row = attrs.evolve(getattr(tbl, row), **values)
    return attrs.evolve(report, year=year, **{table: attrs.evolve(tbl, **{row: new_row})})


def test_cross_year_carry() -> None:
    base = giaparse.parse(seed_text("001_1ec50763975fa479.txt"))
    y2020 = _with(base, 2020, "applications", "carried_forward", natural_person=2, total=2)
    y2021 = _with(base, 2021, "applications", "carried_over", natural_person=1, total=1)
    other = attrs.evolve(base, agency="别的局", year=2021)
    outcomes = check_series([y2021, other, y2020])
    fails = [(o.code, o.agency, o.year, o.cells) for o in outcomes if o.status == "fail"]
    assert fails == [
        (
            "CROSS_YEAR_CARRY",
            "宁海县卫生健康局",
            2021,
            (
                "applications.carried_over.natural_person",
                "applications.carried_forward.natural_person",
            ),
        ),
        (
            "CROSS_YEAR_CARRY",
            "宁海县卫生健康局",
            2021,
            ("applications.carried_over.total", "applications.carried_forward.total"),
        ),
    ]
    assert sum(1 for o in outcomes if o.status == "pass") == 5


def test_cross_year_in_force_is_a_warning() -> None:
    base = giaparse.parse(seed_text("004_e530588c4c56b619.txt"))
    before = _with(base, 2023, "active_disclosure", "regulations", in_force=10)
    after = _with(base, 2024, "active_disclosure", "regulations", issued=2, repealed=1, in_force=12)
    (fail,) = [o for o in check_series([before, after]) if o.status == "fail"]
    assert (fail.code, fail.severity, fail.expected, fail.found) == (
        "CROSS_YEAR_IN_FORCE",
        "warning",
        11,
        12,
    )


# ---- partial input -----------------------------------------------------------------------

SEED_LINES = seed_text(PIPE_2019).split("\n")


def _at(prefix: str) -> int:
    return next(i for i, line in enumerate(SEED_LINES) if line.startswith(prefix))


def test_truncated_report_returns_what_is_there() -> None:
    report = giaparse.parse("\n".join(SEED_LINES[:40]))  # cut after 5.属于三类内部事务信息
    assert report.applications.withheld_internal_affairs.total == 0
    assert report.applications.withheld_process_info.total is None
    missing = [d.cells[0] for d in report.diagnostics if d.code == "MISSING_ROW"]
    assert missing[0] == "applications.withheld_process_info" and len(missing) == 14
    assert ("MISSING_TABLE", ("reviews",)) in [(d.code, d.cells) for d in report.diagnostics]
    assert [d.cells[0] for d in report.diagnostics if d.code == "MISSING_SECTION"] == [
        "sections.reviews",
        "sections.problems",
    ]


def test_report_without_table_four() -> None:
    start = _at("行政复议")
    report = giaparse.parse("\n".join(SEED_LINES[:start] + SEED_LINES[start + 4 :]))
    assert [(d.code, d.severity) for d in report.diagnostics if d.severity != "info"] == [
        ("EXTRA_ROW", "warning"),
        ("MISSING_TABLE", "error"),
    ]
    assert report.reviews.administrative_review.total is None


def test_sections_out_of_order_keep_their_values() -> None:
    s3, s4, s5 = _at("三、行政机关收到"), _at("四、因政府"), _at("五、")
    swapped = SEED_LINES[:s3] + SEED_LINES[s4:s5] + SEED_LINES[s3:s4] + SEED_LINES[s5:]
    report = giaparse.parse("\n".join(swapped))
    assert [(d.code, d.line) for d in report.diagnostics] == [
        ("UNEXPECTED_HEADING", 33),
        ("EXTRA_ROW", 12),
        ("ROW_OUT_OF_ORDER", 38),
    ]
    assert report.applications.total_processed.total == 0
    assert report.reviews.litigation_after_review.total == 0
    assert report.sections.applications == "本局2020年度没有受理政府信息公开申请。"


def test_report_pasted_twice() -> None:
    text = seed_text(PIPE_2019)
    report = giaparse.parse(text + "\n" + text)
    assert [d.code for d in report.diagnostics] == ["REPEATED_CONTENT", "EXTRA_ROW"]
    assert report.diagnostics[0].line == len(SEED_LINES) + 2


# ---- the check command ---------------------------------------------------------------------


def test_check_cli_exit_statuses(tmp_path) -> None:
    from click.testing import CliRunner

    from giaparse.cli import main

    bad, _ = set_row(seed_text(PIPE_2019), "2.重复申请", (1, 0, 0, 0, 0, 0, 0))
    (tmp_path / "bad.txt").write_text(bad, encoding="utf-8")
    (tmp_path / "good.txt").write_text(seed_text("001_1ec50763975fa479.txt"), encoding="utf-8")
    (tmp_path / "prose.txt").write_text("今天天气很好。\n", encoding="utf-8")
    runner = CliRunner()
    good = runner.invoke(main, ["check", str(tmp_path / "good.txt")])
    assert good.exit_code == 0 and "错误0" in good.output
    result = runner.invoke(main, ["check", str(tmp_path / "bad.txt")])
    assert result.exit_code == 1
    assert "T3_ROW_TOTAL" in result.output and "表三「2.重复申请」行「总计」列为0" in result.output
    as_json = runner.invoke(main, ["check", str(tmp_path / "bad.txt"), "--format", "json"])
    import json

    data = json.loads(as_json.output)
    assert [d["code"] for d in data["diagnostics"] if d["severity"] == "error"] == [
        "T3_ROW_TOTAL",
        "T3_OUTCOME_TOTAL",
    ]
    assert runner.invoke(main, ["check", str(tmp_path / "prose.txt")]).exit_code == 2


@given(st.one_of(reports(consistent=True), reports(consistent=False), reports(consistent=None)))
def test_diagnose_says_what_every_outcome_says(report: giaparse.Report) -> None:
    """The fast path skips clean passes only: failures, blanks and unassessable totals stay."""
    assert diagnose(report) == check_diagnostics(check(report))


def test_a_series_names_its_files_and_warns_about_duplicates_gaps_and_name_variants(
    tmp_path,
) -> None:
    base = giaparse.parse(seed_text("003_95eaafa52db6b695.txt"))
    carried = attrs.evolve(base.applications.carried_forward, natural_person=4, total=4)
    y2021 = attrs.evolve(
        base, applications=attrs.evolve(base.applications, carried_forward=carried)
    )
    files = {
        "a-2021.txt": giaparse.render(y2021, "tab"),
        "b-2022.txt": giaparse.render(attrs.evolve(base, year=2022), "tab"),
        "c-2022.txt": giaparse.render(attrs.evolve(base, year=2022), "pipe"),
        "d-2024.txt": giaparse.render(
            attrs.evolve(base, year=2024, agency="鲁山县卫生健康委员会"), "tab"
        ),
    }
    reports = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        reports.append(giaparse.parse_file(tmp_path / name))
    assert reports[0].source.name == str(tmp_path / "a-2021.txt")
    assert reports[0].source.kind == "text" and len(reports[0].source.sha256) == 64
    found = [o for o in giaparse.check_series(reports) if o.status == "fail"]
    codes = sorted({o.code for o in found})
    assert codes == ["CROSS_YEAR_CARRY", "SERIES_DUPLICATE", "SERIES_GAP", "SERIES_NAME_VARIANT"]
    carry = next(o for o in found if o.code == "CROSS_YEAR_CARRY")
    assert carry.sources == (str(tmp_path / "a-2021.txt"), str(tmp_path / "b-2022.txt"))
    assert "a-2021.txt" in carry.message and "b-2022.txt" in carry.message
    gap = next(o for o in found if o.code == "SERIES_GAP")
    assert "2023" in gap.message and gap.severity == "warning"
    duplicate = next(o for o in found if o.code == "SERIES_DUPLICATE")
    assert "c-2022.txt" in duplicate.message
    # one report's own check outcomes name its file too
    assert giaparse.check(reports[0])[0].sources == (str(tmp_path / "a-2021.txt"),)
