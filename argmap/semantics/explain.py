"""Why a statement or inference is IN, OUT or UNDEC: its attackers and defenders, as a tree.

An explanation follows the map, not the auxiliary arguments of the translation:

- a **statement** is IN when every attack on it fails (each one's own explanation says why) and,
  if it has supports and is not an assumption, one support stands; OUT when an attack on it
  stands, or none of its supports does; UNDEC when an attack or its supports are undecided;
- an **inference** is IN when its premises stand and every undercutter fails; OUT when a premise
  fails or an undercutter stands; UNDEC otherwise.

Under the evidential and grounded semantics the reason chosen for an OUT node is the attack (or
failed premise) that the fixpoint settled *first*, so the explanation is well-founded: following
it always ends at arguments that nothing attacks, or (evidential) at a claim nothing supports.
In the chain ``c ← r1 ← r2 ← r3``: ``c`` is OUT because
the attack of ``r1`` stands; ``r1`` is IN because the attack of ``r2`` fails; ``r2`` is OUT
because the attack of ``r3`` stands; ``r3`` is IN because nothing attacks it.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.premise("c", "C."), m.rebuttal("r1", "R1."), m.rebuttal("r2", "R2.")
    >>> _ = m.attack("r1", "c", id="a1"), m.attack("r2", "r1", id="a2")
    >>> print(explain(m, "c"))
    c is IN: every attack on it fails (a1)
      a1 is OUT: its premise r1 is OUT
        r1 is OUT: the attack a2 by r2 on it stands
          a2 is IN: its premises stand (r2) and nothing undercuts it
            r2 is IN: nothing attacks it
    >>> explain(m, "c").defenders
    ('r1',)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.exceptions import EvaluationError
from argmap.ids import shown_id
from argmap.map import require_map
from argmap.model import Attack, Support
from argmap.params import refuse, whole_number
from argmap.semantics.evaluate import DEFAULT_SEMANTICS, evaluate
from argmap.semantics.grounded import READINGS, label_map
from argmap.semantics.labelling import Labelling

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.semantics.labelling import Label

__all__ = ["Explanation", "evaluation_text", "explain", "explanation_text", "one_line_reason"]


@dataclass(frozen=True)
class Explanation:
    """Why ``node`` has ``label``: a reason in words and the explanations it rests on.

    Attributes:
        node: The node explained.
        label: ``"in"``, ``"out"`` or ``"undec"``.
        reason: One sentence.
        because: The explanations of the nodes the reason names, decisive ones first.
        attackers: The attacks on the node (attack inference ids).
        defenders: For an IN node, what makes each attack on it fail: the failed premise or the
            standing counter-attack's premises.
    """

    node: str
    label: Label
    reason: str
    because: tuple[Explanation, ...] = ()
    attackers: tuple[str, ...] = ()
    defenders: tuple[str, ...] = ()

    def lines(self, indent: int = 0) -> list[str]:
        """The explanation as indented lines, without recursion."""
        out: list[str] = []
        stack: list[tuple[Explanation, int]] = [(self, indent)]
        while stack:
            e, level = stack.pop()
            out.append(f"{'  ' * level}{e.node} is {e.label.upper()}: {e.reason}")
            stack.extend((child, level + 1) for child in reversed(e.because))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def to_dict(self) -> dict[str, Any]:
        """The explanation as plain data (JSON-ready), nested through ``because``."""
        return {
            "node": self.node,
            "label": self.label,
            "reason": self.reason,
            "attackers": list(self.attackers),
            "defenders": list(self.defenders),
            "because": [b.to_dict() for b in self.because],
        }

    def nodes(self) -> list[str]:
        """Every node the explanation names, in the order it names them."""
        return [line.strip().split(" is ", 1)[0] for line in self.lines()]


def explain(
    m: ArgumentMap,
    node_id: str,
    *,
    semantics: str = DEFAULT_SEMANTICS,
    labelling: Labelling | None = None,
    depth: int = 12,
) -> Explanation:
    """Explain the label of ``node_id`` under ``semantics`` (or a given Dung ``labelling``).

    Args:
        m: The map.
        node_id: A statement or inference of ``m``.
        semantics: A labelling semantics: evidential (the default), grounded, complete,
            preferred or stable.
        labelling: A labelling of ``m`` already computed (its semantics is then used).
        depth: How many steps deep to explain (at least 1); deeper reasons are summarised.

    Raises:
        UnknownNodeError: ``m`` has no node ``node_id``.
        EvaluationError: A gradual semantics (strengths have no attackers-and-defenders story).
        InvalidArgumentError: ``labelling`` is not a Labelling, or ``depth`` not a whole number
            of at least 1.

    Examples:
        >>> from argmap.examples import north_korea
        >>> e = explain(north_korea(), "s_effective")
        >>> e.label, e.reason
        ('out', 'undercut by u_amnesty, which stands')
    """
    require_map(m, "explain")
    whole_number(depth, where="explain", name="depth", minimum=1)
    if labelling is not None and not isinstance(labelling, Labelling):
        raise refuse(labelling, where="explain", name="labelling", want="a Labelling or None")
    m[node_id]
    if labelling is None:
        labelling = evaluate(m, semantics)
    if labelling.is_gradual:
        raise EvaluationError(
            f"{labelling.semantics} gives strengths, not labels; explain a labelling "
            "(evidential, grounded, complete, preferred or stable)"
        )
    if labelling.labels.keys() != m.graph.nodes.keys():
        # A labelling of another map, or of this one before it changed, names nodes the map
        # lacks or lacks nodes it has: its reasons would be wrong, or a KeyError.
        raise EvaluationError(
            f"the labelling given does not fit this map: {_mismatch(m, labelling)}; it was "
            "computed for another map or before this one changed; evaluate the map again, "
            "or leave labelling= out"
        )
    rank: dict[str, int] = {}
    unsupported: set[str] = set()
    reading = labelling.semantics if labelling.semantics in READINGS else None
    if reading is None and labelling.semantics == "complete":
        reading = "grounded"  # the sceptical complete labelling is the grounded one
    if reading is not None:
        # The order in which the fixpoint settled each node: every reason comes before.
        settled = label_map(m.index, reading=reading)
        rank = {n: k for k, n in enumerate(settled.label)}
        unsupported = {n for n, why in settled.why.items() if why == n}
    return _Explainer(m, labelling.labels, rank, depth, unsupported).explain(node_id)


def _mismatch(m: ArgumentMap, labelling: Labelling) -> str:
    """Say how a labelling's nodes and the map's differ, naming a few of each."""
    missing = [n for n in m.graph if n not in labelling.labels]
    extra = [n for n in labelling.labels if n not in m]
    parts = []
    if missing:
        parts.append(f"it does not label {_few(missing)}")
    if extra:
        parts.append(f"it labels {_few(extra)}, not in the map")
    return " and ".join(parts)


def _few(ids: list[str]) -> str:
    named = ", ".join(shown_id(i) for i in ids[:3])
    return named + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")


class _Explainer:
    def __init__(  # private: explain() passes what it computed
        self,
        m: ArgumentMap,
        labels: dict[str, Label] | Any,
        rank: dict[str, int],
        depth: int,
        unsupported: set[str],
    ) -> None:
        self.m = m
        self.labels = labels
        self.rank = rank
        self.depth = depth
        self.unsupported = unsupported

    def _first(self, ids: list[str]) -> str:
        return min(ids, key=lambda n: self.rank.get(n, 1 << 60))

    def explain(
        self, node_id: str, path: frozenset[str] = frozenset(), level: int = 0
    ) -> Explanation:
        label: Label = self.labels[node_id]
        if node_id in path:
            return Explanation(
                node_id, label, "(explained above: the reasons go round in a circle)"
            )
        if level >= self.depth:
            return Explanation(
                node_id, label, "(further reasons left out; raise depth= to see them)"
            )
        path = path | {node_id}
        node = self.m[node_id]
        if isinstance(node, Support | Attack):
            return self._inference(node, label, path, level)
        return self._statement(node_id, label, path, level)

    def _sub(self, ids: list[str], path: frozenset[str], level: int) -> tuple[Explanation, ...]:
        return tuple(self.explain(n, path, level + 1) for n in ids)

    def _statement(
        self, node_id: str, label: Label, path: frozenset[str], level: int
    ) -> Explanation:
        m = self.m
        attacks = [a.id for a in m.attacks_on(node_id)]
        supports = [s.id for s in m.supports_of(node_id)]
        needs_support = (bool(supports) or node_id in self.unsupported) and not getattr(
            m[node_id], "assumption", False
        )
        by = {a: self.labels[a] for a in attacks}
        sup = {s: self.labels[s] for s in supports}
        if label == "in":
            parts = (
                ["nothing attacks it"]
                if not attacks
                else [f"every attack on it fails ({', '.join(attacks)})"]
            )
            because = list(self._sub(attacks, path, level))
            if needs_support:
                support = self._first([s for s in supports if sup[s] == "in"])
                parts.append(f"its support {support} stands")
                because.append(self.explain(support, path, level + 1))
            defenders = tuple(_decisive(e) for e in because[: len(attacks)])
            return Explanation(
                node_id, label, " and ".join(parts), tuple(because), tuple(attacks), defenders
            )
        if label == "out":
            if node_id in self.unsupported:
                return Explanation(
                    node_id,
                    label,
                    "nothing supports it, and a claim stands only on a support that stands",
                    (),
                    tuple(attacks),
                )
            standing = [a for a in attacks if by[a] == "in"]
            if standing:
                a = self._first(standing)
                premises = ", ".join(self.m[a].premises)  # type: ignore[union-attr]
                reason = f"the attack {a} by {premises} on it stands"
                return Explanation(
                    node_id, label, reason, self._sub([a], path, level), tuple(attacks)
                )
            reason = f"none of its supports stands ({', '.join(supports)})"
            return Explanation(
                node_id, label, reason, self._sub(supports, path, level), tuple(attacks)
            )
        open_attacks = [a for a in attacks if by[a] == "undec"]
        if open_attacks:
            reason = f"the attack {', '.join(open_attacks)} on it is undecided"
            return Explanation(
                node_id, label, reason, self._sub(open_attacks, path, level), tuple(attacks)
            )
        open_supports = [s for s in supports if sup[s] == "undec"]
        reason = f"its supports are undecided ({', '.join(open_supports)})"
        return Explanation(
            node_id, label, reason, self._sub(open_supports, path, level), tuple(attacks)
        )

    def _inference(
        self, node: Support | Attack, label: Label, path: frozenset[str], level: int
    ) -> Explanation:
        premises = list(node.premises)
        undercutters = [a.id for a in self.m.attacks_on(node.id)]
        p_lab = {p: self.labels[p] for p in premises}
        u_lab = {u: self.labels[u] for u in undercutters}
        if label == "in":
            what = (
                f"its premises stand ({', '.join(premises)})" if premises else "it has no premises"
            )
            reason = what + (
                " and every undercutter fails" if undercutters else " and nothing undercuts it"
            )
            because = self._sub([*undercutters, *premises], path, level)
            defenders = tuple(_decisive(e) for e in because[: len(undercutters)])
            return Explanation(node.id, label, reason, because, tuple(undercutters), defenders)
        if label == "out":
            standing = [u for u in undercutters if u_lab[u] == "in"]
            failed = [p for p in premises if p_lab[p] == "out"]
            if failed and (
                not standing
                or self.rank.get(self._first(failed), 0) <= self.rank.get(self._first(standing), 0)
            ):
                p = self._first(failed)
                return Explanation(
                    node.id,
                    label,
                    f"its premise {p} is OUT",
                    self._sub([p], path, level),
                    tuple(undercutters),
                )
            u = self._first(standing)
            return Explanation(
                node.id,
                label,
                f"undercut by {u}, which stands",
                self._sub([u], path, level),
                tuple(undercutters),
            )
        open_ids = [p for p in premises if p_lab[p] == "undec"] + [
            u for u in undercutters if u_lab[u] == "undec"
        ]
        reason = f"it depends on undecided {', '.join(open_ids)}"
        return Explanation(
            node.id, label, reason, self._sub(open_ids, path, level), tuple(undercutters)
        )


def _decisive(e: Explanation) -> str:
    """What makes an attack fail: its first failed premise or its standing undercutter."""
    return e.because[0].node if e.because else e.node


_QUOTE_WIDTH = 90


def _quote(m: ArgumentMap, node_id: str) -> str:
    """A node's words: a statement's text in quotes, an inference as premises -> target."""
    node = m[node_id]
    if isinstance(node, Support | Attack):
        arrow = "->" if isinstance(node, Support) else "-x"
        return f"{' + '.join(node.premises) or '(no premises)'} {arrow} {node.target}"
    text = " ".join(node.text.split())
    if len(text) > _QUOTE_WIDTH:
        text = text[: _QUOTE_WIDTH - 1].rstrip() + "…"
    return f"“{text}”"


def explanation_text(m: ArgumentMap, e: Explanation) -> str:
    """An explanation as the chain of reasons ``argmap explain`` prints: each node's id, label
    and reason, then its words (a statement's text, an inference's premises and target).

    Examples:
        >>> from argmap.examples import north_korea
        >>> m = north_korea()
        >>> print(explanation_text(m, explain(m, "s_effective")).splitlines()[1])
          reacts -> pressure
    """
    out: list[str] = []
    stack: list[tuple[Explanation, int]] = [(e, 0)]
    while stack:
        node, level = stack.pop()
        pad = "  " * level
        out.append(f"{pad}{node.node} is {node.label.upper()}: {node.reason}")
        out.append(f"{pad}  {_quote(m, node.node)}")
        stack.extend((child, level + 1) for child in reversed(node.because))
    return "\n".join(out)


def one_line_reason(e: Explanation) -> str:
    """Why, in one line: the node's own reason, and the decision at the root of the chain
    (the deepest node on the first line of reasons that is OUT or UNDEC, and why).

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "C."), m.claim("p", "P."), m.case("k", "K."), m.rebuttal("r", "R.")
        >>> _ = m.support("k", "p", id="s1"), m.support("p", "c", id="s2")
        >>> _ = m.attack("r", "s1", id="u")
        >>> print(one_line_reason(explain(m, "c")))
        none of its supports stands (s2); at the root, s1 is OUT: undercut by u, which stands
    """
    root: Explanation | None = None
    current = e
    while current.because:
        current = current.because[0]
        if current.label != "in":
            root = current
    if root is None or root is e:
        return e.reason
    return f"{e.reason}; at the root, {root.node} is {root.label.upper()}: {root.reason}"


def evaluation_text(m: ArgumentMap, labelling: Labelling) -> str:
    """What ``argmap evaluate`` prints: the central claim's verdict and its one-line reason,
    then the statements, then the inferences, each with its label (or strength) and words.

    Examples:
        >>> from argmap.examples import north_korea
        >>> m = north_korea()
        >>> text = evaluation_text(m, evaluate(m))
        >>> print(text.splitlines()[0])
        evidential semantics: the central claim agenda is IN
        >>> [line.split(":")[0] for line in text.splitlines() if not line.startswith(" ")][1:]
        ['statements', 'inferences']
    """
    lines: list[str] = []
    central = m.central if m.central in labelling else None
    if central is None:
        lines.append(f"{labelling.semantics} semantics: the map names no central claim")
    elif labelling.is_gradual:
        lines.append(
            f"{labelling.semantics} semantics: the central claim {central} has strength "
            f"{labelling[central]:.3f}"
        )
    else:
        lines.append(
            f"{labelling.semantics} semantics: the central claim {central} is "
            f"{str(labelling[central]).upper()}"
        )
        if labelling.semantics in (*READINGS, "complete", "preferred", "stable"):
            reason = one_line_reason(explain(m, central, labelling=labelling))
            lines.append(f"  because {reason}")
            lines.append(f"  (argmap explain prints the whole chain of reasons for {central})")
    statements = [s.id for s in m.statements()]
    inferences = [i.id for i in m.inferences()]
    for title, ids in (("statements", statements), ("inferences", inferences)):
        lines.append(_group_head(title, ids, labelling))
        width = max((len(n) for n in ids), default=0)
        for node_id in ids:
            value = labelling[node_id]
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            mark = "* " if node_id == central else "  "
            lines.append(f"  {shown:<6}{mark}{node_id:<{width}}  {_quote(m, node_id)}")
    lines += [f"note: {n}" for n in labelling.notes]
    return "\n".join(lines)


def _group_head(title: str, ids: list[str], labelling: Labelling) -> str:
    if labelling.is_gradual:
        return f"{title}: {len(ids)}"
    counts = {lab: sum(labelling[n] == lab for n in ids) for lab in ("in", "out", "undec")}
    return f"{title}: {counts['in']} in, {counts['out']} out, {counts['undec']} undec"
