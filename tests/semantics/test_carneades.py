"""Carneades evaluation: the expected labels of the Carneades examples' `tests:` blocks."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import argmap
from argmap import ArgumentMap, Source
from argmap.exceptions import EvaluationTimeout
from argmap.io.carneades import load, loads
from argmap.semantics.carneades import _Graph, _Run, carneades_labels
from argmap.semantics.solver import Deadline
from tests.semantics.carneades_oracle import carneades_labels_before
from tests.semantics.test_evaluate import chain as rebuttal_chain

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


# -- linear time, the same answers ---------------------------------------------------------------


def random_carneades_map(rng: random.Random) -> ArgumentMap:
    """A random map with what Carneades reads: assumptions, cases, issues with proof standards,
    weighing schemes (the four basic ones, a document's constant and preference weights),
    weights, rebuttals, undercutters and attacks on attacks, support cycles."""
    m = ArgumentMap()
    preference = [{"property": "rank", "order": rng.choice(["ascending", "descending"])}]
    m.add_source(
        Source(
            id="doc",
            title="Doc",
            data={
                "carneades": {
                    "argument_schemes": [
                        {"id": "strong", "weight": {"constant": 0.8}},
                        {"id": "weak", "weight": {"constant": 0.3}},
                        {"id": "old", "weight": "ranked", "meta": {"rank": 1}},
                        {"id": "new", "weight": "ranked", "meta": {"rank": 2}},
                    ],
                    "weighing_functions": {"ranked": {"preference": preference}},
                }
            },
        )
    )
    statements = [f"s{i}" for i in range(rng.randint(1, 9))]
    for s in statements:
        data: dict[str, object] = {}
        if rng.random() < 0.3:
            data["carneades"] = {
                "issue": rng.choice(["i1", "i2"]),
                "standard": rng.choice(["PE", "CCE", "BRD"]),
            }
        make = rng.choice([m.claim, m.premise, m.rebuttal, m.case, m.case])
        make(s, s.upper() + ".", assumption=rng.random() < 0.25, data=data)
    schemes = [None, "linked", "convergent", "cumulative", "factorized", "strong", "weak"]
    schemes += ["old", "new", "mystery"]
    inferences: list[str] = []
    for k in range(rng.randint(0, 12)):
        premises = rng.sample(statements, rng.randint(0, min(3, len(statements))))
        weight = rng.choice([None, None, 0.0, 0.3, 0.7, 1.0])
        kind = rng.random()
        if kind < 0.5:
            conclusion = rng.choice(statements)
            if conclusion in premises:
                continue
            m.support(premises, conclusion, id=f"u{k}", scheme=rng.choice(schemes), weight=weight)
        else:
            targets = statements if kind < 0.75 or not inferences else inferences
            target = rng.choice(targets)
            if target in premises:
                continue
            m.attack(premises, target, id=f"a{k}", weight=weight)  # attacks only go back
        inferences.append(f"{'u' if kind < 0.5 else 'a'}{k}")
    return m


@pytest.mark.parametrize("count", [1000, pytest.param(3000, marks=pytest.mark.slow)])
def test_the_same_labels_as_the_quadratic_sweep(count: int) -> None:
    """The event-driven run against the sweep it replaced (tests/semantics/carneades_oracle.py),
    on 1,000 random maps (3,000 with the slow tests; the first 1,000 are the same)."""
    rng = random.Random(23)  # noqa: S311  # reproducible maps, not secrets
    kinds: set[str] = set()
    for _ in range(count):
        m = random_carneades_map(rng)
        assert carneades_labels(m) == carneades_labels_before(m), argmap.dumps(m)
        kinds.update(carneades_labels(m)[0].values())
    assert kinds == {"in", "out", "undec"}


def _chain(n: int) -> ArgumentMap:
    """c <- p1 <- p2 ... <- case, the statements listed from the claim down."""
    m = ArgumentMap()
    m.claim("c", "C.")
    for i in range(1, n):
        m.premise(f"p{i}", f"P{i}.")
    m.case("k", "K.")
    names = ["c", *(f"p{i}" for i in range(1, n)), "k"]
    for i in range(n):
        m.support(names[i + 1], names[i], id=f"s{i}")
    return m


def _star(n: int) -> ArgumentMap:
    m = ArgumentMap()
    m.claim("c", "C.")
    for i in range(n):
        m.case(f"k{i}", f"K{i}.")
        m.support(f"k{i}", "c", id=f"s{i}")
    return m


def _undercut_chain(n: int) -> ArgumentMap:
    """A support undercut by an attack, undercut by an attack ... n deep."""
    m = ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c", id="s")
    target = "s"
    for i in range(n):
        m.rebuttal(f"r{i}", f"R{i}.", assumption=True)
        m.attack(f"r{i}", target, id=f"a{i}")
        target = f"a{i}"
    return m


def _steps(m: ArgumentMap) -> int:
    graph = _Graph(m, [])
    run = _Run(graph, Deadline(None))
    run.settle()
    return run.steps


@pytest.mark.parametrize("shape", [_chain, _star, _undercut_chain, rebuttal_chain])
def test_the_work_grows_linearly(shape: Callable[[int], ArgumentMap]) -> None:
    """Steps counted, not seconds: the sweep did n rounds of n statements on a chain."""
    small, large = _steps(shape(500)), _steps(shape(2000))
    assert 0 < large <= 4.5 * small
    assert large <= 12 * len(shape(2000))
    assert carneades_labels(_chain(2000))[0]["c"] == "in"


def test_a_timeout_bounds_the_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(1_000_000))  # each look at the clock is one second later
    monkeypatch.setattr("argmap.semantics.solver.time.monotonic", lambda: float(next(clock)))
    with pytest.raises(EvaluationTimeout, match="carneades semantics ran out of time"):
        argmap.evaluate(_chain(5000), "carneades", timeout=3)
    assert argmap.evaluate(_chain(5000), "carneades", timeout=10**6)["c"] == "in"


def test_a_factorized_weight_reads_its_own_graph_only() -> None:
    """Two evaluations at once (threads) each weigh against their own issues: the weighing
    function is the graph's, not a module-wide one pointed at the graph being evaluated."""
    text = """
statements: {p: P, "¬p": not P, q: Q, r: R, s: S}
issues: {i: {positions: [p, "¬p"]}}
arguments:
  a1: {scheme: factorized, conclusion: p, premises: [q]}
  a2: {scheme: factorized, conclusion: "¬p", premises: [r, s]}
assumptions: [q, r, s]
"""
    m = loads(text)
    graph = _Graph(m, [])
    other = _Graph(loads(text.replace("premises: [r, s]", "premises: [r]")), [])
    run = _Run(graph, Deadline(None))
    assert other.factorized is not graph.factorized
    run.settle()  # a1 weighs 1/3 and a2 2/3 on the issue's three premises: ¬p wins
    assert (run.weight["a1"], run.weight["a2"]) == (1 / 3, 2 / 3)
    assert carneades_labels(m)[0]["p"] == "out"
