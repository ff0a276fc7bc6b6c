"""The attributes the map's graph holds, read-only: a node's model and kind, an edge's role.

Users read them through ``m.graph`` (and networkx's own readers and writers copy them); a change
raises :class:`TypeError`, so the graph changes only through the map's methods, which keep it
valid. They are small: a node's attributes hold only its model, and every edge of one role
shares one dict (:data:`ROLE_ATTRIBUTES`).

Examples:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("c", "C."), m.premise("p", "P."), m.support("p", "c", id="s")
    >>> m.graph.nodes["c"]["kind"], m.graph.edges["p", "s"]["role"]
    ('claim', 'premise')
    >>> m.graph.edges["p", "s"]["role"] = "target"
    Traceback (most recent call last):
    ...
    TypeError: the map's graph is read-only; change the map through its methods
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model import Attack, Case, Claim, Premise, Rebuttal, Support

__all__ = ["ROLE_ATTRIBUTES", "EdgeAttributes", "NodeAttributes"]


class EdgeAttributes(dict[str, Any]):
    """An edge's attributes (its ``role``), which users can read through ``m.graph`` but not
    change."""

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("the map's graph is read-only; change the map through its methods")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def copy(self) -> dict[str, Any]:
        return dict(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (EdgeAttributes, (dict(self),))


class NodeAttributes(Mapping[str, Any]):
    """A node's attributes in the graph, ``model`` and ``kind``, read-only.

    It holds only the model (``kind`` is read from it): 48 bytes a node, where a dict of the two
    entries took 208. ``copy()`` gives a plain dict, as networkx expects of attribute dicts.
    """

    __slots__ = ("model",)
    model: Claim | Premise | Case | Rebuttal | Support | Attack

    def __init__(self, model: Claim | Premise | Case | Rebuttal | Support | Attack) -> None:
        _set_model(self, model)

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError("the map's graph is read-only; change the map through its methods")

    def __delattr__(self, name: str) -> None:
        raise TypeError("the map's graph is read-only; change the map through its methods")

    def __getitem__(self, key: str) -> Any:
        if key == "model":
            return self.model
        if key == "kind":
            return self.model.kind
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(("model", "kind"))

    def __len__(self) -> int:
        return 2

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("the map's graph is read-only; change the map through its methods")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse

    def copy(self) -> dict[str, Any]:
        return {"model": self.model, "kind": self.model.kind}

    def __repr__(self) -> str:
        return repr(self.copy())

    def __reduce__(self) -> tuple[Any, ...]:
        return (NodeAttributes, (self.model,))


# Every edge of one role shares one attribute dict: a map of a million edges holds three.
ROLE_ATTRIBUTES = {r: EdgeAttributes(role=r) for r in ("premise", "conclusion", "target")}


_set_model: Any = NodeAttributes.__dict__["model"].__set__
"""The slot's own setter: the one way ``model`` is set, once, when the attributes are made."""
