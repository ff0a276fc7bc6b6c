"""SADFace: the shared document loads with its counts and metadata, round trips keep maps equal,
and malformed documents give located errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from strategies import maps

import argmap
from argmap import ArgumentMap, Attack, FileFormatError, Support
from argmap.examples import north_korea
from argmap.io import aif, sadface

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "sadface"
FILES = sorted(DATA.glob("*.json")) if DATA.is_dir() else []
needs_data = pytest.mark.skipif(not FILES, reason=f"the shared sample data is absent ({DATA})")


@needs_data
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_shared_document_loads_with_its_counts_and_round_trips(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path)  # .json: sniffed as SADFace
    atoms = [n for n in doc["nodes"] if n["type"] == "atom"]
    schemes = [n for n in doc["nodes"] if n["type"] == "scheme"]
    conflicts = [n for n in schemes if n["name"] == "conflict"]
    assert len(list(m.statements())) == len(atoms)
    assert len(m.nodes("support")) == len(schemes) - len(conflicts)
    assert len(m.nodes("attack")) == len(conflicts)
    assert sum(len(i.premises) + 1 for i in m.inferences()) == len(doc["edges"])
    for atom in atoms:
        assert m[atom["id"]].text == atom["text"]
    assert m.title == doc["metadata"]["core"]["title"]
    core = m.data["sadface"]["metadata"]["core"]
    assert core == {k: v for k, v in doc["metadata"]["core"].items() if k != "title"}
    assert argmap.loads(argmap.dumps(m, format="sadface")) == m
    again = json.loads(sadface.dumps(m))
    assert again["metadata"] == doc["metadata"]  # every metadata field, as it was
    assert "argmap" not in json.dumps(again["nodes"])  # nothing argmap-specific to add
    for fmt in ("aif", "xaif", "json", "yaml"):
        assert argmap.loads(argmap.dumps(m, format=fmt), format=fmt) == m, fmt


@needs_data
def test_hangback_central_claim_and_kinds() -> None:
    m = argmap.load(DATA / "hangback.json")
    assert m.central == "ae3f0c7f-9f69-4cab-9db3-3b9c46f56e09"
    support = m["70447169-9264-41dc-b8e9-50523f8368c1"]
    conflict = m["45199aa0-1556-4b94-8940-3ba30aa08e38"]
    assert isinstance(support, Support)
    assert len(support.premises) == 2  # linked
    assert isinstance(conflict, Attack)
    assert conflict.target == "f129934f-53d2-49f6-8feb-9afaff9aabcf"
    assert m["51775eb3-70c0-4d8e-95a5-b34ffba8a280"].kind == "rebuttal"


def test_named_schemes_attacks_and_metadata_survive() -> None:
    m = ArgumentMap(title="Named")
    m.claim("c", "C.", data={"sadface": {"metadata": {"colour": "red"}}})
    m.premise("p", "P.")
    m.premise("q", "Q.")
    m.support("p", "c", id="s", scheme="Argument from expert opinion")
    m.attack("q", "c", id="a", scheme="ad hominem")  # a name that reads as a support
    m.attack("q", "s", id="u", scheme="support")  # a name that reads as no scheme
    doc = sadface.to_sadface(m)
    by_id = {n["id"]: n for n in doc["nodes"]}
    assert by_id["s"]["name"] == "Argument from expert opinion"
    assert by_id["c"]["metadata"] == {"colour": "red"}
    assert by_id["a"]["metadata"]["argmap"] == {"kind": "attack"}
    assert sadface.loads(sadface.dumps(m)) == m


@pytest.mark.parametrize("budget", budgets(8, 20))
def test_random_maps_survive_sadface(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps(rich=True))
    def holds(m: ArgumentMap) -> None:
        assert sadface.loads(sadface.dumps(m)) == m

    holds()


def test_the_article_survives_sadface() -> None:
    assert sadface.loads(sadface.dumps(north_korea())) == north_korea()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1]", "the top level is a list"),
        ('{"nodes": [{"id": "a", "type": "blob"}]}', "node type 'blob'"),
        ('{"nodes": [{"type": "atom", "text": "A"}]}', r"nodes\[0\]\): a node needs an 'id'"),
        (
            '{"nodes": [{"id": "a", "type": "atom", "text": "A"},'
            ' {"id": "a", "type": "atom", "text": "B"}]}',
            "id 'a' is used twice",
        ),
        (
            '{"nodes": [{"id": "a", "type": "atom", "text": "A"}],'
            ' "edges": [{"id": "e", "source_id": "a", "target_id": "z"}]}',
            "edge 'e': target_id 'z' names no node",
        ),
        (
            '{"nodes": [{"id": "a", "type": "atom", "text": "A"},'
            ' {"id": "b", "type": "atom", "text": "B"}],'
            ' "edges": [{"id": "e", "source_id": "a", "target_id": "b"}]}',
            "edge 'e' joins two atoms",
        ),
        (
            '{"nodes": [{"id": "a", "type": "atom", "text": "A"},'
            ' {"id": "s", "type": "scheme", "name": "support"}],'
            ' "edges": [{"id": "e", "source_id": "a", "target_id": "s"}]}',
            "scheme 's' points at nothing",
        ),
        (
            '{"nodes": [{"id": "a", "type": "atom", "text": ""}]}',
            r"\(id 'a'\)\): text: must not be blank",
        ),
        ('{"nodes": [], "metadata": []}', "metadata must be an object"),
    ],
)
def test_malformed_documents_name_the_file_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message) as info:
        sadface.loads(text, path="bad.json")
    assert str(info.value).startswith("bad.json")


# SADFace 0.1 kept the analyst and dates at the top level; a document with no edges yet has
# nothing else that says SADFace.
_SADFACE_01 = {
    "analyst_email": "a@example.org",
    "analyst_name": "An Analyst",
    "created": "2017-07-11T16:32:36",
    "edges": [],
    "edited": "2017-07-11T16:32:36",
    "id": "94a975db",
    "metadata": {},
    "nodes": [
        {"id": "n1", "metadata": {"nodeID": "17"}, "sources": [], "text": "A.", "type": "atom"}
    ],
    "resources": [],
}


def test_sadface_01_without_edges_is_sniffed_as_sadface(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(_SADFACE_01), encoding="utf-8")
    m = argmap.load(path)
    assert [n.text for n in m.nodes()] == ["A."]
    assert m.data["sadface"]["analyst_name"] == "An Analyst"  # the old metadata is kept
    assert argmap.loads(sadface.dumps(m), format="sadface") == m


def test_a_nodeid_inside_sadface_does_not_make_it_aif() -> None:
    # A nodeID in a node's metadata (a document converted from AIF) says nothing about the format.
    doc = {
        "edges": [{"id": "e1", "source_id": "n2", "target_id": "s1"}],
        "metadata": {"core": {"title": "T"}},
        "nodes": [
            {"id": "n1", "type": "atom", "text": "A.", "metadata": {"nodeID": "17"}},
            {"id": "n2", "type": "atom", "text": "B."},
            {"id": "s1", "type": "scheme", "name": "support"},
        ],
    }
    doc["edges"].append({"id": "e2", "source_id": "s1", "target_id": "n1"})
    text = json.dumps(doc)
    assert sadface.sniff(text)
    assert not aif.sniff(text)
    assert argmap.loads(text, path="doc.json").title == "T"
    # Without SADFace's marks, a nodeID is AIF's: then the reader says what it is read as.
    no_marks = json.dumps({"nodes": [{"id": "n1", "nodeID": "1", "type": "atom", "text": "A."}]})
    with pytest.raises(argmap.FileFormatError, match="SADFace's, not AIF's; if this is a SADFace"):
        argmap.loads(no_marks, path="doc.json")
    assert len(argmap.loads(no_marks, format="sadface")) == 1
