"""`argmap convert`, and `check`/`render` reading every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.cli import main
from argmap.examples import north_korea


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def _error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture
def native(tmp_path: Path) -> Path:
    path = tmp_path / "north-korea.json"
    argmap.dump(north_korea(), path)
    return path


@pytest.mark.parametrize(
    ("name", "to"),
    [
        ("nk.yaml", None),
        ("nk.aif.json", "aif"),
        ("nk.xaif.json", "xaif"),
        ("nk.sadface.json", "sadface"),
    ],
)
def test_convert_and_back_is_the_same_map(native: Path, name: str, to: str | None) -> None:
    out = native.parent / name
    args = ["convert", native, out] + (["--to", to] if to else [])
    result = _run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {out} ({to or 'yaml'})\n"
    assert result.stderr == ""
    assert argmap.load(out) == north_korea()  # the content tells the .json formats apart
    back = native.parent / f"back-{name}.json"
    assert _run("convert", out, back).exit_code == 0
    assert argmap.load(back) == north_korea()


def test_convert_says_what_a_format_cannot_hold(native: Path) -> None:
    out = native.parent / "nk.xml"
    result = _run("convert", native, out)
    assert result.exit_code == 0, result.output
    warning = result.stderr.strip()
    assert warning.startswith("Warning: microtexts cannot hold everything in this map; left out:")
    assert "1 source (article)" in warning
    assert out.exists()


def test_convert_to_a_drawing(native: Path) -> None:
    out = native.parent / "nk.svg"
    result = _run("convert", native, out)
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").lstrip().startswith("<")


def test_convert_refuses_to_overwrite_its_input(native: Path) -> None:
    before = native.read_bytes()
    line = _error(_run("convert", native, native, "--to", "aif"))
    assert "this is the input" in line
    link = native.parent / "link.json"
    link.symlink_to(native)
    assert "this is the input" in _error(_run("convert", native, link))
    assert native.read_bytes() == before


def test_convert_bad_input_is_one_line(tmp_path: Path, native: Path) -> None:
    assert "no such file" in _error(_run("convert", tmp_path / "none.json", tmp_path / "o.yaml"))
    assert "unknown format 'xml'" in _error(_run("convert", native, tmp_path / "o", "--to", "xml"))
    assert "cannot tell the format from the suffix '.txt'" in _error(
        _run("convert", native, tmp_path / "o.txt")
    )
    assert "argmap cannot read svg" in _error(
        _run("convert", native, tmp_path / "o.y", "--from", "svg")
    )
    assert not (tmp_path / "o.txt").exists()


def test_convert_from_overrides_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "map.data"
    path.write_text(argmap.dumps(north_korea(), format="aif"), encoding="utf-8")
    out = tmp_path / "out.json"
    assert _run("convert", path, out, "--from", "aif").exit_code == 0
    assert json.loads(out.read_text("utf-8"))["argmap"] == 2
    assert argmap.load(out) == north_korea()


def test_check_and_render_read_other_formats(tmp_path: Path) -> None:
    path = tmp_path / "nk.json"
    argmap.dump(north_korea(), path, format="sadface")
    result = _run("check", path, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["findings"]
    odd = tmp_path / "nk.data"
    odd.write_bytes(path.read_bytes())
    assert _run("check", odd, "--from", "sadface").exit_code in (0, 1)
    svg = tmp_path / "nk.svg"
    result = _run("render", odd, "-o", svg, "--from", "sadface")
    assert result.exit_code == 0, result.output
    assert svg.exists()


_DANGLING = json.dumps(
    {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "We should act."},
            {"nodeID": "2", "type": "I", "text": "It works."},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
        ],
        "edges": [
            {"edgeID": "10", "fromID": "2", "toID": "3"},
            {"edgeID": "11", "fromID": "3", "toID": "1"},
            {"edgeID": "12", "fromID": "3", "toID": "99"},
            {"edgeID": "13", "fromID": "98", "toID": "2"},
        ],
    }
)


@pytest.mark.parametrize(
    "command",
    [("check",), ("evaluate",), ("convert", "OUT.yaml"), ("render", "-o", "OUT.dot")],
)
def test_commands_that_load_repair_with_one_warning_or_refuse_with_strict(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = tmp_path / "nodeset.json"
    path.write_text(_DANGLING, encoding="utf-8")
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    done = _run(args[0], path, *args[1:])
    assert done.exit_code in (0, 1), done.output  # check exits 1 on its findings
    warned = [line for line in done.stderr.splitlines() if line.startswith("Warning: ")]
    assert warned == [
        f"Warning: {path}: 2 faults repaired while reading (edges[2]: edge '12': toID '99' "
        "names no node in the file; dropped the edge; edges[3]: edge '13': fromID '98' names no "
        "node in the file; dropped the edge); the repairs are listed in the map's "
        "data['repaired'], and strict=True (--strict) refuses such a file"
    ]
    refused = _error(_run(args[0], path, *args[1:], "--strict"))
    assert refused == (
        f"Error: {path} (edges[2]): edge '12': toID '99' names no node in the file (refused in "
        "strict mode; without strict=True argmap would have dropped the edge)"
    )


def test_check_strict_over_a_folder_reports_the_refused_file(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(_DANGLING, encoding="utf-8")
    argmap.dump(north_korea(), tmp_path / "b.json")
    done = _run("check", tmp_path, "--strict", "--jobs", "1")
    assert done.exit_code == 2
    assert "a.json (edges[2]): edge '12'" in done.output
