"""GEXF: a map as the plain graph of :mod:`argmap.io.networkx`, in Gephi's own format.

networkx's GEXF writer keeps no graph attributes, so the map's title and its own ``data`` are
not written (a :class:`~argmap.exceptions.FormatLossWarning` names them); everything else reads
back equal.

Examples:
    >>> from argmap.examples import north_korea
    >>> m = north_korea()
    >>> m.title = None
    >>> loads(dumps(m)) == m
    True
"""

from __future__ import annotations

import io
import re
import warnings
from typing import TYPE_CHECKING

import networkx as nx

from argmap.io.loss import warn_losses
from argmap.io.networkx import read_graph, to_networkx
from argmap.io.xmltext import parse_xml

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["dumps", "loads", "sniff"]

# The encoding an XML declaration names, which means nothing for text already decoded.
_DECLARED_ENCODING = re.compile(r"""\A(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"'>]*\2""")


def dumps(m: ArgumentMap) -> str:
    """Return the map as GEXF 1.2 text, attributes as :mod:`argmap.io.networkx` names them.

    Warns:
        FormatLossWarning: The map has a title or data of its own, which GEXF (as networkx
            writes it) cannot hold (GraphML keeps both); the warning names them.
    """
    buffer = io.BytesIO()
    nx.write_gexf(to_networkx(m), buffer, encoding="utf-8")
    text = buffer.getvalue().decode("utf-8")
    if m.title is not None or m.data:
        # What the file cannot hold is what does not come back: read it, name every difference.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            back = loads(text)
        warn_losses("GEXF", m, back)
    return text


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from GEXF text; ``path`` only names the text in error messages.

    Raises:
        FileFormatError: The text is not GEXF, or its graph does not describe a map; the
            message names the line (for XML errors) or the node or edge.
    """
    # networkx's GEXF reader takes bytes, which its XML parser decodes as the declaration says;
    # the text is decoded already, so the bytes are UTF-8 and the declaration must say so (an
    # unknown name was a LookupError; "latin-1" read "é" as "Ã©").
    declared_utf8 = _DECLARED_ENCODING.sub(r"\1\2utf-8\2", text, count=1)
    parse_xml(declared_utf8, path=path)  # argmap's one XML policy first: no entities expanded
    return read_graph(
        lambda: nx.read_gexf(io.BytesIO(declared_utf8.encode("utf-8"))),
        format_name="GEXF",
        path=path,
        text=declared_utf8,
    )


def sniff(head: str) -> bool:
    """Does this start of a text look like GEXF?"""
    return "<gexf" in head
