"""Draft a map from raw text: a first reading that an analyst accepts or edits.

:func:`draft` segments an English text into units, guesses the central claim, each unit's role
(the proponent's or the opponent's) and the relations between units (support, rebuttal,
undercut), all at once, as the maximum spanning tree of Peldszus and Stede's evidence graph
(EMNLP 2015). Its default model needs no corpus (discourse markers and position, with weights
set by hand); :func:`train` fits one from an annotated corpus the user has, and
``draft(text, model=...)`` uses it.

``argmap.draft(text)`` is this package's :func:`draft`; ``argmap.draft.train`` is :func:`train`.

Examples:
    >>> from argmap.draft import draft
    >>> m = draft("Cities should ban cars. Because cars pollute the air.")
    >>> m.central, m.supporters("u1"), m["u2"].data["by"]
    ('u1', ['u2'], 'draft')
"""

from argmap.draft.decode import BLOCK, Parse, parse
from argmap.draft.drafting import DRAFTED, draft
from argmap.draft.gold import Annotated, annotated
from argmap.draft.model import LEVELS, DraftModel, LinearModel, default_model, load_model
from argmap.draft.scoring import Comparison, compare, f1_by_level
from argmap.draft.segment import Unit, segment
from argmap.draft.training import train

# ``argmap.draft`` is the function (``argmap.draft(text)``); it also carries the package's other
# entry points, so that ``argmap.draft.train(...)`` works as the package's does.
draft.train = train  # type: ignore[attr-defined]
draft.load_model = load_model  # type: ignore[attr-defined]
draft.default_model = default_model  # type: ignore[attr-defined]

__all__ = [
    "BLOCK",
    "DRAFTED",
    "LEVELS",
    "Annotated",
    "Comparison",
    "DraftModel",
    "LinearModel",
    "Parse",
    "Unit",
    "annotated",
    "compare",
    "default_model",
    "draft",
    "f1_by_level",
    "load_model",
    "parse",
    "segment",
    "train",
]
