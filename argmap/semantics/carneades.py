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
from argmap.semantics.solver import Deadline

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
        self.cache: dict[tuple[Any, ...], Any] = {}  # by issue: what weighing reads of it
        self.factorized = _Factorized(self)  # reads this graph's issues (no module state)
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

    def distinct_premises(self, issue: _Issue) -> int:
        """The distinct premises of all the arguments on ``issue``, counted once per issue."""
        key = ("premises", id(issue))
        if key not in self.cache:
            args_for = self.args_for
            self.cache[key] = len(
                {p for pos in issue.positions for a in args_for[pos] for p in a.premises}
            )
        return int(self.cache[key])

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
            arg.weigh = self._basic((scheme or "linked").lower())
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
            arg.weigh = self._basic(weight.lower())
        elif isinstance(weight, str) and weight in functions:
            arg.weigh = self._function(arg, functions[weight])
        elif isinstance(weight, dict):
            arg.weigh = self._function(arg, weight)
        else:
            arg.weigh = _linked

    def _basic(self, name: str) -> Callable[[_Argument, list[int]], float]:
        return self.factorized if name == "factorized" else _BASIC_FUNCTIONS[name]

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
    """Premises IN over the distinct premises of all the arguments on the issue.

    One per graph: a module-wide one, pointed at the graph being evaluated, let two threads
    evaluating at once weigh against each other's issues.
    """

    def __init__(self, graph: _Graph) -> None:
        self.graph = graph

    def __call__(self, arg: _Argument, labels: list[int]) -> float:
        if any(v == OUT for v in labels):
            return 0.0
        n = len(arg.premises)
        issue = self.graph.issue_of.get(arg.conclusion)
        if issue is not None:
            n = self.graph.distinct_premises(issue)
        return sum(v == IN for v in labels) / n if n else 1.0


_BASIC_FUNCTIONS: dict[str, Callable[[_Argument, list[int]], float]] = {
    "linked": _linked,
    "convergent": _convergent,
    "cumulative": _cumulative,
}


class _Preference:
    """Weights from an order of the arguments by their schemes' metadata (lex superior ...).

    ``order`` is a list of ``{property, order}``: ``order`` is ``ascending``, ``descending`` or a
    list of values from weakest to strongest. The arguments on the issue are sorted weakest
    first and grouped by equal keys; the i-th of n groups weighs (i + 1) / n.
    """

    def __init__(self, graph: _Graph, order: list[Any]) -> None:
        self.graph = graph
        self.order_given = order
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
        cache = self.graph.cache
        # The ranks on an issue, worked out once per issue and order rather than per argument.
        key = ("preference", id(issue), id(self.order_given))
        if key not in cache:
            args = [a for pos in issue.positions for a in self.graph.args_for[pos]]
            keys = sorted({self._key(a) for a in args}, key=lambda k: tuple(map(_sortable, k)))
            cache[key] = {k: i for i, k in enumerate(keys)}
        rank: dict[tuple[Any, ...], int] = cache[key]
        return (rank[self._key(arg)] + 1) / len(rank)


def _sortable(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int | float) else (1, str(value))


def carneades_labels(
    m: ArgumentMap, *, timeout: float | None = None
) -> tuple[dict[str, Label], tuple[str, ...]]:
    """Return the Carneades labels of ``m``'s statements and inferences, and notes.

    Inferences are labelled too: a support (or rebuttal) is IN when it weighs more than 0, OUT
    when it is applicable and weighs 0 (or is undercut), UNDEC when it is not yet applicable; an
    undercutter is IN when its premises are IN and it is not itself undercut.

    The fixpoint is computed in time linear in the map (see :class:`_Run`); ``timeout`` bounds
    it in seconds.

    Raises:
        EvaluationTimeout: ``timeout`` ran out.
    """
    notes: list[str] = []
    deadline = Deadline(timeout, task="evaluating under carneades semantics")
    graph = _Graph(m, notes)
    run = _Run(graph, deadline)
    run.settle()
    labels = run.label
    result: dict[str, Label] = {}
    for node in m.nodes():
        node_id = node.id
        if node_id in labels:
            result[node_id] = _NAMES[labels[node_id]]
        elif node_id in run.weight:
            weight = run.weight[node_id]
            result[node_id] = "undec" if weight is None else "in" if weight > 0 else "out"
        else:
            result[node_id] = _NAMES[run.attack_label[node_id]]
    return result, tuple(notes)


def _combine(values: list[int]) -> int:
    """Several undercutters: IN when one is IN, OUT when all are OUT (or there are none)."""
    if any(v == IN for v in values):
        return IN
    return OUT if all(v == OUT for v in values) else UNDEC


def _greater(standard: str, w1: float, w2: float) -> bool:
    if standard == "CCE":
        return w1 > w2 and w1 - w2 > _ALPHA
    if standard == "BRD":
        return w1 > w2 and w1 - w2 > _ALPHA and w2 < _BETA
    return w1 > w2


_CHECK_EVERY = 1024
"""Steps between two looks at the clock."""


class _Run:
    """The fixpoint of the module's rules, driven by events, in time linear in the map.

    Labels only ever go from UNDEC to IN or OUT, and every rule asks about decided labels (an
    argument is applicable once its undercutters and premises are decided; its weight is then
    final), so the fixpoint does not depend on the order the rules fire in. Rather than sweep
    every statement until nothing changes (a chain of n supports took n sweeps of n
    statements), each statement, attack, argument and issue keeps counts of what it still waits
    for; a decided label lowers the counts of the nodes that read it, and a node is looked at
    again only when one of its counts changes. Each premise, undercutter and argument is thus
    counted down once, and each argument weighed once: ``steps`` counts that work.
    """

    def __init__(self, graph: _Graph, deadline: Deadline) -> None:
        self.graph = graph
        self.deadline = deadline
        self.steps = 0
        self.next_check = _CHECK_EVERY
        self.label: dict[str, int] = dict.fromkeys(graph.statements, UNDEC)
        self.attack_label: dict[str, int] = dict.fromkeys(graph.attacks, UNDEC)
        # An argument's weight once it is applicable; None while it is not. A rebuttal is an
        # argument (for the negation) and an attack: one count of its premises serves both.
        self.weight: dict[str, float | None] = {a.id: None for a in graph.arguments}
        self.argument = {a.id: a for a in graph.arguments}
        # What each node still waits for.
        self.undecided_premises: dict[str, int] = {}
        self.out_premise: set[str] = set()  # attacks with a premise OUT
        self.undecided_undercutters: dict[str, int] = {}  # by inference id
        self.undercut_in: set[str] = set()  # inferences with an undercutter IN
        self.pending: dict[str, int] = {s: len(graph.args_for[s]) for s in graph.statements}
        self.positive: dict[str, int] = dict.fromkeys(graph.statements, 0)
        issues = {id(i): i for i in graph.issue_of.values()}
        self.issues = list(issues.values())
        self.issue_pending: dict[int, int] = {
            key: sum(len(graph.args_for[p]) for p in issue.positions)
            for key, issue in issues.items()
        }
        # Who reads each statement, and each inference's undercutters.
        self.uses: dict[str, list[str]] = {s: [] for s in graph.statements}
        self.attack_uses: dict[str, list[str]] = {s: [] for s in graph.statements}
        for arg in graph.arguments:
            self.undecided_premises[arg.id] = len(arg.premises)
            self.undecided_undercutters[arg.id] = len(arg.undercutters)
            for p in arg.premises:
                self.uses[p].append(arg.id)
        for attack_id, attack in graph.attacks.items():
            self.undecided_premises.setdefault(attack_id, len(attack.premises))
            self.undecided_undercutters[attack_id] = len(graph.attacks_on.get(attack_id, []))
            for p in attack.premises:
                self.attack_uses[p].append(attack_id)
        self.decided: list[str] = []  # statements decided, their readers not yet told
        self.attacks_decided: list[str] = []

    def settle(self) -> None:
        """Start from the assumptions and run every rule until none fires."""
        graph, label = self.graph, self.label
        for s in graph.assumed:
            self._decide(s, IN)
        for issue in self.issues:
            if any(label[p] == IN for p in issue.positions):
                for p in issue.positions:
                    if label[p] == UNDEC:
                        self._decide(p, OUT)
        for attack_id in graph.attacks:
            self._step()
            self._look_at_attack(attack_id)
        for arg in graph.arguments:
            self._step()
            self._look_at_argument(arg)
        for s in graph.statements:
            self._step()
            self._look_at_statement(s)
        for issue in self.issues:
            self._step()
            if not self.issue_pending[id(issue)]:
                self._resolve(issue)
        self._propagate()

    def _step(self, n: int = 1) -> None:
        """Count ``n`` steps of work, and look at the clock every so often."""
        self.steps += n
        if self.steps >= self.next_check:
            self.next_check = self.steps + _CHECK_EVERY
            self.deadline.check()

    def _decide(self, s: str, value: int) -> None:
        self.label[s] = value
        self.decided.append(s)

    def _propagate(self) -> None:
        decided, attacks_decided = self.decided, self.attacks_decided
        while decided or attacks_decided:
            while decided:
                s = decided.pop()
                out = self.label[s] == OUT
                for arg_id in self.uses[s]:
                    self._step()
                    self.undecided_premises[arg_id] -= 1
                    self._look_at_argument(self.argument[arg_id])
                for attack_id in self.attack_uses[s]:
                    self._step()
                    if attack_id not in self.argument:  # a rebuttal's count went down above
                        self.undecided_premises[attack_id] -= 1
                    if out:
                        self.out_premise.add(attack_id)
                    self._look_at_attack(attack_id)
            while attacks_decided:
                attack_id = attacks_decided.pop()
                target = self.graph.attacks[attack_id].target
                if target not in self.undecided_undercutters:
                    continue  # a rebuttal: it undercuts nothing
                self._step()
                self.undecided_undercutters[target] -= 1
                if self.attack_label[attack_id] == IN:
                    self.undercut_in.add(target)
                if target in self.argument:
                    self._look_at_argument(self.argument[target])
                if target in self.attack_label:
                    self._look_at_attack(target)

    def _undercut(self, inference_id: str) -> int:
        if inference_id in self.undercut_in:
            return IN
        return UNDEC if self.undecided_undercutters[inference_id] else OUT

    def _look_at_attack(self, attack_id: str) -> None:
        """IN when its premises are all IN and nothing undercuts it, OUT when a premise is OUT
        or it is undercut, else UNDEC."""
        if self.attack_label[attack_id] != UNDEC:
            return
        undercut = self._undercut(attack_id)
        if attack_id in self.out_premise or undercut == IN:
            value = OUT
        elif undercut == OUT and not self.undecided_premises[attack_id]:
            value = IN
        else:
            return
        self.attack_label[attack_id] = value
        self.attacks_decided.append(attack_id)

    def _look_at_argument(self, arg: _Argument) -> None:
        """Weigh the argument once it is applicable, and tell its conclusion."""
        if self.weight[arg.id] is not None:
            return
        undercut = self._undercut(arg.id)
        if undercut == IN:
            weight = 0.0
        elif undercut == OUT and not self.undecided_premises[arg.id]:
            assert arg.weigh is not None  # noqa: S101 - every argument is given one in _Graph
            label = self.label
            self._step(len(arg.premises))
            weight = arg.scale * arg.weigh(arg, [label[p] for p in arg.premises])
        else:
            return
        self.weight[arg.id] = weight
        conclusion = arg.conclusion
        self.pending[conclusion] -= 1
        if weight > 0:
            self.positive[conclusion] += 1
        self._look_at_statement(conclusion)
        issue = self.graph.issue_of.get(conclusion)
        if issue is not None:
            key = id(issue)
            self.issue_pending[key] -= 1
            if not self.issue_pending[key]:
                self._resolve(issue)

    def _look_at_statement(self, s: str) -> None:
        """OUT when unsupported; IN when supported and not at issue."""
        if self.label[s] != UNDEC:
            return
        if not self.pending[s] and not self.positive[s]:
            self._decide(s, OUT)
        elif self.positive[s] and s not in self.graph.issue_of:
            self._decide(s, IN)

    def _resolve(self, issue: _Issue) -> None:
        """Every argument on the issue is applicable: its proof standard settles it, if a
        position is still open."""
        label = self.label
        if all(label[p] != UNDEC for p in issue.positions):
            return
        args_for, weight = self.graph.args_for, self.weight
        self._step(len(issue.positions))
        best: dict[str, float] = {}
        for p in issue.positions:
            self._step(len(args_for[p]))
            best[p] = max((weight[a.id] or 0.0 for a in args_for[p]), default=0.0)
        winner = None
        for p1 in issue.positions:
            if best[p1] == 0.0:
                continue
            if all(
                _greater(issue.standard, best[p1], best[p2]) for p2 in issue.positions if p2 != p1
            ):
                winner = p1
                break
        for p in issue.positions:
            value = IN if p == winner else OUT
            if label[p] == UNDEC:
                self._decide(p, value)
            else:
                label[p] = value
