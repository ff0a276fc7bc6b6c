"""The DOT builder: pure code, so these tests run without any layout engine."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest
from budget import budgets, examples
from drawing import HOSTILE_TEXTS, WORD_JOINER, big_map
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, RenderError, UnknownNodeError
from argmap.checks import check
from argmap.examples import north_korea
from argmap.render import draw
from argmap.render.dot import neighbourhood, to_dot, wrap_text
from argmap.render.figure import columns, estimated_width
from argmap.render.styles import EDGE_STYLES, GAP_COLOURS, NODE_STYLES

NODE_LINE = re.compile(r'^\t"(?P<name>[^"]+)" \[(?P<attrs>.*)\]$', re.MULTILINE)
EDGE_LINE = re.compile(
    r'^\t"(?P<tail>[^"]+)" -> "(?P<head>[^"]+)" \[(?P<attrs>.*)\]$', re.MULTILINE
)


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: str
    nodes: tuple[str, ...]
    message: str


def nodes_of(source: str) -> dict[str, str]:
    return {
        m["name"]: m["attrs"]
        for m in NODE_LINE.finditer(source)
        if not m["name"].startswith("legend ")
    }


def edges_of(source: str) -> dict[tuple[str, str], str]:
    return {
        (m["tail"], m["head"]): m["attrs"]
        for m in EDGE_LINE.finditer(source)
        if not m["tail"].startswith("legend ")
    }


def test_every_statement_is_a_node_with_its_kinds_style() -> None:
    m = north_korea()
    nodes = nodes_of(to_dot(m))
    statements = {s.id: s for s in m.statements()}
    assert set(statements) <= set(nodes)
    for node_id, statement in statements.items():
        kind = "central" if node_id == m.central else statement.kind
        style = NODE_STYLES[kind]
        assert f'fillcolor="{style.fillcolor}"' in nodes[node_id]
        assert f"shape={style.shape}" in nodes[node_id]


def test_central_claim_is_emphasised() -> None:
    nodes = nodes_of(to_dot(north_korea()))
    assert "peripheries=2" in nodes["agenda"]
    assert 'class="claim central"' in nodes["agenda"]
    assert "peripheries=1" in nodes["pressure"]


def test_every_inference_is_drawn_with_its_relations_style() -> None:
    m = north_korea()
    edges = edges_of(to_dot(m))
    assert "class=support" in edges[("uk", "concedes")]
    assert "arrowhead=normal" in edges[("uk", "concedes")]
    assert "arrowhead=tee" in edges[("withdrawal", "agenda")]
    assert f'color="{EDGE_STYLES["attack"].color}"' in edges[("withdrawal", "agenda")]
    # The undercut support is drawn through a junction the undercutter's edge ends at.
    assert ("reacts", "s_effective") in edges
    assert ("s_effective", "pressure") in edges
    assert attrs_of(edges[("prisoners_moved", "s_effective")])["class"].split()[0] == "undercut"
    assert "style=dotted" in edges[("prisoners_moved", "s_effective")]
    for inference in m.inferences():
        target = inference.target
        for premise in inference.premises:
            assert (premise, target) in edges or (premise, inference.id) in edges


def test_a_linked_support_meets_at_one_junction() -> None:
    m = ArgumentMap()
    for i in (1, 2, 3):
        m.premise(f"p{i}", f"Premise {i}.")
    m.claim("c", "So this.")
    m.support(["p1", "p2"], "c", id="linked")
    m.support("p3", "c", id="alone")
    source = to_dot(m)
    nodes, edges = nodes_of(source), edges_of(source)
    assert "shape=point" in nodes["linked"]
    assert "arrowhead=none" in edges[("p1", "linked")]
    assert "arrowhead=none" in edges[("p2", "linked")]
    assert "arrowhead=normal" in edges[("linked", "c")]
    assert ("p3", "c") in edges
    assert "alone" not in nodes


ATTR = re.compile(r'(?P<key>[a-z]+)=(?P<value>"(?:[^"\\]|\\.)*"|<.*?>(?= [a-z]+=|$)|[^ "]+)')


def attrs_of(attrs: str) -> dict[str, str]:
    return {m["key"]: m["value"].strip('"') for m in ATTR.finditer(attrs)}


def test_support_attack_and_undercut_are_drawn_apart_without_colour() -> None:
    edges = edges_of(to_dot(north_korea()))
    looks: dict[str, set[tuple[str, str]]] = {}
    for attrs in map(attrs_of, edges.values()):
        if "linked" in attrs["class"]:
            continue  # a premise's edge into a junction carries no arrow
        relation = attrs["class"].split()[0]  # then "analyst", for the analyst's own
        looks.setdefault(relation, set()).add((attrs["style"], attrs["arrowhead"]))
    assert set(looks) == {"support", "attack", "undercut"}
    assert all(len(drawn) == 1 for drawn in looks.values())  # one look per relation
    assert len(set.union(*looks.values())) == 3  # and no two relations share it


def test_legend_lists_the_kinds_drawn() -> None:
    source = to_dot(north_korea())
    assert '"legend case"' in source
    assert '"legend premise"' in source  # the goal premise and the Japan concession
    # Around the British case there is no premise and no objection: the legend omits them.
    near_uk = to_dot(north_korea(), focus="uk", depth=1)
    assert '"legend case"' in near_uk
    assert '"legend premise"' not in near_uk
    assert '"legend rebuttal"' not in near_uk
    assert '"legend undercut from" -> "legend undercut to"' in source
    assert "legend" not in to_dot(north_korea(), legend=False)


def test_cases_show_their_source_and_weak_evidence() -> None:
    nodes = nodes_of(to_dot(north_korea()))
    assert "quoted from: Pressure on the North Korean" in nodes["uk"]
    assert "▲ cites no source" in nodes["uk"]
    assert "hearsay: “it is known to us”" in nodes["defectors"]
    assert "hearsay" not in nodes["uk"]


LABEL = re.compile(r"label=<(.*?)> (?=[a-z]+=)")
MARKUP = re.compile(r"<(/?[A-Za-z]+)[^<>]*>")


def test_hostile_labels_are_escaped(hostile: ArgumentMap) -> None:
    source = to_dot(hostile)
    labels = [m.group(1) for m in LABEL.finditer(source)]
    assert len(labels) >= len(list(hostile.statements()))
    for label in labels:
        # The only markup in a label is argmap's own; every text '<' came out as &lt;.
        assert {t.upper().lstrip("/") for t in MARKUP.findall(label)} <= {"FONT", "BR", "I", "B"}
        assert "<script" not in label.lower()
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in label for label in labels)
    # A backslash at the end of a text cannot swallow the closing quote of its tooltip.
    assert 'tooltip="ends with a backslash \\\\"' in source
    # Every node id is quoted, so DOT keywords and ports do not act.
    for node_id in ("node", "graph", "strict", "p.x:1", "subgraph", "edge", "s"):
        assert f'"{node_id}"' in source
    assert '"p.x:1" -> "node"' in source


def test_tooltips_can_be_left_out() -> None:
    assert "tooltip" not in to_dot(north_korea(), tooltips=False, legend=False)


def test_gaps_are_highlighted_with_rule_codes() -> None:
    gaps = [
        Finding("AM101", "unsupported-claim", "error", ("keeps_relations",), "no support"),
        Finding("AM201", "uncited-case", "warning", ("uk", "s_uk"), "no source"),
    ]
    source = to_dot(north_korea(), gaps=gaps)
    nodes, edges = nodes_of(source), edges_of(source)
    assert "AM101 unsupported-claim: no support" in nodes["keeps_relations"]
    assert "penwidth=3.5" in nodes["keeps_relations"]
    assert "▲ AM101" in nodes["keeps_relations"]
    assert "gap" in nodes["uk"]
    assert "AM201 uncited-case: no source" in edges[("uk", "concedes")]
    assert "penwidth=3.5" in edges[("uk", "concedes")]
    assert "penwidth=3.5" not in edges[("japan", "concedes")]


@dataclass(frozen=True)
class AcknowledgedFinding(Finding):
    acknowledged: str | None = None


def _acknowledging_map() -> ArgumentMap:
    m = ArgumentMap()
    m.claim("c", "Pressure works.")
    m.claim("bare", "It is so.", acknowledge={"AM101": "The text only asserts it."})
    m.premise("p", "Five cases.")
    m.support("p", "c", id="s")
    m.support("bare", "c", id="s2")
    return m


def test_the_analysts_inferences_look_apart_and_are_legended() -> None:
    m = north_korea()
    source = to_dot(m)
    edges = {k: attrs_of(v) for k, v in edges_of(source).items()}
    analysts = {i.id for i in m.inferences() if i.data.get("by") == "analyst"}
    assert analysts == {"s_friction", "s_prisoners", "s_public", "u_amnesty", "u_public"}
    for inference in m.inferences():
        for premise in inference.premises:
            edge = edges.get((premise, inference.target)) or edges[(premise, inference.id)]
            if inference.id in analysts:
                assert edge["arrowtail"] == "odot", inference.id
                assert edge["dir"] == "both"
                assert "analyst" in edge["class"].split()
            else:
                assert "arrowtail" not in edge, inference.id
    assert "<I>analyst</I>" in edges[("japan_friction", "withdrawal")]["label"]
    assert "added by the analyst" in edges[("prisoners_moved", "s_effective")]["tooltip"]
    assert "added by the analyst (not in the text)" in source
    # A map without the analyst's inferences has no such legend entry.
    plain = ArgumentMap()
    plain.claim("c", "C.")
    plain.premise("p", "P.")
    plain.support("p", "c")
    assert "legend analyst" not in to_dot(plain)


def test_an_analysts_linked_or_premise_less_inference_is_marked_too() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p1", "P1.")
    m.premise("p2", "P2.")
    m.support(["p1", "p2"], "c", id="linked", data={"by": "analyst"})
    m.support([], "c", id="bare", data={"by": "analyst"})
    edges = {k: attrs_of(v) for k, v in edges_of(to_dot(m)).items()}
    assert edges[("p1", "linked")]["arrowtail"] == "odot"
    assert edges[("p2", "linked")]["arrowtail"] == "odot"
    assert "arrowtail" not in edges[("linked", "c")]  # once, at the premises
    assert edges[("bare", "c")]["arrowtail"] == "odot"  # no premise: at its junction


def test_acknowledged_findings_are_noted_not_outlined() -> None:
    m = _acknowledging_map()
    gaps = [
        AcknowledgedFinding(
            "AM101", "unsupported-claim", "warning", ("bare",), "no support", "On purpose."
        ),
        Finding("AM101", "unsupported-claim", "warning", ("p",), "no support"),
        AcknowledgedFinding("AM103", "thin", "warning", ("s2", "bare"), "thin", "Kept."),
    ]
    source = to_dot(m, gaps=gaps)
    nodes, edges = nodes_of(source), edges_of(source)
    bare = attrs_of(nodes["bare"])
    assert "gap" not in bare["class"].split()
    assert "acknowledged" in bare["class"].split()
    assert "penwidth" not in bare or bare["penwidth"] != "3.5"
    assert "acknowledged: AM101 AM103" in bare["label"]
    assert "▲" not in bare["label"]
    assert "AM101 unsupported-claim: no support (acknowledged: On purpose.)" in bare["tooltip"]
    # The open finding is still outlined, and the acknowledged one's inference is not.
    assert "penwidth=3.5" in nodes["p"]
    assert "penwidth=3.5" not in edges[("bare", "c")]
    assert "AM103 thin: thin (acknowledged: Kept.)" in edges[("bare", "c")]
    assert '"legend gap acknowledged"' in source
    assert '"legend gap acknowledged"' not in to_dot(m, gaps=gaps[1:2])


def test_a_finding_without_its_own_verdict_is_acknowledged_by_its_node() -> None:
    m = _acknowledging_map()
    plain = Finding("AM101", "unsupported-claim", "warning", ("bare",), "no support")
    attrs = attrs_of(nodes_of(to_dot(m, gaps=[plain]))["bare"])
    assert "acknowledged: AM101" in attrs["label"]
    assert "(acknowledged: The text only asserts it.)" in attrs["tooltip"]


def test_the_checks_acknowledged_findings_are_not_drawn_as_gaps() -> None:
    m = north_korea()
    report = check(m)
    source = to_dot(m, gaps=report)
    nodes = {name: attrs_of(a) for name, a in nodes_of(source).items()}
    open_ids = {n for f in report if f.acknowledged is None for n in f.nodes}
    for finding in report.acknowledged:
        for node_id in finding.nodes:
            if node_id in nodes and nodes[node_id].get("shape") != "point":
                assert finding.rule in nodes[node_id]["label"].split("acknowledged:")[1]
            if node_id not in open_ids and node_id in nodes:
                assert "gap" not in nodes[node_id]["class"].split(), node_id


def test_a_finding_on_another_maps_node_is_an_error() -> None:
    gap = Finding("AM101", "unsupported-claim", "error", ("nowhere",), "x")
    with pytest.raises(UnknownNodeError, match="nowhere"):
        to_dot(north_korea(), gaps=[gap])


@pytest.mark.parametrize(
    ("focus", "depth", "expected"),
    [
        ("uk", 0, {"uk"}),
        ("uk", 1, {"uk", "concedes", "keeps_relations"}),
        (
            "uk",
            2,
            {"uk", "concedes", "keeps_relations", "japan", "pressure", "unfounded"},
        ),
        # An undercutter is one step from the statements of the support it undercuts (and from
        # the case that grounds it).
        ("prisoners_moved", 1, {"prisoners_moved", "reacts", "pressure", "amnesty"}),
        # Focusing on an inference starts from all it joins.
        ("s_amnesty", 0, {"amnesty", "reacts"}),
    ],
)
def test_focus_and_depth_select_the_neighbourhood(
    focus: str, depth: int, expected: set[str]
) -> None:
    m = north_korea()
    assert neighbourhood(m, focus, depth=depth) == expected
    drawn = set(nodes_of(to_dot(m, focus=focus, depth=depth)))
    statements = {s.id for s in m.statements()}
    assert drawn & statements == expected


def test_focus_never_draws_half_an_inference() -> None:
    m = north_korea()
    # reacts is one step from pressure; uk, its support's premise, two.
    source = to_dot(m, focus="pressure", depth=1)
    nodes, edges = nodes_of(source), edges_of(source)
    assert "reacts" in nodes
    assert "uk" not in nodes
    assert "s_uk" not in nodes
    assert all("uk" not in edge for edge in edges)


def test_focus_defaults_to_one_step() -> None:
    m = north_korea()
    assert to_dot(m, focus="uk") == to_dot(m, focus="uk", depth=1)


def test_unknown_focus_names_the_id() -> None:
    with pytest.raises(UnknownNodeError, match="'nope'"):
        to_dot(north_korea(), focus="nope")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"depth": 2}, "depth needs focus"),
        ({"focus": "uk", "depth": -1}, "depth must be 0 or more"),
        ({"wrap": 0}, "wrap must be at least 1, not 0"),
    ],
)
def test_bad_options_are_render_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        to_dot(north_korea(), **options)  # type: ignore[arg-type]


def test_long_text_is_wrapped() -> None:
    m = ArgumentMap()
    m.claim("c", "word " * 200)
    label = nodes_of(to_dot(m, wrap=30))["c"]
    assert label.count("<BR/>") >= 30


@given(
    st.text(
        alphabet=st.sampled_from("ab cde  fghij한국어שלוםمرحبا\n-"),  # noqa: RUF001
        max_size=200,
    ),
    st.integers(min_value=1, max_value=50),
)
def test_wrap_keeps_every_word_and_fits(text: str, width: int) -> None:
    lines = wrap_text(text, width=width)
    # A wide character wider than the whole line stands alone on its line.
    assert all(columns(line) <= width or len(line) == 1 for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_a_long_word_is_measured_once_per_line_not_whole_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Found by the long fuzz run: a 40 kB word took 26 s to draw, measured whole for each line.
    calls = 0
    real = unicodedata.east_asian_width

    def counted(ch: str) -> str:
        nonlocal calls
        calls += 1
        return real(ch)

    monkeypatch.setattr(unicodedata, "east_asian_width", counted)
    word = "ab" * 10_000
    lines = wrap_text(word, width=40)
    assert "".join(lines) == word
    assert all(len(line) == 40 for line in lines[:-1])
    assert calls <= 4 * len(word)  # was about len(word) ** 2 / 80 (2.5 million)


def test_a_wide_character_on_a_line_one_column_wide_stands_alone() -> None:
    assert wrap_text("한", width=1) == ["한"]
    assert wrap_text("a한국 b", width=1) == ["a", "한", "국", "b"]
    assert wrap_text("ab 한국어", width=3) == ["ab", "한", "국", "어"]
    m = ArgumentMap()
    m.claim("c", HOSTILE_TEXTS["graph"])
    label = nodes_of(to_dot(m, wrap=1, legend=False))["c"]
    assert label.count("<BR/>") == len(HOSTILE_TEXTS["graph"].replace(" ", ""))


def test_a_combining_mark_stays_with_its_letter() -> None:
    assert wrap_text("e\u0301e\u0301e\u0301", width=1) == ["e\u0301"] * 3
    assert wrap_text("한\u0301국", width=1) == ["한\u0301", "국"]


def test_wrap_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        wrap_text("some text", 5)  # type: ignore[misc]
    with pytest.raises(TypeError):
        neighbourhood(north_korea(), "uk", 1)  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "“Pressure” works — and it’s worked before…",  # noqa: RUF001
        "naïve café, Œuvre; ▲ cites no source • ±½",
        "e\u0301 combining marks on Latin letters",
    ],
)
def test_latin_text_with_typographic_punctuation_is_measured_by_the_engine(text: str) -> None:
    assert estimated_width([text], 12) is None


@pytest.mark.parametrize(
    "text",
    [HOSTILE_TEXTS["graph"], HOSTILE_TEXTS["strict"], HOSTILE_TEXTS["p.x:1"], "中文的句子", "かな"],
)
def test_other_scripts_get_an_estimated_width(text: str) -> None:
    width = estimated_width([text], 12)
    assert width is not None
    assert width > len(text) * 0.5 * 12 / 72


def test_engine_escapes_in_text_are_broken_by_a_word_joiner(hostile: ArgumentMap) -> None:
    source = to_dot(hostile, legend=False)
    for escape in ("\\G", "\\N", "\\E", "\\T", "\\H", "\\L"):
        # Not one backslash in the source is directly followed by a letter dot expands.
        assert escape not in source.replace("\\\\", "")
    nodes = nodes_of(source)
    assert "a \\" + WORD_JOINER + "G b" in nodes["N"]  # in the HTML-like label
    assert "a \\\\" + WORD_JOINER + "G b" in nodes["N"]  # in the tooltip, doubled
    assert "&amp;#92;G" in nodes["N"]  # an entity is text, in the label and in the tooltip
    assert "&#92;" not in source
    assert "C:\\" + WORD_JOINER + "Temp" in nodes["E"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": "uk", "depth": "2"}, "depth must be a whole number, not '2'"),
        ({"focus": "uk", "depth": 1.5}, "depth must be a whole number, not 1.5"),
        ({"focus": "uk", "depth": True}, "depth must be a whole number, not True"),
        ({"focus": 3}, "focus must be a node id"),
        ({"wrap": "40"}, "wrap must be a whole number, not '40'"),
        ({"wrap": 40.0}, "wrap must be a whole number, not 40.0"),
        ({"gaps": "AM101"}, "gaps must be a list of findings"),
        ({"gaps": 3}, "gaps must be a list of findings"),
        ({"gaps": [object()]}, "each finding needs a rule, name and message"),
        ({"gaps": [Finding("AM1", "x", "error", "uk", "m")]}, "nodes"),  # type: ignore[arg-type]
        ({"gaps": [Finding("AM1", "x", "error", (3,), "m")]}, "nodes"),  # type: ignore[arg-type]
    ],
)
def test_options_of_the_wrong_type_are_render_errors(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(RenderError, match=re.escape(message)):
        to_dot(north_korea(), **options)  # type: ignore[arg-type]


def test_wrap_texts_width_must_be_a_whole_number() -> None:
    with pytest.raises(RenderError, match="wrap must be a whole number, not '3'"):
        wrap_text("text", width="3")  # type: ignore[arg-type]


def test_findings_on_a_big_map_mark_exactly_what_they_name() -> None:
    m = big_map(3000)
    report = check(m)
    source = to_dot(m, gaps=report, legend=False)
    nodes, edges = nodes_of(source), edges_of(source)
    named: dict[str, set[int]] = {}
    for number, finding in enumerate(report):
        for node_id in finding.nodes:
            named.setdefault(node_id, set()).add(number)
    statements = {s.id for s in m.statements()}
    marked = {n for n, attrs in nodes.items() if "gap" in attrs_of(attrs)["class"].split()}
    assert marked == set(named) & statements
    assert len(marked) > 1000
    # An edge is marked when a finding names its inference, or both a premise and its target.
    expected = {
        (p, i.target)
        for i in m.inferences()
        for p in i.premises
        if named.get(i.id)
        or set.union(set(), *(named.get(q, set()) for q in i.premises)) & named.get(i.target, set())
    }
    drawn = {e for e, attrs in edges.items() if "gap" in attrs_of(attrs)["class"].split()}
    assert drawn == expected
    assert expected


def test_a_finding_is_not_drawn_like_an_attack() -> None:
    relation_colours = {s.color for s in EDGE_STYLES.values()} | {
        s.color for s in NODE_STYLES.values()
    }
    assert not relation_colours & set(GAP_COLOURS.values())
    gap = Finding("AM101", "unsupported-claim", "error", ("withdrawal",), "no support")
    nodes = nodes_of(to_dot(north_korea(), gaps=[gap]))
    marked = attrs_of(nodes["withdrawal"])
    # Beyond its colour and width, the outline of a rebuttal with a finding is dashed.
    assert marked["style"] == "filled,diagonals,dashed"
    assert marked["color"] == GAP_COLOURS["error"]


def test_supports_are_labelled_with_their_scheme() -> None:
    edges = edges_of(to_dot(north_korea()))
    assert "<I>example</I>" in edges[("uk", "concedes")]
    # A linked support carries its scheme on the arrow out of its junction.
    assert "<I>practical reasoning</I>" in edges[("s_agenda", "agenda")]
    assert "<I>correlation to cause</I>" in edges[("defectors", "abuses_fell")]
    assert "label" not in edges[("keeps_relations", "unfounded")]  # no scheme named


def test_the_legend_explains_the_finding_colours() -> None:
    gaps = [Finding("AM101", "unsupported-claim", "error", ("keeps_relations",), "no support")]
    source = to_dot(north_korea(), gaps=gaps)
    assert '"legend gap error"' in source
    assert '"legend gap info"' not in source
    assert '"legend gap' not in to_dot(north_korea())


def test_tags_show_in_the_header_so_the_analysts_objection_is_marked() -> None:
    nodes = nodes_of(to_dot(north_korea()))
    assert "UNDERCUTS | rebuttal | prisoners_moved | #analyst" in nodes["prisoners_moved"]
    # The article's own objection carries no such mark.
    assert "#analyst" not in nodes["withdrawal"]
    assert "REBUTS | rebuttal | withdrawal</FONT>" in nodes["withdrawal"]


def test_attacking_statements_are_labelled_by_what_they_do_and_keep_their_kind() -> None:
    m = ArgumentMap()
    m.claim("c", "Pressure works.")
    m.case("e", "The regime answered.")
    m.support("e", "c", id="s")
    m.rebuttal("r", "It does not.")
    m.claim("u", "The answer was for show.")
    m.premise("both", "It was staged.")
    m.attack("r", "c", id="a_r")
    m.attack("u", "s", id="a_u")
    m.attack("both", "c", id="a_b1")
    m.attack("both", "s", id="a_b2")
    nodes = nodes_of(to_dot(m))
    assert ">REBUTS | rebuttal | r</FONT>" in nodes["r"]
    assert ">UNDERCUTS | claim | u</FONT>" in nodes["u"]
    assert ">REBUTS | UNDERCUTS | premise | both</FONT>" in nodes["both"]
    # A statement that attacks nothing keeps its kind alone.
    assert ">CASE | e</FONT>" in nodes["e"]
    assert ">CLAIM | c</FONT>" in nodes["c"]


# -- chains of attacks on attacks: linear and without recursion ------------------------------


def _reference_joined(m: ArgumentMap, inference_id: str) -> list[str]:
    """The old, plainly recursive definition: premises plus all the inference bears on."""
    inference = m[inference_id]
    target = m[inference.target]  # type: ignore[union-attr]
    below = _reference_joined(m, target.id) if target.kind in ("support", "attack") else [target.id]
    return [*inference.premises, *below]  # type: ignore[union-attr]


def _reference_neighbourhood(m: ArgumentMap, focus: str, depth: int) -> set[str]:
    model = m[focus]
    inference = model.kind in ("support", "attack")
    start = set(_reference_joined(m, focus)) if inference else {focus}
    neighbours: dict[str, set[str]] = {s.id: set() for s in m.statements()}
    for inference in m.inferences():
        joined = _reference_joined(m, inference.id)
        for a in joined:
            neighbours[a].update(joined)
    seen, frontier = set(start), set(start)
    for _ in range(depth):
        frontier = {n for f in frontier for n in neighbours[f]} - seen
        seen |= frontier
    return seen


@st.composite
def _undercut_maps(draw: st.DrawFn) -> ArgumentMap:
    """Small maps with supports, rebuttals, undercuts, and attacks on attacks on attacks."""
    m = ArgumentMap()
    n = draw(st.integers(2, 7))
    ids = [f"s{i}" for i in range(n)]
    for i in ids:
        m.premise(i, f"Statement {i}.")
    inferences: list[str] = []
    for k in range(draw(st.integers(1, 9))):
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
        targets = [t for t in ids if t not in premises] + inferences
        if not targets:
            continue
        target = draw(st.sampled_from(targets))
        if target in ids and draw(st.booleans()):
            m.support(premises, target, id=f"i{k}")
        else:
            m.attack(premises, target, id=f"i{k}")
        inferences.append(f"i{k}")
    return m


@pytest.mark.parametrize("budget", budgets(30, 100))
def test_the_linear_neighbourhood_is_the_recursive_definitions(budget: int) -> None:
    @settings(max_examples=examples(budget))
    @given(_undercut_maps(), st.integers(0, 3), st.data())
    def holds(m: ArgumentMap, depth: int, data: st.DataObject) -> None:
        focus = data.draw(st.sampled_from([n.id for n in m.nodes()]))
        expected = _reference_neighbourhood(m, focus, depth)
        assert neighbourhood(m, focus, depth=depth) == expected
        # And an inference is drawn exactly when everything it joins is.
        drawn = {e["head"] for e in EDGE_LINE.finditer(to_dot(m, focus=focus, depth=depth))}
        drawn |= set(nodes_of(to_dot(m, focus=focus, depth=depth)))
        for inference in m.inferences():
            whole = set(_reference_joined(m, inference.id)) <= expected
            shown = inference.id in drawn or all(
                (p, inference.target) in edges_of(to_dot(m, focus=focus, depth=depth))
                for p in inference.premises
            )
            assert shown == whole, inference.id

    holds()


def _chain(length: int) -> ArgumentMap:
    """A claim, a rebuttal's attack on it, and ``length`` attacks each on the one before."""
    m = ArgumentMap()
    m.claim("c", "C.")
    m.rebuttal("r0", "R0.")
    m.attack("r0", "c", id="a0")
    for i in range(1, length + 1):
        m.rebuttal(f"r{i}", f"R{i}.")
        m.attack(f"r{i}", f"a{i - 1}", id=f"a{i}")
    m.central = "c"
    return m


def test_a_chain_of_thousands_of_attacks_on_attacks_draws_without_recursion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from argmap.render import notebook, output

    m = _chain(3 * sys.getrecursionlimit())
    top = f"a{3 * sys.getrecursionlimit()}"
    source = to_dot(m, legend=False)
    # Each undercut attack through its junction (two edges), the top one straight (one).
    assert source.count(" -> ") == 2 * 3 * sys.getrecursionlimit() + 1
    # Focused on the top undercutter: everything it bears on, down the chain, at depth 0.
    assert neighbourhood(m, top, depth=0) == {s.id for s in m.statements()}
    n = 3 * sys.getrecursionlimit()
    assert f'"r{n}" -> "a{n - 1}"' in to_dot(m, focus=top, depth=0)
    # Every undercutter up the chain joins r0 (it bears on r0's attack), so one step holds all.
    assert neighbourhood(m, "r0", depth=1) == {s.id for s in m.statements()}
    # The notebook display goes through the same code; the layout itself is not the point here.
    monkeypatch.setattr(output, "pipe", lambda source, **_: source.encode())
    bundle = notebook.repr_mimebundle(m)
    assert bundle["image/svg+xml"].startswith("digraph argmap {")


def test_an_undercut_attack_is_drawn_through_a_junction() -> None:
    # "Granted, but that is no objection": the undercutter's edge ends on the attack's junction.
    m = ArgumentMap()
    m.claim("c", "C.")
    m.rebuttal("r", "R.")
    m.premise("g", "Granted, but that is no objection.")
    m.attack("r", "c", id="a")
    m.attack("g", "a", id="u")
    m.central = "c"
    edges = {(e["tail"], e["head"]): e["attrs"] for e in EDGE_LINE.finditer(to_dot(m))}
    assert ("r", "a") in edges
    assert ("a", "c") in edges
    assert ("g", "a") in edges
    assert "undercut" in edges["g", "a"]


def test_a_premise_less_inference_is_drawn_as_a_junction_pointing_at_its_target() -> None:
    # Carneades' premise-less arguments: without a junction they would not be drawn at all.
    m = ArgumentMap()
    m.claim("c", "C.")
    m.support([], "c", id="s0")
    source = to_dot(m, legend=False)
    assert "s0" in nodes_of(source)
    assert ("s0", "c") in edges_of(source)


def _svg_width(svg: bytes) -> float:
    found = re.search(rb'<svg\b[^>]*?\bwidth="([\d.]+)pt"', svg)
    assert found is not None
    return float(found.group(1))


@pytest.mark.needs_engine
@pytest.mark.parametrize("labels", [None, "grounded"])
def test_the_legend_goes_under_the_map_and_never_widens_it(labels: str | None) -> None:
    from argmap import evaluate
    from argmap.render import draw

    m = north_korea()
    lab = None if labels is None else evaluate(m, labels)
    bare = _svg_width(draw(m, format="svg", legend=False, labels=lab))
    legended = draw(m, format="svg", labels=lab)
    assert _svg_width(legended) <= bare + 1
    # The legend is a few short rows of samples, not one long row.
    rows = re.findall(r"\{rank=same; \"legend", to_dot(m))
    assert len(rows) >= 2


def test_a_part_of_the_map_says_on_each_edge_box_how_much_lies_beyond() -> None:
    m = north_korea()
    shown = neighbourhood(m, "agenda", depth=1)
    source = to_dot(m, focus="agenda", depth=1)
    for node_id in shown:
        beyond = len(neighbourhood(m, node_id, depth=1) - shown)
        line = re.search(rf'^\t"{node_id}" \[label=<(.*?)> shape=', source, re.MULTILINE)
        assert line is not None
        said = re.search(r"\+(\d+) more not shown", line.group(1))
        assert (int(said.group(1)) if said else 0) == beyond, node_id
    assert "more not shown" in source
    assert "more not shown" not in to_dot(m)  # the whole map leaves nothing out


@pytest.mark.parametrize(
    ("title", "drawn"),
    [
        ("\n", None),
        ("\r\n \t", None),
        ("\u2028", None),
        ("One  line", "One line"),
        ("Two\nlines", "Two<BR/>lines"),
        ("Two\r\n\r\n  lines ", "Two<BR/>lines"),
        ("<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"),
    ],
)
def test_the_maps_title_draws_as_its_own_lines(title: str, drawn: str | None) -> None:
    m = ArgumentMap(title=title)
    m.claim("c", "C.")
    source = to_dot(m)
    found = re.search(r'label=<<FONT POINT-SIZE="16">(.*?)</FONT>>', source)
    assert (found and found.group(1)) == drawn
    assert draw(m, format="svg").startswith(b"<?xml")  # the engine reads it


@settings(max_examples=30)  # each draws three times through the engine
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30))
def test_any_title_the_map_takes_is_drawn(text: str) -> None:
    for title in (text, f"{text}\n", f"\r\n{text}\t"):
        m = ArgumentMap(title=title)
        m.claim("c", "C.")
        assert "<svg" in draw(m, format="svg").decode("utf-8")
