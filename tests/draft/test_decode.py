"""The evidence graph's decoder: the best tree, checked against networkx's Edmonds."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.draft.decode import arborescence, parse
from argmap.draft.model import default_model

NONE = float("-inf")


@st.composite
def dense_graphs(draw: st.DrawFn) -> list[list[float]]:
    n = draw(st.integers(min_value=2, max_value=8))
    weights = st.one_of(st.sampled_from([0.0, 0.5, 1.0]), st.floats(0, 1))
    return [[draw(weights) if d not in (h, 0) else NONE for d in range(n)] for h in range(n)]


@given(dense_graphs())
def test_the_tree_weighs_as_much_as_networkx_finds(score: list[list[float]]) -> None:
    heads = arborescence(score, 0)
    n = len(score)
    assert heads[0] == -1
    for d in range(1, n):  # every node reaches the root: a tree
        seen: set[int] = set()
        v = d
        while v != 0:
            assert v not in seen
            seen.add(v)
            v = heads[v]
    g: nx.DiGraph[int] = nx.DiGraph()
    for h in range(n):
        for d in range(n):
            if score[h][d] != NONE:
                g.add_edge(h, d, weight=score[h][d])
    best = nx.maximum_spanning_arborescence(g)
    expected = sum(g[u][v]["weight"] for u, v in best.edges())
    assert sum(score[heads[d]][d] for d in range(1, n)) == pytest.approx(expected)


def test_parse_needs_units_and_paragraphs() -> None:
    with pytest.raises(ValueError, match="at least one unit"):
        parse([], [], default_model())
    with pytest.raises(ValueError, match="paragraph number for each"):
        parse(["A b c."], [], default_model())


def test_blocks_decode_long_texts_into_one_tree() -> None:
    texts = [f"Unit number {k} says something." for k in range(50)]
    p = parse(texts, [k // 5 for k in range(50)], default_model(), block=8)
    assert p.parent[p.central] is None
    assert sum(h is None for h in p.parent) == 1
    assert all(0.0 <= c <= 1.0 for c in p.confidence)
