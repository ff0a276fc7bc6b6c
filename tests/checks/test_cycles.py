"""Circular support (argmap/checks/cycles.py): AM104 circular-support. Only supports count."""

from __future__ import annotations

import pytest

import argmap


def _cycle_findings(m: argmap.ArgumentMap) -> list[argmap.Finding]:
    return list(argmap.check(m, select=["AM104"]))


def test_am104_reports_a_three_cycle_in_support_order() -> None:
    m = argmap.ArgumentMap()
    for c in ("b", "c", "a"):
        m.claim(c, c.upper())
    m.support("a", "b", id="s_ab")
    m.support("b", "c", id="s_bc")
    m.support("c", "a", id="s_ca")
    (finding,) = _cycle_findings(m)
    assert finding.rule == "AM104"
    assert finding.name == "circular-support"
    assert finding.severity == "error"
    # In order, each supporting the next, starting from the smallest id.
    assert finding.nodes == ("a", "b", "c")
    assert finding.message == "'a' supports itself through a cycle of 3 statements"
    assert finding.explanation.startswith("Cycle: a -> b -> c -> a (supports s_ab, s_bc, s_ca).")


def test_am104_the_cycle_runs_in_the_direction_of_support() -> None:
    m = argmap.ArgumentMap()
    for c in ("a", "b", "c"):
        m.claim(c, c.upper())
    m.support("a", "c", id="s_ac")
    m.support("c", "b", id="s_cb")
    m.support("b", "a", id="s_ba")
    (finding,) = _cycle_findings(m)
    assert finding.nodes == ("a", "c", "b")
    assert "Cycle: a -> c -> b -> a" in finding.explanation


def test_am104_a_cycle_through_an_attack_is_not_circular_support() -> None:
    # a supports b, b attacks a: an exchange of objections.
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.support("a", "b", id="s")
    m.attack("b", "a", id="att")
    assert _cycle_findings(m) == []


def test_am104_mutual_attacks_and_undercuts_are_not_circular_support() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.rebuttal("r1", "R1.")
    m.rebuttal("r2", "R2.")
    m.support("k", "c", id="s")
    m.attack("r1", "r2", id="a12")
    m.attack("r2", "r1", id="a21")
    m.attack("r1", "s", id="u")
    m.support("c", "r1", id="s_c_r1")  # c supports r1, r1 undercuts the support of c
    assert _cycle_findings(m) == []


def test_am104_a_cycle_through_a_linked_support() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.case("k", "K.")
    m.support(["b", "k"], "a", id="s_linked")
    m.support("a", "b", id="s_ab")
    (finding,) = _cycle_findings(m)
    assert finding.nodes == ("a", "b")
    assert "(supports s_ab, s_linked)" in finding.explanation


def test_am104_two_separate_cycles_give_two_findings() -> None:
    m = argmap.ArgumentMap()
    for c in ("a", "b", "x", "y"):
        m.claim(c, c)
    m.support("a", "b")
    m.support("b", "a")
    m.support("x", "y")
    m.support("y", "x")
    m.support("b", "x")  # a path between the cycles does not merge them
    assert sorted(f.nodes for f in _cycle_findings(m)) == [("a", "b"), ("x", "y")]


def test_am104_other_statements_in_the_knot_are_named() -> None:
    # a -> b -> a and b -> c -> a: one strongly connected component {a, b, c}.
    m = argmap.ArgumentMap()
    for c in ("a", "b", "c"):
        m.claim(c, c)
    m.support("a", "b")
    m.support("b", "a")
    m.support("b", "c")
    m.support("c", "a")
    (finding,) = _cycle_findings(m)
    # One cycle, each node supporting the next, and the rest of the knot named.
    nodes = finding.nodes
    supports = {(s.premises[0], s.conclusion) for s in m.nodes("support")}
    assert all((nodes[i], nodes[(i + 1) % len(nodes)]) in supports for i in range(len(nodes)))
    assert nodes[0] == "a"
    others = sorted({"a", "b", "c"} - set(nodes))
    assert others == ["c"]  # networkx finds a -> b -> a first
    assert "The same knot also holds c." in finding.explanation


def test_am104_statements_hanging_off_a_cycle_are_not_in_it() -> None:
    m = argmap.ArgumentMap()
    for c in ("a", "b", "top", "low"):
        m.claim(c, c)
    m.support("a", "b")
    m.support("b", "a")
    m.support("a", "top")
    m.support("low", "b")
    (finding,) = _cycle_findings(m)
    assert finding.nodes == ("a", "b")
    assert "knot" not in finding.explanation


def test_am104_an_acyclic_diamond_is_not_a_cycle() -> None:
    m = argmap.ArgumentMap()
    for c in ("top", "l", "r"):
        m.claim(c, c)
    m.case("k", "K.")
    m.support("l", "top")
    m.support("r", "top")
    m.support("k", "l")
    m.support("k", "r")
    m.support(["l", "r"], "top")
    assert _cycle_findings(m) == []


def test_am104_a_evidenced_cycle_is_still_circular() -> None:
    # Documented "what": statements that support themselves through a cycle of supports. A case
    # feeding the cycle evidences it, but the circle is still there.
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.case("k", "K.")
    m.support("a", "b", id="s_ab")
    m.support("b", "a", id="s_ba")
    m.support("k", "a", id="s_ka")
    assert [f.nodes for f in _cycle_findings(m)] == [("a", "b")]


@pytest.mark.parametrize("n", [5_000, pytest.param(20_000, marks=pytest.mark.slow)])
def test_am104_a_long_cycle_runs_without_recursion(n: int) -> None:
    m = argmap.ArgumentMap()
    for i in range(n):
        m.claim(f"c{i:05d}", "C.")
    for i in range(n):
        m.support(f"c{(i + 1) % n:05d}", f"c{i:05d}", id=f"s{i}")
    (finding,) = _cycle_findings(m)
    assert len(finding.nodes) == n
    assert finding.nodes[:3] == ("c00000", f"c{n - 1:05d}", f"c{n - 2:05d}")
