"""(Un)structuring with cattrs: the spec's JSON shape in, typed attrs objects out."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from giaparse.core.values import Money
from giaparse.model.report import Report


@cache
def _converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Money, lambda m: {"amount": str(m.amount), "unit": m.unit})
    conv.register_structure_hook(
        Money, lambda d, _: Money(Decimal(str(d["amount"])), d.get("unit"))
    )
    conv.register_unstructure_hook(tuple, lambda t: [conv.unstructure(v) for v in t])
    conv.register_unstructure_hook(
        Report,
        make_dict_unstructure_fn(
            Report, conv, cell_lines=override(omit=True), cell_texts=override(omit=True)
        ),
    )
    return conv


def unstructure(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = _converter().unstructure(report)  # tuples come out as lists
    return out


def structure(data: dict[str, Any]) -> Report:
    from giaparse.model.template import get_template

    template = get_template(data["template"])
    conv = _converter()
    fields = {
        "template": data["template"],
        "year": data.get("year"),
        "agency": data.get("agency"),
        "layout": data.get("layout"),
        "active_disclosure": conv.structure(data["active_disclosure"], template.active_disclosure),
        "applications": conv.structure(data["applications"], template.applications),
        "reviews": conv.structure(data["reviews"], template.reviews),
    }
    from giaparse.core.diagnostics import Diagnostic
    from giaparse.model.report import Sections

    if data.get("sections") is not None:
        fields["sections"] = conv.structure(data["sections"], Sections)
    if data.get("diagnostics") is not None:
        fields["diagnostics"] = tuple(conv.structure(d, Diagnostic) for d in data["diagnostics"])
    return Report(**fields)
