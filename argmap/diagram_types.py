"""The types of a diagram's options, defined where both the map and the drawing code can see them.

The map's drawing conveniences (``m.to_dot(...)``, ``m.render(...)``, ``m.show(...)``) take the
options of :mod:`argmap.render`, which stands two floors above the map, and pass them on (see
:mod:`argmap.delegates`). To name those options in its signatures the map needs their types; it
must not import them from above, not even for type checkers (``tests/test_layers.py``), so they
are defined here, on the map's floor, and :mod:`argmap.render.options` takes them from here:

- :class:`DiagramChanges`: the options as keywords, one definition for the map and the drawing
  functions;
- :class:`Gap`: a finding to overlay, as the checks produce them;
- :class:`Labelled`: what :class:`argmap.semantics.Labelling` gives a diagram to draw;
- :class:`Options`: :class:`argmap.render.DiagramOptions` as the map sees it, which passes it
  on without reading it (the drawing code checks the options).

Examples:
    >>> from argmap.render import DiagramChanges as FromRender
    >>> FromRender is DiagramChanges
    True
    >>> sorted(DiagramChanges.__annotations__)[:3]
    ['depth', 'focus', 'gaps']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol, TypedDict

__all__ = ["DiagramChanges", "Gap", "Labelled", "Options"]


class Gap(Protocol):
    """A finding to overlay on the diagram, as the checks produce them.

    Attributes:
        rule: The rule's code, such as ``"AM101"``.
        name: The rule's name, such as ``"unsupported-claim"``.
        nodes: The ids of the nodes it names (statements or inferences).
        message: One line that says what is wrong.

    An object with a ``severity`` (``"error"``, ``"warning"``, ``"info"``) is coloured by it;
    otherwise as a warning. The HTML page also shows its ``explanation`` and whether it is
    ``acknowledged``, when it has them.
    """

    @property
    def rule(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def nodes(self) -> tuple[str, ...]: ...
    @property
    def message(self) -> str: ...


class Labelled(Protocol):
    """What an evaluation gives a diagram to draw: an :class:`argmap.semantics.Labelling`.

    Attributes:
        semantics: The semantics that produced it, such as ``"grounded"``.
        labels: ``"in"``, ``"out"`` or ``"undec"`` by node id (empty for gradual semantics).
        strengths: Strengths in [0, 1] by node id (gradual semantics; else empty).
    """

    @property
    def semantics(self) -> str: ...
    @property
    def labels(self) -> Mapping[str, str]: ...
    @property
    def strengths(self) -> Mapping[str, float]: ...


class DiagramChanges(TypedDict, total=False):
    """The fields of :class:`argmap.render.DiagramOptions`, as keywords that change a copy of it."""

    focus: str | None
    depth: int | None
    gaps: Iterable[Gap] | None
    wrap: int
    legend: bool
    tooltips: bool
    title: bool
    labels: Labelled | Mapping[str, str] | Mapping[str, float] | None


class Options(Protocol):
    """A :class:`argmap.render.DiagramOptions`, as the map passes it on."""

    def replace(self, **changes: object) -> Options:
        """A copy with ``changes`` made."""
        ...
