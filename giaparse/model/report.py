"""The parsed report: typed tables, narrative sections, metadata and diagnostics."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.location import Location
from giaparse.core.source import Source
from giaparse.core.values import Unit
from giaparse.model.convert import structure, unstructure
from giaparse.model.tables import ActiveDisclosure, Applications, Reviews


@attrs.frozen(slots=True)
class Sections:
    """The narrative text of the six parts, as printed (whitespace tidied); None when absent."""

    overview: str | None = attrs.field(default=None, metadata={"label": "一、总体情况"})
    active_disclosure: str | None = attrs.field(
        default=None, metadata={"label": "二、主动公开政府信息情况"}
    )
    applications: str | None = attrs.field(
        default=None, metadata={"label": "三、收到和处理政府信息公开申请情况"}
    )
    reviews: str | None = attrs.field(
        default=None, metadata={"label": "四、政府信息公开行政复议、行政诉讼情况"}
    )
    problems: str | None = attrs.field(
        default=None, metadata={"label": "五、存在的主要问题及改进情况"}
    )
    other_matters: str | None = attrs.field(
        default=None, metadata={"label": "六、其他需要报告的事项"}
    )


@attrs.frozen(slots=True)
class Unsplit:
    """A row's values as crawler text printed them, not yet cut into its cells.

    Glued text (``153010221``) has lost where one cell ends; a layout of one line per cell
    may have broken a value over lines or dropped repeated lines. The checks cut, join or
    repeat the pieces by the tables' arithmetic (:mod:`giaparse.checks.solve`).
    """

    label: str  # the row's label as printed, for messages
    cells: tuple[str, ...]  # the cell keys the pieces fill, in printed order
    kinds: tuple[str, ...]  # count, delta or money, per cell
    units: tuple[Unit | None, ...]  # per cell: the unit a money cell's header names
    pieces: tuple[str, ...]  # runs (glued) or lines (lines), as printed
    glued: bool  # True: a run may be cut anywhere; False: lines may be joined or repeated
    at: Location


def _diagnostics(values: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Report:
    """One 政府信息公开工作年度报告.

    ``active_disclosure`` and ``applications`` are instances of the template's table classes
    (e.g. :class:`~giaparse.model.tables.ActiveDisclosure2021`).
    """

    template: str | None = attrs.field(metadata={"label": "模板"})  # None: no table read
    year: int | None = attrs.field(metadata={"label": "年度"})
    agency: str | None = attrs.field(metadata={"label": "机关"})
    layout: str | None = attrs.field(metadata={"label": "版式"})
    active_disclosure: ActiveDisclosure = attrs.field(
        metadata={"label": "二、主动公开政府信息情况"}
    )
    applications: Applications = attrs.field(
        metadata={"label": "三、收到和处理政府信息公开申请情况"}
    )
    reviews: Reviews = attrs.field(
        factory=Reviews, metadata={"label": "四、政府信息公开行政复议、行政诉讼情况"}
    )
    sections: Sections = attrs.field(factory=Sections, metadata={"label": "正文"})
    diagnostics: tuple[Diagnostic, ...] = attrs.field(
        default=(), converter=_diagnostics, metadata={"label": "诊断"}
    )
    # Where each cell stood in the source (``applications.granted.total`` -> 第12行). Not part
    # of the JSON contract nor of equality: a report rendered anew has other lines, same data.
    cell_locations: Mapping[str, Location] = attrs.field(
        factory=dict, eq=False, repr=False, metadata={"label": "单元格位置", "internal": True}
    )
    cell_texts: Mapping[str, str] = attrs.field(  # each cell as printed, e.g. "674.7294万元"
        factory=dict, eq=False, repr=False, metadata={"label": "单元格原文", "internal": True}
    )
    # Where the report was read from: not part of equality (the same data read from another
    # file is the same report); in the JSON as "source", "source_kind" and "sha256".
    source: Source | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"label": "来源", "internal": True}
    )

    # Rows of crawler text whose values the checks have still to cut into cells; empty once
    # the report is parsed. Not data: never in the JSON, nor in equality.
    pending: tuple[Unsplit, ...] = attrs.field(
        default=(), eq=False, repr=False, metadata={"label": "待切分", "internal": True}
    )

    def to_dict(self) -> dict[str, Any]:
        """The report in the shape of docs/report-json.md (plain dicts, lists, str, int)."""
        return unstructure(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """The inverse of :meth:`to_dict`; ``sections``, ``diagnostics``, ``layout`` optional."""
        return structure(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls.from_dict(json.loads(text))

    def errors(self) -> list[Diagnostic]:
        """The error diagnostics: a rule the tables break, a table missing."""
        return [d for d in self.diagnostics if d.severity == "error"]

    def warnings(self) -> list[Diagnostic]:
        """The warnings: something repaired or doubted (a row out of place, a misprint)."""
        return [d for d in self.diagnostics if d.severity == "warning"]

    def infos(self) -> list[Diagnostic]:
        """The infos: what was done that changes nothing (a footer removed, blanks counted)."""
        return [d for d in self.diagnostics if d.severity == "info"]
