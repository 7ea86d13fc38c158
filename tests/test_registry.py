"""The template registry: built-ins always there, plugins loaded one by one, no silent shadowing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import attrs
import pytest
from conftest import SEED_NAMES, seed_text

import giaparse
from giaparse.model import builtin, template
from giaparse.model.template import TemplatePluginWarning

PLUGIN = """
import attrs
from giaparse.model.builtin import TEMPLATE_2021

IMPOSTOR = attrs.evolve(TEMPLATE_2021)  # another template of the same name
EXTRA = attrs.evolve(TEMPLATE_2021, name="2021-plugin")  # the same labels, another name
"""


@pytest.fixture
def plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[EntryPoint]]:
    """Entry points the registry will load on its next ``templates()`` call."""
    (tmp_path / "giaparse_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    found: list[EntryPoint] = []
    monkeypatch.setattr(template, "entry_points", lambda group: list(found))
    monkeypatch.setattr(template, "_plugins_loaded", False)
    before = dict(template._REGISTRY)
    yield found
    template._REGISTRY.clear()
    template._REGISTRY.update(before)
    sys.modules.pop("giaparse_test_plugin", None)


def _ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group=template.ENTRY_POINT_GROUP)


def test_a_broken_plugin_is_a_warning_and_every_builtin_still_parses(
    plugins: list[EntryPoint],
) -> None:
    plugins += [
        _ep("broken", "giaparse_no_such_module:TEMPLATE"),
        _ep("wrong-kind", "giaparse_test_plugin:PLUGIN_IS_NOT_HERE"),
        _ep("good", "giaparse_test_plugin:EXTRA"),
    ]
    with pytest.warns(TemplatePluginWarning) as caught:
        registry = giaparse.templates()
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert "'broken'" in messages[0] and "ModuleNotFoundError" in messages[0]
    assert "'wrong-kind'" in messages[1] and "AttributeError" in messages[1]
    assert list(registry) == ["2019", "2021", "2021-plugin"]
    for name in SEED_NAMES:
        report = giaparse.parse(seed_text(name))
        assert report.template in ("2019", "2021")


def test_a_plugin_cannot_silently_replace_a_builtin(plugins: list[EntryPoint]) -> None:
    plugins.append(_ep("impostor", "giaparse_test_plugin:IMPOSTOR"))
    with pytest.warns(TemplatePluginWarning, match="already registered"):
        registry = giaparse.templates()
    assert registry["2021"] is builtin.TEMPLATE_2021


def test_replacing_a_template_takes_replace_true() -> None:
    own = builtin.TEMPLATE_2021
    other = attrs.evolve(own)
    with pytest.raises(ValueError, match="replace=True"):
        giaparse.register_template(other)
    try:
        giaparse.register_template(other, replace=True)
        assert giaparse.get_template("2021") is other
    finally:
        giaparse.register_template(own, replace=True)
    assert giaparse.get_template("2021") is own


def test_unregister_template_and_an_empty_registry() -> None:
    try:
        for name in ("2019", "2021"):
            giaparse.unregister_template(name)
        assert giaparse.templates() == {}
        with pytest.raises(giaparse.UnknownTemplateError, match="no template"):
            giaparse.parse(seed_text(SEED_NAMES[0]))
    finally:
        for t in builtin.BUILTINS:
            giaparse.register_template(t)
    assert list(giaparse.templates()) == ["2019", "2021"]
