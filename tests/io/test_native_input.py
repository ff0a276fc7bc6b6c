"""The native format against hostile input: deep nesting, values YAML cannot build or JSON cannot
carry, keys that are not text, alias bombs, byte order marks, devices and FIFOs, and arguments of
the wrong type. Each is a FileFormatError (or an ArgmapError) naming the place, never a
RecursionError, ValueError or TypeError, and never a hang."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

import argmap
from argmap import ArgmapError, ArgumentMap, FileFormatError
from argmap.io.native import dumps, loads
from argmap.io.parsing import MAX_DEPTH


def _error(text: str, fmt: str) -> FileFormatError:
    with pytest.raises(FileFormatError) as info:
        loads(text, format=fmt, path=f"m.{fmt}")  # type: ignore[arg-type]
    error = info.value
    assert str(error).startswith(f"m.{fmt}")
    assert "\n" not in str(error)
    return error


# -- deep nesting ------------------------------------------------------------------------------


def _deep_json(depth: int) -> str:
    """A document whose title holds lists nested ``depth`` levels below the top, from line 3."""
    return '{\n  "argmap": 1,\n  "title": ' + "[" * depth + "]" * depth + "\n}\n"


def _deep_yaml(depth: int) -> str:
    return "argmap: 1\nsources: []\ntitle: " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("depth", [MAX_DEPTH, 500, 5_000, 100_000])
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_nesting_is_a_file_format_error_with_its_line(fmt: str, depth: int) -> None:
    """A few hundred levels used to raise RecursionError; any depth past the limit is refused."""
    error = _error(_deep_json(depth) if fmt == "json" else _deep_yaml(depth), fmt)
    assert f"nest deeper than {MAX_DEPTH} levels" in str(error)
    assert error.line == 3  # the line of the title, where the nesting starts


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_nesting_in_block_yaml_or_across_json_lines(fmt: str) -> None:
    depth = 400
    if fmt == "json":
        text = '{"argmap": 1, "title":\n' + "[\n" * depth + "]\n" * depth + "}"
        expected = 2 + MAX_DEPTH - 1  # the top mapping is level 1; line 2 opens level 2
    else:
        text = "argmap: 1\ntitle:\n" + "".join("  " * i + "-\n" for i in range(depth))
        expected = 3 + MAX_DEPTH - 1  # line 3 opens level 2
    error = _error(text, fmt)
    assert "nest deeper" in str(error)
    assert error.line == expected


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_nesting_up_to_the_limit_is_parsed(fmt: str) -> None:
    """At the limit the parser gives way to validation, which names the unknown field."""
    inner = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    text = '{"argmap": 1, "extra": ' + inner + "}"
    error = _error(text, fmt)  # JSON is YAML, so both parsers read it
    assert "unknown field 'extra'" in str(error)


def test_deep_nesting_through_the_file_and_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(_deep_json(50_000), encoding="utf-8")
    with pytest.raises(FileFormatError, match="nest deeper") as info:
        argmap.load(path)
    assert info.value.path == str(path)


def test_an_alias_that_contains_itself_is_refused() -> None:
    error = _error("argmap: 1\ntitle: &loop [a, *loop]\n", "yaml")
    assert "an alias contains itself" in str(error)


def test_an_alias_bomb_is_refused_without_expanding_it() -> None:
    lines = ["argmap: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "\n".join(lines) + "\n"  # expands to 10**9 strings from under 500 characters
    error = _error(text, "yaml")
    assert "alias bomb" in str(error)
    assert error.line is not None


def test_shared_aliases_of_ordinary_size_are_read() -> None:
    text = """\
argmap: 1
sources: []
nodes:
- {kind: claim, id: c, text: Rain., tags: &t [weather, rivers]}
- {kind: premise, id: p, text: Clouds., tags: *t}
"""
    m = loads(text, format="yaml")
    assert m["p"].tags == ("weather", "rivers")  # type: ignore[union-attr]


# -- YAML values and keys that cannot be built -------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "!!int 0xZZ",
        '!!int ""',
        "!!float abc",
        "!!bool maybe",
        "!!timestamp 2020-13-01",
        "!!timestamp 2020-02-31",
        "!!timestamp abc",
        "!!timestamp 2001-12-14t21:59:43.10+25:00",
        "!!map x",
        "1" * 5000,  # past Python's limit for converting digits to an int
    ],
)
def test_yaml_values_that_cannot_be_built_name_their_line(value: str) -> None:
    error = _error(f"argmap: 1\nsources: []\ntitle: {value}\n", "yaml")
    assert str(error).startswith("m.yaml:3: not valid YAML: cannot read ")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("!!binary aGVsbG8=", "bytes"),
        ("!!set {a, b}", "set"),
        ("!!timestamp 2020-01-01", "date"),
        ("!!timestamp 2020-01-01 10:00:00", "datetime"),
    ],
)
def test_yaml_values_that_are_not_json_are_refused(value: str, kind: str) -> None:
    error = _error(f"argmap: 1\nsources: []\ntitle: {value}\n", "yaml")
    assert error.line == 3
    assert error.where == "title"
    assert f"a {kind} value is not allowed" in str(error)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"argmap": 1,\n"title": NaN}', "json"),
        ('{"argmap": 1,\n"title": -Infinity}', "json"),
        ('{"argmap": 1,\n"title": 1e999}', "json"),
        ("argmap: 1\ntitle: .nan\n", "yaml"),
        ("argmap: 1\ntitle: -.inf\n", "yaml"),
    ],
)
def test_numbers_json_cannot_carry_are_refused(text: str, fmt: str) -> None:
    error = _error(text, fmt)
    assert error.line == 2
    assert "not a number JSON can carry" in str(error)


@pytest.mark.parametrize(
    ("key", "what"),
    [
        ("1", "the key '1' is read as a YAML int"),
        ("true", "the key 'true' is read as a YAML bool"),
        ("null", "the key 'null' is read as a YAML NoneType"),
        ("1.5", "the key '1.5' is read as a YAML float"),
        ("[a, b]", "a list is used as a key"),
        ("{a: 1}", "a mapping is used as a key"),
    ],
)
def test_yaml_keys_that_are_not_text_are_refused_with_their_line(key: str, what: str) -> None:
    text = f"argmap: 1\nnodes:\n- kind: claim\n  id: c\n  text: x\n  ? {key}\n  : value\n"
    error = _error(text, "yaml")
    assert error.line == 6
    assert f"not valid YAML: {what}; keys in an argmap file are text" in str(error)


def test_a_bare_date_is_read_as_the_text_it_is() -> None:
    """The format has no date type; a date written bare used to be refused as not a string."""
    text = """\
argmap: 1
title: 2020-02-31
sources:
- {id: hrw, title: A report, date: 2006-03-01}
"""
    m = loads(text, format="yaml")
    assert m.title == "2020-02-31"
    assert m.sources["hrw"].date == "2006-03-01"
    assert loads(dumps(m, format="yaml"), format="yaml") == m


# -- JSON's own errors, located in JSON --------------------------------------------------------


def test_json_errors_are_located_without_reading_the_text_as_yaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """JSON is located by JSON: YAML was slow and large on big files, and wrong on tabs."""

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("JSON text was composed as YAML")

    monkeypatch.setattr(yaml, "compose", no_yaml)
    text = (
        '{\n\t"argmap": 1,\n\t"nodes": [\n'
        '\t\t{"kind": "claim", "id": "a", "text": "say \\"]}\\" and {"},\n'
        '\t\t{"kind": "claim", "id": "b",\n\t\t "text": "   "}\n\t]\n}\n'
    )
    error = _error(text, "json")
    assert (error.line, error.where) == (6, "nodes[1].text")


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        ({"premises": ["c1", "nowhere"]}, "nodes[200].premises[1]"),
        ({"premises": ["c1", "c 2"]}, "nodes[200].premises[1]"),
    ],
)
def test_a_json_error_names_the_line_of_the_value_at_the_end_of_a_long_file(
    bad: dict[str, list[str]], where: str
) -> None:
    nodes = [{"kind": "claim", "id": f"c{i}", "text": f"claim {i}"} for i in range(200)]
    nodes.append({"kind": "support", "id": "s", "conclusion": "c0", **bad})
    text = json.dumps({"argmap": 1, "nodes": nodes}, indent=2)
    error = _error(text, "json")
    lines = text.splitlines()
    assert lines[error.line - 1].strip() == json.dumps(bad["premises"][1])  # type: ignore[operator]
    assert error.where == where


def test_the_json_duplicate_key_line_is_the_second_one() -> None:
    text = '{\n"argmap": 1,\n"nodes": [\n{"kind": "claim",\n "id": "c",\n "id": "d", "text": "x"}]}'
    error = _error(text, "json")
    assert "duplicate key 'id'" in str(error)
    assert (error.line, error.where) == (6, "nodes[0]")


def test_a_json_number_too_long_to_convert_is_located() -> None:
    error = _error('{"argmap": 1,\n"title":\n' + "7" * 5000 + "}", "json")
    assert error.line == 3
    assert "write the number as text" in str(error)


# -- byte order marks --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_byte_order_mark_is_dropped_in_json_and_yaml(
    small: ArgumentMap, tmp_path: Path, fmt: str
) -> None:
    """JSON refused a BOM that YAML accepted; both now read it as the editor meant."""
    text = dumps(small, format=fmt)  # type: ignore[arg-type]
    assert loads("\ufeff" + text, format=fmt) == small  # type: ignore[arg-type]
    path = tmp_path / f"m.{fmt}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert argmap.load(path) == small


def test_only_a_leading_byte_order_mark_is_dropped() -> None:
    error = _error('{"argmap": 1,\n\ufeff"title": "x"}', "json")
    assert error.line == 2


# -- what is not a file ------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs a /dev/zero device")
def test_a_device_is_refused_not_read_forever() -> None:
    with pytest.raises(FileFormatError, match=r"not a regular file \(a device\)") as info:
        argmap.load("/dev/zero", format="json")
    assert info.value.path == "/dev/zero"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "m.json"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match=r"not a regular file \(a FIFO\)"):
        argmap.load(fifo)


def test_a_symlink_loop_is_a_file_format_error(tmp_path: Path) -> None:
    loop = tmp_path / "m.json"
    loop.symlink_to(tmp_path / "m.json")
    with pytest.raises(FileFormatError, match="cannot read: Too many levels of symbolic links"):
        argmap.load(loop)


# -- arguments of the wrong type ---------------------------------------------------------------


@pytest.mark.parametrize("path", [None, 3, b"m.json", "", "m\0.json"])
def test_load_refuses_what_is_not_a_path(path: object) -> None:
    with pytest.raises(ArgmapError, match="path"):
        argmap.load(path)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [None, b'{"argmap": 1}', 1])
def test_loads_refuses_what_is_not_text(text: object) -> None:
    with pytest.raises(ArgmapError, match="loads reads text"):
        argmap.loads(text)  # type: ignore[arg-type]


def test_dumps_refuses_what_is_not_a_map() -> None:
    with pytest.raises(ArgmapError, match="expected an ArgumentMap to write, got NoneType"):
        argmap.dumps(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["xml", "JSON", "", None])
def test_an_unknown_format_is_refused_in_both_directions(small: ArgumentMap, fmt: object) -> None:
    """dumps(format="xml") used to write JSON, and loads read anything but "json" as YAML."""
    with pytest.raises(ArgmapError, match="unknown format"):
        dumps(small, format=fmt)  # type: ignore[arg-type]
    with pytest.raises(ArgmapError, match="unknown format"):
        loads(dumps(small), format=fmt)  # type: ignore[arg-type]


# -- formats that embed YAML read it the same way ----------------------------------------------


@pytest.mark.parametrize(
    "data",
    ["{x: " + "[" * 2_000 + "]" * 2_000 + "}", "{x: !!int 0xZZ}", "{1: one}", "{x: .nan}"],
    ids=["deep", "unbuildable", "non-text key", "nan"],
)
def test_an_argdown_data_block_is_read_as_argmap_reads_yaml(data: str) -> None:
    """The fuzzer found a RecursionError from a deep data block in Argdown text."""
    from argmap.io.argdown.parser import parse
    from argmap.io.argdown.syntax import ArgdownSyntaxError

    with pytest.raises(ArgdownSyntaxError, match="the data block is not valid YAML"):
        parse(f"[A]: a statement {data}\n", path="m.argdown")


# -- strict types: a boolean is no number, a float no offset, a version exact ------------------


_QUOTED = (
    '{"argmap": 2, "sources": [{"id": "s", "title": "S", "text": "abc"}], "nodes": '
    '[{"kind": "case", "id": "c", "text": "x", "quotes": [{"source": "s", "text": "b", '
    '"start": START, "end": END}]}]}'
)


@pytest.mark.parametrize(
    ("start", "end"), [("true", "2"), ("1.0", "2.0"), ('"1"', '"2"'), ("1", "false")]
)
def test_quote_offsets_are_integers_not_booleans_floats_or_text(start: str, end: str) -> None:
    """ "start": true used to be read as offset 1."""
    error = _error(_QUOTED.replace("START", start).replace("END", end), "json")
    assert "input should be a valid integer" in str(error)
    assert error.where in ("nodes[0].quotes[0].start", "nodes[0].quotes[0].end")


def test_integer_offsets_are_read() -> None:
    m = loads(_QUOTED.replace("START", "1").replace("END", "2"))
    assert m["c"].quotes[0].start == 1  # type: ignore[union-attr]


@pytest.mark.parametrize("weight", ["true", '"0.5"', "false"])
@pytest.mark.parametrize("on", ["claim", "support"])
def test_weights_are_numbers_not_booleans_or_text(weight: str, on: str) -> None:
    claim_weight = f', "weight": {weight}' if on == "claim" else ""
    support_weight = f', "weight": {weight}' if on == "support" else ""
    text = (
        '{"argmap": 2, "nodes": ['
        f'{{"kind": "claim", "id": "c", "text": "x"{claim_weight}}}, '
        '{"kind": "claim", "id": "d", "text": "y"}, '
        f'{{"kind": "support", "id": "s", "premises": ["c"], "conclusion": "d"{support_weight}}}]}}'
    )
    error = _error(text, "json")
    assert "input should be a valid number" in str(error)
    assert error.where == ("nodes[0].weight" if on == "claim" else "nodes[2].weight")


@pytest.mark.parametrize("weight", ["1", "0", "0.25"])
def test_integer_and_float_weights_are_read(weight: str) -> None:
    node = f'{{"kind": "claim", "id": "c", "text": "x", "weight": {weight}}}'
    m = loads(f'{{"argmap": 2, "nodes": [{node}]}}')
    assert m["c"].weight == float(weight)  # type: ignore[union-attr]


@pytest.mark.parametrize("version", ["true", "1.0", "2.0", '"2"', "false", "null"])
def test_the_format_version_is_exact(version: str) -> None:
    """ "argmap": true was read as version 1."""
    error = _error(f'{{"argmap": {version}}}', "json")
    assert error.where == "argmap"
    assert "is not one this argmap reads" in str(error)


# -- Unicode normalisation: one id however its accents are written -----------------------------


def test_ids_that_differ_only_in_normalisation_are_one_id() -> None:
    composed, combining = "caf\u00e9", "cafe\u0301"
    text = json.dumps(
        {
            "argmap": 2,
            "nodes": [
                {"kind": "claim", "id": composed, "text": "x"},
                {"kind": "claim", "id": combining, "text": "y"},
            ],
        }
    )
    error = _error(text, "json")
    assert "already used" in str(error)
    assert error.where == "nodes[1]"


def test_a_reference_written_with_combining_accents_finds_its_node() -> None:
    text = json.dumps(
        {
            "argmap": 2,
            "nodes": [
                {"kind": "claim", "id": "caf\u00e9", "text": "x"},
                {"kind": "premise", "id": "p", "text": "y"},
                {"kind": "support", "id": "s", "premises": ["p"], "conclusion": "cafe\u0301"},
            ],
        }
    )
    m = loads(text)
    assert m.supporters("caf\u00e9") == ["p"]
    assert loads(dumps(m)) == m


def test_a_quote_that_matches_only_after_normalisation_says_why() -> None:
    m = ArgumentMap()
    m.add_source(argmap.Source(id="s", title="S", text="Un caf\u00e9 noir."))
    with pytest.raises(argmap.QuoteNotFoundError, match="differs only in how accented letters"):
        m.case("k", "Coffee.", quotes=["cafe\u0301 noir"], source="s")
    m.case("k", "Coffee.", quotes=["caf\u00e9 noir"], source="s")


@pytest.mark.parametrize("escape", ["\\U00110000", "\\U07052765", "\\UFFFFFFFF"])
def test_a_yaml_escape_past_the_last_code_point_is_located(escape: str) -> None:
    """The long fuzz run found this: PyYAML's scanner passed it to chr(), a ValueError."""
    error = _error(f'argmap: 2\nsources: []\ntitle: "a{escape}b"\n', "yaml")
    assert error.line == 3
    assert "not valid YAML: " in str(error)


def test_a_character_yaml_refuses_is_one_located_line() -> None:
    """The reader's error spanned two lines and named no line; the CI fuzzer found it."""
    error = _error("argmap: 2\ntitle: a\x1bb\n", "yaml")
    assert error.line == 2
    assert "character U+001B is not allowed" in str(error)


@pytest.mark.parametrize(
    ("value", "shown", "read_as"), [("2004", "2004", "number"), ("true", "true", "boolean")]
)
def test_a_number_where_text_goes_says_to_quote_it(value: str, shown: str, read_as: str) -> None:
    text = (
        f"argmap: 2\ntitle: T\nnodes:\n  - id: k\n    kind: case\n    text: A.\n    when: {value}\n"
    )
    with pytest.raises(FileFormatError) as caught:
        argmap.loads(text, format="yaml")
    assert str(caught.value) == (
        f"<text>:7 (nodes[0].when): input should be text, but {shown} was read as a "
        f'{read_as}; put it in quotes ("{shown}") to keep it as text'
    )
