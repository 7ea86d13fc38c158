"""The stages import one way only, and no module imports itself back through another.

Stages in the order data flows; a module may import its own stage and earlier ones, never a
later one. Every import counts, including those inside functions (a lazy import is still a
dependency).
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "giaparse"
STAGES = (
    "core",  # values, diagnostics, locations, items, errors: imports nothing of giaparse
    "model",  # what a report is: tables, report, labels, templates
    "sources",  # bytes and documents in: text today, documents next
    "tokens",  # text into the item stream (layouts)
    "parsing",  # detect the template, lex rows into terminals, the grammar
    "build",  # terminals into the typed report, metadata
    "checks",  # arithmetic
    "api",  # the pipeline's public entry: parse, parse_bytes, parse_file, parse_items
    "rendering",  # reports back to text
    "export",  # tidy tables, batch, Dask
    "testing",  # Hypothesis strategies for users' tests
    "cli",
    "__init__",
    "__main__",
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _stage(module: str) -> int:
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "__init__"
    return STAGES.index(name)


def _imports(module: str, path: Path) -> set[str]:
    """The giaparse modules ``module`` imports (a ``from pkg import name`` of a submodule
    counts as that submodule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("giaparse"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            if not base.startswith("giaparse"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in MODULES else base)
    out.discard(module)
    return {m for m in out if m in MODULES}


GRAPH = {module: _imports(module, path) for module, path in MODULES.items()}


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        _stage(module)  # raises ValueError for a folder no stage names


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_runs_up_the_stages(module: str) -> None:
    upward = sorted(m for m in GRAPH[module] if _stage(m) > _stage(module))
    assert upward == [], f"{module} imports later stages: {upward}"


def test_core_imports_nothing_of_giaparse_outside_core() -> None:
    for module, deps in GRAPH.items():
        if _stage(module) == 0:
            assert all(_stage(d) == 0 for d in deps), (module, deps)


def test_no_import_cycle() -> None:
    # A module's import of its own parent package is already satisfied when the module runs
    # (Python imports the parent first), so such an edge cannot close a loop: leave it out.
    graph = {
        module: {d for d in deps if not module.startswith(d + ".")}
        for module, deps in GRAPH.items()
    }
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    source = (
        "from giaparse.export.rows import Flat\n\ndef f():\n    from giaparse.api import parse\n"
    )
    path = tmp_path / "x.py"
    path.write_text(source, encoding="utf-8")
    found = _imports("giaparse.tokens.x", path)
    assert found == {"giaparse.export.rows", "giaparse.api"}
    assert all(_stage(m) > _stage("giaparse.tokens.x") for m in found)
