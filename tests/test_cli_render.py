"""`argmap render`: exit codes and outputs, with maps built through the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import dump, evaluate
from argmap.cli import main
from argmap.examples import north_korea


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "nk.json"
    dump(north_korea(), path)
    return path


@pytest.mark.needs_engine
@pytest.mark.parametrize(("name", "magic"), [("nk.svg", b"<?xml"), ("nk.png", b"\x89PNG")])
def test_render_writes_the_diagram(map_file: Path, name: str, magic: bytes) -> None:
    out = map_file.parent / name
    result = CliRunner().invoke(main, ["render", str(map_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out}\n"
    assert out.read_bytes().startswith(magic)


def test_render_dot_with_focus_and_gaps(map_file: Path) -> None:
    out = map_file.parent / "nk.dot"
    args = ["render", str(map_file), "-o", str(out), "--focus", "uk", "--depth", "1", "--gaps"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    source = out.read_text("utf-8")
    assert '"uk" -> "concedes"' in source
    assert '"japan"' not in source
    assert " gap" in source  # the uncited case is outlined


def test_format_option_overrides_the_suffix(map_file: Path) -> None:
    out = map_file.parent / "diagram.txt"
    result = CliRunner().invoke(main, ["render", str(map_file), "-o", str(out), "--format", "dot"])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("digraph")


def _one_line_error(result_output: str) -> str:
    lines = result_output.strip().splitlines()
    assert len(lines) == 1, result_output
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_unknown_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", str(tmp_path / "missing.json"), "-o", str(tmp_path / "m.svg")]
    )
    assert result.exit_code == 2
    assert "missing.json" in _one_line_error(result.output)


def _error(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 2
    return result.output


def test_unknown_focus_is_named_as_the_option(map_file: Path) -> None:
    out = map_file.parent / "m.svg"
    assert _error("render", str(map_file), "-o", str(out), "--focus", "nope") == (
        f"Error: --focus 'nope': {map_file} has no node with this id; check its spelling\n"
    )
    assert not out.exists()


def test_depth_without_focus_says_the_options(map_file: Path) -> None:
    out = map_file.parent / "m.svg"
    assert _error("render", str(map_file), "-o", str(out), "--depth", "2") == (
        "Error: --depth needs --focus: name the node whose neighbourhood to draw\n"
    )


def test_a_format_that_is_no_diagram_points_to_convert(map_file: Path) -> None:
    out = map_file.parent / "m.yaml"
    assert _error("render", str(map_file), "-o", str(out)) == (
        f"Error: {out}: yaml (argmap's own format, as YAML) is no diagram; draw svg, png, pdf, "
        "dot, html, or write the map itself with `argmap convert`\n"
    )
    assert not out.exists()


def test_bad_suffix(map_file: Path) -> None:
    out = map_file.parent / "m.jpg"
    assert _error("render", str(map_file), "-o", str(out)) == (
        f"Error: {out}: cannot tell the format from the suffix '.jpg'; use one of .json, .yaml, "
        ".yml, .argdown, .ad, .xml, .graphml, .gexf, .svg, .png, .pdf, .dot, .gv, .html, .htm, "
        "or pass --format\n"
    )
    assert not out.exists()


def test_an_input_of_unknown_format_says_from(map_file: Path) -> None:
    odd = map_file.parent / "nk.txt"
    odd.write_text("{}", encoding="utf-8")
    assert _error("render", str(odd), "-o", str(map_file.parent / "m.svg")) == (
        f"Error: {odd}: cannot tell the format from the suffix '.txt'; use one of .json, .yaml, "
        ".yml, .argdown, .ad, .xml, .graphml, .gexf, or pass --from\n"
    )


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "dfquad", "qe", "carneades"])
def test_labels_evaluates_then_draws(map_file: Path, semantics: str) -> None:
    out = map_file.parent / "nk.dot"
    result = CliRunner().invoke(
        main, ["render", str(map_file), "-o", str(out), "--labels", semantics]
    )
    assert result.exit_code == 0, result.output
    source = out.read_text("utf-8")
    assert "subgraph cluster_legend_labels" in source
    lab = evaluate(north_korea(), semantics)
    mark = f"strength {lab['agenda']:.2f}" if lab.is_gradual else f"<B>{lab['agenda'].upper()}</B>"
    agenda = next(line for line in source.splitlines() if line.startswith('\t"agenda" ['))
    assert mark in agenda


def test_labels_with_focus_mark_the_neighbourhood(map_file: Path) -> None:
    out = map_file.parent / "nk.dot"
    args = ["render", str(map_file), "-o", str(out), "--labels", "grounded", "--focus", "uk"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    source = out.read_text("utf-8")
    assert "label-in" in source
    assert "of the whole map" in source


def test_an_unknown_semantics_is_one_error_line_and_writes_nothing(map_file: Path) -> None:
    out = map_file.parent / "nk.svg"
    result = CliRunner().invoke(
        main, ["render", str(map_file), "-o", str(out), "--labels", "groundd"]
    )
    assert result.exit_code == 2
    line = _one_line_error(result.output)
    assert "unknown semantics 'groundd'; did you mean 'grounded'?" in line
    assert not out.exists()
