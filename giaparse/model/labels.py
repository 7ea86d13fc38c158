"""Label data (the .toml beside each grammar) and the normalisation labels are compared in."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import attrs

QUOTES = "\"'“”‘’「」『』〝〞＂"  # dropped when labels are compared
_QUOTES = dict.fromkeys(map(ord, QUOTES), None)
# Traditional forms of the characters the templates' labels print (a report typed or OCR'd in
# traditional characters, or a converter that mixed them in): compared as simplified.
_SIMPLIFIED = str.maketrans(
    "與業舉於會體來倉個內決況減辦務動區發處複審屬廢開強當總執報護掃據擇數無機權條構結織經繼續維糾納組罰規計認議許訟訪訴詢請購費轉過這進採問須項題額實現類係統穩確製滿產對導並應為證圖單長門稅質團儲財",
    "与业举于会体来仓个内决况减办务动区发处复审属废开强当总执报护扫据择数无机权条构结织经继续维纠纳组罚规计认议许讼访诉询请购费转过这进采问须项题额实现类系统稳确制满产对导并应为证图单长门税质团储财",
)
SIMPLIFIED = _SIMPLIFIED
# Characters OCR takes for one another (不予 read 不子, 申请 中请, 本年 木午, 第二十条 笫二十条),
# each group with a character of the templates' labels first. A label that matches no row as
# printed is compared once more with each group folded to its first character (see
# :attr:`LabelTable.folded`); digits and enumerators are never folded.
LOOKALIKES = (
    "予子孑",
    "申中甲由",
    "请清情",
    "理埋",
    "已己巳",
    "未末",
    "人入八",
    "开幵",
    "处外",
    "复夏",
    "议仪",
    "诉诈",
    "讼松",
    "无元",
    "本木",
    "年午",
    "第笫",
    "尚向",
    "他也",
    "持特",
    "办为",
    "审宙",
    "务各",
    "数教",
    "量重",
    "结洁",
    "果呆",
    "件伴",
    "政玫",
)
_FOLD = str.maketrans({c: group[0] for group in LOOKALIKES for c in group[1:]})


def fold_lookalikes(key: str) -> str:
    """A normalised label with each OCR look-alike as its group's first character."""
    return key.translate(_FOLD)


_NUM_ENUM = re.compile(r"^(\d{1,2})[、.．,，]")
_CJK_ENUM = re.compile(r"^([一二三四五六七八九十]{1,3})[.．,，]")
_ENUM = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}\.)"
)
_CJK_NUMERALS = frozenset("一二三四五六七八九十")
_NOTE = re.compile(r"\([^()]*\)$")
_SECTION = re.compile(r"^([一二三四五六七八九十])、")
# The grammars and label files shipped with giaparse (users' templates may include them).
GRAMMARS = Path(__file__).resolve().parent.parent / "grammars"
_HEADING_MAX = 60  # characters: a longer prose line is not a section heading


def normalize(text: str) -> str:
    """NFKC, no whitespace, no quotes, one enumerator style (``1、`` → ``1.``)."""
    return _normalize(text) if len(text) < 200 else _normalize.__wrapped__(text)


@lru_cache(maxsize=16384)
def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(text.split()).translate(_QUOTES).translate(_SIMPLIFIED)
    if text[:1].isdigit():
        return _NUM_ENUM.sub(r"\1.", text, count=1)
    if text[:1] in _CJK_NUMERALS:
        return _CJK_ENUM.sub(r"\1、", text, count=1)
    return text


def loose_forms(key: str) -> list[str]:
    """Weaker spellings of a normalised label: without trailing note, enumerator, or both."""
    forms = []
    no_note = _NOTE.sub("", key)
    if no_note and no_note != key:
        forms.append(no_note)
    no_enum = _ENUM.sub("", key, count=1)
    if no_enum and no_enum != key:
        forms.append(no_enum)
        both = _NOTE.sub("", no_enum)
        if both and both != no_enum:
            forms.append(both)
    return forms


@attrs.frozen
class HeaderWords:
    equals: frozenset[str]
    contains: tuple[str, ...]


@attrs.frozen
class SectionSpec:
    key: str
    numeral: str
    keywords: tuple[str, ...]
    headings: tuple[str, ...]  # as listed in the .toml: the official heading first
    optional: bool = False

    @property
    def title(self) -> str:
        """The heading as the template prints it, e.g. ``一、总体情况``."""
        return f"{self.numeral}、{self.headings[0] if self.headings else self.key}"


@attrs.frozen(slots=False)  # slots off: cached_property needs an instance __dict__
class LabelTable:
    """Everything the lexer needs to turn a row or a prose line into a grammar terminal."""

    rows: Mapping[str, str]  # normalised label -> row key
    loose_rows: Mapping[str, str]  # weaker spelling -> row key (only unambiguous ones)
    row_labels: Mapping[str, tuple[str, ...]]  # row key -> labels as written in the .toml
    blocks: Mapping[str, str]  # normalised block heading -> terminal
    headers: Mapping[str, HeaderWords]  # terminal -> header words
    groups: frozenset[str]
    sections: tuple[SectionSpec, ...]
    signature: tuple[str, ...]
    aggregates: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)  # row -> its parts
    fold: bool = False  # labels compared with OCR look-alikes folded (see ``folded``)

    def section_of(self, text: str) -> str | None:
        """The section key a prose line heads, or None when it is not a section heading."""
        if len(text) > _HEADING_MAX:
            return None
        key = normalize(text).rstrip("。:")
        if self.fold:
            key = fold_lookalikes(key)
        m = _SECTION.match(key)
        if m is None:
            for spec in self.sections:
                if key in spec.headings:
                    return spec.key
            return None
        rest = key[m.end() :]
        for spec in self.sections:
            if spec.numeral == m.group(1) and any(k in rest for k in spec.keywords):
                return spec.key
        return None

    def row_of(self, key: str) -> str | None:
        hit = self.rows.get(key)
        if hit is None:
            for form in [key, *loose_forms(key)]:
                hit = self.loose_rows.get(form)
                if hit is not None:
                    break
        return hit

    def header_of(self, keys: Iterable[str]) -> str | None:
        equals, contains = self._header_index
        for key in keys:
            hit = equals.get(key)
            if hit is not None:
                return hit
            for word, terminal in contains:
                if word in key:
                    return terminal
        return None

    @cached_property
    def group_pieces(self) -> frozenset[str]:
        """The two pieces of each group label broken at any point (``三、本年度办`` and
        ``理结果``): a merged cell spanning rows that an extractor wrapped prints them apart,
        each on a row's line or on its own. Neither is narrative."""
        pieces: set[str] = set()
        for group in self.groups:
            for cut in range(2, len(group) - 1):
                pieces.update((group[:cut], group[cut:]))
        return frozenset(p for p in pieces if _ENUM.fullmatch(p) is None)

    @cached_property
    def paragraph(self) -> int:
        """Prose lines longer than this are paragraphs: no heading or group label is that long.

        Four times the longest block or group label leaves room for spaces and notes, and
        never less than the section-heading bound.
        """
        longest = max((len(k) for k in (*self.blocks, *self.groups)), default=0)
        return max(_HEADING_MAX, 4 * longest)

    @cached_property
    def decisions(self) -> dict[tuple[tuple[str, ...], bool], Any]:
        """The lexer's memo: label cells -> what they make a row (a pure function of this table)."""
        return {}

    @cached_property
    def folded(self) -> LabelTable:
        """This table with OCR look-alikes folded in every label (:data:`LOOKALIKES`): what a
        label that matches nothing as printed is compared with. Labels that fold alike are
        dropped, so a fold never chooses between two rows."""
        return attrs.evolve(
            self,
            rows=_folded_map(self.rows),
            loose_rows=_folded_map(self.loose_rows, taken=self.rows),
            blocks=_folded_map(self.blocks),
            headers={
                name: HeaderWords(
                    frozenset(map(fold_lookalikes, words.equals)),
                    tuple(map(fold_lookalikes, words.contains)),
                )
                for name, words in self.headers.items()
            },
            groups=frozenset(map(fold_lookalikes, self.groups)),
            sections=tuple(
                attrs.evolve(
                    spec,
                    keywords=tuple(map(fold_lookalikes, spec.keywords)),
                    headings=tuple(map(fold_lookalikes, spec.headings)),
                )
                for spec in self.sections
            ),
            fold=True,
        )

    @cached_property
    def _header_index(self) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
        equals = {w: t for t, words in self.headers.items() for w in words.equals}
        contains = tuple((w, t) for t, words in self.headers.items() for w in words.contains)
        return equals, contains


def _folded_map(labels: Mapping[str, str], taken: Iterable[str] = ()) -> dict[str, str]:
    """Labels with look-alikes folded; a folded form two labels share (or one of the
    stronger labels ``taken`` has) is left out."""
    out: dict[str, set[str]] = {}
    for key, value in labels.items():
        out.setdefault(fold_lookalikes(key), set()).add(value)
    strong = {fold_lookalikes(k) for k in taken}
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1 and k not in strong}


def load_labels(path: Path, over: Path | None = None) -> LabelTable:
    """Read a template's label file (and the files it includes) into a :class:`LabelTable`;
    ``over``: a parent template's label file this one is read over."""
    data = _load_merged(path)
    if over is not None:
        base = _load_merged(over)
        _merge(base, data)
        data = base
    rows: dict[str, str] = {}
    row_labels: dict[str, tuple[str, ...]] = {}
    for row_key, labels in data.get("rows", {}).items():
        row_labels[row_key] = tuple(labels)
        for label in labels:
            rows[normalize(label)] = row_key
    loose: dict[str, set[str]] = {}
    for key, row_key in rows.items():
        for form in loose_forms(key):
            loose.setdefault(form, set()).add(row_key)
    headers = {
        name: HeaderWords(
            frozenset(normalize(w) for w in spec.get("equals", [])),
            tuple(normalize(w) for w in spec.get("contains", [])),
        )
        for name, spec in data.get("headers", {}).items()
    }
    header_words = set().union(*(h.equals for h in headers.values())) if headers else set()
    loose_rows = {
        form: next(iter(keys))
        for form, keys in loose.items()
        if len(keys) == 1 and form not in rows and form not in header_words
    }
    blocks = {
        normalize(label): terminal
        for terminal, labels in data.get("blocks", {}).items()
        for label in labels
    }
    sections = tuple(
        SectionSpec(
            key,
            spec["numeral"],
            tuple(normalize(k) for k in spec.get("keywords", [])),
            tuple(normalize(h) for h in spec.get("headings", [])),
            bool(spec.get("optional", False)),
        )
        for key, spec in data.get("sections", {}).items()
    )
    return LabelTable(
        rows=rows,
        loose_rows=loose_rows,
        row_labels=row_labels,
        blocks=blocks,
        headers=headers,
        groups=frozenset(normalize(g) for g in data.get("groups", {}).get("labels", [])),
        sections=sections,
        signature=tuple(normalize(s) for s in data.get("signature", [])),
        aggregates={k: tuple(v) for k, v in data.get("aggregates", {}).items()},
    )


def _load_merged(path: Path) -> dict[str, Any]:
    """A label file merged over the files it ``include``s (tables merge; lists add up)."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    merged: dict[str, Any] = {}
    for name in data.pop("include", []):
        # "giaparse:common.toml" names a file shipped with giaparse, for users' templates
        shipped = name.startswith("giaparse:")
        included = GRAMMARS / name.removeprefix("giaparse:") if shipped else path.parent / name
        _merge(merged, _load_merged(included))
    _merge(merged, data)
    return merged


def _merge(into: dict[str, Any], other: Mapping[str, Any]) -> None:
    for key, value in other.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + value
        else:
            into[key] = dict(value) if isinstance(value, Mapping) else value
