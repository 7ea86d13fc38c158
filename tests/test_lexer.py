"""Lexer: one terminal per row; its memo of label decisions never changes a result."""

from __future__ import annotations

from conftest import SEED_NAMES, seed_text
from layouts import LAYOUTS, rewrite

import giaparse
from giaparse.core.location import at_line
from giaparse.model.template import TABLES, get_template
from giaparse.parsing.lexer import _MAX_DECISIONS, classify, lex
from giaparse.parsing.parser import compile_grammar
from giaparse.tokens import Prose, Row, tokenize

L = at_line(1)


def _texts() -> list[str]:
    return [rewrite(seed_text(name), layout) for name in SEED_NAMES for layout in LAYOUTS]


def _clear_memos() -> None:
    for name in ("2019", "2021"):
        get_template(name).label_table.decisions.clear()


def test_memo_does_not_change_any_report() -> None:
    texts = _texts()
    _clear_memos()
    forward = [giaparse.parse(t).to_dict() for t in texts]
    _clear_memos()  # each report now meets a memo filled by different reports
    backward = [giaparse.parse(t).to_dict() for t in reversed(texts)][::-1]
    assert forward == backward
    assert len(get_template("2021").label_table.decisions) > 20


def test_memo_stays_bounded() -> None:
    tpl = get_template("2021")
    labels, terminals = tpl.label_table, compile_grammar(tpl.name, tpl.grammar, TABLES).terminals
    for i in range(_MAX_DECISIONS + 50):
        classify(Row((f"自拟行{i}", "1", "2"), (L,) * 3), labels, terminals)
    assert 0 < len(labels.decisions) <= _MAX_DECISIONS + 1
    tok = classify(Row(("规章", "1", "2", "3"), (L,) * 4), labels, terminals)
    assert tok is not None and tok.type.endswith("REGULATIONS")
    assert tok.value.values == ("1", "2", "3")


def test_group_label_alone_is_no_row_but_with_values_it_is_an_extra_row() -> None:
    tpl = get_template("2021")
    labels, terminals = tpl.label_table, compile_grammar(tpl.name, tpl.grammar, TABLES).terminals
    group = next(iter(sorted(labels.groups)))
    assert classify(Row((group, "", ""), (L,) * 3), labels, terminals) is None
    tok = classify(Row((group, "5"), (L,) * 2), labels, terminals)
    assert tok is not None and tok.type.endswith("EXTRA_ROW")


def test_a_long_line_that_starts_like_a_block_heading_is_prose() -> None:
    tpl = get_template("2021")
    labels, terminals = tpl.label_table, compile_grammar(tpl.name, tpl.grammar, TABLES).terminals
    short = "第二十条第（一）项"
    long = short + "规定的信息，本机关均已按时在门户网站公开，" * 4
    assert len(long) > labels.paragraph
    lexed = lex(tokenize(f"{short}\n{long}\n").items, labels, terminals)
    assert [t.type.rsplit("__", 1)[-1] for t in lexed.tokens] == ["ART20_1"]
    assert [p.text for p in lexed.prose["preamble"]] == [long]
    assert isinstance(lexed.prose["preamble"][0], Prose)
