"""Carneades evaluation: the expected labels of the Carneades examples' `tests:` blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import argmap
from argmap import ArgumentMap
from argmap.io.carneades import load, loads
from argmap.semantics.carneades import carneades_labels

CARNEADES = Path(__file__).resolve().parents[3] / "shared" / "data" / "carneades"
FILES = sorted(CARNEADES.glob("*.yml")) if CARNEADES.is_dir() else []
WITH_TESTS = [
    p for p in FILES if (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("tests")
]
# Examples whose arguments Carneades builds by instantiating argument schemes with its rule
# engine (CHR): the files hold schemes and assumptions but not the arguments. docs/semantics.md
# lists them.
UNSUPPORTED = {
    "basic_event_calculus.yml": "arguments come from instantiating event-calculus schemes",
    "mcda-porsche.yml": "arguments come from instantiating criteria schemes (criteria weighing)",
}
shared = pytest.mark.skipif(
    not FILES, reason=f"the shared sample data is absent ({CARNEADES} not found)"
)
_LABEL = {"in": "in", "out": "out", "undecided": "undec"}


def _expected(path: Path, m: ArgumentMap) -> dict[str, str]:
    tests = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    ids = {(s.data.get("carneades") or {}).get("id", s.id): s.id for s in m.statements()}  # type: ignore[union-attr]
    return {ids[str(k)]: _LABEL[key] for key in _LABEL for k in tests.get(key) or []}


@shared
@pytest.mark.parametrize(
    "path", [p for p in WITH_TESTS if p.name not in UNSUPPORTED], ids=lambda p: p.name
)
def test_expected_labels(path: Path) -> None:
    m = load(path)
    labels = argmap.evaluate(m, "carneades").labels
    expected = _expected(path, m)
    assert {k: labels[k] for k in expected} == expected


@shared
@pytest.mark.parametrize("name", sorted(UNSUPPORTED))
def test_unsupported_examples_say_why(name: str) -> None:
    lab = argmap.evaluate(load(CARNEADES / name), "carneades")
    assert any("not instantiated" in note for note in lab.notes)


@shared
def test_three_quarters_of_the_examples_are_reproduced() -> None:
    supported = [p for p in WITH_TESTS if p.name not in UNSUPPORTED]
    assert len(WITH_TESTS) >= 30
    assert len(supported) / len(WITH_TESTS) >= 0.75


def test_proof_standards() -> None:
    text = """
statements: {p: P, "¬p": not P, q: Q, r: R}
issues: {i: {positions: [p, "¬p"], standard: %s}}
argument_schemes:
  - {id: strong, weight: {constant: %s}}
  - {id: weak, weight: {constant: %s}}
arguments:
  a1: {scheme: strong, conclusion: p, premises: [q]}
  a2: {scheme: weak, conclusion: "¬p", premises: [r]}
assumptions: [q, r]
"""

    def label(standard: str, w1: float, w2: float) -> str:
        return carneades_labels(loads(text % (standard, w1, w2)))[0]["p"]

    assert label("PE", 0.6, 0.5) == "in"
    assert label("PE", 0.5, 0.5) == "out"  # a tie: no position wins
    assert label("CCE", 0.6, 0.5) == "out"  # not clearly stronger
    assert label("CCE", 0.9, 0.3) == "in"
    assert label("BRD", 0.9, 0.35) == "out"  # the other side is not weak enough
    assert label("BRD", 0.9, 0.2) == "in"


def test_weighing_functions() -> None:
    base = """
statements: {t: T, p: P, q: Q, r: R}
arguments: {a: {scheme: %s, conclusion: t, premises: [p, q, r]}}
assumptions: [p]
"""
    labels = {
        s: carneades_labels(loads(base % s))[0]["t"] for s in ("linked", "convergent", "cumulative")
    }
    assert labels == {"linked": "out", "convergent": "in", "cumulative": "in"}


def test_general_maps_rebuttals_become_issues() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.", assumption=True)
    m.rebuttal("r", "R.", assumption=True)
    m.support("p", "c", id="s", weight=0.8)
    m.attack("r", "c", id="a", weight=0.5)
    labels, _ = carneades_labels(m)
    assert labels["c"] == "in"  # 0.8 outweighs 0.5 under PE
    assert labels["a"] == "in"  # the attack is applicable and has weight
    m2 = m.copy()
    m2.rebuttal("u", "U.", assumption=True)
    m2.attack("u", "s", id="x")  # undercut the support
    labels2, _ = carneades_labels(m2)
    assert (labels2["c"], labels2["s"], labels2["x"]) == ("out", "out", "in")
    m3 = m2.copy()
    m3.rebuttal("v", "V.", assumption=True)
    m3.attack("v", "x", id="y")  # and undercut the undercutter
    labels3, _ = carneades_labels(m3)
    assert (labels3["x"], labels3["s"], labels3["c"]) == ("out", "in", "in")


def test_unknown_scheme_is_weighed_as_linked_and_noted() -> None:
    m = loads(
        "statements: {p: P, q: Q}\n"
        "arguments: {a: {scheme: mystery, conclusion: p, premises: [q]}}\n"
        "assumptions: [q]"
    )
    lab = argmap.evaluate(m, "carneades")
    assert lab["p"] == "in"
    assert "scheme 'mystery' of 'a' is not defined; weighed as linked" in lab.notes
    assert "note: scheme 'mystery'" in str(lab)
