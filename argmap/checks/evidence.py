"""Evidence gaps: cases that cite nothing, cases vouched for only by hearsay, cases with no quote,
and quotes that cannot be checked."""

from __future__ import annotations

from itertools import filterfalse
from operator import attrgetter
from typing import TYPE_CHECKING

from argmap.checks.rules import rule
from argmap.model import Case

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule


_CITES, _QUOTES = attrgetter("cites"), attrgetter("quotes")


def _cases(facts: Facts) -> list[Case]:
    return facts.by_kind.get("case", [])  # type: ignore[return-value]  # every one is a Case


@rule(
    "AM301",
    "uncited-case",
    "warning",
    "A case that cites no source: it rests on the author's word alone.",
)
def uncited_cases(facts: Facts, r: Rule) -> Iterator[Finding]:
    defer = r.deferred
    for case in filterfalse(_CITES, _cases(facts)):  # the cases that cite nothing, picked in C
        if case.attribution is None:
            yield defer((case.id,), _uncited_text, case.id)


def _uncited_text(case: str) -> tuple[str, str]:
    return (
        f"case {case!r} cites no source for what it reports",
        "The text gives this as evidence but names no document, witness or data behind "
        "it. Find the source and add it to the case's `cites`.",
    )


@rule(
    "AM302",
    "hearsay-case",
    "warning",
    "A case the text vouches for only with a hedge such as 'it is known to us', citing nothing.",
)
def hearsay_cases(facts: Facts, r: Rule) -> Iterator[Finding]:
    for case in filterfalse(_CITES, _cases(facts)):
        if case.attribution is not None:
            yield r.finding(
                [case.id],
                f"case {case.id!r} rests on hearsay: {case.attribution!r}, with no source",
                f"The text says only {case.attribution!r}: it does not say who knows it or how. "
                "Find the source behind the report and add it to the case's `cites`.",
            )


@rule("AM303", "unquoted-case", "warning", "A case with no quote from any source.")
def unquoted_cases(facts: Facts, r: Rule) -> Iterator[Finding]:
    for case in filterfalse(_QUOTES, _cases(facts)):
        yield r.finding(
            [case.id],
            f"case {case.id!r} quotes no source",
            "Without a quote nobody can check that the text says this. Add the words, "
            "verbatim, as a quote from the source.",
        )


@rule(
    "AM304",
    "unverifiable-quote",
    "info",
    "A quote whose source has no text in the map, so it cannot be checked.",
)
def unverifiable_quotes(facts: Facts, r: Rule) -> Iterator[Finding]:
    sources = facts.sources
    textless = {source_id for source_id, source in sources.items() if source.text is None}
    if not textless:
        return
    for sid, statement in facts.statements.items():
        if not statement.quotes:
            continue
        unchecked = sorted({q.source for q in statement.quotes if q.source in textless})
        if unchecked:
            yield r.finding(
                [sid, *unchecked],
                f"{statement.kind} {sid!r} quotes {', '.join(map(repr, unchecked))}, "
                "which has no text to check the quote against",
                "Add the source's text to the map so the quote is verified verbatim.",
            )
