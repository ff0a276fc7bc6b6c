"""Validation problems (argmap/exceptions.py): one function words them, so the API, every reader
and the command line say the same problem the same way, naming the field and what to do."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from typing import Any

import networkx as nx
import pydantic
import pytest

import argmap
from argmap.exceptions import _UNION_TAGS, pydantic_problem, validation_problem
from argmap.io.networkx import from_networkx
from argmap.model import INFERENCE_KINDS, STATEMENT_KINDS, Support, node_adapter


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.premise("p", "Talks failed.")
    m.support("p", "c")
    return m


def _message(read: Callable[[], Any]) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what a format cannot keep is not the point here
        with pytest.raises(argmap.ArgmapError) as info:
            read()
    return str(info.value)


@pytest.mark.parametrize("fmt", ["json", "yaml", "aif", "sadface"])
def test_a_number_where_text_goes_in_a_file_says_to_quote_it_in_every_format(fmt: str) -> None:
    text = argmap.dumps(_map(), format=fmt)
    bad = text.replace('"Pressure works."' if fmt != "yaml" else "Pressure works.", "7", 1)
    message = _message(lambda: argmap.loads(bad, format=fmt))
    assert 'input should be text, but 7 was read as a number; put it in quotes ("7")' in message
    assert "'c'" in message or "nodes[0]" in message  # the node, by id or place


@pytest.mark.parametrize(
    "read",
    [
        pytest.param(lambda: Support(id="s", conclusion="c"), id="model"),  # type: ignore[call-arg]
        pytest.param(
            lambda: argmap.loads(
                json.dumps(
                    {"argmap": 2, "nodes": [{"kind": "support", "id": "s", "conclusion": "c"}]}
                )
            ),
            id="native",
        ),
        pytest.param(lambda: from_networkx(_graph({"kind": "claim"})), id="networkx"),
        pytest.param(
            lambda: argmap.loads(
                json.dumps(
                    {
                        "nodes": [
                            {
                                "nodeID": "1",
                                "text": "T.",
                                "type": "I",
                                "_argmap": {"kind": "support"},
                            }
                        ],
                        "edges": [],
                    }
                ),
                format="aif",
            ),
            id="aif",
        ),
    ],
)
def test_a_missing_field_is_named_alike_on_every_route(read: Callable[[], Any]) -> None:
    message = _message(read)
    assert "field 'premises' is required" in message or "field 'text' is required" in message


def test_a_number_where_text_goes_in_an_argdown_data_block_says_to_quote_it() -> None:
    message = _message(
        lambda: argmap.loads("[c]: Pressure works.\n  {tags: [5]}\n", format="argdown")
    )
    assert message == (
        "<text>:1: [c]: tags[0]: input should be text, but 5 was read as a number; "
        'put it in quotes ("5") to keep it as text'
    )


def _graph(attrs: dict[str, Any]) -> nx.DiGraph[str]:
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_node("s", **attrs)
    return g


def test_a_place_reads_as_a_file_writes_it_without_the_unions_tag() -> None:
    error = {"loc": ("case", "quotes", 0, "source"), "msg": "Value error, bad", "type": "x"}
    assert pydantic_problem(error) == "quotes[0].source: bad"
    nested = {"loc": ("nodes", 2, "claim", "title"), "msg": "Value error, bad", "type": "x"}
    assert pydantic_problem(nested) == "nodes[2].title: bad"
    # a kind's name elsewhere is a field's or a key's, and stays
    assert pydantic_problem({"loc": ("data", "claim"), "msg": "bad", "type": "x"}) == (
        "data.claim: bad"
    )
    assert pydantic_problem(nested, located=False) == "bad"


def test_the_tags_left_out_are_the_models_kinds() -> None:
    assert frozenset(STATEMENT_KINDS + INFERENCE_KINDS) == _UNION_TAGS


@pytest.mark.parametrize(
    ("given", "read", "said"),
    [
        (5, False, "input should be a valid string (got int)"),
        (None, False, "input should be a valid string (got None)"),
        (None, True, "input should be a valid string (got null)"),
        (True, True, 'but true was read as a boolean; put it in quotes ("true")'),
    ],
)
def test_a_value_of_the_wrong_type_says_what_it_was(given: Any, read: bool, said: str) -> None:
    error = {"loc": ("text",), "msg": "Input should be a valid string", "type": "string_type"}
    assert said in pydantic_problem({**error, "input": given}, read=read)


def test_more_than_three_problems_are_counted() -> None:
    fields = {"kind": "case", "id": "c", "text": " ", "title": " ", "when": 5, "who": 6, "x": 1}
    with pytest.raises(pydantic.ValidationError) as info:
        node_adapter.validate_python(fields)
    worded = validation_problem(info.value)
    shown = worded.split(" (and ")[0].split("; ")
    assert len(shown) == 3
    assert worded.endswith(f"(and {info.value.error_count() - 3} more problems)")
    one_more = fields | {"x": None, "who": "W"}
    del one_more["x"]
    with pytest.raises(pydantic.ValidationError) as info:
        node_adapter.validate_python(one_more)
    assert info.value.error_count() == 4
    assert validation_problem(info.value).endswith("(and 1 more problem)")
