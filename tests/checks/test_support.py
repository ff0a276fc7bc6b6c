"""Support gaps (argmap/checks/support.py): AM101 unsupported-claim, AM102 unevidenced-claim,
AM103 unsupported-premises; and the long chains that must run without recursion (5k in the
default run, far past Python's recursion limit; 100k, marked slow, would show a quadratic cost)."""

from __future__ import annotations

import pytest

import argmap
from argmap.checks.support import MAX_CHAIN


def _nodes(m: argmap.ArgumentMap, code: str) -> list[tuple[str, ...]]:
    return [f.nodes for f in argmap.check(m, select=[code])]


# -- AM101 unsupported-claim ------------------------------------------------------------------


def test_am101_reports_a_claim_nothing_supports() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.claim("d", "Talks help.")
    m.case("k", "Britain agreed to talks.")
    m.support("k", "d", id="s")
    m.central = "d"
    (finding,) = argmap.check(m, select=["AM101"])
    assert finding.rule == "AM101"
    assert finding.name == "unsupported-claim"
    assert finding.severity == "warning"  # the text asserts without support: a weakness
    assert finding.nodes == ("c",)
    assert finding.message == "claim 'c' has no support"
    assert finding.explanation


def test_am101_names_the_central_claim_as_such() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.central = "c"
    (finding,) = argmap.check(m, select=["AM101"])
    assert finding.message == "claim 'c' (the central claim) has no support"


def test_am101_ignores_premises_cases_and_rebuttals_without_support() -> None:
    m = argmap.ArgumentMap()
    m.premise("p", "A reason.")
    m.case("k", "An event.")
    m.rebuttal("r", "An objection.")
    m.claim("c", "A claim.")
    m.support(["p", "k"], "c")
    m.attack("r", "c")
    assert _nodes(m, "AM101") == []


def test_am101_an_attack_is_not_support() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "A claim.")
    m.rebuttal("r", "An objection.")
    m.claim("answer", "The objection is wrong.")
    m.attack("answer", "r", id="a")
    m.support("r", "c", id="s")  # r supports c, so c is supported; "answer" only attacks
    assert _nodes(m, "AM101") == [("answer",)]


# -- AM102 unevidenced-claim -------------------------------------------------------------------


def test_am102_reports_a_claim_on_bare_premises_with_its_chain() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.claim("mid", "The regime reacts.")
    m.premise("p", "Everybody says so.")
    m.support("mid", "c", id="s1")
    m.support("p", "mid", id="s2")
    report = argmap.check(m, select=["AM102"])
    by_head = {f.nodes[0]: f for f in report}
    assert set(by_head) == {"c", "mid"}
    c = by_head["c"]
    assert c.rule == "AM102"
    assert c.name == "unevidenced-claim"
    assert c.severity == "warning"
    assert c.nodes == ("c", "mid", "p")
    assert c.message == "claim 'c' is supported, but no chain of support reaches evidence"
    assert c.explanation.startswith(
        "Chain: c (claim) <-s1- mid (claim) <-s2- p (premise)\n"
        "No case is reached: the chain ends at 'p', which has no support and is not a case."
    )
    assert by_head["mid"].nodes == ("mid", "p")


def test_am102_a_evidenced_claim_is_not_reported() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.claim("mid", "The regime reacts.")
    m.case("k", "Executions fell.")
    m.support("mid", "c")
    m.support("k", "mid")
    assert _nodes(m, "AM102") == []


def test_am102_a_claim_with_no_support_at_all_is_am101_not_am102() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "A claim.")
    assert _nodes(m, "AM102") == []
    assert _nodes(m, "AM101") == [("c",)]


def test_am102_linked_support_with_one_unevidenced_premise_does_not_evidence() -> None:
    # A linked support counts only as a whole: the case does not carry the bare premise.
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.case("k", "Britain agreed to talks.")
    m.claim("q", "Britain is typical.")
    m.premise("bare", "All countries are alike.")
    m.support(["k", "q"], "c", id="s_linked")
    m.support("bare", "q", id="s_q")
    report = argmap.check(m, select=["AM102"])
    by_head = {f.nodes[0]: f for f in report}
    assert set(by_head) == {"c", "q"}
    # The chain passes through the unevidenced premise q, not through the evidenced case k.
    assert by_head["c"].nodes == ("c", "q", "bare")
    assert by_head["c"].explanation.startswith(
        "Chain: c (claim) <-s_linked- q (claim) <-s_q- bare (premise)\n"
    )
    assert "c" not in argmap.checks.evidenced(m)


def test_am102_linked_support_premise_order_does_not_matter() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.case("k", "Britain agreed to talks.")
    m.premise("bare", "All countries are alike.")
    m.support(["bare", "k"], "c", id="s")
    assert _nodes(m, "AM102") == [("c", "bare")]


def test_am102_convergent_support_with_one_evidenced_branch_evidences() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.premise("bare", "Everybody says so.")
    m.case("k", "Britain agreed to talks.")
    m.support("bare", "c", id="s_bare")
    m.support("k", "c", id="s_case")
    assert _nodes(m, "AM102") == []
    assert argmap.checks.evidenced(m)["c"] == "s_case"


def test_am102_chain_follows_the_first_support_and_its_first_unevidenced_premise() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p1", "P1.")
    m.premise("p2", "P2.")
    m.premise("p3", "P3.")
    m.case("k", "K.")
    m.support(["k", "p1", "p2"], "c", id="first")
    m.support("p3", "c", id="second")
    (finding,) = argmap.check(m, select=["AM102"])
    assert finding.nodes == ("c", "p1")
    assert "<-first- p1 (premise)" in finding.explanation


def test_am102_circular_chain_says_it_is_circular() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.support("b", "a", id="s_ba")
    m.support("a", "b", id="s_ab")
    report = argmap.check(m, select=["AM102"])
    by_head = {f.nodes[0]: f for f in report}
    assert by_head["a"].nodes == ("a", "b", "a")
    assert "comes round to 'a' again: it is circular" in by_head["a"].explanation
    assert by_head["b"].nodes == ("b", "a", "b")


def test_am102_attacks_play_no_part_in_evidence() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.rebuttal("r", "R.")
    m.attack("k", "r", id="a")  # a case attacking something does not evidence it
    m.support("r", "c", id="s")
    assert _nodes(m, "AM102") == [("c", "r")]


def test_am102_long_chain_is_cut_short() -> None:
    n = 60
    m = argmap.ArgumentMap()
    for i in range(n):
        m.claim(f"c{i}", "C.")
    m.premise("end", "Bare.")
    for i in range(n - 1):
        m.support(f"c{i + 1}", f"c{i}", id=f"s{i}")
    m.support("end", f"c{n - 1}", id=f"s{n - 1}")
    first = next(f for f in argmap.check(m, select=["AM102"]) if f.nodes[0] == "c0")
    assert first.nodes == tuple(f"c{i}" for i in range(MAX_CHAIN // 2 + 1))
    assert f"goes on past {MAX_CHAIN} nodes (cut here)" in first.explanation


def test_am102_chain_that_ends_exactly_at_the_limit_is_not_called_cut() -> None:
    steps = MAX_CHAIN // 2  # this many supports: the chain has exactly 2*steps + 1 nodes
    m = argmap.ArgumentMap()
    for i in range(steps):
        m.claim(f"c{i}", "C.")
    m.premise("end", "Bare.")
    for i in range(steps - 1):
        m.support(f"c{i + 1}", f"c{i}", id=f"s{i}")
    m.support("end", f"c{steps - 1}", id=f"s{steps - 1}")
    first = next(f for f in argmap.check(m, select=["AM102"]) if f.nodes[0] == "c0")
    assert first.nodes[-1] == "end"
    assert "ends at 'end', which has no support and is not a case" in first.explanation


# -- AM103 unsupported-premises ---------------------------------------------------------------


def test_am103_reports_a_support_whose_premises_are_all_bare() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p1", "P1.")
    m.premise("p2", "P2.")
    m.support(["p1", "p2"], "c", id="s")
    (finding,) = argmap.check(m, select=["AM103"])
    assert finding.rule == "AM103"
    assert finding.name == "unsupported-premises"
    assert finding.severity == "warning"
    assert finding.nodes == ("s", "p1", "p2")
    assert finding.message == "support 's' of 'c' rests only on unsupported premises 'p1', 'p2'"


def test_am103_a_case_premise_is_not_bare() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.case("k", "K.")
    m.support(["p", "k"], "c", id="s")
    assert _nodes(m, "AM103") == []


def test_am103_a_supported_premise_is_not_bare_even_if_unevidenced() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.premise("q", "Q.")
    m.support("p", "c", id="s_top")
    m.support("q", "p", id="s_low")
    # Only the support at the bottom of the chain rests on bare premises.
    assert _nodes(m, "AM103") == [("s_low", "q")]


def test_am103_an_attacked_premise_is_still_unsupported() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.rebuttal("r", "R.")
    m.support("p", "c", id="s")
    m.attack("r", "p", id="a")
    assert ("s", "p") in _nodes(m, "AM103")


# -- no recursion: long chains -----------------------------------------------------------------

CHAINS = [5_000, pytest.param(100_000, marks=pytest.mark.slow)]


def _long_chain(end_kind: str, length: int) -> argmap.ArgumentMap:
    """claim c{i} is supported by c{i+1}; the last is supported by 'end' (a case or a premise)."""
    m = argmap.ArgumentMap()
    for i in range(length):
        m.claim(f"c{i}", "C.")
    if end_kind == "case":
        m.case("end", "The evidence.")
    else:
        m.premise("end", "A bare premise.")
    for i in range(length - 1):
        m.support(f"c{i + 1}", f"c{i}", id=f"s{i}")
    m.support("end", f"c{length - 1}", id=f"s{length - 1}")
    m.central = "c0"
    return m


@pytest.mark.parametrize("length", CHAINS)
def test_a_long_chain_ending_in_a_case_is_evidenced_without_recursion(length: int) -> None:
    report = argmap.check(_long_chain("case", length))
    assert report.by_rule("AM102") == []
    assert report.by_rule("AM101") == []
    assert report.by_rule("AM104") == []
    assert report.by_rule("AM501") == []
    # The whole chain rests on one case.
    (fragile,) = report.by_rule("AM401")
    assert fragile.nodes == ("c0", "end")


@pytest.mark.parametrize("length", CHAINS)
def test_a_long_chain_ending_in_a_bare_premise_reports_every_claim_with_a_cut_chain(
    length: int,
) -> None:
    report = argmap.check(_long_chain("premise", length))
    unevidenced = report.by_rule("AM102")
    assert len(unevidenced) == length
    head = next(f for f in unevidenced if f.nodes[0] == "c0")
    assert head.nodes == tuple(f"c{i}" for i in range(MAX_CHAIN // 2 + 1))
    assert f"goes on past {MAX_CHAIN} nodes (cut here)" in head.explanation
    last = next(f for f in unevidenced if f.nodes[0] == f"c{length - 1}")
    assert last.nodes == (f"c{length - 1}", "end")
    assert [f.nodes for f in report.by_rule("AM103")] == [(f"s{length - 1}", "end")]
    assert report.by_rule("AM401") == []
    assert report.by_rule("AM402") == []
