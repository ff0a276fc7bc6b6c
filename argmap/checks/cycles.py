"""Circular support: statements that support themselves through a cycle of supports.

Only support counts: a cycle that runs through an attack is an exchange of objections, not
circular reasoning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from argmap.checks.rules import rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.index import MapIndex
    from argmap.checks.report import Finding
    from argmap.checks.rules import Rule


@rule("AM104", "circular-support", "error", "Statements that support themselves through a cycle.")
def circular_support(index: MapIndex, r: Rule) -> Iterator[Finding]:
    g: nx.DiGraph[str] = nx.DiGraph()
    for sid, support in index.supports.items():
        for premise in support.premises:
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
            "evidence for itself: break the cycle, or ground one of its statements in a case.",
        )
