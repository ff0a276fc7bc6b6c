"""The map's index stays in step with its graph through every add and remove."""

from __future__ import annotations

import gc
import sys
import weakref
from typing import Any

import pytest
from budget import budgets, examples
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap import ArgumentMap, Attack, Claim, Premise, Support
from argmap.index import MapIndex, gc_untrack, paused_gc


def _fresh(m: ArgumentMap) -> MapIndex:
    """The index as a map built from scratch, in the same order, would hold it."""
    return ArgumentMap(
        title=m.title, sources=list(m.sources.values()), nodes=m.nodes(), central=m.central
    ).index


def _as_data(index: MapIndex) -> dict[str, Any]:
    return {name: getattr(index, name) for name in MapIndex.__slots__}


def _graph_agrees(m: ArgumentMap) -> None:
    """Every edge of the graph is in the index and the other way round."""
    index = m.index
    edges = set()
    for inference in [*index.supports.values(), *index.attacks.values()]:
        edges |= {(p, inference.id) for p in inference.premises}
        edges.add((inference.id, inference.target))
    assert set(m.graph.edges) == edges
    assert set(m.graph.nodes) == {*index.statements, *index.supports, *index.attacks}


@pytest.mark.parametrize("budget", budgets(20, 60))
def test_the_index_after_removals_is_the_index_built_from_scratch(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps(max_statements=8), st.data())
    def holds(m: ArgumentMap, data: st.DataObject) -> None:
        for _ in range(data.draw(st.integers(0, 4))):
            if not len(m):
                break
            victim = data.draw(st.sampled_from(list(m)))
            m.remove(victim, cascade=True)
            assert _as_data(m.index) == _as_data(_fresh(m))
            _graph_agrees(m)
            for key_lists in (m.index.supports_into, m.index.attacks_into, m.index.premise_of):
                assert all(key_lists.values()), "an emptied list must leave its key"

    holds()


def test_bears_on_follows_attacks_on_attacks_down_to_a_statement() -> None:
    m = ArgumentMap()
    for sid in "cpqrt":
        m.premise(sid, sid.upper() + ".")
    m.support("p", "c", id="s")
    m.attack("q", "s", id="a1")
    m.attack("r", "a1", id="a2")
    m.attack("t", "a2", id="a3")
    assert [m.bears_on(i) for i in ("s", "a1", "a2", "a3")] == ["c", "c", "c", "c"]
    assert m.index.bears_on == {"s": "c", "a1": "c", "a2": "c", "a3": "c"}


@pytest.mark.parametrize("bulk", [True, False])
def test_the_index_counts_the_attacks_on_inferences(bulk: bool) -> None:
    nodes: list[Any] = [Premise(id=sid, text="T.") for sid in ("p", "q", "r")]
    nodes.append(Claim(id="c", text="C."))
    nodes.append(Support(id="s", premises=("p", "q"), conclusion="c"))
    nodes.append(Attack(id="a", premises=("r",), target="q"))
    nodes.append(Attack(id="u", premises=("q",), target="s"))
    if bulk:
        m = ArgumentMap(nodes=nodes)
    else:
        m = ArgumentMap()
        for node in nodes:
            m.add(node)
    index = m.index
    assert index.undercuts == 1
    m.remove("u")
    assert index.undercuts == 0
    m.attack("r", "s", id="u2")
    m.attack("p", "u2", id="u3")  # on an attack on an inference
    assert index.undercuts == 2
    m.remove("a")  # an attack on a statement
    assert index.undercuts == 2
    m.remove("s", cascade=True)  # the two undercuts go with the support they bear on
    assert index.undercuts == 0


def test_bears_on_refuses_statements_and_unknown_ids() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    with pytest.raises(Exception, match="'c' is a claim, not an inference"):
        m.bears_on("c")
    with pytest.raises(Exception, match="unknown node 'nope'"):
        m.bears_on("nope")


def test_a_long_chain_of_attacks_on_attacks_loads_in_any_order() -> None:
    n = 3000  # far past the recursion limit, listed last-first
    nodes: list[Any] = [Claim(id="c", text="C."), Premise(id="p", text="P.")]
    nodes += [Premise(id=f"r{i}", text=f"R{i}.") for i in range(n)]
    nodes.append(Support(id="s", premises=("p",), conclusion="c"))
    nodes += [
        Attack(id=f"a{i}", premises=(f"r{i}",), target=f"a{i - 1}" if i else "s")
        for i in reversed(range(n))
    ]
    m = ArgumentMap(nodes=nodes)
    assert m.bears_on(f"a{n - 1}") == "c"
    assert [n.id for n in m.nodes()] == [n.id for n in nodes]  # the order given


def test_the_three_edge_roles_share_their_attribute_dicts() -> None:
    m = ArgumentMap()
    for sid in "cpq":
        m.premise(sid, sid.upper() + ".")
    m.support("p", "c")
    m.support("q", "c")
    roles = [d for _, _, d in m.graph.edges(data=True) if d["role"] == "premise"]
    assert len(roles) == 2
    assert roles[0] is roles[1]


def test_paused_gc_restores_a_collector_that_was_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_paused_gc_restores_the_collector_after_an_error() -> None:
    with pytest.raises(ValueError, match="boom"), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()


def test_threads_pause_the_collector_together_and_the_last_one_out_restores_it() -> None:
    # check() in threads: one thread could read the collector as off while another had it
    # paused, then turn it off for good after the other had turned it back on.
    import threading

    inside, b_may_leave = threading.Event(), threading.Event()
    seen: list[bool] = []

    def b() -> None:
        with paused_gc():
            inside.set()
            b_may_leave.wait(5)
            seen.append(gc.isenabled())  # after A left, B's pause still holds

    with paused_gc():
        thread = threading.Thread(target=b)
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # B is still inside
    b_may_leave.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="PyObject_GC_UnTrack is CPython's")
def test_gc_untrack_leaves_an_object_to_reference_counting_until_a_container_goes_in() -> None:
    box: dict[str, list[int]] = {"a": []}
    assert gc.is_tracked(box)
    gc_untrack()(box)
    assert not gc.is_tracked(box)
    box["b"] = []  # the dict tracks itself again: a cycle through it stays collectable
    assert gc.is_tracked(box)


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="PyObject_GC_UnTrack is CPython's")
def test_the_collector_walks_no_plain_node_of_a_map_but_walks_nodes_with_data() -> None:
    class Marked(Claim):
        pass

    m = ArgumentMap()
    plain = m.claim("c", "C.")
    loaded = ArgumentMap(nodes=[Premise(id="q", text="Q.")])["q"]
    with_data = m.premise("p", "P.", data={"nested": {"k": 1}})
    sub = m.add(Marked(id="m", text="M."))
    support = m.support("p", "c", id="s")
    for node in (plain, loaded, support):
        assert not gc.is_tracked(node)
        assert not gc.is_tracked(node.__dict__)
    assert not gc.is_tracked(m.graph.nodes["c"])
    for node in (with_data, sub):  # their values may hold what leads back: the collector looks
        assert gc.is_tracked(node)
        assert gc.is_tracked(m.graph.nodes[node.id])


def test_a_removed_node_is_freed_without_the_collector() -> None:
    m = ArgumentMap()
    ref = weakref.ref(m.claim("c", "C."))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        m.remove("c")
        assert ref() is None
    finally:
        if was_enabled:
            gc.enable()


@pytest.mark.parametrize(
    "unvalidated",
    [
        lambda: Claim(id="c", text="C.", data={"k": 1}).model_copy(update={"data": {}}),
        lambda: Claim.model_construct(id="c", text="C.", data={}),
        lambda: Claim(id="c", text="C.").model_copy(update={"acknowledge": {}}),
    ],
    ids=["model_copy", "model_construct", "acknowledge"],
)
def test_a_plain_dict_from_an_unvalidated_model_cannot_leak_a_cycle(unvalidated: Any) -> None:
    # A plain {} equals the frozen mapping validation makes, so the map kept the user's own
    # model, untracked, with a dict the user could still fill with a cycle: it leaked for good.
    m = ArgumentMap()
    m.add(unvalidated())
    stored = m["c"]
    for name in ("data", "acknowledge"):
        assert type(getattr(stored, name)) is not dict
        with pytest.raises(TypeError):
            getattr(stored, name)["back"] = stored
    ref = weakref.ref(stored)
    del m, stored
    gc.collect()
    assert ref() is None


def test_gc_untrack_falls_back_to_the_collector_without_ctypes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A Python built without ctypes (or a sandbox that refuses it) must still build maps.
    import builtins

    real_import = builtins.__import__

    def no_ctypes(name: str, *args: object, **kwargs: object) -> object:
        if name == "ctypes":
            raise ImportError("no ctypes here")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    gc_untrack.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_ctypes)
    try:
        untrack = gc_untrack()
        box: dict[str, list[int]] = {"a": []}
        untrack(box)
        assert gc.is_tracked(box)
    finally:
        monkeypatch.undo()
        gc_untrack.cache_clear()
    again: dict[str, list[int]] = {"a": []}
    gc_untrack()(again)
    assert gc.is_tracked(again) is (sys.implementation.name != "cpython")


def test_the_index_knows_the_nodes_that_acknowledge_as_they_come_and_go() -> None:
    m = ArgumentMap()
    m.claim("c", "C.", acknowledge={"AM101": "The text only asserts it."})
    m.premise("p", "P.")
    m.support("p", "c", id="s", acknowledge={"AM103": "bare"})
    assert m.index.acknowledging == {
        "c": {"AM101": "The text only asserts it."},
        "s": {"AM103": "bare"},
    }
    m.remove("s")
    assert list(m.index.acknowledging) == ["c"]
    assert list(ArgumentMap(nodes=m.nodes()).index.acknowledging) == ["c"]


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="PyObject_GC_UnTrack is CPython's")
def test_a_model_with_a_plain_dict_stays_tracked_even_past_from_validated() -> None:
    built = Claim.model_construct(id="c", text="C.", acknowledge={}, data={})
    m = ArgumentMap.from_validated(nodes=[built])
    assert m["c"] is built  # the contract was broken; the map still leaves it to the collector
    assert gc.is_tracked(built)
    assert gc.is_tracked(m.graph.nodes["c"])
