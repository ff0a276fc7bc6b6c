"""Real argument maps written by another project fit argmap's model without loss.

The Potsdam argumentative microtexts (peldszus/arg-microtexts, CC BY-NC-SA 4.0, used in tests
only) annotate 112 short texts with support, example, rebuttal and undercut edges; an undercut
may target a support or a rebuttal (an attack on an attack), and an ``add`` edge joins a further
premise to another edge (a linked argument). These tests read them from ``../shared/data`` and
skip where that folder is absent.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap import Attack, Claim, Premise, Rebuttal, Support

MICROTEXTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "microtexts"
FILES = sorted(MICROTEXTS.glob("micro_*.xml")) if MICROTEXTS.is_dir() else []

pytestmark = pytest.mark.skipif(
    not FILES, reason=f"the shared sample data is absent ({MICROTEXTS} not found)"
)


def microtext_map(path: Path) -> argmap.ArgumentMap:
    """Build a map from one arggraph file: ADUs become statements, edges inferences."""
    root = ET.parse(path).getroot()  # noqa: S314  # the project's own shared test data
    texts = {e.get("id"): (e.text or "").strip() for e in root.iter("edu")}
    edges = {e.get("id"): e.attrib for e in root.iter("edge")}
    segment = {e["trg"]: texts[e["src"]] for e in edges.values() if e["type"] == "seg"}
    added: dict[str, list[str]] = {}
    for e in edges.values():
        if e["type"] == "add":
            added.setdefault(e["trg"], []).append(e["src"])
    sources = {e["src"] for e in edges.values() if e["type"] in ("sup", "exa", "reb", "und")}
    nodes: list[argmap.Node] = []
    for adu in root.iter("adu"):
        aid = adu.get("id", "")
        if aid not in sources:  # the root: the text's central claim, whatever its role
            model: type[Claim | Premise | Rebuttal] = Claim
        else:
            model = Rebuttal if adu.get("type") == "opp" else Premise
        nodes.append(model(id=aid, text=segment[aid]))
    for eid, e in edges.items():
        premises = (e["src"], *added.get(eid, ()))
        if e["type"] in ("sup", "exa"):
            scheme = "example" if e["type"] == "exa" else None
            nodes.append(Support(id=eid, premises=premises, conclusion=e["trg"], scheme=scheme))
        elif e["type"] in ("reb", "und"):
            nodes.append(Attack(id=eid, premises=premises, target=e["trg"]))
    central = next(a.get("id") for a in root.iter("adu") if a.get("id") not in sources)
    return argmap.ArgumentMap(title=root.get("id"), nodes=nodes, central=central)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_microtext_fits_and_round_trips(path: Path) -> None:
    m = microtext_map(path)
    root = ET.parse(path).getroot()  # noqa: S314
    kinds = Counter(e.get("type") for e in root.iter("edge"))
    assert len(list(m.statements())) == len(list(root.iter("adu")))
    assert len(list(m.inferences())) == sum(kinds[k] for k in ("sup", "exa", "reb", "und"))
    # Linked premises: every 'add' edge became one more premise of the inference it joins.
    assert sum(len(i.premises) - 1 for i in m.inferences()) == kinds["add"]
    assert argmap.loads(argmap.dumps(m, format="yaml"), format="yaml") == m
    report = argmap.check(m)
    assert not report.by_rule("circular-support")
    assert not report.by_rule("orphan-statement")


def test_the_corpus_needs_attacks_on_attacks_and_linked_premises() -> None:
    maps = [microtext_map(p) for p in FILES]
    on_attacks = sum(1 for m in maps for a in m.nodes("attack") if isinstance(m[a.target], Attack))
    on_supports = sum(
        1 for m in maps for a in m.nodes("attack") if isinstance(m[a.target], Support)
    )
    linked = sum(1 for m in maps for i in m.inferences() if len(i.premises) > 1)
    extra_premises = sum(len(i.premises) - 1 for m in maps for i in m.inferences())
    # Counted in the corpus itself: 51 'und' edges on 'reb'/'und' edges, 12 on 'sup' edges,
    # and 21 'add' edges joining 20 inferences.
    assert (on_attacks, on_supports, linked, extra_premises) == (51, 12, 20, 21)


def test_an_undercut_rebuttal_counts_as_answered() -> None:
    # micro_b001: "Yes, it's annoying ... But still Germany produces way too much rubbish":
    # the rebuttal c1 (a1 against the central claim a5) is undercut by c3, with a4 added to it.
    path = MICROTEXTS / "micro_b001.xml"
    m = microtext_map(path)
    assert m.attacks_on("c1")[0].premises == ("a3", "a4")
    assert not argmap.check(m).by_rule("unanswered-attack")
