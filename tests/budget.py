"""How many examples a property test draws: its budget in the default run, ten times as many
under HYPOTHESIS_PROFILE=explore (tests/conftest.py registers the profiles)."""

from __future__ import annotations

import os

EXPLORE = os.environ.get("HYPOTHESIS_PROFILE") == "explore"


def examples(n: int) -> int:
    """The number of examples for a test whose default-run budget is ``n``."""
    return n * 10 if EXPLORE else n
