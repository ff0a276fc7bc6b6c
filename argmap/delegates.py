"""Where the map's conveniences find the floors above it: ``m.render(...)``, ``m.to_dict()``,
``m.to_networkx()``, notebook display.

argmap is built in floors that only import downwards: model, map, semantics, checks, render,
io, corpus, draft, cli (``tests/test_layers.py`` holds the code to it). The map stands near the
ground and imports nothing above it, as networkx's graph classes import neither its readers nor
its drawing. Users still like to write ``m.render("map.svg")``, so those methods stay on
:class:`~argmap.map.ArgumentMap`, each one line that calls the function this table names for it.

The table is filled from above: ``argmap/__init__.py`` (the top floor) lends each convenience a
``"module:function"``, imported when first called, as the format table names its readers (so
``import argmap`` loads neither the drawing code nor networkx). Python runs a package's
``__init__`` before any of its modules, so ``import argmap.map`` fills the table too; every map
finds it full. pandas reaches ``df.plot`` the same way: defined above the frame, found through
the object.

Examples:
    >>> from argmap.delegates import lent
    >>> lent("to_dot").__module__
    'argmap.render.dot'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["CONVENIENCES", "lend", "lent"]

CONVENIENCES = frozenset(
    {
        "from_dict",
        "from_networkx",
        "render",
        "repr_mimebundle",
        "show",
        "to_dataframe",
        "to_dict",
        "to_dot",
        "to_graphviz",
        "to_html",
        "to_networkx",
    }
)
"""The names of the map's methods that call a floor above it."""

_LENT: dict[str, str] = {}
_LOADED: dict[str, Callable[..., Any]] = {}


def lend(**functions: str) -> None:
    """Name the function behind each convenience, as ``"module:function"`` (the top floor does).

    Raises:
        ValueError: A name is not one of :data:`CONVENIENCES`, or a reference is not
            ``"module:function"``.
    """
    for name, ref in functions.items():
        if name not in CONVENIENCES:
            raise ValueError(f"{name!r} is no convenience of the map; use one of {CONVENIENCES}")
        if ref.count(":") != 1:
            raise ValueError(f"{name}: {ref!r} is not 'module:function'")
        _LENT[name] = ref
        _LOADED.pop(name, None)


def lent(name: str) -> Callable[..., Any]:
    """Return the function lent for the convenience ``name``, importing its module on first use.

    Raises:
        RuntimeError: Nothing was lent for ``name``: the package ``argmap`` was not imported
            (it always is, before any of its modules).
    """
    function: Callable[..., Any] | None = _LOADED.get(name)
    if function is not None:
        return function
    try:
        module_name, _, attr = _LENT[name].partition(":")
    except KeyError:
        raise RuntimeError(
            f"ArgumentMap.{name} is provided by a floor above the map, which has not been "
            "loaded; import argmap"
        ) from None
    function = getattr(importlib.import_module(module_name), attr)
    _LOADED[name] = function
    return function
