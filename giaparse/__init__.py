"""giaparse: 政府信息公开工作年度报告 as typed, checked data."""

from typing import Any

from giaparse.api import parse, parse_bytes, parse_file
from giaparse.checks import RULES, Outcome, check, check_series
from giaparse.core.diagnostics import Diagnostic
from giaparse.core.errors import GiaparseError, ParseError, StrictError, UnknownTemplateError
from giaparse.core.values import Money
from giaparse.model.report import Report, Sections
from giaparse.model.template import (
    Template,
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
    "Money",
    "Outcome",
    "ParseError",
    "Report",
    "Sections",
    "StrictError",
    "Template",
    "UnknownTemplateError",
    "check",
    "check_series",
    "get_template",
    "parse",
    "parse_bytes",
    "parse_file",
    "register_template",
    "render",
    "templates",
    "to_frame",
    "unregister_template",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``giaparse.to_frame``, imported on first use: the batch and writer modules behind it add
    a tenth to ``import giaparse``, and most users never need them."""
    if name == "to_frame":
        from giaparse.export.frames import to_frame

        return to_frame
    raise AttributeError(f"module 'giaparse' has no attribute {name!r}")
