"""The safe JSON and YAML parsing every reader shares: data, or an error that names the line."""

from __future__ import annotations

import pytest
import yaml

from argmap.exceptions import FileFormatError
from argmap.io.parsing import (
    MAX_DEPTH,
    check_data,
    dump_yaml,
    json_path,
    line_of,
    parse_json,
    parse_yaml,
)


def test_json_and_yaml_parse_to_the_same_plain_data() -> None:
    text = '{"nodes": [{"id": "c", "weight": 0.5, "tags": ["a"], "ok": true, "x": null}]}'
    assert parse_json(text) == parse_yaml(text)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('{\n"a": 1,\n"a": 2}', 3, "duplicate key 'a'"),
        # the first object to close with a key twice, and its first repeated key
        ('{"x": {"b": 1, "c": 2,\n"c": 3, "b": 4}, "a": 1, "a": 2}', 2, "duplicate key 'c'"),
        ('{"a":\n NaN}', 2, "nan is not a number JSON can carry"),
        ('{"a": 1e999}', 1, "inf is not a number JSON can carry"),
        ('{"a": [1,\n 2', 2, "not valid JSON"),
        ('{"a": ' + "9" * 5000 + "}", 1, "write the number as text"),
    ],
)
def test_json_errors_name_the_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_json(text, path="m.json")
    assert caught.value.line == line
    assert caught.value.path == "m.json"
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
        ("a:\n  1: one\n", 2, "keys in an argmap file are text"),
        ("a: !!timestamp 2006-13-01\n", 1, "cannot read '2006-13-01' as timestamp"),
        ("a: [1\n", 2, "not valid YAML"),
        ("a: .nan\n", 1, "nan is not a number JSON can carry"),
        ("a: !!python/object:os.system ls\n", 1, "not valid YAML"),
    ],
)
def test_yaml_errors_name_the_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_yaml(text, path="m.yaml")
    assert caught.value.line == line
    assert problem in str(caught.value)


def test_yaml_reads_a_bare_date_as_text() -> None:
    assert parse_yaml("when: 2006-03-01") == {"when": "2006-03-01"}


@pytest.mark.parametrize("parse", [parse_json, parse_yaml])
def test_nesting_past_the_limit_is_refused_at_its_line(parse) -> None:  # type: ignore[no-untyped-def]
    text = "[\n" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    with pytest.raises(FileFormatError, match=f"nest deeper than {MAX_DEPTH} levels") as caught:
        parse(text)
    assert caught.value.line == MAX_DEPTH + 1
    assert parse("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


def test_an_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    with pytest.raises(FileFormatError, match="alias bomb"):
        parse_yaml("\n".join(lines))


def test_check_data_names_the_place_in_python_data() -> None:
    check_data({"nodes": [{"weight": 0.5, "tags": ("a", "b")}]})
    with pytest.raises(FileFormatError) as caught:
        check_data({"nodes": [{"when": object()}]}, path="<dict>")
    assert caught.value.where == "nodes[0].when"
    assert caught.value.line is None
    assert "object value is not allowed" in str(caught.value)


def test_check_data_refuses_python_data_nested_past_the_limit() -> None:
    data: list[object] = []
    inner = data
    for _ in range(MAX_DEPTH + 5):
        inner.append([])
        inner = inner[0]  # type: ignore[assignment]
    with pytest.raises(FileFormatError, match="nest deeper"):
        check_data(data)


@pytest.mark.parametrize(
    ("text", "syntax"),
    [
        ('{\n  "nodes": [\n    {"id": "a"},\n    {"id": "b",\n     "text": 1}\n  ]\n}', "json"),
        ("nodes:\n  - id: a\n  - id: b\n\n    text: 1\n", "yaml"),
    ],
)
def test_line_of_finds_a_place_in_either_syntax(text: str, syntax: str) -> None:
    assert line_of(text, ("nodes", 1, "text"), syntax=syntax) == 5  # type: ignore[arg-type]
    # A place the text lacks: the line of the deepest part it has (where item 1 starts).
    start = 4 if syntax == "json" else 3
    assert line_of(text, ("nodes", 1, "missing"), syntax=syntax) == start  # type: ignore[arg-type]
    assert line_of(text, (), syntax=syntax) is None  # type: ignore[arg-type]
    assert line_of(None, ("nodes",), syntax=syntax) is None  # type: ignore[arg-type]


def test_json_path_names_places_as_people_write_them() -> None:
    assert json_path(("nodes", 0, "premises", 1)) == "nodes[0].premises[1]"
    assert json_path(("central",)) == "central"
    assert json_path(None) is None


# -- YAML 1.2 core scalars -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("10:30", "10:30"),  # YAML 1.1: 630 (base 60)
        ("01234", "01234"),  # YAML 1.1: 668 (octal); a zip code
        ("0755", "0755"),
        ("1_000", "1_000"),
        ("yes", "yes"),  # YAML 1.1: True
        ("off", "off"),
        ("2006-03-01", "2006-03-01"),
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("1e3", 1000.0),  # YAML 1.1: the text '1e3'
        ("true", True),
        ("False", False),
        ("null", None),
        ("~", None),
    ],
)
def test_plain_scalars_are_typed_as_yaml_1_2_core(plain: str, value: object) -> None:
    parsed = parse_yaml(f"x: {plain}")["x"]
    assert parsed == value
    assert type(parsed) is type(value)


@pytest.mark.parametrize("text", ["10:30", "01234", "yes", "1e3", "0o17", "1_000", "true", "12"])
def test_text_that_looks_like_another_type_is_quoted_when_written(text: str) -> None:
    written = dump_yaml({"x": text})
    assert parse_yaml(written) == yaml.safe_load(written) == {"x": text}
