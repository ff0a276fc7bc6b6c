"""Open critical questions: for a support that names its argumentation scheme, the scheme's
critical questions the map leaves open.

A question is answered when the support's ``answered`` names a statement for it, or when an
attack on the support raises it (``question``) and that attack is itself answered: defeated (OUT)
under argmap's default (evidential) semantics, as the attack rules judge it (see
:mod:`argmap.checks.attacks`).
"""

from __future__ import annotations

from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

from argmap.checks.rules import listed, rule
from argmap.schemes import find_scheme

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule
    from argmap.model import Support
    from argmap.schemes import Scheme

_SCHEME = attrgetter("scheme")


@rule(
    "AM601",
    "open-critical-questions",
    "info",
    "A support whose scheme's critical questions the map leaves open.",
)
def open_critical_questions(facts: Facts, r: Rule) -> Iterator[Finding]:
    schemes: dict[str, Scheme | None] = {}  # each scheme looked up once per check
    every_question_open: dict[str, str] = {}  # the usual explanation, written once per scheme
    attacks, attacks_into = facts.attacks, facts.attacks_into
    supports = list(facts.supports.values())
    defer = r.deferred
    for support in compress(supports, map(_SCHEME, supports)):  # those with a scheme, in C
        name = support.scheme
        assert name is not None  # noqa: S101 - compress kept the supports with a scheme
        if name not in schemes:
            schemes[name] = find_scheme(name)
        scheme = schemes[name]
        if scheme is None:  # a scheme kept as given: no questions to ask
            continue
        sid = support.id
        raised: dict[str, list[str]] = {}
        for aid in attacks_into.get(sid, ()):
            question = attacks[aid].question
            if question:
                raised.setdefault(question, []).append(aid)
        if not raised and not support.answered:
            explanation = every_question_open.get(scheme.id)
            if explanation is None:
                explanation = "\n".join(f"{q}: {text}" for q, text in scheme.questions.items())
                every_question_open[scheme.id] = explanation
            yield defer(
                (sid, *support.premises, support.conclusion),
                _text,
                support,
                scheme.name,
                len(scheme.questions),
                len(scheme.questions),
                explanation,
            )
            continue
        open_questions = [
            (qid, text)
            for qid, text in scheme.questions.items()
            if qid not in support.answered
            and not any(facts.is_answered(a) for a in raised.get(qid, ()))
        ]
        if not open_questions:
            continue
        lines = []
        for qid, text in open_questions:
            by = ", ".join(raised.get(qid, ()))
            note = f" (raised by {by}, unanswered)" if by else ""
            lines.append(f"{qid}: {text}{note}")
        message, explanation = _text(
            support, scheme.name, len(open_questions), len(scheme.questions), "\n".join(lines)
        )
        yield r.finding([sid, *support.premises, support.conclusion], message, explanation)


def _text(
    support: Support, scheme: str, n_open: int, n_questions: int, explanation: str
) -> tuple[str, str]:
    premises = listed(support.premises) or "no premises"
    return (
        f"{scheme.lower()} from {premises} to {support.conclusion!r}: "
        f"{n_open} of {n_questions} critical questions open",
        explanation,
    )
