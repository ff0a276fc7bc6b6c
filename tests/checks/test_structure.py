"""Structure gaps (argmap/checks/structure.py): AM001 no-central-claim, AM501 orphan-statement."""

from __future__ import annotations

import networkx as nx
import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from strategies import maps

import argmap
from argmap.checks.facts import Facts


def _nodes(m: argmap.ArgumentMap, code: str) -> list[tuple[str, ...]]:
    return [f.nodes for f in argmap.check(m, select=[code])]


# -- AM001 no-central-claim -------------------------------------------------------------------


def test_am001_a_map_with_statements_and_no_central_claim() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    (finding,) = argmap.check(m, select=["AM001"])
    assert finding.rule == "AM001"
    assert finding.name == "no-central-claim"
    assert finding.severity == "info"
    assert finding.nodes == ()
    assert finding.message == "the map names no central claim"


def test_am001_not_for_a_map_with_a_central_claim() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.central = "c"
    assert _nodes(m, "AM001") == []


def test_an_empty_map_has_no_findings_at_all() -> None:
    report = argmap.check(argmap.ArgumentMap())
    assert list(report) == []
    assert not report


# -- AM501 orphan-statement -------------------------------------------------------------------


def _argued() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c", id="s")
    m.central = "c"
    return m


def test_am501_a_statement_linked_to_nothing() -> None:
    m = _argued()
    m.premise("lost", "A leftover.")
    (finding,) = argmap.check(m, select=["AM501"])
    assert finding.rule == "AM501"
    assert finding.name == "orphan-statement"
    assert finding.severity == "warning"
    assert finding.nodes == ("lost",)
    assert finding.message == "premise 'lost' is not connected to the central claim 'c'"


def test_am501_a_separate_cluster_is_orphaned_statement_by_statement() -> None:
    m = _argued()
    m.claim("island", "I.")
    m.case("island_case", "IC.")
    m.support("island_case", "island", id="s_island")
    assert _nodes(m, "AM501") == [("island",), ("island_case",)]


def test_am501_connection_through_attacks_counts() -> None:
    m = _argued()
    m.rebuttal("obj", "O.")
    m.claim("answer", "A.")
    m.premise("answer_reason", "AR.")
    m.rebuttal("cut", "An undercutter.")
    m.attack("obj", "c", id="a1")
    m.attack("answer", "obj", id="a2")
    m.support("answer_reason", "answer", id="s_answer")
    m.attack("cut", "s", id="u")  # linked only through an undercut of a support
    assert _nodes(m, "AM501") == []


def test_am501_connection_in_either_direction_counts() -> None:
    m = _argued()
    m.claim("consequence", "Something c supports.")
    m.support("c", "consequence")
    m.claim("sibling", "Something k also supports.")
    m.support("k", "sibling")
    assert _nodes(m, "AM501") == []


def test_am501_needs_a_central_claim() -> None:
    m = argmap.ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    assert _nodes(m, "AM501") == []


def test_am501_the_central_claim_alone_is_not_an_orphan() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.central = "c"
    assert _nodes(m, "AM501") == []


def test_am501_a_statement_that_answers_a_critical_question_is_not_an_orphan() -> None:
    m = _argued()
    m.claim("answer", "Nothing else explains the sign.")
    m.remove("s")
    m.support(
        "k",
        "c",
        id="s",
        scheme="sign",
        answered={"sign.correlation": "answer", "sign.other-events": "answer"},
    )
    assert _nodes(m, "AM601") == []
    assert _nodes(m, "AM501") == []


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_am501_finds_exactly_what_is_not_connected_to_the_central_claim(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps(max_statements=10))
    def holds(m: argmap.ArgumentMap) -> None:
        # The oracle: the statements weakly connected to the central claim through any chain of
        # supports and attacks, and the answers to a critical question of a support among them.
        if m.central is None:
            assert Facts(m).unlinked == []
            return
        connected = nx.node_connected_component(nx.Graph(m.graph), m.central)
        answers = {
            answer
            for answer, sids in m.index.answered_by.items()
            if any(sid in connected for sid in sids)
        }
        expected = [s for s in m.index.statements if s not in connected | answers]
        assert Facts(m).unlinked == expected

    holds()


def test_am501_a_chain_that_leads_into_an_objection_is_linked() -> None:
    # r objects to the central claim; x0 -> ... -> x4 -> r2 -> (attack on r) leads into it
    # through supports and an attack: linked, whichever statement the check looks at first.
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c")
    m.rebuttal("r", "R.")
    m.attack("r", "c")
    m.rebuttal("r2", "R2.")
    m.attack("r2", "r")
    chain = [f"x{i}" for i in range(5)]
    for i, x in enumerate(chain):
        m.claim(x, f"X{i}.")
    for below, above in zip(chain, [*chain[1:], "r2"], strict=True):
        m.support(below, above)
    m.claim("alone", "Alone.")
    m.central = "c"
    assert _nodes(m, "AM501") == [("alone",)]


def test_am501_an_answer_to_a_question_of_a_support_of_an_objection_is_linked() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c")
    m.rebuttal("r", "R.")
    m.attack("r", "c")
    m.case("seen", "Seen.")
    m.claim("answer", "Nothing else explains it.")
    m.support("seen", "r", scheme="sign", answered={"sign.correlation": "answer"})
    m.central = "c"
    assert _nodes(m, "AM501") == []
