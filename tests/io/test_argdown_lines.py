"""The parser's fast path (blocks of common lines, one match per line) reads as the token path.

:mod:`argmap.io.argdown.lines` reads the common line shapes of Argdown from one regular
expression per line, and the parser builds their statements and relations without tokens. It
must give the very document the token path gives (``parse(text, fast=False)``): the same
statements, arguments, members, relations and sections in the same order, the same untitled
numbering, the same map from ``loads``, and on bad input the same error, word for word, with
the same file, line and column. The drawn texts mix lines the fast path reads with lines it
must leave to the token path (markup, comments, shortcodes, double spaces, tabs, carriage
returns, control characters, line separators, letters and digits beyond ASCII), in blocks and
across them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from argdown_reference import SHARED_FILES
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgmapError
from argmap.io.argdown import dumps, loads
from argmap.io.argdown import reader as reader_module
from argmap.io.argdown.lines import scan
from argmap.io.argdown.parser import parse
from argmap.io.argdown.quoting import escape, heading_ok, inline, title_ok
from argmap.io.argdown.syntax import ArgdownSyntaxError, Document

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_argdown import generated_argdown  # noqa: E402


def _shape(doc: Document) -> Any:
    """Everything the document says, in its order (dicts compare without order)."""
    return (
        doc.front_matter,
        [(t, s) for t, s in doc.statements.items()],
        [(t, a) for t, a in doc.arguments.items()],
        doc.relations,
        [(s.id, s.title, s.level, s.path, s.data, s.tags) for s in doc.sections],
    )


def _outcome(read: Callable[[], Any]) -> Any:
    try:
        return ("read", read())
    except ArgdownSyntaxError as error:
        return ("failed", str(error), error.path, error.line, error.column, error.source_line)
    except ArgmapError as error:
        return ("failed", type(error).__name__, str(error))


def _same_parse(text: str) -> None:
    fast = _outcome(lambda: _shape(parse(text, path="x.argdown")))
    tokens = _outcome(lambda: _shape(parse(text, path="x.argdown", fast=False)))
    assert fast == tokens


def _loads_token_path(text: str) -> Any:
    original = reader_module.parse

    def token_path(text: str, *, path: str | None = None) -> Document:
        return original(text, path=path, fast=False)

    reader_module.parse = token_path  # type: ignore[assignment]
    try:
        return loads(text)
    finally:
        reader_module.parse = original


def _same_map(text: str) -> None:
    def written(read: Callable[[], Any]) -> Any:
        m = read()
        return m, [n.id for n in m.nodes()], dumps(m)

    fast = _outcome(lambda: written(lambda: loads(text)))
    tokens = _outcome(lambda: written(lambda: _loads_token_path(text)))
    assert fast == tokens


# -- drawn texts

_TITLES = ["A", "B", "T 1", "Ölpreis", "x-y", "a.b", "\u0661\u0662", "Q?", "A "]
_WORDS = ["a", "bc", "Жж", "x1", "\u0663", "ع", "5", "Ab", "it's", "1.5", "e.g."]
_PUNCTUATION = [",", ".", ":", ";", "(", ")", "-", "'", "!", '"', "+", "%"]
_MARKUP = ["@[A]", "@<B>", "@[T 1]", "#t", "#tag-1", "#ü", "#t_u"]
_HOSTILE = [
    "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\x1c", "\x00", "\x7f", "\u00a0", "\ufeff",
    "*", "**", "_", ".A.", ":smile:", "{", "}", "[", "]", "\\", "//", "/*", "*/", "<!--", "-->",
    "#(x y)", "  ", "\t", " ", "\r", "===", "<", ">", "@", "#", "](", "[A](u)",
]  # fmt: skip
_DATA = [
    "",
    "",
    "",
    "",
    " {a: 1}",
    " {weight: 0.5}",
    " {kind: case}",
    " {a: [1]}",
    " {a: }",
    "{b: x}",
]
_SIGNS = ["+", "-", "<+", "<-", "+>", "->", "><", "_>", "<_", "_", "--", "++"]

_clean = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_PUNCTUATION), st.sampled_from(_MARKUP))
# A hostile piece now and then: most blocks stay common, some do not.
_pieces = st.lists(
    st.one_of(*[_clean] * 14, st.sampled_from(_HOSTILE)),
    min_size=1,
    max_size=6,
)
_text = st.builds(
    lambda pieces, joins: (
        "".join(p + j for p, j in zip(pieces[:-1], joins, strict=False)) + pieces[-1]
    ),
    _pieces,
    st.lists(st.sampled_from([*[" "] * 12, "", "  "]), min_size=6, max_size=6),
)
_title = st.one_of(
    *[st.sampled_from(_TITLES)] * 7, st.sampled_from(_HOSTILE).map(lambda h: "A" + h)
)


@st.composite
def _element(draw: st.DrawFn, *, numbered: bool = False) -> str:
    """What a line holds after its sign or number: a statement or an argument (not after a
    number, mostly)."""
    shape = draw(st.sampled_from([0, 1, 4, 5, 0, 1, 4, 5, 2] if numbered else range(6)))
    title = draw(_title)
    if shape == 0:
        body = f"[{title}]: {draw(_text)}"
    elif shape == 1:
        body = f"[{title}]" + draw(st.sampled_from(["", " #t", " #a #a", " #b text"]))
    elif shape == 2:
        body = f"<{title}>: {draw(_text)}"
    elif shape == 3:
        body = f"<{title}>"
    else:
        body = draw(_text)
    return body + draw(st.sampled_from(_DATA))


@st.composite
def _line(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        return draw(_element())
    if kind <= 6:
        indent = " " * draw(st.sampled_from([1, 2, 2, 2, 4, 4, 3, 6, 0]))
        return f"{indent}{draw(st.sampled_from(_SIGNS))} {draw(_element())}"
    if kind == 7:
        number = draw(st.sampled_from(["1", "2", "10", "\u0661", " 1"]))
        return f"({number}) {draw(_element())}"
    if kind == 8:
        return draw(
            st.sampled_from(["----", "-- Modus ponens --", "-- a, b c --", "--", "-- x", "  ----"])
        )
    return (
        draw(st.sampled_from(["#", "##", "###"])) + " " + draw(_text) + draw(st.sampled_from(_DATA))
    )


_soup = st.lists(
    st.tuples(_line(), st.sampled_from(["\n", "\n", "\n\n", "\n\n", "\n  \n", "\n\n\n", "\r\n"])),
    min_size=1,
    max_size=6,
).map(lambda lines: "".join(line + end for line, end in lines))


@st.composite
def _block(draw: st.DrawFn) -> str:
    """A block shaped as the grammar wants it, mostly: a statement or argument and relations
    nested under it, or a premise-conclusion structure, or a heading."""
    kind = draw(st.integers(0, 5))
    if kind >= 3:
        kind = 0 if kind == 4 else 1
    if draw(st.integers(0, 5)) == 0:
        return draw(_soup)
    if kind == 2:
        heading = draw(st.sampled_from(["#", "##", "###"])) + " " + draw(_text)
        return heading + draw(st.sampled_from(_DATA))
    lines = [draw(_element())] if kind == 0 else [f"(1) {draw(_element(numbered=True))}"]
    depth = 0
    for _ in range(draw(st.integers(0, 5))):
        if kind == 1 and draw(st.booleans()):
            rule = draw(st.sampled_from(["----", "-- Modus ponens --", "-- a, b c --"]))
            lines += [rule, f"({len(lines) + 1}) {draw(_element(numbered=True))}"]
            depth = 0
            continue
        depth = draw(st.integers(1, depth + 1))
        sign = draw(st.sampled_from(_SIGNS[:10]))
        lines.append(f"{'  ' * depth}{sign} {draw(_element())}")
    return "\n".join(lines)


_documents = st.lists(
    st.tuples(_block(), st.sampled_from(["\n\n", "\n\n", "\n\n", "\n  \n", "\n", "\n\n\n"])),
    min_size=1,
    max_size=8,
).map(lambda blocks: "".join(block + end for block, end in blocks))
_endings = st.sampled_from(["", "", "\n", "\n  ", "\n\n"])


@pytest.mark.parametrize("budget", budgets(150, 1500))
def test_drawn_texts_parse_alike_on_both_paths(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(text=_documents, ending=_endings)
    def same(text: str, ending: str) -> None:
        _same_parse(text.rstrip("\n") + ending)

    same()


@pytest.mark.parametrize("budget", budgets(60, 600))
def test_drawn_texts_read_into_the_same_map_on_both_paths(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(text=_documents)
    def same(text: str) -> None:
        _same_map(text)

    same()


# A structure after an argument, one that is its second, undercuts retargeted to the last
# inference, relations under numbered statements, untitled statements numbered around
# relations, headings with tags and data, references with tags, a data block at the end.
_KNOWN = [
    "<A>\n\n(1) a\n----\n(2) b\n\n<A>\n\n(1) c\n----\n(2) d",
    "<A>: a.\n\n(1) [P]: p\n  <+ [Q]\n-- Modus ponens --\n(2) [C]: c\n  <_ [U]: u"
    "\n\n[X]: x\n  <_ [Y]",
    "x\n  + y\n    - z\n  + w\n\nv\n  <+ u",
    "# Part 0.1 #t {a: 1}\n\n## Sub #t #u\n\n[A] #x #x {w: 2}\n\n[A]: a #y",
    "[A]: a {a: 1}",
    "[A]: a {a: 1}\n}",
    "[A]: a {a: 1}\n\n, b",
    "[A]: a\n  + [B]\n      - [C]\n    + [D]\n   - [E]",
    "[A]: a\n  + <B>: b\n    >< [C]",
    "(1) a\n(2) b\n----\n(3) c\n(4) d\n-- r --\n(5) e",
    "(1) a\n----\n(2) b\n(3) c",
    "\n\n[A]: a\n\n\n[B]: b\n  \n",
    "[A]: a\n\n  + [B]: b",
    "[A]: a. b: c :smile: .A. x",
    "[A]: e.g. this: that",
]


@pytest.mark.parametrize("text", _KNOWN)
def test_known_texts_read_alike_on_both_paths(text: str) -> None:
    _same_parse(text)
    _same_map(text)


def test_the_benchmark_text_reads_alike_and_mostly_fast() -> None:
    text = generated_argdown(300)
    _same_parse(text)
    _same_map(text)
    _, blocks = scan(text)
    assert len(blocks) == text.count("\n\n") + 1  # every block of it is read fast


@pytest.mark.skipif(not SHARED_FILES, reason="the shared Argdown examples are absent")
@pytest.mark.parametrize("path", SHARED_FILES, ids=lambda p: p.stem)
def test_shared_files_read_alike_on_both_paths(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _same_parse(text)
    _same_map(text)


# -- the writer's checks of what reads back, answered from the line shapes


def _inline_by_parse(text: str, tags: tuple[str, ...]) -> str | None:
    """quoting.inline as it was, parsing every text."""
    parts = [escape(text)]
    for tag in tags:
        parts.append(f"#{tag}")
    content = " ".join(parts)
    try:
        doc = parse(f"[x]: {content}", fast=False)
    except ArgdownSyntaxError:
        return None
    statement = doc.statements.get("x")
    if (
        list(doc.statements) != ["x"]
        or doc.arguments
        or doc.relations
        or statement is None
        or statement.members[0].plain != text
        or statement.tags != list(tags)
        or statement.members[0].data is not None
    ):
        return None
    return content


def _title_by_parse(title: str) -> bool:
    if not title or title.startswith("-") or "]" in title or "\n" in title or "\r" in title:
        return False
    try:
        doc = parse(f"[{title}]: x\n  <+ [{title}]", fast=False)
    except ArgdownSyntaxError:
        return False
    return list(doc.statements) == [title]


def _heading_by_parse(title: str) -> str | None:
    written = escape(title)
    try:
        doc = parse(f"# {written}\n\n[x]: y", fast=False)
    except ArgdownSyntaxError:
        return None
    return written if [s.title for s in doc.sections] == [title] else None


@settings(max_examples=examples(300), deadline=None)
@given(
    text=st.one_of(_text, st.text(max_size=12)),
    tags=st.lists(st.sampled_from(["t", "tag-1", "ü"]), max_size=2).map(tuple),
)
def test_the_writers_checks_answer_as_the_parse(text: str, tags: tuple[str, ...]) -> None:
    # The writer asks whether a text, title or heading reads back as itself; where the line is
    # common it answers from the line shapes instead of parsing (3.6 times as fast a dumps).
    assert inline(text, tags) == _inline_by_parse(text, tags)
    if "\u2028" not in text and "\u2029" not in text:
        assert title_ok(text, "statement") == _title_by_parse(text)
    assert heading_ok(text) == _heading_by_parse(text)
