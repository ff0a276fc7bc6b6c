"""Dung's grounded semantics, in time linear in the framework's size and without recursion.

The grounded labelling is the least fixpoint of "an argument is IN when all its attackers are
OUT; OUT when some attacker is IN". It is computed as a queue of arguments whose attackers are all
OUT (at first: the unattacked ones): each one taken from the queue is IN, the arguments it attacks
become OUT, and each attack of a newly OUT argument is taken off its target's count of attackers
not yet OUT. Every argument and every attack is looked at a bounded number of times. What is
never labelled is UNDEC.

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework(["c", "r1", "r2", "r3"], [("r1", "c"), ("r2", "r1"), ("r3", "r2")])
    >>> grounded_labels(af)
    {'c': 'out', 'r1': 'in', 'r2': 'out', 'r3': 'in'}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from argmap.semantics.framework import Framework

__all__ = ["IN", "OUT", "UNDEC", "Label", "grounded_codes", "grounded_labels"]

Label = Literal["in", "out", "undec"]
UNDEC, IN, OUT = 0, 1, 2
"""Label codes of :func:`grounded_codes`."""

_NAMES: tuple[Label, Label, Label] = ("undec", "in", "out")


def grounded_codes(af: Framework) -> list[int]:
    """Return the grounded labelling as codes by argument index: 1 IN, 2 OUT, 0 UNDEC.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> grounded_codes(Framework(["a", "b", "c"], [("a", "b"), ("b", "a")]))
        [0, 0, 1]
    """
    attacked = af._attacked
    attackers = af._attackers
    n = len(attacked)
    label = [UNDEC] * n
    remaining = [len(a) for a in attackers]
    queue = [i for i in range(n) if not remaining[i]]
    while queue:
        i = queue.pop()
        label[i] = IN
        for j in attacked[i]:
            if label[j] == UNDEC:
                label[j] = OUT
                for k in attacked[j]:
                    remaining[k] -= 1
                    if not remaining[k] and label[k] == UNDEC:
                        queue.append(k)
    return label


def grounded_labels(af: Framework) -> dict[str, Label]:
    """Return the grounded labelling: ``"in"``, ``"out"`` or ``"undec"`` by argument name.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> grounded_labels(Framework(["a", "b"], [("a", "b")]))
        {'a': 'in', 'b': 'out'}
    """
    names = _NAMES
    return {a: names[c] for a, c in zip(af.arguments, grounded_codes(af), strict=True)}
