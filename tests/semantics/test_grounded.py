"""argmap/semantics/grounded.py: the grounded labelling of a map, straight on its index.

``label_map`` must agree with the grounded labelling of the map's translation (``to_framework``
then ``grounded_codes``) on every statement and inference, and its reasons must be well-founded.
"""

from __future__ import annotations

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from seeded import seeded_map
from strategies import maps

import argmap
from argmap.examples import north_korea
from argmap.semantics.grounded import (
    IN,
    OUT,
    READINGS,
    MapLabels,
    Reading,
    attack_graph_labels,
    grounded_labels,
    label_map,
)
from argmap.semantics.translate import to_framework


def _assert_agrees(m: argmap.ArgumentMap, reading: Reading = "evidential") -> MapLabels:
    expected = grounded_labels(to_framework(m, reading=reading))
    labels = label_map(m.index, reading=reading)
    nodes = [*m.index.statements, *m.index.supports, *m.index.attacks]
    assert {n: labels.name(n) for n in nodes} == {n: expected[n] for n in nodes}
    assert set(labels.label) <= set(nodes)  # no auxiliary argument leaks out
    assert labels.reading == reading
    return labels


def _assert_well_founded(m: argmap.ArgumentMap, labels: MapLabels) -> None:
    """Every OUT node's reason is a real one, and following reasons never goes round."""
    index = m.index
    for node, reason in labels.why.items():
        assert labels.label[node] == OUT
        if reason == node:  # a claim no support reaches (evidential reading)
            assert labels.reading == "evidential"
            assert index.statements[node].kind == "claim"
            assert node not in index.supports_into
        elif reason in index.attacks and index.attacks[reason].target == node:
            assert labels.label[reason] == IN  # an attack on it stands
        elif node in index.statements:  # its last support failed, and so did every other
            assert reason in index.supports_into[node]
            assert all(labels.label.get(s) == OUT for s in index.supports_into[node])
        else:  # an inference whose premise fell
            inference = index.supports.get(node) or index.attacks[node]
            assert reason in inference.premises
            assert labels.label[reason] == OUT
    for start in labels.why:
        seen = {start}
        node = start
        while node in labels.why and labels.why[node] != node:
            node = labels.why[node]
            assert node not in seen
            seen.add(node)
        # every chain of reasons ends at a standing attack or at a claim nothing supports
        assert labels.label[node] == IN or labels.unsupported(node)


def test_the_article() -> None:
    m = north_korea()
    _assert_well_founded(m, _assert_agrees(m, "grounded"))
    labels = _assert_agrees(m)
    _assert_well_founded(m, labels)
    assert labels.name("agenda") == "in"
    assert labels.why["s_effective"] == "u_amnesty"
    assert labels.why["s_executions"] == "u_public"


def test_seeded_maps() -> None:
    for seed in range(200):
        m = seeded_map(seed)
        for reading in READINGS:
            _assert_well_founded(m, _assert_agrees(m, reading))


@pytest.mark.parametrize("budget", budgets(8, 20))
def test_random_maps(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps(max_statements=8, rich=True))
    def holds(m: argmap.ArgumentMap) -> None:
        for reading in READINGS:
            _assert_well_founded(m, _assert_agrees(m, reading))

    holds()


def test_an_assumption_needs_no_support_and_an_empty_support_stands() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.", assumption=True)
    m.claim("d", "D.")
    m.rebuttal("r", "R.")
    m.support([], "d", id="s_d")
    m.support("r", "c", id="s_c")
    m.attack("d", "r", id="a")
    labels = _assert_agrees(m)
    assert [labels.name(n) for n in ("c", "d", "s_d", "r", "s_c")] == [
        "in",
        "in",
        "in",
        "out",
        "out",
    ]


def test_the_evidential_reading_needs_a_support_for_a_claim_and_gives_the_rest() -> None:
    m = argmap.ArgumentMap()
    _ = m.claim("bare", "Nothing supports it."), m.claim("argued", "A case supports it.")
    _ = m.case("k", "K."), m.premise("p", "P."), m.rebuttal("r", "R.")
    _ = m.claim("given", "Assumed.", assumption=True)
    m.support("k", "argued", id="s")
    m.support("bare", "p", id="from_bare")  # a premise stands whatever its support does
    evidential = _assert_agrees(m)
    grounded = _assert_agrees(m, "grounded")
    assert {n: evidential.name(n) for n in ("bare", "argued", "k", "p", "r", "given")} == {
        "bare": "out",
        "argued": "in",
        "k": "in",
        "p": "in",
        "r": "in",
        "given": "in",
    }
    assert evidential.why["bare"] == "bare"
    assert evidential.unsupported("bare")
    assert not evidential.unsupported("argued")
    assert evidential.name("from_bare") == "out"
    assert grounded.name("bare") == "in"  # the classic reading: it stands unargued
    assert grounded.name("p") == "in"


def _fast(m: argmap.ArgumentMap, reading: Reading = "grounded") -> dict[str, str] | None:
    """The attack-only fast path, checked against the translation when it answers."""
    fast = attack_graph_labels(m.index, reading=reading)
    if fast is not None:
        expected = grounded_labels(to_framework(m, reading=reading))
        assert fast == {n: expected[n] for n in fast}
        assert list(fast) == [n.id for n in m.nodes()]  # the map's order, statements first
    return fast


def _chain_written_backwards() -> argmap.ArgumentMap:
    """r3 attacks r2 attacks r1 attacks c, the attacks written against the statements' order."""
    m = argmap.ArgumentMap()
    _ = [m.premise(s, f"{s}.") for s in ("c", "r1", "r2", "r3")]
    m.attack("r3", "r2", id="a3")
    m.attack("r1", "c", id="a1")
    m.attack("r2", "r1", id="a2")
    return m


def test_the_fast_path_reads_attacks_in_any_order() -> None:
    fast = _fast(_chain_written_backwards())
    # each attack takes its own premise's label, wherever it stands among the attacks
    assert fast == {
        "c": "out",
        "r1": "in",
        "r2": "out",
        "r3": "in",
        "a3": "in",
        "a1": "in",
        "a2": "out",
    }
    assert _fast(_chain_written_backwards(), "evidential") == fast  # no claim among them


def test_the_fast_path_labels_each_premise_s_attacks_and_self_attacks() -> None:
    m = argmap.ArgumentMap()
    _ = [m.premise(s, f"{s}.") for s in ("a", "b", "c", "d", "s")]
    m.claim("k", "K.")
    m.attack("b", "c", id="bc")
    m.attack("a", "b", id="ab")
    m.attack("a", "d", id="ad")  # a's two attacks, apart in the map's order
    m.attack("s", "s", id="ss")
    m.attack("s", "a", id="sa")  # from a self-attacker: UNDEC, so a is UNDEC too
    m.attack("k", "s", id="ks")
    grounded = _fast(m)
    assert grounded is not None
    assert [grounded[n] for n in ("k", "s", "a", "b", "c", "d", "ss", "ks")] == [
        "in",
        "out",
        "in",
        "out",
        "in",
        "out",
        "out",
        "in",
    ]
    evidential = _fast(m, "evidential")
    assert evidential is not None  # the claim k is OUT: no support; s attacks itself
    assert [evidential[n] for n in ("k", "ks", "s", "ss", "sa", "a", "b", "c")] == [
        "out",
        "out",
        "undec",
        "undec",
        "undec",
        "undec",
        "undec",
        "undec",
    ]


def test_the_fast_path_leaves_other_maps_to_the_general_fixpoint() -> None:
    def base() -> argmap.ArgumentMap:
        m = argmap.ArgumentMap()
        _ = [m.premise(s, f"{s}.") for s in ("a", "b", "c")]
        m.attack("a", "b", id="ab")
        return m

    linked = base()
    linked.attack(["a", "b"], "c", id="abc")
    undercut = base()
    undercut.attack("c", "ab", id="c_ab")
    no_premise = base()
    no_premise.attack([], "c", id="x")
    # a linked attack beside one without premises: as many premises as attacks
    balanced = base()
    balanced.attack([], "a", id="x")
    balanced.attack(["b", "c"], "a", id="bca")
    balanced_in_order = argmap.ArgumentMap()
    _ = [balanced_in_order.premise(s, f"{s}.") for s in ("a", "b")]
    balanced_in_order.attack(["a", "b"], "a", id="aba")
    balanced_in_order.attack([], "b", id="x")
    supported = base()
    supported.support("c", "a", id="ca")
    for m in (linked, undercut, no_premise, balanced, balanced_in_order, supported):
        for reading in READINGS:
            assert attack_graph_labels(m.index, reading=reading) is None
            _assert_agrees(m, reading)  # what evaluate runs instead
            general = label_map(m.index, reading=reading)
            assert dict(argmap.evaluate(m, reading).labels) == {
                n.id: general.name(n.id) for n in m.nodes()
            }


def test_the_fast_path_on_a_map_without_attacks() -> None:
    m = argmap.ArgumentMap()
    _ = m.premise("p", "P."), m.claim("c", "C."), m.claim("g", "G.", assumption=True)
    assert _fast(m) == {"p": "in", "c": "in", "g": "in"}
    assert _fast(m, "evidential") == {"p": "in", "c": "out", "g": "in"}
