"""The Carneades evaluation as it was before it was made linear (argmap 2026-12-07, copied
verbatim but for the name; its graph and weighing functions are the module's, whose factorized
weight is now the graph's own, so an inference's label is weighed on its issue, as its
conclusion's was: before, a module-wide instance was unset before the inferences were labelled): a sweep over every statement until nothing changes, quadratic on a
chain of supports. The oracle for tests/semantics/test_carneades.py's property test."""

# ruff: noqa

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.model import Attack
from argmap.semantics.carneades import (
    _ALPHA,
    _BETA,
    _NAMES,
    IN,
    OUT,
    UNDEC,
    _Argument,
    _Graph,
    _Issue,
)

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.semantics.labelling import Label


def carneades_labels_before(m: ArgumentMap) -> tuple[dict[str, Label], tuple[str, ...]]:
    """Return the Carneades labels of ``m``'s statements and inferences, and notes.

    Inferences are labelled too: a support (or rebuttal) is IN when it weighs more than 0, OUT
    when it is applicable and weighs 0 (or is undercut), UNDEC when it is not yet applicable; an
    undercutter is IN when its premises are IN and it is not itself undercut.
    """
    notes: list[str] = []
    graph = _Graph(m, notes)
    labels = _run(graph)
    result: dict[str, Label] = {}
    for node in m.nodes():
        if node.id in graph.args_for:
            result[node.id] = _NAMES[labels[node.id]]
        elif isinstance(node, Attack) and node.id not in {a.id for a in graph.arguments}:
            result[node.id] = _NAMES[_attack_label(graph, labels, node.id)]
        else:
            arg = next(a for a in graph.arguments if a.id == node.id)
            if not _applicable(graph, labels, arg):
                result[node.id] = "undec"
            else:
                result[node.id] = "in" if _weight(graph, labels, arg) > 0 else "out"
    return result, tuple(notes)


def _attack_label(graph: _Graph, labels: dict[str, int], attack_id: str) -> int:
    """IN when the attack's premises are all IN and nothing undercuts it, OUT when a premise is
    OUT or it is undercut, else UNDEC. Attacks on attacks never form a circle (a map rule), so the
    walk down the chain ends; it is done with an explicit stack."""
    memo: dict[str, int] = {}
    stack = [attack_id]
    while stack:
        current = stack[-1]
        pending = [a for a in graph.attacks_on.get(current, []) if a not in memo]
        if pending:
            stack.extend(pending)
            continue
        stack.pop()
        premises = [labels.get(p, UNDEC) for p in graph.attacks[current].premises]
        undercut = _combine([memo[a] for a in graph.attacks_on.get(current, [])])
        if any(v == OUT for v in premises) or undercut == IN:
            memo[current] = OUT
        elif all(v == IN for v in premises) and undercut == OUT:
            memo[current] = IN
        else:
            memo[current] = UNDEC
    return memo[attack_id]


def _combine(values: list[int]) -> int:
    """Several undercutters: IN when one is IN, OUT when all are OUT (or there are none)."""
    if any(v == IN for v in values):
        return IN
    return OUT if all(v == OUT for v in values) else UNDEC


def _undercut(graph: _Graph, labels: dict[str, int], arg: _Argument) -> int:
    return _combine([_attack_label(graph, labels, u) for u in arg.undercutters])


def _applicable(graph: _Graph, labels: dict[str, int], arg: _Argument) -> bool:
    undercut = _undercut(graph, labels, arg)
    if undercut == IN:
        return True
    if undercut == UNDEC:
        return False
    return all(labels[p] != UNDEC for p in arg.premises)


def _weight(graph: _Graph, labels: dict[str, int], arg: _Argument) -> float:
    if _undercut(graph, labels, arg) == IN or not _applicable(graph, labels, arg):
        return 0.0
    assert arg.weigh is not None  # noqa: S101 - every argument is given one in _Graph
    return arg.scale * arg.weigh(arg, [labels[p] for p in arg.premises])


def _greater(standard: str, w1: float, w2: float) -> bool:
    if standard == "CCE":
        return w1 > w2 and w1 - w2 > _ALPHA
    if standard == "BRD":
        return w1 > w2 and w1 - w2 > _ALPHA and w2 < _BETA
    return w1 > w2


def _run(graph: _Graph) -> dict[str, int]:
    labels = dict.fromkeys(graph.statements, UNDEC)
    for s in graph.assumed:
        labels[s] = IN
    for issue in {id(i): i for i in graph.issue_of.values()}.values():
        if any(labels[p] == IN for p in issue.positions):
            for p in issue.positions:
                if labels[p] == UNDEC:
                    labels[p] = OUT
    changed = True
    while changed:
        changed = False
        for s in graph.statements:
            if labels[s] != UNDEC:
                continue
            args = graph.args_for[s]
            at_issue = graph.issue_of.get(s)
            if all(_applicable(graph, labels, a) and _weight(graph, labels, a) <= 0 for a in args):
                labels[s] = OUT
                changed = True
            elif at_issue is None:
                if any(
                    _applicable(graph, labels, a) and _weight(graph, labels, a) > 0 for a in args
                ):
                    labels[s] = IN
                    changed = True
            elif all(
                _undercut(graph, labels, a) == IN or _applicable(graph, labels, a)
                for p in at_issue.positions
                for a in graph.args_for[p]
            ):
                _resolve(graph, labels, at_issue)
                changed = True
    return labels


def _resolve(graph: _Graph, labels: dict[str, int], issue: _Issue) -> None:
    best = {
        p: max((_weight(graph, labels, a) for a in graph.args_for[p]), default=0.0)
        for p in issue.positions
    }
    winner = None
    for p1 in issue.positions:
        if best[p1] == 0.0:
            continue
        if all(_greater(issue.standard, best[p1], best[p2]) for p2 in issue.positions if p2 != p1):
            winner = p1
            break
    for p in issue.positions:
        labels[p] = IN if p == winner else OUT
