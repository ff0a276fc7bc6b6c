"""Scores of drafted trees against annotated ones, level by level, as Peldszus and Stede count.

For each text, every unit has a central-claim label (``cc``: 1 or 0), a role (``ro``: pro or
opp) and a function (``fu``: cc, sup or att, rebuttals and undercuts counted as attacks), and
every ordered pair of units an attachment label (``at``: 1 if the first attaches to the second).
Each level's score is the macro-averaged F1 over its classes, on the labels of all texts
together: the measure of the paper and of its evaluation code.

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

from argmap.draft.decode import Parse

__all__ = ["f1_by_level", "labels", "macro_f1"]

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
