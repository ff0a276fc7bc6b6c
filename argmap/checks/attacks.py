"""Attack gaps: objections left unanswered, and claims whose every support is undercut.

An attack is *answered* when one of its premises is itself attacked, or when the attack itself
is undercut (attacked as an inference). The map *stands by* the
central claim and everything that supports it, directly or through a chain (without a central
claim: every statement not used to attack); objections against anything else, such as against
the objections the map rejects, need no answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.rules import LIST_LIMIT, listed, rule
from argmap.schemes import get_scheme

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.facts import Facts
    from argmap.checks.report import Finding
    from argmap.checks.rules import Rule


@rule(
    "AM201",
    "unanswered-attack",
    "warning",
    "An attack on a statement the map stands by, or on one of its supports, left unanswered.",
)
def unanswered_attacks(facts: Facts, r: Rule) -> Iterator[Finding]:
    standing, supports = facts.standing_set, facts.supports
    for aid, attack in facts.attacks.items():
        support = supports.get(attack.target)
        # Not facts.bears_on: an attack on an attack (on an objection) needs no answer.
        bears_on = support.conclusion if support else attack.target
        if bears_on not in standing or facts.is_answered(aid):
            continue
        by = listed([repr(p) for p in attack.premises]) or "no premises"
        if support is not None:
            what = f"undercuts support {attack.target!r} of {bears_on!r}"
            why = "It grants the premises but denies that they support the conclusion."
        else:
            what = f"rebuts {bears_on!r}"
            why = "It speaks against the statement itself."
        if attack.question and support is not None and support.scheme:
            question = get_scheme(support.scheme).questions[attack.question]
            why += f" It raises the critical question {attack.question}: {question}"
        yield r.finding(
            [aid, *attack.premises, attack.target],
            f"attack {aid!r} by {by} {what}, and nothing answers it",
            f"{why} Answer it with an attack on {by} or on the attack itself, "
            "or concede the point.",
        )


@rule(
    "AM202",
    "undercut-claim",
    "warning",
    "A statement whose every support is undercut by an unanswered attack.",
)
def undercut_claims(facts: Facts, r: Rule) -> Iterator[Finding]:
    for sid, supports in facts.supports_into.items():
        undercut = {
            support: [a for a in facts.attacks_into.get(support, ()) if not facts.is_answered(a)]
            for support in supports
        }
        if all(undercut.values()):
            lines = [f"{s} is undercut by {listed(a)}" for s, a in undercut.items()]
            if len(lines) > LIST_LIMIT:
                lines[LIST_LIMIT:] = [f"and {len(lines) - LIST_LIMIT} more supports"]
            yield r.finding(
                [sid, *supports],
                f"every support of {sid!r} is undercut, and no undercutter is answered",
                "; ".join(lines)
                + f". Nothing left supports {sid!r}: answer an undercutter or add support.",
            )
