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
from argmap import ArgumentMap, Case, Claim, Support
from argmap.examples import ARTICLE_ID, article_text, north_korea
from argmap.schemes import get_scheme

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


def _quoting(m: ArgumentMap, words: str) -> str:
    """The id of the one statement whose quotes hold ``words``, or of the shortest if several."""
    found = [s for s in m.statements() if words in _quoted(s)]
    assert found, words
    return min(found, key=lambda s: len(_quoted(s))).id


def _supports(m: ArgumentMap, premise: str, conclusion: str) -> list[Support]:
    return [s for s in m.supports_of(conclusion) if premise in s.premises]


def test_the_title_and_the_opening_sentence_are_two_claims(m: ArgumentMap) -> None:
    title = _quoting(m, TITLE)
    opening = _quoting(m, THESIS)
    assert title != opening
    assert isinstance(m[title], Claim)
    assert isinstance(m[opening], Claim)
    assert "effective" in m[title].text
    assert "awareness" in m[opening].text
    assert "awareness" not in m[title].text  # the title says nothing of awareness
    # The recommendation rests on the title's thesis, not on the opening's.
    (practical,) = m.supports_of(m.central)  # type: ignore[arg-type]
    assert title in practical.premises
    assert opening not in practical.premises


def test_the_slide_awareness_pressure_reacts_abuses_is_a_chain_of_supports(
    m: ArgumentMap,
) -> None:
    """The opening claims awareness campaigns succeeded; the title, that pressure works; the
    cases show the regime reacting; two of them report abuses falling. Each step is its own
    support, so each can be questioned."""
    awareness = _quoting(m, THESIS)
    pressure = _quoting(m, TITLE)
    reacts = _quoting(m, "similar reactions of Pyongyang")
    abuses = _quoting(m, "the level of punishment has been alleviated")
    assert len({awareness, pressure, reacts, abuses}) == 4
    assert m[abuses].kind == "claim"  # the claim, not the defectors case that says it first
    assert "the number of public executions decreased to close to none" in _quoted(m[abuses])
    assert _supports(m, pressure, awareness)
    assert _supports(m, reacts, pressure)
    assert _supports(m, abuses, reacts)
    # No shortcut: the abuses reach the title's thesis only through the regime's reactions.
    assert not _supports(m, abuses, pressure)
    assert m.supporters(pressure) == [reacts]


def test_despite_the_opposition_is_a_statement_asserted_and_never_supported(
    m: ArgumentMap,
) -> None:
    opposition = _quoting(m, "strong opposition to openly raising")
    assert opposition != _quoting(m, THESIS)
    statement = m[opposition]
    assert isinstance(statement, Claim)  # asserted, so the report asks for its support
    assert "opposition" in statement.text
    assert m.supports_of(opposition) == []
    # It is part of what the opening sentence says, so the opening rests on it, linked.
    (into_opening,) = m.supports_of(_quoting(m, THESIS))
    assert opposition in into_opening.premises
    assert len(into_opening.premises) == 2
    # The map knows the article leaves it bare, on purpose.
    assert set(statement.acknowledge) == {"unsupported-claim"}


def test_the_practical_inference_is_linked_to_the_analysts_goal(m: ArgumentMap) -> None:
    (practical,) = m.supports_of(m.central)  # type: ignore[arg-type]
    assert practical.scheme == "practical_reasoning"
    assert len(practical.premises) == 2  # linked: means and goal together
    (goal,) = [p for p in practical.premises if p != _quoting(m, TITLE)]
    statement = m[goal]
    assert statement.kind == "premise"
    assert statement.quotes == ()  # the article never says it
    assert statement.data == {"by": "analyst"}
    assert "analyst" in statement.tags
    assert statement.note is not None
    assert statement.note.startswith("Analyst:")
    # A goal the negotiations share, and one that outranks what raising it costs them.
    assert "aim" in statement.text
    assert "outranks" in statement.text
    assert "negotiation" in statement.text
    # Carneades: accepted unless questioned; no case could ground a value.
    assert statement.assumption is True


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
    pressure = _quoting(m, TITLE)
    assert nx.has_path(support_only, pressure, m.central)
    for case in m.nodes("case"):
        assert nx.has_path(support_only, case.id, pressure), case.id


# -- quotes ------------------------------------------------------------------------------------


def test_every_statement_but_the_analysts_quotes_the_article(m: ArgumentMap) -> None:
    for statement in m.statements():
        if statement.data.get("by") == "analyst" and not statement.quotes:
            continue
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


def test_the_amnesty_undercut_bites_where_reacting_is_taken_for_effect(m: ArgumentMap) -> None:
    """The objection grants that North Korea reacts (it opened the camps) and denies that the
    reaction shows pressure works (it emptied them first): it attacks the step from "the regime
    reacts" to "pressure is effective", not the Amnesty case or its use as a reaction."""
    objection = _quoting(m, "removed all its prisoners to other prisons")
    assert objection != _case_about(m, "Amnesty's request to open the camps").id
    (undercut,) = [a for a in m.nodes("attack") if objection in a.premises]
    step = m[undercut.target]
    assert isinstance(step, Support)  # an undercutter, not a rebuttal
    assert step.premises == (_quoting(m, "similar reactions of Pyongyang"),)
    assert step.conclusion == _quoting(m, TITLE)
    # The Amnesty case itself still counts as a reaction: its own support is not attacked.
    amnesty = _case_about(m, "Amnesty's request to open the camps")
    for support in m.nodes("support"):
        if amnesty.id in support.premises:
            assert m.attacks_on(support.id) == []
    # It raises the question the step's scheme asks of a sign: what else accounts for it.
    assert step.scheme == "sign"
    assert undercut.question == "sign.other-events"


def test_the_undercutter_rests_on_the_articles_own_words(m: ArgumentMap) -> None:
    (undercut,) = [a for a in m.nodes("attack") if m[a.target].kind == "support"]
    (premise,) = undercut.premises
    assert "removed all its prisoners to other prisons" in _quoted(m[premise])


def test_the_defectors_and_executions_cases_argue_a_cause(m: ArgumentMap) -> None:
    """ "As the organisations raised it, punishment eased / executions fell": a sequence offered as
    a cause, so the report must ask the causal questions (other causes, mere correlation)."""
    causal = {"correlation_to_cause", "cause_to_effect"}
    abuses = _quoting(m, "the level of punishment has been alleviated")
    for topic in (
        "punishment of repatriated defectors",
        "executions after the UN Commission's demand",
    ):
        case = _case_about(m, topic)
        (step,) = _supports(m, case.id, abuses)
        assert step.scheme in causal, case.id
        questions = " ".join(get_scheme(step.scheme).questions.values())
        assert "third factor" in questions or "other causal factors" in questions
    # "Unable to ignore" the campaigns on executions says they moved the government: causal too.
    ignore = _quoting(m, "unable to ignore")
    executions = _case_about(m, "executions after the UN Commission's demand")
    (step,) = _supports(m, executions.id, ignore)
    assert step.scheme in causal
    # The other cases are examples of reacting: no causal claim of their own.
    for topic in ("British talks and Bill Rammell's visit", "the Japanese abductees"):
        for support in m.nodes("support"):
            if _case_about(m, topic).id in support.premises:
                assert support.scheme not in causal


def test_the_japan_case_records_its_concession(m: ArgumentMap) -> None:
    japan = _case_about(m, "the Japanese abductees")
    assert "seemed to deteriorate" in _quoted(japan)
    assert "deteriorate" in japan.text
    concession = _quoting(m, "relations seemed to deteriorate")
    assert concession != japan.id
    assert "concession" in m[concession].tags
    # It speaks for the objection the article rejects; that reading is the analyst's.
    (friction,) = m.supports_of(_quoting(m, "withdraw from the talks with the international"))
    assert friction.premises == (concession,)
    assert friction.data == {"by": "analyst"}


def test_everything_not_in_the_text_is_marked_the_analysts_the_same_way(
    m: ArgumentMap,
) -> None:
    marked = {n.id for n in m.nodes() if n.data.get("by") == "analyst"}
    goal = next(p for p in m.supports_of(m.central)[0].premises if not m[p].quotes)  # type: ignore[index]
    objection = _quoting(m, "removed all its prisoners to other prisons")
    (undercut,) = [a.id for a in m.nodes("attack") if objection in a.premises]
    (friction,) = m.supports_of(_quoting(m, "withdraw from the talks with the international"))
    assert marked == {goal, objection, undercut, friction.id}
    for node_id in marked:
        node = m[node_id]
        assert node.data == {"by": "analyst"}, node_id
        assert node.note is not None
        assert node.note.startswith("Analyst:"), node_id
    # Statements show it as a tag too, and no statement of the article's does.
    for statement in m.statements():
        assert ("analyst" in statement.tags) == (statement.id in marked), statement.id
    # Nothing else is written as the analyst's.
    for node in m.nodes():
        if node.id not in marked:
            assert not (node.note or "").startswith("Analyst"), node.id


def test_the_smaller_wording_points(m: ArgumentMap) -> None:
    # Japan: "until recently" is how long the abductees led the agenda, not a date of events.
    japan = _case_about(m, "the Japanese abductees")
    assert japan.when is None or "until recently" not in japan.when
    assert japan.note is not None
    assert "until recently" in japan.note
    # Executions: no "voicing their seriousness", whose "their" could be the organisations'.
    executions = _case_about(m, "executions after the UN Commission's demand")
    assert "their seriousness" not in executions.text
    # "Cannot ignore" is said of campaigns on executions and the camps, and no wider.
    narrow = m[_quoting(m, "unable to ignore")]
    assert "executions" in narrow.text
    assert "camps" in narrow.text
    assert not narrow.text.rstrip(".").endswith("campaigns")
    assert "reacts to them" not in narrow.text


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
