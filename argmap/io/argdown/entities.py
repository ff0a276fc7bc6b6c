"""The statements and arguments of a parsed Argdown document, on their way to becoming nodes.

:class:`Entities` gives every statement and argument of a :class:`~argmap.io.argdown.syntax.
Document` its id (a data block's ``id:``, else a slug of its title), reads the sources of the
front matter and the data blocks, and splits a data block into argmap's fields and free data.
:mod:`argmap.io.argdown.reader` builds the nodes from them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pydantic

from argmap.exceptions import FileFormatError, validation_problem
from argmap.ids import id_problem
from argmap.io.argdown.convention import Ids, slug, valid_id
from argmap.io.argdown.syntax import JSON, Argument, Document, Section
from argmap.model import Source

__all__ = ["Entities", "Entity", "as_list", "name_of", "problem_of"]


@dataclass
class Entity:
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
        """What the entity becomes: a statement node, a support (an argument with a
        premise-conclusion structure), or one inference (an argument whose data lists its
        premises)."""
        if self.argument is not None and self.argument.pcs:
            return "structure"
        if self.argument is not None and "premises" in self.data:
            return "inference"
        return "statement"


class Entities:
    """The statements and arguments of an Argdown document, with their ids, and the sources
    they name: what the nodes are built from. A reader adds the nodes with :meth:`add`."""

    def __init__(self, doc: Document, path: str | None) -> None:
        self.doc = doc
        self.path = path
        self.ids = Ids()
        self.sources: dict[str, Source] = {}
        self.source_titles: dict[str, str] = {}
        self.nodes: list[Any] = []
        self.lines: list[int] = []
        self.central: str | None = None
        self.default_source: str | None = None
        self.central_line = 0
        self.statements: dict[str, Entity] = {}
        self.arguments: dict[str, Entity] = {}
        self.entity_ids: set[str] = set()

    def fail(self, problem: str, line: int, where: str | None = None) -> FileFormatError:
        """The error for ``problem`` at a line of the Argdown text."""
        return FileFormatError(problem, path=self.path, line=line or None, where=where)

    def collect(self) -> None:
        """Make an entity of every statement and argument of the document."""
        for title, statement in self.doc.statements.items():
            member = statement.canonical
            self.statements[title] = Entity(
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
            self.arguments[title] = Entity(
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

    def assign_ids(self) -> None:
        """Give every entity its id: the ids given in data blocks first, then slugs of titles;
        and the supports of each premise-conclusion structure theirs."""
        entities = [*self.statements.values(), *self.arguments.values()]
        for entity in entities:
            if "id" in entity.data:
                given = entity.data["id"]
                if not valid_id(given):
                    problem = id_problem(given, "id")
                    raise self.fail(f"{name_of(entity)}: {problem}", entity.line)
                given = unicodedata.normalize("NFC", given)  # as the map keeps it
                if not self.ids.reserve(given):
                    raise self.fail(
                        f"id {given!r} of {name_of(entity)} is given twice; ids must be unique "
                        "(ids that differ only in how an accent is written are one id)",
                        entity.line,
                    )
                entity.id = given
        for entity in entities:
            if not entity.id:
                # In NFC form, as the map keeps ids: titles that differ only in how an accent
                # is written ('café' composed or combining) get two ids, not one id twice.
                wanted = unicodedata.normalize("NFC", slug(entity.title, fallback=entity.kind))
                entity.id = self.ids.fresh(wanted)
        self.entity_ids = {entity.id for entity in entities}
        for entity in self.arguments.values():
            if entity.role == "structure":
                assert entity.argument is not None  # noqa: S101 - a structure has its argument
                n = len(entity.argument.inferences)
                entity.support_ids = [self._inference_id(entity, k) for k in range(1, n)] + [
                    entity.id
                ]

    def _inference_id(self, entity: Entity, k: int) -> str:
        assert entity.argument is not None  # noqa: S101 - only structures have inferences
        given = entity.argument.inferences[k - 1].data.get("id")
        if given is not None:
            if not valid_id(given) or not self.ids.reserve(given):
                raise self.fail(
                    f"id {given!r} of an inference of {name_of(entity)} is not a valid, unused id",
                    entity.argument.inferences[k - 1].line,
                )
            return str(given)
        return self.ids.fresh(f"{entity.id}.{k}")

    # -- sources

    def read_sources(self, raw: JSON) -> None:
        """Read the front matter's ``sources:`` (a list of sources, as the model has them)."""
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
                raise self.fail(problem_of(exc), 1, where) from None
            if not self.ids.reserve(source.id):
                raise self.fail(
                    f"source id {source.id!r} is used twice (by a node or another source)",
                    1,
                    where,
                )
            self.sources[source.id] = source
            self.source_titles.setdefault(source.title, source.id)

    def source_of(self, name: JSON, entity: Entity | None, key: str) -> str:
        """The id of the source ``name`` (an id or a title); an unknown title makes a source."""
        if not isinstance(name, str) or not name.strip():
            owner = f" of {name_of(entity)}" if entity else " in the front matter"
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
            owner = f" of {name_of(entity)}" if entity else " in the front matter"
            raise self.fail(
                f"{key}{owner} names a new source whose title is not valid: {problem_of(exc)}",
                entity.line if entity else 1,
            ) from None
        self.source_titles[name] = source_id
        return source_id

    # -- nodes

    def add(self, node: Any, line: int) -> None:
        """Add a node, made from the text at ``line``."""
        self.nodes.append(node)
        self.lines.append(line)

    def split_block(
        self, entity: Entity, keys: Sequence[str]
    ) -> tuple[dict[str, JSON], dict[str, JSON]]:
        """Split an entity's data block into argmap fields and free data."""
        fields: dict[str, JSON] = {}
        free: dict[str, JSON] = {}
        for key, value in entity.data.items():
            if key == "data":  # merged into the free data below, never a field that replaces it
                continue
            if key in keys:
                fields[key] = value
            elif key in ("id", "title", "data"):
                continue
            else:
                free[key] = value
        extra = entity.data.get("data")
        if extra is not None:
            if not isinstance(extra, dict):
                raise self.fail(f"data: of {name_of(entity)} must be a mapping", entity.line)
            free.update(extra)
        if entity.section is not None and "section" not in free:
            free["section"] = entity.section.path
        return fields, free

    def title_of(self, entity: Entity) -> str | None:
        """The node's title: a data block's ``title:``, else the Argdown title unless it is
        the id itself or was made up ("Untitled N")."""
        if "title" in entity.data:
            given = entity.data["title"]
            if given is not None and not isinstance(given, str):
                raise self.fail(f"title: of {name_of(entity)} must be text", entity.line)
            return given
        if entity.auto_title or entity.title == entity.id:
            return None
        return entity.title


def _merge_inference_data(argument: Argument) -> dict[str, JSON]:
    data = dict(argument.data)
    if argument.inferences:
        for key, value in argument.inferences[-1].data.items():
            if key not in ("id",):
                data.setdefault(key, value)
    return data


def name_of(entity: Entity) -> str:
    """The entity as errors name it: ``[Title]`` or ``<Title>``."""
    return f"[{entity.title}]" if entity.kind == "statement" else f"<{entity.title}>"


def as_list(value: JSON) -> list[JSON]:
    """A data block's value as a list: one value is a list of one, nothing an empty list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def problem_of(exc: pydantic.ValidationError) -> str:
    """What pydantic found wrong, worded as every reader words it (a data block's value was
    read from the file)."""
    return validation_problem(exc, read=True)
