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
import json
import math
import re
import shutil
import subprocess
import sys
import warnings
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, get_args

from argmap.exceptions import RendererNotFoundError, RenderError, RenderWarning
from argmap.params import shown

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "MAX_PNG_PIXELS",
    "MAX_TIMEOUT",
    "MIN_PNG_ZOOM",
    "EngineOutput",
    "check_timeout",
    "find_layout_engine",
    "layout_json",
    "layout_svg",
    "pipe",
    "png_zoom",
    "svg_to_pdf",
    "svg_to_png",
]

EngineOutput = Literal["svg", "png", "pdf", "dot"]
"""What the layout engine writes."""
FORMATS: tuple[EngineOutput, ...] = get_args(EngineOutput)

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

MAX_TIMEOUT = 604_800.0
"""The longest timeout accepted, a week: past about 24 days the operating system's timers
overflow."""

MAX_PNG_PIXELS = 40_000_000
"""The most pixels (width times height) a PNG may have, about 160 MB of memory while drawing it.

A bigger diagram is drawn smaller, down to :data:`MIN_PNG_ZOOM`; past that, draw it as SVG or
PDF, or draw part of it with ``focus=``."""

MIN_PNG_ZOOM = 0.5
"""The least zoom (PNG pixels per SVG pixel) a PNG is drawn at: below it, 12 pt text comes out
less than 8 pixels high and cannot be read, so argmap refuses rather than write such a PNG."""

_PROBE = b"digraph { a }"
_SIZE = re.compile(r"^\s*([\d.]+)\s*(pt|px|in|cm|mm|pc)?\s*$")
_PX_PER_UNIT = {"pt": 96 / 72, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 9.6 / 2.54, "pc": 16.0}


def find_layout_engine() -> Path:
    """Return the layout program: the system ``dot`` if on ``PATH`` and working, else
    ``graphviz-pure``.

    The system ``dot`` is tried once per process on a one-node graph; a broken install (one
    that cannot start, or cannot write SVG) is passed over for ``graphviz-pure``.
    ``graphviz-pure`` is also looked for next to the running Python, so that a notebook whose
    kernel was started without the virtual environment on ``PATH`` still finds it.

    Raises:
        RendererNotFoundError: Neither is installed (or ``dot`` is broken and ``graphviz-pure``
            missing); the message says what to install.
    """
    broken = ""
    dot = shutil.which("dot")
    if dot:
        problem = _fails(dot)
        if not problem:
            return Path(dot)
        broken = f"`dot` at {dot} does not work ({problem}) and "
    found = shutil.which("graphviz-pure")
    if found:
        return Path(found)
    beside = Path(sys.executable).parent
    for candidate in ("graphviz-pure", "graphviz-pure.exe"):
        if (beside / candidate).is_file():
            return beside / candidate
    why = (
        f"{broken}`graphviz-pure` is not installed"
        if broken
        else "neither `dot` nor `graphviz-pure`"
    )
    raise RendererNotFoundError(
        f"no layout engine found to draw the diagram ({why}); {INSTALL_HINT}"
    )


@functools.cache
def _fails(program: str) -> str:
    """Why ``program`` cannot lay out a one-node graph as SVG, or ``""`` if it can."""
    try:
        done = subprocess.run(  # noqa: S603  # the dot found on PATH, tried on a fixed graph
            [program, "-Tsvg"], input=_PROBE, capture_output=True, timeout=30, check=False
        )
    except subprocess.TimeoutExpired:
        return "it took more than 30 s to draw one node"
    except OSError as exc:
        return exc.strerror or str(exc)
    if done.returncode != 0 or b"<svg" not in done.stdout:
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"exit code {done.returncode}" + (f": {error[0]}" if error else "")
    return ""


def check_timeout(timeout: object) -> float:
    """Return ``timeout`` as seconds if it is a positive, finite number; else a RenderError.

    ``inf`` is refused, as is anything past :data:`MAX_TIMEOUT` (a week): the operating
    system's timers overflow on them.

    Examples:
        >>> check_timeout(30)
        30.0
        >>> check_timeout(float("inf"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.exceptions.RenderError: timeout must be a positive, finite number ... not inf
    """
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not 0 < timeout <= MAX_TIMEOUT  # also refuses nan and inf
    ):
        raise RenderError(
            "timeout must be a positive, finite number of seconds "
            f"(at most {MAX_TIMEOUT:g}), not {shown(timeout)}"
        )
    return float(timeout)


def layout_svg(source: str, *, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Lay out DOT ``source`` and return the SVG.

    Raises:
        RendererNotFoundError: No layout engine is installed.
        RenderError: The engine failed (its error output is in the message), timed out, or
            wrote something that is not UTF-8; or ``timeout`` is not a positive number.
    """
    return _run(source, "svg", timeout=timeout)


def layout_json(source: str, *, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """Lay out DOT ``source`` and return the engine's positions (its ``-Tjson0`` output).

    Each node's ``pos`` (its centre), ``width`` and ``height`` (inches), and each edge's
    ``pos`` (its spline's points, with ``e,`` and ``s,`` arrow ends) and ``lp`` (its label's
    centre), in points with the origin at the bottom left, as Graphviz writes them.

    Raises:
        RendererNotFoundError: No layout engine is installed.
        RenderError: As for :func:`layout_svg`, or the engine's output is not JSON.

    Examples:
        >>> layout = layout_json('digraph { a -> b }')
        >>> sorted(o["name"] for o in layout["objects"]), len(layout["edges"])
        (['a', 'b'], 1)
    """
    text = _run(source, "json0", timeout=timeout)
    try:
        found = json.loads(text)
    except ValueError:
        raise RenderError("the layout engine wrote positions that are not JSON") from None
    if not isinstance(found, dict):
        raise RenderError("the layout engine wrote positions that are not a JSON object")
    return found


def _run(source: str, output: str, *, timeout: float) -> str:
    """Run the layout engine on ``source`` with ``-T{output}``; return what it writes."""
    check_timeout(timeout)
    engine = find_layout_engine()
    try:
        done = subprocess.run(  # noqa: S603  # a fixed program; the DOT goes in on stdin
            [str(engine), f"-T{output}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"{engine.name} took more than {timeout:g} s to lay out the diagram; draw less of "
            "the map with focus=<node id> and depth=<steps>",
            keywords=("focus", "depth"),
        ) from None
    except OSError as exc:
        raise RenderError(f"cannot run {engine}: {exc.strerror}") from None
    if done.returncode != 0:
        errors = done.stderr.decode("utf-8", "replace").strip() or "no error output"
        raise RenderError(f"{engine.name} failed with exit code {done.returncode}: {errors}")
    for warning in engine_warnings(done.stderr.decode("utf-8", "replace")):
        warnings.warn(f"{engine.name}: {warning}", RenderWarning, stacklevel=3)
    try:
        return done.stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RenderError(
            f"{engine.name} wrote output that is not UTF-8 {'SVG' if output == 'svg' else 'JSON'} "
            f"(byte {exc.start}); "
            "is it a working Graphviz `dot`?"
        ) from None


def engine_warnings(stderr: str) -> list[str]:
    """Return the engine's warnings worth passing on, once each, without the "Warning:" prefix.

    One warning is left out on purpose: graphviz-pure (as Graphviz without its font libraries)
    knows the widths of ASCII characters only and counts any other character as a space per
    UTF-8 byte. That is about right for accented Latin letters and errs wide for symbols; the
    scripts it under-measures (CJK, Hangul, Arabic, Hebrew, ...) get an explicit node width from
    argmap (``dot._estimated_width``), and argmap's own labels are ASCII but for the marks ``▲``
    and ``…``. Passing it on would warn on every map that is not in English, with nothing to do.

    Examples:
        >>> engine_warnings("Warning: red2 is not a known color.")
        ['red2 is not a known color.']
        >>> engine_warnings("Warning: Warning: no value for width of non-ASCII character 194. "
        ...                 "Falling back to width of space character")
        []
    """
    found: dict[str, None] = {}
    for line in stderr.splitlines():
        text = line.strip()
        while text.startswith("Warning:"):
            text = text.removeprefix("Warning:").strip()
        if text and not _WIDTH_FALLBACK.search(text):
            found[text] = None
    return list(found)


_WIDTH_FALLBACK = re.compile(r"no value for width of non-ASCII character")


def _font_paths() -> list[str]:
    folder = files("argmap.render").joinpath("fonts")
    return [str(folder.joinpath(name)) for name in FONT_FILES]


def _with_shipped_fonts(svg: str) -> str:
    return _FONT_FAMILY.sub(f'font-family="{_FAMILY}"', svg)


def _svg_size(svg: str) -> tuple[float, float]:
    """The SVG root's width and height in CSS pixels (96 per inch), as resvg draws them."""
    root = re.search(r"<svg\b[^>]*>", svg)
    if root is None:
        raise RenderError("the layout engine's output holds no <svg> element")
    attrs = dict(re.findall(r'\b(width|height|viewBox)="([^"]*)"', root.group(0)))
    sizes = [_SIZE.match(attrs.get(name, "")) for name in ("width", "height")]
    if sizes[0] and sizes[1]:
        w, h = (float(m.group(1)) * _PX_PER_UNIT[m.group(2) or "px"] for m in sizes if m)
        return w, h
    box = attrs.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    raise RenderError("cannot tell the size of the layout engine's SVG; draw SVG or PDF instead")


def png_zoom(svg: str, *, scale: float = 2.0) -> float:
    """Return the zoom to draw ``svg`` at: ``scale``, or less so as to keep within
    :data:`MAX_PNG_PIXELS`.

    Raises:
        RenderError: Within :data:`MAX_PNG_PIXELS` the zoom would be below
            :data:`MIN_PNG_ZOOM`, where the text cannot be read.

    Examples:
        >>> png_zoom('<svg width="300pt" height="150pt">')
        2.0
        >>> round(png_zoom('<svg width="30000pt" height="1500pt">'), 2)
        0.71
    """
    width, height = _svg_size(svg)
    zoom = scale
    # resvg rounds each side up: keep (width * zoom + 1) * (height * zoom + 1) within the cap.
    if (width * zoom + 1) * (height * zoom + 1) > MAX_PNG_PIXELS:
        a, b, c = width * height, width + height, 1 - MAX_PNG_PIXELS
        zoom = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a) * 0.9999
    if zoom < MIN_PNG_ZOOM:
        w, h = math.ceil(width * MIN_PNG_ZOOM), math.ceil(height * MIN_PNG_ZOOM)
        raise RenderError(
            f"the diagram is too large for a readable PNG: within {MAX_PNG_PIXELS:,} pixels "
            f"its text would be drawn at zoom {zoom:.2f}, too small to read (the least is "
            f"{MIN_PNG_ZOOM:g}, which would take {w} x {h} px); draw SVG or PDF, or draw part "
            "of the map with focus=<node id>",
            keywords=("focus",),
        )
    return zoom


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """Draw an SVG made by the layout engine as a PNG, ``scale`` pixels per SVG pixel.

    A diagram that would take more than :data:`MAX_PNG_PIXELS` pixels is drawn smaller.

    Raises:
        RendererNotFoundError: ``resvg-py`` is not installed.
        RenderError: The diagram is too large for a PNG even at :data:`MIN_PNG_ZOOM`.
    """
    zoom = png_zoom(svg, scale=scale)
    try:
        import resvg_py  # noqa: PLC0415  # a native extension, loaded only when needed
    except ImportError:
        raise RendererNotFoundError("drawing PNG needs resvg-py: pip install resvg-py") from None
    png: Any = resvg_py.svg_to_bytes(
        svg_string=_with_shipped_fonts(svg),
        dpi=96.0,  # Graphviz sizes are in pt; the default of 0 cannot convert them
        zoom=zoom,
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


def pipe(source: str, *, format: EngineOutput, timeout: float = DEFAULT_TIMEOUT) -> bytes:  # noqa: A002
    """Return DOT ``source`` drawn in ``format``: ``svg``, ``png``, ``pdf``, or ``dot`` itself.

    Raises:
        RendererNotFoundError: Nothing installed can draw it; the message says what to install.
        RenderError: An unknown format, a ``timeout`` that is not a positive number, the engine
            failed, or the diagram is too large for a PNG.
    """
    check_timeout(timeout)
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
