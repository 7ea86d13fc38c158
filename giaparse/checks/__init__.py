"""Consistency checks: the arithmetic the tables must satisfy, within a report and across years."""

from __future__ import annotations

import attrs

from giaparse.checks.evaluate import Outcome, check, diagnose
from giaparse.checks.rules import RULES, Rule
from giaparse.checks.series import SERIES_RULES, check_series
from giaparse.checks.solve import solve
from giaparse.model.report import Report

__all__ = ["RULES", "SERIES_RULES", "Outcome", "Rule", "apply_checks", "check", "check_series"]


def apply_checks(report: Report) -> Report:
    """The report with its check diagnostics appended (failures, blanks, unassessable totals);
    rows of crawler text are first cut into cells by the same arithmetic."""
    report = solve(report)
    found = diagnose(report)
    if not found:
        return report
    return attrs.evolve(report, diagnostics=(*report.diagnostics, *found))
