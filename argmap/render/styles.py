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
    "ANALYST_TAIL",
    "EDGE_STYLES",
    "FONT",
    "GAP_COLOURS",
    "GAP_PENWIDTH",
    "GAP_STYLE",
    "NODE_STYLES",
    "EdgeStyle",
    "Legend",
    "NodeStyle",
    "is_analysts",
]

FONT = "Helvetica"
"""The font the layout engine measures with; the PNG and PDF writers draw it with Arimo, which
has the same metrics."""

# Okabe-Ito, with light tints of the same hues for fills.
_BLUE, _SKY, _GREEN = "#0072B2", "#56B4E9", "#009E73"
_ORANGE, _VERMILLION, _PURPLE, _GREY = "#E69F00", "#D55E00", "#CC79A7", "#555555"
_BLACK = "#000000"


@dataclass(frozen=True, slots=True, kw_only=True)
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


@dataclass(frozen=True, slots=True, kw_only=True)
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
            title="central claim",
            shape="box",
            fillcolor="#CFE6F7",
            color=_BLUE,
            style="filled,rounded,bold",
            penwidth=2.5,
            peripheries=2,
        ),
        "claim": NodeStyle(
            title="claim", shape="box", fillcolor="#E3F1FB", color=_BLUE, style="filled,rounded"
        ),
        "premise": NodeStyle(title="premise", shape="box", fillcolor="#FBF7D0", color="#A89A00"),
        "case": NodeStyle(title="case", shape="note", fillcolor="#DDF2EA", color=_GREEN),
        "rebuttal": NodeStyle(
            title="rebuttal",
            shape="box",
            fillcolor="#FBE3D6",
            color=_VERMILLION,
            style="filled,diagonals",
        ),
        # An inference drawn as a junction: where linked premises meet before the arrow.
        "support": NodeStyle(
            title="support junction", shape="point", fillcolor=_BLUE, color=_BLUE, penwidth=1
        ),
        "attack": NodeStyle(
            title="attack junction",
            shape="point",
            fillcolor=_VERMILLION,
            color=_VERMILLION,
            penwidth=1,
        ),
    }
)
"""Node kind -> style; ``central`` is the central claim, ``support``/``attack`` junctions."""

EDGE_STYLES: Mapping[str, EdgeStyle] = MappingProxyType(
    {
        "support": EdgeStyle(title="supports", color=_BLUE, style="solid", arrowhead="normal"),
        "attack": EdgeStyle(
            title="attacks", color=_VERMILLION, style="dashed", arrowhead="tee", arrowsize=1.5
        ),
        "undercut": EdgeStyle(
            title="undercuts (attacks a support)",
            color=_PURPLE,
            style="dotted",
            arrowhead="tee",
            penwidth=2.8,
            arrowsize=1.5,
        ),
    }
)
"""Edge kind -> style: ``support``, ``attack`` (a rebuttal) and ``undercut`` (on a support)."""

GAP_COLOURS: Mapping[str, str] = MappingProxyType(
    {"error": _BLACK, "warning": _ORANGE, "info": _SKY}
)
"""Finding severity -> the colour of the overlay that marks the nodes and edges it names.

No node or edge kind uses these colours, so a finding is never taken for an attack; a statement
with a finding also gets a thick dashed outline (:data:`GAP_STYLE`) and its rule codes in its label.
"""

ANALYST_TAIL = "odot"
"""The open circle at the premise's end of an inference the analyst added (one the text does not
make): a shape, so that it does not rest on colour, and the word ``analyst`` on the line."""


def is_analysts(node: object) -> bool:
    """Is ``node`` the analyst's, not the text's? Its ``data`` says ``by: analyst``.

    That is the convention of :func:`argmap.examples.north_korea` for every statement and
    inference the text does not make (statements also carry the ``analyst`` tag).

    Examples:
        >>> from argmap.examples import north_korea
        >>> m = north_korea()
        >>> is_analysts(m["u_amnesty"]), is_analysts(m["s_uk"])
        (True, False)
    """
    data = getattr(node, "data", None)
    return isinstance(data, Mapping) and data.get("by") == "analyst"


GAP_STYLE = "dashed"
"""The style flag added to a statement's outline when a finding names it."""

GAP_PENWIDTH = 3.5
"""The width of the outline or line that marks what a finding names."""

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
    acknowledged: bool = False
    analyst: bool = False

    @classmethod
    def for_kinds(
        cls,
        nodes: Iterable[str],
        edges: Iterable[str],
        gaps: Iterable[str] = (),
        *,
        acknowledged: bool = False,
        analyst: bool = False,
    ) -> Legend:
        """Return the legend for the kinds (and finding severities) used, in the tables' order;
        ``acknowledged`` and ``analyst`` say whether acknowledged findings and the analyst's
        inferences are drawn."""
        node_set, edge_set, gap_set = set(nodes), set(edges), set(gaps)
        return cls(
            nodes=tuple(k for k in NODE_STYLES if k in node_set),
            edges=tuple(k for k in EDGE_STYLES if k in edge_set),
            gaps=tuple(k for k in GAP_COLOURS if k in gap_set),
            acknowledged=acknowledged,
            analyst=analyst,
        )
