"""Structure gaps: no central claim, and statements cut off from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.rules import rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule


@rule("AM001", "no-central-claim", "info", "The map names no central claim.")
def no_central_claim(facts: Facts, r: Rule) -> Iterator[Finding]:
    if facts.central is None and facts.statements:
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
def orphans(facts: Facts, r: Rule) -> Iterator[Finding]:
    central = facts.central
    if central is None:
        return
    for sid in facts.unlinked:
        statement = facts.statements[sid]
        yield r.finding(
            [sid],
            f"{statement.kind} {sid!r} is not connected to the central claim {central!r}",
            "Nothing links it, by support or attack, to the argument for the central claim. "
            "Link it to what it bears on, or remove it.",
        )
