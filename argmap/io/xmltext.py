"""One policy for every XML format argmap reads (the microtexts' arggraph, GraphML, GEXF).

XML is parsed with :mod:`defusedxml`: a document that declares entities (a "billion laughs"
expands a few hundred bytes into gigabytes) or refers to external ones (which read other files)
is refused, never expanded, with one :class:`~argmap.exceptions.FileFormatError` naming the file;
so is XML that is not well-formed, at its line and column. A document type declaration without
entities is allowed (some tools write one).

The readers build maps from the parsed tree, which keeps no lines; when what an element says does
not make a map, :func:`element_line` finds the element's line for the error, in a second pass of
expat over the text that is made only then.

Examples:
    >>> parse_xml("<a><b/></a>").tag
    'a'
    >>> element_line("<g>\\n<node id='a'/>\\n<node id='b'/>\\n</g>", lambda tag, at: at.get("id") == "b")
    3
    >>> parse_xml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', path="m.graphml")
    Traceback (most recent call last):
    argmap.exceptions.FileFormatError: m.graphml: refused: the XML declares or refers to entities (EntitiesForbidden), which argmap never expands (they can exhaust memory or read other files); remove the entity declarations
"""  # noqa: E501

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET  # only the type: parsing goes through defusedxml
from collections.abc import Callable, Mapping
from xml.parsers import expat

from argmap.exceptions import FileFormatError

__all__ = ["element_line", "parse_xml"]


def parse_xml(text: str, *, path: str | None = None) -> ET.Element:
    """Parse XML text under argmap's one XML policy and return its root element.

    Raises:
        FileFormatError: The XML declares or refers to entities, or is not well-formed (the
            line and column named), or its declaration names an encoding it cannot honour.
    """
    from defusedxml import DefusedXmlException  # noqa: PLC0415
    from defusedxml.ElementTree import ParseError, fromstring  # noqa: PLC0415

    try:
        root: ET.Element = fromstring(
            text, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        problem = str(exc).split(":")[0]
        raise FileFormatError(
            f"not well-formed XML: {problem} (column {column})"
            if column is not None
            else f"not well-formed XML: {exc}",
            path=path,
            line=line,
        ) from None
    except DefusedXmlException as exc:
        raise FileFormatError(
            f"refused: the XML declares or refers to entities ({type(exc).__name__}), which "
            "argmap never expands (they can exhaust memory or read other files); remove the "
            "entity declarations",
            path=path,
        ) from None
    except ValueError as exc:  # a str with an encoding declaration expat cannot honour
        raise FileFormatError(f"cannot read the XML: {exc}", path=path) from None
    return root


class _Found(Exception):
    """Stops expat at the element sought."""


def element_line(text: str, found: Callable[[str, Mapping[str, str]], bool]) -> int | None:
    """The line of the first element for which ``found(tag, attributes)`` holds, or None.

    ``tag`` is the element's name without a namespace prefix (``node`` for ``g:node``). Only
    for a text that :func:`parse_xml` accepted: its entities were refused there, so expat
    meets none here. A text it cannot read gives None.
    """
    parser = expat.ParserCreate()
    line: int | None = None

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal line
        if found(name.rpartition(":")[2], attributes):
            line = parser.CurrentLineNumber
            raise _Found

    parser.StartElementHandler = start
    with contextlib.suppress(_Found, expat.ExpatError):
        parser.Parse(text, True)
    return line
