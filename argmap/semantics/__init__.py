"""Formal evaluation of a map: does the central claim stand, how strongly, and what carries it.

One module per concept:

- :mod:`~argmap.semantics.framework`: abstract argumentation frameworks;
- :mod:`~argmap.semantics.translate`: a map as a framework (the documented translation);
- :mod:`~argmap.semantics.grounded`: Dung's grounded semantics, linear time;
- :mod:`~argmap.semantics.extensions`: complete, preferred and stable semantics via clingo;
- :mod:`~argmap.semantics.labelling`: the result, :class:`Labelling`;
- :mod:`~argmap.semantics.evaluate`: :func:`evaluate`, one entry point for every semantics.

Examples:
    >>> import argmap
    >>> from argmap.examples import north_korea
    >>> argmap.evaluate(north_korea())["agenda"]  # the analyst's undercutter wins
    'out'
"""

from argmap.semantics.evaluate import SEMANTICS, Semantics, evaluate
from argmap.semantics.extensions import credulous, extensions, sceptical
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded_labels
from argmap.semantics.labelling import Label, Labelling
from argmap.semantics.translate import to_framework

__all__ = [
    "SEMANTICS",
    "Framework",
    "Label",
    "Labelling",
    "Semantics",
    "credulous",
    "evaluate",
    "extensions",
    "grounded_labels",
    "sceptical",
    "to_framework",
]
