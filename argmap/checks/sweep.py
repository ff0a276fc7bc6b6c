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

Each OUT node keeps its reason, as :class:`~argmap.semantics.grounded.MapLabels` does: a claim
with no support at all is its own reason (as in ``label_map``, where such claims fall first);
otherwise the first attack on it found IN, or failing that the first premise found OUT, or, for a
claim whose every support failed, the support that failed last. Every reason was settled before
the node it explains, so a chain of reasons always ends. Where ``label_map`` takes whichever
came first, the sweep prefers an attack on the node itself: an explanation chain then names the
objection that answers an inference directly, not one that answers a premise of it.

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
from typing import TYPE_CHECKING, Protocol

from argmap.semantics.grounded import IN, OUT, MapLabels

if TYPE_CHECKING:
    from argmap.model import Attack, Statement, Support

__all__ = ["Sweep", "sweep"]


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
    # attacks on it. Counted table by table, not node by node.
    pending: dict[str, int] = dict.fromkeys(statements, 0)
    pending.update({sid: len(into) for sid, into in supports_into.items()})
    pending.update({iid: len(s.premises) for iid, s in supports.items()})
    pending.update({iid: len(a.premises) for iid, a in attacks.items()})
    for target, attackers in attacks_into.items():
        pending[target] += len(attackers)
    ready = [node for node, count in pending.items() if not count]
    label: dict[str, int] = {}
    why: dict[str, str] = {}
    hit: dict[str, str] = {}  # node -> why it is OUT, once known: an attack IN, a premise OUT
    backed: set[str] = set()  # statements with a support IN
    failed: dict[str, str] = {}  # statement -> its support that failed last
    unproven: set[str] = set()  # inferences with a premise that is not evidenced
    evidenced: dict[str, str | None] = {}
    order: list[str] = []
    while ready:
        node = ready.pop()
        support = supports.get(node)
        if support is not None:
            conclusion = support.conclusion
            reason = hit.get(node)
            if reason is None:
                label[node] = IN
                backed.add(conclusion)
            else:
                label[node] = OUT
                why[node] = reason
                failed[conclusion] = node
            left = pending[conclusion] = pending[conclusion] - 1
            if not left:
                ready.append(conclusion)
            continue
        attack = attacks.get(node)
        if attack is not None:
            target = attack.target
            reason = hit.get(node)
            if reason is None:
                label[node] = IN
                if hit.get(target) not in attacks:  # an attack on it before a failed premise
                    hit[target] = node
            else:
                label[node] = OUT
                why[node] = reason
            left = pending[target] = pending[target] - 1
            if not left:
                ready.append(target)
            continue
        # A statement: every support of it and every attack on it is settled.
        order.append(node)
        reason = hit.get(node)
        if node in needs and node not in backed:
            if node not in supports_into:
                reason = node  # no support at all: its own reason, whatever else attacks it
            elif reason is None:
                reason = failed[node]
        if reason is None:
            label[node] = IN
        else:
            label[node] = OUT
            why[node] = reason
        if node in fixed:
            evidenced[node] = None
            proven = True
        else:
            proven = False
            for sid in supports_into.get(node, ()):
                if sid not in unproven and supports[sid].premises:
                    evidenced[node] = sid
                    proven = True
                    break
        for user in premise_of.get(node, ()):
            if reason is not None and user not in hit:
                hit[user] = node
            if not proven:
                unproven.add(user)
            left = pending[user] = pending[user] - 1
            if not left:
                ready.append(user)
    if len(label) < len(pending):
        return None  # a cycle: some nodes wait for each other
    return Sweep(order=order, evidenced=evidenced, labels=MapLabels(label=label, why=why))
