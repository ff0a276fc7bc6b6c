"""The catalogue of argumentation schemes and their critical questions."""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

import pytest

import argmap
from argmap import InvalidMapError
from argmap.schemes import (
    Scheme,
    external_scheme,
    get_scheme,
    scheme_names,
    schemes,
    similar_schemes,
)


def test_catalogue_holds_the_schemes_a_map_uses() -> None:
    names = scheme_names()
    assert len(names) == len(set(names)) == 12
    for needed in ("example", "cause_to_effect", "practical_reasoning", "expert_opinion"):
        assert needed in names


@pytest.mark.parametrize("scheme_id", scheme_names())
def test_every_scheme_is_complete(scheme_id: str) -> None:
    scheme = get_scheme(scheme_id)
    assert isinstance(scheme, Scheme)
    assert scheme.id == scheme_id
    assert scheme.name.strip()
    assert scheme.pattern.strip()
    assert len(scheme.questions) >= 2
    for qid, question in scheme.questions.items():
        assert re.fullmatch(rf"{re.escape(scheme_id)}\.[a-z0-9-]+", qid), qid
        assert question.endswith("?"), qid


def test_question_ids_are_unique_across_the_catalogue() -> None:
    ids = [q for s in schemes().values() for q in s.questions]
    assert len(ids) == len(set(ids))


def test_example_scheme() -> None:
    s = get_scheme("example")
    assert s.name == "Argument from example"
    assert list(s.questions) == [
        "example.is-true",
        "example.supports",
        "example.typical",
        "example.strength",
        "example.special",
    ]


def test_catalogue_is_read_only() -> None:
    with pytest.raises(TypeError):
        schemes()["mine"] = get_scheme("example")  # type: ignore[index]
    with pytest.raises(TypeError):
        get_scheme("example").questions["example.new"] = "?"  # type: ignore[index]
    with pytest.raises(AttributeError):
        get_scheme("example").name = "Other"  # type: ignore[misc]


def test_unknown_scheme_suggests_close_names() -> None:
    with pytest.raises(InvalidMapError) as info:
        get_scheme("cause_effect")
    message = str(info.value)
    assert message.startswith("unknown argumentation scheme 'cause_effect'. Did you mean ")
    assert "cause_to_effect" in message.split("Known schemes:", maxsplit=1)[0]
    assert message.endswith(f"Known schemes: {', '.join(scheme_names())}.")


def test_unknown_scheme_without_a_close_name_lists_them_all() -> None:
    with pytest.raises(InvalidMapError) as info:
        get_scheme("zzzz")
    assert "Did you mean" not in str(info.value)
    assert "Known schemes: example, cause_to_effect" in str(info.value)


def test_aifdb_scheme_names_load_without_a_typo_warning() -> None:
    # Araucaria's CamelCase names, AIFdb's Walton names and its defaults are other tools' names,
    # not misspellings of the catalogue's ids: kept as given, with no UnknownSchemeWarning.
    names = ["Example", "VerbalClassification", "CauseToEffect", "Argument From Expert Opinion"]
    names += ["Default Inference", "PositionToKnow", "Practical Reasoning"]
    nodes = [{"nodeID": "c", "type": "I", "text": "C."}, {"nodeID": "p", "type": "I", "text": "P."}]
    edges: list[dict[str, Any]] = []
    for i, name in enumerate(names):
        nodes.append({"nodeID": f"s{i}", "type": "RA", "text": name})
        edges += [{"fromID": "p", "toID": f"s{i}"}, {"fromID": f"s{i}", "toID": "c"}]
    nodes.append({"nodeID": "x", "type": "CA", "text": "Default Conflict"})
    edges += [{"fromID": "p", "toID": "x"}, {"fromID": "x", "toID": "s0"}]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = argmap.loads(json.dumps({"nodes": nodes, "edges": edges}), format="aif")
    assert [m[f"s{i}"].scheme for i in range(len(names))] == names
    # A near miss of a catalogue id is still caught.
    assert similar_schemes("exampel") == ["example"]
    assert not external_scheme("Exampel")


def test_a_likely_misspelt_scheme_is_warned_at_the_users_own_line() -> None:
    # The warning points at the line that made the inference, not inside argmap, whichever
    # path led there: an API call, or a reader building the map in bulk.
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    with pytest.warns(argmap.UnknownSchemeWarning) as caught:
        m.support("p", "c", scheme="expert-opinon")
    assert [w.filename for w in caught] == [__file__]
    doc = {
        "argmap": 2,
        "nodes": [
            {"kind": "claim", "id": "c", "text": "C."},
            {"kind": "premise", "id": "p", "text": "P."},
            {
                "kind": "support",
                "id": "s",
                "premises": ["p"],
                "conclusion": "c",
                "scheme": "expert-opinon",
            },
        ],
    }
    with pytest.warns(argmap.UnknownSchemeWarning) as caught:
        argmap.from_dict(doc)
    assert [w.filename for w in caught] == [__file__]
