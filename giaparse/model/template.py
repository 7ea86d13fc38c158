"""The template registry. The national templates register on import through
:func:`register_template`, the same public call a user's new template makes; plugins in the
``giaparse.templates`` entry-point group are loaded once, each on its own, so one broken
plugin is a warning and never stops the others or the built-ins.
"""

from __future__ import annotations

import os
import sys
import threading
import warnings
from collections.abc import Iterable
from functools import cached_property
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

import attr
import attrs

from giaparse.core.errors import UnknownTemplateError
from giaparse.model.labels import LabelTable, load_labels
from giaparse.model.tables import Reviews

ENTRY_POINT_GROUP = "giaparse.templates"
TABLES = ("active_disclosure", "applications", "reviews")


class TemplatePluginWarning(UserWarning):
    """A template plugin could not be loaded, or tried to take a registered template's name."""


def _optional_path(value: str | Path | None) -> Path | None:
    return None if value is None else Path(value)


@attrs.define(eq=False)
class Template:
    """One official report format: its grammar, its labels and the classes of its tables.

    ``grammar`` is a ``.lark`` file whose terminals are rows and headings (it may ``%import``
    from giaparse's ``common.lark``, or from a parent template's grammar); ``labels`` is the
    ``.toml`` file of row labels, printed variants, headers and the ``signature`` labels that
    identify the template. A relative path is found beside the module that made the Template.

    ``extends`` names a registered template this one builds on: what is not given (grammar,
    labels, table classes) is the parent's, the label file is read over the parent's, and the
    template wins detection over its parent only when all of its own signature labels are
    printed.
    """

    name: str
    grammar: Path = attrs.field(default=None, converter=_optional_path)
    labels: Path = attrs.field(default=None, converter=_optional_path)
    active_disclosure: type = attrs.field(default=None)
    applications: type = attrs.field(default=None)
    reviews: type = Reviews
    description: str = ""
    extends: str | None = None
    parent: Template | None = attrs.field(default=None, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        base = _caller_dir()
        for name in ("grammar", "labels"):
            path: Path | None = getattr(self, name)
            if path is not None and not path.is_absolute() and not path.exists() and base:
                setattr(self, name, base / path)

    def resolve(self, registry: dict[str, Template]) -> None:
        """Fill what this template takes from its parent (at registration)."""
        if self.extends is None:
            return
        parent = registry.get(self.extends)
        if parent is None:
            raise ValueError(
                f"template {self.name!r} extends {self.extends!r}, which is not registered"
            )
        self.parent = parent
        for name in ("grammar", "labels", "active_disclosure", "applications", "reviews"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(parent, name))

    @property
    def lineage(self) -> tuple[str, ...]:
        """This template's name and its ancestors', nearest first."""
        return (self.name, *(self.parent.lineage if self.parent else ()))

    @property
    def grammar_paths(self) -> tuple[Path, ...]:
        """Where this template's grammar and its ancestors' are (for Lark's %import)."""
        own = (self.grammar.parent,) if self.grammar is not None else ()
        return own + (self.parent.grammar_paths if self.parent else ())

    @cached_property
    def label_table(self) -> LabelTable:
        over = self.parent.labels if self.parent and self.labels != self.parent.labels else None
        return load_labels(self.labels, over=over)

    @cached_property
    def own_signature(self) -> tuple[str, ...]:
        """The signature labels this template's own label file names (a derived template's
        new labels, not its parent's)."""
        if self.parent is None or self.labels == self.parent.labels:
            return self.label_table.signature
        return load_labels(self.labels).signature

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
        template.resolve(_REGISTRY)
        missing = [
            n
            for n in ("grammar", "labels", "active_disclosure", "applications")
            if getattr(template, n) is None
        ]
        if missing:
            raise ValueError(f"template {template.name!r} has no {', '.join(missing)}")
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


# Frames that are not a Template's maker: generated code (attrs' __init__), giaparse itself,
# and the attrs packages (attrs.evolve); matched by folder, not by a word in the path.
_NOT_THE_MAKER = (
    "<",
    *(
        str(folder) + os.sep
        for folder in (
            Path(__file__).resolve().parents[1],
            Path(attr.__file__).resolve().parent,
            Path(attrs.__file__).resolve().parent,
        )
    ),
)


def _caller_dir() -> Path | None:
    """The folder of the module that made a Template (outside giaparse and attrs)."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if not name.startswith(_NOT_THE_MAKER):
            return Path(name).resolve().parent
        frame = frame.f_back  # type: ignore[assignment]
    return None


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


def tables_template(report: Any) -> Template:
    """The template whose table classes the report's tables are: its ``template``, or, when
    that is None (no table was read, so which format it follows is not known), the one whose
    classes the parser filled in blank."""
    if report.template is not None:
        return get_template(report.template)
    kinds = (type(report.active_disclosure), type(report.applications))
    for template in templates().values():
        if (template.active_disclosure, template.applications) == kinds:
            return template
    raise UnknownTemplateError("no registered template has this report's table classes")


def template_for_keys(active: Iterable[str], applications: Iterable[str]) -> Template:
    """The newest registered template whose tables have exactly these rows (a report saved
    with ``template`` null)."""
    keys = (frozenset(active), frozenset(applications))
    for template in reversed(templates().values()):
        rows = (
            frozenset(f.name for f in attrs.fields(template.active_disclosure)),
            frozenset(f.name for f in attrs.fields(template.applications)),
        )
        if rows == keys:
            return template
    raise UnknownTemplateError("no registered template has these table rows")


def get_template(name: str) -> Template:
    registry = templates()
    try:
        return registry[name]
    except KeyError:
        raise UnknownTemplateError(
            f"no template named {name!r}; registered: {', '.join(registry) or 'none'}"
        ) from None
