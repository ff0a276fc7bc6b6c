"""No silent loss: for every reader-writer pair of the format table, a map written and read back
is equal, or a FormatLossWarning names every field that did not survive (or the writer refuses
the map, saying what the format cannot hold).

The expected names come from the actual difference (a structural diff of the two maps'
``to_dict()``, mapped to field names), never from a list kept by hand: a writer that drops
something nobody thought of fails here. The maps are built ones, random ones from the hypothesis
strategies, and every sample file of the shared data (``../shared/data``; the whole matrix over
it is marked slow, and a file of each format runs by default).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from losses import _named, lost_fields
from strategies import json_values, maps

import argmap
from argmap import ArgumentMap, FileFormatError, FormatLossWarning
from argmap.examples import north_korea
from argmap.io.argdown.convention import RESERVED as ARGDOWN_RESERVED
from argmap.io.formats import BUILTIN_FORMATS, Format

PAIRS = [f for f in BUILTIN_FORMATS if f.can_load and f.can_dump]
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
SAMPLES = sorted(
    p
    for p in (SHARED.rglob("*") if SHARED.is_dir() else [])
    if p.suffix in (".argdown", ".json", ".yml", ".yaml", ".xml") and p.is_file()
)
NO_DATA = f"the shared sample data is absent ({SHARED})"


def round_trip(fmt: Format, m: ArgumentMap) -> tuple[ArgumentMap, list[str]]:
    """``m`` written in ``fmt`` and read back, and what the writer's FormatLossWarnings said."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = fmt.dump_text(m)
    said = [str(w.message) for w in caught if issubclass(w.category, FormatLossWarning)]
    others = [w for w in caught if not issubclass(w.category, FormatLossWarning)]
    assert not others, [str(w.message) for w in others]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader's own warnings (a repair) are no loss
        back = fmt.load_text(text)
    return back, said


def assert_no_silent_loss(fmt: Format, m: ArgumentMap, *, nothing_added: bool = False) -> None:
    """``m`` comes back through ``fmt``, or the writer names what it lost, or refuses the map.
    With ``nothing_added``, the map read back may hold no node or source ``m`` did not, unless
    the writer named such items lost (they came back as others)."""
    try:
        back, said = round_trip(fmt, m)
    except FileFormatError as refused:  # a writer may refuse a map, saying why: no silent loss
        problem = str(refused)
    else:
        problem = ""
    if problem:
        assert "cannot hold" in problem, problem
        return
    before, after = argmap.to_dict(m), argmap.to_dict(back)
    if nothing_added:  # unless what came in their place was named lost (Carneades' undercutters)
        for key in ("nodes", "sources"):
            new = {n["id"] for n in after.get(key, [])} - {n["id"] for n in before.get(key, [])}
            named = any(_named(key, s) for s in said)
            assert named or not new, f"{fmt.name} read back {key} never written: {sorted(new)}"
    lost = lost_fields(before, after)
    unnamed = sorted(f for f in lost if not any(_named(f, s) for s in said))
    assert not unnamed, f"{fmt.name} dropped {unnamed} without saying so (it said: {said})"


def _every_field() -> ArgumentMap:
    """A map with a value in every field argmap has, for writers to drop."""
    m = ArgumentMap(title="Every field", data={"x": 1, "aif": {"nodes": []}})
    m.add_source(argmap.Source(id="src", title="A source", text="It rained twice.", data={"k": 1}))
    m.claim("c", "We should act.", note="A note.", tags=("t",), data={"d": [1, 2]}, title="C")
    m.premise("p", "It works.", weight=0.5, assumption=True)
    m.case("k", "It rained twice.", quotes=["It rained twice."], source="src", when="2020")
    m.rebuttal("r", "It does not work.")
    m.support(["p", "k"], "c", id="s", scheme="example", note="Inferred.", title="S")
    m.attack("r", "c", id="a", weight=0.3, data={"w": True})
    m.attack("p", "a", id="u")
    m.central = "c"
    return m


BUILT = {
    "north-korea": north_korea,
    "empty-with-data": lambda: ArgumentMap(title="T", data={"x": 1}),
    "every-field": _every_field,
}


@pytest.mark.parametrize("fmt", PAIRS, ids=[f.name for f in PAIRS])
@pytest.mark.parametrize("name", list(BUILT))
def test_built_maps_come_back_or_the_loss_is_named(fmt: Format, name: str) -> None:
    assert_no_silent_loss(fmt, BUILT[name]())


@pytest.mark.parametrize("budget", budgets(6, 15))
@pytest.mark.parametrize("fmt", PAIRS, ids=[f.name for f in PAIRS])
def test_random_maps_come_back_or_the_loss_is_named(fmt: Format, budget: int) -> None:
    @settings(max_examples=budget, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(m=maps())
    def comes_back(m: ArgumentMap) -> None:
        assert_no_silent_loss(fmt, m)

    comes_back()


def test_the_check_sees_a_silent_loss() -> None:
    """The check itself can fail: a writer that drops the map's data without a word."""
    m = ArgumentMap(title="T", data={"x": 1})
    back = ArgumentMap(title="T")
    assert lost_fields(argmap.to_dict(m), argmap.to_dict(back)) == {"data"}
    assert not any(_named("data", s) for s in ["GEXF cannot hold everything; left out: title"])
    assert _named("nodes.note", "left out: note of 2 nodes (a, b)")
    assert not _named("data", "left out: data of 2 nodes (a, b)")


def _load_sample(path: Path) -> ArgumentMap:
    fmt = "carneades" if path.suffix in (".yml", ".yaml") else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return argmap.load(path, format=fmt)


def _sample_id(path: Path) -> str:
    return str(path.relative_to(SHARED))


# One file of each format runs by default; CI runs the whole matrix over ../shared/data (slow).
_FIRST = {}
for _path in SAMPLES:
    _FIRST.setdefault(_path.parent.name, _path)


@pytest.mark.skipif(not SAMPLES, reason=NO_DATA)
@pytest.mark.parametrize("fmt", PAIRS, ids=[f.name for f in PAIRS])
@pytest.mark.parametrize("path", list(_FIRST.values()), ids=_sample_id)
def test_a_sample_of_each_format_comes_back_or_the_loss_is_named(fmt: Format, path: Path) -> None:
    assert_no_silent_loss(fmt, _load_sample(path))


@pytest.mark.slow
@pytest.mark.skipif(not SAMPLES, reason=NO_DATA)
@pytest.mark.parametrize("path", SAMPLES, ids=_sample_id)
def test_every_sample_through_every_format_comes_back_or_the_loss_is_named(path: Path) -> None:
    m = _load_sample(path)
    for fmt in PAIRS:
        assert_no_silent_loss(fmt, m)


# User data under the keys where readers keep a format's own fields (argmap.io.kept): values of
# the shapes those fields have (ids, node texts, types, dialogue nodes and edges, layouts,
# metadata) and of any other shape.
# Every key a reader or writer of argmap.io reads or writes in ``data`` for itself: the formats'
# keys, argmap's own extension and bookkeeping, Carneades' and SADFace's metadata, microtexts'
# EDUs, and every key an Argdown data block reads as one of argmap's fields.
_RESERVED = sorted(
    {
        "aif",
        "xaif",
        "sadface",
        "carneades",
        "microtexts",
        "repaired",
        "argdown",
        "section",
        "_argmap",
        "argmap",
        "meta",
        "metadata",
        "edu",
        "edus",
        "nodeID",
        *ARGDOWN_RESERVED,
    }
)
_FILE_IDS = st.sampled_from(["c", "p", "s", "a", "1", "node 1", "x y", 5, 0, "é"])
_FIELDS = st.sampled_from(
    [
        "nodeID", "id", "text", "type", "name", "scheme", "schemeID", "metadata", "sources",
        "nodes", "edges", "OVA", "core", "title", "resources", "locutions", "timestamp", "meta",
        "schemefulfillments", "issue", "undercutter", "fields", "edu", "_argmap", "argmap",
        "firstname", "visible", "txt",
    ]
)  # fmt: skip
_AIF_NODES = st.lists(
    st.fixed_dictionaries(
        {"nodeID": _FILE_IDS, "type": st.sampled_from(["I", "RA", "CA", "L", "YA", "TA", "MA"])},
        optional={"text": json_values},
    ),
    max_size=3,
)
_AIF_EDGES = st.lists(
    st.fixed_dictionaries({"fromID": _FILE_IDS, "toID": _FILE_IDS}, optional={"edgeID": _FILE_IDS}),
    max_size=3,
)
_BOOKKEEPING = st.recursive(
    st.one_of(json_values, _FILE_IDS, _AIF_NODES, _AIF_EDGES, st.just({"txt": ""})),
    lambda inner: st.dictionaries(_FIELDS, inner, max_size=4),
    max_leaves=8,
)
reserved_data = st.dictionaries(st.sampled_from(_RESERVED), _BOOKKEEPING, max_size=3)


@st.composite
def maps_with_reserved_data(draw: st.DrawFn) -> ArgumentMap:
    """A random map whose map, sources, statements and inferences hold user data under the
    reserved keys."""
    raw = argmap.to_dict(draw(maps(max_statements=4, rich=draw(st.booleans()))))
    raw["data"] = {**raw.get("data", {}), **draw(reserved_data)}
    for item in [*raw["nodes"], *raw.get("sources", [])]:
        if draw(st.booleans()):
            item["data"] = {**item.get("data", {}), **draw(reserved_data)}
    return ArgumentMap.from_dict(raw)


@pytest.mark.parametrize("budget", budgets(6, 20))
@pytest.mark.parametrize("fmt", PAIRS, ids=[f.name for f in PAIRS])
def test_user_data_under_reserved_keys_comes_back_or_the_loss_is_named(
    fmt: Format, budget: int
) -> None:
    # {"aif": {"nodeID": "x"}} or {"sadface": {"id": ...}} changed ids, kinds or values after
    # a round trip through AIF, xAIF or SADFace: the writers took user data for their own.
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(m=maps_with_reserved_data())
    def comes_back(m: ArgumentMap) -> None:
        assert_no_silent_loss(fmt, m, nothing_added=True)

    comes_back()


def test_user_data_that_looks_like_a_formats_own_fields_comes_back() -> None:
    for shape in (
        {"nodeID": "zz", "type": "RA", "text": "x"},
        {"id": "other", "name": "Expert opinion", "metadata": {"argmap": 1}},
        {"nodes": [{"nodeID": "p", "type": "I", "text": "t"}], "edges": []},
        {"OVA": {"firstname": ""}, "text": {"txt": ""}},
        {},
    ):
        data = {"aif": shape, "xaif": shape, "sadface": shape, "repaired": [shape]}
        m = ArgumentMap(title="T", data=data)
        m.claim("c", "C.", data=data)
        m.premise("p", "P.", data=data)
        s = m.support("p", "c", data=data)
        m.premise("q", "Q.")
        m.attack("q", s.id, data=data)
        for name in ("aif", "xaif", "sadface"):
            assert argmap.loads(argmap.dumps(m, format=name), format=name) == m, (name, shape)
