"""What one check works out once (argmap/checks/facts.py): every shared pass runs at most once
per check, whatever rules run, and the rules read the map's index without walking it again."""

from __future__ import annotations

from typing import Any

import pytest
from seeded import seeded_map

import argmap
from argmap.checks import facts as facts_module
from argmap.examples import north_korea


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    calls = [0]
    original = getattr(facts_module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(facts_module, name, counted)
    return calls


@pytest.mark.parametrize("seed", [0, 3, 7, 11])
def test_each_shared_pass_runs_at_most_once_per_check(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    m = seeded_map(seed, size=120)
    passes = {name: _counting(monkeypatch, name) for name in ("peel", "label_map")}
    argmap.check(m)
    assert {name: calls[0] for name, calls in passes.items()} == {"peel": 1, "label_map": 1}


def test_an_acyclic_map_with_attacks_is_checked_in_one_sweep(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = north_korea()
    passes = {name: _counting(monkeypatch, name) for name in ("peel", "label_map", "sweep")}
    argmap.check(m)
    assert {name: calls[0] for name, calls in passes.items()} == {
        "peel": 0,
        "label_map": 0,
        "sweep": 1,
    }
