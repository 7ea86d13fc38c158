"""Template registry, detection from the tables' own labels, and a user's new template."""

from __future__ import annotations

from pathlib import Path

import attrs
from conftest import seed_text

import giaparse
from giaparse.model import builtin
from giaparse.model.fields import count, row
from giaparse.model.tables import Applications2021, ExtraRow


def test_builtins_register_on_import_and_come_first() -> None:
    registry = giaparse.templates()
    assert list(registry)[:2] == ["2019", "2021"]
    assert registry["2019"] is builtin.TEMPLATE_2019
    assert registry["2021"] is builtin.TEMPLATE_2021


def test_detection_uses_labels_not_the_year() -> None:
    text = seed_text("004_e530588c4c56b619.txt").replace("2023", "2019")
    report = giaparse.parse(text)
    assert (report.template, report.year) == ("2021", 2019)


def test_a_2021_report_with_the_2019_other_handling_row_is_mixed() -> None:
    lines = seed_text("003_95eaafa52db6b695.txt").split("\n")
    lines[76:79] = ["(六) 其他处理\t\t3\t0\t0\t0\t0\t0\t3\t"]
    report = giaparse.parse("\n".join(lines))
    assert report.template == "2021"
    mixed = [d for d in report.diagnostics if d.code == "MIXED_TEMPLATE"]
    assert [(d.line, d.cells) for d in mixed] == [(77, ("applications.other_handling",))]
    assert "3 | 0 | 0 | 0 | 0 | 0 | 3" in mixed[0].message
    assert report.applications.other_other.total is None  # not guessed into a 2021 row


def test_forcing_a_template_is_honoured() -> None:
    text = seed_text("004_e530588c4c56b619.txt")  # a 2021 report, detected as 2021
    assert giaparse.parse(text).template == "2021"
    forced = giaparse.parse(text, template="2019")
    assert forced.template == "2019"
    assert type(forced.active_disclosure).__name__ == "ActiveDisclosure2019"
    # the 2021 rows it prints are not 2019 rows: they are reported, not silently read
    assert {"UNKNOWN_ROW", "MISSING_ROW"} <= {d.code for d in forced.diagnostics}


@attrs.frozen
class Counts2099:
    added: int | None = count("本年新增件数")
    total: int | None = count("累计件数")


@attrs.frozen
class Active2099:
    regulations: Counts2099 = row("规章", Counts2099)
    extra_rows: tuple[ExtraRow, ...] = attrs.field(factory=tuple, converter=tuple)


GRAMMAR_2099 = """
%import .common (overview, applications_head, applications_tail, reviews_section, problems, other_matters)
%declare SEC_ACTIVE_DISCLOSURE SEC_APPLICATIONS T2_HEADER EXTRA_ROW ART20_1 REGULATIONS
%declare OTHER_NO_CORRECTION OTHER_UNPAID_FEE OTHER_OTHER
start: overview active_section applications_section reviews_section problems other_matters
active_section: SEC_ACTIVE_DISCLOSURE? active_disclosure
active_disclosure: art20_1?
art20_1: ART20_1 T2_HEADER* EXTRA_ROW* (REGULATIONS EXTRA_ROW*)?
applications_section: SEC_APPLICATIONS? applications
applications: applications_head OTHER_NO_CORRECTION? OTHER_UNPAID_FEE? OTHER_OTHER? applications_tail
"""

LABELS_2099 = """
include = ["giaparse:common.toml"]
signature = ["本年新增件数", "累计件数"]
[blocks]
ART20_1 = ["第二十条第(一)项"]
[headers]
T2_HEADER = { equals = ["信息内容", "本年新增件数", "累计件数"] }
[rows]
regulations = ["规章"]
other_no_correction = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]
other_unpaid_fee = ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]
other_other = ["3.其他"]
"""


def test_a_new_template_registers_without_editing_the_library(tmp_path: Path) -> None:
    (tmp_path / "t2099.lark").write_text(GRAMMAR_2099, encoding="utf-8")
    (tmp_path / "t2099.toml").write_text(LABELS_2099, encoding="utf-8")
    template = giaparse.Template(
        name="2099",
        grammar=tmp_path / "t2099.lark",
        labels=tmp_path / "t2099.toml",
        active_disclosure=Active2099,
        applications=Applications2021,
    )
    seed = seed_text("003_95eaafa52db6b695.txt").split("\n")
    table2 = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项\t\t",
        "信息内容\t本年新增件数\t累计件数",
        "规章\t5\t9",
    ]
    text = "\n".join(seed[:34] + table2 + seed[51:])
    giaparse.register_template(template)
    try:
        assert "2099" in giaparse.templates()
        report = giaparse.parse(text)
        assert report.template == "2099"
        assert report.active_disclosure.regulations == Counts2099(5, 9)
        assert report.applications.new_requests.total == 0
        assert report.to_dict()["active_disclosure"]["regulations"] == {"added": 5, "total": 9}
    finally:
        from giaparse.model.template import unregister_template

        unregister_template("2099")
    assert "2099" not in giaparse.templates()


def test_relative_paths_are_found_beside_the_module_that_makes_the_template(
    tmp_path: Path,
) -> None:
    import importlib.util

    # a folder whose name holds "attrs" is still the maker's folder
    folder = tmp_path / "mattrs_templates"
    folder.mkdir()
    (folder / "maker.py").write_text(
        "import giaparse\nT = giaparse.Template(name='rel', grammar='t.lark', labels='t.toml')\n",
        encoding="utf-8",
    )
    for name in ("t.lark", "t.toml"):
        (folder / name).write_text("", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("maker", folder / "maker.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.T.grammar == (folder / "t.lark").resolve()
    assert module.T.labels == (folder / "t.toml").resolve()
    # made again through attrs.evolve, the paths are kept, not resolved beside attrs
    assert attrs.evolve(module.T, description="x").grammar == (folder / "t.lark").resolve()
