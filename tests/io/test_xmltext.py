"""One XML policy for every XML reader: entities refused, never expanded, one located error."""

from __future__ import annotations

import warnings

import pytest

import argmap
from argmap import ArgumentMap
from argmap.exceptions import FileFormatError

_REFUSED = "refused: the XML declares or refers to entities"


def _written(fmt: str) -> str:
    m = ArgumentMap(title="t")
    m.claim("c", "A.")
    m.premise("p", "B.")
    m.support("p", "c")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return argmap.dumps(m, format=fmt)


def _with_entities(text: str, root: str) -> str:
    """The document with a DOCTYPE declaring nested entities, one of them used in the text."""
    declared = (
        f'<!DOCTYPE {root} [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    )
    head, sep, rest = text.partition("?>\n")
    body = (head + sep + declared + rest) if sep else (declared + text)
    return body.replace("A.", "A &b;", 1)


@pytest.mark.parametrize(
    ("fmt", "root"), [("graphml", "graphml"), ("gexf", "gexf"), ("microtexts", "arggraph")]
)
def test_every_xml_reader_refuses_entities_alike(fmt: str, root: str) -> None:
    text = _written(fmt)
    assert argmap.loads(text, format=fmt)  # the plain document reads
    with pytest.raises(FileFormatError, match=_REFUSED) as caught:
        argmap.loads(_with_entities(text, root), format=fmt, path=f"m.{fmt}")
    assert caught.value.path == f"m.{fmt}"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "microtexts"])
def test_every_xml_reader_names_the_line_of_broken_xml(fmt: str) -> None:
    text = _written(fmt)
    broken = text.replace("</", "<", 1)
    with pytest.raises(FileFormatError) as caught:
        argmap.loads(broken, format=fmt)
    assert caught.value.line is not None
