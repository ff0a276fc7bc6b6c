"""The command line: `argmap demo` and `argmap schema` (other commands have their own tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.cli import main
from argmap.examples import north_korea


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    out = tmp_path_factory.mktemp("demo") / "out" / "nested"
    return _run("demo", "--out", str(out)), out


def test_demo_writes_the_article_map(demo: tuple[Result, Path]) -> None:
    result, out = demo
    assert result.exit_code == 0, result.output
    path = out / "north-korea.json"
    assert argmap.load(path) == north_korea()
    assert json.loads(path.read_text(encoding="utf-8"))["central"] == "agenda"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_demo_prints_the_summary(demo: tuple[Result, Path]) -> None:
    result, out = demo
    lines = result.stdout.splitlines()
    assert lines[0] == "Pressure on the North Korean Human Rights Problem is Effective"
    assert lines[1] == (
        "18 statements (7 claims, 3 premises, 3 rebuttals, 5 cases), 20 inferences, 1 source"
    )
    assert lines[2] == (
        "Central claim [agenda]: Every negotiation with North Korea, economic or nuclear, must "
        "put North Korean human rights at the top of its agenda."
    )
    assert "  supported by pressure, goal, transfer (s_agenda)" in lines
    assert "  attacked by withdrawal (a_withdrawal), answered by unfounded" in lines
    assert "Evidence: 5 cases" in lines
    defectors = next(line for line in lines if line.startswith("  [defectors] "))
    assert defectors.endswith("(no source cited; hedged: 'it is known to us')")
    assert sum(line.endswith("(no source cited)") for line in lines) == 4
    assert f"Wrote {out / 'north-korea.json'}" in lines
    assert result.stderr == ""


def test_demo_refuses_to_replace_its_files_without_force(tmp_path: Path) -> None:
    assert _run("demo", "--out", str(tmp_path)).exit_code == 0
    mine = tmp_path / "north-korea.json"
    mine.write_text("my own notes", encoding="utf-8")
    result = _run("demo", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {mine} already exists; pass --force to replace the demo's files in "
        f"{tmp_path}, or name another folder\n"
    )
    assert mine.read_text(encoding="utf-8") == "my own notes"
    result = _run("demo", "--out", str(tmp_path), "--force")
    assert result.exit_code == 0, result.output
    assert argmap.load(mine) == north_korea()


def test_demo_needs_out() -> None:
    result = _run("demo")
    assert result.exit_code == 2
    assert "Missing option '--out'" in result.stderr


def test_demo_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = _run("demo", "--out", str(blocker / "sub"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {blocker / 'sub'}: cannot create the folder: Not a directory\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_demo_error_when_the_map_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "north-korea.json").mkdir()  # a folder where the file should go
    result = _run("demo", "--out", str(tmp_path), "--force")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (
        f"Error: {tmp_path / 'north-korea.json'}: not a regular file (a folder or a device); "
        "name a file to write"
    )
    assert "Traceback" not in result.output


def test_schema_prints_the_native_schema() -> None:
    result = _run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == argmap.schema()
    assert result.stdout.startswith("{\n  ")


def test_help_of_each_command_has_an_example() -> None:
    for command in ("demo", "schema"):
        result = _run(command, "--help")
        assert result.exit_code == 0
        assert f"Example: argmap {command}" in result.stdout


def test_version() -> None:
    result = _run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"argmap, version {argmap.__version__}\n"


def test_error_lines_escape_what_a_terminal_would_obey(tmp_path: Path) -> None:
    # A file's name or id can carry escape sequences: OSC 52 writes the clipboard, ESC[2J
    # clears the screen, U+202E turns the line around. They are shown, never obeyed.
    hostile = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202e\x9b"
    path = tmp_path / f"m{hostile}.json"
    path.write_text("{", encoding="utf-8")
    result = _run("check", str(path))
    assert result.exit_code == 2
    assert "\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u202e\\u009b" in result.stderr
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in result.output


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\u2028"])
def test_a_file_name_with_a_line_break_cannot_print_a_line_of_its_own(
    tmp_path: Path, brk: str
) -> None:
    # A name that says "...<break>Error: fake.json: everything is fine.json" must not print a
    # second Error line (a script that greps '^Error:' would be fooled), nor a false report.
    forged = f"evil{brk}Error: fake.json: everything is fine"
    folder = tmp_path / "maps"
    folder.mkdir()
    argmap.dump(north_korea(), folder / f"{forged}.json")
    (folder / f"bad{brk}Error: forged.json").write_text("{", encoding="utf-8")
    result = _run("check", str(folder))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines  # the broken file's one error
    assert lines[0].startswith("Error: ")
    assert not any(line.startswith("Error: fake.json") for line in result.stdout.splitlines())
    # One file, one line too: its error, and what a command writes.
    missing = tmp_path / f"gone{brk}Error: second line.json"
    result = _run("check", str(missing))
    assert len(result.stderr.splitlines()) == 1
    out = tmp_path / f"m{brk}Error: x.yaml"
    result = _run("convert", str(folder / f"{forged}.json"), str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wrote ")
    assert len(result.stdout.splitlines()) == 1


def test_a_reader_bug_is_one_located_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.io import native

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(native, "loads", broken)
    path = tmp_path / "m.json"
    path.write_text('{"argmap": 2}', encoding="utf-8")
    for args in (("check", str(path)), ("convert", str(path), str(tmp_path / "m.yaml"))):
        result = _run(*args)
        assert result.exit_code == 2, result.output
        assert result.stderr == (
            f"Error: {path}: argmap could not read this file (KeyError: 'boom'); this is a bug "
            "in argmap, please report it with the file\n"
        )


def test_out_of_memory_is_said_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap import files

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(files.os, "fdopen", exhausted)
    path = tmp_path / "m.json"
    path.write_text('{"argmap": 2}', encoding="utf-8")
    result = _run("check", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}: not enough memory to read this file of ")


def test_every_line_printed_goes_through_the_one_sanitiser() -> None:
    source = (Path(argmap.__file__).parent / "cli.py").read_text(encoding="utf-8")
    assert source.count("click.echo(") == 1  # inside _echo, which escapes for terminals
    assert "print(" not in source


def test_python_dash_m_argmap_runs_the_command_line(tmp_path: Path) -> None:
    """``python -m argmap`` is the ``argmap`` command: same help name, same errors, same exit."""
    env = {**os.environ, "PYTHONPATH": str(Path(argmap.__file__).parents[1])}
    run = [sys.executable, "-m", "argmap"]
    shown = subprocess.run([*run, "--help"], capture_output=True, text=True, env=env, check=False)  # noqa: S603
    assert shown.returncode == 0
    assert shown.stdout.startswith("Usage: argmap [OPTIONS] COMMAND")
    missing = tmp_path / "nowhere.argdown"
    args = [*run, "check", str(missing)]
    failed = subprocess.run(args, capture_output=True, text=True, env=env, check=False)  # noqa: S603
    assert failed.returncode == 2
    assert failed.stdout == ""
    assert failed.stderr == f"Error: {missing}: no such file\n"


@pytest.mark.parametrize("command", ["check", "evaluate", "render", "convert", "explain"])
def test_an_argdown_syntax_error_quotes_its_line_under_the_error_line(
    tmp_path: Path, command: str
) -> None:
    # The quoted line and caret were escaped into the one Error line:
    # 'Error: m.argdown:3:1: ...\u000a    - [C]: c\u000a    ^'.
    src = tmp_path / "m.argdown"
    src.write_text("[A]: a\n  + [B]: b\n- [C]: c\n", encoding="utf-8")
    argv = {"render": ["-o", str(tmp_path / "m.svg")], "convert": [str(tmp_path / "m.json")]}
    result = CliRunner().invoke(main, [command, str(src), *argv.get(command, [])])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {src}:3:1: a relation must be indented under the statement or argument it "
        "belongs to",
        "    - [C]: c",
        "    ^",
    ]


def test_a_dash_is_standard_input_and_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `-o -` wrote a file named '-' in the working folder, and `check -` read that file.
    monkeypatch.chdir(tmp_path)
    m = north_korea()
    native = argmap.dumps(m)
    argdown = CliRunner().invoke(main, ["convert", "-", "-", "--to", "argdown"], input=native)
    assert argdown.exit_code == 0, argdown.stderr
    assert argmap.io.argdown.loads(argdown.stdout) == m
    checked = CliRunner().invoke(main, ["check", "-"], input=argdown.stdout)
    assert checked.exit_code == 0, checked.stderr
    assert checked.stdout.startswith(f"<stdin>: {m.title}: 23 findings")  # as its errors say
    svg = CliRunner().invoke(main, ["render", "-", "-o", "-", "--format", "svg"], input=native)
    assert svg.exit_code == 0, svg.stderr
    assert svg.stdout.startswith("<?xml")
    drafted = CliRunner().invoke(
        main, ["draft", "-", "-o", "-"], input="Taxes must rise. Schools need money."
    )
    assert drafted.exit_code == 0, drafted.stderr
    assert argmap.io.argdown.loads(drafted.stdout).central == "u1"
    assert list(tmp_path.iterdir()) == []  # no file named '-'


@pytest.mark.parametrize(
    ("argv", "given", "said"),
    [
        (["check", "-"], "", "<stdin>: standard input is empty"),
        (["check", "-"], "\ufffd hello", "<stdin>: cannot tell which format this text is"),
        (["check", "-", "m.json"], "{}", "-: standard input can be the only input"),
        (["check", "-", "--summary", "-"], "{}", "--summary -: standard output holds the report"),
        (["convert", "m.json", "-"], "", "-: cannot tell the format from the suffix"),
        (["evaluate", "-", "--from", "aif"], "[A]: a", "<stdin>:1: not valid JSON"),
    ],
)
def test_standard_input_and_output_misused_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], given: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    argmap.dump(north_korea(), tmp_path / "m.json")
    result = CliRunner().invoke(main, argv, input=given)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {said}"), result.stderr
    assert len(result.stderr.splitlines()) == 1
