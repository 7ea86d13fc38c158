"""The arithmetic the tables must satisfy, as data: code, severity, formula, descriptions.

Each rule expands, for one report, into equations over named cells. Blank components count as
0; an equation whose total cell is blank cannot be assessed (it is not a failure).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal

import attrs

from giaparse.checks.cells import columns
from giaparse.core.diagnostics import Severity
from giaparse.model.fields import row_fields

Kind = Literal["total", "balance"]
NOT_OUTCOMES = ("new_requests", "carried_over", "total_processed", "carried_forward")


def _cells(eq: Equation) -> tuple[str, ...]:
    return (*eq.total, *eq.parts)


@attrs.frozen
class Equation:
    """``sum(total) == sum(parts)``; for a balance, both sides are sums of components."""

    total: tuple[str, ...]
    parts: tuple[str, ...]
    subject: str  # the column, row or group the equation is about
    cells: tuple[str, ...] = attrs.field(  # total then parts: the cells an outcome names
        init=False, eq=False, repr=False, default=attrs.Factory(_cells, takes_self=True)
    )


@attrs.frozen
class Rule:
    code: str
    severity: Severity
    kind: Kind
    formula: str
    zh: str
    en: str
    expand: Callable[[Any], Iterable[Equation]] = attrs.field(repr=False)


def _app_rows(report: Any) -> list[str]:
    return [f.name for f in row_fields(type(report.applications))]


def _has(report: Any, *rows: str) -> bool:
    return all(r in _app_rows(report) for r in rows)


def _column_balance(report: Any) -> Iterable[Equation]:
    if not _has(report, *NOT_OUTCOMES):
        return
    for col in columns(type(report.applications.new_requests)):
        yield Equation(
            (f"applications.new_requests.{col}", f"applications.carried_over.{col}"),
            (f"applications.total_processed.{col}", f"applications.carried_forward.{col}"),
            col,
        )


def _row_total(report: Any) -> Iterable[Equation]:
    for row in _app_rows(report):
        cols = columns(type(getattr(report.applications, row)))
        if "total" not in cols:
            continue
        parts = tuple(f"applications.{row}.{c}" for c in cols if c != "total")
        yield Equation((f"applications.{row}.total",), parts, row)


def _outcome_total(report: Any) -> Iterable[Equation]:
    if not _has(report, "total_processed"):
        return
    outcomes = [r for r in _app_rows(report) if r not in NOT_OUTCOMES]
    for col in columns(type(report.applications.total_processed)):
        parts = tuple(f"applications.{r}.{col}" for r in outcomes)
        yield Equation((f"applications.total_processed.{col}",), parts, col)


def _group_total(report: Any) -> Iterable[Equation]:
    for f in row_fields(type(report.reviews)):
        cols = columns(f.metadata["row"])
        if "total" not in cols:
            continue
        parts = tuple(f"reviews.{f.name}.{c}" for c in cols if c != "total")
        yield Equation((f"reviews.{f.name}.total",), parts, f.name)


RULES: tuple[Rule, ...] = (
    Rule(
        "T3_COLUMN_BALANCE",
        "error",
        "balance",
        "new_requests + carried_over == total_processed + carried_forward  (each column)",
        "表三每列：第一项加第二项之和，等于第三项加第四项之和",
        "Table 3, every column: new + carried over equals processed + carried forward",
        _column_balance,
    ),
    Rule(
        "T3_ROW_TOTAL",
        "error",
        "total",
        "total == natural_person + commercial + research + social_welfare + legal_services"
        " + other_org  (each row)",
        "表三每行：总计等于自然人与各类法人或其他组织之和",
        "Table 3, every row: total equals the sum of the applicant columns",
        _row_total,
    ),
    Rule(
        "T3_OUTCOME_TOTAL",
        "error",
        "total",
        "total_processed == granted + partially_granted + withheld_* + unavailable_*"
        " + not_processed_* + other_*  (each column)",
        "表三每列：（七）总计等于（一）至（六）各项办理结果之和",
        "Table 3, every column: （七）总计 equals the sum of the outcome rows",
        _outcome_total,
    ),
    Rule(
        "T4_GROUP_TOTAL",
        "error",
        "total",
        "total == upheld + corrected + other + pending  (each of the three groups)",
        "表四每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
        "Table 4, each group: total equals upheld + corrected + other + pending",
        _group_total,
    ),
)
