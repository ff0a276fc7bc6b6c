"""Build the DOT source of an argument map's diagram: pure code, no layout binary involved.

What the diagram shows:

- every statement as a box whose header names its kind and id (the central claim with a double
  border), its text wrapped; a case also shows where its words come from, and is marked when it
  cites no source as evidence or rests on hearsay (its ``attribution``);
- every inference as edges from its premises to what it bears on, styled by
  :data:`~argmap.render.styles.EDGE_STYLES`. A linked inference (several premises), or a support
  that an undercutter attacks, is drawn through a small junction dot, so that one sees its premises
  act together and where the undercutter strikes;
- optionally a legend of the kinds shown, and an overlay of findings (see :class:`Gap`).

Every piece of text is escaped here: labels are HTML-like labels with ``&``, ``<``, ``>`` and
``"`` escaped; tooltips are DOT strings with backslashes and quotes escaped; node names are always
quoted. So no text can end a string, start a statement, or reach the SVG as markup. Layout engines
also expand ``\\G``, ``\\N``, ``\\L`` and the like to the graph's or node's name or label, even
in HTML-like labels and even when written ``&#92;``; so a WORD JOINER (U+2060, invisible) goes
between such a backslash and its letter, and a Windows path or a LaTeX ``\\Lambda`` is drawn as
written.

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

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import graphviz
from graphviz.quoting import attr_list

from argmap.exceptions import RenderError, UnknownNodeError
from argmap.map import ArgumentMap
from argmap.model import Attack, Case, Statement, Support
from argmap.render.styles import (
    EDGE_STYLES,
    FONT,
    GAP_COLOURS,
    GAP_PENWIDTH,
    GAP_STYLE,
    HEADER_COLOUR,
    NODE_STYLES,
    WARNING_COLOUR,
    Legend,
)
from argmap.schemes import get_scheme

__all__ = ["DEFAULT_WRAP", "Gap", "neighbourhood", "to_dot", "wrap_text"]

DEFAULT_WRAP = 40
"""Characters per line of a node's text (a wide character, such as Hangul, counts as two)."""

_FONT_SIZE = 12.0
_CENTRAL_FONT_SIZE = 14.0
_SMALL = 9
_GAP_WIDTH = f"{GAP_PENWIDTH:g}"
# Neither XML nor DOT can carry these; lone surrogates cannot even be encoded.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# A backslash before one of these letters is an escape the engines expand even in HTML-like labels
# (\G graph name, \N node name, \E edge, \T and \H tail and head, \L label), and graphviz-pure
# reads two backslashes as one; in a tooltip, dot also reads \n \l \r as line breaks.
_LABEL_ESCAPE = re.compile(r"\\(?=[GNETHL\\])")
_TOOLTIP_ESCAPE = re.compile(r"\\(?=[GNETHLnlr\\])")
_WORD_JOINER = "\u2060"
# Scripts the engines measure with a Latin font's widths, and so draw too narrow a box for.
_LATIN_NAMES = ("LATIN", "MODIFIER LETTER", "FEMININE ORDINAL", "MASCULINE ORDINAL")


class Gap(Protocol):
    """A finding to overlay on the diagram, as the checks produce them.

    Attributes:
        rule: The rule's code, such as ``"AM101"``.
        name: The rule's name, such as ``"unsupported-claim"``.
        nodes: The ids of the nodes it names (statements or inferences).
        message: One line that says what is wrong.

    An object with a ``severity`` (``"error"``, ``"warning"``, ``"info"``) is coloured by it;
    otherwise as a warning.
    """

    @property
    def rule(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def nodes(self) -> tuple[str, ...]: ...
    @property
    def message(self) -> str: ...


# -- text -------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _UNSAFE.sub("", text).replace("\t", " ")


def _inert(text: str, escape: re.Pattern[str] = _LABEL_ESCAPE) -> str:
    """Keep the engine from reading ``\\G``, ``\\N``, ``\\L``... as escapes: a word joiner
    after the backslash breaks the pair and draws nothing."""
    return escape.sub("\\\\" + _WORD_JOINER, text)


def _positive_int(option: str, value: object, *, minimum: int) -> int:
    """Return ``value`` if it is a whole number of at least ``minimum``; else a RenderError."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise RenderError(f"{option} must be a whole number, not {value!r}")
    if value < minimum:
        qualifier = "0 or more" if minimum == 0 else f"at least {minimum}"
        raise RenderError(f"{option} must be {qualifier}, not {value}")
    return value


def _columns(text: str) -> int:
    """Display width: wide (CJK) characters take two columns, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


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
    _positive_int("wrap", width, minimum=1)
    lines: list[str] = []
    for paragraph in _clean(text).splitlines() or [""]:
        current, used = "", 0
        for word in paragraph.split():
            rest = word
            while _columns(rest) > width:  # cut an overlong word into full lines
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


def _html(text: str) -> str:
    """Escape text for an HTML-like label (``'`` needs no escape outside attributes)."""
    return _inert(
        _clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def _dot_string(*lines: str) -> str:
    """A DOT escString whose backslashes are literal; lines joined by DOT's ``\\n``.

    ``&`` is escaped too: the engines pass an entity such as ``&#92;`` through to the SVG, where
    it would be read as the character it names.
    """
    parts = [part for line in lines for part in (_clean(line).splitlines() or [""])]
    escaped = (
        _inert(p, _TOOLTIP_ESCAPE).replace("\\", "\\\\").replace("&", "&amp;") for p in parts
    )
    # nohtml: a tooltip such as "<b>" is text, never an HTML-like string.
    quoted: str = graphviz.nohtml("\\n".join(escaped))
    return quoted


def _name(node_id: str) -> str:
    """A quoted DOT node name: quoting also keeps keywords and ``:`` (a port) from acting."""
    return '"' + node_id.replace("\\", "\\\\").replace('"', '\\"') + '"'


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


def _joined(m: ArgumentMap, inference: Support | Attack) -> list[str]:
    """The statements an inference joins: its premises and what it bears on."""
    target = m[inference.target]
    # An undercutter joins everything the inference it denies joins (a support or an attack).
    bears_on = _joined(m, target) if isinstance(target, Support | Attack) else [target.id]
    return [*inference.premises, *bears_on]


def neighbourhood(m: ArgumentMap, focus: str, *, depth: int) -> set[str]:
    """Return the ids of the statements within ``depth`` steps of ``focus``.

    A step joins two statements that take part in one inference: a premise and what it supports
    or attacks, two premises of one linked inference, and an undercutter and the statements of
    the support it undercuts. Inferences are not steps. Focusing on an inference starts from all
    the statements it joins.

    Raises:
        UnknownNodeError: The map holds no node ``focus``.
        RenderError: ``focus`` is not a string, or ``depth`` is not a whole number of 0 or more.

    Examples:
        >>> from argmap.examples import north_korea
        >>> sorted(neighbourhood(north_korea(), "uk", depth=1))
        ['keeps_relations', 'pressure', 'uk']
    """
    if not isinstance(focus, str):
        raise RenderError(f"focus must be a node id (a string), not {focus!r}")
    _positive_int("depth", depth, minimum=0)
    model = m[focus]  # raises UnknownNodeError naming it
    start = set(_joined(m, model)) if isinstance(model, Support | Attack) else {focus}
    neighbours: dict[str, set[str]] = {s.id: set() for s in m.statements()}
    for inference in m.inferences():
        joined = _joined(m, inference)
        for a in joined:
            neighbours[a].update(joined)
    seen, frontier = set(start), set(start)
    for _ in range(depth):
        frontier = {n for f in frontier for n in neighbours[f]} - seen
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


def _findings(gaps: object) -> list[Gap]:
    """Return ``gaps`` as a list, after checking that each looks like a finding."""
    if isinstance(gaps, str | bytes) or not isinstance(gaps, Iterable):
        raise RenderError(
            f"gaps must be a list of findings, such as check(m) returns, not {gaps!r}"
        )
    findings: list[Gap] = []
    for gap in gaps:
        fields = [getattr(gap, a, None) for a in ("rule", "name", "message")]
        nodes = getattr(gap, "nodes", None)
        if (
            not all(isinstance(f, str) for f in fields)
            or isinstance(nodes, str)
            or not isinstance(nodes, Iterable)
            or not all(isinstance(n, str) for n in nodes)
        ):
            raise RenderError(
                f"gaps: each finding needs a rule, name and message (strings) and nodes "
                f"(a tuple of node ids), as check(m) returns; got {gap!r}"
            )
        findings.append(gap)
    return findings


def _overlay(m: ArgumentMap, gaps: Iterable[Gap] | None) -> tuple[_Overlay, _Overlay]:
    """Findings by node, and by inference for the edges a finding names."""
    nodes, edges = _Overlay(), _Overlay()
    if gaps is None:
        return nodes, edges
    findings = _findings(gaps)
    if not findings:
        return nodes, edges
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
            nodes.add(node_id, gap)
            # An inference named, or one whose premise and target are both named (a path, a cycle).
            if isinstance(m[node_id], Support | Attack):
                marked.add(node_id)
            marked.update(i.id for i in premise_of.get(node_id, ()) if i.target in named)
        for inference_id in sorted(marked):
            edges.add(inference_id, gap)
    return nodes, edges


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
    inner = _html(text)
    if tag:
        inner = f"<{tag}>{inner}</{tag}>"
    return f'<FONT POINT-SIZE="{size}" COLOR="{colour}">{inner}</FONT>'


def _attrs(attributes: Mapping[str, str | None]) -> str:
    return str(attr_list(attributes={k: v for k, v in attributes.items() if v is not None}))


def _relation(m: ArgumentMap, inference: Support | Attack) -> str:
    if isinstance(inference, Support):
        return "support"
    return "undercut" if isinstance(m[inference.target], Support | Attack) else "attack"


def _scheme_label(inference: Support | Attack) -> str | None:
    if not isinstance(inference, Support) or inference.scheme is None:
        return None
    name = get_scheme(inference.scheme).name.removeprefix("Argument from ").lower()
    return f"<{_small(name, size=_SMALL + 1, tag='I')}>"


def _inference_title(inference: Support | Attack, relation: str) -> str:
    if isinstance(inference, Support):
        scheme = f" ({get_scheme(inference.scheme).name})" if inference.scheme else ""
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
    node_gaps: _Overlay
    edge_gaps: _Overlay
    lines: list[str] = field(default_factory=list)
    node_kinds: set[str] = field(default_factory=set)
    edge_kinds: set[str] = field(default_factory=set)
    gap_colours: set[str] = field(default_factory=set)

    def node(self, name: str, attrs: Mapping[str, str | None]) -> None:
        self.lines.append(f"\t{_name(name)}{_attrs(attrs)}\n")

    def edge(self, tail: str, head: str, attrs: Mapping[str, str | None]) -> None:
        self.lines.append(f"\t{_name(tail)} -> {_name(head)}{_attrs(attrs)}\n")

    def tooltip(self, *lines: str) -> str | None:
        return _dot_string(*lines) if self.tooltips else None

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
        tags = "".join(f" · #{t}" for t in statement.tags)
        parts = [_small(f"{style.title.upper()} · {statement.id}{tags}"), *map(_html, body)]
        if isinstance(statement, Case):
            for note in _case_notes(self.m, statement, self.wrap + 8):
                warn = note.startswith("▲")
                parts.append(
                    _small(note, colour=WARNING_COLOUR if warn else HEADER_COLOUR, size=_SMALL + 1)
                )
        if colour:
            codes = " ".join(self.node_gaps.codes(statement.id))
            parts.append(_small(f"▲ {codes}", colour=colour, size=_SMALL + 1, tag="B"))
        size = _CENTRAL_FONT_SIZE if central else _FONT_SIZE
        tip = [*self.node_gaps.lines(statement.id), statement.text]
        if isinstance(statement, Case):
            tip += [f"quoted from: {_source_title(self.m, q.source)}" for q in statement.quotes[:1]]
        if statement.note:
            tip.append(f"note: {statement.note}")
        width = _estimated_width(body, size)
        self.node(
            statement.id,
            {
                "label": "<" + "<BR/>".join(parts) + ">",
                **style.attrs(),
                "class": " ".join(
                    [
                        statement.kind,
                        *(["central"] if central else []),
                        *(["gap"] if colour else []),
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
            },
        )

    def inference(self, inference: Support | Attack, *, junction: bool) -> None:
        relation = _relation(self.m, inference)
        self.edge_kinds.add(relation)
        ids = inference.id
        colour = self.edge_gaps.colour(ids) or self.node_gaps.colour(ids)
        if colour:
            self.gap_colours.add(colour)
        findings = _unique([*self.edge_gaps.lines(ids), *self.node_gaps.lines(ids)])
        tip = [*findings, _inference_title(inference, relation)]
        if inference.note:
            tip.append(f"note: {inference.note}")
        gap = " gap" if colour else ""
        attrs: dict[str, str | None] = {
            **EDGE_STYLES[relation].attrs(),
            "tooltip": self.tooltip(*tip),
            "class": relation + gap,
        }
        if colour:
            attrs.update(color=colour, penwidth=_GAP_WIDTH)
        # The scheme names why the premises support the conclusion: worth reading on the arrow.
        into = {**attrs, "label": _scheme_label(inference)}
        if not junction:
            for premise in inference.premises:
                self.edge(premise, inference.target, into)
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
                "class": f"junction {inference.kind}{gap}",
                "tooltip": attrs["tooltip"],
            },
        )
        for premise in inference.premises:
            self.edge(
                premise, ids, {**attrs, "arrowhead": "none", "class": f"{relation} linked{gap}"}
            )
        self.edge(ids, inference.target, into)


def to_dot(
    m: ArgumentMap,
    *,
    focus: str | None = None,
    depth: int | None = None,
    gaps: Iterable[Gap] | None = None,
    wrap: int = DEFAULT_WRAP,
    legend: bool = True,
    tooltips: bool = True,
    title: bool = True,
) -> str:
    """Return the DOT source of the map's diagram.

    Args:
        m: The map.
        focus: Draw only the neighbourhood of this node (see :func:`neighbourhood`).
        depth: How many steps from ``focus`` to draw; 1 when ``focus`` is given alone.
        gaps: Findings to overlay: the nodes and inferences they name are outlined in the
            colour of their severity, with the rule codes in the label.
        wrap: Characters per line of a node's text.
        legend: Add a legend of the node and edge kinds drawn.
        tooltips: Give nodes and edges a tooltip (an SVG title shown on hover): the full text
            and note, and each finding as ``"AM101 unsupported-claim: message"``.
        title: Show the map's title above the diagram.

    Raises:
        UnknownNodeError: ``focus``, or a node a finding names, is not in the map.
        RenderError: An option of the wrong type or out of range: ``depth`` without ``focus``,
            a ``depth`` that is not a whole number of 0 or more, a ``wrap`` that is not a whole
            number of at least 1, or ``gaps`` that are not findings.

    Examples:
        >>> from argmap.examples import north_korea
        >>> source = to_dot(north_korea(), focus="uk", depth=1, legend=False)
        >>> '"uk" -> "pressure"' in source, '"japan"' in source
        (True, False)
    """
    if depth is not None and focus is None:
        raise RenderError("depth needs focus: give focus=<node id> to draw its neighbourhood")
    _positive_int("wrap", wrap, minimum=1)
    if focus is not None:
        shown = neighbourhood(m, focus, depth=1 if depth is None else depth)
    else:
        shown = {s.id for s in m.statements()}
    node_gaps, edge_gaps = _overlay(m, gaps)
    # An inference is drawn when all it joins is drawn: never a linked argument half shown.
    drawn = [i for i in m.inferences() if all(s in shown for s in _joined(m, i))]
    undercut = {i.target for i in drawn if _relation(m, i) == "undercut"}

    b = _Builder(m, wrap, tooltips, node_gaps, edge_gaps)
    for statement in m.statements():
        if statement.id in shown:
            b.statement(statement)
    for inference in drawn:
        b.inference(inference, junction=len(inference.premises) > 1 or inference.id in undercut)

    g = graphviz.Digraph(
        name="argmap",
        graph_attr={
            "rankdir": "BT",
            "fontname": FONT,
            "nodesep": "0.3",
            "ranksep": "0.5",
            "newrank": "true",
        },
        node_attr={"fontname": FONT, "fontsize": f"{_FONT_SIZE:g}", "margin": "0.15,0.08"},
        edge_attr={"fontname": FONT, "fontsize": "10"},
    )
    if title and m.title:
        g.attr("graph", label=f'<<FONT POINT-SIZE="16">{_html(m.title)}</FONT>>', labelloc="t")
        if tooltips:
            g.attr("graph", tooltip=_dot_string(m.title))
    g.body.extend(b.lines)
    if legend and (b.node_kinds or b.edge_kinds):
        severities = [s for s, c in GAP_COLOURS.items() if c in b.gap_colours]
        _add_legend(g, Legend.for_kinds(b.node_kinds, b.edge_kinds, severities))
    return str(g.source)


def _add_legend(g: graphviz.Digraph, legend: Legend) -> None:
    """Draw the legend as a cluster of sample nodes and edges in the kinds' own styles."""
    # Legend names hold a space, which no node id can, so they never collide with the map's.
    with g.subgraph(name="cluster_legend") as box:
        box.attr(
            label=f"<{_small('Legend', colour='#333333', size=_SMALL + 1)}>",
            style="rounded",
            color="#999999",
            labeljust="l",
            tooltip="Legend",
        )
        samples: list[str] = []
        for kind in legend.nodes:
            node_style = NODE_STYLES[kind]
            name = f"legend {kind}"
            attrs: dict[str, str | None] = {**node_style.attrs(), "class": f"legend {kind}"}
            text = f"<{_small(node_style.title, colour='#000000', size=_SMALL + 1)}>"
            if node_style.shape == "point":
                # An xlabel would overlap the next sample; a bullet in the label cannot.
                bullet = f'<FONT POINT-SIZE="16" COLOR="{node_style.color}">•</FONT>'
                attrs = {
                    "shape": "plaintext",
                    "label": f"<{bullet} {text[1:-1]}>",
                    "class": f"legend {kind}",
                }
            else:
                attrs.update(label=text, margin="0.08,0.04")
            box.body.append(f"\t{_name(name)}{_attrs(attrs)}\n")
            samples.append(name)
        for severity in legend.gaps:
            name = f"legend gap {severity}"
            text = f"<{_small(f'▲ {severity} finding', colour='#000000', size=_SMALL + 1)}>"
            attrs = {
                "shape": "box",
                "style": f"rounded,{GAP_STYLE}",
                "color": GAP_COLOURS[severity],
                "penwidth": _GAP_WIDTH,
                "label": text,
                "margin": "0.08,0.04",
                "class": f"legend gap {severity}",
            }
            box.body.append(f"\t{_name(name)}{_attrs(attrs)}\n")
            samples.append(name)
        for kind in legend.edges:
            edge_style = EDGE_STYLES[kind]
            tail, head = f"legend {kind} from", f"legend {kind} to"
            for end in (tail, head):
                box.body.append(
                    f"\t{_name(end)}"
                    + _attrs(
                        {"shape": "point", "width": "0.02", "color": "#999999", "class": "legend"}
                    )
                    + "\n"
                )
            label = f"<{_small(edge_style.title, colour='#000000', size=_SMALL + 1)}>"
            box.body.append(
                f"\t{_name(tail)} -> {_name(head)}"
                + _attrs({**edge_style.attrs(), "label": label, "class": f"legend {kind}"})
                + "\n"
            )
            # Same rank: the sample edge runs across, with its meaning as its label.
            box.body.append(f"\t{{rank=same; {_name(tail)}; {_name(head)}}}\n")
        # Keep the node samples in one row.
        if len(samples) > 1:
            box.body.append("\t{rank=same; " + "; ".join(_name(s) for s in samples) + "}\n")
