"""Support gaps: claims with no support, claims whose support never reaches evidence, and
supports that rest only on unsupported premises."""

from __future__ import annotations

from itertools import filterfalse
from operator import attrgetter
from typing import TYPE_CHECKING

from argmap.checks.rules import listed, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule
    from argmap.model import Support

__all__ = ["unevidenced_chain"]

_ID = attrgetter("id")

# An explanation's chain stops here; a longer one ends in "...".
MAX_CHAIN = 40


def _unsupported_text(claim: str, central: bool) -> tuple[str, str]:
    role = " (the central claim)" if central else ""
    return (
        f"claim {claim!r}{role} has no support",
        "No premise, claim or case in the map supports it. Add the reasons or evidence the "
        "text gives for it, or make it a premise if the text takes it for granted.",
    )


@rule("AM101", "unsupported-claim", "warning", "A claim that nothing in the map supports.")
def unsupported_claims(facts: Facts, r: Rule) -> Iterator[Finding]:
    central, supported, defer = facts.central, facts.supports_into.__contains__, r.deferred
    # The claims picked in C (filterfalse over the index's own membership test).
    for claim in filterfalse(supported, map(_ID, facts.by_kind.get("claim", ()))):
        yield defer((claim,), _unsupported_text, claim, claim == central)


def unevidenced_chain(facts: Facts, node_id: str) -> list[str]:
    """Return a chain of support from ``node_id`` down to where evidence fails.

    At each step it takes the first support and, in it, the first premise that is not
    evidenced, until it reaches a statement with no support, a support with no premises, or
    comes back to a statement already on the chain.
    """
    evidenced = facts.evidenced
    chain = [node_id]
    on_chain = {node_id}
    current = node_id
    while len(chain) < MAX_CHAIN:
        supports = facts.supports_into.get(current)
        if not supports:
            break
        sid = supports[0]
        weak = next((p for p in facts.supports[sid].premises if p not in evidenced), None)
        if weak is None:  # a support without premises: it stands on nothing the map shows
            chain.append(sid)
            break
        chain += [sid, weak]
        if weak in on_chain:
            break
        on_chain.add(weak)
        current = weak
    return chain


def _describe_chain(facts: Facts, chain: list[str]) -> str:
    steps = []
    for node in chain:
        statement = facts.statements.get(node)
        steps.append(f"{node} ({statement.kind})" if statement else f"<-{node}-")
    end = chain[-1]
    if end in facts.supports:
        tail = f"ends at support {end!r}, which has no premises"
    elif chain.count(end) > 1:
        tail = f"comes round to {end!r} again: it is circular"
    elif end in facts.supports_into:  # stopped at the length limit, not at a bare end
        tail = f"goes on past {MAX_CHAIN} nodes (cut here)"
    else:
        tail = f"ends at {end!r}, which has no support and is not a case"
    return "Chain: " + " ".join(steps) + f"\nNo case is reached: the chain {tail}."


@rule(
    "AM102",
    "unevidenced-claim",
    "warning",
    "A supported claim whose chains of support never reach a case (evidence).",
)
def unevidenced_claims(facts: Facts, r: Rule) -> Iterator[Finding]:
    evidenced, supports_into = facts.evidenced, facts.supports_into
    for statement in facts.by_kind.get("claim", ()):
        sid = statement.id
        if sid in supports_into and sid not in evidenced:
            chain = unevidenced_chain(facts, sid)
            yield r.finding(
                [n for n in chain if n in facts.statements],
                f"claim {sid!r} is supported, but no chain of support reaches evidence",
                _describe_chain(facts, chain)
                + " Support the bare premises with cases, or say why they need none.",
            )


@rule(
    "AM103",
    "unsupported-premises",
    "warning",
    "A support whose premises are all unsupported and none is a case.",
)
def supports_on_bare_premises(facts: Facts, r: Rule) -> Iterator[Finding]:
    supports_into, cases, defer = facts.supports_into, facts.case_ids, r.deferred
    for support in facts.supports.values():
        premises = support.premises
        if not premises:
            yield defer((support.id,), _empty_text, support)
            continue
        for p in premises:
            if p in supports_into or p in cases:
                break
        else:
            yield defer((support.id, *premises), _bare_text, support)


def _empty_text(support: Support) -> tuple[str, str]:
    return (
        f"support {support.id!r} of {support.conclusion!r} has no premises",
        "It offers no reason the map shows, so it adds no evidence to its conclusion. "
        "Give its premises, or accept it knowingly.",
    )


def _bare_text(support: Support) -> tuple[str, str]:
    names = listed([repr(p) for p in support.premises])
    return (
        f"support {support.id!r} of {support.conclusion!r} rests only on unsupported "
        f"premises {names}",
        "None of its premises is a case or has support of its own, so it adds no evidence "
        "to its conclusion. Support a premise, or accept it knowingly.",
    )
