"""A map as a plain networkx graph: only plain attributes, every networkx writer takes it, and
it reads back into an equal map; graphs that do not describe a map fail naming the node or edge."""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
import pytest
from budget import budgets, examples
from hypothesis import given, settings
from strategies import maps

from argmap import ArgumentMap, InvalidMapError, QuoteNotFoundError, Source
from argmap.examples import north_korea
from argmap.io.networkx import from_networkx, to_networkx

PLAIN = (str, int, float, bool)


def _only_plain(g: nx.DiGraph[str]) -> None:
    for node, attrs in g.nodes(data=True):
        assert isinstance(node, str)
        for key, value in attrs.items():
            assert isinstance(key, str)
            assert isinstance(value, PLAIN), (node, key, value)
    for u, v, attrs in g.edges(data=True):
        for key, value in attrs.items():
            assert isinstance(value, PLAIN), (u, v, key, value)
    assert all(isinstance(v, PLAIN) for v in g.graph.values())


def _graphml(g: nx.DiGraph[str]) -> nx.DiGraph[str]:
    file = io.BytesIO()
    nx.write_graphml(g, file)
    file.seek(0)
    again: nx.DiGraph[str] = nx.read_graphml(file)
    return again


def _gexf(g: nx.DiGraph[str]) -> nx.DiGraph[str]:
    file = io.BytesIO()
    nx.write_gexf(g, file)
    file.seek(0)
    again: nx.DiGraph[str] = nx.read_gexf(file)
    return again


def _node_link(g: nx.DiGraph[str]) -> nx.DiGraph[str]:
    text = json.dumps(nx.node_link_data(g, edges="edges"))
    again: nx.DiGraph[str] = nx.node_link_graph(json.loads(text), edges="edges")
    return again


# -- the article's map through every writer -------------------------------------------------------


def test_article_map_has_only_plain_attributes(nk: ArgumentMap) -> None:
    g = to_networkx(nk)
    _only_plain(g)
    assert set(g) == set(nk) | set(nk.sources)
    assert g.graph == {"title": nk.title}
    assert type(g) is nx.DiGraph


def test_article_map_through_graphml_is_an_equal_map(nk: ArgumentMap) -> None:
    g = _graphml(to_networkx(nk))
    assert from_networkx(g) == nk
    assert [n for n in g if g.nodes[n]["kind"] != "source"] == [n.id for n in nk.nodes()]


def test_article_map_through_gexf_reads_back_with_networkx(nk: ArgumentMap) -> None:
    g = to_networkx(nk)
    again = _gexf(g)
    assert set(again.edges) == set(g.edges)
    for node, attrs in g.nodes(data=True):
        assert again.nodes[node] == attrs, node
    # networkx's GEXF writer keeps no graph attributes, so the title alone is lost.
    back = from_networkx(again)
    assert back.title is None
    back.title = nk.title
    assert back == nk


def test_article_map_through_node_link_json_is_an_equal_map(nk: ArgumentMap) -> None:
    assert from_networkx(_node_link(to_networkx(nk))) == nk


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_any_map_survives_the_graph_and_node_link_json(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        g = to_networkx(m)
        _only_plain(g)
        assert from_networkx(g) == m
        assert from_networkx(_node_link(g)) == m
        assert [n.id for n in from_networkx(g).nodes()] == [n.id for n in m.nodes()]

    holds()


@pytest.mark.parametrize("budget", budgets(8, 25))
def test_any_map_survives_gexf_but_its_title(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        back = from_networkx(_gexf(to_networkx(m)))
        back.title = m.title
        assert back == m

    holds()


@pytest.mark.parametrize("budget", budgets(8, 25))
def test_any_map_without_carriage_returns_survives_networkx_graphml(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        # XML readers turn a raw carriage return into a newline; argmap's own GraphML writer
        # escapes it (tests/io/test_formats.py), networkx's does not.
        g = to_networkx(m)
        values = [
            *g.graph.values(),
            *(v for _, attrs in g.nodes(data=True) for v in attrs.values()),
        ]
        if any("\r" in str(v) for v in values):
            return
        assert from_networkx(_graphml(g)) == m

    holds()


# -- what the graph holds --------------------------------------------------------------------------


def test_attributes_name_the_fields(small: ArgumentMap) -> None:
    g = to_networkx(small)
    assert g.nodes["c"] == {
        "kind": "claim",
        "label": "c",
        "text": "The river rose because of the rain.",
        "central": True,
    }
    assert g.nodes["k"]["quotes.0.source"] == "diary"
    assert g.nodes["k"]["quotes.0.text"] == "It rained on Tuesday"
    start = g.nodes["k"]["quotes.0.start"]
    assert (start, g.nodes["k"]["quotes.0.end"]) == (21, 41)
    assert g.nodes["s_case"] == {"kind": "support", "label": "s_case", "scheme": "example"}
    assert g.nodes["a_u"]["question"] == "example.typical"
    assert g.nodes["diary"]["kind"] == "source"
    assert g.nodes["diary"]["title"] == "A diary"
    assert g.edges["diary", "k"] == {"role": "source"}
    assert g.edges["p", "s_link"] == {"role": "premise", "position": 0}
    assert g.edges["q", "s_link"] == {"role": "premise", "position": 1}
    assert g.edges["s_link", "c"] == {"role": "conclusion"}
    assert g.edges["a_u", "s_case"] == {"role": "target"}


def test_answered_questions_and_lists_become_plain_fields() -> None:
    m = ArgumentMap()
    m.add_source(Source(id="src", title="S"))
    m.claim("c", "C.")
    m.case("k", "K.", who=["Amnesty", "UN"], cites=["src"], tags=["a", "b"])
    m.premise("typical", "The case is typical.")
    m.support("k", "c", id="s", scheme="example", answered={"example.typical": "typical"})
    g = to_networkx(m)
    assert g.nodes["k"]["who.0"] == "Amnesty"
    assert g.nodes["k"]["who.1"] == "UN"
    assert g.nodes["k"]["cites.0"] == "src"
    assert g.nodes["k"]["tags.1"] == "b"
    assert g.nodes["s"]["answered.example.typical"] == "typical"
    assert g.edges["src", "k"] == {"role": "source"}
    assert from_networkx(g) == m


def test_the_copy_is_independent_of_the_map(small: ArgumentMap) -> None:
    g = to_networkx(small)
    g.nodes["c"]["text"] = "changed"
    g.remove_node("p")
    assert small["c"].text == "The river rose because of the rain."
    assert "p" in small
    assert to_networkx(small).nodes["c"]["text"] == "The river rose because of the rain."


def test_label_is_ignored_on_reading(small: ArgumentMap) -> None:
    g = to_networkx(small)
    g.nodes["c"]["label"] = "Anything at all"
    assert from_networkx(g) == small


def test_premise_order_comes_from_positions_not_edge_order() -> None:
    g = _hand_built()
    g.add_node("q", kind="premise", text="Q.")
    g.remove_edge("p", "s")
    g.add_edge("q", "s", role="premise", position=0)
    g.add_edge("p", "s", role="premise", position=1)
    assert from_networkx(g)["s"].premises == ("q", "p")  # type: ignore[union-attr]


def test_a_hand_built_graph_needs_no_labels_or_positions() -> None:
    m = from_networkx(_hand_built())
    assert m.supporters("c") == ["p"]
    assert m.title is None
    assert m.central is None


def test_a_frozen_view_reads_too(small: ArgumentMap) -> None:
    assert from_networkx(nx.freeze(to_networkx(small))) == small


# -- graphs that do not fit --------------------------------------------------------------------


def _hand_built() -> nx.DiGraph[Any]:
    g: nx.DiGraph[Any] = nx.DiGraph()
    g.add_node("c", kind="claim", text="C.")
    g.add_node("p", kind="premise", text="P.")
    g.add_node("s", kind="support")
    g.add_edge("p", "s", role="premise")
    g.add_edge("s", "c", role="conclusion")
    return g


def _fails(g: nx.Graph[Any]) -> InvalidMapError:
    with pytest.raises(InvalidMapError) as info:
        from_networkx(g)
    assert "\n" not in str(info.value)
    return info.value


@pytest.mark.parametrize("graph_type", [nx.Graph, nx.MultiDiGraph, nx.MultiGraph])
def test_only_a_directed_simple_graph_fits(graph_type: type[nx.Graph[Any]]) -> None:
    error = _fails(graph_type(_hand_built()))
    assert f"not a {graph_type.__name__}" in str(error)


def test_a_node_id_must_be_text() -> None:
    g = _hand_built()
    g.add_node(3, kind="claim", text="Three.")
    assert "node 3 has a int id" in str(_fails(g))


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"text": "X."}, "node 'x' has no 'kind' attribute; use one of claim, premise"),
        ({"kind": "thesis", "text": "X."}, "node 'x' has unknown kind 'thesis'"),
        (
            {"kind": "claim", "text": "X.", "colour": "red"},
            "node 'x': 'colour' is not a field of a claim; its fields are",
        ),
        (
            {"kind": "claim", "text": "X.", "premises.0": "p"},
            "node 'x': 'premises.0' is not a field of a claim",
        ),
        (
            {"kind": "claim", "text": "X.", "tags": ["a"]},
            "node 'x': attribute 'tags' is a list; attributes are text, numbers or booleans",
        ),
        ({"kind": "claim", "text": "  "}, "node 'x': text: must not be blank"),
        ({"kind": "claim"}, "node 'x': field 'text' is required"),
        ({"kind": "claim", "text": "X.", "tags.a": "t"}, "in 'tags.a', 'a' is not a position"),
        ({"kind": "claim", "text": "X.", "tags.\u00b2": "t"}, "'\u00b2' is not a position"),
        ({"kind": "claim", "text": "X.", "tags.\u0661": "t"}, "'\u0661' is not a position"),
        (
            {"kind": "claim", "text": "X.", "tags": "t", "tags.0": "u"},
            "node 'x' has both 'tags' and 'tags.' fields",
        ),
        (
            {"kind": "claim", "text": "X.", "quotes.0": "q", "quotes.0.text": "q"},
            "node 'x' has both 'quotes.0' and 'quotes.0.text'; keep one",
        ),
        (
            {"kind": "claim", "text": "X.", "quotes.0.text": "q", "quotes.0": "q"},
            "node 'x' has both 'quotes.0' and 'quotes.0.text'",
        ),
        (
            {"kind": "premise", "text": "X.", "central": True},
            "node 'x' is marked central but is a premise",
        ),
        ({"kind": "claim", "text": "X.", "id": "y"}, "node 'x' has an 'id' attribute 'y'"),
    ],
)
def test_a_node_that_does_not_fit_is_named(attrs: dict[str, Any], expected: str) -> None:
    g = _hand_built()
    g.add_node("x", **attrs)
    error = _fails(g)
    assert expected in str(error)
    assert error.node == "x"


def test_numbered_fields_keep_their_order_and_close_gaps() -> None:
    g = _hand_built()
    g.add_node("x", kind="claim", text="X.", **{"tags.10": "ten", "tags.2": "two"})
    assert from_networkx(g)["x"].tags == ("two", "ten")  # type: ignore[union-attr]


def test_two_central_claims_are_refused() -> None:
    g = _hand_built()
    g.add_node("c", central=True)
    g.add_node("d", kind="claim", text="D.", central=True)
    assert "nodes 'c', 'd' are all marked central" in str(_fails(g))


def test_central_marked_false_is_no_central_claim() -> None:
    g = _hand_built()
    g.add_node("c", central=False)
    assert from_networkx(g).central is None


@pytest.mark.parametrize(
    ("edge", "attrs", "expected"),
    [
        (("c", "s"), {}, "edge 'c' -> 's' has no 'role' attribute"),
        (("c", "s"), {"role": "because"}, "edge 'c' -> 's' has unknown role 'because'"),
        (
            ("s", "s2"),
            {"role": "premise"},
            "edge 's' -> 's2' has role 'premise', but a premise edge runs from a statement to a "
            "support or attack, and 's' is a support",
        ),
        (
            ("p", "c"),
            {"role": "premise"},
            "and 'c' is a claim",
        ),
        (
            ("s2", "s"),
            {"role": "conclusion"},
            "a conclusion edge runs from a support to a statement, and 's' is a support",
        ),
        (
            ("a", "src"),
            {"role": "target"},
            "a target edge runs from an attack to a statement, a support or an attack, "
            "and 'src' is a source",
        ),
        (("s2", "p"), {"role": "target"}, "and 's2' is a support"),
        (("src", "s"), {"role": "source"}, "and 's' is a support"),
        (("p", "c"), {"role": "source"}, "and 'p' is a premise"),
        (("c", "s"), {"role": "premise", "position": "first"}, "has position 'first'"),
        (("c", "s"), {"role": "premise", "position": True}, "has position True"),
        (("c", "s"), {"role": "premise", "weight": 2}, "has unknown attribute 'weight'"),
        (("s2", "c"), {"role": "conclusion", "position": 0}, "has unknown attribute 'position'"),
        (("s", "p"), {"role": "conclusion"}, "support 's' has two conclusion edges"),
    ],
)
def test_an_edge_that_does_not_fit_is_named(
    edge: tuple[str, str], attrs: dict[str, Any], expected: str
) -> None:
    g = _hand_built()
    g.add_node("s2", kind="support")
    g.add_edge("p", "s2", role="premise")
    g.add_edge("s2", "c", role="conclusion")
    g.add_node("a", kind="attack")
    g.add_edge("p", "a", role="premise")
    g.add_edge("a", "c", role="target")
    g.add_node("src", kind="source", title="A source")
    g.add_edge(*edge, **attrs)
    assert expected in str(_fails(g))


def test_an_inference_without_a_head_is_named() -> None:
    g = _hand_built()
    g.add_node("a", kind="attack")
    g.add_edge("p", "a", role="premise")
    error = _fails(g)
    assert "attack 'a' has no target edge; add an edge from it with role 'target'" in str(error)
    assert error.node == "a"


def test_an_inference_without_premises_reads_as_a_premise_less_argument() -> None:
    # Carneades allows arguments without premises, and so does the model.
    g = _hand_built()
    g.add_node("s2", kind="support")
    g.add_edge("s2", "c", role="conclusion")
    m = from_networkx(g)
    assert m["s2"].premises == ()
    assert m.supports_of("c")[-1].id == "s2"


def test_source_edges_must_match_quotes_and_citations(small: ArgumentMap) -> None:
    g = to_networkx(small)
    g.remove_edge("diary", "k")
    assert (
        "'k' quotes or cites 'diary', but the graph has no edge 'diary' -> 'k' with role "
        "'source'; add it" in str(_fails(g))
    )
    g = to_networkx(small)
    g.add_edge("diary", "p", role="source")
    error = _fails(g)
    assert "edge 'diary' -> 'p' has role 'source', but 'p' neither quotes nor cites" in str(error)
    assert error.node == "p"


def test_the_maps_own_rules_still_hold(small: ArgumentMap) -> None:
    g = to_networkx(small)
    g.nodes["k"]["quotes.0.text"] = "It snowed on Tuesday"
    with pytest.raises(QuoteNotFoundError, match="case 'k': quote 1"):
        from_networkx(g)
    g = to_networkx(small)
    g.nodes["s_case"]["scheme"] = 3
    assert "node 's_case': scheme: input should be a valid string (got int)" in str(_fails(g))


def test_the_title_must_be_text(small: ArgumentMap) -> None:
    g = to_networkx(small)
    g.graph["title"] = 3
    assert "the graph's title is a int, not text" in str(_fails(g))


def test_map_methods_delegate(small: ArgumentMap) -> None:
    g = small.to_networkx()
    assert nx.utils.graphs_equal(g, to_networkx(small))
    assert ArgumentMap.from_networkx(g) == small


def test_titles_data_weights_and_acknowledgements_survive_every_writer() -> None:
    m = ArgumentMap(title="T")
    m.add_source(Source(id="src", title="S", data={"k": [1, {"a": None}]}))
    m.claim(
        "c",
        "C.",
        title="A claim's title",
        data={"colour": "#fa0", "n": 2.5},
        acknowledge={"AM101": "on purpose", "unsupported-claim": "known"},
        weight=0.25,
        assumption=True,
    )
    m.premise("p", "P.")
    m.support("p", "c", id="s", weight=0.5, title="S", scheme="example")
    g = to_networkx(m)
    _only_plain(g)
    assert g.nodes["c"]["label"] == "A claim's title"
    assert json.loads(str(g.nodes["c"]["data"])) == {"colour": "#fa0", "n": 2.5}
    assert g.nodes["c"]["acknowledge.unsupported-claim"] == "known"
    assert (g.nodes["c"]["weight"], g.nodes["c"]["assumption"]) == (0.25, True)
    assert from_networkx(_graphml(g)) == m
    assert from_networkx(_node_link(g)) == m
    back = from_networkx(_gexf(g))
    back.title = "T"
    assert back == m


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("{not json", "node 'x': 'data' is not valid JSON"),
        (3, "node 'x': 'data' is a int; it holds a JSON string"),
        ('["a list"]', "node 'x': data:"),
    ],
)
def test_data_must_be_a_json_object_string(value: object, expected: str) -> None:
    g = _hand_built()
    g.add_node("x", kind="claim", text="X.", data=value)
    assert expected in str(_fails(g))


def test_the_default_source_is_marked_on_its_node(small: ArgumentMap) -> None:
    small.default_source = "diary"
    g = to_networkx(small)
    assert g.nodes["diary"]["default"] is True
    assert from_networkx(_graphml(g)) == small
    g.nodes["diary"]["default"] = "yes"
    assert "node 'diary': 'default' is 'yes'; it is true or false" in str(_fails(g))
    g.nodes["diary"]["default"] = False
    g.nodes["c"]["default"] = True
    assert "node 'c' is marked default but is a claim" in str(_fails(g))


def test_the_maps_own_data_travels_as_a_json_graph_attribute() -> None:
    # What a format said of the whole map (AIF's dialogue nodes, OVA's layout) must not be
    # dropped on the way to GraphML.
    m = ArgumentMap(title="With data", data={"aif": {"locutions": [{"nodeID": "L1"}]}})
    m.claim("c", "C.")
    g = to_networkx(m)
    assert json.loads(g.graph["data"]) == {"aif": {"locutions": [{"nodeID": "L1"}]}}
    assert from_networkx(g) == m
    assert from_networkx(_graphml(g)) == m


def test_graph_data_that_is_not_a_json_object_is_refused() -> None:
    g = to_networkx(ArgumentMap(title="t"))
    g.graph["data"] = "[1, 2]"
    with pytest.raises(InvalidMapError, match="the graph's data must be a JSON object"):
        from_networkx(g)
    g.graph["data"] = "{not json"
    with pytest.raises(InvalidMapError, match="the graph's data is not valid JSON"):
        from_networkx(g)


def test_numpy_scalars_from_a_dataframe_read_as_the_numbers_and_booleans_they_are() -> None:
    # 'weight' set from a DataFrame (numpy.int64) was refused as "a int64; attributes are text,
    # numbers or booleans", and numpy.bool_ as "a bool; ... booleans".
    np = pytest.importorskip("numpy")
    m = north_korea()
    g = m.to_networkx()
    g.nodes["agenda"]["weight"] = np.int64(1)
    g.nodes["goal"]["assumption"] = np.bool_(True)
    for u, v, attrs in g.edges(data=True):
        if attrs["role"] == "premise":
            g.edges[u, v]["position"] = np.int64(attrs["position"])
    back = ArgumentMap.from_networkx(g)
    assert back["agenda"].weight == 1.0
    assert back.nodes("support") == m.nodes("support")
    g.nodes["goal"]["note"] = np.array([1, 2])
    with pytest.raises(InvalidMapError, match=r"'note' is a numpy\.ndarray; attributes are text"):
        ArgumentMap.from_networkx(g)


@pytest.mark.parametrize("position", [0, float("nan")])
def test_premise_positions_that_do_not_say_an_order_are_refused(position: float) -> None:
    # Every premise at position 0, or at NaN, was read in whatever order the edges came:
    # a linked support's premises silently reordered.
    g = north_korea().to_networkx()
    for u, v, attrs in g.edges(data=True):
        if attrs["role"] == "premise" and v == "s_agenda":
            g.edges[u, v]["position"] = position
    with pytest.raises(InvalidMapError, match="s_agenda"):
        ArgumentMap.from_networkx(g)


@pytest.mark.parametrize(
    ("key", "hint"), [("central", "mark the node instead"), ("author", "'data'")]
)
def test_a_graph_attribute_the_map_would_drop_is_refused(key: str, hint: str) -> None:
    # g.graph["central"] = "pressure" was ignored without a word, while an unknown node
    # attribute is refused.
    g = north_korea().to_networkx()
    g.graph[key] = "pressure"
    with pytest.raises(
        InvalidMapError, match=rf"graph attribute {key!r} is not part of a map.*{hint}"
    ):
        ArgumentMap.from_networkx(g)
    g.graph.pop(key)
    g.graph["name"] = "networkx's own"
    assert ArgumentMap.from_networkx(g) == north_korea()
