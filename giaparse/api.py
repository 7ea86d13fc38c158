"""The pipeline, one way: tokenize → detect template → lex → grammar → model → checks."""

from __future__ import annotations

from pathlib import Path

from giaparse.build.metadata import find_agency, find_year, section_text, title_lines
from giaparse.build.tables import TableBuilder
from giaparse.core.diagnostics import Diagnostic
from giaparse.core.errors import ParseError, StrictError
from giaparse.core.items import Prose, Row
from giaparse.model.report import Report, Sections
from giaparse.model.template import TABLES, Template, builtin_names, get_template, templates
from giaparse.parsing.detect import detect_template
from giaparse.parsing.lexer import EXTRA_ROW, Lexed, RowToken, base, lex
from giaparse.parsing.parser import compile_grammar, drive
from giaparse.sources.text import _check_text, read_text
from giaparse.tokens import tokenize

_MIN_HEADINGS = 2
_MIN_ROWS = 3
_PROBE = 3000  # items; a report has a few hundred, its headings and rows among the first


def parse(text: str, *, template: str | None = None, strict: bool = False) -> Report:
    """Parse the text of one 政府信息公开工作年度报告 into a :class:`Report`.

    Data problems become ``report.diagnostics``; only text that is not a report raises
    :class:`ParseError`. With ``strict=True``, error diagnostics raise :class:`StrictError`.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes()")
    if not text.strip():
        raise ParseError("the text of a report", "empty input", 1)
    _check_text(text)
    stream = tokenize(text)
    registry = templates()
    diagnostics: list[Diagnostic] = list(stream.repairs)
    if template is None:
        chosen, found = detect_template(stream.items, registry, builtin_names())
        diagnostics.extend(found)
    else:
        chosen = get_template(template)
    compiled = compile_grammar(chosen.name, chosen.grammar, TABLES)
    labels = chosen.label_table
    if len(stream.items) > _PROBE:  # a report shows itself early: decide before lexing it all
        _require_report(lex(stream.items[:_PROBE], labels, compiled.terminals), stream.items)
    lexed = lex(stream.items, labels, compiled.terminals)
    _require_report(lexed, stream.items)
    parsed = drive(compiled, lexed.tokens, labels)
    diagnostics.extend(parsed.diagnostics)

    strays = list(parsed.strays)
    other_rows = _rows_of_other_templates(chosen, registry)
    tables = {}
    cell_lines: dict[str, int] = {}
    cell_texts: dict[str, str] = {}
    for name, cls in chosen.tables.items():
        builder = TableBuilder(name, cls, frozenset(labels.blocks.values()))
        tables[name] = builder.build(parsed.parts.get(name, ()), strays, other_rows)
        diagnostics.extend(builder.diagnostics)
        cell_lines.update(builder.lines)
        cell_texts.update(builder.texts)
    for tok in strays:  # the driver has reported headings and unknown rows already
        kind = base(tok.type)
        if isinstance(tok.value, RowToken) and kind != EXTRA_ROW and not kind.endswith("_HEADER"):
            diagnostics.append(_stray(tok))

    present = lexed.prose.keys()  # the lexer opens a section's prose at its heading
    for spec in labels.sections:
        if spec.key not in present and not spec.optional:
            diagnostics.append(
                Diagnostic(
                    "MISSING_SECTION",
                    "warning",
                    f"缺少第{spec.numeral}部分「{spec.title}」的标题 (section {spec.key} missing)",
                    None,
                    (f"sections.{spec.key}",),
                )
            )

    preamble = lexed.prose.get("preamble", [])
    title_year, title_agency = title_lines(preamble)
    body = {k: v for k, v in lexed.prose.items() if k != "preamble"}
    texts = [p.text for p in preamble] + [p.text for lines in body.values() for p in lines]
    sections = Sections(
        **{spec.key: section_text(lexed.prose.get(spec.key)) for spec in labels.sections}
    )
    report = Report(
        template=chosen.name,
        year=find_year(preamble, body, title_year),
        agency=find_agency(title_agency, texts),
        layout=stream.layout,
        active_disclosure=tables["active_disclosure"],
        applications=tables["applications"],
        reviews=tables["reviews"],
        sections=sections,
        diagnostics=tuple(diagnostics),
        cell_lines=cell_lines,
        cell_texts=cell_texts,
    )
    from giaparse.checks import apply_checks

    report = apply_checks(report)
    if strict and report.errors():
        raise StrictError(report, report.errors())
    return report


def parse_bytes(data: bytes, **kwargs: object) -> Report:
    from giaparse.sources.text import decode

    return parse(decode(data), **kwargs)  # type: ignore[arg-type]


def parse_file(path: str | Path, **kwargs: object) -> Report:
    """Read a UTF-8, UTF-8-with-BOM or GB18030 file and parse it."""
    return parse(read_text(path), **kwargs)  # type: ignore[arg-type]


def _require_report(lexed: Lexed, items: tuple[Row | Prose, ...]) -> None:
    headings, rows = lexed.headings, lexed.rows
    if headings >= _MIN_HEADINGS or rows >= _MIN_ROWS:
        return
    first = next((i for i in items), None)
    line = first.line if first is not None else 1
    raise ParseError(
        "a 政府信息公开工作年度报告: section headings such as 一、总体情况 or the rows of its tables",
        f"{len(items)} lines with {headings} section heading(s) and {rows} table row(s)",
        line,
    )


def _rows_of_other_templates(chosen: Template, registry: dict[str, Template]) -> dict[str, str]:
    import attrs

    own = {f.name for cls in chosen.tables.values() for f in attrs.fields(cls)}
    other: dict[str, str] = {}
    for name, tpl in registry.items():
        if name == chosen.name:
            continue
        for cls in tpl.tables.values():
            for f in attrs.fields(cls):
                if f.name not in own:
                    other.setdefault(f.name, name)
    return other


def _stray(tok) -> Diagnostic:  # type: ignore[no-untyped-def]
    value = tok.value
    label = value.label if isinstance(value, RowToken) and value.label else str(value)[:40]
    return Diagnostic(
        "UNEXPECTED_ROW",
        "warning",
        f"第{tok.line}行「{label}」出现的位置与模板不符，已忽略 (row out of place; ignored)",
        tok.line,
    )
