"""(Un)structuring with cattrs: the spec's JSON shape in, typed attrs objects out.

Fields whose metadata says ``"internal": True`` (where cells stood, the cells as printed) are
not part of the JSON contract and are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.location import Location
from giaparse.core.source import Source
from giaparse.core.values import Money
from giaparse.model.template import get_template, template_for_keys

T = TypeVar("T")
_LOCATION_KEYS = tuple(f.name for f in attrs.fields(Location))


@cache
def _converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Money, lambda m: {"amount": str(m.amount), "unit": m.unit})
    conv.register_structure_hook(
        Money, lambda d, _: Money(Decimal(str(d["amount"])), d.get("unit"))
    )
    conv.register_unstructure_hook(tuple, lambda t: [conv.unstructure(v) for v in t])
    conv.register_unstructure_hook(Diagnostic, _diagnostic_out)
    conv.register_structure_hook(Diagnostic, lambda d, _: _diagnostic_in(d))

    def without_internal(cls: type) -> Callable[[Any], dict[str, Any]]:
        hidden: dict[str, Any] = {
            f.name: override(omit=True) for f in attrs.fields(cls) if f.metadata.get("internal")
        }
        return make_dict_unstructure_fn(cls, conv, **hidden)

    conv.register_unstructure_hook_factory(
        lambda cls: attrs.has(cls) and any(f.metadata.get("internal") for f in attrs.fields(cls)),
        without_internal,
    )
    return conv


def _diagnostic_out(d: Diagnostic) -> dict[str, Any]:
    """The contract's keys (``line`` as before), then where it stood in any source."""
    at = d.location
    return {
        "code": d.code,
        "severity": d.severity,
        "message": d.message,
        "line": d.line,
        "cells": list(d.cells),
        "location": None if at is None else {f: getattr(at, f) for f in _LOCATION_KEYS},
        "message_en": d.message_en,
    }


def _diagnostic_in(data: dict[str, Any]) -> Diagnostic:
    at = data.get("location")
    location = Location(**at) if at else data.get("line")
    return Diagnostic(
        data["code"],
        data["severity"],
        data["message"],
        location,
        tuple(data.get("cells", ())),
        data.get("message_en"),
    )


def unstructure(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = _converter().unstructure(obj)  # tuples come out as lists
    source = getattr(obj, "source", None)
    if attrs.has(type(obj)) and "source" in attrs.fields_dict(type(obj)):
        out["source"] = source.name if source is not None else None
        out["source_kind"] = source.kind if source is not None else None
        out["sha256"] = source.sha256 if source is not None else None
    return out


def structure(report_cls: type[T], data: dict[str, Any]) -> T:
    """A report of class ``report_cls`` from its JSON shape; the template names the tables."""
    if data["template"] is None:  # no table was read: the tables' rows say which classes
        template = template_for_keys(data["active_disclosure"], data["applications"])
    else:
        template = get_template(data["template"])
    conv = _converter()
    fields: dict[str, Any] = {
        "template": data["template"],
        "year": data.get("year"),
        "agency": data.get("agency"),
        "layout": data.get("layout"),
    }
    for name, cls in template.tables.items():
        fields[name] = conv.structure(data[name], cls)
    sections = attrs.fields_dict(report_cls)["sections"].default.factory  # type: ignore[arg-type, union-attr]
    if data.get("sections") is not None:
        fields["sections"] = conv.structure(data["sections"], sections)
    if data.get("diagnostics") is not None:
        fields["diagnostics"] = tuple(conv.structure(d, Diagnostic) for d in data["diagnostics"])
    if any(data.get(k) is not None for k in ("source", "source_kind", "sha256")):
        fields["source"] = Source(data.get("source"), data.get("source_kind"), data.get("sha256"))
    return report_cls(**fields)
