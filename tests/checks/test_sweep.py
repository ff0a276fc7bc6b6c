"""The check's one pass (argmap/checks/sweep.py) against the two passes it replaces.

On a map without cycles the sweep must give exactly the labels of
:func:`argmap.semantics.grounded.label_map` (evidential reading) and exactly the evidence of the
peel (:func:`argmap.checks.peel.peel`), and every reason it keeps must explain its node. On a map
with a cycle it must decline, so that the check keeps the old passes and their answers.
"""

from __future__ import annotations

from typing import Any

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seeded import seeded_map
from strategies import maps

import argmap
from argmap import ArgumentMap
from argmap.checks.facts import Facts
from argmap.checks.peel import peel
from argmap.checks.sweep import sweep
from argmap.semantics.grounded import IN, OUT, label_map

_KINDS = ("claim", "claim", "premise", "case", "rebuttal")


@st.composite
def acyclic_maps(draw: st.DrawFn, *, max_statements: int = 12) -> ArgumentMap:
    """A random map with no cycle of supports and attacks together.

    Statements are ranked in the order they are made. A support's premises rank below its
    conclusion; an attack's premises rank below the statement its target bears on in the end
    (the target itself, or the conclusion or target of the inference it undercuts, and so on).
    Every edge then climbs in rank or goes from a newer inference to an older one: no cycle.
    Linked supports, supports without premises, undercutters, attacks on attacks, assumptions
    and cases under claims all occur.
    """
    m = ArgumentMap()
    ids: list[str] = []
    for i in range(draw(st.integers(1, max_statements))):
        kind = draw(st.sampled_from(_KINDS))
        assumption = draw(st.booleans()) if kind != "case" and draw(st.booleans()) else False
        getattr(m, kind)(f"{kind[:2]}{i}", f"Statement {i}.", assumption=assumption)
        ids.append(f"{kind[:2]}{i}")
    rank = {sid: i for i, sid in enumerate(ids)}
    bears: dict[str, int] = {}  # inference id -> the rank of the statement it bears on in the end
    inferences: list[str] = []
    for k in range(draw(st.integers(0, 3 * len(ids)))):
        if draw(st.booleans()) or not inferences:  # a support
            top = draw(st.integers(0, len(ids) - 1))
            below = ids[:top]
            premises = draw(
                st.lists(st.sampled_from(below), max_size=3, unique=True) if below else st.just([])
            )
            sid = f"s{k}"
            m.support(premises, ids[top], id=sid)
            bears[sid] = top
            inferences.append(sid)
            continue
        if draw(st.booleans()):  # an attack on a statement
            top = draw(st.integers(0, len(ids) - 1))
            target = ids[top]
        else:  # an attack on an inference (an undercutter, or an attack on an attack)
            target = draw(st.sampled_from(inferences))
            top = bears[target]
        if top == 0:
            continue  # nothing ranks below: no premise to attack with
        premises = draw(st.lists(st.sampled_from(ids[:top]), min_size=1, max_size=2, unique=True))
        aid = f"a{k}"
        m.attack(premises, target, id=aid)
        bears[aid] = top
        inferences.append(aid)
    claims = [s for s in ids if s.startswith("cl")]
    if claims and draw(st.booleans()):
        m.central = draw(st.sampled_from(claims))
    assert all(rank[s] < bears[sid] for sid, s in _edges(m) if sid in bears)
    return m


def _edges(m: ArgumentMap) -> list[tuple[str, str]]:
    """(inference, premise) for every premise of every inference."""
    index = m.index
    inferences = {**index.supports, **index.attacks}
    return [(iid, p) for iid, inference in inferences.items() for p in inference.premises]


def _swept(m: ArgumentMap) -> Any:
    facts = Facts(m)
    return sweep(facts, needs=facts.needs_support, fixed=facts.fixed)


def _assert_reasons_explain(m: ArgumentMap, labels: Any) -> None:
    """Every OUT node's reason is one the labelling allows, settled before it, and an attack
    on the node that is IN comes first."""
    index = m.index
    label, why = labels.label, labels.why
    assert set(why) == {n for n, code in label.items() if code == OUT}
    for node, reason in why.items():
        inference = index.supports.get(node) or index.attacks.get(node)
        attacked_in = [a for a in index.attacks_into.get(node, ()) if label[a] == IN]
        if reason == node:  # a claim no support reaches
            assert node in index.statements
            assert node not in index.supports_into
            continue
        if attacked_in:
            assert reason in attacked_in
        elif inference is not None:
            assert reason in inference.premises
            assert label[reason] == OUT
        else:  # a claim whose every support failed
            assert reason in index.supports_into[node]
            assert all(label[s] == OUT for s in index.supports_into[node])


def _check_without_sweep(m: ArgumentMap) -> dict[str, Any]:
    """The report as the peel and ``label_map`` alone make it."""
    with pytest.MonkeyPatch.context() as patch:  # @given does not mix with function fixtures
        patch.setattr(Facts, "swept", property(lambda self: None))
        return argmap.check(m).to_dict()


def _without_explanations(report: dict[str, Any]) -> dict[str, Any]:
    findings = [{k: v for k, v in f.items() if k != "explanation"} for f in report["findings"]]
    return {**report, "findings": findings}


@pytest.mark.parametrize("budget", budgets(50, 150))
def test_on_an_acyclic_map_the_sweep_gives_the_labels_and_evidence_of_the_old_passes(
    budget: int,
) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(acyclic_maps())
    def holds(m: ArgumentMap) -> None:
        facts = Facts(m)
        swept = _swept(m)
        assert swept is not None
        old = label_map(m.index, reading="evidential")
        assert swept.labels.label == old.label
        assert set(swept.labels.label) == set(m.index.statements) | set(m.index.supports) | set(
            m.index.attacks
        )  # no cycle: nothing undecided
        assert swept.evidenced == peel(facts).evidenced
        assert sorted(swept.order) == sorted(m.index.statements)
        placed = {s: i for i, s in enumerate(swept.order)}
        for sid, support in m.index.supports.items():
            assert all(placed[p] < placed[support.conclusion] for p in support.premises), sid
        _assert_reasons_explain(m, swept.labels)
        # The same claims stand unsupported: the reason "nothing supports it" is kept as it was.
        assert {n for n, w in swept.labels.why.items() if w == n} == {
            n for n, w in old.why.items() if w == n
        }

    holds()


@given(acyclic_maps())
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_on_an_acyclic_map_the_check_finds_what_the_old_passes_found(m: ArgumentMap) -> None:
    old = _check_without_sweep(m)
    assert _without_explanations(argmap.check(m).to_dict()) == _without_explanations(old)


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_on_any_map_the_check_reads_the_old_labels_and_evidence(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps(rich=True))
    def holds(m: ArgumentMap) -> None:
        facts = Facts(m)
        old_labels = label_map(m.index, reading="evidential")
        old_peel = peel(facts)
        assert facts.labels.label == old_labels.label
        assert facts.evidenced == old_peel.evidenced
        if facts.swept is None:  # a cycle, or no attack: the old passes' own answers
            assert facts.knot == old_peel.knot
            assert facts.order == old_peel.order
            if facts.attacks:
                assert facts.labels.why == old_labels.why
        else:
            assert not old_peel.knot
            _assert_reasons_explain(m, facts.labels)

    holds()


def test_a_cycle_of_attacks_leaves_the_sweep_and_keeps_the_old_answers() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c", id="s")
    m.rebuttal("r1", "R1.")
    m.rebuttal("r2", "R2.")
    m.attack("r1", "r2", id="a12")
    m.attack("r2", "r1", id="a21")
    m.attack("r1", "s", id="u")
    facts = Facts(m)
    assert facts.swept is None
    assert facts.labels == label_map(m.index)
    assert facts.labels.name("c") == "undec"
    assert facts.evidenced == {"k": None, "c": "s"}


def test_a_cycle_of_supports_leaves_the_sweep_and_keeps_the_knot() -> None:
    m = ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.rebuttal("r", "R.")
    m.support("a", "b", id="ab")
    m.support("b", "a", id="ba")
    m.attack("r", "a", id="ra")
    facts = Facts(m)
    assert facts.swept is None
    assert facts.knot == {"a", "b"}
    assert facts.labels == label_map(m.index)


def test_an_attack_on_an_inference_explains_it_before_a_failed_premise() -> None:
    # s's premise p is OUT (attacked by r1) and s itself is undercut by r2: the reason is the
    # undercutter, which answers s directly, whichever the sweep met first.
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.rebuttal("r1", "R1.")
    m.rebuttal("r2", "R2.")
    m.support("p", "c", id="s")
    m.attack("r1", "p", id="a1")
    m.attack("r2", "s", id="u")
    labels = Facts(m).labels
    assert labels.name("s") == "out"
    assert labels.why["s"] == "u"
    assert labels.why["c"] == "s"


@pytest.mark.parametrize("seed", [156, 7, 42])
def test_seeded_maps_label_alike(seed: int) -> None:
    m = seeded_map(seed, size=150)
    assert Facts(m).labels.label == label_map(m.index).label


@pytest.mark.slow
@given(acyclic_maps(max_statements=60))
@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_large_acyclic_maps_sweep_like_the_old_passes(m: ArgumentMap) -> None:
    facts = Facts(m)
    swept = _swept(m)
    assert swept is not None
    assert swept.labels.label == label_map(m.index).label
    assert swept.evidenced == peel(facts).evidenced
    _assert_reasons_explain(m, swept.labels)
