"""Tokenizer: every layout and the noise of extracted text become the same rows."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from giaparse.core.items import Prose, Row
from giaparse.core.values import looks_like_value
from giaparse.testing import reports
from giaparse.tokens import tokenize
from giaparse.tokens.clean import footer_lines
from giaparse.tokens.layouts import detect


def rows(text: str) -> list[tuple[str, ...]]:
    return [i.cells for i in tokenize(text).items if isinstance(i, Row)]


def prose(text: str) -> list[str]:
    return [i.text for i in tokenize(text).items if isinstance(i, Prose)]


def test_pipe_rows_drop_the_closing_pipe_and_keep_empty_placeholders() -> None:
    text = "规章 | 0 | 0 | 0 |\n第二十条第(一)项 | |||\n"
    assert rows(text) == [("规章", "0", "0", "0"), ("第二十条第(一)项", "", "", "")]
    assert tokenize(text).layout == "pipe"


def test_leading_pipe_is_an_empty_cell_unless_rows_are_bordered() -> None:
    assert rows("a | 1 |\n | 2 |\nb | 3 |\n")[1] == ("", "2")
    md = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert rows(md) == [("a", "b"), ("1", "2")]
    assert tokenize(md).layout == "markdown"


def test_wrapped_pipe_row_is_joined() -> None:
    text = "规章 | 0 | 0 |\n信息内容 | 本年新\n制作数量 | 对外公开总数量 |\n行政许可 | 1 | 2 |\n"
    assert rows(text)[1] == ("信息内容", "本年新制作数量", "对外公开总数量")


def test_tab_rows_keep_leading_middle_and_trailing_empties() -> None:
    text = "\t\t2. 其他法律法规禁止公开\t\t0\t0\n规章\t0\t0\t0\n"
    assert rows(text)[0] == ("", "", "2. 其他法律法规禁止公开", "", "0", "0")
    assert tokenize(text).layout == "tab"


def test_newline_layout_joins_wrapped_cells_and_splits_rows_on_blank_lines() -> None:
    text = "标题\n\n\t信息内容\n\t本年新\n制作数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t\u30000\n\n尾声\n"
    ts = tokenize(text)
    assert ts.layout == "newline"
    assert rows(text) == [("信息内容", "本年新制作数量", "对外公开总数量"), ("规章", "0", "0")]
    assert prose(text) == ["标题", "尾声"]


def test_nbsp_and_ideographic_spaces_are_stripped_around_cells() -> None:
    assert rows("规章\t\xa00\t\u30000 \t 0\xa0\n")[0] == ("规章", "0", "0", "0")


def test_page_footers_inside_a_table_are_dropped() -> None:
    text = "规章 | 0 | 0 |\n— 5 —\n- 4 -\n第 3 页 共 9 页\n行政许可 | 1 | 2 |\n"
    assert rows(text) == [("规章", "0", "0"), ("行政许可", "1", "2")]
    assert prose(text) == []


def test_crlf_and_docx_bookmarks() -> None:
    text = "一、总体情况\r\n[bookmark: _GoBack]正文\r\n规章 | 0 |\r\n"
    assert prose(text) == ["一、总体情况", "正文"]
    assert rows(text) == [("规章", "0")]


def test_prose_stays_prose() -> None:
    text = "二、主动公开政府信息情况\n2020年，本局累计主动公开政府信息193条。\n"
    assert tokenize(text).layout is None
    assert prose(text) == ["二、主动公开政府信息情况", "2020年，本局累计主动公开政府信息193条。"]


def test_lines_are_one_based_per_cell() -> None:
    ts = tokenize("x\n\n\t规章\n\t1\n\t2\n")
    (row,) = [i for i in ts.items if isinstance(i, Row)]
    assert [at.line for at in row.locations] == [3, 4, 5]
    assert {at.kind for at in row.locations} == {"text"} and row.marks is None


def test_repairs_are_reported() -> None:
    ts = tokenize(
        "一、总体情况\n[bookmark: _GoBack]正文\n规章 | 0 | 0 |\n— 5 —\n行政许可 | 1 | 2 |\n"
    )
    assert [(d.code, d.severity, d.line) for d in ts.repairs] == [
        ("PAGE_FOOTER_REMOVED", "info", 4),
        ("ARTEFACT_REMOVED", "info", 2),
    ]


# -- layout detection counts lines with regexes; they must agree with the line-by-line rule --

_LINE_CHARS = st.text(alphabet="ab|\t -:　", max_size=8)


def _detect_by_lines(lines: list[str]) -> str | None:
    """The layout rule, one line at a time: the most common kind of table line wins."""
    pipe = sum("|" in ln for ln in lines)
    newline = sum(ln.startswith("\t") and "\t" not in ln[1:] for ln in lines)
    tab = sum("\t" in ln for ln in lines) - newline
    if pipe:
        tab -= sum("|" in ln and "\t" in ln for ln in lines)
    best = max(pipe, tab, newline)
    if best < 3:  # no separators to speak of: cells apart by runs of spaces, ending in a value?
        spaced = 0
        for ln in lines:
            parts = re.split(r"[ \xa0\u3000]{2,}", ln.strip())
            spaced += len(parts) >= 2 and looks_like_value(parts[-1])
        if spaced >= 3:
            return "spaces"
    if best == 0:
        return None
    if best == pipe:
        rule = [ln for ln in lines if "|" in ln and re.fullmatch(r"[ \t|:+]*-[ \t|:+-]*", ln)]
        return "markdown" if rule else "pipe"
    return "tab" if best == tab else "newline"


# Cheap properties (microseconds an example): many examples in every profile.
_MANY = settings(max_examples=500, deadline=None)


@_MANY
@given(st.lists(_LINE_CHARS, max_size=8))
def test_layout_detection_counts_lines_like_the_line_by_line_rule(lines: list[str]) -> None:
    assert detect("\n".join(lines)) == _detect_by_lines(lines)


# Lines and whether each is a page footer, decided by hand: a short line that is nothing
# but a page number ("— 5 —", "- 4 -", "第3页", "第 3 页 共 9 页").
_FOOTER_CASES = {
    "— 5 —": True,
    "第3页": True,
    "- 4 -": True,
    " －12－ ": True,
    "第 3 页 共 9 页": True,
    "第二十条": False,
    "ab第3页": False,
    "x": False,
    "": False,
    "-": False,
    "— 5 —" + " " * 40: False,  # too long to be a footer line
    "- 0 -": False,  # no page 0: a row of values (blank, 0, blank)
    "-     5     -": False,  # cells apart by runs of spaces: a row of values
}
_FOOTERISH = st.sampled_from(sorted(_FOOTER_CASES))


@_MANY
@given(st.lists(_FOOTERISH, max_size=8))
def test_footer_lines_are_the_lines_that_are_page_numbers(lines: list[str]) -> None:
    # the rule, one line at a time: a short line that is nothing but a page number
    expected = {n for n, ln in enumerate(lines, 1) if _FOOTER_CASES[ln]}
    assert footer_lines("\n".join(lines)) == expected


SPACED = """\
洪泽区人民政府2023年政府信息公开工作年度报告
一、本年新收政府信息公开申请数量        21    0    0    0   0   0    21
          （二）部分公开（区分处理的，只计这一情 形，不
          计其他情形）
                                   4    0    0    0   0   0    4
     结果   结果     其他   尚未
   维持 纠正 结果 审结
 1    1      0   0    2   1    0   0   0    1   2   0     1   0   3
"""


def test_cells_apart_by_runs_of_spaces_are_a_layout() -> None:
    ts = tokenize(SPACED)
    assert ts.layout == "spaces"
    rows = [i.cells for i in ts.items if isinstance(i, Row)]
    assert rows[0] == ("一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "21")
    # a label wrapped over two lines takes the values printed on a line of their own
    assert rows[1] == (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "4",
        "0",
        "0",
        "0",
        "0",
        "0",
        "4",
    )
    # header words broken over lines are not rows; 表四's fifteen values stay one row
    assert rows[2] == tuple("110021000120103")
    prose = [i.text for i in ts.items if isinstance(i, Prose)]
    assert "结果  结果  其他  尚未" in prose


def test_prose_with_single_spaces_is_not_the_spaces_layout() -> None:
    text = "2023 年，我局主动公开 12 条。\n共收到申请 3 件。\n办结 3 件，均在期限内答复。\n"
    assert tokenize(text).layout is None


def test_a_table_split_into_markdown_tables_with_generic_headers() -> None:
    """A converter splits 表三 at a page break and gives each part a made-up header row."""
    from conftest import seed_text

    import giaparse
    from giaparse.rendering import render

    report = giaparse.parse(seed_text("003_95eaafa52db6b695.txt"))
    text = render(report, "markdown")
    lines = text.split("\n")
    at = next(i for i, ln in enumerate(lines) if "4.保护第三方合法权益" in ln)
    header = "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 | 数据9 | 数据10 |"
    lines[at:at] = ["", header, "|---|---|---|---|---|---|---|---|---|---|"]
    top = "| Column1 | Column2 | Column3 | Column4 |"
    lines[1:1] = [top, "|---|---|---|---|"]
    again = giaparse.parse("\n".join(lines))
    assert again.applications == report.applications
    assert again.active_disclosure == report.active_disclosure
    codes = [d.code for d in again.diagnostics]
    assert "GENERIC_HEADER_REMOVED" in codes
    assert not {"UNKNOWN_ROW", "EXTRA_ROW", "UNEXPECTED_ROW"} & set(codes)


def test_table_four_printed_as_three_tables_is_one_row() -> None:
    """A converter prints 表四 as three Markdown tables, one per group, each under its own
    header: the three rows of five are the table's one row, in order, with an info."""
    import giaparse

    text = "\n".join(
        [
            "某县教育局2023年政府信息公开工作年度报告",
            "四、政府信息公开行政复议、行政诉讼情况",
            "| 行政复议 |  |  |  |  |",
            "|---|---|---|---|---|",
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
            "| 2 | 1 | 0 | 0 | 3 |",
            "",
            "| 未经复议直接起诉 |  |  |  |  |",
            "|---|---|---|---|---|",
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
            "| 4 | 0 | 1 | 2 | 7 |",
            "",
            "| 复议后起诉 |  |  |  |  |",
            "|---|---|---|---|---|",
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
            "| 0 | 0 | 0 | 1 | 1 |",
            "五、存在的主要问题及改进情况",
            "无。",
        ]
    )
    report = giaparse.parse(text)
    reviews = report.reviews
    assert (reviews.administrative_review.upheld, reviews.administrative_review.total) == (2, 3)
    assert (reviews.litigation_direct.upheld, reviews.litigation_direct.other) == (4, 1)
    assert (reviews.litigation_direct.pending, reviews.litigation_direct.total) == (2, 7)
    assert (reviews.litigation_after_review.pending, reviews.litigation_after_review.total) == (
        1,
        1,
    )
    (joined,) = [d for d in report.diagnostics if d.code == "VALUES_JOINED"]
    assert joined.severity == "info" and "3段" in joined.message
    assert not [d for d in report.diagnostics if d.code == "UNEXPECTED_ROW"]


def test_table_four_in_parts_that_are_not_its_row_reads_the_first() -> None:
    """Two parts of five are not 表四's fifteen: nothing is shifted, the first part is read
    as a short row and the second is a row out of place."""
    import giaparse

    lines = [
        "四、政府信息公开行政复议、行政诉讼情况",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "|---|---|---|---|---|",
        "| 2 | 1 | 0 | 0 | 3 |",
        "",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "|---|---|---|---|---|",
        "| 4 | 0 | 1 | 2 | 7 |",
        "五、存在的主要问题及改进情况",
    ]
    report = giaparse.parse("\n".join(lines))
    assert report.reviews.administrative_review.total == 3
    assert report.reviews.litigation_direct.upheld is None
    codes = [d.code for d in report.diagnostics]
    assert "UNEXPECTED_ROW" in codes and "VALUES_JOINED" not in codes


def test_a_header_repeated_at_a_page_break_reads_each_row_once() -> None:
    """A block heading printed again after 表二's unknown rows: the parser's trials of what
    fits next must not add those rows again (they did, once per trial), and 表三's header
    between 表二's rows is dropped as another table's."""
    import giaparse

    lines = [
        "二、主动公开政府信息情况",
        "| 第二十条第(一)项 |  |  |  |",
        "|---|---|---|---|",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "| 规章 | 1 | 0 | 5 |",
        "",
        "|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |",
        "|---|---|---|---|---|---|---|---|---|---|",
        "| 行政规范性文件 | 2 | 1 | 9 |",
        "| 政策解读 | 3 |",
        "| 图片解读 | 4 |",
        "",
        "| 第二十条第(一)项 |  |  |  |",
        "|---|---|---|---|",
        "| 第二十条第(五)项 |  |",
        "| 信息内容 | 本年处理决定数量 |",
        "| 行政许可 | 12 |",
        "三、收到和处理政府信息公开申请情况",
    ]
    report = giaparse.parse("\n".join(lines))
    active = report.active_disclosure
    assert [(r.label, r.cells) for r in active.extra_rows] == [
        ("政策解读", ("3",)),
        ("图片解读", ("4",)),
    ]
    assert (active.normative_documents.issued, active.normative_documents.in_force) == (2, 9)
    assert active.licensing.decisions == 12
    codes = [d.code for d in report.diagnostics]
    assert codes.count("HEADER_OUT_OF_PLACE") == 1 and "ROW_OUT_OF_ORDER" not in codes


@settings(deadline=None)  # examples as the profile says: 1000 with `thorough`
@given(report=reports(consistent=None), seed=st.integers(0, 999), breaks=st.integers(1, 4))
def test_markdown_tables_split_at_page_breaks_read_back(report, seed: int, breaks: int) -> None:
    """Tables split at page breaks under made-up, repeated, wrong or promoted header rows,
    and 表四 as three tables: every cell comes back."""
    import random

    import giaparse
    from giaparse.rendering import render
    from giaparse.testing import split_markdown

    text = split_markdown(render(report, "markdown"), random.Random(seed), breaks)
    again = giaparse.parse(text)
    for key in ("active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(report, key), key


def test_the_title_repeated_at_the_top_of_pages_is_not_narrative() -> None:
    from conftest import seed_text

    import giaparse
    from giaparse.rendering import render

    report = giaparse.parse(seed_text("003_95eaafa52db6b695.txt"))
    lines = render(report, "tab").split("\n")
    title = lines[0]
    assert "政府信息公开工作年度报告" in title
    at = next(i for i, ln in enumerate(lines) if "（四）无法提供" in ln)
    lines[at:at] = ["— 3 —", "", title.replace("年", " 年", 1)]  # a page break inside 表三
    lines.insert(next(i for i, ln in enumerate(lines) if ln.startswith("五、")) + 2, title)
    again = giaparse.parse("\n".join(lines))
    assert again.applications == report.applications
    assert again.sections == report.sections
    removed = [d for d in again.diagnostics if d.code == "RUNNING_TITLE_REMOVED"]
    assert len(removed) == 1 and "2次" in removed[0].message


@settings(deadline=None)  # examples as the profile says: 1000 with `thorough`
@given(report=reports(consistent=None), seed=st.integers(0, 999))
def test_labels_ocr_misread_with_look_alike_characters_read_back(report, seed: int) -> None:
    """OCR text whose labels have look-alike characters (不子以公开, 中请, 木年, 笫二十条) in
    the spaced layout: every cell comes back, and the look-alikes are one info."""
    import giaparse
    from giaparse.testing import spaced_text

    text = spaced_text(report, seed=seed, lookalikes=0.3)
    again = giaparse.parse(text)
    for key in ("active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(report, key), key
    found = [d for d in again.diagnostics if d.code == "LABEL_LOOKALIKE"]
    assert len(found) == (text != spaced_text(report, seed=seed))
    assert all(d.severity == "info" for d in found)


LABELS_FIRST = Path(__file__).parent / "extraction" / "labels-first-2021.txt"


def labels_first_text(changes: dict[str, str]) -> str:
    """The hand-written labels-first report with each ``old`` text (which must be in it)
    printed as ``new``."""
    text = LABELS_FIRST.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_labels_printed_before_their_values_are_paired_in_order() -> None:
    """Hand-written extractor text: 表二's 规章 / 行政规范性文件 then their two rows of values,
    行政处罚 / 行政强制 then 154 / 3 (one value each), and 表三's （一）（二） and （四）1–3 with
    their group labels among them, each block then its rows of values."""
    import giaparse

    report = giaparse.parse_file(LABELS_FIRST)
    assert (report.layout, report.template, report.year, report.agency) == (
        "spaces",
        "2021",
        2023,
        "某县教育局",
    )
    active = report.active_disclosure
    assert (
        active.regulations.issued,
        active.regulations.repealed,
        active.regulations.in_force,
    ) == (0, 0, 0)
    assert (active.normative_documents.issued, active.normative_documents.in_force) == (5, 30)
    assert active.normative_documents.repealed == 2
    assert (active.licensing.decisions, active.penalties.decisions, active.coercion.decisions) == (
        535,
        154,
        3,
    )
    apps = report.applications
    assert tuple(attrs.astuple(apps.granted)) == (10, 2, 0, 1, 0, 1, 14)
    assert tuple(attrs.astuple(apps.partially_granted)) == (2, 0, 0, 0, 0, 0, 2)
    assert tuple(attrs.astuple(apps.unavailable_not_held)) == (3, 1, 0, 0, 0, 1, 5)
    assert tuple(attrs.astuple(apps.unavailable_needs_creation)) == (0,) * 7
    assert tuple(attrs.astuple(apps.unavailable_unclear)) == (0,) * 7
    assert apps.total_processed.total == 21
    assert report.diagnostics == ()


def test_labels_printed_first_and_wrapped_over_lines_are_still_paired() -> None:
    """三、 / 本年度办理结果 (one group label), （二）部分公开（区分处理的，只计 / 这一情形，不计
    其他情形） and 2.没有现成信息 / 需要另行制作 (a row's label over two lines): each wrapped
    label is one, so the counts still match and every row is read."""
    import giaparse

    want = giaparse.parse_file(LABELS_FIRST)
    text = labels_first_text(
        {
            "三、本年度办理结果\n（一）": "三、\n本年度办理结果\n（一）",
            "（二）部分公开（区分处理的，只计这一情形": "（二）部分公开（区分处理的，只计\n这一情形",
            "2.没有现成信息需要另行制作\n": "2.没有现成信息\n需要另行制作\n",
        }
    )
    report = giaparse.parse(text)
    assert report.applications == want.applications
    assert report.sections == want.sections and report.diagnostics == ()


def test_labels_and_values_on_alternate_lines_with_mixed_widths_notes_and_marks() -> None:
    """By hand: 行政许可 / 535 and 行政事业性收费 / 0 on alternate lines, a row with full-width
    digits among half-width ones, a count with its note beside it, and blanks printed as —
    and 无: every cell as printed, blanks None, the note an info."""
    import giaparse

    text = labels_first_text(
        {
            "行政许可      535": "行政许可\n535",
            "行政事业性收费      0": "行政事业性收费\n0",
            "15      3      0      1      0      2      21": "１５      3      ０      1      0      2      ２１",
            "5      2      30": "5（其中修订2件）      2      30",
            "2.重复申请      0      0": "2.重复申请      —      无",
        }
    )
    report = giaparse.parse(text)
    active, apps = report.active_disclosure, report.applications
    assert (active.licensing.decisions, active.fees.amount.amount) == (535, 0)
    assert attrs.astuple(apps.new_requests) == (15, 3, 0, 1, 0, 2, 21)
    assert attrs.astuple(active.normative_documents) == (5, 2, 30)
    assert attrs.astuple(apps.not_processed_duplicate) == (None, None, 0, 0, 0, 0, 0)
    codes = [d.code for d in report.diagnostics]
    assert "CELL_NOTE" in codes and "BLANK_MARK" in codes
    assert not {"UNKNOWN_ROW", "MISSING_ROW", "CELL_COUNT_MISMATCH"} & set(codes)


def test_labels_and_rows_of_values_that_do_not_pair_are_left_unread() -> None:
    """（四）'s three labels and two rows of values: which row a value is can not be told, so
    none is given one; the rows are missing, never shifted. Two labels and one row of values
    is one label wrapped over lines, as before: an unknown row, not 规章's values."""
    import giaparse

    text = labels_first_text(
        {
            "3      1      0      0      0      1      5\n": "",
            "0      0      0\n5      2      30\n": "5      2      30\n",
        }
    )
    report = giaparse.parse(text)
    apps = report.applications
    for row in ("unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear"):
        assert set(attrs.astuple(getattr(apps, row))) == {None}, row
    assert apps.granted.total == 14 and apps.total_processed.total == 21
    active = report.active_disclosure
    assert attrs.astuple(active.regulations) == (None, None, None)
    assert attrs.astuple(active.normative_documents) == (None, None, None)
    assert active.licensing.decisions == 535
    missing = {k for d in report.diagnostics if d.code == "MISSING_ROW" for k in d.cells}
    assert missing >= {
        "active_disclosure.regulations",
        "active_disclosure.normative_documents",
        "applications.unavailable_not_held",
        "applications.unavailable_unclear",
    }


@settings(deadline=None)  # examples as the profile says: 1000 with `thorough`
@given(report=reports(consistent=None), seed=st.integers(0, 999))
def test_blocks_printed_labels_first_read_back(report, seed: int) -> None:
    """Extractor text in which blocks of two to four rows print their labels (each on a line)
    and then their values: every cell comes back."""
    import giaparse
    from giaparse.testing import spaced_text

    text = spaced_text(report, seed=seed, labels_first=0.4)
    again = giaparse.parse(text)
    for key in ("active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(report, key), key


def test_a_block_with_damaged_rows_keeps_every_row_it_can_read() -> None:
    """表三's （三） block with one row short of a cell, one with a letter O for a 0 and one
    label garbled: the rows that can be read are, each damaged one is named in Chinese in a
    diagnostic, and no value moves to another row or column."""
    import giaparse

    zeros = "      0" * 7
    text = labels_first_text(
        {
            "2.其他法律行政法规禁止公开" + zeros: "2.其他法律行政法规禁止公开" + "      0" * 6,
            "4.保护第三方合法权益" + zeros: "4.保护第三方合法权益      0      O" + "      0" * 5,
            "6.属于四类过程性信息" + zeros: "6.属于四类过■性信息" + zeros,
        }
    )
    report = giaparse.parse(text)
    apps = report.applications
    assert set(attrs.astuple(apps.withheld_prohibited_by_law)) == {None}
    assert attrs.astuple(apps.withheld_third_party) == (0, None, 0, 0, 0, 0, 0)
    assert attrs.astuple(apps.withheld_process_info) == (0,) * 7
    for row in (
        "withheld_state_secret",
        "withheld_security_stability",
        "withheld_internal_affairs",
    ):
        assert attrs.astuple(getattr(apps, row)) == (0,) * 7, row
    assert attrs.astuple(apps.granted) == (10, 2, 0, 1, 0, 1, 14)
    messages = {d.code: d.message for d in report.diagnostics if d.severity == "warning"}
    assert "「2.其他法律行政法规禁止公开」行" in messages["CELL_COUNT_MISMATCH"]
    assert "「4.保护第三方合法权益」行「商业企业」列" in messages["UNPARSEABLE_CELL"]
    assert "「6.属于四类过■性信息」" in messages["LABEL_MISPRINTED"]
    assert set(messages) == {"CELL_COUNT_MISMATCH", "UNPARSEABLE_CELL", "LABEL_MISPRINTED"}


def test_a_merged_label_broken_among_other_rows_is_neither_a_row_nor_narrative() -> None:
    """三、本年度办 beside （一）, 理结果 beside （二）; （四）无法 on a line of its own, 提供
    beside 2.没有现成信息…: each row is read, and no piece of a group label is narrative."""
    import giaparse

    pieces = {
        "三、本年度办理结果\n（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
        "10      2      0      1      0      1      14\n2      0      0      0      0      0      2\n": (
            "三、本年度办      （一）予以公开      10      2      0      1      0      1      14\n"
            "理结果      （二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            "      2      0      0      0      0      0      2\n"
        ),
        "（四）无法提供\n1.本机关不掌握相关政府信息\n2.没有现成信息需要另行制作\n3.补正后申请内容仍不明确\n"
        "3      1      0      0      0      1      5\n0      0      0      0      0      0      0\n"
        "0      0      0      0      0      0      0\n": (
            "（四）无法\n1.本机关不掌握相关政府信息      3      1      0      0      0      1      5\n"
            "提供      2.没有现成信息需要另行制作      0      0      0      0      0      0      0\n"
            "3.补正后申请内容仍不明确      0      0      0      0      0      0      0\n"
        ),
    }
    report = giaparse.parse(labels_first_text(pieces))
    want = giaparse.parse_file(LABELS_FIRST)
    assert report.applications == want.applications
    assert report.sections == want.sections
    assert report.diagnostics == ()


@settings(deadline=None)  # examples as the profile says: 1000 with `thorough`
@given(report=reports(consistent=None), seed=st.integers(0, 999))
def test_merged_labels_broken_over_rows_read_back(report, seed: int) -> None:
    """Extractor text in which merged labels spanning rows are broken, their end beside the
    next row or on a line of its own: every cell comes back, and no piece is narrative (the
    narrative of 表三's section is the report's, as it is without the breaks)."""
    import giaparse
    from giaparse.testing import spaced_text

    text = spaced_text(report, seed=seed, broken_groups=0.7)
    again = giaparse.parse(text)
    for key in ("active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(report, key), key
    unbroken = giaparse.parse(spaced_text(report, seed=seed))
    assert again.sections.applications == unbroken.sections.applications


@settings(deadline=None)  # examples as the profile says: 1000 with `thorough`
@given(report=reports(consistent=None), seed=st.integers(0, 999))
def test_notes_and_placeholder_marks_in_extractor_text_read_back(report, seed: int) -> None:
    """Counts with a note beside them (``16（其中修订2件）``) or on a line of their own under
    their row, and blanks printed as any placeholder mark (-, —, /, 无, ——): every cell comes
    back, a blank as None, and each note is a CELL_NOTE info, never narrative."""
    import giaparse
    from giaparse.testing import spaced_text

    text = spaced_text(report, seed=seed, notes=0.2, marks=True)
    again = giaparse.parse(text)
    for key in ("active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(report, key), key
    narrative = " ".join(filter(None, attrs.astuple(again.sections)))
    assert "其中修订" not in narrative and "含自然失效" not in narrative
    if "（其中" in text or "（含" in text:
        assert "CELL_NOTE" in [d.code for d in again.diagnostics]


@settings(max_examples=40, deadline=None)
@given(report=reports(consistent=None), traditional=st.booleans(), seed=st.integers(0, 99))
def test_spaced_extractor_text_reads_back(report, traditional: bool, seed: int) -> None:
    """pdftotext-like text of any report: blanks as '-', page numbers and the title inside the
    tables, labels maybe in traditional characters. Every cell comes back."""
    import giaparse
    from giaparse.testing import spaced_text

    text = spaced_text(report, traditional=traditional, seed=seed)
    again = giaparse.parse(text)
    assert again.layout == "spaces"
    for key in ("active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(report, key), key
