"""Argdown as a map format: the convention, round trips, real files, the reference tool, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from argdown_reference import NO_SHARED, SHARED_FILES, argdown_json, reference_missing
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps, texts
from test_argdown_syntax import reference_relations, relations_of

import argmap
from argmap import ArgumentMap, Attack, Claim, Source, Support
from argmap.examples import north_korea
from argmap.exceptions import FileFormatError, FileWriteError
from argmap.io.argdown import SUFFIXES, dump, dumps, load, loads, sniff
from argmap.io.argdown.convention import slug
from argmap.io.argdown.parser import parse

needs_shared = pytest.mark.skipif(not SHARED_FILES, reason=NO_SHARED)


# -- reading the convention ----------------------------------------------------------------------


def test_statements_become_nodes_with_slug_ids_and_titles() -> None:
    m = loads("[Pressure works]: It does. #hr #(human rights)\n\n[c]: Plain id.\n\nUntitled text.")
    works = m["pressure-works"]
    assert isinstance(works, Claim)
    assert (works.title, works.text) == ("Pressure works", "It does.")
    assert works.tags == ("hr", "human rights")
    assert m["c"].title is None  # a title that is its own id adds nothing
    assert m["untitled-1"].title is None  # Argdown's "Untitled 1" is no title of the author's
    assert m["untitled-1"].text == "Untitled text."


def test_titles_that_slug_alike_get_distinct_ids() -> None:
    m = loads("[A b]: one\n\n[a-b]: two\n\n<A b>: three")
    assert [n.id for n in m.nodes()] == ["a-b", "a-b-2", "a-b-3"]
    assert [n.title for n in m.nodes()] == ["A b", "a-b", "A b"]


def test_data_block_fields() -> None:
    m = loads(
        "===\nsources:\n  - {id: art, title: The article, text: North Korea agreed to talk.}\n"
        "===\n\n"
        "[K]: Talks. {kind: case, source: The article, quotes: [agreed to talk], when: 2006,"
        " who: [UK, DPRK], cites: [art, Another report], attribution: it is known, weight: 0.5,"
        " speaker: Kim}\n\n"
        "[C]: Claim. {central: true, note: mine, assumption: true, acknowledge: {AM101: fine}}"
    )
    case = m["k"]
    assert case.kind == "case"
    assert [(q.source, q.text, q.start) for q in case.quotes] == [("art", "agreed to talk", 12)]
    assert (case.when, case.who) == ("2006", ("UK", "DPRK"))
    assert (case.attribution, case.weight) == ("it is known", 0.5)
    assert case.cites == ("art", "another-report")
    assert m.sources["another-report"] == Source(id="another-report", title="Another report")
    assert case.data == {"speaker": "Kim"}
    claim = m["c"]
    assert m.central == "c"
    assert (claim.note, claim.assumption) == ("mine", True)
    assert dict(claim.acknowledge) == {"AM101": "fine"}


def test_default_source_from_the_front_matter() -> None:
    m = loads(
        "===\ndefault_source: The article\nsources:\n"
        "  - {id: art, title: The article, text: Talks resumed.}\n===\n\n"
        "[A]: a {quotes: [Talks resumed.]}\n\n[B]: b {source: Other, quotes: [x]}"
    )
    assert m.default_source == "art"
    assert m["a"].quotes[0].source == "art"
    assert m["b"].quotes[0].source == "other"
    assert loads(dumps(m)) == m
    assert 'default_source: "art"' in dumps(m)


def test_unknown_source_title_creates_the_source() -> None:
    m = loads('[A]: a {source: "A new report", quotes: [words]}')
    assert m.sources["a-new-report"].title == "A new report"
    assert m["a"].quotes[0].source == "a-new-report"


def test_headings_become_sections_in_data() -> None:
    m = loads("# Part one\n\n## Detail\n\n[A]: a\n\n# Part two\n\n[B]: b\n  <+ [C]: c")
    assert m["a"].data == {"section": ["Part one", "Detail"]}
    assert m["b"].data == {"section": ["Part two"]}
    assert m["c"].data == {"section": ["Part two"]}


def test_pcs_is_one_linked_support_with_its_rule_as_scheme() -> None:
    m = loads("<Arg>: Why.\n\n(1) [P]: p\n(2) [Q]: q\n-- Modus ponens --\n(3) [C]: c")
    support = m["arg"]
    assert isinstance(support, Support)
    assert (support.premises, support.conclusion, support.scheme, support.note, support.title) == (
        ("p", "q"),
        "c",
        "Modus ponens",
        "Why.",
        "Arg",
    )


def test_intermediate_conclusions_give_chained_supports() -> None:
    m = loads(
        "<Chain> {weight: 0.8}\n\n(1) [A]: a\n(2) [B]: b\n-- r1 {speaker: X} --\n(3) [C]: c\n"
        "(4) [D]: d\n----\n(5) [E]: e"
    )
    first, main = m["chain.1"], m["chain"]
    assert isinstance(first, Support)
    assert isinstance(main, Support)
    assert (first.premises, first.conclusion, first.scheme, first.data) == (
        ("a", "b"),
        "c",
        "r1",
        {"speaker": "X"},
    )
    assert (main.premises, main.conclusion, main.weight) == (("c", "d"), "e", 0.8)


def test_relations_become_inferences() -> None:
    m = loads("[A]: a\n  + [B]: b\n  - [C]: c\n  >< [D]: d\n  +> [E]: e\n  -> [F]: f")
    found = {(n.kind, n.premises, n.target) for n in m.inferences()}
    assert found == {
        ("support", ("b",), "a"),
        ("attack", ("c",), "a"),
        ("attack", ("a",), "d"),
        ("attack", ("d",), "a"),
        ("support", ("a",), "e"),
        ("attack", ("a",), "f"),
    }


def test_arguments_relate_through_their_conclusions_and_inferences() -> None:
    m = loads(
        "<Arg>\n  +> [T]: t\n  <_ [U]: u\n  <+ [S]: s\n  <- [R]: r\n\n<Arg>\n\n(1) [P]: p\n----\n"
        "(2) [C]: c\n\n<Loose>: An argument without a structure.\n  -> [T]"
    )
    by_target = {(n.kind, n.premises[0], n.target): n for n in m.inferences() if n.id != "arg"}
    assert set(by_target) == {
        ("support", "c", "t"),  # the argument's support leaves from its conclusion
        ("attack", "u", "arg"),  # an undercut of the argument's support
        ("support", "s", "c"),  # a support of the argument: of its conclusion, remembered
        ("attack", "r", "arg"),  # an attack on the argument: on its support, marked as such
        ("attack", "loose", "t"),
    }
    assert by_target["support", "s", "c"].data == {"argdown_target": "arg"}
    assert by_target["attack", "r", "arg"].data == {"argdown": "attack"}
    assert by_target["attack", "u", "arg"].data == {}
    assert m["loose"].data == {"argdown": "argument"}
    assert m["loose"].text == "An argument without a structure."


def test_an_argument_listing_premises_is_one_inference() -> None:
    m = loads(
        "[C]: c\n\n[P]: p\n\n[Q]: q\n\n"
        "<Obj>: An objection. {premises: [p, Q], speaker: Kim}\n  -> [C]"
        "\n\n<Undercut> {premises: [p]}\n  _> <Obj>\n\n<Given> {premises: []}\n  +> [C]"
    )
    objection, undercut, given_ = m["obj"], m["undercut"], m["given"]
    assert isinstance(objection, Attack)
    assert (objection.premises, objection.target, objection.note, objection.data) == (
        ("p", "q"),
        "c",
        "An objection.",
        {"speaker": "Kim"},
    )
    assert isinstance(undercut, Attack)
    assert undercut.target == "obj"
    assert isinstance(given_, Support)
    assert (given_.premises, given_.conclusion) == ((), "c")


# -- round trips ---------------------------------------------------------------------------------


def test_the_article_round_trips() -> None:
    m = north_korea()
    assert loads(dumps(m)) == m


def test_small_map_round_trips(small: ArgumentMap) -> None:
    assert loads(dumps(small)) == small


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_random_maps_round_trip(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        assert loads(dumps(m)) == m

    holds()


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def maps_with_everything(draw: st.DrawFn) -> ArgumentMap:
    """Random maps whose nodes also carry titles, data, weights, assumptions, acknowledgements,
    schemes on attacks, sections; with attacks on attacks and premise-less supports."""
    base = draw(maps())
    nodes = []
    for node in base.nodes():
        update: dict[str, Any] = {}
        if draw(st.booleans()):
            update["title"] = draw(texts | st.just(node.id))
        if draw(st.booleans()):
            update["data"] = draw(st.dictionaries(texts, _json, max_size=3))
            if draw(st.booleans()):
                update["data"]["section"] = draw(st.lists(texts, min_size=1, max_size=2))
        if draw(st.booleans()):
            update["acknowledge"] = draw(st.dictionaries(texts, texts, max_size=2))
        if draw(st.booleans()):
            update["weight"] = draw(st.floats(0, 1))
        if node.kind in ("claim", "premise", "case", "rebuttal") and draw(st.booleans()):
            update["assumption"] = True
        if node.kind == "attack" and draw(st.booleans()):
            update["scheme"] = draw(texts)
        nodes.append(node.model_copy(update=update) if update else node)
    m = ArgumentMap(
        default_source=draw(st.none() | st.sampled_from(sorted(base.sources))),
        title=base.title,
        sources=base.sources.values(),
        nodes=[type(n).model_validate(n.model_dump()) for n in nodes],
        central=base.central,
    )
    statements = [n.id for n in m.statements()]
    attacks = [a.id for a in m.nodes("attack")]
    if attacks and draw(st.booleans()):
        m.attack(
            [draw(st.sampled_from(statements))], draw(st.sampled_from(attacks)), id="on-attack"
        )
    if draw(st.booleans()):
        m.add(Support(id="given", premises=[], conclusion=draw(st.sampled_from(statements))))
    return m


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_random_maps_with_every_field_round_trip(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps_with_everything())
    def holds(m: ArgumentMap) -> None:
        assert loads(dumps(m)) == m

    holds()


def hostile_map() -> ArgumentMap:
    """A map whose titles, texts, tags and data look like Argdown syntax, YAML or nothing."""
    m = ArgumentMap(title="=== not front matter ===")
    m.add_source(Source(id="src", title="A } b", text="x === y", data={"k": [1, "}\u2028"]}))
    m.add(Claim(id="a", text="  line one\nline two ", title="[odd] title]: x", tags=("a)b", " t")))
    m.add(Claim(id="b", text="_under_ *star* #hash @[m] <x> {d} // c /* e */ .A. \\", title="a"))
    m.add(Claim(id="c", text="c", title="Untitled 1", data={"kind": "not mine", "section": 3}))
    m.add(Claim(id="d", text="d", data={"section": ["# H", "Sub [x]"], "n": 1e-05, "f": 1.5}))
    m.support(["a", "b"], "c", id="s", scheme="a, b -- c", title="<weird>")
    m.attack(["d"], "s", id="x", title="d")
    m.attack(["a"], "x", id="y")
    m.attack(["c"], "a", id="c-attacks-a")
    return m


def test_hostile_titles_texts_and_data_round_trip() -> None:
    m = hostile_map()
    assert loads(dumps(m)) == m


@needs_shared
@pytest.mark.parametrize("path", SHARED_FILES, ids=lambda p: p.stem)
def test_shared_file_loads_and_round_trips(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    m = load(path)
    doc = parse(text)
    structures = [a for a in doc.arguments.values() if a.pcs]
    loose = [a for a in doc.arguments.values() if not a.pcs]
    assert sum(1 for _ in m.statements()) == len(doc.statements) + len(loose)
    assert len(m.nodes("support")) >= sum(len(a.inferences) for a in structures)
    assert loads(dumps(m)) == m


# -- the reference implementation ----------------------------------------------------------------


@pytest.fixture(scope="module")
def dumped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, dict[str, Any]]]:
    """Our dumps of the article's map, of a hostile map and of every shared file, each read by
    ``argdown json``."""
    why = reference_missing()
    if why:
        pytest.skip(why)
    folder = tmp_path_factory.mktemp("argdown-dumps")
    texts = {"north-korea": dumps(north_korea()), "hostile": dumps(hostile_map())}
    # An empty map, with and without a title and data: the reference refuses a text with no
    # element, so the writer gives it a heading.
    texts["empty"] = dumps(ArgumentMap())
    texts["empty-titled"] = dumps(ArgumentMap(title="T", data={"x": 1}))
    for path in SHARED_FILES:
        texts[path.stem] = dumps(load(path))
    files = []
    for name, text in texts.items():
        (folder / f"{name}.argdown").write_text(text, encoding="utf-8")
        files.append(folder / f"{name}.argdown")
    docs = argdown_json(files, tmp_path_factory.mktemp("argdown-dumps-json"))
    return {name: (texts[name], docs[name]) for name in texts}


def test_argdown_cli_reads_our_dumps_as_we_do(
    dumped: dict[str, tuple[str, dict[str, Any]]],
) -> None:
    assert {"north-korea", "hostile", "empty", "empty-titled"} <= set(dumped)
    for name, (text, ref) in dumped.items():
        doc = parse(text)
        assert list(doc.statements) == list(ref["statements"]), name
        assert list(doc.arguments) == list(ref["arguments"]), name
        assert relations_of(doc) == reference_relations(ref), name


# -- files, sniffing, errors ---------------------------------------------------------------------


def test_load_and_dump_files(tmp_path: Path) -> None:
    path = tmp_path / "nk.argdown"
    dump(north_korea(), path)
    assert load(path) == north_korea()
    with pytest.raises(FileWriteError):
        dump(north_korea(), tmp_path / "missing" / "x.argdown")
    assert SUFFIXES == (".argdown", ".ad")


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such file"):
        load(tmp_path / "none.argdown")
    bad = tmp_path / "bad.argdown"
    bad.write_bytes(b"[A]: \xff")
    with pytest.raises(FileFormatError, match=r"bad.argdown:1: not UTF-8"):
        load(bad)
    bad.write_text("[A]: a\n+ [B]", encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"bad.argdown:2:1: a relation must be indented"):
        load(bad)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("[A]: a {kind: argument}", 1, "not a statement kind"),
        ("[A]: a {central: true}\n\n[B]: b {central: true}", 3, "both marked central"),
        ("[A]: a {central: yes please}", 1, "must be true or false"),
        ("[A]: a {quotes: [x]}", 1, "need a source"),
        ("[A]: a {id: 'not an id!'}", 1, "not a valid id"),
        ("[A]: a {id: x}\n\n[B]: b {id: x}", 3, "given twice"),
        ("[A]: a {kind: premise, weight: 2}", 1, "weight"),
        ("<O> {premises: [a]}\n  -> [A]: a\n  -> [B]: b", 1, "exactly one outgoing relation"),
        ("[P]: p\n\n<O> {premises: [p]}\n  -> [A]: a\n\n<S> {premises: [p]}\n  +> <O>", 7, "supp"),
        ("===\nsources: 3\n===\n\n[A]: a", 1, "list of sources"),
        ("===\nsources: [{id: s}]\n===\n\n[A]: a", 1, "title"),
        ("===\ntitle: [1]\n===\n\n[A]: a", 1, "title must be text"),
        (
            "===\nsources: [{id: s, title: S, text: hello}]\n===\n\n"
            "[A]: a {source: s, quotes: [bye]}",
            5,
            "does not occur",
        ),
    ],
)
def test_map_errors_name_the_line(text: str, line: int, words: str | None) -> None:
    with pytest.raises(FileFormatError) as info:
        loads(text, path="m.argdown")
    assert info.value.line == line
    assert str(info.value).startswith(f"m.argdown:{line}")
    if words:
        assert words in str(info.value)


def test_unknown_premise_is_named() -> None:
    with pytest.raises(FileFormatError, match="nowhere"):
        loads("[A]: a\n\n<O> {premises: [nowhere]}\n  -> [A]")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("[A]: a", True),
        ("<A>: a", True),
        ("<A>\n\n(1) a", True),
        ("===\ntitle: x\n===", True),
        ("// comment\n(1) a\n(2) b", True),
        ("# Heading\n\nA plain statement.", True),
        ('{"argmap": 2, "nodes": []}', False),
        ("argmap: 2\nnodes: []", False),
        ("# comment\nargmap: 2", False),
        ("<?xml version='1.0'?><arggraph>", False),
        ("", False),
    ],
)
def test_sniff(head: str, expected: bool) -> None:
    assert sniff(head) is expected


def test_slug() -> None:
    assert slug("Pressure works!") == "pressure-works"
    assert slug("  -- x -- ") == "x"
    assert slug("") == "node"
    assert len(slug("a" * 500)) <= 120


def test_formats_page_error_example_is_what_loads_says() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "formats.md").read_text("utf-8")
    documented = page.split("```console\n", 1)[1].split("```", 1)[0]
    with pytest.raises(FileFormatError) as caught:
        loads("[A]: a\n+ [B]", path="debate.argdown")
    assert str(caught.value) == documented.rstrip("\n")


def test_repeated_tags_survive() -> None:
    # Found by hypothesis: a statement tagged twice with the same tag came back tagged once.
    m = ArgumentMap()
    m.claim("a", "A.", tags=("x", "x"))
    m.claim("b", "B.", tags=("y z", "y z", "w"))
    assert loads(dumps(m)) == m


def test_a_source_named_by_a_title_no_map_can_hold_is_a_located_error() -> None:
    # Found by the long fuzz run: the new source's ValidationError escaped.
    with pytest.raises(FileFormatError, match=r"x\.argdown:3: source of \[a\] names a new source"):
        loads('[b]: b\n\n[a]: a {source: "x\\u0000y"}', path="x.argdown")


# -- {uses: [...]} on an inference line --------------------------------------------------------

_USES = (
    "===\nmodel:\n    explodeArguments: true\n===\n\n<A>\n\n(1) first premise\n"
    "(2) second premise\n----\n(3) first intermediary conclusion\n(4) third premise\n"
    "--\n{uses: [1,4]}\n--\n(5) second intermediary conclusion\n----\n"
    "(6) main conclusion {uses: [3, 5]}\n"
)


def test_uses_on_an_inference_line_names_the_premises_of_that_step() -> None:
    m = loads(_USES)
    steps = [(s.id, s.premises, s.conclusion) for s in m.nodes("support")]
    assert steps == [
        ("a.1", ("untitled-1", "untitled-2"), "untitled-3"),
        ("a.2", ("untitled-1", "untitled-4"), "untitled-5"),  # not (3) and (4)
        ("a", ("untitled-3", "untitled-5"), "untitled-6"),  # from the conclusion's line
    ]
    assert m["untitled-6"].data == {"uses": [3, 5]}  # which keeps it, as the reference does
    assert "uses" not in m["a.2"].data  # structure, not data
    assert loads(dumps(m)) == m
    with pytest.raises(FileFormatError, match=r":7: uses: \[1, 9\] must list numbers of the"):
        loads("<A>\n\n(1) p\n(2) q\n----\n(3) c\n--\n{uses: [1, 9]}\n--\n(4) d\n")


def test_uses_agrees_with_the_reference_cli_exploding_arguments(tmp_path: Path) -> None:
    why = reference_missing()
    if why:
        pytest.skip(why)
    source = tmp_path / "uses.argdown"
    source.write_text(_USES, encoding="utf-8")
    ref = argdown_json([source], tmp_path / "out")["uses"]
    theirs = [
        ([p["title"] for p in a["pcs"][:-1]], a["pcs"][-1]["title"])
        for a in ref["arguments"].values()
    ]
    doc = parse(_USES)
    titles = {m_id: title for title, m_id in ((t, slug(t)) for t in doc.statements)}
    ours = [
        ([titles[p] for p in s.premises], titles[s.conclusion])
        for s in loads(_USES).nodes("support")
    ]
    assert ours == theirs


@pytest.mark.parametrize("kind", ["[claim]", "{a: 1}", "5", "null", "true"])
def test_a_kind_that_is_no_text_is_a_located_error(kind: str) -> None:
    # A list was a raw TypeError (unhashable) from the reader's lookup of the kind.
    with pytest.raises(FileFormatError, match=r"m\.argdown:1: kind: .* is not a statement kind"):
        loads(f"[a]: A. {{kind: {kind}}}\n", path="m.argdown")


@pytest.mark.parametrize(
    "text",
    [
        "[caf\u00e9]: First.\n  + [cafe\u0301]: Second.\n",
        "<caf\u00e9>: First.\n  + <cafe\u0301>: Second.\n",
        "[caf\u00e9]: First.\n\n[cafe\u0301]: Second.\n",
    ],
)
def test_titles_that_differ_only_in_normalisation_are_two_nodes(text: str) -> None:
    # Ids were made from the titles as written, and the model made them one id (NFC) only
    # after the reader's checks: a raw pydantic ValidationError ('cannot support itself'), or
    # 'id is already used'. Two titles are two nodes, as in the reference Argdown.
    m = loads(text)
    assert [s.id for s in m.statements()] == ["caf\u00e9", "caf\u00e9-2"]
    assert loads(dumps(m)) == m


def test_ids_given_twice_in_two_normalisations_are_one_id_given_twice() -> None:
    with pytest.raises(FileFormatError, match=r"given twice.*how an accent is written"):
        loads("[a]: A. {id: caf\u00e9}\n\n[b]: B. {id: cafe\u0301}\n")


@st.composite
def _maps_with_arguments_as_statements(draw: st.DrawFn) -> ArgumentMap:
    """Random maps whose statements are some of them arguments without premises (``<A>``, as
    read from a relation to or from an argument), with relations to arguments' structures."""
    raw = argmap.to_dict(draw(maps(max_statements=5, rich=draw(st.booleans()))))
    for node in raw["nodes"]:
        if node["kind"] in ("claim", "premise", "case", "rebuttal") and draw(st.booleans()):
            node["data"] = {**node.get("data", {}), "argdown": "argument"}
    supports = [n for n in raw["nodes"] if n["kind"] == "support" and n["premises"]]
    for node in supports:
        others = [
            s["id"] for s in supports if s is not node and s["conclusion"] == node["conclusion"]
        ]
        if others and draw(st.booleans()):  # '<B>' then '  + [P]': P supports B's conclusion
            node["data"] = {"argdown_target": draw(st.sampled_from(others))}
    return ArgumentMap.from_dict(raw)


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_arguments_as_statements_and_relations_to_structures_come_back(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(m=_maps_with_arguments_as_statements())
    def holds(m: ArgumentMap) -> None:
        # The writer put '<A>' among a structure's premises, which its reader refuses ('expected
        # a statement'); and a block's data: key replaced the free data (an argument's 'argdown'
        # lost).
        assert loads(dumps(m)) == m

    holds()


def test_a_data_key_in_a_block_adds_to_the_free_data() -> None:
    m = loads('<a2>: a2 {"data": {"question": "x"}}\n')
    assert m["a2"].data == {"argdown": "argument", "question": "x"}
    assert loads(dumps(m)) == m


def test_windows_line_ends_read_as_the_same_map() -> None:
    # With CRLF, front matter became a statement '=== title: x ===' and a data block spread over
    # lines became part of its statement's text, silently; an argmap-written file with its line
    # ends turned to CRLF (as git's autocrlf does) was refused.
    text = (
        "===\ntitle: Windows\n===\n\n<!-- a comment\nover lines -->\n"
        "[A]: A claim. #tag {weight: 0.5,\n  note: over lines}\n  + <B>: A reason.\n\n"
        "<B>\n\n(1) [P]: A premise.\n(2) [Q]: Another.\n-- Modus ponens --\n(3) [A]\n"
    )
    lf = argmap.io.argdown.loads(text)
    assert lf.title == "Windows"
    assert lf["a"].weight == 0.5
    assert argmap.io.argdown.loads(text.replace("\n", "\r\n")) == lf
    assert argmap.io.argdown.loads(text.replace("\n", "\r")) == lf  # old Mac line ends
    written = argmap.io.argdown.dumps(north_korea())
    assert argmap.io.argdown.loads(written.replace("\n", "\r\n")) == north_korea()
