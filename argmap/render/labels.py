"""What an evaluation puts on a diagram: Dung labels, gradual strengths, or short texts per node.

``labels=`` (an option of :class:`~argmap.render.DiagramOptions`) takes any of these and keeps
it as one :class:`DiagramLabels`:

- a :class:`~argmap.semantics.Labelling`, as :func:`argmap.evaluate` returns it: its labels
  (``"in"``, ``"out"``, ``"undec"``) for Dung and Carneades semantics, its strengths in [0, 1]
  for the gradual ones, with the semantics' name for the legend;
- a mapping of node ids to ``"in"``, ``"out"`` or ``"undec"`` (such as ``Labelling.labels``):
  drawn as labels, the semantics unnamed;
- a mapping of node ids to numbers in [0, 1]: drawn as strengths;
- a mapping of node ids to other short texts: each text is written on its node, as a note.

How they look (:data:`LABEL_STYLES`, :func:`strength_fill`): a labelled statement is filled with
its label's colour and says its label in words (``IN``, ``OUT``, ``UNDEC``), so that colour is
never the only cue; a strength fills the statement from white (0) to blue (1) and is written on
it as a number. The border, the shape and the header still say the statement's kind. An
inference gets its mark on the line into what it bears on.

Examples:
    >>> marks = diagram_labels({"c": "out", "r": "in"})
    >>> marks.kind, marks.mark("c"), marks.fill("c")
    ('labels', 'OUT', '#F9D7C4')
    >>> diagram_labels({"c": 0.25}).mark("c")
    '0.25'
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from argmap.exceptions import RenderError, UnknownNodeError
from argmap.params import shown
from argmap.semantics.labelling import Labelling

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "LABEL_STYLES",
    "SEMANTICS_TITLES",
    "STRENGTH_COLOUR",
    "DiagramLabels",
    "LabelStyle",
    "check_labelled_nodes",
    "diagram_labels",
    "strength_fill",
]

LabelKind = Literal["labels", "strengths", "texts"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelStyle:
    """How one Dung label looks.

    Attributes:
        mark: The word written on the node (the cue that does not rest on colour).
        title: What the legend says it means.
        fill: The node's fill (a light tint, so that black text stays readable).
        colour: The mark's colour, and the legend sample's border (dark enough for text).
    """

    mark: str
    title: str
    fill: str
    colour: str


# Okabe-Ito hues (bluish green, vermillion, yellow-orange), as light tints for fills and as
# dark shades for text: the three stay apart for the common colour blindnesses, and the word
# on each node says the label without colour.
LABEL_STYLES: Mapping[str, LabelStyle] = MappingProxyType(
    {
        "in": LabelStyle(mark="IN", title="accepted", fill="#C9EDDF", colour="#00664A"),
        "out": LabelStyle(mark="OUT", title="rejected", fill="#F9D7C4", colour="#A33A00"),
        "undec": LabelStyle(mark="UNDEC", title="undecided", fill="#FCEBB6", colour="#6E4C00"),
    }
)
"""Dung label -> how it looks: ``in``, ``out`` and ``undec``."""

STRENGTH_COLOUR = "#56B4E9"
"""The fill of strength 1 (Okabe-Ito sky blue); 0 is white; black text reads on both."""

SEMANTICS_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "evidential": "evidential semantics (argmap's default)",
        "grounded": "grounded semantics (Dung)",
        "complete": "complete semantics (Dung), sceptical labels",
        "preferred": "preferred semantics (Dung), sceptical labels",
        "stable": "stable semantics (Dung), sceptical labels",
        "dfquad": "DF-QuAD strengths",
        "qe": "quadratic-energy strengths",
        "carneades": "Carneades (proof standards)",
    }
)
"""Semantics name -> how the legend names it; an unknown name is shown as it is."""


def strength_fill(strength: float) -> str:
    """Return the fill of a node of ``strength``: white at 0, :data:`STRENGTH_COLOUR` at 1.

    Examples:
        >>> strength_fill(0.0), strength_fill(1.0), strength_fill(0.5)
        ('#FFFFFF', '#56B4E9', '#AADAF4')
    """
    full = (int(STRENGTH_COLOUR[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(255 + (c - 255) * strength) for c in full)
    return "#" + "".join(f"{c:02X}" for c in mixed)


@dataclass(frozen=True, slots=True, kw_only=True)
class DiagramLabels(Mapping[str, str]):
    """The marks to draw, by node id; read as a mapping it gives each node's mark as text.

    Attributes:
        kind: ``"labels"`` (Dung or Carneades: in, out, undec), ``"strengths"`` (numbers in
            [0, 1]) or ``"texts"`` (short notes).
        by_id: The label, the strength or the text, by node id.
        semantics: The semantics that produced them, when known (a :class:`Labelling` says).
    """

    kind: LabelKind
    by_id: Mapping[str, str | float]
    semantics: str | None = None

    def __getitem__(self, node_id: str) -> str:
        if node_id not in self.by_id:
            raise KeyError(node_id)
        return self.mark(node_id) or ""

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_id)

    def __len__(self) -> int:
        return len(self.by_id)

    def __reduce__(self) -> tuple[Any, tuple[LabelKind, dict[str, str | float], str | None]]:
        # A read-only view does not pickle; its dict does (options cross process boundaries).
        return (_rebuild, (self.kind, dict(self.by_id), self.semantics))

    def mark(self, node_id: str) -> str | None:
        """The text written on the node: ``IN``, ``0.61`` or the note; None when unlabelled."""
        value = self.by_id.get(node_id)
        if value is None:
            return None
        if self.kind == "labels":
            return LABEL_STYLES[str(value)].mark
        if self.kind == "strengths":
            return f"{float(value):.2f}"
        return str(value)

    def label(self, node_id: str) -> str | None:
        """The node's Dung label (``in``, ``out``, ``undec``), for ``kind="labels"``; else None."""
        value = self.by_id.get(node_id)
        return str(value) if self.kind == "labels" and value is not None else None

    def strength(self, node_id: str) -> float | None:
        """The node's strength, for ``kind="strengths"``; else None."""
        value = self.by_id.get(node_id)
        return float(value) if self.kind == "strengths" and value is not None else None

    def fill(self, node_id: str) -> str | None:
        """The node's fill for its label or strength; None for a note or an unlabelled node."""
        label = self.label(node_id)
        if label is not None:
            return LABEL_STYLES[label].fill
        strength = self.strength(node_id)
        return None if strength is None else strength_fill(strength)

    def colour(self, node_id: str) -> str:
        """The colour to write the mark in."""
        label = self.label(node_id)
        return LABEL_STYLES[label].colour if label is not None else "#000000"

    @property
    def title(self) -> str:
        """What the legend calls them: the semantics, or what kind of marks they are."""
        if self.semantics is not None:
            return SEMANTICS_TITLES.get(self.semantics, f"{self.semantics} semantics")
        return {"labels": "labels", "strengths": "strengths", "texts": "notes"}[self.kind]


def _rebuild(
    kind: LabelKind, by_id: dict[str, str | float], semantics: str | None
) -> DiagramLabels:
    return DiagramLabels(kind=kind, by_id=MappingProxyType(by_id), semantics=semantics)


def _strength(node_id: str, value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RenderError(
            f"{where}: the strength of {node_id!r} must be a number, not {shown(value)}"
        )
    if not 0 <= value <= 1 or not math.isfinite(value):  # 10**400 compares, isfinite overflows
        raise RenderError(
            f"{where}: the strength of {node_id!r} must be between 0 and 1, not {shown(value)}"
        )
    return float(value)


def diagram_labels(value: object) -> DiagramLabels:
    """Return ``value`` (a :class:`Labelling` or a mapping of ids) as :class:`DiagramLabels`.

    Raises:
        RenderError: ``value`` is neither; a label that is not in, out or undec in a
            labelling; a strength that is not a number in [0, 1]; or a mapping whose values
            mix numbers and texts.

    Examples:
        >>> import argmap
        >>> from argmap.examples import north_korea
        >>> marks = diagram_labels(argmap.evaluate(north_korea(), "dfquad"))
        >>> marks.kind, marks.semantics, marks.mark("agenda")
        ('strengths', 'dfquad', '0.48')
        >>> diagram_labels({"c": 1.5})
        Traceback (most recent call last):
        ...
        argmap.exceptions.RenderError: labels: the strength of 'c' must be between 0 and 1, not 1.5
    """
    if isinstance(value, DiagramLabels):
        return value
    if isinstance(value, Labelling):
        where = f"labels ({value.semantics} semantics)"
        if value.is_gradual:
            strengths = {n: _strength(n, v, where) for n, v in value.strengths.items()}
            return DiagramLabels(
                kind="strengths", by_id=MappingProxyType(strengths), semantics=value.semantics
            )
        for node_id, label in value.labels.items():
            if label not in LABEL_STYLES:
                raise RenderError(
                    f"{where}: {node_id!r} is labelled {label!r}; a label is in, out or undec"
                )
        return DiagramLabels(
            kind="labels", by_id=MappingProxyType(dict(value.labels)), semantics=value.semantics
        )
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise RenderError(
            "labels must be a Labelling, such as argmap.evaluate(m) returns, or map node ids "
            f"to labels, strengths or short texts, such as {{'c1': 'in'}}; not {value!r}"
        )
    values = dict(value)
    if values and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()
    ):
        strengths = {n: _strength(n, v, "labels") for n, v in values.items()}
        return DiagramLabels(kind="strengths", by_id=MappingProxyType(strengths))
    if not all(isinstance(v, str) for v in values.values()):
        raise RenderError(
            "labels must map node ids to labels (in, out, undec), to strengths (numbers in "
            f"[0, 1]) or to short texts, one kind for all; not {value!r}"
        )
    kind: LabelKind = "labels" if values and set(values.values()) <= set(LABEL_STYLES) else "texts"
    return DiagramLabels(kind=kind, by_id=MappingProxyType(values))


def check_labelled_nodes(m: ArgumentMap, marks: DiagramLabels) -> None:
    """Refuse marks for ids that are not statements or inferences of ``m``.

    Raises:
        UnknownNodeError: The first such id, in the labelling's order; the message names it.

    Examples:
        >>> from argmap.examples import north_korea
        >>> check_labelled_nodes(north_korea(), diagram_labels({"ghost": "in"}))
        Traceback (most recent call last):
        ...
        argmap.exceptions.UnknownNodeError: labels name 'ghost', which is not a node of this map; was the labelling made from another map? Evaluate this one: argmap.evaluate(m)
    """  # noqa: E501
    for node_id in marks.by_id:
        if node_id not in m:
            raise UnknownNodeError(
                f"labels name {node_id!r}, which is not a node of this map; was the labelling "
                "made from another map? Evaluate this one: argmap.evaluate(m)",
                node=node_id,
                missing=node_id,
            )
