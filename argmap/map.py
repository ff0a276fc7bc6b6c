"""The argument map: typed nodes on a networkx graph, changed only through an API that keeps it
valid.

Statements and inferences are both nodes of one directed graph, as in AIF: an edge runs from each
premise to its inference (role ``"premise"``) and from the inference to its conclusion or target
(role ``"conclusion"`` or ``"target"``). Each node's ``model`` attribute holds its pydantic model.

The rules the map keeps (each break raises :class:`~argmap.exceptions.InvalidMapError` naming the
node):

- ids are unique across statements, inferences and sources;
- every reference resolves: premises, conclusions, targets, quotes' and citations' sources, the
  statements that answer critical questions;
- an inference has at least one premise, each a statement, listed once, and exactly one target;
- a support's conclusion is a statement, and never one of its own premises;
- an attack's target is a statement (a rebuttal) or an inference (an undercutter): a support, or
  another attack, as long as attacks do not target each other in a circle;
- a scheme named by a support is in the catalogue, and critical questions belong to its scheme;
- every quote of a statement occurs verbatim in its source's text (when the source has a text);
- the central claim is a claim;
- a node that others refer to is removed only with ``cascade=True``.

Support cycles are allowed: they are a gap the checks report, not a malformed map.

Examples:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Tiny")
    >>> m.claim("c", "Pressure works.")
    Claim(id='c', text='Pressure works.')
    >>> _ = m.premise("p", "The regime answered every campaign.")
    >>> m.support(["p"], "c").id
    's1'
    >>> m.central = "c"
    >>> [s.id for s in m.supports_of("c")]
    ['s1']
"""

from __future__ import annotations

import inspect
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, overload

import pydantic
from pydantic_core import PydanticSerializationError

from argmap.attributes import ROLE_ATTRIBUTES, NodeAttributes
from argmap.delegates import lent
from argmap.exceptions import (
    ArgmapError,
    InvalidMapError,
    QuoteNotFoundError,
    UnknownNodeError,
    UnknownSchemeWarning,
    validation_problem,
)
from argmap.ids import nfc_hint, shown_id
from argmap.index import MapIndex, gc_untrack, paused_gc
from argmap.model import (
    Attack,
    Case,
    Claim,
    Data,
    FrozenData,
    FrozenMap,
    Inference,
    Premise,
    Quote,
    Rebuttal,
    Source,
    Statement,
    Support,
    _no_controls,
    quick_node,
)
from argmap.params import items, mapping, text
from argmap.quotes import closest_passage, find_quote, normalisation_hint
from argmap.schemes import find_scheme, similar_schemes
from argmap.wording import counted

if TYPE_CHECKING:
    from typing import Unpack

    import graphviz
    import networkx as nx
    import pandas

    from argmap.diagram_types import DiagramChanges, Options

__all__ = ["ArgumentMap", "require_map"]

AnyNode = Claim | Premise | Case | Rebuttal | Support | Attack
Kind = Literal["claim", "premise", "case", "rebuttal", "support", "attack"]
_N = TypeVar("_N", bound=AnyNode)
_S = TypeVar("_S", Claim, Premise, Case, Rebuttal)
_I = TypeVar("_I", Support, Attack)
_M = TypeVar("_M", bound=pydantic.BaseModel)

_STATEMENT_TYPES = (Claim, Premise, Case, Rebuttal)
_INFERENCE_TYPES = (Support, Attack)
_NODE_TYPES = (Claim, Premise, Case, Rebuttal, Support, Attack)
_NODE_CLASSES: frozenset[type] = frozenset(_NODE_TYPES)  # exactly these; a subclass: one by one
_KINDS = ("claim", "premise", "case", "rebuttal", "support", "attack")
_DATA: pydantic.TypeAdapter[dict[str, Any]] = pydantic.TypeAdapter(Data)
_NEW = "ArgumentMap"  # where the constructor's arguments are checked, as errors name it


class ArgumentMap:
    """An argument map: statements, the supports and attacks that join them, and their sources.

    Args:
        title: A title for the map, shown in reports and diagrams.
        sources: Sources to add first.
        nodes: Statements and inferences to add, in any order.
        central: The id of the central claim.
        data: Free data about the whole map (JSON values by key), as file formats carry it.

    Raises:
        InvalidMapError: A node breaks one of the map's rules; its ``place`` says which input.

    Examples:
        >>> from argmap import ArgumentMap, Claim, Premise, Support
        >>> m = ArgumentMap(
        ...     title="Built at once",
        ...     nodes=[Support(id="s", premises=["p"], conclusion="c"),
        ...            Claim(id="c", text="C."), Premise(id="p", text="P.")],
        ...     central="c",
        ... )
        >>> [n.id for n in m.nodes()], m.supporters("c")
        (['s', 'c', 'p'], ['p'])
    """

    def __init__(
        self,
        *,
        title: str | None = None,
        sources: Iterable[Source] = (),
        nodes: Iterable[AnyNode] = (),
        central: str | None = None,
        default_source: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> None:
        self._setup(title, data)
        with paused_gc():
            for i, source in enumerate(items(sources, where=_NEW, name="sources", item="source")):
                with _placed("sources", i):
                    self.add_source(source)
            self._add_all(list(items(nodes, where=_NEW, name="nodes", item="node")), checked="no")
        if central is not None:
            with _placed("central"):
                self.central = central
        if default_source is not None:
            with _placed("default_source"):
                self.default_source = default_source

    def _setup(self, title: str | None, data: Mapping[str, Any] | None = None) -> None:
        with _placed("title"):
            self.title = title
        with _placed("data"):
            self.data = {} if data is None else data
        # networkx loads with the first map, not with `import argmap` (a third of its time).
        from networkx import DiGraph  # noqa: PLC0415

        self._g: nx.DiGraph[str] = DiGraph()
        self._index = MapIndex()
        self._sources: dict[str, Source] = {}
        self._central: str | None = None
        self._default_source: str | None = None
        self._next_id: dict[str, int] = {}
        self._untrack = gc_untrack()

    @classmethod
    def _trusted(
        cls,
        *,
        title: str | None,
        sources: Iterable[Source],
        nodes: list[AnyNode],
        central: str | None,
        checked: Literal["models", "map"],
        default_source: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> ArgumentMap:
        """Build a map from models that are known valid, without validating each one again.

        ``checked="models"``: each model was just validated by pydantic (as the loader's are);
        the map's own rules (ids, references, quotes) are still checked. ``checked="map"``: the
        nodes come from a map, in its order, so they already keep every rule (copy, unpickle).
        """
        m = cls.__new__(cls)
        m._setup(title, data)
        with paused_gc():
            if checked == "map":
                m._sources = {s.id: s for s in sources}
            else:
                for i, source in enumerate(sources):
                    with _placed("sources", i):
                        m.add_source(source)
            m._add_all(nodes, checked=checked)
        if central is not None:
            with _placed("central"):
                m.central = central
        if default_source is not None:
            with _placed("default_source"):
                m.default_source = default_source
        return m

    @classmethod
    def from_validated(
        cls,
        *,
        title: str | None = None,
        sources: Iterable[Source] = (),
        nodes: Iterable[AnyNode] = (),
        central: str | None = None,
        default_source: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> ArgumentMap:
        """Build a map, as the constructor does, from models that pydantic has just validated.

        For readers of file formats: the constructor validates each model again (it may have
        been made with ``model_construct`` or changed with ``model_copy(update=...)``), which a
        reader's freshly validated models do not need; on a large file that is a third of the
        time. The map's own rules (ids, references, quotes, the central claim) are checked all
        the same. Pass only models that a validation made and nothing changed since.

        Raises:
            InvalidMapError: A node breaks one of the map's rules; its ``place`` says which input.

        Examples:
            >>> from argmap.model import Claim, Premise, Support
            >>> nodes = [Claim(id="c", text="C."), Premise(id="p", text="P."),
            ...          Support(id="s", premises=["p"], conclusion="c")]
            >>> ArgumentMap.from_validated(nodes=nodes, central="c") == ArgumentMap(nodes=nodes,
            ...                                                                    central="c")
            True
        """
        return cls._trusted(
            title=title,
            sources=sources,
            nodes=list(nodes),
            central=central,
            default_source=default_source,
            data=data,
            checked="models",
        )

    def _add_all(self, nodes: list[AnyNode], *, checked: Literal["no", "models", "map"]) -> None:
        """Add ``nodes`` in their order, in two passes: the nodes, then their references.

        The first pass checks each node alone (its model, its id, its quotes) and inserts it, so
        the graph lists nodes in the order given; the second checks every inference's references
        against all the nodes and inserts its edges. Inferences may come before what they name.

        Models already validated (``checked`` "models" or "map") go in bulk first; if anything
        is amiss there, the map starts again node by node, which names the node and the rule.
        """
        if checked != "no" and not self._g:
            misspelt = self._add_bulk(nodes, check=checked == "models")
            if misspelt is not None:
                for inference in misspelt:  # as _check_inference warns, from the same depth
                    _warn_if_misspelt(inference)
                return
        inferences: list[tuple[int, Support | Attack]] = []
        g: Any = self._g
        i = 0
        try:  # one handler for the whole pass: a `with` per node costs more than the node
            for i, node in enumerate(nodes):
                if checked == "map":
                    stored = node
                else:
                    stored = self._accepted(node, revalidate=checked == "no")
                if isinstance(stored, _INFERENCE_TYPES):
                    if checked != "map":
                        _check_not_self(stored)
                    g._node[stored.id] = self._attributes(stored)
                    g._succ[stored.id] = {}
                    g._pred[stored.id] = {}
                    inferences.append((i, stored))
                else:
                    self._insert(stored)
        except InvalidMapError as exc:
            exc.place = ("nodes", i)
            raise
        if not inferences:
            return
        bears_on = self._resolve_targets(inferences)
        try:
            for i, inference in inferences:  # noqa: B007  # ``i`` names the place of an error
                if checked != "map":
                    self._check_inference(inference)
                self._insert_edges(inference, bears_on[inference.id])
        except InvalidMapError as exc:
            exc.place = ("nodes", i)
            raise
        _clear_cache(self._g)

    def _add_bulk(self, nodes: list[AnyNode], *, check: bool) -> list[Support | Attack] | None:
        """Add validated models to an empty map in one pass over the nodes and one over the
        inferences, filling the graph's and the index's dicts directly; return the inferences
        whose scheme looks misspelt (to warn of once the map is built).

        ``check``: check the map's rules (ids, references, quotes, questions), as the node by
        node path does; the nodes of a map (a copy) keep them already. On anything unusual (a
        model of another class, a repeated id, a reference that does not resolve, questions
        answered or raised) the map is emptied and None returned: the node by node path then
        adds the nodes again and names the node and the rule where one is broken.
        """
        try:
            inferences = self._bulk_nodes(nodes, check=check)
            misspelt = self._bulk_inferences(inferences, check=check)
        except (_Unusual, InvalidMapError):
            from networkx import DiGraph  # noqa: PLC0415

            self._g = DiGraph()
            self._index = MapIndex()
            return None
        _clear_cache(self._g)
        return misspelt

    def _bulk_nodes(self, nodes: list[AnyNode], *, check: bool) -> list[Support | Attack]:
        """The first pass of :meth:`_add_bulk`: every node into the graph, the statements into
        the index; return the inferences, in order."""
        g: Any = self._g
        gnode, succ, pred = g._node, g._succ, g._pred
        index = self._index
        statements = index.statements
        inferences: list[Support | Attack] = []
        for node in nodes:
            kind = type(node)
            if kind not in _NODE_CLASSES:
                raise _Unusual  # a subclass, or not a node: the node by node path says which
            stored: Any = node
            node_id = stored.id
            if node_id in gnode:
                raise _Unusual
            if kind is Support or kind is Attack:
                if stored.target == node_id:
                    raise _Unusual
                inferences.append(stored)
            elif stored.quotes or (kind is Case and stored.cites):
                if check:
                    stored = self._verified(stored)
                index.add_statement(stored, _sources_used(stored))
            else:
                statements[node_id] = stored
            gnode[node_id] = self._attributes(stored)
            succ[node_id] = {}
            pred[node_id] = {}
        if self._sources and not self._sources.keys().isdisjoint(gnode):
            raise _Unusual
        return inferences

    def _bulk_inferences(
        self, inferences: list[Support | Attack], *, check: bool
    ) -> list[Support | Attack]:
        """The second pass of :meth:`_add_bulk`: each inference's references checked, its edges
        into the graph, itself into the index; return those whose scheme looks misspelt."""
        g: Any = self._g
        gnode, succ, pred = g._node, g._succ, g._pred
        statements = self._index.statements
        misspelt: list[Support | Attack] = []
        similar: dict[str, bool] = {}
        bears: dict[str, str] = {}
        chained: list[tuple[int, Support | Attack]] = []
        for i, inference in enumerate(inferences):
            target = inference.target
            if target in statements:
                bears[inference.id] = target
            elif type(inference) is Support:
                raise _Unusual  # a support concludes a statement
            else:
                chained.append((i, inference))
            if not check:
                continue
            for premise in inference.premises:
                if premise not in statements:
                    raise _Unusual
            if target not in gnode or (
                inference.answered if type(inference) is Support else inference.question  # type: ignore[union-attr]
            ):
                raise _Unusual
            scheme = inference.scheme
            if scheme is not None:
                close = similar.get(scheme)
                if close is None:
                    close = similar[scheme] = bool(similar_schemes(scheme))
                if close:
                    misspelt.append(inference)
        if chained:
            bears.update(self._resolve_targets(chained))
        premise_role = ROLE_ATTRIBUTES["premise"]
        roles = {"support": ROLE_ATTRIBUTES["conclusion"], "attack": ROLE_ATTRIBUTES["target"]}
        add_inference = self._index.add_inference
        for inference in inferences:
            node_id = inference.id
            into = pred[node_id]
            for premise in inference.premises:
                succ[premise][node_id] = into[premise] = premise_role
            target = inference.target
            succ[node_id][target] = pred[target][node_id] = roles[inference.kind]
            add_inference(inference, bears[node_id])
        return misspelt

    def _resolve_targets(self, inferences: list[tuple[int, Support | Attack]]) -> dict[str, str]:
        """Find the statement each inference bears on, following attacks on attacks.

        Each chain is walked once (what a walk finds is remembered), so a chain of any length
        costs its length.

        Raises:
            InvalidMapError: Attacks target each other in a circle; ``place`` names the input.
        """
        position = {inference.id: i for i, inference in inferences}
        statements = self._index.statements
        found: dict[str, str] = {}
        for _, start in inferences:
            chain: list[Support | Attack] = []
            on_chain: set[str] = set()
            current = start
            while True:
                target = current.target
                if target in statements:
                    bears = target
                    break
                if target in found:
                    bears = found[target]
                    break
                model = self._g._node.get(target)  # type: ignore[attr-defined]
                if model is None or current.kind == "support" or target == current.id:
                    bears = target  # unknown, or not a statement: the reference check says so
                    break
                chain.append(current)
                on_chain.add(current.id)
                if target in on_chain:
                    ids = [n.id for n in chain]
                    circle = ids[ids.index(target) :]
                    error = InvalidMapError(
                        f"attacks {' -> '.join([*circle, circle[0]])} target each other in a "
                        "circle; an attack can only target an attack that stands without it",
                        node=circle[0],
                    )
                    error.place = ("nodes", position[target])
                    raise error
                current = model.model
            found[current.id] = bears
            for node in chain:
                found[node.id] = bears
        return found

    # -- reading -------------------------------------------------------------------------------

    @property
    def title(self) -> str | None:
        """The map's title, shown in reports and diagrams."""
        return self._title

    @title.setter
    def title(self, value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            raise InvalidMapError(
                f"the map's title must be text (a str) or None, not {type(value).__name__}"
            )
        if value is not None:
            try:
                _no_controls(value)
            except ValueError as exc:
                raise InvalidMapError(f"the map's title {exc}") from None
        self._title = value

    @property
    def data(self) -> FrozenData:
        """The map's free data: JSON values by key, for what a file format says of the whole
        map and argmap has no field for (AIF's dialogue nodes, OVA's layout, SADFace's
        metadata), kept so that writing the map back gives them back. Read-only; assign a new
        mapping to change it.
        """
        return self._data

    @data.setter
    def data(self, value: Mapping[str, Any]) -> None:
        try:
            given = mapping(
                value, where="the map", name="data", want="a mapping of names to values"
            )
            self._data = cast("FrozenData", _DATA.validate_python(given))
        except pydantic.ValidationError as exc:
            raise InvalidMapError(f"the map's data: {validation_problem(exc)}") from None

    @property
    def graph(self) -> nx.DiGraph[str]:
        """A read-only view of the underlying graph; change the map through its methods.

        The view follows the map's changes. It is frozen (networkx raises on a change to its
        structure) and its node and edge attributes are read-only (a change raises TypeError).
        """
        view: nx.DiGraph[str] = self._g.copy(as_view=True)
        return view

    @property
    def adjacency(self) -> tuple[Mapping[str, Mapping[str, Any]], Mapping[str, Mapping[str, Any]]]:
        """The graph's successors and predecessors by node id, for a fast walk by readers.

        ``succ[n]`` and ``pred[n]`` hold the ids that ``n``'s edges lead to and come from (each
        with its edge attributes), as networkx's own traversals read them: the map's own dicts,
        not a copy or a view, so a walk over a large map costs no more than networkx's. Read
        them, never change them; :attr:`graph` is the frozen view for everything else.

        Examples:
            >>> m = ArgumentMap()
            >>> _ = m.claim("c", "C."), m.premise("p", "P."), m.support("p", "c", id="s")
            >>> succ, pred = m.adjacency
            >>> list(succ["p"]), list(pred["s"]), list(succ["s"])
            (['s'], ['p'], ['c'])
        """
        g: Any = self._g
        return g._succ, g._pred

    @property
    def index(self) -> MapIndex:
        """Who supports, attacks, uses and answers whom, by id (see :mod:`argmap.index`).

        The map keeps it in step with every change. Read it; never change it.
        """
        return self._index

    @property
    def sources(self) -> Mapping[str, Source]:
        """The map's sources by id (read-only)."""
        return MappingProxyType(self._sources)

    @property
    def default_source(self) -> str | None:
        """The id of the source that quotes given as plain text come from when no ``source=`` is
        passed, or ``None``; it saves repeating ``source=`` in a map built from one text.

        Raises:
            UnknownNodeError: (on setting) The map has no source of that id.

        Examples:
            >>> from argmap import ArgumentMap, Source
            >>> m = ArgumentMap()
            >>> _ = m.add_source(Source(id="art", title="An article", text="Talks resumed."))
            >>> m.default_source = "art"
            >>> m.case("talks", "The talks resumed.", quotes=["Talks resumed."]).quotes[0].source
            'art'
        """
        return self._default_source

    @default_source.setter
    def default_source(self, source_id: str | None) -> None:
        if source_id is not None:
            text(source_id, where="the map", name="default_source", want="a source id or None")
        if source_id is not None and source_id not in self._sources:
            raise UnknownNodeError(
                f"the default source {shown_id(source_id)} is not a source of this map; "
                "add it first (add_source), or check the id's spelling",
                node=source_id,
                missing=source_id,
            )
        self._default_source = source_id

    @property
    def central(self) -> str | None:
        """The id of the central claim, or ``None``."""
        return self._central

    @central.setter
    def central(self, node_id: str | None) -> None:
        if node_id is not None and not isinstance(node_id, str):
            raise InvalidMapError(
                f"the central claim is named by its id (a str), not {type(node_id).__name__}"
            )
        if node_id is not None and not isinstance(self[node_id], Claim):
            raise InvalidMapError(
                f"node {node_id!r} is a {self[node_id].kind}; the central claim must be a claim",
                node=node_id,
            )
        self._central = node_id

    def __getitem__(self, node_id: str) -> AnyNode:
        try:
            model: AnyNode = self._g._node[node_id].model  # type: ignore[attr-defined]
        except (KeyError, TypeError):  # TypeError: an id that cannot be hashed
            raise self._unknown(node_id) from None
        return model

    def statement(self, node_id: str) -> Statement:
        """Return the statement ``node_id``.

        Raises:
            UnknownNodeError: The map holds no node ``node_id``.
            InvalidMapError: ``node_id`` is an inference, not a statement.
        """
        model = self[node_id]
        if not isinstance(model, _STATEMENT_TYPES):
            raise InvalidMapError(
                f"node {node_id!r} is a {model.kind}, not a statement", node=node_id
            )
        return model

    def __contains__(self, node_id: object) -> bool:
        try:
            return node_id in self._g._node  # type: ignore[attr-defined]
        except TypeError:  # an unhashable value is no node id
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._g)

    def __len__(self) -> int:
        return len(self._g)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self.title == other.title
            and self._data == other._data
            and self._central == other._central
            and self._default_source == other._default_source
            and self._sources == other._sources
            and self._models() == other._models()
        )

    __hash__ = None  # type: ignore[assignment]  # a map is mutable

    def __repr__(self) -> str:
        n_statements = len(self._index.statements)
        n_inferences = len(self) - n_statements
        return (
            f"<ArgumentMap {self.title!r}: {counted(n_statements, 'statement')}, "
            f"{counted(n_inferences, 'inference')}, {counted(len(self._sources), 'source')}, "
            f"central={self._central!r}>"
        )

    def _models(self) -> dict[str, AnyNode]:
        return {n: d.model for n, d in self._g._node.items()}  # type: ignore[attr-defined]

    # -- copying and pickling: the models are immutable, the graph and index are rebuilt ----------

    def __getstate__(self) -> dict[str, Any]:
        return {
            "title": self._title,
            "sources": list(self._sources.values()),
            "nodes": self.nodes(),
            "central": self._central,
            "default_source": self._default_source,
            "data": dict(self._data),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        built = ArgumentMap._trusted(checked="map", **state)
        self.__dict__.update(built.__dict__)

    def __copy__(self) -> ArgumentMap:
        return self.copy()

    def __deepcopy__(self, memo: dict[int, Any]) -> ArgumentMap:
        return self.copy()  # the models are frozen, so sharing them is as deep as copying

    @overload
    def nodes(self, kind: None = None) -> list[AnyNode]: ...
    @overload
    def nodes(self, kind: Literal["claim"]) -> list[Claim]: ...
    @overload
    def nodes(self, kind: Literal["premise"]) -> list[Premise]: ...
    @overload
    def nodes(self, kind: Literal["case"]) -> list[Case]: ...
    @overload
    def nodes(self, kind: Literal["rebuttal"]) -> list[Rebuttal]: ...
    @overload
    def nodes(self, kind: Literal["support"]) -> list[Support]: ...
    @overload
    def nodes(self, kind: Literal["attack"]) -> list[Attack]: ...
    def nodes(self, kind: Kind | None = None) -> Sequence[AnyNode]:
        """Return the node models in the order they were added, only those of ``kind`` if given.

        Examples:
            >>> from argmap.examples import north_korea
            >>> len(north_korea().nodes("case"))
            5
        """
        models = [d.model for d in self._g._node.values()]  # type: ignore[attr-defined]
        if kind is None:
            return models
        if kind == "support":
            return list(self._index.supports.values())
        if kind == "attack":
            return list(self._index.attacks.values())
        if kind not in _KINDS:
            raise InvalidMapError(f"unknown node kind {kind!r}; use one of {', '.join(_KINDS)}")
        return [m for m in self._index.statements.values() if m.kind == kind]

    def statements(self) -> Iterator[Statement]:
        """Yield every statement (claims, premises, cases, rebuttals) in the order added."""
        return iter(self._index.statements.values())

    def inferences(self) -> Iterator[Inference]:
        """Yield every inference (supports and attacks) in the order added."""
        index = self._index
        return iter([d.model for n, d in self._g._node.items() if index.is_inference(n)])  # type: ignore[attr-defined]

    def supports_of(self, node_id: str) -> list[Support]:
        """Return the supports whose conclusion is ``node_id``."""
        self[node_id]
        supports = self._index.supports
        return [supports[s] for s in self._index.supports_into.get(node_id, ())]

    def attacks_on(self, node_id: str) -> list[Attack]:
        """Return the attacks whose target is ``node_id`` (a statement or an inference)."""
        self[node_id]
        attacks = self._index.attacks
        return [attacks[a] for a in self._index.attacks_into.get(node_id, ())]

    def bears_on(self, inference_id: str) -> str:
        """Return the statement an inference finally bears on.

        A support bears on its conclusion and an attack on its target; an attack on an inference
        (an undercutter) bears on what that inference bears on, down to a statement. The map
        works it out once, when the inference is added.

        Raises:
            UnknownNodeError: The map holds no node ``inference_id``.
            InvalidMapError: ``inference_id`` is a statement, not an inference.

        Examples:
            >>> from argmap.examples import north_korea
            >>> m = north_korea()
            >>> m["u_amnesty"].target, m.bears_on("u_amnesty")
            ('s_effective', 'pressure')
        """
        try:
            return self._index.bears_on[inference_id]
        except (KeyError, TypeError):
            model = self[inference_id]
            raise InvalidMapError(
                f"node {inference_id!r} is a {model.kind}, not an inference", node=inference_id
            ) from None

    def supporters(self, node_id: str) -> list[str]:
        """Return the ids of the statements that support ``node_id``, alone or linked."""
        return _unique(p for s in self.supports_of(node_id) for p in s.premises)

    def attackers(self, node_id: str) -> list[str]:
        """Return the ids of the statements that attack ``node_id``."""
        return _unique(p for a in self.attacks_on(node_id) for p in a.premises)

    def uses_of(self, node_id: str) -> list[Inference]:
        """Return the inferences in which ``node_id`` is a premise."""
        self[node_id]
        node = self._g._node  # type: ignore[attr-defined]
        return [node[i].model for i in self._index.premise_of.get(node_id, ())]

    def statement_graph(self) -> nx.MultiDiGraph[str]:
        """Project the map onto its statements: an edge from each premise to what it bears on.

        Edge attribute ``relation`` is ``"support"``, ``"attack"`` (against a statement) or
        ``"undercut"`` (against an inference; the edge points at the statement that inference
        bears on: a support's conclusion, or, for an attack, what it attacks, followed down to a
        statement), ``inference`` names the inference the edge comes from, and ``undercuts`` the
        inference an undercut edge denies. Node attribute ``model`` holds the statement.

        Examples:
            >>> from argmap.examples import north_korea
            >>> g = north_korea().statement_graph()
            >>> sorted({r for _, _, r in g.edges(data="relation")})
            ['attack', 'support', 'undercut']
        """
        from networkx import MultiDiGraph  # noqa: PLC0415

        g: nx.MultiDiGraph[str] = MultiDiGraph()
        for statement in self.statements():
            g.add_node(statement.id, model=statement, kind=statement.kind)
        for inference in self.inferences():
            extra: dict[str, str] = {}
            if isinstance(inference, Support):
                relation = "support"
            elif isinstance(self[inference.target], Support | Attack):
                relation, extra = "undercut", {"undercuts": inference.target}
            else:
                relation = "attack"
            head = self._index.bears_on[inference.id]
            for premise in inference.premises:
                g.add_edge(
                    premise,
                    head,
                    key=inference.id,
                    relation=relation,
                    inference=inference.id,
                    **extra,
                )
        return g

    # -- conveniences: each calls the floor above that provides it (see argmap.delegates) -------

    def render(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,  # noqa: A002
        options: Options | None = None,
        timeout: float | None = None,
        **changes: Unpack[DiagramChanges],
    ) -> Path:
        """Write the map's diagram to ``path``: SVG, PNG, PDF, DOT or HTML, by its suffix or
        ``format=``; see :func:`argmap.io.formats.write_diagram`."""
        return cast(
            "Path",
            lent("render")(self, path, format=format, options=options, timeout=timeout, **changes),
        )

    def to_dot(self, *, options: Options | None = None, **changes: Unpack[DiagramChanges]) -> str:
        """Return the diagram's DOT source; options as for :func:`argmap.render.to_dot`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> dot = north_korea().to_dot(focus="reacts", depth=1)
            >>> '"prisoners_moved" [' in dot, '"agenda" [' in dot
            (True, False)
        """
        return cast("str", lent("to_dot")(self, options=options, **changes))

    def to_graphviz(
        self, *, options: Options | None = None, **changes: Unpack[DiagramChanges]
    ) -> graphviz.Source:
        """Return the diagram as a :class:`graphviz.Source`; see :func:`argmap.render.to_graphviz`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> north_korea().to_graphviz().source.startswith("digraph argmap {")
            True
        """
        return cast("graphviz.Source", lent("to_graphviz")(self, options=options, **changes))

    def to_html(self, *, options: Options | None = None, **changes: Unpack[DiagramChanges]) -> str:
        """Return the map's interactive viewer, one self-contained HTML page; options as for
        :func:`argmap.render.to_html`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> north_korea().to_html(gaps=()).startswith("<!DOCTYPE html>")
            True
        """
        return cast("str", lent("to_html")(self, options=options, **changes))

    def show(
        self,
        *,
        options: Options | None = None,
        height: int = 640,
        **changes: Unpack[DiagramChanges],
    ) -> None:
        """Display the map's interactive viewer in Jupyter; see :func:`argmap.render.show`."""
        lent("show")(self, options=options, height=height, **changes)

    def _repr_mimebundle_(
        self,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        **kwargs: Any,
    ) -> dict[str, str]:
        return cast("dict[str, str]", lent("repr_mimebundle")(self, include, exclude))

    def to_dict(self) -> dict[str, Any]:
        """Return the map as plain data in the native format's shape; see :func:`argmap.to_dict`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> m = north_korea()
            >>> ArgumentMap.from_dict(m.to_dict()) == m
            True
        """
        return cast("dict[str, Any]", lent("to_dict")(self))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArgumentMap:
        """Build a map from native-format data; see :func:`argmap.from_dict`."""
        return cast("ArgumentMap", lent("from_dict")(data))

    def to_networkx(self) -> nx.DiGraph[str]:
        """Return a plain graph copy for networkx's writers; see :mod:`argmap.io.networkx`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> m = north_korea()
            >>> ArgumentMap.from_networkx(m.to_networkx()) == m
            True
        """
        return cast("nx.DiGraph[str]", lent("to_networkx")(self))

    @classmethod
    def from_networkx(cls, g: nx.Graph[Any]) -> ArgumentMap:
        """Build a map from a graph shaped as :meth:`to_networkx` makes; see its module."""
        return cast("ArgumentMap", lent("from_networkx")(g))

    def to_dataframe(self) -> pandas.DataFrame:
        """Return one row per node as a DataFrame; see :func:`argmap.io.dataframe.to_dataframe`."""
        return cast("pandas.DataFrame", lent("to_dataframe")(self))

    def copy(self) -> ArgumentMap:
        """Return an independent copy of the map (models are immutable and shared).

        ``copy.copy`` and ``copy.deepcopy`` do the same; a change to either map leaves the other.

        Examples:
            >>> import copy
            >>> from argmap.examples import north_korea
            >>> m = north_korea()
            >>> twin = copy.copy(m)
            >>> _ = twin.remove("prisoners_moved", cascade=True)
            >>> "prisoners_moved" in m, "prisoners_moved" in twin
            (True, False)
        """
        return ArgumentMap._trusted(
            title=self._title,
            sources=list(self._sources.values()),
            nodes=self.nodes(),
            central=self._central,
            default_source=self._default_source,
            data=self._data,
            checked="map",
        )

    # -- changing ------------------------------------------------------------------------------

    def add_source(self, source: Source) -> Source:
        """Add a source; cases quote and cite sources by id.

        Raises:
            InvalidMapError: It is not a valid :class:`~argmap.model.Source`, or the id is
                already used.
        """
        if not isinstance(source, Source):
            raise InvalidMapError(
                f"add_source takes a Source, not {type(source).__name__}; "
                "make one with Source(id=..., title=...)"
            )
        source = _revalidated(source)
        self._check_new_id(source.id)
        self._sources[source.id] = source
        return source

    def add(self, node: _N) -> _N:
        """Add a statement or an inference and return it as stored.

        The model is validated again, so one made with ``model_construct`` or
        ``model_copy(update=...)`` keeps the same rules as one read from a file. A statement is
        stored with its quotes' offsets computed from its sources' texts.

        Raises:
            InvalidMapError: The node is not a node model, or breaks one of the map's rules; the
                message names it.
            QuoteNotFoundError: A quote does not occur verbatim in its source.
            UnknownNodeError: A reference names no node or source of the map.

        Examples:
            >>> from argmap import ArgumentMap, Claim
            >>> m = ArgumentMap()
            >>> m.add(Claim(id="c", text="C.").model_copy(update={"text": " "}))
            Traceback (most recent call last):
            ...
            argmap.exceptions.InvalidMapError: claim 'c': text: must not be blank
        """
        return self._add(node, revalidate=True)

    def _add(self, node: _N, *, revalidate: bool) -> _N:
        node = self._accepted(node, revalidate=revalidate)
        kind = type(node)
        if kind is Support or kind is Attack or isinstance(node, _INFERENCE_TYPES):
            self._link(node)  # type: ignore[arg-type]  # an inference, tested just now
        else:
            self._insert(node)
        return node

    def _link(self, inference: Support | Attack) -> None:
        """Check an accepted inference's references and insert it."""
        if inference.target == inference.id:
            _check_not_self(inference)  # raises, saying so
        self._check_inference(inference)
        target = inference.target
        index = self._index
        bears_on = target if target in index.statements else index.bears_on[target]
        self._insert_inference(inference, bears_on)

    def _new_inference(self, inference: _I) -> _I:
        """Add an inference made here, of the class itself (see ``_statement``)."""
        node_id = inference.id
        if node_id in self._g._node or node_id in self._sources:  # type: ignore[attr-defined]
            self._check_new_id(node_id)  # raises, saying so
        self._link(inference)
        return inference

    def _accepted(self, node: _N, *, revalidate: bool) -> _N:
        """Check a node alone: its model, its id, its quotes; return it as it will be stored."""
        kind = type(node)
        if kind not in _NODE_CLASSES and not isinstance(node, _NODE_TYPES):
            raise InvalidMapError(
                f"a map holds node models (Claim, Premise, Case, Rebuttal, Support, Attack), "
                f"not {type(node).__name__}; make one, or use m.claim(...), m.support(...)"
            )
        if revalidate:
            node = _revalidated(node)
        node_id = node.id
        if node_id in self._g._node or node_id in self._sources:  # type: ignore[attr-defined]
            self._check_new_id(node_id)  # raises, saying so
        if kind is Support or kind is Attack or isinstance(node, _INFERENCE_TYPES):
            return node
        statement: Any = node
        if statement.quotes or ((kind is Case or isinstance(statement, Case)) and statement.cites):
            node = self._verified(statement)  # type: ignore[assignment]  # quotes, citations
        return node

    # -- the one write path: every change to the graph and the index goes through these ---------

    def _attributes(self, model: AnyNode) -> NodeAttributes:
        """A node's attributes in the graph, holding its model; the index notes the node's
        acknowledgements, if it has any (every path that puts a node in the graph comes here).

        The model, its fields' ``__dict__`` and the attributes are left out of the cyclic
        collector's walks (see :func:`~argmap.index.gc_untrack`) when none of them can lead
        back to itself: a model of argmap's own classes, whose values are text, numbers, tuples
        of ids and quotes and shared read-only mappings. Free ``data`` holds lists and mappings
        a user could change, so a model with data stays tracked, as does a subclass's and one
        whose mappings are plain dicts (made with ``model_construct`` and handed to
        ``from_validated`` against its contract). The collector's full passes, each a walk of
        every object it tracks, were half of building a map node by node.
        """
        attributes = NodeAttributes(model)
        if model.acknowledge:
            self._index.acknowledging[model.id] = model.acknowledge
        kind = type(model)
        if (
            kind in _NODE_CLASSES
            and not model.data
            and type(model.data) is FrozenData  # not a plain {} (from_validated's contract)
            and type(model.acknowledge) is FrozenMap
            and (kind is not Support or type(model.answered) is FrozenMap)  # type: ignore[union-attr]
        ):
            untrack = self._untrack
            untrack(model.__dict__)
            untrack(model)
            untrack(attributes)
        return attributes

    def _insert(self, statement: Statement) -> None:
        """Insert a statement: it has no edges of its own."""
        node_id = statement.id
        g: Any = self._g
        g._node[node_id] = self._attributes(statement)
        g._succ[node_id] = {}
        g._pred[node_id] = {}
        if statement.quotes or (isinstance(statement, Case) and statement.cites):
            self._index.add_statement(statement, _sources_used(statement))
        else:
            self._index.statements[node_id] = statement
        cache = g.__networkx_cache__
        if cache:
            cache.clear()  # what networkx remembers of the graph, as its own add_node does

    def _insert_inference(self, inference: Support | Attack, bears_on: str) -> None:
        """Insert an inference whose references resolve: its node, its edges, its index entries."""
        g: Any = self._g
        succ, pred = g._succ, g._pred
        node_id = inference.id
        g._node[node_id] = self._attributes(inference)
        succ[node_id] = {}
        into: dict[str, Any] = {}
        pred[node_id] = into
        self._insert_edges(inference, bears_on, into)
        cache = g.__networkx_cache__
        if cache:
            cache.clear()  # what networkx remembers of the graph, as its own add_edge does

    def _insert_edges(
        self, inference: Support | Attack, bears_on: str, into: dict[str, Any] | None = None
    ) -> None:
        """Insert an inference's edges (its node is in the graph already) and index it."""
        succ, pred = self._g._succ, self._g._pred  # type: ignore[attr-defined]
        node_id = inference.id
        premise = ROLE_ATTRIBUTES["premise"]
        if into is None:
            into = pred[node_id]
        for p in inference.premises:
            succ[p][node_id] = into[p] = premise
        role = ROLE_ATTRIBUTES["conclusion" if inference.kind == "support" else "target"]
        succ[node_id][inference.target] = pred[inference.target][node_id] = role
        self._index.add_inference(inference, bears_on)

    def _delete(self, node_id: str) -> None:
        """Delete a node, its edges and its index entries (whatever depends on it is gone)."""
        model: AnyNode = self._g._node[node_id].model  # type: ignore[attr-defined]
        self._index.acknowledging.pop(node_id, None)
        if isinstance(model, _INFERENCE_TYPES):
            self._index.remove_inference(model)
        else:
            self._index.remove_statement(model, _sources_used(model))
        self._g.remove_node(node_id)

    def _quotes(
        self, node_id: str, quotes: Iterable[str | Quote], source: str | None
    ) -> tuple[Quote, ...]:
        """Quotes given as plain text come from ``source``, else from the default source."""
        return _quotes(node_id, quotes, source or self._default_source)

    def _statement(  # noqa: PLR0917  # private: the public methods pass their arguments on
        self,
        cls: type[_S],
        node_id: str,
        text: str,
        quotes: Iterable[str | Quote],
        source: str | None,
        fields: dict[str, Any],
    ) -> _S:
        """Make and add a statement, giving its model only the fields given (see ``support``).

        The model is made here, of the class ``cls`` itself, so what ``_accepted`` checks of a
        node given from outside (its class, a second validation) is not asked again.
        """
        if quotes:
            given = items(
                quotes, where=cls.model_fields["kind"].default, name="quotes", item="quote"
            )
            fields["quotes"] = self._quotes(node_id, given, source)
        fields["text"] = text
        statement = _make(cls, node_id, fields)
        node_id = statement.id
        if node_id in self._g._node or node_id in self._sources:  # type: ignore[attr-defined]
            self._check_new_id(node_id)  # raises, saying so
        if statement.quotes or (cls is Case and statement.cites):  # type: ignore[attr-defined]
            statement = self._verified(statement)  # type: ignore[assignment]  # quotes, citations
        self._insert(statement)
        return statement

    def claim(
        self,
        id: str,  # noqa: A002
        text: str,
        *,
        quotes: Iterable[str | Quote] = (),
        source: str | None = None,
        **fields: Any,
    ) -> Claim:
        """Add a :class:`~argmap.model.Claim` and return it.

        ``quotes`` and ``source`` work as for :meth:`case`.
        """
        return self._statement(Claim, id, text, quotes, source, fields)

    def premise(
        self,
        id: str,  # noqa: A002
        text: str,
        *,
        quotes: Iterable[str | Quote] = (),
        source: str | None = None,
        **fields: Any,
    ) -> Premise:
        """Add a :class:`~argmap.model.Premise` and return it."""
        return self._statement(Premise, id, text, quotes, source, fields)

    def rebuttal(
        self,
        id: str,  # noqa: A002
        text: str,
        *,
        quotes: Iterable[str | Quote] = (),
        source: str | None = None,
        **fields: Any,
    ) -> Rebuttal:
        """Add a :class:`~argmap.model.Rebuttal` and return it."""
        return self._statement(Rebuttal, id, text, quotes, source, fields)

    def case(
        self,
        id: str,  # noqa: A002
        text: str,
        *,
        quotes: Iterable[str | Quote] = (),
        source: str | None = None,
        **fields: Any,
    ) -> Case:
        """Add a :class:`~argmap.model.Case` and return it, with its quotes located.

        Plain strings in ``quotes`` are quotes from ``source``.

        Examples:
            >>> from argmap import ArgumentMap, Source
            >>> m = ArgumentMap()
            >>> _ = m.add_source(Source(id="a", title="A", text="It rained on Monday."))
            >>> rain = m.case("rain", "It rained.", quotes=["rained on Monday"], source="a")
            >>> rain.quotes[0].start, rain.quotes[0].end
            (3, 19)
        """
        return self._statement(Case, id, text, quotes, source, fields)

    def support(
        self,
        premises: str | Iterable[str],
        conclusion: str,
        *,
        id: str | None = None,  # noqa: A002
        scheme: str | None = None,
        answered: Mapping[str, str] | None = None,
        note: str | None = None,
        **fields: Any,
    ) -> Support:
        """Add a support of ``conclusion`` by ``premises`` (jointly) and return it.

        Without ``id`` the support is named ``s1``, ``s2``, ... (the next one not in use).
        ``premises`` may be empty: an argument that stands without premises, as Carneades allows.
        Other ``fields`` of :class:`~argmap.model.Support` (``title``, ``weight``, ``data``, ...)
        may be given too.
        """
        # Only what was given goes to the model: a field left at its default costs pydantic
        # nothing to validate, where an explicit None or {} is checked like any value.
        if scheme is not None:
            fields["scheme"] = scheme
        if answered is not None:
            fields["answered"] = mapping(
                answered, where="support", name="answered", want="a mapping of questions to ids"
            )
        if note is not None:
            fields["note"] = note
        fields["premises"] = _as_ids(premises, "support")
        fields["conclusion"] = conclusion
        return self._new_inference(_make(Support, self._free_id("s") if id is None else id, fields))

    def attack(
        self,
        premises: str | Iterable[str],
        target: str,
        *,
        id: str | None = None,  # noqa: A002
        question: str | None = None,
        note: str | None = None,
        **fields: Any,
    ) -> Attack:
        """Add an attack by ``premises`` on ``target`` (a statement or a support) and return it.

        Without ``id`` the attack is named ``a1``, ``a2``, ... (the next one not in use). Other
        ``fields`` of :class:`~argmap.model.Attack` (``title``, ``scheme``, ``weight``, ``data``,
        ...) may be given too.
        """
        if question is not None:
            fields["question"] = question
        if note is not None:
            fields["note"] = note
        fields["premises"] = _as_ids(premises, "attack")
        fields["target"] = target
        return self._new_inference(_make(Attack, self._free_id("a") if id is None else id, fields))

    def remove(self, node_id: str, *, cascade: bool = False) -> list[str]:
        """Remove a node (or a source) and return the ids removed.

        A node that inferences depend on (as a premise or a target), or that answers a support's
        critical question, is removed only with ``cascade=True``, which also removes every
        inference left without a premise or a target, and drops the answers it gave. A linked
        support that loses one premise is removed whole: its other premises were never offered
        alone. Removing an undercutter leaves the support it attacked in place.

        Raises:
            InvalidMapError: Other nodes depend on it and ``cascade`` is false.

        Examples:
            >>> from argmap.examples import north_korea
            >>> m = north_korea()
            >>> m.remove("prisoners_moved", cascade=True)
            ['prisoners_moved', 's_prisoners', 'u_amnesty']
            >>> "s_effective" in m, "reacts" in m
            (True, True)
        """
        if not isinstance(node_id, str):
            raise self._unknown(node_id)
        if node_id in self._sources:
            users = list(dict.fromkeys(self._index.used_by.get(node_id, ())))
            if users:
                raise InvalidMapError(
                    f"source {node_id!r} is quoted or cited by {', '.join(users)}; "
                    "remove or change those statements first",
                    node=node_id,
                )
            del self._sources[node_id]
            if self._default_source == node_id:
                self._default_source = None
            return [node_id]
        self[node_id]
        doomed = self._dependents(node_id)
        supports = self._index.supports
        answering = [
            supports[s]
            for s in dict.fromkeys(self._index.answered_by.get(node_id, ()))
            if s not in doomed
        ]
        if (len(doomed) > 1 or answering) and not cascade:
            users = sorted({*doomed, *(s.id for s in answering)} - {node_id})
            raise InvalidMapError(
                f"node {node_id!r} is used by {_listed(users)}; pass cascade=True to remove them "
                "too",
                node=node_id,
            )
        for support in answering:
            kept = {q: a for q, a in support.answered.items() if a != node_id}
            new = support.model_copy(update={"answered": FrozenMap(kept)})
            self._g._node[support.id] = self._attributes(new)  # type: ignore[attr-defined]
            self._index.replace_support(support, new)
        for doomed_id in doomed:
            self._delete(doomed_id)
        _clear_cache(self._g)
        if self._central in doomed:
            self._central = None
        return sorted(doomed)

    def _dependents(self, node_id: str) -> set[str]:
        """Return ``node_id`` and every inference that cannot stand without it.

        An inference dies with any of its premises and with its target; an undercutter also
        dies with the support it attacks. Nothing dies with an inference's own target.
        """
        index = self._index
        doomed = {node_id}
        stack = [node_id]
        while stack:
            current = stack.pop()
            neighbours = [
                *index.attacks_into.get(current, ()),  # attacks on it
                *index.supports_into.get(current, ()),  # supports of it (a statement)
                *index.premise_of.get(current, ()),  # inferences it is a premise of
            ]
            for neighbour in neighbours:
                if neighbour not in doomed:
                    doomed.add(neighbour)
                    stack.append(neighbour)
        return doomed

    # -- rules ---------------------------------------------------------------------------------

    def _unknown(self, node_id: str, *, used_by: str | None = None) -> UnknownNodeError:
        by = f" (referred to by {used_by!r})" if used_by else ""
        hint = nfc_hint(node_id, self._g._node) or "; add it first, or check the id's spelling"  # type: ignore[attr-defined]
        return UnknownNodeError(
            f"unknown node {shown_id(node_id)}{by}{hint}",
            node=used_by or node_id,
            missing=node_id,
        )

    def _check_new_id(self, node_id: str) -> None:
        if node_id in self._g._node or node_id in self._sources:  # type: ignore[attr-defined]
            raise InvalidMapError(
                f"id {node_id!r} is already used in this map; ids must be unique", node=node_id
            )

    def _free_id(self, prefix: str) -> str:
        """The next id ``<prefix><n>`` not in use; the count only goes up, so n ids cost O(n)."""
        n = self._next_id.get(prefix, 1)
        while f"{prefix}{n}" in self._g._node or f"{prefix}{n}" in self._sources:  # type: ignore[attr-defined]
            n += 1
        self._next_id[prefix] = n + 1
        return f"{prefix}{n}"

    def _require(self, node_id: str, *, used_by: str) -> AnyNode:
        attributes = self._g._node.get(node_id)  # type: ignore[attr-defined]
        if attributes is None:
            raise self._unknown(node_id, used_by=used_by)
        model: AnyNode = attributes.model
        return model

    def _check_inference(self, inf: Support | Attack) -> None:
        statements = self._index.statements  # one look-up per reference: this runs per node
        for premise in inf.premises:
            if premise not in statements:
                self._require(premise, used_by=inf.id)  # raises for an unknown id
                raise InvalidMapError(
                    f"{inf.kind} {inf.id!r}: premise {premise!r} is an inference; "
                    "premises must be statements",
                    node=inf.id,
                )
        target = inf.target
        if target not in statements:
            self._require(target, used_by=inf.id)  # raises for an unknown id
        if inf.scheme is not None:
            _warn_if_misspelt(inf)
        if isinstance(inf, Support):
            if target not in statements:
                raise InvalidMapError(
                    f"support {inf.id!r}: conclusion {inf.target!r} is an inference; "
                    "a support concludes a statement (to attack an inference, use an attack)",
                    node=inf.id,
                )
            if inf.answered:
                self._check_questions(inf)
        elif inf.question is not None:
            target_model = self[target]
            if not isinstance(target_model, Support) or target_model.scheme is None:
                raise InvalidMapError(
                    f"attack {inf.id!r} raises question {inf.question!r}, but its target "
                    f"{inf.target!r} is not a support that names a scheme",
                    node=inf.id,
                )
            self._check_question_id(inf.id, target_model.scheme, inf.question)

    def _check_questions(self, sup: Support) -> None:
        if sup.answered and sup.scheme is None:
            raise InvalidMapError(
                f"support {sup.id!r} answers critical questions but names no scheme", node=sup.id
            )
        for question, answer in sup.answered.items():
            self._check_question_id(sup.id, sup.scheme or "", question)
            if not isinstance(self._require(answer, used_by=sup.id), _STATEMENT_TYPES):
                raise InvalidMapError(
                    f"support {sup.id!r}: question {question!r} must be answered by a statement",
                    node=sup.id,
                )

    @staticmethod
    def _check_question_id(node_id: str, scheme_id: str, question: str) -> None:
        scheme = find_scheme(scheme_id)
        if scheme is None:
            raise InvalidMapError(
                f"{node_id!r}: {question!r} cannot be checked: scheme {scheme_id!r} is not one "
                "argmap knows, so it has no critical questions; register it with "
                "argmap.schemes.register_scheme(...) first",
                node=node_id,
            )
        questions = scheme.questions
        if question not in questions:
            raise InvalidMapError(
                f"{node_id!r}: {question!r} is not a critical question of scheme {scheme_id!r}; "
                f"its questions are {', '.join(questions)}",
                node=node_id,
            )

    def _verified(self, statement: Statement) -> Statement:
        case = statement
        for cited in case.cites if isinstance(case, Case) else ():
            if cited not in self._sources:
                raise UnknownNodeError(
                    f"{case.kind} {case.id!r} cites unknown source {cited!r}; add the source first",
                    node=case.id,
                    missing=cited,
                )
        if not case.quotes:
            return case  # nothing to locate: no copy (reading a large file adds many such)
        located: list[Quote] = []
        for i, quote in enumerate(case.quotes):
            source = self._sources.get(quote.source)
            if source is None:
                raise UnknownNodeError(
                    f"{case.kind} {case.id!r}: quote {i + 1} is from unknown source "
                    f"{quote.source!r}; add the source first",
                    node=case.id,
                    missing=quote.source,
                )
            if source.text is None:
                located.append(quote)  # nothing to check against; the checks report it
                continue
            span = find_quote(source.text, quote.text, start=quote.start)
            if span is None and quote.start is not None:
                moved = find_quote(source.text, quote.text)
                if moved is not None:
                    raise QuoteNotFoundError(
                        f"{case.kind} {case.id!r}: quote {i + 1} is not at offset {quote.start} of "
                        f"source {source.id!r} but at {moved[0]}; fix or drop its offsets",
                        node=case.id,
                        closest=quote.text,
                    )
            if span is None:
                closest = closest_passage(source.text, quote.text)
                raise QuoteNotFoundError(
                    f"{case.kind} {case.id!r}: quote {i + 1} {_clip(quote.text)!r} does not occur "
                    f"verbatim in source {source.id!r}; the closest passage is "
                    f"{_clip(closest, 120)!r}"
                    f"{normalisation_hint(source.text, quote.text)}",
                    node=case.id,
                    closest=closest,
                )
            if (quote.start, quote.end) == span:
                located.append(quote)  # already located: no copy of a model that needs no change
            else:
                located.append(quote.model_copy(update={"start": span[0], "end": span[1]}))
        if all(new is old for new, old in zip(located, case.quotes, strict=True)):
            return case
        return case.model_copy(update={"quotes": tuple(located)})


class _Unusual(Exception):  # not an error: the bulk path hands the build over
    """Raised inside :meth:`ArgumentMap._add_bulk` to hand a build to the node by node path."""


def _warn_if_misspelt(inference: Support | Attack) -> None:
    """Warn when an inference's scheme is unknown but close to a known one (a likely typo)."""
    if inference.scheme is None:
        return
    close = similar_schemes(inference.scheme)
    if close:
        warnings.warn(
            f"{inference.kind} {inference.id!r}: scheme {inference.scheme!r} is not one argmap "
            f"knows; did you mean {' or '.join(repr(c) for c in close)}? It is kept as given.",
            UnknownSchemeWarning,
            stacklevel=_callers_level(),
        )


_PACKAGE = str(Path(__file__).resolve().parent) + os.sep


def _callers_level() -> int:
    """The ``stacklevel`` that points a warning at the first line outside argmap: the user's
    ``m.support(...)`` or ``argmap.load(...)``, whichever path through argmap led to it."""
    frame = inspect.currentframe()
    level = 0
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    return level  # this function and the argmap frames above it: warn counts from its caller


def _clear_cache(g: nx.DiGraph[str]) -> None:
    """Drop what networkx remembers about ``g`` (as its own add_edge does) after a raw change."""
    cache = getattr(g, "__networkx_cache__", None)
    if cache:
        cache.clear()


def _check_not_self(inference: Support | Attack) -> None:
    """Refuse an inference that names itself as its target (before its references are looked up,
    so that the message says what is wrong rather than "unknown node")."""
    if inference.target == inference.id:
        what = "concludes itself" if inference.kind == "support" else "targets itself"
        raise InvalidMapError(
            f"{inference.kind} {inference.id!r} {what}; an inference bears on a statement "
            "or on another inference, never on itself",
            node=inference.id,
        )


def _revalidated(model: _M) -> _M:
    """Validate a model again (one made with ``model_construct`` or ``model_copy(update=...)``
    skipped validation); return the model itself when nothing had to change."""
    kind = getattr(model, "kind", "source")
    node_id = getattr(model, "id", None)
    try:
        checked = type(model).model_validate(model.model_dump(warnings=False))
    except pydantic.ValidationError as exc:
        raise InvalidMapError(
            f"{kind} {shown_id(node_id)}: {validation_problem(exc)}",
            node=node_id if isinstance(node_id, str) else None,
        ) from None
    except (AttributeError, TypeError, ValueError, PydanticSerializationError) as exc:
        # model_construct(...) leaves out fields or holds values that cannot even be dumped
        raise InvalidMapError(
            f"{kind} {node_id!r} is not a valid model ({exc}); build it with {type(model).__name__}"
            "(...) rather than model_construct",
            node=node_id if isinstance(node_id, str) else None,
        ) from None
    if checked == model and all(
        type(getattr(model, name, None)) is type(getattr(checked, name, None))
        for name in _MAPPING_FIELDS
    ):
        return model
    # A plain dict equals the frozen mapping validation makes of it, but a user can still
    # change it (and the map leaves plain nodes to reference counting): keep the checked copy.
    return checked


_MAPPING_FIELDS = ("data", "acknowledge", "answered")
"""The models' fields that hold mappings: validation freezes them."""


def _listed(ids: Sequence[str], limit: int = 20) -> str:
    """``ids`` joined by commas, cut after ``limit`` with how many more there are."""
    if len(ids) <= limit:
        return ", ".join(ids)
    return f"{', '.join(ids[:limit])} and {len(ids) - limit} more"


@contextmanager
def _placed(*place: str | int) -> Iterator[None]:
    """Mark an InvalidMapError raised inside with where in the constructor's input it arose."""
    try:
        yield
    except InvalidMapError as exc:
        exc.place = place
        raise


def _as_ids(ids: str | Iterable[str], where: str) -> tuple[str, ...]:
    """Premises as given: one id (a str) is one premise, never read letter by letter."""
    if type(ids) is tuple or type(ids) is list:  # the common shapes, taken as they are
        return tuple(ids)
    return items(ids, where=where, name="premises", item="node id", one=True)


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _quotes(node_id: str, quotes: Iterable[str | Quote], source: str | None) -> tuple[Quote, ...]:
    parsed: list[Quote] = []
    for q in quotes:
        if isinstance(q, Quote):
            parsed.append(q)
        elif source is None:
            raise InvalidMapError(
                f"{shown_id(node_id)}: a quote given as plain text needs source=<source id>, "
                "or a default source for the map (m.default_source = <source id>)",
                node=node_id,
            )
        else:
            try:
                parsed.append(Quote(source=source, text=q))
            except pydantic.ValidationError as exc:
                raise InvalidMapError(
                    f"{shown_id(node_id)}: {validation_problem(exc)}", node=node_id
                ) from None
    return tuple(parsed)


def _make(cls: type[_N], node_id: str, fields: dict[str, Any]) -> _N:
    """Build a node model of ``fields`` (the caller's own dict: ``id`` is added to it); a broken
    model rule becomes an InvalidMapError naming the node."""
    fields["id"] = node_id
    model = quick_node(cls, fields)  # type: ignore[arg-type]  # the common shapes, checked here
    if model is not None:
        return model  # type: ignore[return-value]
    try:
        return cls.__pydantic_validator__.validate_python(fields)  # type: ignore[no-any-return]
    except pydantic.ValidationError as exc:
        kind = cls.model_fields["kind"].default
        raise InvalidMapError(
            f"{kind} {shown_id(node_id)}: {validation_problem(exc)}", node=node_id
        ) from None


def _sources_used(statement: Statement) -> tuple[str, ...]:
    """The sources a statement quotes or cites, each once."""
    cited = statement.cites if isinstance(statement, Case) else ()
    if not cited and not statement.quotes:
        return ()
    return tuple(dict.fromkeys([*(q.source for q in statement.quotes), *cited]))


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def require_map(m: object, what: str) -> None:
    """Refuse anything but a map where a function needs one, saying which function and what it
    got, rather than failing later on an attribute the object lacks.

    Raises:
        ArgmapError: ``m`` is not an :class:`ArgumentMap`.

    Examples:
        >>> require_map(None, "evaluate")
        Traceback (most recent call last):
        argmap.exceptions.ArgmapError: evaluate needs an ArgumentMap, got NoneType
    """
    if not isinstance(m, ArgumentMap):
        raise ArgmapError(f"{what} needs an ArgumentMap, got {type(m).__name__}")
