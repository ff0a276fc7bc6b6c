"""The report that holds a check's findings: text for a terminal, JSON for a script, HTML for a
notebook, a DataFrame for analysis.

A finding the map acknowledges (see :mod:`argmap.checks.acknowledge`) keeps its severity and
carries the reason in ``acknowledged``; it is listed apart and counts toward no severity, so
``--fail-on`` passes over it. The text form says each scheme's open critical questions once,
with the supports they are open for; JSON, HTML and the DataFrame keep one row per support.

Examples:
    >>> from argmap.checks.finding import Finding
    >>> from argmap.checks.report import Report
    >>> r = Report([Finding(rule="AM101", name="unsupported-claim", severity="error",
    ...                     nodes=("c",), message="claim 'c' has no support",
    ...                     explanation="Nothing in the map supports it.")])
    >>> print(r)
    1 finding: 1 error
    <BLANKLINE>
    error
      AM101 unsupported-claim [c]: claim 'c' has no support
          Nothing in the map supports it.
    >>> r.summary()["error"]
    1
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import compress, repeat
from operator import attrgetter, eq, is_
from typing import TYPE_CHECKING, Any

from argmap.checks.finding import SEVERITIES, Finding, Severity
from argmap.checks.rules import RULE_ALIASES
from argmap.exceptions import MissingDependencyError
from argmap.params import choice
from argmap.schemes import find_scheme

if TYPE_CHECKING:
    import pandas

__all__ = ["Report"]

_RANK = {s: i for i, s in enumerate(SEVERITIES)}

_QUESTIONS = "AM601"  # open-critical-questions: grouped by scheme in the text form
_QUESTION_LINE = re.compile(
    r"^(?P<qid>[^:\s]+): (?P<text>.*?)(?: \(raised by (?P<by>.+), unanswered\))?$"
)


def _questions_text(findings: list[Finding]) -> list[str]:
    """Open critical questions, each scheme's once, with the supports they are open for."""
    if not findings:
        return []
    # scheme -> question id -> (text, supports it is open for, raised-by notes)
    schemes: dict[str, dict[str, tuple[str, list[str], list[str]]]] = {}
    supports: dict[str, list[str]] = {}
    for f in findings:
        support = f.nodes[0] if f.nodes else "?"
        for line in f.explanation.splitlines():
            match = _QUESTION_LINE.match(line)
            if match is None:
                continue
            qid = match["qid"]
            scheme = qid.partition(".")[0]
            text, open_for, raised = schemes.setdefault(scheme, {}).setdefault(
                qid, (match["text"], [], [])
            )
            open_for.append(support)
            if match["by"]:
                raised.append(f"by {match['by']} on {support}")
            if support not in supports.setdefault(scheme, []):
                supports[scheme].append(support)
    name = f"{findings[0].rule} {findings[0].name}"
    n = len(findings)
    lines = [f"  {name}: {n} support{'s' if n != 1 else ''} leave critical questions open"]
    for scheme, questions in schemes.items():
        found = find_scheme(scheme)
        lines.append(f"      {found.name if found else scheme}: {', '.join(supports[scheme])}")
        for qid, (text, open_for, raised) in questions.items():
            only = "" if open_for == supports[scheme] else f" [open for {', '.join(open_for)}]"
            note = f" (raised {'; '.join(raised)}, unanswered)" if raised else ""
            lines.append(f"        {qid}: {text}{only}{note}")
    return lines


_SEVERITY, _RULE = attrgetter("severity"), attrgetter("rule")
_ACKNOWLEDGED = attrgetter("acknowledged")
_RULE_AND_NODES = attrgetter("rule", "nodes")


def _sorted(findings: list[Finding]) -> tuple[Finding, ...]:
    """The findings by severity (most severe first), rule and nodes; equal ones keep their order.

    Each severity's findings are picked and sorted in C (compress, attrgetter): on a large map a
    Python key function per finding cost more than the rest of the sort.
    """
    severities = list(map(_SEVERITY, findings))
    present = set(severities)
    if len(present) == 1 and present <= _RANK.keys():
        return tuple(sorted(findings, key=_RULE_AND_NODES))
    if not present <= _RANK.keys():  # not a finding of ours: the plain sort says what is wrong
        return tuple(sorted(findings, key=lambda f: (_RANK[f.severity], f.rule, f.nodes)))
    ordered: list[Finding] = []
    for severity in SEVERITIES:
        ordered += sorted(
            compress(findings, map(eq, severities, repeat(severity))), key=_RULE_AND_NODES
        )
    return tuple(ordered)


class Report:
    """The findings of a check, most severe first; iterate over it to get them.

    Args:
        findings: The findings, in any order.
        title: The checked map's title, shown in the text and HTML forms.
    """

    def __init__(self, findings: Iterable[Finding], *, title: str | None = None) -> None:
        # Sorted when first read: a report that is only counted (summary, --fail-on) is never
        # sorted, and its findings' text is never written (see make_deferred).
        self._found: list[Finding] = list(findings)
        self._findings: tuple[Finding, ...] | None = None
        self.title = title

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, most severe first, then by rule code and nodes."""
        if self._findings is None:
            self._findings = _sorted(self._found)
            self._found = list(self._findings)  # keep one order; the list only counts
        return self._findings

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self._found)

    def __bool__(self) -> bool:
        return bool(self._found)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return self.findings == other.findings

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Report {self.title!r}: {self._counts_text()}>"

    def by_rule(self, rule: str) -> list[Finding]:
        """Return the findings of one rule, by code (``"AM101"``) or name.

        An old rule name (``"ungrounded-claim"``) still works, with a DeprecationWarning.
        """
        if rule in RULE_ALIASES:
            warnings.warn(
                f"rule name {rule!r} is now {RULE_ALIASES[rule]!r}",
                DeprecationWarning,
                stacklevel=2,
            )
            rule = RULE_ALIASES[rule]
        return [f for f in self.findings if rule in (f.rule, f.name)]

    def about(self, node_id: str) -> list[Finding]:
        """Return the findings that involve ``node_id``."""
        return [f for f in self.findings if node_id in f.nodes]

    def at_or_above(self, severity: Severity, *, acknowledged: bool = False) -> list[Finding]:
        """Return the findings at least as severe as ``severity``.

        Acknowledged findings are left out unless ``acknowledged`` is true: this is what
        ``--fail-on`` counts.

        Raises:
            InvalidArgumentError: ``severity`` is not one of the severities (error, warning,
                info); a near miss such as ``"warn"`` is named.
        """
        if not isinstance(severity, str) or severity not in _RANK:
            choice(severity, SEVERITIES, where="at_or_above", name="severity")
        return [
            f
            for f in self.findings
            if _RANK[f.severity] <= _RANK[severity] and (acknowledged or f.acknowledged is None)
        ]

    @property
    def acknowledged(self) -> list[Finding]:
        """The findings the map acknowledges, each with its reason."""
        return [f for f in self.findings if f.acknowledged is not None]

    def summary(self) -> dict[str, Any]:
        """Return counts: open findings by severity, acknowledged ones, all, and by rule code."""
        found = self._found  # counted in C (Counter, compress): no sort, no text written
        reasons = list(map(_ACKNOWLEDGED, found))
        unmarked = map(is_, reasons, repeat(None))
        by_severity = Counter(compress(map(_SEVERITY, found), unmarked))
        return {
            **{s: by_severity.get(s, 0) for s in SEVERITIES},
            "acknowledged": len(reasons) - reasons.count(None),
            "total": len(found),
            "rules": dict(sorted(Counter(map(_RULE, found)).items())),
        }

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"findings": [...], "summary": {...}}``, the JSON report's shape."""
        return {"findings": [f.to_dict() for f in self.findings], "summary": self.summary()}

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the report as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def _counts_text(self) -> str:
        n = len(self.findings)
        counts = self.summary()
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES if counts[s]]
        if counts["acknowledged"]:
            parts.append(f"{counts['acknowledged']} acknowledged")
        noun = "finding" if n == 1 else "findings"
        return f"{n} {noun}" + (f": {', '.join(parts)}" if parts else "")

    def __str__(self) -> str:
        lines = [f"{self.title}: " + self._counts_text() if self.title else self._counts_text()]
        for severity in SEVERITIES:
            group = [f for f in self.findings if f.severity == severity and f.acknowledged is None]
            if not group:
                continue
            lines += ["", severity]
            questions = [f for f in group if f.rule == _QUESTIONS]
            group = [f for f in group if f.rule != _QUESTIONS]
            for i, f in enumerate(group):
                lines.append(f"  {f}")
                following = group[i + 1] if i + 1 < len(group) else None
                # A run of one rule's findings with one explanation says it once, after the run.
                if following and (following.rule, following.explanation) == (
                    f.rule,
                    f.explanation,
                ):
                    continue
                lines.extend(f"      {line}" for line in f.explanation.splitlines())
            lines += _questions_text(questions)
        if self.acknowledged:
            lines += ["", "acknowledged"]
            for f in self.acknowledged:
                lines += [f"  {f}", f"      {f.severity}, acknowledged: {f.acknowledged}"]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        head = f"<p><strong>{esc(self.title or 'Support gaps')}</strong>: "
        head += f"{esc(self._counts_text())}</p>"
        if not self.findings:
            return head
        rows = "".join(
            "<tr>"
            f"<td>{esc(f.severity)}</td><td><code>{esc(f.rule)}</code> {esc(f.name)}</td>"
            f"<td>{esc(', '.join(f.nodes))}</td><td>{esc(f.message)}</td>"
            f"<td style='white-space:pre-wrap'>{esc(f.explanation)}</td>"
            f"<td>{esc(f.acknowledged or '')}</td>"
            "</tr>"
            for f in self.findings
        )
        return (
            f"{head}<table><thead><tr><th>severity</th><th>rule</th><th>nodes</th>"
            f"<th>message</th><th>explanation</th><th>acknowledged</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the findings as a pandas DataFrame, one row each.

        Raises:
            MissingDependencyError: pandas is not installed; the message says how to install it.
        """
        try:
            import pandas as pd  # noqa: PLC0415  # optional dependency
        except ImportError as exc:
            raise MissingDependencyError(
                'Report.to_dataframe needs pandas: pip install "argmap[notebook]" '
                "(or pip install pandas)"
            ) from exc
        columns = ["rule", "name", "severity", "nodes", "message", "explanation", "acknowledged"]
        return pd.DataFrame([f.to_dict() for f in self.findings], columns=columns)
