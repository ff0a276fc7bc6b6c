"""Explanations, what_if, sensitivity and the ICCMA/apx/TGF writers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap
from argmap.examples import north_korea
from argmap.exceptions import EvaluationError, UnknownNodeError
from argmap.semantics import (
    Framework,
    explain,
    extensions,
    sensitivity,
    to_apx,
    to_framework,
    to_iccma,
    to_tgf,
    what_if,
    write_framework,
)
from tests.semantics.test_evaluate import chain


def test_chain_explanation_names_attackers_and_defenders() -> None:
    e = explain(chain(3), "c")
    assert e.label == "out"
    assert e.nodes() == ["c", "a1", "r1", "a2", "r2", "a3", "r3"]
    assert explain(chain(3), "c", semantics="grounded").nodes() == e.nodes()
    assert [line.split(":")[0].strip() for line in str(e).splitlines()] == [
        "c is OUT",
        "a1 is IN",
        "r1 is IN",
        "a2 is OUT",
        "r2 is OUT",
        "a3 is IN",
        "r3 is IN",
    ]
    assert e.attackers == ("a1",)
    r1 = explain(chain(3), "r1")
    assert r1.label == "in"
    assert r1.defenders == ("r2",)  # the attack a2 fails because its premise r2 is OUT
    data = e.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["because"][0]["node"] == "a1"


def test_explanations_of_undec_and_of_failed_supports() -> None:
    m = ArgumentMap()
    m.rebuttal("x", "X.")
    m.rebuttal("y", "Y.")
    m.attack("x", "y", id="xy")
    m.attack("y", "x", id="yx")
    e = explain(m, "x")
    assert e.label == "undec"
    assert "undecided" in e.reason
    assert "circle" in str(e)  # x -> yx -> y -> xy -> x
    m2 = ArgumentMap()
    m2.claim("c", "C.")
    m2.premise("p", "P.")
    m2.rebuttal("r", "R.")
    m2.support("p", "c", id="s")
    m2.attack("r", "p", id="a")
    e2 = explain(m2, "c")
    assert e2.reason == "none of its supports stands (s)"
    assert e2.because[0].reason == "its premise p is OUT"


def test_an_unsupported_claim_is_explained_by_its_want_of_support() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.rebuttal("r", "R.")
    m.attack("c", "r", id="a")
    e = explain(m, "r")
    assert (e.label, e.reason) == ("in", "every attack on it fails (a)")
    assert e.because[0].reason == "its premise c is OUT"
    assert e.because[0].because[0].reason == (
        "nothing supports it, and a claim stands only on a support that stands"
    )
    assert explain(m, "c", semantics="grounded").label == "in"


def test_explain_under_other_semantics_and_errors() -> None:
    m = chain(2)
    assert explain(m, "c", semantics="preferred").label == "in"
    assert explain(m, "c", depth=1).because[0].reason.startswith("(further reasons left out")
    with pytest.raises(UnknownNodeError, match="zz"):
        explain(m, "zz")
    with pytest.raises(EvaluationError, match="gives strengths, not labels"):
        explain(m, "c", semantics="dfquad")


def test_what_if_returns_changed_labels() -> None:
    m = chain(3)
    changes = what_if(m, remove=["r3"])
    assert changes == {
        "c": ("out", "in"),
        "r1": ("in", "out"),
        "r2": ("out", "in"),
        "r3": ("in", None),
        "a1": ("in", "out"),
        "a2": ("out", "in"),
        "a3": ("in", None),
    }
    assert "c" in m  # the map itself is untouched
    assert len(m) == 9
    gradual = what_if(m, remove=["a3"], semantics="qe")
    assert gradual["a3"][1] is None
    assert gradual["c"][1] > gradual["c"][0]  # r2 now stands stronger, so r1 weaker


def test_what_if_errors() -> None:
    with pytest.raises(UnknownNodeError, match="unknown node 'zz'"):
        what_if(chain(1), remove=["zz"])
    with pytest.raises(EvaluationError, match="at least one node"):
        what_if(chain(1), remove=[])
    with pytest.raises(EvaluationError, match="unknown semantics"):
        what_if(chain(1), remove=["r1"], semantics="nope")


def test_sensitivity_ranks_label_changes_first() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.case("k1", "K1.")
    m.case("k2", "K2.")
    m.premise("p", "P.")
    m.support("k1", "c", id="s1")
    m.support(["k2", "p"], "c", id="s2")
    m.central = "c"
    ranked = sensitivity(m, semantics="dfquad")
    # k2 and p each take the linked support s2 away; k1 takes s1: all three drop c equally
    assert {i.removed for i in ranked} == {"k1", "k2", "p"}
    assert all(i.drop > 0 for i in ranked)
    m.case("k3", "K3.")
    m.rebuttal("r", "R.")
    m.attack("r", "c", id="a")
    m.attack("k3", "r", id="b")
    grounded = sensitivity(m, semantics="grounded")
    assert grounded[0].removed == "k3"  # c becomes OUT: the largest loss
    assert grounded[0].label_changed
    assert str(grounded[0]) == "without k3: IN -> OUT"
    assert not grounded[-1].label_changed


def test_sensitivity_errors() -> None:
    with pytest.raises(EvaluationError, match="unknown statement kind 'evidence'"):
        sensitivity(chain(1), target="c", kinds=("evidence",))
    with pytest.raises(EvaluationError, match="no central claim"):
        sensitivity(ArgumentMap())
    with pytest.raises(UnknownNodeError):
        sensitivity(chain(1), target="zz")


def _uses(m: ArgumentMap, case: str) -> list[tuple[str, str]]:
    """What a case does in the map: (kind, target) of each inference it is a premise of."""
    return sorted((i.kind, i.target) for i in m.inferences() if case in i.premises)


@pytest.mark.parametrize("semantics", ["dfquad", "qe"])
def test_north_korea_ranks_its_five_cases(semantics: str) -> None:
    m = north_korea()
    ranked = sensitivity(m, semantics=semantics, kinds=("case",))
    assert [i.removed for i in ranked] == ["uk", "japan", "defectors", "executions", "amnesty"]
    assert all(abs(i.drop) > 1e-4 for i in ranked)  # every case moves the central claim
    drops = [i.drop for i in ranked]
    # uk and japan do the same in the map (each supports concedes and keeps_relations), so no
    # semantics over the map can tell them apart; every other case has a rank of its own.
    assert _uses(m, "uk") == _uses(m, "japan")
    assert drops[0] == pytest.approx(drops[1])
    assert drops[1] > drops[2] > drops[3] > 0.0 > drops[4]  # Amnesty grounds the objections
    assert argmap.sensitivity is sensitivity


def test_iccma_writers_round_trip_through_a_reader(tmp_path: Path) -> None:
    m = north_korea()
    af = to_framework(m)
    text = to_iccma(m)
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines[0] == f"p af {len(af)}"
    pairs = [tuple(int(x) - 1 for x in line.split()) for line in lines[1:]]
    back = Framework.from_indices(len(af), pairs)  # type: ignore[arg-type]
    assert len(pairs) == af.number_of_attacks()
    assert {
        (af.arguments[a], af.arguments[b]) for a, b in ((int(x), int(y)) for x, y in back.attacks())
    } == set(af.attacks())
    tgf = to_tgf(af).splitlines()
    split = tgf.index("#")
    assert tgf[:split] == list(af.arguments)
    assert len(tgf) - split - 1 == af.number_of_attacks()
    apx = to_apx(af)
    assert 'arg("pressure/unsupported").' in apx
    assert "arg(agenda)." in apx
    assert write_framework(m, tmp_path / "nk.apx").read_text() == apx
    assert write_framework(m, tmp_path / "x.txt", format="tgf").read_text() == to_tgf(m)
    with pytest.raises(EvaluationError, match="cannot tell the framework format"):
        write_framework(m, tmp_path / "nk.json")


def test_apx_is_what_clingo_reads() -> None:
    clingo = pytest.importorskip("clingo")
    af = Framework(["a", "b/c", "D"], [("a", "b/c"), ("b/c", "D")])
    control = clingo.Control(["--models=0"])
    control.add("base", [], to_apx(af) + "#show arg/1. #show att/2.")
    control.ground([("base", [])])
    models: list[list[str]] = []
    control.solve(on_model=lambda mo: models.append([str(s) for s in mo.symbols(shown=True)]))
    assert sorted(models[0]) == sorted(
        ["arg(a)", 'arg("b/c")', 'arg("D")', 'att(a,"b/c")', 'att("b/c","D")']
    )
    assert list(extensions(af, "stable")) == [frozenset({"a", "D"})]


def test_explain_refuses_a_labelling_of_another_map_or_of_this_one_before_it_changed() -> None:
    # A labelling of another map raised a raw KeyError; one computed before a node was removed
    # explained the map with labels of nodes it no longer has.
    m = chain(3)
    with pytest.raises(EvaluationError, match=r"does not fit this map: it does not label"):
        explain(m, "c", labelling=argmap.evaluate(north_korea()))
    before = argmap.evaluate(m, "grounded")
    m.premise("extra", "Something new.")
    with pytest.raises(EvaluationError, match=r"does not label 'extra'.*evaluate the map again"):
        explain(m, "c", labelling=before)
    m.remove("extra")
    assert explain(m, "c", labelling=before).label == before["c"]
    m.remove("r3", cascade=True)
    with pytest.raises(EvaluationError, match=r"it labels 'r3', 'a3', not in the map"):
        explain(m, "c", labelling=before)


def test_sensitivity_and_what_if_take_a_timeout() -> None:
    # sensitivity evaluates the map once per case and premise: 1,000 premises took about 30 s
    # of CPU, with no timeout= to bound it (evaluate had one).
    m = ArgumentMap()
    m.claim("c", "C.")
    m.central = "c"
    previous = "c"
    for i in range(200):
        m.premise(f"p{i}", f"P{i}.")
        m.support(f"p{i}", previous)
        previous = f"p{i}"
    with pytest.raises(
        argmap.EvaluationTimeout, match="sensitivity under dfquad semantics ran out of time"
    ):
        sensitivity(m, timeout=1e-9)
    with pytest.raises(argmap.EvaluationTimeout, match="what_if under grounded semantics"):
        what_if(m, remove=["p0"], timeout=1e-9)
    with pytest.raises(EvaluationError, match="timeout must be a positive number"):
        sensitivity(m, timeout=0)
    assert sensitivity(m, kinds="case", timeout=60) == []
