"""Assemble the Report: each table built from what the grammar placed in it, the narrative
sections, the year and the agency, and every diagnostic of doing so."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs
from lark import Token

from giaparse.build.metadata import (
    find_agency,
    find_year,
    publisher,
    section_text,
    title_lines,
)
from giaparse.build.tables import TableBuilder
from giaparse.core.diagnostics import Diagnostic
from giaparse.core.items import Prose
from giaparse.core.location import Location
from giaparse.model.report import Report, Sections
from giaparse.model.template import Template
from giaparse.parsing.lexer import EXTRA_ROW, Lexed, RowToken, at, base
from giaparse.parsing.parser import Parsed


def build_report(
    chosen: Template,
    registry: Mapping[str, Template],
    lexed: Lexed,
    parsed: Parsed,
    layout: str | None,
    diagnostics: Sequence[Diagnostic],
) -> Report:
    """The report of ``chosen``'s tables, before the arithmetic checks."""
    labels = chosen.label_table
    found = [*diagnostics, *parsed.diagnostics]
    strays = list(parsed.strays)
    other_rows = _rows_of_other_templates(chosen, registry)
    tables = {}
    cell_locations: dict[str, Location] = {}
    cell_texts: dict[str, str] = {}
    marked: list[tuple[str, Location]] = []
    pending = []
    for name, cls in chosen.tables.items():
        builder = TableBuilder(name, cls, frozenset(labels.blocks.values()), labels.aggregates)
        tables[name] = builder.build(parsed.parts.get(name, ()), strays, other_rows)
        found.extend(builder.diagnostics)
        cell_locations.update(builder.locations)
        cell_texts.update(builder.texts)
        marked.extend(builder.marked)
        pending.extend(builder.pending)
        found.extend(builder.notes)
    for note in lexed.notes:
        found.append(
            Diagnostic(
                "CELL_NOTE",
                "info",
                f"{note.at}的附注「{note.text}」印在单独一行，属于其上方的表格行，不计入正文 "
                "(a cell's note printed on a line of its own; kept out of the narrative)",
                note.at,
            )
        )
    if lexed.lookalikes:
        n = len(lexed.lookalikes)
        shown = "、".join(f"「{text}」" for text, _ in lexed.lookalikes[:3])
        more = f"等{n}处" if n > 3 else ""
        found.append(
            Diagnostic(
                "LABEL_LOOKALIKE",
                "info",
                f"{shown}{more}含OCR形近字（如 子/予、中/申、木/本），按形近字归并后与模板行名"
                f"或标题唯一相符，已按该行读取 ({n} labels match the template only with OCR "
                "look-alike characters folded; read as the row or heading they match)",
                lexed.lookalikes[0][1],
            )
        )
    if marked:
        n = len(marked)
        found.append(
            Diagnostic(
                "BLANK_MARK",
                "info",
                f"{n}个单元格印为占位符号（如 -、—、/、无），按空白处理，不计为0 "
                f"({n} cells printed as a placeholder mark, read as blank, not 0)",
                marked[0][1],
                tuple(key for key, _ in marked),
            )
        )
    for tok in strays:  # the driver has reported headings and unknown rows already
        kind = base(tok.type)
        if isinstance(tok.value, RowToken) and kind != EXTRA_ROW and not kind.endswith("_HEADER"):
            found.append(_stray(tok))

    present = lexed.prose.keys()  # the lexer opens a section's prose at its heading
    for spec in labels.sections:
        if spec.key not in present and not spec.optional:
            found.append(
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
    body, repeated = _without_running_title(preamble, lexed.prose)
    if repeated:
        found.append(
            Diagnostic(
                "RUNNING_TITLE_REMOVED",
                "info",
                f"报告标题在正文中又出现{len(repeated)}次（页眉），已删去 "
                f"(the report's title repeated {len(repeated)} times as a running header; removed)",
                repeated[0].at,
            )
        )
    texts = [p.text for p in preamble] + [p.text for lines in body.values() for p in lines]
    sections = Sections(**{spec.key: section_text(body.get(spec.key)) for spec in labels.sections})
    year = find_year(preamble, body, title_year)
    agency = find_agency(title_agency, texts, publisher(preamble))
    if agency is None:
        found.append(
            Diagnostic(
                "AGENCY_UNKNOWN",
                "info",
                "未能从标题、发布机构或正文确定报告机关，机关记为空 (agency not certain: left empty)",
            )
        )
    if year is None:
        found.append(
            Diagnostic(
                "YEAR_UNKNOWN",
                "info",
                "未能从标题或正文确定报告年度，年度记为空 (year not certain: left empty)",
            )
        )
    template: str | None = chosen.name
    extra = getattr(tables["active_disclosure"], "extra_rows", ())
    guessed = any(d.code == "TEMPLATE_UNCERTAIN" for d in found)
    if guessed and not cell_texts and not pending and not extra:
        # no signature and no table read: nothing says which format the report follows
        template = None
        found = [d for d in found if d.code != "TEMPLATE_UNCERTAIN"]
        found.append(
            Diagnostic(
                "TEMPLATE_UNKNOWN",
                "info",
                "没有读到任何表格，看不出报告依照哪一版格式，模板记为空 "
                "(no table was read: which template the report follows is not known; left empty)",
            )
        )
    return Report(
        template=template,
        year=year,
        agency=agency,
        layout=layout,
        active_disclosure=tables["active_disclosure"],
        applications=tables["applications"],
        reviews=tables["reviews"],
        sections=sections,
        diagnostics=tuple(found),
        cell_locations=cell_locations,
        cell_texts=cell_texts,
        pending=tuple(pending),
    )


def _without_running_title(
    preamble: Sequence[Prose], prose: Mapping[str, list[Prose]]
) -> tuple[dict[str, list[Prose]], list[Prose]]:
    """The sections' prose without the report's title printed again at the top of pages."""
    title = next((p.text for p in preamble[:6] if _TITLE.search(p.text)), None)
    body: dict[str, list[Prose]] = {}
    repeated: list[Prose] = []
    key = "".join(title.split()) if title else None
    for section, lines in prose.items():
        if section == "preamble":
            continue
        body[section] = []
        for line in lines:
            if key is not None and "".join(line.text.split()) == key:
                repeated.append(line)
            else:
                body[section].append(line)
    return body, repeated


_TITLE = re.compile(r"政府信息公开.{0,8}报告")


def _rows_of_other_templates(chosen: Template, registry: Mapping[str, Template]) -> dict[str, str]:
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


def _stray(tok: Token) -> Diagnostic:
    value = tok.value
    label = value.label if isinstance(value, RowToken) and value.label else str(value)[:40]
    return Diagnostic(
        "UNEXPECTED_ROW",
        "warning",
        f"{at(tok)}「{label}」出现的位置与模板不符，已忽略 (row out of place; ignored)",
        at(tok),
    )
