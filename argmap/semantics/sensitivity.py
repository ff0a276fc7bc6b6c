"""What if a piece of evidence were gone? Changed labels, and which case carries the claim.

:func:`what_if` removes nodes (with everything that cannot stand without them, as
``m.remove(..., cascade=True)`` does) from a copy of the map and returns what changed.
:func:`sensitivity` does that for every case and premise in turn and ranks them by how much the
central claim loses: the largest loss of label (IN to UNDEC or OUT) or strength first.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("c", "C."), m.case("k", "K."), m.rebuttal("r", "R.")
    >>> _ = m.attack("r", "c", id="a"), m.attack("k", "r", id="b")
    >>> changes = what_if(m, remove=["k"])
    >>> changes["c"], changes["k"], changes["b"]
    (('in', 'out'), ('in', None), ('in', None))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.exceptions import EvaluationError, EvaluationTimeout, InvalidMapError
from argmap.map import require_map
from argmap.params import items
from argmap.semantics.evaluate import evaluate
from argmap.semantics.labelling import Labelling
from argmap.semantics.solver import Deadline

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["Influence", "sensitivity", "what_if"]

_RANK = {"in": 2, "undec": 1, "out": 0}


def what_if(
    m: ArgumentMap,
    *,
    remove: Iterable[str],
    semantics: str = "grounded",
    base_score: float = 0.5,
    timeout: float | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Return ``{node: (before, after)}`` for every node whose label or strength changes.

    A node removed (given, or gone with it) has ``after`` ``None``. Strengths (gradual
    semantics) count as changed when they move by more than 1e-9. ``remove`` is a list of ids;
    one id may be given as text (``remove="k"``), never read letter by letter. ``timeout``
    bounds the two evaluations together, in seconds, as for :func:`evaluate`.

    Raises:
        UnknownNodeError: A node to remove is not in the map.
        EvaluationError: Nothing to remove, or an unknown semantics.
        EvaluationTimeout: ``timeout`` ran out.
        InvalidArgumentError: ``remove`` is neither an id nor a list of them.
    """
    require_map(m, "what_if")
    gone = list(items(remove, where="what_if", name="remove", item="node id", one=True))
    if not gone:
        raise EvaluationError("what_if needs at least one node id in remove=[...]")
    for node_id in gone:
        m[node_id]  # raises UnknownNodeError naming it
    deadline = Deadline(timeout, task=f"what_if under {semantics} semantics")
    before = _evaluate(m, semantics, base_score, deadline)
    after = _evaluate(_without(m, gone), semantics, base_score, deadline)
    old = before.strengths if before.is_gradual else before.labels
    new = after.strengths if after.is_gradual else after.labels
    result: dict[str, tuple[Any, Any]] = {}
    for node_id, value in old.items():
        now = new.get(node_id)
        if now is None:
            result[node_id] = (value, None)
        elif isinstance(value, float) and isinstance(now, float):
            if abs(value - now) > 1e-9:
                result[node_id] = (value, now)
        elif value != now:
            result[node_id] = (value, now)
    return result


def _without(m: ArgumentMap, gone: Iterable[str]) -> ArgumentMap:
    """A copy of ``m`` without ``gone`` and what cannot stand without them; the central claim
    kept if it is still there."""
    changed = m.copy()
    for node_id in gone:
        if node_id in changed:
            try:
                changed.remove(node_id, cascade=True)
            except InvalidMapError as exc:  # pragma: no cover - cascade removes dependants
                raise EvaluationError(f"cannot remove {node_id!r}: {exc}") from None
    if changed.central is None and m.central in changed:
        changed.central = m.central
    return changed


def _evaluate(m: ArgumentMap, semantics: str, base_score: float, deadline: Deadline) -> Labelling:
    """Evaluate within what is left of ``deadline``; its running out names the whole task."""
    try:
        return evaluate(m, semantics, base_score=base_score, timeout=deadline.left())
    except EvaluationTimeout:
        raise deadline.expired() from None


@dataclass(frozen=True)
class Influence:
    """What removing one case or premise does to the target claim.

    Attributes:
        removed: The case or premise removed.
        before: The target's label (or strength) with it.
        after: Without it (``None`` when the target went with it).
        label_changed: Whether a label changed (Dung and Carneades semantics).
        drop: How much the target lost: label steps (IN 2, UNDEC 1, OUT 0) or strength.
    """

    removed: str
    before: Any
    after: Any
    label_changed: bool
    drop: float

    def __str__(self) -> str:
        after = "gone" if self.after is None else _show(self.after)
        return f"without {self.removed}: {_show(self.before)} -> {after}"


def _show(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value).upper()


def sensitivity(
    m: ArgumentMap,
    *,
    semantics: str = "dfquad",
    target: str | None = None,
    kinds: Iterable[str] = ("case", "premise"),
    base_score: float = 0.5,
    timeout: float | None = None,
) -> list[Influence]:
    """Rank the map's cases and premises by how much the target loses without each one.

    Args:
        m: The map.
        semantics: Any semantics of :func:`~argmap.semantics.evaluate` (default DF-QuAD, whose
            strengths tell apart cases that labels do not).
        target: The node to watch; the central claim by default.
        kinds: The kinds of statement to remove in turn (``("case",)`` for evidence only;
            one kind may be given as text, ``"case"``).
        base_score: Base score for gradual semantics.
        timeout: Seconds for the whole ranking, or ``None`` for no limit. It evaluates the
            map once per case and premise, so its time grows with their number times the
            map's size (1,000 premises: about 30 s of CPU under DF-QuAD); the clock is read
            between removals and inside each evaluation, as :func:`evaluate` reads it.

    Returns:
        One :class:`Influence` per case and premise, the largest loss first (label steps
        IN 2, UNDEC 1, OUT 0, or strength), a changed label before an unchanged one at equal
        loss. A removal can also *raise* the target (a negative drop, last): removing the only
        support of a claim leaves it an unargued statement, which Dung's semantics accept unless
        attacked.

    Raises:
        EvaluationError: No target (the map has no central claim and none is given).
        EvaluationTimeout: ``timeout`` ran out; the message says how many removals were done.
        UnknownNodeError: ``target`` is not in the map.

    Examples:
        >>> from argmap.examples import north_korea
        >>> top = sensitivity(north_korea())[0]
        >>> top.drop > 0
        True
    """
    require_map(m, "sensitivity")
    wanted = set(items(kinds, where="sensitivity", name="kinds", item="statement kind", one=True))
    watched = target or m.central
    if watched is None:
        raise EvaluationError("the map has no central claim; pass target=<node id>")
    m[watched]
    unknown = wanted - {"claim", "premise", "case", "rebuttal"}
    if unknown:
        raise EvaluationError(
            f"unknown statement kind {sorted(unknown)[0]!r}; use claim, premise, case or rebuttal"
        )
    deadline = Deadline(timeout, task=f"sensitivity under {semantics} semantics")
    before = _evaluate(m, semantics, base_score, deadline)
    old = before[watched]
    removals = [s.id for s in m.statements() if s.kind in wanted and s.id != watched]
    influences: list[Influence] = []
    for done, removed in enumerate(removals):
        # One evaluation per removal, against the one before (what_if would evaluate the
        # whole map again each time); a timeout says how far the ranking got.
        try:
            after = _evaluate(_without(m, [removed]), semantics, base_score, deadline)
        except EvaluationTimeout as exc:
            raise EvaluationTimeout(
                f"{exc} ({done} of its {len(removals)} removals were done)",
                seconds=exc.seconds,
                task=exc.task,
            ) from None
        new = after[watched]
        if isinstance(old, float) and abs(old - new) <= 1e-9:
            new = old  # as what_if counts a change
        if isinstance(old, float):
            drop = old - (new if isinstance(new, float) else 0.0)
            label_changed = False
        else:
            drop = float(_RANK[old] - (_RANK[new] if new is not None else 0))
            label_changed = new != old
        influences.append(Influence(removed, old, new, label_changed, drop))
    influences.sort(key=lambda i: (-i.drop, not i.label_changed))
    return influences
