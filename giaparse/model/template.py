"""The template registry. The national templates register on import through
:func:`register_template`, the same public call a user's new template makes; plugins in the
``giaparse.templates`` entry-point group are loaded once, each on its own, so one broken
plugin is a warning and never stops the others or the built-ins.
"""

from __future__ import annotations

import threading
import warnings
from functools import cached_property
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import attrs

from giaparse.core.errors import UnknownTemplateError
from giaparse.model.labels import LabelTable, load_labels
from giaparse.model.tables import Reviews

ENTRY_POINT_GROUP = "giaparse.templates"
TABLES = ("active_disclosure", "applications", "reviews")


class TemplatePluginWarning(UserWarning):
    """A template plugin could not be loaded, or tried to take a registered template's name."""


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
        return {
            "active_disclosure": self.active_disclosure,
            "applications": self.applications,
            "reviews": self.reviews,
        }


_REGISTRY: dict[str, Template] = {}
_BUILTIN: list[str] = []  # names giaparse itself registered, in order
_LOCK = threading.RLock()
_plugins_loaded = False


def register_template(template: Template, *, replace: bool = False) -> Template:
    """Make ``template`` available to :func:`giaparse.parse` and template detection.

    A name already taken by another template raises ``ValueError`` unless ``replace=True``.
    """
    if not isinstance(template, Template):
        raise TypeError(f"register_template() takes a Template, not {type(template).__name__}")
    with _LOCK:
        old = _REGISTRY.get(template.name)
        if old is not None and old is not template and not replace:
            raise ValueError(
                f"a template named {template.name!r} is already registered; "
                "pass replace=True to replace it"
            )
        _REGISTRY[template.name] = template
    return template


def register_builtin(template: Template) -> Template:
    """Register one of giaparse's own templates (listed first by :func:`templates`)."""
    with _LOCK:
        register_template(template)
        if template.name not in _BUILTIN:
            _BUILTIN.append(template.name)
    return template


def builtin_names() -> tuple[str, ...]:
    """The names of giaparse's own templates, oldest first."""
    return tuple(_BUILTIN)


def unregister_template(name: str) -> None:
    """Remove a registered template (a no-op when none has that name)."""
    with _LOCK:
        _REGISTRY.pop(name, None)


def _load_plugins() -> None:
    global _plugins_loaded
    with _LOCK:
        if _plugins_loaded:
            return
        _plugins_loaded = True
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            template = _load_plugin(ep)
            if template is None:
                continue
            old = _REGISTRY.get(template.name)
            if old is not None and old is not template:
                warnings.warn(
                    f"giaparse: template plugin {ep.name!r} ({ep.value}) names template "
                    f"{template.name!r}, which is already registered; it was not loaded "
                    "(a plugin replaces a template only by calling "
                    "register_template(..., replace=True) itself)",
                    TemplatePluginWarning,
                    stacklevel=3,
                )
                continue
            _REGISTRY[template.name] = template


def _load_plugin(ep: EntryPoint) -> Template | None:
    try:
        obj = ep.load()
        template = obj() if callable(obj) and not isinstance(obj, Template) else obj
        if not isinstance(template, Template):
            raise TypeError(f"it gave a {type(template).__name__}, not a giaparse.Template")
    except Exception as err:  # a plugin's own failure, whatever it is, must not stop giaparse
        warnings.warn(
            f"giaparse: template plugin {ep.name!r} ({ep.value}) failed to load and is "
            f"skipped: {type(err).__name__}: {err}",
            TemplatePluginWarning,
            stacklevel=4,
        )
        return None
    return template


def templates() -> dict[str, Template]:
    """Every registered template by name: the built-ins first, then in registration order."""
    _load_plugins()
    with _LOCK:
        first = {name: _REGISTRY[name] for name in _BUILTIN if name in _REGISTRY}
        return first | {n: t for n, t in _REGISTRY.items() if n not in first}


def get_template(name: str) -> Template:
    registry = templates()
    try:
        return registry[name]
    except KeyError:
        raise UnknownTemplateError(
            f"no template named {name!r}; registered: {', '.join(registry) or 'none'}"
        ) from None
