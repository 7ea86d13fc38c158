"""Template detection from the tables' own labels, never from the year."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from giaparse.core.diagnostics import Diagnostic
from giaparse.core.errors import UnknownTemplateError
from giaparse.core.items import Item, Row
from giaparse.model.template import Template

# A report has a few hundred rows; past this many the text is no longer one report, and
# reading further would only cost time (the lexer still reads everything).
MAX_ROWS = 2000
_FOLD = (("／", "/"), ("（", "("), ("）", ")"))  # what NFKC would do to the signatures' text


def table_text(items: Sequence[Item]) -> str:
    """The document's first rows' cells as one normalised string (one pass, no per-cell work)."""
    cells: list[str] = []
    rows = 0
    for item in items:
        if isinstance(item, Row):
            rows += 1
            if rows > MAX_ROWS:
                break
            cells.extend(item.cells)
            cells.append("|")  # a signature never spans two cells
    # NFKC of the whole text costs more than the rest of detection: fold only what signatures
    # need, with str.replace (C speed; str.translate with a table is ~100x slower on CJK text)
    text = "".join("|".join(cells).split())
    for wide, narrow in _FOLD:
        text = text.replace(wide, narrow)
    return text


def score(template: Template, text: str) -> list[str]:
    """The template's own signature labels the document's tables print."""
    return [s for s in template.own_signature if s in text]


def _standing(name: str, registry: Mapping[str, Template], hits: Mapping[str, list[str]]) -> int:
    """A template's hits; a derived template whose own labels are all printed also counts
    its parent's, so it wins over the parent only then."""
    template = registry[name]
    own = len(hits[name])
    parent = template.parent
    if (
        parent is not None
        and parent.name in registry
        and own
        and own == len(template.own_signature)
    ):
        return own + _standing(parent.name, registry, hits)
    return own


def detect_template(
    items: Sequence[Item], registry: Mapping[str, Template], builtins: Collection[str] = ()
) -> tuple[Template, list[Diagnostic]]:
    """The template whose signature labels the tables print most.

    Ties go to the template more of whose own signature is printed, then to a built-in over
    a plugin (a plugin with the same labels as a built-in never shadows it), then to the newer.
    """
    if not registry:
        raise UnknownTemplateError("no template is registered (giaparse.templates() is empty)")
    text = table_text(items)
    hits = {name: score(t, text) for name, t in registry.items()}
    order = {name: i for i, name in enumerate(registry)}
    share = {n: len(hits[n]) / max(1, len(registry[n].own_signature)) for n in registry}
    standing = {n: _standing(n, registry, hits) for n in registry}
    ranked = sorted(
        registry,
        key=lambda n: (standing[n], share[n], n in builtins, order[n]),
        reverse=True,
    )
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
        lineage = set(registry[best].lineage)
        for other in ranked[1:]:
            if hits[other] and other not in lineage and best not in registry[other].lineage:
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
