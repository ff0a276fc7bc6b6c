"""Carneades-style evaluation: proof standards, assumptions and argument weights (CAES).

This follows the argument evaluation of Carneades 4 (Gordon and Walton; the Go implementation's
``GroundedLabelling``), a fixpoint over statement labels IN, OUT and UNDEC:

1. **Start**: assumptions (``assumption=True``) are IN; the other positions of an issue with an
   IN position are OUT.
2. **Repeat until nothing changes**, for each UNDEC statement:
   - OUT when it is *unsupported*: every argument for it is applicable and weighs 0 (a statement
     with no argument at all is unsupported);
   - IN when it is not at issue and *supported*: some applicable argument weighs more than 0;
   - when it is a position of an issue whose arguments are all applicable or undercut, the issue
     is *resolved* by its proof standard: the position whose best argument outweighs every other
     position's best argument is IN, the others OUT (none IN when no position wins).
3. An argument is **applicable** when its undercutter is IN, or its undercutter is OUT and no
   premise is UNDEC; its **weight** is 0 when undercut or not applicable, else its weighing
   function's value: *linked* (the default: 1 when every premise is IN, else 0), *convergent*
   (1 when any premise is IN), *cumulative* (the share of premises IN), *factorized* (the
   premises IN over the number of distinct premises of all arguments on the issue, 0 when one is
   OUT), a scheme's *constant* weight, or a *preference* order over schemes' metadata (lex
   superior, lex posterior). A support's own ``weight`` scales its scheme's value.
4. **Proof standards**: with ``w1`` and ``w2`` the best weights of two positions, PE
   (preponderance of the evidence, the default) needs ``w1 > w2``; CCE (clear and convincing)
   also ``w1 - w2 > 0.5``; BRD (beyond reasonable doubt) also ``w2 < 0.3``.

**Maps not written in Carneades.** Issues come from ``data["carneades"]["issue"]`` (and
``["standard"]``), as :mod:`argmap.io.carneades` reads them. An attack on a statement ``t`` (a
rebuttal) is read as an argument *against* ``t``: ``t`` and its negation become the positions of
an issue (standard from ``t``'s data, default PE), the attack an argument for the negation. An
attack on an inference is an undercutter; an undercutter with several premises is IN when all its
premises are, and an attack on an attack disables it while IN.

Unsupported (reported in the labelling's notes): *criteria* weighing functions, and argument
schemes with premises and conclusions that Carneades instantiates by rule (CHR) rather than
arguments written in the file.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("c", "C."), m.premise("p", "P.", assumption=True)
    >>> _ = m.support("p", "c", id="a1")
    >>> carneades_labels(m)[0]
    {'c': 'in', 'p': 'in', 'a1': 'in'}
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.model import Attack, Case, Support
from argmap.schemes import find_scheme

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.semantics.labelling import Label

__all__ = ["STANDARDS", "carneades_labels"]

UNDEC, IN, OUT = 0, 1, 2
_NAMES: tuple[Label, Label, Label] = ("undec", "in", "out")
STANDARDS = ("PE", "CCE", "BRD")
_ALPHA, _BETA = 0.5, 0.3
_BASIC = ("linked", "convergent", "cumulative", "factorized")


@dataclass
class _Argument:
    id: str
    conclusion: str
    premises: list[str]
    undercutters: list[str]  # attack inference ids
    weigh: Callable[[_Argument, list[int]], float] | None = None
    scale: float = 1.0
    scheme_meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class _Issue:
    positions: list[str]
    standard: str = "PE"


class _Graph:
    """The CAES view of a map: statements (with virtual negations), issues, arguments."""

    def __init__(self, m: ArgumentMap, notes: list[str]) -> None:
        self.statements: list[str] = []
        self.assumed: set[str] = set()
        self.issue_of: dict[str, _Issue] = {}
        self.args_for: dict[str, list[_Argument]] = {}
        self.arguments: list[_Argument] = []
        self.attacks: dict[str, Attack] = {}
        self.attacks_on: dict[str, list[str]] = {}
        self.notes = notes
        schemes, functions = _document_theory(m)
        self._read_statements(m)
        for inference in m.inferences():
            if isinstance(inference, Attack):
                self.attacks[inference.id] = inference
                self.attacks_on.setdefault(inference.target, []).append(inference.id)
        for inference in m.inferences():
            undercutters = self.attacks_on.get(inference.id, [])
            if isinstance(inference, Support):
                arg = _Argument(
                    inference.id, inference.conclusion, list(inference.premises), undercutters
                )
                self._weighing(arg, inference.scheme, schemes, functions)
                if inference.weight is not None:
                    arg.scale = float(inference.weight)
                self._add(arg)
            elif inference.target in self.args_for:  # a rebuttal: an argument for the negation
                target = inference.target
                negation = f"¬{target}"
                if negation not in self.args_for:
                    self.statements.append(negation)
                    self.args_for[negation] = []
                    found = self.issue_of.get(target)
                    if found is None:
                        found = _Issue([target], _standard_of(m, target))
                        self.issue_of[target] = found
                    issue = found
                    issue.positions.append(negation)
                    self.issue_of[negation] = issue
                arg = _Argument(inference.id, negation, list(inference.premises), undercutters)
                arg.weigh = _linked
                if inference.weight is not None:
                    arg.scale = float(inference.weight)
                self._add(arg)
        if any(isinstance(s, dict) and s.get("premises") for s in schemes.values()):
            notes.append(
                "argument schemes with premises and conclusions are not instantiated (Carneades "
                "does so by rule); only the arguments written in the map are weighed"
            )

    def _read_statements(self, m: ArgumentMap) -> None:
        issues: dict[str, _Issue] = {}
        for s in m.statements():
            self.statements.append(s.id)
            self.args_for[s.id] = []
            carneades = s.data.get("carneades")
            if s.assumption or (isinstance(s, Case) and not isinstance(carneades, dict)):
                self.assumed.add(s.id)
            if isinstance(carneades, dict) and "issue" in carneades:
                issue = issues.setdefault(str(carneades["issue"]), _Issue([]))
                issue.positions.append(s.id)
                standard = str(carneades.get("standard") or issue.standard).upper()
                issue.standard = standard if standard in STANDARDS else "PE"
                self.issue_of[s.id] = issue

    def _add(self, arg: _Argument) -> None:
        self.arguments.append(arg)
        self.args_for[arg.conclusion].append(arg)

    def _weighing(
        self,
        arg: _Argument,
        scheme: str | None,
        schemes: Mapping[str, Any],
        functions: Mapping[str, Any],
    ) -> None:
        if scheme is None or scheme.lower() in _BASIC:
            arg.weigh = _BASIC_FUNCTIONS[(scheme or "linked").lower()]
            return
        definition = schemes.get(scheme)
        if not isinstance(definition, dict) and find_scheme(scheme) is not None:
            arg.weigh = _linked  # argmap's catalogue schemes carry no weights: linked
            return
        if not isinstance(definition, dict):
            self.notes.append(f"scheme {scheme!r} of {arg.id!r} is not defined; weighed as linked")
            arg.weigh = _linked
            return
        meta = definition.get("meta")
        arg.scheme_meta = meta if isinstance(meta, dict) else {}
        weight = definition.get("weight")
        if isinstance(weight, str) and weight.lower() in _BASIC:
            arg.weigh = _BASIC_FUNCTIONS[weight.lower()]
        elif isinstance(weight, str) and weight in functions:
            arg.weigh = self._function(arg, functions[weight])
        elif isinstance(weight, dict):
            arg.weigh = self._function(arg, weight)
        else:
            arg.weigh = _linked

    def _function(self, arg: _Argument, spec: Any) -> Callable[[_Argument, list[int]], float]:
        if isinstance(spec, dict) and isinstance(spec.get("constant"), int | float):
            constant = float(spec["constant"])
            return lambda a, labels: constant * _linked(a, labels)
        if isinstance(spec, dict) and isinstance(spec.get("preference"), list):
            return _Preference(self, spec["preference"])
        kind = ", ".join(map(str, spec)) if isinstance(spec, dict) else str(spec)
        self.notes.append(
            f"the weighing function of {arg.id!r} ({kind}) is not supported; weighed as linked"
        )
        return _linked


def _standard_of(m: ArgumentMap, node_id: str) -> str:
    carneades = m[node_id].data.get("carneades")
    standard = carneades.get("standard") if isinstance(carneades, dict) else None
    return str(standard).upper() if str(standard).upper() in STANDARDS else "PE"


def _document_theory(m: ArgumentMap) -> tuple[dict[str, Any], dict[str, Any]]:
    """Argument schemes and weighing functions from the sources' Carneades data."""
    schemes: dict[str, Any] = {}
    functions: dict[str, Any] = {}
    for source in m.sources.values():
        carneades = source.data.get("carneades")
        if not isinstance(carneades, dict):
            continue
        given_schemes = carneades.get("argument_schemes")
        for scheme in given_schemes if isinstance(given_schemes, list) else []:
            if isinstance(scheme, dict) and "id" in scheme:
                schemes[str(scheme["id"])] = scheme
        given = carneades.get("weighing_functions")
        if isinstance(given, dict):
            functions.update(given)
    return schemes, functions


# Weighing functions take the argument and the labels of the statements by index (see _Run).
def _linked(arg: _Argument, labels: list[int]) -> float:
    return 1.0 if all(v == IN for v in labels) else 0.0


def _convergent(arg: _Argument, labels: list[int]) -> float:
    return 1.0 if any(v == IN for v in labels) else 0.0


def _cumulative(arg: _Argument, labels: list[int]) -> float:
    return sum(v == IN for v in labels) / len(labels) if labels else 1.0


class _Factorized:
    """Premises IN over the distinct premises of all the arguments on the issue."""

    graph: _Graph | None = None

    def __call__(self, arg: _Argument, labels: list[int]) -> float:
        if any(v == OUT for v in labels):
            return 0.0
        n = len(arg.premises)
        graph = self.graph
        issue = graph.issue_of.get(arg.conclusion) if graph is not None else None
        if issue is not None and graph is not None:
            n = len({p for pos in issue.positions for a in graph.args_for[pos] for p in a.premises})
        return sum(v == IN for v in labels) / n if n else 1.0


_FACTORIZED = _Factorized()
_BASIC_FUNCTIONS: dict[str, Callable[[_Argument, list[int]], float]] = {
    "linked": _linked,
    "convergent": _convergent,
    "cumulative": _cumulative,
    "factorized": _FACTORIZED,
}


class _Preference:
    """Weights from an order of the arguments by their schemes' metadata (lex superior ...).

    ``order`` is a list of ``{property, order}``: ``order`` is ``ascending``, ``descending`` or a
    list of values from weakest to strongest. The arguments on the issue are sorted weakest
    first and grouped by equal keys; the i-th of n groups weighs (i + 1) / n.
    """

    def __init__(self, graph: _Graph, order: list[Any]) -> None:
        self.graph = graph
        self.order = [o for o in order if isinstance(o, dict) and "property" in o]

    def _key(self, arg: _Argument) -> tuple[Any, ...]:
        key: list[Any] = []
        for spec in self.order:
            value = arg.scheme_meta.get(str(spec["property"]))
            order = spec.get("order", "descending")
            if isinstance(order, list):
                values = [str(v) for v in order]
                key.append(values.index(str(value)) if str(value) in values else -1)
            elif isinstance(value, int | float):
                key.append(value if order == "ascending" else -value)
            elif value is None:
                key.append(-math.inf)
            else:  # ISO dates and text sort as text
                text = str(value)
                key.append(
                    text if order == "ascending" else "".join(chr(0x10FFFF - ord(c)) for c in text)
                )
        return tuple(key)

    def __call__(self, arg: _Argument, labels: list[int]) -> float:
        w = _linked(arg, labels)
        issue = self.graph.issue_of.get(arg.conclusion)
        if issue is None or w == 0.0:
            return w
        args = [a for pos in issue.positions for a in self.graph.args_for[pos]]
        keys = sorted({self._key(a) for a in args}, key=lambda k: tuple(map(_sortable, k)))
        return (keys.index(self._key(arg)) + 1) / len(keys)


def _sortable(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int | float) else (1, str(value))


def carneades_labels(m: ArgumentMap) -> tuple[dict[str, Label], tuple[str, ...]]:
    """Return the Carneades labels of ``m``'s statements and inferences, and notes.

    Inferences are labelled too: a support (or rebuttal) is IN when it weighs more than 0, OUT
    when it is applicable and weighs 0 (or is undercut), UNDEC when it is not yet applicable; an
    undercutter is IN when its premises are IN and it is not itself undercut.
    """
    notes: list[str] = []
    graph = _Graph(m, notes)
    _FACTORIZED.graph = graph
    try:
        labels = _run(graph)
    finally:
        _FACTORIZED.graph = None
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
