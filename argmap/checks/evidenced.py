"""Evidence: which statements rest, through chains of support, on cases.

A case is *evidenced*, and so is an assumption (a statement marked ``assumption``: accepted
unless questioned, as in Carneades, such as a reconstructed goal or value premise that no case
could evidence). Any other statement is evidenced when at least one of its supports has *every*
premise evidenced: a linked support counts only as a whole, several supports are
alternatives. Support cycles give no evidence by themselves (the least fixpoint). Attacks play no
part here: they are a different question (see the attack rules). (This is argmap's own notion,
not Dung's *grounded* semantics, which the attack rules read: :mod:`argmap.checks.attacks`.)

Every function takes a map, or the :class:`~argmap.checks.facts.Facts` of one (as the rules
do); the algorithms live in :mod:`argmap.checks.peel` and run in time linear in the map.

Examples:
    >>> from argmap.examples import north_korea
    >>> m = north_korea()
    >>> "pressure" in evidenced(m), "agenda" in evidenced(m)  # agenda needs 'transfer' too
    (True, False)
    >>> sorted(necessary_cases(m, "reacts"))
    []
    >>> sorted(evidence_cases(m, "agenda"))
    ['amnesty', 'defectors', 'executions', 'japan', 'uk']
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from argmap.checks.facts import Facts

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "evidence_cases",
    "evidenced",
    "grounded",
    "grounding_cases",
    "necessary_cases",
]


def _facts(m: ArgumentMap | Facts) -> Facts:
    return m if isinstance(m, Facts) else Facts(m)


def evidenced(m: ArgumentMap | Facts) -> dict[str, str | None]:
    """Return the evidenced statements, each with the support that evidences it.

    Cases and assumptions map to ``None``.

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.case("k", "It happened.")
        >>> _ = m.claim("c", "So it is true.")
        >>> _ = m.support("k", "c", id="s")
        >>> evidenced(m)
        {'k': None, 'c': 's'}
    """
    return _facts(m).evidenced


def _known(facts: Facts, node_id: str) -> None:
    if node_id not in facts.statements:
        facts.m.statement(node_id)  # raises UnknownNodeError, or InvalidMapError for an inference


def evidence_cases(m: ArgumentMap | Facts, node_id: str) -> set[str]:
    """Return every case from which a chain of support reaches ``node_id`` (its evidence base).

    Raises:
        UnknownNodeError: The map holds no node ``node_id``.
        InvalidMapError: ``node_id`` is an inference, not a statement.
    """
    facts = _facts(m)
    _known(facts, node_id)
    statements = facts.statements
    return {s for s in facts.ancestors(node_id) if statements[s].kind == "case"}


def necessary_cases(m: ArgumentMap | Facts, node_id: str) -> frozenset[str]:
    """Return the cases without any one of which ``node_id`` would not be evidenced.

    Empty when no single case is essential, or when ``node_id`` is not evidenced at all.

    N(case) = {case}; N(assumption) = {}; for any other evidenced statement, N(s) = the
    intersection over its usable supports (every premise evidenced) of the union of its
    premises' N. Off the knot it is computed once per statement in topological order, and a
    premise's set is taken over, not copied, by the last support that reads it: a chain of any
    length, linked or not, costs one set. Where the knot reaches ``node_id``, the greatest
    fixpoint is iterated instead.

    Raises:
        UnknownNodeError: The map holds no node ``node_id``.
        InvalidMapError: ``node_id`` is an inference, not a statement.
    """
    facts = _facts(m)
    _known(facts, node_id)
    result = facts.necessary(node_id)
    return frozenset() if result is None else frozenset(result)


def grounded(m: ArgumentMap | Facts) -> dict[str, str | None]:
    """Deprecated name of :func:`evidenced` ("grounded" is Dung's word for something else)."""
    warnings.warn(
        "argmap.checks.grounded is now argmap.checks.evidenced", DeprecationWarning, stacklevel=2
    )
    return evidenced(m)


def grounding_cases(m: ArgumentMap | Facts, node_id: str) -> set[str]:
    """Deprecated name of :func:`evidence_cases`."""
    warnings.warn(
        "argmap.checks.grounding_cases is now argmap.checks.evidence_cases",
        DeprecationWarning,
        stacklevel=2,
    )
    return evidence_cases(m, node_id)
