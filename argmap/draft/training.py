"""Fit a draft model from an annotated corpus the user has (``argmap[draft]``: scikit-learn).

Each base classifier of the evidence graph is a logistic regression over the drafter's features
(:mod:`argmap.draft.features`: markers, position, the units' words): ``cc``, ``ro`` and ``fu``
over the units, ``at`` over the ordered pairs of units of each text (pairs at most
:data:`~argmap.draft.decode.BLOCK` units apart in long texts). ``cc`` and ``at`` weigh their
rare class up (``class_weight="balanced"``), as the paper's classifiers do. The fitted weights
are kept by feature name in a :class:`~argmap.draft.model.DraftModel`, which drafts without
scikit-learn.

A model fitted to a corpus carries the corpus's terms of use: one fitted to the argumentative
microtexts (CC BY-NC-SA 4.0) is for non-commercial use and is shared under the same licence.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from argmap.draft.decode import BLOCK
from argmap.draft.features import Features, pair_features, unit_features
from argmap.draft.gold import Annotated, annotated
from argmap.draft.model import LEVELS, DraftModel, LinearModel
from argmap.exceptions import DraftError, MissingDependencyError
from argmap.map import ArgumentMap

__all__ = ["examples", "train"]

_ABSENT = -30.0  # the bias of a class the corpus never shows: never predicted


def train(
    corpus: Iterable[ArgumentMap | Annotated | str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str] | None = None,
    name: str | None = None,
    regularization: float = 1.0,
) -> DraftModel:
    """Fit a :class:`~argmap.draft.model.DraftModel` to annotated texts, and save it to ``out``.

    Args:
        corpus: Annotated maps (:class:`~argmap.map.ArgumentMap`), or files and folders of them
            in any format argmap reads (the microtexts' arggraph XML, AIF, Argdown, ...). Each
            map's statements are one text's units; see :func:`argmap.draft.gold.annotated`.
        out: Where to save the model as JSON (nothing is written without it).
        name: The model's name (default: says how many texts it was fitted to).
        regularization: The inverse strength ``C`` of the L2 penalty (smaller: simpler).

    Raises:
        MissingDependencyError: scikit-learn is not installed (``pip install 'argmap[draft]'``).
        DraftError: The corpus has no annotated text, or a map has no central claim.
        FileFormatError: A file of the corpus cannot be read.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(title="t")
        >>> _ = m.claim("c", "We should act."); _ = m.premise("p", "Because it works.")
        >>> _ = m.support("p", "c"); m.central = "c"
        >>> model = train([m, m.copy()])
        >>> model.trained_on
        '2 annotated texts'
    """
    try:
        from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415
        from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    except ImportError:
        raise MissingDependencyError(
            "training a draft model needs scikit-learn; install it with pip install 'argmap[draft]'"
        ) from None
    texts = _annotated(corpus)
    if not texts:
        raise DraftError("the corpus has no annotated text; give maps, or files or folders of them")
    data = examples(texts)
    levels: dict[str, LinearModel] = {}
    for level in LEVELS:
        rows, targets, classes = data[level]
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform(rows)
        names = vectorizer.get_feature_names_out()
        seen = sorted(set(targets), key=classes.index)
        weights: dict[str, dict[str, float]] = {c: {"bias": _ABSENT} for c in classes}
        if len(seen) == 1:
            weights[seen[0]] = {"bias": 0.0}
        else:
            fitted = LogisticRegression(
                C=regularization,
                max_iter=2000,
                class_weight="balanced" if level in ("cc", "at") else None,
            ).fit(matrix, targets)
            order = list(fitted.classes_)
            coefficients = fitted.coef_
            intercepts = fitted.intercept_
            if len(order) == 2:  # one row: the second class's log-odds against the first
                weights[order[0]] = {"bias": 0.0}
                weights[order[1]] = _named(names, coefficients[0], intercepts[0])
            else:
                for row, c in enumerate(order):
                    weights[c] = _named(names, coefficients[row], intercepts[row])
        levels[level] = LinearModel(classes, weights)
    model = DraftModel(
        name=name or f"fitted to {len(texts)} annotated texts",
        levels=levels,
        trained_on=f"{len(texts)} annotated texts",
    )
    if out is not None:
        model.save(Path(out))
    return model


def _named(names: Any, coefficients: Any, intercept: float) -> dict[str, float]:
    weights = {str(n): float(w) for n, w in zip(names, coefficients, strict=True) if w != 0.0}
    weights["bias"] = weights.get("bias", 0.0) + float(intercept)
    return weights


def _annotated(
    corpus: Iterable[ArgumentMap | Annotated | str | os.PathLike[str]],
) -> list[Annotated]:
    from argmap.corpus import expand_paths  # noqa: PLC0415  # only for paths
    from argmap.io.formats import load  # noqa: PLC0415

    found: list[Annotated] = []
    for item in corpus:
        if isinstance(item, Annotated):
            found.append(item)
        elif isinstance(item, ArgumentMap):
            found.append(annotated(item))
        elif isinstance(item, str | os.PathLike):
            for path in expand_paths([item]):
                found.append(annotated(load(path), name=Path(path).name))
        else:
            raise DraftError(
                f"a corpus item is a {type(item).__name__}; give maps, or paths of map files"
            )
    return found


def examples(
    texts: Iterable[Annotated],
) -> dict[str, tuple[list[Features], list[str], tuple[str, ...]]]:
    """The training rows of each level: features, the gold class, and the level's classes."""
    rows: dict[str, tuple[list[Features], list[str], tuple[str, ...]]] = {
        "cc": ([], [], ("no", "yes")),
        "ro": ([], [], ("pro", "opp")),
        "fu": ([], [], ("cc", "sup", "reb", "und")),
        "at": ([], [], ("no", "yes")),
    }
    for text in texts:
        features = unit_features(text.texts, text.paragraphs)
        gold = text.parse
        n = len(features)
        for i, f in enumerate(features):
            rows["cc"][0].append(f)
            rows["cc"][1].append("yes" if i == gold.central else "no")
            rows["ro"][0].append(f)
            rows["ro"][1].append(gold.role[i])
            rows["fu"][0].append(f)
            rows["fu"][1].append(gold.function[i])
            for j in range(max(0, i - BLOCK), min(n, i + BLOCK + 1)):
                if i != j:
                    rows["at"][0].append(pair_features(features, text.paragraphs, i, j))
                    rows["at"][1].append("yes" if gold.parent[i] == j else "no")
    return rows
