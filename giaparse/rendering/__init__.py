"""Rendering reports back to text: the official table shapes, in any layout."""

from giaparse.rendering.layout import LAYOUTS, lay_out
from giaparse.rendering.report import DOCUMENT_LAYOUTS, render, report_items
from giaparse.tokens.layouts import CRAWLER_LAYOUTS

__all__ = ["CRAWLER_LAYOUTS", "DOCUMENT_LAYOUTS", "LAYOUTS", "lay_out", "render", "report_items"]
