"""Each seed, rewritten into every layout, parses to the same values."""

from __future__ import annotations

import pytest
from conftest import SEED_NAMES, seed_text
from layouts import LAYOUTS, rewrite

import giaparse


def _values(report: giaparse.Report) -> dict:
    d = report.to_dict()
    return {
        k: d[k]
        for k in ("template", "year", "agency", "active_disclosure", "applications", "reviews")
    }


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_seed_in_every_layout(name: str, layout: str) -> None:
    original = giaparse.parse(seed_text(name))
    text = rewrite(seed_text(name), layout)
    again = giaparse.parse(text)
    assert again.layout == layout
    assert _values(again) == _values(original)
    # the rewrite starts from tokenized text, so the tokenizer's own repairs are not repeated
    repairs = {"ARTEFACT_REMOVED", "PAGE_FOOTER_REMOVED"}
    assert [d.code for d in again.diagnostics] == [
        d.code for d in original.diagnostics if d.code not in repairs
    ]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_crlf_line_ends_change_nothing(name: str) -> None:
    text = seed_text(name)
    assert _values(giaparse.parse(text.replace("\n", "\r\n"))) == _values(giaparse.parse(text))
