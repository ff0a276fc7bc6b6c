"""AIF and xAIF: the shared AIFdb files load with every node accounted for, round trips keep
maps equal, arguebuf agrees on the counts, and malformed documents give located errors."""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from strategies import maps

import argmap
from argmap import (
    ArgumentMap,
    Attack,
    FileFormatError,
    FormatLossWarning,
    RepairWarning,
    Support,
)
from argmap.examples import north_korea
from argmap.io import aif
from argmap.io.repair import REPAIRED

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "aif"
FILES = sorted(DATA.glob("*.json")) if DATA.is_dir() else []
needs_data = pytest.mark.skipif(not FILES, reason=f"the shared sample data is absent ({DATA})")


def _doc(nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]]) -> str:
    """An AIF document from (id, type, text) nodes and (from, to) edges."""
    return json.dumps(
        {
            "nodes": [{"nodeID": i, "type": t, "text": x} for i, t, x in nodes],
            "edges": [
                {"edgeID": str(n), "fromID": a, "toID": b} for n, (a, b) in enumerate(edges, 1)
            ],
        }
    )


# -- the shared AIFdb files ----------------------------------------------------------------------


def _counts(doc: dict[str, Any]) -> tuple[int, int, int, int]:
    """Count I-nodes, RA-nodes and CA-nodes, and nodes of every other type, from the JSON."""
    types = Counter(n["type"] for n in doc["nodes"])
    return (
        types["I"],
        types["RA"],
        types["CA"],
        sum(types.values()) - types["I"] - types["RA"] - types["CA"],
    )


@needs_data
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_shared_file_loads_with_every_node_accounted_for(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path)  # .json: told apart from the other JSON formats by sniffing
    statements, supports, attacks, others = _counts(doc)
    assert len(list(m.statements())) == statements
    assert len(m.nodes("support")) == supports
    assert len(m.nodes("attack")) == attacks
    kept = m.data["aif"]
    assert len(kept.get("nodes", [])) == others  # L, TA, YA, MA nodes: kept, not dropped
    by_id = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    argument_edges = [
        e for e in doc["edges"] if by_id[e["fromID"]] in "I RA CA" and by_id[e["toID"]] in "I RA CA"
    ]
    assert len(kept.get("edges", [])) == len(doc["edges"]) - len(argument_edges)
    assert sum(len(i.premises) + 1 for i in m.inferences()) == len(argument_edges)
    assert kept["locutions"] == doc["locutions"]
    for node in doc["nodes"]:
        if node["type"] == "I":
            assert m[node["nodeID"]].text == node["text"]
            assert m[node["nodeID"]].data["aif"]["timestamp"] == node["timestamp"]


@needs_data
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_shared_file_round_trips(path: Path, tmp_path: Path) -> None:
    m = argmap.load(path)
    for fmt in ("aif", "xaif", "json", "yaml"):
        out = tmp_path / f"again.{fmt}.json"
        argmap.dump(m, out, format=fmt)
        assert argmap.load(out, format=fmt) == m, fmt
    again = json.loads(aif.dumps(m))
    original = json.loads(path.read_text(encoding="utf-8"))
    assert Counter(n["type"] for n in again["nodes"]) == Counter(
        n["type"] for n in original["nodes"]
    )
    assert len(again["edges"]) == len(original["edges"])
    assert "_argmap" not in again  # nothing argmap-specific to add to a plain AIF file
    assert not any("_argmap" in n for n in again["nodes"])


@needs_data
def test_scheme_names_and_the_central_claim_of_the_reconstructed_map() -> None:
    m = argmap.load(DATA / "6064-reconstructed.json")
    schemes = Counter(s.scheme for s in m.nodes("support"))
    assert schemes == Counter({"Default Inference": 4, None: 1})  # one RA is labelled "RA"
    doc = json.loads((DATA / "6064-reconstructed.json").read_text(encoding="utf-8"))
    by_id = {n["nodeID"]: n for n in doc["nodes"]}
    concluding = {e["toID"] for e in doc["edges"] if by_id[e["fromID"]]["type"] == "RA"}
    premises = {e["fromID"] for e in doc["edges"] if by_id[e["toID"]]["type"] in ("RA", "CA")}
    roots = sorted(concluding - premises)
    assert m.central == (roots[0] if len(roots) == 1 else None)
    assert m["111814"].data["aif"] == {"timestamp": "2015-11-25 16:13:50", "schemeID": "72"}


@needs_data
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_arguebuf_agrees_on_atoms_schemes_and_edges(path: Path) -> None:
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf (the reference reader) is absent")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # arguebuf warns about the dialogue edges it drops
        graph = arguebuf.load.file(path)
    m = argmap.load(path)
    kept = m.data["aif"]
    rephrases = [n for n in kept.get("nodes", []) if n["type"] in ("MA", "PA")]
    kept_types = {n["nodeID"]: n["type"] for n in kept.get("nodes", [])}
    # arguebuf keeps I-nodes as atoms and RA, CA, MA and PA nodes as schemes, and the edges
    # between them; it drops the dialogue nodes (L, TA, YA) and their edges.
    assert len(graph.atom_nodes) == len(list(m.statements()))
    assert len(graph.scheme_nodes) == len(list(m.inferences())) + len(rephrases)
    scheme_edges = [
        e
        for e in kept.get("edges", [])
        if all(kept_types.get(e[k], "I") in ("I", "MA", "PA") for k in ("fromID", "toID"))
    ]
    argument_edges = sum(len(i.premises) + 1 for i in m.inferences())
    assert len(graph.edges) == argument_edges + len(scheme_edges)
    # ... and reads argmap's own AIF output of the map the same way.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        again = arguebuf.load.dict(json.loads(aif.dumps(m)))
    assert len(again.atom_nodes) == len(graph.atom_nodes)
    assert len(again.scheme_nodes) == len(graph.scheme_nodes)
    assert len(again.edges) == len(graph.edges)


# -- what AIF nodes become -------------------------------------------------------------------------


def test_linked_support_rebuttal_undercut_and_attack_on_attack() -> None:
    m = argmap.loads(
        _doc(
            [
                ("c", "I", "We should act."),
                ("p", "I", "It works."),
                ("q", "I", "It is cheap."),
                ("r", "I", "It failed before."),
                ("u", "I", "One case shows nothing."),
                ("w", "I", "That failure was different."),
                ("ra", "RA", "Argument From Consequences"),
                ("ca1", "CA", "Default Conflict"),
                ("ca2", "CA", "CA"),
                ("ca3", "CA", "CA"),
            ],
            [
                ("p", "ra"),
                ("q", "ra"),
                ("ra", "c"),
                ("r", "ca1"),
                ("ca1", "c"),
                ("u", "ca2"),
                ("ca2", "ra"),
                ("w", "ca3"),
                ("ca3", "ca1"),
            ],
        ),
        format="aif",
    )
    ra = m["ra"]
    assert isinstance(ra, Support)
    assert (ra.premises, ra.conclusion, ra.scheme) == (
        ("p", "q"),
        "c",
        "Argument From Consequences",
    )
    ca1, ca2, ca3 = m["ca1"], m["ca2"], m["ca3"]
    assert isinstance(ca1, Attack)
    assert isinstance(ca2, Attack)
    assert isinstance(ca3, Attack)
    assert (ca1.target, ca1.scheme) == ("c", "Default Conflict")
    assert (ca2.target, ca2.scheme) == ("ra", None)  # an undercut; "CA" names no scheme
    assert ca3.target == "ca1"  # an attack on an attack
    assert [m[k].kind for k in "cpqruw"] == [
        "claim",
        "premise",
        "premise",
        "rebuttal",
        "rebuttal",
        "rebuttal",
    ]
    assert m.central == "c"
    assert aif.loads(aif.dumps(m)) == m
    assert aif.loads_xaif(aif.dumps_xaif(m)) == m


def test_no_central_claim_when_two_conclusions_stand_alone() -> None:
    m = aif.loads(
        _doc(
            [
                ("a", "I", "A."),
                ("b", "I", "B."),
                ("p", "I", "P."),
                ("s1", "RA", "RA"),
                ("s2", "RA", "RA"),
            ],
            [("p", "s1"), ("s1", "a"), ("p", "s2"), ("s2", "b")],
        )
    )
    assert m.central is None
    assert aif.loads(aif.dumps(m)) == m


def test_a_central_claim_the_graph_does_not_imply_survives() -> None:
    m = ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.central = "b"
    text = aif.dumps(m)
    assert json.loads(text)["_argmap"] == {"central": "b"}
    assert aif.loads(text).central == "b"
    m.central = None
    m.premise("p", "P.")
    m.support("p", "a")
    assert json.loads(aif.dumps(m))["_argmap"] == {"central": None}  # the graph implies 'a'
    assert aif.loads(aif.dumps(m)).central is None


def test_ids_that_are_not_argmap_ids_are_cleaned_and_given_back() -> None:
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "claim one", "type": "I", "text": "C."},
                {"nodeID": 7, "type": "I", "text": "P."},
                {"nodeID": "ra/1", "type": "RA", "text": "RA"},
            ],
            "edges": [
                {"edgeID": 1, "fromID": 7, "toID": "ra/1"},
                {"edgeID": 2, "fromID": "ra/1", "toID": "claim one"},
            ],
        }
    )
    m = aif.loads(text)
    assert sorted(m) == ["7", "claim_one", "ra_1"]
    assert m["ra_1"].premises == ("7",)
    out = json.loads(aif.dumps(m))
    assert [n["nodeID"] for n in out["nodes"]] == ["claim one", 7, "ra/1"]
    assert {(e["fromID"], e["toID"]) for e in out["edges"]} == {
        ("7", "ra/1"),
        ("ra/1", "claim one"),
    }
    assert aif.loads(aif.dumps(m)) == m


def test_dialogue_nodes_are_kept_and_written_back() -> None:
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "type": "I", "text": "We should act."},
                {"nodeID": "2", "type": "L", "text": "Bob: we should act"},
                {"nodeID": "3", "type": "YA", "text": "Asserting", "scheme": "Asserting"},
            ],
            "edges": [
                {"edgeID": "1", "fromID": "2", "toID": "3"},
                {"edgeID": "2", "fromID": "3", "toID": "1"},
            ],
            "locutions": [{"nodeID": "2", "personID": "9"}],
            "participants": [{"participantID": "9", "firstname": "Bob", "surname": "B"}],
        }
    )
    m = aif.loads(text)
    assert list(m) == ["1"]
    kept = m.data["aif"]
    assert [n["type"] for n in kept["nodes"]] == ["L", "YA"]
    assert len(kept["edges"]) == 2
    out = json.loads(aif.dumps(m))
    assert [n["nodeID"] for n in out["nodes"]] == ["1", "2", "3"]
    assert out["locutions"] == [{"nodeID": "2", "personID": "9"}]
    assert out["participants"][0]["firstname"] == "Bob"
    assert len(out["edges"]) == 2
    # Remove the I-node: the YA edge to it has nowhere to go, and the writer says so.
    m.remove("1")
    with pytest.warns(FormatLossWarning, match=r"1 kept dialogue or rephrase edges .*edgeID 2"):
        aif.dumps(m)


def test_a_native_map_keeps_everything_in_the_extension() -> None:
    m = north_korea()
    doc = json.loads(aif.dumps(m))
    assert doc["_argmap"]["title"] == m.title
    assert [s["id"] for s in doc["_argmap"]["sources"]] == list(m.sources)
    cases = [n for n in doc["nodes"] if n.get("_argmap", {}).get("kind") == "case"]
    assert len(cases) == len(m.nodes("case"))
    assert aif.loads(aif.dumps(m)) == m


@pytest.mark.parametrize("budget", budgets(10, 30))
def test_random_maps_survive_aif(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps(rich=True))
    def holds(m: ArgumentMap) -> None:
        assert aif.loads(aif.dumps(m)) == m
        assert argmap.loads(argmap.dumps(m, format="aif"), format="aif") == m

    holds()


@pytest.mark.parametrize("budget", budgets(10, 30))
def test_random_maps_survive_xaif(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps(rich=True))
    def holds(m: ArgumentMap) -> None:
        assert aif.loads_xaif(aif.dumps_xaif(m)) == m

    holds()


# -- xAIF --------------------------------------------------------------------------------------


XAIF = {
    "AIF": {
        "nodes": [
            {"nodeID": 0, "text": "disagreements are to be expected.", "type": "L"},
            {"nodeID": 1, "text": "the SNP has disagreements.", "type": "L"},
            {"nodeID": 3, "text": "disagreements are to be expected.", "type": "I"},
            {"nodeID": 4, "text": "Default Illocuting", "type": "YA"},
            {"nodeID": 5, "text": "the SNP has disagreements.", "type": "I"},
            {"nodeID": 6, "text": "Default Illocuting", "type": "YA"},
            {"nodeID": 9, "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": 0, "fromID": 0, "toID": 4},
            {"edgeID": 1, "fromID": 4, "toID": 3},
            {"edgeID": 2, "fromID": 1, "toID": 6},
            {"edgeID": 3, "fromID": 6, "toID": 5},
            {"edgeID": 4, "fromID": 5, "toID": 9},
            {"edgeID": 5, "fromID": 9, "toID": 3},
        ],
        "locutions": [{"nodeID": 0, "personID": 0}, {"nodeID": 1, "personID": 1}],
        "participants": [
            {"participantID": 0, "firstname": "Speaker", "surname": "1"},
            {"participantID": 1, "firstname": "Speaker", "surname": "2"},
        ],
        "schemefulfillments": [{"nodeID": 9, "schemeID": "72"}],
        "descriptorfulfillments": None,
    },
    "OVA": {
        "firstname": "Ann",
        "surname": "Analyst",
        "url": "",
        "nodes": [
            {"nodeID": "3", "visible": True, "x": 10, "y": 20, "timestamp": ""},
            {"nodeID": "9", "visible": True, "x": 30, "y": 40, "timestamp": ""},
        ],
        "edges": [{"fromID": "5", "toID": "9", "visible": False}],
    },
    "dialog": True,
    "text": {"txt": "Speaker 1: ...", "url": ""},
}


def test_xaif_reads_schemes_layout_and_dialogue() -> None:
    text = json.dumps(XAIF)
    m = argmap.loads(text)  # sniffed: the AIF wrapper says xAIF
    assert sorted(m) == ["3", "5", "9"]
    assert m["9"].scheme == "Default Inference"  # type: ignore[union-attr]
    assert m["9"].data["aif"] == {"nodeID": 9, "schemeID": "72"}
    assert m.central == "3"
    assert m.data["xaif"]["dialog"] is True
    assert m.data["xaif"]["OVA"]["firstname"] == "Ann"
    out = json.loads(aif.dumps_xaif(m))
    assert out["AIF"]["schemefulfillments"] == [{"nodeID": 9, "schemeID": "72"}]
    assert out["AIF"]["descriptorfulfillments"] is None
    assert out["AIF"]["participants"] == XAIF["AIF"]["participants"]  # type: ignore[index]
    layout = {n["nodeID"]: (n["x"], n["y"]) for n in out["OVA"]["nodes"]}
    assert layout["3"] == (10, 20)
    assert layout["9"] == (30, 40)
    assert set(layout) == {"0", "1", "3", "4", "5", "6", "9"}  # the rest placed anew
    hidden = [e for e in out["OVA"]["edges"] if not e["visible"]]
    assert hidden == [{"fromID": "5", "toID": "9", "visible": False}]
    assert out["text"] == XAIF["text"]
    assert out["dialog"] is True
    assert aif.loads_xaif(json.dumps(out)) == m
    # xAIF read as plain AIF (or the other way) still keeps everything, in data.
    assert aif.loads(aif.dumps(m)) == m


def test_xaif_without_the_aif_object_is_refused() -> None:
    with pytest.raises(FileFormatError, match="no 'AIF' object"):
        aif.loads_xaif('{"nodes": []}', path="m.json")


# -- sniffing --------------------------------------------------------------------------------------


def test_sniffers_tell_aif_xaif_and_native_apart() -> None:
    native = argmap.dumps(north_korea(), format="json")
    plain = aif.dumps(north_korea())
    wrapped = aif.dumps_xaif(north_korea())
    assert [aif.sniff(t) for t in (native, plain, wrapped)] == [False, True, False]
    assert [aif.sniff_xaif(t) for t in (native, plain, wrapped)] == [False, False, True]
    assert argmap.loads(plain) == argmap.loads(wrapped) == argmap.loads(native) == north_korea()


# -- malformed documents ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "the top level is a list"),
        ('{"edges": []}', "no 'nodes' list"),
        ('{"nodes": {}}', "'nodes' is a dict; it must be a list"),
        ('{"nodes": [{"type": "I"}]}', r"nodes\[0\]\): field 'nodeID' is required"),
        ('{"nodes": [{"nodeID": true, "type": "I"}]}', "must be a string or a number"),
        ('{"nodes": [{"nodeID": "1"}]}', r"nodes\[0\]\): field 'type' is required"),
        ('{"nodes": [{"nodeID": "1", "type": 3}]}', "type 3 must be a string"),
        ('{"nodes": ["1"]}', r"nodes\[0\]\): a node must be an object"),
        ('{"nodes": [{"nodeID": "1", "type": "atom"}]}', "SADFace's, not AIF's"),
        ('{"nodes": [], "edges": [3]}', r"edges\[0\]\): an edge must be an object"),
        (
            '{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}], "edges": [{"fromID": "1"}]}',
            r"edges\[0\]\): field 'toID' is required",
        ),
        (
            '{"nodes": [{"nodeID": "1", "type": "I", "text": "A"},'
            ' {"nodeID": "1", "type": "I", "text": "B"}]}',
            "nodeID '1' is used twice",
        ),
        (
            '{"nodes": [{"nodeID": "1", "type": "I", "text": " "}]}',
            r"nodes\[0\] \(nodeID '1'\)\): text: must not be blank",
        ),
    ],
)
def test_malformed_documents_name_the_file_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message) as info:
        aif.loads(text, path="bad.json")
    assert str(info.value).startswith("bad.json")


@pytest.mark.parametrize(
    ("nodes", "edges", "message"),
    [
        ([("a", "I", "A."), ("b", "I", "B.")], [("a", "b")], "joins two I-nodes"),
        ([("a", "I", "A."), ("s", "RA", "RA")], [("a", "s")], "RA node 's' points at nothing"),
        (
            [("a", "I", "A."), ("b", "I", "B."), ("c", "I", "C."), ("s", "RA", "RA")],
            [("a", "s"), ("s", "b"), ("s", "c")],
            "points at two nodes",
        ),
        (
            [("a", "I", "A."), ("b", "I", "B."), ("s", "RA", "RA"), ("t", "RA", "RA")],
            [("a", "s"), ("s", "b"), ("a", "t"), ("t", "s")],
            "RA node 't' points at the RA node 's'",
        ),
        ([("a", "I", "A."), ("x", "CA", "CA")], [("a", "x"), ("x", "x")], "points at itself"),
        (
            [("a", "I", "A."), ("b", "I", "B."), ("s", "RA", "RA")],
            [("a", "s"), ("a", "s"), ("s", "b")],
            "premise 'a' is listed twice",
        ),
    ],
)
def test_graphs_no_map_can_hold_are_repaired_or_refused_in_strict_mode(
    nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]], message: str
) -> None:
    text = _doc(nodes, edges)
    with pytest.raises(FileFormatError, match=message) as info:
        aif.loads(text, path="bad.json", strict=True)
    assert str(info.value).startswith("bad.json (")
    assert "refused in strict mode" in str(info.value)
    with pytest.warns(RepairWarning, match=message) as caught:
        m = aif.loads(text, path="bad.json")
    assert len(caught) == 1  # one warning per file, however many faults
    repair = m.data[REPAIRED][0]  # an RA whose only edge out was set aside follows it
    assert re.search(message, repair["problem"])
    assert repair["repair"].startswith("kept the")
    # What was set aside is written back, and reading it again repairs it the same way.
    with pytest.warns(RepairWarning):
        again = aif.loads(aif.dumps(m))
    assert again == m


def test_a_self_support_is_repaired_or_refused() -> None:
    text = _doc(
        [("a", "I", "A."), ("b", "I", "B."), ("s", "RA", "RA")],
        [("a", "s"), ("b", "s"), ("s", "a")],
    )
    with pytest.raises(FileFormatError, match="'a' supports itself: it is a premise and the"):
        aif.loads(text, strict=True)
    with pytest.warns(RepairWarning, match="1 fault repaired"):
        m = aif.loads(text)
    assert m["s"].premises == ("b",)
    assert m.data["aif"]["edges"] == [{"edgeID": "1", "fromID": "a", "toID": "s"}]


# -- real corpora: repairs -------------------------------------------------------------------------


def _aifdb_export() -> str:
    """A nodeset as AIFdb serves it: edges to TA and YA nodes the export leaves out."""
    return json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "type": "I", "text": "We should act."},
                {"nodeID": "2", "type": "I", "text": "It works\x92 mostly."},
                {"nodeID": "3", "type": "RA", "text": "Default Inference"},
                {"nodeID": "4", "type": "L", "text": "Bob: it works"},
            ],
            "edges": [
                {"edgeID": "10", "fromID": "2", "toID": "3"},
                {"edgeID": "11", "fromID": "3", "toID": "1"},
                {"edgeID": "12", "fromID": "4", "toID": "77"},
                {"edgeID": "13", "fromID": "78", "toID": "2"},
                {"edgeID": "14", "fromID": "79", "toID": "3"},
            ],
            "locutions": [],
        }
    )


def test_an_aifdb_export_with_dangling_edges_loads_with_one_warning_that_counts() -> None:
    with pytest.warns(RepairWarning) as caught:
        m = aif.loads(_aifdb_export(), path="nodeset1.json")
    [warning] = [w.message for w in caught]
    assert isinstance(warning, RepairWarning)
    assert str(warning).startswith("nodeset1.json: 4 faults repaired while reading (edges[2]:")
    assert warning.path == "nodeset1.json"
    assert len(warning.repairs) == 4
    # The argument is all there; the dialogue node is kept, the dangling edges are not.
    assert m["3"].premises == ("2",)
    assert m["3"].conclusion == "1"
    assert m["2"].text == "It works\u2019 mostly."  # U+0092 read as Windows-1252
    assert m.data["aif"]["nodes"] == [{"nodeID": "4", "type": "L", "text": "Bob: it works"}]
    assert "edges" not in m.data["aif"]
    assert [r["where"] for r in m.data[REPAIRED]] == [
        "edges[2]",
        "edges[3]",
        "edges[4]",
        "nodes[1] (nodeID '2').text",
    ]
    assert m.data[REPAIRED][0] == {
        "where": "edges[2]",
        "problem": "edge '12': toID '77' names no node in the file",
        "repair": "dropped the edge",
    }
    # The record of repairs travels with the map; a second reading repairs nothing more.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert aif.loads(aif.dumps(m)) == m


def test_strict_mode_refuses_the_first_fault_naming_file_and_place(tmp_path: Path) -> None:
    path = tmp_path / "nodeset1.json"
    path.write_text(_aifdb_export(), encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        argmap.load(path, strict=True)
    assert str(info.value) == (
        f"{path} (edges[2]): edge '12': toID '77' names no node in the file (refused in strict "
        "mode; without strict=True argmap would have dropped the edge)"
    )
    with pytest.warns(RepairWarning):
        assert argmap.load(path).data[REPAIRED]
    xaif = json.dumps({"AIF": json.loads(_aifdb_export())})
    with pytest.raises(FileFormatError, match=r"^<text> \(AIF\.edges\[2\]\)"):
        argmap.loads(xaif, strict=True)


def test_a_scheme_node_that_points_at_nothing_is_set_aside_with_what_attacks_it() -> None:
    text = _doc(
        [("a", "I", "A."), ("b", "I", "B."), ("s", "RA", "RA"), ("x", "CA", "CA")],
        [("a", "s"), ("b", "x"), ("x", "s")],
    )
    with pytest.warns(RepairWarning, match="2 faults repaired") as caught:
        m = aif.loads(text)
    assert len(caught) == 1
    assert {n.id for n in m.nodes()} == {"a", "b"}
    assert [n["nodeID"] for n in m.data["aif"]["nodes"]] == ["s", "x"]
    assert [r["problem"] for r in m.data[REPAIRED]] == [
        "RA node 's' points at nothing",
        "CA node 'x' points at nothing",
    ]


def test_a_broken_extension_is_refused() -> None:
    with pytest.raises(FileFormatError, match="_argmap field must be an object"):
        aif.loads('{"nodes": [{"nodeID": "1", "type": "I", "text": "A", "_argmap": 3}]}')
    with pytest.raises(FileFormatError, match=r"_argmap\.sources\[0\]"):
        aif.loads('{"nodes": [], "_argmap": {"sources": [{"id": "s"}]}}')


@pytest.mark.parametrize(
    ("key", "value", "where", "message"),
    [
        ("added", [["locutions"]], r"_argmap\.added\[0\]", "item 0 is a list"),
        ("added", [{"a": 1}], r"_argmap\.added\[0\]", "item 0 is an object"),
        ("added", ["locutions", 5], r"_argmap\.added\[1\]", "item 1 is the number 5"),
        ("added", {"locutions": []}, r"_argmap\.added", "not an object"),
        ("added", "locutions", r"_argmap\.added", "not the text 'locutions'"),
        ("placed", [[1]], r"_argmap\.placed\[0\]", "item 0 is a list"),
        ("placed", [None], r"_argmap\.placed\[0\]", "item 0 is null"),
        ("placed", 3, r"_argmap\.placed", "not the number 3"),
    ],
)
def test_argmaps_own_xaif_bookkeeping_of_the_wrong_shape_is_a_located_error(
    key: str, value: object, where: str, message: str
) -> None:
    # An xAIF writer's "added" list holding a list or object was a raw TypeError (unhashable).
    doc = aif.to_xaif(north_korea())
    doc[aif.EXTENSION][key] = value
    with pytest.raises(FileFormatError, match=where) as caught:
        aif.loads_xaif(json.dumps(doc), path="nk.json")
    assert message in caught.value.problem
    assert caught.value.path == "nk.json"
    assert "leave it as argmap wrote it, or delete it" in caught.value.problem
    del doc[aif.EXTENSION][key]  # what to do works: without it the file reads
    assert aif.loads_xaif(json.dumps(doc)).nodes()


def test_data_under_a_format_key_that_is_not_a_mapping_survives() -> None:
    # Found by hypothesis: data {"aif": None} on a node, or on the map, was dropped.
    m = ArgumentMap(data={"aif": None, "xaif": [1], "sadface": "x"})
    m.claim("c", "C.", data={"aif": None, "sadface": 3})
    m.premise("p", "P.", data={"aif": [1, 2]})
    m.support("p", "c", data={"aif": "text"})
    assert aif.loads(aif.dumps(m)) == m
    assert aif.loads_xaif(aif.dumps_xaif(m)) == m
    from argmap.io import sadface

    assert sadface.loads(sadface.dumps(m)) == m


def test_xaif_keeps_the_layout_order_and_the_empty_lists_of_the_file() -> None:
    doc = {
        "AIF": {
            "nodes": [
                {"nodeID": "1", "text": "We should act.", "type": "I"},
                {"nodeID": "2", "text": "It works.", "type": "I"},
                {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            ],
            "edges": [
                {"edgeID": 1, "fromID": "2", "toID": "3"},
                {"edgeID": 2, "fromID": "3", "toID": "1"},
            ],
            "locutions": [],
            "participants": [],
            "descriptorfulfillments": [],
        },
        "OVA": {
            "firstname": "",
            "surname": "",
            "url": "",
            "nodes": [  # the analyst's order, not the AIF nodes' order
                {"nodeID": "3", "visible": True, "x": 5, "y": 5, "timestamp": ""},
                {"nodeID": "1", "visible": True, "x": 1, "y": 1, "timestamp": ""},
                {"nodeID": "2", "visible": True, "x": 2, "y": 2, "timestamp": ""},
            ],
            "edges": [{"fromID": "3", "toID": "1", "visible": False}],
        },
        "text": {"txt": "We should act. It works."},
    }
    m = aif.loads_xaif(json.dumps(doc))
    out = aif.to_xaif(m)
    assert [n["nodeID"] for n in out["OVA"]["nodes"]] == ["3", "1", "2"]
    assert out["OVA"]["edges"][0] == {"fromID": "3", "toID": "1", "visible": False}
    assert out["AIF"]["descriptorfulfillments"] == []
    assert aif.loads_xaif(json.dumps(out)) == m
    # Plain AIF's empty locutions survive a trip through xAIF (the writer's own defaults do not
    # end up in the map).
    plain = aif.loads(json.dumps({**doc["AIF"], "locutions": []}))
    assert plain.data["aif"]["locutions"] == []
    assert aif.loads_xaif(aif.dumps_xaif(plain)) == plain
    fresh = north_korea()
    assert aif.loads_xaif(aif.dumps_xaif(fresh)) == fresh


def test_c1_characters_in_dialogue_nodes_and_locutions_are_repaired_too() -> None:
    # US 2016 has them in L-nodes, which the map keeps in its data (a text no map may hold).
    doc = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "Fine."},
            {"nodeID": "2", "type": "L", "text": "Bob: fine \x97 really"},
        ],
        "edges": [],
        "locutions": [{"nodeID": "2", "personID": "Bo\x9a"}],
    }
    with pytest.warns(RepairWarning, match="2 faults repaired"):
        m = aif.loads(json.dumps(doc))
    assert m.data["aif"]["nodes"][0]["text"] == "Bob: fine \u2014 really"
    assert m.data["aif"]["locutions"][0]["personID"] == "Bo\u0161"
    assert [r["where"] for r in m.data[REPAIRED]] == ["nodes[1].text", "locutions[0].personID"]
    with pytest.raises(FileFormatError, match=r"\(nodes\[1\]\.text\): the text has C1"):
        aif.loads(json.dumps(doc), strict=True)
