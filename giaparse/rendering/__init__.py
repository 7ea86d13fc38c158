"""Rendering reports back to text: the official table shapes, in any layout."""

from giaparse.rendering.layout import LAYOUTS, lay_out
from giaparse.rendering.report import render, report_items

__all__ = ["LAYOUTS", "lay_out", "render", "report_items"]
