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
import math
import os
import re
from collections import deque
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field

from argmap.exceptions import ArgmapError, FileFormatError, InvalidMapError
from argmap.files import read_text, write_atomic
from argmap.index import paused_gc
from argmap.io.formats import format_for
from argmap.io.sniffing import json_keys
from argmap.map import ArgumentMap
from argmap.model import Data, FrozenData, Node, Plain, Source

__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MapDocument",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "parse_json",
    "parse_yaml",
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
    text = read_text(path)  # refuses a non-path first, then folders, devices and FIFOs
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
    data = None if not text.strip() else _parse(text, format, path)
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
    _check_shape(data, None, "json", "<dict>")
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
            line=_line_of(text, ("argmap",), format),
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
            line=_line_of(text, err["loc"], format),
            where=where,
        ) from None
    try:
        return _build(doc)
    except InvalidMapError as exc:
        loc = exc.place
        missing = getattr(exc, "missing", None)
        if loc is not None and missing is not None and loc != ("central",):
            loc = (*loc, *_locate_value(data, loc, missing))
        line = _line_of(text, loc, format) if loc else None
        raise FileFormatError(str(exc), path=path, line=line, where=_json_path(loc)) from None


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
        # libyaml's emitter where PyYAML has it: it represents exactly what SafeDumper does.
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return str(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100))
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


MAX_DEPTH = 100
"""How deep lists and mappings may nest in a file. The format itself needs six levels; the rest
is room for free ``data``. Deeper files are refused with the line where the depth is passed,
rather than left to exhaust the interpreter's stack in a parser or a checker."""

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


# libyaml's scanner and parser, in C, where PyYAML was built with it: the pure-Python ones are
# most of a YAML load's time. What is built from the parse stays PyYAML's safe constructor (and
# this module's checks), so the same documents load to the same data either way. libyaml stops at
# 1,000 levels of nesting, so its recursive composer cannot exhaust the C stack.
_SafeLoaderBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoaderBase):  # type: ignore[valid-type,misc]
    """The safe YAML loader, stricter where the native format needs it.

    It refuses a mapping with the same key twice and a key that is not text, reads a bare date
    (``2006-03-01``) as the text it is (the format has no date type: dates are text everywhere),
    and turns a value its constructor cannot build (an impossible date under an explicit
    ``!!timestamp``, a malformed ``!!int``) into a YAML error that names the line.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (yaml.YAMLError, RecursionError, MemoryError):
            raise
        except Exception as exc:  # a constructor's own failure: ValueError, KeyError, ...
            # A ValueError says what is wrong (a month of 13); others only how the code tripped.
            detail = f" ({exc})" if type(exc) is ValueError else ""
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"cannot read {_short(node)} as {_tag_name(node.tag)}{detail}; "
                "write a valid value, or drop the tag and quote it to keep it as text",
                node.start_mark,
            ) from None


# Without the implicit timestamp resolver a bare date stays a string (the format has no dates).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _short(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        value = str(node.value)
        return repr(value if len(value) <= 40 else value[:40] + "…")
    return "this " + ("mapping" if isinstance(node, yaml.MappingNode) else "list")


def _tag_name(tag: str) -> str:
    return tag.removeprefix("tag:yaml.org,2002:")


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[str] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # a merge key ("<<"): its keys may be overridden, which is no duplicate
        key = loader.construct_object(key_node)
        if not isinstance(key, str):
            what = (
                f"the key {_short(key_node)} is read as a YAML {type(key).__name__}"
                if isinstance(key_node, yaml.ScalarNode)
                else f"{_short(key_node).replace('this', 'a')} is used as a key"
            )
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{what}; keys in an argmap file are text: put the key in quotes",
                key_node.start_mark,
            )
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return dict(loader.construct_mapping(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, *, path: str | None = None) -> Any:
    r"""Parse YAML text as argmap reads every YAML document: safely, and as JSON-shaped data.

    The loader is safe (no Python objects), refuses duplicate keys and keys that are not text,
    reads a bare date as text, and refuses values JSON cannot carry, nesting past
    :data:`MAX_DEPTH` and alias bombs. Formats that embed YAML (Argdown's data blocks) use it,
    so that what they read, the native format can write and read back.

    Raises:
        FileFormatError: The text is not such YAML; ``line`` is 1-based within ``text``.

    Examples:
        >>> parse_yaml("when: 2006-03-01\ntags: [a, b]")
        {'when': '2006-03-01', 'tags': ['a', 'b']}
        >>> parse_yaml("1: one")
        Traceback (most recent call last):
        ...
        argmap.exceptions.FileFormatError: <text>:1: not valid YAML: the key '1' is read as a YAML int; keys in an argmap file are text: put the key in quotes
    """  # noqa: E501
    return _parse(text, "yaml", path)


def parse_json(text: str, *, path: str | None = None) -> Any:
    """Parse JSON text as argmap reads every JSON format (AIF, xAIF and SADFace too).

    Raises:
        FileFormatError: Not JSON, a key twice in one object, a number JSON cannot carry
            (``NaN``, an integer of thousands of digits), or nesting deeper than
            :data:`MAX_DEPTH`; the message names the line.

    Examples:
        >>> parse_json('{"nodes": []}')
        {'nodes': []}
        >>> parse_json('{"a": NaN}', path="m.json")
        Traceback (most recent call last):
        argmap.exceptions.FileFormatError: m.json:1 (a): nan is not a number JSON can carry; write a finite number
    """  # noqa: E501
    return _parse(text, "json", path)


def _parse(text: str, format: NativeFormat, path: str | None) -> Any:  # noqa: A002
    """Parse ``text`` and check that it has the shape of JSON data of a sane depth."""
    if format == "yaml":
        data = _parse_yaml(text, path)
    else:
        data, constants = _parse_json(text, path)
        if not constants:
            # JSON text parses only to dicts, lists, text, numbers, booleans and null, and has
            # no aliases; without NaN or Infinity in it, only the depth is left to check.
            if _deeper_than(data, MAX_DEPTH):
                _check_shape(data, text, format, path)  # finds and names the place
            return data
    _check_shape(data, text, format, path)
    return data


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether JSON ``data`` nests lists and dicts more than ``limit`` levels deep.

    A walk level by level that looks only at the containers: the scalars, which are most of a
    document, cost one type check each. (``_check_shape`` checks every value, for YAML and for
    Python data.)
    """
    level = [data] if type(data) is dict or type(data) is list else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        below = []
        for container in level:
            values = container.values() if type(container) is dict else container
            below += [v for v in values if type(v) is dict or type(v) is list]
        level = below
    return False


def _too_deep(path: str | None, line: int | None) -> FileFormatError:
    return FileFormatError(
        f"lists and mappings nest deeper than {MAX_DEPTH} levels (or an alias contains itself); "
        "an argmap file needs a handful: flatten the data",
        path=path,
        line=line,
    )


def _parse_json(text: str, path: str | None) -> tuple[Any, bool]:
    """Parse JSON text; also say whether it holds NaN, Infinity or a number too large for a
    float (Python's parser reads them all), which ``_check_shape`` then refuses by place."""
    duplicates: list[tuple[dict[str, Any], str]] = []
    constants: list[str] = []

    def constant(name: str) -> float:
        constants.append(name)
        return float(name)

    def number(digits: str) -> float:
        value = float(digits)
        if not math.isfinite(value):  # 1e999
            constants.append(digits)
        return value

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result and not duplicates:
                duplicates.append((result, key))
            result[key] = value
        return result

    try:
        data = json.loads(
            text, object_pairs_hook=pairs, parse_constant=constant, parse_float=number
        )
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", path=path, line=exc.lineno
        ) from None
    except RecursionError:
        raise _too_deep(path, _json_deep_line(text)) from None
    except ValueError as exc:  # an integer too long to convert (Python's 4300-digit limit)
        found = re.search(r"\d{4300,}", text)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        raise FileFormatError(
            f"not valid JSON: {exc}; write the number as text", path=path, line=line
        ) from None
    if duplicates:
        mapping, key = duplicates[0]
        where = _path_to(data, mapping)
        line = _json_line(text, where, duplicate=key) if where is not None else None
        raise FileFormatError(
            f"not valid JSON: duplicate key {key!r}", path=path, line=line, where=_json_path(where)
        )
    return data, bool(constants)


def _parse_yaml(text: str, path: str | None) -> Any:
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # its reader refuses unprintable characters at once
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "cannot parse"
        line = mark.line + 1 if mark else None
        if "maximum nesting depth" in problem:  # libyaml's own limit, past MAX_DEPTH anyway
            raise _too_deep(path, line) from None
        raise FileFormatError(  # the cause keeps the column, for formats that embed YAML
            f"not valid YAML: {problem}", path=path, line=line
        ) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, before parsing
        raise FileFormatError(
            f"not valid YAML: character U+{exc.character:04X} is not allowed ({exc.reason}); "
            "remove it or write it as an escape in a double-quoted string",
            path=path,
            line=_line_at(text, exc.position, in_bytes=_C_YAML),
        ) from None
    except UnicodeEncodeError as exc:  # libyaml reads UTF-8: a lone surrogate cannot be one
        raise FileFormatError(
            f"not valid YAML: character U+{ord(text[exc.start]):04X} is not allowed "
            "(a lone surrogate); remove it",
            path=path,
            line=text.count("\n", 0, exc.start) + 1,
        ) from None
    except yaml.YAMLError as exc:
        raise FileFormatError(f"not valid YAML: {exc}", path=path) from None
    except RecursionError:
        raise _too_deep(path, _yaml_deep_line(text)) from None
    except (ValueError, OverflowError) as exc:
        # The scanner's own slip: an escape past the last code point ("\U00110000") reaches
        # chr() unchecked. The reader knows where it stopped.
        line = loader.get_mark().line + 1 if loader is not None else None
        raise FileFormatError(f"not valid YAML: {exc}", path=path, line=line) from None
    finally:
        if loader is not None:
            loader.dispose()


_C_YAML = _SafeLoaderBase is not yaml.SafeLoader


def _line_at(text: str, position: int, *, in_bytes: bool) -> int:
    """The 1-based line of ``position`` in ``text``: a character index, or for libyaml, which
    reads the text as UTF-8, a byte offset."""
    if in_bytes:
        return text.encode("utf-8", "surrogatepass")[:position].count(b"\n") + 1
    return text.count("\n", 0, position) + 1


def _check_shape(data: Any, text: str | None, format: NativeFormat, path: str | None) -> None:  # noqa: A002
    """Refuse data nested deeper than MAX_DEPTH, values that are not JSON, and alias bombs.

    One iterative walk, so no depth can exhaust the stack. YAML aliases make shared values that
    every later pass (validation, checks, writing) would visit once per reference, so the walk
    counts values with repetition and refuses a document that expands far beyond its text.
    """
    # Python data (from_dict) has no text to measure; its shared values are the caller's own.
    budget = 2 * len(text) + 10_000 if text is not None else math.inf
    seen = 0
    # Each entry: (container, depth, parent entry, key in the parent), to name the place.
    root: tuple[Any, ...] = (data, 1, None, None)
    containers = (Mapping, list, tuple)
    stack = [root] if isinstance(data, containers) else []
    problem: str | None = None
    culprit: tuple[Any, ...] = root
    key: Any = None
    while stack and problem is None:
        entry = stack.pop()
        container, depth = entry[0], entry[1]
        if depth > MAX_DEPTH:
            raise _too_deep(path, _line_of(text, _entry_loc(entry), format))
        items = container.items() if isinstance(container, Mapping) else enumerate(container)
        for key, value in items:  # the last key names the place of a problem
            seen += 1
            if seen > budget:
                problem = (
                    "aliases expand this document far beyond its size (an alias bomb?); "
                    "write the values out or use fewer aliases"
                )
            elif isinstance(value, containers):
                stack.append((value, depth + 1, entry, key))
                continue
            elif isinstance(value, float) and not math.isfinite(value):
                problem = f"{value!r} is not a number JSON can carry; write a finite number"
            elif value is not None and not isinstance(value, (str, int, float)):
                problem = (
                    f"a {type(value).__name__} value is not allowed (an argmap file holds text, "
                    "numbers, booleans, null, lists and mappings); put it in quotes"
                )
            else:
                continue
            culprit = entry
            break
    if problem is not None:
        loc = (*_entry_loc(culprit), key)
        raise FileFormatError(
            problem, path=path, line=_line_of(text, loc, format), where=_json_path(loc)
        )


def _entry_loc(entry: tuple[Any, ...]) -> tuple[int | str, ...]:
    keys: list[int | str] = []
    while entry[2] is not None:
        keys.append(entry[3])
        entry = entry[2]
    return tuple(reversed(keys))


def _path_to(data: Any, target: Any) -> tuple[int | str, ...] | None:
    """Return the place of the container ``target`` (by identity) in ``data``, without recursion."""
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        node, where = stack.pop()
        if node is target:
            return where
        if isinstance(node, dict):
            stack.extend((v, (*where, k)) for k, v in node.items() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(node) if isinstance(v, dict | list))
    return None


_JSON_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _json_deep_line(text: str) -> int | None:
    """The line where JSON text first nests deeper than MAX_DEPTH (strings skipped)."""
    depth = 0
    for match in _JSON_BRACKETS.finditer(text):
        char = match.group()
        if char in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, match.start()) + 1
        elif char in ("]", "}"):
            depth -= 1
    return None


def _yaml_deep_line(text: str) -> int | None:
    """The line where YAML text first nests deeper than MAX_DEPTH, from its event stream."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_SafeLoaderBase):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return int(event.start_mark.line) + 1 if event.start_mark else None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
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


def _line_of(
    text: str | None,
    loc: tuple[int | str, ...] | None,
    format: NativeFormat = "yaml",  # noqa: A002
) -> int | None:
    """Find the 1-based line of a place in the document, in the document's own syntax."""
    if not loc or text is None:
        return None
    if format == "json":
        return _json_line(text, loc)
    return _yaml_line(text, loc)


_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_DECODER = json.JSONDecoder()


def _json_line(text: str, loc: tuple[int | str, ...], *, duplicate: str | None = None) -> int:
    """Find the line of ``loc`` in JSON text (which has parsed), by skipping over what precedes it.

    Values beside the path are skipped by the C decoder, one at a time, so a place near the end
    of a large document costs about one parse and no more memory than its largest sibling. With
    ``duplicate``, return the line where that key appears the second time in the mapping at
    ``loc``.
    """

    def space(at: int) -> int:
        return _JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]  # always matches

    def members(at: int) -> Iterator[tuple[str, int, int]]:
        """Yield (key, key position, value position) for the object starting at ``at``."""
        at = space(at + 1)
        while text[at] == '"':
            key, after = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
            value = space(space(after) + 1)  # past the colon
            yield key, at, value
            at = space(_JSON_DECODER.raw_decode(text, value)[1])
            if text[at] != ",":
                return
            at = space(at + 1)

    def items(at: int) -> Iterator[int]:
        """Yield the position of each item of the array starting at ``at``."""
        at = space(at + 1)
        while text[at] != "]":
            yield at
            at = space(_JSON_DECODER.raw_decode(text, at)[1])
            if text[at] != ",":
                return
            at = space(at + 1)

    best = space(0)
    try:
        for part in loc:
            if text[best] == "{" and isinstance(part, str):
                found = next((v for k, _, v in members(best) if k == part), None)
                if found is None:
                    if part in _KINDS:
                        continue  # a union member's name: a level the file does not have
                    break
                best = found
            elif text[best] == "[" and isinstance(part, int):
                found = next((v for i, v in enumerate(items(best)) if i == part), None)
                if found is None:
                    break
                best = found
        if duplicate is not None and text[best] == "{":
            keys = [k_at for k, k_at, _ in members(best) if k == duplicate]
            best = keys[1] if len(keys) > 1 else best
    except (IndexError, ValueError):
        pass  # cannot happen for parsed text; the best place so far is still right
    return text.count("\n", 0, best) + 1


def _yaml_line(text: str, loc: tuple[int | str, ...]) -> int | None:
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_SafeLoaderBase)
    except (yaml.YAMLError, RecursionError):
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
