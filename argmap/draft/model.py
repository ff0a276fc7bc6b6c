"""The drafter's model: four linear classifiers over named features, saved as plain JSON.

A :class:`DraftModel` holds one :class:`LinearModel` per level of Peldszus and Stede's evidence
graph: ``cc`` (is a unit the central claim), ``ro`` (is it the opponent's), ``fu`` (its function:
``cc``, ``sup``, ``reb``, ``und``) and ``at`` (does unit *i* attach to unit *j*), and the weight
each level has when they are combined into one score per edge. A model is data: weights by
feature name, read and written as JSON, so drafting needs no machine-learning package and a
model file is never code (no pickle).

The default model (:func:`default_model`) has hand-set weights (``markers.yaml``); it was fitted
to no corpus. :func:`argmap.draft.train` fits one from an annotated corpus.

Examples:
    >>> m = default_model()
    >>> m.name, sorted(m.levels)
    ('hand-set markers (English)', ['at', 'cc', 'fu', 'ro'])
    >>> round(m.levels["ro"].probabilities({"bias": 1.0, "concession": 1.0})["opp"], 2)
    0.67
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.draft.features import Features, lexicon
from argmap.exceptions import DraftModelError
from argmap.files import read_text, write_atomic

__all__ = ["LEVELS", "DraftModel", "LinearModel", "default_model", "load_model"]

LEVELS = ("cc", "ro", "fu", "at")
"""The levels of the evidence graph, in the order the paper reports them."""

_CLASSES = {
    "cc": ("no", "yes"),
    "ro": ("pro", "opp"),
    "fu": ("cc", "sup", "reb", "und"),
    "at": ("no", "yes"),
}
_FORMAT = "argmap-draft-model"
_VERSION = 1


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic model: one weight per feature and class (absent weights are 0).

    Args:
        classes: The class names; the first one's weights may all be zero (a binary model).
        weights: Class -> feature name -> weight; ``"bias"`` is the intercept's feature.
    """

    classes: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]

    def scores(self, features: Features) -> dict[str, float]:
        """The linear score of each class."""
        return {
            c: sum(w.get(name, 0.0) * value for name, value in features.items())
            if (w := self.weights.get(c))
            else 0.0
            for c in self.classes
        }

    def probabilities(self, features: Features) -> dict[str, float]:
        """Each class's probability (a softmax of the scores; a sigmoid for two classes)."""
        scores = self.scores(features)
        top = max(scores.values())
        exps = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exps.values())
        return {c: e / total for c, e in exps.items()}


@dataclass(frozen=True)
class DraftModel:
    """The four base classifiers and how their scores combine into one edge score.

    Args:
        name: What the model is, for people (it goes into each draft's data).
        levels: ``cc``, ``ro``, ``fu`` and ``at``, each a :class:`LinearModel`.
        combine: The weight of each level in an edge's score (the paper's "equal" weighting by
            default: each level counts the same).
        language: The language of the texts the model reads (``"en"``).
        trained_on: What the model was fitted to, or ``None`` for hand-set weights.
    """

    name: str
    levels: Mapping[str, LinearModel]
    combine: Mapping[str, float] = field(default_factory=lambda: dict.fromkeys(LEVELS, 1.0))
    language: str = "en"
    trained_on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data (what :meth:`save` writes)."""
        return {
            "format": _FORMAT,
            "version": _VERSION,
            "name": self.name,
            "language": self.language,
            "trained_on": self.trained_on,
            "combine": dict(self.combine),
            "levels": {
                level: {
                    "classes": list(m.classes),
                    "weights": {c: dict(sorted(w.items())) for c, w in m.weights.items()},
                }
                for level, m in self.levels.items()
            },
        }

    def save(self, path: str | Path) -> Path:
        """Write the model to ``path`` as JSON (atomically) and return the path.

        Raises:
            FileWriteError: The file cannot be written.
        """
        target = Path(path)
        text = json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n"
        write_atomic(target, text.encode("utf-8"))
        return target


def _from_dict(data: Any, where: str) -> DraftModel:
    """The model in ``data``, every key of it checked: a file of another shape is a
    DraftModelError naming the file and the key (``levels.cc.classes``) and what it must be."""

    def fail(key: str | None, problem: str) -> DraftModelError:
        place = f"{where} ({key})" if key else where
        return DraftModelError(
            f"{place}: {problem}; give a file written by argmap.draft.train or DraftModel.save"
        )

    if not isinstance(data, dict):
        raise fail(None, f"not an argmap draft model (an object), but {_shape(data)}")
    if data.get("format") != _FORMAT:
        raise fail("format", f'not an argmap draft model (no "format": "{_FORMAT}")')
    version = data.get("version")
    if type(version) is not int or version != _VERSION:
        raise fail("version", f"model version {_shape(version)} is not {_VERSION}")
    for key in ("name", "language", "trained_on"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise fail(key, f"must be text or null, not {_shape(data[key])}")
    raw = data.get("levels")
    if not isinstance(raw, dict):
        raise fail("levels", f"must map cc, ro, fu and at to classifiers, not {_shape(raw)}")
    levels = {level: _level(raw.get(level), level, fail) for level in LEVELS}
    combine = data.get("combine", dict.fromkeys(LEVELS, 1.0))
    if not isinstance(combine, dict):
        raise fail(
            "combine", f"must give a number for each of cc, ro, fu and at, not {_shape(combine)}"
        )
    for level in LEVELS:
        if not _number(combine.get(level)):
            raise fail(f"combine.{level}", f"must be a number, not {_shape(combine.get(level))}")
    return DraftModel(
        name=data.get("name") or "unnamed",
        levels=levels,
        combine={lv: float(combine[lv]) for lv in LEVELS},
        language=data.get("language") or "en",
        trained_on=data.get("trained_on"),
    )


def _level(entry: Any, level: str, fail: Callable[[str, str], DraftModelError]) -> LinearModel:
    """One level's classifier from the file, each key checked (see ``_from_dict``)."""
    classes = list(_CLASSES[level])
    if not isinstance(entry, dict):
        raise fail(f"levels.{level}", f"must be a classifier (an object), not {_shape(entry)}")
    if "classes" not in entry:
        raise fail(f"levels.{level}.classes", f"is missing; it must be the list {classes}")
    given = entry["classes"]
    if not isinstance(given, list) or given != classes:
        raise fail(f"levels.{level}.classes", f"must be the list {classes}, not {_shape(given)}")
    weights = entry.get("weights")
    if not isinstance(weights, dict):
        raise fail(
            f"levels.{level}.weights", f"must map its classes to weights, not {_shape(weights)}"
        )
    for name, by_feature in weights.items():
        key = f"levels.{level}.weights.{name}"
        if name not in classes:
            raise fail(key, f"{name!r} is not a class of this level; its classes are {classes}")
        if not isinstance(by_feature, dict):
            raise fail(key, f"must map feature names to numbers, not {_shape(by_feature)}")
        for feature, weight in by_feature.items():
            if not _number(weight):
                raise fail(f"{key}.{feature}", f"must be a finite number, not {_shape(weight)}")
    return LinearModel(_CLASSES[level], weights)


def _shape(value: Any) -> str:
    """``value`` as an error names it: JSON's words for its type, with a short value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"a list of {len(value)}" if value else "an empty list"
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _number(value: Any) -> bool:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def load_model(path: str | Path) -> DraftModel:
    """Read a model that :func:`argmap.draft.train` or :meth:`DraftModel.save` wrote.

    Raises:
        FileFormatError: The file is missing or is not UTF-8 text.
        DraftModelError: The file is not JSON, or is not a draft model.
    """
    text = read_text(path, expected="a draft model (the JSON file argmap.draft.train writes)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DraftModelError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from None
    except RecursionError:
        raise DraftModelError(f"{path}: not a draft model: nested too deep to read") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise DraftModelError(f"{path}: not JSON: {exc}") from None
    return _from_dict(data, str(path))


def default_model() -> DraftModel:
    """The model that needs no corpus: discourse markers and position, weights set by hand."""
    weights = lexicon()["weights"]
    return DraftModel(
        name="hand-set markers (English)",
        levels={
            level: LinearModel(
                _CLASSES[level],
                {c: {k: float(v) for k, v in w.items()} for c, w in weights[level].items()},
            )
            for level in LEVELS
        },
    )
