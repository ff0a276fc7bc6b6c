"""Styles are data: every kind has one, and no distinction rests on colour alone."""

from __future__ import annotations

import re

import pytest

from argmap.model import INFERENCE_KINDS, STATEMENT_KINDS
from argmap.render.styles import EDGE_STYLES, GAP_COLOURS, NODE_STYLES, EdgeStyle, Legend, NodeStyle

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def test_every_node_kind_has_a_style() -> None:
    assert set(NODE_STYLES) == {"central", *STATEMENT_KINDS, *INFERENCE_KINDS}


def test_every_relation_has_an_edge_style() -> None:
    assert set(EDGE_STYLES) == {"support", "attack", "undercut"}


def test_colours_are_hex() -> None:
    for style in NODE_STYLES.values():
        assert HEX.match(style.fillcolor)
        assert HEX.match(style.color)
    for edge in EDGE_STYLES.values():
        assert HEX.match(edge.color)
    assert all(HEX.match(c) for c in GAP_COLOURS.values())


def test_statement_kinds_differ_in_more_than_fill() -> None:
    looks = {
        (s.shape, s.style, s.peripheries)
        for k, s in NODE_STYLES.items()
        if k in {"central", *STATEMENT_KINDS}
    }
    assert len(looks) == len(STATEMENT_KINDS) + 1


def test_support_and_attack_differ_in_line_and_arrow() -> None:
    support, attack = EDGE_STYLES["support"], EDGE_STYLES["attack"]
    assert support.arrowhead != attack.arrowhead
    assert support.style != attack.style


def test_styles_are_read_only() -> None:
    try:
        NODE_STYLES["claim"] = NODE_STYLES["case"]  # type: ignore[index]
    except TypeError:
        return
    raise AssertionError("NODE_STYLES accepted an assignment")


def test_legend_keeps_the_tables_order() -> None:
    legend = Legend.for_kinds(["rebuttal", "central", "nonsense"], ["undercut", "support"])
    assert legend.nodes == ("central", "rebuttal")
    assert legend.edges == ("support", "undercut")


def test_style_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        NodeStyle("claim", "box", "#FFFFFF", "#000000")  # type: ignore[misc]
    with pytest.raises(TypeError):
        EdgeStyle("supports", "#000000", "solid", "normal")  # type: ignore[misc]
    assert NodeStyle(title="t", shape="box", fillcolor="#FFFFFF", color="#000000").style == "filled"
