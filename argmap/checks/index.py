"""A flat index of a map, built in one pass, that every rule reads instead of the models.

The rules must run in time linear in the size of the map, so each reads plain dicts and tuples
built once here rather than walking the graph through the map's API again and again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.model import Attack, Support

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.model import Statement

__all__ = ["MapIndex"]


@dataclass
class MapIndex:
    """Who supports, attacks and uses whom, by id."""

    m: ArgumentMap
    statements: dict[str, Statement] = field(default_factory=dict)
    supports: dict[str, Support] = field(default_factory=dict)
    attacks: dict[str, Attack] = field(default_factory=dict)
    supports_into: dict[str, list[str]] = field(default_factory=dict)
    attacks_into: dict[str, list[str]] = field(default_factory=dict)
    premise_of: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, m: ArgumentMap) -> MapIndex:
        """Index ``m`` in one pass over its nodes."""
        index = cls(m)
        statements, supports, attacks = index.statements, index.supports, index.attacks
        supports_into, attacks_into = index.supports_into, index.attacks_into
        premise_of = index.premise_of
        for model in m.nodes():
            node_id = model.id
            if isinstance(model, Support):
                supports[node_id] = model
                supports_into.setdefault(model.conclusion, []).append(node_id)
            elif isinstance(model, Attack):
                attacks[node_id] = model
                attacks_into.setdefault(model.target, []).append(node_id)
            else:
                statements[node_id] = model
                continue
            for premise in model.premises:
                premise_of.setdefault(premise, []).append(node_id)
        return index

    @cached_property
    def grounded(self) -> dict[str, str | None]:
        """The grounded statements, each with the support that grounded it (see grounding)."""
        from argmap.checks.grounding import grounded  # noqa: PLC0415  # it imports this module

        return grounded(self)

    @cached_property
    def standing_set(self) -> set[str]:
        """:meth:`standing`, computed once."""
        return self.standing()

    @cached_property
    def central_ancestors(self) -> set[str]:
        """:meth:`support_ancestors` of the central claim, computed once (empty without one)."""
        central = self.m.central
        return set() if central is None else self.support_ancestors(central)

    def is_answered(self, attack_id: str) -> bool:
        """Whether some premise of the attack is itself attacked, or the attack is undercut."""
        return attack_id in self.attacks_into or any(
            p in self.attacks_into for p in self.attacks[attack_id].premises
        )

    def support_ancestors(self, node_id: str) -> set[str]:
        """Return the statements from which ``node_id`` is reached by support, itself included."""
        seen = {node_id}
        queue = deque([node_id])
        while queue:
            current = queue.popleft()
            for sid in self.supports_into.get(current, ()):
                for premise in self.supports[sid].premises:
                    if premise not in seen:
                        seen.add(premise)
                        queue.append(premise)
        return seen

    def standing(self) -> set[str]:
        """Return the statements the map argues *for*.

        With a central claim: it and every statement that supports it, directly or through a
        chain of supports. Without one: every statement that is not used to attack.
        """
        if self.m.central is not None:
            return self.central_ancestors
        attackers = {p for a in self.attacks.values() for p in a.premises}
        return {s for s in self.statements if s not in attackers}
