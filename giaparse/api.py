"""The pipeline, one way: source → items → detect template → lex → grammar → build → checks.

``parse`` takes text, ``parse_items`` takes the item stream a document reader (or a user's own
reader) made; both end in the same stages.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from giaparse.build.report import build_report
from giaparse.checks import apply_checks
from giaparse.core.diagnostics import Diagnostic
from giaparse.core.errors import ParseError, StrictError
from giaparse.core.items import Item, Prose, Row, TokenStream
from giaparse.core.source import Source
from giaparse.model.report import Report
from giaparse.model.template import TABLES, builtin_names, get_template, templates
from giaparse.parsing.anchors import CRAWLER_LAYOUTS, anchors_for, regrid
from giaparse.parsing.detect import detect_template
from giaparse.parsing.lexer import Lexed, lex
from giaparse.parsing.parser import compile_grammar, drive
from giaparse.sources.kinds import reader_for, sniff
from giaparse.sources.text import check_text, decode, read_bytes
from giaparse.tokens import tokenize

_MIN_HEADINGS = 2
_MIN_ROWS = 3
_PROBE = 3000  # items; a report has a few hundred, its headings and rows among the first


def parse(
    text: str, *, template: str | None = None, strict: bool = False, name: str | None = None
) -> Report:
    """Parse the text of one 政府信息公开工作年度报告 into a :class:`Report`.

    Data problems become ``report.diagnostics``; only text that is not a report raises
    :class:`ParseError`. With ``strict=True``, error diagnostics raise :class:`StrictError`.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes()")
    source = Source.of(text.encode("utf-8", "surrogatepass"), "text", name)
    return _parse_text(text, template, strict, source)


def parse_items(
    items: Iterable[Item],
    *,
    layout: str | None = None,
    repairs: Iterable[Diagnostic] = (),
    template: str | None = None,
    strict: bool = False,
    source: Source | None = None,
) -> Report:
    """Parse an item stream (:class:`Row` and :class:`Prose` in reading order) into a Report.

    This is the entry for document readers and for a user's own reader: rows may mark their
    merged-cell placeholders (``Row.marks``) and carry any :class:`Location` (a PDF page, a
    Word table and row), and the report's diagnostics then name those places. ``repairs``
    are the reader's own diagnostics, kept first.
    """
    items = tuple(items)
    registry = templates()
    diagnostics: list[Diagnostic] = list(repairs)
    if layout in CRAWLER_LAYOUTS:  # no cell boundaries: the templates' labels cut the rows
        tables = [get_template(template)] if template else list(registry.values())
        items = tuple(regrid(items, anchors_for([t.label_table for t in tables]), layout))
    if template is None:
        chosen, found = detect_template(items, registry, builtin_names())
        diagnostics.extend(found)
    else:
        chosen = get_template(template)
    compiled = compile_grammar(chosen.name, chosen.grammar, TABLES, chosen.grammar_paths)
    labels = chosen.label_table
    if len(items) > _PROBE:  # a report shows itself early: decide before lexing it all
        _require_report(lex(items[:_PROBE], labels, compiled.terminals), items)
    lexed = lex(items, labels, compiled.terminals)
    _require_report(lexed, items)
    parsed = drive(compiled, lexed.tokens, labels)
    report = apply_checks(build_report(chosen, registry, lexed, parsed, layout, diagnostics))
    if source is not None:
        report = attrs.evolve(report, source=source)
    if strict and report.errors():
        raise StrictError(report, report.errors())
    return report


def parse_bytes(
    data: bytes, *, template: str | None = None, strict: bool = False, name: str | None = None
) -> Report:
    """Parse a report's bytes: text (UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030), an
    HTML page, a Word .docx or a PDF, told apart by their content."""
    kind = sniff(data)
    source = Source.of(data, kind, name)
    if kind == "text":
        return _parse_text(decode(data), template, strict, source)
    return _parse_stream(reader_for(kind)(data), template, strict, source)


def parse_file(path: str | Path, *, template: str | None = None, strict: bool = False) -> Report:
    """Read a report file of any kind :func:`parse_bytes` reads, and parse it."""
    return parse_bytes(read_bytes(path), template=template, strict=strict, name=str(path))


def _parse_text(text: str, template: str | None, strict: bool, source: Source) -> Report:
    if not text.strip():
        raise ParseError(
            "报告正文", "空的输入", 1, expected_en="the text of a report", found_en="empty input"
        )
    check_text(text)
    return _parse_stream(tokenize(text), template, strict, source)


def _parse_stream(
    stream: TokenStream, template: str | None, strict: bool, source: Source
) -> Report:
    return parse_items(
        stream.items,
        layout=stream.layout,
        repairs=stream.repairs,
        template=template,
        strict=strict,
        source=source,
    )


def _require_report(lexed: Lexed, items: tuple[Row | Prose, ...]) -> None:
    headings, rows = lexed.headings, lexed.rows
    if headings >= _MIN_HEADINGS or rows >= _MIN_ROWS:
        return
    first = items[0].at if items else 1
    raise ParseError(
        "一份政府信息公开工作年度报告：有“一、总体情况”这样的部分标题或其表格的行",
        f"{len(items)}行，其中部分标题{headings}个、表格行{rows}个",
        first,
        expected_en=(
            "a 政府信息公开工作年度报告: section headings such as 一、总体情况 or the rows of its tables"
        ),
        found_en=f"{len(items)} lines with {headings} section heading(s) and {rows} table row(s)",
    )
