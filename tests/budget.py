"""How many examples a property test draws: its budget in the default run, ten times as many
under HYPOTHESIS_PROFILE=explore (tests/conftest.py registers the profiles)."""

from __future__ import annotations

import os
from typing import Any

import pytest

EXPLORE = os.environ.get("HYPOTHESIS_PROFILE") == "explore"


def examples(n: int) -> int:
    """The number of examples for a test whose default-run budget is ``n``."""
    return n * 10 if EXPLORE else n


def budgets(default: int, full: int) -> list[Any]:
    """Budgets to parametrize a dear property test with (``budget``): ``default`` examples in
    the default run, ``full`` in a variant marked slow, which CI runs. The test applies
    ``settings(max_examples=examples(budget))`` to its property inside, as
    tests/fuzz/test_loaders.py does."""
    return [default, pytest.param(full, marks=pytest.mark.slow)]
