"""Cut crawler text into rows, with the templates' own labels as the anchors.

A crawler that keeps only a page's text loses the cell boundaries: rows run together on a few
long lines (``行政许可3125317行政处罚000``), or come one cell per line with nothing between
rows. The labels the templates print (row labels, section and block headings, header words)
are the fixed points; what lies between two of them is either a row's values or prose.

Values are not split here: each run (glued layout) or line (lines layout) stays one cell,
marked :data:`~giaparse.core.items.RUN` or :data:`~giaparse.core.items.PIECE`, and the checks
cut or join them by the tables' arithmetic. Labels are matched in a squeezed copy of the text
(NFKC, no whitespace, no quotes, simplified), so stray spaces (``商业 企业``) and labels broken
over lines (``自`` / ``然人``) still anchor.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache

import attrs

from giaparse.core.items import OWN, PIECE, RUN, Item, Mark, Prose, Row
from giaparse.core.location import NOWHERE, Location
from giaparse.model.labels import QUOTES, SIMPLIFIED, LabelTable
from giaparse.tokens.layouts import CRAWLER_LAYOUTS, GLUED, LINES

ROW, GROUP, HEADER, SECTION, BLOCK = "row", "group", "header", "section", "block"
__all__ = ["CRAWLER_LAYOUTS", "Anchors", "anchors_for", "regrid", "squeeze"]

# One value as crawler text prints it: a count, a signed change, an amount with its unit (or
# its decimals, broken onto a line of their own: 0 / .79), or a blank mark. "无" is not one:
# it starts too many words of prose.
# Possessive digits and an atomic unit: a run of digits is never re-split between tokens
# when a match fails (that backtracking is exponential in the run's length).
_VALUE = r"[+\-−－]?[0-9０-９]++(?:[.．][0-9０-９]++)?(?:万元|元)?|[.．][0-9０-９]++(?:万元|元)?|——|—|－|-|/"
_SPACE = r"[ \t\xa0\u3000\n]"
_VALUES = re.compile(rf"(?>{_SPACE}*+(?:{_VALUE}))++")
# starting only where no value character precedes, so a search is linear in the region
_TRAILING_VALUES = re.compile(rf"(?<![0-9０-９.．+\-−－/—])(?>{_SPACE}*+(?:{_VALUE}))++{_SPACE}*+$")
# A number followed by one of these is a count in a sentence (行政处罚5件), not a cell.
_MEASURE = frozenset("年月日号件个条项次人篇份万元余名家起天期批%％")
# After a row's values, a short label and values up to the next anchor: a row the template
# does not have, e.g. 其他主动公开文件161616.
_EXTRA_ROW = re.compile(rf"{_SPACE}*([^\s\d.,，。；;:：、]{{2,24}}?)({_VALUES.pattern})")
# A header word inside a parenthetical note (勾稽关系 in （本列数据的勾稽关系为：…）): the note
# is one header cell.
_PAREN_BEFORE = re.compile(r"[（(][^（()）\n]{0,20}$")
_PAREN_AFTER = re.compile(r"[^（()）\n]{0,40}[)）]")
_PIECE = re.compile(r"\S+")  # a run, or a line's value: what lies between spaces
_HEADER_TAIL = 14  # characters of unanchored text a header cell may carry (总计, （单位：万元）)
_SENTENCE_END = frozenset("。；！？;!?")
_SHORT_PROSE = 3  # a lines-layout prose line this short is a word broken over lines (201 / 9)
_LOOSE_MIN = 4  # a label without its enumerator anchors only when this long (not 其他, 总计)
# Characters whose squeezed form differs from themselves: whitespace, quotes, compatibility
# forms (full-width, enclosed, Roman numerals). Everything else is copied as it is.
_SPECIAL = re.compile(
    r"[\s\"'“”‘’「」『』〝〞＂\u2150-\u24ff\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
_TRADITIONAL = re.compile("[" + "".join(re.escape(chr(c)) for c in SIMPLIFIED) + "]")
_ENUM_COMMA = re.compile(r"(?<=\d)[、，,](?=\D)")  # 1、属于国家秘密 → 1.属于国家秘密


@attrs.frozen
class Anchors:
    """Every label of some templates, as one pattern over squeezed text, and what each is."""

    pattern: re.Pattern[str]
    kinds: dict[str, str]
    rows: frozenset[str]  # anchors that may carry values (row labels; 2019's （六）其他处理)

    @classmethod
    def of(cls, tables: Iterable[LabelTable]) -> Anchors:
        kinds: dict[str, str] = {}
        rows: set[str] = set()

        def add(text: str, kind: str) -> None:
            if text and kinds.get(text, kind) in (kind, HEADER):  # a row over a header word
                kinds[text] = kind

        for table in tables:
            for spec in table.sections:
                for heading in spec.headings:
                    add(f"{spec.numeral}、{heading}", SECTION)
            for text in table.blocks:
                add(text, BLOCK)
            for words in table.headers.values():
                for word in (*words.equals, *words.contains):
                    add(word, HEADER)
            for text in table.groups:
                add(text, GROUP)
            for text in table.rows:
                rows.add(text)
                if kinds.get(text) != GROUP:
                    add(text, ROW)
            for text in table.loose_rows:
                if len(text) >= _LOOSE_MIN and text not in kinds:
                    rows.add(text)
                    add(text, ROW)
        ordered = sorted(kinds, key=len, reverse=True)  # the longest label at a place wins
        pattern = re.compile("|".join(map(re.escape, ordered)))
        return cls(pattern, kinds, frozenset(rows))


def squeeze(text: str) -> tuple[str, list[int]]:
    """The text as labels are compared, and each of its characters' offset in ``text``."""
    table = _squeezing()
    specials: list[tuple[int, str]] = []

    def fold(m: re.Match[str]) -> str:
        folded = table[ord(m.group())]
        specials.append((m.start(), folded))
        return folded

    squeezed = _SPECIAL.sub(fold, text)
    if _TRADITIONAL.search(squeezed):  # rare: str.translate costs a lookup per character
        squeezed = squeezed.translate(SIMPLIFIED)
    return _ENUM_COMMA.sub(".", squeezed), _origin(specials, len(text))


def _origin(specials: list[tuple[int, str]], size: int) -> list[int]:
    """Per squeezed character, its offset in the text of ``size`` characters: the text is
    copied but for its special characters, each squeezed to its fold (whose pieces all map to
    the character)."""
    origin: list[int] = []
    pos = 0
    for i, fold in specials:
        origin.extend(range(pos, i))
        if fold:
            origin.extend([i] * len(fold))
        pos = i + 1
    origin.extend(range(pos, size))
    return origin


@cache
def _squeezing() -> dict[int, str]:
    """Each special character's fold: its NFKC form without whitespace or quotes. (Every
    whitespace character and quote is below U+3040, so the ranges hold all that ``_SPECIAL``
    matches.)"""
    ranges = (
        range(0x3040),
        range(0x3200, 0x3400),
        range(0xF900, 0xFB00),
        range(0xFE30, 0xFE50),
        range(0xFF00, 0xFFF0),
    )
    table: dict[int, str] = {}
    for r in ranges:
        for code in r:
            char = chr(code)
            if _SPECIAL.match(char):
                table[code] = "".join(
                    c
                    for c in unicodedata.normalize("NFKC", char)
                    if not c.isspace() and c not in QUOTES
                )
    return table


@attrs.define
class _Cutter:
    """Walks the anchors of one text and emits rows and prose in reading order."""

    text: str
    line_starts: list[int]
    places: Sequence[Location]
    layout: str
    out: list[Item] = attrs.field(factory=list)
    header: list[tuple[str, int]] = attrs.field(factory=list)  # cells and their offsets
    group: list[tuple[str, int]] = attrs.field(factory=list)
    prose_end: int = -1  # where the last prose emitted ended
    last_line: str = ""  # the last line of prose emitted, as printed

    def where(self, offset: int) -> Location:
        return self.places[bisect_right(self.line_starts, offset) - 1]

    def prose(self, start: int, end: int) -> None:
        self.flush()
        self.group.clear()
        offset = start
        for n, line in enumerate(self.text[start:end].split("\n")):
            stripped = line.strip()
            if stripped:
                at = self.where(offset + len(line) - len(line.lstrip()))
                last = self.out[-1] if self.out else None
                if isinstance(last, Prose) and (
                    # the rest of a sentence a label in it had cut (本年新制作规范性文件14件)
                    (n == 0 and start == self.prose_end)
                    # a word a crawler broke over lines (201 / 9 / 年)
                    or (
                        self.layout == LINES
                        and len(self.last_line) <= _SHORT_PROSE
                        and self.last_line[-1] not in _SENTENCE_END
                    )
                ):
                    self.out[-1] = Prose(last.text + line.rstrip(), last.at)
                else:
                    self.out.append(Prose(stripped, at))
                self.last_line = stripped
            offset += len(line) + 1
        self.prose_end = end

    def flush(self) -> None:
        """The header words gathered so far, as one header row."""
        if self.header:
            cells = tuple(c for c, _ in self.header)
            self.out.append(Row(cells, tuple(self.where(o) for _, o in self.header)))
            self.header.clear()

    def values(self, labels: list[tuple[str, int]], start: int, end: int) -> None:
        """A row: its label cells, then each run (glued) or line (lines) as one cell; a space
        is a cut in either."""
        pieces = [(m.group(), m.start()) for m in _PIECE.finditer(self.text, start, end)]
        mark: Mark = RUN if self.layout == GLUED else PIECE
        cells = tuple(c for c, _ in labels) + tuple(p for p, _ in pieces)
        self.out.append(
            Row(
                cells,
                tuple(self.where(o) for _, o in (*labels, *pieces)),
                (OWN,) * len(labels) + (mark,) * len(pieces),
            )
        )


def regrid(items: Sequence[Item], anchors: Anchors, layout: str) -> list[Item]:
    """Rows and prose from the lines of crawler text (rows already read pass through)."""
    lines = [item for item in items if isinstance(item, Prose)]
    if len(lines) != len(items):
        return list(items)  # a reader found a grid: nothing to cut
    text = "\n".join(p.text for p in lines)
    line_starts: list[int] = []
    offset = 0
    for p in lines:
        line_starts.append(offset)
        offset += len(p.text) + 1
    squeezed, origin = squeeze(text)
    cut = _Cutter(text, line_starts, [p.at for p in lines] or [NOWHERE], layout)
    found = [
        (
            origin[m.start()],
            _past_quotes(text, origin[m.end() - 1] + 1),
            anchors.kinds[m.group()],
            m.group(),
        )
        for m in anchors.pattern.finditer(squeezed)
    ]
    done = 0  # text before this offset is emitted
    for n, (start, end, kind, key) in enumerate(found):
        if start < done:
            continue
        stop = found[n + 1][0] if n + 1 < len(found) else len(text)
        label = "".join(text[start:end].split())
        region = text[end:stop]
        if kind == HEADER:
            opened = _PAREN_BEFORE.search(text, done, start)
            closed = _PAREN_AFTER.match(region)
            if opened is not None and closed is not None:  # （本列数据的勾稽关系为：…）
                if opened.start() > done:
                    cut.prose(done, opened.start())
                note = text[opened.start() : end + closed.end()]
                cut.header.append(("".join(note.split()), opened.start()))
                done = end + closed.end()
                continue
        if start > done:
            cut.prose(done, start)
        if kind in (SECTION, BLOCK):
            cut.flush()
            cut.group.clear()
            cut.out.append(Prose(label, cut.where(start)))
            done = end
            continue
        if kind == HEADER:
            done = _header(cut, label, start, end, region)
            continue
        if kind == GROUP and not region.strip():
            cut.flush()
            cut.group.append((label, start))
            done = end
            continue
        prefix = _value_prefix(region)
        if key in anchors.rows and (prefix or not region.strip()):
            cut.flush()
            cut.values([*cut.group, (label, start)], end, end + prefix)
            cut.group.clear()
            done = end + prefix
            at = prefix
            while at and (extra := _EXTRA_ROW.match(region, at)) is not None:
                # rows the template lacks (其他主动公开文件161616): kept as rows, unknown
                values = _value_prefix(region[extra.start(2) :])
                if not values:
                    break
                cut.values(
                    [(extra.group(1), end + extra.start(1))],
                    end + extra.start(2),
                    end + extra.start(2) + values,
                )
                at = extra.start(2) + values
                done = end + at
            continue
        cut.prose(start, stop)  # a label in a sentence: prose
        done = stop
    if done < len(text):
        cut.prose(done, len(text))
    cut.flush()
    return cut.out


def _past_quotes(text: str, end: int) -> int:
    """A label's end after its closing quotes (危及“三安全一稳定”), which squeezing dropped."""
    while end < len(text) and text[end] in QUOTES:
        end += 1
    return end


def _value_prefix(region: str) -> int:
    """How much of ``region`` is a row's values (0: none), by the rules in the module doc:
    the values must not run on into a measure word (行政处罚5件 is a sentence)."""
    m = _VALUES.match(region)
    if m is None:
        return 0
    rest = region[m.end() :].lstrip()
    if rest and (rest[0] in _MEASURE or rest[0].isdigit()):
        return 0
    return m.end()


def _header(cut: _Cutter, label: str, start: int, end: int, region: str) -> int:
    """A header word: a cell of the header row, with the short text after it (总计,
    （单位：万元）); values after that are a row with no label (表四's 15 cells)."""
    tail = _TRAILING_VALUES.search(region)
    text_end = tail.start() if tail is not None else len(region)
    words = region[:text_end].strip()
    if len(words) > _HEADER_TAIL or any(c in _SENTENCE_END for c in words):
        if cut.header:  # a header word in a sentence: the header row ended before it
            cut.flush()
        cut.prose(start, end + len(region))
        return end + len(region)
    cut.group.clear()
    if words[:1] in "(（":
        cut.header.append((label + "".join(words.split()), start))
    else:
        cut.header.append((label, start))
        if words:
            cut.header.append(("".join(words.split()), end + region.index(words[0])))
    if tail is not None and tail.group().strip():
        cut.flush()
        cut.values([], end + tail.start(), end + len(region))
    return end + len(region)


_BUILT: dict[tuple[int, ...], tuple[tuple[LabelTable, ...], Anchors]] = {}


def anchors_for(tables: Sequence[LabelTable]) -> Anchors:
    """The anchors of these label tables, built once per process (tables are kept alive
    beside them, so their ids stay theirs)."""
    key = tuple(id(t) for t in tables)
    hit = _BUILT.get(key)
    if hit is None:
        hit = _BUILT[key] = (tuple(tables), Anchors.of(tables))
    return hit[1]
