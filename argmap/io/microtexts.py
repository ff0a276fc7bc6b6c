"""The argumentative microtexts' arggraph XML: read, and write what the format can hold.

An ``arggraph`` (Peldszus and Stede's annotation scheme) segments a text into elementary
discourse units (``edu``), groups them into argumentative units (``adu``, each the proponent's,
``pro``, or the opponent's, ``opp``), and joins those by edges:

- ``seg``: an EDU (or a ``joint`` of EDUs) makes up an ADU; the ADU's text is its EDUs' text;
- ``sup`` and ``exa``: support, and support by example (scheme ``"example"``);
- ``reb``: a rebutting attack on an ADU;
- ``und``: an undercutting attack on another edge (a support or an attack);
- ``add``: one more premise of another edge (a linked argument).

Each ADU becomes a statement with the ADU's id, and its role and EDU kept in
``data["microtexts"]`` (``{"type": "pro", "edu": "e1"}``); each ``sup``, ``exa``, ``reb`` and
``und`` edge becomes an inference with the edge's id. The ADU that is the source of no edge is
the text's central claim (a claim); the opponent's other ADUs are rebuttals and the proponent's
premises. The graph's id is the map's
title, its other attributes (``topic_id``, ``stance``) are kept in the map's
``data["microtexts"]``, and so are EDUs that belong to no ADU. An ADU made of several EDUs keeps
them in its data, so that writing it gives them back.

The XML is read with :mod:`defusedxml`: a file that declares entities (a "billion laughs") or
refers to external ones is refused, never expanded.

Writing keeps the ids and roles; the format has no place for sources, quotes, notes, tags,
schemes other than ``example``, case fields, titles or weights, and argmap warns with
:class:`~argmap.exceptions.FormatLossWarning`, listing what it left out.

Examples:
    >>> m = loads('''<arggraph id="tiny">
    ...   <edu id="e1">We should act.</edu><edu id="e2">It works.</edu>
    ...   <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
    ...   <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
    ...   <edge id="c3" src="a2" trg="a1" type="sup"/>
    ... </arggraph>''')
    >>> m.central, m["c3"].premises, m["a1"].data["microtexts"]
    ('a1', ('a2',), {'type': 'pro', 'edu': 'e1'})
    >>> loads(dumps(m)) == m
    True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # only to build and write XML; parsing goes through defusedxml
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pydantic

from argmap.exceptions import FileFormatError, InvalidMapError, validation_problem
from argmap.io.loss import warn_losses
from argmap.io.sniffing import strip_head
from argmap.io.xmltext import element_line, parse_xml
from argmap.map import ArgumentMap
from argmap.model import node_adapter

if TYPE_CHECKING:
    from argmap.map import AnyNode

__all__ = ["dumps", "loads", "sniff"]

_RELATIONS = ("sup", "exa", "reb", "und")
_EDGE_TYPES = ("seg", *_RELATIONS, "add")


def sniff(head: str) -> bool:
    """Whether ``head``, the start of a text, is an arggraph XML document.

    Examples:
        >>> sniff("<?xml version='1.0'?>\\n<arggraph id='x'>"), sniff("<svg>")
        (True, False)
    """
    text = strip_head(head)
    return text.startswith("<") and "<arggraph" in text[:4096]


def _parse(text: str, path: str | None) -> ET.Element:
    return parse_xml(text, path=path)


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from arggraph XML text; ``path`` only names the text in error messages.

    Raises:
        FileFormatError: The text is not well-formed or safe XML, not an arggraph, or its edges
            do not make a valid map (an edge to an unknown unit, an ADU without text); the
            message names the element.
    """
    root = _parse(text, path)
    if root.tag != "arggraph":
        raise FileFormatError(
            f"the root element is <{root.tag}>, not <arggraph>; this is not a microtexts file",
            path=path,
        )
    graph = _Graph(root, path, text)
    nodes: list[AnyNode] = []
    for adu_id, role in graph.adus.items():
        nodes.append(graph.statement(adu_id, role))
    for edge_id, (_, _, kind) in graph.edges.items():
        if kind in _RELATIONS:
            nodes.append(graph.inference(edge_id))
    data: dict[str, Any] = {k: v for k, v in root.attrib.items() if k != "id"}
    loose = [{"id": e, "text": t} for e, t in graph.edus.items() if e not in graph.used_edus]
    if loose:
        data["edus"] = loose
    title = root.get("id")
    try:
        m = ArgumentMap(title=title, nodes=nodes, data={"microtexts": data} if data else {})
        m.central = graph.roots[0] if len(graph.roots) == 1 else None
    except InvalidMapError as exc:
        where = f"id {exc.node!r}" if exc.node else None
        line = graph.line(exc.node) if exc.node else None
        raise FileFormatError(str(exc), path=path, line=line, where=where) from None
    return m


def _without_id(tag: str) -> Callable[[str, Mapping[str, str]], bool]:
    """Holds for an element ``tag`` without an id."""
    return lambda name, attributes: name == tag and not attributes.get("id")


def _second(element_id: str) -> Callable[[str, Mapping[str, str]], bool]:
    """Holds for the second element with the id ``element_id``."""
    seen = [0]

    def second(_: str, attributes: Mapping[str, str]) -> bool:
        if attributes.get("id") == element_id:
            seen[0] += 1
        return seen[0] == 2

    return second


class _Graph:
    """The arggraph as read: EDU texts, ADU roles, and the edges by id."""

    def __init__(self, root: ET.Element, path: str | None, text: str) -> None:
        self.path = path
        self.text = text
        self.edus: dict[str, str] = {}
        self.joints: set[str] = set()
        self.adus: dict[str, str] = {}
        self.edges: dict[str, tuple[str, str, str]] = {}
        for element in root:
            element_id = element.get("id")
            if element.tag not in ("edu", "joint", "adu", "edge"):
                continue
            if not element_id:
                raise self.fail(f"an <{element.tag}> has no id", at=_without_id(element.tag))
            if element_id in self.edus or element_id in self.adus or element_id in self.edges:
                raise self.fail(
                    f"id {element_id!r} is used twice; ids must be unique",
                    at=_second(element_id),
                )
            if element.tag == "edu":
                self.edus[element_id] = element.text or ""
            elif element.tag == "joint":
                self.joints.add(element_id)
            elif element.tag == "adu":
                role = element.get("type")
                if role not in ("pro", "opp"):
                    raise self.fail(
                        f"adu {element_id!r} has type {role!r}; use pro or opp", of=element_id
                    )
                self.adus[element_id] = role
            else:
                self.edges[element_id] = self._edge(element, element_id)
        self.segments: dict[str, list[str]] = {}
        self.added: dict[str, list[str]] = {}
        # What each unit is, built once: it was built again for every edge (quadratic: 4,000
        # ADUs took 6.5 s to read, 20,000 over 300 s).
        self.units = {**dict.fromkeys(self.edus, "edu"), **dict.fromkeys(self.joints, "joint")}
        self.units.update(dict.fromkeys(self.adus, "adu"))
        for edge_id, (src, trg, kind) in self.edges.items():
            self._check(edge_id, src, trg, kind)
            if kind == "seg":
                self.segments.setdefault(trg, []).append(src)
            elif kind == "add":
                self.added.setdefault(trg, []).append(src)
        self.used_edus: set[str] = set()
        sources = {src for src, _, kind in self.edges.values() if kind != "seg"}
        self.roots = [a for a in self.adus if a not in sources]

    def line(self, element_id: str) -> int | None:
        """The line of the element whose id is ``element_id``."""
        return element_line(self.text, lambda _, at: at.get("id") == element_id)

    def fail(
        self,
        problem: str,
        *,
        of: str | None = None,
        at: Callable[[str, Mapping[str, str]], bool] | None = None,
    ) -> FileFormatError:
        """The error ``problem`` at the line of the element ``of`` names by its id, or of the
        first element ``at(tag, attributes)`` holds for."""
        if of is not None:
            line = self.line(of)
        else:
            line = element_line(self.text, at) if at is not None else None
        return FileFormatError(problem, path=self.path, line=line)

    def _edge(self, element: ET.Element, edge_id: str) -> tuple[str, str, str]:
        src, trg, kind = element.get("src"), element.get("trg"), element.get("type")
        if not src or not trg:
            raise self.fail(f"edge {edge_id!r} needs both src and trg", of=edge_id)
        if kind not in _EDGE_TYPES:
            raise self.fail(
                f"edge {edge_id!r} has type {kind!r}; use one of {', '.join(_EDGE_TYPES)}",
                of=edge_id,
            )
        return src, trg, kind

    def _check(self, edge_id: str, src: str, trg: str, kind: str) -> None:
        units = self.units
        for end in (src, trg):
            if end not in units and end not in self.edges:
                raise self.fail(
                    f"edge {edge_id!r} refers to {end!r}, which is not in the file", of=edge_id
                )
        if kind == "seg":
            allowed = {("edu", "adu"), ("edu", "joint"), ("joint", "adu")}
            if (units.get(src), units.get(trg)) not in allowed:
                raise self.fail(
                    f"seg edge {edge_id!r} joins {src!r} to {trg!r}; a seg edge runs from an "
                    "EDU or joint to an ADU, or from an EDU to a joint",
                    of=edge_id,
                )
        elif units.get(src) != "adu":
            raise self.fail(
                f"{kind} edge {edge_id!r} starts at {src!r}, which is not an ADU", of=edge_id
            )
        elif kind in ("und", "add"):
            target = self.edges.get(trg)
            if target is None or target[2] not in _RELATIONS:
                raise self.fail(
                    f"{kind} edge {edge_id!r} points at {trg!r}; an {kind} edge points at a "
                    "sup, exa, reb or und edge",
                    of=edge_id,
                )
        elif units.get(trg) != "adu":
            raise self.fail(
                f"{kind} edge {edge_id!r} points at {trg!r}, which is not an ADU", of=edge_id
            )

    def edus_of(self, unit: str) -> list[str]:
        found: list[str] = []
        for part in self.segments.get(unit, []):
            found.extend(self.edus_of(part) if part in self.joints else [part])
        return found

    def statement(self, adu_id: str, role: str) -> AnyNode:
        edus = self.edus_of(adu_id)
        if not edus:
            raise self.fail(
                f"adu {adu_id!r} has no text: no seg edge joins an EDU to it", of=adu_id
            )
        self.used_edus.update(edus)
        text = " ".join(self.edus[e].strip() for e in edus)
        data: dict[str, Any] = {"type": role}
        if len(edus) > 1 or self.edus[edus[0]] != text:
            data["edus"] = [{"id": e, "text": self.edus[e]} for e in edus]
        elif edus[0] != adu_id:
            data["edu"] = edus[0]
        is_root = adu_id in self.roots
        kind = "claim" if is_root else ("rebuttal" if role == "opp" else "premise")
        return self._model(
            adu_id, {"kind": kind, "id": adu_id, "text": text, "data": {"microtexts": data}}
        )

    def inference(self, edge_id: str) -> AnyNode:
        src, trg, kind = self.edges[edge_id]
        fields: dict[str, Any] = {"id": edge_id, "premises": [src, *self.added.get(edge_id, [])]}
        if kind in ("sup", "exa"):
            fields.update(kind="support", conclusion=trg)
            if kind == "exa":
                fields["scheme"] = "example"
        else:
            fields.update(kind="attack", target=trg)
        return self._model(edge_id, fields)

    def _model(self, element_id: str, fields: Mapping[str, Any]) -> AnyNode:
        try:
            return node_adapter.validate_python(fields)
        except pydantic.ValidationError as exc:
            raise FileFormatError(
                validation_problem(exc, read=True),
                path=self.path,
                line=self.line(element_id),
                where=f"id {element_id!r}",
            ) from None


def dumps(m: ArgumentMap) -> str:
    """Return the map as arggraph XML text, warning with
    :class:`~argmap.exceptions.FormatLossWarning` about what the format cannot hold.

    Raises:
        FileFormatError: An inference without premises, which the format cannot hold at all.
    """
    root = _build(m)
    ET.indent(root, space="  ")
    text = "<?xml version='1.0' encoding='UTF-8'?>\n" + ET.tostring(root, encoding="unicode")
    text += "\n"
    warn_losses("microtexts", m, loads(text))
    return text


def _build(m: ArgumentMap) -> ET.Element:
    found = m.data.get("microtexts")
    kept: dict[str, Any] = found if isinstance(found, dict) else {}
    loose_edus = kept.get("edus")
    loose_edus = loose_edus if isinstance(loose_edus, list) else []
    root = ET.Element("arggraph", {"id": m.title or "map"})
    for key, value in kept.items():
        if key != "edus" and isinstance(value, str):
            root.set(key, value)
    loose = [(str(e.get("id")), str(e.get("text", ""))) for e in loose_edus if isinstance(e, dict)]
    taken = set(m) | {e for e, _ in loose}
    fresh = (f"e{n}" for n in range(1, 10**9) if f"e{n}" not in taken)
    # The EDU ids kept in data are the user's too: one is written only where it is free (no
    # node's, no joint's, not one already written with another text), so that the file never
    # holds an id twice, which the reader refuses (a map read from a file whose two ADUs share
    # an EDU wrote that EDU twice).
    not_edus = set(m) | {f"j_{s.id}" for s in m.statements()}
    written: dict[str, str] = {}
    edges: list[tuple[str, str, str, str]] = []
    edus: list[tuple[str, str]] = []
    adus: list[tuple[str, str]] = []
    joints: list[str] = []

    for statement in m.statements():
        mine = statement.data.get("microtexts")
        mine = mine if isinstance(mine, dict) else {}
        role = mine.get("type")
        if role not in ("pro", "opp"):
            role = "opp" if statement.kind == "rebuttal" else "pro"
        adus.append((statement.id, role))
        parts = _kept_edus(statement.text, mine, written, not_edus) or [
            (next(fresh), statement.text)
        ]
        for edu_id, text in parts:
            if edu_id not in written:
                written[edu_id] = text
                edus.append((edu_id, text))
        if len(parts) == 1:
            edges.append(("seg", parts[0][0], statement.id, ""))
        else:
            joint = f"j_{statement.id}"
            joints.append(joint)
            edges.extend(("seg", e, joint, "") for e, _ in parts)
            edges.append(("seg", joint, statement.id, ""))
    for edu_id, text in loose:
        if edu_id not in written and edu_id not in not_edus:
            written[edu_id] = text
            edus.append((edu_id, text))
    relations = _relations(m)
    for edu_id, text in edus:
        ET.SubElement(root, "edu", {"id": edu_id}).text = text
    for joint in joints:
        ET.SubElement(root, "joint", {"id": joint})
    for adu_id, role in adus:
        ET.SubElement(root, "adu", {"id": adu_id, "type": role})
    used = set(m) | {e for e, _ in edus} | set(joints)
    numbers = (f"c{n}" for n in range(1, 10**9) if f"c{n}" not in used)
    for kind, src, trg, edge_id in [*edges, *relations]:
        attrib = {"id": edge_id or next(numbers), "src": src, "trg": trg, "type": kind}
        ET.SubElement(root, "edge", attrib)
    return root


def _kept_edus(
    text: str, mine: dict[str, Any], written: dict[str, str], not_edus: set[str]
) -> list[tuple[str, str]] | None:
    """The EDUs (id, text) a statement's data keeps, if their ids are free to write: no node's,
    no joint's, and none written before with another text; else None (the writer numbers one).
    """

    def free(parts: list[tuple[str, str]]) -> bool:
        ids = [e for e, _ in parts]
        return len(set(ids)) == len(ids) and all(
            e not in not_edus and written.get(e, t) == t for e, t in parts
        )

    parts = _edus(text, mine.get("edus"))
    if parts is not None and free(parts):
        return parts
    edu = mine.get("edu")
    if isinstance(edu, str) and free([(edu, text)]):
        return [(edu, text)]
    return None


def _relations(m: ArgumentMap) -> list[tuple[str, str, str, str]]:
    """The arggraph edges (type, src, trg, id) of the map's inferences, ``add`` edges included."""
    relations: list[tuple[str, str, str, str]] = []
    statements = {s.id for s in m.statements()}
    for inference in m.inferences():
        if not inference.premises:
            raise FileFormatError(
                f"{inference.kind} {inference.id!r} has no premises; an arggraph edge starts "
                "at an ADU, so the microtexts format cannot hold it"
            )
        if inference.kind == "support":
            kind = "exa" if inference.scheme == "example" else "sup"
        else:
            kind = "reb" if inference.target in statements else "und"
        relations.append((kind, inference.premises[0], inference.target, inference.id))
        relations.extend(("add", p, inference.id, "") for p in inference.premises[1:])
    return relations


def _edus(text: str, kept: Any) -> list[tuple[str, str]] | None:
    """The EDUs a statement was read from, if its text is still theirs."""
    if not isinstance(kept, list) or not kept:
        return None
    parts = [(str(e.get("id")), str(e.get("text", ""))) for e in kept if isinstance(e, dict)]
    if " ".join(t.strip() for _, t in parts) != text:
        return None
    return parts
