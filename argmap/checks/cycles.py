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


def _on_or_between_cycles(index: MapIndex) -> set[str]:
    """Peel off statements with no incoming or no outgoing support, until none is left to peel.

    What remains holds every support cycle (and whatever lies between cycles); in the usual,
    acyclic map nothing remains and the strongly connected components need not be computed.
    """
    out_degree: dict[str, int] = {}
    in_degree: dict[str, int] = {}
    for support in index.supports.values():
        in_degree[support.conclusion] = in_degree.get(support.conclusion, 0) + len(support.premises)
        for premise in support.premises:
            out_degree[premise] = out_degree.get(premise, 0) + 1
    alive = {s for s in out_degree if in_degree.get(s)}
    queue = deque(s for s in out_degree.keys() | in_degree.keys() if s not in alive)
    while queue:
        current = queue.popleft()
        for sid in index.premise_of.get(current, ()):  # current no longer feeds anything
            feeds = index.supports.get(sid)
            if feeds is not None and feeds.conclusion in alive:
                in_degree[feeds.conclusion] -= 1
                if not in_degree[feeds.conclusion]:
                    alive.discard(feeds.conclusion)
                    queue.append(feeds.conclusion)
        for sid in index.supports_into.get(current, ()):  # nothing flows out of current
            for premise in index.supports[sid].premises:
                if premise in alive:
                    out_degree[premise] -= 1
                    if not out_degree[premise]:
                        alive.discard(premise)
                        queue.append(premise)
    return alive


@rule("AM104", "circular-support", "error", "Statements that support themselves through a cycle.")
def circular_support(index: MapIndex, r: Rule) -> Iterator[Finding]:
    knot = _on_or_between_cycles(index)
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
