"""The Argdown lexer is linear on every input, and its shortcuts change nothing it reads.

Argdown's grammar has patterns that look far ahead (comments, data blocks, front matter, links,
bracketed titles, mentions, tags in parentheses). Tried at every position of a hostile text they
used to rescan it: 135 s for some 40 kB inputs the long fuzz run found. The lexer now asks where
their closing characters are before it runs them (``Lexer._may_match``, ``_comment_at``) and
measures data blocks and front matter without backtracking (``_data_end``,
``_front_matter_end``).

Two kinds of test, neither timed:

- **The shortcuts are exact.** A lexer without them (every pattern run at every position, as
  before) must cut every text into the same tokens, or fail at the same place.
- **The work is linear.** Every far-looking pattern is wrapped in a counter that charges each
  attempt what it could have scanned: what it matched, or when it fails, the rest of the line
  (or of the text, for the patterns that cross lines). The searches for closing characters count
  what they scan. On any text, the total stays under a constant per character. This counts the
  patterns that can look far; the others can only scan a run of characters they then consume.
  A quadratic slip in the parser proper (not the lexer) shows in
  ``benchmarks/bench_argdown_hostile.py`` instead.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import pytest
from budget import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgmapError
from argmap.io import argdown
from argmap.io.argdown import lexer, patterns
from argmap.io.argdown.parser import parse
from argmap.io.argdown.syntax import ArgdownSyntaxError

# Pieces of hostile and ordinary Argdown, and characters that open or close something.
_PIECES = [
    "{", "}", "} ", "{a: ", "{a: 1}", ",", "[", "]", "]:", "]("  , "(", ")", "<", ">", ">:",
    "<!--", "-->", "/*", "*/", "//", "#(", "#", "@[", "@<", "=", "===", "*", "**", "_", "__",
    ".", ":", ".A.", "\\", "-", "--", "+", "\n", "\r", "\r\n", "\u2028", " ", "\t", "a", "b c",
    "\n  <+ ", "\n  - ", "(1) ", "\n----\n", "\n# h\n", "\n\n", "1. ", "* ",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


class _Failure(Exception):
    def __init__(self, problem: str, offset: int) -> None:
        super().__init__(problem, offset)


def _fail(problem: str, offset: int) -> ArgdownSyntaxError:
    raise _Failure(problem, offset)


class _Unguarded(lexer.Lexer):
    """The lexer as it was: every pattern tried at every position, no shortcut."""

    def _comment_at(self, pos: int) -> bool:
        return True

    def _may_match(self, kind: str, pos: int) -> bool:
        return True

    def _data_end(self, pos: int) -> int:
        m = patterns.DATA.match(self.text, pos)
        return m.end() if m else -1

    def _front_matter_end(self, pos: int) -> int:
        m = patterns.FRONT_MATTER.match(self.text, pos)
        return m.end() if m else -1


def _tokens(lexer_class: type[lexer.Lexer], text: str) -> Any:
    try:
        tokens = lexer_class(text, _fail).run()
    except _Failure as failure:
        return ("failed", *failure.args)
    return [(t.type, t.start, t.end) for t in tokens]


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts)
def test_the_shortcuts_cut_every_text_as_the_patterns_do(text: str) -> None:
    assert _tokens(lexer.Lexer, text) == _tokens(_Unguarded, text)


@pytest.mark.parametrize(
    "text",
    [
        "[A]: {a: 1}",
        "[A]: {a: {b: 1}, c: [1]} x",
        "{a} x} y",
        "{ } }",
        "===\ntitle: x\n===\n\n[A]: a",
        "======",
        "=== x ==== y",
        "[A]: a [l](u) [B] @[C] @<D> #(t t) #u <E>",
        "[A]: a <!-- c --> b /* d */ e // f\n[B]: b",
        "[]]: a",
        "[\n]",
        "<a>: b\n  <+ [c]: d",
    ],
)
def test_the_shortcuts_cut_known_texts_as_the_patterns_do(text: str) -> None:
    assert _tokens(lexer.Lexer, text) == _tokens(_Unguarded, text)


# -- counted work


class _Work:
    def __init__(self) -> None:
        self.chars = 0


_SPACE = re.compile(r"\s")


class _CountedPattern:
    """A pattern that charges each attempt what it scanned, or could have, to ``work``: when
    it fails, up to where it must stop (``reach``: the end of the text, of the line, or of the
    word)."""

    def __init__(self, pattern: re.Pattern[str], work: _Work, reach: str) -> None:
        self.pattern = pattern
        self.work = work
        self.stop = {"line": lexer._LINE_STOP, "word": _SPACE}.get(reach)
        self.reach = reach

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        m = self.pattern.match(text, pos)
        if m:
            self.work.chars += m.end() - pos + 1
        elif self.reach == "tag" and not text.startswith("#(", pos):
            self.work.chars += 2  # "#" and a character that is neither "(" nor in a tag
        elif self.stop is None:
            self.work.chars += len(text) - pos + 1
        else:
            stop = self.stop.search(text, pos + 1)
            self.work.chars += (stop.start() if stop else len(text)) - pos + 1
        return m

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


_REACH = {
    **dict.fromkeys(["COMMENT", "COMMENT_AFTER_EMPTY", "COMMENT_AFTER_NEWLINE"], "text"),
    **dict.fromkeys(["LINK", "DATA", "FRONT_MATTER"], "text"),  # the last two are no
    # longer run; counted should they come back
    "TAG": "tag",  # "#(" up to the text's end; another tag only as far as it matches
    **dict.fromkeys(["STATEMENT_DEFINITION", "STATEMENT_REFERENCE"], "line"),
    **dict.fromkeys(["STATEMENT_MENTION", "ARGUMENT_MENTION"], "line"),
    **dict.fromkeys(["ARGUMENT_DEFINITION", "ARGUMENT_REFERENCE"], "line"),
    "SPECIAL": "word",
}


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> _Work:
    """Count the lexer's far-looking work while the test runs."""
    counted = _Work()
    for name, reach in _REACH.items():
        wrapped = _CountedPattern(getattr(patterns, name), counted, reach)
        # Where the lexer reads it (it imports what it runs), and where it is defined.
        for module in (lexer, patterns):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, wrapped)
    far = {
        char: [(kind, getattr(lexer, kind.upper())) for kind, _ in patterns]
        for char, patterns in lexer._FAR_BY_CHAR.items()
    }
    monkeypatch.setattr(lexer, "_FAR_BY_CHAR", far)

    class CountedNext(lexer._Next):
        def __call__(self, pos: int) -> int:
            before = self.scanned
            found = super().__call__(pos)
            counted.chars += self.scanned - before + 1
            return found

    monkeypatch.setattr(lexer, "_Next", CountedNext)
    tables = lexer._tables

    def counted_tables(*, brackets: bool) -> Any:
        return tuple(
            {
                char: (_counted_scanner(match, actions, counted), actions)
                for char, (match, actions) in t.items()
            }
            for t in tables(brackets=brackets)
        )

    monkeypatch.setattr(lexer, "_tables", counted_tables)
    return counted


def _counted_scanner(match: Any, actions: dict[int, Any], work: _Work) -> Any:
    """A scanner that charges each attempt what it scanned or could have: a title found at
    once (a definition, a mention), what it matched; any other attempt at a bracket, also the
    bounded searches for a definition's bracket and for a long line (each up to the scanners'
    reach, or to the line's end); a failed shortcode, its word; else what it matched."""

    def counted(text: str, pos: int) -> Any:
        m = match(text, pos)
        kind = actions[m.lastindex][0]
        work.chars += m.end() - pos + 1
        if text[pos] in "[@<" and kind not in _FOUND_AT_ONCE:
            stop = lexer._LINE_STOP.search(text, pos + 2)
            rest = (stop.start() if stop else len(text)) - pos
            work.chars += 2 * min(rest, lexer._REACH + 1)
        elif text[pos] in ".:" and kind != "special":
            stop = _SPACE.search(text, pos + 1)
            work.chars += (stop.start() if stop else len(text)) - pos
        return m

    return counted


_FOUND_AT_ONCE = {"statement_definition", "statement_mention", "argument_definition"}


def _lex(text: str) -> None:
    with contextlib.suppress(ArgdownSyntaxError):  # the lexer ran; refusing the text is fine
        parse(text)


PER_CHAR = 2 * lexer._REACH + 40
"""Work allowed per character. Measured: at most about 12 on the shapes below for the patterns
tried one by one; the scanners' bounded search for a title's bracket (``lexer._REACH``
characters, twice) adds up to about twice the reach at each bracket that opens nothing."""

_SHAPES = [
    "{", "{a: ", "} x", "[", "[a", "<a", "<", "<!--", "/*", "#(", "[a](", "@[", "@<", "=== x ",
    "*a ", "_a ", ".a", ":a", "[a]:", "<a>:", "// x", "-->", "a\n", "\\",
]  # fmt: skip


@pytest.mark.parametrize("unit", _SHAPES)
def test_hostile_shapes_cost_a_constant_per_character(work: _Work, unit: str) -> None:
    counts = []
    for size in (2_000, 8_000):  # each far beyond the scanners' reach (lexer._REACH)
        work.chars = 0
        text = "[A]: x " + unit * (size // len(unit))
        _lex(text)
        counts.append(work.chars / len(text))
    assert max(counts) <= PER_CHAR, counts
    assert counts[1] <= 1.5 * counts[0] + 1, counts  # quadratic work would grow fourfold


@settings(max_examples=examples(60), deadline=None, suppress_health_check=list(HealthCheck))
@given(unit=_texts.filter(bool))
def test_any_repeated_text_costs_a_constant_per_character(unit: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        counted = work.__wrapped__(monkeypatch)  # type: ignore[attr-defined]
        text = unit * (4_000 // len(unit) + 1)
        _lex(text)
        assert counted.chars <= PER_CHAR * len(text), counted.chars / len(text)


def test_the_counter_sees_the_old_quadratic_work(
    work: _Work, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the shortcuts, open brackets cost the rest of the line at every position.
    monkeypatch.setattr(lexer.Lexer, "_may_match", lambda self, kind, pos: True)
    text = "[A]: x " + "[" * 4_000
    _lex(text)
    assert work.chars > 1_000 * len(text)


# -- depth


def test_deeply_nested_emphasis_is_read_without_recursion() -> None:
    # Each "*a" opens an italic range that the stars at the end close: 3,000 deep. The parser
    # used to recurse once per range (RecursionError, found by the fuzz harness).
    doc = parse("[A]: " + "*a " * 3_000 + "b" + "*" * 3_000)
    assert doc.statements["A"].text == "a " * 3_000 + "b"


def test_unclosed_emphasis_is_a_located_error() -> None:
    with pytest.raises(ArgmapError, match=r"the end of the bold or italic text was expected"):
        argdown.loads("x " + "*a " * 3_000)


def test_relations_nest_up_to_the_native_depth_limit() -> None:
    def nested(depth: int) -> str:
        return "[a]: a\n" + "".join(" " * (i + 1) + "+ b\n" for i in range(depth))

    assert len(parse(nested(100)).relations) == 100  # each "b" supports the one above it
    with pytest.raises(ArgdownSyntaxError) as caught:
        parse(nested(1_000), path="deep.argdown")
    assert caught.value.line == 102
    assert caught.value.column == 102
    assert "nest deeper than 100 levels" in str(caught.value)
