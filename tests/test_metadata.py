"""The agency and the year are right or None: titles, page metadata and openings of many shapes,
including the wrong answers real reports once produced."""

from __future__ import annotations

import attrs
import pytest
from conftest import seed_text

import giaparse
from giaparse.build.metadata import is_organ_name
from giaparse.rendering import render

# A real report's tables under narrative that names no organ and no year, without its title
NEUTRAL = giaparse.Sections(*["认真贯彻落实条例要求，进一步加强政务公开工作。"] * 6)
SEED = giaparse.parse(seed_text("003_95eaafa52db6b695.txt"))
BODY = render(attrs.evolve(SEED, agency=None, year=None, sections=NEUTRAL), "pipe")
BODY_LINES = BODY.split("\n")[1:]


def parse_with(*head: str, body_line: str | None = None) -> giaparse.Report:
    lines = [*head, *BODY_LINES]
    if body_line is not None:
        at = lines.index("一、总体情况") + 1
        lines.insert(at, body_line)
    return giaparse.parse("\n".join(lines))


@pytest.mark.parametrize(
    ("head", "agency", "year"),
    [
        (["泗洪县人民政府2025年政府信息公开工作年度报告"], "泗洪县人民政府", 2025),
        (["淮安市生态环境局关于2023年度政府信息公开工作的报告"], "淮安市生态环境局", 2023),
        (["标题：泗洪县财政局2023年政府信息公开工作年度报告"], "泗洪县财政局", 2023),
        (["# 泗洪县人民政府2023年政府信息公开工作年度报告"], "泗洪县人民政府", 2023),
        (["**泗洪县人民政府办公室2022年政府信息公开工作年度报告**"], "泗洪县人民政府办公室", 2022),
        (["泗洪县人民政府", "2023年政府信息公开工作年度报告"], "泗洪县人民政府", 2023),
        (["发布机构：泗洪县财政局", "2023年政府信息公开工作年度报告"], "泗洪县财政局", 2023),
        (
            ["标题: 泗洪县交通运输局2024年政府信息公开工作年度报告", "发布时间: 2025-01-20"],
            "泗洪县交通运输局",
            2024,
        ),
        (["泗洪县青阳街道办事处2023年政府信息公开工作年度报告"], "泗洪县青阳街道办事处", 2023),
        # fragments of sentences and of markup are never a name
        (
            ["根据《条例》规定》）和《关于印发2023年政府信息公开工作年度报告格式的通知》要求"],
            None,
            2023,
        ),
        (["标题：2023年政府信息公开工作年度报告"], None, 2023),
        (["#"], None, None),
    ],
)
def test_titles_and_page_metadata(head: list[str], agency: str | None, year: int | None) -> None:
    report = parse_with(*head)
    assert (report.agency, report.year) == (agency, year)
    codes = {d.code for d in report.diagnostics}
    assert ("AGENCY_UNKNOWN" in codes) == (agency is None)
    assert ("YEAR_UNKNOWN" in codes) == (year is None)


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("紧紧围绕实验区党工委、管委会的决策部署，扎实推进政务公开工作。", None),
        (
            "在县委县政府的正确领导下，泗洪县卫生健康委员会认真贯彻落实《条例》。",
            "泗洪县卫生健康委员会",
        ),
        ("聚焦泗洪县人民政府中心工作，持续深化政务公开。", None),
    ],
)
def test_an_organ_from_the_opening_only_when_it_is_a_name(opening: str, agency: str | None) -> None:
    report = parse_with("2023年政府信息公开工作年度报告", body_line=opening)
    assert report.agency == agency
    assert report.year == 2023


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("泗洪县人民政府", True),
        ("淮安市洪泽区人民政府办公室", True),
        ("上海市科学技术委员会", True),
        ("紧紧围绕实验区党工委", False),
        ("标题：XX局", False),
        ("#XX县人民政府", False),
        ("定》）和《关于印发", False),
        ("在县委县政府", False),
        ("2023年卫生健康局", False),
        ("局", False),
    ],
)
def test_is_organ_name(text: str, ok: bool) -> None:
    assert is_organ_name(text) is ok


_NO_TABLES = """某县教育局2019年政府信息公开工作年度报告
一、总体情况
2019年，本局共收到政府信息公开申请21件。
二、主动公开政府信息情况
表格见附件。
三、收到和处理政府信息公开申请情况
本年共收到申请21件，全部按时答复。
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
无。
"""


def test_the_template_is_none_when_no_table_was_read(tmp_path) -> None:
    """A 2019 report whose tables were all missed says nothing of its format: ``template``
    is None with an info (not "2021" with a warning), and everything that reads a report
    still works on it: JSON both ways, render, the wide table, the CLI."""
    import json

    from click.testing import CliRunner

    from giaparse.cli import main
    from giaparse.export.wide import wide_row

    report = giaparse.parse(_NO_TABLES)
    assert (report.template, report.year, report.agency) == (None, 2019, "某县教育局")
    codes = [d.code for d in report.diagnostics]
    assert "TEMPLATE_UNKNOWN" in codes and "TEMPLATE_UNCERTAIN" not in codes
    (unknown,) = [d for d in report.diagnostics if d.code == "TEMPLATE_UNKNOWN"]
    assert unknown.severity == "info"
    data = json.loads(report.to_json())
    assert data["template"] is None
    assert giaparse.Report.from_dict(data) == report
    assert "规章" in render(report, "tab")
    assert wide_row("x.txt", report)["template"] is None
    path = tmp_path / "r.txt"
    path.write_text(_NO_TABLES, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path), "--format", "text"])
    assert result.exit_code == 0 and "模板 —" in result.output


def test_the_template_stays_when_any_table_was_read() -> None:
    """One row read without a signature label is still a guess: the newest template, with a
    warning, as before."""
    text = _NO_TABLES.replace("表格见附件。", "规章\t1\t0\t5")
    report = giaparse.parse(text)
    assert report.template == "2021"
    assert "TEMPLATE_UNCERTAIN" in [d.code for d in report.diagnostics]
