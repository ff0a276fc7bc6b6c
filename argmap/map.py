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

import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import networkx as nx
import pydantic

from argmap.exceptions import (
    InvalidMapError,
    QuoteNotFoundError,
    UnknownNodeError,
    UnknownSchemeWarning,
)
from argmap.model import (
    INFERENCE_KINDS,
    Attack,
    Case,
    Claim,
    FrozenMap,
    Inference,
    Premise,
    Quote,
    Rebuttal,
    Source,
    Statement,
    Support,
    _no_controls,
)
from argmap.quotes import closest_passage, find_quote
from argmap.schemes import find_scheme, similar_schemes
from argmap.wording import counted

if TYPE_CHECKING:
    from typing import Unpack

    import graphviz
    import pandas

    from argmap.render.html import HtmlPage
    from argmap.render.options import DiagramChanges, DiagramOptions

__all__ = ["ArgumentMap"]

AnyNode = Claim | Premise | Case | Rebuttal | Support | Attack
Kind = Literal["claim", "premise", "case", "rebuttal", "support", "attack"]
_N = TypeVar("_N", bound=AnyNode)

_STATEMENT_TYPES = (Claim, Premise, Case, Rebuttal)
# Adding in this order lets every reference resolve to something already there.
_ADD_ORDER = {"claim": 0, "premise": 0, "case": 0, "rebuttal": 0, "support": 1, "attack": 2}


class ArgumentMap:
    """An argument map: statements, the supports and attacks that join them, and their sources.

    Args:
        title: A title for the map, shown in reports and diagrams.
        sources: Sources to add first.
        nodes: Statements and inferences to add, in any order.
        central: The id of the central claim.

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
    ) -> None:
        self.title = title
        self._g: nx.DiGraph[str] = nx.DiGraph()
        self._sources: dict[str, Source] = {}
        self._central: str | None = None
        self._default_source: str | None = None
        for i, source in enumerate(sources):
            with _placed("sources", i):
                self.add_source(source)
        given = list(nodes)
        in_add_order = _add_order(given)
        for i in in_add_order:
            with _placed("nodes", i):
                self.add(given[i])
        if in_add_order != sorted(in_add_order):
            self._restore_order([n.id for n in given], [given[i] for i in in_add_order])
        if central is not None:
            with _placed("central"):
                self.central = central
        if default_source is not None:
            with _placed("default_source"):
                self.default_source = default_source

    def _restore_order(self, order: list[str], added: list[AnyNode]) -> None:
        """Make the graph list its nodes in ``order`` (the order given, as in a file).

        Nodes had to be added statements first so that every reference resolved; edges are
        added again in that same order so that queries list inferences as before.
        """
        old, self._g = self._g, nx.DiGraph()
        for node_id in order:
            self._put_node(old.nodes[node_id]["model"])
        for node in added:
            if isinstance(node, Support | Attack):
                self._put_edges(node)

    # -- reading -------------------------------------------------------------------------------

    @property
    def title(self) -> str | None:
        """The map's title, shown in reports and diagrams."""
        return self._title

    @title.setter
    def title(self, value: str | None) -> None:
        if value is not None:
            try:
                _no_controls(value)
            except ValueError as exc:
                raise InvalidMapError(f"the map's title {exc}") from None
        self._title = value

    @property
    def graph(self) -> nx.DiGraph[str]:
        """A read-only view of the underlying graph; change the map through its methods.

        The view follows the map's changes. It is frozen (networkx raises on a change to its
        structure) and its node and edge attributes are read-only (a change raises TypeError).
        """
        view: nx.DiGraph[str] = self._g.copy(as_view=True)
        return view

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
        if source_id is not None and source_id not in self._sources:
            raise UnknownNodeError(
                f"the default source {source_id!r} is not a source of this map; "
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
        if node_id is not None and not isinstance(self[node_id], Claim):
            raise InvalidMapError(
                f"node {node_id!r} is a {self[node_id].kind}; the central claim must be a claim",
                node=node_id,
            )
        self._central = node_id

    def __getitem__(self, node_id: str) -> AnyNode:
        try:
            model: AnyNode = self._g.nodes[node_id]["model"]
        except KeyError:
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
        return node_id in self._g

    def __iter__(self) -> Iterator[str]:
        return iter(self._g)

    def __len__(self) -> int:
        return len(self._g)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self.title == other.title
            and self._central == other._central
            and self._default_source == other._default_source
            and self._sources == other._sources
            and self._models() == other._models()
        )

    __hash__ = None  # type: ignore[assignment]  # a map is mutable

    def __repr__(self) -> str:
        n_statements = sum(1 for _ in self.statements())
        n_inferences = len(self) - n_statements
        return (
            f"<ArgumentMap {self.title!r}: {counted(n_statements, 'statement')}, "
            f"{counted(n_inferences, 'inference')}, {counted(len(self._sources), 'source')}, "
            f"central={self._central!r}>"
        )

    def _models(self) -> dict[str, AnyNode]:
        return {n: d["model"] for n, d in self._g.nodes(data=True)}

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
        models = (d["model"] for _, d in self._g.nodes(data=True))
        if kind is None:
            return list(models)
        if kind not in _ADD_ORDER:
            raise InvalidMapError(f"unknown node kind {kind!r}; use one of {', '.join(_ADD_ORDER)}")
        return [m for m in models if m.kind == kind]

    def statements(self) -> Iterator[Statement]:
        """Yield every statement (claims, premises, cases, rebuttals) in the order added."""
        for _, model in self._g.nodes(data="model"):
            if isinstance(model, _STATEMENT_TYPES):
                yield model

    def inferences(self) -> Iterator[Inference]:
        """Yield every inference (supports and attacks) in the order added."""
        for _, model in self._g.nodes(data="model"):
            if isinstance(model, (Support, Attack)):
                yield model

    def supports_of(self, node_id: str) -> list[Support]:
        """Return the supports whose conclusion is ``node_id``."""
        return [m for m in self._incoming(node_id) if isinstance(m, Support)]

    def attacks_on(self, node_id: str) -> list[Attack]:
        """Return the attacks whose target is ``node_id`` (a statement or a support)."""
        return [m for m in self._incoming(node_id) if isinstance(m, Attack)]

    def supporters(self, node_id: str) -> list[str]:
        """Return the ids of the statements that support ``node_id``, alone or linked."""
        return _unique(p for s in self.supports_of(node_id) for p in s.premises)

    def attackers(self, node_id: str) -> list[str]:
        """Return the ids of the statements that attack ``node_id``."""
        return _unique(p for a in self.attacks_on(node_id) for p in a.premises)

    def uses_of(self, node_id: str) -> list[Inference]:
        """Return the inferences in which ``node_id`` is a premise."""
        self[node_id]
        return [self._g.nodes[i]["model"] for i in self._g.successors(node_id)]

    def _incoming(self, node_id: str) -> Iterator[AnyNode]:
        self[node_id]
        for pred in self._g.predecessors(node_id):
            if self._g.edges[pred, node_id]["role"] != "premise":
                yield self._g.nodes[pred]["model"]

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
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
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
            head = self._bears_on(inference)
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

    def _bears_on(self, inference: Support | Attack) -> str:
        """The statement an inference finally bears on, following attacked inferences down."""
        target = inference.target
        while not isinstance(model := self[target], _STATEMENT_TYPES):
            target = model.target
        return target

    # -- drawing (argmap.render loads only when asked for) --------------------------------------

    def render(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,  # noqa: A002
        options: DiagramOptions | None = None,
        timeout: float | None = None,
        **changes: Unpack[DiagramChanges],
    ) -> Path:
        """Write the map's diagram to ``path``: SVG, PNG, PDF or DOT, by its suffix or ``format=``.

        ``options`` (a :class:`argmap.render.DiagramOptions`) and ``**changes`` say what to draw;
        see :func:`argmap.render.render`. ``timeout`` bounds the layout engine's run in seconds.
        """
        from argmap.render import render  # noqa: PLC0415
        from argmap.render.engine import DEFAULT_TIMEOUT  # noqa: PLC0415

        return render(
            self,
            path,
            format=format,
            options=options,
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
            **changes,
        )

    def to_dot(
        self, *, options: DiagramOptions | None = None, **changes: Unpack[DiagramChanges]
    ) -> str:
        """Return the diagram's DOT source; options as for :func:`argmap.render.to_dot`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> dot = north_korea().to_dot(focus="reacts", depth=1)
            >>> '"prisoners_moved" [' in dot, '"agenda" [' in dot
            (True, False)
        """
        from argmap.render import to_dot  # noqa: PLC0415

        return to_dot(self, options=options, **changes)

    def to_graphviz(
        self, *, options: DiagramOptions | None = None, **changes: Unpack[DiagramChanges]
    ) -> graphviz.Source:
        """Return the diagram as a :class:`graphviz.Source`; see :func:`argmap.render.to_graphviz`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> north_korea().to_graphviz().source.startswith("digraph argmap {")
            True
        """
        from argmap.render import to_graphviz  # noqa: PLC0415

        return to_graphviz(self, options=options, **changes)

    def to_html(
        self, *, options: DiagramOptions | None = None, **changes: Unpack[DiagramChanges]
    ) -> str:
        """Return the map's interactive viewer, one self-contained HTML page; options as for
        :func:`argmap.render.to_html`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> north_korea().to_html(gaps=()).startswith("<!DOCTYPE html>")
            True
        """
        from argmap.render import to_html  # noqa: PLC0415

        return to_html(self, options=options, **changes)

    def show(
        self,
        *,
        options: DiagramOptions | None = None,
        height: int = 640,
        **changes: Unpack[DiagramChanges],
    ) -> HtmlPage:
        """Display the map's interactive viewer in Jupyter; see :func:`argmap.render.show`."""
        from argmap.render import show  # noqa: PLC0415

        return show(self, options=options, height=height, **changes)

    def _repr_mimebundle_(
        self,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        **kwargs: Any,
    ) -> dict[str, str]:
        from argmap.render import repr_mimebundle  # noqa: PLC0415

        return repr_mimebundle(self, include, exclude)

    # -- other forms (each in its module of argmap.io, loaded only when asked for) -------------

    def to_dict(self) -> dict[str, Any]:
        """Return the map as plain data in the native format's shape; see :func:`argmap.to_dict`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> m = north_korea()
            >>> ArgumentMap.from_dict(m.to_dict()) == m
            True
        """
        from argmap.io.native import to_dict  # noqa: PLC0415

        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArgumentMap:
        """Build a map from native-format data; see :func:`argmap.from_dict`."""
        from argmap.io.native import from_dict  # noqa: PLC0415

        return from_dict(data)

    def to_networkx(self) -> nx.DiGraph[str]:
        """Return a plain graph copy for networkx's writers; see :mod:`argmap.io.networkx`.

        Examples:
            >>> from argmap.examples import north_korea
            >>> m = north_korea()
            >>> ArgumentMap.from_networkx(m.to_networkx()) == m
            True
        """
        from argmap.io.networkx import to_networkx  # noqa: PLC0415

        return to_networkx(self)

    @classmethod
    def from_networkx(cls, g: nx.Graph[Any]) -> ArgumentMap:
        """Build a map from a graph shaped as :meth:`to_networkx` makes; see its module."""
        from argmap.io.networkx import from_networkx  # noqa: PLC0415

        return from_networkx(g)

    def to_dataframe(self) -> pandas.DataFrame:
        """Return one row per node as a DataFrame; see :func:`argmap.io.dataframe.to_dataframe`."""
        from argmap.io.dataframe import to_dataframe  # noqa: PLC0415

        return to_dataframe(self)

    def copy(self) -> ArgumentMap:
        """Return an independent copy of the map (models are immutable and shared)."""
        new = ArgumentMap(title=self.title)
        for model in self.nodes():
            new._put_node(model)
        for inference in self.inferences():
            new._put_edges(inference)
        new._sources = dict(self._sources)
        new._central = self._central
        new._default_source = self._default_source
        return new

    # -- changing ------------------------------------------------------------------------------

    def add_source(self, source: Source) -> Source:
        """Add a source; cases quote and cite sources by id.

        Raises:
            InvalidMapError: The id is already used.
        """
        self._check_new_id(source.id)
        self._sources[source.id] = source
        return source

    def add(self, node: _N) -> _N:
        """Add a statement or an inference and return it as stored.

        A statement is stored with its quotes' offsets computed from its sources' texts.

        Raises:
            InvalidMapError: The node breaks one of the map's rules; the message names it.
            QuoteNotFoundError: A quote does not occur verbatim in its source.
            UnknownNodeError: A reference names no node or source of the map.
        """
        self._check_new_id(node.id)
        if isinstance(node, _STATEMENT_TYPES):
            node = self._verified(node)  # type: ignore[assignment]
        if isinstance(node, Support | Attack):
            self._check_inference(node)
        self._put_node(node)
        if isinstance(node, Support | Attack):
            self._put_edges(node)
        return node

    def _put_node(self, node: AnyNode) -> None:
        # networkx gives no hook for read-only attribute dicts, so set the node's own.
        self._g.add_node(node.id)
        _raw(self._g)._node[node.id] = _ReadOnlyAttributes(model=node, kind=node.kind)

    def _put_edges(self, inference: Support | Attack) -> None:
        role = "conclusion" if isinstance(inference, Support) else "target"
        for u, v, r in (
            *((p, inference.id, "premise") for p in inference.premises),
            (inference.id, inference.target, role),
        ):
            self._g.add_edge(u, v)
            raw = _raw(self._g)
            raw._succ[u][v] = raw._pred[v][u] = _ReadOnlyAttributes(role=r)

    def _quotes(
        self, node_id: str, quotes: Iterable[str | Quote], source: str | None
    ) -> tuple[Quote, ...]:
        """Quotes given as plain text come from ``source``, else from the default source."""
        return _quotes(node_id, quotes, source or self._default_source)

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
        return self.add(
            _make(Claim, id, text=text, quotes=self._quotes(id, quotes, source), **fields)
        )

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
        return self.add(
            _make(Premise, id, text=text, quotes=self._quotes(id, quotes, source), **fields)
        )

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
        return self.add(
            _make(Rebuttal, id, text=text, quotes=self._quotes(id, quotes, source), **fields)
        )

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
        return self.add(
            _make(Case, id, text=text, quotes=self._quotes(id, quotes, source), **fields)
        )

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

        Without ``id`` the support is named ``s1``, ``s2``, ... (the first free one). ``premises``
        may be empty: an argument that stands without premises, as Carneades allows. Other
        ``fields`` of :class:`~argmap.model.Support` (``title``, ``weight``, ``data``, ...) may
        be given too.
        """
        return self.add(
            _make(
                Support,
                id or self._free_id("s"),
                premises=_as_ids(premises),
                conclusion=conclusion,
                scheme=scheme,
                answered=dict(answered or {}),
                note=note,
                **fields,
            )
        )

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

        Without ``id`` the attack is named ``a1``, ``a2``, ... (the first free one). Other
        ``fields`` of :class:`~argmap.model.Attack` (``title``, ``scheme``, ``weight``, ``data``,
        ...) may be given too.
        """
        return self.add(
            _make(
                Attack,
                id or self._free_id("a"),
                premises=_as_ids(premises),
                target=target,
                question=question,
                note=note,
                **fields,
            )
        )

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
            ['prisoners_moved', 'u_amnesty']
            >>> "s_effective" in m, "reacts" in m
            (True, True)
        """
        if node_id in self._sources:
            users = [s.id for s in self.statements() if node_id in _sources_used(s)]
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
        answering = [s for s in self._answering(node_id) if s.id not in doomed]
        if (len(doomed) > 1 or answering) and not cascade:
            users = sorted({*doomed, *(s.id for s in answering)} - {node_id})
            raise InvalidMapError(
                f"node {node_id!r} is used by {', '.join(users)}; "
                "pass cascade=True to remove them too",
                node=node_id,
            )
        for support in answering:
            kept = {q: a for q, a in support.answered.items() if a != node_id}
            _raw(self._g)._node[support.id] = _ReadOnlyAttributes(
                model=support.model_copy(update={"answered": FrozenMap(kept)}), kind="support"
            )
        self._g.remove_nodes_from(doomed)
        if self._central in doomed:
            self._central = None
        return sorted(doomed)

    def _dependents(self, node_id: str) -> set[str]:
        """Return ``node_id`` and every inference that cannot stand without it.

        An inference dies with any of its premises and with its target; an undercutter also
        dies with the support it attacks. Nothing dies with an inference's own target.
        """
        doomed = {node_id}
        stack = [node_id]
        while stack:
            current = stack.pop()
            if self._g.nodes[current]["kind"] in INFERENCE_KINDS:
                neighbours: Iterable[str] = self._g.predecessors(current)  # attacks on it
            else:  # inferences it is a premise of, and inferences that target it
                neighbours = (*self._g.successors(current), *self._g.predecessors(current))
            for neighbour in neighbours:
                if neighbour not in doomed and self._g.nodes[neighbour]["kind"] in INFERENCE_KINDS:
                    doomed.add(neighbour)
                    stack.append(neighbour)
        return doomed

    def _answering(self, node_id: str) -> list[Support]:
        """Return the supports whose ``answered`` names ``node_id``."""
        return [s for s in self.nodes("support") if node_id in s.answered.values()]

    # -- rules ---------------------------------------------------------------------------------

    def _unknown(self, node_id: str, *, used_by: str | None = None) -> UnknownNodeError:
        by = f" (referred to by {used_by!r})" if used_by else ""
        return UnknownNodeError(
            f"unknown node {node_id!r}{by}; add it first, or check the id's spelling",
            node=used_by or node_id,
            missing=node_id,
        )

    def _check_new_id(self, node_id: str) -> None:
        if node_id in self._g or node_id in self._sources:
            raise InvalidMapError(
                f"id {node_id!r} is already used in this map; ids must be unique", node=node_id
            )

    def _free_id(self, prefix: str) -> str:
        n = 1
        while f"{prefix}{n}" in self._g or f"{prefix}{n}" in self._sources:
            n += 1
        return f"{prefix}{n}"

    def _require(self, node_id: str, *, used_by: str) -> AnyNode:
        if node_id not in self._g:
            raise self._unknown(node_id, used_by=used_by)
        model: AnyNode = self._g.nodes[node_id]["model"]
        return model

    def _check_inference(self, inf: Support | Attack) -> None:
        for premise in inf.premises:
            if not isinstance(self._require(premise, used_by=inf.id), _STATEMENT_TYPES):
                raise InvalidMapError(
                    f"{inf.kind} {inf.id!r}: premise {premise!r} is an inference; "
                    "premises must be statements",
                    node=inf.id,
                )
        target = self._require(inf.target, used_by=inf.id)
        _warn_if_misspelt(inf)
        if isinstance(inf, Support):
            if not isinstance(target, _STATEMENT_TYPES):
                raise InvalidMapError(
                    f"support {inf.id!r}: conclusion {inf.target!r} is an inference; "
                    "a support concludes a statement (to attack an inference, use an attack)",
                    node=inf.id,
                )
            self._check_questions(inf)
        elif inf.question is not None:
            if not isinstance(target, Support) or target.scheme is None:
                raise InvalidMapError(
                    f"attack {inf.id!r} raises question {inf.question!r}, but its target "
                    f"{inf.target!r} is not a support that names a scheme",
                    node=inf.id,
                )
            self._check_question_id(inf.id, target.scheme, inf.question)

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
                    f"verbatim in source {source.id!r}; the closest passage is {closest!r}",
                    node=case.id,
                    closest=closest,
                )
            located.append(quote.model_copy(update={"start": span[0], "end": span[1]}))
        return case.model_copy(update={"quotes": tuple(located)})


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
            stacklevel=4,
        )


def _add_order(nodes: list[AnyNode]) -> list[int]:
    """Return the indices of ``nodes`` in an order in which every reference resolves.

    Statements first, then supports, then attacks, each attack after the attack it targets
    (attacks may undercut attacks).

    Raises:
        InvalidMapError: Attacks target each other in a circle, so none can be added first.
    """
    order = sorted(range(len(nodes)), key=lambda i: _ADD_ORDER[nodes[i].kind])
    first_attack = next((k for k, i in enumerate(order) if nodes[i].kind == "attack"), len(order))
    attacks = order[first_attack:]
    by_id = {nodes[i].id: i for i in attacks}
    placed: list[int] = []
    done: set[int] = set()
    for start in attacks:  # a depth-first walk down each chain of attacked attacks
        chain: list[int] = []
        current: int | None = start
        while current is not None and current not in done and current not in chain:
            chain.append(current)
            current = by_id.get(nodes[current].target)  # type: ignore[union-attr]
        if current is not None and current in chain:
            circle = [nodes[i].id for i in chain[chain.index(current) :]]
            message = (
                f"attack {circle[0]!r} targets itself"
                if len(circle) == 1
                else f"attacks {' -> '.join([*circle, circle[0]])} target each other in a circle"
            )
            error = InvalidMapError(
                f"{message}; an attack can only target an attack that stands without it",
                node=circle[0],
            )
            error.place = ("nodes", current)
            raise error
        for i in reversed(chain):
            done.add(i)
            placed.append(i)
    return order[:first_attack] + placed


@contextmanager
def _placed(*place: str | int) -> Iterator[None]:
    """Mark an InvalidMapError raised inside with where in the constructor's input it arose."""
    try:
        yield
    except InvalidMapError as exc:
        exc.place = place
        raise


def _raw(g: nx.DiGraph[str]) -> Any:
    """The graph itself, for setting its attribute dicts (networkx has no public way)."""
    return g


class _ReadOnlyAttributes(dict[str, Any]):
    """Node and edge attributes that users can read through ``m.graph`` but not change."""

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("the map's graph is read-only; change the map through its methods")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def copy(self) -> dict[str, Any]:
        return dict(self)


def _as_ids(ids: str | Iterable[str]) -> tuple[str, ...]:
    return (ids,) if isinstance(ids, str) else tuple(ids)


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _quotes(node_id: str, quotes: Iterable[str | Quote], source: str | None) -> tuple[Quote, ...]:
    parsed: list[Quote] = []
    for q in quotes:
        if isinstance(q, Quote):
            parsed.append(q)
        elif source is None:
            raise InvalidMapError(
                f"{node_id!r}: a quote given as plain text needs source=<source id>, "
                "or a default source for the map (m.default_source = <source id>)",
                node=node_id,
            )
        else:
            try:
                parsed.append(Quote(source=source, text=q))
            except pydantic.ValidationError as exc:
                raise InvalidMapError(f"{node_id!r}: {_problems(exc)}", node=node_id) from None
    return tuple(parsed)


def _make(cls: type[_N], node_id: str, **fields: Any) -> _N:
    """Build a node model; a broken model rule becomes an InvalidMapError naming the node."""
    try:
        return cls(id=node_id, **fields)
    except pydantic.ValidationError as exc:
        kind = cls.model_fields["kind"].default
        raise InvalidMapError(f"{kind} {node_id!r}: {_problems(exc)}", node=node_id) from None


def _problems(exc: pydantic.ValidationError) -> str:
    """The validation errors in one line: ``field: problem; ...``."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def _sources_used(statement: Statement) -> set[str]:
    cited = statement.cites if isinstance(statement, Case) else ()
    return {q.source for q in statement.quotes} | set(cited)


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
