"""Gradual semantics for bipolar maps: DF-QuAD and the quadratic-energy model (QE).

Each statement and each inference gets a strength in [0, 1], computed from a *base score* and
the strengths of what attacks and supports it.

**The bipolar graph of a map.** Statements and inferences are the arguments. A support inference
supports its conclusion, an attack inference attacks its target (statement or inference), as
in a quantitative bipolar argumentation framework (QBAF). An inference's base score is its
``weight`` (default 1.0) times the strength of its *weakest premise* (linked premises: the
inference is only as strong as its weakest link, as in ASPIC+'s weakest-link principle); a
premise-less inference has its weight as base score. A statement's base score is its
``weight``, or ``base_score`` (default 0.5, the neutral prior of Rago et al. 2016) when it has
none. For a plain bipolar framework written as a map (one premise per inference, no weights) this
gives exactly the published semantics.

**DF-QuAD** (Rago, Toni, Aurisicchio and Baroni, KR 2016): the attackers' strengths ``v1..vn``
are aggregated as ``1 - (1 - v1)...(1 - vn)`` (0 when there are none), the supporters' likewise;
with ``va`` and ``vs`` the two aggregates and ``t`` the base score, the strength is ``t`` when
``va = vs``, ``t - t(va - vs)`` when ``va > vs``, and ``t + (1 - t)(vs - va)`` otherwise.

**QE** (Potyka, KR 2018): the energy ``E`` is the sum of the supporters' strengths minus the sum
of the attackers'; with ``h(x) = max(x, 0)² / (1 + max(x, 0)²)`` the strength is
``t - t·h(-E) + (1 - t)·h(E)``.

**Order and cycles.** Strengths are computed strongly connected component by component, in
topological order (found by an iterative Tarjan walk, no recursion), so an acyclic map is
evaluated exactly, once per node. Inside a cycle the strengths are iterated from the base
scores: DF-QuAD with damping, ``s ← s + ½(f(s) - s)``, and QE by the explicit Euler scheme of its
continuous model, ``s ← s + 0.1(f(s) - s)`` (Potyka 2018), until no strength moves by more than
1e-9. When a cycle has not settled after 100,000 steps the last strengths are kept and a note says
so.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("a", "A."), m.premise("b", "B.")
    >>> _ = m.attack("b", "a")
    >>> strengths(m, "dfquad")["a"]
    0.25
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from argmap.exceptions import EvaluationError
from argmap.model import Support

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["GradualSemantics", "dfquad_strength", "qe_strength", "strengths"]

GradualSemantics = Literal["dfquad", "qe"]
_TOLERANCE = 1e-9
_MAX_STEPS = 100_000
_STEP = {"dfquad": 0.5, "qe": 0.1}


def dfquad_strength(base: float, attackers: list[float], supporters: list[float]) -> float:
    """DF-QuAD's strength of an argument from its base score and its neighbours' strengths.

    Examples:
        >>> round(dfquad_strength(0.5, [0.8], []), 6)
        0.1
        >>> round(dfquad_strength(0.5, [0.5], [0.5, 0.5]), 3)
        0.625
    """
    va = 1.0 - math.prod(1.0 - v for v in attackers) if attackers else 0.0
    vs = 1.0 - math.prod(1.0 - v for v in supporters) if supporters else 0.0
    if va == vs:
        return base
    if va > vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


def qe_strength(base: float, attackers: list[float], supporters: list[float]) -> float:
    """The quadratic-energy model's strength from a base score and the neighbours' strengths.

    Examples:
        >>> qe_strength(0.5, [], [1.0])
        0.75
        >>> qe_strength(0.5, [1.0], [1.0])
        0.5
    """
    energy = sum(supporters) - sum(attackers)
    if energy > 0:
        h = energy * energy / (1.0 + energy * energy)
        return base + (1.0 - base) * h
    if energy < 0:
        h = energy * energy / (1.0 + energy * energy)
        return base - base * h
    return base


def strengths(
    m: ArgumentMap,
    semantics: str,
    *,
    base_score: float = 0.5,
    notes: list[str] | None = None,
) -> dict[str, float]:
    """Return the strength of every statement and inference of ``m`` by node id.

    Args:
        m: The map.
        semantics: ``"dfquad"`` or ``"qe"``.
        base_score: The base score of a statement without a ``weight``.
        notes: A list to which remarks are appended (a cycle that did not settle).

    Raises:
        EvaluationError: An unknown gradual semantics, or a base score outside [0, 1].

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "C."), m.premise("p", "P.")
        >>> _ = m.support("p", "c", id="s")
        >>> strengths(m, "qe")
        {'c': 0.6, 'p': 0.5, 's': 0.5}
    """
    if semantics not in _STEP:
        raise EvaluationError(f"unknown gradual semantics {semantics!r}; use 'dfquad' or 'qe'")
    if not isinstance(base_score, int | float) or not 0.0 <= base_score <= 1.0:
        raise EvaluationError(f"base_score must be a number in [0, 1], not {base_score!r}")
    strength_of: Callable[[float, list[float], list[float]], float] = (
        dfquad_strength if semantics == "dfquad" else qe_strength
    )
    ids: list[str] = []
    weight: list[float] = []
    premises: list[list[int] | None] = []  # None for statements
    attackers: list[list[int]] = []
    supporters: list[list[int]] = []
    for node in m.nodes():
        ids.append(node.id)
        attackers.append([])
        supporters.append([])
        if node.kind in ("support", "attack"):
            w = getattr(node, "weight", None)
            weight.append(1.0 if w is None else float(w))
            premises.append([])
        else:
            w = getattr(node, "weight", None)
            weight.append(float(base_score) if w is None else float(w))
            premises.append(None)
    index = {n: i for i, n in enumerate(ids)}
    for inference in m.inferences():
        i = index[inference.id]
        premises[i] = [index[p] for p in inference.premises]
        (supporters if isinstance(inference, Support) else attackers)[
            index[inference.target]
        ].append(i)
    n = len(ids)
    deps = [attackers[v] + supporters[v] + (premises[v] or []) for v in range(n)]
    sigma = weight[:]

    def value(v: int) -> float:
        prem = premises[v]
        base = weight[v] if prem is None or not prem else weight[v] * min(sigma[p] for p in prem)
        return strength_of(
            base, [sigma[a] for a in attackers[v]], [sigma[s] for s in supporters[v]]
        )

    step = _STEP[semantics]
    for component in _components(deps):
        if len(component) == 1 and component[0] not in deps[component[0]]:
            sigma[component[0]] = value(component[0])
            continue
        for _ in range(_MAX_STEPS):
            new = [value(v) for v in component]
            moved = 0.0
            for v, target in zip(component, new, strict=True):
                delta = step * (target - sigma[v])
                sigma[v] += delta
                moved = max(moved, abs(delta))
            if moved < _TOLERANCE:
                break
        else:
            if notes is not None:
                notes.append(
                    f"the cycle through {', '.join(ids[v] for v in component[:5])} did not "
                    f"settle after {_MAX_STEPS} steps; its last strengths are given"
                )
    return {ids[v]: _clean(sigma[v]) for v in range(n)}


def _clean(x: float) -> float:
    """Round away floating-point dust (1e-12) so that printed strengths read as computed."""
    return round(min(1.0, max(0.0, x)), 12)


def _components(deps: list[list[int]]) -> list[list[int]]:
    """Strongly connected components, each after every component it depends on (Tarjan).

    Iterative: an explicit stack of (node, next dependency position) replaces recursion.
    """
    n = len(deps)
    order = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in range(n):
        if order[root] != -1:
            continue
        work = [(root, 0)]
        while work:
            v, pos = work[-1]
            if pos == 0:
                order[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            children = deps[v]
            if pos < len(children):
                work[-1] = (v, pos + 1)
                w = children[pos]
                if order[w] == -1:
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], order[w])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == order[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    component.append(w)
                    if w == v:
                        break
                result.append(component)
    return result
