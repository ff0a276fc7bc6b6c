"""A map as a plain networkx graph, for GraphML, GEXF, node-link JSON and graph algorithms.

:func:`to_networkx` copies a map into an :class:`networkx.DiGraph` whose attributes are only
strings, numbers and booleans, so that every networkx writer takes it; :func:`from_networkx` reads
such a graph back into an equal map. The graph is the map's own graph (an edge from each premise to
its inference, role ``"premise"``, and from the inference to what it bears on, role
``"conclusion"`` or ``"target"``) plus one node per source, with an edge (role ``"source"``) from
each source to every statement that quotes or cites it.

Attributes, the same for every format:

- every node has ``kind`` (``claim``, ``premise``, ``case``, ``rebuttal``, ``support``,
  ``attack`` or ``source``) and ``label`` (its title, else its id, for display; ignored on reading);
- scalar fields keep their names: ``text``, ``title``, ``note``, ``scheme``, ``when``, ...;
- lists become numbered fields: ``tags.0``, ``who.1``, ``cites.0``, and a quote's parts
  ``quotes.0.source``, ``quotes.0.text``, ``quotes.0.start``, ``quotes.0.end``;
- mappings of names to text become one field per key: ``answered.example.typical``;
- ``data`` (free JSON values) is one JSON string;
- a premise edge has ``position`` (0, 1, ...): the order of the inference's premises;
- the central claim has ``central`` set to true, the map's default source ``default`` set to
  true; the graph's ``title`` is the map's.

Examples:
    >>> import io
    >>> import networkx as nx
    >>> from argmap.examples import north_korea
    >>> m = north_korea()
    >>> g = to_networkx(m)
    >>> g.nodes["article"]["kind"], g.nodes["amnesty"]["kind"]
    ('source', 'case')
    >>> file = io.BytesIO()
    >>> nx.write_graphml(g, file)
    >>> _ = file.seek(0)
    >>> from_networkx(nx.read_graphml(file)) == m
    True
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, get_origin
from xml.etree import ElementTree

import networkx as nx
import pydantic

from argmap.exceptions import ArgmapError, FileFormatError, InvalidMapError, validation_problem
from argmap.io.xmltext import element_line
from argmap.map import ArgumentMap, require_map
from argmap.model import (
    INFERENCE_KINDS,
    STATEMENT_KINDS,
    Attack,
    Case,
    Claim,
    Premise,
    Rebuttal,
    Source,
    Support,
    node_adapter,
)

__all__ = ["from_networkx", "read_graph", "to_networkx"]

_JSON_FIELDS = frozenset({"data"})  # free JSON values: one JSON string each
_EDGE_FIELDS = frozenset({"premises", "conclusion", "target"})  # an inference's edges hold them
_DISPLAY = frozenset({"label"})  # for display only, written for Gephi and the like
_EDGE_EXTRAS = frozenset({"id"})  # what GEXF readers add to every edge
_ROLES = ("premise", "conclusion", "target", "source")
# Node attributes that mark the one node of a kind that the map singles out.
_MARKS = {"central": ("claim", "central claim"), "default": ("source", "map's default source")}
Scalar = str | int | float | bool
_MODEL_TYPES: dict[str, type[pydantic.BaseModel]] = {
    "claim": Claim,
    "premise": Premise,
    "case": Case,
    "rebuttal": Rebuttal,
    "support": Support,
    "attack": Attack,
    "source": Source,
}


def to_networkx(m: ArgumentMap) -> nx.DiGraph[str]:
    """Return a plain copy of the map's graph, with one node per source, that any writer takes.

    Node and edge attributes are strings, numbers and booleans only (see the module's docs for
    their names), so ``nx.write_graphml``, ``nx.write_gexf`` and ``nx.node_link_data`` work on it.
    The copy is independent of the map: change it freely.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(title="Tiny")
        >>> _ = m.claim("c", "Pressure works.")
        >>> _ = m.premise("p", "Talks followed pressure.", tags=["history"])
        >>> _ = m.support("p", "c", id="s")
        >>> g = to_networkx(m)
        >>> dict(g.nodes["p"])
        {'kind': 'premise', 'label': 'p', 'text': 'Talks followed pressure.', 'tags.0': 'history'}
        >>> sorted(g.edges(data="role"))
        [('p', 's', 'premise'), ('s', 'c', 'conclusion')]
    """
    require_map(m, "to_networkx")
    g: nx.DiGraph[str] = nx.DiGraph()
    if m.title is not None:
        g.graph["title"] = m.title
    if m.data:  # what a file format said of the whole map (AIF's dialogue, OVA's layout)
        g.graph["data"] = json.dumps(m.data, ensure_ascii=False, sort_keys=True)
    for source in m.sources.values():
        attrs = _flatten_model(source, "source")
        if source.id == m.default_source:
            attrs["default"] = True
        g.add_node(source.id, **attrs)
    for node in m.nodes():
        attrs = _flatten_model(node, node.kind)
        if node.id == m.central:
            attrs["central"] = True
        g.add_node(node.id, **attrs)
    for statement in m.statements():
        cited = getattr(statement, "cites", ())
        for source_id in dict.fromkeys([*(q.source for q in statement.quotes), *cited]):
            g.add_edge(source_id, statement.id, role="source")
    for inference in m.inferences():
        for position, premise in enumerate(inference.premises):
            g.add_edge(premise, inference.id, role="premise", position=position)
        role = "conclusion" if inference.kind == "support" else "target"
        g.add_edge(inference.id, inference.target, role=role)
    return g


def from_networkx(g: nx.Graph[Any]) -> ArgumentMap:
    """Build a map from a graph in :func:`to_networkx`'s shape (as read from GraphML, GEXF, ...).

    ``to_networkx(m)`` read back gives a map equal to ``m``. Nodes are added in the graph's order;
    a ``label`` attribute is for display and is ignored.

    Raises:
        InvalidMapError: The graph does not describe a map: the message names the node or edge
            (a missing or unknown ``kind``, an attribute that is not a field of its kind, an edge
            whose role does not fit the nodes it joins, an inference without a target) or the
            map's rule it breaks.

    Examples:
        >>> import networkx as nx
        >>> g = nx.DiGraph()
        >>> g.add_node("c", kind="claim", text="Pressure works.")
        >>> g.add_node("p", kind="premise", text="Talks followed pressure.")
        >>> g.add_node("s", kind="support")
        >>> g.add_edge("p", "s", role="premise")
        >>> g.add_edge("s", "c", role="conclusion")
        >>> from_networkx(g).supporters("c")
        ['p']
        >>> g.add_edge("c", "p", role="premise")
        >>> from_networkx(g)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.exceptions.InvalidMapError: edge 'c' -> 'p' has role 'premise', but ... premise
    """
    if not isinstance(g, nx.Graph):
        raise ArgmapError(f"from_networkx needs a networkx graph, got {type(g).__name__}")
    if g.is_multigraph() or not g.is_directed():
        raise InvalidMapError(
            f"a map's graph is a directed graph without parallel edges (nx.DiGraph), "
            f"not a {type(g).__name__}; build it with to_networkx() or convert it first"
        )
    kinds = {node_id: _kind_of(node_id, attrs) for node_id, attrs in g.nodes(data=True)}
    edges = _edges_by_node(g, kinds)
    sources: list[Source] = []
    nodes: list[Any] = []
    marked: dict[str, list[str]] = {mark: [] for mark in _MARKS}
    for node_id, attrs in g.nodes(data=True):
        kind = kinds[node_id]
        fields = {**_unflatten(node_id, kind, attrs), "id": node_id}
        for mark, (marks_kind, what) in _MARKS.items():
            value = fields.pop(mark, False)
            if value is not True and value is not False:
                raise InvalidMapError(
                    f"node {node_id!r}: {mark!r} is {value!r}; it is true or false", node=node_id
                )
            if value and kind != marks_kind:
                raise InvalidMapError(
                    f"node {node_id!r} is marked {mark} but is a {kind}; "
                    f"only a {marks_kind} can be the {what}",
                    node=node_id,
                )
            if value:
                marked[mark].append(node_id)
        if kind in INFERENCE_KINDS:
            fields["premises"] = edges.premises.get(node_id, [])
            head = edges.heads.get(node_id)
            if head is None:
                role = "conclusion" if kind == "support" else "target"
                raise InvalidMapError(
                    f"{kind} {node_id!r} has no {role} edge; "
                    f"add an edge from it with role {role!r}",
                    node=node_id,
                )
            fields["conclusion" if kind == "support" else "target"] = head
        if kind == "source":
            sources.append(_validate(node_id, fields, Source.model_validate))
        else:
            nodes.append(_validate(node_id, {"kind": kind, **fields}, node_adapter.validate_python))
    for mark, (_, what) in _MARKS.items():
        if len(marked[mark]) > 1:
            raise InvalidMapError(
                f"nodes {', '.join(map(repr, marked[mark]))} are all marked {mark}; a map has "
                f"one {what}",
                node=marked[mark][1],
            )
    _check_source_edges(nodes, edges.source_edges)
    _check_graph_attributes(g.graph)
    title = g.graph.get("title")
    if title is not None and not isinstance(title, str):
        raise InvalidMapError(f"the graph's title is a {type(title).__name__}, not text")
    data = _graph_data(g.graph.get("data"))
    return ArgumentMap(
        title=title,
        data=data,
        sources=sources,
        nodes=nodes,
        central=next(iter(marked["central"]), None),
        default_source=next(iter(marked["default"]), None),
    )


_GRAPH_ATTRIBUTES = {"title", "data"}
"""The graph attributes a map is read from (its title and data)."""

_READERS_OWN = {"node_default", "edge_default", "mode", "name", "start", "end"}
"""Graph attributes networkx's own readers and constructors set (GraphML's defaults, GEXF's
mode and time span, ``nx.DiGraph(name=...)``), which say nothing about the map."""


def _check_graph_attributes(attributes: Mapping[str, Any]) -> None:
    """Refuse a graph attribute the map would drop, as an unknown node attribute is refused:
    ``g.graph["central"] = "c"`` was ignored without a word."""
    for key in attributes:
        if key in _GRAPH_ATTRIBUTES or key in _READERS_OWN:
            continue
        hint = (
            f"mark the node instead: g.nodes[<id>][{key!r}] = True"
            if key in _MARKS
            else "keep the map's own free data as a JSON object in the graph attribute 'data'"
        )
        raise InvalidMapError(
            f"the graph attribute {key!r} is not part of a map (a graph has 'title' and "
            f"'data'); {hint}"
        )


def _edge_error(u: str, v: str, message: str, *, node: str) -> InvalidMapError:
    """An error of the edge ``u`` -> ``v``; its place says which edge, for a reader of a file
    to find its line."""
    error = InvalidMapError(message, node=node)
    error.place = ("edges", u, v)
    return error


def read_graph(
    parse: Callable[[], nx.Graph[Any]],
    *,
    format_name: str,
    path: str | None = None,
    text: str | None = None,
) -> ArgumentMap:
    """Parse a graph file's text with ``parse`` and read the graph as a map.

    For the readers of graph formats (GraphML, GEXF): any failure, of the XML, of networkx's
    reader or of :func:`from_networkx`, becomes one :class:`~argmap.exceptions.FileFormatError`
    naming ``path``, the line (when the XML says it, or, given the XML ``text``, the line of the
    ``<node>`` or ``<edge>`` that does not fit a map), and the problem.
    """
    try:
        g = parse()
    except ElementTree.ParseError as exc:
        line, column = exc.position
        raise FileFormatError(
            f"not valid {format_name}: {exc.msg.split(':')[0]} (column {column + 1})",
            path=path,
            line=line,
        ) from None
    except (nx.NetworkXError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise FileFormatError(f"not valid {format_name}: {exc}", path=path) from None
    except RuntimeError:  # networkx's GEXF reader re-raises nothing on an unknown class
        raise FileFormatError(
            f"not valid {format_name}: networkx's reader cannot read it (an attribute class or "
            "value it does not know)",
            path=path,
        ) from None
    try:
        return from_networkx(g)
    except InvalidMapError as exc:
        raise FileFormatError(
            f"the {format_name} graph is not a map: {exc}",
            path=path,
            line=_line_of(exc, text) if text is not None else None,
        ) from None


def _line_of(error: InvalidMapError, text: str) -> int | None:
    """The line of the element of a graph file (GraphML, GEXF) that ``error`` is about."""
    place = error.place
    if place is not None and place[0] == "edges":
        _, u, v = place
        return element_line(
            text,
            lambda tag, at: tag == "edge" and at.get("source") == u and at.get("target") == v,
        )
    node = error.node
    if node is None:
        return None
    return element_line(text, lambda tag, at: tag == "node" and at.get("id") == node)


# -- writing -------------------------------------------------------------------------------------


def _flatten_model(model: pydantic.BaseModel, kind: str) -> dict[str, Scalar]:
    attrs: dict[str, Scalar] = {"kind": kind}
    title = getattr(model, "title", None)
    attrs["label"] = title if isinstance(title, str) else str(getattr(model, "id", ""))
    data = model.model_dump(mode="json", exclude_defaults=True)
    for name, value in data.items():
        if name in ("id", "kind") or name in _EDGE_FIELDS:
            continue
        if name in _JSON_FIELDS:
            attrs[name] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        else:
            _flatten(value, name, attrs)
    return attrs


def _flatten(value: Any, key: str, out: dict[str, Scalar]) -> None:
    if value is None:
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            _flatten(item, f"{key}.{i}", out)
    elif isinstance(value, dict):
        for name, item in value.items():
            _flatten(item, f"{key}.{name}", out)
    else:
        out[key] = value


# -- reading -------------------------------------------------------------------------------------


class _Edges:
    """An inference's premises (in order) and head, and the source edges, read from the graph."""

    def __init__(self) -> None:
        self.premises: dict[str, list[str]] = {}
        self.heads: dict[str, str] = {}
        self.source_edges: set[tuple[str, str]] = set()


def _kind_of(node_id: Any, attrs: Mapping[str, Any]) -> str:
    if not isinstance(node_id, str):
        raise InvalidMapError(
            f"node {node_id!r} has a {type(node_id).__name__} id; node ids are text "
            "(relabel the graph with nx.relabel_nodes(g, str))"
        )
    kind = attrs.get("kind")
    known = (*STATEMENT_KINDS, *INFERENCE_KINDS, "source")
    if kind not in known:
        what = "has no 'kind' attribute" if kind is None else f"has unknown kind {kind!r}"
        raise InvalidMapError(
            f"node {node_id!r} {what}; use one of {', '.join(known)}", node=node_id
        )
    return str(kind)


def _edges_by_node(g: nx.Graph[Any], kinds: Mapping[str, str]) -> _Edges:
    found = _Edges()
    positions: dict[str, list[tuple[float, int, str]]] = {}
    for order, (u, v, attrs) in enumerate(g.edges(data=True)):
        role = attrs.get("role")
        name = f"edge {u!r} -> {v!r}"
        if role not in _ROLES:
            what = "has no 'role' attribute" if role is None else f"has unknown role {role!r}"
            raise _edge_error(u, v, f"{name} {what}; use one of {', '.join(_ROLES)}", node=str(v))
        tail, head = kinds[u], kinds[v]
        fits = {
            "premise": (tail in STATEMENT_KINDS and head in INFERENCE_KINDS),
            "conclusion": (tail == "support" and head in STATEMENT_KINDS),
            "target": (tail == "attack" and head != "source"),
            "source": (tail == "source" and head in STATEMENT_KINDS),
        }[role]
        if not fits:
            raise _edge_error(
                u,
                v,
                f"{name} has role {role!r}, but {_ROLE_SHAPES[role]}, and "
                f"{_which(u, tail, v, head, role)}",
                node=str(v),
            )
        allowed = {"role", "position"} if role == "premise" else {"role"}
        unknown = set(attrs) - allowed - _EDGE_EXTRAS
        if unknown:
            raise _edge_error(
                u,
                v,
                f"{name} has unknown attribute {sorted(unknown)[0]!r}; an edge has a role "
                "(and a premise edge a position) only",
                node=str(v),
            )
        if role == "premise":
            position = _plain(attrs.get("position", math.inf))
            if (
                isinstance(position, bool)
                or not isinstance(position, int | float)
                or math.isnan(position)  # sorting by NaN scrambled the premises silently
            ):
                raise _edge_error(
                    u,
                    v,
                    f"{name} has position {position!r}; a premise's position is a number",
                    node=str(v),
                )
            positions.setdefault(v, []).append((position, order, u))
        elif role == "source":
            found.source_edges.add((u, v))
        elif u in found.heads:
            raise _edge_error(
                u,
                v,
                f"{tail} {u!r} has two {role} edges, to {found.heads[u]!r} and {v!r}; "
                f"an inference bears on one {role}",
                node=u,
            )
        else:
            found.heads[u] = v
    for inference, premises in positions.items():
        ranked = sorted(premises)
        for (at, _, first), (again, _, second) in itertools.pairwise(ranked):
            if at == again and at != math.inf:  # a premise order the graph does not say
                raise _edge_error(
                    second,
                    inference,
                    f"premise edges {first!r} and {second!r} of {inference!r} share position "
                    f"{at!r}; number an inference's premises 0, 1, ... (or give none)",
                    node=str(inference),
                )
        found.premises[inference] = [u for _, _, u in ranked]
    return found


def _plain(value: object) -> object:
    """A numpy scalar (from pandas, or numpy's own) as the Python value it holds; else ``value``.

    A graph built from a DataFrame holds ``numpy.int64`` and ``numpy.bool_``, which are numbers
    and booleans to its author but no ``int`` or ``bool`` to Python.
    """
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:  # not an array
        plain = value.item()  # type: ignore[attr-defined]
        if isinstance(plain, Scalar):
            return plain
    return value


def _type_name(value: object) -> str:
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


_ROLE_SHAPES = {
    "premise": "a premise edge runs from a statement to a support or attack",
    "conclusion": "a conclusion edge runs from a support to a statement",
    "target": "a target edge runs from an attack to a statement, a support or an attack",
    "source": "a source edge runs from a source to a statement that quotes or cites it",
}


def _which(u: str, tail: str, v: str, head: str, role: str) -> str:
    """Name the end of a misfit edge that is wrong."""
    tail_ok = {
        "premise": tail in STATEMENT_KINDS,
        "conclusion": tail == "support",
        "target": tail == "attack",
        "source": tail == "source",
    }[role]
    return f"{v!r} is a {head}" if tail_ok else f"{u!r} is a {tail}"


def _unflatten(node_id: str, kind: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    model_fields = _fields_of(kind)
    fields: dict[str, Any] = {}
    parts: dict[str, dict[str, Any]] = {}
    for key, raw in attrs.items():
        if key in ("kind", *_DISPLAY) or (key == "id" and raw == node_id):
            continue
        value = _plain(raw)
        if not isinstance(value, Scalar):
            raise InvalidMapError(
                f"node {node_id!r}: attribute {key!r} is a {_type_name(raw)}; "
                "attributes are text, numbers or booleans (see argmap.io.networkx)",
                node=node_id,
            )
        if key == "id":
            raise InvalidMapError(
                f"node {node_id!r} has an 'id' attribute {value!r}; a node's id is its key in "
                "the graph (relabel the node, or drop the attribute)",
                node=node_id,
            )
        name, dot, rest = key.partition(".")
        if key in _MARKS or (not dot and name in model_fields):
            fields[key] = _from_json(node_id, key, value) if key in _JSON_FIELDS else value
        elif dot and name in model_fields and name not in _JSON_FIELDS:
            parts.setdefault(name, {})[rest] = value
        else:
            raise InvalidMapError(
                f"node {node_id!r}: {key!r} is not a field of a {kind}; "
                f"its fields are {', '.join(sorted(set(model_fields) - _EDGE_FIELDS - {'kind'}))}",
                node=node_id,
            )
    for name, items in parts.items():
        if name in fields:
            raise InvalidMapError(
                f"node {node_id!r} has both {name!r} and {name + '.'!r} fields; keep one",
                node=node_id,
            )
        if get_origin(model_fields[name].annotation) in (tuple, list):
            fields[name] = _as_list(node_id, name, items)
        else:
            fields[name] = items
    return fields


def _as_list(node_id: str, name: str, items: Mapping[str, Any]) -> list[Any]:
    """Turn ``{"0": a, "1.text": b, "1.source": c}`` into ``[a, {"text": b, "source": c}]``."""
    by_index: dict[int, Any] = {}
    for rest, value in items.items():
        index, dot, sub = rest.partition(".")
        if not (index.isascii() and index.isdigit()):  # isdigit() alone takes '²'
            raise InvalidMapError(
                f"node {node_id!r}: in {f'{name}.{rest}'!r}, {index!r} is not a position; "
                f"number the items: {name}.0, {name}.1, ...",
                node=node_id,
            )
        if dot:
            item = by_index.setdefault(int(index), {})
            if not isinstance(item, dict):
                raise InvalidMapError(
                    f"node {node_id!r} has both {f'{name}.{index}'!r} and "
                    f"{f'{name}.{index}.{sub}'!r}; keep one",
                    node=node_id,
                )
            item[sub] = value
        elif int(index) in by_index:
            part = next(iter(by_index[int(index)]))
            raise InvalidMapError(
                f"node {node_id!r} has both {f'{name}.{index}'!r} and "
                f"{f'{name}.{index}.{part}'!r}; keep one",
                node=node_id,
            )
        else:
            by_index[int(index)] = value
    return [by_index[i] for i in sorted(by_index)]


def _fields_of(kind: str) -> Mapping[str, Any]:
    return _MODEL_TYPES[kind].model_fields


def _graph_data(value: object) -> dict[str, Any] | None:
    """The map's own data, kept in the graph attribute ``data`` as a JSON object."""
    if value is None:
        return None
    try:
        data = _json(value) if isinstance(value, str) else None
    except ValueError as exc:
        raise InvalidMapError(f"the graph's data is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InvalidMapError(
            "the graph's data must be a JSON object in a string, as to_networkx writes it"
        )
    return data


def _from_json(node_id: str, key: str, value: Scalar) -> Any:
    if not isinstance(value, str):
        raise InvalidMapError(
            f"node {node_id!r}: {key!r} is a {type(value).__name__}; it holds a JSON string",
            node=node_id,
        )
    try:
        return _json(value)
    except ValueError as exc:
        raise InvalidMapError(
            f"node {node_id!r}: {key!r} is not valid JSON ({exc})", node=node_id
        ) from None


def _json(text: str) -> Any:
    """A JSON value held in an attribute string; any problem with it is a ValueError that says
    what it is: bad JSON, nesting too deep for the parser, or a number too long to read.

    (NaN, infinities and depth past the model's limit parse, and the model refuses them.)
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg}, column {exc.colno}") from None
    except RecursionError:
        raise ValueError("lists and mappings nest too deep; flatten the data") from None
    except ValueError as exc:  # a whole number past sys.get_int_max_str_digits
        raise ValueError(f"{exc}".split(";")[0] + "; keep such a number as text") from None


def _validate(node_id: str, fields: dict[str, Any], validate: Any) -> Any:
    try:
        return validate(fields)
    except pydantic.ValidationError as exc:
        problems = validation_problem(exc)
        raise InvalidMapError(f"node {node_id!r}: {problems}", node=node_id) from None


def _check_source_edges(nodes: Iterable[Any], edges: set[tuple[str, str]]) -> None:
    """The source edges must be exactly those that the statements' quotes and citations imply."""
    implied: set[tuple[str, str]] = set()
    for node in nodes:
        if node.kind in STATEMENT_KINDS:
            used = [q.source for q in node.quotes] + list(getattr(node, "cites", ()))
            implied.update((source, node.id) for source in used)
    for source, statement in sorted(edges - implied):
        raise InvalidMapError(
            f"edge {source!r} -> {statement!r} has role 'source', but {statement!r} neither "
            f"quotes nor cites {source!r}; remove the edge or add the quote or citation",
            node=statement,
        )
    for source, statement in sorted(implied - edges):
        raise InvalidMapError(
            f"{statement!r} quotes or cites {source!r}, but the graph has no edge "
            f"{source!r} -> {statement!r} with role 'source'; add it",
            node=statement,
        )
