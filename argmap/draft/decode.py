"""Joint decoding: the evidence graph of Peldszus and Stede (2015), and its maximum spanning tree.

The four base classifiers give, for every unit, the probability that it is the central claim
(``cc``), that it is the opponent's (``ro``) and of each function (``fu``: ``cc``, ``sup``,
``reb``, ``und``), and for every ordered pair of units the probability that the first attaches
to the second (``at``). The evidence graph joins them: the edge "*i* supports *j*" scores the
(weighted) mean of

- ``1 - cc(i)``: *i* is not the central claim;
- ``fu(i, sup)``: *i* functions as a support;
- ``ro``: the probability that *i* and *j* have the same role (a support keeps the role, an
  attack turns it: for "*i* attacks *j*" it is the probability that the roles differ);
- ``at(i, j)``: *i* attaches to *j*;

and the edge "*i* attacks *j*" the same with ``fu(i, reb) + fu(i, und)``. Each pair keeps its
better label. A virtual root points at every unit with the unit's central-claim score (the mean
of ``cc(j)``, ``fu(j, cc)`` and ``1 - ro(j)``) less a constant larger than any tree's weight,
so that the best arborescence (Chu-Liu/Edmonds, :func:`arborescence`; the same trees as
:func:`networkx.maximum_spanning_arborescence`, ten times faster on these small dense graphs)
has exactly one central claim and, among such trees, the highest total score: all decisions are
taken at once, and the result is always a tree.

Roles are read off the tree (the central claim is the proponent's; a support keeps its target's
role, an attack turns it), as in the paper. An attack whose unit is likelier an undercut than a
rebuttal, on a unit that has an inference of its own, is an undercut of that inference.

Long texts are decoded in blocks of at most :data:`BLOCK` units (paragraphs kept together where
they fit), and then the blocks' central units in blocks again, up to one root: the work grows
linearly with the text, and a text of :data:`BLOCK` units or fewer is decoded exactly.

Examples:
    >>> from argmap.draft.model import default_model
    >>> p = parse(["We should ban cars.", "Because they pollute."], [0, 0], default_model())
    >>> p.central, p.parent, p.function
    (0, [None, 0], ['cc', 'sup'])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from argmap.draft.features import pair_features, unit_features
from argmap.draft.model import DraftModel

__all__ = ["BLOCK", "Parse", "arborescence", "parse"]

BLOCK = 24
"""The most units decoded together exactly; longer texts are decoded block by block."""

_ROOT = -1
_NONE = float("-inf")


@dataclass
class Parse:
    """A tree over a text's units: the central unit, each unit's parent, function and role.

    Attributes:
        central: The index of the central claim.
        parent: For each unit, the index of the unit it attaches to (``None``: none).
        function: ``"cc"`` (the central claim), ``"sup"``, ``"reb"`` or ``"und"``.
        role: ``"pro"`` (the proponent's) or ``"opp"`` (the opponent's).
        confidence: The score of each unit's edge in [0, 1] (the root's score for the central).
        probabilities: Each unit's base-classifier probabilities (``cc``, ``opp``, functions).
        attachment: The attachment probability of each unit's chosen edge.
        pairs_scored: How many ordered pairs of units the attachment classifier scored.
    """

    central: int
    parent: list[int | None]
    function: list[str]
    role: list[str]
    confidence: list[float] = field(default_factory=list)
    probabilities: list[dict[str, float]] = field(default_factory=list)
    attachment: list[float] = field(default_factory=list)
    pairs_scored: int = 0


def parse(
    texts: Sequence[str], paragraphs: Sequence[int], model: DraftModel, *, block: int = BLOCK
) -> Parse:
    """Decode the tree of units ``texts`` (with their paragraph numbers) under ``model``.

    Raises:
        ValueError: ``texts`` is empty, or ``paragraphs`` is not as long.
    """
    n = len(texts)
    if n == 0 or len(paragraphs) != n:
        raise ValueError("parse needs at least one unit, and a paragraph number for each")
    features = unit_features(texts, paragraphs)
    levels = model.levels
    cc = [levels["cc"].probabilities(f)["yes"] for f in features]
    opp = [levels["ro"].probabilities(f)["opp"] for f in features]
    fu = [levels["fu"].probabilities(f) for f in features]
    at_model = levels["at"]
    scored = 0

    def attach(i: int, j: int) -> float:
        nonlocal scored
        scored += 1
        return at_model.probabilities(pair_features(features, paragraphs, i, j))["yes"]

    graph = _EvidenceGraph(cc, opp, fu, attach, model.combine)
    parent: list[int | None] = [None] * n
    label = ["cc"] * n
    weight = [0.0] * n
    at_chosen = [0.0] * n
    groups = _blocks(paragraphs, block)
    while True:
        roots: list[int] = []
        for members in groups:
            root = graph.decode(members, parent, label, weight, at_chosen)
            roots.append(root)
        if len(roots) == 1:
            central = roots[0]
            break
        groups = [roots[k : k + block] for k in range(0, len(roots), block)]
    weight[central] = graph.root_score(central)
    function = _functions(parent, label, fu, central)
    role = _roles(parent, function, central)
    probabilities = [
        {"cc": cc[i], "opp": opp[i], **{f"fu_{k}": v for k, v in fu[i].items()}} for i in range(n)
    ]
    return Parse(
        central=central,
        parent=parent,
        function=function,
        role=role,
        confidence=weight,
        probabilities=probabilities,
        attachment=at_chosen,
        pairs_scored=scored,
    )


class _EvidenceGraph:
    """Edge scores from the base classifiers, and the exact decode of one block."""

    def __init__(
        self,
        cc: list[float],
        opp: list[float],
        fu: list[dict[str, float]],
        attach: Callable[[int, int], float],
        combine: Mapping[str, float],
    ) -> None:
        self.cc, self.opp, self.fu, self.attach = cc, opp, fu, attach
        weights = {k: float(v) for k, v in combine.items()}
        total = sum(weights.values()) or 1.0
        self.w = {k: v / total for k, v in weights.items()}

    def root_score(self, j: int) -> float:
        w = self.w
        parts = w["cc"] + w["ro"] + w["fu"]
        if parts <= 0:
            return 0.0
        return (
            w["cc"] * self.cc[j] + w["ro"] * (1 - self.opp[j]) + w["fu"] * self.fu[j]["cc"]
        ) / parts

    def edge(self, i: int, j: int) -> tuple[float, str, float]:
        """The best score of "i attaches to j", its label (sup or att) and at(i, j)."""
        w = self.w
        p_at = self.attach(i, j)
        oi, oj = self.opp[i], self.opp[j]
        same = oi * oj + (1 - oi) * (1 - oj)
        base = w["cc"] * (1 - self.cc[i]) + w["at"] * p_at
        fu = self.fu[i]
        support = base + w["ro"] * same + w["fu"] * fu["sup"]
        attack = base + w["ro"] * (1 - same) + w["fu"] * (fu["reb"] + fu["und"])
        return (support, "sup", p_at) if support >= attack else (attack, "att", p_at)

    def decode(
        self,
        members: list[int],
        parent: list[int | None],
        label: list[str],
        weight: list[float],
        at_chosen: list[float],
    ) -> int:
        """Join ``members`` into one tree; write their parents and return its root."""
        if len(members) == 1:
            return members[0]
        size = len(members) + 1  # node 0 is the virtual root, member k is node k + 1
        penalty = float(size)  # more than any tree of these members can score
        score = [[_NONE] * size for _ in range(size)]
        chosen: dict[tuple[int, int], tuple[float, str, float]] = {}
        for b, j in enumerate(members, start=1):
            score[0][b] = self.root_score(j) - penalty
            for a, i in enumerate(members, start=1):
                if i != j:
                    found = chosen[i, j] = self.edge(i, j)
                    score[b][a] = found[0]  # the head j governs the dependent i
        heads = arborescence(score, 0)
        root = _ROOT
        for b in range(1, size):
            dependent = members[b - 1]
            if heads[b] == 0:
                root = dependent
                continue
            head = members[heads[b] - 1]
            weight_, kind, p_at = chosen[dependent, head]
            parent[dependent], label[dependent] = head, kind
            weight[dependent], at_chosen[dependent] = weight_, p_at
        return root


def arborescence(score: list[list[float]], root: int) -> list[int]:
    """The heads of the maximum spanning arborescence of a dense graph (Chu-Liu/Edmonds).

    ``score[h][d]`` is the weight of the edge from head ``h`` to dependent ``d`` (``-inf``: no
    edge); the result gives each node's head, ``-1`` for ``root``. Every node must be reachable
    from ``root``. Cubic in the nodes at worst, which the drafter keeps below :data:`BLOCK` + 1.

    Examples:
        >>> inf = float("-inf")
        >>> arborescence([[inf, 5, 1], [inf, inf, 4], [inf, 3, inf]], 0)
        [-1, 0, 1]
    """
    n = len(score)
    heads = [-1] * n
    for d in range(n):
        if d != root:
            column = [score[h][d] if h != d else _NONE for h in range(n)]
            heads[d] = max(range(n), key=column.__getitem__)
    cycle = _cycle(heads, root)
    if not cycle:
        return heads
    inside = set(cycle)
    others = [v for v in range(n) if v not in inside]
    index = {v: k for k, v in enumerate(others)}
    c = len(others)
    contracted = [[_NONE] * (c + 1) for _ in range(c + 1)]
    enter: dict[int, int] = {}
    leave: dict[int, int] = {}
    for u in others:
        row = score[u]
        for v in others:
            contracted[index[u]][index[v]] = row[v]
        best, best_v = _NONE, -1
        for v in cycle:
            gain = row[v] - score[heads[v]][v]
            if row[v] != _NONE and gain > best:
                best, best_v = gain, v
        contracted[index[u]][c] = best
        enter[u] = best_v
    for v in others:
        best, best_u = _NONE, -1
        for u in cycle:
            if score[u][v] > best:
                best, best_u = score[u][v], u
        contracted[c][index[v]] = best
        leave[v] = best_u
    inner = arborescence(contracted, index[root])
    result = list(heads)
    for v in others:
        h = inner[index[v]]
        result[v] = -1 if h == -1 else (leave[v] if h == c else others[h])
    outside = others[inner[c]]
    result[enter[outside]] = outside
    return result


def _cycle(heads: list[int], root: int) -> list[int]:
    """A cycle of the head pointers (its nodes), or ``[]``."""
    state = [0] * len(heads)  # 0 unseen, 1 on the current walk, 2 done
    for start in range(len(heads)):
        walk: list[int] = []
        v = start
        while v not in (-1, root) and state[v] == 0:
            state[v] = 1
            walk.append(v)
            v = heads[v]
        if v not in (-1, root) and state[v] == 1:
            return walk[walk.index(v) :]
        for w in walk:
            state[w] = 2
    return []


def _blocks(paragraphs: Sequence[int], block: int) -> list[list[int]]:
    """Consecutive units in groups of at most ``block``, a paragraph kept whole where it fits."""
    groups: list[list[int]] = [[]]
    start = 0
    n = len(paragraphs)
    while start < n:
        end = start
        while end < n and paragraphs[end] == paragraphs[start]:
            end += 1
        paragraph = list(range(start, end))
        for k in range(0, len(paragraph), block):
            piece = paragraph[k : k + block]
            if len(groups[-1]) + len(piece) > block:
                groups.append([])
            groups[-1].extend(piece)
        start = end
    return [g for g in groups if g]


def _functions(
    parent: list[int | None], label: list[str], fu: list[dict[str, float]], central: int
) -> list[str]:
    function: list[str] = []
    for i, kind in enumerate(label):
        head = parent[i]
        if i == central or head is None:
            function.append("cc")
        elif kind == "sup":
            function.append("sup")
        elif fu[i]["und"] > fu[i]["reb"] and head != central and parent[head] is not None:
            function.append("und")
        else:
            function.append("reb")
    return function


def _roles(parent: list[int | None], function: list[str], central: int) -> list[str]:
    role: list[str | None] = [None] * len(parent)
    role[central] = "pro"

    def of(i: int) -> str:
        path: list[int] = []
        while role[i] is None:
            path.append(i)
            head = parent[i]
            if head is None:  # pragma: no cover - every unit but the central has a parent
                role[i] = "pro"
                break
            i = head
        known = role[i] or "pro"
        for k in reversed(path):
            known = known if function[k] == "sup" else ("opp" if known == "pro" else "pro")
            role[k] = known
        return known

    return [of(i) for i in range(len(parent))]
