"""Every command against every way its input or output can be wrong: missing file, folder, empty
file, binary garbage, deep nesting, a device, a FIFO, an unwritable output, an output that is the
input. Each gives exit code 2 and exactly one line on stderr, ``Error: ...``; never a traceback,
and the input is never touched."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import dump
from argmap.cli import main
from argmap.examples import north_korea


@dataclass(frozen=True)
class Command:
    """How a command takes the file it reads and the file or folder it writes."""

    argv: Callable[[str, str], list[str]]  # (input, output) -> arguments
    reads: bool
    writes: bool


COMMANDS = {
    "check": Command(lambda src, out: ["check", src], reads=True, writes=False),
    "evaluate": Command(lambda src, out: ["evaluate", src], reads=True, writes=False),
    "explain": Command(lambda src, out: ["explain", src], reads=True, writes=False),
    "render": Command(lambda src, out: ["render", src, "-o", out], reads=True, writes=True),
    "convert": Command(lambda src, out: ["convert", src, out], reads=True, writes=True),
    "demo": Command(lambda src, out: ["demo", "--out", out], reads=False, writes=True),
    "rules": Command(lambda src, out: ["rules"], reads=False, writes=False),
    "schema": Command(lambda src, out: ["schema"], reads=False, writes=False),
    "draft": Command(lambda src, out: ["draft", src, "-o", out], reads=True, writes=True),
}


def test_the_matrix_covers_every_command() -> None:
    """A new command must say here how it reads and writes, so that it is tried too."""
    assert set(COMMANDS) == set(main.commands)  # type: ignore[attr-defined]


def _good(folder: Path) -> Path:
    path = folder / "m.json"
    dump(north_korea(), path)
    return path


# Commands that take a folder as a corpus (every map file below it).
CORPUS_COMMANDS = ("check", "evaluate")


# Each input case makes the file to read in a folder, and returns its path.
def _missing(folder: Path) -> Path:
    return folder / "missing.json"


def _folder(folder: Path) -> Path:
    (folder / "a-folder.json").mkdir()
    return folder / "a-folder.json"


def _empty(folder: Path) -> Path:
    (folder / "empty.json").write_bytes(b"")
    return folder / "empty.json"


def _garbage(folder: Path) -> Path:
    (folder / "garbage.yaml").write_bytes(bytes(range(256)) * 8)
    return folder / "garbage.yaml"


def _deep(folder: Path) -> Path:
    (folder / "deep.json").write_text('{"argmap": 1, "title": ' + "[" * 50_000 + "]" * 50_000 + "}")
    return folder / "deep.json"


def _device(folder: Path) -> Path:
    if not Path("/dev/zero").exists():
        pytest.skip("needs a /dev/zero device")
    (folder / "zero.json").symlink_to("/dev/zero")  # a map suffix, so the device is what fails
    return folder / "zero.json"


def _fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs (POSIX)")
    os.mkfifo(folder / "fifo.json")
    return folder / "fifo.json"


def _loop(folder: Path) -> Path:
    (folder / "loop.json").symlink_to(folder / "loop.json")
    return folder / "loop.json"


INPUTS = {
    "missing file": (_missing, "no such file"),
    "folder": (_folder, "not a regular file (a folder)"),
    "empty file": (_empty, "the file is empty"),
    "binary garbage": (_garbage, "not UTF-8 text"),
    "deep nesting": (_deep, "nest deeper than"),
    "device": (_device, "not a regular file (a device)"),
    "FIFO": (_fifo, "not a regular file (a FIFO)"),
    "symlink loop": (_loop, "Too many levels of symbolic links"),
}


def _one_error_line(argv: list[str], expected: str) -> str:
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 2, (result.output, result.exception)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines
    assert expected in lines[0]
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("case", list(INPUTS))
@pytest.mark.parametrize("name", [n for n, c in COMMANDS.items() if c.reads])
def test_a_bad_input_is_one_error_line(tmp_path: Path, name: str, case: str) -> None:
    make, expected = INPUTS[case]
    if case == "folder" and name in CORPUS_COMMANDS:
        expected = "the folder holds no map files"  # a folder is a corpus to these commands
    if name == "draft":  # draft reads plain text, not a map
        if case == "deep nesting":
            pytest.skip("brackets are text to draft, which drafts them (with a warning)")
        if case == "empty file":
            expected = "the text is blank"
    src = make(tmp_path)
    line = _one_error_line(COMMANDS[name].argv(str(src), str(tmp_path / "out.svg")), expected)
    assert str(src) in line
    assert not (tmp_path / "out.svg").exists()


def _under_a_file(folder: Path) -> Path:
    (folder / "a-file").write_text("not a folder")
    return folder / "a-file" / "out.svg"


def _in_a_missing_folder(folder: Path) -> Path:
    return folder / "no" / "such" / "folder" / "out.svg"


def _a_file(folder: Path) -> Path:
    (folder / "a-file").write_text("not a folder")
    return folder / "a-file"


# Outputs that cannot be written. Root may write anywhere, so none of them rests on permissions.
# demo writes into a folder it creates when missing; the others write one file.
OUTPUTS = {
    "render": {"under a file": _under_a_file, "in a missing folder": _in_a_missing_folder},
    "convert": {"under a file": _under_a_file, "in a missing folder": _in_a_missing_folder},
    "demo": {"a file, not a folder": _a_file, "under a file": lambda f: _under_a_file(f).parent},
    "draft": {"under a file": _under_a_file, "in a missing folder": _in_a_missing_folder},
}


def test_every_command_that_writes_has_unwritable_outputs() -> None:
    assert set(OUTPUTS) == {n for n, c in COMMANDS.items() if c.writes}


@pytest.mark.parametrize(
    ("name", "case"), [(name, case) for name, cases in OUTPUTS.items() for case in cases]
)
def test_an_unwritable_output_is_one_error_line(tmp_path: Path, name: str, case: str) -> None:
    src = _good(tmp_path)
    before = src.read_bytes()
    out = OUTPUTS[name][case](tmp_path)
    _one_error_line(COMMANDS[name].argv(str(src), str(out)), str(out))
    assert src.read_bytes() == before


@pytest.mark.parametrize(
    "output",
    [
        lambda src: ["-o", str(src), "--format", "svg"],  # the case: SVG over the map
        lambda src: ["-o", str(src)],
        lambda src: ["-o", str(src.parent / "." / src.name), "--format", "dot"],
        lambda src: ["-o", _link(src), "--format", "svg"],
    ],
    ids=["same path", "same path, map suffix", "another spelling", "a link to it"],
)
def test_render_refuses_to_write_over_its_input(
    tmp_path: Path, output: Callable[[Path], list[str]]
) -> None:
    src = _good(tmp_path)
    before = src.read_bytes()
    line = _one_error_line(["render", str(src), *output(src)], "writing there would replace it")
    assert f"this is the input {src}" in line
    assert src.read_bytes() == before


def _link(src: Path) -> str:
    link = src.parent / "diagram.svg"
    link.symlink_to(src)
    return str(link)


@pytest.mark.parametrize("name", [n for n, c in COMMANDS.items() if c.reads and c.writes])
def test_every_command_that_reads_and_writes_refuses_its_input_as_output(
    tmp_path: Path, name: str
) -> None:
    src = _good(tmp_path)
    before = src.read_bytes()
    _one_error_line(COMMANDS[name].argv(str(src), str(src)), "writing there would replace it")
    assert src.read_bytes() == before


def test_an_output_that_is_a_symlink_loop_is_one_error_line(tmp_path: Path) -> None:
    """It used to crash render with RuntimeError('Symlink loop') from Path.resolve()."""
    src = _good(tmp_path)
    loop = tmp_path / "loop.dot"
    loop.symlink_to(loop)
    _one_error_line(["render", str(src), "-o", str(loop)], "it may point at itself")
