"""A parsed report (or a failure) as flat rows of three tidy tables: reports, facts, diagnostics."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from giaparse.core.values import Money
from giaparse.model.fields import row_fields, value_fields
from giaparse.model.report import Report

REPORT_COLUMNS = (
    "source",
    "agency",
    "year",
    "template",
    "layout",
    "kind",  # what the file was: text, html, docx, pdf (sniffed from its bytes)
    "sha256",  # of the file's bytes: the same report under two names is found
    "errors",
    "warnings",
    "infos",
    "status",
    "error",
)
# The facts columns by role; fact_rows() puts them in this order.
FACT_HEAD = ("source", "agency", "year", "template")  # the same for every fact of a file
FACT_CELL = ("table", "row", "column")  # which cell; a corpus repeats a few hundred of them
FACT_VALUE = ("value", "amount", "unit", "raw")
FACT_LABELS = ("row_label", "column_label")  # the cell's Chinese labels: they follow the cell
FACT_COLUMNS = FACT_HEAD + FACT_CELL + FACT_VALUE + FACT_LABELS
# Where a diagnostic stood, for every kind of source: the text line (text, HTML source), the
# printable place (第3页第12行, 表2第5行), the PDF page, the Word/HTML table and its row.
DIAGNOSTIC_COLUMNS = (
    "source",
    "code",
    "severity",
    "message",
    "line",
    "cells",
    "location",
    "page",
    "table_no",
    "table_row",
    "message_en",
)
TABLES = ("reports", "facts", "diagnostics")
DOCUMENT_KINDS = frozenset({"html", "docx", "pdf"})
COLUMNS = {"reports": REPORT_COLUMNS, "facts": FACT_COLUMNS, "diagnostics": DIAGNOSTIC_COLUMNS}
# Columns that hold whole numbers (or nothing) in every format; the rest are text.
INTEGER_COLUMNS = frozenset(
    {"year", "errors", "warnings", "infos", "line", "value", "page", "table_no", "table_row"}
)


@attrs.frozen(slots=True)
class Flat:
    """One input file's rows of each table (plain dicts: cheap to pickle between processes)."""

    reports: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    diagnostics: list[dict[str, Any]]

    def table(self, name: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = getattr(self, name)
        return rows


def report_row(source: str, report: Report) -> dict[str, Any]:
    sev = [d.severity for d in report.diagnostics]
    errors = sev.count("error")
    return {
        "source": source,
        "agency": report.agency,
        "year": report.year,
        "template": report.template,
        "layout": report.layout,
        "kind": report.layout if report.layout in DOCUMENT_KINDS else "text",
        "sha256": report.source.sha256 if report.source is not None else None,
        "errors": errors,
        "warnings": sev.count("warning"),
        "infos": sev.count("info"),
        "status": "errors" if errors else "ok",
        "error": None,
    }


def fact_rows(source: str, report: Report) -> Iterator[dict[str, Any]]:
    """One row per cell, with its Chinese row and column labels and the text as printed."""
    head = {
        "source": source,
        "agency": report.agency,
        "year": report.year,
        "template": report.template,
    }
    texts = report.cell_texts
    for table_name in ("active_disclosure", "applications", "reviews"):
        table = getattr(report, table_name)
        for rf in row_fields(type(table)):
            row = getattr(table, rf.name)
            for cf in value_fields(type(row)):
                v = getattr(row, cf.name)
                key = f"{table_name}.{rf.name}.{cf.name}"
                money = isinstance(v, Money)
                yield {
                    **head,
                    "table": table_name,
                    "row": rf.name,
                    "column": cf.name,
                    "value": None if money else v,
                    "amount": str(v.amount) if money else None,
                    "unit": v.unit if money else None,
                    "raw": texts.get(key),
                    "row_label": rf.metadata["label"],
                    "column_label": cf.metadata["label"],
                }
        for i, extra in enumerate(getattr(table, "extra_rows", ())):
            for j, cell in enumerate(extra.cells):
                yield {
                    **head,
                    "table": table_name,
                    "row": f"extra_rows[{i}]",
                    "column": str(j),
                    "value": None,
                    "amount": None,
                    "unit": None,
                    "raw": cell,
                    "row_label": extra.label,
                    "column_label": None,
                }


def diagnostic_rows(source: str, report: Report) -> Iterator[dict[str, Any]]:
    for d in report.diagnostics:
        at = d.location
        yield {
            "source": source,
            "code": d.code,
            "severity": d.severity,
            "message": d.message,
            "line": None if at is None else at.line,  # of the text, or of the PDF page
            "cells": " ".join(d.cells),
            "location": None if at is None else str(at),
            "page": None if at is None else at.page,
            "table_no": None if at is None else at.table,
            "table_row": None if at is None else at.row,
            "message_en": d.message_en,
        }


def flatten(source: str, report: Report) -> Flat:
    return Flat(
        [report_row(source, report)],
        list(fact_rows(source, report)),
        list(diagnostic_rows(source, report)),
    )


def failed(source: str, error: BaseException, kind: str | None = None) -> Flat:
    """A file that could not be parsed: one reports row with its error, nothing else."""
    row = dict.fromkeys(REPORT_COLUMNS)
    row.update(
        source=source,
        kind=kind,
        errors=0,
        warnings=0,
        infos=0,
        status="failed",
        error=" ".join(str(error).split()) or type(error).__name__,
    )
    return Flat([row], [], [])
