"""argmap.evaluate on maps: the translation's behaviour, the Labelling, and the error paths."""

from __future__ import annotations

import json
import pickle

import pytest

import argmap
from argmap import ArgumentMap
from argmap.examples import north_korea
from argmap.exceptions import EvaluationError
from argmap.semantics import SEMANTICS, Labelling, evaluate, to_framework

DUNG = ["evidential", "grounded", "complete", "preferred", "stable"]


def chain(n: int) -> ArgumentMap:
    """c <- r1 <- r2 <- ... <- rn, each rebuttal attacking the one before; a case supports c."""
    m = ArgumentMap()
    m.claim("c", "The claim.")
    m.case("k", "The evidence.")
    m.support("k", "c", id="s")
    previous = "c"
    for i in range(1, n + 1):
        m.rebuttal(f"r{i}", f"Objection {i}.")
        m.attack(f"r{i}", previous, id=f"a{i}")
        previous = f"r{i}"
    m.central = "c"
    return m


@pytest.mark.parametrize("semantics", DUNG)
def test_chain_of_three_defeats_the_claim(semantics: str) -> None:
    lab = evaluate(chain(3), semantics)
    assert [lab[n] for n in ("c", "r1", "r2", "r3")] == ["out", "in", "out", "in"]
    assert [lab[n] for n in ("a1", "a2", "a3")] == ["in", "out", "in"]


def test_chain_of_two_reinstates_the_claim() -> None:
    assert evaluate(chain(2))["c"] == "in"


def test_linked_support_needs_every_premise() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.premise("q", "Q.")
    m.rebuttal("r", "Not Q.")
    m.support(["p", "q"], "c", id="s")
    m.attack("r", "q", id="a")
    lab = evaluate(m)
    assert (lab["q"], lab["s"], lab["c"], lab["p"]) == ("out", "out", "out", "in")


def test_convergent_supports_need_one() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.premise("q", "Q.")
    m.rebuttal("r", "Not Q.")
    m.support("p", "c", id="s1")
    m.support("q", "c", id="s2")
    m.attack("r", "q")
    lab = evaluate(m)
    assert (lab["s1"], lab["s2"], lab["c"]) == ("in", "out", "in")


def test_undercut_defeats_the_inference_not_its_premise() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.rebuttal("u", "P does not bear on C.")
    m.support("p", "c", id="s")
    m.attack("u", "s", id="x")
    lab = evaluate(m)
    assert (lab["p"], lab["s"], lab["c"], lab["x"]) == ("in", "out", "out", "in")


def test_attack_on_an_attack_reinstates_its_target() -> None:
    m = ArgumentMap()
    m.premise("c", "C.")
    m.rebuttal("r", "R.")
    m.rebuttal("u", "R is no objection to C.")
    m.attack("r", "c", id="a")
    m.attack("u", "a", id="b")
    lab = evaluate(m)
    assert (lab["a"], lab["c"], lab["r"]) == ("out", "in", "in")


def test_an_unsupported_statement_stands_unless_attacked_only_under_grounded() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    assert evaluate(m, "grounded")["c"] == "in"
    assert evaluate(m)["c"] == "out"  # evidential: a claim needs a support
    assert evaluate(m)["p"] == "in"  # a premise is given
    m.support("p", "c")
    assert evaluate(m)["c"] == "in"


def test_the_default_is_evidential_everywhere() -> None:
    from argmap.semantics.evaluate import DEFAULT_SEMANTICS

    assert DEFAULT_SEMANTICS == "evidential"
    assert evaluate(north_korea()).semantics == "evidential"
    assert argmap.explain(north_korea(), "agenda").label == evaluate(north_korea())["agenda"]


def test_mutual_rebuttals() -> None:
    m = ArgumentMap()
    m.rebuttal("x", "X.")
    m.rebuttal("y", "Y.")
    m.attack("x", "y")
    m.attack("y", "x")
    grounded = evaluate(m)
    assert grounded["x"] == grounded["y"] == "undec"
    preferred = evaluate(m, "preferred")
    assert preferred["x"] == "undec"
    assert {frozenset(e) & {"x", "y"} for e in preferred.extensions} == {
        frozenset({"x"}),
        frozenset({"y"}),
    }
    assert preferred.accepted("x", mode="credulous")
    assert not preferred.accepted("x")
    stable = evaluate(m, "stable")
    assert len(stable.extensions) == 2
    complete = evaluate(m, "complete")
    assert len(complete.extensions) == 3  # {}, {x..}, {y..}


def test_odd_cycle_has_no_stable_extension() -> None:
    m = ArgumentMap()
    for n in "xyz":
        m.claim(n, n.upper() + ".")
    m.attack("x", "y")
    m.attack("y", "z")
    m.attack("z", "x")
    lab = evaluate(m, "stable")
    assert lab.extensions == ()
    assert set(lab.labels.values()) == {"undec"}
    assert "no stable extension" in lab.notes[0]
    assert "no stable extension" in str(lab)


def test_labels_cover_exactly_the_maps_nodes() -> None:
    m = north_korea()
    af = to_framework(m)
    for semantics in DUNG:
        lab = evaluate(m, semantics)
        assert list(lab.labels) == [n.id for n in m.nodes()]
    assert len(af) > len(m)  # the auxiliary arguments
    assert all("/" in a for a in af.arguments if a not in m)


def test_north_korea_central_claim() -> None:
    m = north_korea()
    for semantics in DUNG:
        lab = evaluate(m, semantics)
        # The analyst's objections (the prisoners were moved, not freed; public executions may
        # have gone out of sight) are unanswered and each undercuts one step.
        assert lab["u_amnesty"] == "in"
        assert lab["s_effective"] == "out"
        assert lab["reacts"] == "in"  # the reactions stand; what they show does not
        assert lab["u_public"] == "in"
        assert lab["s_executions"] == "out"
        assert lab["abuses_fell"] == "in"  # still the defectors' eased punishment
        # The concessions and the eased abuses carry the thesis past them.
        assert lab["pressure"] == "in"
        assert lab[m.central] == "in"
        assert lab["withdrawal"] == "out"  # the objection the article answers
    # Without the evidence of yielding that no objection strikes, the thesis falls.
    m.remove("concedes", cascade=True)
    m.remove("defectors", cascade=True)
    for semantics in DUNG:
        assert evaluate(m, semantics)[m.central] == "out"


def test_extension_listing_is_bounded() -> None:
    m = ArgumentMap()
    for i in range(4):
        m.claim(f"x{i}", "X.")
        m.claim(f"y{i}", "Y.")
        m.attack(f"x{i}", f"y{i}")
        m.attack(f"y{i}", f"x{i}")
    lab = evaluate(m, "complete", max_extensions=5)
    assert len(lab.extensions) == 5
    assert not lab.exhaustive
    assert "first ones only" in str(lab)
    with pytest.raises(EvaluationError, match="more than 5 preferred extensions"):
        evaluate(m, "preferred", max_extensions=5)
    assert len(evaluate(m, "preferred", max_extensions=16).extensions) == 16


def test_unknown_semantics_and_bad_options() -> None:
    with pytest.raises(EvaluationError, match="did you mean 'preferred'"):
        evaluate(chain(1), "prefered")
    with pytest.raises(EvaluationError, match="use one of evidential, grounded"):
        evaluate(chain(1), "ideal")
    with pytest.raises(EvaluationError, match="max_extensions must be a positive"):
        evaluate(chain(1), "preferred", max_extensions=0)
    assert isinstance(EvaluationError("x"), argmap.ArgmapError)


def test_labelling_forms() -> None:
    lab = evaluate(chain(1))
    assert lab.to_dict() == {
        "semantics": "evidential",
        "labels": {"c": "out", "k": "in", "r1": "in", "s": "in", "a1": "in"},
    }
    assert json.loads(lab.to_json()) == lab.to_dict()
    text = str(lab)
    assert text.splitlines()[0] == (
        "evidential semantics: 4 in, 1 out, 0 undec; central claim c is OUT"
    )
    assert "out    c   (central)" in text
    page = lab._repr_html_()
    assert "<table>" in page
    assert "<strong>c</strong>" in page
    assert pickle.loads(pickle.dumps(lab)) == lab
    assert lab.ids("in") == ["k", "r1", "s", "a1"]
    assert "c" in lab
    assert "zz" not in lab
    assert len(lab) == 5
    with pytest.raises(EvaluationError, match="node 'zz' is not in this labelling"):
        lab["zz"]
    with pytest.raises(EvaluationError, match="unknown label 'yes'"):
        lab.ids("yes")  # type: ignore[arg-type]
    with pytest.raises(EvaluationError, match="unknown mode"):
        lab.accepted("c", mode="always")  # type: ignore[arg-type]
    with pytest.raises(EvaluationError, match="not in this labelling"):
        lab.accepted("zz")


def test_gradual_labelling_forms() -> None:
    lab = evaluate(chain(1), "dfquad")
    assert lab.is_gradual
    assert lab.to_dict() == {
        "semantics": "dfquad",
        # c's evidence is the case (0.8), of which the objection (0.5) takes half
        "strengths": {"c": 0.4, "k": 0.8, "r1": 0.5, "s": 0.8, "a1": 0.5},
    }
    assert "central claim c has strength 0.400" in str(lab)
    assert "0.400" in lab._repr_html_()
    assert lab["c"] == 0.4
    assert Labelling(semantics="qe").is_gradual


@pytest.mark.parametrize("semantics", ["dfquad", "qe"])
def test_a_cycle_that_does_not_settle_is_noted_on_the_labelling(
    semantics: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = ArgumentMap()
    m.rebuttal("a", "A.")
    m.rebuttal("b", "B.")
    m.attack("a", "b", id="ab")
    m.attack("b", "a", id="ba")
    assert evaluate(m, semantics).notes == ()  # settles with the real step budget
    monkeypatch.setattr("argmap.semantics.gradual._MAX_STEPS", 1)
    notes = evaluate(m, semantics).notes
    assert len(notes) == 1
    assert "did not settle after 1 steps" in notes[0]


def _looping(n: int) -> ArgumentMap:
    """A chain of ``n`` supports and two rebuttals that attack each other (a cycle to iterate)."""
    m = chain(0)
    previous = "k"
    for i in range(n):
        m.premise(f"p{i}", f"P{i}.")
        m.support(f"p{i}", previous, id=f"u{i}")
        previous = f"p{i}"
    m.rebuttal("x", "X.")
    m.rebuttal("y", "Y.")
    m.attack("x", "y", id="xy")
    m.attack("y", "x", id="yx")
    m.attack("x", "c", id="xc")
    return m


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_a_timeout_bounds_every_semantics_that_can_take_long(
    semantics: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clock jumps a week after its first reading: every semantics that looks at it stops
    with EvaluationTimeout; evidential and grounded are one linear pass and do not look."""
    m = _looping(3000)
    readings = iter([0.0])
    monkeypatch.setattr("argmap.semantics.solver.time.monotonic", lambda: next(readings, 604_800.0))
    if semantics in ("evidential", "grounded"):
        assert evaluate(m, semantics, timeout=60)["c"] in ("in", "out", "undec")
        return
    with pytest.raises(argmap.EvaluationTimeout, match=f"under {semantics} semantics ran out"):
        evaluate(m, semantics, timeout=60)


@pytest.mark.parametrize("semantics", SEMANTICS)
@pytest.mark.parametrize("timeout", [0, -1, "5", float("nan")])
def test_every_semantics_refuses_a_timeout_that_is_not_one(semantics: str, timeout: object) -> None:
    with pytest.raises(EvaluationError, match="timeout"):
        evaluate(chain(1), semantics, timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [10**400, 10**5000, -(10**400)], ids=["e400", "e5000", "-e400"])
@pytest.mark.parametrize("option", ["timeout", "base_score", "max_extensions"])
def test_numbers_past_a_float_are_refused_by_size(option: str, value: int) -> None:
    # timeout=10**400 raised OverflowError, 10**5000 a ValueError from repr() (more than 4,300
    # digits); the message names the number by its size instead of printing it.
    semantics = "dfquad" if option == "base_score" else "preferred"
    if option == "max_extensions" and value > 0:
        return  # a cap past any count is a fine cap
    with pytest.raises(EvaluationError, match=rf"{option} must be .*not an int of \d+ digits"):
        evaluate(chain(2), semantics, **{option: value})


def test_base_score_refuses_a_bool() -> None:
    with pytest.raises(EvaluationError, match=r"base_score must be a number in \[0, 1\], not True"):
        evaluate(chain(2), "dfquad", base_score=True)
