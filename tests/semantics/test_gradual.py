"""DF-QuAD and quadratic energy: hand-computed values from the papers' definitions, cycles."""

from __future__ import annotations

import math

import pytest

from argmap import ArgumentMap
from argmap.exceptions import EvaluationError
from argmap.semantics.gradual import _components, dfquad_strength, qe_strength, strengths


def test_dfquad_combination_by_hand() -> None:
    # Rago et al. 2016, Definitions 4-5: attackers 0.8 and 0.4 aggregate to 1 - 0.2 * 0.6 = 0.88,
    # one supporter 0.6; va > vs, so 0.5 - 0.5 * (0.88 - 0.6) = 0.36.
    assert dfquad_strength(0.5, [0.8, 0.4], [0.6]) == pytest.approx(0.36)
    # vs > va: 0.2 + 0.8 * (0.75 - 0.5) = 0.4
    assert dfquad_strength(0.2, [0.5], [0.5, 0.5]) == pytest.approx(0.4)
    assert dfquad_strength(0.7, [], []) == 0.7
    assert dfquad_strength(0.7, [0.3], [0.3]) == 0.7  # balanced: the base score
    assert dfquad_strength(0.5, [1.0], []) == 0.0  # a certain attacker kills
    assert dfquad_strength(0.5, [], [1.0]) == 1.0


def test_qe_by_hand() -> None:
    # Potyka 2018: E = 0.6 - (0.8 + 0.4) = -0.6, h(0.6) = 0.36 / 1.36
    h = 0.36 / 1.36
    assert qe_strength(0.5, [0.8, 0.4], [0.6]) == pytest.approx(0.5 - 0.5 * h)
    # E = 2: h = 4/5, so 0.5 + 0.5 * 0.8 = 0.9
    assert qe_strength(0.5, [], [1.0, 1.0]) == pytest.approx(0.9)
    assert qe_strength(0.3, [0.5], [0.5]) == 0.3


def _chain_map() -> ArgumentMap:
    """a supported by b, attacked by c; c attacked by d (all base 0.5)."""
    m = ArgumentMap()
    for n in "abcd":
        m.claim(n, n.upper() + ".")
    m.support("b", "a", id="s")
    m.attack("c", "a", id="x")
    m.attack("d", "c", id="y")
    return m


def test_acyclic_map_by_hand() -> None:
    got = strengths(_chain_map(), "dfquad")
    # d = 0.5; y = 0.5; c = 0.5 - 0.5 * 0.5 = 0.25; x = 0.25; s = b = 0.5;
    # a: va = 0.25 < vs = 0.5, so 0.5 + 0.5 * 0.25 = 0.625
    assert got == pytest.approx(
        {"a": 0.625, "b": 0.5, "c": 0.25, "d": 0.5, "s": 0.5, "x": 0.25, "y": 0.5}
    )
    qe = strengths(_chain_map(), "qe")
    c = 0.5 - 0.5 * (0.25 / 1.25)  # E = -0.5
    energy = 0.5 - c
    assert qe["c"] == pytest.approx(c)
    assert qe["a"] == pytest.approx(0.5 + 0.5 * energy**2 / (1 + energy**2))


def test_linked_inference_is_as_strong_as_its_weakest_premise() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.premise("q", "Q.")
    m.rebuttal("r", "R.")
    m.support(["p", "q"], "c", id="s")
    m.attack("r", "q", id="x")
    got = strengths(m, "dfquad")
    assert got["q"] == pytest.approx(0.25)
    assert got["s"] == pytest.approx(0.25)  # min(0.5, 0.25)
    assert got["c"] == pytest.approx(0.5 + 0.5 * 0.25)


@pytest.mark.parametrize("semantics", ["dfquad", "qe"])
def test_mutual_attack_converges_to_the_fixpoint(semantics: str) -> None:
    m = ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.attack("a", "b")
    m.attack("b", "a")
    got = strengths(m, semantics)
    s = got["a"]
    assert got["b"] == pytest.approx(s)
    if semantics == "dfquad":
        assert s == pytest.approx(1 / 3, abs=1e-8)  # s = 0.5 - 0.5 s
    else:
        assert s == pytest.approx(0.5 - 0.5 * s * s / (1 + s * s), abs=1e-8)


def test_long_support_chain_needs_no_recursion() -> None:
    m = ArgumentMap()
    n = 3000
    for i in range(n):
        m.claim(f"c{i}", "C.")
    for i in range(1, n):
        m.support(f"c{i}", f"c{i - 1}", id=f"s{i}")
    got = strengths(m, "dfquad")
    assert got[f"c{n - 1}"] == 0.5
    assert got["c0"] > 0.99


def test_components_are_in_dependency_order() -> None:
    deps = [[1], [2], [1], []]  # 0 depends on 1, 1 and 2 on each other, 3 alone
    order = _components(deps)
    flat = [sorted(c) for c in order]
    assert flat.index([1, 2]) < flat.index([0])
    assert sorted(map(tuple, flat)) == [(0,), (1, 2), (3,)]


def test_errors() -> None:
    with pytest.raises(EvaluationError, match="unknown gradual semantics 'h-categoriser'"):
        strengths(ArgumentMap(), "h-categoriser")
    with pytest.raises(EvaluationError, match=r"base_score must be a number in \[0, 1\]"):
        strengths(ArgumentMap(), "qe", base_score=1.5)
    with pytest.raises(EvaluationError, match="base_score"):
        strengths(ArgumentMap(), "qe", base_score=math.nan)
