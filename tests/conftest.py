"""Shared fixtures: small maps built through the API, and the article's map."""

from __future__ import annotations

import os
import time
from collections.abc import Generator

import pytest
from hypothesis import settings

from argmap import ArgumentMap, Source
from argmap.examples import north_korea

# Property and fuzz tests draw the same examples on every run, so a run's verdict depends on the
# code alone (a newcomer's first run must not fail on a random example CI never saw). Exploring
# new inputs is a choice: HYPOTHESIS_PROFILE=explore draws random examples, ten times as many
# (see tests/budget.py), and keeps a database of failures; benchmarks/fuzz_long.py explores the
# loaders for hours. print_blob makes any failure reproducible.
settings.register_profile(
    "default", derandomize=True, database=None, deadline=None, max_examples=100, print_blob=True
)
settings.register_profile(
    "explore", derandomize=False, deadline=None, max_examples=1000, print_blob=True
)
settings.register_profile("ci", parent=settings.get_profile("default"))  # an old name
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# A test that takes more than this many seconds of CPU (its own process and the children it
# waited for) without a `slow` or `browser` marker is listed loudly at the end of the run, so
# the default run stays fast as tests are added. CPU, not wall time: the figure does not depend
# on what else the machine is doing, and nothing fails on it.
SLOW_CPU_SECONDS = 3.0
_CPU = pytest.StashKey[float]()


def _cpu_seconds() -> float:
    try:
        import resource  # Unix only; elsewhere the children's CPU goes uncounted
    except ImportError:
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None]:
    item.stash[_CPU] = _cpu_seconds()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "teardown" and _CPU in item.stash:
        marked = any(item.iter_markers("slow")) or any(item.iter_markers("browser"))
        report.user_properties.append(("cpu_seconds", _cpu_seconds() - item.stash[_CPU]))
        report.user_properties.append(("marked_slow", marked))
    return report


_slow_unmarked: list[tuple[float, str]] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "teardown":
        return
    props = dict(report.user_properties)
    cpu = props.get("cpu_seconds")
    if isinstance(cpu, float) and cpu > SLOW_CPU_SECONDS and not props.get("marked_slow"):
        _slow_unmarked.append((cpu, report.nodeid))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _slow_unmarked:
        return
    terminalreporter.write_sep("=", "UNMARKED SLOW TESTS", red=True, bold=True)
    terminalreporter.write_line(
        f"these took more than {SLOW_CPU_SECONDS:g} s of CPU: mark them @pytest.mark.slow "
        "(and keep a smaller variant unmarked) so the default run stays under 2 minutes",
        red=True,
    )
    for cpu, nodeid in sorted(_slow_unmarked, reverse=True):
        terminalreporter.write_line(f"{cpu:6.1f} s  {nodeid}", red=True)


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
