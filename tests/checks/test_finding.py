"""Findings (argmap/checks/finding.py): a deferred finding is the same value as one made with its
text, and its text is written once, on first read; a check whose report is only counted writes
none."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
import threading
from typing import Any

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from seeded import seeded_map
from strategies import maps

import argmap
from argmap.checks.finding import Finding, make_deferred, make_finding
from argmap.checks.report import Report
from argmap.checks.rules import Rule


def _text(claim: str, central: bool) -> tuple[str, str]:
    _text.calls += 1  # type: ignore[attr-defined]
    return f"claim {claim!r} has no support{' (central)' if central else ''}", "Add one."


def _deferred() -> Finding:
    return make_deferred(
        rule="AM101",
        name="unsupported-claim",
        severity="warning",
        nodes=("c",),
        build=_text,
        args=("c", True),
    )


MESSAGE = "claim 'c' has no support (central)"
EAGER = make_finding(
    rule="AM101",
    name="unsupported-claim",
    severity="warning",
    nodes=("c",),
    message=MESSAGE,
    explanation="Add one.",
)


@pytest.mark.parametrize(
    ("make", "values"),
    [
        (make_finding, ("AM101", "unsupported-claim", "warning", ("c",), MESSAGE, "Add one.")),
        (make_deferred, ("AM101", "unsupported-claim", "warning", ("c",), _text, ())),
    ],
)
def test_the_makers_take_their_fields_by_keyword_only(make: Any, values: tuple[Any, ...]) -> None:
    # Six fields in a row, two of them strs and one tuple: by position, message and explanation
    # (or nodes and args) swap without a word.
    with pytest.raises(TypeError, match="positional argument"):
        make(*values)


def test_a_deferred_finding_writes_its_text_once_on_first_read() -> None:
    _text.calls = 0  # type: ignore[attr-defined]
    f = _deferred()
    assert (f.rule, f.nodes, f.severity, f.acknowledged) == ("AM101", ("c",), "warning", None)
    assert _text.calls == 0  # type: ignore[attr-defined]
    assert f.explanation == "Add one."
    assert f.message == "claim 'c' has no support (central)"
    assert _text.calls == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "read",
    [
        lambda f: f,
        repr,
        str,
        hash,
        Finding.to_dict,
        dataclasses.asdict,
        copy.copy,
        lambda f: pickle.loads(pickle.dumps(f)),
        lambda f: dataclasses.replace(f, acknowledged="On purpose."),
    ],
)
def test_a_deferred_finding_reads_as_the_finding_with_its_text(read: Any) -> None:
    f = _deferred()
    got, expected = read(f), read(EAGER)
    assert got == expected
    assert f == EAGER
    assert type(f) is Finding


def test_a_deferred_finding_is_frozen_and_has_no_other_attributes() -> None:
    f = _deferred()
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.message = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="'Finding' object has no attribute 'mesage'"):
        f.mesage  # type: ignore[attr-defined]  # noqa: B018
    assert f.message == EAGER.message  # still written from its recipe


def test_two_threads_reading_the_text_at_once_both_get_it() -> None:
    # Both readers are inside the recipe together (the barrier holds each until the other
    # arrives), so both write the text and both go to delete the recipe.
    meeting = threading.Barrier(2, timeout=10)

    def text() -> tuple[str, str]:
        meeting.wait()
        return MESSAGE, "Add one."

    f = make_deferred(
        rule="AM101",
        name="unsupported-claim",
        severity="warning",
        nodes=("c",),
        build=text,
        args=(),
    )
    read: list[str] = []
    failed: list[BaseException] = []

    def reader() -> None:
        try:
            read.append(f.message)
        except BaseException as error:  # reported below, in the test's thread
            failed.append(error)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert failed == []
    assert read == [MESSAGE, MESSAGE]
    assert f == EAGER


def test_a_reader_that_finds_the_recipe_gone_reads_the_text_another_wrote() -> None:
    # A thread that looked up the text before another wrote it reaches __getattr__ after the
    # recipe is gone: it must read what the other thread wrote.
    f = _deferred()
    assert f.explanation == "Add one."  # written, recipe deleted
    assert Finding.__getattr__(f, "message") == MESSAGE  # type: ignore[attr-defined]
    assert Finding.__getattr__(f, "explanation") == "Add one."  # type: ignore[attr-defined]


def test_a_recipe_that_fails_fails_on_read_and_leaves_the_finding_unwritten() -> None:
    def broken() -> tuple[str, str]:
        raise ValueError("bad recipe")

    f = make_deferred(
        rule="AM101",
        name="unsupported-claim",
        severity="warning",
        nodes=("c",),
        build=broken,
        args=(),
    )
    assert f.nodes == ("c",)
    with pytest.raises(ValueError, match="bad recipe"):
        f.message  # noqa: B018


def _counting_recipes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make every rule's deferred findings count the texts they write."""
    written = [0]
    deferred = Rule.deferred

    def counting(self: Rule, nodes: tuple[str, ...], build: Any, *args: Any) -> Finding:
        def build_counted(*given: Any) -> tuple[str, str]:
            written[0] += 1
            return build(*given)  # type: ignore[no-any-return]

        return deferred(self, nodes, build_counted, *args)

    monkeypatch.setattr(Rule, "deferred", counting)
    return written


def test_counting_a_report_writes_no_text(monkeypatch: pytest.MonkeyPatch) -> None:
    written = _counting_recipes(monkeypatch)
    report = argmap.check(seeded_map(3, size=200))
    summary = report.summary()
    assert summary["total"] == len(report) > 100
    assert bool(report)
    assert report.at_or_above("warning")
    assert report.at_or_above("info", acknowledged=True)
    assert written[0] == 0  # what --fail-on and --summary read: no message, no explanation
    text = report.to_json()
    assert written[0] > 100  # the deferred findings' text, written for the full report
    assert json.loads(text)["summary"] == summary


@pytest.mark.parametrize("budget", budgets(8, 20))
def test_counts_of_a_check_equal_the_counts_of_its_full_list(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(m=maps(rich=True))
    def holds(m: argmap.ArgumentMap) -> None:
        report = argmap.check(m)
        summary = report.summary()  # counted first, before any finding is read
        full = [dataclasses.replace(f) for f in report]  # copies made with their text
        open_ = [f for f in full if f.acknowledged is None]
        rules = [f.rule for f in full]
        assert summary == {
            "error": sum(f.severity == "error" for f in open_),
            "warning": sum(f.severity == "warning" for f in open_),
            "info": sum(f.severity == "info" for f in open_),
            "acknowledged": len(full) - len(open_),
            "total": len(full),
            "rules": {code: rules.count(code) for code in sorted(set(rules))},
        }
        eager = Report(full, title=report.title)
        assert report.to_dict() == eager.to_dict()
        assert str(report) == str(eager)
        for severity in ("error", "warning", "info"):
            assert report.at_or_above(severity) == eager.at_or_above(severity)

    holds()
