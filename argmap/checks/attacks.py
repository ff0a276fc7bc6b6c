"""Attack gaps: objections that stand, and claims whose every support is undercut.

Whether an attack is *answered* is judged by the map's labelling under argmap's default
semantics, the evidential reading (Dung's grounded semantics over the evidential translation of
:mod:`argmap.semantics.translate`, where a claim needs a support that stands; computed by
:func:`argmap.semantics.grounded.label_map`, the labels ``argmap.evaluate(m)`` gives), not one
step deep: an attack is answered when it is
defeated (OUT), because a premise of it falls (an objection resting on a claim nothing supports
falls with it) or an undercutter of it stands. An answer that is
itself defeated answers nothing, so the attack stands again (IN); in a cycle of attacks with no
way out it is undecided (UNDEC), which is not answered either. The explanation gives the chain
of answers and counter-answers that settles it.

The map *stands by* the central claim and everything that supports it, directly or through a
chain (without a central claim: every statement not used to attack); objections against anything
else, such as against the objections the map rejects, need no answer. When an objection that
stands takes the central claim down with it, the finding says so.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("c", "C."), [m.rebuttal(f"r{i}", f"R{i}.") for i in (1, 2, 3)]
    >>> _ = m.attack("r1", "c", id="a1"), m.attack("r2", "r1", id="a2")
    >>> _ = m.attack("r3", "r2", id="a3")
    >>> m.central = "c"
    >>> (finding,) = argmap.check(m, select="AM201")
    >>> finding.message
    "attack 'a1' by 'r1' rebuts 'c', and every answer to it is defeated: the central claim 'c' is OUT"
    >>> print(finding.explanation.splitlines()[1])
    Answers (each answered by the next; evidential labels): a1 (in) <- a2 (out) <- a3 (in, unanswered).
"""  # noqa: E501

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.rules import LIST_LIMIT, listed, rule
from argmap.schemes import get_scheme
from argmap.semantics.grounded import IN, OUT

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule

__all__ = ["answers", "defence_chain", "undecided_chain"]


def answers(facts: Facts, attack_id: str) -> list[str]:
    """The attacks that answer ``attack_id``: those on it, then those on each of its premises."""
    into = facts.attacks_into
    found = list(into.get(attack_id, ()))
    for premise in facts.attacks[attack_id].premises:
        found += into.get(premise, ())
    return found


def defence_chain(facts: Facts, attack_id: str) -> list[str]:
    """The attacks that settle an attack that is IN or OUT, each answered by the next.

    From an attack that is IN, the chain goes to its first answer (OUT); from an attack that is
    OUT, to the attack that defeated it (IN), found by following the fixpoint's reasons
    (a failed premise, a failed support) down to the attack that stands. It ends at an attack
    that is IN and that nothing answers, or at a claim that nothing supports (which fails
    without being attacked). The fixpoint settled each step before the one above it, so the
    chain always ends.
    """
    label, why, attacks = facts.labels.label, facts.labels.why, facts.attacks
    chain = [attack_id]
    current = attack_id
    while True:
        if label.get(current) == IN:
            found = answers(facts, current)
            if not found:
                return chain
            current = found[0]
        else:
            current = why[current]
            while current not in attacks or label.get(current) != IN:
                if why[current] == current:  # a claim no support reaches: the chain ends here
                    chain.append(current)
                    return chain
                current = why[current]
        chain.append(current)


def undecided_chain(facts: Facts, node_id: str) -> tuple[list[str], bool]:
    """A path of undecided nodes from ``node_id``, each undecided because of the next.

    Returns the path, at most :data:`~argmap.checks.rules.LIST_LIMIT` nodes, and whether it came
    back to a node already on it (a cycle) within that length.
    """
    label = facts.labels.label
    attacks_into, supports_into = facts.attacks_into, facts.supports_into
    path = [node_id]
    on_path = {node_id}
    current = node_id
    while len(path) < LIST_LIMIT:
        inference = facts.supports.get(current) or facts.attacks.get(current)
        below = [
            *attacks_into.get(current, ()),
            *(inference.premises if inference is not None else supports_into.get(current, ())),
        ]
        following = next((n for n in below if n not in label), None)
        if following is None:  # cannot happen for an undecided node; stop rather than guess
            break
        current = following
        path.append(current)
        if current in on_path:
            return path, True
        on_path.add(current)
    return path, False


def _chain_text(facts: Facts, chain: list[str]) -> str:
    label = facts.labels.label
    steps = [f"{a} ({'in' if label.get(a) == IN else 'out'})" for a in chain]
    if facts.labels.unsupported(chain[-1]):
        steps[-1] = f"{chain[-1]} (out, nothing supports it)"
    else:
        steps[-1] = steps[-1].replace(")", ", unanswered)")
    if len(steps) > LIST_LIMIT:
        steps[LIST_LIMIT:] = [f"and {len(steps) - LIST_LIMIT} more"]
    return " <- ".join(steps)


def _undecided_text(facts: Facts, node_id: str) -> str:
    path, closed = undecided_chain(facts, node_id)
    end = "and round again" if closed else "and on, undecided"
    return " <- ".join(path) + f" {end}"


def _central_falls(facts: Facts, node_id: str) -> str:
    """``": the central claim 'c' is OUT"`` when its failure runs through ``node_id``."""
    if node_id not in facts.central_falls_through:
        return ""
    central = facts.central
    word = "OUT" if facts.labels.label.get(central or "") == OUT else "undecided"
    return f": the central claim {central!r} is {word}"


def _standing_attack(facts: Facts, aid: str) -> tuple[str, str]:
    """How an attack that is not defeated stands: a message tail and an explanation line."""
    if facts.labels.label.get(aid) == IN:
        if not answers(facts, aid):
            return "nothing answers it", ""
        return (
            "every answer to it is defeated",
            "Answers (each answered by the next; evidential labels): "
            f"{_chain_text(facts, defence_chain(facts, aid))}.",
        )
    return (
        "it is undecided, not answered",
        "Undecided (evidential labels), each because of the next: "
        f"{_undecided_text(facts, aid)}. A cycle of attacks, or of supports, settles nothing.",
    )


@rule(
    "AM201",
    "unanswered-attack",
    "warning",
    "An attack on a statement the map stands by, or on one of its supports, left unanswered.",
)
def unanswered_attacks(facts: Facts, r: Rule) -> Iterator[Finding]:
    if not facts.attacks:
        return  # nothing to answer: no standing set, no labelling to compute
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
        how, chain = _standing_attack(facts, aid)
        yield r.finding(
            [aid, *attack.premises, attack.target],
            f"attack {aid!r} by {by} {what}, and {how}{_central_falls(facts, attack.target)}",
            f"{why}{chr(10) + chain + chr(10) if chain else ' '}Answer it with an attack on {by} "
            "or on the attack itself, or concede the point.",
        )


@rule(
    "AM202",
    "undercut-claim",
    "warning",
    "A statement whose every support is undercut by an unanswered attack.",
)
def undercut_claims(facts: Facts, r: Rule) -> Iterator[Finding]:
    attacks_into = facts.attacks_into
    for sid, supports in facts.supports_into.items():
        if not all(support in attacks_into for support in supports):
            continue  # a support nothing attacks stands: no labelling needed to see it
        label = facts.labels.label
        undercut = {
            support: [a for a in facts.attacks_into.get(support, ()) if label.get(a) != OUT]
            for support in supports
        }
        if not all(undercut.values()):
            continue
        lines = [f"{s} is undercut by {listed(a)}" for s, a in undercut.items()]
        if len(lines) > LIST_LIMIT:
            lines[LIST_LIMIT:] = [f"and {len(lines) - LIST_LIMIT} more supports"]
        undercutters = [a for found in undercut.values() for a in found]
        plain = all(label.get(a) == IN and not answers(facts, a) for a in undercutters)
        chains = [] if plain else [_standing_attack(facts, a)[1] for a in undercutters]
        if len(chains) > LIST_LIMIT:
            chains[LIST_LIMIT:] = [f"And {len(chains) - LIST_LIMIT} more undercutters."]
        own = label.get(sid)
        if own == OUT:
            verdict = f"{sid!r} is OUT (evidential semantics)."
        elif own == IN:
            given = "an assumption" if facts.statements[sid].assumption else "given"
            verdict = f"{sid!r} still stands, as {given}, but nothing supports it."
        else:
            verdict = f"{sid!r} is undecided (evidential semantics)."
        yield r.finding(
            [sid, *supports],
            f"every support of {sid!r} is undercut, and no undercutter is "
            f"{'answered' if plain else 'defeated'}{_central_falls(facts, sid)}",
            "; ".join(lines)
            + ".\n"
            + "".join(f"{c}\n" for c in chains if c)
            + f"{verdict} Nothing left supports {sid!r}: answer an undercutter or add support.",
        )
