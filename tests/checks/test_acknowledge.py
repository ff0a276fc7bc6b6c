"""Acknowledged findings (argmap/checks/acknowledge.py): a node says "this weakness is recorded on
purpose"; the finding is still reported, marked with the reason, and no longer fails a check; an
acknowledgement that matches no finding is reported as AM002 unused-acknowledgement."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.checks import Report
from argmap.cli import main


def _objection(**acknowledge: str) -> argmap.ArgumentMap:
    """An evidenced central claim with one unanswered rebuttal (AM201 on ``a``)."""
    m = argmap.ArgumentMap(title="Ack")
    m.claim("c", "Pressure works.")
    for k in ("k1", "k2", "k3"):
        m.case(k, f"Case {k}.", cites=())
    for k in ("k1", "k2", "k3"):
        m.support(k, "c", id=f"s_{k}")
    m.rebuttal("r", "It does not.")
    m.attack("r", "c", id="a", acknowledge=acknowledge)
    m.central = "c"
    return m


def _only(report: Report, code: str) -> argmap.Finding:
    (finding,) = report.by_rule(code)
    return finding


@pytest.mark.parametrize("key", ["AM201", "unanswered-attack", "am201"])
def test_a_finding_is_acknowledged_by_its_rules_code_or_name(key: str) -> None:
    report = argmap.check(_objection(**{key: "The text leaves it standing."}))
    finding = _only(report, "AM201")
    assert finding.acknowledged == "The text leaves it standing."
    assert finding.severity == "warning"  # the severity stays what the rule says
    assert report.by_rule("AM002") == []


def test_acknowledged_findings_count_toward_no_severity_and_no_fail_on() -> None:
    report = argmap.check(_objection(AM201="On purpose."), select=["AM2"])
    assert len(report) == 1
    assert report.at_or_above("warning") == []
    assert [f.rule for f in report.at_or_above("warning", acknowledged=True)] == ["AM201"]
    assert report.acknowledged == list(report)
    assert report.summary() == {
        "error": 0,
        "warning": 0,
        "info": 0,
        "acknowledged": 1,
        "total": 1,
        "rules": {"AM201": 1},
    }


def test_an_open_finding_is_not_acknowledged() -> None:
    finding = _only(argmap.check(_objection(), select=["AM201"]), "AM201")
    assert finding.acknowledged is None
    assert finding.to_dict()["acknowledged"] is None


def test_json_keeps_the_reason_per_finding() -> None:
    report = argmap.check(_objection(AM201="On purpose."), select=["AM201"])
    data = json.loads(report.to_json())
    assert data["findings"][0]["acknowledged"] == "On purpose."
    assert data["summary"]["acknowledged"] == 1


def test_the_text_report_lists_acknowledged_findings_apart_with_the_reason() -> None:
    report = argmap.check(_objection(AM201="On purpose."), select=["AM201", "AM402"])
    text = str(report)
    assert text.splitlines()[0] == "Ack: 2 findings: 1 info, 1 acknowledged"
    assert "\nwarning\n" not in text
    head, _, tail = text.partition("\nacknowledged\n")
    assert "AM201" not in head
    assert tail.splitlines() == [
        "  AM201 unanswered-attack [a, r, c]: attack 'a' by 'r' rebuts 'c', and nothing answers "
        "it: the central claim 'c' is OUT",  # said even when acknowledged: it is in the message
        "      warning, acknowledged: On purpose.",
    ]


def test_the_html_report_has_an_acknowledged_column() -> None:
    html = argmap.check(_objection(AM201="On <purpose>."), select=["AM201"])._repr_html_()
    assert "<th>acknowledged</th>" in html
    assert "On &lt;purpose&gt;." in html


def test_only_the_node_a_finding_is_about_acknowledges_it() -> None:
    # AM201 is about the attack 'a'; the statement it attacks cannot settle it.
    m = _objection()
    m.remove("a")
    m.claim("c2", "Talks help.", acknowledge={"AM201": "Misplaced."})
    m.support("c2", "c", id="s_c2")
    m.attack("r", "c", id="a")
    report = argmap.check(m, select=["AM201", "AM002"])
    assert _only(report, "AM201").acknowledged is None
    unused = _only(report, "AM002")
    assert unused.nodes == ("c2",)
    assert unused.severity == "warning"
    assert (
        unused.message
        == "'c2' acknowledges AM201 unanswered-attack, but the check finds none on it"
    )
    assert "Misplaced." in unused.explanation


def test_an_acknowledgement_that_outlives_its_finding_is_reported() -> None:
    m = _objection(AM201="The text leaves it standing.")
    m.claim("answer", "It does.")
    m.support("k1", "answer", id="s_answer")
    m.attack("answer", "r", id="a_answer")  # now the objection is answered
    report = argmap.check(m)
    assert report.by_rule("AM201") == []
    unused = _only(report, "unused-acknowledgement")
    assert unused.nodes == ("a",)
    assert "AM201" in unused.message


def test_an_acknowledgement_naming_no_rule_is_reported_with_a_hint() -> None:
    report = argmap.check(_objection(**{"unanswered-atack": "Typo."}))
    unused = _only(report, "AM002")
    assert unused.message == "'a' acknowledges 'unanswered-atack', which names no rule"
    assert "Did you mean unanswered-attack?" in unused.explanation
    assert _only(report, "AM201").acknowledged is None


def test_an_acknowledgement_of_a_rule_that_did_not_run_is_not_unused() -> None:
    m = _objection(AM201="On purpose.")
    assert argmap.check(m, select=["AM3", "AM002"]).by_rule("AM002") == []
    assert argmap.check(m, ignore=["AM201"]).by_rule("AM002") == []


def test_ignoring_am002_silences_stale_acknowledgements() -> None:
    m = _objection(AM999="Nothing.")
    assert argmap.check(m).by_rule("AM002") != []
    assert argmap.check(m, ignore=["AM002"]).by_rule("AM002") == []
    assert argmap.check(m, ignore=["unused-acknowledgement"]).by_rule("AM002") == []


def test_any_statement_on_a_circle_acknowledges_it() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.", acknowledge={"circular-support": "The text begs the question."})
    m.support("a", "b")
    m.support("b", "a")
    report = argmap.check(m, select=["AM104", "AM002"])
    assert _only(report, "AM104").nodes[0] == "a"
    assert _only(report, "AM104").acknowledged == "The text begs the question."
    assert report.by_rule("AM002") == []
    assert report.at_or_above("error") == []


def test_acknowledged_reports_pickle_and_compare() -> None:
    report = argmap.check(_objection(AM201="On purpose."))
    assert pickle.loads(pickle.dumps(report)) == report
    assert report != argmap.check(_objection())


def test_acknowledgements_survive_the_native_format(tmp_path: Path) -> None:
    m = _objection(AM201="On purpose.")
    for name in ("m.json", "m.yaml"):
        argmap.dump(m, tmp_path / name)
        back = argmap.load(tmp_path / name)
        assert back["a"].acknowledge == {"AM201": "On purpose."}
        assert argmap.check(back) == argmap.check(m)


def test_cli_fail_on_passes_over_acknowledged_findings(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    argmap.dump(_objection(AM201="On purpose."), path)
    runner = CliRunner()
    args = ["check", str(path), "--select", "AM2", "--fail-on", "warning"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "acknowledged: On purpose." in result.stdout
    argmap.dump(_objection(), path)
    assert runner.invoke(main, args).exit_code == 1
    data = json.loads(runner.invoke(main, [*args, "--format", "json"]).stdout)
    assert data["findings"][0]["acknowledged"] is None
    assert data["summary"]["warning"] == 1


def test_acknowledgements_come_and_go_with_their_nodes() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.", acknowledge={"AM999": "stale"})
    m.support("p", "c", id="s", acknowledge={"AM103": "The text gives no more."})
    found = argmap.check(m, select=["AM103", "AM002"])
    assert [(f.rule, f.nodes[0], f.acknowledged) for f in found] == [
        ("AM002", "p", None),
        ("AM103", "s", "The text gives no more."),
    ]
    for built in (m.copy(), argmap.ArgumentMap(nodes=m.nodes())):  # the bulk paths note them too
        assert [f.rule for f in argmap.check(built, select=["AM103", "AM002"])] == [
            "AM002",
            "AM103",
        ]
    m.remove("s")
    m.remove("p")  # its stale acknowledgement goes with it
    assert not argmap.check(m, select=["AM002"]).findings
