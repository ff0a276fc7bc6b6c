"""The one id rule: the model and the published JSON Schema accept the same ids."""

from __future__ import annotations

import json
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
from argmap.ids import ID_MAX_LENGTH, ID_PATTERN, ID_RULE, WORD_CHARS, id_problem, is_id
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


# -- refusing an id says the rule in words --------------------------------------------------------


def _small_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.add_source(argmap.Source(id="art", title="A", text="Alpha."))
    return m


def _json_with_id(bad: str) -> str:
    return json.dumps({"argmap": 2, "nodes": [{"kind": "claim", "id": bad, "text": "C."}]})


def _yaml(text: str) -> str:
    """``text`` as a YAML double-quoted string: JSON's escapes, but for the astral characters,
    which YAML writes as they are rather than as surrogate pairs."""
    return "".join(json.dumps(ch)[1:-1] if ord(ch) < 0x10000 else ch for ch in text).join('""')


# Every way a user hands argmap an id it must refuse: making a node, a source, an inference, an
# answer to a critical question, a cited source, reading a file; and looking one up.
_REFUSERS: dict[str, Any] = {
    "claim": lambda bad: _small_map().claim(bad, "x"),
    "support id": lambda bad: _small_map().support("p", "c", id=bad),
    "answered": lambda bad: _small_map().support(
        "p", "c", scheme="example", answered={"example.typical": bad}
    ),
    "cites": lambda bad: _small_map().case("n", "x", cites=[bad]),
    "source": lambda bad: argmap.from_dict(
        {"argmap": 2, "sources": [{"id": bad, "title": "t"}], "nodes": []}
    ),
    "from_dict": lambda bad: argmap.from_dict(json.loads(_json_with_id(bad))),
    "loads json": lambda bad: argmap.loads(_json_with_id(bad), format="argmap-json"),
    "loads argdown": lambda bad: argmap.loads(f"[c]: C. {{id: {_yaml(bad)}}}\n", format="argdown"),
    "lookup": lambda bad: _small_map()[bad],
    "remove": lambda bad: _small_map().remove(bad),
    "support of": lambda bad: _small_map().support(bad, "c"),
    "central": lambda bad: argmap.ArgumentMap(central=bad),
    "default source": lambda bad: setattr(_small_map(), "default_source", bad),
    "explain": lambda bad: argmap.explain(_small_map(), bad),
}


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=300).filter(lambda t: not is_id(t)))
@example("bad id!")
@example("a b" * 200)
@example("\x1b]52;c;ZXZpbA==\x07")
@example("-c")
@example("")
@pytest.mark.parametrize("path", list(_REFUSERS))
def test_an_invalid_id_is_refused_in_a_short_line_that_says_the_rule(path: str, bad: str) -> None:
    with pytest.raises(argmap.ArgmapError) as caught:
        _REFUSERS[path](bad)
    message = str(caught.value)
    assert len(message) <= 300, message
    assert WORD_CHARS[:40] not in message  # the pattern's ranges, never quoted
    assert all(ch.isprintable() for ch in message), message  # the id escaped
    if "unknown" not in message and "not a source" not in message:
        assert "is not a valid id" in message
        assert ID_RULE in message


def test_an_invalid_id_gets_a_suggestion_that_is_an_id() -> None:
    problem = id_problem("bad id!")
    assert problem is not None
    assert problem.startswith("'bad id!' is not a valid id: it holds ' '")
    assert problem.endswith("(try 'bad_id_')")
    assert id_problem(5, "premise") == ("premise 5 is not an id: an id is text (a str), not int")
