"""The check's one pass over the map: evidence and the evidential labelling, settled together.

One topological sweep of the whole map (statements, supports and attacks; an edge from each
premise to its inference, from each inference to what it concludes or attacks) settles each node
once, after everything that bears on it. On the way it works out both things the rules read:

- the *evidence* of :mod:`argmap.checks.evidenced`, as the peel finds it: a case or an
  assumption is evidenced; any other statement by its first support, in the map's order, whose
  premises are all evidenced;
- the *labelling* under the evidential reading, as
  :func:`argmap.semantics.grounded.label_map` gives it: an inference is IN unless a premise is
  OUT or an attack on it is IN; a statement is IN unless an attack on it is IN or it is a claim
  (not an assumption) with no support IN. Where the map has no cycle, the grounded labelling is
  the only one these rules allow, so one pass in topological order finds it.

Each OUT node keeps its reason, as :class:`~argmap.semantics.grounded.MapLabels` does, chosen
in the map's order and not in the order the sweep happens to meet things: a claim with no
support at all is its own reason (as in ``label_map``, where such claims fall first); otherwise
its first attack (in the map's order) that is IN, or failing that, for an inference, its first
premise that is OUT, and for a claim whose every support failed, its first support. Every reason
was settled before the node it explains, so a chain of reasons always ends. Where
``label_map`` takes whichever it met first, the sweep prefers an attack on the node itself: an
explanation chain then names the objection that answers an inference directly, not one that
answers a premise of it.

The work per node is kept to a few dictionary and set operations: what can be done table by
table (the counts each node waits for, the nodes ready at the start, the labels of the nodes that
are IN) runs in C through ``map``, ``zip`` and ``compress``; a reason is looked for only for a
node that is OUT; an inference is settled as soon as its last premise is, without a second trip
through the queue.

A map with a cycle (of supports, attacks or both) leaves some nodes unsettled; the sweep says so
by returning ``None``, and :class:`~argmap.checks.facts.Facts` runs the peel and the fixpoint of
``label_map`` instead, which handle cycles.

Examples:
    >>> from argmap.checks.facts import Facts
    >>> from argmap.examples import north_korea
    >>> facts = Facts(north_korea())
    >>> swept = sweep(facts, needs=facts.needs_support, fixed=facts.fixed)
    >>> swept.evidenced["abuses_fell"], swept.labels.name("agenda")
    ('s_defectors', 'in')
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, filterfalse
from operator import attrgetter, not_
from typing import TYPE_CHECKING, Protocol

from argmap.semantics.grounded import IN, OUT, MapLabels

if TYPE_CHECKING:
    from argmap.model import Attack, Statement, Support

__all__ = ["Sweep", "sweep"]

_PREMISES = attrgetter("premises")


class MapGraph(Protocol):
    """What the sweep reads: the map's index, as :class:`~argmap.checks.facts.Facts` holds it."""

    @property
    def statements(self) -> dict[str, Statement]: ...
    @property
    def supports(self) -> dict[str, Support]: ...
    @property
    def attacks(self) -> dict[str, Attack]: ...
    @property
    def supports_into(self) -> dict[str, list[str]]: ...
    @property
    def attacks_into(self) -> dict[str, list[str]]: ...
    @property
    def premise_of(self) -> dict[str, list[str]]: ...


@dataclass(frozen=True)
class Sweep:
    """What the sweep settles.

    Attributes:
        order: The statements, each after every premise of its supports (a topological order).
        evidenced: Each evidenced statement, with the support that evidences it (``None`` for
            a case or an assumption), as :attr:`argmap.checks.peel.Peel.evidenced`.
        labels: The labelling under the evidential reading, with the reason of each OUT node.
    """

    order: list[str]
    evidenced: dict[str, str | None]
    labels: MapLabels


def sweep(graph: MapGraph, *, needs: set[str], fixed: set[str]) -> Sweep | None:  # noqa: PLR0915  # one loop, kept whole for speed
    """Settle evidence and labels in one topological pass; ``None`` if the map has a cycle.

    Args:
        graph: The map's index.
        needs: The statements IN only with a support IN (claims that are not assumptions).
        fixed: The statements evidenced whatever supports them (cases and assumptions).
    """
    statements, supports, attacks = graph.statements, graph.supports, graph.attacks
    supports_into, attacks_into, premise_of = (
        graph.supports_into,
        graph.attacks_into,
        graph.premise_of,
    )
    # What each node waits for: its supports (a statement) or premises (an inference), and the
    # attacks on it. Counted table by table, in C, not node by node.
    pending: dict[str, int] = dict.fromkeys(statements, 0)
    pending.update(zip(supports_into, map(len, supports_into.values()), strict=True))
    support_sizes = list(map(len, map(_PREMISES, supports.values())))
    pending.update(zip(supports, support_sizes, strict=True))
    pending.update(zip(attacks, map(len, map(_PREMISES, attacks.values())), strict=True))
    for target, attackers in attacks_into.items():
        pending[target] += len(attackers)
    ready = list(compress(pending, map(not_, pending.values())))
    stack = list(compress(ready, map(statements.__contains__, ready)))  # statements to settle
    due = list(filterfalse(statements.__contains__, ready))  # inferences to settle
    why: dict[str, str] = {}  # each OUT node's reason; a node not in it is IN
    struck: set[str] = set()  # nodes an attack IN or (an inference) a premise OUT defeats
    backed: set[str] = set()  # statements with a support IN
    # Inferences with a premise that is not evidenced, and supports with no premise at all:
    # neither evidences its conclusion.
    unproven: set[str] = set(compress(supports, map(not_, support_sizes)))
    evidenced: dict[str, str | None] = {}
    order: list[str] = []
    while True:
        while due:  # inferences whose premises and attackers are all settled
            node = due.pop()
            support = supports.get(node)
            if support is not None:
                conclusion = support.conclusion
                if node in struck:
                    why[node] = _reason(node, attacks_into, why, support.premises)
                else:
                    backed.add(conclusion)
                left = pending[conclusion] = pending[conclusion] - 1
                if not left:
                    stack.append(conclusion)
                continue
            attack = attacks[node]
            target = attack.target
            if node in struck:
                why[node] = _reason(node, attacks_into, why, attack.premises)
            else:
                struck.add(target)
            left = pending[target] = pending[target] - 1
            if not left:
                (stack if target in statements else due).append(target)
        if not stack:
            break
        # A statement: every support of it and every attack on it is settled.
        node = stack.pop()
        order.append(node)
        reason: str | None = None
        if node in needs and node not in backed:
            into = supports_into.get(node)
            if into is None:
                reason = node  # no support at all: its own reason
            elif node in struck:
                reason = _reason(node, attacks_into, why, ())
            else:
                reason = into[0]
        elif node in struck:
            reason = _reason(node, attacks_into, why, ())
        if reason is not None:
            why[node] = reason
        if node in fixed:
            evidenced[node] = None
            proven = True
        else:
            proven = False
            for sid in supports_into.get(node, ()):
                if sid not in unproven:
                    evidenced[node] = sid
                    proven = True
                    break
        users = premise_of.get(node)
        if users is not None:
            if reason is not None:
                struck.update(users)
            if not proven:
                unproven.update(users)
            for user in users:
                left = pending[user] = pending[user] - 1
                if not left:
                    due.append(user)
    if len(order) < len(statements) or any(pending.values()):
        return None  # a cycle: some nodes wait for each other
    label = dict.fromkeys(pending, IN)
    label.update(dict.fromkeys(why, OUT))
    return Sweep(order=order, evidenced=evidenced, labels=MapLabels(label=label, why=why))


def _reason(
    node: str, attacks_into: dict[str, list[str]], why: dict[str, str], premises: tuple[str, ...]
) -> str:
    """Why ``node`` is OUT: its first attack that is IN, else its first premise that is OUT."""
    for attack in attacks_into.get(node, ()):
        if attack not in why:
            return attack
    for premise in premises:
        if premise in why:
            return premise
    raise AssertionError(f"{node!r} is defeated for no reason")  # pragma: no cover
