"""The result of evaluating a map: a label or a strength for each statement and inference.

Examples:
    >>> lab = Labelling(semantics="grounded", labels={"c": "out", "r": "in"}, central="c")
    >>> lab["c"], lab.ids("in")
    ('out', ['r'])
    >>> print(lab)
    grounded semantics: 1 in, 1 out, 0 undec; central claim c is OUT
      out    c  (central)
      in     r
    >>> lab.to_dict()
    {'semantics': 'grounded', 'labels': {'c': 'out', 'r': 'in'}}
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.exceptions import EvaluationError
from argmap.ids import nfc_hint, shown_id

__all__ = ["Label", "Labelling"]

Label = Literal["in", "out", "undec"]
_LABELS: tuple[Label, ...] = ("in", "out", "undec")


@dataclass(frozen=True)
class Labelling:
    """Labels (Dung, Carneades) or strengths (gradual semantics) of a map's nodes, by node id.

    Attributes:
        semantics: The semantics that produced it, such as ``"grounded"`` or ``"dfquad"``.
        labels: ``"in"``, ``"out"`` or ``"undec"`` by node id (statements and inferences).
            For semantics with several extensions these are the *sceptical* labels: IN in every
            extension, OUT (attacked) in every one, UNDEC otherwise. Empty for gradual semantics.
        strengths: Final strengths in [0, 1] by node id, for gradual semantics; else empty.
        extensions: The extensions as frozensets of node ids (grounded: its one extension).
        credulous: The nodes IN in at least one extension.
        exhaustive: False when ``extensions`` lists only the first ``max_extensions`` of them
            (the labels and ``credulous`` are exact all the same).
        central: The map's central claim, when it has one.
        notes: Remarks on the evaluation (features a semantics ignored, ...).
    """

    semantics: str
    labels: Mapping[str, Label] = field(default_factory=dict)
    strengths: Mapping[str, float] = field(default_factory=dict)
    extensions: tuple[frozenset[str], ...] = ()
    credulous: frozenset[str] = frozenset()
    exhaustive: bool = True
    central: str | None = None
    notes: tuple[str, ...] = ()

    __hash__ = None  # type: ignore[assignment]

    @property
    def is_gradual(self) -> bool:
        """True for gradual semantics (strengths), False for labels."""
        return bool(self.strengths) or (not self.labels and self.semantics in ("dfquad", "qe"))

    def __getitem__(self, node_id: str) -> Any:
        table: Mapping[str, Any] = self.strengths if self.is_gradual else self.labels
        try:
            return table[node_id]
        except KeyError:
            raise EvaluationError(
                f"node {shown_id(node_id)} is not in this labelling"
                f"{nfc_hint(node_id, table) or f'; it has {len(table)} nodes'}"
            ) from None

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.labels or node_id in self.strengths

    def __len__(self) -> int:
        return len(self.strengths) if self.is_gradual else len(self.labels)

    def ids(self, label: Label) -> list[str]:
        """Return the ids labelled ``label``, in the map's order.

        Raises:
            EvaluationError: ``label`` is not ``"in"``, ``"out"`` or ``"undec"``.
        """
        if label not in _LABELS:
            raise EvaluationError(f"unknown label {label!r}; use 'in', 'out' or 'undec'")
        return [n for n, lab in self.labels.items() if lab == label]

    def accepted(
        self, node_id: str, *, mode: Literal["sceptical", "credulous"] = "sceptical"
    ) -> bool:
        """Whether ``node_id`` is accepted: IN in every extension, or in at least one.

        Examples:
            >>> lab = Labelling(semantics="preferred", labels={"a": "undec"},
            ...                 credulous=frozenset({"a"}))
            >>> lab.accepted("a"), lab.accepted("a", mode="credulous")
            (False, True)
        """
        if mode not in ("sceptical", "credulous"):
            raise EvaluationError(f"unknown mode {mode!r}; use 'sceptical' or 'credulous'")
        if node_id not in self.labels:
            raise EvaluationError(f"node {node_id!r} is not in this labelling")
        if mode == "sceptical":
            return self.labels[node_id] == "in"
        return node_id in self.credulous

    def to_dict(self) -> dict[str, Any]:
        """Return the labelling as plain data: ``semantics`` and ``labels`` or ``strengths``."""
        if self.is_gradual:
            return {"semantics": self.semantics, "strengths": dict(self.strengths)}
        return {"semantics": self.semantics, "labels": dict(self.labels)}

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return :meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def _summary(self) -> str:
        if self.is_gradual:
            head = f"{self.semantics} semantics: {len(self.strengths)} strengths"
            if self.central is not None and self.central in self.strengths:
                value = self.strengths[self.central]
                head += f"; central claim {self.central} has strength {value:.3f}"
            return head
        counts = ", ".join(f"{len(self.ids(lab))} {lab}" for lab in _LABELS)
        head = f"{self.semantics} semantics: {counts}"
        if self.central is not None and self.central in self.labels:
            head += f"; central claim {self.central} is {self.labels[self.central].upper()}"
        return head

    def _rows(self) -> list[tuple[str, str]]:
        if self.is_gradual:
            return [(f"{v:.3f}", n) for n, v in self.strengths.items()]
        return [(lab, n) for n, lab in self.labels.items()]

    def __str__(self) -> str:
        lines = [self._summary()]
        width = max((len(node) for _, node in self._rows()), default=0)
        for value, node in self._rows():
            mark = "  (central)" if node == self.central else ""
            lines.append(f"  {value:<6} {node:<{width}}{mark}".rstrip())
        if self.extensions and self.semantics in ("complete", "preferred", "stable"):
            more = "" if self.exhaustive else " (first ones only)"
            lines.append(f"  extensions{more}:")
            lines += [f"    {{{', '.join(sorted(e))}}}" for e in self.extensions]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        column = "strength" if self.is_gradual else "label"
        colours = {"in": "#1a7f37", "out": "#cf222e", "undec": "#9a6700"}
        rows = []
        for value, node in self._rows():
            style = f" style='color:{colours[value]}'" if value in colours else ""
            name = f"<strong>{esc(node)}</strong>" if node == self.central else esc(node)
            rows.append(f"<tr><td><code>{name}</code></td><td{style}>{esc(value)}</td></tr>")
        return (
            f"<div><p>{esc(self._summary())}</p><table><thead><tr><th>node</th>"
            f"<th>{column}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
