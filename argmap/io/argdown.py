"""Argdown: read argument maps written in Argdown, and write maps as Argdown.

Argdown (https://argdown.org) is a Markdown-like text syntax for argument maps. This module
reads it in Python (:mod:`argmap.io.argdown_syntax` parses the text as ``@argdown/core`` does)
and maps it onto argmap's model:

- a statement ``[Title]: text`` becomes a statement node (a claim unless its data block says
  ``kind:``); its id is a slug of its title, its ``title`` the Argdown title; ``#tags`` become
  its tags (and leave its text);
- a premise-conclusion structure of an argument ``<Title>`` becomes one *linked* support of its
  conclusion by all its premises (the argument's id and title); an intermediate conclusion gives
  a chained support (``<id>.1``, ``<id>.2``, ...); the rule names of the inference line
  (``-- Modus ponens --``) become the support's scheme;
- an argument without such a structure becomes a statement node (its description is the text;
  ``data["argdown"] == "argument"`` remembers that it was an argument);
- relations become inferences: ``[A] +> [B]`` a support of B by A, ``-`` an attack, ``_`` an
  undercut (an attack on the support an argument stands for), ``><`` two attacks, one each way.
  A reconstructed argument's relations leave from its conclusion, as in Argdown;
- headings are kept as groups: ``data["section"]`` is the list of heading titles a node sits
  under; other keys of a data block ``{...}`` are kept in ``data``.

argmap's own fields ride in the data blocks (``kind``, ``central``, ``source``, ``quotes``,
``when``, ``who``, ``cites``, ``attribution``, ``note``, ``assumption``, ``weight``,
``acknowledge``, ``scheme``, ``question``, ``answered``, ``premises``), and the map's title,
sources and data in the front matter, so that :func:`dumps` writes any map as Argdown that reads back to
an equal map. ``docs/argdown.md`` describes the convention with an example.

Examples:
    >>> m = loads('''
    ... [Works]: Pressure on North Korea works. {central: true}
    ...   <+ [Talks]: North Korea agreed to talks. {kind: case}
    ... ''')
    >>> [(n.kind, n.id, n.title) for n in m.nodes()]
    [('claim', 'works', 'Works'), ('case', 'talks', 'Talks'), ('support', 'talks-supports-works', None)]
    >>> loads(dumps(m)) == m
    True
"""  # noqa: E501

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pydantic
from pydantic import TypeAdapter

from argmap.exceptions import FileFormatError, InvalidMapError
from argmap.files import write_atomic
from argmap.ids import WORD_CHARS
from argmap.io.argdown_include import expand
from argmap.io.argdown_syntax import (
    _SPECIAL,
    SHORTCODES,
    ArgdownSyntaxError,
    Argument,
    Document,
    Ref,
    Section,
    parse,
)
from argmap.map import ArgumentMap
from argmap.model import (
    Attack,
    Case,
    Claim,
    NodeId,
    Premise,
    Quote,
    Rebuttal,
    Source,
    Statement,
    Support,
)
from argmap.quotes import find_quote

__all__ = ["SUFFIXES", "ArgdownSyntaxError", "dump", "dumps", "load", "loads", "sniff"]

SUFFIXES = (".argdown", ".ad")
"""File name endings of Argdown files."""

JSON = Any
_STATEMENT_CLASSES: dict[str, type[Statement]] = {
    "claim": Claim,
    "premise": Premise,
    "case": Case,
    "rebuttal": Rebuttal,
}
# Data-block keys that are argmap's own fields; every other key goes to the node's ``data``.
_STATEMENT_KEYS = (
    "id",
    "title",
    "text",
    "kind",
    "central",
    "source",
    "quotes",
    "when",
    "who",
    "cites",
    "attribution",
    "note",
    "assumption",
    "weight",
    "acknowledge",
    "tags",
    "data",
)
_INFERENCE_KEYS = (
    "id",
    "title",
    "premises",
    "scheme",
    "weight",
    "question",
    "answered",
    "note",
    "acknowledge",
    "data",
)
_RESERVED = frozenset(_STATEMENT_KEYS) | frozenset(_INFERENCE_KEYS) | {"argdown"}
_ID: TypeAdapter[str] = TypeAdapter(NodeId)
_NOT_ID_CHARS = re.compile(f"[^{WORD_CHARS}.:-]+")
_LEADING_NOT_WORD = re.compile(f"^[^{WORD_CHARS}]+")


# -- ids ----------------------------------------------------------------------------------------


def _valid_id(value: object) -> bool:
    try:
        _ID.validate_python(value)
    except pydantic.ValidationError:
        return False
    return True


def slug(title: str, *, fallback: str = "node") -> str:
    """A node id made from a title: lower case, runs of other characters as one ``-``.

    Examples:
        >>> slug("Pressure works!")
        'pressure-works'
        >>> slug("북한 인권"), slug("???", fallback="statement")
        ('북한-인권', 'statement')
    """
    out = _NOT_ID_CHARS.sub("-", title.lower())
    out = _LEADING_NOT_WORD.sub("", out).rstrip("-.:")[:120].rstrip("-.:")
    return out if out and _valid_id(out) else fallback


class _Ids:
    """Hands out unique ids: reserved ones first, then slugs with ``-2``, ``-3`` on a clash."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def reserve(self, node_id: str) -> bool:
        if node_id in self.taken:
            return False
        self.taken.add(node_id)
        return True

    def fresh(self, wanted: str) -> str:
        if len(wanted) > 128:
            digest = hashlib.sha1(wanted.encode(), usedforsecurity=False).hexdigest()[:10]
            wanted = f"{wanted[:100].rstrip('-.:')}-{digest}"
        candidate, n = wanted, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self.taken.add(candidate)
        return candidate


def _relation_id(source: str, verb: str, target: str) -> str:
    wanted = f"{source}-{verb}-{target}"
    if len(wanted) > 128:
        digest = hashlib.sha1(wanted.encode(), usedforsecurity=False).hexdigest()[:10]
        wanted = f"{wanted[:100].rstrip('-.:')}-{digest}"
    return wanted


# -- reading ------------------------------------------------------------------------------------


@dataclass
class _Entity:
    """A statement or argument of the document, on its way to becoming a node."""

    kind: Literal["statement", "argument"]
    title: str
    auto_title: bool
    data: dict[str, JSON]
    line: int
    section: Section | None
    text: str
    tags: list[str]
    argument: Argument | None = None
    id: str = ""
    support_ids: list[str] = field(default_factory=list)  # one per inference of a structure

    @property
    def role(self) -> Literal["statement", "structure", "inference"]:
        if self.argument is not None and self.argument.pcs:
            return "structure"
        if self.argument is not None and "premises" in self.data:
            return "inference"
        return "statement"


class _Reader:
    def __init__(self, doc: Document, path: str | None) -> None:
        self.doc = doc
        self.path = path
        self.ids = _Ids()
        self.sources: dict[str, Source] = {}
        self.source_titles: dict[str, str] = {}
        self.nodes: list[Any] = []
        self.lines: list[int] = []
        self.central: str | None = None
        self.default_source: str | None = None
        self.central_line = 0
        self.statements: dict[str, _Entity] = {}
        self.arguments: dict[str, _Entity] = {}
        self.entity_ids: set[str] = set()

    def fail(self, problem: str, line: int, where: str | None = None) -> FileFormatError:
        return FileFormatError(problem, path=self.path, line=line or None, where=where)

    def read(self) -> ArgumentMap:
        front = self.doc.front_matter
        title = front.get("title")
        if title is not None and not isinstance(title, str):
            raise self.fail("the front matter's title must be text", 1, "title")
        self._entities()
        self._read_sources(front.get("sources"))
        default = front.get("default_source")
        if default is not None:
            self.default_source = self._source(default, None, "default_source")
        data = front.get("data", {})  # the map's own data, as argmap writes it
        if not isinstance(data, dict):
            raise self.fail("the front matter's data must be a mapping", 1, "data")
        self._assign_ids()
        for entity in [*self.statements.values(), *self.arguments.values()]:
            if entity.role == "statement":
                self._statement(entity)
        for entity in self.arguments.values():
            if entity.role == "structure":
                self._structure(entity)
        for entity in self.arguments.values():
            if entity.role == "inference":
                self._inference(entity)
        self._relations()
        # Statements, then supports, then attacks: every reference is there when it is added.
        rank = {"support": 1, "attack": 2}
        order = sorted(range(len(self.nodes)), key=lambda i: rank.get(self.nodes[i].kind, 0))
        self.nodes = [self.nodes[i] for i in order]
        self.lines = [self.lines[i] for i in order]
        try:
            return ArgumentMap(
                title=title,
                sources=self.sources.values(),
                nodes=self.nodes,
                central=self.central,
                default_source=self.default_source,
                data=data,
            )
        except InvalidMapError as exc:
            line = self.central_line
            if exc.place and exc.place[0] == "nodes" and isinstance(exc.place[1], int):
                line = self.lines[exc.place[1]]
            elif exc.place and exc.place[0] == "sources":
                line = 1
            raise self.fail(str(exc), line) from None

    # -- entities and ids

    def _entities(self) -> None:
        for title, statement in self.doc.statements.items():
            member = statement.canonical
            self.statements[title] = _Entity(
                kind="statement",
                title=title,
                auto_title=statement.auto_title,
                data=statement.data,
                line=statement.line,
                section=statement.section,
                text=member.plain if member else "",
                tags=statement.tags,
            )
        for title, argument in self.doc.arguments.items():
            member = argument.canonical
            self.arguments[title] = _Entity(
                kind="argument",
                title=title,
                auto_title=argument.auto_title,
                data=_merge_inference_data(argument),
                line=argument.line,
                section=argument.section,
                text=member.plain if member else "",
                tags=argument.tags,
                argument=argument,
            )

    def _assign_ids(self) -> None:
        entities = [*self.statements.values(), *self.arguments.values()]
        for entity in entities:
            if "id" in entity.data:
                given = entity.data["id"]
                if not _valid_id(given):
                    raise self.fail(
                        f"id {given!r} of {_name(entity)} is not a valid id: use letters, "
                        "digits and _ . : - (starting with a letter, digit or _)",
                        entity.line,
                    )
                if not self.ids.reserve(given):
                    raise self.fail(
                        f"id {given!r} of {_name(entity)} is given twice; ids must be unique",
                        entity.line,
                    )
                entity.id = given
        for entity in entities:
            if not entity.id:
                entity.id = self.ids.fresh(slug(entity.title, fallback=entity.kind))
        self.entity_ids = {entity.id for entity in entities}
        for entity in self.arguments.values():
            if entity.role == "structure":
                assert entity.argument is not None  # noqa: S101 - a structure has its argument
                n = len(entity.argument.inferences)
                entity.support_ids = [self._inference_id(entity, k) for k in range(1, n)] + [
                    entity.id
                ]

    def _inference_id(self, entity: _Entity, k: int) -> str:
        assert entity.argument is not None  # noqa: S101 - only structures have inferences
        given = entity.argument.inferences[k - 1].data.get("id")
        if given is not None:
            if not _valid_id(given) or not self.ids.reserve(given):
                raise self.fail(
                    f"id {given!r} of an inference of {_name(entity)} is not a valid, unused id",
                    entity.argument.inferences[k - 1].line,
                )
            return str(given)
        return self.ids.fresh(f"{entity.id}.{k}")

    # -- sources

    def _read_sources(self, raw: JSON) -> None:
        if raw is None:
            return
        if not isinstance(raw, list):
            raise self.fail("the front matter's sources must be a list of sources", 1, "sources")
        for i, item in enumerate(raw):
            where = f"sources[{i}]"
            if not isinstance(item, dict):
                raise self.fail("a source must be a mapping (id: ..., title: ...)", 1, where)
            try:
                source = Source.model_validate(item)
            except pydantic.ValidationError as exc:
                raise self.fail(_validation_problem(exc), 1, where) from None
            if not self.ids.reserve(source.id):
                raise self.fail(
                    f"source id {source.id!r} is used twice (by a node or another source)",
                    1,
                    where,
                )
            self.sources[source.id] = source
            self.source_titles.setdefault(source.title, source.id)

    def _source(self, name: JSON, entity: _Entity | None, key: str) -> str:
        """The id of the source ``name`` (an id or a title); an unknown title makes a source."""
        if not isinstance(name, str) or not name.strip():
            owner = f" of {_name(entity)}" if entity else " in the front matter"
            raise self.fail(
                f"{key}:{owner} must name a source (its id or title)",
                entity.line if entity else 1,
            )
        if name in self.sources:
            return name
        if name in self.source_titles:
            return self.source_titles[name]
        source_id = self.ids.fresh(slug(name, fallback="source"))
        try:
            self.sources[source_id] = Source(id=source_id, title=name)
        except pydantic.ValidationError as exc:  # a title no map can hold (a control character)
            owner = f" of {_name(entity)}" if entity else " in the front matter"
            raise self.fail(
                f"{key}{owner} names a new source whose title is not valid: "
                f"{_validation_problem(exc)}",
                entity.line if entity else 1,
            ) from None
        self.source_titles[name] = source_id
        return source_id

    # -- nodes

    def _add(self, node: Any, line: int) -> None:
        self.nodes.append(node)
        self.lines.append(line)

    def _common(
        self, entity: _Entity, keys: Sequence[str]
    ) -> tuple[dict[str, JSON], dict[str, JSON]]:
        """Split an entity's data block into argmap fields and free data."""
        fields: dict[str, JSON] = {}
        free: dict[str, JSON] = {}
        for key, value in entity.data.items():
            if key in keys:
                fields[key] = value
            elif key in ("id", "title", "data"):
                continue
            else:
                free[key] = value
        extra = entity.data.get("data")
        if extra is not None:
            if not isinstance(extra, dict):
                raise self.fail(f"data: of {_name(entity)} must be a mapping", entity.line)
            free.update(extra)
        if entity.section is not None and "section" not in free:
            free["section"] = entity.section.path
        return fields, free

    def _title(self, entity: _Entity) -> str | None:
        if "title" in entity.data:
            given = entity.data["title"]
            if given is not None and not isinstance(given, str):
                raise self.fail(f"title: of {_name(entity)} must be text", entity.line)
            return given
        if entity.auto_title or entity.title == entity.id:
            return None
        return entity.title

    def _statement(self, entity: _Entity) -> None:
        fields, free = self._common(entity, _STATEMENT_KEYS)
        kind = fields.pop("kind", "claim")
        if kind not in _STATEMENT_CLASSES:
            raise self.fail(
                f"kind: {kind!r} of {_name(entity)} is not a statement kind; use one of "
                f"{', '.join(_STATEMENT_CLASSES)}",
                entity.line,
            )
        if entity.kind == "argument":
            free = {"argdown": "argument", **free}
        text = fields.pop("text", None)
        if text is None:
            text = entity.text or entity.title
        tags = list(entity.tags)
        tags += _as_list(fields.pop("tags", []))  # as given: the model allows a tag twice
        central = fields.pop("central", False)
        if central is True:
            if self.central is not None:
                raise self.fail(
                    f"{_name(entity)} and {self.central!r} are both marked central: true; "
                    "a map has one central claim",
                    entity.line,
                )
            self.central, self.central_line = entity.id, entity.line
        elif central is not False:
            raise self.fail(f"central: of {_name(entity)} must be true or false", entity.line)
        source = fields.pop("source", None)
        source_id = self._source(source, entity, "source") if source is not None else None
        source_id = source_id or self.default_source
        quotes = []
        for quote in _as_list(fields.pop("quotes", [])):
            if isinstance(quote, dict):
                given = dict(quote)
                if "source" in given:
                    given["source"] = self._source(given["source"], entity, "quotes")
                elif source_id is not None:
                    given["source"] = source_id
                quotes.append(given)
            elif source_id is None:
                raise self.fail(
                    f"quotes: of {_name(entity)} need a source: add source: (an id or title), "
                    "or default_source: in the front matter",
                    entity.line,
                )
            else:
                quotes.append({"source": source_id, "text": quote})
        if "cites" in fields:
            fields["cites"] = [self._source(c, entity, "cites") for c in _as_list(fields["cites"])]
        if "who" in fields:
            fields["who"] = _as_list(fields["who"])
        if "when" in fields and fields["when"] is not None:
            fields["when"] = str(fields["when"])
        try:
            node = _STATEMENT_CLASSES[kind].model_validate(
                {
                    "id": entity.id,
                    "title": self._title(entity),
                    "text": text,
                    "tags": tags,
                    "quotes": quotes,
                    "data": free,
                    **fields,
                }
            )
        except pydantic.ValidationError as exc:
            raise self.fail(f"{_name(entity)}: {_validation_problem(exc)}", entity.line) from None
        self._add(node, entity.line)

    def _structure(self, entity: _Entity) -> None:
        argument = entity.argument
        assert argument is not None  # noqa: S101 - a structure has its argument
        for k, inference in enumerate(argument.inferences):
            main = k == len(argument.inferences) - 1
            block = dict(inference.data)
            titles = self._uses(argument, inference, block) or inference.premises
            premises = [self.statements[t].id for t in titles]
            conclusion = self.statements[inference.conclusion].id
            scheme = block.pop("scheme", None)
            if scheme is None and inference.rules:
                scheme = ", ".join(inference.rules)
            body: dict[str, JSON] = {
                "id": entity.support_ids[k],
                "premises": premises,
                "conclusion": conclusion,
            }
            if main:
                fields, free = self._common(entity, _INFERENCE_KEYS)
                fields.pop("premises", None)
                if scheme is None:
                    scheme = fields.pop("scheme", None)
                else:
                    fields.pop("scheme", None)
                if entity.text and "note" not in fields:
                    fields["note"] = entity.text
                if entity.tags:
                    free.setdefault("tags", list(entity.tags))
                body.update(fields)
                body["title"] = self._title(entity)
                body["data"] = free
            else:
                block.pop("id", None)
                extra = block.pop("data", None)
                if isinstance(extra, dict):
                    block.update(extra)
                body["data"] = block
            body["scheme"] = scheme
            try:
                node = Support.model_validate(body)
            except pydantic.ValidationError as exc:
                raise self.fail(
                    f"the inference of {_name(entity)}: {_validation_problem(exc)}",
                    inference.line,
                ) from None
            self._add(node, inference.line)

    def _uses(self, argument: Argument, inference: Any, block: dict[str, JSON]) -> list[str]:
        """The premises an inference line (or the conclusion's line) names with ``{uses: [1,
        4]}`` (or ``from:``), by the numbers of the structure's lines, as the reference CLI reads
        them when it explodes arguments into their steps (argmap always does: each step is a
        support)."""
        key = "uses" if "uses" in block else "from" if "from" in block else None
        if key is not None:
            numbers = block.pop(key)
        else:  # or on the conclusion's line, where it stays the statement's data too
            below = [
                m
                for m in self.doc.statements[inference.conclusion].members
                if m.line > inference.line
            ]
            data = min(below, key=lambda m: m.line).data if below else None
            key = "uses" if data and "uses" in data else "from" if data and "from" in data else None
            if key is None or data is None:
                return []
            numbers = data[key]
        before = [line.title for line in argument.pcs].index(inference.conclusion)
        if (
            not isinstance(numbers, list)
            or not numbers
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers)
            or not all(1 <= n <= before for n in numbers)
        ):
            raise self.fail(
                f"{key}: {numbers!r} must list numbers of the lines above the conclusion "
                f"(1 to {before}), as {{{key}: [1, 3]}}",
                inference.line,
            )
        return list(dict.fromkeys(argument.pcs[n - 1].title for n in numbers))

    def _inference(self, entity: _Entity) -> None:
        """An argument without a structure whose data lists its premises: one inference."""
        outgoing = [r for r in self.doc.relations if r.source == Ref("argument", entity.title)]
        if len(outgoing) != 1 or outgoing[0].kind not in ("support", "attack", "undercut"):
            raise self.fail(
                f"{_name(entity)} lists premises:, so it is an inference; give it exactly one "
                f"outgoing relation (+> a statement, -> or _> a statement or argument), not "
                f"{len(outgoing)}",
                entity.line,
            )
        relation = outgoing[0]
        fields, free = self._common(entity, _INFERENCE_KEYS)
        premises = [self._premise(p, entity) for p in _as_list(fields.pop("premises"))]
        if entity.text and "note" not in fields:
            fields["note"] = entity.text
        if entity.tags:
            free.setdefault("tags", list(entity.tags))
        target = self._end(relation.target)
        body: dict[str, JSON] = {
            "id": entity.id,
            "title": self._title(entity),
            "premises": premises,
            "data": free,
            **fields,
        }
        try:
            if relation.kind == "support":
                if target.kind != "statement":
                    raise self.fail(
                        f"{_name(entity)} supports an inference; a support must conclude in a "
                        "statement",
                        relation.line,
                    )
                body.pop("question", None)
                node: Any = Support.model_validate({**body, "conclusion": target.id})
            else:
                body.pop("answered", None)
                node = Attack.model_validate({**body, "target": target.id})
        except pydantic.ValidationError as exc:
            raise self.fail(f"{_name(entity)}: {_validation_problem(exc)}", entity.line) from None
        self._add(node, entity.line)

    def _premise(self, name: JSON, entity: _Entity) -> str:
        """A premise named by its id or by its Argdown statement title."""
        if not isinstance(name, str):
            raise self.fail(f"premises: of {_name(entity)} must list statement ids", entity.line)
        if name in self.entity_ids or name not in self.statements:
            return name
        return self.statements[name].id

    # -- relations

    def _end(self, ref: Ref) -> _End:
        if ref.type == "statement":
            return _End("statement", self.statements[ref.title].id)
        entity = self.arguments[ref.title]
        if ref.type == "inference":
            assert entity.argument is not None  # noqa: S101 - inferences belong to arguments
            inferences = entity.argument.inferences
            k = next(i for i, inf in enumerate(inferences) if inf.index == ref.index)
            return _End("inference", entity.support_ids[k])
        if entity.role == "structure":
            assert entity.argument is not None  # noqa: S101 - a structure has its argument
            conclusion = self.statements[entity.argument.pcs[-1].title].id
            return _End("inference", entity.id, structure=True, conclusion=conclusion)
        if entity.role == "inference":
            return _End("inference", entity.id)
        return _End("statement", entity.id)

    def _relations(self) -> None:
        relation_ids = self.ids
        for relation in self.doc.relations:
            if (
                relation.source.type == "argument"
                and self.arguments[relation.source.title].role == "inference"
            ):
                continue  # read as the inference itself
            source = self._end(relation.source)
            target = self._end(relation.target)
            if source.kind != "statement":
                raise self.fail(
                    "only a statement (or an argument without premises) can support or attack",
                    relation.line,
                )
            kind = relation.kind
            data: dict[str, JSON] = {}
            if kind in ("support", "entails"):
                if target.structure:
                    conclusion = target.conclusion
                    data["argdown_target"] = target.id
                    target = _End("statement", conclusion or "")
                elif target.kind != "statement":
                    raise self.fail(
                        "a support must conclude in a statement, not an attack", relation.line
                    )
                if source.id == target.id:
                    raise self.fail(
                        f"{_ref(relation.source)} supports itself; a statement cannot be its "
                        "own reason: remove the relation or give the support another premise",
                        relation.line,
                    )
                node_id = relation_ids.fresh(_relation_id(source.id, "supports", target.id))
                node: Any = Support(
                    id=node_id, premises=[source.id], conclusion=target.id, data=data
                )
                self._add(node, relation.line)
                continue
            if kind in ("attack", "contrary") and target.structure:
                data["argdown"] = "attack"
            if kind == "undercut" and target.kind == "statement":
                data["argdown"] = "undercut"
            verb = "undercuts" if target.kind == "inference" else "attacks"
            pairs = [(source.id, target.id)]
            if kind == "contradictory":
                pairs.append((target.id, source.id))
            for a, b in pairs:
                node_id = relation_ids.fresh(_relation_id(a, verb, b))
                self._add(Attack(id=node_id, premises=[a], target=b, data=data), relation.line)


@dataclass
class _End:
    """One end of a relation, as a node of the map."""

    kind: Literal["statement", "inference"]
    id: str
    structure: bool = False  # an argument with a premise-conclusion structure
    conclusion: str | None = None


def _merge_inference_data(argument: Argument) -> dict[str, JSON]:
    data = dict(argument.data)
    if argument.inferences:
        for key, value in argument.inferences[-1].data.items():
            if key not in ("id",):
                data.setdefault(key, value)
    return data


def _name(entity: _Entity) -> str:
    return f"[{entity.title}]" if entity.kind == "statement" else f"<{entity.title}>"


def _ref(ref: Any) -> str:
    return f"<{ref.title}>" if ref.type == "argument" else f"[{ref.title}]"


def _as_list(value: JSON) -> list[JSON]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _validation_problem(exc: pydantic.ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from Argdown text; ``path`` names the text in error messages, and an
    ``@include(other.argdown)`` line is read relative to its folder (see
    :mod:`argmap.io.argdown_include`).

    Raises:
        ArgdownSyntaxError: The text is not valid Argdown (the message names line and column).
        FileFormatError: The Argdown is valid but does not make a valid map (two central claims,
            an unknown ``kind:``, a support of an attack, ...); the message names the line.

    Examples:
        >>> m = loads("<Arg>\\n\\n(1) [P]: A premise.\\n(2) [Q]: Another.\\n"
        ...           "-- Modus ponens --\\n(3) [C]: So this.")
        >>> m["arg"]
        Support(id='arg', title='Arg', premises=('p', 'q'), conclusion='c', scheme='Modus ponens')
    """
    expanded, origins = expand(text, path=path)
    if expanded is text:
        return _Reader(parse(text, path=path), path).read()
    try:
        return _Reader(parse(expanded, path=path), path).read()
    except ArgdownSyntaxError as exc:  # name the included file and its line, not the sum's
        origin = origins[(exc.line or 1) - 1]
        raise ArgdownSyntaxError(
            exc.problem,
            path=origin.path,
            line=origin.line,
            column=exc.column,
            source_line=exc.source_line,
        ) from None
    except FileFormatError as exc:
        if exc.line is None or exc.line > len(origins):
            raise
        origin = origins[exc.line - 1]
        raise FileFormatError(
            exc.problem, path=origin.path, line=origin.line, where=exc.where
        ) from None


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map from an Argdown file.

    Raises:
        FileFormatError: The file cannot be read or is not valid Argdown; the message says where.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.argdown"
        >>> _ = p.write_text("[A]: Pressure works.", encoding="utf-8")
        >>> load(p)["a"].text
        'Pressure works.'
    """
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
    return loads(text, path=str(path))


def sniff(head: str) -> bool:
    """Whether text that starts with ``head`` looks like Argdown (not JSON, XML or YAML maps).

    Examples:
        >>> sniff("[Works]: Pressure works."), sniff("<Arg>: Because."), sniff('{"argmap": 2}')
        (True, True, False)
        >>> sniff("# A heading\\n\\nA statement."), sniff("# a YAML comment\\nargmap: 2")
        (True, False)
        >>> sniff("<?xml version='1.0'?>\\n<arggraph id='x'>")
        False
    """
    heading = False
    for line in head.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("//", "/*", "<!--")):
            continue
        if re.match(r"#+ ", stripped):
            heading = True
            continue
        if stripped.startswith("==="):
            return True
        if stripped.startswith(("<?", "<!DOCTYPE", "<!doctype")):
            return False  # an XML declaration, not an argument's name on its own line
        if re.match(r"(\[[^\]]+\]:\s|<[^>]+>:\s|<[^>]+>\s*$|\(\d+\)\s|\[[^\]]+\]\s*$)", stripped):
            return True
        if re.match(r"[\w\"'-]+\s*:(\s|$)", stripped) or stripped[0] in "{[<":
            return False
        return heading
    return heading


# -- writing ------------------------------------------------------------------------------------

_YAML_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[{}=\u2028\u2029\ufeff]"
)


def _yaml_escape(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _flow(value: JSON) -> str:
    """A JSON value as YAML flow text that Argdown's data blocks and front matter carry whole."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return _YAML_UNSAFE.sub(_yaml_escape, text)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("JSON has no infinite numbers")
        text = repr(value)
        if "e" in text and "." not in text.split("e")[0]:
            head, tail = text.split("e")
            text = f"{head}.0e{tail}"
        return text
    return str(int(value))


def _escape(text: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char in "\\[]<>{}@#*_" or (char == "/" and text[i + 1 : i + 2] in ("/", "*")):
            out.append("\\" + char)
        elif char == "=" and text[i : i + 3] == "===":
            out.append("\\=")
        elif char in ".:" and (m := _SPECIAL.match(text, i)) and m[0].strip() in SHORTCODES:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _tag_text(tag: str) -> str | None:
    if re.fullmatch(r"[a-zA-Z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+", tag):
        return f"#{tag}"
    if ")" not in tag and tag.strip() == tag and tag:
        return f"#({tag})"
    return None


def _inline(text: str, tags: Sequence[str] = ()) -> str | None:
    """Text (and tags) as Argdown statement content that reads back the same, or None."""
    parts = [_escape(text)]
    for tag in tags:
        written = _tag_text(tag)
        if written is None:
            return None
        parts.append(written)
    content = " ".join(parts)
    try:
        doc = parse(f"[x]: {content}")
    except ArgdownSyntaxError:
        return None
    statement = doc.statements.get("x")
    if (
        list(doc.statements) != ["x"]
        or doc.arguments
        or doc.relations
        or statement is None
        or statement.members[0].plain != text
        or statement.tags != list(tags)
        or statement.members[0].data is not None
    ):
        return None
    return content


def _title_ok(title: str, kind: Literal["statement", "argument"]) -> bool:
    left, right = ("[", "]") if kind == "statement" else ("<", ">")
    if (
        not title
        or title.startswith("-")
        or right in title
        or re.search(r"[\n\r\u2028\u2029]", title)
    ):
        return False
    try:
        doc = parse(f"{left}{title}{right}: x\n  <+ {left}{title}{right}")
    except ArgdownSyntaxError:
        return False
    names = doc.statements if kind == "statement" else doc.arguments
    return list(names) == [title]


def _heading_ok(title: str) -> str | None:
    written = _escape(title)
    try:
        doc = parse(f"# {written}\n\n[x]: y")
    except ArgdownSyntaxError:
        return None
    if [s.title for s in doc.sections] == [title]:
        return written
    return None


@dataclass
class _Out:
    """What is written for one node: its Argdown title and its data block."""

    title: str
    block: dict[str, JSON]


class _Writer:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.titles: dict[str, str] = {}
        self.used: dict[str, set[str]] = {"statement": set(), "argument": set()}
        self.simple: set[str] = set()
        self.targeted = {a.target for a in m.nodes("attack")}

    def _as_argument(self, node: Any) -> bool:
        return not isinstance(node, Support | Attack) and node.data.get("argdown") == "argument"

    def _namespace(self, node: Any) -> Literal["statement", "argument"]:
        if isinstance(node, Support | Attack) or self._as_argument(node):
            return "argument"
        return "statement"

    def _assign_title(self, node: Any) -> None:
        space = self._namespace(node)
        for candidate in (node.title, node.id):
            if (
                candidate is not None
                and candidate not in self.used[space]
                and _title_ok(candidate, space)
            ):
                break
        else:
            n = 2
            while f"{node.id}-{n}" in self.used[space]:
                n += 1
            candidate = f"{node.id}-{n}"
        self.used[space].add(candidate)
        self.titles[node.id] = candidate

    def _identity(self, node: Any, block: dict[str, JSON]) -> None:
        title = self.titles[node.id]
        if (
            slug(
                title, fallback="statement" if self._namespace(node) == "statement" else "argument"
            )
            != node.id
        ):
            block["id"] = node.id
        natural = None if title == node.id else title
        if node.title != natural:
            block["title"] = node.title

    def _is_simple(self, node: Support | Attack) -> bool:
        if len(node.premises) != 1 or node.id in self.targeted:
            return False
        if node.title is not None or node.note is not None or node.data or node.acknowledge:
            return False
        if node.weight is not None or node.scheme is not None:
            return False
        if isinstance(node, Support):
            if node.answered:
                return False
            return node.id == _relation_id(node.premises[0], "supports", node.conclusion)
        if node.question is not None:
            return False
        verb = "attacks" if isinstance(self.m[node.target], Statement) else "undercuts"
        return node.id == _relation_id(node.premises[0], verb, node.target)

    def write(self) -> str:
        m = self.m
        nodes = m.nodes()
        for node in nodes:
            if isinstance(node, Support | Attack) and self._is_simple(node):
                self.simple.add(node.id)
        for node in nodes:
            if node.id not in self.simple:
                self._assign_title(node)
        front: list[str] = []
        if m.title is not None:
            front.append(f"title: {_flow(m.title)}")
        if m.default_source is not None:
            front.append(f"default_source: {_flow(m.default_source)}")
        if m.sources:
            front.append("sources:")
            front += [
                f"  - {_flow(s.model_dump(mode='json', exclude_defaults=True))}"
                for s in m.sources.values()
            ]
        if m.data:
            front.append(f"data: {_flow(dict(m.data))}")
        chunks: list[str] = []
        if front:
            chunks.append("===\n" + "\n".join(front) + "\n===")
        relations: dict[str, list[str]] = {}
        for node in nodes:
            if node.id in self.simple:
                assert isinstance(node, Support | Attack)  # noqa: S101
                relations.setdefault(node.target, []).append(self._relation_line(node))
        groups: dict[tuple[str, ...], list[str]] = {}
        for node in nodes:
            if node.id in self.simple:
                continue
            section, block_section = self._section(node)
            text = self._element(node, relations.get(node.id, []), block_section)
            groups.setdefault(section, []).append(text)
        opened: tuple[str, ...] = ()
        for section in sorted(groups, key=lambda s: len(s) > 0):
            if section:
                common = 0
                while common < min(len(opened), len(section)) and opened[common] == section[common]:
                    common += 1
                if common == len(section):
                    common -= 1  # the same heading again: write it anew
                for level in range(common, len(section)):
                    chunks.append(f"{'#' * (level + 1)} {_heading_ok(section[level])}")
                opened = section
            chunks.extend(groups[section])
        if not groups:
            # The reference CLI refuses a text with nothing but front matter (or nothing): an
            # empty map is one heading, which reads back as no node at all.
            title = m.title if m.title is not None and _heading_ok(m.title) else None
            chunks.append(f"# {title or 'An empty argument map'}")
        return "\n\n".join(chunks) + "\n"

    def _section(self, node: Any) -> tuple[tuple[str, ...], bool]:
        """The headings the node is written under, and whether its section stays in the block."""
        section = node.data.get("section")
        if (
            isinstance(section, list)
            and section
            and all(isinstance(t, str) and t.strip() == t and t and _heading_ok(t) for t in section)
        ):
            return tuple(section), False
        return (), "section" in node.data

    def _ref(self, node_id: str) -> str:
        node = self.m[node_id]
        title = self.titles[node_id]
        return f"<{title}>" if self._namespace(node) == "argument" else f"[{title}]"

    def _relation_line(self, node: Support | Attack) -> str:
        premise = self._ref(node.premises[0])
        if isinstance(node, Support):
            return f"  <+ {premise}"
        if isinstance(self.m[node.target], Statement):
            return f"  <- {premise}"
        return f"  <_ {premise}"

    def _free(self, node: Any, block: dict[str, JSON], keep_section: bool) -> None:
        data = dict(node.data)
        if self._as_argument(node):
            data.pop("argdown")
        if not keep_section:
            data.pop("section", None)
        if any(key in _RESERVED for key in data):  # a key of argmap's own: keep them apart
            block["data"] = data
        else:
            block.update(data)

    def _element(self, node: Any, relation_lines: list[str], keep_section: bool) -> str:
        if isinstance(node, Support) and node.premises:
            return self._structure(node, relation_lines, keep_section)
        if isinstance(node, Support | Attack):
            # Argdown puts an argument known only by references in the section of the first
            # reference, which may come before this one: say the section in the block.
            return self._inference(node, relation_lines, keep_section or "section" in node.data)
        return self._statement(node, relation_lines, keep_section)

    def _statement(self, node: Statement, relation_lines: list[str], keep_section: bool) -> str:
        block: dict[str, JSON] = {}
        self._identity(node, block)
        content = _inline(node.text, node.tags)
        if content is None:
            # Text Argdown cannot carry inline (line breaks, edge spaces): the id stands in.
            block["text"] = node.text
            content = _escape(node.id)
            if node.tags:
                block["tags"] = list(node.tags)
        if node.kind != "claim":
            block["kind"] = node.kind
        if self.m.central == node.id:
            block["central"] = True
        if node.quotes:
            block.update(self._quotes(node))
        fields = node.model_dump(
            mode="json",
            exclude_defaults=True,
            exclude={"id", "title", "text", "kind", "tags", "quotes", "data"},
        )
        block.update(fields)
        self._free(node, block, keep_section)
        left, right = ("<", ">") if self._as_argument(node) else ("[", "]")
        line = f"{left}{self.titles[node.id]}{right}: {content}"
        if block:
            line += f" {_flow(block)}"
        return "\n".join([line, *relation_lines])

    def _quotes(self, node: Statement) -> dict[str, JSON]:
        sources = {q.source for q in node.quotes}
        plain = len(sources) == 1 and all(self._first_occurrence(q) for q in node.quotes)
        if plain:
            source = next(iter(sources))
            texts = [q.text for q in node.quotes]
            if source == self.m.default_source:
                return {"quotes": texts}
            return {"source": source, "quotes": texts}
        return {"quotes": [q.model_dump(mode="json", exclude_defaults=True) for q in node.quotes]}

    def _first_occurrence(self, quote: Quote) -> bool:
        source = self.m.sources.get(quote.source)
        if quote.start is None or source is None or source.text is None:
            return quote.start is None
        span = find_quote(source.text, quote.text)
        return span is not None and span[0] == quote.start

    def _inference_block(self, node: Support | Attack, keep_section: bool) -> dict[str, JSON]:
        block: dict[str, JSON] = {}
        self._identity(node, block)
        fields = node.model_dump(
            mode="json",
            exclude_defaults=True,
            exclude={
                "id",
                "title",
                "kind",
                "premises",
                "conclusion",
                "target",
                "data",
                "note",
                "scheme",
            },
        )
        block.update(fields)
        self._free(node, block, keep_section)
        return block

    def _description(self, node: Support | Attack, block: dict[str, JSON]) -> str:
        head = f"<{self.titles[node.id]}>"
        if node.note is not None:
            content = _inline(node.note)
            if content is None:
                block["note"] = node.note
            else:
                head += f": {content}"
        if block:
            head += f" {_flow(block)}"
        return head

    def _structure(self, node: Support, relation_lines: list[str], keep_section: bool) -> str:
        block = self._inference_block(node, keep_section)
        rule_block: dict[str, JSON] = {}
        rule = "----"
        if node.scheme is not None:
            written = _rule(node.scheme)
            if written is None:
                rule_block["scheme"] = node.scheme
                rule = f"-- {_flow(rule_block)} --"
            else:
                rule = f"-- {written} --"
        head = self._description(node, block)
        lines = [f"({i + 1}) {self._ref(p)}" for i, p in enumerate(node.premises)]
        lines.append(rule)
        lines.append(f"({len(node.premises) + 1}) {self._ref(node.conclusion)}")
        return "\n".join([head, *relation_lines]) + "\n\n" + "\n".join(lines)

    def _inference(
        self, node: Support | Attack, relation_lines: list[str], keep_section: bool
    ) -> str:
        block = self._inference_block(node, keep_section)
        block = {"premises": list(node.premises), **block}
        if node.scheme is not None:
            block["scheme"] = node.scheme
        head = self._description(node, block)
        if isinstance(node, Support):
            arrow = f"  +> {self._ref(node.conclusion)}"
        elif isinstance(self.m[node.target], Statement):
            arrow = f"  -> {self._ref(node.target)}"
        else:
            arrow = f"  _> {self._ref(node.target)}"
        return "\n".join([head, arrow, *relation_lines])


def _rule(scheme: str) -> str | None:
    written = _escape(scheme).replace(",", "\\,")
    try:
        doc = parse(f"(1) a\n-- {written} --\n(2) b")
    except ArgdownSyntaxError:
        return None
    (argument,) = doc.arguments.values()
    if argument.inferences[0].rules == [scheme] and not argument.inferences[0].data:
        return written
    return None


def dumps(m: ArgumentMap) -> str:
    """Write the map as Argdown text that :func:`loads` reads back to an equal map.

    Statements are written ``[Title]: text #tags {data}``; supports as premise-conclusion
    structures (or as ``<+`` lines under their conclusion when they are plain); attacks as ``<-``
    and ``<_`` lines or, when they carry more, as arguments listing their ``premises``. argmap's
    fields go into data blocks, the map's title and sources into the front matter.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(title="Tiny")
        >>> _ = m.claim("c", "Pressure works.")
        >>> _ = m.premise("p", "Talks happened.")
        >>> _ = m.support(["p"], "c", id="s1", scheme="example")
        >>> print(dumps(m))
        ===
        title: "Tiny"
        ===
        <BLANKLINE>
        [c]: Pressure works.
        <BLANKLINE>
        [p]: Talks happened. {"kind": "premise"}
        <BLANKLINE>
        <s1>
        <BLANKLINE>
        (1) [p]
        -- example --
        (2) [c]
        <BLANKLINE>
    """
    return _Writer(m).write()


def dump(m: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the map to an Argdown file, atomically (a failed write leaves any old file as it was).

    Raises:
        FileWriteError: The file cannot be written.
    """
    write_atomic(path, dumps(m).encode("utf-8"))
