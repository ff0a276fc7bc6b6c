"""Attack gaps (argmap/checks/attacks.py): AM201 unanswered-attack, AM202 undercut-claim."""

from __future__ import annotations

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from strategies import maps

import argmap
from argmap.checks.facts import Facts
from argmap.examples import north_korea


def _nodes(m: argmap.ArgumentMap, code: str) -> list[tuple[str, ...]]:
    return [f.nodes for f in argmap.check(m, select=[code])]


def _argued() -> argmap.ArgumentMap:
    """c (central) <- s_c - p <- s_p - k (a case); p is a claim, so it needs s_p."""
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    m.claim("p", "The regime reacts.")
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
    assert finding.message == (
        "attack 'a' by 'obj' rebuts 'c', and nothing answers it: the central claim 'c' is OUT"
    )
    assert finding.explanation == (
        "It speaks against the statement itself. Answer it with an attack on 'obj' or on the "
        "attack itself, or concede the point."
    )


def test_am201_an_unanswered_rebuttal_of_a_supporting_statement() -> None:
    m = _argued()
    m.rebuttal("obj", "The regime ignores it.")
    m.attack("obj", "p", id="a")
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.nodes == ("a", "obj", "p")
    # p is the central claim's only reason: it falls with p.
    assert finding.message.endswith("nothing answers it: the central claim 'c' is OUT")


def test_am201_says_nothing_of_the_central_claim_when_it_still_stands() -> None:
    m = _argued()
    m.case("k2", "Britain agreed to talks.")
    m.support("k2", "c", id="s_c2")
    m.rebuttal("obj", "The regime ignores it.")
    m.attack("obj", "p", id="a")
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.message == "attack 'a' by 'obj' rebuts 'p', and nothing answers it"


def test_am201_an_unanswered_undercutter() -> None:
    m = _argued()
    m.rebuttal("u_prem", "The case is not typical.")
    m.attack("u_prem", "s_p", id="u")
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.nodes == ("u", "u_prem", "s_p")
    assert (
        finding.message
        == "attack 'u' by 'u_prem' undercuts support 's_p' of 'p', and nothing answers it: "
        "the central claim 'c' is OUT"
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
    m.rebuttal("answer", "They stayed in the talks.")
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
    m.rebuttal("answer", "They came back.")
    m.attack("obj", "c", id="a")
    m.support("obj_reason", "obj", id="s_obj")
    m.attack("answer", "obj", id="a_answer")
    m.premise("cut", "One walk-out shows nothing.")
    m.attack("cut", "s_obj", id="u_obj")
    assert _nodes(m, "AM201") == []


def test_am201_an_answer_that_is_itself_defeated_leaves_the_attack_standing() -> None:
    # obj attacks c, ans attacks obj, counter attacks ans: counter stands, so ans falls, so obj
    # stands again and c is OUT. The attack on 'ans' is not itself reported ('ans' is not what
    # the map stands by), but it reopens the attack on c.
    m = _argued()
    m.rebuttal("obj", "O.")
    m.rebuttal("ans", "A.")
    m.rebuttal("counter", "C.")
    m.attack("obj", "c", id="a")
    m.attack("ans", "obj", id="a_ans")
    m.attack("counter", "ans", id="a_counter")
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.nodes == ("a", "obj", "c")
    assert finding.message == (
        "attack 'a' by 'obj' rebuts 'c', and every answer to it is defeated: "
        "the central claim 'c' is OUT"
    )
    assert finding.explanation.splitlines()[1] == (
        "Answers (each answered by the next; evidential labels): "
        "a (in) <- a_ans (out) <- a_counter (in, unanswered)."
    )


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
    assert finding.message == (
        "every support of 'p' is undercut, and no undercutter is answered: "
        "the central claim 'c' is OUT"
    )
    assert finding.explanation == (
        "s_p is undercut by u.\n'p' is OUT (evidential semantics). Nothing left supports 'p': "
        "answer an undercutter or add support."
    )


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
    m.rebuttal("reply", "It does.")
    m.attack("cut", "s_p", id="u")
    m.attack("reply", "cut", id="a_reply")
    assert _nodes(m, "AM202") == []


def test_am202_one_answered_and_one_unanswered_undercutter_still_undercut() -> None:
    m = _argued()
    m.rebuttal("cut1", "C1.")
    m.rebuttal("cut2", "C2.")
    m.rebuttal("reply", "R.")
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


# -- "answered" is judged by the evidential labelling ---------------------------------------------


def _chain(length: int) -> argmap.ArgumentMap:
    """c <- r1 <- r2 <- ... <- r<length>, each rebuttal attacking the one before (attack a<i>);
    a case supports c."""
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c", id="s")
    m.central = "c"
    for i in range(1, length + 1):
        m.rebuttal(f"r{i}", f"R{i}.")
        m.attack(f"r{i}", "c" if i == 1 else f"r{i - 1}", id=f"a{i}")
    return m


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5])
def test_a_chain_of_rebuttals_defeats_the_claim_exactly_when_it_is_odd(length: int) -> None:
    m = _chain(length)
    assert argmap.evaluate(m)["c"] == ("out" if length % 2 else "in")
    findings = argmap.check(m, select=["AM201"]).findings
    if length % 2 == 0:
        assert findings == ()  # the last rebuttal defends c: a1 is answered
        return
    (finding,) = findings
    assert finding.nodes == ("a1", "r1", "c")
    assert finding.message.endswith(": the central claim 'c' is OUT")
    if length == 1:
        assert "nothing answers it" in finding.message
        assert "Answers" not in finding.explanation
    else:
        assert "every answer to it is defeated" in finding.message
        steps = [f"a{i} ({'in' if i % 2 else 'out'})" for i in range(1, length + 1)]
        steps[-1] = steps[-1].replace(")", ", unanswered)")
        assert " <- ".join(steps) in finding.explanation


def test_a_long_chain_lists_twenty_attacks_and_says_how_many_more() -> None:
    (finding,) = argmap.check(_chain(45), select=["AM201"])
    line = finding.explanation.splitlines()[1]
    assert line.count(" <- ") == 20
    assert line.endswith("a20 (out) <- and 25 more.")
    assert finding.nodes == ("a1", "r1", "c")  # the finding's nodes are never cut


@pytest.mark.parametrize("size", [2, 3])
def test_an_attack_caught_in_a_cycle_is_undecided_not_answered(size: int) -> None:
    # r1 attacks c; r1 .. r<size> attack each other in a cycle (even or odd: grounded semantics
    # leaves both undecided).
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c")
    m.central = "c"
    for i in range(1, size + 1):
        m.rebuttal(f"r{i}", f"R{i}.")
    m.attack("r1", "c", id="a")
    for i in range(1, size + 1):
        m.attack(f"r{i % size + 1}", f"r{i}", id=f"x{i}")
    assert argmap.evaluate(m)["c"] == "undec"
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.message == (
        "attack 'a' by 'r1' rebuts 'c', and it is undecided, not answered: "
        "the central claim 'c' is undecided"
    )
    cycle = finding.explanation.splitlines()[1]
    assert cycle.startswith(
        "Undecided (evidential labels), each because of the next: a <- r1 <- x1"
    )
    assert "and round again" in cycle


def test_am202_an_undercutter_whose_answer_falls_undercuts_again() -> None:
    m = _argued()
    m.rebuttal("cut", "The reactions were staged.")
    m.attack("cut", "s_c", id="u")
    m.premise("reply", "They were not.")
    m.attack("reply", "cut", id="a_reply")  # answers u ...
    assert _nodes(m, "AM202") == []
    m.rebuttal("rejoinder", "The reply is wrong.")
    m.attack("rejoinder", "reply", id="a_rejoinder")  # ... until the answer is defeated
    (finding,) = argmap.check(m, select=["AM202"])
    assert finding.nodes == ("c", "s_c")
    assert finding.message == (
        "every support of 'c' is undercut, and no undercutter is defeated: "
        "the central claim 'c' is OUT"
    )
    assert "u (in) <- a_reply (out) <- a_rejoinder (in, unanswered)" in finding.explanation
    assert "'c' is OUT (evidential semantics)" in finding.explanation
    (standing,) = argmap.check(m, select=["AM201"])
    assert standing.nodes[0] == "u"


def test_am202_an_assumption_keeps_standing_and_the_finding_says_so() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.", assumption=True)
    m.premise("p", "The regime reacts.")
    m.support("p", "c", id="s_c")
    m.central = "c"
    m.rebuttal("cut", "The reactions were staged.")
    m.attack("cut", "s_c", id="u")
    (finding,) = argmap.check(m, select=["AM202"])
    assert "'c' still stands, as an assumption" in finding.explanation
    assert "central claim" not in finding.message  # it is IN


def test_an_attack_on_the_attack_answers_it_until_it_is_attacked_in_turn() -> None:
    m = _argued()
    m.rebuttal("obj", "It drives them from the talks.")
    m.attack("obj", "c", id="a")
    m.premise("granted", "Even so, they came back.")
    m.attack("granted", "a", id="u")  # "granted, but that is no objection"
    assert _nodes(m, "AM201") == []
    m.premise("meta", "They came back only to leave again.")
    m.attack("meta", "u", id="v")  # the answer to the objection is itself undercut
    (finding,) = argmap.check(m, select=["AM201"])
    assert finding.nodes == ("a", "obj", "c")
    assert "a (in) <- u (out) <- v (in, unanswered)" in finding.explanation
    # An attack on an attack is a defence or a counter to one; it is never itself reported.
    assert {f.nodes[0] for f in argmap.check(m, select=["AM201"])} == {"a"}


def test_an_attack_whose_premise_loses_its_only_support_is_answered() -> None:
    m = _argued()
    m.claim("obj", "It drives them from the talks.")  # a claim: it needs its support
    m.premise("walkout", "They walked out once.")
    m.support("walkout", "obj", id="s_obj")
    m.attack("obj", "c", id="a", acknowledge={"AM201": "The text leaves it."})
    assert _nodes(m, "AM201") == [("a", "obj", "c")]
    m.premise("cut", "One walk-out shows nothing.")
    m.attack("cut", "s_obj", id="u_obj")  # obj now stands on nothing: a falls with it
    assert argmap.evaluate(m)["a"] == "out"
    report = argmap.check(m, select=["AM201", "AM002"])
    # The acknowledgement matches nothing now, and the check says so.
    assert [(f.rule, f.nodes) for f in report] == [("AM002", ("a",))]


def test_the_article_says_when_its_central_claim_is_out() -> None:
    """On the article, the analyst's undercutters strike one step each and the central claim
    stands; take away the concessions and the defectors' eased punishment (the evidence of
    yielding that no objection strikes) and it falls, and the report says so even where the
    undercutters are acknowledged."""
    m = north_korea()
    assert argmap.evaluate(m)[m.central] == "in"
    assert all("central claim" not in f.message for f in argmap.check(m).by_rule("AM201"))
    m.remove("concedes", cascade=True)
    m.remove("defectors", cascade=True)
    assert argmap.evaluate(m)[m.central] == "out"
    report = argmap.check(m)
    (undercut,) = report.by_rule("AM202")
    assert undercut.nodes == ("abuses_fell", "s_executions")
    findings = report.by_rule("AM201")
    assert [f.nodes[0] for f in findings] == ["u_amnesty", "u_public"]
    for finding in (undercut, *findings):
        assert finding.message.endswith(": the central claim 'agenda' is OUT")
    assert all(f.acknowledged for f in findings)  # recorded on purpose, and still said
    acknowledged = str(report).partition("\nacknowledged\n")[2]
    assert "the central claim 'agenda' is OUT" in acknowledged
    assert "'abuses_fell' is OUT (evidential semantics)" in undercut.explanation


def _standing_targets(m: argmap.ArgumentMap) -> dict[str, str]:
    """Each attack that AM201 judges (it bears on what the map stands by) -> its target."""
    facts = Facts(m)
    judged = {}
    for aid, attack in facts.attacks.items():
        support = facts.supports.get(attack.target)
        if (support.conclusion if support else attack.target) in facts.standing_set:
            judged[aid] = attack.target
    return judged


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_findings_are_exactly_what_the_default_semantics_leaves_attacked(budget: int) -> None:
    @given(maps(max_statements=8, rich=True))
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    def holds(m: argmap.ArgumentMap) -> None:
        _findings_are_exactly_what_the_labels_leave_attacked(m)

    holds()


def _findings_are_exactly_what_the_labels_leave_attacked(m: argmap.ArgumentMap) -> None:
    labels = argmap.evaluate(m).labels  # the framework's own fixpoint, not the checks'
    report = argmap.check(m, select=["AM201", "AM202"])
    judged = _standing_targets(m)
    # AM201: an attack on what the map stands by is reported exactly when it is not defeated,
    # and then what it attacks is OUT or UNDEC because of it.
    reported = {f.nodes[0] for f in report.by_rule("AM201")}
    assert reported == {a for a in judged if labels[a] != "out"}
    for aid in reported:
        assert labels[judged[aid]] == ("out" if labels[aid] == "in" else labels[judged[aid]])
        assert labels[judged[aid]] != "in"
    attacked_down = {t for a, t in judged.items() if labels[a] != "out"}
    assert attacked_down == {f.nodes[-1] for f in report.by_rule("AM201")}
    # AM202: a statement is reported exactly when every support of it has an attack on it that
    # is not defeated.
    undercut = {
        s.id
        for s in m.statements()
        if m.supports_of(s.id)
        and all(
            any(labels[a.id] != "out" for a in m.attacks_on(sup.id)) for sup in m.supports_of(s.id)
        )
    }
    assert {f.nodes[0] for f in report.by_rule("AM202")} == undercut
    for f in report.by_rule("AM202"):
        statement = m.statement(f.nodes[0])
        # only a given statement (not a claim, or an assumption) stands with no support left
        assert labels[f.nodes[0]] != "in" or statement.assumption or statement.kind != "claim"
    # The central claim is said to fall only when it does.
    for f in report:
        if "the central claim" in f.message:
            assert labels[m.central or ""] == ("out" if f.message.endswith("OUT") else "undec")
