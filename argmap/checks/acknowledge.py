"""Acknowledged findings: weaknesses a map records on purpose, and acknowledgements left stale.

An analyst who maps a weak text faithfully says so on the node a finding is about:
``acknowledge={"unanswered-attack": "The article never answers it."}`` (a rule's code or name ->
the reason). The finding is still reported, marked acknowledged with its reason, and it no longer
counts toward ``--fail-on``. An acknowledgement that matches no finding is reported in turn
(AM002), as a linter reports an unused ``noqa``: the map changed, or the acknowledgement names the
wrong node or rule.

Which node acknowledges a finding: the one the finding is about, its first node (the claim with
no support, the attack left unanswered, the support whose questions are open, the case that
cites nothing). A circle of supports (AM104) is about every statement on it, so any of them may
acknowledge it. A finding about no node (AM001) cannot be acknowledged; ``ignore`` it instead.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("c", "Pressure works.", acknowledge={"AM101": "The text only asserts it."})
    >>> (finding,) = argmap.check(m, select=["AM101"])
    >>> finding.acknowledged
    'The text only asserts it.'
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.checks.rules import RULE_ALIASES, RULES, rule

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from argmap.checks.facts import Facts
    from argmap.checks.finding import Finding
    from argmap.checks.rules import Rule

__all__ = ["UNUSED", "acknowledge"]

UNUSED = "AM002"
"""The code of the rule that reports acknowledgements matching no finding."""

# Findings about a whole cycle, which any node on it may acknowledge.
_ABOUT_EVERY_NODE = frozenset({"AM104"})


@rule(
    UNUSED,
    "unused-acknowledgement",
    "warning",
    "An acknowledgement that matches no finding: the map changed, or it names the wrong rule.",
)
def _unused(facts: Facts, r: Rule) -> Iterator[Finding]:
    # Reported by acknowledge(), which sees the other rules' findings; nothing to find alone.
    return iter(())


def _about(finding: Finding) -> tuple[str, ...]:
    """The nodes that may acknowledge ``finding``."""
    if finding.rule in _ABOUT_EVERY_NODE:
        return finding.nodes
    return finding.nodes[:1]


def _rule_code(key: str) -> str | None:
    """The code a rule key names (``"AM101"`` or ``"unsupported-claim"``), or None."""
    key = RULE_ALIASES.get(key, key)  # an old rule name still names its rule
    if key.upper() in RULES:
        return key.upper()
    return next((code for code, r in RULES.items() if r.name == key), None)


def acknowledge(facts: Facts, findings: Iterable[Finding], rules: Iterable[Rule]) -> list[Finding]:
    """Mark the findings the map acknowledges, and report acknowledgements that match none.

    Args:
        facts: The map the findings are about (see :class:`~argmap.checks.facts.Facts`).
        findings: The findings of ``rules``.
        rules: The rules that ran: an acknowledgement of a rule that did not run is not unused.

    Returns:
        The findings, each acknowledged one with its ``acknowledged`` reason, then an AM002
        finding for each acknowledgement that matches none (when AM002 is among ``rules``).

    Examples:
        >>> import argmap
        >>> from argmap.checks.facts import Facts
        >>> from argmap.checks.rules import select_rules
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "Talks help.", acknowledge={"AM999": "Old."})
        >>> rules = select_rules(["AM101", "AM002"])
        >>> found = [f for r in rules for f in r.run(Facts(m), r)]
        >>> [str(f) for f in acknowledge(Facts(m), found, rules)]
        ["AM101 unsupported-claim [c]: claim 'c' has no support", "AM002 unused-acknowledgement [c]: 'c' acknowledges 'AM999', which names no rule"]
    """  # noqa: E501
    ran = {r.code for r in rules}
    acks = facts.acknowledging  # kept by the map as nodes come and go: no read of every node
    if not acks:  # the common case on a large map: nothing to mark, nothing stale
        return list(findings)
    used: set[tuple[str, str]] = set()
    out: list[Finding] = []
    for finding in findings:
        reason = None
        about = _about(finding)
        if not any(node_id in acks for node_id in about):
            out.append(finding)
            continue
        for node_id in about:
            for key, why in acks.get(node_id, {}).items():
                if key.upper() == finding.rule or key == finding.name:
                    used.add((node_id, key))
                    reason = reason or why
        out.append(replace(finding, acknowledged=reason) if reason else finding)
    if UNUSED in ran:
        out.extend(_stale(acks, used, ran))
    return out


def _stale(
    acks: Mapping[str, Mapping[str, str]], used: set[tuple[str, str]], ran: set[str]
) -> Iterator[Finding]:
    r = RULES[UNUSED]
    for node_id, keys in acks.items():
        for key, why in keys.items():
            if (node_id, key) in used:
                continue
            code = _rule_code(key)
            if code is None:
                known = [*RULES, *(x.name for x in RULES.values())]
                close = difflib.get_close_matches(key, known, n=2)
                hint = f" Did you mean {' or '.join(close)}?" if close else ""
                yield r.finding(
                    [node_id],
                    f"{node_id!r} acknowledges {key!r}, which names no rule",
                    f"Acknowledge a finding by its rule's code or name.{hint} The reason given "
                    f"was: {why}",
                )
            elif code in ran:
                name = RULES[code].name
                yield r.finding(
                    [node_id],
                    f"{node_id!r} acknowledges {code} {name}, but the check finds none on it",
                    "Nothing to acknowledge here: the weakness is gone, or the finding is about "
                    f"another node (the one it names first). Remove the acknowledgement or move "
                    f"it. The reason given was: {why}",
                )
