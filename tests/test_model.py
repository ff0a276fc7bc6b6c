"""The node models: one discriminated union on ``kind``, frozen, strict about fields and text."""

# ruff: noqa: RUF001  # the article's curly apostrophes, verbatim on purpose

from __future__ import annotations

from typing import Any

import pydantic
import pytest
from pydantic import ValidationError

from argmap.model import (
    Attack,
    Case,
    Claim,
    Premise,
    Quote,
    Rebuttal,
    Source,
    Support,
    node_adapter,
)

STATEMENTS: list[type[Claim | Premise | Case | Rebuttal]] = [Claim, Premise, Case, Rebuttal]

EXAMPLES: list[tuple[type[pydantic.BaseModel], dict[str, Any]]] = [
    (Claim, {"id": "c", "text": "Pressure works."}),
    (Premise, {"id": "p", "text": "The regime reacts.", "note": "n", "tags": ["analyst"]}),
    (
        Case,
        {
            "id": "k",
            "text": "Executions fell.",
            "quotes": [{"source": "a", "text": "fell", "start": 3, "end": 7}],
            "when": "1998",
            "who": ["UN"],
            "cites": ["a"],
            "attribution": "it is known to us",
        },
    ),
    (Rebuttal, {"id": "r", "text": "They will walk out."}),
    (Support, {"id": "s", "premises": ["p", "k"], "conclusion": "c", "scheme": "example"}),
    (Attack, {"id": "a", "premises": ["r"], "target": "s", "question": "example.typical"}),
    (Quote, {"source": "a", "text": "fell"}),
    (Source, {"id": "a", "title": "An article", "text": "It fell.", "url": "https://x.org"}),
]
EXAMPLE_IDS = [cls.__name__ for cls, _ in EXAMPLES]


# -- the union ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "cls"),
    [
        ("claim", Claim),
        ("premise", Premise),
        ("case", Case),
        ("rebuttal", Rebuttal),
        ("support", Support),
        ("attack", Attack),
    ],
)
def test_union_parses_each_kind_into_its_model(kind: str, cls: type[Any]) -> None:
    data = dict(next(d for c, d in EXAMPLES if c is cls))
    node = node_adapter.validate_python({"kind": kind, **data})
    assert type(node) is cls
    assert node.kind == kind
    assert node.id == data["id"]


def test_kind_defaults_to_the_models_own_and_is_left_out_of_repr() -> None:
    claim = Claim(id="c", text="x")
    assert claim.kind == "claim"
    assert "kind" not in repr(claim)


def test_kind_cannot_be_another_models() -> None:
    with pytest.raises(ValidationError, match="claim"):
        Claim(id="c", text="x", kind="premise")  # type: ignore[arg-type]


def test_union_refuses_unknown_kind() -> None:
    with pytest.raises(ValidationError) as info:
        node_adapter.validate_python({"kind": "conclusion", "id": "c", "text": "x"})
    assert info.value.errors()[0]["type"] == "union_tag_invalid"


def test_union_refuses_missing_kind() -> None:
    with pytest.raises(ValidationError) as info:
        node_adapter.validate_python({"id": "c", "text": "x"})
    assert info.value.errors()[0]["type"] == "union_tag_not_found"


def test_union_picks_by_kind_not_by_shape() -> None:
    # A premise's fields fit a claim too; the kind alone decides.
    node = node_adapter.validate_python({"kind": "premise", "id": "p", "text": "x"})
    assert isinstance(node, Premise)
    assert not isinstance(node, Claim)


def test_union_refuses_a_field_of_another_kind() -> None:
    with pytest.raises(ValidationError, match="conclusion"):
        node_adapter.validate_python({"kind": "claim", "id": "c", "text": "x", "conclusion": "d"})


# -- frozen, no extra fields -------------------------------------------------------------------


@pytest.mark.parametrize(("cls", "data"), EXAMPLES, ids=EXAMPLE_IDS)
def test_every_model_is_frozen(cls: type[pydantic.BaseModel], data: dict[str, Any]) -> None:
    model = cls(**data)
    field = next(iter(data))
    with pytest.raises(ValidationError, match="frozen"):
        setattr(model, field, data[field])


@pytest.mark.parametrize(("cls", "data"), EXAMPLES, ids=EXAMPLE_IDS)
def test_every_model_refuses_unknown_fields(
    cls: type[pydantic.BaseModel], data: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as info:
        cls(**data, colour="red")
    (error,) = info.value.errors()
    assert error["type"] == "extra_forbidden"
    assert error["loc"] == ("colour",)


def test_sequences_are_stored_as_tuples() -> None:
    case = Case(id="k", text="x", tags=["a"], who=["b"], cites=["s"])
    assert case.tags == ("a",)
    assert case.who == ("b",)
    assert case.cites == ("s",)
    assert Support(id="s", premises=["p"], conclusion="c").premises == ("p",)


def test_support_answered_cannot_be_changed_in_place() -> None:
    support = Support(
        id="s", premises=["p"], conclusion="c", scheme="example", answered={"example.typical": "q"}
    )
    hash(support)  # frozen models are hashable
    with pytest.raises(TypeError):
        support.answered["example.typical"] = "nowhere"  # type: ignore[index]


# -- text --------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f"])
@pytest.mark.parametrize("cls", STATEMENTS)
def test_statement_text_refuses_control_characters(cls: type[Any], bad: str) -> None:
    with pytest.raises(ValidationError, match="must not contain control characters") as info:
        cls(id="x", text=f"before{bad}after")
    assert info.value.errors()[0]["loc"] == ("text",)


@pytest.mark.parametrize("fine", ["tab\there", "two\nlines", "Britain’s", "북한 😀"])
def test_statement_text_allows_tab_newline_and_unicode(fine: str) -> None:
    assert Claim(id="c", text=fine).text == fine


@pytest.mark.parametrize("blank", ["", " ", "\n\t "])
def test_statement_text_refuses_blank(blank: str) -> None:
    with pytest.raises(ValidationError, match="must not be blank"):
        Premise(id="p", text=blank)


def test_statement_text_is_kept_exactly_not_stripped() -> None:
    assert Claim(id="c", text="  spaced  ").text == "  spaced  "


def test_quote_text_refuses_control_characters_and_blank() -> None:
    with pytest.raises(ValidationError, match="control characters"):
        Quote(source="a", text="a\x00b")
    with pytest.raises(ValidationError, match="blank"):
        Quote(source="a", text="   ")


def test_source_text_refuses_control_characters_but_may_be_absent() -> None:
    with pytest.raises(ValidationError, match="control characters") as info:
        Source(id="a", title="A", text="one\x0ctwo")
    assert info.value.errors()[0]["loc"] == ("text",)
    assert Source(id="a", title="A").text is None


def test_source_title_refuses_blank() -> None:
    with pytest.raises(ValidationError, match="blank"):
        Source(id="a", title=" ")


# -- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "good", ["c", "c1", "_x", "1", "a.b:c-d", "s_agenda", "é", "북한", "x" * 128]
)
def test_id_pattern_accepts(good: str) -> None:
    assert Claim(id=good, text="x").id == good


@pytest.mark.parametrize(
    "bad", ["", ".a", "-a", ":a", "a b", "a/b", "a\n", "a,b", "a'b", 'a"b', "x" * 129]
)
def test_id_pattern_refuses(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        Claim(id=bad, text="x")
    assert info.value.errors()[0]["loc"] == ("id",)


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "support", "id": "s", "premises": ["bad id"], "conclusion": "c"},
        {"kind": "support", "id": "s", "premises": ["p"], "conclusion": "bad id"},
        {"kind": "attack", "id": "a", "premises": ["p"], "target": "bad id"},
        {"kind": "case", "id": "k", "text": "x", "cites": ["bad id"]},
    ],
)
def test_references_follow_the_id_pattern(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="is not a valid id"):
        node_adapter.validate_python(data)


def test_quote_source_follows_the_id_pattern() -> None:
    with pytest.raises(ValidationError, match="is not a valid id"):
        Quote(source="no such", text="x")


# -- quotes' offsets ---------------------------------------------------------------------------


def test_quote_needs_both_offsets_or_neither() -> None:
    with pytest.raises(ValidationError, match="give both start and end, or neither"):
        Quote(source="a", text="fell", start=3)
    with pytest.raises(ValidationError, match="give both start and end, or neither"):
        Quote(source="a", text="fell", end=7)
    assert Quote(source="a", text="fell").start is None


def test_quote_offsets_must_span_its_text() -> None:
    with pytest.raises(ValidationError, match="end - start is 5 but the quote has 4 characters"):
        Quote(source="a", text="fell", start=3, end=8)


def test_quote_offsets_are_not_negative() -> None:
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        Quote(source="a", text="fell", start=-4, end=0)


# -- inferences --------------------------------------------------------------------------------


def test_inference_may_stand_without_premises_but_must_say_so() -> None:
    # Carneades arguments may have no premises; the field itself is still required.
    assert Support(id="s", premises=[], conclusion="c").premises == ()
    assert str(Attack(id="a", premises=[], target="c")) == "[attack a] (no premises) attacks c"
    with pytest.raises(ValidationError, match="field 'premises' is required") as info:
        Support(id="s", conclusion="c")  # type: ignore[call-arg]
    assert info.value.errors()[0]["loc"] == ("premises",)


def test_inference_refuses_a_premise_listed_twice() -> None:
    with pytest.raises(ValidationError, match="premise 'p' is listed twice"):
        Support(id="s", premises=["p", "q", "p"], conclusion="c")
    with pytest.raises(ValidationError, match="premise 'p' is listed twice"):
        Attack(id="a", premises=["p", "p"], target="c")


def test_support_refuses_to_support_itself() -> None:
    with pytest.raises(ValidationError, match="'c' cannot support itself"):
        Support(id="s", premises=["p", "c"], conclusion="c")


def test_attack_may_attack_its_own_premise() -> None:
    # A self-attack is an ordinary Dung framework's argument that attacks itself.
    assert Attack(id="a", premises=["r"], target="r").target == "r"


def test_target_is_what_an_inference_points_at() -> None:
    assert Support(id="s", premises=["p"], conclusion="c").target == "c"
    assert Attack(id="a", premises=["p"], target="s").target == "s"


def test_defaults() -> None:
    case = Case(id="k", text="x")
    assert (case.quotes, case.cites, case.who, case.tags) == ((), (), (), ())
    assert case.when is None
    assert case.attribution is None
    support = Support(id="s", premises=["p"], conclusion="c")
    assert support.scheme is None
    assert support.answered == {}
    assert Attack(id="a", premises=["p"], target="c").question is None


# -- JSON Schema -------------------------------------------------------------------------------


@pytest.mark.parametrize(("cls", "data"), EXAMPLES, ids=EXAMPLE_IDS)
def test_every_models_json_schema_accepts_its_dump_and_refuses_extra_fields(
    cls: type[pydantic.BaseModel], data: dict[str, Any]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = cls.model_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    dumped = cls(**data).model_dump(mode="json")
    jsonschema.validate(dumped, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**dumped, "colour": "red"}, schema)


@pytest.mark.parametrize(
    ("cls", "field"),
    [(Claim, "text"), (Claim, "id"), (Support, "premises"), (Attack, "target"), (Quote, "source")],
)
def test_every_models_json_schema_requires_its_required_fields(
    cls: type[pydantic.BaseModel], field: str
) -> None:
    assert field in cls.model_json_schema()["required"]


def test_json_schema_of_ids_carries_the_pattern() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = Claim.model_json_schema()
    jsonschema.validate({"id": "ok", "text": "x"}, schema)
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        jsonschema.validate({"id": "not ok", "text": "x"}, schema)


def test_union_json_schema_discriminates_on_kind() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = node_adapter.json_schema()
    assert schema["discriminator"]["propertyName"] == "kind"
    assert set(schema["discriminator"]["mapping"]) == {
        "claim",
        "premise",
        "case",
        "rebuttal",
        "support",
        "attack",
    }
    for cls, data in EXAMPLES[:6]:
        jsonschema.validate(cls(**data).model_dump(mode="json"), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"kind": "verdict", "id": "v", "text": "x"}, schema)


# -- titles, data, weights, assumptions, acknowledgements (what other formats carry) -----------


def test_new_fields_are_optional_and_repr_shows_only_what_was_said() -> None:
    c = Claim(id="c", text="Pressure works.", title="Pressure works!")
    assert repr(c) == "Claim(id='c', title='Pressure works!', text='Pressure works.')"
    assert (c.data, c.acknowledge, c.weight, c.assumption) == ({}, {}, None, False)


def test_data_holds_json_values_and_is_read_only() -> None:
    c = Claim(id="c", text="x", data={"colour": "#fa0", "votes": [1, 2.5, None], "m": {"k": True}})
    assert c.data["m"] == {"k": True}
    with pytest.raises(TypeError, match="frozen model"):
        c.data["colour"] = "red"  # type: ignore[index]
    assert hash(c) == hash(
        Claim(id="c", text="x", data={"votes": [1, 2.5, None], "m": {"k": True}, "colour": "#fa0"})
    )
    with pytest.raises(ValidationError):
        Claim(id="c", text="x", data={"bad": object()})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"title": "  "}, "must not be blank"),
        ({"weight": 1.5}, "less than or equal to 1"),
        ({"weight": -0.1}, "greater than or equal to 0"),
        ({"weight": float("nan")}, "finite number"),
        ({"assumption": "yes"}, "valid boolean"),
        ({"assumption": 1}, "valid boolean"),
        ({"acknowledge": {"AM101": " "}}, "must not be blank"),
        ({"data": {"a\x00": 1}}, "control characters"),
    ],
)
def test_new_fields_refuse_bad_values(fields: dict[str, object], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        Claim(id="c", text="x", **fields)  # type: ignore[arg-type]


def test_models_with_frozen_mappings_pickle_and_deep_copy() -> None:
    import copy
    import pickle

    s = Support(
        id="s",
        premises=["p"],
        conclusion="c",
        scheme="example",
        answered={"example.typical": "q"},
        data={"w": [1]},
        acknowledge={"AM601": "on purpose"},
    )
    for again in (pickle.loads(pickle.dumps(s)), copy.deepcopy(s), copy.copy(s)):
        assert again == s
        assert type(again.answered) is type(s.answered)
        with pytest.raises(TypeError):
            again.answered["x"] = "y"  # type: ignore[index]


def test_help_says_cites_and_quotes_take_source_ids() -> None:
    import pydoc

    from argmap.model import Case, Quote

    text = pydoc.render_doc(Case, renderer=pydoc.plaintext)
    cites = text[text.index("cites:") : text.index("attribution:")]
    assert "A source's id" in cites
    assert "A node id" not in cites
    assert "source ids" in text
    assert "source's id" in Case.model_json_schema()["properties"]["cites"]["items"]["description"]
    assert "source's id" in Quote.model_json_schema()["properties"]["source"]["description"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"k": (1, 2)}, "at k: a tuple is not a JSON value"),
        ({"k": [1, {"x": {1, 2}}]}, "at k.1.x: a set is not a JSON value"),
        ({"k": {1: "v"}}, "at k: keys must be text, not int"),
        ({"k": b"x"}, "at k: a bytes is not a JSON value"),
    ],
)
def test_data_refuses_what_json_cannot_hold_and_says_where(
    data: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ValidationError, match=problem):
        Claim(id="c", text="x", data=data)


def test_data_is_copied_so_the_model_owns_it() -> None:
    votes = [1, 2]
    nested = {"votes": votes, "deep": [[{"z": None}]], "n": 1.5}
    c = Claim(id="c", text="x", data={"m": nested, "s": "text"})
    votes.append(3)
    nested["added"] = True
    assert c.data == {
        "m": {"votes": [1, 2], "deep": [[{"z": None}]], "n": 1.5},
        "s": "text",
    }
    assert type(c.data["m"]) is dict


def test_data_refuses_unwritable_text_at_any_depth() -> None:
    # A lone surrogate cannot be written as UTF-8: refused where it enters, not when written.
    with pytest.raises(ValidationError, match="lone surrogates"):
        Claim(id="c", text="x", data={"": "\ud800"})
    with pytest.raises(ValidationError, match="control characters"):
        Claim(id="c", text="x", data={"a": [{"b": ["ok", "\x07"]}]})
    with pytest.raises(ValidationError, match="control characters"):
        Claim(id="c", text="x", data={"a": {"\x00": 1}})


# -- models share what cannot change: empty mappings and the set of given fields -----------------


def test_models_share_one_empty_mapping_of_each_kind_and_refuse_changes_to_it() -> None:
    import copy
    import pickle

    a = Support(id="a", premises=["p"], conclusion="c")
    b = Claim(id="b", text="B.", data={}, acknowledge={})
    assert a.data is b.data
    assert a.acknowledge is b.acknowledge
    assert a.answered == {}
    assert type(a.answered).__name__ == "FrozenMap"
    for again in (pickle.loads(pickle.dumps(a)), copy.deepcopy(a)):
        assert again.data is a.data
        assert again.answered is a.answered
    with pytest.raises(TypeError, match="frozen model"):
        a.data["x"] = 1  # type: ignore[index]
    with pytest.raises(TypeError, match="frozen model"):
        a.answered.update(x="y")
    assert b.data == {}
    assert Claim(id="d", text="D.", data={"w": 1}).data == {"w": 1}


def test_models_given_the_same_fields_share_one_read_only_set_of_their_names() -> None:
    import copy
    import pickle

    a, b = Claim(id="a", text="A."), Claim(id="b", text="B.")
    assert a.model_fields_set == {"id", "text"}
    assert a.model_fields_set is b.model_fields_set
    assert Claim(id="c", text="C.", note="n").model_fields_set == {"id", "text", "note"}
    with pytest.raises(TypeError, match="shared by frozen models"):
        a.model_fields_set.add("note")
    with pytest.raises(TypeError, match="shared by frozen models"):
        a.model_fields_set |= {"note"}
    assert b.model_fields_set == {"id", "text"}
    # model_copy changes its own copy of the set, never the shared one
    changed = a.model_copy(update={"note": "n"})
    assert changed.model_fields_set == {"id", "text", "note"}
    assert a.model_fields_set == {"id", "text"}
    assert pickle.loads(pickle.dumps(a)).model_fields_set is a.model_fields_set
    assert copy.deepcopy(a).model_fields_set == {"id", "text"}
    assert a.model_dump(exclude_unset=True) == {"id": "a", "text": "A."}
