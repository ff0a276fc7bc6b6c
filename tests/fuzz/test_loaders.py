"""Fuzz every loader on main (bounded for CI): only ArgmapError escapes, and what a loader
accepts is checked, drawn and round-tripped. ``benchmarks/fuzz_long.py`` runs the same property
for hundreds of thousands of inputs; docs/robustness.md has its figures."""

from __future__ import annotations

import pytest
from budget import examples
from harness import LOADERS, Loader, _own_round_trip, inputs, run_property
from hypothesis import HealthCheck, given, settings

from argmap import ArgumentMap, loads
from argmap.io.formats import all_formats
from argmap.io.native import dumps


def test_every_loader_in_the_format_table_is_fuzzed() -> None:
    names = [loader.name for loader in LOADERS]
    assert names == [fmt.name for fmt in all_formats() if fmt.can_load]
    assert {"json", "yaml", "argdown", "aif", "xaif", "sadface", "microtexts"} <= set(names)
    assert {"carneades", "graphml", "gexf"} <= set(names)


@pytest.mark.parametrize("budget", [15, pytest.param(250, marks=pytest.mark.slow)])
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


def test_the_own_format_round_trip_sees_a_silent_change() -> None:
    """The harness's write-and-read-back in the loader's own format can fail: a writer that
    drops the map's data without a word, and one that writes what its reader refuses."""
    m = ArgumentMap(title="T", data={"x": 1})
    silent = Loader("silent", loads, None, "json", writes=lambda _: dumps(ArgumentMap(title="T")))
    assert "changed without a word: ['data']" in _own_round_trip(silent, m)
    broken = Loader("broken", loads, None, "json", writes=lambda _: "{")
    assert "wrote what its reader refuses" in _own_round_trip(broken, m)
    honest = Loader("honest", loads, None, "json", writes=dumps)
    assert _own_round_trip(honest, m) == ""
