"""AIF JSON, as AIFdb serves it, and xAIF / OVA3 JSON: read and write.

AIF (the Argument Interchange Format) is a graph of typed nodes joined by edges:

- ``I`` nodes (information: what is said) become statements;
- ``RA`` nodes (rule application: an inference) become supports: the I-nodes with an edge into
  the RA are its premises (linked, when there are several), the one it points at its conclusion;
- ``CA`` nodes (conflict application) become attacks: on an I-node (a rebuttal), on an RA (an
  undercut) or on another CA (an attack on an attack);
- every other node (``MA`` rephrases, ``PA`` preferences, and the dialogue nodes ``L``
  locutions, ``TA`` transitions and ``YA`` illocutions) has no place in an argument map: it is
  kept, with every edge that touches it and the ``locutions`` list, in the map's ``data["aif"]``
  and written back out, never dropped.

A scheme node's name (``"Default Inference"``, ``"Argument From Expert Opinion"``) becomes the
inference's ``scheme``, kept as given; the generic labels ``RA`` and ``CA`` mean no scheme.
Fields of a node that argmap has no place for (``timestamp``, ``schemeID``) go to the node's
``data["aif"]`` and are written back.

**Kinds.** AIF does not say whether an I-node is a claim, a premise, a case or a rebuttal, so
argmap decides by the graph: a conclusion of a support, or a node that is a premise of nothing,
is a claim; a node that is a premise of attacks only is a rebuttal; every other is a premise.

**Central claim.** The I-node that concludes a support and is a premise of nothing, when there
is exactly one such; otherwise the map has none.

**argmap's own fields.** What AIF has no place for (kinds other than the rule above, a
different central claim, notes, tags, quotes, sources, cases' fields, answered critical
questions, titles and data) is written in an ``"_argmap"`` field of the node (or of the
document, for the map's title, central claim and sources), which other AIF tools ignore; so a
map survives a round trip through AIF unchanged. Edge ids are not kept: argmap numbers edges
afresh when it writes.

**xAIF** (the format of OVA3 and the argument-mining pipelines) wraps the same graph in an
``AIF`` object beside ``OVA`` (the diagram's layout), ``text`` and ``dialog``. Scheme names are
the nodes' texts and the scheme ids are in ``schemefulfillments``. The layout, text,
``participants``, ``descriptorfulfillments`` and any other field are kept in the map's
``data["xaif"]`` and ``data["aif"]`` and written back; a node without a layout gets one.

Examples:
    >>> from argmap.examples import north_korea
    >>> m = north_korea()
    >>> loads(dumps(m)) == m, loads_xaif(dumps_xaif(m)) == m
    (True, True)
    >>> doc = '''{"nodes": [
    ...   {"nodeID": "1", "text": "Pressure works.", "type": "I"},
    ...   {"nodeID": "2", "text": "The regime answered.", "type": "I"},
    ...   {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
    ...  "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"},
    ...            {"edgeID": "2", "fromID": "3", "toID": "1"}]}'''
    >>> m = loads(doc)
    >>> m.central, m["3"].scheme, m["3"].premises
    ('1', 'Default Inference', ('2',))
"""

from __future__ import annotations

import itertools
import json
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pydantic

from argmap.exceptions import (
    FileFormatError,
    FormatLossWarning,
    InvalidMapError,
    validation_problem,
)
from argmap.index import paused_gc
from argmap.io.kept import NOTHING, is_file_id, merge, split, written_ids
from argmap.io.parsing import parse_json
from argmap.io.repair import Repairs, has_c1
from argmap.io.sniffing import aif_marks, json_keys
from argmap.io.structure import (
    clean_ids,
    free_data,
    infer_central,
    infer_kind,
)
from argmap.map import ArgumentMap
from argmap.model import (
    Attack,
    Case,
    Claim,
    Premise,
    Rebuttal,
    Source,
    Support,
    node_adapter,
    quick_node,
)

if TYPE_CHECKING:
    from argmap.map import AnyNode

__all__ = [
    "EXTENSION",
    "dumps",
    "dumps_xaif",
    "loads",
    "loads_xaif",
    "sniff",
    "sniff_xaif",
    "to_aif",
    "to_xaif",
]

EXTENSION = "_argmap"
"""The field that holds what AIF has no place for, on a node or on the document."""

_INFERENCE_TYPES = {"RA": "support", "CA": "attack"}
_TYPE_OF = {"support": "RA", "attack": "CA"}
_GENERIC = {"", "RA", "CA"}  # labels that name no scheme
_ASIDE_EDGE = "kept the edge aside in data['aif'], as a dialogue edge is kept"
_NODE_FIELDS = {"nodeID", "text", "type", "scheme", EXTENSION}
_MODELS = {
    m.model_fields["kind"].default: m for m in (Claim, Premise, Case, Rebuttal, Support, Attack)
}


# -- sniffing ------------------------------------------------------------------------------------


def sniff(head: str) -> bool:
    """Whether ``head``, the start of a text, is AIF JSON (not xAIF, not argmap's own).

    Examples:
        >>> sniff('{"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}')
        True
        >>> sniff('{"AIF": {"nodes": []}}'), sniff('{"argmap": 2, "nodes": []}')
        (False, False)
        >>> sniff('{ "nodes": [], "edges": [], "locutions": [] }')  # an empty AIFdb nodeset
        True
    """
    top, every = json_keys(head)
    if not top or "AIF" in top or "argmap" in top:
        return False
    return aif_marks(top, every)


def sniff_xaif(head: str) -> bool:
    """Whether ``head``, the start of a text, is xAIF / OVA3 JSON (an ``AIF`` object inside).

    Examples:
        >>> sniff_xaif('{"AIF": {"nodes": [], "edges": []}, "OVA": {}}')
        True
    """
    top, _ = json_keys(head)
    return "AIF" in top


# -- reading -------------------------------------------------------------------------------------


@paused_gc()  # parsing, validating and building allocate millions of objects, none garbage
def loads(text: str, *, path: str | None = None, strict: bool = False) -> ArgumentMap:
    """Read a map from AIF JSON text; ``path`` only names the text in error messages.

    Faults that real corpora have (an edge to a node the file leaves out, a scheme node that
    points at nothing, an edge between two I-nodes, a C1 control character in a text) are
    repaired, listed in the map's ``data["repaired"]`` and counted in one
    :class:`~argmap.exceptions.RepairWarning` (see :mod:`argmap.io.repair`); with
    ``strict=True`` the first is refused instead.

    Raises:
        FileFormatError: The text is not JSON, not AIF, or its graph does not make a valid map
            (two I-nodes with one id, a node with no type); in strict mode, also the first
            repairable fault. The message says which node or edge.
    """
    doc = _parse_json(text, path)
    return _read(doc, path=path, place="", strict=strict, text=text)


@paused_gc()
def loads_xaif(text: str, *, path: str | None = None, strict: bool = False) -> ArgumentMap:
    """Read a map from xAIF / OVA3 JSON text; ``path`` only names the text in error messages.

    Faults are repaired, or refused with ``strict=True``, as :func:`loads` does.

    Raises:
        FileFormatError: As for :func:`loads`.
    """
    doc = _parse_json(text, path)
    if not isinstance(doc.get("AIF"), dict):
        raise FileFormatError(
            "no 'AIF' object: an xAIF document is an object with an 'AIF' object holding "
            "'nodes' and 'edges'; for plain AIF pass format='aif'",
            path=path,
            where="AIF",
        )
    extension = dict(_extension(doc.get(EXTENSION), EXTENSION, path))
    placed = _names(extension.pop("placed", None), "placed", "the ids of the nodes", path)
    # The empty lists argmap's writer added are left out; an analyst's own are kept.
    added = set(_names(extension.pop("added", None), "added", "the names of the fields", path))
    aif = {
        k: v for k, v in doc["AIF"].items() if not (k in added and _XAIF_DEFAULTS.get(k, ...) == v)
    }
    if extension:
        aif[EXTENSION] = extension
    wrapper = _wrapper(doc, placed)
    # The scheme ids of xAIF sit in a list of their own; _read gives them to their nodes.
    fulfillments = _list(aif.pop("schemefulfillments", None), "AIF.schemefulfillments", path)
    return _read(
        aif,
        path=path,
        place="AIF.",
        fulfillments=fulfillments,
        wrapper=wrapper,
        strict=strict,
        text=text,
    )


def _names(value: Any, key: str, what: str, path: str | None) -> list[str]:
    """A list of names that argmap's writer recorded in the document's extension.

    Raises:
        FileFormatError: ``value`` is not a list of strings (or numbers, for node ids).
    """
    if value is None:
        return []
    where = f"{EXTENSION}.{key}"
    if not isinstance(value, list):
        raise FileFormatError(
            f"must be a list of {what} argmap's writer added, not {_shape(value)}; leave it as "
            "argmap wrote it, or delete it",
            path=path,
            where=where,
        )
    for i, item in enumerate(value):
        if not isinstance(item, str) and not (key == "placed" and _is_number(item)):
            raise FileFormatError(
                f"must be a list of {what} argmap's writer added, but item {i} is "
                f"{_shape(item)}; leave it as argmap wrote it, or delete it",
                path=path,
                where=f"{where}[{i}]",
            )
    return [str(item) for item in value]


def _is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shape(value: Any) -> str:
    """What a JSON value is, for a message: 'a list', 'an object', 'the number 5'."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return f"the text {value!r}"


# What the writer adds to an xAIF document that lacks them (and records in the extension's
# "added"): the reader leaves those out of the map's data, so that a map written and read again
# is the map it was.
_XAIF_DEFAULTS: dict[str, Any] = {
    "locutions": [],
    "participants": [],
    "descriptorfulfillments": [],
    "schemefulfillments": [],
}
_OVA_DEFAULTS: dict[str, Any] = {"firstname": "", "surname": "", "url": ""}
_TEXT_DEFAULT = {"txt": ""}


def _wrapper(doc: Mapping[str, Any], placed: list[Any]) -> dict[str, Any]:
    """What of an xAIF document's wrapper to keep: all but what the writer makes up anew."""
    wrapper = {k: v for k, v in doc.items() if k not in ("AIF", EXTENSION)}
    if wrapper.get("text") == _TEXT_DEFAULT:
        del wrapper["text"]
    ova = wrapper.get("OVA")
    if isinstance(ova, dict):
        ova = {k: v for k, v in ova.items() if _OVA_DEFAULTS.get(k, ...) != v}
        nodes = ova.get("nodes")
        if isinstance(nodes, list):  # drop the positions argmap made up, keep the analyst's
            made_up = {str(p) for p in placed}
            ova["nodes"] = [
                n for n in nodes if not (isinstance(n, dict) and str(n.get("nodeID")) in made_up)
            ]
        edges = ova.get("edges")
        if isinstance(edges, list):  # an edge shown as usual says nothing the graph does not
            ova["edges"] = [
                e
                for e in edges
                if not (isinstance(e, dict) and e.get("visible") is True and len(e) == 3)
            ]
        ova = {k: v for k, v in ova.items() if not (k in ("nodes", "edges") and v == [])}
        if ova:
            wrapper["OVA"] = ova
        else:
            del wrapper["OVA"]
    return wrapper


def _parse_json(text: str, path: str | None) -> dict[str, Any]:
    doc = parse_json(text, path=path)
    if not isinstance(doc, dict):
        raise FileFormatError(
            f"the top level is a {type(doc).__name__}, not an object; an AIF document is an "
            "object with 'nodes' and 'edges'",
            path=path,
            line=1,
        )
    return doc


def _list(value: Any, where: str, path: str | None) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FileFormatError(
            f"'{where}' is a {type(value).__name__}; it must be a list", path=path, where=where
        )
    return value


class _Graph:
    """The AIF graph as read: nodes by id, and the edges among them."""

    def __init__(
        self, doc: Mapping[str, Any], *, path: str | None, place: str, repairs: Repairs
    ) -> None:
        self.path = path
        self.place = place
        self.repairs = repairs
        if "nodes" not in doc:
            raise FileFormatError(
                f"no '{place}nodes' list; an AIF document has 'nodes' and 'edges'",
                path=path,
                where=f"{place}nodes",
            )
        self.nodes: dict[str, dict[str, Any]] = {}
        self.index: dict[str, int] = {}
        self.types: dict[str, str] = {}
        nodes, index, types = self.nodes, self.index, self.types
        for i, node in enumerate(_list(doc.get("nodes"), f"{place}nodes", path)):
            # The common case in a few tests; each fault is named apart, below.
            if (
                type(node) is not dict
                or type(node.get("nodeID")) is not str
                or type(node.get("type")) is not str
                or node["type"] in ("atom", "scheme")
            ):
                self._bad_node(node, f"{place}nodes[{i}]")
            key = node["nodeID"] if type(node["nodeID"]) is str else str(node["nodeID"])
            if key in nodes:
                raise FileFormatError(
                    f"nodeID {key!r} is used twice (also by {place}nodes[{index[key]}]); "
                    "node ids must be unique",
                    path=path,
                    where=f"{place}nodes[{i}]",
                )
            nodes[key] = node
            index[key] = i
            types[key] = node["type"]
        self.edges: list[tuple[str, str, dict[str, Any], int]] = []
        edges = self.edges
        for i, edge in enumerate(_list(doc.get("edges"), f"{place}edges", path)):
            if type(edge) is dict and "fromID" in edge and "toID" in edge:
                source, target = edge["fromID"], edge["toID"]
                source = source if type(source) is str else str(source)
                target = target if type(target) is str else str(target)
                if source in nodes and target in nodes:
                    edges.append((source, target, edge, i))
                    continue
            self._odd_edge(edge, i)

    def _odd_edge(self, edge: Any, i: int) -> None:
        """Refuse an edge that is not an object or lacks an end; drop one to a node not in the
        file (listing it in the repairs); keep one that is well formed after all.

        Raises:
            FileFormatError: The edge is not an object, or lacks ``fromID`` or ``toID``.
        """
        where = f"{self.place}edges[{i}]"
        if not isinstance(edge, dict):
            raise FileFormatError("an edge must be an object", path=self.path, where=where)
        ends = []
        for key in ("fromID", "toID"):
            if key not in edge:
                raise FileFormatError(f"field {key!r} is required", path=self.path, where=where)
            end = str(edge[key])
            if end not in self.nodes:
                # AIFdb serves nodesets with edges to the dialogue nodes it leaves out.
                self.repairs.fault(
                    where,
                    f"edge {edge.get('edgeID', i)!r}: {key} {end!r} names no node in the file",
                    "dropped the edge",
                )
                return
            ends.append(end)
        self.edges.append((ends[0], ends[1], edge, i))

    def _bad_node(self, node: Any, where: str) -> None:
        """Check a node that is not plainly well formed: raise naming its fault, if it has one.

        Raises:
            FileFormatError: The node is not an object, lacks ``nodeID`` or ``type``, has an id
                or type of the wrong kind, or is a SADFace node.
        """
        path = self.path
        if not isinstance(node, dict):
            raise FileFormatError("a node must be an object", path=path, where=where)
        for key in ("nodeID", "type"):
            if key not in node:
                raise FileFormatError(f"field {key!r} is required", path=path, where=where)
        if not isinstance(node["nodeID"], (str, int)) or isinstance(node["nodeID"], bool):
            raise FileFormatError(
                f"nodeID {node['nodeID']!r} must be a string or a number",
                path=path,
                where=where,
            )
        if not isinstance(node["type"], str):
            raise FileFormatError(f"type {node['type']!r} must be a string", path=path, where=where)
        if node["type"] in ("atom", "scheme"):  # kept aside, it would read as an empty map
            raise FileFormatError(
                f"node type {node['type']!r} is SADFace's, not AIF's; if this is a SADFace "
                "file, pass format='sadface' (on the command line, --from sadface)",
                path=path,
                where=where,
            )

    def where(self, key: str) -> str:
        return f"{self.place}nodes[{self.index[key]}] (nodeID {key!r})"

    def fail(self, key: str, problem: str) -> FileFormatError:
        return FileFormatError(problem, path=self.path, where=self.where(key))

    def type_of(self, key: str) -> str:
        return self.types[key]

    def link(
        self, is_argument: set[str]
    ) -> tuple[dict[str, list[str]], dict[str, str], list[dict[str, Any]], set[str]]:
        """Return each inference node's premises and target, the edges kept as they are, and
        the inference nodes that point at nothing.

        An edge that no argument map can hold (I to I, RA to RA, a second target, a premise that
        is also the conclusion) is a fault: it is set aside with the kept edges (and listed in
        the repairs), or refused in strict mode.

        Raises:
            FileFormatError: In strict mode, the first such edge; the message names it.
        """
        incoming: dict[str, list[tuple[str, dict[str, Any], int]]] = {
            k: [] for k, t in self.types.items() if t != "I" and k in is_argument
        }
        targets: dict[str, str] = {}
        kept_edges: list[dict[str, Any]] = []
        types = self.types
        for source, target, edge, i in self.edges:
            if source not in is_argument or target not in is_argument:
                kept_edges.append(edge)  # a dialogue or rephrase edge: kept as it is
                continue
            from_type, to_type = types[source], types[target]
            problem = None
            if from_type == "I" and to_type == "I":
                problem = (
                    f"edge {edge.get('edgeID', i)!r} joins two I-nodes ({source!r} -> "
                    f"{target!r}); in AIF an RA or CA node stands between them"
                )
            elif from_type == "I":
                incoming[target].append((source, edge, i))
                continue
            elif from_type == "RA" and to_type != "I":
                problem = (
                    f"RA node {source!r} points at the {to_type} node {target!r}; a support "
                    "concludes an I-node (to deny an inference, use a CA node)"
                )
            elif source == target:
                problem = f"{from_type} node {source!r} points at itself"
            elif source in targets:
                problem = (
                    f"{from_type} node {source!r} points at two nodes ({targets[source]!r} and "
                    f"{target!r}); an inference has one conclusion or target"
                )
            if problem is not None:
                self.repairs.fault(f"{self.place}edges[{i}]", problem, _ASIDE_EDGE)
                kept_edges.append(edge)
                continue
            targets[source] = target
        premises: dict[str, list[str]] = {}
        for key, edges in incoming.items():
            premises[key] = []
            if len(edges) == 1 and targets.get(key) != edges[0][0]:
                premises[key].append(edges[0][0])  # one premise that is not the conclusion
                continue
            for source, edge, i in edges:
                problem, where = None, f"{self.place}edges[{i}]"
                if types[key] == "RA" and targets.get(key) == source:
                    # A self-attack is a map's to hold (Dung's self-attacking argument); a
                    # self-support says nothing.
                    problem = f"{source!r} supports itself: it is a premise and the conclusion"
                    where = self.where(key)
                elif source in premises[key]:
                    problem = f"premise {source!r} is listed twice in {key!r}"
                if problem is not None:
                    self.repairs.fault(where, problem, _ASIDE_EDGE)
                    kept_edges.append(edge)
                    continue
                premises[key].append(source)
        return premises, targets, kept_edges, {k for k in premises if k not in targets}


def _settle(
    graph: _Graph, is_argument: set[str]
) -> tuple[dict[str, list[str]], dict[str, str], list[dict[str, Any]]]:
    """Link the graph, setting aside (from ``is_argument``) scheme nodes that conclude nothing."""
    while True:
        premises, targets, kept_edges, aimless = graph.link(is_argument)
        if not aimless:
            return premises, targets, kept_edges
        # A scheme node that concludes nothing says nothing a map can hold; it is kept with
        # the dialogue nodes (so it is written back), and whatever attacked it is looked at again.
        for key in sorted(aimless, key=graph.index.__getitem__):
            graph.repairs.fault(
                graph.where(key),
                f"{graph.types[key]} node {key!r} points at nothing",
                "kept the node and its edges aside in data['aif'], as a dialogue node is kept",
            )
        is_argument -= aimless


def _read(
    doc: Mapping[str, Any],
    *,
    path: str | None,
    place: str,
    fulfillments: list[Any] | None = None,
    wrapper: Mapping[str, Any] | None = None,
    strict: bool = False,
    text: str | None = None,
) -> ArgumentMap:
    repairs = Repairs(path=path, strict=strict, text=text)
    graph = _Graph(doc, path=path, place=place, repairs=repairs)
    argument = [k for k, n in graph.nodes.items() if n["type"] in ("I", "RA", "CA")]
    ids = clean_ids(argument)
    is_argument = set(argument)

    premises, targets, kept_edges = _settle(graph, is_argument)
    argument = [k for k in argument if k in is_argument]

    scheme_ids, other_fulfillments = _fulfillments(fulfillments or [], is_argument, graph)

    types = graph.types
    concluded = {t for k, t in targets.items() if types[k] == "RA"}
    uses: dict[str, set[str]] = {}
    for key, its_premises in premises.items():
        for premise in its_premises:
            uses.setdefault(premise, set()).add(_INFERENCE_TYPES[types[key]])

    extension = _extension(doc.get(EXTENSION), f"{place}{EXTENSION}", path)
    # Statements, then supports, then attacks: the order a map adds them in, so that building
    # the map needs no second pass to restore the file's order.
    rank = {"I": 0, "RA": 1, "CA": 2}
    argument.sort(key=lambda k: rank[types[k]])
    nodes = _models(
        graph,
        argument,
        ids=ids,
        link=(premises, targets),
        concluded=concluded,
        uses=uses,
        scheme_ids=scheme_ids,
    )

    kept_nodes = [
        repairs.texts(n, f"{place}nodes[{graph.index[k]}]")
        for k, n in graph.nodes.items()
        if k not in is_argument
    ]
    map_data = free_data(extension.get("data"), path=path, where=f"{place}{EXTENSION}.data")
    aif_data: dict[str, Any] = {}
    if kept_nodes:
        aif_data["nodes"] = kept_nodes
    if kept_edges:
        aif_data["edges"] = kept_edges
    for key, value in doc.items():
        if key not in ("nodes", "edges", EXTENSION):
            aif_data[key] = repairs.texts(value, f"{place}{key}")
    if other_fulfillments:
        aif_data["schemefulfillments"] = other_fulfillments
    merge(map_data, "aif", aif_data)
    merge(map_data, "xaif", wrapper or {})
    map_data = repairs.record(map_data)
    sources = _sources(extension, graph)
    try:
        # Each model was validated just now: the map checks its own rules, not the models again.
        m = ArgumentMap.from_validated(
            title=extension.get("title"), sources=sources, nodes=nodes, data=map_data
        )
        if "central" in extension:
            m.central = extension["central"]
        else:
            m.central = infer_central(m)
    except InvalidMapError as exc:
        where = None
        if exc.place and exc.place[0] == "nodes" and len(exc.place) > 1:
            where = graph.where(argument[int(exc.place[1])])
        elif exc.node is not None:
            original = next((k for k, v in ids.items() if v == exc.node), None)
            where = graph.where(original) if original is not None else None
        elif exc.place:  # the map's own fields, which the document's extension holds
            where = f"{place}{EXTENSION}.{exc.place[0]}"
        raise FileFormatError(str(exc), path=path, where=where) from None
    repairs.warn()
    return m


def _fulfillments(
    entries: list[Any], is_argument: set[str], graph: _Graph
) -> tuple[dict[str, Any], list[Any]]:
    """Split xAIF's scheme fulfillments: scheme ids of argmap's inferences, and the rest."""
    scheme_ids: dict[str, Any] = {}
    others = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or "nodeID" not in entry:
            raise FileFormatError(
                "a scheme fulfillment is an object with 'nodeID' and 'schemeID'",
                path=graph.path,
                where=f"{graph.place}schemefulfillments[{i}]",
            )
        if str(entry["nodeID"]) in is_argument and set(entry) <= {"nodeID", "schemeID"}:
            scheme_ids[str(entry["nodeID"])] = entry.get("schemeID")
        else:
            others.append(entry)
    return scheme_ids, others


def _sources(extension: Mapping[str, Any], graph: _Graph) -> list[Source]:
    where = f"{graph.place}{EXTENSION}.sources"
    sources = []
    for i, raw in enumerate(_list(extension.get("sources"), where, graph.path)):
        try:
            sources.append(Source.model_validate(raw))
        except pydantic.ValidationError as exc:
            raise FileFormatError(
                validation_problem(exc, read=True), path=graph.path, where=f"{where}[{i}]"
            ) from None
    return sources


def _models(
    graph: _Graph,
    keys: list[str],
    *,
    ids: Mapping[str, str],
    link: tuple[Mapping[str, list[str]], Mapping[str, str]],
    concluded: set[str],
    uses: Mapping[str, set[str]],
    scheme_ids: Mapping[str, Any],
) -> list[AnyNode]:
    """Build the statements and inferences the I, RA and CA nodes ``keys`` become, in order.

    One loop over the nodes; each node's fields are validated once, by the quick path for the
    common shapes and by pydantic for the rest (whose errors name the node).
    """
    premises, targets = link
    nodes, types, repairs = graph.nodes, graph.types, graph.repairs
    # A statement that is a premise of nothing is a claim (infer_kind): only premises are looked up.
    kinds = {key: infer_kind(key in concluded, used) for key, used in uses.items()}
    out: list[AnyNode] = []
    for key in keys:
        node = nodes[key]
        ext = (
            _extension(node[EXTENSION], f"{graph.where(key)}.{EXTENSION}", graph.path)
            if EXTENSION in node
            else None
        )
        extra = {k: v for k, v in node.items() if k not in _NODE_FIELDS}
        if key in scheme_ids:
            extra["schemeID"] = scheme_ids[key]
        node_id = ids[key]
        if node_id != key or type(node["nodeID"]) is not str:
            extra["nodeID"] = node["nodeID"]  # kept as it was: argmap's ids are clean strings
        fields: dict[str, Any] = dict(ext) if ext else {}
        kind = types[key]
        text = node.get("text")
        if kind == "I":
            if "kind" not in fields:
                fields["kind"] = kinds.get(key, "claim")
            if repairs.c1:  # the file has a C1 character somewhere: look in this text
                text = repairs.text(text, f"{graph.where(key)}.text")
            fields["text"] = text
        else:
            fields["kind"] = _INFERENCE_TYPES[kind]
            fields["premises"] = [ids[p] for p in premises[key]]
            fields["conclusion" if kind == "RA" else "target"] = ids[targets[key]]
            _scheme(fields, node, kind, extra)
        fields["id"] = node_id
        if "data" in fields:
            where = f"{graph.where(key)}.{EXTENSION}.data"
            data = free_data(fields["data"], path=graph.path, where=where)
            merge(data, "aif", extra)
            if data:
                fields["data"] = data
        elif extra:
            fields["data"] = {"aif": extra}
        cls = _MODELS.get(fields["kind"]) if type(fields["kind"]) is str else None
        model = quick_node(cls, fields) if cls is not None else None  # the common shapes
        if model is None:
            try:
                model = node_adapter.validate_python(fields)
            except pydantic.ValidationError as exc:
                raise graph.fail(key, validation_problem(exc, read=True)) from None
        out.append(model)
    return out


def _scheme(
    fields: dict[str, Any], node: Mapping[str, Any], kind: str, extra: dict[str, Any]
) -> None:
    """Give an inference's fields the scheme its RA or CA node names, and keep in ``extra`` a
    text other than the one a writer would give the node."""
    text = node.get("text")
    if "scheme" not in fields:  # argmap's own field wins: it was written apart on purpose
        scheme = node.get("scheme")
        if scheme is None and isinstance(text, str) and text.strip() not in _GENERIC:
            scheme = text
        if scheme is not None:
            fields["scheme"] = scheme
    if text != (fields["scheme"] if fields.get("scheme") is not None else kind):
        extra["text"] = text


def _extension(value: Any, where: str, path: str | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FileFormatError(
            f"the {EXTENSION} field must be an object (argmap writes it; leave it as written)",
            path=path,
            where=where,
        )
    return value


# -- writing -------------------------------------------------------------------------------------


def dumps(m: ArgumentMap) -> str:
    """Return the map as AIF JSON text.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.claim("c", "Pressure works.")
        >>> print(dumps(m), end="")
        {
          "nodes": [
            {
              "nodeID": "c",
              "text": "Pressure works.",
              "type": "I"
            }
          ],
          "edges": []
        }
    """
    return json.dumps(to_aif(m), ensure_ascii=False, indent=2) + "\n"


def dumps_xaif(m: ArgumentMap) -> str:
    """Return the map as xAIF / OVA3 JSON text."""
    return json.dumps(to_xaif(m), ensure_ascii=False, indent=2) + "\n"


def to_aif(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as an AIF document (plain data, ready for ``json.dumps``)."""
    return _checked(m, xaif=False)


def to_xaif(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as an xAIF / OVA3 document (plain data, ready for ``json.dumps``)."""
    return _checked(m, xaif=True)


def _checked(m: ArgumentMap, *, xaif: bool) -> dict[str, Any]:
    """The document, with the map's kept graph spread onto it where reading it back gives the
    map again (see :mod:`argmap.io.kept`); where only reading can tell, it is read back."""
    plan = _Kept(m, xaif=xaif)
    doc = _document(m, plan, xaif=xaif)
    if plan.graph_spread and plan.replays:
        # Kept scheme nodes or edges between argument nodes are faults the reader set aside;
        # a file whose reader would link them instead is written with them in the extension.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                text = json.dumps(doc)
                back = loads_xaif(text) if xaif else loads(text)
            except FileFormatError:
                back = None
        if back != m:
            plan.keep_graph_apart()
            doc = _document(m, plan, xaif=xaif)
    return doc


def _document(m: ArgumentMap, plan: _Kept, *, xaif: bool) -> dict[str, Any]:
    aif = _write(m, plan, xaif=xaif)
    if not xaif:
        return aif
    extension = aif.pop(EXTENSION, None)
    wrapper = dict(plan.wrapper)
    ova = wrapper.pop("OVA", None)
    doc: dict[str, Any] = {"AIF": aif}
    doc["OVA"], placed = _layout(aif, ova if isinstance(ova, dict) else {})
    doc["text"] = wrapper.pop("text", dict(_TEXT_DEFAULT))
    doc.update(wrapper)
    added = [k for k in _XAIF_DEFAULTS if k not in aif]
    for key in added:
        aif[key] = []
    if placed:
        extension = {**(extension or {}), "placed": placed}
    if added:
        extension = {**(extension or {}), "added": added}
    if extension:
        doc[EXTENSION] = extension
    return doc


class _Kept:
    """What of the map's ``data["aif"]`` (and ``data["xaif"]``) the writer spreads onto the
    document, and what travels verbatim in the extension, by the rule of :mod:`argmap.io.kept`.
    """

    def __init__(self, m: ArgumentMap, *, xaif: bool) -> None:
        self.xaif = xaif
        self.data: dict[str, Any] = dict(m.data)
        raw: Any = self.data.get("aif")
        self.raw = raw
        models = list(m.nodes())
        self.model_ids = {n.id for n in models}
        nodes = raw.get("nodes") if isinstance(raw, dict) else None
        edges = raw.get("edges") if isinstance(raw, dict) else None
        self.graph_spread, self.replays = self._graph_fits(nodes, edges)
        self.kept_nodes: list[dict[str, Any]] = nodes if self.graph_spread and nodes else []
        self.kept_edges: list[dict[str, Any]] = edges if self.graph_spread and edges else []
        arguing = [str(n["nodeID"]) for n in self.kept_nodes if n["type"] in _ARGUING]
        wanted = {}
        for n in models:
            mine = n.data.get("aif")
            if isinstance(mine, dict) and "nodeID" in mine:
                wanted[n.id] = mine["nodeID"]
        self.ids = written_ids(
            [n.id for n in models],
            wanted,
            cleaned_after=arguing,
            taken=[str(n["nodeID"]) for n in self.kept_nodes if n["type"] not in _ARGUING],
        )
        self._split()

    def _graph_fits(self, nodes: Any, edges: Any) -> tuple[bool, bool]:
        """Whether the kept dialogue nodes and edges can be spread onto the document, and
        whether only reading the document back can tell (kept scheme nodes, or edges between
        argument nodes, which the reader may link)."""
        if nodes is None and edges is None:
            return False, False
        for value in (nodes, edges):
            if value is not None and (not isinstance(value, list) or not value):
                return False, False  # an empty list would not come back; anything else neither
        node_ids: list[str] = []
        replays = False
        for node in nodes or []:
            if not (
                isinstance(node, dict)
                and is_file_id(node.get("nodeID"))
                and isinstance(node.get("type"), str)
                and node["type"] != "I"
                and not has_c1(node)
            ):
                return False, False
            node_ids.append(str(node["nodeID"]))
            replays = replays or node["type"] in _ARGUING
        if len(set(node_ids)) != len(node_ids) or self.model_ids & set(node_ids):
            return False, False
        dialogue = {
            k for k, n in zip(node_ids, nodes or [], strict=True) if n["type"] not in _ARGUING
        }
        for edge in edges or []:
            if not (isinstance(edge, dict) and "fromID" in edge and "toID" in edge) or has_c1(edge):
                return False, False
            if not {str(edge["fromID"]), str(edge["toID"])} & dialogue:
                replays = True
        return True, replays

    def keep_graph_apart(self) -> None:
        self.graph_spread = self.replays = False
        self.kept_nodes, self.kept_edges = [], []
        self._split()

    def _split(self) -> None:
        """Split ``data["aif"]`` and ``data["xaif"]`` into the document's fields and the rest."""
        graph = ("nodes", "edges")

        def spreads(key: str, value: Any) -> bool:
            if key in graph:
                return self.graph_spread
            if key == EXTENSION:
                return False
            if key == "schemefulfillments" and self.xaif:
                return self._fulfillments_fit(value)
            return not has_c1(value)  # the reader repairs C1 characters in the document

        self.document, rest_aif = split(self.raw, spreads)
        self.wrapper, rest_xaif = (
            split(self.data.get("xaif"), _wrapper_spreads) if self.xaif else ({}, None)
        )
        self.rest = dict(self.data)
        for key, rest in (("aif", rest_aif), ("xaif", rest_xaif))[: 2 if self.xaif else 1]:
            if rest is NOTHING:
                del self.rest[key]
            elif key in self.data:
                self.rest[key] = rest

    def _fulfillments_fit(self, value: Any) -> bool:
        """xAIF's other scheme fulfillments come back only as a non-empty list of objects with
        a nodeID that the reader does not take for a scheme id of argmap's inferences."""
        if not isinstance(value, list) or not value:
            return False
        return all(
            isinstance(e, dict)
            and "nodeID" in e
            and not (str(e["nodeID"]) in self.model_ids and set(e) <= {"nodeID", "schemeID"})
            and not has_c1(e)
            for e in value
        )


_ARGUING = {"I", "RA", "CA"}


def _wrapper_spreads(key: str, value: Any) -> bool:
    """Whether an entry of ``data["xaif"]`` comes back from the xAIF wrapper as it is."""
    if key in ("AIF", EXTENSION):
        return False
    if key == "text":
        return bool(value != _TEXT_DEFAULT)
    if key != "OVA":
        return True
    if not isinstance(value, dict) or not value:
        return False
    if any(value.get(k, ...) == v for k, v in _OVA_DEFAULTS.items()):
        return False  # the reader takes the writer's defaults for its own
    for part in ("nodes", "edges"):
        listed = value.get(part, ...)
        if listed is not ... and (not isinstance(listed, list) or not listed):
            return False
    edges = value.get("edges")
    return not any(
        isinstance(e, dict) and e.get("visible") is True and len(e) == 3 for e in edges or []
    )


def _write(m: ArgumentMap, plan: _Kept, *, xaif: bool) -> dict[str, Any]:
    concluded = {s.conclusion for s in m.nodes("support")}
    uses: dict[str, set[str]] = {}
    for inference in m.inferences():
        for premise in inference.premises:
            uses.setdefault(premise, set()).add(inference.kind)
    aif_ids: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    fulfilled: list[dict[str, Any]] = []
    for model in m.nodes():
        inferred = None
        if model.kind not in _TYPE_OF:
            inferred = infer_kind(model.id in concluded, uses.get(model.id, set()))
        node, scheme_id = _node_out(
            model, node_id=plan.ids[model.id], xaif=xaif, inferred_kind=inferred
        )
        aif_ids[model.id] = str(node["nodeID"])
        nodes.append(node)
        if scheme_id is not ...:
            fulfilled.append({"nodeID": node["nodeID"], "schemeID": scheme_id})

    kept_nodes, kept_edges = plan.kept_nodes, plan.kept_edges
    present = set(aif_ids.values()) | {str(n.get("nodeID")) for n in kept_nodes}
    taken = {str(e.get("edgeID")) for e in kept_edges}
    edges: list[dict[str, Any]] = []
    numbers = (n for n in itertools.count(1) if str(n) not in taken)
    for inference in m.inferences():
        for premise in inference.premises:
            edges.append(_edge(next(numbers), aif_ids[premise], aif_ids[inference.id], xaif=xaif))
        target = aif_ids[inference.target]
        edges.append(_edge(next(numbers), aif_ids[inference.id], target, xaif=xaif))
    nodes.extend(kept_nodes)
    dangling = []
    for edge in kept_edges:
        if {str(edge.get("fromID")), str(edge.get("toID"))} <= present:
            edges.append(edge)
        else:
            dangling.append(str(edge.get("edgeID")))
    if dangling:
        warnings.warn(
            FormatLossWarning(
                "xaif" if xaif else "aif",
                [
                    f"the map's data ({len(dangling)} kept dialogue or rephrase edges of "
                    "data['aif']['edges'] whose nodes are no longer in the map: edgeID "
                    f"{', '.join(dangling[:5])}" + (", ...)" if len(dangling) > 5 else ")")
                ],
            ),
            stacklevel=5,
        )

    doc: dict[str, Any] = {"nodes": nodes, "edges": edges}
    doc.update((k, v) for k, v in plan.document.items() if k not in ("nodes", "edges"))
    if xaif and (fulfilled or "schemefulfillments" in doc):
        doc["schemefulfillments"] = [*fulfilled, *(doc.get("schemefulfillments") or [])]
    extension = _document_extension(m, plan.rest)
    if extension:
        doc[EXTENSION] = extension
    return doc


def _node_out(
    model: AnyNode, *, node_id: str | int, xaif: bool, inferred_kind: str | None
) -> tuple[dict[str, Any], Any]:
    """Return the AIF node for a statement or inference, and its xAIF scheme id (``...`` for
    none)."""
    fields = model.model_dump(mode="json", exclude_defaults=True)
    fields["kind"] = model.kind  # a default, so left out above
    for key in ("id", "data", "premises", "conclusion", "target"):
        fields.pop(key, None)
    node: dict[str, Any] = {"nodeID": node_id}
    inference = model.kind in _TYPE_OF
    scheme = fields.pop("scheme", None) if inference else None
    default_text = (scheme if scheme is not None else _TYPE_OF[model.kind]) if inference else None

    def spreads(key: str, value: Any) -> bool:
        # What the reader gives back in data["aif"] once it is on the node, and nothing else.
        if key == "nodeID":
            return value == node_id and type(value) is type(node_id) and node_id != model.id
        if key == "text":
            return inference and value != default_text
        if key == "schemeID":
            return not xaif or inference
        return key not in _NODE_FIELDS

    data: dict[str, Any] = dict(model.data)
    extra, rest = split(data.get("aif"), spreads)
    if rest is NOTHING:
        del data["aif"]
    elif "aif" in data:
        data["aif"] = rest
    extra.pop("nodeID", None)
    scheme_id: Any = ...
    if inference:
        fields.pop("kind")
        kind = _TYPE_OF[model.kind]
        text = extra.pop("text", default_text)
        node["text"] = text
        node["type"] = kind
        if scheme is not None and not xaif:
            node["scheme"] = scheme
        if scheme is not None and (
            (xaif and text != scheme) or (text == scheme and scheme.strip() in _GENERIC)
        ):
            # xAIF has no scheme field: the text names the scheme; keep a different one apart,
            # and one the reader would take for "no scheme".
            fields["scheme"] = scheme
        if scheme is None and isinstance(text, str) and text.strip() not in _GENERIC:
            fields["scheme"] = None  # else the reader takes a text of the user's for a scheme
        if xaif and "schemeID" in extra:
            scheme_id = extra.pop("schemeID")
    else:
        node["text"] = fields.pop("text")
        node["type"] = "I"
        if fields.get("kind") == inferred_kind:
            fields.pop("kind")
    node.update(extra)
    if data:
        fields["data"] = data
    if fields:
        node[EXTENSION] = fields
    return node, scheme_id


def _document_extension(m: ArgumentMap, rest: Mapping[str, Any]) -> dict[str, Any]:
    """What of the map as a whole AIF has no place for: title, central claim, sources, and the
    map's data but what is spread onto the document."""
    extension: dict[str, Any] = {}
    if m.title is not None:
        extension["title"] = m.title
    if m.central != infer_central(m):
        extension["central"] = m.central
    if m.sources:
        extension["sources"] = [
            s.model_dump(mode="json", exclude_defaults=True) for s in m.sources.values()
        ]
    if rest:
        extension["data"] = dict(rest)
    return extension


def _edge(n: int, source: str, target: str, *, xaif: bool) -> dict[str, Any]:
    if xaif:
        return {"edgeID": n, "fromID": source, "toID": target}
    return {"edgeID": str(n), "fromID": source, "toID": target, "formEdgeID": None}


def _layout(aif: Mapping[str, Any], ova: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """OVA's layout for the nodes written: the map's own, in its order, then a place for each
    node it has none for; and the ids of the nodes placed anew (recorded, so that reading it
    back forgets them)."""
    old_nodes = ova.get("nodes")
    old_edges = ova.get("edges")
    positions: list[Any] = list(old_nodes) if isinstance(old_nodes, list) else []
    placed = {str(n.get("nodeID")) for n in positions if isinstance(n, dict)}
    layout = {k: v for k, v in ova.items() if k not in ("nodes", "edges")}
    for key, value in _OVA_DEFAULTS.items():
        layout.setdefault(key, value)
    made_up = []
    for i, node in enumerate(aif["nodes"]):
        key = str(node["nodeID"])
        if key in placed:
            continue
        made_up.append(key)
        positions.append(
            {
                "nodeID": key,
                "visible": True,
                "x": 200 * (i % 6),
                "y": 150 * (i // 6),
                "timestamp": "",
            }
        )
    layout["nodes"] = positions
    # The edges the map's layout says something about, in its order; then the rest as usual.
    shown: list[Any] = list(old_edges) if isinstance(old_edges, list) else []
    ends = {(str(e.get("fromID")), str(e.get("toID"))) for e in shown if isinstance(e, dict)}
    for edge in aif["edges"]:
        if (str(edge["fromID"]), str(edge["toID"])) not in ends:
            ends_of = {"fromID": str(edge["fromID"]), "toID": str(edge["toID"])}
            shown.append({**ends_of, "visible": True})
    layout["edges"] = shown
    return layout, made_up
