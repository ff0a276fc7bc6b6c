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


# -- what an element says that makes no map is refused at the element's line ----------------------


def _map_written(fmt: str) -> str:
    m = ArgumentMap()
    m.claim("c", "Pressure works.")
    m.premise("p", "Talks failed.")
    m.support("p", "c", id="s")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return argmap.dumps(m, format=fmt)


def _line(text: str, start: str) -> int:
    return text[: text.index(start)].count("\n") + 1


@pytest.mark.parametrize(
    ("fmt", "change", "element", "said"),
    [
        ("graphml", (">Talks failed.<", "> <"), '<node id="p"', "node 'p': text: must not be"),
        ("graphml", (">conclusion<", ">bogus<"), '<edge source="s"', "has unknown role 'bogus'"),
        ("graphml", (">premise</data>", ">other</data>"), '<node id="p"', "unknown kind 'other'"),
        ("gexf", ('value="Talks failed."', 'value=" "'), '<node id="p"', "text: must not be"),
        ("gexf", ('value="conclusion"', 'value="bogus"'), '<edge source="s"', "role 'bogus'"),
        ("microtexts", (">Talks failed.<", "> <"), '<adu id="p"', "text: must not be blank"),
        ("microtexts", ('id="p" type="pro"', 'id="p" type="x"'), '<adu id="p"', "use pro or"),
        ("microtexts", ('trg="c" type="sup"', 'trg="z" type="sup"'), '<edge id="s"', "'z'"),
        ("microtexts", ('src="p" trg="c"', 'src="c" trg="c"'), '<edge id="s"', "support itself"),
        ("microtexts", ('<edge id="c2"', '<edge id="c1"'), '<edge id="c1" src="e2"', "used twice"),
        ("microtexts", ('<adu id="c" ', "<adu "), "<adu type", "an <adu> has no id"),
    ],
)
def test_an_element_that_makes_no_map_is_refused_at_its_line(
    fmt: str, change: tuple[str, str], element: str, said: str
) -> None:
    text = _map_written(fmt)
    assert change[0] in text
    bad = text.replace(change[0], change[1], 1)
    with pytest.raises(FileFormatError) as info:
        argmap.loads(bad, format=fmt, path=f"m.{fmt}")
    message = str(info.value)
    assert message.startswith(f"m.{fmt}:{_line(bad, element)}"), message
    assert said in message
    assert info.value.line == _line(bad, element)
