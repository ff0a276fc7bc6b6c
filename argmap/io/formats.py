"""The one table of file formats: what argmap reads and writes, and how it tells them apart.

Each :class:`Format` has a name, the file suffixes it claims, a sniffer that looks at the start
of a text, and load and dump functions in its own module, imported only when first used. Every
other part of argmap (``argmap.load``, ``argmap.dump``, ``m.render``, the command line) asks this
table; none keeps a list of its own. It is the one route from a path to a reader or a writer,
drawings included: the renderers return bytes, and :func:`dump` and :func:`write_diagram` write
them, so one mistake (a path ending in ``.foo``) gives one error whichever way it comes.

A suffix several formats share is settled by sniffing: ``.json`` may be argmap's own format,
AIF, xAIF or SADFace; ``.yaml`` argmap's own or Carneades. When not exactly one format fits, the
:class:`~argmap.exceptions.FileFormatError` names the candidates and says to pass ``format=``.
Writing to a shared suffix writes the first format that claims it (argmap's own for ``.json``
and ``.yaml``); pass ``format=`` for another.

Other packages add formats through the entry-point group ``argmap.formats``: each entry point
names a :class:`Format` object (``mypkg.formats:MY_FORMAT``), whose name must not be a built-in
one.

Examples:
    >>> from argmap.io.formats import get_format, loads, dumps
    >>> get_format("aif").suffixes
    ('.json',)
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Tiny")
    >>> _ = m.claim("c", "Pressure works.")
    >>> loads(dumps(m, format="yaml")) == m
    True
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap import params
from argmap.exceptions import ArgmapError, FileFormatError
from argmap.files import read_text, write_atomic
from argmap.io.sniffing import HEAD_SIZE
from argmap.map import ArgumentMap

if TYPE_CHECKING:
    from typing import Unpack

    from argmap.diagram_types import DiagramChanges
    from argmap.render.options import DiagramOptions

__all__ = [
    "BUILTIN_FORMATS",
    "ENTRY_POINT_GROUP",
    "Format",
    "all_formats",
    "detect",
    "drawing_formats",
    "dump",
    "dumps",
    "format_for",
    "get_format",
    "load",
    "loads",
    "write_diagram",
]

ENTRY_POINT_GROUP = "argmap.formats"
"""The entry-point group through which other packages add formats."""


@dataclass(frozen=True, kw_only=True)
class Format:
    """One file format: its name, suffixes, and where its functions live.

    Functions are named ``"module:function"`` and imported when first called, so that reading
    one format never imports the others. A module that follows the usual interface provides
    ``loads(text, *, path=None) -> ArgumentMap``, ``dumps(m) -> str`` and
    ``sniff(head) -> bool``.

    Args:
        name: The name users pass as ``format=`` (lower case).
        suffixes: The file suffixes it claims, lower case with the dot.
        summary: One line saying what it is, for error messages and ``argmap formats``.
        loads: ``"module:function"`` reading text into a map, or ``None`` if argmap cannot read it.
        dumps: ``"module:function"`` writing a map as text (or bytes, for a drawing), or ``None``.
        sniff: ``"module:function"`` telling from the first characters of a text whether it is
            in this format, or ``None`` (then only the suffix or ``format=`` can choose it).
        options: Keyword arguments passed to ``loads`` and ``dumps`` (the same module may serve
            several formats).
        binary: Whether ``dumps`` returns bytes (a drawing) rather than text.
        repairs: Whether ``loads`` repairs the faults of real corpora and takes ``strict=``
            to refuse them instead (see :mod:`argmap.io.repair`).

    Examples:
        >>> fmt = get_format("svg")
        >>> fmt.can_load, fmt.can_dump, fmt.binary
        (False, True, True)
    """

    name: str
    suffixes: tuple[str, ...]
    summary: str
    loads: str | None = None
    dumps: str | None = None
    sniff: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    binary: bool = False
    repairs: bool = False

    @property
    def can_load(self) -> bool:
        """Whether argmap can read this format."""
        return self.loads is not None

    @property
    def can_dump(self) -> bool:
        """Whether argmap can write this format."""
        return self.dumps is not None

    def load_text(self, text: str, *, path: str | None = None, strict: bool = False) -> ArgumentMap:
        """Read a map from ``text``; ``path`` only names the text in error messages.

        ``strict=True`` refuses a file whose faults the reader would repair (a format whose
        reader repairs nothing reads as usual).

        Raises:
            FileFormatError: argmap cannot read this format, its module is unavailable, or the
                text is not a valid map in it.
        """
        if self.loads is None:
            raise FileFormatError(
                f"argmap cannot read {self.name} ({self.summary}); it only writes it", path=path
            )
        _check_text(text)
        text = text.removeprefix("\ufeff")  # a byte order mark is no part of any format
        options = dict(self.options)
        if strict and self.repairs:
            options["strict"] = True
        result: ArgumentMap = self._function(self.loads, path)(text, path=path, **options)
        return result

    def dump_bytes(self, m: ArgumentMap, *, path: str | None = None, **options: Any) -> bytes:
        """Return the map in this format, as the bytes of a file.

        ``options`` go to the writer with the format's own (a drawing takes the diagram's
        options, as :func:`write_diagram` passes them).

        Raises:
            FileFormatError: argmap cannot write this format, or its module is unavailable.
        """
        if self.dumps is None:
            raise FileFormatError(
                f"argmap cannot write {self.name} ({self.summary}); it only reads it", path=path
            )
        if not isinstance(m, ArgumentMap):
            raise ArgmapError(f"expected an ArgumentMap to write, got {type(m).__name__}")
        out = self._function(self.dumps, path)(m, **self.options, **options)
        return out if isinstance(out, bytes) else str(out).encode("utf-8")

    def dump_text(self, m: ArgumentMap) -> str:
        """Return the map in this format as text.

        Raises:
            FileFormatError: The format is binary (PNG, PDF), or argmap cannot write it.
        """
        if self.binary and self.name not in _TEXT_DRAWINGS:
            raise FileFormatError(
                f"{self.name} is binary, not text; write it to a file with "
                f"argmap.dump(m, path, format={self.name!r})"
            )
        return self.dump_bytes(m).decode("utf-8")

    def fits(self, head: str) -> bool:
        """Whether the sniffer recognises ``head``; ``False`` when there is no sniffer or its
        module is unavailable."""
        if self.sniff is None:
            return False
        try:
            sniffer = self._function(self.sniff, None)
        except FileFormatError:
            return False
        return bool(sniffer(head))

    @property
    def available(self) -> bool:
        """Whether the modules behind this format can be imported."""
        try:
            for ref in (self.loads, self.dumps, self.sniff):
                if ref is not None:
                    self._function(ref, None)
        except FileFormatError:
            return False
        return True

    def _function(self, ref: str, path: str | None) -> Callable[..., Any]:
        module_name, _, attr = ref.partition(":")
        try:
            module = importlib.import_module(module_name)
            function: Callable[..., Any] = getattr(module, attr)
        except (ImportError, AttributeError) as exc:
            raise FileFormatError(
                f"the {self.name} format is unavailable in this installation "
                f"({module_name}.{attr} cannot be imported: {exc}); upgrade argmap, or install "
                "the package that provides it",
                path=path,
            ) from None
        return function


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise ArgmapError(
            f"loads reads text (a str), not {type(text).__name__}; "
            "decode bytes first, or give a file's path to load"
        )


def _native(name: str, suffixes: tuple[str, ...], summary: str) -> Format:
    return Format(
        name=name,
        suffixes=suffixes,
        summary=summary,
        loads="argmap.io.native:loads",
        dumps="argmap.io.native:dumps",
        sniff=f"argmap.io.native:sniff_{name}",
        options={"format": name},
    )


_DRAW = "argmap.render.output:draw"


def _drawing(name: str, suffixes: tuple[str, ...], summary: str) -> Format:
    return Format(
        name=name,
        suffixes=suffixes,
        summary=summary,
        dumps=_DRAW,
        options={"format": name},
        binary=True,
    )


def _module(name: str, module: str, suffixes: tuple[str, ...], summary: str, **kw: Any) -> Format:
    loads = kw.pop("loads", "loads")
    dumps = kw.pop("dumps", "dumps")
    sniff = kw.pop("sniff", "sniff")
    return Format(
        name=name,
        suffixes=suffixes,
        summary=summary,
        loads=f"{module}:{loads}" if loads else None,
        dumps=f"{module}:{dumps}" if dumps else None,
        sniff=f"{module}:{sniff}" if sniff else None,
        **kw,
    )


BUILTIN_FORMATS: tuple[Format, ...] = (
    _native("json", (".json",), "argmap's own format, as JSON"),
    _native("yaml", (".yaml", ".yml"), "argmap's own format, as YAML"),
    _module("argdown", "argmap.io.argdown", (".argdown", ".ad"), "Argdown text"),
    _module("aif", "argmap.io.aif", (".json",), "AIF JSON as AIFdb serves it", repairs=True),
    _module(
        "xaif",
        "argmap.io.aif",
        (".json",),
        "xAIF / OVA3 JSON (AIF with OVA's layout)",
        loads="loads_xaif",
        dumps="dumps_xaif",
        sniff="sniff_xaif",
        repairs=True,
    ),
    _module("sadface", "argmap.io.sadface", (".json",), "SADFace JSON"),
    _module("microtexts", "argmap.io.microtexts", (".xml",), "arggraph XML (microtexts)"),
    _module("carneades", "argmap.io.carneades", (".yaml", ".yml"), "Carneades 4 YAML (CAES)"),
    _module("graphml", "argmap.io.graphml", (".graphml",), "GraphML of the map's networkx graph"),
    _module("gexf", "argmap.io.gexf", (".gexf",), "GEXF of the map's networkx graph"),
    _drawing("svg", (".svg",), "a diagram as SVG"),
    _drawing("png", (".png",), "a diagram as PNG"),
    _drawing("pdf", (".pdf",), "a diagram as PDF"),
    _drawing("dot", (".dot", ".gv"), "the diagram's Graphviz DOT source"),
    _drawing("html", (".html", ".htm"), "the map in an interactive HTML viewer"),
)
"""argmap's own formats, in the order that settles a shared suffix when writing."""

# svg, dot and html are text; dump_text allows them although they come from the drawing code.
_TEXT_DRAWINGS = frozenset({"svg", "dot", "html"})
_BUILTIN_NAMES = frozenset(f.name for f in BUILTIN_FORMATS)


@cache
def _plugins() -> tuple[Format, ...]:
    found: list[Format] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            fmt = point.load()
        except Exception as exc:  # a broken plugin must not break argmap
            warnings.warn(
                f"the format plugin {point.name!r} ({point.value}) cannot be loaded and is "
                f"left out: {exc}",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        if not isinstance(fmt, Format):
            warnings.warn(
                f"the format plugin {point.name!r} ({point.value}) is not an "
                "argmap.io.formats.Format and is left out",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        if fmt.name in _BUILTIN_NAMES or any(f.name == fmt.name for f in found):
            warnings.warn(
                f"the format plugin {point.name!r} ({point.value}) reuses the name "
                f"{fmt.name!r}, which is taken, and is left out",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        found.append(fmt)
    return tuple(found)


def all_formats() -> tuple[Format, ...]:
    """Return every format: argmap's own, then those other packages add.

    Examples:
        >>> [f.name for f in all_formats()][:8]
        ['json', 'yaml', 'argdown', 'aif', 'xaif', 'sadface', 'microtexts', 'carneades']
    """
    return BUILTIN_FORMATS + _plugins()


def drawing_formats() -> tuple[Format, ...]:
    """Return the formats that are diagrams of a map (written by :mod:`argmap.render`).

    Examples:
        >>> [f.name for f in drawing_formats()]
        ['svg', 'png', 'pdf', 'dot', 'html']
    """
    return tuple(f for f in BUILTIN_FORMATS if f.dumps == _DRAW)


def get_format(name: str, *, path: str | os.PathLike[str] | None = None) -> Format:
    """Return the format called ``name`` (case does not matter).

    Raises:
        FileFormatError: No format has that name; the message lists the names.

    Examples:
        >>> get_format("AIF").name
        'aif'
    """
    where = None if path is None else str(path)
    if not isinstance(name, str):
        raise FileFormatError(f"a format is named by a string, not {name!r}", path=where)
    wanted = name.strip().lower()
    for fmt in all_formats():
        if fmt.name == wanted:
            return fmt
    names = ", ".join(f.name for f in all_formats())
    raise FileFormatError(f"unknown format {name!r}; use one of {names}", path=where)


def _suffix(path: str | os.PathLike[str]) -> str:
    return Path(path).suffix.lower()


def _by_suffix(suffix: str, *, reading: bool) -> list[Format]:
    return [
        f for f in all_formats() if suffix in f.suffixes and (f.can_load if reading else f.can_dump)
    ]


def _unknown_suffix(path: str, suffix: str, *, reading: bool) -> FileFormatError:
    known = dict.fromkeys(
        s for f in all_formats() if (f.can_load if reading else f.can_dump) for s in f.suffixes
    )
    return FileFormatError(
        f"cannot tell the format from the suffix {suffix or '(none)'!r}; use one of "
        f"{', '.join(known)}, or pass format=",
        path=path,
        keywords=("format",),
    )


def detect(
    head: str,
    *,
    path: str | os.PathLike[str] | None = None,
    format: str | None = None,  # noqa: A002
) -> Format:
    """Return the format to read: ``format`` if given, else by ``path``'s suffix and sniffing.

    With no ``path``, every readable format is sniffed.

    Raises:
        FileFormatError: The format is unknown or cannot be read, the suffix is one no format
            claims, or not exactly one of the candidates fits the text (the message names them
            and says to pass ``format=``).

    Examples:
        >>> detect('{"AIF": {"nodes": []}}', path="map.json").name
        'xaif'
        >>> detect('{"argmap": 2, "nodes": []}').name
        'json'
    """
    where = None if path is None else str(path)
    if format is not None:
        fmt = get_format(format, path=path)
        if not fmt.can_load:
            raise FileFormatError(
                f"argmap cannot read {fmt.name} ({fmt.summary}); it only writes it", path=where
            )
        return fmt
    if path is not None:
        suffix = _suffix(path)
        candidates = _by_suffix(suffix, reading=True)
        if not candidates:
            raise _unknown_suffix(str(path), suffix, reading=True)
        if len(candidates) == 1:
            return candidates[0]
        what = f"this {suffix} file"
    else:
        candidates = [f for f in all_formats() if f.can_load]
        what = "this text"
    sample = head[:HEAD_SIZE]
    fits = [f for f in candidates if f.fits(sample)]
    if [f.name for f in fits] == ["json", "yaml"]:
        fits = fits[:1]  # JSON is YAML too; the JSON reader says more about a broken file
    if len(fits) == 1:
        return fits[0]
    offered = ", ".join(f"{f.name} ({f.summary})" for f in (fits or candidates))
    if fits:
        problem = f"cannot tell which format {what} is: it fits {offered}"
        raise FileFormatError(f"{problem}; pass format=", path=where, keywords=("format",))
    problem = f"cannot tell which format {what} is: it looks like none of {offered}"
    raise _NoFormatFits(
        f"{problem}; pass format=",
        path=where,
        candidates=tuple(candidates) if path is not None else (),
    )


class _NoFormatFits(FileFormatError):
    """No sniffer recognised the text; ``candidates`` are the formats its suffix claims."""

    def __init__(self, problem: str, *, path: str | None, candidates: tuple[Format, ...]) -> None:
        super().__init__(problem, path=path, keywords=("format",))
        self.candidates = candidates


def _read_as_detected(
    text: str,
    *,
    path: str | None,
    format: str | None,  # noqa: A002
    strict: bool = False,
) -> ArgumentMap:
    _check_text(text)
    try:
        fmt = detect(text, path=path, format=format)
    except _NoFormatFits as exc:
        if not exc.candidates:
            raise
        # A broken file in the suffix's own format (argmap's, for .json and .yaml) fits no
        # sniffer: its reader says best what is wrong, and the message says how it was read.
        first = exc.candidates[0]
        others = ", ".join(f.name for f in exc.candidates[1:])
        try:
            return first.load_text(text, path=path, strict=strict)
        except FileFormatError as inner:
            raise FileFormatError(
                f"{inner.problem} (read as {first.name}, {first.summary}, since it looks like "
                f"none of {others} either; if it is one of them, pass format=)",
                path=inner.path,
                line=inner.line,
                where=inner.where,
                keywords=(*inner.keywords, "format"),
            ) from None
    return fmt.load_text(text, path=path, strict=strict)


def format_for(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002
    reading: bool = False,
) -> Format:
    """Return the format to write ``path`` in (or to read it, with ``reading=True``): ``format``
    if given, else the one its suffix names. It is the one place a path's suffix is looked up.

    A suffix several formats share gives the first that claims it (argmap's own for ``.json``
    and ``.yaml``); :func:`load` looks at the text instead (see :func:`detect`).

    Raises:
        FileFormatError: The format is unknown or cannot be written (read), or the suffix is
            one no format claims; the message names the path and lists the choices.

    Examples:
        >>> format_for("map.json").name, format_for("map.json", format="aif").name
        ('json', 'aif')
        >>> format_for("map.SVG").name, format_for("map.gv").name
        ('svg', 'dot')
    """
    if not isinstance(path, str | os.PathLike) or isinstance(path, bytes):
        raise ArgmapError(
            f"expected a file path (a str or a pathlib.Path), got {type(path).__name__}"
        )
    if format is not None:
        fmt = get_format(format, path=path)
        if not (fmt.can_load if reading else fmt.can_dump):
            can = "read" if reading else "write"
            does = "writes" if reading else "reads"
            raise FileFormatError(
                f"argmap cannot {can} {fmt.name} ({fmt.summary}); it only {does} it",
                path=str(path),
            )
        return fmt
    suffix = _suffix(path)
    candidates = _by_suffix(suffix, reading=reading)
    if not candidates:
        raise _unknown_suffix(str(path), suffix, reading=reading)
    return candidates[0]


def load(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002
    strict: bool = False,
) -> ArgumentMap:
    """Read a map from a file in any format argmap reads.

    The format is ``format`` if given, else the one the suffix names; a suffix several formats
    share (``.json``, ``.yaml``) is settled by looking at the text. Faults that real corpora
    have (AIFdb's edges to nodes an export leaves out) are repaired with one
    :class:`~argmap.exceptions.RepairWarning` and listed in the map's ``data["repaired"]``;
    ``strict=True`` refuses them instead (see :mod:`argmap.io.repair`).

    Raises:
        FileFormatError: The format cannot be told or read, or the file is not a valid map (in
            strict mode, also one with a fault argmap would repair); the message names the file
            and, when it can, the line or place.

    Examples:
        >>> import tempfile, pathlib
        >>> from argmap.examples import north_korea
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "nk.aif.json"
        >>> dump(north_korea(), path, format="aif")
        >>> load(path) == north_korea()
        True
    """
    if format is not None:
        detect("", path=path, format=format)  # a name it cannot read fails before reading
    text = read_text(path, expected="a map file")
    return _read_as_detected(text, path=str(path), format=format, strict=strict)


def loads(
    text: str,
    *,
    format: str | None = None,  # noqa: A002
    path: str | None = None,
    strict: bool = False,
) -> ArgumentMap:
    """Read a map from text in ``format``; without it, the format is told from the text.

    ``path`` names the text in error messages and, without ``format``, its suffix narrows the
    formats to consider; ``strict`` is as for :func:`load`.

    Raises:
        FileFormatError: As for :func:`load`.

    Examples:
        >>> loads('{"argmap": 1, "title": "Empty"}').title
        'Empty'
    """
    if path is not None:
        path = os.fspath(params.path(path, where="loads", name="path"))
    return _read_as_detected(text, path=path, format=format, strict=strict)


def dumps(m: ArgumentMap, *, format: str = "json") -> str:  # noqa: A002
    """Return the map as text in ``format`` (any format argmap writes as text).

    A format that cannot hold everything in the map warns with
    :class:`~argmap.exceptions.FormatLossWarning`, listing what is left out.

    Raises:
        FileFormatError: The format is unknown, cannot be written, or is binary (PNG, PDF).

    Examples:
        >>> from argmap import ArgumentMap
        >>> dumps(ArgumentMap(title="T"), format="yaml").startswith("argmap:")
        True
    """
    return get_format(format).dump_text(m)


def dump(m: ArgumentMap, path: str | os.PathLike[str], *, format: str | None = None) -> None:  # noqa: A002
    """Write the map to ``path`` in ``format``, or the one its suffix names, atomically.

    A shared suffix writes the first format that claims it: argmap's own for ``.json`` and
    ``.yaml``. The file is written whole or not at all.

    Raises:
        FileFormatError: The format is unknown or cannot be written, or the suffix is unknown.
        FileWriteError: The file cannot be written; any old file is left as it was.
    """
    fmt = format_for(path, format=format)
    write_atomic(Path(path), fmt.dump_bytes(m, path=str(path)))


def write_diagram(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002
    options: DiagramOptions | None = None,
    timeout: float | None = None,
    **changes: Unpack[DiagramChanges],
) -> Path:
    """Write the map's diagram to ``path``, atomically, and return the path.

    The format is ``format`` or else the suffix, as for :func:`dump`: ``.svg``, ``.png``,
    ``.pdf``, ``.dot`` or ``.gv``, or ``.html`` for the interactive viewer. ``options`` and
    ``**changes`` say what to draw, as for :func:`argmap.render.to_dot`; ``timeout`` bounds the
    layout engine's run in seconds. The diagram is drawn first, then written through a
    temporary file and a rename, so a failure never leaves a half-written file.
    ``m.render(path, ...)`` calls this.

    Raises:
        FileFormatError: The format is unknown or no diagram, or the suffix is unknown (the
            same error :func:`dump` gives).
        RenderError: A bad option or ``timeout``, or the layout engine failed.
        RendererNotFoundError: Nothing installed can draw it; the message says what to install.
        FileWriteError: The file cannot be written; any old file is left as it was.

    Examples:
        >>> import tempfile
        >>> from argmap.examples import north_korea
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     out = write_diagram(north_korea(), Path(folder) / "map.dot", focus="uk")
        ...     out.read_text("utf-8").startswith("digraph")
        True
    """
    target = Path(params.path(path, where="render", name="path"))
    fmt = format_for(target, format=format)
    if fmt not in drawing_formats():
        drawings = ", ".join(f.name for f in drawing_formats())
        raise FileFormatError(
            f"{fmt.name} ({fmt.summary}) is no diagram; draw {drawings}, or write the map "
            "itself with argmap.dump",
            path=str(path),
        )
    data = fmt.dump_bytes(m, path=str(target), options=options, timeout=timeout, **changes)
    write_atomic(target, data)
    return target
