"""Grounding (argmap/checks/grounding.py): grounded, grounding_cases, necessary_cases, as
docs/rules.md defines "grounded"."""

from __future__ import annotations

import pytest

import argmap
from argmap.checks import grounded, grounding_cases, necessary_cases


def test_a_case_is_grounded_by_nothing() -> None:
    m = argmap.ArgumentMap()
    m.case("k", "K.")
    m.premise("p", "P.")
    assert grounded(m) == {"k": None}


def test_grounded_names_the_support_that_grounds_each_statement() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.case("k", "K.")
    m.support("k", "p", id="s_p")
    m.support("p", "c", id="s_c")
    assert grounded(m) == {"k": None, "p": "s_p", "c": "s_c"}


def test_linked_support_grounds_only_when_every_premise_is_grounded() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k1", "K1.")
    m.case("k2", "K2.")
    m.premise("bare", "B.")
    m.support(["k1", "bare"], "c", id="half")
    assert "c" not in grounded(m)
    m.support(["k1", "k2"], "c", id="whole")
    assert grounded(m)["c"] == "whole"


def test_a_support_cycle_alone_grounds_nothing() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.support("a", "b")
    m.support("b", "a")
    assert grounded(m) == {}


def test_a_cycle_with_a_case_feeding_it_is_grounded_all_round() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.case("k", "K.")
    m.support("a", "b", id="s_ab")
    m.support("b", "a", id="s_ba")
    m.support("k", "a", id="s_ka")
    assert grounded(m) == {"k": None, "a": "s_ka", "b": "s_ab"}


def test_attacks_do_not_ground_and_do_not_unground() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.rebuttal("r", "R.")
    m.case("k2", "K2.")
    m.support("k", "c", id="s")
    m.attack("r", "c", id="rebut")
    m.attack("r", "s", id="undercut")
    m.attack("k2", "r", id="answer")
    assert set(grounded(m)) == {"k", "k2", "c"}


def test_grounding_cases_are_every_case_a_chain_of_support_reaches_from() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.premise("bare", "B.")
    m.case("k1", "K1.")
    m.case("k2", "K2.")
    m.case("k3", "K3.")
    m.support(["k1", "bare"], "c")  # reaches c even though it does not ground it
    m.support("p", "c")
    m.support("k2", "p")
    m.attack("k3", "c")  # an attack is not a chain of support
    assert grounding_cases(m, "c") == {"k1", "k2"}


def test_necessary_cases_of_a_single_chain() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.case("k", "K.")
    m.support("p", "c")
    m.support("k", "p")
    assert necessary_cases(m, "c") == frozenset({"k"})


def test_necessary_cases_of_convergent_and_linked_supports() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    for k in ("k1", "k2", "k3"):
        m.case(k, k)
    m.support(["k1", "k2"], "c")
    assert necessary_cases(m, "c") == frozenset({"k1", "k2"})
    m.support(["k1", "k3"], "c")  # an alternative that shares k1
    assert necessary_cases(m, "c") == frozenset({"k1"})
    m.support("k2", "c")
    assert necessary_cases(m, "c") == frozenset()


def test_necessary_cases_ignore_supports_that_cannot_ground() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.case("k2", "K2.")
    m.premise("bare", "B.")
    m.support("k", "c")
    m.support(["k2", "bare"], "c")  # not an alternative: it grounds nothing
    assert necessary_cases(m, "c") == frozenset({"k"})


def test_necessary_cases_of_an_ungrounded_statement_are_empty() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.support("p", "c")
    assert necessary_cases(m, "c") == frozenset()


def test_necessary_cases_through_a_cycle_with_two_external_cases() -> None:
    # a <-> b, k1 -> a, k2 -> b: either case alone grounds both.
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.case("k1", "K1.")
    m.case("k2", "K2.")
    m.support("a", "b")
    m.support("b", "a")
    m.support("k1", "a")
    m.support("k2", "b")
    assert necessary_cases(m, "a") == frozenset()
    assert necessary_cases(m, "b") == frozenset()


def test_necessary_cases_through_a_cycle_with_one_external_case() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.case("k", "K.")
    m.support("a", "b")
    m.support("b", "a")
    m.support("k", "b")
    assert necessary_cases(m, "a") == frozenset({"k"})


def test_necessary_cases_when_a_cycle_is_one_of_two_routes() -> None:
    # a <- k1; a <- b; b <- (a, k2) linked. Only k1 grounds a: b needs a, so the route
    # through b does not avoid k1.
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.case("k1", "K1.")
    m.case("k2", "K2.")
    m.support("k1", "a")
    m.support("b", "a")
    m.support(["a", "k2"], "b")
    assert necessary_cases(m, "a") == frozenset({"k1"})
    assert necessary_cases(m, "b") == frozenset({"k1", "k2"})


def test_the_functions_agree_with_brute_force_removal() -> None:
    """Necessary means: remove the case and the statement is no longer grounded."""
    m = argmap.ArgumentMap()
    for c in ("top", "x", "y", "z"):
        m.claim(c, c)
    for k in ("k1", "k2", "k3", "k4"):
        m.case(k, k)
    m.support("y", "x")  # x <-> y, each also fed by its own case
    m.support("x", "y")
    m.support("k1", "x")
    m.support("k2", "y")
    m.support(["x", "k3"], "top")
    m.support(["y", "k3"], "top")
    m.support("z", "top")
    m.support(["k4", "k3"], "z")
    expected = set()
    for k in ("k1", "k2", "k3", "k4"):
        smaller = m.copy()
        smaller.remove(k, cascade=True)
        if "top" not in grounded(smaller):
            expected.add(k)
    assert expected == {"k3"}
    assert necessary_cases(m, "top") == frozenset(expected)


def test_grounding_cases_of_an_unknown_id_is_an_unknown_node_error() -> None:
    m = argmap.ArgumentMap()
    m.case("k", "K.")
    with pytest.raises(argmap.UnknownNodeError, match="nope"):
        grounding_cases(m, "nope")


def test_necessary_cases_of_an_unknown_id_is_an_unknown_node_error() -> None:
    m = argmap.ArgumentMap()
    m.case("k", "K.")
    with pytest.raises(argmap.UnknownNodeError, match="nope"):
        necessary_cases(m, "nope")
