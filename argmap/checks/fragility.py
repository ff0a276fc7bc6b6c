"""What the central claim depends on: the cases it cannot do without, and its evidence base."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checks.grounding import grounding_cases, necessary_cases
from argmap.checks.rules import rule
from argmap.model import Case

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.checks.index import MapIndex
    from argmap.checks.report import Finding
    from argmap.checks.rules import Rule


def _grounded_central(index: MapIndex) -> str | None:
    """The central claim, when there is one and it is grounded (else AM001/AM101/AM102 speak)."""
    central = index.m.central
    return central if central is not None and central in index.grounded else None


@rule(
    "AM401",
    "fragile-central-claim",
    "warning",
    "The central claim's grounding rests on a single case: without it, no evidence is left.",
)
def fragile_central_claim(index: MapIndex, r: Rule) -> Iterator[Finding]:
    central = _grounded_central(index)
    if central is None:
        return
    needed = sorted(necessary_cases(index, central))
    if needed:
        yield r.finding(
            [central, *needed],
            f"the central claim {central!r} depends on "
            + (f"a single case, {needed[0]!r}" if len(needed) == 1 else f"each of {needed}"),
            f"Minimal set of cases it depends on: {', '.join(needed)}. Removing any one of them "
            "leaves the central claim with no chain of support that reaches evidence. Look for "
            "independent evidence, or weigh these cases with extra care.",
        )


@rule(
    "AM402",
    "evidence-base",
    "info",
    "The cases the central claim rests on, and how many of them cite a source.",
)
def evidence_base(index: MapIndex, r: Rule) -> Iterator[Finding]:
    central = _grounded_central(index)
    if central is None:
        return
    cases = sorted(grounding_cases(index, central))
    statements = index.statements
    cited = [c for c in cases if isinstance(s := statements[c], Case) and s.cites]
    hearsay = [
        c for c in cases if isinstance(s := statements[c], Case) and not s.cites and s.attribution
    ]
    lines = [
        f"{len(cited)} of {len(cases)} cite a source" + (f" ({', '.join(cited)})" if cited else ""),
    ]
    if hearsay:
        lines.append(f"{len(hearsay)} rest on hearsay: {', '.join(hearsay)}")
    direct = [
        p for sid in index.supports_into.get(central, ()) for p in index.supports[sid].premises
    ]
    lines.append(f"Its direct support: {', '.join(direct)}")
    yield r.finding(
        [central, *cases],
        f"the central claim {central!r} rests on {len(cases)} case"
        + ("s" if len(cases) != 1 else "")
        + f": {', '.join(cases)}",
        "\n".join(lines),
    )
