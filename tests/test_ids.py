"""The one id rule: the model and the published JSON Schema accept the same ids."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache
from typing import Any

import pydantic
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.ids import ID_MAX_LENGTH, ID_PATTERN, WORD_CHARS, is_id
from argmap.io.native import dumps, loads, schema
from argmap.io.structure import clean_ids
from argmap.model import node_adapter

jsonschema = pytest.importorskip("jsonschema")

_WORD = re.compile(f"[{WORD_CHARS}]")


@cache
def _claim_schema() -> Any:
    """A validator of one claim node, with the published schema's definitions."""
    defs = schema()["$defs"]
    return jsonschema.Draft202012Validator({"$defs": defs, "$ref": "#/$defs/Claim"})


def model_accepts(text: str) -> bool:
    try:
        node_adapter.validate_python({"kind": "claim", "id": text, "text": "t"})
    except pydantic.ValidationError:
        return False
    return True


def schema_accepts(text: str) -> bool:
    return bool(_claim_schema().is_valid({"kind": "claim", "id": text, "text": "t"}))


# What used to divide the model and the schema, and what should stay as it is.
EXAMPLES = [
    ("c1", True),
    ("a\u093c", True),  # a combining mark (DEVANAGARI SIGN NUKTA): Python's \w refuses it
    ("e\u0301", True),  # 'é' written with a combining accent
    ("\u00e9", True),
    ("\u0939\u093f\u0902\u0926\u0940", True),  # Hindi, with vowel signs (spacing marks)
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", True),  # Persian, with a ZWNJ
    ("\ubd81\ud55c-\uc778\uad8c", True),  # Korean
    ("\u0663", True),  # ARABIC-INDIC DIGIT THREE
    ("\u24b6", True),  # CIRCLED LATIN CAPITAL LETTER A: Alphabetic, so a word character
    ("_x", True),
    ("support.2:a-b", True),
    ("\u0301", True),  # a combining mark alone, as ids always allowed
    ("x\u00b2", False),  # SUPERSCRIPT TWO: Python's \w takes it, Unicode's word characters do not
    ("\u00b2", False),
    ("\u00bd", False),  # VULGAR FRACTION ONE HALF
    ("-a", False),
    (".a", False),
    (":a", False),
    ("a b", False),
    ("a\n", False),  # a bare $ in Python would take the final newline
    ("a\nb", False),
    ("", False),
    ("a/b", False),
    ("a" * ID_MAX_LENGTH, True),
    ("a" * (ID_MAX_LENGTH + 1), False),
    ("\ud800", False),  # a lone surrogate
]


@pytest.mark.parametrize(("text", "valid"), EXAMPLES)
def test_model_schema_and_rule_agree_on_examples(text: str, valid: bool) -> None:
    assert model_accepts(text) is valid
    assert schema_accepts(text) is valid
    assert is_id(text) is valid


def test_a_claim_with_a_combining_mark_dumps_to_what_the_schema_accepts() -> None:
    m = argmap.ArgumentMap()
    m.claim("a\u093c", "t")
    jsonschema.validate(__import__("json").loads(dumps(m)), schema())


_INTERESTING = [
    *"aZ09_.:-é ²½\n\t/",
    "\u0301",
    "\u093c",
    "\u093f",
    "\u0344",
    "\u200c",
    "\u200d",
    "\u24b6",
    "\u0663",
    "\u2160",  # ROMAN NUMERAL ONE (a letter number)
    "\u203f",  # UNDERTIE (connector punctuation)
    "\U0001d400",  # MATHEMATICAL BOLD CAPITAL A
    "\U000e0100",  # a variation selector (a mark)
    "\U0001f600",  # an emoji: a symbol
    "\u4e00",
    "\ufb2a",
]
_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_INTERESTING)),
    st.text(alphabet=st.sampled_from(_INTERESTING), min_size=ID_MAX_LENGTH - 2, max_size=131),
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
@example("a\u093c")
@example("x\u00b2")
@example("a\n")
@example("a" + "\u0344" * 127)
def test_the_model_accepts_an_id_exactly_when_the_schema_does(text: str) -> None:
    accepted = model_accepts(text)
    assert accepted == schema_accepts(text) == is_id(text)
    if accepted:
        # What the model keeps (NFC) is an id too, so that every file it writes reads back.
        kept = node_adapter.validate_python({"kind": "claim", "id": text, "text": "t"}).id
        assert schema_accepts(kept)
        assert model_accepts(kept)


def test_an_id_whose_nfc_form_would_be_too_long_is_kept_as_written() -> None:
    # U+0344 decomposes into two marks, so NFC doubles the length of this id.
    text = "a" + "\u0344" * 127
    assert len(unicodedata.normalize("NFC", text)) > ID_MAX_LENGTH
    m = argmap.ArgumentMap()
    m.claim(text, "t")
    assert [n.id for n in m.nodes()] == [text]
    assert [n.id for n in loads(dumps(m)).nodes()] == [text]


def test_ids_in_nfc_form_are_one_id() -> None:
    m = argmap.ArgumentMap()
    m.claim("e\u0301", "t")
    assert [n.id for n in m.nodes()] == ["\u00e9"]


def test_nfc_keeps_id_characters_id_characters() -> None:
    """Normalizing never turns a valid id into an invalid one: every word character decomposes
    into word characters, and every character composed of word characters is one."""
    for cp in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(cp))
        if not decomposition or decomposition.startswith("<"):
            continue  # no canonical decomposition
        char = chr(cp)
        parts = unicodedata.normalize("NFD", char)
        parts_are_words = all(_WORD.match(p) for p in parts)
        if _WORD.match(char):
            assert parts_are_words, f"U+{cp:04X}"
        elif parts_are_words:
            assert unicodedata.normalize("NFC", parts) != char, f"U+{cp:04X}"


def test_the_table_takes_every_letter_mark_and_digit_python_knows() -> None:
    """The table (scripts/make_id_chars.py) is Unicode's word characters: letters, marks, decimal
    digits, letter numbers and connectors, whatever Python's Unicode version."""
    for cp in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(cp))
        is_word = category[0] in "LM" or category in ("Nd", "Nl", "Pc")
        if is_word:
            assert _WORD.match(chr(cp)), f"U+{cp:04X} ({category}) is missing from the table"
        elif category[0] in "ZP" or category in ("Cc", "Cs", "Co", "Sm", "Sc", "Sk", "No"):
            assert not _WORD.match(chr(cp)), f"U+{cp:04X} ({category}) is in the table"


def test_the_pattern_needs_no_flags_so_the_schema_carries_it_whole() -> None:
    assert ID_PATTERN.flags == re.UNICODE
    assert schema()["$defs"]["Id"]["pattern"] == ID_PATTERN.pattern
    assert schema()["$defs"]["Id"]["maxLength"] == ID_MAX_LENGTH


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, max_size=5))
def test_readers_clean_any_key_into_an_id_of_the_rule(keys: list[str]) -> None:
    for key, cleaned in clean_ids(keys).items():
        assert model_accepts(cleaned), (key, cleaned)
        if is_id(key):
            assert cleaned == key or unicodedata.normalize("NFC", key) != key


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("\u0928\u0941\u0915\u094d\u0924\u093e \u0936\u092c\u094d\u0926", "नुक्ता-शब्द"),
        ("x\u00b2 y", "x-y"),
        ("Pressure works!", "pressure-works"),
    ],
)
def test_argdown_slugs_keep_marks_and_drop_what_ids_cannot_have(title: str, expected: str) -> None:
    from argmap.io.argdown.convention import slug

    assert slug(title) == expected
    assert is_id(expected)


@pytest.mark.parametrize(
    ("carneades_id", "expected"),
    [("x\u00b2", "x"), ("a\u093c(b)", "a\u093c_b"), ("\u00b2", "x")],
)
def test_carneades_slugs_follow_the_rule(carneades_id: str, expected: str) -> None:
    from argmap.io.carneades import slug

    assert slug(carneades_id) == expected
    assert is_id(expected)
