"""Labels: normalisation and the printed variants that live beside the grammars."""

from __future__ import annotations

import pytest

from giaparse import get_template
from giaparse.model.labels import normalize


def test_normalize_folds_width_spaces_quotes_and_enumerators() -> None:
    assert normalize("（一） 予以公开") == "(一)予以公开"
    assert normalize("1. 属于国家秘密") == normalize("1．属于国家秘密") == "1.属于国家秘密"
    assert normalize("1、属于国家秘密") == "1.属于国家秘密"
    assert normalize("3.危及“三安全一稳定”") == normalize('3.危及"三安全一稳定"')
    assert normalize("商业 企业") == normalize("商业\u3000企业") == "商业企业"


@pytest.mark.parametrize(
    ("template", "label", "row"),
    [
        ("2019", "规范性文件", "normative_documents"),
        ("2021", "规范性文件", "normative_documents"),
        ("2021", "行政规范性文件", "normative_documents"),
        ("2019", "2.其他法律法规禁止公开", "withheld_prohibited_by_law"),
        ("2019", "2. 其他法律行政法规禁止公开", "withheld_prohibited_by_law"),
        ("2019", "(二)部分公开", "partially_granted"),
        ("2021", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted"),
        ("2019", "(六) 其他", "other_handling"),
        ("2019", "（六）其他处理", "other_handling"),
        ("2021", "3. 其他", "other_other"),
        ("2019", "属于国家秘密", "withheld_state_secret"),
        ("2019", "（七）总计", "total_processed"),
    ],
)
def test_row_label_variants(template: str, label: str, row: str) -> None:
    labels = get_template(template).label_table
    assert labels.row_of(normalize(label)) == row


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("一、总体情况", "overview"),
        ("一、\xa0总体情况", "overview"),
        ("二、行政机关主动公开政府信息情况", "active_disclosure"),
        ("二、主动公开政府信息情况", "active_disclosure"),
        ("三、收到和处理政府信息公开申请情况", "applications"),
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "reviews"),
        ("四、政府信息公开行政复议、行政诉讼情况", "reviews"),
        ("五、政府信息公开工作存在的主要问题及改进情况", "problems"),
        ("五、存在的主要问题及整改措施", "problems"),
        ("五、政府信息公开工作存在的问题及改进情况", "problems"),
        ("六、其他需要报告的事项", "other_matters"),
        ("总体情况", "overview"),
    ],
)
def test_section_heading_variants(heading: str, section: str) -> None:
    assert get_template("2021").label_table.section_of(heading) == section


@pytest.mark.parametrize(
    "text",
    [
        "三、本年度办理结果",
        "（一）主动公开情况",
        "二、上年结转政府信息公开申请数量",
        "今年我局主动公开信息",
    ],
)
def test_non_headings(text: str) -> None:
    assert get_template("2019").label_table.section_of(text) is None


def test_labels_in_traditional_characters_are_the_same_rows() -> None:
    from conftest import seed_text

    import giaparse

    text = seed_text("003_95eaafa52db6b695.txt")
    traditional = str.maketrans(
        "许开决处区复总结转继续办数项规计诉议务审", "許開決處區複總結轉繼續辦數項規計訴議務審"
    )
    lines = text.split("\n")
    # only the table rows: the narrative keeps its own characters
    converted = [ln.translate(traditional) if "\t" in ln else ln for ln in lines]
    assert converted != lines
    again = giaparse.parse("\n".join(converted))
    want = giaparse.parse(text)
    for key in ("template", "active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(want, key), key
    assert [d.code for d in again.diagnostics] == [d.code for d in want.diagnostics]


def test_labels_ocr_misread_with_look_alike_characters_are_the_same_rows() -> None:
    """不子以公开, 中请, 木年, 自然八 (header words), 笫二十条: a label that matches nothing as
    printed matches its row with OCR look-alikes folded, and the report says so once."""
    from conftest import seed_text

    import giaparse

    text = seed_text("003_95eaafa52db6b695.txt")
    misread = str.maketrans("予申本年人第理", "子中木午八笫埋")
    lines = text.split("\n")
    converted = [ln.translate(misread) if "\t" in ln else ln for ln in lines]
    assert converted != lines
    again = giaparse.parse("\n".join(converted))
    want = giaparse.parse(text)
    for key in ("template", "year", "agency", "active_disclosure", "applications", "reviews"):
        assert getattr(again, key) == getattr(want, key), key
    (found,) = [d for d in again.diagnostics if d.code == "LABEL_LOOKALIKE"]
    assert found.severity == "info" and "形近字" in found.message
    others = [d.code for d in again.diagnostics if d.code != "LABEL_LOOKALIKE"]
    assert others == [d.code for d in want.diagnostics]


def test_look_alike_folding_never_makes_two_rows_one() -> None:
    """Every row label of both templates folds to a form only its own row has, so a fold
    never chooses between rows (a label whose fold another row shares is not folded)."""
    from giaparse.model.labels import fold_lookalikes

    for name in ("2019", "2021"):
        table = get_template(name).label_table
        folded = table.folded
        for key, row in table.rows.items():
            assert folded.rows.get(fold_lookalikes(key)) == row, key


def test_look_alikes_fold_a_label_into_a_row_only_when_the_row_matches() -> None:
    """Look-alikes are tried only when the printed label matches no row: 予以公开 printed
    right is never re-read, and an unrelated label stays unknown."""
    from giaparse.model.labels import fold_lookalikes

    table = get_template("2021").label_table
    assert table.row_of(normalize("（一）予以公开")) == "granted"
    assert table.folded.row_of(fold_lookalikes(normalize("（一）子以公开"))) == "granted"
    assert table.folded.row_of(fold_lookalikes(normalize("（一）子以公告"))) is None
