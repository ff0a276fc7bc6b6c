"""The microtexts' arggraph XML: every shared text loads with its counts, round trips, the
corpus needs attacks on attacks and linked premises, and hostile XML is refused unexpanded.

The Potsdam argumentative microtexts (peldszus/arg-microtexts, CC BY-NC-SA 4.0, used in tests
only) are read from ``../shared/data`` and these tests skip where that folder is absent.
"""

from __future__ import annotations

import pickle
import sys
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Attack, FileFormatError, FormatLossWarning, Support
from argmap.examples import north_korea
from argmap.io import microtexts

MICROTEXTS = Path(__file__).resolve().parents[3] / "shared" / "data" / "microtexts"
FILES = sorted(MICROTEXTS.glob("micro_*.xml")) if MICROTEXTS.is_dir() else []
needs_data = pytest.mark.skipif(
    not FILES, reason=f"the shared sample data is absent ({MICROTEXTS} not found)"
)


def _xml(path: Path) -> ET.Element:
    return ET.parse(path).getroot()  # noqa: S314  # the shared corpus, to count independently


@needs_data
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_microtext_loads_with_its_counts_and_round_trips(path: Path) -> None:
    m = argmap.load(path)  # .xml names the format
    root = _xml(path)
    kinds = Counter(e.get("type") for e in root.iter("edge"))
    assert len(list(m.statements())) == len(list(root.iter("adu")))
    assert len(m.nodes("support")) == kinds["sup"] + kinds["exa"]
    assert len(m.nodes("attack")) == kinds["reb"] + kinds["und"]
    assert sum(s.scheme == "example" for s in m.nodes("support")) == kinds["exa"]
    # Linked premises: every 'add' edge became one more premise of the edge it points at.
    assert sum(len(i.premises) - 1 for i in m.inferences()) == kinds["add"]
    texts = {e.get("id"): (e.text or "").strip() for e in root.iter("edu")}
    segments = {e.get("trg"): e.get("src") for e in root.iter("edge") if e.get("type") == "seg"}
    for adu in root.iter("adu"):
        statement = m.statement(adu.get("id", ""))
        assert statement.data["microtexts"]["type"] == adu.get("type")  # pro/opp kept
        source = segments[adu.get("id")]
        if source in texts:
            assert statement.text == texts[source]  # the EDU's text, as written
    assert m.title == root.get("id")
    kept = {k: v for k, v in root.attrib.items() if k != "id"}  # topic_id, stance: when given
    assert m.data.get("microtexts", {}) == kept
    assert argmap.loads(argmap.dumps(m, format="microtexts"), format="microtexts") == m
    assert argmap.loads(argmap.dumps(m, format="yaml"), format="yaml") == m
    assert argmap.loads(argmap.dumps(m, format="aif"), format="aif") == m
    report = argmap.check(m)
    assert not report.by_rule("circular-support")
    assert not report.by_rule("orphan-statement")


@needs_data
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_central_claim_is_the_adu_that_points_nowhere(path: Path) -> None:
    root = _xml(path)
    sources = {e.get("src") for e in root.iter("edge") if e.get("type") != "seg"}
    roots = [a.get("id") for a in root.iter("adu") if a.get("id") not in sources]
    m = microtexts.loads(path.read_text("utf-8"))
    assert m.central == (roots[0] if len(roots) == 1 else None)
    if m.central is not None:
        assert m[m.central].kind == "claim"


@needs_data
def test_the_corpus_needs_attacks_on_attacks_and_linked_premises() -> None:
    maps = [argmap.load(p) for p in FILES]
    on_attacks = sum(1 for m in maps for a in m.nodes("attack") if isinstance(m[a.target], Attack))
    on_supports = sum(
        1 for m in maps for a in m.nodes("attack") if isinstance(m[a.target], Support)
    )
    linked = sum(1 for m in maps for i in m.inferences() if len(i.premises) > 1)
    extra_premises = sum(len(i.premises) - 1 for m in maps for i in m.inferences())
    # Counted in the corpus itself: 51 'und' edges on 'reb'/'und' edges, 12 on 'sup' edges,
    # and 21 'add' edges joining 20 inferences.
    assert (on_attacks, on_supports, linked, extra_premises) == (51, 12, 20, 21)


@needs_data
def test_an_undercut_rebuttal_counts_as_answered() -> None:
    # micro_b001: "Yes, it's annoying ... But still Germany produces way too much rubbish":
    # the rebuttal c1 (a1 against the central claim a5) is undercut by c3, with a4 added to it.
    m = argmap.load(MICROTEXTS / "micro_b001.xml")
    assert m.attacks_on("c1")[0].premises == ("a3", "a4")
    assert m.central == "a5"
    assert not argmap.check(m).by_rule("unanswered-attack")


# -- what the reader makes of the graph ------------------------------------------------------------


JOINT = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="joint" topic_id="t" stance="pro">
  <edu id="e1"><![CDATA[We should act,]]></edu>
  <edu id="e2"><![CDATA[and soon.]]></edu>
  <edu id="e3"><![CDATA[It works.]]></edu>
  <edu id="e4"><![CDATA[An aside nobody annotated.]]></edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <edge id="c1" src="e1" trg="j1" type="seg"/>
  <edge id="c2" src="e2" trg="j1" type="seg"/>
  <edge id="c3" src="j1" trg="a1" type="seg"/>
  <edge id="c4" src="e3" trg="a2" type="seg"/>
  <edge id="c5" src="a2" trg="a1" type="exa"/>
</arggraph>
"""


def test_joints_join_their_edus_and_loose_edus_are_kept() -> None:
    m = microtexts.loads(JOINT)
    assert m["a1"].text == "We should act, and soon."
    assert m["a1"].data["microtexts"]["edus"] == [
        {"id": "e1", "text": "We should act,"},
        {"id": "e2", "text": "and soon."},
    ]
    assert m["c5"].scheme == "example"  # type: ignore[union-attr]
    assert m.data["microtexts"] == {
        "topic_id": "t",
        "stance": "pro",
        "edus": [{"id": "e4", "text": "An aside nobody annotated."}],
    }
    text = microtexts.dumps(m)
    root = ET.fromstring(text)  # noqa: S314  # argmap's own output
    assert [e.text for e in root.iter("edu")] == [
        "We should act,",
        "and soon.",
        "It works.",
        "An aside nobody annotated.",
    ]
    assert len(list(root.iter("joint"))) == 1
    assert microtexts.loads(text) == m


def test_a_map_the_format_cannot_hold_warns_listing_what_is_lost() -> None:
    with pytest.warns(FormatLossWarning) as caught:
        text = microtexts.dumps(north_korea())
    lost = caught[0].message.lost  # type: ignore[union-attr]
    joined = "; ".join(lost)
    assert "1 source (article)" in joined
    assert "quotes of" in joined
    assert "kind of" in joined  # cases become premises
    assert str(caught[0].message).startswith("microtexts cannot hold everything in this map")
    again = microtexts.loads(text)
    assert sorted(again) == sorted(north_korea())  # every node is there, ids kept
    # The central claim survives where the graph implies it, and is listed as lost elsewhere.
    assert again.central == "agenda" or "the central claim (agenda)" in lost


def test_an_inference_without_premises_cannot_be_written() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.support([], "c", id="s")
    with pytest.raises(FileFormatError, match="support 's' has no premises"):
        microtexts.dumps(m)


# -- refused input ---------------------------------------------------------------------------------


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE arggraph [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<arggraph id="x"><edu id="e1">&lol9;</edu><adu id="a1" type="pro"/>
<edge id="c1" src="e1" trg="a1" type="seg"/></arggraph>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE arggraph [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<arggraph id="x"><edu id="e1">&secret;</edu><adu id="a1" type="pro"/>
<edge id="c1" src="e1" trg="a1" type="seg"/></arggraph>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entities_are_refused_never_expanded(text: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError, match="refused: the XML declares or refers to entities"):
        argmap.load(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<arggraph id='x'><edu id='e1'>A", "not well-formed XML"),
        ("<graph/>", "the root element is <graph>, not <arggraph>"),
        ("<arggraph><adu id='a1' type='maybe'/></arggraph>", "adu 'a1' has type 'maybe'"),
        ("<arggraph><adu type='pro'/></arggraph>", "an <adu> has no id"),
        (
            "<arggraph><adu id='a1' type='pro'/><adu id='a1' type='opp'/></arggraph>",
            "id 'a1' is used twice",
        ),
        ("<arggraph><adu id='a1' type='pro'/></arggraph>", "adu 'a1' has no text"),
        (
            "<arggraph><edu id='e1'>A</edu><adu id='a1' type='pro'/>"
            "<edge id='c1' src='e1' trg='a9' type='seg'/></arggraph>",
            "edge 'c1' refers to 'a9', which is not in the file",
        ),
        (
            "<arggraph><edu id='e1'>A</edu><adu id='a1' type='pro'/>"
            "<edge id='c1' src='e1' trg='a1' type='sag'/></arggraph>",
            "edge 'c1' has type 'sag'",
        ),
        (
            "<arggraph><edu id='e1'>A</edu><adu id='a1' type='pro'/>"
            "<edge id='c1' src='e1' trg='a1' type='seg'/>"
            "<edge id='c2' src='a1' trg='a1' type='und'/></arggraph>",
            "und edge 'c2' points at 'a1'; an und edge points at a sup, exa, reb or und edge",
        ),
        (
            "<arggraph><edu id='e1'>A</edu><adu id='a1' type='pro'/>"
            "<edge id='c1' src='e1' trg='a1' type='seg'/>"
            "<edge id='c2' src='e1' trg='a1' type='sup'/></arggraph>",
            "sup edge 'c2' starts at 'e1', which is not an ADU",
        ),
        (
            "<arggraph><edu id='e1'>A</edu><adu id='a1' type='pro'/>"
            "<edge id='c1' src='e1' trg='a1' type='seg'/>"
            "<edge id='c2' src='a1' trg='a1' type='sup'/></arggraph>",
            "'a1' cannot support itself",
        ),
    ],
)
def test_malformed_files_name_the_file_and_the_problem(
    text: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError, match=message) as info:
        argmap.load(path)
    assert str(info.value).startswith(str(path))


def _chain(n: int) -> str:
    m = ArgumentMap(title="t")
    m.claim("c0", "Claim.")
    for i in range(1, n):
        m.premise(f"p{i}", f"Premise {i}.")
        m.support(f"p{i}", "c0" if i < 10 else f"p{i // 2}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return argmap.dumps(m, format="microtexts")


def _table_entries_built(text: str) -> int:
    """How many units the reader put into lookup tables built with dict.fromkeys."""
    built = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal built
        if event == "c_call" and getattr(arg, "__name__", "") == "fromkeys":
            built += 1

    sys.setprofile(count)
    try:
        argmap.loads(text, format="microtexts")
    finally:
        sys.setprofile(None)
    return built


def test_reading_builds_its_unit_table_once_not_once_per_edge() -> None:
    # The table of units was built again for every edge: 4,000 ADUs took 6.5 s, 20,000 over
    # 300 s. Counted, not timed: the number of tables built does not grow with the file.
    assert _table_entries_built(_chain(50)) == _table_entries_built(_chain(400))


def test_edu_ids_kept_in_data_are_written_once() -> None:
    # Two ADUs read from one EDU, and a loose EDU: the writer wrote EDU e1 twice, a file its
    # reader refuses ("id 'e1' is used twice"); an EDU id kept in data that is a node's id too.
    text = (
        '<arggraph id="t"><edu id="e1">We act.</edu><edu id="e2">Loose.</edu>'
        '<adu id="c" type="pro"/><adu id="d" type="pro"/>'
        '<edge id="c1" src="e1" trg="c" type="seg"/><edge id="c2" src="e1" trg="d" type="seg"/>'
        "</arggraph>"
    )
    m = microtexts.loads(text)
    assert microtexts.loads(microtexts.dumps(m)) == m
    other = ArgumentMap()
    other.claim("c", "C.", data={"microtexts": {"edu": "d"}})
    other.claim("d", "D.", data={"microtexts": {"edu": "c"}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = microtexts.loads(microtexts.dumps(other))
    assert [(s.id, s.text) for s in back.statements()] == [("c", "C."), ("d", "D.")]


def test_a_loss_warning_says_what_came_back_that_the_map_did_not_have() -> None:
    # A map with no title and no central claim was warned "left out: the map's title; the
    # central claim (None)": the microtexts reader names both, so they came back, not went.
    m = argmap.ArgumentMap()
    m.claim("a", "A claim.")
    m.premise("p", "A reason.")
    m.support("p", "a")
    with pytest.warns(argmap.FormatLossWarning) as caught:
        argmap.dumps(m, format="microtexts")
    [said] = [str(w.message) for w in caught]
    assert "the central claim (it had none; it reads back as a)" in said
    assert "(None)" not in said


def test_data_the_reader_adds_is_named_as_added_not_as_left_out() -> None:
    # Every node came back with the reader's own data and the warning said "left out: data of
    # 3 nodes", as if the map had data the format dropped.
    m = argmap.ArgumentMap()
    m.claim("a", "A claim.")
    m.premise("p", "A reason.")
    m.support("p", "a")
    m.rebuttal("r", "No.")
    m.attack("r", "a")
    with pytest.warns(argmap.FormatLossWarning) as caught:
        back = microtexts.loads(argmap.dumps(m, format="microtexts"))
    [said] = [str(w.message) for w in caught if isinstance(w.message, argmap.FormatLossWarning)]
    gained = [n.id for n in m.statements() if back[n.id].data and not n.data]
    assert gained
    assert f"data added on reading back to {len(gained)} node" in said
    assert "data of" not in said


def test_a_write_that_loses_nothing_does_not_say_it_left_something_out() -> None:
    m = argmap.ArgumentMap(title="T")
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.support("p", "c")
    m.central = "c"
    with pytest.warns(argmap.FormatLossWarning) as caught:
        argmap.dumps(m, format="microtexts")
    [warning] = [w.message for w in caught if isinstance(w.message, argmap.FormatLossWarning)]
    assert warning.lost == []
    assert warning.added == ["data added on reading back to 2 nodes (c, p)"]
    assert str(warning) == (
        "microtexts does not read this map back as it is; it reads back with: "
        "data added on reading back to 2 nodes (c, p)"
    )
    assert pickle.loads(pickle.dumps(warning)).added == warning.added
