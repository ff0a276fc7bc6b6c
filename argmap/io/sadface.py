"""SADFace JSON (the Simple Argument Description Format): read and write.

A SADFace document has ``metadata`` (its ``core`` with title, analyst, dates), ``resources``
(the texts analysed), ``nodes`` and ``edges``:

- ``atom`` nodes (statements) become statements; their ``sources`` and ``metadata`` are kept in
  the statement's ``data["sadface"]``;
- ``scheme`` nodes become inferences: a scheme named ``conflict`` (or ``attack``, ``rebuttal``,
  ``undercut``, ``undercutter``) is an attack, any other a support; a name other than the generic
  ``support`` and ``conflict`` is the inference's ``scheme``, kept as given;
- an edge from an atom into a scheme makes the atom a premise; the edge out of a scheme goes to
  its conclusion or target (an atom, or another scheme for an undercut).

The document's title becomes the map's title; the rest of its ``metadata`` and its
``resources`` are kept in the map's ``data["sadface"]`` and written back. Kinds and the central
claim follow the same rules as for AIF (:mod:`argmap.io.structure`). What SADFace has no field
for (kinds other than those rules give, notes, quotes, sources, and the like) is written under
``"argmap"`` in the nodes' and the document's ``metadata``, which SADFace leaves free for tools;
so a map survives a round trip unchanged. Edge ids are derived from the ids they join.

Examples:
    >>> from argmap.examples import north_korea
    >>> loads(dumps(north_korea())) == north_korea()
    True
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pydantic

from argmap.exceptions import FileFormatError, InvalidMapError, validation_problem
from argmap.io.kept import NOTHING, merge, split, written_ids
from argmap.io.parsing import parse_json
from argmap.io.sniffing import json_keys, sadface_marks
from argmap.io.structure import (
    clean_ids,
    free_data,
    infer_central,
    infer_kind,
)
from argmap.map import ArgumentMap
from argmap.model import Source, node_adapter

if TYPE_CHECKING:
    from argmap.map import AnyNode

__all__ = ["EXTENSION", "dumps", "loads", "sniff", "to_sadface"]

EXTENSION = "argmap"
"""The key, inside a node's or the document's ``metadata``, for what SADFace has no field for."""

_ATTACKS = {"conflict", "attack", "rebuttal", "undercut", "undercutter"}
_GENERIC = {"support": "support", "conflict": "attack"}


def sniff(head: str) -> bool:
    """Whether ``head``, the start of a text, is a SADFace document.

    Examples:
        >>> sniff('{"edges": [{"id": "1", "source_id": "a", "target_id": "b"}], "nodes": []}')
        True
        >>> sniff('{"nodes": [{"nodeID": "1"}], "edges": []}')
        False
        >>> sniff('{"analyst_name": "S. Wells", "edges": [], "nodes": []}')  # SADFace 0.1
        True
    """
    top, every = json_keys(head)
    if not top or top & {"AIF", "argmap"} or every & {"fromID", "toID"}:
        return False
    return sadface_marks(top, every) and bool(top & {"nodes", "edges"})


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from SADFace JSON text; ``path`` only names the text in error messages.

    Raises:
        FileFormatError: The text is not JSON, not SADFace, or its graph does not make a valid
            map; the message names the node or edge.
    """
    doc = parse_json(text, path=path)
    if not isinstance(doc, dict):
        raise FileFormatError(
            f"the top level is a {type(doc).__name__}, not an object; a SADFace document is "
            "an object with 'metadata', 'nodes' and 'edges'",
            path=path,
            line=1,
        )
    return _Reader(doc, path).read()


def _object(value: Any, what: str, path: str | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FileFormatError(f"{what} must be an object", path=path, where=what)
    return value


def _array(value: Any, what: str, path: str | None) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FileFormatError(f"{what} must be a list", path=path, where=what)
    return value


class _Reader:
    def __init__(self, doc: Mapping[str, Any], path: str | None) -> None:
        self.doc = doc
        self.path = path
        self.nodes: dict[str, dict[str, Any]] = {}
        self.index: dict[str, int] = {}
        for i, node in enumerate(_array(doc.get("nodes"), "nodes", path)):
            where = f"nodes[{i}]"
            if not isinstance(node, dict):
                raise FileFormatError("a node must be an object", path=path, where=where)
            if node.get("type") not in ("atom", "scheme"):
                raise FileFormatError(
                    f"node type {node.get('type')!r}; a SADFace node is an atom or a scheme",
                    path=path,
                    where=where,
                )
            if not isinstance(node.get("id"), str | int) or isinstance(node.get("id"), bool):
                raise FileFormatError("a node needs an 'id'", path=path, where=where)
            key = str(node["id"])
            if key in self.nodes:
                raise FileFormatError(
                    f"id {key!r} is used twice; ids must be unique", path=path, where=where
                )
            self.nodes[key] = node
            self.index[key] = i

    def where(self, key: str) -> str:
        return f"nodes[{self.index[key]}] (id {key!r})"

    def fail(self, key: str, problem: str) -> FileFormatError:
        return FileFormatError(problem, path=self.path, where=self.where(key))

    def kind_of_scheme(self, key: str) -> str:
        node = self.nodes[key]
        ext = self.extension(key)
        if ext.get("kind") in ("support", "attack"):
            return str(ext["kind"])
        name = str(node.get("name") or "support")
        return "attack" if name.strip().lower() in _ATTACKS else "support"

    def extension(self, key: str) -> dict[str, Any]:
        where = f"{self.where(key)}.metadata"
        metadata = _object(self.nodes[key].get("metadata"), where, self.path)
        return _object(metadata.get(EXTENSION), f"{where}.{EXTENSION}", self.path)

    def link(self) -> tuple[dict[str, list[str]], dict[str, str]]:
        premises: dict[str, list[str]] = {
            k: [] for k, n in self.nodes.items() if n["type"] == "scheme"
        }
        targets: dict[str, str] = {}
        for i, edge in enumerate(_array(self.doc.get("edges"), "edges", self.path)):
            where = f"edges[{i}]"
            if not isinstance(edge, dict):
                raise FileFormatError("an edge must be an object", path=self.path, where=where)
            ends = [str(edge.get("source_id")), str(edge.get("target_id"))]
            for end, field in zip(ends, ("source_id", "target_id"), strict=True):
                if end not in self.nodes:
                    raise FileFormatError(
                        f"edge {edge.get('id', i)!r}: {field} {end!r} names no node",
                        path=self.path,
                        where=where,
                    )
            source, target = ends
            types = self.nodes[source]["type"], self.nodes[target]["type"]
            if types == ("atom", "atom"):
                raise FileFormatError(
                    f"edge {edge.get('id', i)!r} joins two atoms; a scheme node stands between",
                    path=self.path,
                    where=where,
                )
            if types[0] == "atom":
                premises[target].append(source)
                continue
            if types[1] == "scheme" and self.kind_of_scheme(source) == "support":
                raise self.fail(
                    source, f"support scheme {source!r} points at the scheme {target!r}"
                )
            if source in targets or source == target:
                raise self.fail(
                    source,
                    f"scheme {source!r} points at {target!r} and {targets.get(source)!r}; an "
                    "inference has one conclusion or target",
                )
            targets[source] = target
        for key in premises:
            if key not in targets:
                raise self.fail(key, f"scheme {key!r} points at nothing")
        return premises, targets

    def read(self) -> ArgumentMap:
        premises, targets = self.link()
        ids = clean_ids(self.nodes)
        concluded = {t for k, t in targets.items() if self.kind_of_scheme(k) == "support"}
        uses: dict[str, set[str]] = {}
        for key, its in premises.items():
            for premise in its:
                uses.setdefault(premise, set()).add(self.kind_of_scheme(key))
        nodes: list[AnyNode] = []
        for key, node in self.nodes.items():
            fields: dict[str, Any] = dict(self.extension(key))
            kept: dict[str, Any] = {
                k: v for k, v in node.items() if k not in ("id", "type", "text", "name")
            }
            metadata = dict(kept.pop("metadata", None) or {})
            metadata.pop(EXTENSION, None)
            if metadata:
                kept["metadata"] = metadata
            if node["type"] == "atom":
                if not kept.get("sources"):
                    kept.pop("sources", None)
                fields.setdefault("kind", infer_kind(key in concluded, uses.get(key, set())))
                fields["text"] = node.get("text")
            else:
                fields["kind"] = self.kind_of_scheme(key)
                fields["premises"] = [ids[p] for p in premises[key]]
                fields["conclusion" if fields["kind"] == "support" else "target"] = ids[
                    targets[key]
                ]
                name = node.get("name")
                if name is not None and not isinstance(name, str):
                    raise self.fail(key, f"a scheme's name must be text, not {name!r}")
                if "scheme" not in fields and name is not None and name not in _GENERIC:
                    fields["scheme"] = name
                if name != _name(fields.get("scheme"), fields["kind"]):
                    kept["name"] = name
            if ids[key] != key or not isinstance(node["id"], str):
                kept["id"] = node["id"]
            data = free_data(
                fields.get("data"),
                path=self.path,
                where=f"{self.where(key)}.metadata.{EXTENSION}.data",
            )
            merge(data, "sadface", kept)
            if data:
                fields["data"] = data
            fields["id"] = ids[key]
            try:
                nodes.append(node_adapter.validate_python(fields))
            except pydantic.ValidationError as exc:
                raise self.fail(key, validation_problem(exc, read=True)) from None
        return self._map(ArgumentMap, nodes)

    def _map(self, factory: type[ArgumentMap], nodes: list[AnyNode]) -> ArgumentMap:
        metadata = dict(_object(self.doc.get("metadata"), "metadata", self.path))
        ext = _object(metadata.pop(EXTENSION, None), f"metadata.{EXTENSION}", self.path)
        core = dict(_object(metadata.get("core"), "metadata.core", self.path))
        title = core.pop("title", None)
        if core:
            metadata["core"] = core
        else:
            metadata.pop("core", None)  # only the title, which the writer puts back
        data = free_data(ext.get("data"), path=self.path, where=f"metadata.{EXTENSION}.data")
        kept = {k: v for k, v in self.doc.items() if k not in ("nodes", "edges", "metadata")}
        if kept.get("resources") == []:
            del kept["resources"]  # the writer always writes the list
        if metadata:
            kept["metadata"] = metadata
        merge(data, "sadface", kept)
        sources = []
        for i, raw in enumerate(_array(ext.get("sources"), "metadata.argmap.sources", self.path)):
            try:
                sources.append(Source.model_validate(raw))
            except pydantic.ValidationError as exc:
                raise FileFormatError(
                    validation_problem(exc, read=True),
                    path=self.path,
                    where=f"metadata.{EXTENSION}.sources[{i}]",
                ) from None
        try:
            m = factory(
                title=title if isinstance(title, str) else None,
                sources=sources,
                nodes=nodes,
                data=data,
            )
            m.central = ext["central"] if "central" in ext else infer_central(m)
        except InvalidMapError as exc:
            raise FileFormatError(str(exc), path=self.path, where=_place(exc, nodes)) from None
        return m


def _place(exc: InvalidMapError, nodes: list[AnyNode]) -> str | None:
    if exc.place and exc.place[0] == "nodes" and len(exc.place) > 1:
        return f"node {nodes[int(exc.place[1])].id!r}"
    return f"node {exc.node!r}" if exc.node else None


def _name(scheme: str | None, kind: str) -> str:
    return scheme if scheme is not None else ("support" if kind == "support" else "conflict")


def dumps(m: ArgumentMap) -> str:
    """Return the map as SADFace JSON text."""
    return json.dumps(to_sadface(m), ensure_ascii=False, indent=2) + "\n"


def to_sadface(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as a SADFace document (plain data, ready for ``json.dumps``).

    What a node's or the map's ``data["sadface"]`` holds is put back on the node or the
    document where the reader gives it back as it was, and kept verbatim with the rest of the
    data otherwise (the rule of :mod:`argmap.io.kept`).
    """
    concluded = {s.conclusion for s in m.nodes("support")}
    uses: dict[str, set[str]] = {}
    for inference in m.inferences():
        for premise in inference.premises:
            uses.setdefault(premise, set()).add(inference.kind)
    models = list(m.nodes())
    wanted = {}
    for model in models:
        mine = model.data.get("sadface")
        if isinstance(mine, dict) and "id" in mine:
            wanted[model.id] = mine["id"]
    ids = written_ids([n.id for n in models], wanted)
    out_ids: dict[str, str] = {}
    nodes = []
    for model in models:
        node = _node_out(model, node_id=ids[model.id], concluded=concluded, uses=uses)
        out_ids[model.id] = str(node["id"])
        nodes.append(node)
    edges = []
    for inference in m.inferences():
        pairs = [(p, inference.id) for p in inference.premises]
        pairs.append((inference.id, inference.target))
        for source, target in pairs:
            a, b = out_ids[source], out_ids[target]
            edge_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"argmap:edge:{a}:{b}"))
            edges.append({"id": edge_id, "source_id": a, "target_id": b})
    return {**_document(m), "nodes": nodes, "edges": edges}


def _node_out(
    model: AnyNode,
    *,
    node_id: str | int,
    concluded: set[str],
    uses: Mapping[str, set[str]],
) -> dict[str, Any]:
    fields = model.model_dump(mode="json", exclude_defaults=True)
    fields["kind"] = model.kind  # a default, so left out above
    for key in ("id", "data", "premises", "conclusion", "target"):
        fields.pop(key, None)
    inference = model.kind in ("support", "attack")
    scheme = fields.pop("scheme", None) if inference else None
    default_name = _name(scheme, model.kind)

    def spreads(key: str, value: Any) -> bool:
        # What the reader gives back in data["sadface"] once it is on the node, and only that.
        if key == "id":
            return value == node_id and type(value) is type(node_id) and node_id != model.id
        if key == "name":
            return inference and isinstance(value, str) and value != default_name
        if key == "sources":
            return inference or bool(value)  # an atom's empty sources are the writer's own
        if key == "metadata":
            return isinstance(value, dict) and bool(value) and EXTENSION not in value
        return key not in ("type", "text")

    data: dict[str, Any] = dict(model.data)
    kept, rest = split(data.get("sadface"), spreads)
    if rest is NOTHING:
        del data["sadface"]
    elif "sadface" in data:
        data["sadface"] = rest
    kept.pop("id", None)
    node: dict[str, Any] = {"id": node_id}
    if inference:
        name = kept.pop("name", default_name)
        node.update(type="scheme", name=name)
        implied = "attack" if name.strip().lower() in _ATTACKS else "support"
        if implied == model.kind:
            fields.pop("kind")
        if scheme is not None and (name != scheme or scheme in _GENERIC):
            fields["scheme"] = scheme  # a name the reader would not take for this scheme
        if scheme is None and name not in _GENERIC:
            fields["scheme"] = None  # else the reader takes a name of the user's for a scheme
    else:
        node.update(type="atom", text=fields.pop("text"))
        node["sources"] = kept.pop("sources", [])
        inferred = infer_kind(model.id in concluded, uses.get(model.id, set()))
        if fields.get("kind") == inferred:
            fields.pop("kind")
    metadata = dict(kept.pop("metadata", None) or {})
    node.update(kept)
    if data:
        fields["data"] = data
    if fields:
        metadata[EXTENSION] = fields
    node["metadata"] = metadata
    return node


def _document_spreads(key: str, value: Any) -> bool:
    """Whether an entry of the map's ``data["sadface"]`` comes back from the document as is."""
    if key in ("nodes", "edges"):
        return False
    if key == "resources":
        return bool(value != [])  # the writer's own empty list
    if key != "metadata":
        return True
    if not isinstance(value, dict) or not value or EXTENSION in value:
        return False
    core = value.get("core", ...)
    return core is ... or (isinstance(core, dict) and bool(core) and "title" not in core)


def _document(m: ArgumentMap) -> dict[str, Any]:
    kept, rest = split(m.data.get("sadface"), _document_spreads)
    metadata = dict(kept.pop("metadata", None) or {})
    core = dict(metadata.get("core") or {})
    if m.title is not None:
        core["title"] = m.title
    if core:
        metadata["core"] = core
    ext: dict[str, Any] = {}
    if m.central != infer_central(m):
        ext["central"] = m.central
    if m.sources:
        ext["sources"] = [
            s.model_dump(mode="json", exclude_defaults=True) for s in m.sources.values()
        ]
    data = dict(m.data)
    if rest is NOTHING:
        del data["sadface"]
    elif "sadface" in data:
        data["sadface"] = rest
    if data:
        ext["data"] = data
    if ext:
        metadata[EXTENSION] = ext
    doc: dict[str, Any] = {"metadata": metadata}
    doc.update(kept)
    doc.setdefault("resources", [])
    return doc
