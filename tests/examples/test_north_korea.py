"""The article's map, checked against a reading of the article itself.

The article ("Pressure on the North Korean Human Rights Problem is Effective") argues from five
cases (British talks, Japanese abductees, repatriated defectors, public executions, Amnesty's
camps) that pressure works, and so that human rights belong at the top of every negotiation with
North Korea; it rejects one objection (raising human rights makes North Korea leave the talks).
It names no source for any case; twice it vouches only with "it is known to us".

The reading these tests hold the map to:

- The opening sentence restates the title's thesis; its "despite the strong opposition" concedes
  the objection the last paragraph rejects, and gives no reason.
- The cases show three things, each its own route to the thesis: concessions (Britain, Japan),
  abuses eased (the defectors, the executions) and reactions (the executions, Amnesty). Only the
  reactions reach the thesis as a sign, and only that step is what "reacting is not yielding"
  undercuts.
- The Amnesty case grounds the analyst's objections: the emptied camps undercut reacting as a
  sign of effect, and they put in doubt that fewer *public* executions mean fewer executions.
- The recommendation needs a premise the article never gives: that what moved North Korea in
  these cases would move it in every negotiation, economic or nuclear, with rights at the top.
"""

from __future__ import annotations

from collections.abc import Set
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap import ArgumentMap, Case, Claim, Support
from argmap.checks import evidenced
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


def _quoting(m: ArgumentMap, words: str) -> str:
    """The id of the one statement whose quotes hold ``words``, or of the shortest if several."""
    found = [s for s in m.statements() if words in _quoted(s)]
    assert found, words
    return min(found, key=lambda s: len(_quoted(s))).id


def _supports(m: ArgumentMap, premise: str, conclusion: str) -> list[Support]:
    return [s for s in m.supports_of(conclusion) if premise in s.premises]


OPENING_CLAUSE = (
    "International efforts to raise awareness on North Korean human rights have mostly succeeded"
)
OPPOSITION = "the strong opposition to openly raising the North Korean human rights issue"
WITHDRAWAL = "will lead North Korean government to withdraw from the talks"
EASED = "the level of punishment has been alleviated"
FELL = "the number of public executions decreased to close to none"
REACTIONS = "similar reactions of Pyongyang"
CANNOT_IGNORE = "unable to ignore"
MOVED = "removed all its prisoners to other prisons"


def _path(m: ArgumentMap, start: str, end: str, *, avoiding: Set[str] = frozenset()) -> bool:
    """Whether a chain of supports, none of them in ``avoiding``, leads from start to end."""
    g: nx.DiGraph[str] = nx.DiGraph()
    for support in m.nodes("support"):
        if support.id not in avoiding:
            g.add_edges_from((p, support.conclusion) for p in support.premises)
    return start in g and end in g and nx.has_path(g, start, end)


def _undercutters(m: ArgumentMap) -> dict[str, str]:
    """Attack id -> the support it undercuts."""
    return {a.id: a.target for a in m.nodes("attack") if m[a.target].kind == "support"}


def _withdrawal(m: ArgumentMap) -> str:
    """The objection the article states and rejects (its answer quotes the same words)."""
    (objection,) = [r.id for r in m.nodes("rebuttal") if WITHDRAWAL in _quoted(r)]
    return objection


def _is_analysts(node: object) -> bool:
    return node.data.get("by") == "analyst"  # type: ignore[attr-defined, no-any-return]


# -- the thesis, and "despite" ---------------------------------------------------------------


def test_the_opening_sentence_restates_the_titles_thesis(m: ArgumentMap) -> None:
    """ "Efforts to raise awareness ... have mostly succeeded" is the title's "pressure ... is
    effective" said again: the efforts are the pressure whose effect the cases report (the article
    calls the campaigns "efforts in increasing awareness"). One claim with both wordings, and the
    one the recommendation rests on, not a second conclusion beside it."""
    thesis = _quoting(m, TITLE)
    assert _quoting(m, OPENING_CLAUSE) == thesis
    assert isinstance(m[thesis], Claim)
    assert "effective" in m[thesis].text
    assert "mostly" in m[thesis].text  # the opening's hedge is kept
    (practical,) = m.supports_of(m.central)  # type: ignore[arg-type]
    assert thesis in practical.premises
    # The thesis supports nothing but the recommendation.
    assert [u.target for u in m.uses_of(thesis)] == [m.central]
    # No claim but the central one goes unused: nothing else is concluded for its own sake.
    for claim in m.nodes("claim"):
        assert claim.id == m.central or m.uses_of(claim.id), claim.id


def test_despite_the_opposition_is_a_concession_not_a_reason(m: ArgumentMap) -> None:
    """A concessive clause names what the thesis stands against; it does not support it. The
    "strong opposition to openly raising" the issue is the people who hold the one objection the
    article names, that raising it "on the table" drives North Korea from the talks."""
    objection = _quoting(m, OPPOSITION)
    assert objection == _withdrawal(m)
    assert m[objection].kind == "rebuttal"
    assert "opposition" in m[objection].text
    # "Despite" gives no reason: the opposition supports nothing.
    assert not [s for s in m.nodes("support") if objection in s.premises]
    # It is put against the recommendation, and the article answers it.
    assert objection in m.attackers(m.central)  # type: ignore[arg-type]
    assert m.attacks_on(objection)
    # The opening sentence is the thesis and the opposition, and nothing else.
    opening = THESIS.removesuffix(".")
    assert opening == f"{OPENING_CLAUSE} despite {OPPOSITION}"


# -- three routes to the thesis ---------------------------------------------------------------


def test_evidence_of_eased_abuse_reaches_the_thesis_without_the_sign_step(
    m: ArgumentMap,
) -> None:
    """ "The level of punishment has been alleviated" and "the number of public executions
    decreased to close to none" are evidence that pressure worked, not only that the regime
    reacted: they reach the thesis on a causal route of their own, which does not pass through
    the step from reacting to effect that the analyst's objection undercuts."""
    thesis = _quoting(m, TITLE)
    reacts = _quoting(m, REACTIONS)
    abuses = _quoting(m, EASED)
    assert _quoting(m, FELL) == abuses
    assert abuses not in (thesis, reacts)
    (sign,) = _supports(m, reacts, thesis)
    # The effect evidence never goes through "the regime reacts".
    assert not _path(m, abuses, reacts)
    assert _path(m, abuses, thesis, avoiding={sign.id})
    defectors = _case_about(m, "punishment of repatriated defectors")
    assert _path(m, defectors.id, thesis, avoiding={sign.id, *_undercutters(m).values()})
    # The cases say "as ... raised the problem" and "after the United Nations ... demanded": a
    # sequence offered as a cause.
    for topic in (
        "punishment of repatriated defectors",
        "executions after the UN Commission's demand",
    ):
        (step,) = _supports(m, _case_about(m, topic).id, abuses)
        assert step.scheme == "correlation_to_cause"


def test_reacting_is_not_yielding_strikes_only_the_step_from_reacting_to_effect(
    m: ArgumentMap,
) -> None:
    """The emptied camps grant that the regime reacts and deny that reacting shows pressure
    works. The objection attacks the one support from "the regime reacts" to the thesis, as a
    sign, and nothing that shows more than a reaction depends on that support."""
    thesis = _quoting(m, TITLE)
    reacts = _quoting(m, REACTIONS)
    assert _quoting(m, CANNOT_IGNORE) == reacts  # the article's two words for responding
    objection = _quoting(m, MOVED)
    assert objection != _case_about(m, "Amnesty's request to open the camps").id
    (undercut,) = [a for a in m.nodes("attack") if objection in a.premises]
    step = m[undercut.target]
    assert isinstance(step, Support)  # an undercutter, not a rebuttal
    assert step.premises == (reacts,)
    assert step.conclusion == thesis
    assert step.scheme == "sign"
    assert undercut.question == "sign.other-events"
    # Without that step, the thesis still has support reaching every case but Amnesty, whose
    # only use by the article is as a reaction.
    for case in m.nodes("case"):
        if case.id != _case_about(m, "Amnesty's request to open the camps").id:
            assert _path(m, case.id, thesis, avoiding={step.id}), case.id
    # The reactions that reach "the regime reacts": the executions, once, and the Amnesty case.
    assert sorted(m.supporters(reacts)) == sorted(
        [
            _case_about(m, "executions after the UN Commission's demand").id,
            _case_about(m, "Amnesty's request to open the camps").id,
        ]
    )


def test_britain_and_japan_show_concessions_not_mere_reactions(m: ArgumentMap) -> None:
    """North Korea "agreed to discuss human rights" it had denied were violated, and the regime
    "admitted it and officially apologized": the regime yielded, in words. The two cases reach
    the thesis through that concession, and not through "the regime reacts"."""
    thesis = _quoting(m, TITLE)
    reacts = _quoting(m, REACTIONS)
    concedes = _quoting(m, "later admitted it and officially apologized")
    assert concedes == _quoting(m, "North Korea has agreed to discuss human rights with Britain")
    assert concedes not in (thesis, reacts)
    assert "concede" in m[concedes].text
    for topic in ("British talks and Bill Rammell's visit", "the Japanese abductees"):
        case = _case_about(m, topic).id
        assert not _path(m, case, reacts), topic
        (example,) = _supports(m, case, concedes)
        assert example.scheme == "example"  # a case, an instance of the generalisation
    (step,) = _supports(m, concedes, thesis)
    assert m.attacks_on(step.id) == []
    # Whether a concession of words is effect is the classification's question, left open.
    assert step.scheme == "verbal_classification"
    # The article calls them "reactions"; calling them concessions is the analyst's.
    assert _is_analysts(m[concedes])


# -- the Amnesty case ------------------------------------------------------------------------


def test_the_amnesty_case_grounds_the_objections_it_raises(m: ArgumentMap) -> None:
    """Moving every prisoner before opening the camps is concealment: the case grounds the
    objection that reacting is not yielding, and a second, that fewer *public* executions need not
    mean fewer executions. Both objections rest on the case by a support, the analyst's."""
    amnesty = _case_about(m, "Amnesty's request to open the camps").id
    grounded_objections = {
        s.conclusion for s in m.uses_of(amnesty) if m[s.conclusion].kind == "rebuttal"
    }
    moved = _quoting(m, MOVED)
    assert moved in grounded_objections
    (public,) = grounded_objections - {moved}
    assert "public executions" in m[public].text
    for objection in (moved, public):
        (grounding,) = _supports(m, amnesty, objection)
        assert _is_analysts(grounding)
        assert _is_analysts(m[objection])
        assert objection in evidenced(m)  # the objections now rest on evidence


def test_the_public_executions_undercutter_strikes_only_the_executions_evidence(
    m: ArgumentMap,
) -> None:
    """It grants that public executions fell and denies that this shows the abuse eased: it
    undercuts the step from the executions case to "abuses eased", not the case, not the step to
    "unable to ignore" (hiding executions is still a reaction) and not the defectors' evidence."""
    executions = _case_about(m, "executions after the UN Commission's demand").id
    abuses = _quoting(m, EASED)
    amnesty = _case_about(m, "Amnesty's request to open the camps").id
    public = next(
        s.conclusion
        for s in m.uses_of(amnesty)
        if m[s.conclusion].kind == "rebuttal" and s.conclusion != _quoting(m, MOVED)
    )
    (undercut,) = [a for a in m.nodes("attack") if public in a.premises]
    (step,) = _supports(m, executions, abuses)
    assert undercut.target == step.id
    assert _is_analysts(undercut)
    assert m.attacks_on(executions) == []
    (reaction,) = _supports(m, executions, _quoting(m, REACTIONS))
    assert m.attacks_on(reaction.id) == []
    defectors = _case_about(m, "punishment of repatriated defectors").id
    (eased,) = _supports(m, defectors, abuses)
    assert m.attacks_on(eased.id) == []


# -- the transfer ------------------------------------------------------------------------------


def test_the_recommendation_needs_the_transfer_the_article_never_gives(m: ArgumentMap) -> None:
    """The evidence is about campaigners, the UN Commission and two bilateral relationships; the
    conclusion is about *all* negotiations, *economic or nuclear*, with rights at the *top*. The
    practical inference needs the premise that these situations are alike, the analyst's, and
    since it is a matter of fact the article could have argued and did not, it is not assumed:
    the recommendation does not reach evidence, and the report says so."""
    (practical,) = m.supports_of(m.central)  # type: ignore[arg-type]
    thesis = _quoting(m, TITLE)
    (transfer,) = [p for p in practical.premises if p != thesis and not m[p].assumption]
    statement = m[transfer]
    assert statement.kind == "premise"
    assert statement.quotes == ()
    assert _is_analysts(statement)
    for words in ("every negotiation", "economic or nuclear", "top", "Britain", "Japan", "UN"):
        assert words in statement.text, words
    assert m.supports_of(transfer) == []
    assert m.central not in evidenced(m)
    assert thesis in evidenced(m)  # the cases do reach the thesis; the overreach is above it
    (overreach,) = argmap.check(m).by_rule("unevidenced-claim")
    assert overreach.nodes == (m.central, transfer)
    assert overreach.acknowledged is not None
    assert "all negotiations" in overreach.acknowledged


def test_the_practical_inference_is_linked_to_the_analysts_goal(m: ArgumentMap) -> None:
    (practical,) = m.supports_of(m.central)  # type: ignore[arg-type]
    assert practical.scheme == "practical_reasoning"
    assert len(practical.premises) == 3  # linked: means, transfer and goal together
    (goal,) = [p for p in practical.premises if m[p].assumption]
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
    pressure = _quoting(m, TITLE)
    assert _path(m, pressure, m.central)  # type: ignore[arg-type]
    for case in m.nodes("case"):
        assert _path(m, case.id, pressure), case.id


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


# -- objections ---------------------------------------------------------------------------------


def test_the_withdrawal_objection_is_attacked_by_the_articles_answer(m: ArgumentMap) -> None:
    (objection,) = [r for r in m.nodes("rebuttal") if "withdraw from the talks" in _quoted(r)]
    assert "is unfounded" not in _quoted(objection)  # the objection, not its rejection
    assert objection.id in m.attackers(m.central)  # type: ignore[arg-type]
    answers = m.attacks_on(objection.id)
    assert answers
    answerers = [m[p] for a in answers for p in a.premises]
    assert any(
        "withdraw from the talks with the international community is unfounded" in _quoted(s)
        for s in answerers
    )


def test_every_rebuttal_is_used(m: ArgumentMap) -> None:
    rebuttals = m.nodes("rebuttal")
    assert len(rebuttals) == 3  # the article's objection and the analyst's two
    assert all(m.uses_of(r.id) for r in rebuttals)


def test_the_japan_case_records_its_concession(m: ArgumentMap) -> None:
    japan = _case_about(m, "the Japanese abductees")
    assert "seemed to deteriorate" in _quoted(japan)
    assert "deteriorate" in japan.text
    concession = _quoting(m, "relations seemed to deteriorate")
    assert concession != japan.id
    assert "concession" in m[concession].tags
    # It speaks for the objection the article rejects; that reading is the analyst's.
    (friction,) = m.supports_of(_withdrawal(m))
    assert friction.premises == (concession,)
    assert _is_analysts(friction)


# -- what is the analyst's, and the smaller points ------------------------------------------------


def test_everything_not_in_the_text_is_marked_the_analysts_the_same_way(
    m: ArgumentMap,
) -> None:
    """The analyst's premises, objections and undercuts, and the generalisations that gather
    the article's cases in words it does not use: "abuses eased" is stitched from two fragments
    of two paragraphs, and "keeps up its relations" widens "maintained its relations with Japan"
    to every country."""
    marked = {n.id for n in m.nodes() if _is_analysts(n)}
    (practical,) = m.supports_of(m.central)  # type: ignore[arg-type]
    premises = {p for p in practical.premises if not m[p].quotes}
    assert len(premises) == 2  # the goal and the transfer
    generalisations = {
        _quoting(m, EASED),
        _quoting(m, "maintained its relations with Japan"),
        _quoting(m, "later admitted it and officially apologized"),
    }
    amnesty = _case_about(m, "Amnesty's request to open the camps").id
    objections = {r.id for r in m.nodes("rebuttal") if "withdraw" not in _quoted(r)}
    groundings = {s.id for s in m.uses_of(amnesty) if s.conclusion in objections}
    undercuts = {a.id for a in m.nodes("attack") if set(a.premises) & objections}
    (friction,) = m.supports_of(_withdrawal(m))
    expected = premises | generalisations | objections | groundings | undercuts | {friction.id}
    assert marked == expected
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
    # The generalisations still quote the words they gather.
    assert len(m[_quoting(m, EASED)].quotes) == 2


def test_argument_from_example_runs_only_from_a_case(m: ArgumentMap) -> None:
    """An argument from example goes from an instance to a generalisation; a step from one
    general claim to another is not one. And the executions case feeds each claim once."""
    for support in m.nodes("support"):
        if support.scheme == "example":
            assert [m[p].kind for p in support.premises] == ["case"], support.id
    executions = _case_about(m, "executions after the UN Commission's demand").id
    conclusions = [s.conclusion for s in m.uses_of(executions)]
    assert len(conclusions) == len(set(conclusions))
    assert not _path(m, _quoting(m, EASED), _quoting(m, REACTIONS))


def test_the_smaller_wording_points(m: ArgumentMap) -> None:
    # Japan: "until recently" may mean Japan stopped pressing; the abductees are Japanese.
    japan = _case_about(m, "the Japanese abductees")
    assert japan.when is None or "until recently" not in japan.when
    assert japan.note is not None
    assert "until recently" in japan.note.lower()
    assert "stopped pressing" in japan.note
    assert "Japanese citizens" in japan.note
    # ... and the report asks whether the Japan case instances the concession at all.
    (step,) = _supports(m, japan.id, _quoting(m, "later admitted it and officially apologized"))
    assert "example.supports" not in step.answered
    assert m.attacks_on(step.id) == []
    # "Mostly" concedes failures the article never shows.
    thesis = m[_quoting(m, TITLE)]
    assert thesis.note is not None
    assert "'Mostly' concedes failures" in thesis.note
    # The Amnesty request came before the 1997-1998 peak of public executions.
    amnesty = _case_about(m, "Amnesty's request to open the camps")
    assert amnesty.note is not None
    assert "before the 1997-1998 peak" in amnesty.note
    # Executions: no "voicing their seriousness", whose "their" could be the organisations'.
    executions = _case_about(m, "executions after the UN Commission's demand")
    assert "their seriousness" not in executions.text
    # "Cannot ignore" is said of campaigns on executions and the camps, and no wider.
    reacts = m[_quoting(m, CANNOT_IGNORE)]
    assert "executions" in reacts.text
    assert "camps" in reacts.text


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
