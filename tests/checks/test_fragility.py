"""What the central claim depends on (argmap/checks/fragility.py): AM401 fragile-central-claim,
AM402 evidence-base."""

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


def test_am401_convergent_cases_are_not_fragile() -> None:
    m = _base("k1", "k2")
    m.support("k1", "c")
    m.support("k2", "c")
    assert _fragile(m) == []


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


def test_am401_an_ungrounded_branch_adds_no_independence() -> None:
    m = _base("k", "k_half")
    m.premise("bare", "Everybody says so.")
    m.support("k", "c")
    m.support(["k_half", "bare"], "c")
    m.support("bare", "c")
    assert _fragile(m) == [("c", "k")]


def test_am401_a_cycle_with_two_external_cases_is_not_fragile() -> None:
    m = _base("k1", "k2")
    m.claim("b", "B.")
    m.support("b", "c")
    m.support("c", "b")
    m.support("k1", "c")
    m.support("k2", "b")
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


def test_am401_not_reported_when_the_central_claim_is_not_grounded() -> None:
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
    m = _base("k1", "k2")
    m.support("k1", "c", id="s1")
    m.support("k2", "c", id="s2")
    m.rebuttal("cut", "Cut.")
    m.attack("cut", "s1")  # undercutting one route is an attack gap, not a grounding one
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


def test_am402_not_reported_when_the_central_claim_is_not_grounded() -> None:
    m = _base()
    m.premise("p", "P.")
    m.support("p", "c")
    assert argmap.check(m, select=["AM402"]).findings == ()
