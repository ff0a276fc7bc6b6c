"""What the central claim, and each answer to an objection, depends on: the cases it cannot do
without, and its evidence base.

An evidenced statement is *fragile* when one case is necessary to it (without that case, no chain
of support reaches evidence), or when all its evidence is at most :data:`FEW_CASES` cases. The
same test applies to the central claim (AM401) and to every answer to an objection against what
the map stands by (AM403): an objection answered with two anecdotes is answered weakly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.rules import LIST_LIMIT, listed, rule
from argmap.model import Case

__all__ = ["FEW_CASES"]

FEW_CASES = 2
"""An evidenced statement whose whole evidence is this many cases or fewer is fragile."""

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule


def _evidenced_central(facts: Facts) -> str | None:
    """The central claim, when there is one and it is evidenced (else AM001/AM101/AM102 speak)."""
    central = facts.central
    return central if central is not None and central in facts.evidenced else None


def _cases_below(facts: Facts, node_id: str) -> list[str]:
    """The cases from which a chain of support reaches ``node_id`` (its evidence base), sorted."""
    return facts.cases_below(node_id)


def _fragile(facts: Facts, node_id: str, what: str) -> tuple[list[str], str, str] | None:
    """The cases an evidenced statement is fragile on, a message and an explanation; None if sound.

    ``what`` names the statement in the message, such as ``"the central claim 'c'"``.
    """
    needed = sorted(facts.necessary(node_id) or ())
    if needed:
        if len(needed) == 1:
            which = f"a single case, {needed[0]!r}"
        elif len(needed) <= LIST_LIMIT:
            which = f"each of {needed}"
        else:
            which = f"each of {needed[:LIST_LIMIT]} and {len(needed) - LIST_LIMIT} more cases"
        return (
            needed,
            f"{what} depends on {which}",
            f"Minimal set of cases it depends on: {listed(needed)}. Removing any one of them "
            "leaves it with no chain of support that reaches evidence. Look for independent "
            "evidence, or weigh these cases with extra care.",
        )
    cases = _cases_below(facts, node_id)
    if len(cases) <= FEW_CASES:
        return (
            cases,
            f"{what} rests on only {len(cases)} case{'s' if len(cases) != 1 else ''}: "
            + ", ".join(cases),
            f"All its evidence is {', '.join(cases)}; no one of them is indispensable, but "
            f"{FEW_CASES} cases or fewer are anecdotes, not a pattern. Look for more evidence, "
            "or weigh these cases with extra care.",
        )
    return None


@rule(
    "AM401",
    "fragile-central-claim",
    "warning",
    "The central claim rests on a single indispensable case, or on two cases or fewer in all.",
)
def fragile_central_claim(facts: Facts, r: Rule) -> Iterator[Finding]:
    central = _evidenced_central(facts)
    if central is None:
        return
    fragile = _fragile(facts, central, f"the central claim {central!r}")
    if fragile is not None:
        cases, message, explanation = fragile
        yield r.finding([central, *cases], message, explanation)


def _answers(facts: Facts) -> dict[str, str]:
    """Statements that answer an objection to what the map stands by -> what they answer.

    An objection is an attack on a standing statement, or on a support or attack that bears on
    one. It is answered by the premises of an attack on one of its premises or on the objection
    itself, and a support's critical question by the statement its ``answered`` names.
    """
    standing = facts.standing_set
    supports, attacks, attacks_into = facts.supports, facts.attacks, facts.attacks_into
    answers: dict[str, str] = {}
    for aid, attack in attacks.items():
        target = attack.target
        support = supports.get(target)
        if (target if support is None else support.conclusion) not in standing:
            continue
        label = None  # written once per objection, and only when it has a new answer
        for answered in (*attack.premises, aid):
            for answer_id in attacks_into.get(answered, ()):
                for premise in attacks[answer_id].premises:
                    if premise not in answers:  # the first objection it answers names it
                        if label is None:
                            by = ", ".join(attack.premises) or "no premise"
                            label = f"objection {aid} ({by})"
                        answers[premise] = label
    if not facts.m.index.answered_by:  # no support answers a question: skip the walk
        return answers
    for sid, support in facts.supports.items():
        if support.answered and support.conclusion in standing:
            for question, answer in support.answered.items():
                answers.setdefault(answer, f"critical question {question} of {sid!r}")
    return answers


@rule(
    "AM403",
    "fragile-answer",
    "warning",
    "An answer to an objection that rests on a single indispensable case, or on two or fewer.",
)
def fragile_answers(facts: Facts, r: Rule) -> Iterator[Finding]:
    evidenced = facts.evidenced
    for answer, answered in sorted(_answers(facts).items()):
        if answer not in evidenced or facts.statements[answer].kind == "case":
            continue  # no evidence at all is AM102's finding; a case is its own evidence
        fragile = _fragile(facts, answer, f"the answer {answer!r} to {answered}")
        if fragile is not None:
            cases, message, explanation = fragile
            yield r.finding([answer, *cases], message, explanation)


@rule(
    "AM402",
    "evidence-base",
    "info",
    "The cases the central claim rests on, and how many of them cite a source.",
)
def evidence_base(facts: Facts, r: Rule) -> Iterator[Finding]:
    central = _evidenced_central(facts)
    if central is None:
        return
    cases = _cases_below(facts, central)
    statements = facts.statements
    cited = [c for c in cases if isinstance(s := statements[c], Case) and s.cites]
    hearsay = [
        c for c in cases if isinstance(s := statements[c], Case) and not s.cites and s.attribution
    ]
    lines = [
        f"{len(cited)} of {len(cases)} cite a source" + (f" ({listed(cited)})" if cited else ""),
    ]
    if hearsay:
        lines.append(f"{len(hearsay)} rest on hearsay: {listed(hearsay)}")
    direct = [
        p for sid in facts.supports_into.get(central, ()) for p in facts.supports[sid].premises
    ]
    lines.append(f"Its direct support: {listed(direct)}")
    yield r.finding(
        [central, *cases],
        f"the central claim {central!r} rests on {len(cases)} case"
        + ("s" if len(cases) != 1 else "")
        + f": {listed(cases)}",
        "\n".join(lines),
    )
