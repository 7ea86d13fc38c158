"""End to end on real reports as published: portal pages (HTML) and PDFs, every cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from expected_corpus import CORPUS

import giaparse

CORPUS_DIR = Path(__file__).parent / "corpus"
NAMES = sorted(CORPUS)


def _parse(name: str) -> giaparse.Report:
    if name.endswith(".html"):
        pytest.importorskip("lxml")
    if name.endswith(".pdf"):
        pytest.importorskip("pypdfium2")
    return giaparse.parse_file(CORPUS_DIR / name)


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    report = _parse(name)
    want = CORPUS[name]
    got = (report.template, report.year, report.agency, report.layout)
    assert got == (want["template"], want["year"], want["agency"], want["layout"])


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("table", ["active_disclosure", "applications", "reviews"])
def test_every_cell(name: str, table: str) -> None:
    assert _parse(name).to_dict()[table] == CORPUS[name][table]


@pytest.mark.parametrize("name", NAMES)
def test_diagnostics(name: str) -> None:
    assert [d.code for d in _parse(name).diagnostics] == CORPUS[name]["diagnostic_codes"]


# The first and last words of each report's narrative, as printed: the portal's navigation,
# share bar and footer are not the report.
SECTION_ENDS = {
    "putian-kejiju-2020.html": {
        "overview": ("2020年度，我局以习近平新时代", "推进政府信息公开工作有序开展。"),
        "other_matters": ("无。", "无。"),
    },
    "putian-haiyangyuyeju-2024.html": {
        "overview": ("市海洋与渔业局坚持以习近平", "进一步提升政务公开办人员业务能力。"),
        "other_matters": (
            "（一）收取信息费情况",
            "莆田市海洋与渔业局\n2025年1月9日\n（此件主动公开）",
        ),
    },
}
SECTION_ENDS["hongze-2023.pdf"] = {
    "overview": ("2023年，洪泽区人民政府坚持以习近平", "府网站日常监测机制。"),
    "problems": ("2023年，洪泽区政府信息公开工作取得", "想认识和业务工作水平。"),
    "other_matters": ("2023年，区政府严格落实", "全年收取政府信息公开信息处理费0元。"),
}
SECTION_ENDS["hongze-2024.pdf"] = {
    "overview": ("2024年，淮安市洪泽区人民政府坚持", "载党中央、国务院重大方针政策。"),
    "other_matters": ("2024年，区政府严格落实", "全年收取政府信息公开信息处理费0元。"),
}
PAGE_CHROME = (
    "打印",
    "关闭",
    "微信",
    "微博",
    "网站地图",
    "版权所有",
    "索引号",
    "当前位置",
    "- 2 -",
)


@pytest.mark.parametrize("name", sorted(SECTION_ENDS))
def test_the_narrative_is_the_reports_and_nothing_of_the_page(name: str) -> None:
    sections = _parse(name).sections
    for key, (start, end) in SECTION_ENDS[name].items():
        text = getattr(sections, key)
        assert text.startswith(start) and text.endswith(end), (key, text[:40], text[-40:])
    everything = "\n".join(
        v or "" for v in giaparse.Report.to_dict(_parse(name))["sections"].values()
    )
    assert not [w for w in PAGE_CHROME if w in everything]


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith(".pdf")])
def test_pdf_prose_is_not_read_as_table_rows_and_cells_say_their_page(name: str) -> None:
    report = _parse(name)
    assert not {"EXTRA_ROW", "UNKNOWN_ROW", "UNEXPECTED_ROW"} & {d.code for d in report.diagnostics}
    at = report.cell_locations["applications.new_requests.total"]
    assert (at.kind, at.page) == ("pdf", 3)
    (misprint,) = [d for d in report.diagnostics if d.code == "LABEL_MISPRINTED"]
    assert misprint.location is not None and misprint.location.page == 3
    assert str(misprint.location).startswith("第3页第") and misprint.line is None


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith(".html")])
def test_the_pages_own_grid_as_a_word_file_parses_the_same(name: str) -> None:
    """A .docx with the real page's structure (its merged cells, labels, prose), not render's."""
    pytest.importorskip("lxml")
    from giaparse.rendering.documents import to_docx
    from giaparse.sources.html import read_html

    stream = read_html((CORPUS_DIR / name).read_bytes())
    docx = to_docx(stream.items)
    want = CORPUS[name]
    report = giaparse.parse_bytes(docx)
    assert report.layout == "docx"
    for table in ("active_disclosure", "applications", "reviews"):
        assert report.to_dict()[table] == want[table], table
    assert (report.template, report.year, report.agency) == (
        want["template"],
        want["year"],
        want["agency"],
    )


def test_a_page_declared_gb2312_is_read_in_its_charset(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    name = "putian-kejiju-2020.html"
    text = (CORPUS_DIR / name).read_text(encoding="utf-8")
    text = text.replace(
        '<meta charset="UTF-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    )
    path = tmp_path / "page.shtml"
    path.write_bytes(text.encode("gb18030"))
    report = giaparse.parse_file(path)
    assert report.to_dict()["active_disclosure"] == CORPUS[name]["active_disclosure"]
    assert report.agency == CORPUS[name]["agency"]


@pytest.mark.parametrize("name", ["hongze-2023", "hongze-2024"])
def test_pdftotext_layout_output_reads_as_the_pdf(name: str) -> None:
    """What ``pdftotext -layout`` (poppler 22.12) prints for the PDF: cells apart by runs of
    spaces, wrapped labels with their values on a line of their own, header words broken
    over lines, page numbers inside the table. Every cell reads as from the PDF itself."""
    report = giaparse.parse_file(CORPUS_DIR / f"{name}.pdftotext-layout.txt")
    want = CORPUS[f"{name}.pdf"]
    assert report.layout == "spaces"
    assert (report.template, report.year, report.agency) == (
        want["template"],
        want["year"],
        want["agency"],
    )
    for table in ("active_disclosure", "applications", "reviews"):
        assert report.to_dict()[table] == want[table], table
    codes = [d.code for d in report.diagnostics]
    assert codes == ["PAGE_FOOTER_REMOVED", *want["diagnostic_codes"]]
