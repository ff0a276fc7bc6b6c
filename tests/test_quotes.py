"""Quotes are verbatim: located by exact match, refused with the closest passage otherwise."""

# ruff: noqa: RUF001  # the article's curly apostrophes, verbatim on purpose

from __future__ import annotations

import difflib
import random
import sys
from typing import Any

import pytest
from budget import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Quote, QuoteNotFoundError, Source
from argmap.examples import article_text
from argmap.quotes import closest_passage, find_quote, longest_common_run

TEXT = "North Korea agreed to talk. Britain’s minister visited. North Korea agreed again."


# -- find_quote --------------------------------------------------------------------------------


def test_find_quote_returns_the_first_occurrence() -> None:
    assert find_quote(TEXT, "North Korea agreed") == (0, 18)
    assert find_quote(TEXT, "agreed again") == (TEXT.index("agreed again"), len(TEXT) - 1)


def test_find_quote_with_start_checks_that_exact_place() -> None:
    later = TEXT.rindex("North Korea agreed")
    assert find_quote(TEXT, "North Korea agreed", start=later) == (later, later + 18)
    assert find_quote(TEXT, "North Korea agreed", start=1) is None
    assert find_quote(TEXT, "North Korea agreed", start=len(TEXT) + 5) is None


def test_find_quote_is_exact() -> None:
    assert find_quote(TEXT, "north korea agreed") is None
    assert find_quote(TEXT, "Britain's minister") is None  # straight, not curly
    assert find_quote(TEXT, "agreed  to talk") is None
    assert find_quote(TEXT, "Britain’s minister") == (28, 46)


@settings(max_examples=examples(50), deadline=None)
@given(st.text(min_size=1), st.data())
def test_find_quote_locates_any_substring(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    found = find_quote(text, quote)
    assert found is not None
    assert text[found[0] : found[1]] == quote
    assert found[0] <= start
    assert find_quote(text, quote, start=start) == (start, end)


# -- closest_passage ---------------------------------------------------------------------------


def test_closest_passage_widens_to_whole_words() -> None:
    assert closest_passage(TEXT, "agreed to speak") == "agreed to talk."
    assert closest_passage(TEXT, "Britain's minister") == "Britain’s minister"


def test_closest_passage_of_nothing() -> None:
    assert closest_passage("", "anything") == ""
    assert closest_passage(TEXT, "") == ""


def test_closest_passage_across_the_articles_paragraph_break() -> None:
    passage = closest_passage(
        article_text(), "after the United Nations Commission on Human Rights strongly demanded"
    )
    assert passage.startswith("after the United Nations\n\nCommission on Human Rights")


@settings(max_examples=examples(50), deadline=None)
@given(st.text(min_size=1), st.data())
def test_closest_passage_of_a_present_quote_contains_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    assert quote.strip() in closest_passage(text, quote)


# -- through the map ---------------------------------------------------------------------------


@pytest.fixture
def m() -> ArgumentMap:
    m = ArgumentMap()
    m.add_source(Source(id="a", title="A", text=TEXT))
    return m


def test_offsets_are_computed_and_stored(m: ArgumentMap) -> None:
    case = m.case("k", "K.", quotes=["minister visited"], source="a")
    (quote,) = case.quotes
    assert (quote.start, quote.end) == (38, 54)
    assert m["k"].quotes == (quote,)  # type: ignore[union-attr]
    assert TEXT[quote.start : quote.end] == "minister visited"  # type: ignore[index]


def test_right_offsets_are_kept_even_at_a_later_occurrence(m: ArgumentMap) -> None:
    later = TEXT.rindex("North Korea agreed")
    given = Quote(source="a", text="North Korea agreed", start=later, end=later + 18)
    assert m.case("k", "K.", quotes=[given]).quotes == (given,)


def test_wrong_offsets_are_refused_saying_where_the_quote_is(m: ArgumentMap) -> None:
    wrong = Quote(source="a", text="minister visited", start=3, end=19)
    with pytest.raises(QuoteNotFoundError) as info:
        m.case("k", "K.", quotes=[wrong])
    assert str(info.value) == (
        "case 'k': quote 1 is not at offset 3 of source 'a' but at 38; fix or drop its offsets"
    )
    assert info.value.node == "k"
    assert info.value.closest == "minister visited"
    assert "k" not in m


def test_missing_quote_names_the_case_and_the_closest_passage(m: ArgumentMap) -> None:
    with pytest.raises(QuoteNotFoundError) as info:
        m.case("k", "K.", quotes=["minister visited", "agreed to speak"], source="a")
    error = info.value
    assert error.node == "k"
    assert error.closest == "agreed to talk."
    assert str(error) == (
        "case 'k': quote 2 'agreed to speak' does not occur verbatim in source 'a'; "
        "the closest passage is 'agreed to talk.'"
    )
    assert "k" not in m


def test_a_long_missing_quote_is_clipped_in_the_message(m: ArgumentMap) -> None:
    quote = "North Korea agreed to talk and then " + "x" * 60
    with pytest.raises(QuoteNotFoundError) as info:
        m.premise("p", "P.", quotes=[quote], source="a")
    message = str(info.value)
    clipped = "North Korea agreed to talk and then " + "x" * 23 + "…"
    assert f"premise 'p': quote 1 {clipped!r} does not occur verbatim" in message
    assert quote not in message


def test_wrong_offsets_of_words_that_are_nowhere(m: ArgumentMap) -> None:
    nowhere = Quote(source="a", text="agreed to speak", start=12, end=27)
    with pytest.raises(QuoteNotFoundError, match="does not occur verbatim") as info:
        m.case("k", "K.", quotes=[nowhere])
    assert info.value.closest == "agreed to talk."


def test_straight_apostrophe_does_not_match_a_curly_one() -> None:
    m = ArgumentMap()
    m.add_source(Source(id="article", title="The article", text=article_text()))
    with pytest.raises(QuoteNotFoundError) as info:
        m.case("uk", "UK.", quotes=["Britain's foreign office minister"], source="article")
    assert info.value.node == "uk"
    assert info.value.closest == "Britain’s foreign office minister,"
    assert m.case("uk", "UK.", quotes=["Britain’s foreign office minister"], source="article")


def test_quote_is_case_sensitive_and_whitespace_exact(m: ArgumentMap) -> None:
    for wrong in ["north korea agreed", "North Korea  agreed", "North Korea agreed to talk.."]:
        with pytest.raises(QuoteNotFoundError):
            m.claim("c", "C.", quotes=[wrong], source="a")
    assert "c" not in m


def test_normalisation_hint_names_both_forms() -> None:
    from argmap.quotes import normalisation_hint

    assert "the source writes them as a letter and a combining mark (NFD)" in (
        normalisation_hint("cafe\u0301", "caf\u00e9")
    )
    assert "the quote as one character (NFC)" in normalisation_hint("cafe\u0301", "caf\u00e9")
    assert normalisation_hint("caf\u00e9", "caf\u00e9") == ""  # found verbatim: nothing to say
    assert normalisation_hint("tea", "caf\u00e9") == ""  # not there in any form


@given(
    st.text(alphabet="abc ", max_size=40) | st.text(max_size=40),
    st.text(alphabet="abc ", max_size=15) | st.text(max_size=15),
)
def test_the_longest_common_run_is_difflibs(a: str, b: str) -> None:
    run = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(
        0, len(a), 0, len(b)
    )
    assert longest_common_run(a, b) == (run.a, run.b, run.size)


def _lines_run(a: str, b: str) -> int:
    """How many lines of longest_common_run run on ``a`` and ``b``: its work, counted."""
    count = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if frame.f_code is longest_common_run.__code__:
            count += event == "line"
            return tracer
        return None

    sys.settrace(tracer)
    try:
        longest_common_run(a, b)
    finally:
        sys.settrace(None)
    return count


def test_the_closest_passage_costs_time_linear_in_source_and_quote() -> None:
    # The trial's shape: a quote that is not in the source, over a small alphabet, so that
    # difflib's search compared every place of the one with every place of the other.
    rng = random.Random(7)  # noqa: S311  # a fixed shape, not a secret

    def shape(n: int) -> tuple[str, str]:
        source = "".join(rng.choice("ab ") for _ in range(n))
        return source, "".join(rng.choice("ab ") for _ in range(n // 5))

    small, large = _lines_run(*shape(2_000)), _lines_run(*shape(8_000))
    assert large < 5 * small  # 4x the input; quadratic work would be 16x
    source, quote = shape(100_000)
    assert closest_passage(source, quote)  # the trial's 100 KB x 20 KB: a minute before


def test_a_long_quote_not_found_gives_a_short_message_and_the_whole_passage() -> None:
    source_text = " ".join(f"word{i}" for i in range(5_000))
    quote = " ".join(f"word{i}" for i in range(100, 1_100)) + " not in the source"
    m = ArgumentMap()
    m.add_source(Source(id="s", title="A long source", text=source_text))
    with pytest.raises(QuoteNotFoundError) as info:
        m.case("k", "A case.", quotes=[Quote(source="s", text=quote)])
    assert len(str(info.value)) < 400  # one line a person reads, not the passage
    assert info.value.closest.startswith("word100 word101")  # the whole passage, for code
    assert len(info.value.closest) >= len(quote) - len(" not in the source")
