"""What the central claim and the answers to objections depend on (argmap/checks/fragility.py):
AM401 fragile-central-claim, AM402 evidence-base, AM403 fragile-answer."""

from __future__ import annotations

import argmap


def _base(*cases: str) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("c", "Pressure works.")
    for k in cases:
        m.case(k, f"Case {k}.")
    m.central = "c"
    return m


def _fragile(m: argmap.ArgumentMap) -> list[tuple[str, ...]]:
    return [f.nodes for f in argmap.check(m, select=["AM401"])]


# -- AM401 fragile-central-claim --------------------------------------------------------------


def test_am401_a_central_claim_on_a_single_case() -> None:
    m = _base("k")
    m.premise("p", "The regime reacts.")
    m.support("p", "c")
    m.support("k", "p")
    (finding,) = argmap.check(m, select=["AM401"])
    assert finding.rule == "AM401"
    assert finding.name == "fragile-central-claim"
    assert finding.severity == "warning"
    assert finding.nodes == ("c", "k")
    assert finding.message == "the central claim 'c' depends on a single case, 'k'"
    assert finding.explanation.startswith("Minimal set of cases it depends on: k.")


def test_am401_three_convergent_cases_are_not_fragile() -> None:
    m = _base("k1", "k2", "k3")
    for k in ("k1", "k2", "k3"):
        m.support(k, "c")
    assert _fragile(m) == []


def test_am401_two_convergent_cases_are_fragile_though_neither_is_necessary() -> None:
    m = _base("k1", "k2")
    m.support("k2", "c")
    m.support("k1", "c")
    (finding,) = argmap.check(m, select=["AM401"])
    assert finding.nodes == ("c", "k1", "k2")
    assert finding.message == "the central claim 'c' rests on only 2 cases: k1, k2"
    assert finding.explanation.startswith("All its evidence is k1, k2; no one of them")


def test_am401_a_linked_support_depends_on_each_case() -> None:
    m = _base("k1", "k2")
    m.support(["k2", "k1"], "c")
    (finding,) = argmap.check(m, select=["AM401"])
    assert finding.nodes == ("c", "k1", "k2")
    assert finding.message == "the central claim 'c' depends on each of ['k1', 'k2']"


def test_am401_a_case_shared_by_every_route_is_the_minimal_set() -> None:
    m = _base("k1", "k2", "k3")
    m.support(["k1", "k2"], "c")
    m.support(["k1", "k3"], "c")
    assert _fragile(m) == [("c", "k1")]


def test_am401_an_unevidenced_branch_adds_no_independence() -> None:
    m = _base("k", "k_half")
    m.premise("bare", "Everybody says so.")
    m.support("k", "c")
    m.support(["k_half", "bare"], "c")
    m.support("bare", "c")
    assert _fragile(m) == [("c", "k")]


def test_am401_a_cycle_with_independent_external_cases_is_not_fragile() -> None:
    m = _base("k1", "k2", "k3")
    m.claim("b", "B.")
    m.support("b", "c")
    m.support("c", "b")
    m.support("k1", "c")
    m.support("k2", "b")
    m.support("k3", "b")
    assert _fragile(m) == []


def test_am401_a_cycle_fed_by_one_case_is_fragile() -> None:
    m = _base("k")
    m.claim("b", "B.")
    m.claim("d", "D.")
    m.support("b", "c")
    m.support("d", "b")
    m.support("c", "d")
    m.support("k", "d")
    assert _fragile(m) == [("c", "k")]


def test_am401_not_reported_when_the_central_claim_is_not_evidenced() -> None:
    m = _base()
    m.premise("p", "P.")
    m.support("p", "c")
    assert _fragile(m) == []


def test_am401_not_reported_without_a_central_claim() -> None:
    m = _base("k")
    m.support("k", "c")
    m.central = None
    assert _fragile(m) == []


def test_am401_attacks_do_not_make_a_case_necessary() -> None:
    m = _base("k1", "k2", "k3")
    m.support("k1", "c", id="s1")
    m.support("k2", "c", id="s2")
    m.support("k3", "c", id="s3")
    m.rebuttal("cut", "Cut.")
    m.attack("cut", "s1")  # undercutting one route is an attack gap, not a evidence one
    assert _fragile(m) == []


# -- AM402 evidence-base ----------------------------------------------------------------------


def test_am402_lists_the_cases_their_citations_hearsay_and_direct_support() -> None:
    m = argmap.ArgumentMap()
    m.add_source(argmap.Source(id="un", title="UN report"))
    m.claim("c", "Pressure works.")
    m.claim("mid", "The regime reacts.")
    m.case("k_cited", "K1.", cites=["un"])
    m.case("k_hearsay", "K2.", attribution="it is known to us")
    m.case("k_plain", "K3.")
    m.case("k_unused", "Not linked by support.")
    m.support("mid", "c")
    m.support("k_plain", "c")
    m.support("k_cited", "mid")
    m.support("k_hearsay", "mid")
    m.attack("k_unused", "c")
    m.central = "c"
    (finding,) = argmap.check(m, select=["AM402"])
    assert finding.rule == "AM402"
    assert finding.name == "evidence-base"
    assert finding.severity == "info"
    assert finding.nodes == ("c", "k_cited", "k_hearsay", "k_plain")
    assert finding.message == "the central claim 'c' rests on 3 cases: k_cited, k_hearsay, k_plain"
    assert finding.explanation == (
        "1 of 3 cite a source (k_cited)\n"
        "1 rest on hearsay: k_hearsay\n"
        "Its direct support: mid, k_plain"
    )


def test_am402_one_case() -> None:
    m = _base("k")
    m.support("k", "c")
    (finding,) = argmap.check(m, select=["AM402"])
    assert finding.message == "the central claim 'c' rests on 1 case: k"
    assert finding.explanation == "0 of 1 cite a source\nIts direct support: k"


def test_am402_not_reported_when_the_central_claim_is_not_evidenced() -> None:
    m = _base()
    m.premise("p", "P.")
    m.support("p", "c")
    assert argmap.check(m, select=["AM402"]).findings == ()


# -- AM403 fragile-answer ---------------------------------------------------------------------


def _objected(*answer_cases: str) -> argmap.ArgumentMap:
    """A sound central claim, an objection to it, and an answer evidenced by ``answer_cases``."""
    m = _base("k1", "k2", "k3")
    for k in ("k1", "k2", "k3"):
        m.support(k, "c")
    m.rebuttal("obj", "Raising it drives them from the talks.")
    m.attack("obj", "c", id="a_obj")
    m.claim("answer", "It does not.")
    for k in answer_cases:
        if k not in m:
            m.case(k, f"Case {k}.")
        m.support(k, "answer")
    m.attack("answer", "obj", id="a_answer")
    return m


def _fragile_answers(m: argmap.ArgumentMap) -> list[tuple[str, ...]]:
    return [f.nodes for f in argmap.check(m, select=["AM403"])]


def test_am403_an_answer_on_two_cases_is_fragile() -> None:
    (finding,) = argmap.check(_objected("j", "u"), select=["AM403"])
    assert finding.name == "fragile-answer"
    assert finding.severity == "warning"
    assert finding.nodes == ("answer", "j", "u")
    assert finding.message == (
        "the answer 'answer' to objection a_obj (obj) rests on only 2 cases: j, u"
    )


def test_am403_an_answer_on_one_indispensable_case_is_fragile() -> None:
    m = _objected("j", "u")
    m.case("v", "Case v.")
    m.remove("answer", cascade=True)
    m.claim("answer", "It does not.")
    m.support(["j", "u"], "answer")  # linked: each is indispensable
    m.support(["j", "v"], "answer")
    m.attack("answer", "obj", id="a_answer")
    (finding,) = argmap.check(m, select=["AM403"])
    assert finding.nodes == ("answer", "j")
    assert "depends on a single case, 'j'" in finding.message


def test_am403_an_answer_on_three_independent_cases_is_sound() -> None:
    assert _fragile_answers(_objected("j", "u", "v")) == []


def test_am403_an_undercut_of_the_objection_is_an_answer_too() -> None:
    m = _objected("j", "u", "v")
    m.claim("beside", "That is beside the point.")
    m.case("w", "Case w.")
    m.support("w", "beside")
    m.attack("beside", "a_obj", id="u_obj")
    assert _fragile_answers(m) == [("beside", "w")]


def test_am403_the_answer_to_a_critical_question_counts() -> None:
    m = _base("k1", "k2", "k3")
    m.claim("goal", "G.")
    for k in ("k1", "k2", "k3"):
        m.support(k, "goal")
    m.claim("safe", "No bad side effects.")
    m.support("k1", "safe")
    m.support(
        "goal",
        "c",
        scheme="practical_reasoning",
        answered={"practical_reasoning.side-effects": "safe"},
    )
    (finding,) = argmap.check(m, select=["AM403"])
    assert finding.nodes == ("safe", "k1")
    assert "critical question practical_reasoning.side-effects" in finding.message


def test_am403_objections_to_what_the_map_rejects_need_no_strong_answer() -> None:
    m = _objected("j")
    # An objection to the objection's premise: the map does not stand by 'obj'.
    m.rebuttal("counter", "C.")
    m.attack("counter", "answer", id="a_counter")
    m.claim("reply", "R.")
    m.support("j", "reply")
    m.attack("reply", "counter")
    assert _fragile_answers(m) == [("answer", "j")]


def test_am403_an_unevidenced_answer_or_a_case_is_left_to_other_rules() -> None:
    m = _objected()
    m.premise("why", "Because.")
    m.support("why", "answer")  # not evidenced: AM102 says so, not AM403
    m.case("fact", "A fact.")
    m.attack("fact", "obj", id="a_fact")  # a case answers on its own evidence
    assert _fragile_answers(m) == []
