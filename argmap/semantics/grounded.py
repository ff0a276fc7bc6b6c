"""Dung's grounded semantics, in time linear in the framework's size and without recursion.

The grounded labelling is the least fixpoint of "an argument is IN when all its attackers are
OUT; OUT when some attacker is IN". It is computed as a queue of arguments whose attackers are all
OUT (at first: the unattacked ones): each one taken from the queue is IN, the arguments it attacks
become OUT, and each attack of a newly OUT argument is taken off its target's count of attackers
not yet OUT. Every argument and every attack is looked at a bounded number of times. What is
never labelled is UNDEC.

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework(["c", "r1", "r2", "r3"], [("r1", "c"), ("r2", "r1"), ("r3", "r2")])
    >>> grounded_labels(af)
    {'c': 'out', 'r1': 'in', 'r2': 'out', 'r3': 'in'}
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate, islice
from operator import attrgetter, itemgetter, le
from typing import TYPE_CHECKING, Literal

from argmap.exceptions import EvaluationError

if TYPE_CHECKING:
    from argmap.index import MapIndex
    from argmap.model import Statement
    from argmap.semantics.framework import Framework

__all__ = [
    "IN",
    "OUT",
    "READINGS",
    "UNDEC",
    "Label",
    "MapLabels",
    "Reading",
    "attack_graph_labels",
    "grounded_codes",
    "grounded_labels",
    "label_map",
    "needs_support",
]

Label = Literal["in", "out", "undec"]
UNDEC, IN, OUT = 0, 1, 2
"""Label codes of :func:`grounded_codes`."""

_NAMES: tuple[Label, Label, Label] = ("undec", "in", "out")
_PREMISES = attrgetter("premises")
_FIRST = itemgetter(0)


def grounded_codes(af: Framework) -> list[int]:
    """Return the grounded labelling as codes by argument index: 1 IN, 2 OUT, 0 UNDEC.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> grounded_codes(Framework(["a", "b", "c"], [("a", "b"), ("b", "a")]))
        [0, 0, 1]
    """
    attacked = af._attacked
    attackers = af._attackers
    n = len(attacked)
    label = [UNDEC] * n
    remaining = [len(a) for a in attackers]
    queue = [i for i in range(n) if not remaining[i]]
    while queue:
        i = queue.pop()
        label[i] = IN
        for j in attacked[i]:
            if label[j] == UNDEC:
                label[j] = OUT
                for k in attacked[j]:
                    remaining[k] -= 1
                    if not remaining[k] and label[k] == UNDEC:
                        queue.append(k)
    return label


def grounded_labels(af: Framework) -> dict[str, Label]:
    """Return the grounded labelling: ``"in"``, ``"out"`` or ``"undec"`` by argument name.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> grounded_labels(Framework(["a", "b"], [("a", "b")]))
        {'a': 'in', 'b': 'out'}
    """
    names = _NAMES
    return {a: names[c] for a, c in zip(af.arguments, grounded_codes(af), strict=True)}


Reading = Literal["evidential", "grounded"]
"""How a map's statements are read (see :mod:`argmap.semantics.translate`): ``"evidential"``,
a claim needs an accepted support and cases, premises, rebuttals and assumptions are given;
``"grounded"``, a statement with no support stands on its own."""

READINGS: tuple[Reading, ...] = ("evidential", "grounded")


def needs_support(statement: Statement, *, supported: bool, reading: Reading) -> bool:
    """Whether ``statement`` is IN only with a support that is IN, under ``reading``.

    Evidential reading: every claim that is not an assumption, supported or not (a claim no
    support reaches is never accepted). Grounded reading: every supported statement that is not
    an assumption.

    Examples:
        >>> from argmap.model import Claim, Case
        >>> needs_support(Claim(id="c", text="C."), supported=False, reading="evidential")
        True
        >>> needs_support(Claim(id="c", text="C."), supported=False, reading="grounded")
        False
        >>> needs_support(Case(id="k", text="K."), supported=True, reading="evidential")
        False
    """
    if statement.assumption:
        return False
    if reading == "evidential":
        return statement.kind == "claim"
    return supported


def attack_graph_labels(index: MapIndex, *, reading: Reading) -> dict[str, Label] | None:
    """The labels of a map that is a Dung framework, fast; ``None`` for any other map.

    A map *is* a Dung framework when it has no supports and every attack has exactly one
    premise and a statement for its target (as argmap reads AIF, ICCMA-like and Argdown
    attack-only maps). Then an attack inference is IN or OUT exactly when its premise is (nothing
    can undercut it), and the translation's auxiliary arguments add nothing: the labelling is
    Dung's grounded labelling of the statements, with an attack from ``p`` to ``t`` for each
    attack inference; under the evidential reading a claim that is not an assumption starts OUT
    (no support can reach it). Integers and flat lists, one pass over the attacks: what
    ``evaluate`` runs on such maps, with the labels of :func:`label_map`.

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.premise("a", "A."), m.premise("b", "B."), m.attack("a", "b", id="ab")
        >>> attack_graph_labels(m.index, reading="grounded")
        {'a': 'in', 'b': 'out', 'ab': 'in'}
        >>> _ = m.support("a", "b")
        >>> attack_graph_labels(m.index, reading="grounded") is None
        True
    """
    if index.supports or index.undercuts:
        return None
    attacks = index.attacks
    statements = index.statements
    ids = list(statements)
    n = len(ids)
    at = dict(zip(ids, range(n), strict=True))
    # Each attack's premise and target as statement numbers, in the map's order of attacks
    # (bears_on keeps that order too, and with no supports holds the attacks alone; its values
    # are the targets, as no attack is on an inference), read at C speed.
    premises = list(map(_PREMISES, attacks.values()))
    if premises and set(map(len, premises)) != {1}:
        return None  # a linked attack, or one without premises
    src = list(map(at.__getitem__, map(_FIRST, premises)))
    dst = list(map(at.__getitem__, index.bears_on.values()))
    # Compressed rows: statement k attacks cols[start[k]:start[k + 1]]. Readers write each
    # premise's attacks together, in the statements' order: then the targets are the rows;
    # otherwise they are placed row by row (a counting sort, linear).
    counts = [0] * n
    for k in src:
        counts[k] += 1
    start = list(accumulate(counts, initial=0))
    if all(map(le, src, islice(src, 1, None))):
        cols = dst
    else:
        cols = [0] * len(dst)
        fill = start[:n]
        for k, j in zip(src, dst, strict=True):
            cols[fill[k]] = j
            fill[k] += 1
    remaining = [0] * n  # attacks on each statement from arguments not yet OUT
    for j in dst:
        remaining[j] += 1
    label = [UNDEC] * n
    if reading == "evidential":
        for k, statement in enumerate(statements.values()):
            if statement.kind == "claim" and not statement.assumption:
                label[k] = OUT
                for j in cols[start[k] : start[k + 1]]:
                    remaining[j] -= 1
    queue = [k for k in range(n) if not remaining[k] and not label[k]]
    while queue:
        i = queue.pop()
        label[i] = IN
        for j in cols[start[i] : start[i + 1]]:
            if not label[j]:
                label[j] = OUT
                for k in cols[start[j] : start[j + 1]]:
                    remaining[k] -= 1
                    if not remaining[k] and not label[k]:
                        queue.append(k)
    words: list[Label] = list(map(_NAMES.__getitem__, label))
    labels: dict[str, Label] = dict(zip(ids, words, strict=True))
    labels.update(zip(attacks, map(words.__getitem__, src), strict=True))  # its premise's
    return labels


@dataclass(frozen=True, slots=True)
class MapLabels:
    """The labelling of a map's statements and inferences, with the reason of each OUT.

    Attributes:
        label: Node id to :data:`IN` or :data:`OUT`; a node absent from it is UNDEC.
        why: For each OUT node, what settled it, always a node settled before it: an attack on it
            that is IN, a premise of it (an inference) that is OUT, or, for a statement whose
            every support failed, its support that failed last. A claim that no support reaches
            (evidential reading) is its own reason: nothing was settled before it.
        reading: ``"evidential"`` or ``"grounded"``.
    """

    label: dict[str, int]
    why: dict[str, str]
    reading: Reading = "evidential"

    def name(self, node_id: str) -> Label:
        """The label of ``node_id`` as a word: ``"in"``, ``"out"`` or ``"undec"``."""
        return _NAMES[self.label.get(node_id, UNDEC)]

    def unsupported(self, node_id: str) -> bool:
        """Whether ``node_id`` is a claim OUT for want of any support (evidential reading)."""
        return self.why.get(node_id) == node_id


def label_map(index: MapIndex, *, reading: Reading = "evidential") -> MapLabels:
    """The labelling of a map under ``reading``, computed on the map's own index.

    It equals :func:`grounded_labels` of the map's translation under the same reading
    (:func:`argmap.semantics.translate.to_framework`) on every statement and inference, without
    building the framework: the translation's auxiliary arguments are folded into counters. An
    inference is IN once every premise is IN and every attack on it OUT, and OUT as soon as a
    premise is OUT or an attack on it IN; a statement is IN once every attack on it is OUT and,
    if it needs support (:func:`needs_support`), one support is IN; OUT as soon as an attack on
    it is IN or every support is OUT (at once, for a claim with none, under the evidential
    reading). One queue settles each node once: linear time, no recursion.

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = [m.rebuttal(f"r{i}", f"R{i}.") for i in (1, 2, 3)]
        >>> _ = m.claim("c", "C."), m.case("k", "K."), m.support("k", "c", id="s")
        >>> _ = m.attack("r1", "c", id="a1"), m.attack("r2", "r1", id="a2")
        >>> _ = m.attack("r3", "r2", id="a3")
        >>> labels = label_map(m.index)
        >>> [labels.name(n) for n in ("c", "r1", "r2", "r3")]
        ['out', 'in', 'out', 'in']
        >>> labels.why["c"], labels.why["a2"], labels.why["r2"]
        ('a1', 'r2', 'a3')
        >>> m.remove("s")
        ['s']
        >>> label_map(m.index).why["c"], label_map(m.index, reading="grounded").name("c")
        ('c', 'out')
    """
    if reading not in READINGS:
        raise EvaluationError(f"unknown reading {reading!r}; use 'evidential' or 'grounded'")
    return _Fixpoint(index, reading).run()


class _Fixpoint:
    """The state of :func:`label_map`: counters of open conditions, and the labels so far.

    ``pending``: the conditions of IN still open for each node (attacks on it not yet OUT,
    premises not yet IN, and for a statement that needs support, "some support is IN");
    ``supports_left``: for a statement that needs support, its supports not yet OUT (-1 once one
    is IN); ``ready``: nodes whose every condition of IN holds; ``unsupported``: claims that need
    support and have none, OUT before anything else.
    """

    __slots__ = (
        "index",
        "label",
        "pending",
        "reading",
        "ready",
        "supports_left",
        "unsupported",
        "why",
    )

    def __init__(self, index: MapIndex, reading: Reading) -> None:
        self.index = index
        self.reading = reading
        self.label: dict[str, int] = {}
        self.why: dict[str, str] = {}
        # Counted table by table, not node by node: most nodes have no attack and no support.
        statements = index.statements
        pending: dict[str, int] = dict.fromkeys(statements, 0)
        pending.update({iid: len(s.premises) for iid, s in index.supports.items()})
        pending.update({iid: len(a.premises) for iid, a in index.attacks.items()})
        supports_left: dict[str, int] = {}
        unsupported: list[str] = []
        supports_into = index.supports_into
        if reading == "evidential":
            for sid, statement in statements.items():
                if statement.kind == "claim" and not statement.assumption:
                    pending[sid] += 1  # never ready: a support must come IN first
                    into = supports_into.get(sid)
                    if into:
                        supports_left[sid] = len(into)
                    else:
                        unsupported.append(sid)
        else:
            for sid, into in supports_into.items():
                if not statements[sid].assumption:
                    pending[sid] += 1
                    supports_left[sid] = len(into)
        for target, attackers in index.attacks_into.items():
            pending[target] += len(attackers)
        self.pending = pending
        self.supports_left = supports_left
        self.unsupported = unsupported
        # In the order of the map: statements, then supports, then attacks (as ``pending``).
        self.ready: list[str] = [node for node, count in pending.items() if not count]

    def run(self) -> MapLabels:
        for claim in self.unsupported:
            self.defeat(claim, claim)
        index, label, pending, ready = self.index, self.label, self.pending, self.ready
        supports, attacks, premise_of = index.supports, index.attacks, index.premise_of
        supports_left = self.supports_left
        # A node is pushed once, when its last open condition closes, and a node that is OUT
        # never has all its conditions closed: nothing popped is labelled already.
        while ready:
            node = ready.pop()
            label[node] = IN
            attack = attacks.get(node)
            if attack is not None:
                if attack.target not in label:
                    self.defeat(attack.target, node)
                continue
            support = supports.get(node)
            if support is not None:
                conclusion = support.conclusion
                if supports_left.get(conclusion, 0) > 0:
                    supports_left[conclusion] = -1  # satisfied: no longer counts down to OUT
                    left = pending[conclusion] = pending[conclusion] - 1
                    if not left:
                        ready.append(conclusion)
                continue
            for user in premise_of.get(node, ()):
                left = pending[user] = pending[user] - 1
                if not left:
                    ready.append(user)
        return MapLabels(label=label, why=self.why, reading=self.reading)

    def defeat(self, start: str, reason: str) -> None:
        """Label ``start`` OUT for ``reason``, and spread what follows: more OUT, or ready."""
        index, label, why, pending = self.index, self.label, self.why, self.pending
        supports, attacks, premise_of = index.supports, index.attacks, index.premise_of
        supports_left, ready = self.supports_left, self.ready
        defeated = [(start, reason)]  # OUT events still to spread: (node, its reason)
        while defeated:
            node, reason = defeated.pop()
            if node in label:
                continue
            label[node] = OUT
            why[node] = reason
            attack = attacks.get(node)
            if attack is not None:
                target = attack.target
                left = pending[target] = pending[target] - 1
                if not left:
                    ready.append(target)
            support = supports.get(node)
            if support is not None:
                conclusion = support.conclusion
                if conclusion in supports_left:
                    left = supports_left[conclusion] = supports_left[conclusion] - 1
                    if not left and conclusion not in label:
                        defeated.append((conclusion, node))
            for user in premise_of.get(node, ()):
                if user not in label:
                    defeated.append((user, node))
