"""Diagrams of argument maps: DOT built by pure code, drawn by Graphviz or graphviz-pure.

Examples:
    >>> from argmap.examples import north_korea
    >>> from argmap.render import to_dot
    >>> to_dot(north_korea()).startswith("digraph argmap {")
    True
"""

from argmap.render.dot import neighbourhood, to_dot, to_graphviz, wrap_text
from argmap.render.engine import FORMATS, INSTALL_HINT, find_layout_engine, pipe
from argmap.render.html import HtmlPage, to_html
from argmap.render.labels import LABEL_STYLES, DiagramLabels
from argmap.render.notebook import Diagram, diagram, repr_mimebundle, show
from argmap.render.options import DEFAULT_WRAP, DiagramChanges, DiagramOptions, Gap
from argmap.render.output import OUTPUT_FORMATS, SUFFIXES, draw, format_for, render
from argmap.render.styles import EDGE_STYLES, GAP_COLOURS, NODE_STYLES, EdgeStyle, Legend, NodeStyle

__all__ = [
    "DEFAULT_WRAP",
    "EDGE_STYLES",
    "FORMATS",
    "GAP_COLOURS",
    "INSTALL_HINT",
    "LABEL_STYLES",
    "NODE_STYLES",
    "OUTPUT_FORMATS",
    "SUFFIXES",
    "Diagram",
    "DiagramChanges",
    "DiagramLabels",
    "DiagramOptions",
    "EdgeStyle",
    "Gap",
    "HtmlPage",
    "Legend",
    "NodeStyle",
    "diagram",
    "draw",
    "find_layout_engine",
    "format_for",
    "neighbourhood",
    "pipe",
    "render",
    "repr_mimebundle",
    "show",
    "to_dot",
    "to_graphviz",
    "to_html",
    "wrap_text",
]
