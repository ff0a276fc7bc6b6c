"""The native file format: a map as JSON or YAML, validated by the models.

A document has a format version, a title, the central claim's id, a list of sources and a list of
nodes (statements and inferences, each with its ``kind``)::

    {"argmap": 2, "title": "...", "central": "c1",
     "sources": [{"id": "a", "title": "...", "text": "..."}],
     "nodes": [{"kind": "claim", "id": "c1", "text": "..."}, ...]}

:func:`load` and :func:`dump` pick JSON or YAML from the file's suffix; :func:`loads` and
:func:`dumps` work on text. Every problem with a file becomes a
:class:`~argmap.exceptions.FileFormatError` naming the file, the line (when it can be known) and
the place in the document.

Examples:
    >>> from argmap import ArgumentMap
    >>> from argmap.io.native import dumps, loads
    >>> m = ArgumentMap(title="Tiny")
    >>> _ = m.claim("c", "Pressure works.")
    >>> loads(dumps(m, format="yaml"), format="yaml") == m
    True
"""

from __future__ import annotations

import json
import os
import re
from collections import deque
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field

from argmap.exceptions import (
    ArgmapError,
    FileFormatError,
    InvalidMapError,
    validation_problem,
)
from argmap.files import read_text, write_atomic
from argmap.index import paused_gc
from argmap.io.formats import format_for
from argmap.io.parsing import (
    check_data,
    dump_yaml,
    json_path,
    line_of,
    parse_json,
    parse_yaml,
)
from argmap.io.sniffing import json_keys
from argmap.map import ArgumentMap, require_map
from argmap.model import Data, FrozenData, Node, Plain, Source

__all__ = [
    "FORMAT_VERSION",
    "MapDocument",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "schema",
    "sniff_json",
    "sniff_yaml",
    "to_dict",
    "write_atomic",  # kept here for callers that imported it from this module
]

FORMAT_VERSION = 2
"""The version :func:`dump` writes. Version 1 (before titles, data, weights, assumptions and
acknowledgements) is a subset of version 2, so both are read."""
_READS = (1, 2)
NativeFormat = Literal["json", "yaml"]
"""The two syntaxes of argmap's own format (their suffixes are in :mod:`argmap.io.formats`)."""
_FREE_FIELDS = ("data", "acknowledge")
_KINDS = ("claim", "premise", "case", "rebuttal", "support", "attack")


class MapDocument(BaseModel):
    """The shape of a native argmap file (its JSON Schema is :func:`schema`)."""

    model_config = ConfigDict(extra="forbid", title="argmap map")

    argmap: Literal[1, 2] = Field(description="The format version (1 or 2; argmap writes 2).")
    title: Plain | None = None
    central: str | None = Field(default=None, description="The id of the central claim.")
    default_source: str | None = Field(
        default=None,
        description="The id of the source that quotes given as plain text come from, when a "
        "statement added in Python names none (ArgumentMap.default_source).",
    )
    sources: list[Source] = []
    nodes: list[Node] = []
    data: Data = Field(
        default_factory=FrozenData,
        description="Free data about the whole map (JSON values by key), as formats carry it.",
    )


def schema() -> dict[str, Any]:
    """Return the JSON Schema of the native format.

    Examples:
        >>> schema()["properties"]["argmap"]["enum"]
        [1, 2]
    """
    return MapDocument.model_json_schema()


def _native_for(path: str | os.PathLike[str], format: str | None, *, reading: bool) -> NativeFormat:  # noqa: A002
    """The syntax to read or write ``path`` in, through the one table of formats (so a suffix it
    does not know gives the same error as :func:`argmap.load` and :func:`argmap.dump`)."""
    if format is not None:
        return _checked_format(format)
    return _checked_format(format_for(path, reading=reading).name, path=path)


def _checked_format(format: object, *, path: str | os.PathLike[str] | None = None) -> NativeFormat:  # noqa: A002
    if format not in ("json", "yaml"):
        if path is not None:
            raise FileFormatError(
                f"argmap.io.native reads and writes argmap's own format (json, yaml), not "
                f"{format}; use argmap.load and argmap.dump for every format",
                path=os.fspath(path),
            )
        raise ArgmapError(f"unknown format {format!r}; use 'json' or 'yaml'")
    return format


def load(path: str | os.PathLike[str], *, format: NativeFormat | None = None) -> ArgumentMap:  # noqa: A002
    """Read a map from a JSON or YAML file.

    The file must be a regular file of UTF-8 text; a leading byte order mark is dropped.

    Raises:
        FileFormatError: The file cannot be read, parsed or validated; the message says where.
        ArgmapError: ``path`` is not a path.

    Examples:
        >>> import tempfile, pathlib
        >>> from argmap.examples import north_korea
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "nk.json"
        >>> dump(north_korea(), path)
        >>> load(path) == north_korea()
        True
    """
    text = read_text(
        path, expected="a map file"
    )  # refuses a non-path first, then folders, devices and FIFOs
    return loads(text, format=_native_for(path, format, reading=True), path=os.fspath(path))


@paused_gc()  # parsing, validating and building allocate millions of objects, none garbage
def loads(text: str, *, format: NativeFormat = "json", path: str | None = None) -> ArgumentMap:  # noqa: A002
    """Read a map from JSON or YAML text; ``path`` only names the text in error messages.

    A leading byte order mark (U+FEFF) is dropped, in JSON as in YAML.

    Raises:
        FileFormatError: The text cannot be parsed or validated; the message says where.
        ArgmapError: ``text`` is not a str, or ``format`` is neither ``"json"`` nor ``"yaml"``.
    """
    if not isinstance(text, str):
        raise ArgmapError(
            f"loads reads text (a str), not {type(text).__name__}; "
            "decode bytes first, or give a file's path to load"
        )
    format = _checked_format(format)  # noqa: A001
    text = text.removeprefix("\ufeff")
    if not text.strip():
        data = None
    elif format == "yaml":
        data = parse_yaml(text, path=path)
    else:
        data = parse_json(text, path=path)
    return _from_document(data, text=text, format=format, path=path)


def from_dict(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from plain data in the native format's shape (what :func:`to_dict` returns).

    The data is what a native file holds, as Python dicts, lists, strings, numbers and booleans;
    its JSON Schema is :func:`schema`.

    Raises:
        FileFormatError: The data does not describe a valid map; the message names the place
            (``<dict> (nodes[0].text): field 'text' is required``).

    Examples:
        >>> m = from_dict({"argmap": 1, "nodes": [{"kind": "claim", "id": "c", "text": "C."}]})
        >>> m["c"].text
        'C.'
        >>> from_dict({"argmap": 1, "nodes": [{"kind": "claim", "id": "c"}]})
        Traceback (most recent call last):
        ...
        argmap.exceptions.FileFormatError: <dict> (nodes[0].text): field 'text' is required
    """
    check_data(data, path="<dict>")
    return _from_document(data, text=None, format="json", path="<dict>")


def _from_document(
    data: Any,
    *,
    text: str | None,
    format: NativeFormat,  # noqa: A002
    path: str | None,
) -> ArgumentMap:
    """Validate parsed data and build its map; ``text``, when given, locates errors by line."""
    if data is None:
        raise FileFormatError(
            "the file is empty; an argmap file is a mapping that starts with `argmap: 2`",
            path=path,
        )
    if not isinstance(data, Mapping):
        raise FileFormatError(
            f"the top level is a {type(data).__name__}, not a mapping; an argmap file is a "
            "mapping with `argmap: 2`, `nodes` and `sources`",
            path=path,
            line=1 if text is not None else None,
        )
    if "argmap" in data and (
        type(data["argmap"]) is not int or data["argmap"] not in _READS  # True is no version
    ):
        raise FileFormatError(
            f"format version {data['argmap']!r} is not one this argmap reads "
            f"(it reads versions {', '.join(map(str, _READS))}); "
            "upgrade argmap or convert the file",
            path=path,
            line=line_of(text, ("argmap",), syntax=format),
            where="argmap",
        )
    try:
        doc = MapDocument.model_validate(data)
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        place = _in_file(err["loc"])
        raise FileFormatError(
            validation_problem(exc, read=True, located=False, shown=1),
            path=path,
            line=line_of(text, place, syntax=format),
            where=json_path(place),
        ) from None
    try:
        return _build(doc)
    except InvalidMapError as exc:
        loc = exc.place
        missing = getattr(exc, "missing", None)
        if loc is not None and missing is not None and loc != ("central",):
            loc = (*loc, *_locate_value(data, loc, missing))
        line = line_of(text, loc, syntax=format) if loc else None
        raise FileFormatError(str(exc), path=path, line=line, where=json_path(loc)) from None


def dumps(m: ArgumentMap, *, format: NativeFormat = "json") -> str:  # noqa: A002
    """Return the map as JSON or YAML text.

    Raises:
        ArgmapError: ``m`` is not a map, or ``format`` is neither ``"json"`` nor ``"yaml"``.
    """
    if not isinstance(m, ArgumentMap):
        raise ArgmapError(f"expected an ArgumentMap to write, got {type(m).__name__}")
    format = _checked_format(format)  # noqa: A001
    data = to_dict(m)
    if format == "yaml":
        return dump_yaml(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: NativeFormat | None = None,  # noqa: A002
) -> None:
    """Write the map to a JSON or YAML file, atomically.

    The text goes to a temporary file beside ``path`` that then replaces it, so a reader never
    sees half a file and a failed write leaves any old file as it was.
    """
    text = dumps(m, format=_native_for(path, format, reading=False))
    write_atomic(Path(path), text.encode("utf-8"))


def to_dict(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as plain data in the native format's shape, fields at defaults left out.

    Only dicts, lists, strings, numbers and booleans: ``json.dumps`` takes it as it is, and
    :func:`from_dict` reads it back into an equal map. Its JSON Schema is :func:`schema`.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(title="Tiny")
        >>> _ = m.claim("c", "Pressure works.")
        >>> to_dict(m)
        {'argmap': 2, 'title': 'Tiny', 'sources': [], 'nodes': [{'kind': 'claim', 'id': 'c', 'text': 'Pressure works.'}]}
        >>> from_dict(to_dict(m)) == m
        True
    """  # noqa: E501
    require_map(m, "to_dict")
    doc: dict[str, Any] = {"argmap": FORMAT_VERSION}
    if m.title is not None:
        doc["title"] = m.title
    if m.central is not None:
        doc["central"] = m.central
    if m.default_source is not None:
        doc["default_source"] = m.default_source
    doc["sources"] = [s.model_dump(mode="json", exclude_defaults=True) for s in m.sources.values()]
    doc["nodes"] = [_node_data(n) for n in m.nodes()]
    if m.data:
        doc["data"] = dict(m.data)
    return doc


def _node_data(node: BaseModel) -> dict[str, Any]:
    data = node.model_dump(mode="json", exclude_defaults=True)
    # The kind is what tells the models apart, so keep it first and always; the free fields
    # come last, after what the node says.
    free = {k: data.pop(k) for k in _FREE_FIELDS if k in data}
    return {"kind": node.kind, **data, **free}  # type: ignore[attr-defined]


def _build(doc: MapDocument) -> ArgumentMap:
    # The models were validated just now: the map checks its own rules, not each model again.
    return ArgumentMap.from_validated(
        title=doc.title,
        sources=doc.sources,
        nodes=doc.nodes,
        central=doc.central,
        default_source=doc.default_source,
        data=doc.data,
    )


def _in_file(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """A place as pydantic names it, as the file has it: without the node's kind, which pydantic
    puts after a node's index (``nodes.0.claim.text``) and a file does not have."""
    if len(loc) > 2 and loc[0] == "nodes" and loc[2] in _KINDS:
        return (*loc[:2], *loc[3:])
    return loc


def _locate_value(data: Any, loc: tuple[int | str, ...], value: str) -> tuple[int | str, ...]:
    """Return the path, below ``loc`` in the raw document, of the first place holding ``value``."""
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return ()
    queue: deque[tuple[Any, tuple[int | str, ...]]] = deque([(node, ())])
    while queue:
        current, path = queue.popleft()
        if current == value:
            return path
        if isinstance(current, dict):
            queue.extend((v, (*path, k)) for k, v in current.items() if k != "id")
        elif isinstance(current, list):
            queue.extend((v, (*path, i)) for i, v in enumerate(current))
    return ()


def sniff_json(head: str) -> bool:
    """Whether ``head``, the start of a text, is argmap's own format as JSON.

    Examples:
        >>> sniff_json('{"argmap": 2, "nodes": []}'), sniff_json('{"nodes": []}')
        (True, False)
    """
    top, _ = json_keys(head)
    return "argmap" in top


_YAML_VERSION = re.compile(r"""^(?:argmap|"argmap"|'argmap')\s*:""", re.MULTILINE)


def sniff_yaml(head: str) -> bool:
    """Whether ``head``, the start of a text, is argmap's own format as YAML (or JSON).

    Examples:
        >>> sniff_yaml("title: T\\nargmap: 2\\n"), sniff_yaml("statements: {}\\n")
        (True, False)
    """
    return bool(_YAML_VERSION.search(head)) or sniff_json(head)
