"""Diagrams of argument maps: DOT built by pure code, drawn by Graphviz or graphviz-pure.

Every drawing comes back as text or bytes; a file is written by the format table
(:func:`argmap.io.formats.write_diagram`, which ``m.render(path)`` calls).

Examples:
    >>> from argmap.examples import north_korea
    >>> from argmap.render import to_dot
    >>> to_dot(north_korea()).startswith("digraph argmap {")
    True
"""

from argmap.diagram_types import DiagramChanges, Gap
from argmap.render.dot import neighbourhood, to_dot, to_graphviz, wrap_text
from argmap.render.engine import FORMATS, INSTALL_HINT, find_layout_engine, pipe
from argmap.render.html import HtmlPage, to_html
from argmap.render.labels import LABEL_STYLES, DiagramLabels
from argmap.render.notebook import Diagram, diagram, repr_mimebundle, show
from argmap.render.options import DEFAULT_WRAP, DiagramOptions
from argmap.render.output import DRAWINGS, Drawing, draw
from argmap.render.styles import EDGE_STYLES, GAP_COLOURS, NODE_STYLES, EdgeStyle, Legend, NodeStyle

__all__ = [
    "DEFAULT_WRAP",
    "DRAWINGS",
    "EDGE_STYLES",
    "FORMATS",
    "GAP_COLOURS",
    "INSTALL_HINT",
    "LABEL_STYLES",
    "NODE_STYLES",
    "Diagram",
    "DiagramChanges",
    "DiagramLabels",
    "DiagramOptions",
    "Drawing",
    "EdgeStyle",
    "Gap",
    "HtmlPage",
    "Legend",
    "NodeStyle",
    "diagram",
    "draw",
    "find_layout_engine",
    "neighbourhood",
    "pipe",
    "repr_mimebundle",
    "show",
    "to_dot",
    "to_graphviz",
    "to_html",
    "wrap_text",
]
