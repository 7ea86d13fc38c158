"""Hostile input: nothing but ParseError ever escapes parse(), whatever the text."""

from __future__ import annotations

import random

import pytest
from conftest import SEED_NAMES, seed_text
from hypothesis import example, given
from hypothesis import strategies as st

import giaparse
from giaparse.core.errors import ParseError

SEEDS = [seed_text(n) for n in SEED_NAMES]
CELL_NOISE = st.sampled_from(
    [
        "",
        " ",
        "\xa0",
        "\u3000",
        "0",
        "-1",
        "+7",
        "12.5万元",
        "约10",
        "—",
        "|",
        "\t",
        "（一）予以公开",
        "第二十条第（一）项",
        "一、总体情况",
        "五、存在的主要问题及改进情况",
        "总计",
        "\x00",
        "９９",
    ]
)


def parse_or_refuse(text: str) -> giaparse.Report | None:
    try:
        report = giaparse.parse(text)
    except ParseError as err:
        assert str(err) and err.expected and err.found
        return None
    report.to_dict()  # the result is always serialisable
    return report


@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    parse_or_refuse(text)


@given(
    st.lists(st.one_of(CELL_NOISE, st.text(max_size=12)), max_size=300), st.sampled_from("|\t\n")
)
def test_random_cells(cells: list[str], sep: str) -> None:
    parse_or_refuse(sep.join(cells))


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "garbage", "cell", "cut"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "garbage":
            lines.insert(i, draw(st.text(max_size=40)))
        elif op == "cell":
            parts = lines[i].split("|") if "|" in lines[i] else lines[i].split("\t")
            k = draw(st.integers(0, len(parts) - 1))
            parts[k] = draw(CELL_NOISE)
            random.Random(draw(st.integers(0, 2**16))).shuffle(parts)
            lines[i] = ("|" if "|" in lines[i] else "\t").join(parts)
        elif op == "cut":
            text = "\n".join(lines)
            return text[: draw(st.integers(0, len(text)))]
    return "\n".join(lines)


@given(mutated_seed())
@example("\n".join(seed_text(SEED_NAMES[0]).split("\n")[:30]))
def test_mutated_seeds(text: str) -> None:
    parse_or_refuse(text)


def test_nul_bytes_end_in_a_clear_answer() -> None:
    with pytest.raises(ParseError, match="二进制数据"):
        giaparse.parse("\x00" * 300 + "一、总体情况")
    report = giaparse.parse(seed_text(SEED_NAMES[1]).replace("一、总体情况", "一、总体\x00情况"))
    assert report.sections.overview is not None  # a stray NUL is dropped, not fatal


@pytest.mark.parametrize(
    "text",
    [
        "9" * 200_000,
        "|" * 300_000,
        seed_text(SEED_NAMES[0]) + "\n" + "|" * 300_000 + "\n",
        seed_text(SEED_NAMES[0]).replace("| 32 |", "| " + "9" * 200_000 + " |"),
        "规章\t" + "\t" * 300_000 + "0",
        "（" * 100_000 + "一、总体情况" + "）" * 100_000,
    ],
    ids=["digits", "pipes", "seed+pipes", "seed+digits-cell", "tabs", "brackets"],
)
def test_huge_lines_end_in_a_clear_answer(text: str) -> None:
    parse_or_refuse(text)  # an answer, not a hang; benchmarks/hostile.py measures the cost


def test_huge_digit_cell_is_unparseable_not_a_crash() -> None:
    text = seed_text(SEED_NAMES[0]).replace("| 32 |", "| " + "9" * 200_000 + " |")
    report = giaparse.parse(text)
    (diag,) = [d for d in report.diagnostics if d.code == "UNPARSEABLE_CELL"]
    assert diag.cells == ("active_disclosure.procurement.items",)
    assert report.active_disclosure.procurement.items is None


def test_ten_megabytes() -> None:
    text = seed_text(SEED_NAMES[0]) * (10_000_000 // len(seed_text(SEED_NAMES[0])))
    report = giaparse.parse(text)
    assert report.diagnostics[0].code == "REPEATED_CONTENT"
