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

__all__ = ["HEAD_SIZE", "json_keys", "strip_head"]

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
