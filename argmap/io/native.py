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
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field

from argmap.exceptions import ArgmapError, FileFormatError, InvalidMapError
from argmap.files import write_atomic
from argmap.map import ArgumentMap
from argmap.model import Node, Plain, Source

__all__ = [
    "FORMAT_VERSION",
    "MapDocument",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "schema",
    "to_dict",
    "write_atomic",  # kept here for callers that imported it from this module
]

FORMAT_VERSION = 2
"""The version :func:`dump` writes. Version 1 (before titles, data, weights, assumptions and
acknowledgements) is a subset of version 2, so both are read."""
_READS = (1, 2)
Format = Literal["json", "yaml"]
_FREE_FIELDS = ("data", "acknowledge")
_KINDS = ("claim", "premise", "case", "rebuttal", "support", "attack")
_SUFFIXES: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


class MapDocument(BaseModel):
    """The shape of a native argmap file (its JSON Schema is :func:`schema`)."""

    model_config = ConfigDict(extra="forbid", title="argmap map")

    argmap: Literal[1, 2] = Field(description="The format version (1 or 2; argmap writes 2).")
    title: Plain | None = None
    central: str | None = Field(default=None, description="The id of the central claim.")
    sources: list[Source] = []
    nodes: list[Node] = []


def schema() -> dict[str, Any]:
    """Return the JSON Schema of the native format.

    Examples:
        >>> schema()["properties"]["argmap"]["enum"]
        [1, 2]
    """
    return MapDocument.model_json_schema()


def format_for(path: str | os.PathLike[str], format: Format | None = None) -> Format:  # noqa: A002
    """Return the format to use for ``path``: ``format`` if given, else the one its suffix names."""
    if format is not None:
        if format not in ("json", "yaml"):
            raise ArgmapError(f"unknown format {format!r}; use 'json' or 'yaml'")
        return format
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise FileFormatError(
            f"cannot tell the format from the suffix {suffix!r}; use .json, .yaml or .yml, "
            "or pass format=",
            path=str(path),
        ) from None


def load(path: str | os.PathLike[str], *, format: Format | None = None) -> ArgumentMap:  # noqa: A002
    """Read a map from a JSON or YAML file.

    Raises:
        FileFormatError: The file cannot be read, parsed or validated; the message says where.

    Examples:
        >>> import tempfile, pathlib
        >>> from argmap.examples import north_korea
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "nk.json"
        >>> dump(north_korea(), path)
        >>> load(path) == north_korea()
        True
    """
    fmt = format_for(path, format)
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise FileFormatError("no such file", path=str(path)) from None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileFormatError(
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8",
            path=str(path),
            line=line,
        ) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return loads(text, format=fmt, path=str(path))


def loads(text: str, *, format: Format = "json", path: str | None = None) -> ArgumentMap:  # noqa: A002
    """Read a map from JSON or YAML text; ``path`` only names the text in error messages."""
    return _from_document(_parse(text, format, path), text=text, path=path)


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
    return _from_document(data, text=None, path="<dict>")


def _from_document(data: Any, *, text: str | None, path: str | None) -> ArgumentMap:
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
            line=_line_of(text, ("argmap",)),
            where="argmap",
        )
    try:
        doc = MapDocument.model_validate(data)
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        where = _json_path(err["loc"])
        extra = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise FileFormatError(
            f"{_describe(err)}{extra}",
            path=path,
            line=_line_of(text, err["loc"]),
            where=where,
        ) from None
    try:
        return _build(doc)
    except InvalidMapError as exc:
        loc = exc.place
        missing = getattr(exc, "missing", None)
        if loc is not None and missing is not None and loc != ("central",):
            loc = (*loc, *_locate_value(data, loc, missing))
        raise FileFormatError(
            str(exc), path=path, line=_line_of(text, loc) if loc else None, where=_json_path(loc)
        ) from None


def dumps(m: ArgumentMap, *, format: Format = "json") -> str:  # noqa: A002
    """Return the map as JSON or YAML text."""
    data = to_dict(m)
    if format == "yaml":
        return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump(m: ArgumentMap, path: str | os.PathLike[str], *, format: Format | None = None) -> None:  # noqa: A002
    """Write the map to a JSON or YAML file, atomically.

    The text goes to a temporary file beside ``path`` that then replaces it, so a reader never
    sees half a file and a failed write leaves any old file as it was.
    """
    text = dumps(m, format=format_for(path, format))
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
    doc: dict[str, Any] = {"argmap": FORMAT_VERSION}
    if m.title is not None:
        doc["title"] = m.title
    if m.central is not None:
        doc["central"] = m.central
    doc["sources"] = [s.model_dump(mode="json", exclude_defaults=True) for s in m.sources.values()]
    doc["nodes"] = [_node_data(n) for n in m.nodes()]
    return doc


def _node_data(node: BaseModel) -> dict[str, Any]:
    data = node.model_dump(mode="json", exclude_defaults=True)
    # The kind is what tells the models apart, so keep it first and always; the free fields
    # come last, after what the node says.
    free = {k: data.pop(k) for k in _FREE_FIELDS if k in data}
    return {"kind": node.kind, **data, **free}  # type: ignore[attr-defined]


def _build(doc: MapDocument) -> ArgumentMap:
    return ArgumentMap(title=doc.title, sources=doc.sources, nodes=doc.nodes, central=doc.central)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a mapping with the same key twice."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # a merge key ("<<"): its keys may be overridden, which is no duplicate
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return dict(loader.construct_mapping(node))


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _parse(text: str, format: Format, path: str | None) -> Any:  # noqa: A002
    if format == "json":
        try:
            return json.loads(text, object_pairs_hook=_reject_duplicates)
        except json.JSONDecodeError as exc:
            raise FileFormatError(
                f"not valid JSON: {exc.msg} (column {exc.colno})", path=path, line=exc.lineno
            ) from None
        except ValueError as exc:  # a duplicate key
            raise FileFormatError(
                f"not valid JSON: {exc}", path=path, line=_duplicate_key_line(text)
            ) from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "cannot parse"
        raise FileFormatError(
            f"not valid YAML: {problem}", path=path, line=mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise FileFormatError(f"not valid YAML: {exc}", path=path) from None


def _duplicate_key_line(text: str) -> int | None:
    """Return the 1-based line of the first key that repeats one before it in its mapping."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if key.value in seen:
                    return int(key.start_mark.line) + 1
                seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _describe(err: Any) -> str:
    msg = str(err["msg"])
    if err["type"] == "missing":
        return f"field {err['loc'][-1]!r} is required"
    if err["type"] == "extra_forbidden":
        return f"unknown field {err['loc'][-1]!r}; check its spelling against `argmap schema`"
    if err["type"] == "union_tag_invalid":
        return (
            f"unknown node kind {err['input'].get('kind')!r}; "
            "use claim, premise, case, rebuttal, support or attack"
        )
    if err["type"] == "union_tag_not_found":
        return "a node needs a 'kind': claim, premise, case, rebuttal, support or attack"
    msg = msg.removeprefix("Value error, ")  # pydantic's wording for a validator's ValueError
    return msg[0].lower() + msg[1:] if msg else msg


def _json_path(loc: tuple[int | str, ...] | None) -> str | None:
    if not loc:
        return None
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _KINDS:
            continue  # pydantic names the union member; the file has no such level
        else:
            out += f".{part}" if out else str(part)
    return out


def _locate_value(data: Any, loc: tuple[int | str, ...], value: str) -> tuple[int | str, ...]:
    """Return the path, below ``loc`` in the raw document, of the first place holding ``value``."""
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return ()
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(node, ())]
    while stack:
        current, path = stack.pop(0)
        if current == value:
            return path
        if isinstance(current, dict):
            stack.extend((v, (*path, k)) for k, v in current.items() if k != "id")
        elif isinstance(current, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(current))
    return ()


def _line_of(text: str | None, loc: tuple[int | str, ...] | None) -> int | None:
    """Find the 1-based line of a place in the document, through YAML (JSON is YAML too)."""
    if not loc or text is None:
        return None
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    best = node
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == part), None)
            if found is None and part in _KINDS:
                continue  # a union member's name: a level the file does not have
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            continue  # a level the file does not have (a union member's name)
        if node is None:
            break
        best = node
    return best.start_mark.line + 1 if best is not None else None
