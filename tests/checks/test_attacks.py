"""Attack gaps (argmap/checks/attacks.py): AM201 unanswered-attack, AM202 undercut-claim."""

from __future__ import annotations

import argmap


def _nodes(m: argmap.ArgumentMap, code: str) -> list[tuple[str, ...]]:
    return [f.nodes for f in argmap.check(m, select=[code])]


def _argued() -> argmap.ArgumentMap:
    """c (central) <- s_c - p <- s_p - k (a case)."""
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.premise("p", "The regime reacts.")
    m.case("k", "Executions fell.")
    m.support("p", "c", id="s_c")
    m.support("k", "p", id="s_p")
    m.central = "c"
    return m


# -- AM201 unanswered-attack ------------------------------------------------------------------


def test_am201_an_unanswered_rebuttal_of_the_central_claim() -> None:
    m = _argued()
    m.rebuttal("obj", "It drives them from the talks.")
    m.attack("obj", "c", id="a")
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.rule == "AM201"
    assert finding.name == "unanswered-attack"
    assert finding.severity == "warning"
    assert finding.nodes == ("a", "obj", "c")
    assert finding.message == "attack 'a' by 'obj' rebuts 'c', and nothing answers it"


def test_am201_an_unanswered_rebuttal_of_a_supporting_statement() -> None:
    m = _argued()
    m.rebuttal("obj", "The regime ignores it.")
    m.attack("obj", "p", id="a")
    assert _nodes(m, "AM201") == [("a", "obj", "p")]


def test_am201_an_unanswered_undercutter() -> None:
    m = _argued()
    m.rebuttal("u_prem", "The case is not typical.")
    m.attack("u_prem", "s_p", id="u")
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.nodes == ("u", "u_prem", "s_p")
    assert (
        finding.message
        == "attack 'u' by 'u_prem' undercuts support 's_p' of 'p', and nothing answers it"
    )


def test_am201_an_undercutter_raising_a_question_quotes_it() -> None:
    m = _argued()
    m.remove("s_p")
    m.support("k", "p", id="s_p", scheme="example")
    m.rebuttal("u_prem", "The case is not typical.")
    m.attack("u_prem", "s_p", id="u", question="example.typical")
    (finding,) = argmap.check(m, select=["AM201"])
    assert (
        "It raises the critical question example.typical: Is the example typical of the kinds "
        "of cases the generalisation covers?"
    ) in finding.explanation


def test_am201_an_answered_attack_is_not_reported() -> None:
    m = _argued()
    m.rebuttal("obj", "It drives them from the talks.")
    m.claim("answer", "They stayed in the talks.")
    m.attack("obj", "c", id="a")
    m.attack("answer", "obj", id="a_answer")
    # a is answered; a_answer attacks a statement the map rejects, so needs no answer.
    assert _nodes(m, "AM201") == []


def test_am201_answered_when_any_premise_of_a_linked_attack_is_attacked() -> None:
    m = _argued()
    m.rebuttal("o1", "O1.")
    m.rebuttal("o2", "O2.")
    m.premise("ans", "A.")
    m.attack(["o1", "o2"], "c", id="a")
    m.attack("ans", "o2", id="a_ans")
    assert _nodes(m, "AM201") == []


def test_am201_ignores_attacks_on_statements_the_map_rejects() -> None:
    # An attack on the objection (and an undercutter of a support of the objection) bears on
    # something the map argues against.
    m = _argued()
    m.rebuttal("obj", "It drives them from the talks.")
    m.premise("obj_reason", "They walked out once.")
    m.claim("answer", "They came back.")
    m.attack("obj", "c", id="a")
    m.support("obj_reason", "obj", id="s_obj")
    m.attack("answer", "obj", id="a_answer")
    m.premise("cut", "One walk-out shows nothing.")
    m.attack("cut", "s_obj", id="u_obj")
    assert _nodes(m, "AM201") == []


def test_am201_an_attack_on_the_answer_reopens_nothing_it_needs_no_answer() -> None:
    # Counter-attack chain: obj attacks c, ans attacks obj, counter attacks ans. a is answered
    # (obj is attacked), counter attacks 'ans', which the map does not stand by.
    m = _argued()
    m.rebuttal("obj", "O.")
    m.claim("ans", "A.")
    m.rebuttal("counter", "C.")
    m.attack("obj", "c", id="a")
    m.attack("ans", "obj", id="a_ans")
    m.attack("counter", "ans", id="a_counter")
    assert _nodes(m, "AM201") == []


def test_am201_a_statement_off_the_support_tree_is_not_standing() -> None:
    m = _argued()
    m.claim("aside", "Something the map does not argue for.")
    m.rebuttal("obj", "O.")
    m.attack("obj", "aside", id="a")
    assert _nodes(m, "AM201") == []


def test_am201_without_central_claim_every_non_attacker_stands() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.claim("d", "D.")
    m.rebuttal("obj", "O.")
    m.rebuttal("obj2", "O2.")
    m.attack("obj", "c", id="a1")
    m.attack("obj2", "obj", id="a2")  # answers a1; obj is an attacker, so a2 needs no answer
    m.attack("obj2", "d", id="a3")  # d stands: a3 is unanswered
    assert _nodes(m, "AM201") == [("a3", "obj2", "d")]


# -- AM202 undercut-claim ---------------------------------------------------------------------


def test_am202_a_statement_whose_only_support_is_undercut() -> None:
    m = _argued()
    m.rebuttal("cut", "The case does not show it.")
    m.attack("cut", "s_p", id="u")
    (finding,) = argmap.check(m, select=["AM202"])
    assert finding.rule == "AM202"
    assert finding.name == "undercut-claim"
    assert finding.severity == "warning"  # a weak argument, not a broken map
    assert finding.nodes == ("p", "s_p")
    assert finding.message == "every support of 'p' is undercut, and no undercutter is answered"
    assert finding.explanation.startswith("s_p is undercut by u.")


def test_am202_not_when_one_support_is_left_standing() -> None:
    m = _argued()
    m.case("k2", "Britain agreed to talks.")
    m.support("k2", "p", id="s_p2")
    m.rebuttal("cut", "The case does not show it.")
    m.attack("cut", "s_p", id="u")
    assert _nodes(m, "AM202") == []


def test_am202_every_support_undercut() -> None:
    m = _argued()
    m.case("k2", "Britain agreed to talks.")
    m.support("k2", "p", id="s_p2")
    m.rebuttal("cut1", "C1.")
    m.rebuttal("cut2", "C2.")
    m.attack("cut1", "s_p", id="u1")
    m.attack("cut2", "s_p2", id="u2")
    (finding,) = argmap.check(m, select=["AM202"])
    assert finding.nodes == ("p", "s_p", "s_p2")
    assert finding.explanation.startswith("s_p is undercut by u1; s_p2 is undercut by u2.")


def test_am202_an_answered_undercutter_does_not_count() -> None:
    m = _argued()
    m.rebuttal("cut", "The case does not show it.")
    m.claim("reply", "It does.")
    m.attack("cut", "s_p", id="u")
    m.attack("reply", "cut", id="a_reply")
    assert _nodes(m, "AM202") == []


def test_am202_one_answered_and_one_unanswered_undercutter_still_undercut() -> None:
    m = _argued()
    m.rebuttal("cut1", "C1.")
    m.rebuttal("cut2", "C2.")
    m.claim("reply", "R.")
    m.attack("cut1", "s_p", id="u1")
    m.attack("cut2", "s_p", id="u2")
    m.attack("reply", "cut1", id="a_reply")
    (finding,) = argmap.check(m, select=["AM202"])
    assert finding.nodes == ("p", "s_p")
    assert finding.explanation.startswith("s_p is undercut by u2.")


def test_am202_a_rebuttal_is_not_an_undercut() -> None:
    m = _argued()
    m.rebuttal("obj", "O.")
    m.attack("obj", "p", id="a")  # against the statement, not against its support
    m.attack("obj", "k", id="a2")  # against the support's premise
    assert _nodes(m, "AM202") == []


def test_am202_an_unsupported_statement_is_not_undercut() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    assert _nodes(m, "AM202") == []


def test_am201_undercutting_the_rebuttal_itself_answers_it() -> None:
    # "Granted, but that is no objection": the answer attacks the attack, not its premise.
    m = _argued()
    m.rebuttal("obj", "It drives them from the talks.")
    m.attack("obj", "c", id="a")
    m.premise("granted", "Even so, they came back every time.")
    m.attack("granted", "a", id="u")
    assert _nodes(m, "AM201") == []
    # The undercutter of an attack on the central claim is not itself a gap: it defends.
    m.remove("granted", cascade=True)
    assert _nodes(m, "AM201") == [("a", "obj", "c")]


def test_am202_an_undercut_undercutter_leaves_the_support_standing() -> None:
    m = _argued()
    m.rebuttal("u", "The reactions were staged.")
    m.attack("u", "s_c", id="under")
    assert _nodes(m, "AM202") == [("c", "s_c")]
    m.premise("w", "That does not show the support fails.")
    m.attack("w", "under", id="meta")
    assert _nodes(m, "AM202") == []
