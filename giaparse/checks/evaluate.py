"""Evaluate rules on a report: every equation's outcome, and the diagnostics for failures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

from giaparse.checks.cells import cell_values, chinese
from giaparse.checks.rules import RULES, Equation, Rule
from giaparse.core.diagnostics import Diagnostic, Severity, split_gloss
from giaparse.core.location import Location
from giaparse.model.fields import label_of

Status = Literal["pass", "fail", "not_assessable"]


@attrs.frozen
class Outcome:
    """One rule applied to one column, row or group."""

    code: str
    status: Status
    severity: Severity
    subject: str
    cells: tuple[str, ...]
    expected: int | None  # what the components add up to
    found: int | None  # what the report prints as the total
    blanks: tuple[str, ...]  # blank components counted as 0
    message: str
    location: Location | None = None  # where the first of its cells stood in the source
    agency: str | None = None
    year: int | None = None
    message_en: str | None = None  # the English gloss; ``message`` is Chinese only
    sources: tuple[str, ...] = ()  # the report's source; both years' for a cross-year rule

    def __attrs_post_init__(self) -> None:
        if self.message_en is None:
            zh, en = split_gloss(self.message)
            object.__setattr__(self, "message", zh)
            object.__setattr__(self, "message_en", en)

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(
            self.code, self.severity, self.message, self.location, self.cells, self.message_en
        )

    @property
    def line(self) -> int | None:
        """The input line, where the input is lines of text."""
        return self.location.text_line if self.location is not None else None


def _sum(values: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[int, list[str], bool]:
    total, blanks, all_blank = 0, [], True
    for key in keys:
        v = values[key]
        if v is None:
            blanks.append(key)
        else:
            total += v
            all_blank = False
    return total, blanks, all_blank


def evaluate(rule: Rule, eq: Equation, report: Any, values: Mapping[str, Any]) -> Outcome:
    """``values``: the report's cells by key, read once for all equations (see :func:`check`)."""
    cells = eq.cells
    found, total_blanks, totals_blank = _sum(values, eq.total)
    expected, part_blanks, parts_blank = _sum(values, eq.parts)
    lines = getattr(report, "cell_locations", {})
    line = next((lines[k] for k in cells if k in lines), None)
    unassessable = (totals_blank or parts_blank) if rule.kind == "balance" else bool(total_blanks)
    if unassessable:
        return Outcome(
            rule.code,
            "not_assessable",
            "info",
            eq.subject,
            cells,
            None,
            None,
            (),
            f"{_name(rule, eq, report)}：合计单元格空白，无法核对 (total cell blank: not assessable)",
            line,
        )
    blanks = tuple(total_blanks + part_blanks)
    if found == expected:  # no Chinese names to build: passes are many and rarely read
        return Outcome(
            rule.code,
            "pass",
            "info",
            eq.subject,
            cells,
            expected,
            found,
            blanks,
            "相符 (consistent)",
            line,
        )
    return Outcome(
        rule.code,
        "fail",
        rule.severity,
        eq.subject,
        cells,
        expected,
        found,
        blanks,
        _failure(rule, eq, report, expected, found),
        line,
    )


def _name(rule: Rule, eq: Equation, report: Any) -> str:
    if rule.kind == "total":
        return chinese(report, eq.total[0])
    return f"表三「{_column_label(report, eq.total[0])}」列"


def _column_label(report: Any, key: str) -> str:
    table, row, column = key.split(".")
    return label_of(type(getattr(getattr(report, table), row)), column)


def _failure(rule: Rule, eq: Equation, report: Any, expected: int, found: int) -> str:
    if rule.code == "T3_COLUMN_BALANCE":
        return (
            f"表三「{_column_label(report, eq.total[0])}」列：第一项加第二项之和为{found}，"
            f"第三项加第四项之和为{expected}，二者应相等 "
            f"(new + carried over = {found}, processed + carried forward = {expected})"
        )
    what = {
        "T3_ROW_TOTAL": "该行各申请人列之和",
        "T3_OUTCOME_TOTAL": "（一）至（六）各项办理结果之和",
        "T4_GROUP_TOTAL": "结果维持、结果纠正、其他结果、尚未审结之和",
    }.get(rule.code, "各项之和")
    return (
        f"{chinese(report, eq.total[0])}为{found}，但{what}为{expected} "
        f"({eq.total[0]} = {found}; its parts add up to {expected})"
    )


def check(report: Any, rules: tuple[Rule, ...] = RULES) -> list[Outcome]:
    """Every rule's outcome on ``report``: pass, fail or not assessable."""
    eqs, keys = _plan(rules, report)
    values = cell_values(report, keys)
    outcomes = [evaluate(rule, eq, report, values) for rule, eq in eqs]
    source = getattr(report, "source", None)
    if source is not None:
        outcomes = [attrs.evolve(o, sources=(str(source),)) for o in outcomes]
    return outcomes


_PLANS: dict[tuple[Any, ...], tuple[tuple[tuple[Rule, Equation], ...], tuple[str, ...]]] = {}


def _plan(
    rules: tuple[Rule, ...], report: Any
) -> tuple[tuple[tuple[Rule, Equation], ...], tuple[str, ...]]:
    """The equations of ``rules`` and the cells they read, each once.

    Equations depend on the report's table classes only, so they are expanded once per set of
    classes (and of rules).
    """
    key = (rules, type(report.active_disclosure), type(report.applications), type(report.reviews))
    plan = _PLANS.get(key)
    if plan is None:
        eqs = tuple((rule, eq) for rule in rules for eq in rule.expand(report))
        keys = tuple(dict.fromkeys(k for _, eq in eqs for k in eq.cells))
        plan = _PLANS[key] = (eqs, keys)
    return plan


def diagnose(report: Any, rules: tuple[Rule, ...] = RULES) -> list[Diagnostic]:
    """``check_diagnostics(check(report))``, with an :class:`Outcome` built only where it says
    something: an equation with no blank cell whose two sides agree adds no diagnostic, and
    most equations of most reports are that.
    """
    eqs, keys = _plan(rules, report)
    values = cell_values(report, keys)
    telling = []
    for rule, eq in eqs:
        total = [values[k] for k in eq.total]
        parts = [values[k] for k in eq.parts]
        if None in total or None in parts or sum(total) != sum(parts):
            telling.append(evaluate(rule, eq, report, values))
    return check_diagnostics(telling)


def check_diagnostics(outcomes: list[Outcome]) -> list[Diagnostic]:
    """Failures one by one; blanks counted as 0 and unassessable totals noted once each."""
    diags = [o.diagnostic() for o in outcomes if o.status == "fail"]
    blanks = sorted({k for o in outcomes if o.status != "not_assessable" for k in o.blanks})
    if blanks:
        diags.append(
            Diagnostic(
                "BLANK_AS_ZERO",
                "info",
                f"核对勾稽关系时，{len(blanks)}个空白单元格按0计 ({len(blanks)} blank cells counted as 0)",
                None,
                tuple(blanks),
            )
        )
    na = [o for o in outcomes if o.status == "not_assessable"]
    if na:
        diags.append(
            Diagnostic(
                "NOT_ASSESSABLE",
                "info",
                f"{len(na)}项勾稽关系的合计单元格空白，无法核对 "
                f"({len(na)} checks not assessable: their totals are blank)",
                None,
                tuple(sorted({o.cells[0] for o in na})),
            )
        )
    return diags
