"""The template registry. Built-in templates register exactly as a user's new template does:
through :func:`register_template`, reached via the ``giaparse.model.template`` entry-point group.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import attrs

from giaparse.core.errors import UnknownTemplateError
from giaparse.model.labels import LabelTable, load_labels
from giaparse.model.tables import Reviews

ENTRY_POINT_GROUP = "giaparse.templates"
TABLES = ("active_disclosure", "applications", "reviews")


@attrs.define(eq=False)
class Template:
    """One official report format: its grammar, its labels and the classes of its tables.

    ``grammar`` is a ``.lark`` file whose terminals are rows and headings (it may ``%import``
    from giaparse's ``common.lark``); ``labels`` is the ``.toml`` file of row labels, printed
    variants, headers and the ``signature`` labels that identify the template.
    """

    name: str
    grammar: Path = attrs.field(converter=Path)
    labels: Path = attrs.field(converter=Path)
    active_disclosure: type
    applications: type
    reviews: type = Reviews
    description: str = ""

    @cached_property
    def label_table(self) -> LabelTable:
        return load_labels(self.labels)

    @property
    def tables(self) -> dict[str, type]:
        return {name: getattr(self, name) for name in TABLES}


_REGISTRY: dict[str, Template] = {}
_LOCK = threading.Lock()
_loaded = False


def register_template(template: Template, *, replace: bool = False) -> Template:
    """Make ``template`` available to :func:`giaparse.parse` and template detection."""
    with _LOCK:
        if template.name in _REGISTRY and not replace and _REGISTRY[template.name] is not template:
            raise ValueError(f"a template named {template.name!r} is already registered")
        _REGISTRY[template.name] = template
    return template


def unregister_template(name: str) -> None:
    with _LOCK:
        _REGISTRY.pop(name, None)


def _load_entry_points() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    found = False
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj: Any = ep.load()
        template = obj() if isinstance(obj, Callable) and not isinstance(obj, Template) else obj
        if template.name not in _REGISTRY:
            register_template(template)
        found = found or ep.value.startswith("giaparse.model.builtin:")
    if not found:  # running from a source tree without installed metadata
        from giaparse.model import builtin

        for template in builtin.BUILTINS:
            if template.name not in _REGISTRY:
                register_template(template)


def templates() -> dict[str, Template]:
    """Every registered template by name, built-ins first."""
    _load_entry_points()
    return dict(_REGISTRY)


def get_template(name: str) -> Template:
    registry = templates()
    try:
        return registry[name]
    except KeyError:
        raise UnknownTemplateError(
            f"no template named {name!r}; registered: {', '.join(registry) or 'none'}"
        ) from None
