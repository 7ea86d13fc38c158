"""Meaning: turn the terminals the grammar placed in each table into typed attrs tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs
from lark import Token

from giaparse.build.cells import Resolved, resolve
from giaparse.core.diagnostics import Diagnostic, Severity
from giaparse.core.items import RUN, UNSPLIT
from giaparse.core.location import Location
from giaparse.core.values import (
    NOTE,
    CellError,
    Unit,
    clean,
    parse_count,
    parse_delta,
    parse_money,
    unit_in,
)
from giaparse.model.fields import (
    COUNT,
    DELTA,
    MONEY,
    TABLE_NUMBERS,
    cell_name,
    row_fields,
    value_fields,
)
from giaparse.model.labels import normalize
from giaparse.model.report import Unsplit
from giaparse.model.tables import ExtraRow
from giaparse.parsing.lexer import EXTRA_ROW, VALUES, RowToken, at, base

_PARSERS = {COUNT: parse_count, DELTA: parse_delta}


@cache
def cell_keys(table: str, row: str, row_cls: type) -> tuple[str, ...]:
    """``applications.granted.natural_person``… for each column of a row, built once."""
    return tuple(f"{table}.{row}.{c.name}" for c in value_fields(row_cls))


@cache
def _columns(table: str, row: str, row_cls: type) -> tuple[tuple[int, str, str, Any], ...]:
    """Per column of a row, built once: index, name, cell key, attrs field."""
    return tuple(
        (i, c.name, key, c)
        for i, (c, key) in enumerate(
            zip(value_fields(row_cls), cell_keys(table, row, row_cls), strict=True)
        )
    )


@attrs.define
class TableBuilder:
    """Builds one table; collects the diagnostics of doing so."""

    table: str
    cls: type
    headings: frozenset[str] = frozenset()  # block-heading terminals: structure, not data
    aggregates: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)  # row -> its parts
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    locations: dict[str, Location] = attrs.field(factory=dict)  # cell key -> where it stood
    texts: dict[str, str] = attrs.field(factory=dict)  # cell key -> the cell as printed
    marked: list[tuple[str, Location]] = attrs.field(factory=list)  # blanks printed as - — / 无
    notes: list[Diagnostic] = attrs.field(factory=list)  # notes printed in a cell, beside its value
    pending: list[Unsplit] = attrs.field(factory=list)  # crawler rows the checks will cut

    def build(
        self, tokens: Iterable[Token], strays: list[Token], other_rows: Mapping[str, str]
    ) -> Any:
        rows = {f.name: f for f in row_fields(self.cls)}
        found: dict[str, tuple[Token, Token | None]] = {}
        zeros: dict[str, Token] = {}  # rows known to be zeros from an aggregate row
        extras: list[ExtraRow] = []
        values_rows: list[Token] = []
        header: Token | None = None
        for tok in tokens:
            kind = base(tok.type)
            key = kind.lower()
            if kind.endswith("_HEADER"):
                header = tok
            elif kind == EXTRA_ROW:
                extras.append(self._extra(tok))
            elif kind == VALUES:
                values_rows.append(tok)
            elif not isinstance(tok.value, RowToken) or kind in self.headings:
                continue
            elif key in rows:
                found[key] = (tok, header)
            elif isinstance(tok.value, RowToken) and not self._zeros(tok, key, rows, zeros):
                self._foreign(tok, key, other_rows)
        placed: list[tuple[Token, str]] = []
        for tok in list(strays):
            key = base(tok.type).lower()
            if key in rows and isinstance(tok.value, RowToken):
                strays.remove(tok)
                if key in found:
                    self._note(
                        "DUPLICATE_ROW",
                        "warning",
                        tok,
                        rows[key],
                        "重复出现，以第一次为准 (row printed twice; the first is kept)",
                    )
                else:
                    found[key] = (tok, None)
                    placed.append((tok, key))
        if placed:
            labels = "、".join(f"「{rows[k].metadata['label']}」" for _, k in placed[:3])
            more = f"等{len(placed)}行" if len(placed) > 3 else ""
            self.diagnostics.append(
                Diagnostic(
                    "ROW_OUT_OF_ORDER",
                    "warning",
                    f"{TABLE_NUMBERS.get(self.table, self.table)}的{labels}{more}（{at(placed[0][0])}起）"
                    f"不在模板规定的位置，已按行名归位 ({len(placed)} rows out of order; placed by label)",
                    at(placed[0][0]),
                    tuple(f"{self.table}.{k}" for _, k in placed),
                )
            )
        kwargs: dict[str, Any] = {}
        values_row = self._values_row(values_rows, rows, strays)
        if values_row is not None and not found:
            kwargs.update(self._spread(values_row, list(rows.values())))
        else:
            if not found and not extras and header is None:  # headers alone: printed, all blank
                self.diagnostics.append(
                    Diagnostic(
                        "MISSING_TABLE",
                        "error",
                        f"缺少{TABLE_NUMBERS.get(self.table, self.table)}的数据 (table {self.table} missing)",
                        None,
                        (self.table,),
                    )
                )
            for key, field in rows.items():
                if key in found:
                    tok, head = found[key]
                    kwargs[key] = self._row(field, tok, head)
                elif key in zeros:
                    kwargs[key] = self._zero_row(field, zeros[key])
                elif found or extras:  # rows read, and not this one
                    self.diagnostics.append(
                        Diagnostic(
                            "MISSING_ROW",
                            "warning",
                            f"{TABLE_NUMBERS.get(self.table, self.table)}缺少「{field.metadata['label']}」行 "
                            f"(row {self.table}.{key} missing)",
                            None,
                            (f"{self.table}.{key}",),
                        )
                    )
        if extras and "extra_rows" in attrs.fields_dict(self.cls):
            kwargs["extra_rows"] = tuple(extras)
        return self.cls(**kwargs)

    # -- rows -----------------------------------------------------------------------------

    def _row(self, field: attrs.Attribute[Any], tok: Token, header: Token | None) -> Any:
        row_cls = field.metadata["row"]
        plan = _columns(self.table, field.name, row_cls)
        value: RowToken = tok.value
        if _unsplit(value):
            self._pending(value, [(field, column, key) for _, _, key, column in plan], header)
            return row_cls()
        cells: Sequence[str | None] = value.values
        cell_lines: Sequence[Location | None] = value.value_locations
        if len(cells) != len(plan):
            res = resolve(
                value.values,
                value.value_locations,
                len(plan),
                value.value_marks,
                value.row.gapped,
            )
            cells, cell_lines = res.cells, res.locations
            keys = cell_keys(self.table, field.name, row_cls)
            self._resolved(res, tok, f"「{field.metadata['label']}」行", keys)
        kwargs = {}
        lines, texts, row_at = self.locations, self.texts, value.at
        for (i, name, key, column), text, line in zip(plan, cells, cell_lines, strict=True):
            if text is None:
                continue
            lines[key] = line or row_at
            texts[key] = text
            if text:  # an empty cell is the field's default, None
                kwargs[name] = self._value(field, column, i, text, line or row_at, header)
        return row_cls(**kwargs)

    def _resolved(self, res: Resolved, tok: Token, where: str, cells: tuple[str, ...]) -> None:
        """The diagnostic for a row whose cells did not match its columns one to one."""
        if res.problem is None:
            return
        severity: Severity = "info" if res.problem == "PLACEHOLDERS_DROPPED" else "warning"
        self.diagnostics.append(
            Diagnostic(
                res.problem,
                severity,
                f"{TABLE_NUMBERS.get(self.table, self.table)}{where}（{at(tok)}）{res.note}",
                at(tok),
                cells,
            )
        )

    def _values_row(
        self,
        tokens: list[Token],
        rows: Mapping[str, attrs.Attribute[Any]],
        strays: list[Token],
    ) -> Token | None:
        """The table's one row of values (表四's 15), also when it is printed in parts: 表四
        split into three tables at page breaks, or its values wrapped over lines. The parts
        are that row in order when their values are exactly the row's cells; otherwise the
        first part is read and the others are rows out of place."""
        if len(tokens) <= 1:
            return tokens[0] if tokens else None
        parts: list[RowToken] = [t.value for t in tokens]
        wanted = sum(len(_columns(self.table, k, f.metadata["row"])) for k, f in rows.items())
        if any(_unsplit(p) for p in parts) or sum(len(p.values) for p in parts) != wanted:
            strays.extend(tokens[1:])
            return tokens[0]
        marks: tuple[Any, ...] | None = ()
        for part in parts:
            marks = None if marks is None or part.value_marks is None else marks + part.value_marks
        joined = RowToken(
            parts[0].row,
            parts[0].label,
            tuple(v for p in parts for v in p.values),
            tuple(loc for p in parts for loc in p.value_locations),
            marks,
        )
        self.diagnostics.append(
            Diagnostic(
                "VALUES_JOINED",
                "info",
                f"{TABLE_NUMBERS.get(self.table, self.table)}的一行数据分印为{len(parts)}段"
                f"（{'、'.join(str(p.at) for p in parts)}；表格在分页处拆开或数据折行），"
                f"共{wanted}个单元格，按顺序合为一行 (the table's row of values printed in "
                f"{len(parts)} parts, {wanted} cells in all: read in order as one row)",
                parts[0].at,
                (self.table,),
            )
        )
        return Token(tokens[0].type, joined)

    def _spread(self, tok: Token, fields: list[attrs.Attribute[Any]]) -> dict[str, Any]:
        """One printed row of values for a whole table (表四's 15 cells)."""
        slots = [
            (f, column)
            for f in fields
            for column in _columns(self.table, f.name, f.metadata["row"])
        ]
        value: RowToken = tok.value
        if _unsplit(value):
            plan = [(f, column, key) for f, (_, _, key, column) in slots]
            self._pending(value, plan, None)
            return {f.name: f.metadata["row"]() for f in fields}
        res = resolve(
            value.values, value.value_locations, len(slots), value.value_marks, value.row.gapped
        )
        self._resolved(res, tok, "数据行", (self.table,))
        per_row: dict[str, dict[str, Any]] = {f.name: {} for f in fields}
        for (f, (i, name, key, column)), text, line in zip(
            slots, res.cells, res.locations, strict=True
        ):
            if text is not None:
                self.locations[key] = line or value.at
                self.texts[key] = text
                per_row[f.name][name] = self._value(f, column, i, text, line or value.at, None)
        return {
            name: f.metadata["row"](**per_row[name])
            for name, f in zip(per_row, fields, strict=True)
        }

    def _pending(
        self,
        value: RowToken,
        plan: Sequence[tuple[attrs.Attribute[Any], attrs.Attribute[Any], str]],
        header: Token | None,
    ) -> None:
        """Keep a crawler row's pieces for the checks to cut (each cell located at the row)."""
        keys = tuple(key for _, _, key in plan)
        kinds = tuple(column.metadata["kind"] for _, column, _ in plan)
        self.locations.update(dict.fromkeys(keys, value.at))
        units: tuple[Unit | None, ...] = (None,) * len(plan)
        if MONEY in kinds:
            units = tuple(
                (_header_unit(header, i) or column.metadata.get("unit")) if kind == MONEY else None
                for i, ((_, column, _), kind) in enumerate(zip(plan, kinds, strict=True))
            )
        self.pending.append(
            Unsplit(
                value.label or TABLE_NUMBERS.get(self.table, self.table),
                keys,
                kinds,
                units,
                tuple(c for c in value.values if c),
                all(m == RUN for m in value.value_marks or () if m in UNSPLIT),
                value.at,
            )
        )

    def _value(
        self,
        field: attrs.Attribute[Any],
        column: attrs.Attribute[Any],
        index: int,
        text: str,
        line: Location,
        header: Token | None,
    ) -> Any:
        kind = column.metadata["kind"]
        noted = _CELL_NOTE.fullmatch(normalize(text)) if "(" in text or "（" in text else None
        if noted is not None and noted.group(1):  # 16（其中修订2件）: the value, and a note
            text = noted.group(1)
            name = cell_name(self.table, field.metadata["label"], column.metadata["label"])
            self.notes.append(
                Diagnostic(
                    "CELL_NOTE",
                    "info",
                    f"{name}（{line}）附注「{noted.group(2)}」，数值按{text}读取 "
                    f"(a note beside the cell's value; the value is read)",
                    line,
                    (f"{self.table}.{field.name}.{column.name}",),
                )
            )
        try:
            if kind == MONEY:
                unit: Unit | None = _header_unit(header, index) or column.metadata.get("unit")
                value: Any = parse_money(text, unit)
            else:
                value = _PARSERS[kind](text)
            if value is None and clean(text):  # a visible mark, not an empty cell
                self.marked.append((f"{self.table}.{field.name}.{column.name}", line))
            return value
        except CellError:
            key = f"{self.table}.{field.name}.{column.name}"
            self.diagnostics.append(
                Diagnostic(
                    "UNPARSEABLE_CELL",
                    "warning",
                    f"{cell_name(self.table, field.metadata['label'], column.metadata['label'])}"
                    f"（{line}）的内容「{text[:40]}」不是数值，按空白处理 (cell is not a value; read as blank)",
                    line,
                    (key,),
                )
            )
            return None

    def _extra(self, tok: Token) -> ExtraRow:
        value: RowToken = tok.value
        cells = list(value.values)
        while cells and cells[-1] == "":
            cells.pop()
        self.diagnostics.append(
            Diagnostic(
                "EXTRA_ROW",
                "warning",
                f"{at(tok)}「{value.label}」不是{TABLE_NUMBERS.get(self.table, self.table)}模板中的行，"
                f"原样保留在 extra_rows (a row the template does not have, kept verbatim)",
                at(tok),
                (f"{self.table}.extra_rows",),
            )
        )
        return ExtraRow(value.label, tuple(cells))

    def _zeros(
        self, tok: Token, key: str, rows: Mapping[str, Any], zeros: dict[str, Token]
    ) -> bool:
        """A printed row that sums rows of this template (the 2019 （六）其他处理 in a 2021
        table): when every one of its cells is 0, so is every cell of its parts."""
        parts = self.aggregates.get(key, ())
        value: RowToken = tok.value
        cells = [c for c in value.values if c]
        if not parts or not all(p in rows for p in parts) or not cells:
            return False
        arity = len(value_fields(rows[parts[0]].metadata["row"]))
        try:
            if len(cells) != arity or any(parse_count(c) != 0 for c in cells):
                return False
        except CellError:
            return False
        zeros.update(dict.fromkeys(parts, tok))
        labels = "、".join(f"「{rows[p].metadata['label'].split(' ')[-1]}」" for p in parts)
        self.diagnostics.append(
            Diagnostic(
                "AGGREGATE_ROW_ZEROS",
                "info",
                f"{at(tok)}「{value.label}」印为一行且全为0，本模板的{labels}{len(parts)}行均记为0 "
                f"(one printed row of zeros for {len(parts)} template rows: each is 0)",
                at(tok),
                tuple(f"{self.table}.{p}" for p in parts),
            )
        )
        return True

    def _zero_row(self, field: attrs.Attribute[Any], tok: Token) -> Any:
        row_cls = field.metadata["row"]
        kwargs = {}
        for _, name, key, _ in _columns(self.table, field.name, row_cls):
            self.locations[key] = at(tok)
            kwargs[name] = 0
        return row_cls(**kwargs)

    def _foreign(self, tok: Token, key: str, other_rows: Mapping[str, str]) -> None:
        value: RowToken = tok.value
        cells = " | ".join(c for c in value.values if c)
        if key in other_rows:
            self.diagnostics.append(
                Diagnostic(
                    "MIXED_TEMPLATE",
                    "warning",
                    f"{at(tok)}「{value.label}」属于{other_rows[key]}年版模板，本报告其余部分按本模板解析；"
                    f"该行数值未计入：{cells} (a row of the {other_rows[key]} template; its values are not assigned)",
                    at(tok),
                    (f"{self.table}.{key}",),
                )
            )
        else:
            self.diagnostics.append(
                Diagnostic(
                    "UNEXPECTED_ROW",
                    "warning",
                    f"{at(tok)}「{value.label}」不属于{TABLE_NUMBERS.get(self.table, self.table)}"
                    " (row not in this table)",
                    at(tok),
                )
            )

    def _note(
        self, code: str, severity: str, tok: Token, field: attrs.Attribute[Any], what: str
    ) -> None:
        self.diagnostics.append(
            Diagnostic(
                code,
                severity,  # type: ignore[arg-type]
                f"{at(tok)}「{field.metadata['label']}」{what}",
                at(tok),
                (f"{self.table}.{field.name}",),
            )
        )


def _unsplit(value: RowToken) -> bool:
    """Crawler text: the row's values still have to be cut into cells."""
    marks = value.value_marks
    return marks is not None and any(m in UNSPLIT for m in marks)


# a value with its note beside it: 16（其中修订2件）; a note is what the lexer takes for one
_CELL_NOTE = re.compile(r"(.{1,20}?)(" + NOTE.pattern + ")")


def _header_unit(header: Token | None, index: int) -> Unit | None:
    """The unit the column header names (``采购总金额（万元）``), if the header row is known."""
    if header is None or not isinstance(header.value, RowToken):
        return None
    cells = [c for c in header.value.row.cells if c]
    if len(cells) > index + 1:
        unit = unit_in(cells[index + 1])
        if unit is not None:
            return unit
    for cell in cells:
        if "金额" in normalize(cell):
            unit = unit_in(cell)
            if unit is not None:
                return unit
    return None
