"""A finding: one support gap that a rule found, with the nodes at fault and why.

Examples:
    >>> f = Finding(rule="AM101", name="unsupported-claim", severity="error", nodes=("c",),
    ...             message="claim 'c' has no support")
    >>> str(f)
    "AM101 unsupported-claim [c]: claim 'c' has no support"
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ["SEVERITIES", "Finding", "Severity", "make_finding"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One support gap.

    Attributes:
        rule: The rule's stable code, such as ``"AM101"``.
        name: The rule's name, such as ``"unsupported-claim"``.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        nodes: The ids involved, the one at fault first; a path or cycle in order.
        message: One line that says what is wrong.
        explanation: Why: the chain, cycle or set of nodes that shows it, and what to do.
        acknowledged: The reason the map gives for recording this weakness on purpose, or None.
    """

    rule: str
    name: str
    severity: Severity
    nodes: tuple[str, ...]
    message: str
    explanation: str = ""
    acknowledged: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain data (the JSON report's shape)."""
        data = asdict(self)
        data["nodes"] = list(self.nodes)
        return data

    def __str__(self) -> str:
        where = f" [{', '.join(self.nodes)}]" if self.nodes else ""
        return f"{self.rule} {self.name}{where}: {self.message}"


_FIELDS = ("rule", "name", "severity", "nodes", "message", "explanation", "acknowledged")
_SETTERS = tuple(getattr(Finding, field).__set__ for field in _FIELDS)


def make_finding(  # noqa: PLR0917  # the fields in their order, as the dataclass has them
    rule: str, name: str, severity: Severity, nodes: tuple[str, ...], message: str, explanation: str
) -> Finding:
    """Build a finding of argmap's own rules without the frozen dataclass's ``__init__``.

    Equal to ``Finding(rule=..., ...)``; it stores the fields through the slots directly, as the
    rules build tens of thousands of findings on a large map and every value is already what it
    must be. (Measured on 100k nodes: ``Finding(...)`` with keywords cost twice as much.)

    Examples:
        >>> make_finding("AM101", "unsupported-claim", "warning", ("c",), "m", "e") == Finding(
        ...     rule="AM101", name="unsupported-claim", severity="warning", nodes=("c",),
        ...     message="m", explanation="e")
        True
    """
    finding = object.__new__(Finding)
    s_rule, s_name, s_severity, s_nodes, s_message, s_explanation, s_acknowledged = _SETTERS
    s_rule(finding, rule)
    s_name(finding, name)
    s_severity(finding, severity)
    s_nodes(finding, nodes)
    s_message(finding, message)
    s_explanation(finding, explanation)
    s_acknowledged(finding, None)
    return finding
