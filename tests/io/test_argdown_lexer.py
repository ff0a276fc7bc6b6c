"""The lexer cuts every text exactly as the pattern-by-pattern lexer it replaced.

:mod:`argmap.io.argdown.lexer` runs one pattern per context (a line's start, after an empty
line, further on in a line, an inference line) and starting character, whose alternatives are
Argdown's token patterns in Argdown's order. ``argdown_lexer_oracle`` is the lexer before,
which tried the patterns one by one at each position. Both must give the same tokens (type,
text, offsets, and the titles and tags the parser reads from their groups) or fail at the same
offset with the same words, on drawn texts, on texts that reach past the scanners' bound for a
title, and on every Argdown file at hand. Where the lexer reads a run of words and punctuation
as one "freestyle" token, the oracle's contiguous freestyle and unused pieces are joined before
the comparison: the parser reads the two alike (their texts, joined).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import argdown_lexer_oracle as oracle
import pytest
from argdown_reference import SHARED_FILES
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.io.argdown import lexer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_argdown import generated_argdown  # noqa: E402

# The token types whose groups the parser reads (titles, tags, links).
_GROUPS = {
    "statement_definition": 1,
    "statement_reference": 1,
    "statement_mention": 1,
    "argument_mention": 1,
    "argument_definition": 1,
    "argument_reference": 1,
    "link": 2,
    "tag": 2,
}


class _Failure(Exception):
    pass


def _fail(problem: str, offset: int) -> Any:
    raise _Failure(problem, offset)


def _cut(lexer_class: Any, text: str) -> Any:
    try:
        tokens = lexer_class(text, _fail).run()
    except _Failure as failure:
        return ("failed", *failure.args)
    cut: list[Any] = []
    for t in tokens:
        kind = "freestyle" if t.type == "unused" else t.type
        if kind == "freestyle" and cut and cut[-1][0] == kind and cut[-1][3] == t.start:
            # A run of text, one token or its pieces: the parser joins their texts.
            cut[-1] = (kind, cut[-1][1] + t.image, cut[-1][2], t.end, ())
            continue
        groups = tuple(t.group(n) for n in range(1, _GROUPS.get(t.type, 0) + 1))
        cut.append((kind, t.image, t.start, t.end, groups))
    return cut


def _same(text: str) -> None:
    assert _cut(lexer.Lexer, text) == _cut(oracle.Lexer, text)


_REACH = lexer._REACH
_PIECES = [
    "{", "}", "} ", "{a: ", "{a: 1}", ",", "[", "]", "]:", "](", "(", ")", "<", ">", ">:",
    "<!--", "-->", "/*", "*/", "//", "#(", "#", "@[", "@<", "=", "===", "*", "**", "_", "__",
    ".", ":", ".A.", "\\", "-", "--", "+", "\n", "\r", "\r\n", "\u2028", " ", "\t", "a", "b c",
    "\n  <+ ", "\n  - ", "(1) ", "\n----\n", "\n# h\n", "\n\n", "1. ", "* ", "[A]: ", "<B>: ",
    "[A]", "<B>", "@[C]", "@<D>", "#tag ", "+>", "->", "><", "_>", "<_", "<-", "<+", "  ",
    "\n\n  ", "-- r, s --", "## ", "2. ", "\t- ", "x" * (_REACH - 3), "y" * (_REACH + 5),
    # Characters that some line-breaking rules break on and Argdown's do not (or only some of
    # them), letters beyond ASCII, digits beyond ASCII (text to Argdown, whose \d is 0-9).
    "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "é", "Ölpreis", "Жж", "عربي", "\u0661",
    "(\u0661) ", "\u0662. ", "\u00a0", "#ü ",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@pytest.mark.parametrize("budget", budgets(200, 600))
def test_drawn_texts_are_cut_as_before(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(text=_texts)
    def holds(text: str) -> None:
        _same(text)

    holds()


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(
        alphabet=st.sampled_from("[]<>@#():,.-+_*{}=\\/ \t\n\rab1\u2028\u2029\x85\x0b\x0cé\u0661"),
        max_size=60,
    )
)
def test_texts_of_any_characters_are_cut_as_before(text: str) -> None:
    _same(text)


def _long(n: int) -> str:
    return "w" * n


@pytest.mark.parametrize(
    "text",
    [
        # Titles and mentions about as long as the scanners look, on short and long lines.
        *(
            f"[{_long(k)}]: a\n\n[B]: b [{_long(k)}] @[{_long(k)}] @<{_long(k)}> <{_long(k)}>"
            for k in (_REACH - 2, _REACH - 1, _REACH, _REACH + 1, _REACH + 2, 3 * _REACH)
        ),
        *(f"<{_long(k)}>: a {_long(2 * _REACH)}\n  <+ [{_long(k)}]" for k in (_REACH, _REACH + 1)),
        f"[a]b]: c {_long(_REACH)} ]: d",  # a definition's title holds a "]"
        f"[\n{_long(_REACH + 3)}]",  # a reference whose title starts with a line break
        f"<\n{_long(_REACH - 1)}>",
        "[]: x\n\n[]]: y\n\n[-a]\n\n<->: z",
        "[A]: a [l](u) [B] @[C]",  # a link makes every "[" slow
        "[A]: #(two words) #one #(open",
        "(1) a\n-- r1, r2 {uses: [1]} --\n(2) b",
        "(1) a\n----\n  <_ [U]: u\n(2) b",
        "[A]: a\n\n----\n\n--",  # no inference line after an empty line
        "[A]: a \\\n",  # a backslash at the end of a line: an error
        "  * a\n  * b\n    1. c\n\n# H\n\n## I {x: 1}",
        "[A]: a\n" + "  " * 3 + "+ [B]",  # indented deeper at once
    ],
)
def test_known_texts_are_cut_as_before(text: str) -> None:
    _same(text)


def test_the_benchmark_text_is_cut_as_before() -> None:
    _same(generated_argdown(300))


_FILES = [*sorted((ROOT / "examples").rglob("*.argdown")), *sorted(ROOT.glob("docs/**/*.argdown"))]


@pytest.mark.parametrize("path", _FILES + SHARED_FILES, ids=lambda p: p.name)
def test_argdown_files_are_cut_as_before(path: Path) -> None:
    _same(path.read_text(encoding="utf-8"))


def test_the_comparison_sees_a_scanner_without_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test can fail: without the slow alternative for long lines, the scanners would miss
    a title longer than they look (and read its "[" as unused text)."""

    def unbounded(*, brackets: bool) -> Any:
        def table(alternatives: list[Any]) -> Any:
            kept = [a for a in alternatives if not (a[0] == "slow" and "(?=" in a[2])]
            return lexer._table(kept)

        return (
            table(lexer._default("line start", brackets=brackets)),
            table(lexer._default("after an empty line", brackets=brackets)),
            table(lexer._default("in line", brackets=brackets)),
            table(lexer._inference()),
        )

    text = f"[{_long(_REACH + 5)}]: a"
    _same(text)
    monkeypatch.setattr(lexer, "_tables", unbounded)
    assert _cut(lexer.Lexer, text) != _cut(oracle.Lexer, text)
