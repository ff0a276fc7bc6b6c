"""Open critical questions: for a support that names its argumentation scheme, the scheme's
critical questions the map leaves open.

A question is answered when the support's ``answered`` names a statement for it, or when an
attack on the support raises it (``question``) and that attack is itself answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.rules import rule
from argmap.schemes import find_scheme

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.index import MapIndex
    from argmap.checks.report import Finding
    from argmap.checks.rules import Rule


@rule(
    "AM601",
    "open-critical-questions",
    "info",
    "A support whose scheme's critical questions the map leaves open.",
)
def open_critical_questions(index: MapIndex, r: Rule) -> Iterator[Finding]:
    for sid, support in index.supports.items():
        scheme = find_scheme(support.scheme) if support.scheme is not None else None
        if scheme is None:  # no scheme, or one kept as given: no questions to ask
            continue
        raised: dict[str, list[str]] = {}
        for aid in index.attacks_into.get(sid, ()):
            question = index.attacks[aid].question
            if question:
                raised.setdefault(question, []).append(aid)
        open_questions = [
            (qid, text)
            for qid, text in scheme.questions.items()
            if qid not in support.answered
            and not any(index.is_answered(a) for a in raised.get(qid, ()))
        ]
        if not open_questions:
            continue
        lines = []
        for qid, text in open_questions:
            by = ", ".join(raised.get(qid, ()))
            note = f" (raised by {by}, unanswered)" if by else ""
            lines.append(f"{qid}: {text}{note}")
        premises = ", ".join(support.premises)
        yield r.finding(
            [sid, *support.premises, support.conclusion],
            f"{scheme.name.lower()} from {premises} to {support.conclusion!r}: "
            f"{len(open_questions)} of {len(scheme.questions)} critical questions open",
            "\n".join(lines),
        )
