"""Structure gaps: no central claim, and statements cut off from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from argmap.checks.rules import rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.index import MapIndex
    from argmap.checks.report import Finding
    from argmap.checks.rules import Rule


@rule("AM001", "no-central-claim", "info", "The map names no central claim.")
def no_central_claim(index: MapIndex, r: Rule) -> Iterator[Finding]:
    if index.m.central is None and index.statements:
        yield r.finding(
            [],
            "the map names no central claim",
            "Rules about what the central claim depends on (AM4xx) and orphans (AM501) need one; "
            "without it, every statement not used to attack counts as standing (AM201). "
            "Set `m.central`.",
        )


@rule(
    "AM501",
    "orphan-statement",
    "warning",
    "A statement with no chain of supports, attacks or answers to the central claim.",
)
def orphans(index: MapIndex, r: Rule) -> Iterator[Finding]:
    central = index.m.central
    if central is None:
        return
    seen = next(c for c in nx.weakly_connected_components(index.m.graph) if central in c)
    # A statement that answers a critical question of a connected support takes part too.
    seen |= {
        answer
        for sid, support in index.supports.items()
        if sid in seen
        for answer in support.answered.values()
    }
    for sid, statement in index.statements.items():
        if sid not in seen:
            yield r.finding(
                [sid],
                f"{statement.kind} {sid!r} is not connected to the central claim {central!r}",
                "Nothing links it, by support or attack, to the argument for the central claim. "
                "Link it to what it bears on, or remove it.",
            )
