"""Argdown's @include: files read in place, relative to the including file; errors name the
included file and its line; cycles, missing files and text without a path are located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.exceptions import FileFormatError
from argmap.files import MAX_FILE_SIZE_VARIABLE
from argmap.io.argdown import dumps, include, loads
from argmap.io.argdown.include import expand
from argmap.io.argdown.syntax import ArgdownSyntaxError


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_included_file_is_read_in_place_relative_to_the_includer(tmp_path: Path) -> None:
    _write(tmp_path, "parts/_premises.argdown", "[P]: It works.\n  +> [C]\n")
    main = _write(
        tmp_path, "main.argdown", "[C]: We should act.\n\n@include(parts/_premises.argdown)\n"
    )
    m = argmap.load(main)
    [support] = m.nodes("support")
    assert (support.premises, support.conclusion) == (("p",), "c")
    # Several files in one include, and an include inside an included file.
    _write(tmp_path, "parts/_more.argdown", "[Q]: It is cheap.\n\n@include(_deep.argdown)\n")
    _write(tmp_path, "parts/_deep.argdown", "[R]: It is quick.\n")
    main.write_text("[C]: Act.\n\n@include(parts/_premises.argdown, parts/_more.argdown)\n")
    assert {s.id for s in argmap.load(main).statements()} == {"c", "p", "q", "r"}


def test_an_error_in_an_included_file_names_that_file_and_line(tmp_path: Path) -> None:
    part = _write(tmp_path, "_part.argdown", "[A]: Fine.\n\n[B]: Broken\n+ [A]\n")
    main = _write(tmp_path, "main.argdown", "[M]: Main.\n\n@include(_part.argdown)\n")
    with pytest.raises(ArgdownSyntaxError) as info:
        argmap.load(main)
    assert str(info.value).startswith(f"{part}:4:1: a relation must be indented")
    assert info.value.path == str(part)


def test_a_cycle_of_includes_is_refused_at_the_include_that_closes_it(tmp_path: Path) -> None:
    # As argdown-cli's own include test has it: main -> _p1 -> _p2 -> _p1. The reference CLI
    # leaves the repeated file out without a word; argmap says where the cycle closes.
    _write(tmp_path, "_p1.argdown", "First of p1.\n\n@include(_p2.argdown)\n\nSecond of p1.\n")
    p2 = _write(tmp_path, "_p2.argdown", "First of p2.\n\n@include(_p1.argdown)\n")
    main = _write(tmp_path, "main.argdown", "Main.\n\n@include(_p1.argdown)\n")
    with pytest.raises(FileFormatError) as info:
        argmap.load(main)
    assert str(info.value) == (
        f"{p2}:3: @include(_p1.argdown) includes a file that is already being read "
        "(_p1.argdown -> _p2.argdown -> _p1.argdown); a file cannot include itself, directly "
        "or through others: remove the include that closes the cycle"
    )
    itself = _write(tmp_path, "self.argdown", "[A]: a.\n@include(self.argdown)\n")
    with pytest.raises(FileFormatError, match=r"self\.argdown:2: .*\(self\.argdown -> self"):
        argmap.load(itself)


def test_a_missing_include_and_an_include_without_a_path_are_located_errors(
    tmp_path: Path,
) -> None:
    main = _write(tmp_path, "main.argdown", "[A]: a.\n\n@include(_gone.argdown)\n")
    with pytest.raises(FileFormatError) as info:
        argmap.load(main)
    assert str(info.value) == f"{main}:3: @include(_gone.argdown): no such file"
    with pytest.raises(FileFormatError, match=r"^<text>:1: @include\(x\.argdown\) is read rel"):
        loads("@include(x.argdown)\n")
    with pytest.raises(FileFormatError, match="names no file"):
        loads("@include( )\n", path=str(main))


def test_text_without_includes_is_read_as_it_was() -> None:
    text = "[A]: An @include(x) in the middle of a line is text.\n"
    expanded, origins = expand(text, path=None)
    assert expanded is text
    assert [(o.path, o.line) for o in origins] == [(None, 1), (None, 2)]
    assert "@include(x)" in loads(text)["a"].text


def test_an_empty_map_is_written_as_text_that_reads_back_empty() -> None:
    for m in (argmap.ArgumentMap(), argmap.ArgumentMap(title="T", data={"x": 1})):
        text = dumps(m)
        assert "\n# " in f"\n{text}"  # a heading: the reference CLI refuses a text without one
        assert loads(text) == m


def test_a_part_shared_by_two_parts_is_read_once_and_included_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "_common.argdown", "[K]: Known.\n")
    _write(tmp_path, "_a.argdown", "[A]: a\n\n@include(_common.argdown)\n")
    _write(tmp_path, "_b.argdown", "[B]: b\n\n@include(_common.argdown)\n")
    main = _write(tmp_path, "main.argdown", "[M]: m\n\n@include(_a.argdown, _b.argdown)\n")
    reads: list[str] = []
    real = include.read_text
    monkeypatch.setattr(
        include, "read_text", lambda p, **kw: reads.append(Path(p).name) or real(p, **kw)
    )
    text, _ = expand(main.read_text(encoding="utf-8"), path=main)
    assert text.count("[K]: Known.") == 2
    assert sorted(reads) == ["_a.argdown", "_b.argdown", "_common.argdown"]


def test_files_that_include_one_another_twice_cannot_multiply_without_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty-three files of 50 bytes, each including the next twice: 8 million copies (the
    command line ran for ever); now refused at the include past MAX_INCLUDES."""
    for i in range(23):
        _write(tmp_path, f"f{i}.argdown", f"[S{i}]: s\n\n@include(f{i + 1}.argdown)\n" * 2)
    _write(tmp_path, "f23.argdown", "[E]: e\n")
    monkeypatch.setattr(include, "MAX_INCLUDES", 100)
    with pytest.raises(FileFormatError, match="the includes add up to more than 100 files"):
        argmap.load(tmp_path / "f0.argdown")
    monkeypatch.setattr(include, "MAX_INCLUDES", 10_000)
    monkeypatch.setenv(MAX_FILE_SIZE_VARIABLE, "2K")  # and the text the includes add up to
    with pytest.raises(FileFormatError, match="more than 2,048 characters, the most argmap"):
        argmap.load(tmp_path / "f0.argdown")


def test_includes_nest_at_most_max_include_depth(tmp_path: Path) -> None:
    """1,200 files each including the next made a RecursionError (the adversarial trial's D19)."""
    for i in range(150):
        _write(
            tmp_path, f"c_{i}.argdown", f"[s{i}]: Statement {i}.\n\n@include(c_{i + 1}.argdown)\n"
        )
    _write(tmp_path, "c_150.argdown", "[end]: The end.\n")
    with pytest.raises(FileFormatError) as caught:
        argmap.load(tmp_path / "c_0.argdown")
    assert str(caught.value) == (
        f"{tmp_path / 'c_100.argdown'}:3: @include(c_101.argdown) nests includes more than 100 "
        "deep (a file that includes a file that includes ...); include the parts from fewer "
        "levels of files"
    )
    m = argmap.load(tmp_path / "c_51.argdown")  # 100 levels read
    assert len(list(m.statements())) == 100
