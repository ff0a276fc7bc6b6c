"""What to draw: one frozen options object shared by DOT, the drawing functions and the HTML page.

:func:`~argmap.render.to_dot`, :func:`~argmap.render.draw`, :func:`~argmap.render.to_html`,
:func:`~argmap.io.formats.write_diagram` and the map's own methods all take ``options=`` (a
:class:`DiagramOptions`) and, for convenience, the same fields as keywords, which change a copy of
it. The options are checked once, here, whoever takes them.

Examples:
    >>> from argmap.render import DiagramOptions
    >>> options = DiagramOptions(focus="uk", depth=2)
    >>> options.replace(depth=1).depth, options.depth
    (1, 2)
    >>> DiagramOptions(wrap=0)
    Traceback (most recent call last):
    ...
    argmap.exceptions.RenderError: wrap must be at least 1, not 0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.diagram_types import Gap, Options
from argmap.exceptions import RenderError
from argmap.params import shown
from argmap.render.labels import DiagramLabels, diagram_labels
from argmap.render.quoting import clean
from argmap.semantics.labelling import Labelling  # at run time: get_type_hints reads the options

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "DEFAULT_WRAP",
    "DiagramOptions",
    "acknowledgement",
    "diagram_options",
    "positive_int",
]

DEFAULT_WRAP = 40
"""Characters per line of a node's text (a wide character, such as Hangul, counts as two)."""


def acknowledgement(m: ArgumentMap, finding: Gap) -> str | bool | None:
    """Whether the map acknowledges ``finding``: its reason, True, or None when it does not.

    A finding's own ``acknowledged`` decides when it has one (as :class:`argmap.Finding` does:
    the checks know which node may acknowledge what); otherwise the reason a node it names gives
    in its ``acknowledge`` mapping for the rule's code or name.

    Examples:
        >>> import argmap, types
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "Pressure works.", acknowledge={"AM101": "The text only asserts it."})
        >>> acknowledgement(m, argmap.check(m, select=["AM101"]).findings[0])
        'The text only asserts it.'
        >>> bare = types.SimpleNamespace(rule="AM101", name="x", nodes=("c",), message="m")
        >>> acknowledgement(m, bare)
        'The text only asserts it.'
    """
    if hasattr(finding, "acknowledged"):  # the checks decided: trust them
        own = finding.acknowledged
        return clean(own) if isinstance(own, str) else own if isinstance(own, bool) else None
    for node_id in finding.nodes:
        if node_id not in m:
            continue
        reasons = getattr(m[node_id], "acknowledge", None)
        if isinstance(reasons, Mapping):
            for key in (finding.rule, finding.name):
                if isinstance(reasons.get(key), str):
                    return clean(reasons[key])
    return None


def positive_int(option: str, value: object, *, minimum: int) -> int:
    """Return ``value`` if it is a whole number of at least ``minimum``; else a RenderError.

    Examples:
        >>> positive_int("depth", 2, minimum=0)
        2
        >>> positive_int("depth", True, minimum=0)
        Traceback (most recent call last):
        ...
        argmap.exceptions.RenderError: depth must be a whole number, not True
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise RenderError(f"{option} must be a whole number, not {shown(value)}")
    if value < minimum:
        qualifier = "0 or more" if minimum == 0 else f"at least {minimum}"
        raise RenderError(f"{option} must be {qualifier}, not {value}")
    return value


def _findings(gaps: object) -> tuple[Gap, ...]:
    """Return ``gaps`` as a tuple, after checking that each looks like a finding."""
    if isinstance(gaps, str | bytes) or not isinstance(gaps, Iterable):
        raise RenderError(
            f"gaps must be a list of findings, such as check(m) returns, not {shown(gaps)}"
        )
    findings: list[Gap] = []
    for gap in gaps:
        fields = [getattr(gap, a, None) for a in ("rule", "name", "message")]
        nodes = getattr(gap, "nodes", None)
        if (
            not all(isinstance(f, str) for f in fields)
            or isinstance(nodes, str)
            or not isinstance(nodes, Iterable)
            or not all(isinstance(n, str) for n in nodes)
        ):
            raise RenderError(
                f"gaps: each finding needs a rule, name and message (strings) and nodes "
                f"(a tuple of node ids), as check(m) returns; got {gap!r}"
            )
        findings.append(gap)
    return tuple(findings)


@dataclass(frozen=True, kw_only=True, slots=True)
class DiagramOptions:
    """What a diagram or an HTML page shows. Frozen: :meth:`replace` returns a changed copy.

    Attributes:
        focus: Draw only the neighbourhood of this node (see
            :func:`~argmap.render.neighbourhood`); the HTML page opens focused on it.
        depth: How many steps from ``focus`` to draw; 1 when ``focus`` is given alone.
        gaps: Findings to overlay, such as :func:`argmap.check` returns: the nodes and
            inferences they name are outlined in the colour of their severity, with the rule
            codes in the label. Kept as a tuple. The HTML page lists them (when ``None``, the
            page checks the map itself).
        wrap: Characters per line of a node's text.
        legend: Add a legend of the node and edge kinds drawn.
        tooltips: Give nodes and edges a tooltip (an SVG title shown on hover): the full text
            and note, and each finding as ``"AM101 unsupported-claim: message"``.
        title: Show the map's title above the diagram.
        labels: What an evaluation says of each node, drawn on it with a legend: a
            :class:`~argmap.semantics.Labelling` from :func:`argmap.evaluate` (Dung labels IN,
            OUT, UNDEC, or gradual strengths), or a mapping of node ids to labels
            (``"in"``, ``"out"``, ``"undec"``), to strengths in [0, 1], or to short texts
            (see :mod:`argmap.render.labels`). Kept as a
            :class:`~argmap.render.labels.DiagramLabels`. A node the labelling leaves out is
            drawn unmarked; ids the map does not hold are refused when drawing.

    Raises:
        RenderError: An option of the wrong type or out of range: ``depth`` without ``focus``,
            a ``depth`` that is not a whole number of 0 or more, a ``wrap`` that is not a whole
            number of at least 1, ``gaps`` that are not findings, ``labels`` that are not a
            labelling (or hold a strength outside [0, 1]), or a flag that is not ``True`` or
            ``False``.

    Examples:
        >>> DiagramOptions(focus="uk", depth=-1)
        Traceback (most recent call last):
        ...
        argmap.exceptions.RenderError: depth must be 0 or more, not -1
    """

    focus: str | None = None
    depth: int | None = None
    gaps: Iterable[Gap] | None = None
    wrap: int = DEFAULT_WRAP
    legend: bool = True
    tooltips: bool = True
    title: bool = True
    labels: Labelling | DiagramLabels | Mapping[str, str] | Mapping[str, float] | None = field(
        default=None
    )

    def __post_init__(self) -> None:
        if self.focus is not None and not isinstance(self.focus, str):
            raise RenderError(f"focus must be a node id (a string), not {self.focus!r}")
        if self.depth is not None:
            if self.focus is None:
                raise RenderError(
                    "depth needs focus: give focus=<node id> to draw its neighbourhood"
                )
            positive_int("depth", self.depth, minimum=0)
        positive_int("wrap", self.wrap, minimum=1)
        for flag in ("legend", "tooltips", "title"):
            if not isinstance(getattr(self, flag), bool):
                raise RenderError(f"{flag} must be True or False, not {getattr(self, flag)!r}")
        if self.gaps is not None and not isinstance(self.gaps, tuple):
            object.__setattr__(self, "gaps", _findings(self.gaps))
        elif self.gaps is not None:
            _findings(self.gaps)
        if self.labels is not None:
            object.__setattr__(self, "labels", diagram_labels(self.labels))

    @property
    def steps(self) -> int:
        """The depth drawn around ``focus``: ``depth``, or 1 when only ``focus`` is given."""
        return 1 if self.depth is None else self.depth

    @property
    def marks(self) -> DiagramLabels | None:
        """The labels to draw, as :class:`~argmap.render.labels.DiagramLabels` (or None)."""
        return self.labels if isinstance(self.labels, DiagramLabels) else None

    @property
    def findings(self) -> tuple[Gap, ...]:
        """The findings to overlay, as a tuple (empty when none are given)."""
        return tuple(self.gaps or ())

    def replace(self, **changes: object) -> DiagramOptions:
        """Return a copy with ``changes`` made, checked as the constructor checks.

        Raises:
            RenderError: An unknown option name, or a value the constructor refuses.
        """
        unknown = sorted(set(changes) - _NAMES)
        if unknown:
            raise RenderError(
                f"unknown diagram option {unknown[0]!r}; the options are {', '.join(_ORDER)}"
            )
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


if TYPE_CHECKING:  # the map names the options by the type it can see: mypy holds them to it
    _AS_THE_MAP_SEES_THEM: Options = DiagramOptions()

_ORDER = tuple(f.name for f in dataclasses.fields(DiagramOptions))
_NAMES = frozenset(_ORDER)


def diagram_options(
    options: object = None, changes: Mapping[str, object] | None = None
) -> DiagramOptions:
    """Return ``options`` (a :class:`DiagramOptions`, or the defaults) with ``changes`` made.

    Raises:
        RenderError: ``options`` is not a :class:`DiagramOptions`, or a change is unknown or
            refused.

    Examples:
        >>> diagram_options(None, {"focus": "uk"}).focus
        'uk'
    """
    if options is None:
        options = DiagramOptions()
    elif not isinstance(options, DiagramOptions):
        raise RenderError(
            "options must be a DiagramOptions, such as DiagramOptions(focus='c1'), not "
            f"{shown(options)}"
        )
    return options.replace(**changes) if changes else options
