"""From an argument map to an abstract argumentation framework, and labels back onto the map.

The translation (documented with a worked example in ``docs/semantics.md``):

1. **Every statement and every inference is an argument**, named by its id: a statement is the
   argument "this holds", a support the argument "these premises make that conclusion hold", an
   attack the argument "these premises tell against that target".
2. **An attack attacks its target**: an attack inference attacks the statement it rebuts, or the
   support or attack it undercuts (attacks on attacks included).
3. **An inference needs all its premises** (linked premises, as in ASPIC+, where an argument is
   attacked through any of its sub-arguments): for each premise ``p`` of inference ``i`` an
   auxiliary argument ``i/premise/p`` ("``p`` fails, so ``i`` cannot be used") is attacked by
   ``p`` and attacks ``i``. So ``i`` can be IN only when every premise is IN, is OUT as soon as
   a premise is OUT, and is UNDEC otherwise. (This is the meta-argumentation reading of
   necessary support in bipolar frameworks: Cayrol and Lagasquie-Schiex 2013; Boella et al.
   2010.)
4. **A supported statement needs one working support** (convergent supports): a statement ``s``
   that is the conclusion of at least one support and is not an ``assumption`` gets an auxiliary
   argument ``s/unsupported`` ("none of ``s``'s supports stands") that attacks ``s`` and is
   attacked by each support of ``s``. So ``s`` is IN only when some support is IN.
   A statement with no support, or marked ``assumption=True``, stands on its own, as a premise
   does in ASPIC+: IN unless attacked.

   **The evidential reading** (``reading="evidential"``, argmap's default semantics) replaces
   rule 4: *every claim that is not an assumption* gets ``s/unsupported``, attacked by each of
   its supports, so a claim with no support at all is OUT; cases, premises, rebuttals and
   assumptions get none, so they are given: IN unless defeated, supported or not. A claim is
   then IN only through a chain of IN supports that ends in given statements (the evidential
   support of Oren and Norman 2008, with the given statements as their prima facie arguments).

Auxiliary names contain ``/``, which no node id may contain, so they never collide with the
map's ids. Labels of auxiliary arguments are dropped when labels are carried back onto the map.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("c", "C."), m.premise("p", "P."), m.rebuttal("r", "R.")
    >>> _ = m.support("p", "c", id="s"), m.attack("r", "s", id="u")
    >>> af = to_framework(m)
    >>> sorted(af.attackers("c")), sorted(af.attackers("s"))
    (['c/unsupported'], ['s/premise/p', 'u'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.exceptions import EvaluationError
from argmap.model import Support
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import READINGS, Reading, needs_support

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["AUX", "premise_link", "support_link", "to_framework"]

AUX = "/"
"""The character that marks an auxiliary argument's name (never in a node id)."""


def premise_link(inference: str, premise: str) -> str:
    """The auxiliary argument "``premise`` fails, so ``inference`` cannot be used"."""
    return f"{inference}{AUX}premise{AUX}{premise}"


def support_link(statement: str) -> str:
    """The auxiliary argument "none of ``statement``'s supports stands"."""
    return f"{statement}{AUX}unsupported"


def to_framework(m: ArgumentMap, *, reading: Reading = "grounded") -> Framework:
    """Translate ``m`` into an abstract argumentation framework (see the module's docs).

    Args:
        m: The map.
        reading: ``"grounded"`` (rule 4: a statement with no support stands on its own; what
            Dung's semantics are computed over) or ``"evidential"`` (rule 4': every claim that
            is not an assumption needs a support, even one with none; cases, premises,
            rebuttals and assumptions are given). The labels this framework's grounded
            labelling gives the map's nodes are those of ``evaluate(m, reading)``.

    Raises:
        EvaluationError: An unknown reading.

    Examples:
        >>> from argmap.examples import north_korea
        >>> af = to_framework(north_korea())
        >>> af.roles["pressure"], af.roles["pressure/unsupported"]
        ('statement', 'support-link')
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "C."), m.premise("p", "P.")
        >>> "c/unsupported" in to_framework(m), "c/unsupported" in to_framework(m, reading="evidential")
        (False, True)
    """  # noqa: E501
    if reading not in READINGS:
        raise EvaluationError(f"unknown reading {reading!r}; use 'evidential' or 'grounded'")
    arguments: list[str] = []
    roles: dict[str, str] = {}
    attacks: list[tuple[str, str]] = []
    supported: dict[str, list[str]] = {}
    linked: list[str] = []
    index = m.index
    for statement in m.statements():
        arguments.append(statement.id)
        roles[statement.id] = "statement"
        if needs_support(statement, supported=statement.id in index.supports_into, reading=reading):
            linked.append(statement.id)
    for inference in m.inferences():
        arguments.append(inference.id)
        roles[inference.id] = inference.kind
        for premise in inference.premises:
            link = premise_link(inference.id, premise)
            arguments.append(link)
            roles[link] = "premise-link"
            attacks.append((premise, link))
            attacks.append((link, inference.id))
        if isinstance(inference, Support):
            supported.setdefault(inference.conclusion, []).append(inference.id)
        else:
            attacks.append((inference.id, inference.target))
    for statement_id in linked:
        link = support_link(statement_id)
        arguments.append(link)
        roles[link] = "support-link"
        attacks.append((link, statement_id))
        attacks.extend((s, link) for s in supported.get(statement_id, ()))
    return Framework(arguments, attacks, roles=roles)
