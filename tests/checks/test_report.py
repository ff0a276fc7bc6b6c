"""The report (argmap/checks/report.py): iteration and order, text grouped by severity, JSON,
HTML that escapes hostile text, and the optional DataFrame."""

from __future__ import annotations

import json
import sys

import pytest

import argmap
from argmap.checks import Finding, Report

HOSTILE = '<script>alert("x")</script> & <b>'


def _finding(rule: str, severity: str, nodes: tuple[str, ...], message: str = "m") -> Finding:
    names = {"AM101": "unsupported-claim", "AM102": "unevidenced-claim", "AM402": "evidence-base"}
    return Finding(
        rule=rule,
        name=names[rule],
        severity=severity,  # type: ignore[arg-type]
        nodes=nodes,
        message=message,
        explanation=f"why {rule}\nsecond line",
    )


def _report() -> Report:
    return Report(
        [
            _finding("AM402", "info", ("c",), "base"),
            _finding("AM102", "warning", ("z",), "z unevidenced"),
            _finding("AM101", "error", ("b",), "b unsupported"),
            _finding("AM102", "warning", ("a", "p"), "a unevidenced"),
        ],
        title="Tiny",
    )


def _hearsay_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title=HOSTILE)
    m.claim("c", HOSTILE)
    m.case("k", HOSTILE, attribution=HOSTILE)
    m.support("k", "c")
    m.central = "c"
    return m


def test_iterating_gives_findings_most_severe_first_then_by_rule_and_nodes() -> None:
    report = _report()
    assert [(f.rule, f.nodes) for f in report] == [
        ("AM101", ("b",)),
        ("AM102", ("a", "p")),
        ("AM102", ("z",)),
        ("AM402", ("c",)),
    ]
    assert len(report) == 4
    assert all(isinstance(f, Finding) for f in report)


def test_check_returns_a_report_of_findings() -> None:
    m = argmap.ArgumentMap(title="T")
    m.claim("c", "C.")
    report = argmap.check(m)
    assert isinstance(report, Report)
    assert [(f.rule, f.severity, f.nodes) for f in report] == [
        ("AM101", "warning", ("c",)),
        ("AM001", "info", ()),
    ]


def test_text_report_is_grouped_by_severity() -> None:
    assert str(_report()) == "\n".join(
        [
            "Tiny: 4 findings: 1 error, 2 warnings, 1 info",
            "",
            "error",
            "  AM101 unsupported-claim [b]: b unsupported",
            "      why AM101",
            "      second line",
            "",
            "warning",
            # One rule's run of findings with one explanation says it once, after the run.
            "  AM102 unevidenced-claim [a, p]: a unevidenced",
            "  AM102 unevidenced-claim [z]: z unevidenced",
            "      why AM102",
            "      second line",
            "",
            "info",
            "  AM402 evidence-base [c]: base",
            "      why AM402",
            "      second line",
        ]
    )


def test_text_report_of_nothing() -> None:
    assert str(Report([])) == "0 findings"
    assert str(Report([], title="T")) == "T: 0 findings"


def test_summary_counts() -> None:
    assert _report().summary() == {
        "error": 1,
        "warning": 2,
        "info": 1,
        "acknowledged": 0,
        "total": 4,
        "rules": {"AM101": 1, "AM102": 2, "AM402": 1},
    }


def test_json_shape() -> None:
    data = json.loads(_report().to_json())
    assert set(data) == {"findings", "summary"}
    assert data["summary"] == _report().summary()
    assert data["findings"][1] == {
        "rule": "AM102",
        "name": "unevidenced-claim",
        "severity": "warning",
        "nodes": ["a", "p"],
        "message": "a unevidenced",
        "explanation": "why AM102\nsecond line",
        "acknowledged": None,
    }
    assert [f["rule"] for f in data["findings"]] == ["AM101", "AM102", "AM102", "AM402"]


def test_json_of_a_real_check_keeps_unicode_and_round_trips() -> None:
    hedge = "\u2019tis known to us, \ud55c\uad6d"
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.", attribution=hedge)
    m.support("k", "c")
    report = argmap.check(m)
    text = report.to_json()
    assert hedge in text  # not \u-escaped
    assert json.loads(text) == report.to_dict()
    assert json.loads(report.to_json(indent=None)) == report.to_dict()
    assert "\n" not in report.to_json(indent=None)


def test_by_rule_about_and_at_or_above() -> None:
    report = _report()
    assert [f.nodes for f in report.by_rule("AM102")] == [("a", "p"), ("z",)]
    assert report.by_rule("unevidenced-claim") == report.by_rule("AM102")
    assert [f.rule for f in report.about("p")] == ["AM102"]
    assert [f.rule for f in report.at_or_above("error")] == ["AM101"]
    assert [f.rule for f in report.at_or_above("warning")] == ["AM101", "AM102", "AM102"]
    assert len(report.at_or_above("info")) == 4


def test_reports_compare_by_findings() -> None:
    assert _report() == Report(reversed(_report().findings))
    assert _report() != Report([])


def test_html_is_a_table_with_a_row_per_finding() -> None:
    page = _report()._repr_html_()
    assert "<table>" in page
    assert page.count("<tr>") == 1 + 4
    assert "<code>AM101</code> unsupported-claim" in page


def test_html_escapes_hostile_text_from_a_map() -> None:
    report = argmap.check(_hearsay_map())
    assert any(HOSTILE in f.message for f in report)  # the hearsay message quotes the hedge
    page = report._repr_html_()
    assert "<script>" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;" in page


def test_html_escapes_every_field() -> None:
    f = Finding(
        rule="<r>",
        name="<n>",
        severity="error",
        nodes=("<id>", "x&y"),
        message="<m>",
        explanation="<e>",
    )
    page = Report([f], title="<t>")._repr_html_()
    for raw in ("<r>", "<n>", "<id>", "x&y", "<m>", "<e>", "<t>"):
        assert raw not in page
    for escaped in ("&lt;r&gt;", "&lt;n&gt;", "&lt;id&gt;, x&amp;y", "&lt;m&gt;", "&lt;e&gt;"):
        assert escaped in page


def test_html_of_an_empty_report_says_so() -> None:
    page = Report([], title="T")._repr_html_()
    assert "0 findings" in page
    assert "<table>" not in page


def test_to_dataframe() -> None:
    pytest.importorskip("pandas")
    frame = _report().to_dataframe()
    assert list(frame.columns) == [
        *("rule", "name", "severity", "nodes", "message", "explanation", "acknowledged")
    ]
    assert list(frame["rule"]) == ["AM101", "AM102", "AM102", "AM402"]
    assert list(frame["nodes"][1]) == ["a", "p"]
    empty = Report([]).to_dataframe()
    assert len(empty) == 0
    assert list(empty.columns) == list(frame.columns)


def test_to_dataframe_without_pandas_names_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pandas"):
        _report().to_dataframe()


def test_finding_str_and_dict() -> None:
    f = _finding("AM102", "warning", ("a", "p"), "a unevidenced")
    assert str(f) == "AM102 unevidenced-claim [a, p]: a unevidenced"
    assert f.to_dict()["nodes"] == ["a", "p"]
    nowhere = Finding(rule="AM001", name="no-central-claim", severity="info", nodes=(), message="m")
    assert str(nowhere) == "AM001 no-central-claim: m"


def test_findings_with_different_explanations_each_keep_theirs() -> None:
    a = _finding("AM102", "warning", ("a",), "a unevidenced")
    b = Finding(**{**a.to_dict(), "nodes": ("b",), "explanation": "other"})  # type: ignore[arg-type]
    assert str(Report([a, b])).splitlines()[3:] == [
        "  AM102 unevidenced-claim [a]: a unevidenced",
        "      why AM102",
        "      second line",
        "  AM102 unevidenced-claim [b]: a unevidenced",
        "      other",
    ]


def _questions_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Q")
    m.claim("c", "Pressure works.")
    m.claim("d", "The regime reacts.")
    for k in ("k1", "k2", "k3"):
        m.case(k, f"Case {k}.")
    m.support("k1", "d", id="s1", scheme="example")
    m.support("k2", "d", id="s2", scheme="example", answered={"example.typical": "k3"})
    m.support("k3", "d", id="s3", scheme="example")
    m.support("d", "c", id="s4", scheme="sign")
    m.rebuttal("hidden", "They hid it.")
    m.attack("hidden", "s4", id="u", question="sign.other-events")
    m.central = "c"
    return m


def test_text_report_says_each_schemes_open_questions_once() -> None:
    report = argmap.check(_questions_map(), select=["AM601"])
    assert len(report) == 4  # one finding per support, as JSON and HTML keep them
    assert str(report).splitlines() == [
        "Q: 4 findings: 4 infos",
        "",
        "info",
        "  AM601 open-critical-questions: 4 supports leave critical questions open",
        "      Argument from example: s1, s2, s3",
        "        example.is-true: Is what the example says actually true?",
        "        example.supports: Does the example support the generalisation it is supposed "
        "to be an instance of?",
        "        example.typical: Is the example typical of the kinds of cases the "
        "generalisation covers? [open for s1, s3]",
        "        example.strength: How strong is the generalisation?",
        "        example.special: Were there special circumstances in the example that impair "
        "its generalisability?",
        "      Argument from sign: s4",
        "        sign.correlation: How strong is the correlation between the sign and the event "
        "it signifies?",
        "        sign.other-events: Are there other events that would more reliably account for "
        "the sign? (raised by u on s4, unanswered)",
    ]


def test_json_and_html_keep_open_questions_per_support() -> None:
    report = argmap.check(_questions_map(), select=["AM601"])
    data = json.loads(report.to_json())
    by_support = {f["nodes"][0]: f for f in data["findings"]}
    assert set(by_support) == {"s1", "s2", "s3", "s4"}
    assert "example.typical" not in by_support["s2"]["explanation"]
    assert "example.typical" in by_support["s1"]["explanation"]
    html = report._repr_html_()
    assert html.count("<tr><td>info</td>") == 4


def test_an_acknowledged_support_leaves_the_grouped_questions() -> None:
    m = _questions_map()
    m.remove("s3")
    m.support("k3", "d", id="s3", scheme="example", acknowledge={"AM601": "Typical enough."})
    text = str(argmap.check(m, select=["AM601"]))
    assert "      Argument from example: s1, s2\n" in text
    assert text.endswith(
        "acknowledged\n  AM601 open-critical-questions [s3, k3, d]: argument from example from "
        "k3 to 'd': 5 of 5 critical questions open\n      info, acknowledged: Typical enough."
    )
