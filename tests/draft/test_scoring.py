"""compare(draft, reference): which statements and relations of a reference map a draft found."""

from __future__ import annotations

import argmap
from argmap import ArgumentMap, Source
from argmap.draft import compare, draft
from argmap.examples import article_text, north_korea

TEXT = (
    "We should ban cars from the centre. Because they pollute the air. "
    "Admittedly, shops fear losing customers. But pedestrians buy more."
)


def _reference() -> ArgumentMap:
    m = ArgumentMap(sources=[Source(id="t", title="t", text=TEXT)], default_source="t")
    m.claim("ban", "Ban cars.", quotes=["We should ban cars from the centre."])
    m.premise("pollute", "Cars pollute.", quotes=["they pollute the air"])
    m.rebuttal("shops", "Shops object.", quotes=["shops fear losing customers"])
    m.premise("buy", "Pedestrians buy more.", quotes=["pedestrians buy more"])
    m.premise("mine", "An analyst's own premise.")
    m.support("pollute", "ban")
    m.support("shops", "ban", id="wrong_kind")  # the draft has it as an attack
    m.attack("buy", "pollute", id="not_there")
    m.support("mine", "ban", id="analyst")  # quotes nothing: not counted
    m.central = "ban"
    return m


def test_found_other_kind_and_missed_relations_are_told_apart() -> None:
    result = compare(draft(TEXT), _reference())
    assert result.central == ("u1", ("ban",))
    assert result.central_found
    assert result.units_found == {
        "ban": ("u1",),
        "pollute": ("u2",),
        "shops": ("u3",),
        "buy": ("u4",),
    }
    assert result.units_missed == ()
    assert result.relations_found == (("pollute", "supports", "ban"),)
    assert result.relations_other_kind == (("shops", "supports", "ban"),)
    assert result.relations_missed == (("buy", "attacks", "pollute"),)
    printed = str(result)
    assert printed.splitlines()[0] == ("central claim: found (the draft's is u1, which covers ban)")
    assert "  other  shops supports ban" in printed


def test_a_statement_no_unit_covers_is_missed() -> None:
    reference = _reference()
    short = TEXT[:65]  # the draft of the first two sentences only
    result = compare(draft(short), reference)
    assert set(result.units_missed) == {"shops", "buy"}
    assert ("buy", "attacks", "pollute") in result.relations_missed


def test_the_article_draft_against_the_hand_made_map() -> None:
    """Counts move as the hand-made map is revised; what holds is how they add up."""
    hand = north_korea()
    result = compare(draft(article_text()), hand)
    quoted = [s.id for s in hand.statements() if s.quotes]
    assert sorted([*result.units_found, *result.units_missed]) == sorted(quoted)
    for units in result.units_found.values():
        assert all(u.startswith("u") for u in units)
    assert result.relations_found  # the draft finds some of the article's relations
    assert isinstance(argmap.check(draft(article_text())), argmap.Report)
