"""The AIF reader's quick path (nodes validated without pydantic, the map built in bulk) reads
what pydantic's path reads, and refuses what it refuses with the same located error."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from budget import examples
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.io.aif as aif_module
from argmap.exceptions import FileFormatError
from argmap.io import aif


def _doc(text: Any = "Pressure works.", **node: Any) -> dict[str, Any]:
    """Two I-nodes and an RA, as AIFdb serves them; ``node`` changes the first I-node."""
    first = {"nodeID": "1", "text": text, "type": "I", "timestamp": "2015-11-25 16:13:50"}
    first.update(node)
    return {
        "nodes": [
            first,
            {"nodeID": "2", "text": "The regime answered.", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA", "schemeID": "72"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
        ],
        "locutions": [],
    }


def _read(text: str, *, quick: bool) -> tuple[str, Any]:
    """The map read, or the error, with the quick path on or off."""
    saved = aif_module.quick_node
    if not quick:
        aif_module.quick_node = lambda cls, fields: None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            m = aif.loads(text, path="d.json")
    except FileFormatError as exc:
        return "error", str(exc)
    finally:
        aif_module.quick_node = saved
    return "map", (m, [str(w.message) for w in said])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": " "}, "d.json (nodes[0] (nodeID '1')): text: must not be blank"),
        ({"text": "a\u0001b"}, "d.json (nodes[0] (nodeID '1')): text: must not contain control"),
        ({"text": "a\ud800"}, "d.json (nodes[0] (nodeID '1')): text: must not contain control"),
        ({"text": 7}, "d.json (nodes[0] (nodeID '1')): text: input should be text, but 7 was"),
        ({"text": None}, "(nodeID '1')): text: input should be a valid string (got null)"),
        ({"timestamp": "x\u0007"}, "d.json (nodes[0] (nodeID '1')): data: must not contain"),
        ({"when": {"a": "\u001f"}}, "d.json (nodes[0] (nodeID '1')): data: must not contain"),
        ({"big": 2**14_001}, "d.json (nodes[0] (nodeID '1')): data: at aif.big: a whole number"),
        ({"_argmap": {"kind": "case", "cites": ["x"]}}, "cites unknown source 'x'"),
        ({"_argmap": {"kind": "support"}}, "(nodeID '1')): field 'premises' is required"),
    ],
)
def test_bad_fields_are_refused_naming_the_node_on_either_path(
    change: dict[str, Any], message: str
) -> None:
    text = json.dumps(_doc(**change))
    quick, slow = _read(text, quick=True), _read(text, quick=False)
    assert quick[0] == "error"
    assert message in quick[1]
    assert quick == slow


def test_a_plain_file_takes_the_quick_path() -> None:
    calls: list[Any] = []
    saved = aif_module.quick_node

    def spy(cls: Any, fields: dict[str, Any]) -> Any:
        made = saved(cls, fields)
        calls.append(made)
        return made

    aif_module.quick_node = spy  # type: ignore[assignment]
    try:
        m = aif.loads(json.dumps(_doc()))
    finally:
        aif_module.quick_node = saved
    assert len(calls) == 3
    assert all(made is not None for made in calls)  # else the tests above prove nothing
    assert m["1"].data == {"aif": {"timestamp": "2015-11-25 16:13:50"}}
    assert m["3"].scheme == "Default Inference"


_values = st.one_of(
    st.text(max_size=5),
    st.sampled_from([" ", "\t", "a\u0085", "\u2028", "a\x7f", 0, 1.5, True, None, [], {}]),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3) | st.integers(), max_size=2),
)


@settings(max_examples=examples(80), deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["text", "timestamp", "scheme", "nodeID", "extra", "type"]),
        _values,
        max_size=3,
    ),
    st.booleans(),
)
def test_either_path_reads_a_node_of_random_fields_alike(
    change: dict[str, Any], on_scheme: bool
) -> None:
    doc = _doc()
    doc["nodes"][2 if on_scheme else 0].update(change)
    text = json.dumps(doc)
    quick, slow = _read(text, quick=True), _read(text, quick=False)
    assert quick[0] == slow[0]
    if quick[0] == "error":
        assert quick[1] == slow[1]
        return
    (m, said), (n, said_too) = quick[1], slow[1]
    assert m == n
    assert said == said_too
    assert aif.dumps(m) == aif.dumps(n)
