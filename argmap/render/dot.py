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

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.diagram_types import DiagramChanges, Gap
from argmap.exceptions import RenderError
from argmap.map import require_map
from argmap.model import Attack, Statement, Support
from argmap.render.figure import (
    BODY_SIZE,
    Figures,
    Line,
    attack_roles,
    wrap_text,
)
from argmap.render.labels import (
    LABEL_STYLES,
    DiagramLabels,
    check_labelled_nodes,
    strength_fill,
)
from argmap.render.options import DEFAULT_WRAP, DiagramOptions, diagram_options, positive_int
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
    Legend,
)

if TYPE_CHECKING:
    from typing import Unpack

    import graphviz

    from argmap.map import ArgumentMap

__all__ = [
    "DEFAULT_WRAP",
    "DotSource",
    "Gap",
    "attack_roles",
    "build_dot",
    "neighbourhood",
    "to_dot",
    "wrap_text",
]

_SMALL = 9
_GAP_WIDTH = f"{GAP_PENWIDTH:g}"


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


def _title_lines(title: str) -> list[str]:
    """The map's title as the lines it draws: its own lines, each with its spaces run together,
    blank ones left out (a title of only line breaks draws none; raw, it broke the label)."""
    return [" ".join(line.split()) for line in clean(title).splitlines() if line.strip()]


def _small(text: str, *, colour: str = HEADER_COLOUR, size: float = _SMALL, tag: str = "") -> str:
    inner = label_text(text)
    if tag:
        inner = f"<{tag}>{inner}</{tag}>"
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{inner}</FONT>'


@dataclass
class _Builder:
    """Collects DOT statements from the figures, and the kinds drawn for the legend."""

    figures: Figures
    tooltips: bool
    lines: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    node_kinds: set[str] = field(default_factory=set)
    edge_kinds: set[str] = field(default_factory=set)
    gap_colours: set[str] = field(default_factory=set)
    unmarked: int = 0
    acknowledged: bool = False
    analyst: bool = False

    def node(self, name: str, attrs: Mapping[str, str | None]) -> None:
        self.lines.append(f"\t{dot_id(name)}{attr_list(attrs)}\n")

    def edge(self, tail: str, head: str, attrs: Mapping[str, str | None], owner: str) -> None:
        self.lines.append(f"\t{dot_id(tail)} -> {dot_id(head)}{attr_list(attrs)}\n")
        self.owners.append(owner)

    def tooltip(self, lines: Iterable[str]) -> QuotedString | None:
        return dot_string(*lines) if self.tooltips else None

    def _count_mark(self, node_id: str) -> None:
        marks = self.figures.marks
        if marks is not None and marks.mark(node_id) is None:
            self.unmarked += 1

    def statement(self, statement: Statement, *, hidden: int = 0) -> None:
        figure = self.figures.statement(statement, hidden=hidden)
        self.node_kinds.add(figure.style)
        if figure.gap:
            self.gap_colours.add(figure.stroke)
        if self.figures.acknowledged(statement.id):
            self.acknowledged = True
        self._count_mark(statement.id)
        parts = [_line(line) for line in figure.lines]
        central = figure.style == "central"
        style = NODE_STYLES[figure.style]
        self.node(
            statement.id,
            {
                "label": HtmlLabel("<BR/>".join(parts)),
                **style.attrs(),
                "class": " ".join(figure.classes),
                "fontsize": f"{figure.font_size:g}" if central else None,
                "width": None if figure.width is None else f"{figure.width:g}",
                "tooltip": self.tooltip(figure.tooltip),
                **(
                    {"color": figure.stroke, "penwidth": _GAP_WIDTH, "style": figure.flags}
                    if figure.gap
                    else {}
                ),
                **({"fillcolor": figure.fill} if figure.fill != style.fillcolor else {}),
            },
        )

    def inference(self, inference: Support | Attack, *, junction: bool) -> None:
        figure = self.figures.inference(inference)
        relation = figure.relation
        self.edge_kinds.add(relation)
        ids = inference.id
        colour = figure.colour if figure.gap else None
        if colour:
            self.gap_colours.add(colour)
        self._count_mark(ids)
        if figure.analyst:
            self.analyst = True
        gap = " gap" if colour else ""
        marked = "".join(f" {c}" for c in figure.classes if c not in (relation, "gap"))
        # The analyst's: an open circle where the premise's line starts.
        tail = {"dir": "both", "arrowtail": ANALYST_TAIL} if figure.analyst else {}
        attrs: dict[str, str | None] = {
            **EDGE_STYLES[relation].attrs(),
            "tooltip": self.tooltip(figure.tooltip),
            "class": relation + gap,
        }
        if colour:
            attrs.update(color=colour, penwidth=_GAP_WIDTH)
        # One label per inference, however many premises: on the line into what it bears on.
        lines = [_line(line) for line in figure.lines]
        label = HtmlLabel("<BR/>".join(lines)) if lines else None
        into = {**attrs, "label": label, "class": f"{relation}{gap}{marked}"}
        if not junction:
            for premise in inference.premises:
                self.edge(premise, inference.target, {**into, **tail}, ids)
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
                ids,
            )
        # A premise-less inference has no premise line: its circle is at the junction.
        self.edge(ids, inference.target, {**into, **(tail if not inference.premises else {})}, ids)


def _line(line: Line) -> str:
    """One line of a figure as HTML-like label text: the body plain, the rest small."""
    if line.role == "body":
        return label_text(line.text)
    tag = "B" if line.bold else "I" if line.italic else ""
    return _small(line.text, colour=line.colour, size=line.size, tag=tag)


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
    return build_dot(m, diagram_options(options, changes)).source


@dataclass(frozen=True, slots=True)
class DotSource:
    """A diagram's DOT, with what the layout engine's output must be read against.

    Attributes:
        source: The DOT.
        edges: For each edge of the map's (not the legend's), in the order written, the id of
            the inference it draws.
        shown: The ids of the statements drawn.
    """

    source: str
    edges: tuple[str, ...]
    shown: frozenset[str]


def build_dot(
    m: ArgumentMap,
    options: DiagramOptions,
    *,
    figures: Figures | None = None,
    shown: Collection[str] | None = None,
) -> DotSource:
    """Return the DOT of the map's diagram with ``options``, and which inference each edge draws.

    ``figures`` (made with the same options) saves building them again; ``shown``, the ids of
    the statements to draw, overrides ``options.focus`` (the viewer lays out such sets).

    Raises:
        UnknownNodeError: ``focus``, a node a finding names, or a node the labels name is not
            in the map.

    Examples:
        >>> from argmap.examples import north_korea
        >>> built = build_dot(north_korea(), DiagramOptions(focus="uk", depth=1))
        >>> built.edges, sorted(built.shown)
        (('s_uk_relations', 's_uk'), ['concedes', 'keeps_relations', 'uk'])
    """
    o = options
    marks = o.marks
    if marks is not None:
        check_labelled_nodes(m, marks)
    structure = _Structure.of(m)
    if shown is not None:
        shown = set(shown)
    elif o.focus is not None:
        model = m[o.focus]  # raises UnknownNodeError naming it
        shown = _within(structure, model, o.steps)
    else:
        shown = {s.id for s in m.statements()}
    # An inference is drawn when all it joins is drawn: never a linked argument half shown.
    drawn = structure.drawn(m, shown)
    undercut = {structure.target[i.id].id for i in drawn if i.id in structure.target}

    b = _Builder(Figures.of(m, o) if figures is None else figures, o.tooltips)
    partial = len(shown) < len(m.index.statements)
    for statement in m.statements():
        if statement.id in shown:
            # A part of the map says, on each box at its edge, how much lies beyond.
            hidden = len(_within(structure, statement, 1) - shown) if partial else 0
            b.statement(statement, hidden=hidden)
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
    title = _title_lines(m.title) if o.title and m.title else []
    if title:
        graph["label"] = HtmlLabel(
            f'<FONT POINT-SIZE="16">{"<BR/>".join(map(label_text, title))}</FONT>'
        )
        graph["labelloc"] = "t"
        graph["tooltip"] = dot_string(" ".join(title)) if o.tooltips else None
    out.append(f"\tgraph{attr_list(graph)}\n")
    node = {"fontname": FONT, "fontsize": f"{BODY_SIZE:g}", "margin": "0.15,0.08"}
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
    return DotSource("".join(out), tuple(b.owners), frozenset(shown))


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
