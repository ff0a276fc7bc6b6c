"""Read Argdown into an argument map: the nodes that a parsed document's entities become.

A statement becomes a statement node; an argument with a premise-conclusion structure, one
support per inference (the last is the argument); an argument whose data lists ``premises:``, one
inference; a relation, a support or an attack (two for a contradiction). The module docstring of
:mod:`argmap.io.argdown` tells the whole convention.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from typing import Any, Literal

import pydantic

from argmap.exceptions import FileFormatError, InvalidMapError
from argmap.files import read_text
from argmap.index import paused_gc
from argmap.io.argdown.convention import (
    INFERENCE_KEYS,
    STATEMENT_CLASSES,
    STATEMENT_KEYS,
    relation_id,
)
from argmap.io.argdown.entities import Entities, Entity, as_list, name_of, problem_of
from argmap.io.argdown.include import expand
from argmap.io.argdown.parser import parse
from argmap.io.argdown.syntax import (
    JSON,
    ArgdownSyntaxError,
    Argument,
    Document,
    Member,
    Ref,
    Relation,
)
from argmap.map import ArgumentMap
from argmap.model import Attack, Support

__all__ = ["load", "loads", "sniff"]


class _Reader(Entities):
    """Builds the map: statements, then supports, then attacks."""

    def __init__(self, doc: Document, path: str | None) -> None:
        super().__init__(doc, path)
        self._by_source: dict[Ref, list[Relation]] | None = None
        self._members_by_line: dict[str, tuple[list[int], list[Member]]] = {}
        self._pcs_positions: dict[str, dict[str, int]] = {}
        self._inference_index: dict[str, dict[int | None, int]] = {}

    def read(self) -> ArgumentMap:
        front = self.doc.front_matter
        title = front.get("title")
        if title is not None and not isinstance(title, str):
            raise self.fail("the front matter's title must be text", 1, "title")
        self.collect()
        self.read_sources(front.get("sources"))
        default = front.get("default_source")
        if default is not None:
            self.default_source = self.source_of(default, None, "default_source")
        data = front.get("data", {})  # the map's own data, as argmap writes it
        if not isinstance(data, dict):
            raise self.fail("the front matter's data must be a mapping", 1, "data")
        self.assign_ids()
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
            # Every node and source was validated just now, from the text: the map checks its
            # own rules (ids, references, the central claim), not the models again.
            return ArgumentMap.from_validated(
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

    # -- indexes, each built once: a reader that scanned the document per entity or per
    # relation was quadratic (5,000 arguments listing their premises took 40 s; issue #23)

    def _outgoing(self) -> dict[Ref, list[Relation]]:
        """The relations of the document by their source."""
        if self._by_source is None:
            self._by_source = {}
            for relation in self.doc.relations:
                self._by_source.setdefault(relation.source, []).append(relation)
        return self._by_source

    def _first_member_below(self, title: str, line: int) -> Member | None:
        """The occurrence of statement ``title`` on the first line after ``line`` (the first
        in the text of those on that line), or None."""
        found = self._members_by_line.get(title)
        if found is None:
            members = sorted(self.doc.statements[title].members, key=lambda m: m.line)
            found = self._members_by_line[title] = ([m.line for m in members], members)
        lines, members = found
        i = bisect.bisect_right(lines, line)
        return members[i] if i < len(members) else None

    def _first_lines(self, argument: Argument) -> dict[str, int]:
        """Where each title first occurs in an argument's structure (0-based)."""
        found = self._pcs_positions.get(argument.title)
        if found is None:
            found = self._pcs_positions[argument.title] = {}
            for i, pcs_statement in enumerate(argument.pcs):
                found.setdefault(pcs_statement.title, i)
        return found

    def _inference_positions(self, argument: Argument) -> dict[int | None, int]:
        """The position of each of an argument's inferences by its index (the first, if two
        share one)."""
        found = self._inference_index.get(argument.title)
        if found is None:
            found = self._inference_index[argument.title] = {}
            for k, inference in enumerate(argument.inferences):
                found.setdefault(inference.index, k)
        return found

    # -- nodes

    def _statement(self, entity: Entity) -> None:
        fields, free = self.split_block(entity, STATEMENT_KEYS)
        kind = fields.pop("kind", "claim")
        if not isinstance(kind, str) or kind not in STATEMENT_CLASSES:  # a list is no key
            raise self.fail(
                f"kind: {kind!r} of {name_of(entity)} is not a statement kind; use one of "
                f"{', '.join(STATEMENT_CLASSES)}",
                entity.line,
            )
        if entity.kind == "argument":
            free = {"argdown": "argument", **free}
        text = fields.pop("text", None)
        if text is None:
            text = entity.text or entity.title
        tags = list(entity.tags)
        tags += as_list(fields.pop("tags", []))  # as given: the model allows a tag twice
        self._central(entity, fields.pop("central", False))
        quotes = self._quotes(entity, fields)
        if "cites" in fields:
            fields["cites"] = [self.source_of(c, entity, "cites") for c in as_list(fields["cites"])]
        if "who" in fields:
            fields["who"] = as_list(fields["who"])
        if "when" in fields and fields["when"] is not None:
            fields["when"] = str(fields["when"])
        try:
            node = STATEMENT_CLASSES[kind].model_validate(
                {
                    "id": entity.id,
                    "title": self.title_of(entity),
                    "text": text,
                    "tags": tags,
                    "quotes": quotes,
                    "data": free,
                    **fields,
                }
            )
        except pydantic.ValidationError as exc:
            raise self.fail(f"{name_of(entity)}: {problem_of(exc)}", entity.line) from None
        self.add(node, entity.line)

    def _central(self, entity: Entity, central: JSON) -> None:
        """Make the entity the central claim when its block says ``central: true``."""
        if central is True:
            if self.central is not None:
                raise self.fail(
                    f"{name_of(entity)} and {self.central!r} are both marked central: true; "
                    "a map has one central claim",
                    entity.line,
                )
            self.central, self.central_line = entity.id, entity.line
        elif central is not False:
            raise self.fail(f"central: of {name_of(entity)} must be true or false", entity.line)

    def _quotes(self, entity: Entity, fields: dict[str, JSON]) -> list[JSON]:
        """The quotes of a statement's block, each with its source: its own, else the block's
        ``source:``, else the map's default source (takes both keys out of ``fields``)."""
        source = fields.pop("source", None)
        source_id = self.source_of(source, entity, "source") if source is not None else None
        source_id = source_id or self.default_source
        quotes: list[JSON] = []
        for quote in as_list(fields.pop("quotes", [])):
            if isinstance(quote, dict):
                given = dict(quote)
                if "source" in given:
                    given["source"] = self.source_of(given["source"], entity, "quotes")
                elif source_id is not None:
                    given["source"] = source_id
                quotes.append(given)
            elif source_id is None:
                raise self.fail(
                    f"quotes: of {name_of(entity)} need a source: add source: (an id or title), "
                    "or default_source: in the front matter",
                    entity.line,
                )
            else:
                quotes.append({"source": source_id, "text": quote})
        return quotes

    def _structure(self, entity: Entity) -> None:
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
                fields, free = self.split_block(entity, INFERENCE_KEYS)
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
                body["title"] = self.title_of(entity)
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
                    f"the inference of {name_of(entity)}: {problem_of(exc)}",
                    inference.line,
                ) from None
            self.add(node, inference.line)

    def _uses(self, argument: Argument, inference: Any, block: dict[str, JSON]) -> list[str]:
        """The premises an inference line (or the conclusion's line) names with ``{uses: [1,
        4]}`` (or ``from:``), by the numbers of the structure's lines, as the reference CLI reads
        them when it explodes arguments into their steps (argmap always does: each step is a
        support)."""
        key = "uses" if "uses" in block else "from" if "from" in block else None
        if key is not None:
            numbers = block.pop(key)
        else:  # or on the conclusion's line, where it stays the statement's data too
            member = self._first_member_below(inference.conclusion, inference.line)
            data = member.data if member is not None else None
            key = "uses" if data and "uses" in data else "from" if data and "from" in data else None
            if key is None or data is None:
                return []
            numbers = data[key]
        before = self._first_lines(argument)[inference.conclusion]
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

    def _inference(self, entity: Entity) -> None:
        """An argument without a structure whose data lists its premises: one inference."""
        outgoing = self._outgoing().get(Ref("argument", entity.title), [])
        if len(outgoing) != 1 or outgoing[0].kind not in ("support", "attack", "undercut"):
            raise self.fail(
                f"{name_of(entity)} lists premises:, so it is an inference; give it exactly one "
                f"outgoing relation (+> a statement, -> or _> a statement or argument), not "
                f"{len(outgoing)}",
                entity.line,
            )
        relation = outgoing[0]
        fields, free = self.split_block(entity, INFERENCE_KEYS)
        premises = [self._premise(p, entity) for p in as_list(fields.pop("premises"))]
        if entity.text and "note" not in fields:
            fields["note"] = entity.text
        if entity.tags:
            free.setdefault("tags", list(entity.tags))
        target = self._end(relation.target)
        body: dict[str, JSON] = {
            "id": entity.id,
            "title": self.title_of(entity),
            "premises": premises,
            "data": free,
            **fields,
        }
        try:
            if relation.kind == "support":
                if target.kind != "statement":
                    raise self.fail(
                        f"{name_of(entity)} supports an inference; a support must conclude in a "
                        "statement",
                        relation.line,
                    )
                body.pop("question", None)
                node: Any = Support.model_validate({**body, "conclusion": target.id})
            else:
                body.pop("answered", None)
                node = Attack.model_validate({**body, "target": target.id})
        except pydantic.ValidationError as exc:
            raise self.fail(f"{name_of(entity)}: {problem_of(exc)}", entity.line) from None
        self.add(node, entity.line)

    def _premise(self, name: JSON, entity: Entity) -> str:
        """A premise named by its id or by its Argdown statement title."""
        if not isinstance(name, str):
            raise self.fail(f"premises: of {name_of(entity)} must list statement ids", entity.line)
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
            k = self._inference_positions(entity.argument)[ref.index]
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
                node_id = relation_ids.fresh(relation_id(source.id, "supports", target.id))
                node: Any = Support(
                    id=node_id, premises=[source.id], conclusion=target.id, data=data
                )
                self.add(node, relation.line)
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
                node_id = relation_ids.fresh(relation_id(a, verb, b))
                self.add(Attack(id=node_id, premises=[a], target=b, data=data), relation.line)


@dataclass
class _End:
    """One end of a relation, as a node of the map."""

    kind: Literal["statement", "inference"]
    id: str
    structure: bool = False  # an argument with a premise-conclusion structure
    conclusion: str | None = None


def _ref(ref: Any) -> str:
    return f"<{ref.title}>" if ref.type == "argument" else f"[{ref.title}]"


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from Argdown text; ``path`` names the text in error messages, and an
    ``@include(other.argdown)`` line is read relative to its folder (see
    :mod:`argmap.io.argdown.include`).

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
        with paused_gc():  # models by the ten thousand, none of them garbage
            return _Reader(parse(text, path=path), path).read()
    try:
        with paused_gc():
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
    return loads(read_text(path, expected="a map file"), path=str(path))


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
        if re.match(
            r"(\[[^\]]+\]:\s|<[^>]+>:\s|<[^>]+>\s*$|\([0-9]+\)\s|\[[^\]]+\]\s*$)", stripped
        ):
            return True
        if re.match(r"[\w\"'-]+\s*:(\s|$)", stripped) or stripped[0] in "{[<":
            return False
        return heading
    return heading
