"""How each kind of node and edge looks: styles as data, and the legend that explains them.

One table maps a node kind to its shape and colours, another an edge kind to its line and arrow.
The colours are the Okabe-Ito palette, safe for the common kinds of colour blindness, and no
distinction rests on colour alone: every node names its kind in its label, the central claim has a
double border, supports end in an arrow, attacks in a bar (a "tee") on a dashed line, and
undercutters on a dotted one.

Examples:
    >>> from argmap.render.styles import EDGE_STYLES, NODE_STYLES
    >>> NODE_STYLES["case"].shape
    'note'
    >>> EDGE_STYLES["attack"].attrs()["arrowhead"]
    'tee'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "EDGE_STYLES",
    "FONT",
    "GAP_COLOURS",
    "NODE_STYLES",
    "EdgeStyle",
    "Legend",
    "NodeStyle",
]

FONT = "Helvetica"
"""The font the layout engine measures with; the PNG and PDF writers draw it with Arimo, which
has the same metrics."""

# Okabe-Ito, with light tints of the same hues for fills.
_BLUE, _SKY, _GREEN = "#0072B2", "#56B4E9", "#009E73"
_ORANGE, _VERMILLION, _PURPLE, _GREY = "#E69F00", "#D55E00", "#CC79A7", "#555555"


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one kind of node is drawn.

    Attributes:
        title: The kind's name as shown in each node's header and in the legend.
        shape: A Graphviz node shape.
        fillcolor: The fill.
        color: The border.
        style: Graphviz ``style`` flags.
        penwidth: The border's width in points.
        peripheries: How many borders (2 draws a double border).
    """

    title: str
    shape: str
    fillcolor: str
    color: str
    style: str = "filled"
    penwidth: float = 1.2
    peripheries: int = 1

    def attrs(self) -> dict[str, str]:
        """Return the style as DOT attributes."""
        return {
            "shape": self.shape,
            "style": self.style,
            "fillcolor": self.fillcolor,
            "color": self.color,
            "penwidth": f"{self.penwidth:g}",
            "peripheries": str(self.peripheries),
        }


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How one kind of edge is drawn.

    Attributes:
        title: What the edge means, as the legend says it.
        color: The line's colour.
        style: ``solid``, ``dashed`` or ``dotted``.
        arrowhead: A Graphviz arrow shape: ``normal`` for support, ``tee`` for attack.
        penwidth: The line's width in points.
        arrowsize: The arrowhead's size (a bar needs to be larger than an arrow to be seen).
    """

    title: str
    color: str
    style: str
    arrowhead: str
    penwidth: float = 1.6
    arrowsize: float = 1.0

    def attrs(self) -> dict[str, str]:
        """Return the style as DOT attributes."""
        return {
            "color": self.color,
            "style": self.style,
            "arrowhead": self.arrowhead,
            "penwidth": f"{self.penwidth:g}",
            "arrowsize": f"{self.arrowsize:g}",
        }


NODE_STYLES: Mapping[str, NodeStyle] = MappingProxyType(
    {
        "central": NodeStyle(
            "central claim",
            "box",
            "#CFE6F7",
            _BLUE,
            style="filled,rounded,bold",
            penwidth=2.5,
            peripheries=2,
        ),
        "claim": NodeStyle("claim", "box", "#E3F1FB", _BLUE, style="filled,rounded"),
        "premise": NodeStyle("premise", "box", "#FBF7D0", "#A89A00"),
        "case": NodeStyle("case", "note", "#DDF2EA", _GREEN),
        "rebuttal": NodeStyle("rebuttal", "box", "#FBE3D6", _VERMILLION, style="filled,diagonals"),
        # An inference drawn as a junction: where linked premises meet before the arrow.
        "support": NodeStyle("support junction", "point", _BLUE, _BLUE, penwidth=1, style="filled"),
        "attack": NodeStyle(
            "attack junction", "point", _VERMILLION, _VERMILLION, penwidth=1, style="filled"
        ),
    }
)
"""Node kind -> style; ``central`` is the central claim, ``support``/``attack`` junctions."""

EDGE_STYLES: Mapping[str, EdgeStyle] = MappingProxyType(
    {
        "support": EdgeStyle("supports", _BLUE, "solid", "normal"),
        "attack": EdgeStyle("attacks", _VERMILLION, "dashed", "tee", arrowsize=1.5),
        "undercut": EdgeStyle("undercuts (attacks a support)", _PURPLE, "dotted", "tee", 2.8, 1.5),
    }
)
"""Edge kind -> style: ``support``, ``attack`` (a rebuttal) and ``undercut`` (on a support)."""

GAP_COLOURS: Mapping[str, str] = MappingProxyType(
    {"error": _VERMILLION, "warning": _ORANGE, "info": _SKY}
)
"""Finding severity -> the colour of the overlay that marks the nodes and edges it names."""

# Not exported: used by the DOT builder for the small text around a node's main text.
HEADER_COLOUR = _GREY
WARNING_COLOUR = "#B34700"


@dataclass(frozen=True, slots=True)
class Legend:
    """Which node and edge kinds, and finding severities, a diagram shows, in legend order.

    Examples:
        >>> Legend.for_kinds(["case", "claim"], ["attack"]).nodes
        ('claim', 'case')
    """

    nodes: tuple[str, ...]
    edges: tuple[str, ...]
    gaps: tuple[str, ...] = ()

    @classmethod
    def for_kinds(
        cls, nodes: Iterable[str], edges: Iterable[str], gaps: Iterable[str] = ()
    ) -> Legend:
        """Return the legend for the kinds (and finding severities) used, in the tables' order."""
        node_set, edge_set, gap_set = set(nodes), set(edges), set(gaps)
        return cls(
            nodes=tuple(k for k in NODE_STYLES if k in node_set),
            edges=tuple(k for k in EDGE_STYLES if k in edge_set),
            gaps=tuple(k for k in GAP_COLOURS if k in gap_set),
        )
