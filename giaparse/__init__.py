"""giaparse: 政府信息公开工作年度报告 as typed, checked data.

Entry points:

- :func:`parse` (text), :func:`parse_bytes`, :func:`parse_file`: a report from what you have.
- :func:`parse_items`: a report from an item stream (:class:`Row`, :class:`Prose`) that a
  document reader or your own reader made; rows may mark merged-cell placeholders and every
  item carries a :class:`Location` (a text line, a PDF page, a Word table and row).
- :class:`Report` with typed tables, :class:`Diagnostic` for everything repaired, doubted or
  inconsistent, :func:`check` / :func:`check_series` for the arithmetic rules (:data:`RULES`).
- :func:`render` a report back to text or a document; :func:`to_frame` for pandas;
  :func:`review` for a self-contained HTML page to check reports by eye.
- :class:`Template`, :func:`register_template`, :func:`unregister_template`,
  :func:`templates`, :func:`get_template`: add a template year without editing giaparse.
"""

from typing import Any

from giaparse.api import parse, parse_bytes, parse_file, parse_items
from giaparse.checks import RULES, Outcome, check, check_series
from giaparse.core.diagnostics import Diagnostic, Severity
from giaparse.core.errors import (
    GiaparseError,
    MissingExtraError,
    ParseError,
    StrictError,
    UnknownTemplateError,
    UnreadableFileError,
)
from giaparse.core.items import Mark, Prose, Row
from giaparse.core.location import Location
from giaparse.core.values import Money
from giaparse.model.report import Report, Sections
from giaparse.model.template import (
    Template,
    TemplatePluginWarning,
    get_template,
    register_template,
    templates,
    unregister_template,
)
from giaparse.rendering import render

__all__ = [
    "RULES",
    "Diagnostic",
    "GiaparseError",
    "Location",
    "Mark",
    "MissingExtraError",
    "Money",
    "Outcome",
    "ParseError",
    "Prose",
    "Report",
    "Row",
    "Sections",
    "Severity",
    "StrictError",
    "Template",
    "TemplatePluginWarning",
    "UnknownTemplateError",
    "UnreadableFileError",
    "check",
    "check_series",
    "get_template",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_items",
    "register_template",
    "render",
    "review",
    "templates",
    "to_frame",
    "unregister_template",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``giaparse.to_frame`` and ``giaparse.review``, imported on first use: the modules behind
    them add a tenth to ``import giaparse``, and most users never need them."""
    if name == "to_frame":
        from giaparse.export.frames import to_frame

        return to_frame
    if name == "review":
        from giaparse.export.review import review

        return review
    raise AttributeError(f"module 'giaparse' has no attribute {name!r}")
