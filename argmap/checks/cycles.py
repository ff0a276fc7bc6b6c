"""Circular support: statements that support themselves through a cycle of supports.

Only support counts: a cycle that runs through an attack is an exchange of objections, not
circular reasoning.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import networkx as nx

from argmap.checks.rules import rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.index import MapIndex
    from argmap.checks.report import Finding
    from argmap.checks.rules import Rule


def _on_or_after_cycles(index: MapIndex) -> set[str]:
    """Return the statements that lie on a support cycle or downstream of one.

    Kahn's peeling: statements that nothing supports are taken away with their outgoing
    supports, again and again; what cannot be taken away waits on a cycle. In the usual,
    acyclic map nothing remains and the strongly connected components need not be computed.
    """
    waiting: dict[str, int] = {}  # support edges into a statement not yet taken away
    for support in index.supports.values():
        waiting[support.conclusion] = waiting.get(support.conclusion, 0) + len(support.premises)
    queue = deque(s for s in index.premise_of if s not in waiting)
    supports = index.supports
    while queue:
        for sid in index.premise_of.get(queue.popleft(), ()):
            feeds = supports.get(sid)
            if feeds is not None:
                left = waiting[feeds.conclusion] = waiting[feeds.conclusion] - 1
                if not left:
                    queue.append(feeds.conclusion)
    return {s for s, left in waiting.items() if left}


@rule("AM104", "circular-support", "error", "Statements that support themselves through a cycle.")
def circular_support(index: MapIndex, r: Rule) -> Iterator[Finding]:
    knot = _on_or_after_cycles(index)
    if not knot:
        return
    g: nx.DiGraph[str] = nx.DiGraph()
    for sid, support in index.supports.items():
        if support.conclusion in knot:
            for premise in support.premises:
                if premise in knot:
                    g.add_edge(premise, support.conclusion, support=sid)
    for component in nx.strongly_connected_components(g):
        if len(component) < 2:
            continue
        cycle_edges = nx.find_cycle(g.subgraph(component))
        cycle = [u for u, _ in cycle_edges]
        start = min(range(len(cycle)), key=lambda i: cycle[i])  # a stable order for reports
        cycle = cycle[start:] + cycle[:start]
        path = " -> ".join([*cycle, cycle[0]])
        supports = sorted({g.edges[u, v]["support"] for u, v in cycle_edges})
        others = sorted(component - set(cycle))
        more = f" The same knot also holds {', '.join(others)}." if others else ""
        yield r.finding(
            cycle,
            f"{cycle[0]!r} supports itself through a cycle of {len(cycle)} statements",
            f"Cycle: {path} (supports {', '.join(supports)}).{more} A statement cannot be "
            "evidence for itself, even where a case also grounds part of the cycle: find the "
            "support that runs the wrong way and remove it.",
        )
