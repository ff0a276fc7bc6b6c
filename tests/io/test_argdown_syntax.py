"""Argdown's text syntax read as @argdown/core reads it: titles, relations, structures, errors."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from argdown_reference import NO_SHARED, SHARED_FILES, argdown_json, reference_missing
from budget import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgmapError, FileFormatError
from argmap.io.argdown.data import _simple_data
from argmap.io.argdown.parser import parse
from argmap.io.argdown.syntax import ArgdownSyntaxError, Document, Ref
from argmap.io.parsing import parse_yaml

# Counted by `argdown json` (@argdown/cli 1.x) on each shared file: statements (equivalence
# classes), arguments, relations. Written down here so that the test needs no node to run.
REFERENCE_COUNTS = {
    "Populism-Core-Argument-Argdown-Example": (69, 27, 24),
    "argdown-primer": (17, 4, 10),
    "greenspan-schefczyk_hardwrap": (36, 6, 5),
    "intro": (12, 5, 7),
    "legalisation-softdrugs": (1, 17, 19),
    "model-escaped-chars": (1, 0, 0),
    "parser-arguments": (10, 4, 3),
    "parser-mix": (29, 2, 15),
    "semmelweis_betz": (32, 10, 6),
    "state-censorship": (28, 7, 4),
    "veggie_debate": (25, 22, 58),
}

_JSON_TYPES = {"statement": "equivalence-class", "argument": "argument", "inference": "inference"}


def relations_of(doc: Document) -> list[tuple[Any, ...]]:
    """A document's relations in the shape of ``argdown json``'s, sorted."""
    return sorted(
        (
            _JSON_TYPES[r.source.type],
            r.source.title,
            r.kind,
            _JSON_TYPES[r.target.type],
            r.target.title,
            r.target.index,
        )
        for r in doc.relations
    )


def reference_relations(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (
            r["fromType"],
            r["from"],
            r["relationType"],
            r["toType"],
            r["to"],
            r.get("conclusionIndex"),
        )
        for r in data["relations"]
    )


# -- the shared files ----------------------------------------------------------------------------

needs_shared = pytest.mark.skipif(not SHARED_FILES, reason=NO_SHARED)


@needs_shared
def test_every_shared_file_is_counted_here() -> None:
    assert sorted(f.stem for f in SHARED_FILES) == sorted(REFERENCE_COUNTS)


@needs_shared
@pytest.mark.parametrize("path", SHARED_FILES, ids=lambda p: p.stem)
def test_shared_file_parses_with_the_reference_counts(path: Path) -> None:
    doc = parse(path.read_text(encoding="utf-8"), path=str(path))
    assert (len(doc.statements), len(doc.arguments), len(doc.relations)) == REFERENCE_COUNTS[
        path.stem
    ]


@pytest.fixture(scope="session")
def reference_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """``argdown json`` on every shared file, run once."""
    if not SHARED_FILES:
        pytest.skip(NO_SHARED)
    why = reference_missing()
    if why:
        pytest.skip(why)
    return argdown_json(SHARED_FILES, tmp_path_factory.mktemp("argdown-shared"))


@needs_shared
@pytest.mark.parametrize("path", SHARED_FILES, ids=lambda p: p.stem)
def test_shared_file_agrees_with_argdown_json(
    path: Path, reference_json: dict[str, dict[str, Any]]
) -> None:
    ref = reference_json[path.stem]
    doc = parse(path.read_text(encoding="utf-8"), path=str(path))
    assert list(doc.statements) == list(ref["statements"])
    assert list(doc.arguments) == list(ref["arguments"])
    assert relations_of(doc) == reference_relations(ref)
    for title, ec in ref["statements"].items():
        definitions = [m for m in ec["members"] if not m.get("isReference")]
        if definitions:
            assert doc.statements[title].text == definitions[-1].get("text", "").strip(), title


# -- statements and arguments --------------------------------------------------------------------


def test_titled_untitled_and_repeated_statements() -> None:
    doc = parse("[A]: First.\n\nSecond.\n\n[A]: First again.\n\n[B]")
    assert list(doc.statements) == ["A", "Untitled 1", "B"]
    assert doc.statements["A"].text == "First again."
    assert len(doc.statements["A"].members) == 2
    assert doc.statements["Untitled 1"].auto_title
    assert doc.statements["B"].text == ""
    assert doc.statements["B"].members[0].is_reference


def test_argument_description_and_reference() -> None:
    doc = parse("<Arg>: Because.\n\n<Arg>")
    assert doc.arguments["Arg"].text == "Because."
    assert [m.is_reference for m in doc.arguments["Arg"].members] == [False, True]


def test_text_continues_over_a_line_break() -> None:
    doc = parse("[A]: one\ntwo\n  + [B]: three\nfour")
    assert doc.statements["A"].text == "one two"
    assert doc.statements["B"].text == "three four"


def test_inline_markup_is_read_as_argdown_reads_it() -> None:
    doc = parse(
        "[A]: **bold** and _italic_ and [a link](https://example.org) and \\[x\\] .A. x #tag "
        "#(two words) @[B] @<C> end"
    )
    statement = doc.statements["A"]
    assert statement.text == (
        "bold and italic and a link and [x] ∀ x #tag #(two words) @[B] @<C> end"
    )
    assert statement.tags == ["tag", "two words"]
    assert statement.members[0].mentions == (("statement", "B"), ("argument", "C"))


def test_comments_are_dropped() -> None:
    doc = parse("// a comment\n[A]: text /* inline */ more\n\n<!-- html\ncomment -->\n\n[B]: b")
    assert list(doc.statements) == ["A", "B"]
    assert doc.statements["A"].text == "text more"


def test_front_matter_and_data_blocks() -> None:
    doc = parse(
        "===\ntitle: T\nmodel:\n  mode: loose\n===\n\n"
        "[A]: text {kind: case, when: 2006, who: [a, b]}\n\n<G>: g\n{weight: 0.5}"
    )
    assert doc.front_matter == {"title": "T", "model": {"mode": "loose"}}
    assert doc.statements["A"].data == {"kind": "case", "when": 2006, "who": ["a", "b"]}
    assert doc.statements["A"].text == "text"
    assert doc.arguments["G"].data == {"weight": 0.5}


def test_data_blocks_of_repeated_statements_merge() -> None:
    doc = parse("[A]: a {x: 1, y: {p: 1}}\n\n[A]: a {z: 2, y: {q: 2}}")
    assert doc.statements["A"].data == {"x": 1, "y": {"p": 1, "q": 2}, "z": 2}


def test_headings_nest_into_sections() -> None:
    doc = parse("# One\n\n[A]: a\n\n## Two {isGroup: true}\n\n[B]: b\n\n# Three\n\n[C]: c")
    assert [s.title for s in doc.sections] == ["One", "Two", "Three"]
    assert doc.sections[1].data == {"isGroup": True}
    assert doc.statements["A"].section is not None
    assert doc.statements["A"].section.path == ["One"]
    assert doc.statements["B"].section is not None
    assert doc.statements["B"].section.path == ["One", "Two"]
    assert doc.statements["C"].section is not None
    assert doc.statements["C"].section.path == ["Three"]


def test_lists_hold_statements() -> None:
    doc = parse("* [A]: a\n* [B]: b\n\n1. [C]: c\n2. [D]: d")
    assert list(doc.statements) == ["A", "B", "C", "D"]


# -- relations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arrow", "kind", "parent_is_source"),
    [
        ("+", "support", False),
        ("<+", "support", False),
        ("+>", "support", True),
        ("-", "attack", False),
        ("<-", "attack", False),
        ("->", "attack", True),
        ("_>", "undercut", True),
        ("><", "contradictory", True),
    ],
)
def test_relation_directions(arrow: str, kind: str, parent_is_source: bool) -> None:
    doc = parse(f"[P]: p\n  {arrow} [C]: c")
    (relation,) = doc.relations
    parent, child = Ref("statement", "P"), Ref("statement", "C")
    assert relation.kind == kind
    assert (relation.source, relation.target) == (
        (parent, child) if parent_is_source else (child, parent)
    )


def test_relations_nest_by_indentation() -> None:
    doc = parse("[A]: a\n  + [B]: b\n    - [C]: c\n      <+ [D]: d\n  - [E]: e")
    assert relations_of(doc) == sorted(
        [
            ("equivalence-class", "B", "support", "equivalence-class", "A", None),
            ("equivalence-class", "C", "attack", "equivalence-class", "B", None),
            ("equivalence-class", "D", "support", "equivalence-class", "C", None),
            ("equivalence-class", "E", "attack", "equivalence-class", "A", None),
        ]
    )


def test_a_relation_written_twice_counts_once() -> None:
    doc = parse("[A]: a\n  + [B]: b\n\n[A]\n  + [B]\n\n[C]: c\n  >< [D]: d\n\n[D]\n  >< [C]")
    assert len(doc.relations) == 2


def test_undercut_of_an_argument_hits_its_last_inference() -> None:
    doc = parse("<Arg>\n\n(1) p\n----\n(2) q\n----\n(3) r\n\n[U]: u\n  _> <Arg>")
    (relation,) = doc.relations
    assert relation.target == Ref("inference", "Arg", 2)


def test_undercut_under_an_inference_line() -> None:
    doc = parse("<Arg>\n\n(1) p\n-- rule --\n  <_ [U]: u\n(2) q")
    (relation,) = doc.relations
    assert (relation.source, relation.kind, relation.target) == (
        Ref("statement", "U"),
        "undercut",
        Ref("inference", "Arg", 1),
    )


def test_relations_of_a_reconstructed_argument_leave_from_its_conclusion() -> None:
    doc = parse("<Arg>\n  +> [T]: t\n\n<Arg>\n\n(1) p\n----\n(2) [C]: c")
    assert relations_of(doc) == [
        ("equivalence-class", "C", "support", "equivalence-class", "T", None)
    ]


def test_strict_mode_reads_statement_relations_as_entails_and_contrary() -> None:
    doc = parse("===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  + [B]: b\n  - [C]: c")
    assert sorted(r.kind for r in doc.relations) == ["contrary", "entails"]


# -- premise-conclusion structures ---------------------------------------------------------------


def test_pcs_belongs_to_the_argument_before_it() -> None:
    doc = parse("<Arg>: Because.\n\n(1) [P1]: p1\n(2) [P2]: p2\n-- Modus ponens --\n(3) [C]: c")
    argument = doc.arguments["Arg"]
    assert [(s.title, s.role) for s in argument.pcs] == [
        ("P1", "premise"),
        ("P2", "premise"),
        ("C", "conclusion"),
    ]
    (inference,) = argument.inferences
    assert (inference.premises, inference.rules, inference.conclusion) == (
        ["P1", "P2"],
        ["Modus ponens"],
        "C",
    )


def test_intermediate_conclusions_chain_inferences() -> None:
    doc = parse(
        "(1) [A]: a\n(2) [B]: b\n----\n(3) [C]: c\n(4) [D]: d\n-- r1, r2 {uses: [3, 4]} --\n"
        "(5) [E]: e"
    )
    (argument,) = doc.arguments.values()
    assert argument.auto_title
    assert [(i.premises, i.conclusion, i.rules) for i in argument.inferences] == [
        (["A", "B"], "C", []),
        (["C", "D"], "E", ["r1", "r2"]),
    ]
    assert argument.inferences[1].data == {"uses": [3, 4]}
    assert [s.role for s in argument.pcs] == [
        "premise",
        "premise",
        "intermediate",
        "premise",
        "conclusion",
    ]


def test_a_second_structure_for_one_argument_is_an_error() -> None:
    with pytest.raises(ArgdownSyntaxError, match="structure already") as info:
        parse("<Arg>\n\n(1) a\n----\n(2) b\n\n<Arg>\n\n(1) c\n----\n(2) d")
    assert (info.value.line, info.value.column) == (9, 1)


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("[A]: a\n+ [B]: b", 2, 1, "must be indented"),
        ("[A]: a\n\n  + [B]: b", 3, 3, "not after an empty line"),
        ("(1) a\n(2) b", 2, 6, "inference line"),
        ("(1) a\n----\n", 2, 5, "numbered conclusion"),
        ("[A]: a {kind: [}", 1, 16, "not valid YAML"),
        ("===\n- x\n===\n\n[A]: a", 1, 1, "must be a YAML mapping"),
        ("===\ntitle: [\n===\n\n[A]: a", 3, 1, "front matter is not valid YAML"),
        ("[A]: a\\", 1, 7, "cannot read this character"),
        ("[A]: a\n  + <B>: b\n    >< <C>: c", 3, 8, "only statements contradict"),
        ("[A]: **bold", 1, 12, "end of the bold or italic"),
        ("[A]:", 1, 5, "text of statement [A]"),
        # The lexer reads a run of text as one token; errors quote its first piece.
        ("[A] text, more", 1, 5, "expected an empty line, found 'text'"),
        ("[A]: a\n\n[B] , more (words)", 3, 5, "expected an empty line, found ','"),
    ],
)
def test_errors_name_line_and_column(text: str, line: int, column: int, words: str) -> None:
    with pytest.raises(ArgdownSyntaxError) as info:
        parse(text, path="map.argdown")
    error = info.value
    assert words in str(error)
    assert (error.line, error.column) == (line, column)
    assert str(error).startswith(f"map.argdown:{line}:{column}: ")
    quoted = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
    assert f"\n    {quoted}\n" in str(error)
    assert isinstance(error, FileFormatError)
    assert isinstance(error, ArgmapError)


def test_error_pickles() -> None:
    with pytest.raises(ArgdownSyntaxError) as info:
        parse("[A]: a\n+ [B]", path="x.argdown")
    again = pickle.loads(pickle.dumps(info.value))
    assert str(again) == str(info.value)
    assert (again.line, again.column, again.path) == (2, 1, "x.argdown")


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x0b", "\x0c", "\x85", "\u2028", "\u202e"])
def test_the_quoted_line_of_an_error_carries_no_control_character(char: str) -> None:
    # The message is escaped where it is made, not only by the CLI: an API caller that prints
    # it must not send the file's control characters to a terminal. The pointer stands under
    # the escaped character; the attribute keeps the line as written.
    with pytest.raises(ArgdownSyntaxError) as info:
        parse(f"[A]: a{char}b\\", path="x.argdown")
    assert char not in str(info.value)
    assert info.value.source_line == f"[A]: a{char}b\\"  # the attribute: the line as written
    quoted, pointer = str(info.value).split("\n")[1:3]
    assert quoted == f"    [A]: a\\u{ord(char):04x}b\\"
    assert quoted[len(pointer) - 1] == "\\"  # the pointer stands under the backslash


@pytest.mark.parametrize("digit", ["\u0661", "\u06f1", "\u0967", "\uff11"])
def test_statement_numbers_are_ascii_digits_only(digit: str) -> None:
    # Argdown's lexer is JavaScript's, whose \d is 0-9: "(\\u0661)" is text there, not a numbered
    # statement (Python's \d would have read it as one and failed for want of an inference).
    doc = parse(f"({digit}) a\n\n{digit}. b")
    assert doc.arguments == {}
    assert [s.text for s in doc.statements.values()] == [f"({digit}) a", f"{digit}. b"]
    assert list(parse("(1) a\n----\n(2) b").arguments) == ["Untitled 1"]


# -- simple data blocks, read without the YAML reader

_KEYS = ["a", "weight", "is-in-map", "_k", "a-", "yes", "on", "Off", "null", "NULL", "y", "1", "-a"]
_VALUES = [
    "1", "0", "-0", "01", "+1", "-12", "0.5", "-0.0", "00.5", "1.50", ".5", "1e3", "1_000",
    "0x1F", "1:20", "yes", "No", "TRUE", "off", "y", "n", "~", "null", "Null", "nan", ".inf",
    "a", "_", "-", "a-", "well-known", "a -b", "a b  c", "a b", "hello world", "a: b", "a #b",
    "a,b", '"q"', '"a b"', '""', '"a\\"b"', '"#x"', '"tab\there"', "'q'", "''", "'it''s'",
    '"\u2028"', '"\x85"', '"\ufeff"', '"\x07"', "[1]", "{b: 1}", "2006-03-01", "!!int 1",
]  # fmt: skip
_SEPARATORS = [", ", ",", " , ", ",  ", ",\n"]
_pairs = st.tuples(
    st.sampled_from(_KEYS) | st.text("ab-_:1 ", min_size=1, max_size=4),
    st.sampled_from([": ", ":  ", ":", " : ", ":\t"]),
    st.sampled_from(_VALUES) | st.text(min_size=0, max_size=6),
)
_blocks = st.builds(
    lambda pairs, seps, pad, close: (
        "{"
        + pad
        + "".join(
            k + c + v + (seps[i % len(seps)] if i < len(pairs) - 1 else "")
            for i, (k, c, v) in enumerate(pairs)
        )
        + close
    ),
    st.lists(_pairs, max_size=4),
    st.lists(st.sampled_from(_SEPARATORS), min_size=1, max_size=3),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from(["}", " }", ",}", "} ", "}}", ""]),
)


def _reads_as_yaml_does(text: str) -> None:
    fast = _simple_data(text)
    if fast is None:
        return  # not simple: the YAML reader reads it
    slow = parse_yaml(text)  # must not raise: a simple block is valid YAML
    assert json.dumps(fast) == json.dumps(slow), (fast, slow)


@settings(max_examples=examples(300))
@given(text=_blocks)
def test_simple_data_blocks_read_as_argmaps_yaml_reader_reads_them(text: str) -> None:
    _reads_as_yaml_does(text)


@pytest.mark.slow
@settings(max_examples=examples(3_000))
@given(text=_blocks)
def test_many_simple_data_blocks_read_as_argmaps_yaml_reader_reads_them(text: str) -> None:
    _reads_as_yaml_does(text)


def test_simple_data_blocks_are_taken_up() -> None:
    # the fast reader must actually read the common blocks (or the test above proves little)
    for text, value in [
        ("{weight: 0.5}", {"weight": 0.5}),
        ("{a: 1, b: yes, c: hello world, d: \"q\", e: 'r', f: null}",
         {"a": 1, "b": "yes", "c": "hello world", "d": "q", "e": "r", "f": None}),
        ("{a: true, b: off}", {"a": True, "b": "off"}),  # YAML 1.2: only true/false are booleans
        ("{}", {}),
        ("{ }", {}),
    ]:  # fmt: skip
        assert _simple_data(text) == value
    for text in ["{a: 1, a: 2}", "{on: 1}", "{a: {b: 1}}", "{a: 01}", "{a:\n 1}"]:
        assert _simple_data(text) is None


@pytest.mark.parametrize("text", ["(1) a\n--", "(1) a\n-- rule", "(1) a\n-- rule\n{a: 1}"])
def test_an_inference_line_cut_short_by_the_end_of_the_text_is_a_located_error(text: str) -> None:
    # Found by the long fuzz run: the parser read past its last token (IndexError).
    with pytest.raises(ArgdownSyntaxError, match="the text ends where the end of an inference"):
        parse(text)


def test_an_error_on_a_long_line_quotes_only_around_its_column() -> None:
    # An error on a line of megabytes (a one-line file, a source text in front matter) quoted
    # the whole line.
    text = "[A]: " + "w" * 5000 + " [B]: x " + "y" * 5000
    error = ArgdownSyntaxError(
        "something is wrong here", path="long.argdown", line=1, column=5007, source_line=text
    )
    headline, shown, caret = str(error).split("\n")
    assert headline == "long.argdown:1:5007: something is wrong here"
    assert len(shown) < 120
    assert shown.startswith("    ...")
    assert shown.endswith("...")
    assert shown[caret.index("^")] == text[5006] == "["
    assert pickle.loads(pickle.dumps(error)).quoted == error.quoted
    short = ArgdownSyntaxError("bad", path=None, line=2, column=3, source_line="ab!cd")
    assert str(short) == "<text>:2:3: bad\n    ab!cd\n      ^"
