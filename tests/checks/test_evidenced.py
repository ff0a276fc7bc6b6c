"""Evidence (argmap/checks/evidenced.py): evidenced, evidence_cases and necessary_cases as
docs/rules.md defines them, each also against brute force on many maps."""

from __future__ import annotations

import pytest
from budget import budgets, examples
from hypothesis import given, settings
from seeded import chain_of_linked_supports, seeded_map
from strategies import maps

import argmap
from argmap.checks import evidence_cases, evidenced, grounded, grounding_cases, necessary_cases
from argmap.checks.facts import Facts


def _brute_necessary(m: argmap.ArgumentMap, node_id: str) -> set[str]:
    """The cases whose removal (with what depends on them) leaves ``node_id`` unevidenced."""
    needed = set()
    for case in [s.id for s in m.statements() if s.kind == "case"]:
        smaller = m.copy()
        smaller.remove(case, cascade=True)
        if node_id not in smaller or node_id not in evidenced(smaller):
            needed.add(case)
    return needed


def _brute_evidenced(m: argmap.ArgumentMap) -> set[str]:
    """The least fixpoint, by repeating until nothing changes (slow and obviously right)."""
    found = {s.id for s in m.statements() if s.kind == "case"}
    changed = True
    while changed:
        changed = False
        for support in m.nodes("support"):
            ready = support.premises and all(p in found for p in support.premises)
            if ready and support.conclusion not in found:
                found.add(support.conclusion)
                changed = True
    return found


def _check_against_brute_force(m: argmap.ArgumentMap) -> None:
    found = evidenced(m)
    assert set(found) == _brute_evidenced(m)
    for node, support in found.items():
        if support is None:
            assert m[node].kind == "case"
        else:
            assert m[support].conclusion == node  # type: ignore[union-attr]
            assert all(p in found for p in m[support].premises)  # type: ignore[union-attr]
    for statement in list(m.statements())[:6]:
        expected = _brute_necessary(m, statement.id) if statement.id in found else set()
        assert necessary_cases(m, statement.id) == expected, statement.id


@pytest.mark.parametrize("seed", range(0, 400, 7))
def test_seeded_maps_agree_with_brute_force(seed: int) -> None:
    _check_against_brute_force(seeded_map(seed))


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_random_maps_agree_with_brute_force(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps(max_statements=8))
    def holds(m: argmap.ArgumentMap) -> None:
        _check_against_brute_force(m)

    holds()


def test_a_case_is_necessary_to_what_it_alone_supports_even_when_it_has_support_itself() -> None:
    # The checks before 0.2 took the case's own support into account and answered "nothing is
    # necessary" here; but without the case 'k', nothing supports 'c' at all.
    m = argmap.ArgumentMap()
    m.case("k0", "Another case.")
    m.case("k", "A case that is also supported.")
    m.claim("c", "The claim.")
    m.support("k0", "k")
    m.support("k", "c")
    assert necessary_cases(m, "c") == {"k"}


def test_a_linked_chain_costs_one_set_and_gives_every_case() -> None:
    m = chain_of_linked_supports(5000)  # quadratic before: each link copied the set below it
    assert len(necessary_cases(m, "c0")) == 5000
    assert len(evidence_cases(m, "c0")) == 5000


def test_necessary_cases_inside_a_support_cycle() -> None:
    m = argmap.ArgumentMap()
    for sid in ("a", "b", "c"):
        m.claim(sid, sid.upper() + ".")
    m.case("k", "K.")
    m.case("k2", "K2.")
    m.support("k", "a")
    m.support("a", "b")
    m.support("b", "a")
    m.support(["b", "k2"], "c")
    assert Facts(m).knot == {"a", "b", "c"}
    assert necessary_cases(m, "c") == {"k", "k2"} == _brute_necessary(m, "c")


def test_premise_less_supports_give_no_evidence() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.claim("d", "D.")
    m.support([], "c", id="bare")
    m.support("c", "d", id="s")
    m.attack([], "s", id="a")
    assert evidenced(m) == {}
    assert m.bears_on("bare") == "c"
    assert m.bears_on("a") == "d"
    assert "bare" not in m.index.premise_of
    assert necessary_cases(m, "d") == frozenset()
    report = argmap.check(m)
    # 'c' has a support (if one with no premises), so 's' does not rest on a bare premise.
    assert [f.message for f in report.by_rule("AM103")] == ["support 'bare' of 'c' has no premises"]
    chain = report.by_rule("AM102")[0].explanation
    assert "ends at support 'bare', which has no premises" in chain
    m.remove("c", cascade=True)
    assert set(m) == {"d"}


def test_the_old_names_still_work_with_a_deprecation_warning() -> None:
    from argmap.examples import north_korea

    m = north_korea()
    with pytest.warns(DeprecationWarning, match="now argmap.checks.evidenced"):
        assert grounded(m) == evidenced(m)
    with pytest.warns(DeprecationWarning, match="now argmap.checks.evidence_cases"):
        assert grounding_cases(m, "agenda") == evidence_cases(m, "agenda")


# -- the definitions, case by case --------------------------------------------------------------


def test_a_case_is_evidenced_by_nothing() -> None:
    m = argmap.ArgumentMap()
    m.case("k", "K.")
    m.premise("p", "P.")
    assert evidenced(m) == {"k": None}


def test_evidenced_names_the_support_that_evidences_each_statement() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.case("k", "K.")
    m.support("k", "p", id="s_p")
    m.support("p", "c", id="s_c")
    assert evidenced(m) == {"k": None, "p": "s_p", "c": "s_c"}


def test_linked_support_evidences_only_when_every_premise_is_evidenced() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k1", "K1.")
    m.case("k2", "K2.")
    m.premise("bare", "B.")
    m.support(["k1", "bare"], "c", id="half")
    assert "c" not in evidenced(m)
    m.support(["k1", "k2"], "c", id="whole")
    assert evidenced(m)["c"] == "whole"


def test_a_support_cycle_alone_evidences_nothing() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.support("a", "b")
    m.support("b", "a")
    assert evidenced(m) == {}


def test_a_cycle_with_a_case_feeding_it_is_evidenced_all_round() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.case("k", "K.")
    m.support("a", "b", id="s_ab")
    m.support("b", "a", id="s_ba")
    m.support("k", "a", id="s_ka")
    assert evidenced(m) == {"k": None, "a": "s_ka", "b": "s_ab"}


def test_attacks_neither_give_nor_take_evidence() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.rebuttal("r", "R.")
    m.case("k2", "K2.")
    m.support("k", "c", id="s")
    m.attack("r", "c", id="rebut")
    m.attack("r", "s", id="undercut")
    m.attack("k2", "r", id="answer")
    assert set(evidenced(m)) == {"k", "k2", "c"}


def test_evidence_cases_are_every_case_a_chain_of_support_reaches_from() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.premise("bare", "B.")
    m.case("k1", "K1.")
    m.case("k2", "K2.")
    m.case("k3", "K3.")
    m.support(["k1", "bare"], "c")  # reaches c even though it does not evidence it
    m.support("p", "c")
    m.support("k2", "p")
    m.attack("k3", "c")  # an attack is not a chain of support
    assert evidence_cases(m, "c") == {"k1", "k2"}


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


def test_necessary_cases_ignore_supports_that_cannot_evidence() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.case("k2", "K2.")
    m.premise("bare", "B.")
    m.support("k", "c")
    m.support(["k2", "bare"], "c")  # not an alternative: it evidences nothing
    assert necessary_cases(m, "c") == frozenset({"k"})


def test_necessary_cases_of_an_unevidenced_statement_are_empty() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.support("p", "c")
    assert necessary_cases(m, "c") == frozenset()


def test_necessary_cases_through_a_cycle_with_two_external_cases() -> None:
    # a <-> b, k1 -> a, k2 -> b: either case alone evidences both.
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
    # a <- k1; a <- b; b <- (a, k2) linked. Only k1 evidences a: b needs a, so the route
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
    """Necessary means: remove the case and the statement is no longer evidenced."""
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
        if "top" not in evidenced(smaller):
            expected.add(k)
    assert expected == {"k3"}
    assert necessary_cases(m, "top") == frozenset(expected)


def test_evidence_cases_of_an_unknown_id_is_an_unknown_node_error() -> None:
    m = argmap.ArgumentMap()
    m.case("k", "K.")
    with pytest.raises(argmap.UnknownNodeError, match="nope"):
        evidence_cases(m, "nope")


def test_necessary_cases_of_an_unknown_id_is_an_unknown_node_error() -> None:
    m = argmap.ArgumentMap()
    m.case("k", "K.")
    with pytest.raises(argmap.UnknownNodeError, match="nope"):
        necessary_cases(m, "nope")


def test_alternatives_that_share_a_premise_do_not_change_each_others_sets() -> None:
    # Found by hypothesis: the second support read the last of '3''s set and grew it in place,
    # while the first support's answer still pointed at it.
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k3", "K3.")
    m.case("k5", "K5.")
    m.support("k3", "c", id="s1")
    m.support(["k3", "k5"], "c", id="s2")
    assert necessary_cases(m, "c") == {"k3"} == _brute_necessary(m, "c")
