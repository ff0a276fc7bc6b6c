"""Show a map inline in Jupyter: the ``_repr_mimebundle_`` protocol, answered with SVG.

Examples:
    >>> from argmap.examples import north_korea
    >>> repr_mimebundle(north_korea(), exclude=["image/svg+xml"])
    {}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from argmap.exceptions import RenderError
from argmap.render.output import draw
from argmap.summary import summarize

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["MIME_TYPE", "NOTEBOOK_TIMEOUT", "repr_mimebundle"]

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
    wanted = (include is None or MIME_TYPE in set(include)) and MIME_TYPE not in set(exclude or ())
    if not wanted:
        return {}
    try:
        return {MIME_TYPE: draw(m, format="svg", timeout=NOTEBOOK_TIMEOUT).decode("utf-8")}
    except RenderError as exc:
        return {"text/plain": f"{summarize(m)}\n\n(no diagram: {exc})"}
