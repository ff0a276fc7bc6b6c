"""The map's index: who supports, attacks, uses and answers whom, by id, kept by the map itself.

:class:`~argmap.map.ArgumentMap` changes its graph in one insert and one delete, and each keeps
this index in step, so nothing that reads it (the checks, the renderer, the map's own queries)
has to build it again. Every entry is a plain dict or list: reading costs a dict lookup, and a
change costs as much as the node's own references (its degree), never a scan of the map.

The index is read-only to everyone but the map: read it through ``m.index``, change the map
through its methods. Its few write methods (``add_statement`` ...) are the map's write path,
public only so that the map, in its own module, need not reach into another's private names.

Examples:
    >>> from argmap.examples import north_korea
    >>> index = north_korea().index
    >>> index.supports_into["agenda"]
    ['s_agenda']
    >>> index.bears_on["u_amnesty"]
    'pressure'
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import Attack, Statement, Support

__all__ = ["MapIndex", "gc_untrack", "paused_gc"]


class MapIndex:
    """Who supports, attacks, uses and answers whom, by id, in the order the map added them.

    Attributes:
        statements: Statement id to its model.
        supports: Support id to its model.
        attacks: Attack id to its model.
        supports_into: Statement id to the ids of the supports that conclude it (absent: none).
        attacks_into: Node id (statement or inference) to the ids of the attacks on it.
        premise_of: Statement id to the ids of the inferences it is a premise of.
        answered_by: Statement id to the ids of the supports whose ``answered`` names it.
        used_by: Source id to the ids of the statements that quote or cite it.
        bears_on: Inference id to the statement it finally bears on: a support's conclusion, an
            attack's target, or, for an attack on an inference, what that inference bears on.
        undercuts: How many attacks target an inference rather than a statement.
        acknowledging: Node id to its ``acknowledge`` mapping, for the nodes that have one, so
            that a check finds them without reading every node.
    """

    __slots__ = (
        "acknowledging",
        "answered_by",
        "attacks",
        "attacks_into",
        "bears_on",
        "premise_of",
        "statements",
        "supports",
        "supports_into",
        "undercuts",
        "used_by",
    )

    def __init__(self) -> None:
        self.statements: dict[str, Statement] = {}
        self.supports: dict[str, Support] = {}
        self.attacks: dict[str, Attack] = {}
        self.supports_into: dict[str, list[str]] = {}
        self.attacks_into: dict[str, list[str]] = {}
        self.premise_of: dict[str, list[str]] = {}
        self.answered_by: dict[str, list[str]] = {}
        self.used_by: dict[str, list[str]] = {}
        self.bears_on: dict[str, str] = {}
        self.undercuts = 0
        self.acknowledging: dict[str, Mapping[str, str]] = {}

    def is_inference(self, node_id: str) -> bool:
        """Whether ``node_id`` is a support or an attack of the map."""
        return node_id in self.supports or node_id in self.attacks

    # -- the map's write path: only ArgumentMap's one insert and one delete call these ---------

    def add_statement(self, statement: Statement, sources: tuple[str, ...]) -> None:
        """Record a statement the map has inserted, with the sources it quotes or cites.

        For :class:`~argmap.map.ArgumentMap` alone: change a map through its methods, which keep
        the graph and this index in step; a change made here alone breaks that.
        """
        self.statements[statement.id] = statement
        for source in sources:
            _append(self.used_by, source, statement.id)

    def add_inference(self, inference: Support | Attack, bears_on: str) -> None:
        """Record an inference whose references all resolve; ``bears_on`` as the map found it.

        For :class:`~argmap.map.ArgumentMap` alone, as :meth:`add_statement`.
        """
        node_id = inference.id
        if inference.kind == "support":
            self.supports[node_id] = inference
            _append(self.supports_into, inference.target, node_id)
            for answer in inference.answered.values():
                _append(self.answered_by, answer, node_id)
        else:
            self.attacks[node_id] = inference
            _append(self.attacks_into, inference.target, node_id)
            if bears_on != inference.target:  # it bears on a statement through an inference
                self.undercuts += 1
        premise_of = self.premise_of
        for premise in inference.premises:
            ids = premise_of.get(premise)
            if ids is None:
                premise_of[premise] = [node_id]
            else:
                ids.append(node_id)
        self.bears_on[node_id] = bears_on

    def remove_statement(self, statement: Statement, sources: tuple[str, ...]) -> None:
        """Forget a statement the map has deleted; for the map alone, as :meth:`add_statement`."""
        del self.statements[statement.id]
        for source in sources:
            _drop(self.used_by, source, statement.id)

    def remove_inference(self, inference: Support | Attack) -> None:
        """Forget an inference the map has deleted; for the map alone, as :meth:`add_statement`."""
        node_id = inference.id
        if inference.kind == "support":
            del self.supports[node_id]
            _drop(self.supports_into, inference.target, node_id)
            for answer in inference.answered.values():
                _drop(self.answered_by, answer, node_id)
        else:
            del self.attacks[node_id]
            _drop(self.attacks_into, inference.target, node_id)
            if self.bears_on[node_id] != inference.target:
                self.undercuts -= 1
        for premise in inference.premises:
            _drop(self.premise_of, premise, node_id)
        del self.bears_on[node_id]

    def replace_support(self, old: Support, new: Support) -> None:
        """Swap a support's model for one that differs only in ``answered``; for the map alone,
        as :meth:`add_statement`."""
        self.supports[new.id] = new
        for answer in old.answered.values():
            _drop(self.answered_by, answer, old.id)
        for answer in new.answered.values():
            _append(self.answered_by, answer, new.id)


def _append(table: dict[str, list[str]], key: str, node_id: str) -> None:
    """Add ``node_id`` to ``table[key]`` (``setdefault`` would make a new list every time)."""
    ids = table.get(key)
    if ids is None:
        table[key] = [node_id]
    else:
        ids.append(node_id)


def _drop(table: dict[str, list[str]], key: str, node_id: str) -> None:
    """Remove ``node_id`` from ``table[key]``, and the key once its list is empty.

    The rules read a key's presence as "there is at least one", so no empty list is left.
    """
    ids = table[key]
    ids.remove(node_id)
    if not ids:
        del table[key]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while bulk work allocates many objects, then restore it.

    Building a map of 100,000 nodes allocates millions of objects and none of them is garbage;
    the collector would scan them again and again for nothing. Reference counting still frees
    what is dropped; the collector runs again as before once the block ends, or, when threads
    pause it at once, once the last of them ends.

    Examples:
        >>> import gc
        >>> with paused_gc():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    global _pauses, _resume  # noqa: PLW0603 - one collector per process, one count of pauses
    with _pausing:  # threads pause together: the last one out restores what the first found
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pausing:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


_pausing = threading.Lock()
_pauses = 0  # blocks inside paused_gc, across threads
_resume = False  # whether the collector was on when the first of them began


@cache
def gc_untrack() -> Callable[[object], None]:
    """CPython's ``PyObject_GC_UnTrack``: the cyclic collector stops walking the object given.

    For objects that cannot take part in a reference cycle (a node's model, its field values,
    its attributes in the graph: they refer to text, numbers, tuples and shared read-only
    mappings, never back), so that the collector, whose every full pass walks all the objects
    it tracks, walks a map of 100,000 nodes as it walks a bare networkx graph. Reference
    counting still frees them; a dict the collector does not track starts being tracked again
    as soon as a container is put into it. Elsewhere than CPython, a function that does nothing.
    ctypes loads with the first map, not with ``import argmap``.

    Examples:
        >>> import gc
        >>> pair = {"a": []}
        >>> gc.is_tracked(pair)
        True
        >>> gc_untrack()(pair)
        >>> gc.is_tracked(pair) and sys.implementation.name == "cpython"
        False
    """
    if sys.implementation.name != "cpython":
        return _keep
    try:  # a Python built without ctypes, or a sandbox that refuses it, only builds slower
        import ctypes  # noqa: PLC0415  # a map's first build, not `import argmap`, pays for it

        untrack: Callable[[object], None] = ctypes.PYFUNCTYPE(None, ctypes.py_object)(
            ("PyObject_GC_UnTrack", ctypes.pythonapi)
        )
    except (ImportError, AttributeError, OSError):
        return _keep
    return untrack


def _keep(obj: object) -> None:
    """Leave ``obj`` to the collector (where there is no ``PyObject_GC_UnTrack`` to call)."""
