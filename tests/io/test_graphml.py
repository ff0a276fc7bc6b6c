"""GraphML and GEXF as argmap writes and reads them: what networkx reads, lossless for GraphML
(carriage returns included), the title alone lost in GEXF, and located errors."""

from __future__ import annotations

import io
import warnings

import networkx as nx
import pytest
from budget import budgets, examples
from hypothesis import given, settings
from strategies import maps

import argmap
from argmap import ArgumentMap, FileFormatError
from argmap.exceptions import FormatLossWarning
from argmap.io import gexf, graphml
from argmap.io.networkx import from_networkx, to_networkx


def test_article_graphml_is_read_by_networkx_and_back_into_an_equal_map(nk: ArgumentMap) -> None:
    text = graphml.dumps(nk)
    g = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    original = to_networkx(nk)
    assert dict(g.nodes(data=True)) == dict(original.nodes(data=True))
    assert {(u, v): d for u, v, d in g.edges(data=True)} == {
        (u, v): d for u, v, d in original.edges(data=True)
    }
    assert g.graph["title"] == nk.title
    assert from_networkx(g) == nk
    assert graphml.loads(text) == nk


@pytest.mark.parametrize("budget", budgets(10, 30))
def test_any_map_survives_graphml_carriage_returns_and_all(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        assert graphml.loads(graphml.dumps(m)) == m

    holds()


def test_a_carriage_return_survives() -> None:
    m = ArgumentMap(title="one\rtwo")
    m.claim("c", "Line one\r\nline two.", note="\r")
    text = graphml.dumps(m)
    assert "\r" not in text
    assert graphml.loads(text) == m


def test_article_gexf_is_read_by_networkx_and_loses_only_the_title(nk: ArgumentMap) -> None:
    with pytest.warns(FormatLossWarning, match="GEXF cannot hold everything") as caught:
        text = gexf.dumps(nk)
    assert [w.message.lost for w in caught if isinstance(w.message, FormatLossWarning)] == [
        ["the map's title"]
    ]
    g = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    assert set(g.edges) == set(to_networkx(nk).edges)
    back = gexf.loads(text)
    assert back.title is None
    back.title = nk.title
    assert back == nk


def test_a_gexf_graph_with_a_time_span_reads(nk: ArgumentMap) -> None:
    # GEXF's <graph start=".." end=".."> lands in networkx's graph attributes; refusing it as
    # map data the reader would drop refused valid files from Gephi.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatLossWarning)
        text = gexf.dumps(nk)
    spanned = text.replace("<graph ", '<graph start="2006" end="2007" ', 1)
    assert spanned != text
    back = gexf.loads(spanned)
    assert back == gexf.loads(text)


@settings(max_examples=examples(20), deadline=None)
@given(maps())
def test_any_untitled_map_survives_gexf(m: ArgumentMap) -> None:
    m.title = None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no title, so nothing is lost and nothing is said
        text = gexf.dumps(m)
    assert gexf.loads(text) == m


def test_sniffing() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    assert graphml.sniff(graphml.dumps(m)[:500])
    assert gexf.sniff(gexf.dumps(m)[:500])
    assert not graphml.sniff('{"argmap": 2}')
    assert not gexf.sniff(graphml.dumps(m)[:500])


@pytest.mark.parametrize("module", [graphml, gexf], ids=["graphml", "gexf"])
def test_broken_xml_is_located(module: object) -> None:
    with pytest.raises(FileFormatError) as info:
        module.loads("<?xml version='1.0'?>\n<graphml>\n<graph><node id='a'></graph>", path="m.x")  # type: ignore[attr-defined]
    assert info.value.path == "m.x"
    assert info.value.line == 3
    assert str(info.value).startswith("m.x:3: not well-formed XML: mismatched tag")


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (graphml, "<foo/>", "not valid GraphML: file not successfully read as graphml"),
        (gexf, "<foo/>", "not valid GEXF:"),
    ],
    ids=["graphml", "gexf"],
)
def test_xml_of_another_kind_is_refused(module: object, text: str, expected: str) -> None:
    with pytest.raises(FileFormatError, match=expected):
        module.loads(text, path="m.x")  # type: ignore[attr-defined]


def test_a_graph_that_is_not_a_map_names_the_node() -> None:
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_node("c", kind="claim")
    text = "\n".join(nx.generate_graphml(g))
    with pytest.raises(FileFormatError) as info:
        graphml.loads(text, path="m.graphml")
    line = text[: text.index('<node id="c"')].count("\n") + 1
    assert str(info.value) == (
        f"m.graphml:{line}: the GraphML graph is not a map: node 'c': field 'text' is required"
    )


def test_a_gexf_attribute_class_networkx_does_not_know_is_a_file_error() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    text = gexf.dumps(m).replace('class="node"', 'class="ode"')
    assert 'class="ode"' in text
    with pytest.raises(FileFormatError, match="not valid GEXF"):
        gexf.loads(text, path="odd.gexf")


@pytest.mark.parametrize("declared", ["utfd8", "latin-1", "UTF-16"])
def test_gexf_text_is_read_as_the_text_it_is_whatever_its_declaration_says(
    declared: str,
) -> None:
    # Found by the long fuzz run: an unknown encoding name escaped as LookupError, and a known
    # one made networkx's parser decode argmap's UTF-8 bytes again ("é" read as "Ã©").
    m = ArgumentMap()
    m.claim("c", "Café, naïve")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatLossWarning)
        text = gexf.dumps(m)
    redeclared = text.replace("encoding='utf-8'", f"encoding='{declared}'", 1)
    assert redeclared != text
    assert gexf.loads(redeclared) == m
    assert argmap.loads(redeclared, format="gexf") == m
