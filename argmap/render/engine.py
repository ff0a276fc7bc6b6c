"""The only part of argmap that runs a program: lay out DOT source and convert the result.

The layout engine is the system Graphviz ``dot`` when it is on ``PATH``, otherwise
``graphviz-pure`` (a Rust port of dot that installs from PyPI with argmap). Either writes SVG;
PNG and PDF are drawn from that SVG in-process by resvg and svg2pdf, with the fonts argmap ships
(Arimo, Noto Sans Arabic, and Noto Sans KR for Hangul), never with system fonts, so that a diagram
looks the same everywhere.

Examples:
    >>> pipe("digraph { a -> b }", format="dot")
    b'digraph { a -> b }'
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, get_args

from argmap.exceptions import RendererNotFoundError, RenderError

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "Format",
    "find_layout_engine",
    "layout_svg",
    "pipe",
    "svg_to_pdf",
    "svg_to_png",
]

Format = Literal["svg", "png", "pdf", "dot"]
FORMATS: tuple[Format, ...] = get_args(Format)

INSTALL_HINT = (
    "pip install graphviz-pure (or install Graphviz from https://graphviz.org/download/ "
    "so that `dot` is on PATH)"
)

FONT_FILES = ("Arimo[wght].ttf", "NotoSansKR-Regular-hangul.ttf", "NotoSansArabic[wght].ttf")
# The converters cannot map Graphviz's generic families to the shipped fonts by themselves.
_FAMILY = "Arimo, 'Noto Sans KR', 'Noto Sans Arabic'"
_FONT_FAMILY = re.compile(r'font-family="[^"]*"')
_ROOT_SIZE_PT = re.compile(r'(<svg\b[^>]*?\bwidth=")([\d.]+)pt("[^>]*?\bheight=")([\d.]+)pt"')

DEFAULT_TIMEOUT = 600.0
"""Seconds the layout engine may run before argmap gives up on it."""


def find_layout_engine() -> Path:
    """Return the layout program: the system ``dot`` if on ``PATH``, else ``graphviz-pure``.

    ``graphviz-pure`` is also looked for next to the running Python, so that a notebook whose
    kernel was started without the virtual environment on ``PATH`` still finds it.

    Raises:
        RendererNotFoundError: Neither is installed; the message says what to install.
    """
    for name in ("dot", "graphviz-pure"):
        found = shutil.which(name)
        if found:
            return Path(found)
    beside = Path(sys.executable).parent
    for candidate in ("graphviz-pure", "graphviz-pure.exe"):
        if (beside / candidate).is_file():
            return beside / candidate
    raise RendererNotFoundError(
        f"no layout engine found to draw the diagram (neither `dot` nor `graphviz-pure`); "
        f"{INSTALL_HINT}"
    )


def layout_svg(source: str, *, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Lay out DOT ``source`` and return the SVG.

    Raises:
        RendererNotFoundError: No layout engine is installed.
        RenderError: The engine failed (its error output is in the message) or timed out.
    """
    engine = find_layout_engine()
    try:
        done = subprocess.run(  # noqa: S603  # a fixed program; the DOT goes in on stdin
            [str(engine), "-Tsvg"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"{engine.name} took more than {timeout:g} s to lay out the diagram; draw less of "
            "the map with focus=<node id> and depth=<steps>"
        ) from None
    except OSError as exc:
        raise RenderError(f"cannot run {engine}: {exc.strerror}") from None
    if done.returncode != 0:
        errors = done.stderr.decode("utf-8", "replace").strip() or "no error output"
        raise RenderError(f"{engine.name} failed with exit code {done.returncode}: {errors}")
    return done.stdout.decode("utf-8")


def _font_paths() -> list[str]:
    folder = files("argmap.render").joinpath("fonts")
    return [str(folder.joinpath(name)) for name in FONT_FILES]


def _with_shipped_fonts(svg: str) -> str:
    return _FONT_FAMILY.sub(f'font-family="{_FAMILY}"', svg)


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """Draw an SVG made by the layout engine as a PNG, ``scale`` pixels per SVG pixel.

    Raises:
        RendererNotFoundError: ``resvg-py`` is not installed.
    """
    try:
        import resvg_py  # noqa: PLC0415  # a native extension, loaded only when needed
    except ImportError:
        raise RendererNotFoundError("drawing PNG needs resvg-py: pip install resvg-py") from None
    png: Any = resvg_py.svg_to_bytes(
        svg_string=_with_shipped_fonts(svg),
        dpi=96.0,  # Graphviz sizes are in pt; the default of 0 cannot convert them
        zoom=scale,
        skip_system_fonts=True,
        font_files=_font_paths(),
        sans_serif_family="Arimo",
        serif_family="Arimo",
        background="white",
    )
    return bytes(png)


@functools.cache
def _pdf_fonts() -> Any:
    import svg2pdf_py  # noqa: PLC0415

    db = svg2pdf_py.FontDatabase()
    for path in _font_paths():
        db.load_font_file(path)
    return db


def svg_to_pdf(svg: str) -> bytes:
    """Convert an SVG made by the layout engine to a one-page PDF with the text as text.

    Raises:
        RendererNotFoundError: ``svg2pdf-py`` is not installed.
    """
    try:
        import svg2pdf_py  # noqa: PLC0415
    except ImportError:
        raise RendererNotFoundError(
            "drawing PDF needs svg2pdf-py: pip install svg2pdf-py"
        ) from None
    # svg2pdf writes one SVG pixel as one PDF point: drop the root's pt unit, or the page grows.
    sized = _ROOT_SIZE_PT.sub(r'\1\2\3\4"', _with_shipped_fonts(svg), count=1)
    pdf: Any = svg2pdf_py.svg_to_pdf(sized, _pdf_fonts())
    return bytes(pdf)


def pipe(source: str, *, format: Format, timeout: float = DEFAULT_TIMEOUT) -> bytes:  # noqa: A002
    """Return DOT ``source`` drawn in ``format``: ``svg``, ``png``, ``pdf``, or ``dot`` itself.

    Raises:
        RendererNotFoundError: Nothing installed can draw it; the message says what to install.
        RenderError: An unknown format, or the engine failed.
    """
    if format == "dot":
        return source.encode("utf-8")
    if format not in FORMATS:
        raise RenderError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    svg = layout_svg(source, timeout=timeout)
    if format == "png":
        return svg_to_png(svg)
    if format == "pdf":
        return svg_to_pdf(svg)
    return svg.encode("utf-8")
