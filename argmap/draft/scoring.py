"""Scores of drafted trees against annotated ones, level by level, as Peldszus and Stede count.

For each text, every unit has a central-claim label (``cc``: 1 or 0), a role (``ro``: pro or
opp) and a function (``fu``: cc, sup or att, rebuttals and undercuts counted as attacks), and
every ordered pair of units an attachment label (``at``: 1 if the first attaches to the second).
Each level's score is the macro-averaged F1 over its classes, on the labels of all texts
together: the measure of the paper and of its evaluation code.

:func:`compare` sets a draft beside a reference map of the same text (one an analyst made),
statement by statement and relation by relation.

Examples:
    >>> from argmap.draft.decode import Parse
    >>> gold = Parse(central=0, parent=[None, 0, 1], function=["cc", "sup", "reb"],
    ...              role=["pro", "pro", "opp"])
    >>> guess = Parse(central=0, parent=[None, 0, 0], function=["cc", "sup", "reb"],
    ...               role=["pro", "pro", "opp"])
    >>> {k: round(v, 3) for k, v in f1_by_level([gold], [guess]).items()}
    {'cc': 1.0, 'ro': 1.0, 'fu': 1.0, 'at': 0.625}
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.draft.decode import Parse
from argmap.model import Attack, Support

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["Comparison", "compare", "f1_by_level", "labels", "macro_f1"]

_FUNCTION = {"cc": "cc", "sup": "sup", "reb": "att", "und": "att"}


def labels(p: Parse) -> dict[str, list[Hashable]]:
    """The labels of one tree at each level (``at`` over the ordered pairs, row by row)."""
    n = len(p.parent)
    return {
        "cc": [int(i == p.central) for i in range(n)],
        "ro": list(p.role),
        "fu": [_FUNCTION[f] for f in p.function],
        "at": [int(p.parent[i] == j) for i in range(n) for j in range(n) if i != j],
    }


def macro_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """The F1 of each class present in either list, averaged (0 for an empty list)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")
    classes = set(gold) | set(predicted)
    if not classes:
        return 0.0
    total = 0.0
    for c in classes:
        tp = sum(1 for g, q in zip(gold, predicted, strict=True) if g == c and q == c)
        fp = sum(1 for g, q in zip(gold, predicted, strict=True) if g != c and q == c)
        fn = sum(1 for g, q in zip(gold, predicted, strict=True) if g == c and q != c)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(classes)


def f1_by_level(gold: Sequence[Parse], predicted: Sequence[Parse]) -> dict[str, float]:
    """Macro F1 at each level (``cc``, ``ro``, ``fu``, ``at``) over texts scored together.

    Raises:
        ValueError: The lists differ in length, or a text's trees differ in units.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold trees but {len(predicted)} predicted")
    pooled: dict[str, tuple[list[Hashable], list[Hashable]]] = {
        k: ([], []) for k in ("cc", "ro", "fu", "at")
    }
    for g, p in zip(gold, predicted, strict=True):
        if len(g.parent) != len(p.parent):
            raise ValueError("a gold tree and its prediction must have the same units")
        for level, values in labels(g).items():
            pooled[level][0].extend(values)
        for level, values in labels(p).items():
            pooled[level][1].extend(values)
    return {level: macro_f1(g, p) for level, (g, p) in pooled.items()}


@dataclass(frozen=True)
class Comparison:
    """A draft beside a reference map of the same text: which units and relations it found.

    Attributes:
        units_found: Each reference statement whose quotes a drafted unit covers (at least half
            of one quote's characters), with the drafted units that do.
        units_missed: Reference statements no drafted unit covers (the analyst's own statements,
            which quote nothing, are not counted).
        relations_found: Reference relations ``(premise, kind, target)`` that the draft has
            between the units of their ends, of the same kind (a support, or an attack).
        relations_other_kind: Relations the draft has between those units, but as the other kind.
        relations_missed: Relations the draft does not have, for want of the relation or of
            a unit (relations with a statement of the analyst's own, which quotes nothing, are
            not counted).
        central: The draft's central claim, and the reference statements its unit covers.
        central_found: Whether the draft's central claim covers the reference's.
    """

    units_found: dict[str, tuple[str, ...]]
    units_missed: tuple[str, ...]
    relations_found: tuple[tuple[str, str, str], ...]
    relations_other_kind: tuple[tuple[str, str, str], ...]
    relations_missed: tuple[tuple[str, str, str], ...]
    central: tuple[str | None, tuple[str, ...]] = (None, ())
    central_found: bool = False

    def __str__(self) -> str:
        units = len(self.units_found) + len(self.units_missed)
        relations = (
            len(self.relations_found) + len(self.relations_other_kind) + len(self.relations_missed)
        )
        unit, covers = self.central
        lines = [
            f"central claim: {'found' if self.central_found else 'missed'} (the draft's is "
            f"{unit}, which covers {', '.join(covers) or 'no reference statement'})",
            f"units: {len(self.units_found)} of {units} reference statements found",
            *(f"  found  {s} <- {', '.join(u)}" for s, u in self.units_found.items()),
            *(f"  missed {s}" for s in self.units_missed),
            f"relations: {len(self.relations_found)} of {relations} found, "
            f"{len(self.relations_other_kind)} found as the other kind",
            *(f"  found  {p} {k} {t}" for p, k, t in self.relations_found),
            *(f"  other  {p} {k} {t}" for p, k, t in self.relations_other_kind),
            *(f"  missed {p} {k} {t}" for p, k, t in self.relations_missed),
        ]
        return "\n".join(lines)


def compare(drafted: ArgumentMap, reference: ArgumentMap) -> Comparison:
    """Compare a draft with a reference map of the same text, unit by unit and relation by relation.

    A reference statement is *found* when a drafted unit covers at least half of one of its
    quotes (offsets into the same text; the source ids may differ). A reference relation from
    premise *p* to target *t* (a statement, or for an undercut the premises of the inference it
    attacks) is found when the draft has an inference of the same kind, support or attack, from
    a unit found for *p* to a unit found for *t* (or to an inference whose premise is one).

    Examples:
        >>> from argmap.draft import draft
        >>> from argmap import ArgumentMap, Source
        >>> text = "We should act. Because it works. Some say it costs too much."
        >>> ref = ArgumentMap(sources=[Source(id="t", title="t", text=text)], default_source="t")
        >>> _ = ref.claim("act", "Act.", quotes=["We should act."])
        >>> _ = ref.premise("works", "It works.", quotes=["it works"])
        >>> _ = ref.support("works", "act")
        >>> result = compare(draft(text), ref)
        >>> result.units_found, result.relations_found
        ({'act': ('u1',), 'works': ('u2',)}, (('works', 'supports', 'act'),))
    """
    spans = [
        (s.id, q.start, q.end)
        for s in drafted.statements()
        for q in s.quotes
        if q.start is not None and q.end is not None
    ]
    found: dict[str, tuple[str, ...]] = {}
    missed: list[str] = []
    for statement in reference.statements():
        quotes = [q for q in statement.quotes if q.start is not None and q.end is not None]
        if not quotes:
            continue
        units = tuple(
            unit
            for unit, start, end in spans
            if any(
                min(end, q.end or 0) - max(start, q.start or 0) >= (len(q.text) + 1) // 2
                for q in quotes
            )
        )
        if units:
            found[statement.id] = units
        else:
            missed.append(statement.id)
    drafted_edges: dict[tuple[str, str], str] = {}
    for inference in drafted.inferences():
        bears = drafted.bears_on(inference.id)
        targets = {bears}
        if inference.kind == "attack" and inference.target != bears:
            targets |= set(drafted[inference.target].premises)  # type: ignore[union-attr]
        for premise in inference.premises:
            for target in targets:
                drafted_edges[premise, target] = inference.kind
    hits: list[tuple[str, str, str]] = []
    others: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str, str]] = []
    quoted = set(found) | set(missed)
    for inference in reference.inferences():
        kind = "supports" if inference.kind == "support" else "attacks"
        target = inference.target
        attacked = reference[target]
        ends = list(attacked.premises) if isinstance(attacked, Support | Attack) else [target]
        for premise in inference.premises:
            entry = (premise, kind, target)
            if premise not in quoted or not any(e in quoted for e in ends):
                continue  # the analyst's own statement: nothing in the text to find
            if premise not in found or not any(e in found for e in ends):
                misses.append(entry)
                continue
            kinds = {
                drafted_edges.get((u, v))
                for e in ends
                if e in found
                for u in found[premise]
                for v in found[e]
            } - {None}
            if inference.kind in kinds:
                hits.append(entry)
            elif kinds:
                others.append(entry)
            else:
                misses.append(entry)
    covered = tuple(s for s, units in found.items() if drafted.central in units)
    return Comparison(
        central=(drafted.central, covered),
        central_found=reference.central in covered,
        units_found=found,
        units_missed=tuple(missed),
        relations_found=tuple(hits),
        relations_other_kind=tuple(others),
        relations_missed=tuple(misses),
    )
