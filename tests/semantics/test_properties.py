"""Properties of argmap's semantics on random maps (hypothesis), and brute force on small ones.

- adding an unattacked case under a claim never lowers its label or its strength, and strictly
  raises its strength (DF-QuAD and QE) unless its evidence is already certain;
- removing a support never raises its claim's strength;
- removing a support never raises a claim to IN;
- an unsupported claim is never IN under the default (evidential) semantics;
- on maps with no supports the default agrees with Dung's grounded semantics (exactly, when no
  statement is a claim; else with each claim, which no support reaches, rejected by an objection
  nothing answers);
- every Dung semantics agrees with brute-force enumeration of the translated framework, and the
  gradual semantics with a naive evaluation from their equations, on small maps.
"""

from __future__ import annotations

import math

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap.semantics.evaluate import DEFAULT_SEMANTICS
from argmap.semantics.framework import Framework
from argmap.semantics.gradual import dfquad_strength, qe_strength
from argmap.semantics.grounded import attack_graph_labels, label_map
from argmap.semantics.translate import to_framework
from tests.semantics.oracle import brute_force

_RANK = {"out": 0, "undec": 1, "in": 2}
_KINDS = ("claim", "premise", "case", "rebuttal")
_WEIGHTS = (None, None, None, None, 0.2, 0.6, 1.0)
_FAST = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def bipolar_maps(
    draw: st.DrawFn,
    *,
    max_statements: int = 6,
    supports: bool = True,
    max_inferences: int = 8,
    acyclic: bool = False,
) -> argmap.ArgumentMap:
    """A small map of statements of every kind (some assumptions, some weighted), supports
    (linked ones too), rebuttals, undercuts, attacks on attacks and self-attacks.

    With ``acyclic``, no cycle: an inference bears on statement ``s<j>`` (its target, or an
    undercut's target's) and takes premises among ``s<j+1>``...; everything reachable from
    ``s<j>`` bears on a statement before it, so no premise is."""
    n = draw(st.integers(1, max_statements))
    m = argmap.ArgumentMap()
    ids = [f"s{i}" for i in range(n)]
    for sid in ids:
        kind = draw(st.sampled_from(_KINDS))
        getattr(m, kind)(
            sid,
            f"{sid}.",
            assumption=draw(st.booleans()) and draw(st.booleans()),
            # acyclic maps are for the gradual semantics: mostly unweighted, as maps are
            weight=draw(st.sampled_from(_WEIGHTS if acyclic else _WEIGHTS[3:])),
        )
    inferences: list[str] = []
    bears: dict[str, int] = {sid: j for j, sid in enumerate(ids)}
    for k in range(draw(st.integers(0, max_inferences))):
        if acyclic:
            target = draw(st.sampled_from(ids[:-1] + inferences)) if n > 1 else None
            if target is None:
                break
            bears[f"i{k}"] = j = bears[target]
            premises = draw(
                st.lists(st.sampled_from(ids[j + 1 :]), min_size=1, max_size=2, unique=True)
            )
            if target in ids and supports and draw(st.booleans()):
                m.support(premises, target, id=f"i{k}")
            else:
                m.attack(premises, target, id=f"i{k}")
            inferences.append(f"i{k}")
            continue
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
        make_support = supports and draw(st.booleans())
        if make_support:
            conclusion = draw(st.sampled_from(ids))
            if conclusion in premises:
                continue
            m.support(premises, conclusion, id=f"i{k}")
        else:
            target = draw(st.sampled_from(ids + inferences))
            m.attack(premises, target, id=f"i{k}")
        inferences.append(f"i{k}")
    claims = [s for s in ids if m[s].kind == "claim"]
    if claims:
        m.central = claims[0]
    return m


def _labels(m: argmap.ArgumentMap, semantics: str = DEFAULT_SEMANTICS) -> dict[str, str]:
    return dict(argmap.evaluate(m, semantics).labels)


def _with_case(m: argmap.ArgumentMap, claim: str) -> argmap.ArgumentMap:
    bigger = m.copy()
    bigger.case("new_case", "A new piece of evidence.")
    bigger.support("new_case", claim, id="new_support")
    return bigger


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_adding_an_unattacked_case_never_lowers_a_claim(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(bipolar_maps(), st.data())
    def holds(m: argmap.ArgumentMap, data: st.DataObject) -> None:
        claims = [s.id for s in m.statements() if s.kind == "claim"]
        assume(claims)
        claim = data.draw(st.sampled_from(claims))
        bigger = _with_case(m, claim)
        for semantics in ("evidential", "grounded"):
            before, after = _labels(m, semantics)[claim], _labels(bigger, semantics)[claim]
            assert _RANK[after] >= _RANK[before], semantics
        for semantics in ("dfquad", "qe"):
            before_s = argmap.evaluate(m, semantics).strengths[claim]
            after_s = argmap.evaluate(bigger, semantics).strengths[claim]
            notes = argmap.evaluate(bigger, semantics).notes
            if not notes and _acyclic(m):
                assert after_s >= before_s - 1e-9, semantics

    holds()


def _acyclic(m: argmap.ArgumentMap) -> bool:
    import networkx as nx

    g = nx.DiGraph()
    for inference in m.inferences():
        g.add_edge(inference.id, inference.target)
        for p in inference.premises:
            g.add_edge(p, inference.id)
    return nx.is_directed_acyclic_graph(g)


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_removing_a_support_never_raises_its_claim(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(bipolar_maps(), st.data())
    def holds(m: argmap.ArgumentMap, data: st.DataObject) -> None:
        supports = [i.id for i in m.inferences() if i.kind == "support"]
        assume(supports)
        gone = data.draw(st.sampled_from(supports))
        claim = m[gone].target
        smaller = m.copy()
        smaller.remove(gone, cascade=True)
        before, after = _labels(m)[claim], _labels(smaller)[claim]
        assert _RANK[after] <= _RANK[before]
        if after == "in":
            assert before == "in"

    holds()


def _evidenced_claims(m: argmap.ArgumentMap) -> list[str]:
    """Claims whose evidential base score is their evidence (no weight, not assumed)."""
    return [
        s.id for s in m.statements() if s.kind == "claim" and not s.assumption and s.weight is None
    ]


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_every_case_counts_under_both_gradual_semantics(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(bipolar_maps(acyclic=True), st.data())
    def holds(m: argmap.ArgumentMap, data: st.DataObject) -> None:
        # Stronger than "never lowers": a claim's strength strictly rises with a new case unless its
        # evidence is already certain, even when an attack outweighs its support (no floor at 0).
        claims = _evidenced_claims(m)
        assume(claims)
        claim = data.draw(st.sampled_from(claims))
        if not _acyclic(m):  # a rise can come back round a cycle of attacks as a fall
            return
        bigger = _with_case(m, claim)
        for semantics in ("dfquad", "qe"):
            before = argmap.evaluate(m, semantics).strengths
            after = argmap.evaluate(bigger, semantics).strengths[claim]
            evidence = 1.0 - math.prod(1.0 - before[s.id] for s in m.supports_of(claim))
            attacked = [before[a.id] for a in m.attacks_on(claim)]
            if evidence < 1.0 - 1e-6 and max(attacked, default=0.0) < 1.0 - 1e-6:
                assert after > before[claim] + 1e-9, semantics

    holds()


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_removing_a_support_never_raises_a_strength(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(bipolar_maps(acyclic=True), st.data())
    def holds(m: argmap.ArgumentMap, data: st.DataObject) -> None:
        supports = [i.id for i in m.inferences() if i.kind == "support"]
        assume(supports)
        gone = data.draw(st.sampled_from(supports))
        claim = m[gone].target
        if not _acyclic(m):
            return
        smaller = m.copy()
        smaller.remove(gone, cascade=True)
        for semantics in ("dfquad", "qe"):
            before = argmap.evaluate(m, semantics).strengths[claim]
            after = argmap.evaluate(smaller, semantics).strengths[claim]
            assert after <= before + 1e-9, semantics

    holds()


@given(bipolar_maps())
@_FAST
def test_an_unsupported_claim_is_never_in_under_the_default(m: argmap.ArgumentMap) -> None:
    labels = _labels(m)
    dfquad = argmap.evaluate(m, "dfquad").strengths
    qe = argmap.evaluate(m, "qe").strengths
    for s in m.statements():
        if s.kind == "claim" and not s.assumption and not m.supports_of(s.id):
            assert labels[s.id] == "out"
            if s.weight is None:
                assert dfquad[s.id] == qe[s.id] == 0.0


@given(bipolar_maps(supports=False))
@_FAST
def test_without_supports_the_default_is_dungs_grounded(m: argmap.ArgumentMap) -> None:
    evidential = _labels(m)
    claims = [s.id for s in m.statements() if s.kind == "claim" and not s.assumption]
    if not claims:  # every statement given: exactly Dung's grounded semantics
        assert evidential == _labels(m, "grounded")
        return
    # A claim no support reaches is rejected as if an unanswerable objection stood against it.
    marked = m.copy()
    marked.premise("no_evidence", "Nothing supports it.")
    for claim in claims:
        marked.attack("no_evidence", claim, id=f"no_evidence_for_{claim}")
    grounded = _labels(marked, "grounded")
    assert evidential == {n: grounded[n] for n in evidential}
    assert all(evidential[c] == "out" for c in claims)


# Brute force: the translated framework, enumerated from Dung's definitions.


def _grounded_by_definition(af: Framework) -> frozenset[str]:
    """Least fixpoint of the characteristic function, iterated from the empty set."""
    attackers = {a: {x for x, y in af.attacks() if y == a} for a in af.arguments}
    current: frozenset[str] = frozenset()
    while True:
        following = frozenset(
            a for a in af.arguments if all(attackers[b] & current for b in attackers[a])
        )
        if following == current:
            return current
        current = following


def _project(af: Framework, extension: frozenset[str], nodes: list[str]) -> dict[str, str]:
    attacked = {y for x, y in af.attacks() if x in extension}
    return {n: "in" if n in extension else "out" if n in attacked else "undec" for n in nodes}


def _sceptical(af: Framework, extensions: list[frozenset[str]], nodes: list[str]) -> dict[str, str]:
    attacked = [{y for x, y in af.attacks() if x in e} for e in extensions]
    labels = {}
    for n in nodes:
        if extensions and all(n in e for e in extensions):
            labels[n] = "in"
        elif all(n in a for a in attacked):
            labels[n] = "out"
        else:
            labels[n] = "undec"
    return labels


@given(bipolar_maps(max_statements=5, max_inferences=6))
@_FAST
def test_evidential_and_grounded_agree_with_the_definition(m: argmap.ArgumentMap) -> None:
    nodes = [n.id for n in m.nodes()]
    for reading in ("evidential", "grounded"):
        af = to_framework(m, reading=reading)
        assert _labels(m, reading) == _project(af, _grounded_by_definition(af), nodes)


@given(bipolar_maps(max_statements=4, max_inferences=3))
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_dung_semantics_agree_with_brute_force(m: argmap.ArgumentMap) -> None:
    af = to_framework(m)
    assume(len(af) <= 13)
    nodes = [n.id for n in m.nodes()]
    every = brute_force(af)
    assert _labels(m, "grounded") == _project(af, every["grounded"][0], nodes)
    for semantics in ("complete", "preferred", "stable"):
        expected = _sceptical(af, every[semantics], nodes)
        if semantics == "stable" and not every["stable"]:
            expected = dict.fromkeys(nodes, "undec")
        labelling = argmap.evaluate(m, semantics)
        assert dict(labelling.labels) == expected, semantics
        # the extensions, projected on the map's nodes, and the nodes IN in at least one
        projected = {frozenset(e & set(nodes)) for e in every[semantics]}
        assert labelling.exhaustive
        assert len(labelling.extensions) == len(projected), semantics
        assert set(labelling.extensions) == projected, semantics
        assert labelling.credulous == frozenset().union(*projected), semantics


def test_dung_semantics_cut_short_agree_with_the_whole_listing() -> None:
    # Two mutual rebuttals, one attacking a premise: 9 complete and 4 stable (and preferred)
    # extensions. Cut short by max_extensions, the labels and credulous nodes come from
    # clingo's consequences; listed whole (checked against brute force above), from the
    # extensions themselves. Both must agree.
    m = argmap.ArgumentMap()
    for i in range(2):
        _ = m.rebuttal(f"x{i}", "X."), m.rebuttal(f"y{i}", "Y.")
        _ = m.attack(f"x{i}", f"y{i}", id=f"xy{i}"), m.attack(f"y{i}", f"x{i}", id=f"yx{i}")
    _ = m.premise("p", "P."), m.attack("x0", "p", id="x0p")
    for semantics, count in (("complete", 9), ("stable", 4)):
        whole = argmap.evaluate(m, semantics)
        assert whole.exhaustive
        assert len(whole.extensions) == count
        cut = argmap.evaluate(m, semantics, max_extensions=3)
        assert not cut.exhaustive
        assert len(cut.extensions) == 3
        assert set(cut.extensions) <= set(whole.extensions)
        assert cut.labels == whole.labels, semantics
        assert cut.credulous == whole.credulous == frozenset().union(*whole.extensions)
    assert argmap.evaluate(m, "stable")["p"] == "undec"  # IN with y0, OUT with x0
    with pytest.raises(argmap.EvaluationError, match="more than 3 preferred extensions"):
        argmap.evaluate(m, "preferred", max_extensions=3)


def _naive_strengths(m: argmap.ArgumentMap, semantics: str) -> dict[str, float]:
    """Strengths of an acyclic map by recursion over the equations (no shared code but the
    two published aggregation functions, which doctests pin)."""
    from argmap.semantics.gradual import base_scores

    bases = base_scores(m)
    rule = dfquad_strength if semantics == "dfquad" else qe_strength
    memo: dict[str, float] = {}

    def strength(node_id: str) -> float:
        if node_id not in memo:
            node = m[node_id]
            supporters = [strength(s.id) for s in m.supports_of(node_id)]
            if node.kind in ("support", "attack"):
                weight = 1.0 if node.weight is None else node.weight
                base = weight * min((strength(p) for p in node.premises), default=1.0)
            elif node.kind == "claim" and not node.assumption and node.weight is None:
                # a claim's base score is its evidence: at least one support carries
                base = 1.0 - math.prod(1.0 - v for v in supporters)
                supporters = []
            else:
                base = bases[node_id]
            memo[node_id] = rule(base, [strength(a.id) for a in m.attacks_on(node_id)], supporters)
        return memo[node_id]

    return {n.id: strength(n.id) for n in m.nodes()}


@given(bipolar_maps(acyclic=True))
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_gradual_semantics_agree_with_their_equations(m: argmap.ArgumentMap) -> None:
    assert _acyclic(m)
    for semantics in ("dfquad", "qe"):
        ours = argmap.evaluate(m, semantics).strengths
        naive = _naive_strengths(m, semantics)
        assert all(abs(ours[n] - naive[n]) < 1e-9 for n in naive), semantics


def test_brute_force_helpers_see_a_difference() -> None:
    # The oracle is not vacuous: an attacked claim and its attacker differ.
    m = argmap.ArgumentMap()
    _ = m.premise("p", "P."), m.rebuttal("r", "R."), m.attack("r", "p", id="a")
    af = to_framework(m)
    assert _project(af, _grounded_by_definition(af), ["p", "r", "a"]) == {
        "p": "out",
        "r": "in",
        "a": "in",
    }


@given(bipolar_maps(supports=False))
@_FAST
def test_the_fast_path_for_attack_only_maps_agrees_with_the_index_fixpoint(
    m: argmap.ArgumentMap,
) -> None:
    for reading in ("evidential", "grounded"):
        fast = attack_graph_labels(m.index, reading=reading)
        general = label_map(m.index, reading=reading)
        linked = any(
            len(i.premises) != 1 or i.target not in m.index.statements for i in m.inferences()
        )
        if linked:
            assert fast is None
            continue
        assert fast is not None
        assert fast == {n.id: general.name(n.id) for n in m.nodes()}
