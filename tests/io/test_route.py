"""One route for files: every way to write or read a path asks the format table, so one mistake
gives one error, and the command line says it in its own words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap import ArgumentMap, FileFormatError
from argmap.cli import main
from argmap.io import formats, native

WRITERS: dict[str, Callable[[ArgumentMap, Path], object]] = {
    "argmap.dump": argmap.dump,
    "argmap.io.formats.dump": formats.dump,
    "m.render": lambda m, path: m.render(path),
    "argmap.io.formats.write_diagram": formats.write_diagram,
    "argmap.io.native.dump": native.dump,
}

READERS: dict[str, Callable[[Path], object]] = {
    "argmap.load": argmap.load,
    "argmap.io.native.load": native.load,
}

MISTAKES = ["map.foo", "map", "MAP.JPG", "map.json.bak"]


def _error(action: Callable[[], object]) -> tuple[type[BaseException], str]:
    with pytest.raises(FileFormatError) as info:
        action()
    return type(info.value), str(info.value)


@pytest.mark.parametrize("name", MISTAKES)
def test_one_mistake_in_writing_gives_one_error_by_every_route(
    small: ArgumentMap, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    errors = {route: _error(lambda w=write: w(small, path)) for route, write in WRITERS.items()}
    assert len(set(errors.values())) == 1, errors
    kind, message = errors["argmap.dump"]
    assert kind is FileFormatError
    assert message.startswith(f"{path}: cannot tell the format from the suffix ")
    assert message.endswith(".html, .htm, or pass format=")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", MISTAKES)
def test_one_mistake_in_reading_gives_one_error_by_every_route(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("{}", encoding="utf-8")
    errors = {route: _error(lambda r=read: r(path)) for route, read in READERS.items()}
    assert len(set(errors.values())) == 1, errors
    assert errors["argmap.load"][1].endswith(".graphml, .gexf, or pass format=")


def test_the_command_line_gives_the_same_error_in_its_words(
    small: ArgumentMap, tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    argmap.dump(small, source)
    out = tmp_path / "out.foo"
    _, library = _error(lambda: argmap.dump(small, out))
    assert library.endswith("pass format=")
    runner = CliRunner()
    for args, word in [
        (["convert", str(source), str(out)], "--to"),
        (["render", str(source), "-o", str(out)], "--format"),
    ]:
        result = runner.invoke(main, args)
        assert result.exit_code == 2
        assert result.output == f"Error: {library.removesuffix('format=')}{word}\n"
    odd = tmp_path / "in.foo"
    odd.write_text("{}", encoding="utf-8")
    _, reading = _error(lambda: argmap.load(odd))
    for command in (["check"], ["evaluate"], ["render", "-o", str(tmp_path / "m.svg")]):
        result = runner.invoke(main, [command[0], str(odd), *command[1:]])
        assert result.exit_code == 2
        assert result.output == f"Error: {reading.removesuffix('format=')}--from\n"


def test_each_suffix_names_exactly_one_format_to_write() -> None:
    suffixes = {s for f in formats.all_formats() for s in f.suffixes}
    for suffix in suffixes:
        claimants = [f for f in formats.all_formats() if suffix in f.suffixes and f.can_dump]
        chosen = formats.format_for(f"map{suffix.upper()}")
        assert chosen is claimants[0]
        if len(claimants) > 1:  # a shared suffix writes argmap's own format
            assert chosen.name in {"json", "yaml"}, suffix
    drawn = {s: f.name for f in formats.drawing_formats() for s in f.suffixes}
    for suffix, name in drawn.items():
        assert [f.name for f in formats.all_formats() if suffix in f.suffixes] == [name]


def test_a_format_that_is_no_diagram_is_refused_by_render(
    small: ArgumentMap, tmp_path: Path
) -> None:
    with pytest.raises(
        FileFormatError, match=r"json \(argmap's own format, as JSON\) is no diagram"
    ):
        small.render(tmp_path / "map.json")
    assert list(tmp_path.iterdir()) == []


def test_the_drawing_routes_write_the_same_bytes(small: ArgumentMap, tmp_path: Path) -> None:
    argmap.dump(small, tmp_path / "a.dot")
    small.render(tmp_path / "b.dot")
    assert (tmp_path / "a.dot").read_bytes() == (tmp_path / "b.dot").read_bytes()
    assert (tmp_path / "a.dot").read_bytes() == argmap.render.draw(small, format="dot")
