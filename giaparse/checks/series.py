"""Checks across years: the same agency's consecutive reports must carry their numbers over."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from giaparse.checks.cells import chinese, columns, value
from giaparse.checks.evaluate import Outcome, Status
from giaparse.core.diagnostics import Severity

CARRY = "CROSS_YEAR_CARRY"
IN_FORCE = "CROSS_YEAR_IN_FORCE"
SERIES_RULES: dict[str, tuple[Severity, str, str, str]] = {
    CARRY: (
        "error",
        "carried_over(Y) == carried_forward(Y-1)  (each column)",
        "上年结转数应等于上一年度报告的结转下年度继续办理数",
        "carried over this year equals last year's carried forward",
    ),
    IN_FORCE: (
        "warning",
        "in_force(Y) == in_force(Y-1) + issued(Y) - repealed(Y)  (2021 template)",
        "现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数",
        "in force equals last year's in force plus issued minus repealed",
    ),
}


def check_series(reports: Iterable[Any]) -> list[Outcome]:
    """Group by agency, order by year, and check each pair of consecutive years."""
    by_agency: dict[str, dict[int, Any]] = defaultdict(dict)
    for report in reports:
        if report.agency and report.year:
            by_agency[report.agency].setdefault(report.year, report)
    outcomes: list[Outcome] = []
    for agency, years in sorted(by_agency.items()):
        for year in sorted(years):
            previous = years.get(year - 1)
            if previous is None:
                continue
            outcomes.extend(_carry(agency, previous, years[year]))
            outcomes.extend(_in_force(agency, previous, years[year]))
    return outcomes


def _outcome(
    code: str,
    agency: str,
    year: int,
    cells: tuple[str, ...],
    expected: int | None,
    found: int | None,
    message: str,
) -> Outcome:
    status: Status
    sev: Severity
    if expected is None or found is None:
        status, sev = "not_assessable", "info"
    elif expected == found:
        status, sev = "pass", "info"
    else:
        status, sev = "fail", SERIES_RULES[code][0]
    return Outcome(
        code,
        status,
        sev,
        cells[0],
        cells,
        expected,
        found,
        (),
        message,
        None,
        agency,
        year,
    )


def _carry(agency: str, prev: Any, cur: Any) -> Iterable[Outcome]:
    if not all(hasattr(r.applications, "carried_over") for r in (prev, cur)):
        return
    for col in columns(type(cur.applications.carried_over)):
        now_key, then_key = (
            f"applications.carried_over.{col}",
            f"applications.carried_forward.{col}",
        )
        found, expected = value(cur, now_key), value(prev, then_key)
        yield _outcome(
            CARRY,
            agency,
            cur.year,
            (now_key, then_key),
            expected,
            found,
            f"{agency}{cur.year}年{chinese(cur, now_key)}为{found}，"
            f"{prev.year}年{chinese(prev, then_key)}为{expected} "
            f"(carried over {found} vs last year's carried forward {expected})",
        )


def _in_force(agency: str, prev: Any, cur: Any) -> Iterable[Outcome]:
    for row in ("regulations", "normative_documents"):
        before = getattr(prev.active_disclosure, row, None)
        now = getattr(cur.active_disclosure, row, None)
        if before is None or now is None or not hasattr(before, "in_force"):
            continue
        if not hasattr(now, "in_force"):
            continue
        parts = (before.in_force, now.issued, now.repealed)
        expected = None if None in parts else before.in_force + now.issued - now.repealed
        key = f"active_disclosure.{row}.in_force"
        yield _outcome(
            IN_FORCE,
            agency,
            cur.year,
            (key,),
            expected,
            now.in_force,
            f"{agency}{cur.year}年{chinese(cur, key)}为{now.in_force}，按上年{before.in_force}"
            f"加本年制发{now.issued}减废止{now.repealed}应为{expected} "
            f"(in force {now.in_force}; expected {expected})",
        )
