"""Draw a map as the bytes of a file: DOT, SVG, PNG, PDF, or the HTML viewer.

Renderers return bytes and never see a path: the format table (:mod:`argmap.io.formats`) is
the one route from a path to a format, and writes the file (``m.render("map.svg")``,
``argmap.dump``, ``argmap render``).

Examples:
    >>> from argmap.examples import north_korea
    >>> draw(north_korea(), format="dot", focus="uk").startswith(b"digraph")
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

from argmap.diagram_types import DiagramChanges
from argmap.exceptions import RenderError
from argmap.render.dot import to_dot
from argmap.render.engine import DEFAULT_TIMEOUT, check_timeout, pipe
from argmap.render.html import to_html
from argmap.render.options import DiagramOptions, diagram_options

if TYPE_CHECKING:
    from typing import Unpack

    from argmap.map import ArgumentMap

__all__ = ["DRAWINGS", "Drawing", "draw"]

Drawing = Literal["svg", "png", "pdf", "dot", "html"]
"""What :func:`draw` returns: a diagram, or the interactive HTML viewer."""

DRAWINGS: tuple[Drawing, ...] = get_args(Drawing)
"""The names of the drawings; the format table gives each its suffixes."""


def draw(
    m: ArgumentMap,
    *,
    format: str = "svg",  # noqa: A002
    options: DiagramOptions | None = None,
    timeout: float | None = None,
    **changes: Unpack[DiagramChanges],
) -> bytes:
    """Return the map's diagram as bytes in ``format``: ``svg``, ``png``, ``pdf``, ``dot``, or
    ``html`` for the interactive viewer (:func:`~argmap.render.html.to_html`, UTF-8).

    ``options`` and ``**changes`` say what to draw, as for :func:`~argmap.render.dot.to_dot`;
    ``timeout`` bounds the layout engine's run in seconds (``None``: the default,
    :data:`~argmap.render.engine.DEFAULT_TIMEOUT`, or for the viewer
    :data:`~argmap.render.html.LAYOUT_TIMEOUT`, past which the page lays the map out in the
    browser, as :func:`~argmap.render.html.to_html` says).

    Raises:
        RendererNotFoundError: Nothing installed can draw it; the message says what to install.
        RenderError: An unknown format, a bad option or ``timeout``, the layout engine failed,
            or a PNG's text would come out too small to read.
        UnknownNodeError: ``focus`` or a finding's node is not in the map.
    """
    if format not in DRAWINGS:
        raise RenderError(f"unknown drawing {format!r}; use one of {', '.join(DRAWINGS)}")
    if timeout is not None:
        check_timeout(timeout)
    o = diagram_options(options, changes)
    if format == "html":
        return to_html(m, options=o, timeout=timeout).encode("utf-8")
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    source = to_dot(m, options=o)
    return pipe(source, format=format, timeout=timeout)
