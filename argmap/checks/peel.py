"""The algorithms behind evidence: one topological peel of the support graph, and the cases a
statement cannot be evidenced without.

One topological peel of the support graph (Kahn's algorithm) settles every statement that is not
on a support cycle or downstream of one, in an order where each statement comes after all its
supports' premises; the same peel tells the circular-support rule which statements remain (the
*knot*). Only the knot needs forward chaining. Everything runs in time linear in the size of the
map, without recursion. The rules reach these through :class:`~argmap.checks.facts.Facts`, which
computes each once per check; :mod:`argmap.checks.evidenced` says what they mean.

Examples:
    >>> from argmap.checks.facts import Facts
    >>> from argmap.examples import north_korea
    >>> facts = Facts(north_korea())
    >>> p = peel(facts)
    >>> p.knot, p.evidenced["abuses_fell"], "agenda" in p.evidenced
    (set(), 's_defectors', False)
    >>> sorted(necessary(facts, "reacts") or ())
    []
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from argmap.model import Statement, Support

__all__ = ["Peel", "Peeled", "SupportGraph", "necessary", "peel"]


class SupportGraph(Protocol):
    """What the peel reads: the map's index, as :class:`~argmap.checks.facts.Facts` holds it."""

    @property
    def statements(self) -> dict[str, Statement]: ...
    @property
    def supports(self) -> dict[str, Support]: ...
    @property
    def supports_into(self) -> dict[str, list[str]]: ...
    @property
    def premise_of(self) -> dict[str, list[str]]: ...


class Peeled(SupportGraph, Protocol):
    """What the necessary cases read besides: the peel's evidence and knot, worked out once."""

    @property
    def evidenced(self) -> dict[str, str | None]: ...
    @property
    def knot(self) -> set[str]: ...


@dataclass(frozen=True)
class Peel:
    """What one topological peel of the support graph finds.

    Attributes:
        order: The statements off any support cycle, each after every premise of its supports.
        knot: The statements on a support cycle or downstream of one (empty in most maps).
        evidenced: Each evidenced statement, with the support that evidences it (``None`` for a
            case or an assumption): for a statement in ``order``, its first support, in the
            map's order, whose premises are all evidenced.
    """

    order: list[str]
    knot: set[str]
    evidenced: dict[str, str | None]


def peel(facts: SupportGraph) -> Peel:
    """Peel the support graph once: topological order, evidence, and what is left (the knot)."""
    statements, supports = facts.statements, facts.supports
    supports_into, premise_of = facts.supports_into, facts.premise_of
    waiting: dict[str, int] = {}  # support edges into a statement not yet peeled
    for support in supports.values():
        if support.premises:
            conclusion = support.conclusion
            waiting[conclusion] = waiting.get(conclusion, 0) + len(support.premises)
    queue = deque(s for s in statements if s not in waiting)
    order: list[str] = []
    evidenced: dict[str, str | None] = {}
    while queue:
        current = queue.popleft()
        order.append(current)
        # Every premise of every support of ``current`` is peeled already: its evidence is final.
        statement = statements[current]
        if statement.kind == "case" or statement.assumption:
            evidenced[current] = None
        else:
            for sid in supports_into.get(current, ()):
                premises = supports[sid].premises
                if not premises:
                    continue
                for p in premises:
                    if p not in evidenced:
                        break
                else:
                    evidenced[current] = sid
                    break
        for sid in premise_of.get(current, ()):
            feeds = supports.get(sid)
            if feeds is not None:
                conclusion = feeds.conclusion
                left = waiting[conclusion] = waiting[conclusion] - 1
                if not left:
                    queue.append(conclusion)
    knot = {s for s, left in waiting.items() if left}
    if knot:
        _chain_forward(facts, knot, evidenced)
    return Peel(order=order, knot=knot, evidenced=evidenced)


def _chain_forward(facts: SupportGraph, knot: set[str], evidenced: dict[str, str | None]) -> None:
    """Settle evidence in the knot: a count-down of each support's unevidenced premises."""
    supports, premise_of = facts.supports, facts.premise_of
    # Count first, then seed: a statement evidenced while counting would be counted twice.
    missing = {
        sid: sum(1 for p in support.premises if p not in evidenced)
        for sid, support in supports.items()
        if support.conclusion in knot and support.premises
    }
    queue: deque[str] = deque()
    for node in knot:
        statement = facts.statements[node]
        if statement.kind == "case" or statement.assumption:
            evidenced[node] = None
            queue.append(node)
    for sid, left in missing.items():
        conclusion = supports[sid].conclusion
        if not left and conclusion not in evidenced:
            evidenced[conclusion] = sid
            queue.append(conclusion)
    while queue:
        current = queue.popleft()
        for sid in premise_of.get(current, ()):
            if sid not in missing:
                continue  # an attack, or a support outside the knot
            missing[sid] -= 1
            if not missing[sid]:
                conclusion = supports[sid].conclusion
                if conclusion not in evidenced:
                    evidenced[conclusion] = sid
                    queue.append(conclusion)


def necessary(facts: Peeled, node_id: str) -> set[str] | frozenset[str] | None:
    """N(node_id) as defined in :func:`necessary_cases`; ``None`` when it is not evidenced."""
    first = facts.evidenced
    if node_id not in first:
        return None
    supports, statements, supports_into = facts.supports, facts.statements, facts.supports_into
    # Only the statements reached through usable supports (every premise evidenced) bear on N:
    # walk down those alone, not every ancestor.
    usable_into: dict[str, list[tuple[str, ...]]] = {}
    reads: dict[str, int] = {}  # how many usable supports will read each premise's set
    relevant = {node_id}
    stack = [node_id]
    while stack:
        s = stack.pop()
        statement = statements[s]
        if statement.kind == "case" or statement.assumption:  # fixed: see _fixed
            continue
        for sid in supports_into.get(s, ()):
            premises = supports[sid].premises
            if not premises:
                continue
            for p in premises:
                if p not in first:
                    break
            else:
                usable = usable_into.get(s)
                if usable is None:
                    usable_into[s] = [premises]
                else:
                    usable.append(premises)
                for p in premises:
                    reads[p] = reads.get(p, 0) + 1
                    if p not in relevant:
                        relevant.add(p)
                        stack.append(p)
    if not relevant.isdisjoint(facts.knot):
        return _necessary_fixpoint(facts, node_id, relevant, usable_into)
    return _necessary_in_order(
        facts, node_id, _premises_first(node_id, usable_into), usable_into, reads
    )


def _premises_first(node_id: str, usable_into: dict[str, list[tuple[str, ...]]]) -> list[str]:
    """The statements below ``node_id`` through usable supports, each after all its premises.

    A depth-first post-order, without recursion; the usable supports below a node that no
    support cycle reaches form no cycle, so it is a topological order.
    """
    order: list[str] = []
    done: set[str] = set()
    stack: list[tuple[str, bool]] = [(node_id, False)]
    while stack:
        s, expanded = stack.pop()
        if expanded:
            order.append(s)
            continue
        if s in done:
            continue
        done.add(s)
        stack.append((s, True))
        for premises in usable_into.get(s, ()):
            stack.extend((p, False) for p in premises if p not in done)
    return order


def _necessary_in_order(
    facts: Peeled,
    node_id: str,
    order: list[str],
    usable_into: dict[str, list[tuple[str, ...]]],
    reads: dict[str, int],
) -> set[str]:
    """N by one pass in topological ``order``, for a node no support cycle reaches."""
    statements = facts.statements
    # Sets are shared between statements (a statement with one usable support of one premise
    # holds its premise's set); ``pending`` counts, per set, the reads still to come from every
    # statement holding it. A set with no read to come may be changed in place by its reader.
    need: dict[str, set[str]] = {}
    pending: dict[int, int] = {}

    def hold(s: str, cases: set[str]) -> None:
        need[s] = cases
        later = reads.get(s, 0) + (s == node_id)  # the answer itself must stay as it is
        pending[id(cases)] = pending.get(id(cases), 0) + later

    def read(p: str) -> tuple[set[str], bool]:
        """The set of ``p``, and whether the reader may change it (no read of it is to come)."""
        cases = need[p]
        left = pending[id(cases)] = pending[id(cases)] - 1
        return cases, not left

    for s in order:
        statement = statements[s]
        if statement.kind == "case":
            hold(s, {s})
            continue
        if statement.assumption:  # an assumption needs no case
            hold(s, set())
            continue
        alternatives = usable_into[s]
        if len(alternatives) == 1 and len(alternatives[0]) == 1:
            # The common link of a chain: one support, one premise. Share the premise's set.
            hold(s, read(alternatives[0][0])[0])
            continue
        meet: set[str] | None = None
        meet_free = False
        for premises in alternatives:
            parts = [read(p) for p in premises]
            big, union_free = max(parts, key=lambda part: len(part[0]))
            union = big
            for part, _ in parts:
                if part is not big and not part <= union:
                    if not union_free:
                        union, union_free = set(union), True
                    union |= part
            if meet is None:
                meet, meet_free = union, union_free
                if not meet_free:  # held here: no later read may think it free to change
                    pending[id(meet)] += 1
            elif meet is not union:
                if meet_free:
                    meet &= union
                else:
                    pending[id(meet)] -= 1
                    meet, meet_free = meet & union, True
        if meet is not None:  # always: an evidenced statement that is no case has a usable support
            if not meet_free:
                pending[id(meet)] -= 1
            hold(s, meet)
    return need[node_id]


def _necessary_fixpoint(
    facts: Peeled,
    node_id: str,
    relevant: set[str],
    usable_into: dict[str, list[tuple[str, ...]]],
) -> frozenset[str] | None:
    """N by chaotic iteration down from the top (every case), for maps with support cycles."""
    first = facts.evidenced
    statements = facts.statements
    need: dict[str, frozenset[str] | None] = {}  # None stands for "every case" (the top)
    order = [s for s in first if s in relevant]
    for sid in order:
        if statements[sid].kind == "case":
            need[sid] = frozenset((sid,))
        else:  # an assumption needs no case; anything else starts at the top
            need[sid] = frozenset() if statements[sid].assumption else None
    users: dict[str, list[str]] = {}
    for conclusion, alternatives in usable_into.items():
        for premises in alternatives:
            for p in premises:
                users.setdefault(p, []).append(conclusion)
    queue = deque(s for s in order if not _fixed(statements[s]))
    queued = set(queue)
    while queue:
        current = queue.popleft()
        queued.discard(current)
        new = _meet(_join([need[p] for p in premises]) for premises in usable_into.get(current, ()))
        old = need[current]
        if new is None:
            continue
        if old is not None:
            new &= old  # iterates only shrink from the top, so this terminates
        if new == old:
            continue
        need[current] = new
        for conclusion in users.get(current, ()):
            if conclusion not in queued and not _fixed(statements[conclusion]):
                queue.append(conclusion)
                queued.add(conclusion)
    return need[node_id]


def _fixed(statement: Statement) -> bool:
    """Whether N(statement) is fixed whatever supports it: a case's is itself, an assumption's
    is empty."""
    return statement.kind == "case" or statement.assumption


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
