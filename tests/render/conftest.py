"""Fixtures for the diagram tests."""

from __future__ import annotations

import pytest
from drawing import HOSTILE_TEXTS

from argmap import ArgumentMap


@pytest.fixture
def hostile() -> ArgumentMap:
    """A map whose ids are DOT keywords or hold ':' and '.', and whose texts try to break out."""
    m = ArgumentMap(title='<script>alert("t")</script> \\ "title" ] \\G \\L')
    m.claim("node", HOSTILE_TEXTS["node"], note='a "note" with \\ and <i>')
    m.premise("graph", HOSTILE_TEXTS["graph"])
    m.premise("strict", HOSTILE_TEXTS["strict"])
    m.premise("p.x:1", HOSTILE_TEXTS["p.x:1"])
    m.rebuttal("edge", HOSTILE_TEXTS["edge"])
    m.case("subgraph", HOSTILE_TEXTS["subgraph"], attribution='"they say" <b>')
    m.premise("N", HOSTILE_TEXTS["N"], note="\\L \\N")
    m.premise("E", HOSTILE_TEXTS["E"])
    m.support(["graph", "strict"], "node", id="s")
    m.support("p.x:1", "node", id="digraph")
    m.support("subgraph", "graph", id="s2")
    m.attack("edge", "s", id="u")
    m.support(["N", "E"], "graph", id="s3")
    m.central = "node"
    return m
