"""The interactive viewer: one self-contained HTML file with the map beside its source text.

The page holds everything it needs inline: its styles, its script, and the map as JSON data; it
loads nothing from the network (a Content Security Policy forbids it) and opens from a file, an
e-mail attachment or a notebook. Its boxes say what the static diagram's say (the lines of
:mod:`argmap.render.figure`), and stand where the same layout engine put them: the map is laid
out when the page is written, and the positions travel in the page; the script lays out again
only a part of the map (a focus, a depth), in the engine's ranks and order. A map of any size
stays responsive: a large map is drawn a neighbourhood at a time, never whole.

What a reader can do: select a statement or an inference (click, or the arrow keys and Enter)
to read it in full, with its scheme's critical questions; see a case's quotes highlighted in its
source, and select a highlighted passage to select the statements that quote it; list the
findings, filter them by severity, and select one to select the nodes it names; search the texts;
focus on a node with a depth slider; pan and zoom.

Every text from the map reaches the page as data: JSON inside ``<script type="application/json">``
with ``<``, ``>`` and ``&`` escaped (:func:`~argmap.render.quoting.script_json`), read with
``JSON.parse`` and written into the page as text nodes, never as markup. Links are made only from
``http:`` and ``https:`` URLs.

Examples:
    >>> from argmap.examples import north_korea
    >>> page = to_html(north_korea())
    >>> page.startswith("<!DOCTYPE html>"), "<script src" in page, "<link" in page
    (True, False, False)
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
import warnings
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from argmap.checks import check
from argmap.diagram_types import DiagramChanges, Gap
from argmap.exceptions import RenderError, RenderWarning, UnknownNodeError
from argmap.model import Attack, Case, Source, Statement, Support
from argmap.quotes import find_quote
from argmap.render.dot import build_dot, neighbourhood
from argmap.render.engine import check_timeout, layout_json
from argmap.render.figure import (
    BODY_SIZE,
    Figures,
    InferenceFigure,
    Line,
    StatementFigure,
)
from argmap.render.labels import LABEL_STYLES, DiagramLabels, check_labelled_nodes, strength_fill
from argmap.render.options import DiagramOptions, acknowledgement, diagram_options
from argmap.render.quoting import clean, html_text, script_json
from argmap.render.styles import EDGE_STYLES, GAP_COLOURS, NODE_STYLES, is_analysts
from argmap.schemes import find_scheme

if TYPE_CHECKING:
    from typing import Unpack

    from argmap.map import ArgumentMap

__all__ = ["MAX_DRAWN", "HtmlPage", "page_data", "to_html"]

MAX_DRAWN = 400
"""The most statements the page draws at once; a larger map or neighbourhood is drawn in part
(the nearest first), and the page says how many it left out."""

_WEB_URL = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _text(value: object) -> str | None:
    return clean(value) if isinstance(value, str) else None


def _segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every quote's start and end; each piece lists the nodes quoting it."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces: list[dict[str, Any]] = []
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        quoting = list(dict.fromkeys(n for s, e, n in spans if s <= start and end <= e))
        piece: dict[str, Any] = {"text": clean(text[start:end])}
        if quoting:
            piece["nodes"] = quoting
        pieces.append(piece)
    return pieces


def _mark(marks: DiagramLabels | None, node_id: str) -> dict[str, Any] | None:
    """What the page writes on a node for its label, strength or note (None if it has none)."""
    if marks is None:
        return None
    text = marks.mark(node_id)
    if text is None:
        return None
    mark: dict[str, Any] = {"text": clean(text), "colour": marks.colour(node_id)}
    label, strength, fill = marks.label(node_id), marks.strength(node_id), marks.fill(node_id)
    if label is not None:
        mark["label"] = label
        mark["meaning"] = LABEL_STYLES[label].title
    if strength is not None:
        mark["strength"] = strength
    if fill is not None:
        mark["fill"] = fill
    return mark


def _labels_legend(marks: DiagramLabels | None) -> dict[str, Any] | None:
    """The legend of the marks: the semantics' name and what each mark means."""
    if marks is None:
        return None
    entries: list[dict[str, str]]
    if marks.kind == "labels":
        entries = [
            {"text": s.mark, "meaning": s.title, "fill": s.fill, "colour": s.colour}
            for s in LABEL_STYLES.values()
        ]
    elif marks.kind == "strengths":
        entries = [{"text": f"strength {v:.2f}", "fill": strength_fill(v)} for v in (0.0, 0.5, 1.0)]
    else:
        entries = [{"text": "\u25c6 note"}]
    return {
        "kind": marks.kind,
        "semantics": marks.semantics,
        "title": marks.title,
        "entries": entries,
    }


def _lines(lines: tuple[Line, ...]) -> list[str | list[str]]:
    """A figure's lines as the page draws them: a body line as its text, any other as its text
    and role, with the ink of a mark."""
    drawn: list[str | list[str]] = []
    for line in lines:
        if line.role == "body":
            drawn.append(clean(line.text))
        elif line.role == "mark":
            drawn.append([clean(line.text), line.role, line.colour])
        else:
            drawn.append([clean(line.text), line.role])
    return drawn


def _statement(
    m: ArgumentMap,
    statement: Statement,
    marks: DiagramLabels | None,
    spans: dict[str, list[tuple[int, int, str]]],
    figure: StatementFigure,
) -> dict[str, Any]:
    """A statement as data; where its quotes stand in their sources goes into ``spans``."""
    node: dict[str, Any] = {"id": statement.id, "kind": statement.kind}
    node["text"] = clean(statement.text)
    # Drawn as the static diagram draws it: the same lines, wrapped at the same width.
    node["lines"] = _lines(figure.lines)
    style = NODE_STYLES[figure.style]
    if figure.fill != style.fillcolor:
        node["fill"] = figure.fill
    if figure.stroke != style.color:
        node["stroke"] = figure.stroke
    if figure.gap:
        node["gap"] = figure.gap
    if figure.font_size != BODY_SIZE:
        node["size"] = figure.font_size
    for name in ("title", "note"):
        value = _text(getattr(statement, name, None))
        if value:
            node[name] = value
    if statement.tags:
        node["tags"] = [clean(t) for t in statement.tags]
    mark = _mark(marks, statement.id)
    if mark is not None:
        node["mark"] = mark
    weight = getattr(statement, "weight", None)
    if isinstance(weight, int | float):
        node["weight"] = weight
    if getattr(statement, "assumption", False) is True:
        node["assumption"] = True
    if isinstance(statement, Case):
        node["cites"] = list(statement.cites)
        for name in ("when", "attribution"):
            value = _text(getattr(statement, name))
            if value:
                node[name] = value
        if statement.who:
            node["who"] = [clean(w) for w in statement.who]
    quotes = []
    for quote in statement.quotes:
        source = m.sources.get(quote.source)
        found = None
        if source is not None and source.text:
            found = find_quote(source.text, quote.text, start=quote.start)
        if found is not None:
            spans.setdefault(quote.source, []).append((*found, statement.id))
        quotes.append(
            {"source": quote.source, "text": clean(quote.text), "located": found is not None}
        )
    if quotes:
        node["quotes"] = quotes
    return node


def _inference(
    m: ArgumentMap,
    inference: Support | Attack,
    marks: DiagramLabels | None,
    figure: InferenceFigure,
) -> dict[str, Any]:
    """An inference as data, with its scheme's critical questions and which are answered."""
    item: dict[str, Any] = {
        "id": inference.id,
        "kind": inference.kind,
        "premises": list(inference.premises),
        "target": inference.target,
    }
    if figure.lines:
        item["lines"] = _lines(figure.lines)
    if figure.gap:
        item["gap"], item["colour"] = figure.gap, figure.colour
    if isinstance(inference, Attack):
        undercut = isinstance(m[inference.target], Support | Attack)
        item["relation"] = "undercut" if undercut else "attack"
        if inference.question:
            item["question"] = clean(inference.question)
    else:
        item["relation"] = "support"
        if inference.scheme:
            # Any name a map keeps (AIFdb's "Default Inference", a scheme of the analyst's own)
            # is shown by its name; only the catalogue's and registered schemes have questions.
            scheme = find_scheme(inference.scheme)
            answered = dict(inference.answered)
            questions = dict(scheme.questions) if scheme is not None else {}
            item["scheme"] = {
                "id": inference.scheme,
                "name": clean(scheme.name if scheme is not None else inference.scheme),
                "questions": [
                    {"id": qid, "text": clean(text), "answeredBy": answered.get(qid)}
                    for qid, text in questions.items()
                ],
            }
    note = _text(inference.note)
    if note:
        item["note"] = note
    if is_analysts(inference):
        item["analyst"] = True
    mark = _mark(marks, inference.id)
    if mark is not None:
        item["mark"] = mark
    return item


def _source(source: Source, spans: list[tuple[int, int, str]]) -> dict[str, Any]:
    """A source as data: its text cut into pieces at its quotes."""
    entry: dict[str, Any] = {"id": source.id, "title": clean(source.title)}
    for name in ("publisher", "date"):
        value = _text(getattr(source, name))
        if value:
            entry[name] = value
    # Only a web address becomes a link: never javascript:, data: or a relative path.
    if source.url and _WEB_URL.fullmatch(source.url.strip()):
        entry["url"] = source.url.strip()
    elif source.url:
        entry["address"] = clean(source.url)
    if source.text:
        entry["segments"] = _segments(source.text, spans)
    return entry


def _findings(m: ArgumentMap, findings: tuple[Gap, ...]) -> list[dict[str, Any]]:
    """The findings as data, most severe first."""
    listed = []
    for finding in sorted(
        findings,
        key=lambda f: (_SEVERITY_RANK.get(str(getattr(f, "severity", "warning")), 1), f.rule),
    ):
        for node_id in finding.nodes:
            if node_id not in m and node_id not in m.sources:
                raise UnknownNodeError(
                    f"finding {finding.rule} names unknown node {node_id!r}; "
                    "was it checked on another map?",
                    node=node_id,
                )
        severity = str(getattr(finding, "severity", "warning"))
        listed.append(
            {
                "rule": finding.rule,
                "name": finding.name,
                "severity": severity if severity in _SEVERITY_RANK else "warning",
                "message": clean(finding.message),
                "explanation": clean(str(getattr(finding, "explanation", "") or "")),
                "nodes": [n for n in finding.nodes if n in m],
                "acknowledged": acknowledgement(m, finding),
            }
        )
    return listed


LAYOUT_TIMEOUT = 120.0
"""Seconds the layout engine may take to lay out the page's map before the page does without."""


def page_data(
    m: ArgumentMap,
    options: DiagramOptions,
    findings: tuple[Gap, ...],
    *,
    timeout: float = LAYOUT_TIMEOUT,
) -> dict[str, Any]:
    """Return what the page shows, as plain JSON data.

    ``timeout`` bounds the layout engine's run in seconds; past it (or with no engine) the
    page lays the map out in the browser, with a :class:`~argmap.exceptions.RenderWarning`.

    Raises:
        UnknownNodeError: ``options.focus``, a node a finding names, or a node the labels
            name is not in the map.

    Examples:
        >>> from argmap.examples import north_korea
        >>> data = page_data(north_korea(), DiagramOptions(), ())
        >>> sorted(data)[:4], data["central"]
        (['central', 'edgeStyles', 'findings', 'gapColours'], 'agenda')
    """
    if options.focus is not None:
        m[options.focus]  # raises UnknownNodeError naming it
    marks = options.marks
    if marks is not None:
        check_labelled_nodes(m, marks)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    figures = Figures.of(m, options.replace(gaps=findings))
    nodes = [_statement(m, s, marks, spans, figures.statement(s)) for s in m.statements()]
    inferences = [_inference(m, i, marks, figures.inference(i)) for i in m.inferences()]
    sources = [_source(s, spans.get(s.id, [])) for s in m.sources.values()]
    listed = _findings(m, findings)
    return {
        "layout": _engine_layout(m, options, figures, timeout=timeout),
        "title": clean(m.title) if m.title else None,
        "central": m.central,
        "nodes": nodes,
        "inferences": inferences,
        "sources": sources,
        "findings": listed,
        "labels": _labels_legend(marks),
        "options": {
            "focus": options.focus,
            "depth": options.steps,
            "wrap": options.wrap,
            "legend": options.legend,
            "title": options.title,
            "maxDrawn": MAX_DRAWN,
        },
        "nodeStyles": {
            kind: {"title": s.title, "fill": s.fillcolor, "stroke": s.color}
            for kind, s in NODE_STYLES.items()
        },
        "edgeStyles": {
            kind: {"title": s.title, "colour": s.color, "style": s.style}
            for kind, s in EDGE_STYLES.items()
        },
        "gapColours": dict(GAP_COLOURS),
    }


def _opening_set(m: ArgumentMap, start: str, statements: int) -> set[str] | None:
    """The statements the engine lays out for the page: all of them, if the page may draw the
    whole map (None), else the widest neighbourhood of ``start`` that the page may draw."""
    if statements <= MAX_DRAWN:
        return None
    shown = {start}
    for depth in range(1, 64):
        wider = neighbourhood(m, start, depth=depth)
        if len(wider) > MAX_DRAWN or wider == shown:
            break
        shown = wider
    return shown


def _engine_layout(
    m: ArgumentMap, options: DiagramOptions, figures: Figures, *, timeout: float
) -> dict[str, Any] | None:
    """Where the layout engine puts each box, junction, line and label of the map (or of the
    part of a large map the page opens on), in points with the origin at the top left; None
    (with a warning) when no engine can lay it out, and the page lays the map out itself."""
    ids = [s.id for s in m.statements()]
    if not ids:
        return None
    start = options.focus if options.focus in m and options.focus in ids else m.central or ids[0]
    shown = _opening_set(m, start, len(ids))
    plain = options.replace(focus=None, depth=None, legend=False, title=False, tooltips=False)
    built = build_dot(m, plain, figures=figures, shown=shown)
    try:
        raw = layout_json(built.source, timeout=timeout)
        return _positions(raw, built.edges)
    except (RenderError, KeyError, ValueError, TypeError) as exc:
        warnings.warn(
            f"the viewer lays the map out in the browser: the layout engine could not ({exc})",
            RenderWarning,
            stacklevel=4,
        )
        return None


def _numbers(text: str, height: float) -> list[int]:
    """``"x,y"`` in the engine's points, as ``[x, y]`` from the top left, to the nearest point
    (a point is a pixel at the page's natural size: finer adds bytes, not sharpness)."""
    x, y = (float(v) for v in text.split(",")[-2:])
    return [round(x), round(height - y)]


def _positions(raw: dict[str, Any], owners: tuple[str, ...]) -> dict[str, Any]:
    """The engine's ``-Tjson0`` output, as the page reads it."""
    _, _, width, height = (float(v) for v in str(raw["bb"]).split(","))
    names: dict[int, str] = {}
    placed: dict[str, list[int]] = {}
    for item in raw.get("objects", []):
        names[int(item["_gvid"])] = str(item["name"])
        x, y = _numbers(str(item["pos"]), height)
        size = [round(float(item["width"]) * 72), round(float(item["height"]) * 72)]
        placed[str(item["name"])] = [x, y, *size]
    edges: list[list[Any]] = []
    labels: dict[str, list[int]] = {}
    found = raw.get("edges", [])
    if len(found) != len(owners):
        raise ValueError(f"{len(found)} edges laid out for {len(owners)} drawn")
    for item, owner in zip(found, owners, strict=True):
        points: list[int] = []
        end = start = None
        for token in str(item["pos"]).split():
            if token.startswith("e,"):
                end = _numbers(token, height)
            elif token.startswith("s,"):
                start = _numbers(token, height)
            else:
                points.extend(_numbers(token, height))
        edge: list[Any] = [owner, names[int(item["tail"])], names[int(item["head"])], points]
        if end or start:  # the arrow's tip, and the open circle's end of an analyst's line
            edge.extend([end, start] if start else [end])
        edges.append(edge)
        if "lp" in item:
            labels[owner] = _numbers(str(item["lp"]), height)
    return {
        "width": round(width),
        "height": round(height),
        "nodes": placed,
        "edges": edges,
        "labels": labels,
    }


@cache
def _asset(name: str) -> str:
    return files("argmap.render").joinpath("viewer", name).read_text("utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def to_html(
    m: ArgumentMap,
    *,
    options: DiagramOptions | None = None,
    timeout: float | None = None,
    **changes: Unpack[DiagramChanges],
) -> str:
    """Return the map's interactive viewer: one self-contained HTML page.

    ``options`` (a :class:`~argmap.render.DiagramOptions`) and ``**changes`` say what the page
    shows: ``gaps`` lists those findings (when ``None``, the page checks the map with
    :func:`argmap.check`; give ``gaps=()`` for none); ``focus`` and ``depth`` open it on a
    neighbourhood; ``labels`` (a :class:`~argmap.semantics.Labelling` from
    :func:`argmap.evaluate`, or a mapping as :mod:`argmap.render.labels` describes) marks each
    node with its label or strength, in the diagram, the node panel and the legend; ``wrap``,
    ``legend`` and ``title`` as for the diagram. ``timeout`` bounds, in seconds, the layout
    engine's run that places the boxes (``None``: :data:`LAYOUT_TIMEOUT`); past it, or with no
    engine, the page still opens and lays the map out in the browser, with a
    :class:`~argmap.exceptions.RenderWarning` that says why.

    Raises:
        UnknownNodeError: ``focus``, a node a finding names, or a node the labels name is not
            in the map.
        RenderError: An option or ``timeout`` of the wrong type or out of range.

    Examples:
        >>> from argmap.examples import north_korea
        >>> page = to_html(north_korea(), focus="amnesty", gaps=())
        >>> '"focus": "amnesty"' in page, "<script>alert" in page
        (True, False)
    """
    seconds = LAYOUT_TIMEOUT if timeout is None else check_timeout(timeout)
    o = diagram_options(options, changes)
    if o.gaps is None:
        findings: tuple[Gap, ...] = tuple(check(m))
    else:
        findings = o.findings
    data = script_json(page_data(m, o, findings, timeout=seconds))
    style, script = _asset("viewer.css"), _asset("viewer.js")
    title = html_text(m.title) if m.title else "Argument map"
    # No network at all, and no script or style but these two: markup that slipped into the page
    # could not run, nor load anything.
    policy = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    filled = {"policy": policy, "title": title, "style": style, "script": script, "data": data}
    # One pass over the template: text put in (a title that says "{{script}}") is never read
    # again for placeholders.
    return _PLACEHOLDER.sub(lambda hole: filled[hole[1]], _asset("viewer.html"))


_PLACEHOLDER = re.compile(r"\{\{(policy|title|style|script|data)\}\}")


@dataclass(frozen=True, repr=False)
class HtmlPage:
    """An HTML page that Jupyter shows inline, in a sandboxed frame of its own.

    Attributes:
        html: The whole page, as :func:`to_html` writes it.
        height: The frame's height in CSS pixels.

    Examples:
        >>> HtmlPage("<!DOCTYPE html>" + "x" * 100_000)
        HtmlPage(<100,015 characters of HTML>, height=640)
    """

    html: str
    height: int = 640

    def __repr__(self) -> str:
        # Shown where no notebook draws the page (a console, IPython's display outside
        # Jupyter): the page whole is a hundred kilobytes of text.
        return f"HtmlPage(<{len(self.html):,} characters of HTML>, height={self.height})"

    def _repr_html_(self) -> str:
        # srcdoc keeps the page's styles, script and ids apart from the notebook's; the sandbox
        # lets the script run but gives it no access to the notebook.
        return (
            f'<iframe title="Argument map viewer" sandbox="allow-scripts" '
            f'style="width:100%;height:{self.height}px;border:1px solid #ccc" '
            f'srcdoc="{html_text(self.html)}"></iframe>'
        )
