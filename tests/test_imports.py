"""`import argmap` stays light: what only some uses need loads when first used.

This is no timed test (the figures are in docs/performance.md): it checks *which* modules the
import loads, which is what decides its time.
"""

from __future__ import annotations

import subprocess
import sys

LAZY = ("networkx", "argmap.render", "argmap.cli", "click", "graphviz", "pandas", "IPython")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}; import sys; print(' '.join(m for m in {LAZY!r} if m in sys.modules))"
    out = subprocess.run(  # noqa: S603  # our own interpreter, our own code
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_import_argmap_loads_neither_networkx_nor_rendering_nor_the_cli() -> None:
    assert _loaded_after("import argmap") == set()


def test_networkx_loads_with_the_first_map() -> None:
    assert _loaded_after("import argmap; argmap.ArgumentMap()") == {"networkx"}


def test_a_check_without_support_cycles_needs_no_more_than_the_map() -> None:
    loaded = _loaded_after(
        "import argmap; from argmap.examples import north_korea; argmap.check(north_korea())"
    )
    assert loaded == {"networkx"}
