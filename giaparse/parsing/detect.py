"""Template detection from the tables' own labels, never from the year."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from giaparse.model.diagnostics import Diagnostic
from giaparse.model.values import looks_like_value
from giaparse.parsing.labels import normalize
from giaparse.templates import Template
from giaparse.tokenize.items import Item, Row

# A report has a few hundred rows; past this many the text is no longer one report, and
# reading further would only cost time (the lexer still reads everything).
MAX_ROWS = 2000


def label_cells(items: Sequence[Item]) -> set[str]:
    """Every distinct normalised non-value cell of the document's first rows."""
    keys: set[str] = set()
    rows = 0
    for item in items:
        if isinstance(item, Row):
            rows += 1
            if rows > MAX_ROWS:
                break
            for cell in item.cells:
                if cell and not looks_like_value(cell):
                    keys.add(normalize(cell))
    return keys


def score(template: Template, keys: set[str]) -> list[str]:
    """The template's signature labels the document prints."""
    return [s for s in template.label_table.signature if any(s in k for k in keys)]


def detect_template(
    items: Sequence[Item], registry: Mapping[str, Template]
) -> tuple[Template, list[Diagnostic]]:
    keys = label_cells(items)
    hits = {name: score(t, keys) for name, t in registry.items()}
    order = {name: i for i, name in enumerate(registry)}  # ties go to the newest template
    ranked = sorted(registry, key=lambda n: (len(hits[n]), order[n]), reverse=True)
    best = ranked[0]
    diags: list[Diagnostic] = []
    if not hits[best]:
        diags.append(
            Diagnostic(
                "TEMPLATE_UNCERTAIN",
                "warning",
                f"表格中没有可识别模板版本的表头，按{best}年版解析 "
                f"(no template signature found; parsed as {best})",
            )
        )
    else:
        for other in ranked[1:]:
            if hits[other]:
                diags.append(
                    Diagnostic(
                        "MIXED_TEMPLATE",
                        "warning",
                        f"表格同时含有{best}年版（{'、'.join(hits[best])}）和{other}年版"
                        f"（{'、'.join(hits[other])}）的标签，按{best}年版解析 "
                        f"(labels of both templates; parsed as {best})",
                    )
                )
    return registry[best], diags
