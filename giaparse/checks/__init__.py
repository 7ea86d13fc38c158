"""Consistency checks: the arithmetic the tables must satisfy, within a report and across years."""

from __future__ import annotations

import attrs

from giaparse.checks.evaluate import Outcome, check, check_diagnostics
from giaparse.checks.rules import RULES, Rule
from giaparse.checks.series import SERIES_RULES, check_series
from giaparse.model.report import Report

__all__ = ["RULES", "SERIES_RULES", "Outcome", "Rule", "apply_checks", "check", "check_series"]


def apply_checks(report: Report) -> Report:
    """The report with its check diagnostics appended (failures, blanks, unassessable totals)."""
    found = check_diagnostics(check(report))
    if not found:
        return report
    return attrs.evolve(report, diagnostics=(*report.diagnostics, *found))
