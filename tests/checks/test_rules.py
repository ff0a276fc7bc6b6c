"""The rule registry (argmap/checks/rules.py) and choosing rules with select= and ignore=."""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Iterator

import pytest

import argmap
import argmap.examples
from argmap.checks import RULES, Finding
from argmap.checks.rules import select_rules

EXPECTED = {
    "AM001": ("no-central-claim", "info"),
    "AM002": ("unused-acknowledgement", "warning"),
    "AM101": ("unsupported-claim", "warning"),
    "AM102": ("unevidenced-claim", "warning"),
    "AM103": ("unsupported-premises", "warning"),
    "AM104": ("circular-support", "error"),
    "AM201": ("unanswered-attack", "warning"),
    "AM202": ("undercut-claim", "warning"),
    "AM301": ("uncited-case", "warning"),
    "AM302": ("hearsay-case", "warning"),
    "AM303": ("unquoted-case", "warning"),
    "AM304": ("unverifiable-quote", "info"),
    "AM401": ("fragile-central-claim", "warning"),
    "AM402": ("evidence-base", "info"),
    "AM403": ("fragile-answer", "warning"),
    "AM501": ("orphan-statement", "warning"),
    "AM601": ("open-critical-questions", "info"),
}


def _gappy() -> argmap.ArgumentMap:
    """A map on which every rule but AM001 fires at least once (AM001 needs no central claim)."""
    m = argmap.ArgumentMap()
    m.add_source(argmap.Source(id="un", title="UN report"))
    m.claim("c", "C.")
    m.claim(
        "lonely", "Nothing supports this.", acknowledge={"AM999": "Stale."}
    )  # AM101, AM501, AM002
    m.claim("up", "U.")
    m.premise("bare", "B.")
    m.support("bare", "up", id="s_bare")  # AM102 (up), AM103
    m.support("up", "c", id="s_up")
    m.claim("x", "X.")
    m.claim("y", "Y.")
    m.support("x", "y")
    m.support("y", "x")  # AM104
    m.support("x", "c")
    m.case("k", "K.", quotes=[argmap.Quote(source="un", text="q")])  # AM301, AM304
    m.case("h", "H.", attribution="it is known to us")  # AM302, AM303, AM501
    m.support("k", "c", id="s_k", scheme="example")  # AM601
    m.rebuttal("cut", "Cut.")
    m.attack("cut", "s_k", id="u")  # AM201
    m.attack("cut", "s_bare", id="u2")  # AM202 on up
    m.rebuttal("obj", "O.")
    m.attack("obj", "c", id="a_obj")
    m.claim("answer", "A.")
    m.support("k", "answer", id="s_answer")
    m.attack("answer", "obj", id="a_answer")  # AM403: the answer rests on k alone
    m.central = "c"  # evidenced only by k: AM401, AM402
    return m


def test_the_registry_holds_exactly_the_documented_rules_in_code_order() -> None:
    assert list(RULES) == sorted(EXPECTED)
    assert {code: (r.name, r.severity) for code, r in RULES.items()} == EXPECTED
    for code, r in RULES.items():
        assert r.code == code
        assert re.fullmatch(r"AM\d{3}", code)
        assert r.summary


def test_the_gappy_map_triggers_every_rule_but_am001() -> None:
    report = argmap.check(_gappy())
    assert set(report.summary()["rules"]) == set(EXPECTED) - {"AM001"}
    for f in report:
        assert (f.name, f.severity) == EXPECTED[f.rule]
        assert f.message
        assert "\n" not in f.message  # a one-line message
        assert f.explanation


def test_findings_are_frozen() -> None:
    f = next(iter(argmap.check(_gappy())))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "AM999"  # type: ignore[misc]
    assert isinstance(f, Finding)


@pytest.mark.parametrize(
    ("select", "expected"),
    [
        (["AM101"], {"AM101"}),
        (["AM1"], {"AM101", "AM102", "AM103", "AM104"}),
        (["am3"], {"AM301", "AM302", "AM303", "AM304"}),
        (["hearsay-case", "AM2"], {"AM201", "AM202", "AM302"}),
        ([" AM401 ", ""], {"AM401"}),
    ],
)
def test_select(select: list[str], expected: set[str]) -> None:
    report = argmap.check(_gappy(), select=select)
    assert set(report.summary()["rules"]) == expected
    assert {r.code for r in select_rules(select)} == expected


def test_ignore() -> None:
    report = argmap.check(_gappy(), ignore=["AM6", "AM3", "unanswered-attack"])
    assert set(report.summary()["rules"]) == {
        "AM002",
        "AM101",
        "AM102",
        "AM103",
        "AM104",
        "AM202",
        "AM401",
        "AM402",
        "AM403",
        "AM501",
    }


def test_select_then_ignore() -> None:
    report = argmap.check(_gappy(), select=["AM1"], ignore=["AM102"])
    assert set(report.summary()["rules"]) == {"AM101", "AM103", "AM104"}


@pytest.mark.parametrize("select", [[], [""], [" ", ""]])
def test_selecting_no_rule_is_an_error_not_a_silent_pass(select: list[str]) -> None:
    # An empty --select in a CI job must not pass by running nothing.
    with pytest.raises(argmap.ArgmapError, match="select= names no rule"):
        argmap.check(_gappy(), select=select)


def test_ignoring_nothing_runs_everything() -> None:
    assert argmap.check(_gappy(), ignore=[]) == argmap.check(_gappy())


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_an_unknown_rule_is_an_error_that_lists_the_rules(option: str) -> None:
    with pytest.raises(argmap.ArgmapError) as info:
        argmap.check(_gappy(), **{option: ["AM999"]})  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith(f"no rule matches 'AM999' in {option}=.")
    assert "AM001, AM002, AM101" in message


def test_an_unknown_name_suggests_a_close_one() -> None:
    with pytest.raises(argmap.ArgmapError, match="Did you mean hearsay-case"):
        argmap.check(_gappy(), select=["hearsay-cases"])


def test_each_rule_runs_alone() -> None:
    m = _gappy()
    full = argmap.check(m)
    for code in RULES:
        alone = argmap.check(m, select=[code])
        assert list(alone) == full.by_rule(code)


# -- select and ignore given as a string, or as something else --------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("AM1", ["AM1"]),
        ("AM101", ["AM101"]),
        ("unsupported-claim", ["unsupported-claim"]),
        ("AM1,AM3", ["AM1", "AM3"]),
        (" AM1 , AM3 ", ["AM1", "AM3"]),
    ],
)
def test_a_string_is_one_rule_or_a_comma_list_never_its_letters(
    given: str, expected: list[str]
) -> None:
    """select="AM1" used to be read letter by letter ('A', 'M', '1') and fail on 'M'."""
    assert select_rules(given) == select_rules(expected)
    assert select_rules(ignore=given) == select_rules(ignore=expected)
    m = argmap.examples.north_korea()
    assert argmap.check(m, select=given) == argmap.check(m, select=expected)


@pytest.mark.parametrize(("given", "message"), [(5, "got int"), ([1], "1 is not a rule code")])
def test_select_that_is_not_text_is_an_argmap_error(given: object, message: str) -> None:
    with pytest.raises(argmap.ArgmapError, match=message):
        select_rules(given)  # type: ignore[arg-type]


@pytest.mark.parametrize("m", [None, "map.json", {"nodes": []}])
def test_check_refuses_what_is_not_a_map(m: object) -> None:
    with pytest.raises(argmap.ArgmapError, match="check needs an ArgumentMap, got"):
        argmap.check(m)  # type: ignore[arg-type]


def test_the_old_name_of_am102_still_selects_it_with_a_deprecation_warning() -> None:
    from argmap.examples import north_korea

    m = north_korea()
    with pytest.warns(DeprecationWarning, match="'ungrounded-claim' is now 'unevidenced-claim'"):
        chosen = select_rules(["ungrounded-claim"])
    assert [r.code for r in chosen] == ["AM102"]
    with pytest.warns(DeprecationWarning, match="is now 'unevidenced-claim'"):
        assert "AM102" not in [r.code for r in select_rules(ignore=["ungrounded-claim"])]
    report = argmap.check(m)
    with pytest.warns(DeprecationWarning, match="is now 'unevidenced-claim'"):
        assert report.by_rule("ungrounded-claim") == report.by_rule("AM102")


def test_a_check_pauses_the_collector_and_gives_it_back_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def spy(facts: object, r: object) -> Iterator[Finding]:
        seen.append(gc.isenabled())
        return iter(())

    monkeypatch.setitem(RULES, "AM101", dataclasses.replace(RULES["AM101"], run=spy))
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        argmap.check(m, select=["AM101"])
        assert gc.isenabled()
        gc.disable()
        argmap.check(m, select=["AM101"])
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()
    assert seen == [False, False]  # no pass of the collector while the rules make findings


@pytest.mark.parametrize(
    ("select", "ignore"), [("AM1", "AM1"), ("AM101", "unsupported-claim"), (None, "AM")]
)
def test_select_and_ignore_that_leave_no_rule_are_refused(select: str | None, ignore: str) -> None:
    # check(m, select="AM1", ignore="AM1") ran nothing and reported "0 findings": a clean map.
    with pytest.raises(argmap.ArgmapError, match="no rule is left to run; ignore fewer"):
        argmap.check(argmap.examples.north_korea(), select=select, ignore=ignore)
