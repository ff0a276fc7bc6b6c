"""Grounding: which statements rest, through chains of support, on evidence (cases).

A case is grounded, and so is an assumption (a statement marked ``assumption``: accepted unless
questioned, as in Carneades, such as a reconstructed goal or value premise that no case could
ground). Any other statement is grounded when at least one of its supports has *every*
premise grounded: a linked support counts only as a whole, several supports are alternatives.
Support cycles ground nothing by themselves (the least fixpoint). Attacks play no part here: they
are a different question (see the attack rules).

Both functions run in time linear in the size of the map, without recursion.

Examples:
    >>> from argmap.examples import north_korea
    >>> m = north_korea()
    >>> "agenda" in grounded(m)
    True
    >>> sorted(necessary_cases(m, "cannot_ignore"))
    []
    >>> sorted(grounding_cases(m, "agenda"))
    ['amnesty', 'defectors', 'executions', 'japan', 'uk']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

from argmap.checks.index import MapIndex

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["grounded", "grounding_cases", "necessary_cases"]


def _index(m: ArgumentMap | MapIndex) -> MapIndex:
    return m if isinstance(m, MapIndex) else MapIndex.of(m)


def grounded(m: ArgumentMap | MapIndex) -> dict[str, str | None]:
    """Return the grounded statements, each with the support that first grounded it.

    Cases and assumptions map to ``None``. Forward chaining from them (a Horn-clause count-down),
    so each support is looked at once per premise.
    """
    index = _index(m)
    missing = {sid: len(s.premises) for sid, s in index.supports.items()}
    by: dict[str, str | None] = {
        sid: None for sid, s in index.statements.items() if s.kind == "case" or s.assumption
    }
    queue = deque(by)
    while queue:
        current = queue.popleft()
        for inference in index.premise_of.get(current, ()):
            if inference not in missing:
                continue  # an attack
            missing[inference] -= 1
            if missing[inference] == 0:
                conclusion = index.supports[inference].conclusion
                if conclusion not in by:
                    by[conclusion] = inference
                    queue.append(conclusion)
    return by


def _known(index: MapIndex, node_id: str) -> None:
    if node_id not in index.statements:
        index.m.statement(node_id)  # raises UnknownNodeError, or InvalidMapError for an inference


def grounding_cases(m: ArgumentMap | MapIndex, node_id: str) -> set[str]:
    """Return every case from which a chain of support reaches ``node_id``.

    Raises:
        UnknownNodeError: The map holds no node ``node_id``.
        InvalidMapError: ``node_id`` is an inference, not a statement.
    """
    index = _index(m)
    _known(index, node_id)
    ancestors = (
        index.central_ancestors if node_id == index.m.central else index.support_ancestors(node_id)
    )
    return {s for s in ancestors if index.statements[s].kind == "case"}


def necessary_cases(m: ArgumentMap | MapIndex, node_id: str) -> frozenset[str]:
    """Return the cases without any one of which ``node_id`` would not be grounded.

    Empty when no single case is essential, or when ``node_id`` is not grounded at all.

    Computed as the greatest fixpoint of N(case) = {case} and, for any other grounded statement,
    N(s) = the intersection over its grounded supports of the union of its premises' N. Sets are
    shared whenever a statement has one grounded support with one premise, so a chain of any
    length costs one set.

    Raises:
        UnknownNodeError: The map holds no node ``node_id``.
        InvalidMapError: ``node_id`` is an inference, not a statement.
    """
    index = _index(m)
    _known(index, node_id)
    first = index.grounded
    if node_id not in first:
        return frozenset()
    relevant = (
        index.central_ancestors if node_id == index.m.central else index.support_ancestors(node_id)
    )
    # Supports that can ground something: every premise grounded.
    usable = {
        sid: s
        for sid, s in index.supports.items()
        if s.conclusion in relevant and all(p in first for p in s.premises)
    }
    into: dict[str, list[str]] = {}
    for sid, s in usable.items():
        into.setdefault(s.conclusion, []).append(sid)
    need: dict[str, frozenset[str] | None] = {}  # None stands for "every case" (the top)
    order = [s for s in first if s in relevant]  # grounding order: most inputs come first
    statements = index.statements
    for sid in order:
        if statements[sid].kind == "case":
            need[sid] = frozenset((sid,))
        else:  # an assumption needs no case; anything else starts at the top
            need[sid] = frozenset() if statements[sid].assumption else None
    queue = deque(s for s in order if statements[s].kind != "case" and not statements[s].assumption)
    queued = set(queue)
    while queue:
        current = queue.popleft()
        queued.discard(current)
        new = _meet(_join([need[p] for p in usable[sid].premises]) for sid in into.get(current, ()))
        old = need[current]
        if new is None:
            continue
        if old is not None:
            new &= old  # iterates only shrink from the top, so this terminates
        if new == old:
            continue
        need[current] = new
        for inference in index.premise_of.get(current, ()):
            if inference in usable:
                conclusion = usable[inference].conclusion
                if conclusion not in queued:
                    queue.append(conclusion)
                    queued.add(conclusion)
    result = need[node_id]
    return frozenset() if result is None else result


def _join(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    if any(s is None for s in sets):
        return None
    known = [s for s in sets if s is not None]
    if len(known) == 1:
        return known[0]
    return frozenset().union(*known)


def _meet(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    result: frozenset[str] | None = None
    for s in sets:
        if s is None:
            continue
        result = s if result is None else result & s
        if not result:
            break
    return result
