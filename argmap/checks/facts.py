"""What the rules read: the map's own index, plus what one check works out once for every rule.

The map keeps its :class:`~argmap.index.MapIndex` up to date as it changes, so a check starts
without building anything. What the rules derive from it (which statements are evidenced, the
topological order, the knot of support cycles, what the map stands by, the central claim's
support ancestors) is computed on first use, once per check, and shared by every rule.

Examples:
    >>> from argmap.examples import north_korea
    >>> facts = Facts(north_korea())
    >>> facts.supports_into["agenda"], facts.knot
    (['s_agenda'], set())
"""

from __future__ import annotations

from collections import deque
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from argmap.checks.peel import Peel, necessary, peel
from argmap.checks.sweep import Sweep, sweep
from argmap.semantics.grounded import IN, OUT, label_map, needs_support

if TYPE_CHECKING:
    from collections.abc import Mapping

    from argmap.map import ArgumentMap
    from argmap.model import Attack, Source, Statement, Support
    from argmap.semantics.grounded import MapLabels

__all__ = ["Facts"]

_ID = attrgetter("id")


class Facts:
    """The map's index and central claim, and what the rules derive from them, computed once.

    Attributes:
        m: The map.
        central: Its central claim's id, or ``None``.
        sources: Its sources by id.
        statements: The map's statements by id, from its index (see
            :class:`~argmap.index.MapIndex`), shared, not copied; so are ``supports``,
            ``attacks``, ``supports_into``, ``attacks_into``, ``premise_of``, ``bears_on`` and
            ``acknowledging``.
        adjacency: The graph's successor and predecessor dicts, for a traversal.
    """

    def __init__(self, m: ArgumentMap) -> None:
        index = m.index
        self.m = m
        self.central: str | None = m.central
        self.sources: Mapping[str, Source] = m.sources
        self.statements: dict[str, Statement] = index.statements
        self.supports: dict[str, Support] = index.supports
        self.attacks: dict[str, Attack] = index.attacks
        self.supports_into: dict[str, list[str]] = index.supports_into
        self.attacks_into: dict[str, list[str]] = index.attacks_into
        self.premise_of: dict[str, list[str]] = index.premise_of
        self.bears_on: dict[str, str] = index.bears_on
        self.acknowledging: Mapping[str, Mapping[str, str]] = index.acknowledging
        self.adjacency: tuple[Mapping[str, Mapping[str, Any]], Mapping[str, Mapping[str, Any]]] = (
            m.adjacency
        )
        self._ancestors: dict[str, set[str]] = {}
        self._necessary: dict[str, set[str] | frozenset[str] | None] = {}

    @cached_property
    def swept(self) -> Sweep | None:
        """The check's one pass (see :mod:`argmap.checks.sweep`): evidence and labels together.

        ``None`` when the map has no attack (the peel alone settles evidence, and no rule needs
        the labels) or a cycle (the peel and the fixpoint of ``label_map`` handle it).
        """
        if not self.attacks:
            return None
        return sweep(self, needs=self.needs_support, fixed=self.fixed)

    @cached_property
    def peel(self) -> Peel:
        """What the topological peel of the support graph finds (see :mod:`argmap.checks.peel`),
        read off the sweep when it settled the whole map."""
        swept = self.swept
        if swept is not None:  # no cycle at all: no knot
            return Peel(order=swept.order, knot=set(), evidenced=swept.evidenced)
        return peel(self)

    @property
    def evidenced(self) -> dict[str, str | None]:
        """The evidenced statements, each with the support that evidences it (cases: ``None``)."""
        return self.peel.evidenced

    @property
    def order(self) -> list[str]:
        """The statements off every support cycle, each after all its supports' premises."""
        return self.peel.order

    @property
    def knot(self) -> set[str]:
        """The statements on a support cycle or downstream of one."""
        return self.peel.knot

    @cached_property
    def by_kind(self) -> dict[str, list[Statement]]:
        """The statements of each kind (``"claim"``, ``"case"`` ...), in the map's order.

        One pass shared by every rule that reads one kind only (absent kind: no key).
        """
        return self._kinds[0]

    @cached_property
    def _kinds(self) -> tuple[dict[str, list[Statement]], set[str]]:
        """The statements by kind, and the ids of the assumptions: one read of every statement."""
        by_kind: dict[str, list[Statement]] = {}
        assumed: set[str] = set()
        for statement in self.statements.values():
            kind = statement.kind
            found = by_kind.get(kind)
            if found is None:
                by_kind[kind] = [statement]
            else:
                found.append(statement)
            if statement.assumption:
                assumed.add(statement.id)
        return by_kind, assumed

    @cached_property
    def case_ids(self) -> set[str]:
        """The ids of the cases."""
        return set(map(_ID, self.by_kind.get("case", ())))

    @cached_property
    def needs_support(self) -> set[str]:
        """The claims that are no assumption: IN only with a support IN (evidential reading)."""
        return set(map(_ID, self.by_kind.get("claim", ()))) - self._kinds[1]

    @cached_property
    def fixed(self) -> set[str]:
        """The cases and assumptions: evidenced whatever supports them."""
        return self.case_ids | self._kinds[1]

    def cases_below(self, node_id: str) -> list[str]:
        """The cases a chain of support reaches ``node_id`` from, sorted: its evidence base."""
        return sorted(self.ancestors(node_id) & self.case_ids)

    @cached_property
    def standing_set(self) -> set[str]:
        """The statements the map argues *for*.

        With a central claim: it and every statement that supports it, directly or through a
        chain of supports. Without one: every statement that is not used to attack.
        """
        if self.central is not None:
            return self.ancestors(self.central)
        attackers = {p for a in self.attacks.values() for p in a.premises}
        return {s for s in self.statements if s not in attackers}

    def ancestors(self, node_id: str) -> set[str]:
        """The statements from which ``node_id`` is reached by support, itself included.

        Remembered for the rest of the check: the central claim's are read by several rules.
        """
        found = self._ancestors.get(node_id)
        if found is not None:
            return found
        supports, supports_into = self.supports, self.supports_into
        seen = {node_id}
        queue = deque([node_id])
        while queue:
            for sid in supports_into.get(queue.popleft(), ()):
                for premise in supports[sid].premises:
                    if premise not in seen:
                        seen.add(premise)
                        queue.append(premise)
        self._ancestors[node_id] = seen
        return seen

    def necessary(self, node_id: str) -> set[str] | frozenset[str] | None:
        """The cases ``node_id`` cannot be evidenced without (``None``: it is not evidenced).

        Read it, never change it; see :func:`argmap.checks.evidenced.necessary_cases`.
        """
        if node_id not in self._necessary:
            self._necessary[node_id] = necessary(self, node_id)
        return self._necessary[node_id]

    @cached_property
    def unlinked(self) -> list[str]:
        """The statements no chain of supports, attacks or answers links to the central claim.

        In the map's order; empty without a central claim. What AM501 reports.

        The central claim's support ancestors (:attr:`standing_set`, worked out for the attack
        rules anyway) and the supports into them are linked to it by definition, so only the
        rest of the map is walked: each of its weakly connected parts is linked when an edge
        leads from it into that core. On most maps the rest is the objections and their
        answers, linked by a look at what they are premises of (``bears_on``) without a walk;
        a map of unlinked parts costs one walk of the graph, as before.
        A statement that answers a critical question of a linked support is linked too.
        """
        central = self.central
        if central is None:
            return []
        core = self.standing_set
        rest = self.statements.keys() - core
        if not rest:
            return []
        supports, premise_of, bears_on = self.supports, self.premise_of, self.bears_on
        # Most of the rest are objections and their answers: a statement that is a premise of
        # an inference bearing in the end on the core (an objection), or on an objection (an
        # answer), is linked without a walk. The walk starts only from the others, and a part
        # that meets a statement linked so is linked too.
        linked: set[str] = set()
        others: list[str] = []
        for s in rest:
            for iid in premise_of.get(s, ()):
                if bears_on[iid] in core:
                    linked.add(s)
                    break
            else:
                others.append(s)
        for s in others:
            for iid in premise_of.get(s, ()):
                if bears_on[iid] in linked:
                    linked.add(s)
                    break
        succ, pred = self.adjacency
        seen: set[str] = set(linked)
        for start in rest:
            if start in seen:
                continue
            seen.add(start)
            part = [start]
            reaches_core = False
            for node in part:  # grows as it goes: a breadth-first walk of this part
                for neighbours in (succ[node], pred[node]):
                    for n in neighbours:
                        if n in seen:
                            if n in linked:  # met a statement linked without a walk
                                reaches_core = True
                            continue
                        support = supports.get(n)
                        if n in core or (support is not None and support.conclusion in core):
                            reaches_core = True
                        else:
                            seen.add(n)
                            part.append(n)
            if reaches_core:
                linked.update(part)
        answered_by = self.m.index.answered_by
        for answer, sids in answered_by.items():
            if answer in rest and answer not in linked:
                for sid in sids:
                    conclusion = supports[sid].conclusion  # a support is where it concludes
                    if conclusion in linked or conclusion in core:
                        linked.add(answer)
                        break
        if rest <= linked:
            return []
        return [s for s in self.statements if s in rest and s not in linked]

    @cached_property
    def labels(self) -> MapLabels:
        """The map's labelling under argmap's default semantics, the evidential reading (see
        :func:`argmap.semantics.grounded.label_map`), as ``argmap.evaluate(m)`` gives it."""
        swept = self.swept
        if swept is not None:
            return swept.labels
        return label_map(self.m.index, reading="evidential")

    def is_answered(self, attack_id: str) -> bool:
        """Whether the attack is defeated: OUT in the labelling (:attr:`labels`).

        An attack whose answer is itself defeated stands again (IN); one caught in a cycle of
        attacks is undecided (UNDEC), and neither is answered.
        """
        return self.labels.label.get(attack_id) == OUT

    @cached_property
    def central_falls_through(self) -> set[str]:
        """The nodes through whose failure the central claim is not IN (empty when it is IN).

        From the central claim down: a statement that needs support (a claim that is not an
        assumption, under the default evidential reading) and has no support IN fails through
        its supports that are not IN; an inference that is not IN fails through
        its premises that are not IN. Attacks are where this ends: an attack on one of these
        nodes that is not defeated is part of why the central claim does not stand.
        """
        central = self.central
        label, reading = self.labels.label, self.labels.reading
        if central is None or label.get(central) == IN:
            return set()
        statements, supports, attacks = self.statements, self.supports, self.attacks
        supports_into = self.supports_into
        seen = {central}
        stack = [central]
        while stack:
            node = stack.pop()
            statement = statements.get(node)
            if statement is not None:
                into = supports_into.get(node, ())
                needs = needs_support(statement, supported=bool(into), reading=reading)
                if not needs or any(label.get(s) == IN for s in into):
                    continue
                below: tuple[str, ...] | list[str] = into
            else:
                inference = supports.get(node) or attacks[node]
                below = inference.premises
            for n in below:
                if n not in seen and label.get(n) != IN:
                    seen.add(n)
                    stack.append(n)
        return seen
