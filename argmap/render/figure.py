"""What each statement and inference of a diagram shows and how it looks, built once.

The static diagram (:mod:`argmap.render.dot`) and the interactive viewer
(:mod:`argmap.render.html`) draw the same thing: a statement's header, its text wrapped at
``wrap=`` columns, a case's notes, the evaluation's mark, the findings' codes; its fill, border
and outline; an inference's relation, colour and the words on its line. This module decides all
of it, once; the DOT writer turns each :class:`Line` into HTML-like label text, and the viewer
draws the same lines in the browser, so the two never wrap or mark differently.

Examples:
    >>> from argmap.examples import north_korea
    >>> from argmap.render.options import DiagramOptions
    >>> m = north_korea()
    >>> figures = Figures.of(m, DiagramOptions())
    >>> uk = figures.statement(m["uk"])
    >>> [(line.role, line.text) for line in uk.lines][:2]
    [('head', 'CASE | uk'), ('body', 'Britain refused all North Korean')]
    >>> figures.inference(m["s_uk"]).relation
    'support'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from argmap.diagram_types import Gap
from argmap.exceptions import UnknownNodeError
from argmap.model import Attack, Case, Statement, Support
from argmap.render.labels import LABEL_STYLES, DiagramLabels
from argmap.render.options import DEFAULT_WRAP, DiagramOptions, acknowledgement, positive_int
from argmap.render.quoting import clean
from argmap.render.styles import (
    EDGE_STYLES,
    GAP_COLOURS,
    GAP_PENWIDTH,
    GAP_STYLE,
    HEADER_COLOUR,
    NODE_STYLES,
    WARNING_COLOUR,
    is_analysts,
)
from argmap.schemes import find_scheme

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "BODY_SIZE",
    "CENTRAL_SIZE",
    "MORE_COLOUR",
    "Figures",
    "InferenceFigure",
    "Line",
    "StatementFigure",
    "attack_roles",
    "clip",
    "columns",
    "estimated_width",
    "more_line",
    "relation",
    "wrap_text",
]

BODY_SIZE = 12.0
"""A statement's text, in points (one CSS pixel per point in the viewer)."""
CENTRAL_SIZE = 14.0
"""The central claim's text, in points."""
SMALL_SIZE = 9.0
"""The header's size; notes are one point larger, marks two."""
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# Scripts the engines measure with a Latin font's widths, and so draw too narrow a box for.
_LATIN_NAMES = ("LATIN", "MODIFIER LETTER", "FEMININE ORDINAL", "MASCULINE ORDINAL")

LineRole = Literal[
    "head", "body", "note", "warn", "mark", "gap", "ack", "more", "scheme", "analyst"
]


# -- text -------------------------------------------------------------------------------------


def columns(text: str) -> int:
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
                    current, used = line, columns(line)
                    break
                lines.append(line)
                current, used = "", 0
            if not rest:
                continue
            need = columns(rest) + (1 if current else 0)
            if used + need > width:
                lines.append(current)
                current, used = rest, columns(rest)
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
        width = columns(ch)
        if width and used + width > room and (used or not at_least_one):
            return word[:i], word[i:]
        used += width
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


def estimated_width(lines: Iterable[str], font_size: float) -> float | None:
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


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` columns, cut with an ellipsis; the full text is elsewhere.

    Examples:
        >>> clip("quoted from: Amnesty International, 2016", 20)
        'quoted from: Amnest…'
    """
    if columns(text) <= width:
        return text
    head, _ = _cut(text, width - 1)
    return head.rstrip() + "…"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- findings ---------------------------------------------------------------------------------


@dataclass
class _Overlay:
    notes: dict[str, list[Gap]] = field(default_factory=dict)

    def add(self, node_id: str, gap: Gap) -> None:
        self.notes.setdefault(node_id, []).append(gap)

    def severity(self, node_id: str) -> str | None:
        gaps = self.notes.get(node_id)
        if not gaps:
            return None
        worst = min(
            (str(getattr(g, "severity", "warning")) for g in gaps),
            key=lambda s: SEVERITY_RANK.get(s, 1),
        )
        return worst if worst in GAP_COLOURS else "warning"

    def lines(self, node_id: str) -> list[str]:
        return [f"{g.rule} {g.name}: {g.message}" for g in self.notes.get(node_id, ())]

    def codes(self, node_id: str) -> list[str]:
        return _unique(g.rule for g in self.notes.get(node_id, ()))


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


# -- what a statement says --------------------------------------------------------------------


def _source_title(m: ArgumentMap, source_id: str) -> str:
    source = m.sources.get(source_id)
    return source.title if source is not None else source_id


def _case_notes(m: ArgumentMap, case: Case, room: int) -> list[str]:
    """The small lines under a case: when, where its words come from, what it cites."""
    lines: list[str] = []
    if case.when:
        lines.append(clip(f"when: {case.when}", room))
    quoted = _unique(q.source for q in case.quotes)
    if quoted:
        lines.append(clip("quoted from: " + "; ".join(_source_title(m, s) for s in quoted), room))
    if case.cites:
        lines.append(clip("cites: " + "; ".join(_source_title(m, s) for s in case.cites), room))
    else:
        lines.append("▲ cites no source")
    if case.attribution:
        lines.append(clip(f"▲ hearsay: “{case.attribution}”", room))
    return lines


def relation(m: ArgumentMap, inference: Support | Attack) -> str:
    """What an inference does: ``support``, ``attack`` (a statement) or ``undercut`` (an
    inference).

    Examples:
        >>> from argmap.examples import north_korea
        >>> m = north_korea()
        >>> relation(m, m["s_uk"]), relation(m, m["u_amnesty"])
        ('support', 'undercut')
    """
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
    relations = {relation(m, i) for i in m.uses_of(statement_id) if isinstance(i, Attack)}
    return [role for kind, role in _ROLES if kind in relations]


_ROLES = (("attack", "rebuts"), ("undercut", "undercuts"))


def _scheme_name(scheme_id: str) -> str:
    """A scheme's name for people: the catalogue's, or the name as the map gives it."""
    scheme = find_scheme(scheme_id)
    return scheme.name if scheme is not None else scheme_id


def _inference_title(inference: Support | Attack, kind: str) -> str:
    if isinstance(inference, Support):
        scheme = f" ({_scheme_name(inference.scheme)})" if inference.scheme else ""
        return f"{inference.id}: support{scheme}"
    what = "undercuts" if kind == "undercut" else "attacks"
    question = f", asking {inference.question}" if inference.question else ""
    return f"{inference.id}: {what} {inference.target}{question}"


# -- figures ----------------------------------------------------------------------------------

MORE_COLOUR = "#0B5CAD"
"""The ink of the line that says how many neighbours a statement's box leaves out."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a statement's box or an inference's line.

    Attributes:
        text: The words, already wrapped or clipped to fit.
        role: What it is: ``head`` (kind and id), ``body`` (the statement's text), ``note`` (a
            case's when and sources), ``warn`` (a case's warning), ``mark`` (the evaluation's
            label), ``gap`` (open findings' codes), ``ack`` (acknowledged findings' codes),
            ``scheme`` and ``analyst`` (on an inference's line).
        colour: The ink.
        size: The font size in points; a body line's is the statement's.
        bold: Drawn bold.
        italic: Drawn italic.
    """

    text: str
    role: LineRole
    colour: str
    size: float
    bold: bool = False
    italic: bool = False


def more_line(hidden: int) -> Line:
    """The line under a statement whose ``hidden`` neighbours are not drawn.

    Examples:
        >>> more_line(3).text
        '+3 more not shown'
    """
    return Line(f"+{hidden} more not shown", "more", MORE_COLOUR, SMALL_SIZE + 1, italic=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementFigure:
    """How one statement is drawn.

    Attributes:
        id: The statement's id.
        style: Its key in :data:`~argmap.render.styles.NODE_STYLES` (``central`` for the
            central claim, else its kind).
        lines: Its text, top to bottom.
        classes: CSS classes: its kind, ``central``, ``gap``, ``acknowledged``, its label's.
        fill: The fill: its kind's, or its label's or strength's.
        stroke: The border: its kind's, or its worst open finding's colour.
        penwidth: The border's width in points.
        flags: Graphviz ``style`` flags (``filled,rounded``, ``dashed`` for a finding).
        gap: The severity of its worst open finding, if any.
        font_size: Its body text's size in points.
        tooltip: What its tooltip says, line by line.
        width: Inches its box needs when the engine would under-measure its text, else None.
    """

    id: str
    style: str
    lines: tuple[Line, ...]
    classes: tuple[str, ...]
    fill: str
    stroke: str
    penwidth: float
    flags: str
    gap: str | None
    font_size: float
    tooltip: tuple[str, ...]
    width: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class InferenceFigure:
    """How one inference is drawn: its lines, and the words written on the line into its target.

    Attributes:
        id: The inference's id.
        relation: ``support``, ``attack`` or ``undercut``.
        lines: The words on the line: its scheme, ``analyst``, its mark.
        classes: CSS classes: the relation, ``gap``, its label's, ``analyst``.
        colour: The line's colour: the relation's, or its worst open finding's.
        penwidth: The line's width in points.
        gap: The severity of its worst open finding, if any.
        analyst: The analyst added it (the text does not make it).
        tooltip: What its tooltip says, line by line.
    """

    id: str
    relation: str
    lines: tuple[Line, ...]
    classes: tuple[str, ...]
    colour: str
    penwidth: float
    gap: str | None
    analyst: bool
    tooltip: tuple[str, ...]


@dataclass
class Figures:
    """The figures of one map's statements and inferences under one set of options.

    Build with :meth:`of`; :meth:`statement` and :meth:`inference` make a node's figure.
    """

    m: ArgumentMap
    wrap: int
    marks: DiagramLabels | None
    node_gaps: _Overlay
    edge_gaps: _Overlay
    acked: _Overlay

    @classmethod
    def of(cls, m: ArgumentMap, options: DiagramOptions) -> Figures:
        """The figures of ``m`` drawn with ``options`` (its findings, labels and wrap).

        Raises:
            UnknownNodeError: A finding names a node that is not in the map.
        """
        node_gaps, edge_gaps, acked = _overlay(m, options.findings)
        return cls(m, options.wrap, options.marks, node_gaps, edge_gaps, acked)

    def statement(self, statement: Statement, *, hidden: int = 0) -> StatementFigure:
        """How ``statement`` is drawn; ``hidden`` statements one step from it are not drawn,
        and its last line says so (:func:`more_line`), so that a part of a map shows where the
        map goes on."""
        central = statement.id == self.m.central
        key = "central" if central else statement.kind
        style = NODE_STYLES[key]
        size = CENTRAL_SIZE if central else BODY_SIZE
        small = SMALL_SIZE + 1
        # Tags show who says it: the analyst's own objections must not pass for the text's.
        # ASCII separators: an engine without font files (graphviz-pure) measures only ASCII,
        # and this header is in every node.
        tags = "".join(f" | #{t}" for t in statement.tags)
        # An attacking statement is labelled by what it does, its kind kept beside the role.
        roles = attack_roles(self.m, statement.id)
        header = f"{' | '.join(roles).upper()} | {style.title}" if roles else style.title.upper()
        body = wrap_text(statement.text, width=self.wrap)
        lines = [Line(f"{header} | {statement.id}{tags}", "head", HEADER_COLOUR, SMALL_SIZE)]
        lines += [Line(text, "body", "#000000", size) for text in body]
        if isinstance(statement, Case):
            for note in _case_notes(self.m, statement, self.wrap + 8):
                warn = note.startswith("▲")
                colour = WARNING_COLOUR if warn else HEADER_COLOUR
                lines.append(Line(note, "warn" if warn else "note", colour, small))
        mark = self._mark(statement.id, size=SMALL_SIZE + 2)
        if mark is not None:
            lines.append(mark)
        severity = self.node_gaps.severity(statement.id)
        if severity is not None:
            codes = " ".join(self.node_gaps.codes(statement.id))
            lines.append(Line(f"▲ {codes}", "gap", GAP_COLOURS[severity], small, bold=True))
        acked = self.acked.codes(statement.id)
        if acked:
            lines.append(Line(f"acknowledged: {' '.join(acked)}", "ack", HEADER_COLOUR, small))
        if hidden:
            lines.append(more_line(hidden))
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
        classes = [
            statement.kind,
            *(["central"] if central else []),
            *(["gap"] if severity else []),
            *(["acknowledged"] if acked else []),
            *self._mark_classes(statement.id),
        ]
        return StatementFigure(
            id=statement.id,
            style=key,
            lines=tuple(lines),
            classes=tuple(classes),
            fill=self._fill(statement.id) or style.fillcolor,
            stroke=GAP_COLOURS[severity] if severity else style.color,
            penwidth=GAP_PENWIDTH if severity else style.penwidth,
            flags=f"{style.style},{GAP_STYLE}" if severity else style.style,
            gap=severity,
            font_size=size,
            tooltip=tuple(tip),
            width=estimated_width(body, size),
        )

    def inference(self, inference: Support | Attack) -> InferenceFigure:
        """How ``inference`` is drawn."""
        kind = relation(self.m, inference)
        ids = inference.id
        severity = self.edge_gaps.severity(ids) or self.node_gaps.severity(ids)
        findings = _unique(
            [*self.edge_gaps.lines(ids), *self.node_gaps.lines(ids), *self._acked_lines(ids)]
        )
        analyst = is_analysts(inference)
        tip = [*findings, *self._mark_tip(ids), _inference_title(inference, kind)]
        if analyst:
            tip.append("added by the analyst: the text does not make this inference")
        if inference.note:
            tip.append(f"note: {inference.note}")
        small = SMALL_SIZE + 1
        # The scheme names why the premises support the conclusion: worth reading on the arrow.
        # The inference's own mark goes on its last line, into what it bears on.
        lines = []
        if isinstance(inference, Support) and inference.scheme is not None:
            name = _scheme_name(inference.scheme).removeprefix("Argument from ").lower()
            lines.append(Line(name, "scheme", HEADER_COLOUR, small, italic=True))
        if analyst:
            lines.append(Line("analyst", "analyst", HEADER_COLOUR, small, italic=True))
        mark = self._mark(ids, size=small)
        if mark is not None:
            lines.append(mark)
        classes = [
            kind,
            *(["gap"] if severity else []),
            *self._mark_classes(ids),
            *(["analyst"] if analyst else []),
        ]
        style = EDGE_STYLES[kind]
        return InferenceFigure(
            id=ids,
            relation=kind,
            lines=tuple(lines),
            classes=tuple(classes),
            colour=GAP_COLOURS[severity] if severity else style.color,
            penwidth=GAP_PENWIDTH if severity else style.penwidth,
            gap=severity,
            analyst=analyst,
            tooltip=tuple(tip),
        )

    def acknowledged(self, node_id: str) -> bool:
        """Whether a finding the map acknowledges names ``node_id``."""
        return bool(self.acked.notes.get(node_id))

    def _acked_lines(self, node_id: str) -> list[str]:
        lines = []
        for g in self.acked.notes.get(node_id, ()):
            reason = acknowledgement(self.m, g)
            why = f": {reason}" if isinstance(reason, str) else ""
            lines.append(f"{g.rule} {g.name}: {g.message} (acknowledged{why})")
        return lines

    def _mark(self, node_id: str, *, size: float) -> Line | None:
        """The node's mark (bold, in its label's colour), or None."""
        if self.marks is None:
            return None
        text = self.marks.mark(node_id)
        if text is None:
            return None
        if self.marks.kind == "strengths":
            text = f"strength {text}"
        elif self.marks.kind == "texts":
            text = f"◆ {clean(text)}"
        return Line(text, "mark", self.marks.colour(node_id), size, bold=True)

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

    def _fill(self, node_id: str) -> str | None:
        fill = None if self.marks is None else self.marks.fill(node_id)
        if fill is None and self.marks is not None and self.marks.kind != "texts":
            fill = "#FFFFFF"  # not evaluated: no colour of the kind's to pass for a label
        return fill
