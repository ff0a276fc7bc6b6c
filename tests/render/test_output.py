"""Drawing maps to bytes and files, checked by parsing the SVG the engine draws."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from drawing import HOSTILE_TEXTS, WORD_JOINER, Drawing, assert_no_active_content, big_map

from argmap import (
    ArgmapError,
    ArgumentMap,
    FileFormatError,
    RendererNotFoundError,
    RenderError,
    UnknownNodeError,
)
from argmap.examples import north_korea
from argmap.render import draw, engine
from argmap.render.styles import EDGE_STYLES, GAP_COLOURS, NODE_STYLES


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: str
    nodes: tuple[str, ...]
    message: str


@pytest.fixture(scope="module")
def article_svg() -> Drawing:
    return Drawing.parse(draw(north_korea(), format="svg"))


@pytest.mark.needs_engine
def test_every_statement_is_drawn_in_its_kinds_style(article_svg: Drawing) -> None:
    m = north_korea()
    nodes = article_svg.map_nodes()
    for statement in m.statements():
        node = nodes[statement.id]
        kind = "central" if statement.id == m.central else statement.kind
        assert statement.kind in article_svg.classes(node)
        assert NODE_STYLES[kind].fillcolor.lower() in article_svg.fills(node)
        assert NODE_STYLES[kind].color.lower() in article_svg.strokes(node)
        assert any(f"{statement.id}" in line for line in article_svg.text(node))
    assert "central" in article_svg.classes(nodes["agenda"])


@pytest.mark.needs_engine
def test_every_inference_is_drawn_in_its_relations_style(article_svg: Drawing) -> None:
    m = north_korea()
    edges = article_svg.map_edges()
    for inference in m.inferences():
        head = inference.target
        relation = (
            "support"
            if inference.kind == "support"
            else "undercut"
            if m[head].kind == "support"
            else "attack"
        )
        for premise in inference.premises:
            edge = edges.get((premise, head)) or edges[(premise, inference.id)]
            assert relation in article_svg.classes(edge)
            assert EDGE_STYLES[relation].color.lower() in article_svg.strokes(edge)
    # The undercut support: its premise meets a junction, from which the arrow goes on.
    assert "junction" in article_svg.classes(article_svg.nodes["s_effective"])
    assert ("s_effective", "pressure") in edges


@pytest.mark.needs_engine
def test_the_legend_is_drawn(article_svg: Drawing) -> None:
    legend = {k for k, v in article_svg.nodes.items() if "legend" in article_svg.classes(v)}
    assert {"legend central", "legend claim", "legend case", "legend rebuttal"} <= legend


@pytest.mark.needs_engine
def test_hostile_labels_give_valid_dot_and_inert_svg(hostile: ArgumentMap) -> None:
    svg = draw(hostile, format="svg", wrap=200)  # a line of text per line of the SVG
    assert_no_active_content(svg)
    drawing = Drawing.parse(svg)
    nodes = drawing.map_nodes()
    assert {s.id for s in hostile.statements()} <= set(nodes)
    # The texts come through as text, whatever they hold, line for line: no escape expanded.
    for node_id, text in HOSTILE_TEXTS.items():
        lines = [" ".join(line.split()) for line in text.splitlines()]
        drawn = [line.replace(WORD_JOINER, "") for line in drawing.text(nodes[node_id])]
        assert drawn[1 : 1 + len(lines)] == lines, node_id  # after the header
        tooltip = drawing.tooltip(nodes[node_id]).replace(WORD_JOINER, "")
        assert tooltip.split("\n")[: len(lines)] == text.replace("\t", " ").splitlines()
    assert drawing.tooltip(nodes["N"]).replace(WORD_JOINER, "").endswith("note: \\L \\N")
    title = drawing.text(drawing.root)[0]  # the graph's label comes first
    assert title.replace(WORD_JOINER, "") == hostile.title
    assert drawing.tooltip(drawing.root).replace(WORD_JOINER, "") == hostile.title
    assert ("p.x:1", "node") in drawing.map_edges()
    assert ("edge", "s") in drawing.map_edges()


@pytest.mark.needs_engine
def test_gap_tooltips_name_the_rule() -> None:
    gap = Finding("AM101", "unsupported-claim", "error", ("keeps_relations",), "nothing backs it")
    drawing = Drawing.parse(draw(north_korea(), format="svg", gaps=[gap]))
    node = drawing.nodes["keeps_relations"]
    assert drawing.tooltip(node).startswith("AM101 unsupported-claim: nothing backs it")
    assert "gap" in drawing.classes(node)
    assert GAP_COLOURS["error"].lower() in drawing.strokes(node)


@pytest.mark.needs_engine
def test_focus_draws_the_neighbourhood() -> None:
    drawing = Drawing.parse(draw(north_korea(), format="svg", focus="uk", depth=1))
    assert set(drawing.map_nodes()) == {"uk", "concedes", "keeps_relations"}
    assert set(drawing.map_edges()) == {("uk", "concedes"), ("uk", "keeps_relations")}


@pytest.mark.needs_engine
@pytest.mark.parametrize(
    ("name", "magic"),
    [("m.svg", b"<?xml"), ("m.png", b"\x89PNG"), ("m.pdf", b"%PDF"), ("m.dot", b"digraph")],
)
def test_the_suffix_chooses_the_format(tmp_path: Path, name: str, magic: bytes) -> None:
    out = north_korea().render(tmp_path / name, focus="uk")
    assert out == tmp_path / name
    assert out.read_bytes().startswith(magic)


@pytest.mark.needs_engine
def test_format_overrides_the_suffix(tmp_path: Path) -> None:
    out = north_korea().render(tmp_path / "diagram", format="png", focus="uk")
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("fmt", [3, b"svg", ["svg"], "gif"])
def test_a_format_it_does_not_draw_is_a_render_error(fmt: object) -> None:
    with pytest.raises(
        RenderError, match=r"unknown drawing .*; use one of svg, png, pdf, dot, html"
    ):
        draw(north_korea(), format=fmt)  # type: ignore[arg-type]


def test_a_timeout_that_is_not_a_number_is_a_render_error() -> None:
    with pytest.raises(RenderError, match=r"timeout must be a positive, finite number .*, not '9'"):
        draw(north_korea(), format="svg", timeout="9")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["map.jpg", "map"])
def test_unknown_suffix_names_the_path_and_the_choices(tmp_path: Path, name: str) -> None:
    with pytest.raises(FileFormatError, match=r"map.*\.svg, \.png, \.pdf, \.dot, \.gv"):
        north_korea().render(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="unknown format 'gif'"):
        north_korea().render(tmp_path / "m.svg", format="gif")


def test_a_failed_drawing_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(source: str, *, timeout: float) -> str:
        raise RenderError("engine broke")

    monkeypatch.setattr(engine, "layout_svg", fail)
    out = tmp_path / "m.svg"
    out.write_text("the old diagram")
    with pytest.raises(RenderError, match="engine broke"):
        north_korea().render(out)
    assert out.read_text() == "the old diagram"
    assert [p.name for p in tmp_path.iterdir()] == ["m.svg"]
    with pytest.raises(RenderError):
        north_korea().render(tmp_path / "new.png")
    assert not (tmp_path / "new.png").exists()


def test_a_missing_folder_is_an_argmap_error(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="does not exist"):
        north_korea().render(tmp_path / "nowhere" / "m.dot")


def test_unknown_focus_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UnknownNodeError, match="'nope'"):
        north_korea().render(tmp_path / "m.dot", focus="nope")
    assert list(tmp_path.iterdir()) == []


def test_no_engine_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Path:
        raise RendererNotFoundError(f"no layout engine; {engine.INSTALL_HINT}")

    monkeypatch.setattr(engine, "find_layout_engine", missing)
    with pytest.raises(RendererNotFoundError, match="pip install graphviz-pure"):
        north_korea().render(tmp_path / "m.svg")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.needs_engine
def test_thousands_of_nodes_are_all_drawn() -> None:
    m = big_map(3000)
    drawing = Drawing.parse(draw(m, format="svg", legend=False, tooltips=False))
    assert len(drawing.map_nodes()) == 3000
    assert len(drawing.map_edges()) == 2999
