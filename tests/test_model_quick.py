"""The quick path (``argmap.model.quick_node``) builds exactly the model pydantic builds, and
never one that pydantic refuses: it checks the common shapes of node fields itself and leaves
everything else to pydantic."""

from __future__ import annotations

import math
import string
from typing import Any

import pytest
from budget import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from argmap import ArgumentMap
from argmap.exceptions import InvalidMapError
from argmap.ids import ASCII_ID, ID_MAX_LENGTH, is_id
from argmap.model import Attack, Case, Claim, Premise, Rebuttal, Support, quick_node

_CLASSES = [Claim, Premise, Case, Rebuttal, Support, Attack]

# Ids: plain ASCII ones (the quick path's), and every kind that is not (Unicode, NFC pairs,
# too long, a bad first character, a final newline, not a str).
_plain_ids = st.one_of(
    st.sampled_from(["c", "c1", "s_1", "a.b:c-d", "_", "9", "x" * ID_MAX_LENGTH]),
    st.text(string.ascii_letters + string.digits + "_.:-", min_size=1, max_size=6),
)
ids = st.one_of(  # mostly the quick path's, so that it is exercised as much as refused
    _plain_ids,
    _plain_ids,
    _plain_ids,
    st.sampled_from(
        [
            "",
            "-c",
            ".c",
            ":c",
            "a b",
            "c\n",
            "x" * (ID_MAX_LENGTH + 1),
            "é",
            "e\u0301",
            "북한",
            "x²",
            1,
            None,
            b"c",
            True,
        ]
    ),
)
# Texts: ordinary ones and each kind the model refuses or that is not a plain str.
texts = st.one_of(
    st.text(min_size=1, max_size=6),
    st.sampled_from(["Pressure works.", "P.", "Default Inference"]),
    st.text(min_size=0, max_size=6),
    st.sampled_from(
        [
            "Pressure works.",
            " ",
            "\t\n",
            "\u3000",
            "\x1c",
            "a\x00b",
            "a\x7f",
            "a\x85",
            "a\ud800",
            "tab\there",
            "line\r\nend",
            5,
            None,
            b"text",
        ]
    ),
)
scalars = st.one_of(
    st.sampled_from(["2015-11-25 16:13:50", "72", 1, 0.25, True, None]),
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**14_000 - 1, 2**14_000, -(2**14_001), 0.5, math.nan, math.inf, -0.0]),
    st.floats(),
    texts,
)
keys = st.one_of(
    st.sampled_from(["aif", "timestamp", "schemeID"]),
    st.text(max_size=4),
    st.sampled_from(["k\x01", 1, None]),
)
data = st.one_of(
    st.dictionaries(keys, scalars, max_size=3),
    st.dictionaries(keys, st.dictionaries(keys, scalars, max_size=3), max_size=2),
    st.dictionaries(keys, st.lists(scalars, max_size=2), max_size=2),
    st.sampled_from([None, [], "data", {"a": {"b": {"c": 1}}}]),
)
id_lists = st.one_of(
    st.lists(ids, max_size=3),
    st.lists(_plain_ids, max_size=3).map(tuple),
    st.lists(_plain_ids),
    ids,
)


@st.composite
def fields(draw: st.DrawFn) -> tuple[type[Any], dict[str, Any]]:
    cls = draw(st.sampled_from(_CLASSES))
    out: dict[str, Any] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {
        "title": st.none() | texts,
        "data": data,
        "kind": st.sampled_from([cls.model_fields["kind"].default] * 4 + ["claim", "attack", 1]),
        "note": st.none() | texts,  # a field the quick path leaves to pydantic
    }
    if cls in (Support, Attack):
        required = {
            "id": ids,
            "premises": id_lists,
            "conclusion" if cls is Support else "target": ids,
        }
        optional["scheme"] = st.none() | texts
    else:
        required = {"id": ids, "text": texts}
        if cls is Case:
            optional["cites"] = id_lists
    for name, strategy in required.items():
        if draw(st.integers(0, 19)) != 7:  # now and then one is missing
            out[name] = draw(strategy)
    for name, strategy in optional.items():
        if draw(st.integers(0, 2)) == 1:
            out[name] = draw(strategy)
    return cls, out


def _same(quick: Any, slow: Any) -> None:
    assert type(quick) is type(slow)
    assert quick == slow
    assert quick.__dict__ == slow.__dict__
    assert list(quick.__dict__) == list(slow.__dict__)  # the same order: repr, dumps
    assert {k: type(v) for k, v in quick.__dict__.items()} == {
        k: type(v) for k, v in slow.__dict__.items()
    }
    assert quick.model_fields_set == slow.model_fields_set
    assert type(quick.model_fields_set) is type(slow.model_fields_set)
    assert repr(quick) == repr(slow)
    assert hash(quick) == hash(slow)
    assert quick.model_dump_json() == slow.model_dump_json()
    assert quick.__pydantic_extra__ == slow.__pydantic_extra__
    assert quick.__pydantic_private__ == slow.__pydantic_private__


@settings(max_examples=examples(400), deadline=None)
@given(fields())
def test_the_quick_path_builds_what_pydantic_builds_and_nothing_it_refuses(
    case: tuple[type[Any], dict[str, Any]],
) -> None:
    cls, given_fields = case
    quick = quick_node(cls, dict(given_fields))
    try:
        slow = cls.model_validate(dict(given_fields))
    except ValidationError:
        assert quick is None, f"the quick path accepted what pydantic refuses: {given_fields!r}"
        return
    if quick is not None:
        _same(quick, slow)


@pytest.mark.parametrize(
    ("cls", "given_fields"),
    [
        (Claim, {"id": "c1", "text": "Pressure works."}),
        (Premise, {"id": "p", "text": "P.", "title": "A title", "kind": "premise"}),
        (Case, {"id": "e", "text": "E.", "cites": ("src",), "data": {"aif": {"t": "2015"}}}),
        (Rebuttal, {"id": "r", "text": "R.", "data": {"n": 1, "x": 0.5, "b": True, "z": None}}),
        (Support, {"id": "s", "premises": ["p", "q"], "conclusion": "c", "scheme": "Expert"}),
        (Attack, {"id": "a", "premises": ("r",), "target": "s", "kind": "attack"}),
        (Support, {"id": "s", "premises": [], "conclusion": "c"}),
    ],
)
def test_the_common_shapes_take_the_quick_path(
    cls: type[Any], given_fields: dict[str, Any]
) -> None:
    quick = quick_node(cls, dict(given_fields))
    assert quick is not None  # else the property above would hold vacuously
    _same(quick, cls.model_validate(given_fields))


@pytest.mark.parametrize(
    ("cls", "given_fields"),
    [
        (Claim, {"id": "c", "text": " "}),
        (Claim, {"id": "c", "text": "a\x85"}),
        (Claim, {"id": "-c", "text": "C."}),
        (Claim, {"id": "c", "text": "C.", "data": {"x": math.nan}}),
        (Claim, {"id": "c", "text": "C.", "data": {"x": {"y": 2**14_000}}}),
        (Claim, {"id": "c", "text": "C.", "data": {"k\x01": 1}}),
        (Claim, {"id": "c", "text": "C.", "kind": "premise"}),
        (Claim, {"id": "c"}),
        (Support, {"id": "s", "premises": ["p", "p"], "conclusion": "c"}),
        (Support, {"id": "s", "premises": ["c"], "conclusion": "c"}),
        (Support, {"id": "s", "premises": ["p"]}),
        (Attack, {"id": "a", "premises": ["r"], "target": "s", "scheme": "\t"}),
    ],
)
def test_what_pydantic_refuses_the_quick_path_leaves_to_it(
    cls: type[Any], given_fields: dict[str, Any]
) -> None:
    assert quick_node(cls, dict(given_fields)) is None
    with pytest.raises(ValidationError):
        cls.model_validate(given_fields)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda m: m.claim("c2", " "), "claim 'c2': text: must not be blank"),
        (lambda m: m.claim("c2", "a\x01b"), "claim 'c2': text: must not contain control"),
        (lambda m: m.premise("-p", "P."), "premise '-p': id: '-p' is not a valid id: it starts"),
        (lambda m: m.claim("c2", "C.", data={"x": math.inf}), "claim 'c2': data: at x: inf"),
        (lambda m: m.support(["p", "p"], "c"), "premise 'p' is listed twice"),
        (lambda m: m.support(["c"], "c", id="s9"), "'c' cannot support itself"),
        (lambda m: m.attack("p", "c", id="a b"), "attack 'a b': id: 'a b' is not a valid id"),
        (lambda m: m.case("e", "E.", cites=("src",)), "cites unknown source 'src'"),
    ],
)
def test_the_api_still_refuses_bad_fields_naming_the_node(build: Any, message: str) -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    with pytest.raises(InvalidMapError, match=None) as caught:
        build(m)
    assert message in str(caught.value)
    assert [n.id for n in m.nodes()] == ["c", "p"]  # nothing half-added


def test_the_validators_the_quick_path_repeats_are_all_there_are() -> None:
    """A new validator on a node model must be taught to quick_node (or the field left out of
    its checks): this lists the ones it repeats."""
    found = {}
    for cls in _CLASSES:
        decorators = cls.__pydantic_decorators__
        found[cls.__name__] = sorted(
            [*decorators.field_validators, *decorators.model_validators, *decorators.validators]
        )
    assert found == {
        "Claim": [],
        "Premise": [],
        "Case": [],
        "Rebuttal": [],
        "Support": ["_no_self_support", "_premises_distinct"],
        "Attack": ["_premises_distinct"],
    }


@settings(max_examples=examples(300), deadline=None)
@given(st.text(string.printable, max_size=ID_MAX_LENGTH + 2))
def test_the_ascii_id_pattern_is_the_id_rule_on_ascii(text: str) -> None:
    assert (ASCII_ID.fullmatch(text) is not None) == is_id(text)
