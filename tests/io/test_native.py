"""The native format: JSON and YAML chosen by suffix, lossless round trips, atomic writes, and
errors that name the file, the line and the place in the document."""

# ruff: noqa: RUF001  # the article's curly apostrophes, verbatim on purpose

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from budget import budgets, examples
from hypothesis import given, settings
from strategies import maps

import argmap
from argmap import ArgmapError, ArgumentMap, FileFormatError, InvalidMapError, Source
from argmap.examples import north_korea
from argmap.io.native import dumps, loads, schema

ROOT = Path(__file__).resolve().parents[2]


def _fails(path: Path, text: str | bytes) -> FileFormatError:
    """Write ``text`` to ``path``, load it, and return the error (which must name the file)."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        argmap.load(path)
    error = info.value
    assert error.path == str(path)
    assert str(error).startswith(str(path))
    assert "\n" not in str(error).replace("\\n", "")
    return error


def _place(error: FileFormatError) -> str:
    return str(error).split(": ", 1)[0]


# -- formats and suffixes ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["m.json", "m.yaml", "m.yml", "M.JSON", "m.YAML"])
def test_dump_and_load_by_suffix(small: ArgumentMap, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    argmap.dump(small, path)
    text = path.read_text(encoding="utf-8")
    if name.lower().endswith(".json"):
        assert json.loads(text)["argmap"] == 2
    else:
        assert text.startswith("argmap: 2\n")
        assert yaml.safe_load(text)["argmap"] == 2
    assert argmap.load(path) == small
    assert argmap.load(str(path)) == small


@pytest.mark.parametrize("name", ["m.txt", "m", "m.json.bak", "m.toml"])
def test_unknown_suffix_is_refused_naming_the_path(
    small: ArgumentMap, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    with pytest.raises(
        FileFormatError, match=r"use one of \.json, \.yaml, \.yml, .*, or pass format="
    ) as i:
        argmap.dump(small, path)
    assert i.value.path == str(path)
    assert str(i.value).startswith(f"{path}: cannot tell the format from the suffix")
    assert list(tmp_path.iterdir()) == []
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(FileFormatError, match="cannot tell the format") as i:
        argmap.load(path)
    assert i.value.path == str(path)


def test_format_overrides_the_suffix(small: ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "map.txt"
    argmap.dump(small, path, format="yaml")
    assert path.read_text(encoding="utf-8").startswith("argmap: 2\n")
    assert argmap.load(path, format="yaml") == small
    with pytest.raises(FileFormatError, match="not valid JSON"):
        argmap.load(path, format="json")


def test_unknown_format_is_refused(small: ArgumentMap, tmp_path: Path) -> None:
    with pytest.raises(
        ArgmapError, match="unknown format 'xml'; use one of json, yaml, argdown, aif, "
    ):
        argmap.dump(small, tmp_path / "m.json", format="xml")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_json_text_keeps_unicode_and_ends_with_a_newline() -> None:
    m = ArgumentMap(title="북한")
    m.claim("c", "Britain’s minister")
    text = dumps(m)
    assert text.endswith("}\n")
    assert "Britain’s minister" in text
    assert "북한" in text
    assert "Britain’s minister" in dumps(m, format="yaml")


def test_document_shape_leaves_defaults_out_and_puts_kind_first(small: ArgumentMap) -> None:
    data = json.loads(dumps(small))
    assert list(data) == ["argmap", "title", "central", "sources", "nodes"]
    assert data["central"] == "c"
    assert data["nodes"][0] == {
        "kind": "claim",
        "id": "c",
        "text": "The river rose because of the rain.",
    }
    assert data["nodes"][3]["quotes"] == [
        {"source": "diary", "text": "It rained on Tuesday", "start": 21, "end": 41}
    ]
    assert data["nodes"][7] == {
        "kind": "support",
        "id": "s_case",
        "premises": ["k"],
        "conclusion": "c",
        "scheme": "example",
    }
    assert all(next(iter(node)) == "kind" for node in data["nodes"])


def test_untitled_map_without_central(tmp_path: Path) -> None:
    data = json.loads(dumps(ArgumentMap()))
    assert data == {"argmap": 2, "sources": [], "nodes": []}
    assert loads(dumps(ArgumentMap())) == ArgumentMap()


def test_offsets_left_out_of_a_file_are_computed() -> None:
    text = """\
argmap: 1
sources:
- id: a
  title: A
  text: It rained on Monday.
nodes:
- kind: case
  id: k
  text: Rain.
  quotes:
  - source: a
    text: on Monday
"""
    (quote,) = loads(text, format="yaml")["k"].quotes  # type: ignore[union-attr]
    assert (quote.start, quote.end) == (10, 19)


# -- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_round_trip_of_the_small_map(small: ArgumentMap, fmt: str) -> None:
    text = dumps(small, format=fmt)  # type: ignore[arg-type]
    again = loads(text, format=fmt)  # type: ignore[arg-type]
    assert again == small
    assert list(again) == list(small)
    assert dumps(again, format=fmt) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_round_trip_of_the_article_map(fmt: str) -> None:
    m = north_korea()
    assert loads(dumps(m, format=fmt), format=fmt) == m  # type: ignore[arg-type]


@pytest.mark.parametrize("budget", budgets(15, 50))
def test_round_trip_is_lossless_for_any_map(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        for fmt in ("json", "yaml"):
            text = dumps(m, format=fmt)  # type: ignore[arg-type]
            again = loads(text, format=fmt)  # type: ignore[arg-type]
            assert again == m, fmt
            assert [n.id for n in again.nodes()] == [n.id for n in m.nodes()]
            assert dumps(again, format=fmt) == text  # type: ignore[arg-type]

    holds()


@pytest.mark.parametrize("budget", budgets(8, 25))
def test_round_trip_through_files_for_any_map(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        with tempfile.TemporaryDirectory() as folder:
            for name in ("m.json", "m.yaml"):
                path = Path(folder) / name
                argmap.dump(m, path)
                assert argmap.load(path) == m
            assert sorted(p.name for p in Path(folder).iterdir()) == ["m.json", "m.yaml"]

    holds()


def test_next_line_character_is_refused_rather_than_lost() -> None:
    # YAML reads U+0085 (a C1 control) back as a line break, so the models refuse C1 controls.
    m = ArgumentMap()
    with pytest.raises(InvalidMapError, match=r"U\+0085 at character 6"):
        m.claim("c", "before\x85after")
    with pytest.raises(InvalidMapError, match="title"):
        m.title = "a\x85b"
    with pytest.raises(FileFormatError, match="U\\+0085") as info:
        loads('{"argmap": 1,\n"title": "a\\u0085b"}', path="m.json")
    assert info.value.line == 2


def test_lone_surrogate_is_refused_on_load() -> None:
    text = '{\n"argmap": 1,\n"nodes": [\n{"kind": "claim", "id": "c", "text": "\\ud800"}\n]}'
    with pytest.raises(FileFormatError) as info:
        loads(text, path="m.json")
    assert info.value.line == 4


# -- atomic writes -----------------------------------------------------------------------------


def test_dump_leaves_no_temporary_file(small: ArgumentMap, tmp_path: Path) -> None:
    argmap.dump(small, tmp_path / "m.json")
    argmap.dump(small, tmp_path / "m.json")
    argmap.dump(small, tmp_path / "m.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json", "m.yaml"]


def test_dump_replaces_an_old_file(small: ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text("old and much longer than the new text " * 1000, encoding="utf-8")
    argmap.dump(ArgumentMap(title="New"), path)
    assert argmap.load(path) == ArgumentMap(title="New")


def test_dump_into_a_missing_folder(small: ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "missing" / "m.json"
    with pytest.raises(ArgmapError) as info:
        argmap.dump(small, path)
    assert str(info.value) == (
        f"{path}: folder {str(path.parent)!r} does not exist; create it first"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failed_dump_keeps_the_old_file(
    small: ArgumentMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    path = tmp_path / "m.json"
    argmap.dump(ArgumentMap(title="Old"), path)
    old = path.read_bytes()

    def fail(fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    if isinstance(failure, OSError):
        problem = r"cannot write \(No space left on device\): no space left"
        with pytest.raises(ArgmapError, match=f"{path}: {problem}"):
            argmap.dump(small, path)
    else:
        with pytest.raises(KeyboardInterrupt):
            argmap.dump(small, path)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


def test_dump_keeps_an_existing_files_mode(small: ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o640)
    argmap.dump(small, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_dump_gives_a_new_file_the_usual_mode(small: ArgumentMap, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        argmap.dump(small, tmp_path / "m.json")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "m.json").stat().st_mode) == 0o644


# -- bad files ---------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    with pytest.raises(FileFormatError) as info:
        argmap.load(path)
    assert str(info.value) == f"{path}: no such file"
    assert info.value.line is None


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "m.json"
    folder.mkdir()
    with pytest.raises(FileFormatError, match=r"not a regular file \(a folder\)") as info:
        argmap.load(folder)
    assert info.value.path == str(folder)


def test_invalid_json(tmp_path: Path) -> None:
    error = _fails(
        tmp_path / "m.json",
        '{\n  "argmap": 1,\n  "nodes": [\n    {"kind": "claim" "id": "c", "text": "x"}\n  ]\n}\n',
    )
    assert error.line == 4
    assert _place(error) == f"{tmp_path / 'm.json'}:4"
    assert "not valid JSON: Expecting ',' delimiter (column 22)" in str(error)


def test_invalid_yaml(tmp_path: Path) -> None:
    error = _fails(tmp_path / "m.yaml", "argmap: 1\nnodes:\n  - kind: claim\n   id: c\n")
    assert error.line == 4
    assert "not valid YAML" in str(error)


def test_duplicate_key_in_yaml(tmp_path: Path) -> None:
    error = _fails(
        tmp_path / "m.yaml",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n  id: d\n",
    )
    assert error.line == 6
    assert "not valid YAML: duplicate key 'id'" in str(error)


def test_duplicate_key_in_json_is_refused(tmp_path: Path) -> None:
    error = _fails(tmp_path / "m.json", '{\n"argmap": 1,\n"title": "a",\n"title": "b"\n}\n')
    assert "not valid JSON: duplicate key 'title'" in str(error)


def test_duplicate_key_in_json_names_the_line(tmp_path: Path) -> None:
    error = _fails(tmp_path / "m.json", '{\n"argmap": 1,\n"title": "a",\n"title": "b"\n}\n')
    assert error.line == 4


UNKNOWN_FIELD = """\
argmap: 1
nodes:
- kind: claim
  id: c
  text: x
  colour: red
"""


BAD_FILES: list[tuple[str, str, int | None, str | None, str]] = [
    (
        "unknown field",
        UNKNOWN_FIELD,
        6,
        "nodes[0].colour",
        "unknown field 'colour'; check its spelling against `argmap schema`",
    ),
    (
        "missing field",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: premise\n  id: p\n",
        6,
        "nodes[1].text",
        "field 'text' is required",
    ),
    (
        "unknown kind",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: reason\n  id: r\n",
        6,
        "nodes[1]",
        "unknown node kind 'reason'; use claim, premise, case, rebuttal, support or attack",
    ),
    (
        "missing kind",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- id: r\n  text: y\n",
        6,
        "nodes[1]",
        "a node needs a 'kind': claim, premise, case, rebuttal, support or attack",
    ),
    (
        "wrong version",
        "title: T\nargmap: 3\nnodes: []\n",
        2,
        "argmap",
        "format version 3 is not one this argmap reads (it reads versions 1, 2); upgrade "
        "argmap or convert the file",
    ),
    (
        "missing version",
        "title: T\nnodes: []\n",
        1,
        "argmap",
        "field 'argmap' is required",
    ),
    (
        "control character",
        'argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: "a\\x07b"\n',
        5,
        "nodes[0].text",
        "must not contain control characters or lone surrogates (found U+0007 at character 1)",
    ),
    (
        "bad id",
        "argmap: 1\nnodes:\n- kind: claim\n  id: not ok\n  text: x\n",
        4,
        "nodes[0].id",
        "'not ok' is not a valid id: it holds ' '; an id is 1 to 128 letters",
    ),
    (
        "dangling premise",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: premise\n  id: p\n"
        "  text: y\n- kind: support\n  id: s\n  premises:\n  - p\n  - ghost\n"
        "  conclusion: c\n",
        13,
        "nodes[2].premises[1]",
        "unknown node 'ghost' (referred to by 's'); add it first, or check the id's spelling",
    ),
    (
        "dangling target",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: attack\n  id: a\n"
        "  premises: [c]\n  target: ghost\n",
        9,
        "nodes[1].target",
        "unknown node 'ghost' (referred to by 'a')",
    ),
    (
        "dangling citation",
        "argmap: 1\nnodes:\n- kind: case\n  id: k\n  text: x\n  cites:\n  - hrw\n",
        7,
        "nodes[0].cites[0]",
        "case 'k' cites unknown source 'hrw'; add the source first",
    ),
    (
        "dangling quote source",
        "argmap: 1\nnodes:\n- kind: case\n  id: k\n  text: x\n  quotes:\n  - source: hrw\n"
        "    text: words\n",
        7,
        "nodes[0].quotes[0].source",
        "case 'k': quote 1 is from unknown source 'hrw'; add the source first",
    ),
    (
        "dangling answer",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: premise\n  id: p\n"
        "  text: y\n- kind: support\n  id: s\n  premises: [p]\n  conclusion: c\n"
        "  scheme: example\n  answered:\n    example.typical: ghost\n",
        15,
        "nodes[2].answered.example.typical",
        "unknown node 'ghost' (referred to by 's')",
    ),
    (
        "dangling central",
        "argmap: 1\ncentral: ghost\nnodes:\n- kind: claim\n  id: c\n  text: x\n",
        2,
        "central",
        "unknown node 'ghost'; add it first",
    ),
    (
        "id of a source",
        "argmap: 1\nsources:\n- id: c\n  title: T\nnodes:\n- kind: claim\n  id: c\n  text: x\n",
        6,
        "nodes[0]",
        "id 'c' is already used in this map",
    ),
    (
        "self-support",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: support\n  id: s\n"
        "  premises: [c]\n  conclusion: c\n",
        6,
        "nodes[1]",
        "'c' cannot support itself",
    ),
    (
        "premise listed twice",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: attack\n  id: a\n"
        "  premises: [c, c]\n  target: c\n",
        8,
        "nodes[1].premises",
        "premise 'c' is listed twice",
    ),
    (
        "no premises field",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: support\n  id: s\n"
        "  conclusion: c\n",
        6,
        "nodes[1].premises",
        "field 'premises' is required",
    ),
    (
        "attacks in a circle",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: premise\n  id: p\n"
        "  text: y\n- kind: attack\n  id: a\n  premises: [p]\n  target: b\n"
        "- kind: attack\n  id: b\n  premises: [c]\n  target: a\n",
        9,
        "nodes[2]",
        "attacks a -> b -> a target each other in a circle",
    ),
    (
        "question not of the scheme",
        "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: premise\n  id: p\n"
        "  text: y\n- kind: support\n  id: s\n  premises: [p]\n  conclusion: c\n"
        "  scheme: example\n  answered:\n    sign.correlation: p\n",
        9,
        "nodes[2]",
        "'s': 'sign.correlation' is not a critical question of scheme 'example'",
    ),
    (
        "quote not found",
        "argmap: 1\nsources:\n- id: a\n  title: A\n  text: It rained on Monday.\nnodes:\n"
        "- kind: claim\n  id: c\n  text: x\n- kind: case\n  id: k\n  text: y\n  quotes:\n"
        "  - source: a\n    text: rained on Tuesday\n",
        10,
        "nodes[1]",
        "case 'k': quote 1 'rained on Tuesday' does not occur verbatim in source 'a'; the "
        "closest passage is 'rained on Monday.'",
    ),
    (
        "empty file",
        "",
        None,
        None,
        "the file is empty; an argmap file is a mapping that starts with `argmap: 2`",
    ),
    (
        "top level list",
        "- argmap: 1\n",
        1,
        None,
        "the top level is a list, not a mapping",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "where", "message"), BAD_FILES, ids=[row[0] for row in BAD_FILES]
)
def test_bad_yaml_file(
    tmp_path: Path, *, name: str, text: str, line: int | None, where: str | None, message: str
) -> None:
    path = tmp_path / "m.yaml"
    error = _fails(path, text)
    assert message in str(error)
    assert error.line == line
    assert error.where == where
    place = str(path) + (f":{line}" if line else "") + (f" ({where})" if where else "")
    assert str(error).startswith(f"{place}: ")


def test_bad_json_file_names_line_and_path(tmp_path: Path) -> None:
    text = """\
{
  "argmap": 1,
  "nodes": [
    {"kind": "claim", "id": "c", "text": "x"},
    {
      "kind": "support",
      "id": "s",
      "premises": ["ghost"],
      "conclusion": "c"
    }
  ]
}
"""
    error = _fails(tmp_path / "m.json", text)
    assert error.line == 8
    assert error.where == "nodes[1].premises[0]"
    assert str(error) == (
        f"{tmp_path / 'm.json'}:8 (nodes[1].premises[0]): unknown node 'ghost' (referred to by "
        "'s'); add it first, or check the id's spelling"
    )


def test_central_that_is_not_a_claim_points_at_central(tmp_path: Path) -> None:
    text = "argmap: 1\ncentral: p\nnodes:\n- kind: claim\n  id: c\n  text: x\n"
    text += "- kind: premise\n  id: p\n  text: y\n"
    error = _fails(tmp_path / "m.yaml", text)
    assert "the central claim must be a claim" in str(error)
    assert (error.line, error.where) == (2, "central")


def test_a_scheme_from_another_tool_is_kept_as_given(tmp_path: Path) -> None:
    text = "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: premise\n  id: p\n"
    text += "  text: y\n- kind: support\n  id: s\n  premises: [p]\n  conclusion: c\n"
    text += "  scheme: Default Inference\n"
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    m = argmap.load(path)
    assert m["s"].scheme == "Default Inference"  # type: ignore[union-attr]
    assert loads(dumps(m)) == m


def test_a_misspelt_scheme_in_a_file_warns_with_the_close_name(tmp_path: Path) -> None:
    text = "argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n- kind: premise\n  id: p\n"
    text += "  text: y\n- kind: support\n  id: s\n  premises: [p]\n  conclusion: c\n"
    text += "  scheme: exampel\n"
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(argmap.UnknownSchemeWarning, match=r"'exampel'.*did you mean 'example'"):
        m = argmap.load(path)
    assert m["s"].scheme == "exampel"  # type: ignore[union-attr]


def test_version_1_files_load_and_are_written_as_version_2(tmp_path: Path) -> None:
    text = "argmap: 1\ntitle: Old\nnodes:\n- kind: claim\n  id: c\n  text: x\n"
    m = loads(text, format="yaml")
    assert m.title == "Old"
    assert json.loads(dumps(m))["argmap"] == 2


def test_the_new_fields_round_trip(tmp_path: Path) -> None:
    m = ArgumentMap(title="New fields")
    m.add_source(Source(id="src", title="A source", data={"lang": "en"}))
    m.claim(
        "c",
        "Pressure works.",
        title="Pressure works",
        weight=0.7,
        data={"colour": "#ffaa00", "votes": [1, 2], "meta": {"by": "ann"}},
        acknowledge={"AM101": "the text never supports it"},
    )
    m.premise("p", "The regime reacts.", assumption=True)
    m.support([], "c", id="fact", title="Given", weight=0.5, scheme="Default Inference")
    m.support("p", "c", id="s", data={"speaker": "Bob"})
    m.attack("p", "s", id="u", scheme="Default Conflict", title="No bearing")
    for fmt in ("json", "yaml"):
        again = loads(dumps(m, format=fmt), format=fmt)
        assert again == m
        assert again["c"].data["meta"] == {"by": "ann"}
        assert again["fact"].premises == ()
        assert again["p"].assumption is True  # type: ignore[union-attr]


def test_several_problems_are_counted(tmp_path: Path) -> None:
    text = "argmap: 1\nnodes:\n- kind: claim\n  id: c\n- kind: premise\n  id: p\n"
    error = _fails(tmp_path / "m.yaml", text)
    assert "field 'text' is required (and 1 more problem)" in str(error)
    assert error.line == 3


def test_non_utf8_file(tmp_path: Path) -> None:
    data = b'{\n"argmap": 1,\n"title": "caf\xe9"\n}\n'
    error = _fails(tmp_path / "m.json", data)
    byte = data.index(b"\xe9")
    assert f"not UTF-8 text (byte {byte}); save the file as UTF-8" in str(error)


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    error = _fails(tmp_path / "m.json", b'{\n"argmap": 1,\n"title": "caf\xe9"\n}\n')
    assert error.line == 3


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.mkdir [{marker}]",
        "!!python/object/new:os.mkdir [{marker}]",
        "!!python/name:os.system",
    ],
)
def test_yaml_python_tags_are_refused_and_not_run(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    text = f"argmap: 1\ntitle: {tag.format(marker=json.dumps(str(marker)))}\nnodes: []\n"
    error = _fails(tmp_path / "m.yaml", text)
    assert "not valid YAML: could not determine a constructor for the tag" in str(error)
    assert error.line == 2
    assert not marker.exists()


DUPLICATE_ID = """\
argmap: 1
nodes:
- kind: claim
  id: c
  text: x
- kind: premise
  id: c
  text: y
"""


def test_duplicate_id_in_a_file(tmp_path: Path) -> None:
    error = _fails(tmp_path / "m.yaml", DUPLICATE_ID)
    assert "id 'c' is already used in this map; ids must be unique" in str(error)


def test_duplicate_id_in_a_file_names_the_second_node(tmp_path: Path) -> None:
    error = _fails(tmp_path / "m.yaml", DUPLICATE_ID)
    assert (error.line, error.where) == (6, "nodes[1]")


def test_yaml_anchors_are_plain_data(tmp_path: Path) -> None:
    text = """\
argmap: 1
title: &t The title
nodes:
- kind: claim
  id: c
  text: *t
"""
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    m = argmap.load(path)
    assert m["c"].text == "The title"  # type: ignore[union-attr]
    assert m.title == "The title"


def test_yaml_merge_keys_are_read(tmp_path: Path) -> None:
    text = """\
argmap: 1
nodes:
- &base
  kind: claim
  id: c
  text: x
- <<: *base
  id: d
"""
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    m = argmap.load(path)
    assert m["d"].text == "x"  # type: ignore[union-attr]
    assert m["d"].kind == "claim"


def test_loads_names_text_without_a_path() -> None:
    with pytest.raises(FileFormatError) as info:
        loads('{"argmap": 1, "nodes": [{"kind": "claim"}]}')
    assert str(info.value).startswith("<text>:1 (nodes[0].id): field 'id' is required")
    assert info.value.path is None


# -- the schema --------------------------------------------------------------------------------


def test_schema_describes_the_format() -> None:
    s = schema()
    assert s["title"] == "argmap map"
    assert s["properties"]["argmap"]["enum"] == [1, 2]
    assert s["required"] == ["argmap"]
    assert s["additionalProperties"] is False


def test_schema_validates_the_article_map(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema())
    path = tmp_path / "north-korea.json"
    argmap.dump(north_korea(), path)
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema())
    stored = ROOT / "examples" / "north-korea.json"
    if stored.exists():
        jsonschema.validate(json.loads(stored.read_text(encoding="utf-8")), schema())


def test_schema_validates_any_dumped_map() -> None:
    # What jsonschema.validate does, with the schema built and checked once, not per map.
    jsonschema = pytest.importorskip("jsonschema")
    the_schema = schema()
    validator_class = jsonschema.validators.validator_for(the_schema)
    validator_class.check_schema(the_schema)
    validator = validator_class(the_schema)

    @settings(max_examples=examples(25), deadline=None)
    @given(maps())
    def valid(m: ArgumentMap) -> None:
        validator.validate(json.loads(dumps(m)))

    valid()


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(argmap=3),
        lambda d: d.pop("argmap"),
        lambda d: d.update(extra=1),
        lambda d: d["nodes"][0].update(kind="verdict"),
        lambda d: d["nodes"][0].pop("kind"),
        lambda d: d["nodes"][0].update(colour="red"),
        lambda d: d["nodes"][0].pop("text"),
        lambda d: d["nodes"][0].update(id="not an id"),
        lambda d: d["sources"][0].update(title=None),
    ],
    ids=[
        "version",
        "no version",
        "extra",
        "kind",
        "no kind",
        "node field",
        "no text",
        "id",
        "title",
    ],
)
def test_schema_refuses_what_load_refuses(small: ArgumentMap, change) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(dumps(small))
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())
    with pytest.raises(FileFormatError):
        loads(json.dumps(data))


def test_sources_of_a_loaded_map(small: ArgumentMap) -> None:
    again = loads(dumps(small))
    assert again.sources["diary"] == Source(
        id="diary", title="A diary", text=small.sources["diary"].text
    )


# -- the dict layer: the native format as plain Python data -------------------------------------


def test_to_dict_is_plain_data_that_the_schema_describes(nk: ArgumentMap) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = argmap.to_dict(nk)
    assert data == nk.to_dict()
    assert json.loads(json.dumps(data)) == data  # only dicts, lists, text, numbers, booleans
    jsonschema.validate(data, schema())
    assert data == json.loads(dumps(nk))


def test_from_dict_gives_an_equal_map(nk: ArgumentMap, small: ArgumentMap) -> None:
    assert argmap.from_dict(argmap.to_dict(nk)) == nk
    assert ArgumentMap.from_dict(small.to_dict()) == small


@settings(max_examples=examples(25), deadline=None)
@given(maps())
def test_dict_round_trip_for_any_map(m: ArgumentMap) -> None:
    assert argmap.from_dict(m.to_dict()) == m


def test_from_dict_does_not_change_its_input(small: ArgumentMap) -> None:
    data = small.to_dict()
    before = json.dumps(data)
    argmap.from_dict(data)
    assert json.dumps(data) == before


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (None, "<dict>: the file is empty"),
        ([], "<dict>: the top level is a list, not a mapping"),
        ({"argmap": 99}, "<dict> (argmap): format version 99 is not one this argmap reads"),
        ({"nodes": []}, "<dict> (argmap): field 'argmap' is required"),
        (
            {"argmap": 1, "nodes": [{"kind": "claim", "id": "c"}]},
            "<dict> (nodes[0].text): field 'text' is required",
        ),
        (
            {
                "argmap": 1,
                "nodes": [{"kind": "support", "id": "s", "premises": ["p"], "conclusion": "c"}],
            },
            "<dict> (nodes[0].premises[0]): unknown node 'p'",
        ),
    ],
)
def test_from_dict_names_the_place_of_a_problem(data: Any, expected: str) -> None:
    with pytest.raises(FileFormatError) as info:
        argmap.from_dict(data)
    assert str(info.value).startswith(expected)
    assert info.value.line is None


def test_default_source_round_trips(rain: Source) -> None:
    m = ArgumentMap(sources=[rain], default_source="diary")
    m.case("k", "It rained.", quotes=["It rained on Monday"])
    data = m.to_dict()
    assert data["default_source"] == "diary"
    for fmt in ("json", "yaml"):
        assert loads(dumps(m, format=fmt), format=fmt).default_source == "diary"  # type: ignore[arg-type]
    assert argmap.from_dict(data) == m
    assert "default_source" not in ArgumentMap(sources=[rain]).to_dict()
    assert "default_source" in schema()["properties"]


def test_an_unknown_default_source_in_a_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    error = _fails(path, "argmap: 2\ndefault_source: nowhere\nsources: []\nnodes: []\n")
    assert "(default_source)" in str(error)
    assert "the default source 'nowhere' is not a source of this map" in str(error)
    assert error.line == 2
