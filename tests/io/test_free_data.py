"""Free data: one check at the model for what any reader or caller puts in ``data``, and one
check in the readers that ``data`` is an object at all; hand-made files that broke these."""

from __future__ import annotations

import json
import math
import warnings
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap
from argmap.exceptions import FileFormatError, InvalidMapError
from argmap.model import DATA_MAX_DEPTH, DATA_MAX_INT_BITS, DATA_MAX_VALUES


def _claim(data: dict[str, Any]) -> Any:
    return ArgumentMap(title="t").claim("c", "A.", data=data)


@pytest.mark.parametrize(
    ("value", "where"),
    [(math.nan, "x"), (math.inf, "x"), ([1, -math.inf], "x.1"), ({"y": math.nan}, "x.y")],
)
def test_numbers_json_cannot_carry_are_refused_at_entry(value: object, where: str) -> None:
    with pytest.raises(InvalidMapError, match=f"at {where}: .* is not a finite number"):
        _claim({"x": value})


def test_the_map_data_is_checked_the_same_way() -> None:
    with pytest.raises(InvalidMapError, match="not a finite number"):
        ArgumentMap(title="t", data={"x": math.nan})


def test_data_that_contains_itself_is_refused_not_a_hang() -> None:
    looped: dict[str, Any] = {}
    looped["me"] = looped
    with pytest.raises(InvalidMapError, match=r"at me\.me: this list or mapping contains itself"):
        _claim(looped)
    chain: list[Any] = [[]]
    chain[0].append(chain)
    with pytest.raises(InvalidMapError, match="contains itself"):
        _claim({"l": chain})


def test_a_shared_value_is_no_loop_but_counts_as_often_as_a_file_writes_it() -> None:
    shared = {"k": [1, 2]}
    claim = _claim({"a": shared, "b": [shared, shared]})
    assert claim.data == {"a": {"k": [1, 2]}, "b": [{"k": [1, 2]}, {"k": [1, 2]}]}
    # 2**40 values once written out: refused at once, not written (or hashed) forever.
    level: Any = [1]
    for _ in range(40):
        level = [level, level]
    with pytest.raises(InvalidMapError, match=f"more than {DATA_MAX_VALUES:,} values"):
        _claim({"x": level})


def test_depth_past_the_limit_is_refused_and_the_limit_is_kept() -> None:
    deep: Any = 1
    for _ in range(DATA_MAX_DEPTH - 1):
        deep = [deep]
    assert _claim({"x": deep}).data["x"] == deep
    with pytest.raises(InvalidMapError, match=f"nest deeper than {DATA_MAX_DEPTH} levels"):
        _claim({"x": [deep]})
    very: Any = 1
    for _ in range(50_000):
        very = [very]
    with pytest.raises(InvalidMapError, match="nest deeper"):  # no RecursionError either
        _claim({"x": very})


def test_a_number_too_long_to_write_is_refused() -> None:
    ok = 2**DATA_MAX_INT_BITS - 1
    assert _claim({"n": ok}).data["n"] == ok
    with pytest.raises(InvalidMapError, match="more than 14000 bits"):
        _claim({"n": 10**5000})


@pytest.mark.parametrize("fmt", ["json", "yaml", "argdown", "aif", "sadface", "graphml"])
def test_what_entry_accepts_every_lossless_format_writes_and_reads_back(fmt: str) -> None:
    shared = {"k": [1, 2.5, None, True, "é"]}
    m = ArgumentMap(title="t")
    m.claim("c", "A.", data={"a": shared, "b": shared, "n": 2**1000, "f": 1e308})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = argmap.loads(argmap.dumps(m, format=fmt), format=fmt)
    assert back.nodes()[0].data == m.nodes()[0].data


# -- readers: ``data`` must be an object -----------------------------------------------------------


@pytest.mark.parametrize("data", ["x", 5, [1, 2], True])
def test_aif_node_data_not_an_object(data: object) -> None:
    doc = {"nodes": [{"nodeID": "1", "text": "A", "type": "I", "_argmap": {"data": data}}]}
    with pytest.raises(
        FileFormatError,
        match=r"nodes\[0\] \(nodeID '1'\)\._argmap\.data\): data "
        "must be an object",
    ):
        argmap.loads(json.dumps({**doc, "edges": []}), format="aif")


def test_aif_map_data_not_an_object() -> None:
    doc = {
        "nodes": [{"nodeID": "1", "text": "A", "type": "I"}],
        "edges": [],
        "_argmap": {"data": 1},
    }
    with pytest.raises(FileFormatError, match=r"_argmap\.data\): data must be an object"):
        argmap.loads(json.dumps(doc), format="aif")


def _sadface(node_data: object = None, map_data: object = None) -> str:
    node: dict[str, Any] = {"id": "n1", "type": "atom", "text": "A"}
    if node_data is not None:
        node["metadata"] = {"argmap": {"data": node_data}}
    doc: dict[str, Any] = {"nodes": [node], "edges": [], "resources": []}
    if map_data is not None:
        doc["metadata"] = {"argmap": {"data": map_data}}
    return json.dumps(doc)


@pytest.mark.parametrize("data", ["x", 5, [1]])
def test_sadface_data_not_an_object(data: object) -> None:
    with pytest.raises(FileFormatError, match=r"metadata\.argmap\.data\): data must be an object"):
        argmap.loads(_sadface(node_data=data), format="sadface")
    with pytest.raises(FileFormatError, match=r"metadata\.argmap\.data\): data must be an object"):
        argmap.loads(_sadface(map_data=data), format="sadface")


@pytest.mark.parametrize("meta", ["hello", "5", "[1, 2]"])
@pytest.mark.parametrize("place", ["top", "statement", "argument"])
def test_carneades_meta_that_is_no_mapping_is_refused_when_read(meta: str, place: str) -> None:
    # It used to load, then break the writer with a TypeError.
    lines = {
        "top": f"meta: {meta}\nstatements:\n  a: A\n  b: B\n",
        "statement": f"statements:\n  a:\n    text: A\n    meta: {meta}\n  b: B\n",
        "argument": "statements:\n  a: A\n  b: B\n",
    }[place]
    lines += "arguments:\n  r:\n    premises: [a]\n    conclusion: b\n"
    if place == "argument":
        lines += f"    meta: {meta}\n"
    with pytest.raises(FileFormatError, match="meta\\): expected a mapping"):
        argmap.loads(lines, format="carneades")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "nest too deep"),
        ("1" * 5000, "Exceeds the limit"),
        ("NaN", "not a finite number"),
    ],
)
def test_graph_formats_data_attribute(fmt: str, bad: str, problem: str) -> None:
    m = ArgumentMap(title="t")
    m.claim("c", "A.", data={"x": 1})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = argmap.dumps(m, format=fmt)
    written = next(w for w in ('{"x": 1}', "{&quot;x&quot;: 1}") if w in text)
    hostile = text.replace(written, written.replace("1", bad))
    with pytest.raises(FileFormatError, match=problem):
        argmap.loads(hostile, format=fmt)


@pytest.mark.parametrize("name", [[1], {"a": 1}, [], {}])
def test_sadface_scheme_name_that_is_no_text_is_located(name: object) -> None:
    # Found by the adversarial trial: a TypeError (unhashable type) from a list or object.
    m = ArgumentMap(title="t")
    m.claim("c", "A.")
    m.premise("p", "B.")
    m.support("p", "c")
    doc = json.loads(argmap.dumps(m, format="sadface"))
    scheme = next(n for n in doc["nodes"] if n["type"] == "scheme")
    scheme["name"] = name
    with pytest.raises(FileFormatError, match="a scheme's name must be text"):
        argmap.loads(json.dumps(doc), format="sadface")
