"""Render a Report back to report text in its template's official table shapes.

The shapes are those of real extracted text: merged-cell placeholders beside group labels,
header cells wrapped over two lines, 表四's two header rows above one row of 15 values.
"""

from __future__ import annotations

from typing import Any, Literal, overload

import attrs

from giaparse.core.items import COLSPAN, OWN, ROWSPAN, Item, Mark, Prose, Row
from giaparse.core.location import NOWHERE
from giaparse.core.values import Money
from giaparse.model.fields import DELTA, row_fields, value_fields
from giaparse.model.report import Report
from giaparse.model.template import TABLES, Template, tables_template
from giaparse.parsing.parser import compile_grammar
from giaparse.parsing.structure import blocks
from giaparse.rendering.documents import to_docx, to_html
from giaparse.rendering.layout import lay_out

_WRAP_AT = 3  # header labels longer than this many characters wrap after it, as Word tables do


DOCUMENT_LAYOUTS = ("html", "docx")


@overload
def render(report: Report, layout: Literal["docx"]) -> bytes: ...
@overload
def render(
    report: Report,
    layout: Literal["pipe", "tab", "newline", "markdown", "glued", "lines", "html"] = "pipe",
) -> str: ...
def render(report: Report, layout: str = "pipe") -> str | bytes:
    """The report in ``layout``: text ("pipe", "tab", "newline", "markdown"), crawler text
    without cell boundaries ("glued", "lines"), an HTML page ("html") or a Word file ("docx",
    as bytes), tables in the official shapes."""
    items = report_items(report)
    if layout == "html":
        return to_html(items, title=items[0].text if isinstance(items[0], Prose) else "")
    if layout == "docx":
        return to_docx(items)
    return lay_out(items, layout)


def report_items(report: Report) -> list[Item]:
    """The report as tokenizer items (prose lines and rows of cells), before layout."""
    template = tables_template(report)
    labels = template.label_table
    items: list[Item] = []
    title = "政府信息公开工作年度报告"
    if report.year is not None:
        title = f"{report.year}年{title}"
    items.append(_prose(f"{report.agency or ''}{title}"))
    tables = {
        "active_disclosure": lambda: _table_two(report, template),
        "applications": lambda: _table_three(report),
        "reviews": lambda: _table_four(report),
    }
    for spec in labels.sections:
        text = getattr(report.sections, spec.key, None)
        if text is not None:
            items.append(_prose(spec.title))
            items.extend(_prose(line) for line in text.split("\n") if line)
        if spec.key in tables:
            items.extend(tables[spec.key]())
    return items


def _prose(text: str) -> Prose:
    return Prose(text, NOWHERE)


def _row(cells: list[str], marks: list[Mark] | None = None) -> Row:
    """A row; ``marks`` say which empty cells are covered by a merged cell (the official
    shape), for the document layouts. Text layouts print every cell."""
    if marks is not None:
        assert len(marks) == len(cells)
    return Row(tuple(cells), (NOWHERE,) * len(cells), tuple(marks) if marks else None)


def _merged_right(cells: list[str]) -> list[Mark]:
    """Each empty cell after a filled one is covered by it (a label spanning columns)."""
    marks: list[Mark] = []
    for i, cell in enumerate(cells):
        marks.append(COLSPAN if not cell and i and marks[-1] != ROWSPAN else OWN)
    return marks


def cell_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return format(value.amount, "f") + (value.unit or "")  # never 1E-7 notation
    if kind == DELTA and value > 0:
        return f"+{value}"
    return str(value)


def wrap(label: str) -> str:
    """``本年新制作数量`` → ``本年新\\n制作数量``: how long header cells come out of Word."""
    if len(label) > _WRAP_AT + 2 and label.startswith("本年新"):
        return label[:_WRAP_AT] + "\n" + label[_WRAP_AT:]
    return label


def _values(row: Any, unit_from_header: bool = False) -> list[str]:
    out = []
    for f in value_fields(type(row)):
        value = getattr(row, f.name)
        if (
            unit_from_header
            and isinstance(value, Money)
            and value.unit is not None
            and value.unit == f.metadata.get("unit")
        ):
            value = attrs.evolve(value, unit=None)  # the header already names the unit
        out.append(cell_text(value, f.metadata["kind"]))
    return out


def _table_two(report: Report, template: Template) -> list[Item]:
    table = report.active_disclosure
    compiled = compile_grammar(template.name, template.grammar, TABLES, template.grammar_paths)
    fields = {f.name: f for f in row_fields(type(table))}
    block_labels = {terminal: label for label, terminal in template.label_table.blocks.items()}
    items: list[Item] = []
    extras = list(getattr(table, "extra_rows", ()))
    for terminal, rows in blocks(compiled.parser, template.label_table):
        present = [r for r in rows if r in fields]
        if not present:
            continue
        columns = value_fields(fields[present[0]].metadata["row"])
        width = len(columns) + 1
        heading = [block_labels.get(terminal, terminal)] + [""] * (width - 1)
        items.append(_row(heading, _merged_right(heading)))
        items.append(_row(["信息内容"] + [wrap(c.metadata["label"]) for c in columns]))
        for key in present:
            row = getattr(table, key)
            label = template.label_table.row_labels[key][0]
            items.append(_row([label, *_values(row, unit_from_header=True)]))
        while extras:  # rows the template lacks follow the first block, as printed
            extra = extras.pop(0)
            items.append(_row([extra.label, *extra.cells]))
    return items


def _label_columns(label: str) -> list[str]:
    """Place a 表三 label's parts in the three label columns: 一、 / （一） / 1."""
    cols = ["", "", ""]
    for part in label.split(" "):
        if part[:1] in "（(":
            cols[1] = part
        elif part[:1].isdigit():
            cols[2] = part
        else:
            cols[0] = part
    return cols


def _table_three(report: Report) -> list[Item]:
    table = report.applications
    row_defs = row_fields(type(table))
    columns = value_fields(row_defs[0].metadata["row"])
    labels = [c.metadata["label"] for c in columns]
    own, cs, rs = OWN, COLSPAN, ROWSPAN
    items: list[Item] = [
        _row(
            [
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                "",
                "",
                "申请人情况",
            ],
            [own, cs, cs, own],
        ),
        _row(
            ["", "", "", labels[0], "法人或其他组织", "", "", "", "", labels[-1]],
            [rs, rs, rs, own, own, cs, cs, cs, cs, own],
        ),
        _row(["", "", "", "", *labels[1:-1], ""], [rs, rs, rs, rs, *[own] * 5, rs]),
    ]
    for f in row_defs:
        label_cells = _label_columns(f.metadata["label"])
        first = next(i for i, c in enumerate(label_cells) if c)
        marks = [rs] * first + _merged_right(label_cells[first:])
        values = _values(getattr(table, f.name))
        items.append(_row([*label_cells, *values], [*marks, *[own] * len(values)]))
    return items


def _table_four(report: Report) -> list[Item]:
    table = report.reviews
    groups = row_fields(type(table))
    columns = value_fields(groups[0].metadata["row"])
    n = len(columns)
    top = [g.metadata["label"].split("·")[0] for g in groups]
    sub = [g.metadata["label"].split("·")[-1] for g in groups]
    col_labels = [c.metadata["label"] for c in columns]
    first = [top[0]] + [""] * (n - 1) + [top[1]] + [""] * (n * (len(groups) - 1) - 1)
    second = col_labels + [x for s in sub[1:] for x in [s] + [""] * (n - 1)]
    third = [""] * n + col_labels * (len(groups) - 1)
    values = [v for g in groups for v in _values(getattr(table, g.name))]
    return [
        _row(first, _merged_right(first)),
        _row(second, [OWN] * n + _merged_right(second[n:])),
        _row(third, [ROWSPAN] * n + [OWN] * (len(third) - n)),
        _row(values, [OWN] * len(values)),
    ]
