"""Show a map inline in Jupyter: the ``_repr_mimebundle_`` protocol, answered with SVG;
:func:`diagram`, the same with options (an evaluation's ``labels=``, a ``focus=``, ``gaps=``);
and :func:`show`, which displays the interactive viewer.

Examples:
    >>> from argmap.examples import north_korea
    >>> repr_mimebundle(north_korea(), exclude=["image/svg+xml"])
    {}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.diagram_types import DiagramChanges
from argmap.exceptions import RenderError
from argmap.render.html import HtmlPage, to_html
from argmap.render.options import DiagramOptions, diagram_options, positive_int
from argmap.render.output import draw
from argmap.summary import summarize

if TYPE_CHECKING:
    from typing import Unpack

    from argmap.map import ArgumentMap

__all__ = ["MIME_TYPE", "NOTEBOOK_TIMEOUT", "Diagram", "diagram", "repr_mimebundle", "show"]

MIME_TYPE = "image/svg+xml"

NOTEBOOK_TIMEOUT = 60.0
"""Seconds a notebook waits for the diagram before it shows the text summary instead."""


def repr_mimebundle(
    m: ArgumentMap,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> dict[str, str]:
    """Return the map's diagram for Jupyter: ``{"image/svg+xml": svg}``.

    ``include`` and ``exclude`` are the MIME types the front end asks for or refuses; the SVG is
    drawn only when it is wanted.

    Without a layout engine, or when drawing fails or takes more than
    :data:`NOTEBOOK_TIMEOUT` seconds, the notebook gets the map's text summary and the reason
    instead of a traceback: the map stays usable, and the message says what to install or do.

    ``include`` and ``exclude`` may be passed by position, as IPython's protocol does.
    """
    if not _wanted(include, exclude):
        return {}
    try:
        return {MIME_TYPE: draw(m, format="svg", timeout=NOTEBOOK_TIMEOUT).decode("utf-8")}
    except RenderError as exc:
        return {"text/plain": f"{summarize(m)}\n\n(no diagram: {exc})"}


@dataclass(frozen=True)
class Diagram:
    """A drawn diagram that Jupyter shows inline, as SVG.

    Attributes:
        svg: The SVG text.
    """

    svg: str

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        return {MIME_TYPE: self.svg} if _wanted(include, exclude) else {}


def _wanted(include: Iterable[str] | None, exclude: Iterable[str] | None) -> bool:
    """Whether the front end wants SVG: ``include`` and ``exclude`` are MIME types, or one
    MIME type as a string (a set of its letters would never hold it)."""
    included = {include} if isinstance(include, str) else set(include or ())
    excluded = {exclude} if isinstance(exclude, str) else set(exclude or ())
    return (include is None or MIME_TYPE in included) and MIME_TYPE not in excluded


def diagram(
    m: ArgumentMap,
    *,
    options: DiagramOptions | None = None,
    timeout: float = NOTEBOOK_TIMEOUT,
    **changes: Unpack[DiagramChanges],
) -> Diagram:
    """Return the map's diagram with options, for a notebook to show inline as SVG.

    A map shows itself in a notebook with the default options; this is the same drawing with
    any of :class:`~argmap.render.DiagramOptions`, such as an evaluation
    (``diagram(m, labels=argmap.evaluate(m))``), a neighbourhood (``focus=``) or findings
    (``gaps=``). Unlike the map's own display it raises rather than falling back to text: it
    was asked for.

    Raises:
        RenderError: A bad option, or the layout engine failed or took more than ``timeout``
            seconds.
        RendererNotFoundError: Nothing installed can draw it; the message says what to install.
        UnknownNodeError: ``focus``, a finding's node or a labelled node is not in the map.

    Examples:
        >>> import argmap
        >>> from argmap.examples import north_korea
        >>> m = north_korea()
        >>> shown = diagram(m, labels=argmap.evaluate(m), focus="uk")
        >>> ">IN<" in shown.svg  # the British case is IN, written on its node
        True
        >>> list(shown._repr_mimebundle_())
        ['image/svg+xml']
    """
    o = diagram_options(options, changes)
    return Diagram(draw(m, format="svg", options=o, timeout=timeout).decode("utf-8"))


def show(
    m: ArgumentMap,
    *,
    options: DiagramOptions | None = None,
    height: int = 640,
    **changes: Unpack[DiagramChanges],
) -> None:
    """Display the map's interactive viewer in Jupyter, in a frame ``height`` pixels high.

    The frame holds the page :func:`~argmap.render.html.to_html` writes (options as there),
    sandboxed: its script runs, but cannot reach the notebook. Returns nothing, as
    matplotlib's ``show`` does: a page returned as the last line of a cell was shown a second
    time as the cell's result (two viewers, the notebook twice the size). For the page itself,
    ``HtmlPage(m.to_html())``.

    Raises:
        RenderError: IPython is not installed (outside Jupyter, write the page with
            ``m.render("map.html")`` and open it in a browser), or a bad option or ``height``.
    """
    positive_int("height", height, minimum=100)
    page = HtmlPage(to_html(m, options=diagram_options(options, changes)), height=height)
    try:
        from IPython.display import display  # noqa: PLC0415
    except ImportError:
        raise RenderError(
            "show() displays the viewer in Jupyter and needs IPython (pip install ipython); "
            'elsewhere write it with m.render("map.html") and open that file in a browser'
        ) from None
    display(page)  # type: ignore[no-untyped-call]
