"""Node ids from other formats: what the model takes as an id, the readers keep as it is."""

from __future__ import annotations

import unicodedata
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.exceptions import InvalidMapError
from argmap.io.structure import clean_ids


def _is_model_id(text: str) -> bool:
    try:
        ArgumentMap().claim(text, "C.")
    except InvalidMapError:
        return False
    return True


@pytest.mark.parametrize(
    "key",
    [
        "\ufb2a",  # Hebrew shin with a dot: NFC keeps a combining mark, which Python's \w refuses
        "\u05e9\u05c1",
        "\u0939\u093f\u0902\u0926\u0940",  # Hindi, with vowel signs
        "caf\u00e9",
    ],
)
def test_an_id_the_model_takes_is_kept(key: str) -> None:
    assert _is_model_id(key)
    assert clean_ids([key]) == {key: key}


def test_a_key_pythons_re_takes_but_the_model_refuses_is_cleaned() -> None:
    # '²' is a word character to Python's re, not to the model's: kept, it failed the load.
    assert not _is_model_id("x\u00b2")
    assert clean_ids(["x\u00b2"]) == {"x\u00b2": "x_"}


def test_keys_that_differ_only_in_normal_form_stay_two_nodes() -> None:
    ids = clean_ids(["e\u0301", "\u00e9"])
    assert ids["e\u0301"] == "e\u0301"
    assert unicodedata.normalize("NFC", ids["\u00e9"]) == "\u00e9_2"


@pytest.mark.parametrize("fmt", ["aif", "xaif", "sadface"])
@pytest.mark.parametrize("node_id", ["\ufb2a", "\u0939\u093f\u0902\u0926\u0940", "x1"])
def test_ids_with_combining_marks_survive_the_interchange_formats(fmt: str, node_id: str) -> None:
    m = ArgumentMap()
    m.claim(node_id, "A claim.")
    m.case("k", "A case.")
    m.support("k", node_id, id=f"s{node_id}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", argmap.FormatLossWarning)
        back = argmap.loads(argmap.dumps(m, format=fmt), format=fmt)
    assert set(back.graph.nodes) == set(m.graph.nodes)


@given(st.lists(st.text(min_size=0, max_size=12), max_size=8))
def test_every_cleaned_id_is_a_model_id_and_unique(keys: list[str]) -> None:
    ids = clean_ids(keys)
    assert set(ids) == set(keys)
    normal = [unicodedata.normalize("NFC", v) for v in ids.values()]
    assert len(set(normal)) == len(normal)
    assert all(_is_model_id(v) for v in ids.values())
