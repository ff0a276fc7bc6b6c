"""Attack gaps: objections left unanswered, and claims whose every support is undercut.

An attack is *answered* when one of its premises is itself attacked, or when the attack itself
is undercut (attacked as an inference). The map *stands by* the
central claim and everything that supports it, directly or through a chain (without a central
claim: every statement not used to attack); objections against anything else, such as against
the objections the map rejects, need no answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.rules import rule
from argmap.schemes import get_scheme

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.index import MapIndex
    from argmap.checks.report import Finding
    from argmap.checks.rules import Rule


@rule(
    "AM201",
    "unanswered-attack",
    "warning",
    "An attack on a statement the map stands by, or on one of its supports, left unanswered.",
)
def unanswered_attacks(index: MapIndex, r: Rule) -> Iterator[Finding]:
    standing = index.standing_set
    for aid, attack in index.attacks.items():
        support = index.supports.get(attack.target)
        bears_on = support.conclusion if support else attack.target
        if bears_on not in standing or index.is_answered(aid):
            continue
        by = ", ".join(repr(p) for p in attack.premises)
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
def undercut_claims(index: MapIndex, r: Rule) -> Iterator[Finding]:
    for sid, supports in index.supports_into.items():
        undercut = {
            support: [a for a in index.attacks_into.get(support, ()) if not index.is_answered(a)]
            for support in supports
        }
        if all(undercut.values()):
            lines = [f"{s} is undercut by {', '.join(a)}" for s, a in undercut.items()]
            yield r.finding(
                [sid, *supports],
                f"every support of {sid!r} is undercut, and no undercutter is answered",
                "; ".join(lines)
                + f". Nothing left supports {sid!r}: answer an undercutter or add support.",
            )
