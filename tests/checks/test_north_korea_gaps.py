"""The gaps of the article's map (argmap.examples.north_korea), as a reader of the article
"Pressure on the North Korean Human Rights Problem is Effective" expects them.

The expectations come from the article, not from the tool:

- The article names no source for anything: every one of its five cases (Britain, Japan, the
  defectors, the executions, Amnesty) is on the author's word.
- The defectors paragraph vouches for its point ("the level of punishment has been alleviated")
  only with "it is known to us": hearsay. In the executions paragraph the same hedge covers only
  the methods of 1997-1998; the decline itself is simply asserted, so that case is uncited, not
  hearsay.
- The agenda claim rests, by a linked practical inference, on "pressure is effective" and on a
  goal the article takes for granted (assumed, not evidenced); "pressure" rests on the regime's
  reactions, which rest on the five cases. No single case is critical, but every route passes
  through "pressure", and through the one step from "the regime reacts" to "pressure works".
- The article answers the one objection it raises (withdrawal from the talks) with "unfounded";
  nothing in the article answers the analyst's point that the regime emptied the camps before
  opening them, and that point undercuts the step from reacting to effect.
- The opening's "despite the strong opposition" is asserted and never supported, so the opening
  thesis as stated does not reach evidence.
- Nothing is circular or loose, and there is a central claim: the map is sound, the text weak, so
  the report holds warnings and no error.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.checks import evidence_cases, evidenced, necessary_cases
from argmap.examples import article_text, north_korea

CASES = ("amnesty", "defectors", "executions", "japan", "uk")


@pytest.fixture(scope="module")
def report() -> argmap.Report:
    return argmap.check(north_korea())


def _nodes(report: argmap.Report, code: str) -> list[tuple[str, ...]]:
    return [f.nodes for f in report.by_rule(code)]


def test_only_the_defectors_case_rests_on_hearsay(report: argmap.Report) -> None:
    assert _nodes(report, "AM302") == [("defectors",)]
    (finding,) = report.by_rule("AM302")
    assert "'it is known to us'" in finding.message
    # The hedge is the article's own, in the defectors paragraph.
    assert "it is known to us that the level of punishment has been alleviated" in article_text()


def test_no_case_cites_a_source(report: argmap.Report) -> None:
    assert _nodes(report, "AM301") == [("amnesty",), ("executions",), ("japan",), ("uk",)]
    flagged = {f.nodes[0] for f in report.by_rule("AM301") + report.by_rule("AM302")}
    assert flagged == set(CASES)
    (base,) = report.by_rule("AM402")
    assert base.explanation.splitlines()[0] == "0 of 5 cite a source"


def test_every_case_quotes_the_article_verifiably(report: argmap.Report) -> None:
    assert _nodes(report, "AM303") == []
    assert _nodes(report, "AM304") == []


def test_the_central_claim_rests_on_the_five_cases_through_pressure(
    report: argmap.Report,
) -> None:
    (base,) = report.by_rule("AM402")
    assert base.nodes == ("agenda", *CASES)
    assert base.message == (
        "the central claim 'agenda' rests on 5 cases: amnesty, defectors, executions, japan, uk"
    )
    assert base.explanation.splitlines()[1:] == [
        "1 rest on hearsay: defectors",
        "Its direct support: pressure, goal",
    ]
    m = north_korea()
    assert evidenced(m)["agenda"] == "s_agenda"
    m.remove("pressure", cascade=True)
    assert "agenda" not in evidenced(m)


def test_the_goal_premise_is_assumed_not_evidenced() -> None:
    """The practical inference is linked: it needs the goal as well as the means. No case could
    ground a value; the map marks it an assumption, so the evidence for the means carries the
    recommendation as long as nobody questions the goal."""
    m = north_korea()
    assert evidenced(m)["goal"] is None  # evidenced by being assumed, like a case
    assert "goal" not in evidence_cases(m, "agenda")
    without = north_korea()
    without.remove("goal", cascade=True)  # the linked support goes with it
    assert "agenda" not in evidenced(without)


def test_no_single_case_is_critical(report: argmap.Report) -> None:
    assert _nodes(report, "AM401") == []
    m = north_korea()
    assert necessary_cases(m, "agenda") == frozenset()
    for case in CASES:
        without = north_korea()
        without.remove(case, cascade=True)
        assert "agenda" in evidenced(without), case


def test_the_withdrawal_objection_is_answered(report: argmap.Report) -> None:
    assert report.about("a_withdrawal") == []
    assert report.about("a_unfounded") == []
    assert [f.rule for f in report.about("withdrawal")] == []


def test_the_analysts_undercutter_of_reacting_as_effect_is_unanswered(
    report: argmap.Report,
) -> None:
    (finding,) = report.by_rule("AM201")
    assert finding.nodes == ("u_amnesty", "prisoners_moved", "s_effective")
    assert finding.severity == "warning"
    assert "sign.other-events" in finding.explanation
    # The article's only route to "pressure is effective" runs through that step.
    (undercut,) = report.by_rule("AM202")
    assert undercut.nodes == ("pressure", "s_effective")
    assert undercut.severity == "warning"  # a weak argument, not a broken map


def test_the_opposition_is_asserted_bare_and_the_opening_thesis_rests_on_it(
    report: argmap.Report,
) -> None:
    (bare,) = report.by_rule("AM101")
    assert bare.nodes == ("opposition",)
    assert bare.severity == "warning"
    (unevidenced,) = report.by_rule("AM102")
    assert unevidenced.nodes == ("awareness", "opposition")


def test_no_circular_support_no_orphan_and_a_central_claim(report: argmap.Report) -> None:
    for code in ("AM001", "AM104", "AM501"):
        assert _nodes(report, code) == [], code


def test_no_error_the_map_is_sound_the_text_is_weak(report: argmap.Report) -> None:
    assert report.summary()["error"] == 0
    assert report.summary()["warning"] > 0


def test_critical_questions(report: argmap.Report) -> None:
    by_support = {f.nodes[0]: f for f in report.by_rule("AM601")}
    # Every support that names a scheme; s_awareness, s_unfounded and s_friction name none.
    assert set(by_support) == {
        "s_agenda",
        "s_effective",
        "s_uk",
        "s_japan",
        "s_abuses",
        "s_ignore",
        "s_executions_ignore",
        "s_amnesty",
        "s_defectors",
        "s_executions",
        "s_japan_relations",
        "s_uk_relations",
    }
    agenda = by_support["s_agenda"]
    assert agenda.nodes == ("s_agenda", "pressure", "goal", "agenda")
    assert agenda.message.endswith("4 of 5 critical questions open")
    assert "practical_reasoning.side-effects" not in agenda.explanation
    effective = by_support["s_effective"]
    assert "(raised by u_amnesty, unanswered)" in effective.explanation
    # The causal steps ask whether something else explains the change.
    for causal in ("s_defectors", "s_executions"):
        assert "correlation_to_cause.third-factor" in by_support[causal].explanation
        assert "correlation_to_cause.correlation" in by_support[causal].explanation


def test_the_answer_to_the_withdrawal_objection_rests_on_two_cases_only(
    report: argmap.Report,
) -> None:
    """The article rejects the objection because North Korea "maintained its relations" with
    Japan, "as has been the pattern", and accepted human rights on Britain's agenda: two cases."""
    (fragile,) = report.by_rule("fragile-answer")
    assert fragile.nodes == ("unfounded", "japan", "uk")
    assert fragile.severity == "warning"
    assert fragile.acknowledged is None  # open: more evidence could be found
    assert "withdrawal" in fragile.message


def test_what_the_map_records_on_purpose_is_acknowledged_and_only_that(
    report: argmap.Report,
) -> None:
    """The text's argumentative weaknesses are recorded on purpose; the missing sources are
    left open, because a reader could still go and find them."""
    assert {(f.rule, f.nodes[0]) for f in report.acknowledged} == {
        ("AM101", "opposition"),  # asserted, never supported
        ("AM102", "awareness"),  # so the opening thesis, as stated, reaches no evidence
        ("AM103", "s_friction"),  # the concession counts for the objection on its own word
        ("AM201", "u_amnesty"),  # the article never answers the emptied camps
        ("AM202", "pressure"),  # so its only route to "pressure works" is undercut
    }
    assert all(f.acknowledged for f in report.acknowledged)
    assert report.by_rule("AM002") == []  # every acknowledgement matches its finding
    assert {f.rule for f in report.at_or_above("warning")} == {"AM301", "AM302", "AM403"}
