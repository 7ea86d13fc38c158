"""Reports back from a batch's output (SQLite or JSON Lines), so a corpus parsed once can be
reviewed or checked again without parsing it again."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from giaparse.export.review import Entry
from giaparse.export.writers import SQLITE_SUFFIXES, read_table
from giaparse.model.report import Report


def is_batch_output(path: str | Path) -> bool:
    """A SQLite file, or the reports table of a JSON Lines batch (``x.reports.jsonl``)."""
    p = Path(path)
    if p.suffix.lower() in SQLITE_SUFFIXES:
        return True
    return p.suffix.lower() == ".jsonl" and p.name.endswith(".reports.jsonl")


def load_entries(output: str | Path) -> list[Entry]:
    """Every file of a batch as an :class:`Entry`: its report rebuilt from the facts and
    diagnostics tables (``Report.from_dict``), or the reason it failed."""
    output = Path(output)
    if output.name.endswith(".reports.jsonl"):
        output = output.with_name(output.name.removesuffix(".reports.jsonl") + ".jsonl")
    reports = read_table(output, "reports")
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_table(output, "facts"):
        facts[row["source"]].append(row)
    diagnostics: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_table(output, "diagnostics"):
        diagnostics[row["source"]].append(row)
    entries = []
    for row in reports:
        source = row["source"]
        if row["status"] == "failed":
            entries.append(Entry(source, None, row["error"], row.get("kind")))
            continue
        entries.append(Entry(source, _report(row, facts[source], diagnostics[source]), None))
    return entries


def _report(
    head: dict[str, Any], facts: list[dict[str, Any]], diagnostics: list[dict[str, Any]]
) -> Report:
    data: dict[str, Any] = {
        "template": head["template"],
        "year": head["year"],
        "agency": head["agency"],
        "layout": head["layout"],
        "active_disclosure": {},
        "applications": {},
        "reviews": {},
    }
    extras: dict[tuple[str, str], dict[str, Any]] = {}
    for f in facts:
        table, row, column = f["table"], f["row"], f["column"]
        if row.startswith("extra_rows["):
            extra = extras.setdefault((table, row), {"label": f["row_label"], "cells": {}})
            extra["cells"][int(column)] = f["raw"] or ""
            continue
        if f["amount"] is not None or f["unit"] is not None:
            value: Any = {"amount": f["amount"], "unit": f["unit"]}
        else:
            value = f["value"]
        data[table].setdefault(row, {})[column] = value
    for (table, _), extra in sorted(extras.items(), key=lambda kv: _index(kv[0][1])):
        cells = [extra["cells"][i] for i in sorted(extra["cells"])]
        data[table].setdefault("extra_rows", []).append({"label": extra["label"], "cells": cells})
    data["diagnostics"] = [_diagnostic(d) for d in diagnostics]
    return Report.from_dict(data)


def _index(row: str) -> int:
    return int(row[len("extra_rows[") : -1])


def _diagnostic(row: dict[str, Any]) -> dict[str, Any]:
    """A diagnostics table row as ``Diagnostic`` data; its place from the location columns
    (a PDF page, a text or HTML line, a Word table and row)."""
    location = None
    page, line, table = row.get("page"), row.get("line"), row.get("table_no")
    if page is not None or line is not None or table is not None:
        kind = "pdf" if page is not None else "text" if line is not None else "docx"
        location = {
            "kind": kind,
            "line": line,
            "page": page,
            "table": table,
            "row": row.get("table_row"),
            "column": None,
            "paragraph": None,
        }
    return {
        "code": row["code"],
        "severity": row["severity"],
        "message": row["message"],
        "line": row.get("line"),
        "cells": (row.get("cells") or "").split(),
        "location": location,
    }
