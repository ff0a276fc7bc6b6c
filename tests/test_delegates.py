"""The map's conveniences find the floors above it through argmap.delegates."""

from __future__ import annotations

import inspect

import pytest

import argmap
from argmap import delegates
from argmap.map import ArgumentMap


def test_every_convenience_is_lent_and_its_function_imports() -> None:
    for name in sorted(delegates.CONVENIENCES):
        function = delegates.lent(name)
        assert callable(function), name
        assert function.__module__.startswith(("argmap.io.", "argmap.render.")), name


def test_each_convenience_is_a_method_of_the_map() -> None:
    methods = {name for name, _ in inspect.getmembers(ArgumentMap)}
    for name in delegates.CONVENIENCES:
        assert (name if name != "repr_mimebundle" else "_repr_mimebundle_") in methods


def test_the_map_calls_what_was_lent(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[ArgumentMap, dict[str, object]]] = []

    def to_dot(m: ArgumentMap, **kw: object) -> str:
        calls.append((m, kw))
        return "x"

    monkeypatch.setitem(delegates._LOADED, "to_dot", to_dot)
    m = argmap.ArgumentMap()
    assert m.to_dot(focus=None) == "x"
    assert calls == [(m, {"options": None, "focus": None})]


def test_lending_refuses_what_is_no_convenience() -> None:
    with pytest.raises(ValueError, match="'draw' is no convenience of the map"):
        delegates.lend(draw="argmap.render.output:draw")
    with pytest.raises(ValueError, match="is not 'module:function'"):
        delegates.lend(to_dot="argmap.render.dot.to_dot")


def test_nothing_lent_says_to_import_argmap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(delegates._LENT, "to_html")
    monkeypatch.delitem(delegates._LOADED, "to_html", raising=False)
    with pytest.raises(RuntimeError, match=r"ArgumentMap\.to_html is provided by a floor above"):
        argmap.ArgumentMap().to_html()
