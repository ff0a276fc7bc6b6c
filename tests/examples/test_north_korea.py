"""The article's map, checked against a reading of the article itself.

The article ("Pressure on the North Korean Human Rights Problem is Effective") argues from five
cases (British talks, Japanese abductees, repatriated defectors, public executions, Amnesty's
camps) that pressure works, and so that human rights belong at the top of every negotiation with
North Korea; it rejects one objection (raising human rights makes North Korea leave the talks).
It names no source for any case; twice it vouches only with "it is known to us".
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap import ArgumentMap, Attack, Case, Claim, Support
from argmap.examples import ARTICLE_ID, article_text, north_korea

ROOT = Path(__file__).resolve().parents[2]
SHARED_ARTICLE = ROOT.parent / "shared" / "article" / "pressure-on-north-korean-human-rights.txt"
STORED_MAP = ROOT / "examples" / "north-korea.json"

TITLE = "Pressure on the North Korean Human Rights Problem is Effective"
THESIS = (
    "International efforts to raise awareness on North Korean human rights have mostly succeeded "
    "despite the strong opposition to openly raising the North Korean human rights issue."
)
CONCLUSION = (
    "All the negotiations with North Korea, may it be economic or nuclear, must include North "
    "Korean human rights at the top of the agenda."
)
# What each case is about, by words only its quotes should hold.
TOPICS = {
    "British talks and Bill Rammell's visit": ["Britain", "Bill Rammell", "first British minister"],
    "the Japanese abductees": ["Japanese abductees", "officially apologized"],
    "punishment of repatriated defectors": ["had been repatriated", "punishment"],
    "executions after the UN Commission's demand": [
        "public executions decreased to close to none",
        "Commission on Human Rights strongly demanded",
    ],
    "Amnesty's request to open the camps": ["Amnesty International", "open its concentration"],
}


@pytest.fixture(scope="module")
def m() -> ArgumentMap:
    return north_korea()


def _quoted(statement: object) -> str:
    return "\n".join(q.text for q in statement.quotes)  # type: ignore[attr-defined]


def _case_about(m: ArgumentMap, topic: str) -> Case:
    (case,) = [c for c in m.nodes("case") if all(w in _quoted(c) for w in TOPICS[topic])]
    return case


# -- the article -------------------------------------------------------------------------------


def test_packaged_article_is_the_shared_one() -> None:
    if not SHARED_ARTICLE.exists():
        pytest.skip(f"the shared article is not beside the repository ({SHARED_ARTICLE})")
    packaged = files("argmap.examples").joinpath(
        "articles", "pressure-on-north-korean-human-rights.txt"
    )
    assert packaged.read_bytes() == SHARED_ARTICLE.read_bytes()


def test_article_text_is_the_packaged_file() -> None:
    text = article_text()
    assert text.startswith(TITLE + "\n\n" + THESIS + "\n")
    assert CONCLUSION in text
    # The stray paragraph break falls in the middle of a sentence.
    assert "after the United Nations\n\nCommission on Human Rights strongly demanded" in text


# -- shape -------------------------------------------------------------------------------------


def test_title_and_the_only_source_are_the_article(m: ArgumentMap) -> None:
    assert m.title == TITLE
    assert list(m.sources) == [ARTICLE_ID]
    source = m.sources[ARTICLE_ID]
    assert source.title == TITLE
    assert source.text == article_text()


def test_one_central_claim_human_rights_on_every_agenda(m: ArgumentMap) -> None:
    assert m.central is not None
    central = m[m.central]
    assert isinstance(central, Claim)
    assert CONCLUSION in [q.text for q in central.quotes]
    assert "top" in central.text
    assert "negotiation" in central.text
    assert "human rights" in central.text


def test_the_thesis_that_pressure_works_is_a_claim(m: ArgumentMap) -> None:
    (thesis,) = [s for s in m.statements() if THESIS in _quoted(s)]
    assert isinstance(thesis, Claim)
    assert thesis.id != m.central
    assert TITLE in _quoted(thesis)


def test_exactly_five_cases_one_for_each_topic(m: ArgumentMap) -> None:
    cases = m.nodes("case")
    assert len(cases) == 5
    matched = {_case_about(m, topic).id for topic in TOPICS}
    assert matched == {c.id for c in cases}


def test_every_case_argues_for_the_central_claim(m: ArgumentMap) -> None:
    g = m.statement_graph()
    support_only = nx.subgraph_view(
        g, filter_edge=lambda u, v, k: g.edges[u, v, k]["relation"] == "support"
    )
    (thesis,) = [s.id for s in m.statements() if THESIS in _quoted(s)]
    assert nx.has_path(support_only, thesis, m.central)
    for case in m.nodes("case"):
        assert nx.has_path(support_only, case.id, thesis), case.id


# -- quotes ------------------------------------------------------------------------------------


def test_every_statement_quotes_the_article(m: ArgumentMap) -> None:
    for statement in m.statements():
        assert statement.quotes, statement.id
        for quote in statement.quotes:
            assert quote.source == ARTICLE_ID


def test_every_quote_is_verbatim_at_its_offsets(m: ArgumentMap) -> None:
    text = article_text()
    for statement in m.statements():
        for quote in statement.quotes:
            assert quote.start is not None, statement.id
            assert text[quote.start : quote.end] == quote.text, statement.id


def test_each_case_has_a_quote(m: ArgumentMap) -> None:
    for case in m.nodes("case"):
        assert len(case.quotes) >= 1


def test_no_quote_crosses_the_stray_paragraph_break(m: ArgumentMap) -> None:
    text = article_text()
    stray = text.index("United Nations\n\nCommission") + len("United Nations")
    for statement in m.statements():
        for quote in statement.quotes:
            assert "\n\n" not in quote.text, statement.id
            assert quote.start is not None
            assert quote.end is not None
            assert not quote.start < stray + 1 < quote.end, statement.id


def test_the_executions_case_quotes_both_sides_of_the_break(m: ArgumentMap) -> None:
    quoted = _quoted(_case_about(m, "executions after the UN Commission's demand"))
    assert "after the United Nations" in quoted
    assert "Commission on Human Rights strongly demanded North Korea" in quoted


# -- evidence and hedges -----------------------------------------------------------------------


def test_no_case_cites_a_source(m: ArgumentMap) -> None:
    for case in m.nodes("case"):
        assert case.cites == (), case.id


def test_the_defectors_case_carries_the_hedge(m: ArgumentMap) -> None:
    case = _case_about(m, "punishment of repatriated defectors")
    assert case.attribution == "it is known to us"
    assert "it is known to us that the level of punishment has been alleviated" in _quoted(case)


def test_hedges_are_verbatim(m: ArgumentMap) -> None:
    for case in m.nodes("case"):
        if case.attribution is not None:
            assert case.attribution in article_text()
            assert case.attribution in _quoted(case)


# -- objections --------------------------------------------------------------------------------


def test_the_withdrawal_objection_is_attacked_by_the_articles_answer(m: ArgumentMap) -> None:
    (objection,) = [r for r in m.nodes("rebuttal") if "withdraw from the talks" in _quoted(r)]
    assert "is unfounded" not in _quoted(objection)  # the objection, not its rejection
    # It is put against the central claim ...
    assert objection.id in m.attackers(m.central)  # type: ignore[arg-type]
    # ... and the article answers it.
    answers = m.attacks_on(objection.id)
    assert answers
    answerers = [m[p] for a in answers for p in a.premises]
    assert any(
        "withdraw from the talks with the international community is unfounded" in _quoted(s)
        for s in answerers
    )


def test_at_least_one_rebuttal(m: ArgumentMap) -> None:
    rebuttals = m.nodes("rebuttal")
    assert rebuttals
    assert all(m.uses_of(r.id) for r in rebuttals)


def test_the_amnesty_case_is_undercut(m: ArgumentMap) -> None:
    amnesty = _case_about(m, "Amnesty's request to open the camps")
    undercut = [
        (attack, support)
        for support in m.nodes("support")
        if amnesty.id in support.premises
        for attack in m.attacks_on(support.id)
    ]
    assert undercut
    for attack, support in undercut:
        assert isinstance(attack, Attack)
        assert isinstance(m[attack.target], Support)
        assert attack.target == support.id
    # It is the case's use that is attacked, not the case itself.
    assert m.attacks_on(amnesty.id) == []


def test_the_undercutter_rests_on_the_articles_own_words(m: ArgumentMap) -> None:
    amnesty = _case_about(m, "Amnesty's request to open the camps")
    (support,) = [s for s in m.nodes("support") if amnesty.id in s.premises]
    for attack in m.attacks_on(support.id):
        for premise in attack.premises:
            assert "removed all its prisoners to other prisons" in _quoted(m[premise])


# -- files -------------------------------------------------------------------------------------


def test_each_call_builds_a_new_map() -> None:
    first = north_korea()
    first.claim("extra", "Extra.")
    assert "extra" not in north_korea()
    assert north_korea() == north_korea()


def test_stored_map_is_what_the_library_builds() -> None:
    if not STORED_MAP.exists():
        pytest.skip(f"{STORED_MAP} is not there yet")
    assert argmap.load(STORED_MAP) == north_korea()


def test_round_trip(tmp_path: Path, m: ArgumentMap) -> None:
    for name in ("nk.json", "nk.yaml"):
        argmap.dump(m, tmp_path / name)
        assert argmap.load(tmp_path / name) == m
