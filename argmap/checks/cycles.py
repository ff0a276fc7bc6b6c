"""Circular support: statements that support themselves through a cycle of supports.

Only support counts: a cycle that runs through an attack is an exchange of objections, not
circular reasoning. The topological peel that settles evidence (see
:mod:`argmap.checks.evidenced`) leaves behind exactly the statements on a cycle or downstream of
one; only those are searched for cycles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.rules import listed, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    import networkx as nx

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule

# A cycle's path in the explanation stops after this many statements.
MAX_PATH = 40


@rule("AM104", "circular-support", "error", "Statements that support themselves through a cycle.")
def circular_support(facts: Facts, r: Rule) -> Iterator[Finding]:
    knot = facts.knot
    if not knot:
        return
    import networkx as nx  # noqa: PLC0415  # only a map with a support cycle needs it

    g: nx.DiGraph[str] = nx.DiGraph()
    for sid, support in facts.supports.items():
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
        if len(cycle) <= MAX_PATH:
            path = " -> ".join([*cycle, cycle[0]])
        else:
            path = " -> ".join(cycle[:MAX_PATH]) + f" -> ... ({len(cycle) - MAX_PATH} more)"
        supports = sorted({g.edges[u, v]["support"] for u, v in cycle_edges})
        others = sorted(component - set(cycle))
        more = f" The same knot also holds {listed(others)}." if others else ""
        yield r.finding(
            cycle,
            f"{cycle[0]!r} supports itself through a cycle of {len(cycle)} statements",
            f"Cycle: {path} (supports {listed(supports)}).{more} A statement cannot be "
            "evidence for itself, even where a case also evidences part of the cycle: find the "
            "support that runs the wrong way and remove it.",
        )
