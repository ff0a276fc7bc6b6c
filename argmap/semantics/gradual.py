"""Gradual semantics for bipolar maps: DF-QuAD and the quadratic-energy model (QE).

Each statement and each inference gets a strength in [0, 1], computed from a *base score* and
the strengths of what attacks and supports it.

**The bipolar graph of a map.** Statements and inferences are the arguments. A support inference
supports its conclusion, an attack inference attacks its target (statement or inference), as
in a quantitative bipolar argumentation framework (QBAF). An inference's base score is its
``weight`` (default 1.0) times the strength of its *weakest premise* (linked premises: the
inference is only as strong as its weakest link, as in ASPIC+'s weakest-link principle); a
premise-less inference has its weight as base score.

**Base scores from the map** (``bases="evidential"``, the default), the gradual counterpart of
the evidential reading (:mod:`argmap.semantics.translate`): a statement's ``weight`` when the
user set one; else

- a **claim** (not an assumption) none of its own: its base score is the strength of its
  evidence, ``1 - (1 - s1)(1 - s2)...`` over its supports' strengths ``s1, s2, ...`` (0 with
  none), and the semantics then weighs its attackers against that (its supports, already in the
  base, are not counted again). This is the gradual form of the evidential rule "a claim is IN
  only through a support that is IN": a claim no evidence reaches has strength 0, and every
  case under it counts. A claim at base 0 with its supports as ordinary supporters would keep,
  under QE, only ``h(E) = E² / (1 + E²)`` of its evidence (one case at 0.8 gives 0.39, one
  claim up 0.13, the next 0.017) and fall to exactly 0 whenever an attack outweighs its support,
  so its strength would measure the depth of the chain rather than the evidence, and no removal
  could be ranked below that floor;
- a **case** :data:`EVIDENCE` (0.8): evidence the text puts forward, strong but defeasible, and
  below 1 so that a second case still adds to the first (DF-QuAD aggregates supporters as
  ``1 - (1 - v1)(1 - v2)...``, and one case at 1 would make every other case irrelevant);
- an **assumption** or a **premise** 1: given, as in the evidential labelling, so it lowers
  nothing above it unless it is attacked (a given premise at a neutral 0.5 would cap every
  linked support it is a premise of at 0.5, whatever the evidence for the other premises);
- a **rebuttal** ``base_score`` (default 0.5, the neutral prior of Rago et al. 2016): an
  objection the map must answer, whose weight the map does not say.

``bases="uniform"`` gives every statement without a ``weight`` the base score ``base_score``,
as the published semantics do: for a plain bipolar framework written as a map (one premise per
inference, no weights) this gives exactly their strengths.

**DF-QuAD** (Rago, Toni, Aurisicchio and Baroni, KR 2016): the attackers' strengths ``v1..vn``
are aggregated as ``1 - (1 - v1)...(1 - vn)`` (0 when there are none), the supporters' likewise;
with ``va`` and ``vs`` the two aggregates and ``t`` the base score, the strength is ``t`` when
``va = vs``, ``t - t(va - vs)`` when ``va > vs``, and ``t + (1 - t)(vs - va)`` otherwise.

**QE** (Potyka, KR 2018): the energy ``E`` is the sum of the supporters' strengths minus the sum
of the attackers'; with ``h(x) = max(x, 0)² / (1 + max(x, 0)²)`` the strength is
``t - t·h(-E) + (1 - t)·h(E)``.

**Order and cycles.** The map is read once into flat integer arrays (compressed rows of
attackers, supporters, premises and premise uses by node index). Every node on no cycle and
after none is evaluated exactly once, in topological order (Kahn's algorithm), so an acyclic map
costs time linear in its size. What is left (the nodes on a cycle or downstream of one) is cut
into strongly connected components, found by an iterative Tarjan walk (no recursion), and
evaluated component by component in dependency order. Inside a cycle the statements' strengths
are iterated from the base scores: DF-QuAD with damping, ``s ← s + ½(f(s) - s)``, and QE by the
explicit Euler scheme of its continuous model, ``s ← s + 0.1(f(s) - s)`` (Potyka 2018), until no
strength moves by more than 1e-9. An inference on the cycle follows its premises and attackers
at once rather than moving by steps of its own: a step of its own would add a lag to every loop,
and a loop with lags can oscillate where the published model, on the statements, converges.
When a cycle has not settled after 100,000 steps the last strengths are kept and a note says
so.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.rebuttal("a", "A."), m.rebuttal("b", "B.")
    >>> _ = m.attack("b", "a")
    >>> strengths(m, "dfquad")["a"]
    0.25
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from argmap.exceptions import EvaluationError
from argmap.params import shown
from argmap.semantics.solver import Deadline

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "BASES",
    "EVIDENCE",
    "Bases",
    "GradualSemantics",
    "base_scores",
    "dfquad_strength",
    "qe_strength",
    "strengths",
]

GradualSemantics = Literal["dfquad", "qe"]
Bases = Literal["evidential", "uniform"]
BASES: tuple[Bases, ...] = ("evidential", "uniform")
EVIDENCE = 0.8
"""The base score of a case without a ``weight`` (evidential base scores)."""
_TOLERANCE = 1e-9
_MAX_STEPS = 100_000
_CHECK_EVERY = 4096  # nodes of the acyclic pass between two looks at the clock
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
    bases: str = "evidential",
    notes: list[str] | None = None,
    timeout: float | None = None,
) -> dict[str, float]:
    """Return the strength of every statement and inference of ``m`` by node id.

    Args:
        m: The map.
        semantics: ``"dfquad"`` or ``"qe"``.
        base_score: The base score of a rebuttal without a ``weight`` (with
            ``bases="uniform"``: of every statement without one).
        bases: ``"evidential"`` (base scores from what each statement is: see the module's
            docs) or ``"uniform"`` (``base_score`` for every statement, as published).
        notes: A list to which remarks are appended (a cycle that did not settle).
        timeout: Give up after this many seconds (a cycle may take up to 100,000 steps to
            settle); ``None`` for no limit.

    Raises:
        EvaluationError: An unknown gradual semantics or kind of base scores, or a base score
            outside [0, 1].
        EvaluationTimeout: ``timeout`` ran out.

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "C."), m.premise("p", "P.")
        >>> _ = m.support("p", "c", id="s")
        >>> strengths(m, "qe")
        {'c': 1.0, 'p': 1.0, 's': 1.0}
        >>> strengths(m, "qe", bases="uniform")
        {'c': 0.6, 'p': 0.5, 's': 0.5}
    """
    if semantics not in _STEP:
        raise EvaluationError(f"unknown gradual semantics {semantics!r}; use 'dfquad' or 'qe'")
    if (
        isinstance(base_score, bool)  # True is not a score of 1
        or not isinstance(base_score, int | float)
        or not 0.0 <= base_score <= 1.0
    ):
        raise EvaluationError(f"base_score must be a number in [0, 1], not {shown(base_score)}")
    if bases not in BASES:
        raise EvaluationError(f"unknown base scores {bases!r}; use 'evidential' or 'uniform'")
    deadline = Deadline(timeout, task=f"evaluating under {semantics} semantics")
    graph = _Bipolar(m, float(base_score), evidential=bases == "evidential")
    strength_of = dfquad_strength if semantics == "dfquad" else qe_strength
    left = graph.acyclic_pass(strength_of, deadline)
    if left:
        graph.cyclic_pass(left, strength_of, deadline, step=_STEP[semantics], notes=notes)
    ids, sigma = graph.ids, graph.sigma
    return {ids[v]: _clean(sigma[v]) for v in range(len(ids))}


class _Bipolar:
    """The map's bipolar graph as flat integer arrays (compressed rows), built in one pass.

    Node ``v``'s attacking inferences are ``att[att_at[v]:att_at[v + 1]]``, its supporting ones
    ``sup[sup_at[v]:sup_at[v + 1]]``, an inference's premises ``prem[prem_at[v]:prem_at[v + 1]]``
    and a statement's uses as a premise ``use[use_at[v]:use_at[v + 1]]``. Flat lists of ints
    keep the garbage collector's work constant, where a list per node made it walk the map's
    models again and again.
    """

    def __init__(self, m: ArgumentMap, base_score: float, *, evidential: bool) -> None:
        models = m.nodes()
        n = len(models)
        self.ids = ids = [node.id for node in models]
        index = {x: i for i, x in enumerate(ids)}
        self.weight = weight = [base_score] * n
        self.target = target = [-1] * n  # an inference's target; -1 for a statement
        support = bytearray(n)
        self.prem_at = prem_at = [0] * (n + 1)
        self.prem: list[int] = []
        prem = self.prem
        att_count = [0] * (n + 1)  # shifted by one: _prefix makes them row starts
        sup_count = [0] * (n + 1)
        use_count = [0] * (n + 1)
        for v, node in enumerate(models):
            w = node.weight
            if node.kind in ("support", "attack"):
                weight[v] = 1.0 if w is None else float(w)
                t = target[v] = index[node.target]
                if node.kind == "support":
                    support[v] = 1
                    sup_count[t + 1] += 1
                else:
                    att_count[t + 1] += 1
                for x in node.premises:
                    p = index[x]
                    prem.append(p)
                    use_count[p + 1] += 1
            elif w is not None:
                weight[v] = float(w)
            elif evidential:
                weight[v] = _evidential_base(node, base_score)
            prem_at[v + 1] = len(prem)
        # the claims whose base score is their evidence (their supports' strengths, aggregated)
        self.evidenced = bytearray(evidential and _from_evidence(node) for node in models)
        self.att_at, self.sup_at, self.use_at = map(_prefix, (att_count, sup_count, use_count))
        self.att = att = [0] * self.att_at[n]
        self.sup = sup = [0] * self.sup_at[n]
        self.use = use = [0] * self.use_at[n]
        att_fill, sup_fill, use_fill = self.att_at[:n], self.sup_at[:n], self.use_at[:n]
        for v in range(n):
            t = target[v]
            if t < 0:
                continue
            if support[v]:
                sup[sup_fill[t]] = v
                sup_fill[t] += 1
            else:
                att[att_fill[t]] = v
                att_fill[t] += 1
            for k in range(prem_at[v], prem_at[v + 1]):
                p = prem[k]
                use[use_fill[p]] = v
                use_fill[p] += 1
        self.sigma = weight[:]

    def value(
        self, v: int, strength_of: Callable[[float, list[float], list[float]], float]
    ) -> float:
        """``v``'s strength from its base score and the current strengths around it."""
        sigma = self.sigma
        p0, p1 = self.prem_at[v], self.prem_at[v + 1]
        base = self.weight[v]
        if p0 != p1:
            base *= min([sigma[p] for p in self.prem[p0:p1]])
        supporters = [sigma[s] for s in self.sup[self.sup_at[v] : self.sup_at[v + 1]]]
        if self.evidenced[v]:
            base, supporters = _evidence(supporters), []
        return strength_of(
            base,
            [sigma[a] for a in self.att[self.att_at[v] : self.att_at[v + 1]]],
            supporters,
        )

    def acyclic_pass(
        self, strength_of: Callable[[float, list[float], list[float]], float], deadline: Deadline
    ) -> list[int]:
        """Evaluate every node whose dependencies are all acyclic, each once, in topological order
        (Kahn's algorithm); return the nodes left (on a cycle or downstream of one)."""
        n = len(self.ids)
        att_at, sup_at, prem_at, use_at = self.att_at, self.sup_at, self.prem_at, self.use_at
        target, use, sigma = self.target, self.use, self.sigma
        waiting = [
            att_at[v + 1] - att_at[v] + sup_at[v + 1] - sup_at[v] + prem_at[v + 1] - prem_at[v]
            for v in range(n)
        ]
        ready = [v for v in range(n) if not waiting[v]]
        value = self.value
        done = 0
        while ready:
            v = ready.pop()
            sigma[v] = value(v, strength_of)
            done += 1
            if not done % _CHECK_EVERY:
                deadline.check()
            t = target[v]
            if t >= 0:
                waiting[t] -= 1
                if not waiting[t]:
                    ready.append(t)
            for k in range(use_at[v], use_at[v + 1]):
                i = use[k]
                waiting[i] -= 1
                if not waiting[i]:
                    ready.append(i)
        return [v for v in range(n) if waiting[v]]

    def cyclic_pass(
        self,
        left: list[int],
        strength_of: Callable[[float, list[float], list[float]], float],
        deadline: Deadline,
        *,
        step: float,
        notes: list[str] | None,
    ) -> None:
        """Evaluate the nodes on or after a cycle, component by component in dependency order."""
        local = {v: k for k, v in enumerate(left)}
        deps = [
            [
                local[u]
                for u in (*self._in_edges(v), *self.prem[self.prem_at[v] : self.prem_at[v + 1]])
                if u in local
            ]
            for v in left
        ]
        for component in _components(deps):
            members = [left[k] for k in component]
            if len(members) == 1 and component[0] not in deps[component[0]]:
                self.sigma[members[0]] = self.value(members[0], strength_of)
            else:
                self._iterate(members, strength_of, deadline, step=step, notes=notes)

    def _in_edges(self, v: int) -> list[int]:
        return [
            *self.att[self.att_at[v] : self.att_at[v + 1]],
            *self.sup[self.sup_at[v] : self.sup_at[v + 1]],
        ]

    def _iterate(
        self,
        members: list[int],
        strength_of: Callable[[float, list[float], list[float]], float],
        deadline: Deadline,
        *,
        step: float,
        notes: list[str] | None,
    ) -> None:
        """Iterate a cycle's strengths from the base scores until they settle.

        Statements move by damped steps (DF-QuAD) or explicit Euler steps (QE). Inferences
        follow their premises and attackers at once, in dependency order: giving them a state of
        their own would add a lag to every loop, and a loop with lags can oscillate where the
        published model (on statements) converges. Only inferences on a cycle of inferences
        alone keep a state.
        """
        sigma, target = self.sigma, self.target
        inside = set(members)
        inferences = [v for v in members if target[v] >= 0]
        follow = _order(inferences, lambda v: [u for u in self._in_edges(v) if u in inside])
        followers = set(follow)
        moving = [v for v in members if v not in followers]
        value = self.value
        for _ in range(_MAX_STEPS):
            deadline.check()
            for v in follow:
                sigma[v] = value(v, strength_of)
            new = [value(v, strength_of) for v in moving]
            moved = 0.0
            for v, goal in zip(moving, new, strict=True):
                delta = step * (goal - sigma[v])
                sigma[v] += delta
                moved = max(moved, abs(delta))
            if moved < _TOLERANCE:
                break
        else:
            if notes is not None:
                names = ", ".join(self.ids[v] for v in members[:5])
                notes.append(
                    f"the cycle through {names} did not settle after {_MAX_STEPS} steps; "
                    "its last strengths are given"
                )
        for v in follow:
            sigma[v] = value(v, strength_of)


def _evidence(supporters: list[float]) -> float:
    """The strength of a claim's evidence: ``1 - (1 - s1)(1 - s2)...`` over its supports.

    The probability that at least one support carries, were they independent: every support
    adds, none but a certain one reaches 1, and no support at all gives 0. Under the evidential
    base scores this is a claim's base score.

    Examples:
        >>> _evidence([]), _evidence([0.8]), round(_evidence([0.8, 0.8]), 6)
        (0.0, 0.8, 0.96)
    """
    return 1.0 - math.prod(1.0 - v for v in supporters) if supporters else 0.0


def _from_evidence(node: Any) -> bool:
    """Whether ``node``'s evidential base score is its evidence: a claim, neither weighted nor
    assumed."""
    return bool(node.kind == "claim" and not node.assumption and node.weight is None)


def _evidential_base(statement: Any, base_score: float) -> float:
    kind = statement.kind
    if statement.assumption or kind == "premise":
        return 1.0
    if kind == "claim":
        return 0.0
    if kind == "case":
        return EVIDENCE
    return base_score


def base_scores(
    m: ArgumentMap, *, base_score: float = 0.5, bases: str = "evidential"
) -> dict[str, float]:
    """The base score of every statement of ``m`` (before premises and neighbours count).

    Under the evidential base scores a claim (no weight, not an assumption) has 0 of its own:
    its base score is then its :func:`evidence`, which depends on its supports' strengths.

    Examples:
        >>> from argmap.examples import north_korea
        >>> b = base_scores(north_korea())
        >>> b["agenda"], b["goal"], b["uk"], b["withdrawal"]
        (0.0, 1.0, 0.8, 0.5)
    """
    if bases not in BASES:
        raise EvaluationError(f"unknown base scores {bases!r}; use 'evidential' or 'uniform'")
    found: dict[str, float] = {}
    for statement in m.statements():
        if statement.weight is not None:
            found[statement.id] = float(statement.weight)
        elif bases == "evidential":
            found[statement.id] = _evidential_base(statement, base_score)
        else:
            found[statement.id] = base_score
    return found


def _prefix(counts: list[int]) -> list[int]:
    """Turn per-node counts (shifted by one) into row starts, in place."""
    total = 0
    for k, c in enumerate(counts):
        total += c
        counts[k] = total
    return counts


def _order(nodes: list[int], deps: Callable[[int], list[int]]) -> list[int]:
    """The nodes that are on no cycle among ``nodes``, each after those it depends on (Kahn)."""
    among = set(nodes)
    waiting = dict.fromkeys(nodes, 0)
    dependents: dict[int, list[int]] = {v: [] for v in nodes}
    for v in nodes:
        for u in deps(v):
            if u in among:
                waiting[v] += 1
                dependents[u].append(v)
    ready = [v for v in nodes if not waiting[v]]
    order: list[int] = []
    while ready:
        v = ready.pop()
        order.append(v)
        for w in dependents[v]:
            waiting[w] -= 1
            if not waiting[w]:
                ready.append(w)
    return order


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
