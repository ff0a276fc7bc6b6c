"""Support-gap analysis: which claims lack evidence, and why.

:func:`check` runs every rule (or those chosen) over a map and returns a :class:`Report`. Each
rule lives in the module of its gap kind: ``support``, ``cycles``, ``attacks``, ``evidence``,
``fragility``, ``structure`` and ``schemes``; ``docs/rules.md`` documents each one. After the
rules run, :func:`~argmap.checks.acknowledge.acknowledge` marks the findings the map acknowledges
and reports acknowledgements that match none.

Examples:
    >>> import argmap
    >>> from argmap.examples import north_korea
    >>> report = argmap.check(north_korea())
    >>> [f.nodes[0] for f in report.by_rule("hearsay-case")]
    ['defectors']
    >>> support = argmap.check(north_korea(), select=["AM1"]).summary()
    >>> support["total"], support["acknowledged"]  # recorded on purpose, with reasons
    (2, 2)
"""

from __future__ import annotations

from collections.abc import Iterable

# Importing the rule modules registers their rules, in code order.
from argmap.checks import (
    acknowledge,
    attacks,
    cycles,
    evidence,
    fragility,
    schemes,
    structure,
    support,
)
from argmap.checks.evidenced import (
    evidence_cases,
    evidenced,
    grounded,
    grounding_cases,
    necessary_cases,
)
from argmap.checks.facts import Facts
from argmap.checks.finding import SEVERITIES, Finding, Severity
from argmap.checks.report import Report
from argmap.checks.rules import RULES, Rule, select_rules
from argmap.index import paused_gc
from argmap.map import ArgumentMap, require_map

__all__ = [
    "RULES",
    "SEVERITIES",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "check",
    "evidence_cases",
    "evidenced",
    "grounded",
    "grounding_cases",
    "necessary_cases",
]

del attacks, cycles, evidence, fragility, schemes, structure, support


def check(
    m: ArgumentMap,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> Report:
    """Check ``m`` for support gaps.

    Args:
        m: The map to check.
        select: Run only these rules: codes (``"AM101"``), code prefixes (``"AM1"``) or names,
            as a list, or as one string (``"AM1"``, or ``"AM1,AM3"`` as on the command line).
        ignore: Skip these rules (same forms).

    Raises:
        ArgmapError: ``m`` is not a map, or ``select`` or ``ignore`` names no rule.

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "Pressure works.")
        >>> report = argmap.check(m, select=["unsupported-claim"])
        >>> [str(f) for f in report]
        ["AM101 unsupported-claim [c]: claim 'c' has no support"]
        >>> argmap.check(m, ignore=["AM1", "AM001"]).summary()["total"]
        0
        >>> argmap.check(m, select="AM101").summary()["total"]
        1
    """
    require_map(m, "check")
    rules: list[Rule] = select_rules(select, ignore)
    facts = Facts(m)  # the map keeps its index: nothing to build here
    # The passes and the findings are tens of thousands of objects on a large map and none of
    # them is garbage: the collector would walk the whole process for nothing (a full pass in
    # the middle of a check of 100,000 nodes cost more than the networkx traversal does).
    with paused_gc():
        findings = [f for r in rules for f in r.run(facts, r)]
        # A post-pass: acknowledgements are about the findings of every rule that ran.
        return Report(acknowledge.acknowledge(facts, findings, rules), title=m.title)
