"""Fuzz every loader on main (bounded for CI): only ArgmapError escapes, and what a loader
accepts is checked, drawn and round-tripped. ``benchmarks/fuzz_long.py`` runs the same property
for hundreds of thousands of inputs; docs/robustness.md has its figures."""

from __future__ import annotations

import pytest
from budget import examples
from harness import LOADERS, Loader, inputs, run_property
from hypothesis import HealthCheck, given, settings

from argmap.io.formats import all_formats


def test_every_loader_in_the_format_table_is_fuzzed() -> None:
    names = [loader.name for loader in LOADERS]
    assert names == [fmt.name for fmt in all_formats() if fmt.can_load]
    assert {"json", "yaml", "argdown", "aif", "xaif", "sadface", "microtexts"} <= set(names)
    assert {"carneades", "graphml", "gexf"} <= set(names)


@pytest.mark.parametrize("budget", [30, pytest.param(250, marks=pytest.mark.slow)])
@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.name)
def test_only_argmap_errors_escape_and_what_loads_round_trips(loader: Loader, budget: int) -> None:
    @settings(
        max_examples=examples(budget),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(text=inputs(loader))
    def fuzz(text: str) -> None:
        run_property(loader, text)

    fuzz()
