"""Carneades 4 argument graphs in YAML (CAES), read into maps and written back.

A Carneades file has ``statements`` (id -> text, or a mapping with ``text``, ``assumed`` and
``meta``), ``issues`` (``positions`` and a proof ``standard``: PE, CCE or BRD), ``arguments``
(``conclusion``, ``premises`` as a list or as a role -> statement mapping, ``scheme``, ``weight``,
``undercutter``), ``assumptions``, and the theory and test fields (``meta``, ``language``,
``argument_schemes``, ``issue_schemes``, ``weighing_functions``, ``tests``).

How it maps onto argmap (nothing is dropped):

- a statement becomes a claim when it is an argument's conclusion or an issue's position, a
  rebuttal when it only undercuts, a premise otherwise; ``assumed``/``assumptions`` set
  ``assumption=True``. Carneades ids such as ``¬app(a1)`` are not valid argmap ids, so the id is
  *slugged* (``not_app_a1``) and the original kept as the node's ``title`` and in
  ``data["carneades"]["id"]``;
- an issue is kept on its positions: ``data["carneades"]["issue"]`` and ``["standard"]``;
- an argument becomes a support (premise-less ones included) with its ``scheme`` and ``weight``;
  premise roles, parameters and metadata go to ``data["carneades"]``; its undercutter becomes an
  attack on the support, ``<argument>-undercutter`` unless the argument's
  ``meta: {argmap: {undercutter: ...}}`` (which the writer fills) gives its id and fields;
- everything about the file as a whole (``meta``, ``tests``, ``language``, schemes, weighing
  functions, issue metadata, assumptions that name no statement) is kept in the ``data`` of one
  source, ``carneades``, whose title is the file's ``meta.source`` or ``meta.title``.

:func:`dumps` writes a map back. What Carneades cannot hold (attacks on statements or on attacks,
undercutters with several premises, quotes, other sources) is listed in a
:class:`~argmap.exceptions.FormatLossWarning`.

Examples:
    >>> m = loads('''
    ... statements:
    ...   p: P
    ...   ¬p: not P
    ... issues:
    ...   i1: {positions: [p, ¬p]}
    ... arguments:
    ...   a1: {conclusion: p}
    ... ''')
    >>> [s.id for s in m.statements()], m["not_p"].title
    (['p', 'not_p'], '¬p')
    >>> m["a1"].premises, m["p"].data["carneades"]["issue"]
    ((), 'i1')
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pydantic
import yaml

from argmap.exceptions import FileFormatError, InvalidMapError, validation_problem
from argmap.files import read_text, write_atomic
from argmap.ids import WORD_CHARS
from argmap.io.loss import warn_losses
from argmap.io.parsing import dump_yaml, parse_yaml
from argmap.map import ArgumentMap
from argmap.model import Attack, Case, Claim, Premise, Rebuttal, Source, Support

__all__ = ["SUFFIXES", "dump", "dumps", "load", "loads", "slug", "sniff"]

SUFFIXES = (".yml", ".yaml")
DOCUMENT_SOURCE = "carneades"
_GRAPH_KEYS = {"statements", "issues", "arguments", "assumptions"}
# A support's fields Carneades has no place for, written under the argument's meta.argmap.
_OWN_INFERENCE = ("title", "note", "data", "answered", "acknowledge")
# An undercutter's fields, written under its argument's meta.argmap.undercutter: its id, when it
# is not the one the reader makes (``<argument>-undercutter``), and what Carneades has no place for.
_OWN_UNDERCUTTER = ("title", "note", "data", "acknowledge", "scheme", "weight", "question")
_TOP_KEYS = (
    "meta",
    "statements",
    "issues",
    "arguments",
    "assumptions",
    "argument_schemes",
    "issue_schemes",
    "language",
    "tests",
    "weighing_functions",
    "references",
    "labels",
)
_SNIFF = re.compile(rf"^(?:{'|'.join(_TOP_KEYS)})\s*:", re.MULTILINE)
_NATIVE = re.compile(r"^argmap\s*:", re.MULTILINE)
_STANDARDS = {"PE", "CCE", "BRD"}


def sniff(head: str) -> bool:
    """Whether ``head`` (the first bytes of a file, as text) looks like Carneades YAML.

    Examples:
        >>> sniff("meta:\\n  title: T\\nstatements:\\n  p: P\\n"), sniff("argmap: 2\\nnodes: []\\n")
        (True, False)
    """
    return bool(_SNIFF.search(head)) and not _NATIVE.search(head)


_NOT_ID_CHAR = re.compile(f"[^{WORD_CHARS}.:-]")
_WORD_CHAR = re.compile(f"[{WORD_CHARS}]")


def slug(carneades_id: str) -> str:
    """Turn a Carneades statement or argument id into a valid argmap node id.

    ``¬`` reads as ``not_``; every other character that an id cannot have (:mod:`argmap.ids`)
    becomes ``_``; runs of ``_`` shrink to one.

    Examples:
        >>> slug("¬app(a1)"), slug("forbidden(cannabis)"), slug("p")
        ('not_app_a1', 'forbidden_cannabis', 'p')
    """
    text = carneades_id.strip().replace("¬", "not_")
    text = _NOT_ID_CHAR.sub("_", text)
    text = re.sub(r"_+", "_", text).strip("_") or "x"
    if not _WORD_CHAR.match(text):
        text = "x" + text
    return text[:120]


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a Carneades YAML file.

    Raises:
        FileFormatError: The file cannot be read or is not a Carneades graph; the message says
            where.
    """
    return loads(read_text(path, expected="a map file"), path=str(path))


def dump(m: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write ``m`` as a Carneades YAML file, atomically (see :func:`dumps` for what is lost)."""
    write_atomic(Path(path), dumps(m).encode("utf-8"))


_NodeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML has it (its wheels do), for the node tree of an error's line."""


class _Reader:
    """Reads one document, turning every problem into a located FileFormatError."""

    def __init__(self, text: str, path: str | None) -> None:
        self.path = path
        # argmap's own YAML reader: safe, JSON-shaped, bounded depth, no alias bombs. Its
        # messages speak of argmap's own files; this one is a Carneades file.
        try:
            self.data = parse_yaml(text, path=path)
        except FileFormatError as exc:
            if "argmap file" not in exc.problem:
                raise
            raise FileFormatError(
                exc.problem.replace("an argmap file", "a Carneades file"),
                path=exc.path,
                line=exc.line,
                where=exc.where,
            ) from None
        self.text = text  # composed into a node tree only to name a line in an error
        self.ids: dict[str, str] = {}  # Carneades statement id -> node id
        self.used: set[str] = set()

    def error(self, problem: str, *where: str | int) -> FileFormatError:
        return FileFormatError(
            problem, path=self.path, line=self._line(where), where=_where(where) or None
        )

    def _line(self, where: tuple[str | int, ...]) -> int | None:
        try:  # only on an error: composing in pure Python was most of reading a good file
            node = yaml.compose(self.text, Loader=_NodeLoader)
        except (yaml.YAMLError, RecursionError):  # pragma: no cover - parse_yaml read it
            return None
        if node is None:
            return None
        for key in where:
            if isinstance(node, yaml.MappingNode):
                found = [v for k, v in node.value if str(k.value) == str(key)]
                if not found:
                    break
                node = found[0]
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if key >= len(node.value):
                    break
                node = node.value[key]
            else:
                break
        return int(node.start_mark.line) + 1

    def fresh(self, wanted: str) -> str:
        node_id = wanted
        n = 2
        while node_id in self.used:
            node_id = f"{wanted}-{n}"
            n += 1
        self.used.add(node_id)
        return node_id

    def mapping(self, value: object, *where: str | int) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(f"expected a mapping, found {_kind(value)}", *where)
        return {str(k): v for k, v in value.items()}

    def own(self, value: object, *where: str | int) -> dict[str, Any]:
        """argmap's own fields under a ``meta: {argmap: ...}``: a mapping, whose ``data`` is one.

        Raises:
            FileFormatError: Either is of another shape; the message names the line.
        """
        if value is None:
            return {}
        hint = "argmap writes it so: leave it as written, or delete it"
        if not isinstance(value, dict):
            raise self.error(
                f"expected a mapping of argmap's fields, found {_kind(value)}; {hint}", *where
            )
        own = {str(k): v for k, v in value.items()}
        data = own.get("data")
        if data is not None and not isinstance(data, dict):
            raise self.error(f"data must be a mapping, not {_kind(data)}; {hint}", *where, "data")
        return own

    def statement(self, name: object, *where: str | int) -> str:
        key = str(name)
        if key not in self.ids:
            raise self.error(
                f"unknown statement {key!r}; declare it under `statements:` first", *where
            )
        return self.ids[key]


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from Carneades YAML text; ``path`` only names the text in error messages.

    Raises:
        FileFormatError: Not YAML, not a mapping, or a reference to an unknown statement, an
            unknown proof standard, a malformed argument; the message names the line.
    """
    r = _Reader(text, path)
    data = r.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FileFormatError(
            f"the top level is {_kind(data)}, not a mapping of `statements`, `arguments`, ...",
            path=path,
            line=1,
        )
    data = {str(k): v for k, v in data.items()}
    statements = r.mapping(data.get("statements"), "statements")
    issues = r.mapping(data.get("issues"), "issues")
    arguments = r.mapping(data.get("arguments"), "arguments")
    assumptions = data.get("assumptions") or []
    if not isinstance(assumptions, list):
        raise r.error(
            f"expected a list of statement ids, found {_kind(assumptions)}", "assumptions"
        )
    positions = _positions(r, issues)
    for key in statements:
        r.ids[key] = r.fresh(slug(key))
    implicit = [str(a) for a in assumptions if str(a) not in statements]
    for atom in implicit:
        r.ids[atom] = r.fresh(slug(atom))
    nodes: list[Any] = _statements(
        r,
        statements=statements,
        implicit=implicit,
        arguments=arguments,
        positions=positions,
        assumptions=assumptions,
    )
    for position, (issue_id, _) in positions.items():
        if position not in r.ids:
            raise r.error(
                f"position {position!r} is not a statement; declare it under `statements:`",
                "issues",
                issue_id,
            )
    nodes += _arguments(r, arguments)
    document = {k: v for k, v in data.items() if k not in _GRAPH_KEYS}
    if "meta" in document:  # a mapping in Carneades; the writer adds to it
        document["meta"] = r.mapping(document["meta"], "meta")
    own_map = _own_map(r, document)
    issue_meta = {
        i: {
            k: v
            for k, v in r.mapping(body, "issues", i).items()
            if k not in ("positions", "standard")
        }
        for i, body in issues.items()
    }
    issue_meta = {i: v for i, v in issue_meta.items() if v}
    if issue_meta:
        document["issues"] = issue_meta
    unused_issues = [i for i in issues if not any(p[0] == i for p in positions.values())]
    if unused_issues:
        document["empty_issues"] = {i: issues[i] for i in unused_issues}
    given_meta = document.get("meta")
    meta: dict[str, Any] = dict(given_meta) if isinstance(given_meta, dict) else {}
    title = _map_title(r, document)
    sources = _document_source(r, document, meta)
    own_data = own_map.get("data")
    try:
        m = ArgumentMap(
            title=title,
            sources=sources,
            nodes=nodes,
            data=own_data if isinstance(own_data, dict) else {},
        )
    except InvalidMapError as exc:
        raise r.error(str(exc), *_place_of(exc.node, statements, arguments)) from None
    central = own_map.get("central")
    if central is not None:
        try:
            m.central = r.ids.get(str(central), str(central))
        except InvalidMapError as exc:
            raise r.error(str(exc), "meta", "argmap", "central") from None
    return m


def _document_source(r: _Reader, document: dict[str, Any], meta: dict[str, Any]) -> list[Source]:
    """The one source that keeps what the file says as a whole (none if it says nothing)."""
    if not document:
        return []
    label = meta.get("source") or meta.get("title") or "Carneades argument graph"
    try:
        return [
            Source(
                id=r.fresh(DOCUMENT_SOURCE),
                title=" ".join(str(label).split()),
                data={"carneades": _json_safe(document)},
            )
        ]
    except ValueError as exc:  # text a map cannot hold, in the document's own keys
        raise r.error(
            "the document's own keys (meta and the rest, kept as the map's source): "
            f"{_first_error(exc)}"
        ) from None


def _place_of(
    node: str | None, statements: dict[str, Any], arguments: dict[str, Any]
) -> tuple[str, ...]:
    """Where in the file the statement or argument a map's rule names is (nothing if unknown)."""
    for part, keys in (("statements", statements), ("arguments", arguments)):
        for key in keys:
            if node in (key, slug(key)):
                return (part, key)
    return ()


def _own_map(r: _Reader, document: dict[str, Any]) -> dict[str, Any]:
    """Take argmap's own fields of the map (central claim, data) from ``meta.argmap``."""
    if not isinstance(document.get("meta"), dict):
        return {}
    document["meta"] = {str(k): v for k, v in document["meta"].items()}
    found = r.own(document["meta"].pop("argmap", None), "meta", "argmap")
    if not document["meta"]:
        del document["meta"]
    return found


def _map_title(r: _Reader, document: dict[str, Any]) -> str | None:
    """The map's title, from ``meta.title``; taken out of ``document`` when the writer gives it
    back from the map's title as it was, so that it alone makes no document source (a map with
    a title came back with a source it never had).

    Raises:
        FileFormatError: The title is no text, or text a map cannot hold; at its line.
    """
    meta = document.get("meta")
    title = meta.get("title") if isinstance(meta, dict) else None
    if title is None:
        return None
    if isinstance(title, list | dict | bool):
        raise r.error(f"the map's title must be text, found {_kind(title)}", "meta", "title")
    text = " ".join(str(title).split())
    try:
        ArgumentMap(title=text)
    except InvalidMapError as exc:
        raise r.error(str(exc), "meta", "title") from None
    if title == text:
        del document["meta"]["title"]
        if not document["meta"]:
            del document["meta"]
    return text


def _positions(r: _Reader, issues: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    """Carneades statement id -> (issue id, proof standard) for every position."""
    positions: dict[str, tuple[str, str | None]] = {}
    for issue_id, issue in issues.items():
        issue_map = r.mapping(issue, "issues", issue_id)
        standard = issue_map.get("standard")
        if standard is not None and str(standard).upper() not in _STANDARDS:
            raise r.error(
                f"unknown proof standard {standard!r}; use PE, CCE or BRD", "issues", issue_id
            )
        given = issue_map.get("positions") or []
        if not isinstance(given, list):
            raise r.error("positions must be a list of statement ids", "issues", issue_id)
        for position in given:
            positions[str(position)] = (issue_id, str(standard).upper() if standard else None)
    return positions


def _statements(
    r: _Reader,
    *,
    statements: dict[str, Any],
    implicit: list[str],
    arguments: dict[str, Any],
    positions: dict[str, tuple[str, str | None]],
    assumptions: list[Any],
) -> list[Any]:
    concluded = {str(a.get("conclusion")) for a in arguments.values() if isinstance(a, dict)}
    undercutters = {
        str(a["undercutter"])
        for a in arguments.values()
        if isinstance(a, dict) and a.get("undercutter") is not None
    }
    assumed = {str(a) for a in assumptions}
    nodes: list[Any] = []
    for key, given in [*statements.items(), *((a, None) for a in implicit)]:
        fields: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        text_value: Any = given
        if isinstance(given, dict):
            body = {str(k): v for k, v in given.items()}
            text_value = body.pop("text", None)
            if body.pop("assumed", False) is True:
                assumed.add(key)
            meta = r.mapping(body.pop("meta", None), "statements", key, "meta")
            own = r.own(meta.pop("argmap", None), "statements", key, "meta", "argmap")
            if meta:
                extra["meta"] = meta
            if body:
                extra["fields"] = body
            if own:
                fields.update(_argmap_fields(own))
        elif given is None and key not in statements:
            extra["implicit"] = True
        text_str = str(text_value).strip() if text_value is not None else ""
        node_id = r.ids[key]
        if node_id != key:
            extra["id"] = key
            fields.setdefault("title", key)
        if key in positions:
            issue_id, standard = positions[key]
            extra["issue"] = issue_id
            if standard:
                extra["standard"] = standard
        kind = fields.pop("kind", None) or (
            "claim"
            if key in concluded or key in positions
            else "rebuttal"
            if key in undercutters
            else "premise"
        )
        cls = {"claim": Claim, "rebuttal": Rebuttal, "case": Case}.get(kind, Premise)
        data_field = dict(fields.pop("data", {}) or {})
        if extra:
            data_field["carneades"] = _json_safe(extra)
        try:
            nodes.append(
                cls(
                    id=node_id,
                    text=text_str or key,
                    assumption=key in assumed,
                    data=data_field,
                    **fields,
                )
            )
        except ValueError as exc:
            raise r.error(f"statement {key!r}: {_first_error(exc)}", "statements", key) from None
    return nodes


def _arguments(r: _Reader, arguments: dict[str, Any]) -> list[Any]:
    nodes: list[Any] = []
    arg_ids: dict[str, str] = {key: r.fresh(slug(key)) for key in arguments}
    for key, value in arguments.items():
        arg = r.mapping(value, "arguments", key)
        where = ("arguments", key)
        if "conclusion" not in arg:
            raise r.error(f"argument {key!r} has no conclusion", *where)
        conclusion = r.statement(arg.pop("conclusion"), *where, "conclusion")
        raw = arg.pop("premises", None) or []
        extra: dict[str, Any] = {}
        if isinstance(raw, dict):
            roles = {
                str(role): r.statement(s, *where, "premises", str(role)) for role, s in raw.items()
            }
            premises = list(roles.values())
            extra["roles"] = roles
        elif isinstance(raw, list):
            premises = [r.statement(s, *where, "premises", i) for i, s in enumerate(raw)]
        else:
            raise r.error("premises must be a list or a role -> statement mapping", *where)
        scheme = arg.pop("scheme", None)
        weight = arg.pop("weight", arg.pop("weigth", None))
        undercutter = arg.pop("undercutter", None)
        if arg_ids[key] != key:
            extra["id"] = key
        own: dict[str, Any] = {}
        undercutter_own: dict[str, Any] = {}
        if "meta" in arg:  # a mapping in Carneades; argmap's fields of the inference, if written
            arg["meta"] = r.mapping(arg["meta"], "arguments", key, "meta")
            found = r.own(arg["meta"].pop("argmap", None), *where, "meta", "argmap")
            own = {k: v for k, v in found.items() if k in _OWN_INFERENCE}
            undercutter_own = r.own(
                found.get("undercutter"), *where, "meta", "argmap", "undercutter"
            )
            if isinstance(own.get("answered"), dict):
                own["answered"] = {
                    str(q): r.ids.get(str(v), str(v)) for q, v in own["answered"].items()
                }
            if not arg["meta"]:
                del arg["meta"]
        extra.update(arg)  # meta, parameters, anything else, kept verbatim
        if weight is not None and not (
            isinstance(weight, int | float) and not isinstance(weight, bool) and 0 <= weight <= 1
        ):
            raise r.error(f"weight must be a number in [0, 1], not {weight!r}", *where, "weight")
        try:
            nodes.append(
                Support(
                    id=arg_ids[key],
                    premises=premises,
                    conclusion=conclusion,
                    scheme=None if scheme is None else str(scheme),
                    weight=weight,
                    **{
                        **own,
                        "data": {
                            **(own.get("data") or {}),
                            **({"carneades": _json_safe(extra)} if extra else {}),
                        },
                    },
                )
            )
        except ValueError as exc:
            raise r.error(f"argument {key!r}: {_first_error(exc)}", *where) from None
        if undercutter is not None:
            u = r.statement(undercutter, *where, "undercutter")
            nodes.append(_undercutter(r, key, arg_ids[key], u, undercutter_own))
    return nodes


def _undercutter(r: _Reader, key: str, support: str, premise: str, own: dict[str, Any]) -> Attack:
    """The attack that argument ``key``'s undercutter makes: its id and fields as argmap wrote
    them under the argument's ``meta: {argmap: {undercutter: ...}}``, else made up."""
    where = ("arguments", key, "meta", "argmap", "undercutter")
    wanted = own.get("id", f"{support}-undercutter")
    if not isinstance(wanted, str):
        raise r.error(f"the undercutter's id must be text, not {_kind(wanted)}", *where, "id")
    fields = {k: v for k, v in own.items() if k in _OWN_UNDERCUTTER}
    try:
        return Attack(id=r.fresh(wanted), premises=[premise], target=support, **fields)
    except ValueError as exc:
        raise r.error(f"the undercutter of argument {key!r}: {_first_error(exc)}", *where) from None


def dumps(m: ArgumentMap) -> str:
    """Return ``m`` as Carneades YAML text.

    Statements keep their Carneades ids (``data["carneades"]["id"]``) when they came from a
    Carneades file; argmap's own fields that Carneades lacks (a kind other than the one the graph
    implies, note, tags, title, data) go to a statement's ``meta: {argmap: ...}`` and come back on
    reading.

    Warns:
        FormatLossWarning: The map holds what Carneades cannot (attacks on statements, which
            Carneades models by issues; attacks on attacks; undercutters with several premises;
            quotes and sources other than the file's own, ...): the writer reads its own text
            back and lists every field that did not come back.

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap(title="T")
        >>> _ = m.claim("c", "C."), m.premise("p", "P.")
        >>> _ = m.support("p", "c", id="a1")
        >>> print(dumps(m))
        meta:
          title: T
        statements:
          c: C.
          p: P.
        arguments:
          a1:
            conclusion: c
            premises:
            - p
        <BLANKLINE>
    """
    doc: dict[str, Any] = {}
    document: dict[str, Any] = {}
    for source in m.sources.values():
        carneades = source.data.get("carneades") if source.id.startswith(DOCUMENT_SOURCE) else None
        if isinstance(carneades, dict):
            document = dict(carneades)
    meta = dict(document.pop("meta", None) or {})
    if m.title is not None:
        meta["title"] = m.title
    own_map: dict[str, Any] = {}
    if m.central is not None:
        own_map["central"] = _names(m).get(m.central, m.central)
    if m.data:
        own_map["data"] = dict(m.data)
    if own_map:
        meta["argmap"] = own_map
    if meta:
        doc["meta"] = meta
    names = _names(m)
    statements, issues, assumptions = _dump_statements(m, names)
    for issue_id, extra in (document.pop("issues", None) or {}).items():
        issues.setdefault(issue_id, {"positions": []}).update(extra)
    for issue_id, body in (document.pop("empty_issues", None) or {}).items():
        issues.setdefault(issue_id, body if isinstance(body, dict) else {})
    if statements:
        doc["statements"] = statements
    if issues:
        doc["issues"] = issues
    arguments = _dump_arguments(m, names)
    if arguments:
        doc["arguments"] = arguments
    if assumptions:
        doc["assumptions"] = assumptions
    doc.update(document)
    text = dump_yaml(doc)
    # What the file cannot hold is what does not come back: read it, and name every difference.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = loads(text)
    warn_losses("Carneades", m, back)
    return text


def _names(m: ArgumentMap) -> dict[str, str]:
    """Each node's Carneades id: the one it was read with, else its argmap id."""
    return {node.id: _original(node.data, node.id) for node in m.nodes()}


def _original(data: Mapping[str, Any], node_id: str) -> str:
    carneades = data.get("carneades")
    original = carneades.get("id") if isinstance(carneades, dict) else None
    return str(original) if original else node_id


def _dump_statements(
    m: ArgumentMap, names: dict[str, str]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[str]]:
    statements: dict[str, Any] = {}
    issues: dict[str, dict[str, Any]] = {}
    assumptions: list[str] = []
    for s in m.statements():
        raw = s.data.get("carneades")
        carneades: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
        name = names[s.id]
        body: dict[str, Any] = {}
        own = _own_fields(s, name, _inferred_kind(m, s.id, carneades))
        body_meta = dict(carneades.get("meta") or {})
        if own:
            body_meta["argmap"] = own
        if body_meta:
            body["meta"] = body_meta
        body.update(carneades.get("fields") or {})
        if s.assumption:
            assumptions.append(name)
        if "issue" in carneades:
            issue = issues.setdefault(str(carneades["issue"]), {"positions": []})
            issue["positions"].append(name)
            if "standard" in carneades:
                issue["standard"] = carneades["standard"]
        if carneades.get("implicit") and not body and s.text == name:
            continue  # an assumption that names no statement stays one
        statements[name] = {"text": s.text, **body} if body else s.text
    return statements, issues, assumptions


def _dump_arguments(m: ArgumentMap, names: dict[str, str]) -> dict[str, Any]:
    undercut: dict[str, Attack] = {}
    for attack in m.nodes("attack"):
        target = m[attack.target]
        if isinstance(target, Support) and len(attack.premises) == 1 and target.id not in undercut:
            undercut[target.id] = attack
    arguments: dict[str, Any] = {}
    for support in m.nodes("support"):
        raw = support.data.get("carneades")
        carneades: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
        carneades.pop("id", None)
        roles = carneades.pop("roles", None)
        body: dict[str, Any] = {}
        if support.scheme is not None:
            body["scheme"] = support.scheme
        body["conclusion"] = names[support.conclusion]
        if isinstance(roles, dict) and sorted(roles.values()) == sorted(support.premises):
            body["premises"] = {role: names[p] for role, p in roles.items()}
        elif support.premises:
            body["premises"] = [names[p] for p in support.premises]
        if support.weight is not None:
            body["weight"] = support.weight
        undercutter = undercut.get(support.id)
        if undercutter is not None:
            body["undercutter"] = names[undercutter.premises[0]]
        meta = carneades.pop("meta", None)
        meta = dict(meta) if isinstance(meta, dict) else ({} if meta is None else meta)
        own = support.model_dump(mode="json", exclude_defaults=True, include=set(_OWN_INFERENCE))
        rest = {k: v for k, v in support.data.items() if k != "carneades"}
        own.pop("data", None)
        if rest:
            own["data"] = rest
        if "answered" in own:  # a question answered by a statement, named as the file names it
            own["answered"] = {q: names.get(v, v) for q, v in own["answered"].items()}
        if undercutter is not None and (undercutter_own := _undercutter_fields(undercutter)):
            own["undercutter"] = undercutter_own
        if own and isinstance(meta, dict):
            meta["argmap"] = own
        body.update(carneades)
        if meta:
            body["meta"] = meta
        arguments[names[support.id]] = body
    return arguments


def _undercutter_fields(attack: Attack) -> dict[str, Any]:
    """An undercutter's fields that the argument's ``undercutter`` cannot say, for its
    ``meta.argmap.undercutter``: its id when the reader would not make it, and the rest."""
    own = attack.model_dump(mode="json", exclude_defaults=True, include=set(_OWN_UNDERCUTTER))
    if attack.id != f"{attack.target}-undercutter":
        own = {"id": attack.id, **own}
    return own


def _inferred_kind(m: ArgumentMap, node_id: str, carneades: Mapping[str, Any]) -> str:
    """The kind :func:`loads` gives a statement, from how the graph uses it."""
    if "issue" in carneades or m.supports_of(node_id):
        return "claim"
    uses = m.uses_of(node_id)
    if uses and all(isinstance(u, Attack) for u in uses):
        return "rebuttal"
    return "premise"


def _own_fields(statement: Any, name: str, inferred: str) -> dict[str, Any]:
    """argmap's fields of a statement that Carneades has no place for (read back on loading)."""
    own: dict[str, Any] = {}
    if statement.kind != inferred:
        own["kind"] = statement.kind
    if statement.note:
        own["note"] = statement.note
    if statement.tags:
        own["tags"] = list(statement.tags)
    if statement.title is not None and statement.title != name:
        own["title"] = statement.title
    for key in ("when", "attribution"):
        if getattr(statement, key, None):
            own[key] = getattr(statement, key)
    if getattr(statement, "who", ()):
        own["who"] = list(statement.who)
    rest = {k: v for k, v in statement.data.items() if k != "carneades"}
    if rest:
        own["data"] = rest
    return own


def _argmap_fields(own: Mapping[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if own.get("kind") in ("claim", "premise", "case", "rebuttal"):
        fields["kind"] = own["kind"]
    for key in ("note", "title", *(("when", "attribution") if own.get("kind") == "case" else ())):
        if isinstance(own.get(key), str):
            fields[key] = own[key]
    if own.get("kind") == "case" and isinstance(own.get("who"), list):
        fields["who"] = [str(w) for w in own["who"]]
    if isinstance(own.get("tags"), list):
        fields["tags"] = [str(t) for t in own["tags"]]
    if isinstance(own.get("data"), dict):
        fields["data"] = own["data"]
    return fields


def _json_safe(value: Any) -> Any:
    """YAML values as JSON values: dates become ISO strings, keys become strings."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else type(value).__name__


def _where(where: tuple[str | int, ...]) -> str:
    out = ""
    for key in where:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _first_error(exc: ValueError) -> str:
    """What a model refused, worded as every reader words it (the field named)."""
    if isinstance(exc, pydantic.ValidationError):
        return validation_problem(exc, read=True)
    return str(exc)
