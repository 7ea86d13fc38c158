"""Rendering reports back to text: the official table shapes, in any layout."""

from giaparse.rendering.layout import CRAWLER_LAYOUTS, LAYOUTS, lay_out
from giaparse.rendering.report import DOCUMENT_LAYOUTS, render, report_items

__all__ = ["CRAWLER_LAYOUTS", "DOCUMENT_LAYOUTS", "LAYOUTS", "lay_out", "render", "report_items"]
