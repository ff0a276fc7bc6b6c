"""Helpers for the formats' sniffers: look at the start of a text and tell what it is.

A sniffer sees only the first characters of a file (:data:`HEAD_SIZE`), which may cut a JSON
document anywhere, so these helpers never parse: they scan tokens and tolerate the cut.

Examples:
    >>> top, every = json_keys('{"nodes": [{"nodeID": "1", "text": "a"}], "edges": [')
    >>> sorted(top), sorted(every)
    (['edges', 'nodes'], ['edges', 'nodeID', 'nodes', 'text'])
    >>> json_keys("argmap: 1")
    (frozenset(), frozenset())
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["HEAD_SIZE", "aif_marks", "json_keys", "sadface_marks", "strip_head"]

HEAD_SIZE = 65536
"""How many characters of a file its sniffers see."""

# A JSON string, or one structural character. A string cut off by the head's end matches nothing.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]')


def strip_head(head: str) -> str:
    """Return ``head`` without a byte order mark and leading white space."""
    return head.lstrip("\ufeff \t\r\n")


@lru_cache(maxsize=4)  # every .json sniffer asks about the same head
def json_keys(head: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the keys of the top-level JSON object in ``head``, and all keys at any depth.

    Both sets are empty when ``head`` does not start with ``{``. Keys are compared as written
    (escapes are not decoded), which is all a sniffer needs.
    """
    text = strip_head(head)
    if not text.startswith("{"):
        return frozenset(), frozenset()
    top: set[str] = set()
    every: set[str] = set()
    depth = 0
    previous = ""
    pending: str | None = None  # a string that is a key if a ':' follows
    for match in _TOKEN.finditer(text):
        piece = match.group()
        if piece == ":":
            if pending is not None:
                every.add(pending)
                if depth == 1:
                    top.add(pending)
            pending = None
        elif piece in "{[":
            depth += 1
            pending = None
        elif piece in "}]":
            depth -= 1
            pending = None
            if depth == 0:
                break
        elif piece == ",":
            pending = None
        else:
            pending = piece[1:-1] if previous in ("{", ",") else None
        previous = piece if piece in "{[,:" else "value"
    return frozenset(top), frozenset(every)


# SADFace 0.1 put the document's metadata at the top level; 0.2 moved it into metadata.core.
_SADFACE_01 = frozenset({"analyst_name", "analyst_email"})


def sadface_marks(top: frozenset[str], every: frozenset[str]) -> bool:
    """Whether JSON keys (as :func:`json_keys` gives them) carry SADFace's marks: edges with
    ``source_id``/``target_id``, ``metadata.core`` (0.2), or the analyst at the top level (0.1).

    Examples:
        >>> sadface_marks(*json_keys('{"analyst_name": "A", "edges": [], "nodes": []}'))
        True
    """
    return bool(
        every & {"source_id", "target_id"}
        or ("metadata" in top and "core" in every)
        or (top & _SADFACE_01 and top & {"nodes", "edges"})
    )


def aif_marks(top: frozenset[str], every: frozenset[str]) -> bool:
    """Whether JSON keys carry AIF's marks and not SADFace's: ``nodeID``, ``fromID`` or a
    top-level ``locutions`` list (an empty AIFdb nodeset has nothing else). A SADFace document
    that names a ``nodeID`` somewhere (in a node's metadata, converted from AIF) stays SADFace
    unless AIF's edges (``fromID``, ``toID``) are there too.

    Examples:
        >>> aif_marks(*json_keys('{"nodes": [], "edges": [], "locutions": []}'))
        True
        >>> aif_marks(*json_keys('{"edges": [{"source_id": "a"}], "nodes": [{"nodeID": "1"}]}'))
        False
    """
    if not (top & {"nodes", "edges", "locutions"}):
        return False
    edges = bool(every & {"fromID", "toID"})
    if sadface_marks(top, every) and not edges:
        return False
    return edges or "nodeID" in every or "locutions" in top
