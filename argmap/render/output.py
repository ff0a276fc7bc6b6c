"""Draw a map to bytes or to a file: DOT, SVG, PNG, PDF or the HTML viewer, chosen by the suffix.

Examples:
    >>> from argmap.examples import north_korea
    >>> draw(north_korea(), format="dot", focus="uk").startswith(b"digraph")
    True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast, get_args

from argmap.exceptions import RenderError
from argmap.files import write_atomic
from argmap.io.formats import drawing_formats
from argmap.render.dot import to_dot
from argmap.render.engine import DEFAULT_TIMEOUT, check_timeout, pipe
from argmap.render.html import to_html
from argmap.render.options import DiagramChanges, DiagramOptions, diagram_options

if TYPE_CHECKING:
    from typing import Unpack

    from argmap.map import ArgumentMap

__all__ = ["OUTPUT_FORMATS", "SUFFIXES", "OutputFormat", "draw", "format_for", "render"]

OutputFormat = Literal["svg", "png", "pdf", "dot", "html"]
"""What :func:`draw` and :func:`render` write: a diagram, or the interactive HTML viewer."""

OUTPUT_FORMATS: tuple[OutputFormat, ...] = get_args(OutputFormat)

SUFFIXES: dict[str, OutputFormat] = {
    suffix: cast("OutputFormat", f.name) for f in drawing_formats() for suffix in f.suffixes
}
"""File suffix -> the format written (from :mod:`argmap.io.formats`, the one table of formats)."""


def format_for(path: str | os.PathLike[str], *, format: str | None = None) -> OutputFormat:  # noqa: A002
    """Return the format to write ``path`` in: ``format`` if given, else from the suffix.

    Raises:
        RenderError: The format or suffix is not one argmap draws; the message lists those it does.

    Examples:
        >>> format_for("map.SVG"), format_for("map.gv"), format_for("map.html")
        ('svg', 'dot', 'html')
    """
    if format is not None:
        if not isinstance(format, str):
            raise RenderError(
                f"{path}: format must be a string, one of {', '.join(OUTPUT_FORMATS)}; "
                f"not {format!r}"
            )
        name = format.lower().lstrip(".")
        name = "dot" if name == "gv" else name
        for known in OUTPUT_FORMATS:
            if name == known:
                return known
        raise RenderError(
            f"{path}: unknown format {format!r}; use one of {', '.join(OUTPUT_FORMATS)}"
        )
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise RenderError(
            f"{path}: cannot tell the format from the suffix {suffix or '(none)'!r}; "
            f"use one of {', '.join(SUFFIXES)}, or pass format= (on the command line, --format)"
        )
    return SUFFIXES[suffix]


def draw(
    m: ArgumentMap,
    *,
    format: str = "svg",  # noqa: A002
    options: DiagramOptions | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    **changes: Unpack[DiagramChanges],
) -> bytes:
    """Return the map's diagram as bytes in ``format``: ``svg``, ``png``, ``pdf``, ``dot``, or
    ``html`` for the interactive viewer (:func:`~argmap.render.html.to_html`, UTF-8).

    ``options`` and ``**changes`` say what to draw, as for :func:`~argmap.render.dot.to_dot`;
    ``timeout`` bounds the layout engine's run in seconds (the viewer needs none).

    Raises:
        RendererNotFoundError: Nothing installed can draw it; the message says what to install.
        RenderError: An unknown format, a bad option or ``timeout``, the layout engine failed,
            or a PNG's text would come out too small to read.
        UnknownNodeError: ``focus`` or a finding's node is not in the map.
    """
    kind = format_for("<diagram>", format=format)
    check_timeout(timeout)
    o = diagram_options(options, changes)
    if kind == "html":
        return to_html(m, options=o).encode("utf-8")
    source = to_dot(m, options=o)
    return pipe(source, format=kind, timeout=timeout)


def render(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002
    options: DiagramOptions | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    **changes: Unpack[DiagramChanges],
) -> Path:
    """Write the map's diagram to ``path`` and return the path.

    The format comes from ``format`` or else the suffix: ``.svg``, ``.png``, ``.pdf``, ``.dot``
    or ``.gv``, or ``.html`` for the interactive viewer (see
    :func:`~argmap.render.html.to_html`). ``options`` and ``**changes`` say what to draw, as for
    :func:`~argmap.render.dot.to_dot`. The file is written whole or not at all: the diagram is
    drawn first, then written through a temporary file and a rename, so a failure never leaves a
    half-written file.

    Raises:
        RenderError: An unknown suffix or format (the message lists the known ones), a bad
            option or ``timeout``, or the layout engine failed.
        RendererNotFoundError: Nothing installed can draw it; the message says what to install.
        ArgmapError: The folder does not exist or cannot be written.

    Examples:
        >>> import tempfile
        >>> from argmap.examples import north_korea
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     out = render(north_korea(), Path(folder) / "map.dot", focus="uk")
        ...     out.read_text("utf-8").startswith("digraph")
        True
    """
    target = Path(path)
    kind = format_for(target, format=format)
    data = draw(m, format=kind, options=diagram_options(options, changes), timeout=timeout)
    write_atomic(target, data)
    return target
