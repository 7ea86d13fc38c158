"""The template-aware lexer: one grammar terminal per table row or section heading.

It knows labels (from the template's .toml), not order: order is the grammar's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from lark import Token
from lark.lexer import Lexer

from giaparse.core.items import UNSPLIT, Item, Mark, Prose, Row
from giaparse.core.location import NOWHERE, Location
from giaparse.core.values import NOTE, looks_like_value, noted_value
from giaparse.model.labels import LabelTable, fold_lookalikes, normalize

EXTRA_ROW, VALUES = "EXTRA_ROW", "VALUES"
# A note to a cell, in parentheses, as reports print beside a number: （其中修订16件）, (含自然失效29件)


def base(name: str) -> str:
    """A terminal or rule without the namespace Lark gives imports (``gia2019__common__X``)."""
    return name.rsplit("__", 1)[-1] if not name.startswith("__") else name


_ARTICLE = re.compile(r"^第二十条第\(?([一二三四五六七八九十]{1,3})\)?项")
_CJK_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@attrs.frozen(slots=True)
class RowToken:
    """The value of a row terminal: the row, its own label, and the cells after that label."""

    row: Row
    label: str
    values: tuple[str, ...]
    value_locations: tuple[Location, ...]
    value_marks: tuple[Mark, ...] | None = None  # None: the source could not tell

    @property
    def at(self) -> Location:
        return self.row.at

    def __str__(self) -> str:
        return self.label


@attrs.frozen(slots=True)
class Lexed:
    """The lexer's output: terminals for the parser, and prose grouped by section."""

    tokens: list[Token]
    prose: Mapping[str, list[Prose]]  # section key ("preamble" before any heading) -> lines
    headings: int = 0  # section headings
    rows: int = 0  # rows of the template's tables (not headers, unknown rows or bare values)
    notes: tuple[Prose, ...] = ()  # a cell's note printed on a line of its own, in a table
    lookalikes: tuple[tuple[str, Location], ...] = ()  # labels read with OCR look-alikes folded


class StreamLexer(Lexer):
    """Lark needs a lexer class for a %declare-only grammar; tokens are fed to the parser."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, data: Iterable[Token]) -> Iterable[Token]:  # type: ignore[override]
        yield from data


def at(tok: Token) -> Location:
    """Where a terminal stood in the source (a heading inserted by the parser stood nowhere)."""
    value = tok.value
    return value.at if isinstance(value, RowToken | Prose) else NOWHERE


def lex(items: Iterable[Item], labels: LabelTable, terminals: Mapping[str, str]) -> Lexed:
    """Classify every item. ``terminals`` maps base terminal names to the grammar's names."""
    tokens: list[Token] = []
    prose: dict[str, list[Prose]] = {"preamble": []}
    section = "preamble"
    paragraph = labels.paragraph
    headings = rows = 0
    notes: list[Prose] = []
    lookalikes: list[tuple[str, Location]] = []
    events: list[tuple[str, Any]] = []  # what each item was, to pair labels printed first
    for item in items:
        if isinstance(item, Prose):
            text = item.text
            if len(text) > paragraph:  # not a heading nor a group label: skip normalising it
                prose[section].append(item)
                events.append(_OTHER)
                continue
            key = labels.section_of(text)
            norm = normalize(text)
            block = _block_of(norm, labels) if key is None else None
            if key is None and block is None and norm[:1] in _HEADING_STARTS:
                # a heading OCR misread (二、主动公开玫府信息情况, 笫二十条): look-alikes folded
                key = labels.folded.section_of(text)
                block = _block_of(fold_lookalikes(norm), labels.folded) if key is None else None
                if key is not None or block is not None:
                    lookalikes.append((text, item.at))
            if block is not None:  # a block heading printed as a paragraph, outside the grid
                row = Row((text,), (item.at,))
                tokens.append(_row_token(terminals, block, row, text, 1))
                rows += 1
            elif key is not None:
                section = key
                prose.setdefault(section, [])
                tokens.append(_token(terminals, "SEC_" + key.upper(), item))
                headings += 1
            elif (
                NOTE.fullmatch(norm) is not None
                and tokens
                and isinstance(tokens[-1].value, RowToken)
            ):
                notes.append(item)  # （其中修订16件） under a row: the cell's note, not prose
            elif norm not in labels.groups and norm not in labels.group_pieces:
                prose[section].append(item)
                events.append(_label_event(item, norm, section, events, labels, terminals))
                continue
            else:
                if events and events[-1][0] == "piece":
                    # a row's label wrapped before a line that alone is a group's piece
                    # (2.其他法律行政法规禁止 / 公开), or one group label (三、 / 本年度办理结果)
                    label = _label_event(item, norm, section, events, labels, terminals, False)
                    if label[0] == "label":
                        prose[section].append(item)
                        events.append(label)
                        continue
                    joined = "".join(key for _, key in label[1])
                    if joined not in labels.groups and joined not in labels.group_pieces:
                        events.append(("piece", label[1][:-1]))  # as it was before this line
                    else:  # the lines before are the group label's start, not narrative
                        for line, _ in label[1][:-1]:
                            if line in prose[section]:
                                prose[section].remove(line)
                events.append(_GROUP)
                continue
            events.append(_OTHER)
            continue
        tok = classify(item, labels, terminals, lookalikes)
        if tok is not None:
            tokens.append(tok)
            kind = base(tok.type)
            if kind != EXTRA_ROW and kind != VALUES and not kind.endswith("_HEADER"):
                rows += 1
            events.append(("values", len(tokens) - 1) if kind == VALUES else _OTHER)
        else:
            events.append(_GROUP)  # group labels alone
    kinds = {kind for kind, _ in events}
    if "label" in kinds and "values" in kinds:  # labels printed before their values
        rows += _pair_labels_first(events, tokens, prose, labels, terminals, lookalikes)
    return Lexed(tokens, prose, headings, rows, tuple(notes), tuple(lookalikes))


_HEADING_STARTS = frozenset("一二三四五六七八九十第笫")  # a section's enumerator, 第二十条
_OTHER: tuple[str, Any] = ("other", None)
_GROUP: tuple[str, Any] = ("group", None)
_PIECES = 3  # lines a row label printed on a line of its own may be wrapped over


def _label_event(
    item: Prose,
    norm: str,
    section: str,
    events: list[tuple[str, Any]],
    labels: LabelTable,
    terminals: Mapping[str, str],
    alone: bool = True,
) -> tuple[str, Any]:
    """What a short prose line is to labels printed before their values: a row's label
    ("label": its text, where it starts, its lines, its section), also as the last line of
    one wrapped over up to three lines (the lines before it, which matched nothing, are taken
    into it; a label that is still a row's with this line after it takes it too, as
    ``（二）部分公开`` / ``（区分处理的…）`` is); else a line that may start one ("piece": the
    last lines that matched nothing). ``alone`` False: the line is a piece of a group label,
    a row's only as the end of one wrapped over lines."""

    def is_row(key: str) -> bool:  # (a group label first, as a line of its own is)
        row_key = None if key in labels.groups else labels.row_of(key)
        return row_key is not None and row_key.upper() in terminals

    if events and events[-1][0] == "label":  # a label's note wrapped onto this line
        text, at, lines, was = events[-1][1]
        if len(lines) < _PIECES and is_row(normalize(text) + norm):
            events.pop()
            return ("label", (text + item.text, at, (*lines, item), was))
    before: tuple[tuple[Prose, str], ...] = ()
    if events and events[-1][0] == "piece":
        before = events.pop()[1]
    for start in range(len(before) + alone):  # the longest wrapped label first (四、 / 结转…)
        lines = (*before[start:], (item, norm))
        if is_row("".join(key for _, key in lines)):
            texts = "".join(line.text for line, _ in lines)
            return ("label", (texts, lines[0][0].at, tuple(line for line, _ in lines), section))
    return ("piece", (*before, (item, norm))[-(_PIECES - 1) :])


def _pair_labels_first(
    events: list[tuple[str, Any]],
    tokens: list[Token],
    prose: Mapping[str, list[Prose]],
    labels: LabelTable,
    terminals: Mapping[str, str],
    lookalikes: list[tuple[str, Location]],
) -> int:
    """A block printed labels first, then values (``规章`` / ``行政规范性文件`` / ``0 0 0`` /
    ``5 2 30``): two or more row labels on lines of their own (group labels among them), then
    exactly as many rows of values only, are those rows, in order. Any other count is left as
    it is: values are never given to a row they may not be. Returns the rows made."""
    made = 0
    i = 0
    while i < len(events):
        if events[i][0] != "label":
            i += 1
            continue
        j = i
        found: list[tuple[str, Location, tuple[Prose, ...], str]] = []
        while j < len(events) and events[j][0] in ("label", "group"):
            if events[j][0] == "label":
                found.append(events[j][1])
            j += 1
        k = j
        while k < len(events) and events[k][0] == "values":
            k += 1
        at_values = [index for _, index in events[j:k]]
        if len(found) >= 2 and len(found) == len(at_values):
            for (text, where, lines, section), index in zip(found, at_values, strict=True):
                values = tokens[index].value.row
                marks = None if values.marks is None else ("own", *values.marks)
                row = Row(
                    (text, *values.cells),
                    (where, *values.locations),
                    marks,
                    gapped=values.gapped,
                )
                tok = classify(row, labels, terminals, lookalikes)
                if tok is None:  # cannot happen: the label is a row's
                    continue
                tokens[index] = tok
                for line in lines:
                    prose[section].remove(line)
                made += 1
        i = j
    return made


def _token(terminals: Mapping[str, str], name: str, value: RowToken | Prose) -> Token:
    return Token(terminals.get(name, name), value)


def classify(
    row: Row,
    labels: LabelTable,
    terminals: Mapping[str, str],
    lookalikes: list[tuple[str, Location]] | None = None,
) -> Token | None:
    """The row's terminal; a row whose labels match only with OCR look-alikes folded is
    added to ``lookalikes``."""
    cells = row.cells
    marks = row.marks
    label_at: list[int] = []
    for i, cell in enumerate(cells):
        if not cell:
            continue
        if looks_like_value(cell) or (marks is not None and marks[i] in UNSPLIT):
            break
        if ("(" in cell or "（" in cell) and noted_value(cell):  # 16（其中修订2件）: a value
            break
        label_at.append(i)
    if not label_at:
        return _row_token(terminals, VALUES, row, "", 0)
    texts = tuple(cells[i] for i in label_at)
    tail = any(cells[label_at[-1] + 1 :])  # values (or anything) after the last label
    decisions = labels.decisions
    decision = decisions.get((texts, tail))
    if decision is None:
        if len(decisions) > _MAX_DECISIONS:
            decisions.clear()
        keys = [normalize(t) for t in texts]
        decision = (*_decide(keys, tail, labels), False)
        folds = [fold_lookalikes(k) for k in keys]
        weak = decision[0] is None or decision[1] < len(keys) - 1
        if decision[1] != _WHOLE_ROW and (weak or folds != keys):
            # labels OCR may have misread (中请, 木年, 自然八): compared again with look-alikes
            # folded, and read so if that makes the row a header, or matches a label the
            # printed ones do not (a row's after its group label, header words before 总计)
            folded = _decide(folds, tail, labels.folded)
            later = decision[0] is None or folded[1] == _WHOLE_ROW or folded[1] > decision[1]
            if folded[0] is not None and later:
                decision = (*folded, True)
        decisions[(texts, tail)] = decision
    name, at, fallback, misread = decision
    if misread and lookalikes is not None:
        lookalikes.append((texts[at if at >= 0 else 0], row.at))
    if at == _WHOLE_ROW and name is not None:  # a header or block row: every cell is its own
        return _row_token(terminals, name, row, texts[0], len(cells))
    if name is not None and name in terminals:
        if row.gapped and not tail:
            # cells apart by gaps print no blank, so a row of words only holds no value of a
            # row: a header's words beside a label (加第四项之和）  总计) or a label broken
            # off its values. Read as a row it would stand for the real one, printed later.
            return None
        return _row_token(terminals, name, row, texts[at], label_at[at] + 1)
    if fallback is None:
        return None  # group labels alone carry no values
    return _row_token(terminals, EXTRA_ROW, row, texts[0], label_at[-1] + 1)


_WHOLE_ROW = -1
_MAX_DECISIONS = 4096  # distinct label cells seen; a corpus of reports repeats a few hundred


def _decide(keys: list[str], tail: bool, labels: LabelTable) -> tuple[str | None, int, str | None]:
    """What a row's label cells make it: (terminal, label index, fallback), a pure function.

    The label index is the cell after which values start (``_WHOLE_ROW`` for header and block
    rows). When the terminal is not in the grammar (a row of another template) or there is
    none, the fallback says what the row is: ``EXTRA_ROW``, or None for group labels alone.
    """
    header = labels.header_of(keys)
    if header is not None:
        return header, _WHOLE_ROW, EXTRA_ROW
    block = _block_of(keys[0], labels)
    if block is not None:
        return block, _WHOLE_ROW, EXTRA_ROW
    alone = all(k in labels.groups for k in keys) and not tail
    fallback = None if alone else EXTRA_ROW
    for j in range(len(keys) - 1, -1, -1):
        row_key = labels.row_of(keys[j])
        if row_key is None:
            continue
        if keys[j] in labels.groups and j == len(keys) - 1 and not tail:
            return None, j, None  # a group label alone carries no values
        return row_key.upper(), j, fallback
    for j in range(len(keys) - 1, -1, -1):
        row_key = _row_before_block(keys[j], labels)
        if row_key is not None:
            return row_key.upper(), j, fallback
    return None, 0, fallback


def _row_before_block(key: str, labels: LabelTable) -> str | None:
    """A row's label run on into the block heading printed after it (其他对外管理服务事项第二十
    条第(六)项): a reader that joins a label's wrapped lines took the heading's line for one.
    The row is read; the heading counts as missing (the parser says so and places it)."""
    for cut in range(2, len(key) - 1):
        if _block_of(key[cut:], labels) is not None:
            return labels.row_of(key[:cut])
    return None


def _block_of(key: str, labels: LabelTable) -> str | None:
    hit = labels.blocks.get(key)
    if hit is None:
        m = _ARTICLE.match(key)
        if m is not None and m.group(1) in _CJK_DIGITS:
            hit = f"ART20_{_CJK_DIGITS[m.group(1)]}"
            hit = hit if hit in labels.blocks.values() else None
    return hit


def _row_token(terminals: Mapping[str, str], name: str, row: Row, label: str, start: int) -> Token:
    marks = row.marks[start:] if row.marks is not None else None
    value = RowToken(row, label, row.cells[start:], row.locations[start:], marks)
    return _token(terminals, name, value)
