"""The catalogue of argumentation schemes and their critical questions."""

from __future__ import annotations

import re

import pytest

from argmap import InvalidMapError
from argmap.schemes import Scheme, get_scheme, scheme_names, schemes


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
