"""The gaps of the article's map (argmap.examples.north_korea), as a reader of the article
"Pressure on the North Korean Human Rights Problem is Effective" expects them.

The expectations come from the article, not from the tool:

- The article names no source for anything: every one of its five cases (Britain, Japan, the
  defectors, the executions, Amnesty) is on the author's word.
- The defectors paragraph vouches for its point ("the level of punishment has been alleviated")
  only with "it is known to us": hearsay. In the executions paragraph the same hedge covers only
  the methods of 1997-1998; the decline itself is simply asserted, so that case is uncited, not
  hearsay.
- "Pressure is effective" (the title, restated by the opening sentence) rests on the five cases
  by three routes: the concessions of Britain's and Japan's cases, the abuses eased in the
  defectors and executions cases, and the reactions of the executions and Amnesty cases. No
  single case is critical.
- The agenda claim rests, by a linked practical inference, on "pressure is effective", on a goal
  the article takes for granted (assumed: no case could ground a value) and on a transfer it never
  argues: that what moved North Korea in these cases would move it in every negotiation,
  economic or nuclear, with rights at the top. Nothing supports the transfer, so the central
  claim does not reach evidence: the overreach is the report's first finding about it.
- The article answers the one objection it raises (withdrawal from the talks, the argument of the
  "strong opposition" its opening concedes) with "unfounded"; nothing in the article answers the
  analyst's two points from the Amnesty case: the emptied camps undercut reacting as a sign of
  effect, and fewer *public* executions need not be fewer executions. Each undercuts one step,
  and neither reaches the thesis.
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
    """One finding per case: each is a piece of evidence a reader could go and source on its own,
    so each stays open (not acknowledged)."""
    assert _nodes(report, "AM301") == [("amnesty",), ("executions",), ("japan",), ("uk",)]
    flagged = {f.nodes[0] for f in report.by_rule("AM301") + report.by_rule("AM302")}
    assert flagged == set(CASES)
    assert all(f.acknowledged is None for f in report.by_rule("AM301"))


def test_every_case_quotes_the_article_verifiably(report: argmap.Report) -> None:
    assert _nodes(report, "AM303") == []
    assert _nodes(report, "AM304") == []


def test_the_thesis_rests_on_the_five_cases_and_the_central_claim_overreaches_it(
    report: argmap.Report,
) -> None:
    m = north_korea()
    assert evidenced(m)["pressure"] is not None
    assert evidence_cases(m, "pressure") == frozenset(CASES)
    # The practical inference needs the transfer, and nothing supports it.
    assert "agenda" not in evidenced(m)
    (overreach,) = report.by_rule("AM102")
    assert overreach.nodes == ("agenda", "transfer")
    assert "'transfer', which has no support and is not a case" in overreach.explanation
    assert overreach.acknowledged is not None
    assert "economic or nuclear" in overreach.acknowledged
    # So the report has no evidence base of the central claim to describe, nor to find fragile.
    assert _nodes(report, "AM402") == []
    assert _nodes(report, "AM401") == []
    # Granted the transfer, the cases would carry the central claim.
    data = north_korea().to_dict()
    for node in data["nodes"]:
        if node["id"] == "transfer":
            node["assumption"] = True
    granted = argmap.ArgumentMap.from_dict(data)
    assert evidenced(granted)["agenda"] == "s_agenda"
    granted.remove("pressure", cascade=True)
    assert "agenda" not in evidenced(granted)


def test_the_goal_premise_is_assumed_not_evidenced() -> None:
    """The practical inference is linked: it needs the goal as well as the means. No case could
    ground a value; the map marks it an assumption, so the evidence for the means carries the
    recommendation as long as nobody questions the goal."""
    m = north_korea()
    assert evidenced(m)["goal"] is None  # evidenced by being assumed, like a case
    assert "goal" not in evidence_cases(m, "agenda")
    assert "transfer" not in evidenced(m)  # a matter of fact, not assumed
    without = north_korea()
    without.remove("goal", cascade=True)  # the linked support goes with it
    assert "agenda" not in evidenced(without)


def test_no_single_case_is_critical_to_the_thesis() -> None:
    m = north_korea()
    assert necessary_cases(m, "pressure") == frozenset()
    for case in CASES:
        without = north_korea()
        without.remove(case, cascade=True)
        assert "pressure" in evidenced(without), case


def test_the_withdrawal_objection_is_answered(report: argmap.Report) -> None:
    assert report.about("a_withdrawal") == []
    assert report.about("a_unfounded") == []
    assert [f.rule for f in report.about("withdrawal")] == []


def test_the_analysts_undercutters_are_unanswered_and_strike_one_step_each(
    report: argmap.Report,
) -> None:
    assert _nodes(report, "AM201") == [
        ("u_amnesty", "prisoners_moved", "s_effective"),
        ("u_public", "public_only", "s_executions"),
    ]
    for finding in report.by_rule("AM201"):
        assert finding.severity == "warning"
        assert "central claim" not in finding.message  # neither reaches the thesis
    (amnesty, _) = report.by_rule("AM201")
    assert "sign.other-events" in amnesty.explanation
    # The thesis keeps supports no objection strikes, so it is not undercut.
    assert _nodes(report, "AM202") == []


def test_despite_is_not_a_reason_so_nothing_is_asserted_bare(report: argmap.Report) -> None:
    """The opening's "strong opposition" is the withdrawal objection's holders, not a claim the
    thesis rests on: no claim goes unsupported."""
    assert _nodes(report, "AM101") == []
    assert [f.nodes[0] for f in report.by_rule("AM102")] == ["agenda"]


def test_no_circular_support_no_orphan_and_a_central_claim(report: argmap.Report) -> None:
    for code in ("AM001", "AM104", "AM501"):
        assert _nodes(report, code) == [], code


def test_no_error_the_map_is_sound_the_text_is_weak(report: argmap.Report) -> None:
    assert report.summary()["error"] == 0
    assert report.summary()["warning"] > 0


def test_critical_questions(report: argmap.Report) -> None:
    by_support = {f.nodes[0]: f for f in report.by_rule("AM601")}
    # Every support that names a scheme; s_abuses, s_unfounded and s_friction name none.
    assert set(by_support) == {
        "s_agenda",
        "s_effective",
        "s_concedes",
        "s_uk",
        "s_japan",
        "s_executions_ignore",
        "s_amnesty",
        "s_defectors",
        "s_executions",
        "s_japan_relations",
        "s_uk_relations",
        "s_prisoners",
        "s_public",
    }
    agenda = by_support["s_agenda"]
    assert agenda.nodes == ("s_agenda", "pressure", "goal", "transfer", "agenda")
    assert agenda.message.endswith("4 of 5 critical questions open")
    assert "practical_reasoning.side-effects" not in agenda.explanation
    effective = by_support["s_effective"]
    assert "(raised by u_amnesty, unanswered)" in effective.explanation
    # The causal steps ask whether something else explains the change.
    for causal in ("s_defectors", "s_executions"):
        assert "correlation_to_cause.third-factor" in by_support[causal].explanation
        assert "correlation_to_cause.correlation" in by_support[causal].explanation
    # A concession of words as effect: does the classification hold strongly?
    assert "verbal_classification.classification" in by_support["s_concedes"].explanation
    # Japan's abductees are Japanese: does the case instance the generalisation at all?
    assert "example.supports" in by_support["s_japan"].explanation
    # Example questions are asked only of steps from a case.
    m = north_korea()
    for sid, finding in by_support.items():
        if "example.typical" in finding.explanation:
            assert [m[p].kind for p in m[sid].premises] == ["case"], sid  # type: ignore[union-attr]


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
        ("AM102", "agenda"),  # the transfer to every negotiation is never argued
        ("AM103", "s_friction"),  # the concession counts for the objection on its own word
        ("AM201", "u_amnesty"),  # the article never answers the emptied camps
        ("AM201", "u_public"),  # nor asks where the public executions went
    }
    assert all(f.acknowledged for f in report.acknowledged)
    assert report.by_rule("AM002") == []  # every acknowledgement matches its finding
    assert {f.rule for f in report.at_or_above("warning")} == {"AM301", "AM302", "AM403"}
