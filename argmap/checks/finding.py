"""A finding: one support gap that a rule found, with the nodes at fault and why.

Examples:
    >>> f = Finding(rule="AM101", name="unsupported-claim", severity="error", nodes=("c",),
    ...             message="claim 'c' has no support")
    >>> str(f)
    "AM101 unsupported-claim [c]: claim 'c' has no support"
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

__all__ = ["SEVERITIES", "Finding", "Severity", "make_deferred", "make_finding"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


class _Deferred:
    """The slot a finding keeps its text's recipe in until the text is read (see
    :func:`make_deferred`); a finding made otherwise never sets it."""

    __slots__ = ("_recipe",)


@dataclass(frozen=True, slots=True)
class Finding(_Deferred):
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

    if not TYPE_CHECKING:  # mypy would let any misspelt attribute through a __getattr__

        def __getattr__(self, name: str) -> str:
            # Reached only for a slot never set: the text of a finding made by make_deferred,
            # written now, on its first read, and kept.
            if name != "message" and name != "explanation":  # noqa: PLR1714  # no tuple made
                raise AttributeError(
                    f"'Finding' object has no attribute {name!r}", name=name, obj=self
                )
            # Two threads may read the same text at once. The text is set before the recipe
            # goes, so a reader that finds no recipe finds the text, and a reader that wrote the
            # text too (the same text: the recipe reads values that cannot change) finds the
            # recipe already gone.
            try:
                build, args = _RECIPE.__get__(self)
            except AttributeError:  # another thread wrote the text after this lookup began
                return _MESSAGE.__get__(self) if name == "message" else _EXPLANATION.__get__(self)
            message, explanation = build(*args)
            _MESSAGE.__set__(self, message)
            _EXPLANATION.__set__(self, explanation)
            with contextlib.suppress(AttributeError):  # another thread deleted it first
                _RECIPE.__delete__(self)  # the recipe's references go with it
            return message if name == "message" else explanation

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
# The slots' own descriptors: a deferred finding's text is written through them, once.
_MESSAGE, _EXPLANATION, _RECIPE = (
    vars(Finding)["message"],
    vars(Finding)["explanation"],
    vars(_Deferred)["_recipe"],
)

TextRecipe = Callable[..., tuple[str, str]]
"""A function that writes a deferred finding's message and explanation from its arguments."""


def make_finding(
    *,
    rule: str,
    name: str,
    severity: Severity,
    nodes: tuple[str, ...],
    message: str,
    explanation: str,
) -> Finding:
    """Build a finding of argmap's own rules without the frozen dataclass's ``__init__``.

    Equal to ``Finding(rule=..., ...)``; it stores the fields through the slots directly, as the
    rules build tens of thousands of findings on a large map and every value is already what it
    must be. (Measured on 100k nodes: ``Finding(...)`` with keywords cost twice as much.)

    Examples:
        >>> make_finding(rule="AM101", name="unsupported-claim", severity="warning",
        ...              nodes=("c",), message="m", explanation="e") == Finding(
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


def make_deferred(
    *,
    rule: str,
    name: str,
    severity: Severity,
    nodes: tuple[str, ...],
    build: TextRecipe,
    args: tuple[Any, ...],
) -> Finding:
    """Build a finding whose message and explanation are written when first read.

    ``build(*args)`` returns them; it runs at most once, on the first read of either (or of
    anything that reads every field: ``==``, ``repr``, ``to_dict``, pickling). Counting,
    sorting and acknowledging findings read neither, so a check whose report is only counted
    (``summary()``, ``--fail-on``) writes no text. ``args`` must be values that cannot change
    (ids, frozen models, numbers), never the map or its index: the text is written later, and
    must say what the check found, not what the map holds by then.

    Examples:
        >>> def text(claim):
        ...     return f"claim {claim!r} has no support", "Add one."
        >>> f = make_deferred(rule="AM101", name="unsupported-claim", severity="warning",
        ...                   nodes=("c",), build=text, args=("c",))
        >>> f == make_finding(rule="AM101", name="unsupported-claim", severity="warning",
        ...                   nodes=("c",), message="claim 'c' has no support",
        ...                   explanation="Add one.")
        True
        >>> f.message
        "claim 'c' has no support"
    """
    finding = object.__new__(Finding)
    s_rule, s_name, s_severity, s_nodes, _, _, s_acknowledged = _SETTERS
    s_rule(finding, rule)
    s_name(finding, name)
    s_severity(finding, severity)
    s_nodes(finding, nodes)
    s_acknowledged(finding, None)
    _RECIPE.__set__(finding, (build, args))
    return finding
