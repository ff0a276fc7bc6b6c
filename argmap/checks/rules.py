"""The rule registry: each gap kind registers its rules here with a stable code and name.

Codes are grouped like a linter's: ``AM0xx`` the map as a whole, ``AM1xx`` support,
``AM2xx`` attacks, ``AM3xx`` evidence, ``AM4xx`` what the central claim depends on, ``AM5xx``
structure, ``AM6xx`` argumentation schemes. Every rule is documented in ``docs/rules.md``.

Examples:
    >>> from argmap.checks import RULES
    >>> RULES["AM101"].name
    'unsupported-claim'
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.checks.finding import Finding, Severity, TextRecipe, make_deferred, make_finding
from argmap.exceptions import ArgmapError

if TYPE_CHECKING:
    from argmap.checks.facts import Facts

__all__ = ["LIST_LIMIT", "RULES", "RULE_ALIASES", "Rule", "listed", "rule", "select_rules"]

CheckFunction = Callable[["Facts", "Rule"], Iterable["Finding"]]


@dataclass(frozen=True)
class Rule:
    """A registered rule.

    Attributes:
        code: Stable code, such as ``"AM101"``.
        name: Stable name, such as ``"unsupported-claim"``.
        severity: The severity of its findings.
        summary: One line: what it finds.
        run: The function that yields its findings, given the map's facts.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    run: CheckFunction

    def finding(self, nodes: Iterable[str], message: str, explanation: str = "") -> Finding:
        """Make a finding of this rule."""
        return make_finding(
            rule=self.code,
            name=self.name,
            severity=self.severity,
            nodes=tuple(nodes),
            message=message,
            explanation=explanation,
        )

    def deferred(self, nodes: tuple[str, ...], build: TextRecipe, *args: Any) -> Finding:
        """Make a finding of this rule whose text ``build(*args)`` writes when first read.

        For rules that find thousands: a report that is only counted writes none of their text.
        ``args`` must not change later (see :func:`~argmap.checks.finding.make_deferred`).
        """
        return make_deferred(
            rule=self.code,
            name=self.name,
            severity=self.severity,
            nodes=nodes,
            build=build,
            args=args,
        )


RULES: dict[str, Rule] = {}
"""Every rule, by code, in code order once the checks are imported."""


def rule(
    code: str, name: str, severity: Severity, summary: str
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the rule ``code``."""

    def register(func: CheckFunction) -> CheckFunction:
        if code in RULES:
            raise RuntimeError(f"rule {code} is registered twice")
        RULES[code] = Rule(code=code, name=name, severity=severity, summary=summary, run=func)
        in_code_order = sorted(RULES.items())  # rule modules may register in any order
        RULES.clear()
        RULES.update(in_code_order)
        return func

    return register


RULE_ALIASES: dict[str, str] = {"ungrounded-claim": "unevidenced-claim"}
"""Old rule names that ``select`` and ``ignore`` still take (with a DeprecationWarning)."""


def _matches(rule: Rule, pattern: str) -> bool:
    return rule.name == RULE_ALIASES.get(pattern, pattern) or rule.code.startswith(pattern.upper())


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Rule]:
    """Return the rules chosen by ``select`` and not removed by ``ignore``.

    Each item is a code (``"AM101"``), a code prefix (``"AM1"`` for all support rules) or a name
    (``"unsupported-claim"``). A single string is one item, or several separated by commas
    (``"AM1,AM3"``), never a sequence of letters. An old name in :data:`RULE_ALIASES` still
    selects its rule, with a ``DeprecationWarning``.

    Raises:
        ArgmapError: An item matches no rule (the message lists the known codes), or is not text;
            or ``ignore`` removes every rule ``select`` chose (a check of no rule would read as
            a clean map).

    Examples:
        >>> [r.code for r in select_rules("AM10", ignore=["AM101", "AM102"])]
        ['AM103', 'AM104']
    """
    chosen = list(RULES.values())
    for label, given in (("select", select), ("ignore", ignore)):
        if given is None:
            continue
        patterns = given.split(",") if isinstance(given, str) else given
        try:
            items = list(patterns)
        except TypeError:
            raise ArgmapError(
                f"{label}: expected rule codes or names (a list or a string), "
                f"got {type(given).__name__}"
            ) from None
        if not all(isinstance(p, str) for p in items):
            odd = next(p for p in items if not isinstance(p, str))
            raise ArgmapError(f"{label}: {odd!r} is not a rule code or name; give text")
        wanted = [p.strip() for p in items if p.strip()]
        if label == "select" and not wanted:
            raise ArgmapError(
                "select= names no rule; name codes (AM101), prefixes (AM1) or names, "
                "or leave select= out to run every rule",
                keywords=("select",),
            )
        for pattern in wanted:
            if pattern in RULE_ALIASES:
                warnings.warn(
                    f"rule name {pattern!r} is now {RULE_ALIASES[pattern]!r}; the old name will "
                    "go in a later release",
                    DeprecationWarning,
                    stacklevel=3,
                )
            if not any(_matches(r, pattern) for r in RULES.values()):
                known = [*RULES, *(r.name for r in RULES.values())]
                close = difflib.get_close_matches(pattern, known, n=2)
                hint = f" Did you mean {' or '.join(close)}?" if close else ""
                raise ArgmapError(
                    f"no rule matches {pattern!r} in {label}=.{hint} Rules: {', '.join(RULES)}",
                    keywords=(label,),
                )
        keep = label == "select"
        chosen = [r for r in chosen if any(_matches(r, p) for p in wanted) == keep]
    if not chosen:
        # A check that runs no rule reports "0 findings", which reads as a clean map.
        raise ArgmapError(
            "ignore= removes every rule select= chose: no rule is left to run; ignore fewer"
            if select is not None
            else "ignore= removes every rule: no rule is left to run; ignore fewer",
            keywords=("select", "ignore"),
        )
    return chosen


LIST_LIMIT = 20
"""A message or explanation names at most this many ids, then says how many more there are."""


def listed(items: Sequence[str], *, limit: int = LIST_LIMIT) -> str:
    """Join ``items`` with commas, cut after ``limit`` with how many more there are.

    Examples:
        >>> listed(["a", "b", "c"])
        'a, b, c'
        >>> listed([f"k{i}" for i in range(30)], limit=3)
        'k0, k1, k2 and 27 more'
    """
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])} and {len(items) - limit} more"
