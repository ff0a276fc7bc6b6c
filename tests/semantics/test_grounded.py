"""argmap/semantics/grounded.py: the grounded labelling of a map, straight on its index.

``label_map`` must agree with the grounded labelling of the map's translation (``to_framework``
then ``grounded_codes``) on every statement and inference, and its reasons must be well-founded.
"""

from __future__ import annotations

from budget import examples
from hypothesis import HealthCheck, given, settings
from seeded import seeded_map
from strategies import maps

import argmap
from argmap.examples import north_korea
from argmap.semantics.grounded import IN, OUT, MapLabels, grounded_labels, label_map
from argmap.semantics.translate import to_framework


def _assert_agrees(m: argmap.ArgumentMap) -> MapLabels:
    expected = grounded_labels(to_framework(m))
    labels = label_map(m.index)
    nodes = [*m.index.statements, *m.index.supports, *m.index.attacks]
    assert {n: labels.name(n) for n in nodes} == {n: expected[n] for n in nodes}
    assert set(labels.label) <= set(nodes)  # no auxiliary argument leaks out
    return labels


def _assert_well_founded(m: argmap.ArgumentMap, labels: MapLabels) -> None:
    """Every OUT node's reason is a real one, and following reasons never goes round."""
    index = m.index
    for node, reason in labels.why.items():
        assert labels.label[node] == OUT
        if reason in index.attacks and index.attacks[reason].target == node:
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
        while node in labels.why:
            node = labels.why[node]
            assert node not in seen
            seen.add(node)
        assert labels.label[node] == IN  # every chain of reasons ends at a standing attack


def test_the_article() -> None:
    m = north_korea()
    labels = _assert_agrees(m)
    _assert_well_founded(m, labels)
    assert labels.name("agenda") == "in"
    assert labels.why["s_effective"] == "u_amnesty"
    assert labels.why["s_executions"] == "u_public"


def test_seeded_maps() -> None:
    for seed in range(200):
        m = seeded_map(seed)
        _assert_well_founded(m, _assert_agrees(m))


@given(maps(max_statements=8, rich=True))
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_maps(m: argmap.ArgumentMap) -> None:
    _assert_well_founded(m, _assert_agrees(m))


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
