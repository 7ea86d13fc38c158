"""The Word grid and text rules on OOXML written by hand as Word writes it."""

from __future__ import annotations

import pytest

pytest.importorskip("lxml")

from lxml import etree

from giaparse.sources.docx import grid, paragraph_lines

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _el(xml: str) -> etree._Element:
    return etree.fromstring(
        xml.replace("<w:tbl>", f"<w:tbl {NS}>").replace("<w:p>", f"<w:p {NS}>", 1)
    )


def test_runs_insertions_fields_join_and_deleted_text_and_text_boxes_do_not() -> None:
    p = _el(
        "<w:p><w:r><w:t>申请人情</w:t></w:r><w:proofErr/><w:ins><w:r><w:t>况</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>删掉</w:delText></w:r></w:del>"
        "<w:fldSimple><w:r><w:t>（一）</w:t></w:r></w:fldSimple>"
        "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"
        "</w:drawing></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>"
    )
    assert paragraph_lines(p) == ["申请人情况（一）", "第二行"]


def test_grid_before_span_and_vertical_merges() -> None:
    table = _el(
        "<w:tbl>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr>"
        "<w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        "<w:tc><w:p><w:r><w:t>（三）不予公开</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>1.属于国家秘密</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p/></w:tc></w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>"
        "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl>"
    )
    rows = grid(table)
    assert [[(s.text, s.mark) for s in row] for row in rows] == [
        [("三、本年度办理结果", "own"), ("（一）予以公开", "own"), ("", "colspan"), ("5", "own")],
        [("", "rowspan"), ("（三）不予公开", "own"), ("1.属于国家秘密", "own"), ("", "own")],
        [("", "absent"), ("x", "own"), ("", "absent"), ("", "absent")],
    ]
    assert rows[0][0].span == (2, 1) and rows[0][1].span == (1, 2)
