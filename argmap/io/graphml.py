"""GraphML: a map as the plain graph of :mod:`argmap.io.networkx`, in the XML that yEd, Gephi,
Cytoscape and networkx read.

Everything a map holds survives: :func:`loads` of :func:`dumps` gives an equal map. A text's
carriage returns are written as ``&#13;`` (an XML reader would turn a raw one into a newline,
which ``networkx.write_graphml`` leaves it to do).

Examples:
    >>> from argmap.examples import north_korea
    >>> m = north_korea()
    >>> text = dumps(m)
    >>> sniff(text[:2000]), loads(text) == m
    (True, True)
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import networkx as nx

from argmap.io.networkx import read_graph, to_networkx
from argmap.io.xmltext import parse_xml

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["dumps", "loads", "sniff"]


def dumps(m: ArgumentMap) -> str:
    """Return the map as GraphML text (UTF-8 XML), attributes as :mod:`argmap.io.networkx` names.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(title="Tiny")
        >>> _ = m.claim("c", "Line one\\r\\nline two.")
        >>> "&#13;" in dumps(m), loads(dumps(m)) == m
        (True, True)
    """
    buffer = io.BytesIO()
    nx.write_graphml_xml(to_networkx(m), buffer, encoding="utf-8")
    # Outside text and attribute values XML holds no carriage return, so every raw one is text.
    return buffer.getvalue().decode("utf-8").replace("\r", "&#13;")


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from GraphML text; ``path`` only names the text in error messages.

    Raises:
        FileFormatError: The text is not GraphML, or its graph does not describe a map; the
            message names the line (for XML errors) or the node or edge.
    """
    parse_xml(text, path=path)  # argmap's one XML policy first: no entities are expanded
    return read_graph(lambda: nx.parse_graphml(text), format_name="GraphML", path=path, text=text)


def sniff(head: str) -> bool:
    """Does this start of a text look like GraphML?"""
    return "<graphml" in head
