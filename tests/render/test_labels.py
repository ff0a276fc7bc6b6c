"""An evaluation drawn on the diagram: labels or strengths on every node, with a legend."""

from __future__ import annotations

import math
import pickle
import re
from pathlib import Path

import pytest
from drawing import Drawing
from test_dot import attrs_of, edges_of, nodes_of

import argmap
from argmap import ArgumentMap, RenderError, UnknownNodeError
from argmap.examples import north_korea
from argmap.render import DiagramOptions, draw, to_dot, to_graphviz
from argmap.render.labels import (
    LABEL_STYLES,
    DiagramLabels,
    diagram_labels,
    strength_fill,
)
from argmap.render.styles import NODE_STYLES
from argmap.semantics import Labelling

LEGEND_NODE = re.compile(r'^\t\t"(?P<name>legend [^"]+)" \[(?P<attrs>.*)\]$', re.MULTILINE)


def legend_of(source: str) -> dict[str, dict[str, str]]:
    return {m["name"]: attrs_of(m["attrs"]) for m in LEGEND_NODE.finditer(source)}


def into_edge(m: ArgumentMap, source: str, inference_id: str) -> dict[str, str]:
    """The attributes of the one edge that carries an inference into what it bears on."""
    inference = m[inference_id]
    edges = edges_of(source)
    for tail in (inference_id, *inference.premises):
        if (tail, inference.target) in edges:
            return attrs_of(edges[(tail, inference.target)])
    raise AssertionError(f"no edge into {inference.target} for {inference_id}")


# -- what labels= accepts ---------------------------------------------------------------------


def test_a_dung_labelling_is_kept_with_its_semantics() -> None:
    lab = argmap.evaluate(north_korea(), "grounded")
    marks = diagram_labels(lab)
    assert marks.kind == "labels"
    assert marks.semantics == "grounded"
    assert dict(marks) == {n: LABEL_STYLES[v].mark for n, v in lab.labels.items()}
    assert DiagramOptions(labels=lab).marks == marks


def test_a_gradual_labelling_is_kept_as_strengths() -> None:
    lab = argmap.evaluate(north_korea(), "dfquad")
    marks = diagram_labels(lab)
    assert marks.kind == "strengths"
    assert marks.semantics == "dfquad"
    assert marks.strength("agenda") == pytest.approx(lab["agenda"])
    assert marks.mark("agenda") == f"{lab['agenda']:.2f}"


@pytest.mark.parametrize(
    ("given", "kind"),
    [
        ({"c": "in", "r": "undec"}, "labels"),
        ({"c": 0.25, "r": 1}, "strengths"),
        ({"c": "accepted"}, "texts"),
        ({"c": "in", "r": "maybe"}, "texts"),  # not all labels: notes, written as given
        ({}, "texts"),
    ],
)
def test_a_mapping_is_read_by_its_values(given: dict[str, object], kind: str) -> None:
    marks = diagram_labels(given)
    assert marks.kind == kind
    assert marks.semantics is None
    assert set(marks) == set(given)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (["in"], "labels must be a Labelling, such as argmap.evaluate"),
        ("in", "labels must be a Labelling"),
        ({1: "in"}, "labels must be a Labelling"),
        ({"c": 1.5}, "the strength of 'c' must be between 0 and 1, not 1.5"),
        ({"c": -0.1}, "the strength of 'c' must be between 0 and 1"),
        ({"c": math.nan}, "the strength of 'c' must be between 0 and 1"),
        ({"c": True}, "one kind for all"),
        ({"c": 0.5, "r": "in"}, "one kind for all"),
        (Labelling(semantics="grounded", labels={"c": "yes"}), "'c' is labelled 'yes'"),  # type: ignore[dict-item]
        (Labelling(semantics="dfquad", strengths={"c": 2.0}), r"labels \(dfquad semantics\)"),
    ],
)
def test_labels_that_are_not_a_labelling_are_render_errors(given: object, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        DiagramOptions(labels=given)  # type: ignore[arg-type]


def test_marks_are_read_only() -> None:
    options = DiagramOptions(labels={"agenda": "in"})
    assert isinstance(options.labels, DiagramLabels)
    with pytest.raises(TypeError):
        options.labels["agenda"] = "out"  # type: ignore[index]


def test_strength_fill_runs_from_white_to_blue() -> None:
    assert strength_fill(0) == "#FFFFFF"
    assert strength_fill(1) == "#56B4E9"
    steps = [int(strength_fill(s / 10)[1:3], 16) for s in range(11)]
    assert steps == sorted(steps, reverse=True)  # darker as it grows


# -- the DOT ----------------------------------------------------------------------------------


def test_grounded_labels_fill_and_name_every_node_and_inference() -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "grounded")
    source = to_dot(m, labels=lab)
    nodes = {name: attrs_of(a) for name, a in nodes_of(source).items()}
    for statement in m.statements():
        style = LABEL_STYLES[lab[statement.id]]
        attrs = nodes[statement.id]
        assert attrs["fillcolor"] == style.fill, statement.id
        assert f"<B>{style.mark}</B>" in attrs["label"], statement.id
        assert f"label-{lab[statement.id]}" in attrs["class"].split()
        # The kind is still there: its border colour and its name in the header.
        kind = "central" if statement.id == m.central else statement.kind
        assert attrs["color"] == NODE_STYLES[kind].color
        assert NODE_STYLES[kind].title in attrs["label"].lower()
    for inference in m.inferences():
        style = LABEL_STYLES[lab[inference.id]]
        edge = into_edge(m, source, inference.id)
        assert f"<B>{style.mark}</B>" in edge["label"], inference.id
        assert f"label-{lab[inference.id]}" in edge["class"].split()


def test_without_labels_nothing_is_marked() -> None:
    # The test above would pass on a builder that ignored labels only if this one failed.
    source = to_dot(north_korea())
    assert "label-" not in source
    assert "<B>OUT</B>" not in source
    assert "cluster_legend_labels" not in source
    agenda = attrs_of(nodes_of(source)["agenda"])
    assert agenda["fillcolor"] == NODE_STYLES["central"].fillcolor


def test_the_legend_names_the_semantics_and_every_label() -> None:
    source = to_dot(north_korea(), labels=argmap.evaluate(north_korea(), "preferred"))
    assert "subgraph cluster_legend_labels {" in source
    assert "preferred semantics (Dung), sceptical labels" in source
    legend = legend_of(source)
    for label, style in LABEL_STYLES.items():
        sample = legend[f"legend label {label}"]
        assert sample["fillcolor"] == style.fill
        assert f"<B>{style.mark}</B>" in sample["label"]
        assert style.title in sample["label"]
    # The kinds' samples are white: the fill now says the label, not the kind.
    assert legend["legend claim"]["fillcolor"] == "#FFFFFF"
    assert "legend label none" not in legend  # every node is labelled


def test_strengths_are_written_and_graded() -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "dfquad")
    source = to_dot(m, labels=lab)
    nodes = {name: attrs_of(a) for name, a in nodes_of(source).items()}
    for statement in m.statements():
        value = lab[statement.id]
        assert nodes[statement.id]["fillcolor"] == strength_fill(value)
        assert f"strength {value:.2f}" in nodes[statement.id]["label"]
    for inference in m.inferences():
        assert f"strength {lab[inference.id]:.2f}" in into_edge(m, source, inference.id)["label"]
    assert nodes["reacts"]["fillcolor"] != nodes["withdrawal"]["fillcolor"]
    legend = legend_of(source)
    assert "DF-QuAD strengths" in source
    assert legend["legend strength 0"]["fillcolor"] == "#FFFFFF"
    assert legend["legend strength 1"]["fillcolor"] == "#56B4E9"
    assert "legend label in" not in legend


def test_a_partial_labelling_leaves_the_rest_unmarked_and_says_so() -> None:
    m = north_korea()
    source = to_dot(m, labels={"agenda": "out", "reacts": "in"})
    nodes = {name: attrs_of(a) for name, a in nodes_of(source).items()}
    assert nodes["agenda"]["fillcolor"] == LABEL_STYLES["out"].fill
    assert nodes["uk"]["fillcolor"] == "#FFFFFF"
    assert "<B>" not in nodes["uk"]["label"]
    assert "unlabelled" in nodes["uk"]["class"].split()
    legend = legend_of(source)
    assert "not in the labelling" in legend["legend label none"]["label"]
    assert "labels" in source  # no semantics named: the legend says only "labels"


def test_a_label_for_an_unknown_id_names_it() -> None:
    m = north_korea()
    with pytest.raises(UnknownNodeError, match=r"labels name 'ghost', which is not a node"):
        to_dot(m, labels={"agenda": "in", "ghost": "out"})
    with pytest.raises(UnknownNodeError, match="'ghost'"):
        argmap.render.to_html(m, labels={"ghost": 0.5}, gaps=())


def test_a_labelling_of_another_map_is_refused() -> None:
    other = ArgumentMap()
    other.claim("elsewhere", "Another map's claim.")
    with pytest.raises(UnknownNodeError, match="was the labelling made from another map"):
        north_korea().to_dot(labels=argmap.evaluate(other))


def test_a_labelling_made_before_the_map_grew_marks_what_it_knows() -> None:
    m = north_korea()
    lab = argmap.evaluate(m)
    m.premise("late", "Added after the evaluation.")
    m.support("late", "agenda", id="s_late")
    source = m.to_dot(labels=lab)
    nodes = {name: attrs_of(a) for name, a in nodes_of(source).items()}
    assert "unlabelled" in nodes["late"]["class"].split()
    assert "unlabelled" in into_edge(m, source, "s_late")["class"].split()
    assert "legend label none" in legend_of(source)


def test_focus_draws_the_whole_maps_labels_on_the_neighbourhood() -> None:
    m = north_korea()
    lab = argmap.evaluate(m)
    source = to_dot(m, labels=lab, focus="withdrawal", depth=1)
    nodes = {name: attrs_of(a) for name, a in nodes_of(source).items()}
    assert set(nodes) == {"withdrawal", "agenda", "unfounded", "japan_friction"}
    for node_id, attrs in nodes.items():
        assert attrs["fillcolor"] == LABEL_STYLES[lab[node_id]].fill
    assert "evidential semantics (argmap's default), of the whole map" in source
    assert "legend label none" not in legend_of(source)  # undrawn nodes are no gap


def test_notes_are_written_as_before_without_a_fill() -> None:
    source = to_dot(north_korea(), labels={"agenda": "<accepted>"})
    attrs = attrs_of(nodes_of(source)["agenda"])
    assert "◆ &lt;accepted&gt;" in attrs["label"]
    assert attrs["fillcolor"] == NODE_STYLES["central"].fillcolor
    assert '"legend label note"' in source


def test_the_map_methods_and_graphviz_take_labels() -> None:
    m = north_korea()
    lab = argmap.evaluate(m)
    assert m.to_dot(labels=lab) == to_dot(m, labels=lab)
    assert to_graphviz(m, labels=lab).source == to_dot(m, labels=lab)
    assert m.to_graphviz(options=DiagramOptions(labels=lab)).source == to_dot(m, labels=lab)
    assert draw(m, format="dot", labels=lab).decode() == to_dot(m, labels=lab)


# -- the SVG the engine draws -----------------------------------------------------------------


@pytest.mark.needs_engine
def test_the_svg_shows_each_grounded_label_and_the_legend() -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "grounded")
    drawing = Drawing.parse(draw(m, format="svg", labels=lab))
    nodes = drawing.map_nodes()
    for statement in m.statements():
        node = nodes[statement.id]
        style = LABEL_STYLES[lab[statement.id]]
        assert style.fill.lower() in drawing.fills(node), statement.id
        assert style.mark in drawing.text(node), statement.id
    for inference in m.inferences():
        label = LABEL_STYLES[lab[inference.id]].mark
        edges = [
            e
            for (tail, head), e in drawing.map_edges().items()
            if head == inference.target and tail in (inference.id, *inference.premises)
        ]
        assert any(label in drawing.text(e) for e in edges), inference.id
    legend = {t for n in drawing.nodes.values() for t in drawing.text(n)}
    assert {"IN", "OUT", "UNDEC", " accepted", " rejected", " undecided"} <= legend
    titles = {"".join(t.itertext()) for t in drawing.root.iter() if t.tag.endswith("text")}
    assert "grounded semantics (Dung)" in titles


@pytest.mark.needs_engine
def test_the_svg_shows_each_strength_as_number_and_fill() -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "qe")
    drawing = Drawing.parse(draw(m, format="svg", labels=lab))
    nodes = drawing.map_nodes()
    for statement in m.statements():
        value = lab[statement.id]
        assert strength_fill(value).lower() in drawing.fills(nodes[statement.id])
        assert f"strength {value:.2f}" in drawing.text(nodes[statement.id])
    titles = {"".join(t.itertext()) for t in drawing.root.iter() if t.tag.endswith("text")}
    assert "quadratic-energy strengths" in titles
    assert {"strength 0.00", "strength 0.50", "strength 1.00"} <= titles


@pytest.mark.parametrize("semantics", ["grounded", "dfquad"])
def test_the_docs_labelled_images_say_what_the_semantics_says(semantics: str) -> None:
    """docs/images/north-korea-<semantics>.svg, by scripts/make_diagram.py, are not stale."""
    path = Path(__file__).resolve().parents[2] / "docs" / "images" / f"north-korea-{semantics}.svg"
    m = north_korea()
    lab = argmap.evaluate(m, semantics)
    drawing = Drawing.parse(path.read_bytes())
    stale = f"{path.name} is stale: run scripts/make_diagram.py"
    assert {s.id for s in m.statements()} <= set(drawing.map_nodes()), stale
    for statement in m.statements():
        value = lab[statement.id]
        said = f"strength {value:.2f}" if lab.is_gradual else LABEL_STYLES[value].mark
        assert said in drawing.text(drawing.map_nodes()[statement.id]), stale


@pytest.mark.parametrize("semantics", ["grounded", "dfquad"])
def test_options_with_labels_pickle(semantics: str) -> None:
    options = DiagramOptions(labels=argmap.evaluate(north_korea(), semantics), focus="uk")
    copy = pickle.loads(pickle.dumps(options))  # our own data
    assert copy == options
    assert copy.marks is not None
    assert copy.marks.semantics == semantics
    assert to_dot(north_korea(), options=copy) == to_dot(north_korea(), options=options)
