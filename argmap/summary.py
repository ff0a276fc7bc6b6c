"""A plain-text summary of a map: what it claims, on what evidence, against which objections.

Examples:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Tiny")
    >>> _ = m.claim("c", "Pressure works.")
    >>> m.central = "c"
    >>> print(summarize(m))
    Tiny
    1 statement (1 claim), 0 inferences, 0 sources
    Central claim [c]: Pressure works.
      (no support)
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from argmap.map import require_map
from argmap.model import Case
from argmap.wording import counted

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["summarize"]


def summarize(m: ArgumentMap) -> str:
    """Return a few lines that say what the map holds and how its central claim is argued."""
    require_map(m, "summarize")
    counts = Counter(s.kind for s in m.statements())
    n_statements = sum(counts.values())
    n_inferences = len(m) - n_statements
    kinds = ", ".join(counted(n, kind) for kind, n in counts.items())
    statements = counted(n_statements, "statement") + (f" ({kinds})" if kinds else "")
    lines = [
        m.title or "(untitled map)",
        f"{statements}, {counted(n_inferences, 'inference')}, {counted(len(m.sources), 'source')}",
    ]
    if m.central is None:
        lines.append("No central claim is set.")
        return "\n".join(lines)
    lines.append(f"Central claim [{m.central}]: {m.statement(m.central).text}")
    supports = m.supports_of(m.central)
    attacks = m.attacks_on(m.central)
    for support in supports:
        lines.append(f"  supported by {', '.join(support.premises)} ({support.id})")
    if not supports:
        lines.append("  (no support)")
    for attack in attacks:
        answerers = [p for premise in attack.premises for p in m.attackers(premise)]
        answered = f"answered by {', '.join(answerers)}" if answerers else "unanswered"
        lines.append(f"  attacked by {', '.join(attack.premises)} ({attack.id}), {answered}")
    cases = m.nodes("case")
    if cases:
        lines.append(f"Evidence: {counted(len(cases), 'case')}")
        lines.extend(f"  [{c.id}] {c.text}{_evidence_note(c)}" for c in cases)
    return "\n".join(lines)


def _evidence_note(case: Case) -> str:
    notes = []
    if not case.cites:
        notes.append("no source cited")
    if case.attribution:
        notes.append(f"hedged: {case.attribution!r}")
    return f" ({'; '.join(notes)})" if notes else ""
