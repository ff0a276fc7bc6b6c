"""Shared fixtures: small maps built through the API, and the article's map."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from argmap import ArgumentMap, Source
from argmap.examples import north_korea

# On CI (CI=true), property and fuzz tests draw the same examples on every run, so a run's
# verdict depends on the code alone; exploring new inputs is for local runs and the long fuzz
# run in benchmarks/fuzz_long.py. print_blob makes any failure reproducible.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

RAIN = "It rained on Monday. It rained on Tuesday, and the river rose."


@pytest.fixture
def rain() -> Source:
    """A source with a text to quote from."""
    return Source(id="diary", title="A diary", text=RAIN)


@pytest.fixture
def small() -> ArgumentMap:
    """A map with one of everything.

    ``c`` (central claim) is supported by ``p`` and ``q`` jointly (``s_link``) and by the case
    ``k`` alone (``s_case``, an argument from example); the rebuttal ``r`` attacks ``c``
    (``a_r``) and is answered by ``p`` (``a_p``); the rebuttal ``u`` undercuts ``s_case``
    (``a_u``).
    """
    m = ArgumentMap(title="Small")
    m.add_source(Source(id="diary", title="A diary", text=RAIN))
    m.claim("c", "The river rose because of the rain.")
    m.premise("p", "Rain raises rivers.")
    m.premise("q", "It rained a lot.")
    m.case("k", "It rained on two days.", quotes=["It rained on Tuesday"], source="diary")
    m.rebuttal("r", "The river rose because of a dam release.")
    m.rebuttal("u", "One rainy week does not show a pattern.")
    m.support(["p", "q"], "c", id="s_link")
    m.support("k", "c", id="s_case", scheme="example")
    m.attack("r", "c", id="a_r")
    m.attack("p", "r", id="a_p")
    m.attack("u", "s_case", id="a_u", question="example.typical")
    m.central = "c"
    return m


@pytest.fixture
def nk() -> ArgumentMap:
    """The article's map, fresh for each test."""
    return north_korea()
