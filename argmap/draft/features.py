"""The features the drafter's classifiers read: discourse markers, position, and words.

Each unit gets named features (``{"first": 1.0, "counter": 1.0, "w:but": 1.0, ...}``) and each
ordered pair of units (``i`` attaching to ``j``) gets ``pair:`` features (adjacency, distance,
direction, and the markers of both ends). The marker lists are data, in ``markers.yaml`` beside
this module, with the hand-set weights of the default model.

Examples:
    >>> from argmap.draft.features import unit_features
    >>> first, second = unit_features(["But it is cheap.", "We should buy it."], [0, 0])
    >>> sorted(k for k in first if not k.startswith("w:"))
    ['bias', 'counter', 'first', 'first:but', 'paragraph_first', 'position']
    >>> second["claim"], second["w:buy"]
    (1.0, 1.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

__all__ = ["CATEGORIES", "Features", "pair_features", "unit_features"]

Features = dict[str, float]
"""Named feature values; a feature that is absent is 0."""

CATEGORIES = (
    "support",
    "addition",
    "example",
    "conclusion",
    "concession",
    "counter",
    "undercut",
    "claim",
)
"""The kinds of discourse marker the drafter tells apart (see ``markers.yaml``)."""

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_LEAD = re.compile(r"^[\s\"'“‘(\[*-]*(?:and\s+)?", re.IGNORECASE)


@cache
def lexicon() -> dict[str, Any]:
    """The marker lists and default weights, as ``markers.yaml`` holds them."""
    text = files("argmap.draft").joinpath("markers.yaml").read_text("utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]:
    found: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}
    for category in CATEGORIES:
        entry = lexicon()["markers"][category]
        start, anywhere = entry.get("start") or [], entry.get("anywhere") or []
        found[category] = (
            re.compile(rf"(?:{_alternation(start)})(?![\w])") if start else None,
            re.compile(rf"(?<![\w])(?:{_alternation(anywhere)})(?![\w])") if anywhere else None,
        )
    return found


def markers(text: str) -> list[str]:
    """The marker categories found in one unit's text, in :data:`CATEGORIES` order.

    Examples:
        >>> markers("However, we should not wait.")
        ['counter', 'claim']
    """
    lowered = text.lower()
    lead = _LEAD.match(lowered)
    begin = lead.end() if lead else 0
    found: list[str] = []
    for category, (start, anywhere) in _patterns().items():
        if (start is not None and start.match(lowered, begin)) or (
            anywhere is not None and anywhere.search(lowered)
        ):
            found.append(category)
    return found


def unit_features(texts: Sequence[str], paragraphs: Sequence[int]) -> list[Features]:
    """The features of each unit of one text, given the units' texts and paragraph numbers."""
    n = len(texts)
    result: list[Features] = []
    for i, text in enumerate(texts):
        features: Features = {"bias": 1.0, "position": i / (n - 1) if n > 1 else 0.0}
        if i == 0:
            features["first"] = 1.0
        if i == n - 1 and n > 1:
            features["last"] = 1.0
        if i == 0 or paragraphs[i - 1] != paragraphs[i]:
            features["paragraph_first"] = 1.0
        if text.rstrip().endswith("?"):
            features["question"] = 1.0
        for category in markers(text):
            features[category] = 1.0
        tokens = _TOKEN.findall(text.lower())
        if tokens:
            features[f"first:{tokens[0]}"] = 1.0
        for token in tokens:
            features[f"w:{token}"] = 1.0
        result.append(features)
    return result


def pair_features(units: Sequence[Features], paragraphs: Sequence[int], i: int, j: int) -> Features:
    """The features of unit ``i`` attaching to unit ``j`` (``i != j``)."""
    source, target = units[i], units[j]
    distance = abs(i - j)
    direction = "before" if j < i else "after"
    features: Features = {
        "bias": 1.0,
        "pair:log_distance": math.log(distance),
        f"pair:{direction}": 1.0,
    }
    if distance == 1:
        features["pair:adjacent"] = 1.0
        features[f"pair:adjacent_{direction}"] = 1.0
    if j < i:
        features["pair:target_before"] = 1.0
    if "first" in target:
        features["pair:target_first"] = 1.0
    if "last" in target:
        features["pair:target_last"] = 1.0
    if "claim" in target or "conclusion" in target:
        features["pair:target_claimlike"] = 1.0
    if paragraphs[i] != paragraphs[j]:
        features["pair:other_paragraph"] = 1.0
        if "paragraph_first" in source and ("paragraph_first" in target or j == 0):
            features["pair:head_to_head"] = 1.0
    elif j < i and "paragraph_first" in target:
        features["pair:to_paragraph_head"] = 1.0
    if ("counter" in source or "undercut" in source) and "concession" in target:
        features["pair:counter_to_concession"] = 1.0
    if j == i - 1:
        for category in ("support", "addition", "example"):
            if category in source:
                features[f"pair:{category}_follows"] = 1.0
    if "concession" in source and ("claim" in target or "conclusion" in target):
        features["pair:concession_to_claim"] = 1.0
    if "conclusion" in target and j > i:
        features["pair:to_conclusion"] = 1.0
    for category in CATEGORIES:
        if category in source:
            features[f"pair:source:{category}:{direction}"] = 1.0
        if category in target:
            features[f"pair:target:{category}"] = 1.0
    return features
