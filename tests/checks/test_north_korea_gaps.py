"""The gaps of the article's map (argmap.examples.north_korea), as a reader of the article
"Pressure on the North Korean Human Rights Problem is Effective" expects them.

The expectations come from the article, not from the tool:

- The article names no source for anything: every one of its five cases (Britain, Japan, the
  defectors, the executions, Amnesty) is on the author's word.
- The defectors paragraph vouches for its point ("the level of punishment has been alleviated")
  only with "it is known to us": hearsay. In the executions paragraph the same hedge covers only
  the methods of 1997-1998; the decline itself is simply asserted, so that case is uncited, not
  hearsay.
- The agenda claim rests on "pressure is effective", which rests on the five cases (Britain and
  Japan directly, the other three through "the government cannot ignore the campaigns"). With
  five independent cases, no single case is critical; but every route passes through "pressure".
- The article answers the one objection it raises (withdrawal from the talks) with "unfounded",
  so that objection needs nothing more; nothing in the article answers the analyst's point that
  the regime moved the prisoners before opening the camps.
- No claim supports itself, every claim has support, and nothing hangs loose.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.checks import grounded, necessary_cases
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
        "Its direct support: pressure",
    ]
    m = north_korea()
    assert grounded(m)["agenda"] == "s_agenda"
    m.remove("pressure", cascade=True)
    assert "agenda" not in grounded(m)


def test_no_single_case_is_critical(report: argmap.Report) -> None:
    assert _nodes(report, "AM401") == []
    m = north_korea()
    assert necessary_cases(m, "agenda") == frozenset()
    for case in CASES:
        without = north_korea()
        without.remove(case, cascade=True)
        assert "agenda" in grounded(without), case


def test_the_withdrawal_objection_is_answered(report: argmap.Report) -> None:
    assert report.about("a_withdrawal") == []
    assert report.about("a_unfounded") == []
    assert report.about("withdrawal") == []


def test_the_analysts_undercutter_of_the_amnesty_case_is_unanswered(
    report: argmap.Report,
) -> None:
    (finding,) = report.by_rule("AM201")
    assert finding.nodes == ("u_amnesty", "prisoners_moved", "s_amnesty")
    assert finding.severity == "warning"
    assert "example.supports" in finding.explanation
    # The other routes to "cannot ignore" are not undercut.
    assert _nodes(report, "AM202") == []


def test_no_circular_support_no_unsupported_or_ungrounded_claim_no_orphan(
    report: argmap.Report,
) -> None:
    for code in ("AM001", "AM101", "AM102", "AM103", "AM104", "AM501"):
        assert _nodes(report, code) == [], code


def test_critical_questions(report: argmap.Report) -> None:
    by_support = {f.nodes[0]: f for f in report.by_rule("AM601")}
    # Every support that names a scheme; s_unfounded names none.
    assert set(by_support) == {
        "s_agenda",
        "s_pressure",
        "s_uk",
        "s_japan",
        "s_defectors",
        "s_executions",
        "s_amnesty",
        "s_japan_relations",
        "s_uk_relations",
    }
    agenda = by_support["s_agenda"]
    assert agenda.nodes == ("s_agenda", "pressure", "agenda")
    assert agenda.message.endswith("4 of 5 critical questions open")
    assert "practical_reasoning.side-effects" not in agenda.explanation
    amnesty = by_support["s_amnesty"]
    assert amnesty.message.endswith("5 of 5 critical questions open")
    assert "example.supports: " in amnesty.explanation
    assert "(raised by u_amnesty, unanswered)" in amnesty.explanation


def test_the_whole_report_is_only_these_rules_and_has_no_error(report: argmap.Report) -> None:
    assert report.summary() == {
        "error": 0,
        "warning": 6,
        "info": 10,
        "total": 16,
        "rules": {"AM201": 1, "AM301": 4, "AM302": 1, "AM402": 1, "AM601": 9},
    }
