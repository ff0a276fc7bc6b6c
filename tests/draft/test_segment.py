"""The rule-based segmenter: verbatim spans, sentences, clauses, titles, and linear work."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.draft.segment import segment


def test_every_unit_is_the_text_at_its_offsets() -> None:
    text = "Title here\n\nWe must act, but slowly. Dr. Who agrees; the U.S. does not.\n\nEnd."
    units = segment(text)
    assert units
    for u in units:
        assert text[u.start : u.end] == u.text
        assert u.text == u.text.strip()


def test_sentences_clauses_and_abbreviations() -> None:
    units = segment("We must act now, but we go slowly. Dr. Who agrees; the U.S. does not agree.")
    assert [u.text for u in units] == [
        "We must act now,",
        "but we go slowly.",
        "Dr. Who agrees;",
        "the U.S. does not agree.",
    ]


def test_a_short_first_line_is_a_title_and_a_stray_break_is_joined() -> None:
    text = "A Title\n\nIt went to the United Nations\n\nCommission on Rights. Then it ended."
    assert [(u.text, u.paragraph) for u in segment(text)] == [
        ("A Title", 0),
        ("It went to the United Nations\n\nCommission on Rights.", 1),
        ("Then it ended.", 1),
    ]


def test_a_leading_subordinate_clause_is_its_own_unit() -> None:
    assert [u.text for u in segment("Although it is costly, we should build it.")] == [
        "Although it is costly,",
        "we should build it.",
    ]


def test_blank_text_has_no_unit() -> None:
    assert segment("") == []
    assert segment(" \n\n\t ") == []


@given(st.text(alphabet=st.sampled_from("ab .,;?!\n\"'A"), max_size=200))
def test_units_are_verbatim_ordered_and_disjoint(text: str) -> None:
    previous_end = 0
    for u in segment(text):
        assert text[u.start : u.end] == u.text
        assert u.start >= previous_end
        assert u.text.strip()
        previous_end = u.end
