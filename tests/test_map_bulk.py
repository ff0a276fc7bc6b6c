"""Maps built in bulk from validated models (``from_validated``, ``copy``, the readers) are the
maps built node by node, and refuse what the node by node path refuses, with the same error."""

from __future__ import annotations

import copy
import pickle
import warnings
from typing import Any

import pytest
from budget import budgets, examples
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps
from test_index import _as_data, _graph_agrees

from argmap import ArgumentMap, Attack, Case, Claim, Premise, Quote, Source, Support
from argmap.exceptions import InvalidMapError, UnknownSchemeWarning


def _outcome(build: Any) -> tuple[str, Any]:
    """What a build gives: the map, or the error's type, message, place and node."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            m = build()
    except InvalidMapError as exc:
        return "error", (type(exc), str(exc), exc.place, exc.node)
    return "map", (m, [str(w.message) for w in caught])


def _both(sources: list[Source], nodes: list[Any]) -> tuple[Any, Any]:
    bulk = _outcome(lambda: ArgumentMap.from_validated(sources=sources, nodes=nodes))
    one_by_one = _outcome(lambda: ArgumentMap(sources=sources, nodes=nodes))
    return bulk, one_by_one


def _agree(bulk: tuple[str, Any], one_by_one: tuple[str, Any]) -> None:
    assert bulk[0] == one_by_one[0], (bulk, one_by_one)
    if bulk[0] == "error":
        assert bulk[1] == one_by_one[1]
        return
    (m, said), (n, said_too) = bulk[1], one_by_one[1]
    assert said == said_too  # the same warnings, in the same order
    assert m == n
    assert [x.id for x in m.nodes()] == [x.id for x in n.nodes()]
    assert _as_data(m.index) == _as_data(n.index)
    assert list(m.graph.edges(data="role")) == list(n.graph.edges(data="role"))
    _graph_agrees(m)


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_a_bulk_build_is_the_node_by_node_build_even_of_broken_node_lists(budget: int) -> None:
    """Valid maps, shuffled, with nodes dropped (dangling references) or repeated (ids twice):
    the bulk path builds the same map or raises the same error, at the same place."""

    @settings(max_examples=examples(budget), deadline=None)
    @given(maps(max_statements=8, rich=True), st.data())
    def holds(m: ArgumentMap, data: st.DataObject) -> None:
        nodes: list[Any] = m.nodes()
        sources = list(m.sources.values())
        _agree(*_both(sources, nodes))
        nodes = data.draw(st.permutations(nodes))
        if nodes and data.draw(st.booleans()):
            del nodes[data.draw(st.integers(0, len(nodes) - 1))]
        if nodes and data.draw(st.booleans()):
            nodes.append(data.draw(st.sampled_from(nodes)))
        if data.draw(st.booleans()):
            sources = sources[:1]  # a quote or a citation may lose its source
        _agree(*_both(sources, nodes))

    holds()


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_copies_and_unpickled_maps_keep_graph_and_index_in_step(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps(max_statements=8, rich=True))
    def holds(m: ArgumentMap) -> None:
        fresh = ArgumentMap(title=m.title, sources=list(m.sources.values()), nodes=m.nodes())
        for twin in (m.copy(), copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
            assert twin == m
            assert _as_data(twin.index) == _as_data(m.index) == _as_data(fresh.index)
            _graph_agrees(twin)

    holds()


_C = Claim(id="c", text="C.")
_P = Premise(id="p", text="P.")
_S = Support(id="s", premises=("p",), conclusion="c")


class _MyClaim(Claim):
    pass


@pytest.mark.parametrize(
    ("sources", "nodes", "message"),
    [
        ([], [_C, _P, _S, Claim(id="p", text="Again.")], "id 'p' is already used"),
        ([Source(id="c", title="T")], [_C], "id 'c' is already used"),
        ([], [_C, _S], "unknown node 'p' (referred to by 's')"),
        ([], [_C, _P, _S, Support(id="s2", premises=("p",), conclusion="s")], "is an inference"),
        ([], [_C, _P, _S, Support(id="s2", premises=("s",), conclusion="c")], "is an inference"),
        ([], [_C, _P, Support(id="s", premises=("p",), conclusion="s")], "concludes itself"),
        (
            [],
            [
                _C,
                _P,
                Attack(id="a1", premises=("p",), target="a2"),
                Attack(id="a2", premises=("p",), target="a1"),
            ],
            "target each other in a circle",
        ),
        (
            [Source(id="src", title="T", text="It rained.")],
            [Case(id="e", text="E.", quotes=(Quote(source="src", text="snowed"),))],
            "does not occur verbatim",
        ),
        ([], [Case(id="e", text="E.", cites=("nowhere",))], "cites unknown source 'nowhere'"),
        (
            [],
            [_C, _P, Support(id="s", premises=("p",), conclusion="c", answered={"q": "p"})],
            "names no scheme",
        ),
        (
            [],
            [_C, _P, Attack(id="a", premises=("p",), target="c", question="q")],
            "raises question",
        ),
        ([], [_C, "not a node"], "not str"),
    ],
)
def test_the_bulk_path_refuses_what_the_map_refuses_naming_the_place(
    sources: list[Source], nodes: list[Any], message: str
) -> None:
    bulk, one_by_one = _both(sources, nodes)
    assert bulk[0] == "error"
    assert message in bulk[1][1]
    assert bulk[1][2] is not None  # the place in the input: nodes[i], sources[i]
    _agree(bulk, one_by_one)


def test_a_subclass_of_a_node_model_is_added_as_the_map_adds_it() -> None:
    bulk, one_by_one = _both([], [_MyClaim(id="c", text="C."), _P, _S])
    _agree(bulk, one_by_one)


def test_a_misspelt_scheme_warns_once_per_inference_in_order() -> None:
    nodes = [_C, _P, Support(id="s1", premises=("p",), conclusion="c", scheme="exampel")]
    nodes.append(Support(id="s2", premises=("p",), conclusion="c", scheme="exampel"))
    with pytest.warns(UnknownSchemeWarning) as caught:
        ArgumentMap.from_validated(nodes=nodes)
    assert [str(w.message)[:13] for w in caught] == ["support 's1':", "support 's2':"]
