"""Formal evaluation of a map: does the central claim stand, how strongly, and what carries it.

One module per concept:

- :mod:`~argmap.semantics.framework`: abstract argumentation frameworks;
- :mod:`~argmap.semantics.translate`: a map as a framework (the documented translation);
- :mod:`~argmap.semantics.grounded`: Dung's grounded semantics, linear time;
- :mod:`~argmap.semantics.extensions`: complete, preferred and stable semantics via clingo;
- :mod:`~argmap.semantics.labelling`: the result, :class:`Labelling`;
- :mod:`~argmap.semantics.gradual`: DF-QuAD and quadratic-energy strengths;
- :mod:`~argmap.semantics.evaluate`: :func:`evaluate`, one entry point for every semantics;
- :mod:`~argmap.semantics.explain`: why a node is IN, OUT or UNDEC;
- :mod:`~argmap.semantics.sensitivity`: :func:`what_if` and :func:`sensitivity`;
- :mod:`~argmap.semantics.iccma`: frameworks out to competition solvers (ICCMA, apx, TGF).

Examples:
    >>> import argmap
    >>> from argmap.examples import north_korea
    >>> argmap.evaluate(north_korea())["s_effective"]  # the analyst's undercutter wins
    'out'
"""

from argmap.semantics.evaluate import SEMANTICS, Semantics, evaluate
from argmap.semantics.explain import Explanation, explain
from argmap.semantics.extensions import credulous, extensions, sceptical
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded_labels
from argmap.semantics.iccma import to_apx, to_iccma, to_tgf, write_framework
from argmap.semantics.labelling import Label, Labelling
from argmap.semantics.sensitivity import Influence, sensitivity, what_if
from argmap.semantics.translate import to_framework

__all__ = [
    "SEMANTICS",
    "Explanation",
    "Framework",
    "Influence",
    "Label",
    "Labelling",
    "Semantics",
    "credulous",
    "evaluate",
    "explain",
    "extensions",
    "grounded_labels",
    "sceptical",
    "sensitivity",
    "to_apx",
    "to_framework",
    "to_iccma",
    "to_tgf",
    "what_if",
    "write_framework",
]
