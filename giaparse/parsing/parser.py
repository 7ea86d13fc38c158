"""Build each template's LALR parser once, and drive it over the lexer's terminals.

The driver recovers instead of failing: a terminal the grammar does not expect either gets a
missing heading inserted before it (when that makes it fit), or is set aside as a stray for
the model to place, each time with a diagnostic.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import attrs
import lark
from lark import Lark, Token, Transformer, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.errors import ParseError
from giaparse.model.labels import GRAMMARS, LabelTable, normalize
from giaparse.parsing import cache
from giaparse.parsing.lexer import EXTRA_ROW, RowToken, StreamLexer, at, base

_LOOKAHEAD = 3  # terminals tried after an inserted heading to judge the insertion
_REPEAT_WINDOW = 12  # terminals compared to tell a report pasted twice from a stray heading


@attrs.frozen(slots=True)
class TablePart:
    """The terminals the grammar placed inside one table rule."""

    name: str
    tokens: tuple[Token, ...]


class Collector(Transformer):  # type: ignore[type-arg]
    """Tree-less: flattens every rule, wrapping table rules' terminals in a TablePart."""

    def __init__(self, tables: Sequence[str]) -> None:
        super().__init__()
        self._tables = frozenset(tables)

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Tree[Any]:
        # A Tree, because Lark splices the children of its own inlined helper rules.
        flat: list[Any] = []
        for child in children:
            if isinstance(child, Tree):
                flat.extend(child.children)
            else:
                flat.append(child)
        name = base(str(data))  # rules imported from common.lark are namespaced
        if name in self._tables:
            return Tree(data, [TablePart(name, tuple(flat))])
        return Tree(data, flat)


@attrs.frozen
class CompiledGrammar:
    parser: Lark
    terminals: Mapping[str, str]  # base name (e.g. NEW_REQUESTS) -> grammar name
    tables_of: Mapping[str, frozenset[str]] = attrs.field(factory=dict)  # terminal -> tables
    headers: frozenset[str] = attrs.field(  # the header-row terminals (T3_HEADER …)
        init=False,
        default=attrs.Factory(
            lambda self: frozenset(n for n in self.terminals.values() if n.endswith("_HEADER")),
            takes_self=True,
        ),
    )


_CACHE: dict[tuple[str, str], CompiledGrammar] = {}  # (name, grammar digest) -> parser
_BUILT: dict[tuple[str, str], CompiledGrammar] = {}  # (name, grammar path) -> parser
_LOCK = threading.Lock()


def compile_grammar(
    name: str, grammar: Path, tables: Sequence[str], search: Sequence[Path] = ()
) -> CompiledGrammar:
    """The template's parser, built once per process (and cached on disk, signed).

    ``search``: more folders for ``%import`` (a parent template's grammar)."""
    fast_key = (name, str(grammar))
    hit = _BUILT.get(fast_key)
    if hit is not None:
        return hit
    text = grammar.read_text(encoding="utf-8")
    digest = _digest(grammar, text, search)
    key = (name, digest)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is None:
            parser = _load_or_build(f"{name}-{digest}.lark", text, grammar, tables, search)
            hit = CompiledGrammar(parser, _terminal_names(parser), _table_terminals(parser, tables))
            _CACHE[key] = hit
        _BUILT[fast_key] = hit
    return hit


def _load_or_build(
    cache_name: str, text: str, grammar: Path, tables: Sequence[str], search: Sequence[Path]
) -> Lark:
    """From the signed per-user cache (see :mod:`giaparse.parsing.cache`), else built anew."""
    payload = cache.load(cache_name)
    if payload is not None:
        try:
            # Lark's own cache path loads this way: the transformer is not part of the pickle
            return Lark.__new__(Lark)._load(io.BytesIO(payload), transformer=Collector(tables))
        except Exception:  # a stale format from another Lark: build it anew
            pass
    parser = Lark(
        text,
        parser="lalr",
        lexer=StreamLexer,
        transformer=Collector(tables),
        import_paths=[grammar.parent, *search, GRAMMARS],
        source_path=str(grammar),
        strict=True,
    )
    buf = io.BytesIO()
    parser.save(buf)
    cache.store(cache_name, buf.getvalue())
    return parser


def _digest(grammar: Path, text: str, search: Sequence[Path] = ()) -> str:
    h = hashlib.sha256(lark.__version__.encode())
    h.update(text.encode())
    folders = {grammar.parent, *search, GRAMMARS}
    for sibling in sorted(f for folder in folders for f in folder.glob("*.lark")):
        h.update(sibling.read_bytes())
    return h.hexdigest()[:16]


def _table_terminals(parser: Lark, tables: Sequence[str]) -> dict[str, frozenset[str]]:
    """Per terminal, the table rules it can stand in (through the rules they use)."""
    rules: dict[str, list[Any]] = {}
    for rule in parser.rules:
        rules.setdefault(rule.origin.name, []).extend(rule.expansion)
    out: dict[str, set[str]] = {}
    for start in rules:
        table = base(start)
        if table not in tables:
            continue
        todo, seen = [start], {start}
        while todo:
            for sym in rules.get(todo.pop(), ()):
                if sym.is_term:
                    out.setdefault(sym.name, set()).add(table)
                elif sym.name not in seen:
                    seen.add(sym.name)
                    todo.append(sym.name)
    return {k: frozenset(v) for k, v in out.items()}


def _terminal_names(parser: Lark) -> dict[str, str]:
    names: dict[str, str] = {}
    for rule in parser.rules:
        for sym in rule.expansion:
            if sym.is_term:
                names[base(sym.name)] = sym.name
    return names


@attrs.frozen
class Parsed:
    parts: dict[str, tuple[Token, ...]]
    headings: tuple[Token, ...]  # section and block headings the grammar accepted
    strays: tuple[Token, ...]  # known rows the grammar did not expect where they stood
    diagnostics: tuple[Diagnostic, ...]


def drive(compiled: CompiledGrammar, tokens: list[Token], labels: LabelTable) -> Parsed:
    ip = compiled.parser.parse_interactive()
    insertable = _insertable(compiled.terminals, labels)
    strays: list[Token] = []
    diags: list[Diagnostic] = []
    seen: dict[str, int] = {}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type in compiled.headers and _misplaced(compiled, tokens, i):
            diags.append(_header_dropped(tok))
            i += 1
            continue
        # an unknown row may be a misprint of the row expected here: keep the state to retry
        before = _copy(ip) if tok.type.endswith(EXTRA_ROW) else None
        try:
            ip.feed_token(tok)
        except UnexpectedToken as err:
            if tok.type in seen and tok.type in insertable and _repeats(tokens, seen[tok.type], i):
                diags.append(
                    Diagnostic(
                        "REPEATED_CONTENT",
                        "warning",
                        f"报告内容从{at(tok)}起重复出现（与{at(tokens[seen[tok.type]])}起"
                        "相同），已忽略重复部分 (the report appears twice; the copy was ignored)",
                        at(tok),
                    )
                )
                break
            misprint = None if before is None else _misprinted(tok, before.choices(), labels)
            if before is not None and misprint is not None:
                read_as = Token(misprint, tok.value)
                try:
                    before.feed_token(read_as)
                except UnexpectedToken:
                    pass
                else:
                    ip = before
                    diags.append(_misprint_note(tok, misprint, labels))
                    tokens[i] = read_as
                    i += 1
                    continue
            fixed = _insert_missing(ip, tokens, i, err.expected, insertable)
            if fixed is None:
                strays.append(tok)
                if not isinstance(tok.value, RowToken) or tok.type.endswith(EXTRA_ROW):
                    # known rows: the model places them
                    diags.append(_unexpected(tok, labels, compiled))
            else:
                ip, inserted = fixed
                diags.append(_missing(inserted, tok, labels))
        else:
            if tok.type in insertable:
                seen.setdefault(tok.type, i)
        i += 1
    try:
        result = ip.feed_eof()  # type: ignore[no-untyped-call]
    except UnexpectedInput as err:  # every part is optional, so this is a grammar bug
        raise ParseError(
            "报告的结尾",
            f"未完成的结构（{err}）",
            None,
            expected_en="the end of a report",
            found_en=f"an unfinished {err}",
        ) from None
    parts: dict[str, tuple[Token, ...]] = {}
    headings: list[Token] = []
    for piece in result.children:
        if isinstance(piece, TablePart):
            parts[piece.name] = parts.get(piece.name, ()) + piece.tokens
        elif isinstance(piece, Token):
            headings.append(piece)
    for table_tokens in parts.values():
        headings.extend(t for t in table_tokens if t.type in insertable)
    return Parsed(parts, tuple(headings), tuple(strays), tuple(diags))


_MISPRINT_RATIO = 0.8  # a label this similar to the row the grammar expects there is that row


def _misprinted(tok: Token, expected: Iterable[str], labels: LabelTable) -> str | None:
    """The expected row terminal a row with an unknown label is, if its label is a close
    misprint of that row's (same enumerator, 80 % alike) and of no other expected row's."""
    value = tok.value
    if not tok.type.endswith(EXTRA_ROW) or not isinstance(value, RowToken) or not value.label:
        return None
    got_enum, got = _enumerated(normalize(value.label))
    scores: list[tuple[float, str]] = []
    for name in expected:
        for label in labels.row_labels.get(base(name).lower(), ()):
            enum, text = _enumerated(normalize(label.split(" ")[-1]))
            if enum == got_enum:
                scores.append((SequenceMatcher(None, got, text).ratio(), name))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < _MISPRINT_RATIO:
        return None
    if _holds_another(got_enum + got, scores[0][1], labels):
        return None  # two rows' labels run together (a blank row's label before a row's)
    if len(scores) > 1 and scores[1][0] >= _MISPRINT_RATIO and scores[1][1] != scores[0][1]:
        return None  # two rows alike: not certain which
    return scores[0][1]


def _rows_held(key: str, labels: LabelTable, compiled: CompiledGrammar) -> tuple[str, ...]:
    """The template rows (``applications.granted``) whose whole label ``key`` holds."""
    held: list[str] = []
    for row in _rows_in(key, labels):
        terminal = compiled.terminals.get(row.upper(), row.upper())
        held += [f"{table}.{row}" for table in sorted(compiled.tables_of.get(terminal, ()))]
    return tuple(held)


def _holds_another(key: str, name: str, labels: LabelTable) -> bool:
    """Whether ``key`` holds, whole, the label of a row other than ``name``'s."""
    own = base(name).lower()
    return any(row != own for row in _rows_in(key, labels))


def _rows_in(key: str, labels: LabelTable) -> list[str]:
    """The row keys whose whole label (a grouped row's by its own part) ``key`` holds."""
    return [
        row
        for row, texts in labels.row_labels.items()
        if any(
            len(text) >= _WHOLE_LABEL and text in key
            for text in (normalize(label.split(" ")[-1]) for label in texts)
        )
    ]


_WHOLE_LABEL = 4  # characters: a label this long found inside another is that row's


def _enumerated(key: str) -> tuple[str, str]:
    """``2.其他法律…`` → (``2.``, ``其他法律…``)."""
    m = _ENUMERATOR.match(key)
    return (m.group(0), key[m.end() :]) if m else ("", key)


_ENUMERATOR = re.compile(
    r"^(?:\d{1,2}\.|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)"
)


def _misprint_note(tok: Token, name: str, labels: LabelTable) -> Diagnostic:
    value = tok.value
    return Diagnostic(
        "LABEL_MISPRINTED",
        "warning",
        f"{at(tok)}「{value.label}」与模板行名「{describe(name, labels)}」相近，且位于该行的位置，"
        f"按该行读取 (label close to the row expected here; read as that row)",
        at(tok),
    )


def _copy(ip: Any) -> Any:
    """A parser state to try tokens on, sharing nothing the trial can change. Lark reduces a
    repetition by appending to the list of the tree it reduced before (left recursion), so
    a shallow copy's trial would add its rows to the original's trees too (a row printed
    once, read many times); the trees on the stack get lists of their own, which costs far
    less than a deep copy of everything read so far."""
    trial = ip.copy(deepcopy_values=False)
    stack = trial.parser_state.value_stack
    for k, value in enumerate(stack):
        if isinstance(value, Tree):
            stack[k] = Tree(value.data, list(value.children), value._meta)
    return trial


def _insertable(terminals: Mapping[str, str], labels: LabelTable) -> frozenset[str]:
    names = {"SEC_" + s.key.upper() for s in labels.sections} | set(labels.blocks.values())
    return frozenset(terminals.get(n, n) for n in names)


def _insert_missing(
    ip: Any, tokens: list[Token], i: int, expected: set[str], insertable: frozenset[str]
) -> tuple[Any, str] | None:
    """Insert the expected heading after which the most following terminals fit, if any."""
    best: tuple[int, Any, str] | None = None
    for name in sorted(expected & insertable):
        trial = _copy(ip)
        try:
            trial.feed_token(Token(name, None))
            trial.feed_token(tokens[i])
        except UnexpectedToken:
            continue
        fits = 1 + _fits(trial, tokens[i + 1 : i + _LOOKAHEAD])
        if best is None or fits > best[0]:
            best = (fits, trial, name)
    if best is None:
        return None
    return best[1], best[2]


def _misplaced(compiled: CompiledGrammar, tokens: list[Token], i: int) -> bool:
    """A header row is wrong for the rows around it (a converter's page break put another
    table's header there) when the nearest terminals before and after it are of one table
    in the grammar and the header is not: 表三's header between two of 表二's rows, or between
    表四's header and its values. Section headings bound the search: a header after one heads
    its table."""
    tables = compiled.tables_of
    kind = tokens[i].type
    before = _nearest(tables, tokens, i, -1)
    if not before or tables.get(kind, _NONE) & before:  # the common case: its own table
        return False
    return bool(before & _nearest(tables, tokens, i, 1))


_NONE: frozenset[str] = frozenset()


def _nearest(
    tables: Mapping[str, frozenset[str]], tokens: list[Token], i: int, step: int
) -> frozenset[str]:
    """The tables of the nearest terminal before (-1) or after (1) token ``i`` that is not
    of its kind nor an unknown row; a section heading is of none."""
    kind = tokens[i].type
    j = i + step
    while 0 <= j < len(tokens):
        other = tokens[j].type
        if other != kind and not other.endswith(EXTRA_ROW):
            return tables.get(other, _NONE)
        j += step
    return _NONE


def _header_dropped(tok: Token) -> Diagnostic:
    value = tok.value
    label = " ".join(c for c in value.row.cells if c)[:40] if isinstance(value, RowToken) else ""
    return Diagnostic(
        "HEADER_OUT_OF_PLACE",
        "info",
        f"{at(tok)}的表头「{label}」不属于其下的行所在的表格（转换工具在分页处加上的），已略去 "
        "(a header row of another table above rows of this one, as converters print at page "
        "breaks; ignored)",
        at(tok),
    )


def _fits(ip: Any, following: list[Token]) -> int:
    trial = _copy(ip)
    n = 0
    for tok in following:
        try:
            trial.feed_token(tok)
        except UnexpectedToken:
            break
        n += 1
    return n


def _repeats(tokens: list[Token], first: int, again: int) -> bool:
    a = [t.type for t in tokens[first : first + _REPEAT_WINDOW]]
    b = [t.type for t in tokens[again : again + _REPEAT_WINDOW]]
    return len(b) >= min(len(a), 4) and a[: len(b)] == b


def describe(name: str, labels: LabelTable) -> str:
    """The printed Chinese label of a terminal, for messages."""
    short = base(name)
    if short.startswith("SEC_"):
        key = short[4:].lower()
        for spec in labels.sections:
            if spec.key == key:
                return spec.title
    for label, terminal in labels.blocks.items():
        if terminal == short:
            return label
    row = labels.row_labels.get(short.lower())
    return row[0] if row else short


def _missing(inserted: str, before: Token, labels: LabelTable) -> Diagnostic:
    what = describe(inserted, labels)
    return Diagnostic(
        "MISSING_HEADING",
        "warning",
        f"{at(before)}之前缺少「{what}」，已按其后的行补上 "
        f"(heading {base(inserted)} missing; inferred from the rows after it)",
        at(before),
    )


def _unexpected(tok: Token, labels: LabelTable, compiled: CompiledGrammar) -> Diagnostic:
    """A heading out of place, or a row the template does not have (known rows are placed).
    A row whose label holds whole labels of the template's rows (two rows' labels run
    together) names those rows: their values may be the ones left unread."""
    value = tok.value
    if isinstance(value, RowToken):
        text = value.label or " | ".join(c for c in value.row.cells if c)[:40]
        cells = [c for c in value.values if c]
        return Diagnostic(
            "UNKNOWN_ROW",
            "warning",
            f"{at(tok)}「{text}」不是模板中的行，已忽略；单元格：{' | '.join(cells)} "
            "(a row the template does not have)",
            at(tok),
            _rows_held(
                "|".join(normalize(c) for c in value.row.cells if c and c not in cells),
                labels,
                compiled,
            ),
        )
    return Diagnostic(
        "UNEXPECTED_HEADING",
        "warning",
        f"{at(tok)}「{value}」出现的位置与模板不符，已忽略 (heading out of place)",
        at(tok),
    )
