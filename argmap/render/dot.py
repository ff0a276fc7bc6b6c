"""Build the DOT source of an argument map's diagram: pure code, no layout binary involved.

What the diagram shows:

- every statement as a box whose header names its kind and id (the central claim with a double
  border), its text wrapped; a statement that attacks says first what it does, ``REBUTS`` (a
  statement) or ``UNDERCUTS`` (an inference), then its kind; a case also shows where its words
  come from, and is marked when it cites no source as evidence or rests on hearsay (its
  ``attribution``);
- every inference as edges from its premises to what it bears on, styled by
  :data:`~argmap.render.styles.EDGE_STYLES`. A linked inference (several premises), or a support
  that an undercutter attacks, is drawn through a small junction dot, so that one sees its premises
  act together and where the undercutter strikes;
- optionally a legend of the kinds shown, and an overlay of findings (see :class:`Gap`);
- optionally what an evaluation says (``labels=``, see :mod:`argmap.render.labels`): each
  statement filled with its Dung label's colour and the label in words (``IN``, ``OUT``,
  ``UNDEC``), or filled from white to blue by its gradual strength with the number written on
  it; each inference's mark on the line into what it bears on; and a legend naming the
  semantics and what each mark means.

Every piece of text is escaped by :mod:`argmap.render.quoting`: labels are HTML-like labels with
``&``, ``<``, ``>`` and ``"`` escaped; tooltips are DOT strings with backslashes and quotes
escaped; node names are always quoted; engine escapes such as ``\\G`` stay text. So no text can
end a string, start a statement, or reach the SVG as markup. The DOT is written by argmap itself,
not through the ``graphviz`` package, and every step is linear in the size of the map, however
deep the chains of attacks on attacks.

Examples:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Tiny")
    >>> _ = m.claim("c", "Pressure works.")
    >>> _ = m.premise("p", 'It said "yes" <b>twice</b>.')
    >>> _ = m.support("p", "c")
    >>> source = to_dot(m, legend=False)
    >>> '"p" -> "c"' in source
    True
    >>> "&lt;b&gt;twice&lt;/b&gt;" in source
    True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.exceptions import RenderError, UnknownNodeError
from argmap.map import require_map
from argmap.model import Attack, Case, Statement, Support
from argmap.render.labels import (
    LABEL_STYLES,
    DiagramLabels,
    check_labelled_nodes,
    strength_fill,
)
from argmap.render.options import (
    DEFAULT_WRAP,
    DiagramChanges,
    DiagramOptions,
    Gap,
    acknowledgement,
    diagram_options,
    positive_int,
)
from argmap.render.quoting import (
    HtmlLabel,
    QuotedString,
    attr_list,
    clean,
    dot_id,
    dot_string,
    label_text,
)
from argmap.render.styles import (
    ANALYST_TAIL,
    EDGE_STYLES,
    FONT,
    GAP_COLOURS,
    GAP_PENWIDTH,
    GAP_STYLE,
    HEADER_COLOUR,
    NODE_STYLES,
    WARNING_COLOUR,
    Legend,
    is_analysts,
)
from argmap.schemes import find_scheme

if TYPE_CHECKING:
    from typing import Unpack

    import graphviz

    from argmap.map import ArgumentMap

__all__ = ["DEFAULT_WRAP", "Gap", "attack_roles", "neighbourhood", "to_dot", "wrap_text"]

_FONT_SIZE = 12.0
_CENTRAL_FONT_SIZE = 14.0
_SMALL = 9
_GAP_WIDTH = f"{GAP_PENWIDTH:g}"
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# Scripts the engines measure with a Latin font's widths, and so draw too narrow a box for.
_LATIN_NAMES = ("LATIN", "MODIFIER LETTER", "FEMININE ORDINAL", "MASCULINE ORDINAL")


# -- text -------------------------------------------------------------------------------------


def _columns(text: str) -> int:
    """Display width: wide (CJK) characters take two columns, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def _wider_than(text: str, width: int) -> bool:
    """Whether ``text`` takes more than ``width`` columns, counting no further than that (a
    40 kB word used to be measured whole for each of its lines: quadratic)."""
    used = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > width:
            return True
    return False


def wrap_text(text: str, *, width: int = DEFAULT_WRAP) -> list[str]:
    """Wrap ``text`` into lines of at most ``width`` columns, keeping its own line breaks.

    A word longer than a line is cut; text without spaces, such as Chinese, is cut anywhere.
    A line always holds at least one character, so a wide character on a line one column wide
    stands alone on its line.

    Raises:
        RenderError: ``width`` is not a whole number of at least 1.

    Examples:
        >>> wrap_text("Pressure on the regime works, as five cases show.", width=20)
        ['Pressure on the', 'regime works, as', 'five cases show.']
        >>> wrap_text("한국어 문장은 두 칸씩 셉니다", width=10)
        ['한국어', '문장은 두', '칸씩', '셉니다']
    """
    positive_int("wrap", width, minimum=1)
    lines: list[str] = []
    for paragraph in clean(text).splitlines() or [""]:
        current, used = "", 0
        for word in paragraph.split():
            rest = word
            while _wider_than(rest, width):  # cut an overlong word into full lines
                room = width - used - (1 if current else 0)
                # On an empty line take at least one character, or a wide one never fits.
                head, rest = _cut(rest, room, at_least_one=not current)
                line = f"{current} {head}" if current and head else current or head
                if not rest:  # a wide character alone on a line narrower than it
                    current, used = line, _columns(line)
                    break
                lines.append(line)
                current, used = "", 0
            if not rest:
                continue
            need = _columns(rest) + (1 if current else 0)
            if used + need > width:
                lines.append(current)
                current, used = rest, _columns(rest)
            else:
                current, used = (f"{current} {rest}" if current else rest), used + need
        lines.append(current)
    return lines


def _cut(word: str, room: int, *, at_least_one: bool = False) -> tuple[str, str]:
    """Split ``word`` after at most ``room`` columns, never before a combining mark.

    With ``at_least_one`` the head holds at least one character even when it is wider than
    ``room``.
    """
    used = 0
    for i, ch in enumerate(word):
        columns = _columns(ch)
        if columns and used + columns > room and (used or not at_least_one):
            return word[:i], word[i:]
        used += columns
    return word, ""


def _other_script(ch: str) -> bool:
    """Is ``ch`` a letter of a script other than Latin, such as Hangul, CJK, Arabic or Hebrew?

    Punctuation and symbols (curly quotes, dashes, ``▲``) are not: the engines know their widths.
    """
    if unicodedata.east_asian_width(ch) in "WF":
        return True
    if unicodedata.category(ch)[0] != "L":
        return False
    return not unicodedata.name(ch, "LATIN").startswith(_LATIN_NAMES)


def _estimated_width(lines: Iterable[str], font_size: float) -> float | None:
    """Inches a label needs when it holds non-Latin text, which some engines under-measure."""
    widest = 0.0
    non_latin = False
    for line in lines:
        em = 0.0
        for ch in line:
            if not non_latin and _other_script(ch):
                non_latin = True
            if unicodedata.combining(ch):
                continue
            em += 0.92 if unicodedata.east_asian_width(ch) in "WF" else 0.58
        widest = max(widest, em)
    if not non_latin:
        return None
    return round(widest * font_size / 72 + 0.35, 2)


# -- which nodes ------------------------------------------------------------------------------


@dataclass
class _Structure:
    """Who takes part in which inference, indexed once: every question below is then linear.

    ``hubs`` maps a statement to the inferences it takes part in directly (as a premise or as
    the statement attacked or supported); ``undercutters`` maps an inference to the inferences
    that attack it; ``target`` maps an inference to the inference it attacks, if it does.
    """

    hubs: dict[str, list[Support | Attack]] = field(default_factory=dict)
    undercutters: dict[str, list[Support | Attack]] = field(default_factory=dict)
    target: dict[str, Support | Attack] = field(default_factory=dict)
    bears_on: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, m: ArgumentMap) -> _Structure:
        s = cls()
        inferences = {i.id: i for i in m.inferences()}
        for inference in inferences.values():
            for premise in inference.premises:
                s.hubs.setdefault(premise, []).append(inference)
            target = inferences.get(inference.target)
            if target is None:
                s.hubs.setdefault(inference.target, []).append(inference)
            else:
                s.undercutters.setdefault(target.id, []).append(inference)
                s.target[inference.id] = target
        # The statement each inference finally bears on: the map works it out once, when the
        # inference is added, and keeps it in its index.
        s.bears_on = m.index.bears_on
        return s

    def members(self, inference: Support | Attack) -> list[str]:
        """Its premises, and the statement it supports or attacks (none for an undercutter)."""
        if inference.id in self.target:
            return list(inference.premises)
        return [*inference.premises, inference.target]

    def down(self, start: Iterable[Support | Attack], seen: set[str]) -> set[str]:
        """The statements the inferences in ``start`` join, with those of the inferences they
        undercut, down to a statement: each inference looked at once per ``seen``."""
        joined: set[str] = set()
        stack = [i for i in start if i.id not in seen]
        seen.update(i.id for i in stack)
        while stack:
            inference = stack.pop()
            joined.update(self.members(inference))
            below = self.target.get(inference.id)
            if below is not None and below.id not in seen:
                seen.add(below.id)
                stack.append(below)
        return joined

    def up(self, start: Iterable[Support | Attack], seen: set[str]) -> list[Support | Attack]:
        """The inferences in ``start`` and all that undercut them, each looked at once."""
        found: list[Support | Attack] = []
        stack = [i for i in start if i.id not in seen]
        seen.update(i.id for i in stack)
        while stack:
            inference = stack.pop()
            found.append(inference)
            for above in self.undercutters.get(inference.id, ()):
                if above.id not in seen:
                    seen.add(above.id)
                    stack.append(above)
        return found

    def drawn(self, m: ArgumentMap, shown: set[str]) -> list[Support | Attack]:
        """The inferences to draw: each whose premises are shown, and whose target is a shown
        statement or an inference that is drawn; in the map's order."""
        memo: dict[str, bool] = {}
        for inference in m.inferences():
            chain: list[Support | Attack] = []
            current: Support | Attack | None = inference
            verdict = True
            while current is not None and current.id not in memo:
                chain.append(current)
                if not all(p in shown for p in current.premises):
                    verdict = False
                    break
                below = self.target.get(current.id)
                if below is None:
                    verdict = current.target in shown
                    break
                current = below
            else:
                if current is not None:
                    verdict = memo[current.id]
            # A link is drawn only if everything below it is: the verdict holds for the chain,
            # except that a failed link fails only itself and those above it.
            for link in chain:
                memo[link.id] = verdict
        return [i for i in m.inferences() if memo[i.id]]


def neighbourhood(m: ArgumentMap, focus: str, *, depth: int) -> set[str]:
    """Return the ids of the statements within ``depth`` steps of ``focus``.

    A step joins two statements that take part in one inference: a premise and what it supports
    or attacks, two premises of one linked inference, and an undercutter and the statements of
    the inference it undercuts (and, down a chain of attacks on attacks, of the inferences
    those undercut). Inferences are not steps. Focusing on an inference starts from all the
    statements it joins. Linear in the size of the map, whatever the depth.

    Raises:
        UnknownNodeError: The map holds no node ``focus``.
        RenderError: ``focus`` is not a string, or ``depth`` is not a whole number of 0 or more.

    Examples:
        >>> from argmap.examples import north_korea
        >>> sorted(neighbourhood(north_korea(), "uk", depth=1))
        ['concedes', 'keeps_relations', 'uk']
    """
    if not isinstance(focus, str):
        raise RenderError(f"focus must be a node id (a string), not {focus!r}")
    positive_int("depth", depth, minimum=0)
    model = m[focus]  # raises UnknownNodeError naming it
    s = _Structure.of(m)
    return _within(s, model, depth)


def _within(s: _Structure, model: Statement | Support | Attack, depth: int) -> set[str]:
    # A statement x is one step from every statement joined by an inference that joins x: those
    # it takes part in directly and, up the chain, those that undercut them. So a step goes up
    # from x's inferences, then down from each. Each inference is gone up from once and down
    # from once in the whole search, so the search is linear.
    up_seen: set[str] = set()
    down_seen: set[str] = set()
    seen = s.down([model], set()) if isinstance(model, Support | Attack) else {model.id}
    frontier = set(seen)
    for _ in range(depth):
        hubs = [h for x in frontier for h in s.hubs.get(x, ())]
        frontier = s.down(s.up(hubs, up_seen), down_seen) - seen
        if not frontier:
            break
        seen |= frontier
    return seen


# -- gaps -------------------------------------------------------------------------------------


@dataclass
class _Overlay:
    notes: dict[str, list[Gap]] = field(default_factory=dict)

    def add(self, node_id: str, gap: Gap) -> None:
        self.notes.setdefault(node_id, []).append(gap)

    def colour(self, node_id: str) -> str | None:
        gaps = self.notes.get(node_id)
        if not gaps:
            return None
        severity = min(
            (str(getattr(g, "severity", "warning")) for g in gaps),
            key=lambda s: _SEVERITY_RANK.get(s, 1),
        )
        return GAP_COLOURS.get(severity, GAP_COLOURS["warning"])

    def lines(self, node_id: str) -> list[str]:
        return [f"{g.rule} {g.name}: {g.message}" for g in self.notes.get(node_id, ())]

    def codes(self, node_id: str) -> list[str]:
        return list(dict.fromkeys(g.rule for g in self.notes.get(node_id, ())))


def _overlay(m: ArgumentMap, findings: tuple[Gap, ...]) -> tuple[_Overlay, _Overlay, _Overlay]:
    """Open findings by node, and by inference for the edges a finding names; and the findings
    the map acknowledges, by the nodes they name, which are noted but not outlined: a weakness
    recorded on purpose is no gap left to fill."""
    nodes, edges, acked = _Overlay(), _Overlay(), _Overlay()
    if not findings:
        return nodes, edges, acked
    # Indexed once, so that each finding costs only as much as the nodes it names.
    premise_of: dict[str, list[Support | Attack]] = {}
    for inference in m.inferences():
        for premise in inference.premises:
            premise_of.setdefault(premise, []).append(inference)
    for gap in findings:
        named = set(gap.nodes)
        marked: set[str] = set()
        for node_id in gap.nodes:
            if node_id not in m and node_id not in m.sources:
                raise UnknownNodeError(
                    f"finding {gap.rule} names unknown node {node_id!r}; "
                    "was it checked on another map?",
                    node=node_id,
                )
            if node_id not in m:
                continue
            if acknowledgement(m, gap):
                acked.add(node_id, gap)
                continue
            nodes.add(node_id, gap)
            # An inference named, or one whose premise and target are both named (a path, a cycle).
            if isinstance(m[node_id], Support | Attack):
                marked.add(node_id)
            marked.update(i.id for i in premise_of.get(node_id, ()) if i.target in named)
        for inference_id in sorted(marked):
            edges.add(inference_id, gap)
    return nodes, edges, acked


# -- the diagram ------------------------------------------------------------------------------


def _case_notes(m: ArgumentMap, case: Case, room: int) -> list[str]:
    """The small lines under a case: when, where its words come from, what it cites."""
    lines: list[str] = []
    if case.when:
        lines.append(_clip(f"when: {case.when}", room))
    quoted = _unique(q.source for q in case.quotes)
    if quoted:
        lines.append(_clip("quoted from: " + "; ".join(_source_title(m, s) for s in quoted), room))
    if case.cites:
        lines.append(_clip("cites: " + "; ".join(_source_title(m, s) for s in case.cites), room))
    else:
        lines.append("▲ cites no source")
    if case.attribution:
        lines.append(_clip(f"▲ hearsay: “{case.attribution}”", room))
    return lines


def _source_title(m: ArgumentMap, source_id: str) -> str:
    source = m.sources.get(source_id)
    return source.title if source is not None else source_id


def _clip(text: str, width: int) -> str:
    """One line of at most ``width`` columns; the full text is in the tooltip."""
    if _columns(text) <= width:
        return text
    head, _ = _cut(text, width - 1)
    return head.rstrip() + "…"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _small(text: str, *, colour: str = HEADER_COLOUR, size: int = _SMALL, tag: str = "") -> str:
    inner = label_text(text)
    if tag:
        inner = f"<{tag}>{inner}</{tag}>"
    return f'<FONT POINT-SIZE="{size}" COLOR="{colour}">{inner}</FONT>'


def _relation(m: ArgumentMap, inference: Support | Attack) -> str:
    if isinstance(inference, Support):
        return "support"
    return "undercut" if isinstance(m[inference.target], Support | Attack) else "attack"


def attack_roles(m: ArgumentMap, statement_id: str) -> list[str]:
    """Return what the statement does as a premise of attacks: ``rebuts``, ``undercuts``, or both.

    A node's kind says what it is; its role says what it does. An objection of kind ``rebuttal``
    may undercut an inference (Pollock's undercutting defeater) and a claim may rebut an objection,
    so the diagram labels attacking statements by role, and keeps the kind beside it.

    Examples:
        >>> from argmap.examples import north_korea
        >>> m = north_korea()
        >>> attack_roles(m, "prisoners_moved"), attack_roles(m, "unfounded"), attack_roles(m, "uk")
        (['undercuts'], ['rebuts'], [])
    """
    relations = {_relation(m, i) for i in m.uses_of(statement_id) if isinstance(i, Attack)}
    return [role for relation, role in _ROLES if relation in relations]


_ROLES = (("attack", "rebuts"), ("undercut", "undercuts"))


def _scheme_name(scheme_id: str) -> str:
    """A scheme's name for people: the catalogue's, or the name as the map gives it."""
    scheme = find_scheme(scheme_id)
    return scheme.name if scheme is not None else scheme_id


def _scheme_label(inference: Support | Attack) -> HtmlLabel | None:
    if not isinstance(inference, Support) or inference.scheme is None:
        return None
    name = _scheme_name(inference.scheme).removeprefix("Argument from ").lower()
    return HtmlLabel(_small(name, size=_SMALL + 1, tag="I"))


def _inference_title(inference: Support | Attack, relation: str) -> str:
    if isinstance(inference, Support):
        scheme = f" ({_scheme_name(inference.scheme)})" if inference.scheme else ""
        return f"{inference.id}: support{scheme}"
    what = "undercuts" if relation == "undercut" else "attacks"
    question = f", asking {inference.question}" if inference.question else ""
    return f"{inference.id}: {what} {inference.target}{question}"


@dataclass
class _Builder:
    """Collects DOT statements, and the kinds drawn for the legend."""

    m: ArgumentMap
    wrap: int
    tooltips: bool
    marks: DiagramLabels | None
    node_gaps: _Overlay
    edge_gaps: _Overlay
    acked: _Overlay
    lines: list[str] = field(default_factory=list)
    node_kinds: set[str] = field(default_factory=set)
    edge_kinds: set[str] = field(default_factory=set)
    gap_colours: set[str] = field(default_factory=set)
    unmarked: int = 0
    acknowledged: bool = False
    analyst: bool = False

    def node(self, name: str, attrs: Mapping[str, str | None]) -> None:
        self.lines.append(f"\t{dot_id(name)}{attr_list(attrs)}\n")

    def edge(self, tail: str, head: str, attrs: Mapping[str, str | None]) -> None:
        self.lines.append(f"\t{dot_id(tail)} -> {dot_id(head)}{attr_list(attrs)}\n")

    def tooltip(self, *lines: str) -> QuotedString | None:
        return dot_string(*lines) if self.tooltips else None

    def statement(self, statement: Statement) -> None:
        central = statement.id == self.m.central
        kind = "central" if central else statement.kind
        self.node_kinds.add(kind)
        style = NODE_STYLES[kind]
        colour = self.node_gaps.colour(statement.id)
        if colour:
            self.gap_colours.add(colour)
        body = wrap_text(statement.text, width=self.wrap)
        # Tags show who says it: the analyst's own objections must not pass for the text's.
        # ASCII separators: an engine without font files (graphviz-pure) measures only ASCII,
        # and this header is in every node.
        tags = "".join(f" | #{t}" for t in statement.tags)
        # An attacking statement is labelled by what it does, its kind kept beside the role.
        roles = attack_roles(self.m, statement.id)
        header = f"{' | '.join(roles).upper()} | {style.title}" if roles else style.title.upper()
        parts = [_small(f"{header} | {statement.id}{tags}"), *map(label_text, body)]
        if isinstance(statement, Case):
            for note in _case_notes(self.m, statement, self.wrap + 8):
                warn = note.startswith("▲")
                parts.append(
                    _small(note, colour=WARNING_COLOUR if warn else HEADER_COLOUR, size=_SMALL + 1)
                )
        mark = self._mark(statement.id)
        if mark is not None:
            parts.append(mark)
        if colour:
            codes = " ".join(self.node_gaps.codes(statement.id))
            parts.append(_small(f"▲ {codes}", colour=colour, size=_SMALL + 1, tag="B"))
        acked = self.acked.codes(statement.id)
        if acked:
            self.acknowledged = True
            parts.append(_small(f"acknowledged: {' '.join(acked)}", size=_SMALL + 1))
        size = _CENTRAL_FONT_SIZE if central else _FONT_SIZE
        tip = [
            *self.node_gaps.lines(statement.id),
            *self._acked_lines(statement.id),
            *self._mark_tip(statement.id),
            statement.text,
        ]
        if isinstance(statement, Case):
            tip += [f"quoted from: {_source_title(self.m, q.source)}" for q in statement.quotes[:1]]
        if statement.note:
            tip.append(f"note: {statement.note}")
        width = _estimated_width(body, size)
        self.node(
            statement.id,
            {
                "label": HtmlLabel("<BR/>".join(parts)),
                **style.attrs(),
                "class": " ".join(
                    [
                        statement.kind,
                        *(["central"] if central else []),
                        *(["gap"] if colour else []),
                        *(["acknowledged"] if acked else []),
                        *self._mark_classes(statement.id),
                    ]
                ),
                "fontsize": f"{size:g}" if central else None,
                "width": None if width is None else f"{width:g}",
                "tooltip": self.tooltip(*tip),
                **(
                    {"color": colour, "penwidth": _GAP_WIDTH, "style": f"{style.style},{GAP_STYLE}"}
                    if colour
                    else {}
                ),
                **self._fill(statement.id),
            },
        )

    def _acked_lines(self, node_id: str) -> list[str]:
        lines = []
        for g in self.acked.notes.get(node_id, ()):
            reason = acknowledgement(self.m, g)
            why = f": {reason}" if isinstance(reason, str) else ""
            lines.append(f"{g.rule} {g.name}: {g.message} (acknowledged{why})")
        return lines

    def _mark(self, node_id: str, *, size: int = _SMALL + 2) -> str | None:
        """The node's mark as label text (bold, in its label's colour); notes which were drawn."""
        if self.marks is None:
            return None
        text = self.marks.mark(node_id)
        if text is None:
            self.unmarked += 1
            return None
        if self.marks.kind == "strengths":
            text = f"strength {text}"
        elif self.marks.kind == "texts":
            text = f"◆ {text}"
        return _small(text, colour=self.marks.colour(node_id), size=size, tag="B")

    def _mark_tip(self, node_id: str) -> list[str]:
        if self.marks is None or node_id not in self.marks.by_id:
            return []
        label = self.marks.label(node_id)
        meaning = f" ({LABEL_STYLES[label].title})" if label is not None else ""
        return [f"{self.marks.title}: {self.marks.mark(node_id)}{meaning}"]

    def _mark_classes(self, node_id: str) -> list[str]:
        if self.marks is None or self.marks.kind == "texts":
            return []
        label = self.marks.label(node_id)
        if label is not None:
            return [f"label-{label}"]
        return ["strength"] if self.marks.strength(node_id) is not None else ["unlabelled"]

    def _fill(self, node_id: str) -> dict[str, str]:
        fill = None if self.marks is None else self.marks.fill(node_id)
        if fill is None and self.marks is not None and self.marks.kind != "texts":
            fill = "#FFFFFF"  # not evaluated: no colour of the kind's to pass for a label
        return {} if fill is None else {"fillcolor": fill}

    def inference(self, inference: Support | Attack, *, junction: bool) -> None:
        relation = _relation(self.m, inference)
        self.edge_kinds.add(relation)
        ids = inference.id
        colour = self.edge_gaps.colour(ids) or self.node_gaps.colour(ids)
        if colour:
            self.gap_colours.add(colour)
        findings = _unique(
            [*self.edge_gaps.lines(ids), *self.node_gaps.lines(ids), *self._acked_lines(ids)]
        )
        analyst = is_analysts(inference)
        tip = [*findings, *self._mark_tip(ids), _inference_title(inference, relation)]
        if analyst:
            self.analyst = True
            tip.append("added by the analyst: the text does not make this inference")
        if inference.note:
            tip.append(f"note: {inference.note}")
        gap = " gap" if colour else ""
        marked = "".join(
            f" {c}" for c in [*self._mark_classes(ids), *(["analyst"] if analyst else [])]
        )
        # The analyst's: an open circle where the premise's line starts.
        tail = {"dir": "both", "arrowtail": ANALYST_TAIL} if analyst else {}
        attrs: dict[str, str | None] = {
            **EDGE_STYLES[relation].attrs(),
            "tooltip": self.tooltip(*tip),
            "class": relation + gap,
        }
        if colour:
            attrs.update(color=colour, penwidth=_GAP_WIDTH)
        # The scheme names why the premises support the conclusion: worth reading on the arrow.
        # The inference's own mark goes on its last line, into what it bears on: one per
        # inference, however many premises.
        mark = self._mark(ids, size=_SMALL + 1)
        scheme = _scheme_label(inference)
        lines = [str(scheme)] if scheme is not None else []
        if analyst:
            lines.append(_small("analyst", size=_SMALL + 1, tag="I"))
        if mark is not None:
            lines.append(mark)
        label = HtmlLabel("<BR/>".join(lines)) if lines else None
        into = {**attrs, "label": label, "class": f"{relation}{gap}{marked}"}
        if not junction:
            for premise in inference.premises:
                self.edge(premise, inference.target, {**into, **tail})
            return
        self.node_kinds.add(inference.kind)
        dot = NODE_STYLES[inference.kind].attrs()
        if colour:
            dot.update(color=colour, fillcolor=colour)
        self.node(
            ids,
            {
                **dot,
                "width": "0.16" if colour else "0.11",
                "label": "",
                "class": f"junction {inference.kind}{gap}{marked}",
                "tooltip": attrs["tooltip"],
            },
        )
        for premise in inference.premises:
            self.edge(
                premise,
                ids,
                {
                    **attrs,
                    **tail,
                    "arrowhead": "none",
                    "class": f"{relation} linked{gap}{marked}",
                },
            )
        # A premise-less inference has no premise line: its circle is at the junction.
        self.edge(ids, inference.target, {**into, **(tail if not inference.premises else {})})


def to_graphviz(
    m: ArgumentMap,
    *,
    options: DiagramOptions | None = None,
    **changes: Unpack[DiagramChanges],
) -> graphviz.Source:
    """Return the map's diagram as a :class:`graphviz.Source`, for the graphviz package's own API.

    argmap draws without any system package (:meth:`~argmap.map.ArgumentMap.render`); this hands
    the same DOT to the `graphviz <https://graphviz.readthedocs.io>`_ package, for those who have
    Graphviz installed and want its engines and options: ``.render(format=..., engine="neato")``,
    ``.pipe()``, ``.view()``, or its notebook display.

    Args:
        m: The map.
        options: What to draw, as for :func:`to_dot`.
        **changes: Any option as a keyword, as for :func:`to_dot`.

    Examples:
        >>> from argmap.examples import north_korea
        >>> source = to_graphviz(north_korea(), focus="uk", depth=1)
        >>> source.engine, source.source == to_dot(north_korea(), focus="uk", depth=1)
        ('dot', True)
    """
    import graphviz  # noqa: PLC0415  # a dependency, but only this function needs it

    return graphviz.Source(to_dot(m, options=options, **changes), engine="dot")


def to_dot(
    m: ArgumentMap,
    *,
    options: DiagramOptions | None = None,
    **changes: Unpack[DiagramChanges],
) -> str:
    """Return the DOT source of the map's diagram.

    Args:
        m: The map.
        options: What to draw (see :class:`~argmap.render.DiagramOptions`): ``focus`` and
            ``depth`` for a neighbourhood, ``gaps`` to overlay findings, ``wrap``, ``legend``,
            ``tooltips``, ``title`` and ``labels``.
        **changes: Any of those options as keywords, changing ``options`` (or the defaults).

    Raises:
        UnknownNodeError: ``focus``, or a node a finding names, is not in the map.
        RenderError: An option of the wrong type or out of range (see
            :class:`~argmap.render.DiagramOptions`).

    Examples:
        >>> from argmap.examples import north_korea
        >>> source = to_dot(north_korea(), focus="uk", depth=1, legend=False)
        >>> '"uk" -> "concedes"' in source, '"japan"' in source
        (True, False)
    """
    require_map(m, "to_dot")
    o = diagram_options(options, changes)
    marks = o.marks
    if marks is not None:
        check_labelled_nodes(m, marks)
    structure = _Structure.of(m)
    if o.focus is not None:
        model = m[o.focus]  # raises UnknownNodeError naming it
        shown = _within(structure, model, o.steps)
    else:
        shown = {s.id for s in m.statements()}
    node_gaps, edge_gaps, acked = _overlay(m, o.findings)
    # An inference is drawn when all it joins is drawn: never a linked argument half shown.
    drawn = structure.drawn(m, shown)
    undercut = {structure.target[i.id].id for i in drawn if i.id in structure.target}

    b = _Builder(m, o.wrap, o.tooltips, marks, node_gaps, edge_gaps, acked)
    for statement in m.statements():
        if statement.id in shown:
            b.statement(statement)
    for inference in drawn:
        # A premise-less inference (Carneades) is a junction dot alone, pointing at its target.
        b.inference(inference, junction=len(inference.premises) != 1 or inference.id in undercut)

    out = ["digraph argmap {\n"]
    graph: dict[str, str | None] = {
        "rankdir": "BT",
        "fontname": FONT,
        "nodesep": "0.3",
        "ranksep": "0.5",
        "newrank": "true",
    }
    if o.title and m.title:
        graph["label"] = HtmlLabel(f'<FONT POINT-SIZE="16">{label_text(m.title)}</FONT>')
        graph["labelloc"] = "t"
        graph["tooltip"] = dot_string(m.title) if o.tooltips else None
    out.append(f"\tgraph{attr_list(graph)}\n")
    node = {"fontname": FONT, "fontsize": f"{_FONT_SIZE:g}", "margin": "0.15,0.08"}
    out.append(f"\tnode{attr_list(node)}\n")
    out.append(f"\tedge{attr_list({'fontname': FONT, 'fontsize': '10'})}\n")
    out.extend(b.lines)
    if o.legend and (b.node_kinds or b.edge_kinds):
        severities = [s for s, c in GAP_COLOURS.items() if c in b.gap_colours]
        filled = marks is not None and marks.kind != "texts"
        legend = Legend.for_kinds(
            b.node_kinds,
            b.edge_kinds,
            severities,
            acknowledged=b.acknowledged,
            analyst=b.analyst,
        )
        kinds, last = _legend(legend, filled=filled)
        out.extend(kinds)
        out.extend(_below(_LEGEND_TOP, _bottom(shown, drawn, undercut)))
        if marks is not None:
            out.extend(_labels_legend(marks, b, focus=o.focus is not None))
            # The labels' legend under the kinds' legend's last row.
            out.append(f"\t{dot_id(_LABELS_TOP)} -> {dot_id(last)}{attr_list(_INVISIBLE)}\n")
    out.append("}\n")
    return "".join(out)


_LEGEND_TOP = "legend top"
_LABELS_TOP = "legend labels top"
_LEGEND_ROW = 4
"""Samples per row of the legend: a few short rows under the map, never one long row beside it."""


def _bottom(shown: set[str], drawn: list[Support | Attack], undercut: set[str]) -> list[str]:
    """The nodes nothing points at, which the layout puts lowest: premises that are no target."""
    heads = set()
    junctions = set()
    for inference in drawn:
        heads.add(inference.target)
        if len(inference.premises) != 1 or inference.id in undercut:
            junctions.add(inference.id)
            if inference.premises:
                heads.add(inference.id)
    return sorted((shown | junctions) - heads)


_INVISIBLE = {"style": "invis", "weight": "0"}


def _below(top: str, bottom: list[str]) -> list[str]:
    """Invisible edges that keep the legend (its anchor ``top``) below every node of the map,
    so that it adds height under the picture rather than width beside it."""
    return [f"\t{dot_id(top)} -> {dot_id(name)}{attr_list(_INVISIBLE)}\n" for name in bottom]


def _rows(units: list[list[str]], top: str) -> tuple[list[str], str]:
    """Lay out the legend's samples (``units``: the names of one sample's nodes) in rows of
    :data:`_LEGEND_ROW`, the first row on top, with an invisible anchor named ``top`` in it;
    return the lines and the first node of the last row."""
    lines = [f"\t\t{dot_id(top)}{attr_list({'shape': 'point', 'style': 'invis', 'width': '0'})}\n"]
    invisible = {"style": "invis"}
    above = None
    for start in range(0, len(units), _LEGEND_ROW):
        row = [name for unit in units[start : start + _LEGEND_ROW] for name in unit]
        if above is None:  # the anchor stands in the first row, taking no rank of its own
            row.insert(0, top)
        else:  # bottom to top: an edge from the row to the one above puts it below
            lines.append(f"\t\t{dot_id(row[0])} -> {dot_id(above)}{attr_list(invisible)}\n")
        lines.append("\t\t{rank=same; " + "; ".join(dot_id(n) for n in row) + "}\n")
        above = row[0]
    return lines, above or top


def _labels_legend(marks: DiagramLabels, b: _Builder, *, focus: bool) -> list[str]:
    """What the marks mean, as a cluster of sample nodes titled with the semantics."""
    title = marks.title + (", of the whole map" if focus else "")
    box = {
        "label": HtmlLabel(_small(title, colour="#333333", size=_SMALL + 1)),
        "style": "rounded",
        "color": "#999999",
        "labeljust": "l",
        "tooltip": title,
    }
    lines = ["\tsubgraph cluster_legend_labels {\n", f"\t\tgraph{attr_list(box)}\n"]
    samples: list[tuple[str, str, str | None, str]] = []  # name, text, fill, class
    if marks.kind == "labels":
        # All three, drawn or not: the legend says what each mark would mean.
        for label, style in LABEL_STYLES.items():
            text = _small(f"{style.mark}", colour=style.colour, size=_SMALL + 2, tag="B")
            meaning = _small(f" {style.title}", colour="#000000", size=_SMALL + 1)
            samples.append((f"legend label {label}", text + meaning, style.fill, label))
    elif marks.kind == "strengths":
        for value in (0.0, 0.5, 1.0):
            text = _small(f"strength {value:.2f}", colour="#000000", size=_SMALL + 1, tag="B")
            samples.append((f"legend strength {value:g}", text, strength_fill(value), "strength"))
    else:
        text = _small("◆ note", colour="#000000", size=_SMALL + 1, tag="B")
        samples.append(("legend label note", text, None, "note"))
    if b.unmarked and marks.kind != "texts":
        text = _small("no mark: not in the labelling", colour="#000000", size=_SMALL + 1)
        samples.append(("legend label none", text, "#FFFFFF", "unlabelled"))
    for name, text, fill, cls in samples:
        attrs: dict[str, str | None] = {
            "shape": "box",
            "style": "filled" if fill else "solid",
            "fillcolor": fill,
            "color": "#555555",
            "label": HtmlLabel(text),
            "margin": "0.08,0.04",
            "class": f"legend label {cls}",
        }
        lines.append(f"\t\t{dot_id(name)}{attr_list(attrs)}\n")
    lines.extend(_rows([[n] for n, *_ in samples], _LABELS_TOP)[0])
    lines.append("\t}\n")
    return lines


def _legend(legend: Legend, *, filled: bool = False) -> tuple[list[str], str]:
    """The legend as a cluster of sample nodes and edges in the kinds' own styles; with
    ``filled``, the statement samples are white, for the fill then says a label."""
    # Legend names hold a space, which no node id can, so they never collide with the map's.
    box = {
        "label": HtmlLabel(_small("Legend", colour="#333333", size=_SMALL + 1)),
        "style": "rounded",
        "color": "#999999",
        "labeljust": "l",
        "tooltip": "Legend",
    }
    lines = ["\tsubgraph cluster_legend {\n", f"\t\tgraph{attr_list(box)}\n"]

    def add(name: str, attrs: Mapping[str, str | None]) -> None:
        lines.append(f"\t\t{dot_id(name)}{attr_list(attrs)}\n")

    samples: list[list[str]] = []  # each sample's nodes, laid out in rows
    for kind in legend.nodes:
        node_style = NODE_STYLES[kind]
        name = f"legend {kind}"
        attrs: dict[str, str | None] = {**node_style.attrs(), "class": f"legend {kind}"}
        text = _small(node_style.title, colour="#000000", size=_SMALL + 1)
        if node_style.shape == "point":
            # An xlabel would overlap the next sample; a bullet in the label cannot.
            bullet = f'<FONT POINT-SIZE="16" COLOR="{node_style.color}">•</FONT>'
            attrs = {
                "shape": "plaintext",
                "label": HtmlLabel(f"{bullet} {text}"),
                "class": f"legend {kind}",
            }
        else:
            attrs.update(label=HtmlLabel(text), margin="0.08,0.04")
            if filled:
                attrs["fillcolor"] = "#FFFFFF"
        add(name, attrs)
        samples.append([name])
    for severity in legend.gaps:
        name = f"legend gap {severity}"
        add(
            name,
            {
                "shape": "box",
                "style": f"rounded,{GAP_STYLE}",
                "color": GAP_COLOURS[severity],
                "penwidth": _GAP_WIDTH,
                "label": HtmlLabel(
                    _small(f"▲ {severity} finding", colour="#000000", size=_SMALL + 1)
                ),
                "margin": "0.08,0.04",
                "class": f"legend gap {severity}",
            },
        )
        samples.append([name])
    if legend.acknowledged:
        name = "legend gap acknowledged"
        text = _small("acknowledged: AM… (a weakness recorded on purpose)", colour="#000000")
        add(
            name,
            {
                "shape": "box",
                "style": "rounded",
                "color": "#999999",
                "label": HtmlLabel(text),
                "margin": "0.08,0.04",
                "class": "legend gap acknowledged",
            },
        )
        samples.append([name])
    for kind in legend.edges:
        edge_style = EDGE_STYLES[kind]
        tail, head = f"legend {kind} from", f"legend {kind} to"
        for end in (tail, head):
            add(end, {"shape": "point", "width": "0.02", "color": "#999999", "class": "legend"})
        label = HtmlLabel(_small(edge_style.title, colour="#000000", size=_SMALL + 1))
        edge = {**edge_style.attrs(), "label": label, "class": f"legend {kind}"}
        # Same rank (its row's): the sample edge runs across, with its meaning as its label.
        lines.append(f"\t\t{dot_id(tail)} -> {dot_id(head)}{attr_list(edge)}\n")
        samples.append([tail, head])
    if legend.analyst:
        tail, head = "legend analyst from", "legend analyst to"
        for end in (tail, head):
            add(end, {"shape": "point", "width": "0.02", "color": "#999999", "class": "legend"})
        text = _small("added by the analyst (not in the text)", colour="#000000", size=_SMALL + 1)
        edge = {
            "color": "#555555",
            "dir": "both",
            "arrowtail": ANALYST_TAIL,
            "arrowhead": "none",
            "label": HtmlLabel(text),
            "class": "legend analyst",
        }
        lines.append(f"\t\t{dot_id(tail)} -> {dot_id(head)}{attr_list(edge)}\n")
        samples.append([tail, head])
    rows, last = _rows(samples, _LEGEND_TOP)
    lines.extend(rows)
    lines.append("\t}\n")
    return lines, last
