"""Safe JSON and YAML parsing for every format argmap reads, with errors that say where.

The readers of the native format, AIF, xAIF, SADFace, Carneades and Argdown (its data blocks
and front matter) parse through here, so that what one format reads another can write and read
back:

- :func:`parse_json` and :func:`parse_yaml` turn text into JSON-shaped data (dicts, lists, text,
  numbers, booleans, None) or raise :class:`~argmap.exceptions.FileFormatError` naming the line:
  duplicate keys, keys that are not text, NaN and infinities, integers of thousands of digits,
  nesting deeper than :data:`MAX_DEPTH`, alias bombs. YAML is read by libyaml where PyYAML has
  it, with PyYAML's safe constructor; a bare date stays text.
- :func:`check_data` makes the same checks on data that comes from no text.
- :func:`line_of` finds the line of a place (``("nodes", 2, "text")``) in JSON or YAML text, and
  :func:`json_path` names it (``nodes[2].text``), for errors found after parsing.

Examples:
    >>> parse_json('{"nodes": [{"id": "c"}]}')
    {'nodes': [{'id': 'c'}]}
    >>> parse_yaml("when: 2006-03-01")
    {'when': '2006-03-01'}
    >>> parse_json('{"a": 1, "a": 2}', path="m.json")
    Traceback (most recent call last):
    argmap.exceptions.FileFormatError: m.json:1: not valid JSON: duplicate key 'a'
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import yaml

from argmap.exceptions import FileFormatError

__all__ = [
    "MAX_DEPTH",
    "Syntax",
    "check_data",
    "dump_yaml",
    "json_path",
    "line_of",
    "parse_json",
    "parse_yaml",
]

Syntax = Literal["json", "yaml"]
"""The two syntaxes this module reads."""

MAX_DEPTH = 100
"""How deep lists and mappings may nest in a file. argmap's own format needs six levels; the
rest is room for free ``data``. Deeper files are refused with the line where the depth is passed,
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


# Plain scalars are typed as YAML 1.2's core schema types them, not as PyYAML's YAML 1.1 does:
# 1.1 reads `at: 10:30` as 630 (base 60), `zip: 01234` as 668 (octal), `1_000` as 1000 and
# `yes`/`no`/`on`/`off` as booleans, which no other format (nor JSON) would. Here a number is
# what JSON would call one, plus 1.2's 0o17, 0x1F and .inf/.nan (refused later as JSON cannot
# carry them); a whole number with a leading zero stays text (a zip code, an id), and so does a
# bare date (the format has no dates) and any other 1.1 form.
_INT, _FLOAT, _BOOL = (f"tag:yaml.org,2002:{t}" for t in ("int", "float", "bool"))
_YAML_1_1_ONLY = {_TIMESTAMP, _INT, _FLOAT, _BOOL}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML_1_1_ONLY]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    _INT, re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """A YAML 1.2 core integer: decimal, 0o octal or 0x hexadecimal (an explicit ``!!int`` too)."""
    value = str(loader.construct_scalar(node))
    text = value.replace("_", "") if node.tag == _INT and "_" in value else value
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits[:2] in ("0o", "0x"):
        return sign * int(digits[2:], 8 if digits[1] == "o" else 16)
    if digits[:2] == "0b":
        return sign * int(digits[2:], 2)
    return sign * int(digits, 10)


_Loader.add_constructor(_INT, _construct_int)


# libyaml's emitter where PyYAML has it: it represents exactly what SafeDumper does.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The safe dumper, quoting every text that YAML 1.1 or YAML 1.2 would read as another type
    (``10:30``, ``01234`` and ``yes`` for 1.1; ``1e3`` for 1.2), so any reader reads it back."""


for _first, _resolvers in _Loader.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        _Dumper.add_implicit_resolver(_tag, _regexp, [_first])


def dump_yaml(data: Any) -> str:
    """Write JSON-shaped data as YAML (block style, keys in order, Unicode as it is) that
    :func:`parse_yaml`, and a YAML 1.1 reader such as PyYAML, read back as the same data.

    Examples:
        >>> text = dump_yaml({"at": "10:30", "zip": "01234", "n": "1e3", "ok": True})
        >>> print(text, end="")
        at: '10:30'
        zip: '01234'
        n: '1e3'
        ok: true
        >>> parse_yaml(text) == yaml.safe_load(text) == {"at": "10:30", "zip": "01234", "n": "1e3",
        ...     "ok": True}
        True
    """
    return str(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100))


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


def _parse(text: str, syntax: Syntax, path: str | None) -> Any:
    """Parse ``text`` and check that it has the shape of JSON data of a sane depth."""
    if syntax == "yaml":
        data = _parse_yaml(text, path)
    else:
        data, constants = _parse_json(text, path)
        if not constants:
            # JSON text parses only to dicts, lists, text, numbers, booleans and null, and has
            # no aliases; without NaN or Infinity in it, only the depth is left to check.
            if _deeper_than(data, MAX_DEPTH):
                check_data(data, text=text, syntax=syntax, path=path)  # finds and names the place
            return data
    check_data(data, text=text, syntax=syntax, path=path)
    return data


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether JSON ``data`` nests lists and dicts more than ``limit`` levels deep.

    A walk level by level that looks only at the containers: the scalars, which are most of a
    document, cost one type check each. (``check_data`` checks every value, for YAML and for
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
    float (Python's parser reads them all), which ``check_data`` then refuses by place."""
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
        # Built in C; only an object that lost a key to a duplicate is looked at key by key.
        result = dict(items)
        if len(result) < len(items) and not duplicates:
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    duplicates.append((result, key))
                    break
                seen.add(key)
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
            f"not valid JSON: duplicate key {key!r}", path=path, line=line, where=json_path(where)
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


def check_data(
    data: Any, *, text: str | None = None, syntax: Syntax = "json", path: str | None = None
) -> None:
    """Refuse data nested deeper than :data:`MAX_DEPTH`, values that are not JSON, alias bombs.

    What :func:`parse_json` and :func:`parse_yaml` check after parsing, for data from anywhere
    (Python data given to ``from_dict`` has no ``text``: the error then names the place but no
    line). One iterative walk, so no depth can exhaust the stack. YAML aliases make shared values
    that every later pass (validation, checks, writing) would visit once per reference, so the
    walk counts values with repetition and refuses a document that expands far beyond its
    ``text``.

    Raises:
        FileFormatError: The first problem, with its place (and its line in ``text``).

    Examples:
        >>> check_data({"nodes": [{"weight": 0.5}]})
        >>> check_data({"nodes": [{"weight": float("nan")}]}, path="<dict>")
        Traceback (most recent call last):
        argmap.exceptions.FileFormatError: <dict> (nodes[0].weight): nan is not a number JSON can carry; write a finite number
    """  # noqa: E501
    # Python data has no text to measure; its shared values are the caller's own.
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
            raise _too_deep(path, line_of(text, _entry_loc(entry), syntax=syntax))
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
            problem, path=path, line=line_of(text, loc, syntax=syntax), where=json_path(loc)
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


def json_path(loc: tuple[int | str, ...] | None) -> str | None:
    """Name a place in a document as people write it: ``nodes[2].premises[0]``.

    Examples:
        >>> json_path(("nodes", 2, "premises", 0)), json_path(())
        ('nodes[2].premises[0]', None)
    """
    if not loc:
        return None
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_of(text: str | None, loc: tuple[int | str, ...] | None, *, syntax: Syntax) -> int | None:
    """Find the 1-based line of a place (a path of keys and indexes) in JSON or YAML text.

    The text must parse. A place the text lacks gives the line of the deepest part found; no
    place or no text gives None. JSON text is walked by skipping over values with the C
    decoder, so a place near the end of a large document costs about one parse.

    Examples:
        >>> line_of('{"a": 1,\\n "b": [1,\\n 2]}', ("b", 1), syntax="json")
        3
        >>> line_of("a: 1\\nb:\\n  c: 2\\n", ("b", "c"), syntax="yaml")
        3
    """
    if not loc or text is None:
        return None
    if syntax == "json":
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
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            continue  # a level the text does not have
        if node is None:
            break
        best = node
    return best.start_mark.line + 1 if best is not None else None
