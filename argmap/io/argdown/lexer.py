"""Argdown's lexer: the tokens of a text, as ``@argdown/core`` cuts it.

At each position the lexer takes the first token type, in Argdown's order, that fits there
(:mod:`argmap.io.argdown.patterns`), with Argdown's rules for indentation (``indent`` and
``dedent`` tokens around nested relations and lists), empty lines and comments (skipped). Bold
and italic ranges open and close in a stack, and an inference line (``-- rule, rule --``) has
tokens of its own. :func:`tokenize` cuts a whole text; the parser reads the tokens.

It does not try the patterns one by one. Per context (the start of a line, the start of a line
after an empty line, further on in a line, an inference line) and per character that may start
a token other than plain text, one compiled pattern holds, as named alternatives in Argdown's
order, the token patterns that may start with that character; one match gives the token and
its type. A character that starts nothing else starts plain text, in every context; outside
an inference line a run of words and punctuation is one "freestyle" token where Argdown cuts it
into several (the parser joins their texts alike), and a data block on one line is one match.
What needs more than a pattern (comments, other data blocks, front matter, bold and italic,
links, tags in parentheses, titles on long lines) is read pattern by pattern
(:meth:`Lexer._step`), exactly as before; ``tests/io/test_argdown_lexer.py`` holds the two to
the same tokens (runs of text compared with their pieces) on every text.

Blocks of common lines (:mod:`argmap.io.argdown.lines`), which the parser reads from one match
per line, are one ``block`` token each: where the lexer arrives at such a block as at the start
of a top-level element, it goes on at the block's end (:meth:`Lexer._skip_block`).

The lexer is linear in the text, hostile texts included: see :class:`Lexer`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from argmap.io.argdown.patterns import (
    ARGUMENT_DEFINITION,
    ARGUMENT_MENTION,
    ARGUMENT_REFERENCE,
    COMMENT,
    COMMENT_AFTER_EMPTY,
    COMMENT_AFTER_NEWLINE,
    EMPTYLINE,
    ESCAPED,
    FREESTYLE,
    HEADING,
    INFERENCE_END,
    INFERENCE_START,
    LINK,
    LIST_DELIMITER,
    NEWLINE,
    ORDERED_ITEM,
    RANGES,
    RELATIONS,
    SPACES,
    SPECIAL,
    STATEMENT_DEFINITION,
    STATEMENT_MENTION,
    STATEMENT_NUMBER,
    STATEMENT_REFERENCE,
    TAG,
    TAG_CHARS,
    TRIGGERS,
    UNORDERED_ITEM,
    UNUSED,
)
from argmap.io.argdown.syntax import ArgdownSyntaxError
from argmap.io.parsing import MAX_DEPTH

__all__ = ["Lexer", "Token", "tokenize"]

# Patterns of _FAR_BY_CHAR that cannot scan past the end of the line (a link can, unless its
# "]" is on the line), and the length of line on which they are cheap enough to run at once.
_IN_LINE = {
    "link",
    "statement_definition",
    "statement_reference",
    "statement_mention",
    "argument_mention",
    "argument_definition",
    "argument_reference",
}
_SHORT_LINE = 64
# The patterns that look far ahead, by the character they start with, in Argdown's order.
_FAR_BY_CHAR: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "[": [
        ("link", LINK),
        ("statement_definition", STATEMENT_DEFINITION),
        ("statement_reference", STATEMENT_REFERENCE),
    ],
    "#": [("tag", TAG)],
    "@": [("statement_mention", STATEMENT_MENTION), ("argument_mention", ARGUMENT_MENTION)],
    "<": [
        ("argument_definition", ARGUMENT_DEFINITION),
        ("argument_reference", ARGUMENT_REFERENCE),
    ],
}

# What the far-reaching patterns above look for. Each is searched with a _Next, so that no
# position's failed attempt rescans the rest of the text (see Lexer).
_LINE_STOP = re.compile(r"[\n\r\u2028\u2029]")  # where JavaScript's "." stops
_ANY_STOP = re.compile(r"[\r\u2028\u2029]")  # where JavaScript's (.|\n) stops
_DATA_STOP = re.compile(r"[\r\u2028\u2029]|\}\s[^,}]")  # where DATA's body stops
_DATA_CLOSE = re.compile(r"\}(?!\s*(?:,|\}))")  # a "}" that may end a data block
_EQUALS = re.compile(r"=+")


class _Next:
    """Where a pattern next occurs at or after a position, for positions that only grow.

    A search that finds the pattern at ``found`` answers every later question from a position
    up to ``found`` without searching again, and a search that finds nothing answers every
    later question; so the lexer, whose position only moves forward, searches the text about
    once per pattern in all. ``scanned`` counts the characters searched (for the tests).
    """

    __slots__ = ("_asked", "_found", "_n", "_search", "_text", "scanned")

    def __init__(self, text: str, pattern: re.Pattern[str] | str) -> None:
        compiled = re.compile(re.escape(pattern)) if isinstance(pattern, str) else pattern
        self._search = compiled.search
        self._text = text
        self._n = len(text)
        self._asked = self._n + 1
        self._found = self._n
        self.scanned = 0

    def __call__(self, pos: int) -> int:
        """The first offset ``>= pos`` where the pattern starts, or ``len(text)`` if none."""
        if self._asked <= pos <= self._found:
            return self._found
        m = self._search(self._text, pos)
        found = m.start() if m else self._n
        self.scanned += found - pos + 1
        self._asked, self._found = pos, found
        return found


@dataclass(slots=True)
class Token:
    """One token: its type, its text, and where it starts and ends (offsets into the text)."""

    type: str
    image: str
    start: int
    end: int  # one past the last character
    match: re.Match[str] | None = None
    base: int = 0  # the number of the group before the token's first in ``match``

    def group(self, n: int) -> str:
        """A group of the token's match ('' for a token that no pattern made, or no group)."""
        return (self.match.group(self.base + n) or "") if self.match else ""


_Found = tuple[str, int, re.Match[str] | None] | None  # a token's type, end and match, or none


class Lexer:
    """Argdown's lexer: at each position, the first token type (in Argdown's order) that fits.

    Argdown's patterns are JavaScript regular expressions, and several look far ahead: a
    comment, a link, a tag in parentheses or a bracketed title scans on to its closing
    characters and, where there are none, to the end of the line or of the text. Tried at every
    position of a hostile text (ten thousand ``[`` or ``<!--``), they would scan it again and
    again, in quadratic time. The scanners look for a title's closing bracket no further than
    ``_REACH`` characters and leave a title that may end further on to :meth:`_step`; there
    each far-looking pattern is first asked of a :class:`_Next` where its closing characters
    are, which searches the text about once in all; the pattern runs only when it will match,
    and then consumes what it scanned. A data block and front matter, whose patterns also
    backtrack, are measured without them. The lexer is linear in the text.
    """

    def __init__(
        self,
        text: str,
        fail: Callable[[str, int], ArgdownSyntaxError],
        *,
        blocks: dict[int, tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.blocks = blocks or {}
        self.n = len(text)
        self.fail = fail
        self.tokens: list[Token] = []
        self.indents = [0]
        self.ranges: list[str] = []
        self.last_skipped_end = -1
        self.finders: dict[tuple[str | re.Pattern[str], int | str], _Next] = {}
        self._line_end = -1  # where the current line ends (the first line stop at or after)
        self._data_closes: list[int] | None = None

    def _next(self, pattern: str | re.Pattern[str], pos: int, use: int | str) -> int:
        """Where ``pattern`` next occurs at or after ``pos``; one finder per pattern and use,
        each asked at growing positions."""
        finder = self.finders.get((pattern, use))
        if finder is None:
            finder = self.finders[pattern, use] = _Next(self.text, pattern)
        return finder(pos)

    def _dedent_all(self, at: int) -> None:
        while len(self.indents) > 1:
            self.tokens.append(Token("dedent", "", at, at))
            self.indents.pop()

    def _indent_or_dedent(self, width: int, at: int) -> None:
        if width > self.indents[-1]:
            if len(self.indents) > MAX_DEPTH:
                indentation = SPACES.match(self.text, at)
                raise self.fail(
                    f"relations and lists nest deeper than {MAX_DEPTH} levels here; an argument "
                    "map needs a handful: indent less, or give the deep part its own top level",
                    indentation.end() if indentation else at,
                )
            self.indents.append(width)
            self.tokens.append(Token("indent", "", at, at))
        else:
            while len(self.indents) > 1 and width < self.indents[-1]:
                self.indents.pop()
                self.tokens.append(Token("dedent", "", at, at))

    def run(self) -> list[Token]:  # noqa: PLR0915  # one loop, kept whole for speed
        """The tokens of the whole text (see the module's docstring for how they are found)."""
        text = self.text
        n = self.n
        tokens = self.tokens
        append = tokens.append
        tables = _tables(brackets="](" not in text)
        at_line_start, in_line = tables[0], tables[2]
        words, freestyle, token = _WORDS_RUN.match, FREESTYLE.match, Token
        plain, titled, skip, newline = _PLAIN, _TITLED, _SKIP, _NEWLINE  # locals: read per token
        table, pos, inference = at_line_start, 0, False
        if 0 in self.blocks:
            pos, table = self._skip_block(0, in_line)
        while pos < n:
            scanner = table.get(text[pos])
            if scanner is None:  # nothing but plain text starts here, in any context
                m = freestyle(text, pos) if inference else words(text, pos)
                end = m.end()  # type: ignore[union-attr]  # it matches any such character
                append(token("freestyle", text[pos:end], pos, end))
                pos = end
                if not inference:
                    table = in_line
                continue
            m = scanner[0](text, pos)
            entry = scanner[1][m.lastindex]  # type: ignore[index]
            kind, base, action = entry
            end = m.end()
            if action == plain:  # a token whose groups no one reads: its match goes
                append(token(kind, text[pos:end], pos, end))
                pos = end
                if not inference:
                    table = in_line
                continue
            if action == titled:  # the parser reads its title (or tag) from its groups
                append(token(kind, text[pos:end], pos, end, m, base))
                pos = end
                table = in_line  # never in an inference line
                continue
            if action == skip:
                self.last_skipped_end = pos = end
                continue
            if action == newline:
                append(token(kind, text[pos:end], pos, end))
                pos = end
                if not inference:
                    table = at_line_start
                continue
            pos, inference, table = self._act(m, entry, inference, tables)
            if table is tables[1] and pos in self.blocks and not self.ranges:  # after an empty line
                pos, table = self._skip_block(pos, in_line)
        # A trailing empty line means nothing; close every open indentation.
        if tokens and tokens[-1].type == "emptyline":
            tokens.pop()
        self._dedent_all(n)
        return tokens

    def _skip_block(self, pos: int, in_line: _Table) -> tuple[int, _Table]:
        """One ``block`` token for the block of common lines at ``pos`` (see
        :mod:`argmap.io.argdown.lines`), which the parser reads from its lines; the lexer goes
        on at its end. The lexer is here as at the start of any top-level element (after an
        empty line or at the text's start, no indentation, no open bold or italic text), and
        the block's lines leave it as they found it, so the tokens after are those it would
        have made after reading the block token by token."""
        blocks, text, append = self.blocks, self.text, self.tokens.append
        while True:
            end, index = blocks[pos]
            append(Token("block", "", pos, end, None, index))
            # The empty line after it, and a block right after that: the next block token
            # stands for the empty line too (the parser reads blocks one after another).
            m = EMPTYLINE.match(text, end) if end < self.n else None
            if m is None or m.end() not in blocks:
                return end, in_line
            pos = m.end()

    def _act(
        self,
        m: re.Match[str],
        entry: tuple[str, int, int],
        inference: bool,
        tables: tuple[_Table, _Table, _Table, _Table],
    ) -> tuple[int, bool, _Table]:
        """What a scanner's match means besides a token of its own (an empty line, indentation,
        an inference line) or, when it is slow, the token read pattern by pattern; the new
        position, whether an inference line is open, and the table of the next context."""
        kind, base, action = entry
        at_line_start, after_empty, in_line, in_inference = tables
        pos, end = m.start(), m.end()
        if action == _SLOW:
            pos, inference = self._step(pos, inference)
            if inference:
                return pos, inference, in_inference
            last = self.tokens[-1].type if self.tokens else "newline"
            if last == "newline":
                return pos, inference, at_line_start
            return pos, inference, after_empty if last == "emptyline" else in_line
        table = in_line
        if action == _INDENT:  # a relation sign or a list item, indented
            self._indent_or_dedent(len(m.group(base + 1)) + (kind in _ITEMS), pos)
        elif action == _EMPTYLINE:
            if end < self.n:
                self._dedent_all(pos)
            table = after_empty
        elif action == _DEDENT:  # a numbered statement or an inference line
            self._dedent_all(pos)
            inference = kind == "inference_start"
            table = in_inference if inference else in_line
        else:  # _INFERENCE_END
            inference = False
        self.tokens.append(Token(kind, self.text[pos:end], pos, end, m, base))
        return end, inference, table

    def _step(self, pos: int, inference: bool) -> tuple[int, bool]:
        """One token (or one skipped comment or run of spaces) at ``pos``, found pattern by
        pattern in Argdown's order; the new position and whether an inference line is open.

        This is the lexer as it reads what the scanners leave to it: comments, data blocks,
        front matter, bold and italic, links, tags in parentheses, titles on long lines."""
        text = self.text
        tokens = self.tokens
        char = text[pos]
        last = tokens[-1] if tokens else None
        # Comments come first in both modes; they are skipped.
        if char in "/<" and self._comment_at(pos):
            if last is not None and last.type == "emptyline":
                m = COMMENT_AFTER_EMPTY.match(text, pos)
            elif last is not None and last.type == "newline":
                m = COMMENT_AFTER_NEWLINE.match(text, pos)
            else:
                m = COMMENT.match(text, pos)
            if m:
                self.last_skipped_end = m.end()
                return m.end(), inference
        if inference:
            kind, end, m = self._inference_token(pos, char)
        else:
            kind, end, m = self._default_token(pos, char, last)
        if kind == "spaces":
            self.last_skipped_end = end
            return end, inference
        if kind == "inference_start":
            inference = True
        elif kind == "inference_end":
            inference = False
        tokens.append(Token(kind, text[pos:end], pos, end, m))
        return end, inference

    def _comment_at(self, pos: int) -> bool:
        """Whether a comment starts at ``pos`` (then the comment patterns match there)."""
        text = self.text
        if text.startswith("<!--", pos):
            return self._next("-->", pos + 4, 4) < self._next(_ANY_STOP, pos + 4, 4)
        if text.startswith("/*", pos):
            return self._next("*/", pos + 2, 2) < self._next(_ANY_STOP, pos + 2, 2)
        if text.startswith("//", pos):
            stop = self._next(_LINE_STOP, pos + 2, 2)
            return stop < self.n and text[stop] in "\r\n"
        return False

    def _may_match(self, kind: str, pos: int) -> bool:
        """Whether the pattern of ``kind`` (one of ``_FAR_BY_CHAR``) matches at ``pos``: its
        closing characters come before the line (or the text) ends. Exact: a tag that is not
        in parentheses is left to its pattern, which cannot look far."""
        text = self.text
        n = self.n
        if kind == "link":  # [text](url): the first "]", a "(" right after it, then a ")"
            bracket = self._next("]", pos + 1, 1)
            return (
                pos + 2 <= bracket < n - 1
                and text[bracket + 1] == "("
                and bracket + 3 <= self._next(")", bracket + 2, "link") < n
            )
        if kind == "tag":  # "#(" needs a ")" after one character at least; other tags are short
            return not text.startswith("#(", pos) or pos + 2 < self._next(")", pos + 2, "tag") < n
        if kind in ("statement_definition", "argument_definition"):  # [title]: on this line
            close = "]:" if kind == "statement_definition" else ">:"
            return self._next(close, pos + 2, 2) < self._next(_LINE_STOP, pos + 1, 1)
        if kind in ("statement_reference", "argument_reference"):  # [title] on this line
            close = "]" if kind == "statement_reference" else ">"
            return (
                pos + 1 < n
                and text[pos + 1] != "-"
                and self._next(close, pos + 2, 2) < self._next(_LINE_STOP, pos + 2, 2)
            )
        if kind in ("statement_mention", "argument_mention"):  # @[title] on this line
            opening, close = ("[", "]") if kind == "statement_mention" else ("<", ">")
            if not text.startswith(opening, pos + 1):
                return False
            return self._next(close, pos + 3, 3) < self._next(_LINE_STOP, pos + 2, 2)
        return True

    def _data_end(self, pos: int) -> int:
        """Where the data block that starts at ``pos`` ends, or -1: what ``DATA`` matches.

        Its body runs to the first ``_DATA_STOP`` and then backs off to the last ``}`` that
        may end a block; both are found without rescanning."""
        stop = self._next(_DATA_STOP, pos + 1, 1)
        closes = self._data_closes
        if closes is None:
            closes = self._data_closes = [m.start() for m in _DATA_CLOSE.finditer(self.text)]
        i = bisect.bisect_right(closes, stop) - 1
        return closes[i] + 1 if i >= 0 and closes[i] > pos else -1

    def _front_matter_end(self, pos: int) -> int:
        """Where front matter that starts at ``pos`` ends, or -1: what ``FRONT_MATTER``
        matches (``===`` or more, the shortest text, ``===`` or more), without backtracking."""
        text = self.text
        opening = _EQUALS.match(text, pos)
        run = opening.end() - pos if opening else 0
        if run < 3:
            return -1
        after = pos + run
        close = self._next("===", after, "front matter")
        if close < self._next(_ANY_STOP, after, "front matter"):
            closing = _EQUALS.match(text, close)
            return closing.end() if closing else -1
        # No "===" further on: the opening run itself holds both ends when it is long enough.
        return after if run >= 6 else -1

    def _inference_token(self, pos: int, char: str) -> tuple[str, int, re.Match[str] | None]:
        text = self.text
        for kind, pattern in (
            ("newline", NEWLINE),
            ("escaped", ESCAPED),
            ("special", SPECIAL),
            ("inference_end", INFERENCE_END),
        ):
            m = pattern.match(text, pos)
            if m:
                return kind, m.end(), m
        if char == "{":
            end = self._data_end(pos)
            if end > 0:
                return "data", end, None
        for kind, pattern in (
            ("list_delimiter", LIST_DELIMITER),
            ("spaces", SPACES),
            ("freestyle", FREESTYLE),
            ("unused", UNUSED),
        ):
            m = pattern.match(text, pos)
            if m:
                return kind, m.end(), m
        raise self.fail("Argdown cannot read this character here", pos)

    def _default_token(
        self, pos: int, char: str, last: Token | None
    ) -> tuple[str, int, re.Match[str] | None]:
        """The token at ``pos`` outside an inference line: the first, in Argdown's order, of the
        token types that may start with ``char`` here, else text."""
        line_start = last is None or last.type in _LINE_BREAKS
        for step in (_STEPS_AT_LINE_START if line_start else _STEPS_IN_LINE).get(char, ()):
            found = step(self, pos, char, last)
            if found is not None:
                return found
        for kind, pattern in (("spaces", SPACES), ("freestyle", FREESTYLE), ("unused", UNUSED)):
            m = pattern.match(self.text, pos)
            if m:
                return kind, m.end(), m
        raise self.fail("Argdown cannot read this character here", pos)

    # Each step below tries the token types of one group, in Argdown's order, and answers None
    # when none of them is here. _STEPS_AT_LINE_START and _STEPS_IN_LINE say which steps a
    # character may start, in order, at the start of a line and further on.

    def _block(self, pos: int, char: str, last: Token | None) -> _Found:
        """Front matter, a data block, an escaped character or a shortcode such as ``.A.``."""
        if char == "=":
            end = self._front_matter_end(pos)
            return ("front_matter", end, None) if end > 0 else None
        if char == "{":
            end = self._data_end(pos)
            return ("data", end, None) if end > 0 else None
        kind, pattern = ("escaped", ESCAPED) if char == "\\" else ("special", SPECIAL)
        m = pattern.match(self.text, pos)
        return (kind, m.end(), m) if m else None

    def _break(self, pos: int, char: str, last: Token | None) -> _Found:
        """An empty line (which closes every indentation) or a line break."""
        if last is None or last.type != "emptyline":
            m = EMPTYLINE.match(self.text, pos)
            if m:
                if m.end() < self.n:
                    self._dedent_all(pos)
                return "emptyline", m.end(), m
        m = NEWLINE.match(self.text, pos)
        return ("newline", m.end(), m) if m else None

    def _relation_start(self, pos: int, char: str, last: Token | None) -> _Found:
        """At the start of a line: an inference line (``--``) or a relation sign (``<+``)."""
        m = INFERENCE_START.match(self.text, pos)
        if m and (last is None or last.type != "emptyline"):
            self._dedent_all(pos)
            return "inference_start", m.end(), m
        for kind, pattern in RELATIONS:
            m = pattern.match(self.text, pos)
            if m:
                self._indent_or_dedent(len(m.group(1)), pos)
                return kind, m.end(), m
        return None

    def _heading(self, pos: int, char: str, last: Token | None) -> _Found:
        """At the start of a line: a heading (``# Title``)."""
        m = HEADING.match(self.text, pos)
        return ("heading_start", m.end(), m) if m else None

    def _numbered(self, pos: int, char: str, last: Token | None) -> _Found:
        """At the start of a line: a numbered statement (``(1)``) or a list item."""
        m = STATEMENT_NUMBER.match(self.text, pos)
        if m:
            self._dedent_all(pos)
            return "statement_number", m.end(), m
        for kind, pattern in (("ordered_item", ORDERED_ITEM), ("unordered_item", UNORDERED_ITEM)):
            m = pattern.match(self.text, pos)
            if m:
                self._indent_or_dedent(len(m.group(1)) + 1, pos)
                return kind, m.end(), m
        return None

    def _range(self, pos: int, char: str, last: Token | None) -> _Found:
        """The start or the end of bold or italic text: an end only of the range opened last,
        and only right after text (no space or comment skipped in between)."""
        for kind, range_type, pattern in RANGES:
            if kind.endswith("_end"):
                if not self.ranges or self.ranges[-1] != range_type:
                    continue
                if last is None or self.last_skipped_end > last.end:
                    continue
                m = pattern.match(self.text, pos)
                if m:
                    self.ranges.pop()
                    return kind, m.end(), m
            else:
                m = pattern.match(self.text, pos)
                if m:
                    self.ranges.append(range_type)
                    return kind, m.end(), m
        return None

    def _far(self, pos: int, char: str, last: Token | None) -> _Found:
        """A link, a tag, a mention, or a statement's or an argument's title: the patterns that
        may look far ahead, each run only where it will match (see the class)."""
        text = self.text
        # On a short line a pattern that stops at the line's end costs a few characters:
        # run it at once. Only on a long line is it worth asking where it would end.
        line_end = self._line_end
        if line_end < pos:
            line_end = self._line_end = self._next(_LINE_STOP, pos, "line end")
        short = line_end - pos <= _SHORT_LINE
        for kind, pattern in _FAR_BY_CHAR[char]:
            if (
                short and kind in _IN_LINE and (kind != "link" or "]" in text[pos:line_end])
            ) or self._may_match(kind, pos):
                m = pattern.match(text, pos)
                if m:
                    return kind, m.end(), m
        return None


_LINE_BREAKS = ("newline", "emptyline")  # after these (or at the text's start) a line starts
_Step = Callable[[Lexer, int, str, "Token | None"], "_Found"]
# The steps a character may start, in Argdown's order (a character not here starts only text):
# further on in a line, and at the start of a line, where relations, headings, numbered
# statements and list items may start too.
_STEPS_IN_LINE: dict[str, tuple[_Step, ...]] = {
    **dict.fromkeys("={\\.:", (Lexer._block,)),
    **dict.fromkeys(" \t\r\n", (Lexer._break,)),
    "<": (Lexer._far,),
    "_": (Lexer._range,),
    "#": (Lexer._far,),
    "*": (Lexer._range,),
    "[": (Lexer._far,),
    "@": (Lexer._far,),
}
_STEPS_AT_LINE_START: dict[str, tuple[_Step, ...]] = {
    **_STEPS_IN_LINE,
    **dict.fromkeys(" \t", (Lexer._break, Lexer._relation_start, Lexer._numbered)),
    **dict.fromkeys("-+>", (Lexer._relation_start,)),
    "<": (Lexer._relation_start, Lexer._far),
    "_": (Lexer._relation_start, Lexer._range),
    "#": (Lexer._heading, Lexer._far),
    **dict.fromkeys("(0123456789", (Lexer._numbered,)),
    "*": (Lexer._numbered, Lexer._range),
}


# -- the scanners. Per context (the start of a line, the start of a line after an empty line,
# further on in a line, an inference line) and per character that may start a token other than
# plain text, one pattern whose alternatives are the token patterns that may start with that
# character, in Argdown's order; which alternative matched is the token type. A character that
# starts nothing else starts plain text, in every context. What needs more than a pattern
# (comments, data blocks, front matter, bold and italic, links, tags in parentheses, titles on
# long lines) is a "slow" alternative, which Lexer._step reads pattern by pattern.

# Actions: what the lexer does with a match besides making its token.
_PLAIN, _TITLED, _SKIP, _NEWLINE, _EMPTYLINE, _INDENT, _DEDENT, _INFERENCE_END, _SLOW = range(9)
_ITEMS = frozenset({"ordered_item", "unordered_item"})  # indented one more than their spaces

# How far the scanners look for a title's closing bracket. A title that may end further on (on
# a long line) is slow: Lexer._step asks where its bracket is (see Lexer). So no attempt here
# scans more than about this many characters.
_REACH = 80

_D = r"[^\n\r\u2028\u2029]"  # JavaScript's "."
_SPACE, _BREAK, _DIGITS = " \t", "\r\n", "0123456789"
_SIGN_STARTS = {  # the characters each relation sign may start with, after its indentation
    "incoming_support": "+",
    "incoming_attack": "-",
    "outgoing_support": "<+",
    "outgoing_attack": "<-",
    "contradiction": ">",
    "incoming_undercut": "_",
    "outgoing_undercut": "<_",
}
# An alternative: its token type, its action, its pattern, the characters it may start with.
_Alternative = tuple[str, int, str, str]


def _titles(*, brackets: bool) -> list[_Alternative]:
    """Bracketed titles, mentions and tags, each with a bounded search for its closing bracket,
    then a slow alternative for a line too long to be sure; with a link in the text (``](``)
    every ``[`` is slow."""
    d, reach = _D, _REACH
    some, upto = f"{d}{{1,{reach}}}?", f"{d}{{0,{reach}}}?"
    long_line = f"(?=[^-]?{d}{{{reach}}})"
    found: list[_Alternative] = [("slow", _SLOW, r"\[", "[")]
    if brackets:
        found = [
            # No "]" within reach: no fast alternative can match, so slow at once.
            ("slow", _SLOW, rf"\[(?=[^\]\n\r\u2028\u2029]{{{reach}}})", "["),
            ("statement_definition", _TITLED, rf"\[({some})\]:", "["),
            ("slow", _SLOW, r"\[" + long_line, "["),
            ("statement_reference", _TITLED, rf"\[([^-]{upto})\]", "["),
        ]
    return [
        *found,
        ("slow", _SLOW, rf"@(?=[\[<][^\]>\n\r\u2028\u2029]{{{reach}}})", "@"),
        ("statement_mention", _TITLED, rf"@\[({some})\][ \t]?", "@"),
        ("slow", _SLOW, rf"@(?=[\[<]{d}{{{reach}}})", "@"),
        ("argument_mention", _TITLED, rf"@<({some})>[ \t]?", "@"),
        ("slow", _SLOW, rf"<(?=[^>\n\r\u2028\u2029]{{{reach}}})", "<"),
        ("argument_definition", _TITLED, rf"<({some})>:", "<"),
        ("slow", _SLOW, "<" + long_line, "<"),
        ("argument_reference", _TITLED, rf"<([^-]{upto})>", "<"),
        ("slow", _SLOW, r"#\(", "#"),  # a tag in parentheses, which may cross lines
        ("tag", _TITLED, rf"#()([{TAG_CHARS}]+)[ \t]?", "#"),
    ]


_FREE_TRIGGERS = _SPACE + "=+" + _DIGITS + "\u2028\u2029"  # trigger characters of plain text
_UNUSED = "@#*_[],.:;</>-(){}"
_TEXT_END: list[_Alternative] = [
    ("escaped", _PLAIN, ESCAPED.pattern, "\\"),
    ("special", _PLAIN, SPECIAL.pattern, ".:"),
    ("spaces", _SKIP, SPACES.pattern, _SPACE),
    ("freestyle", _PLAIN, FREESTYLE.pattern, _FREE_TRIGGERS),
    ("unused", _PLAIN, UNUSED.pattern, _UNUSED),
]

# Plain text as one token, outside an inference line. Where Argdown cuts a run of words and
# punctuation into freestyle and unused tokens (``Claim 5``, ``, ``, ``as``), the parser only
# joins their texts: one "freestyle" token of the whole run means the same and saves the
# lexer and the parser a step per piece. A piece after the first is one the lexer would make
# there, further on in a line: freestyle text (FREESTYLE, the longest; not at "===", which may
# start front matter), or a character that is only ever unused there, with at most one space
# or tab after it (a second is skipped, which would drop it from the text, so the run stops
# before it), a "." or ":" only before a space or tab (else it may start a shortcode). Errors
# quote the first piece (Cursor.unexpected); tests/io/test_argdown_lexer.py compares the runs
# with the pieces.
_WORDS = r"[^\\@#*_\[\],.:;</>\-\r\n(){}]++"
_MARK = r"(?:[,;()\]}>\-]|[.:](?=[ \t]))[ \t]?+(?![ \t])"
_RUN_PIECES = rf"(?:(?!===){_WORDS}|{_MARK})*+"
_WORDS_RUN = re.compile(rf"{_WORDS}{_RUN_PIECES}")
_TEXT_RUNS: list[_Alternative] = [
    *_TEXT_END[:3],
    ("freestyle", _PLAIN, _WORDS_RUN.pattern, _FREE_TRIGGERS),
    ("freestyle", _PLAIN, rf"{_MARK}{_RUN_PIECES}", _UNUSED),
    _TEXT_END[4],
]
# A data block on one line that holds no brace, whose "}" is where DATA's body stops (a "}",
# a space, not "," or "}") and may end a block (no "," or "}" after spaces): exactly what
# Lexer._data_end finds, in one match. Any other "{" is slow.
_ONE_LINE_DATA = r"\{[^{}\n\r\u2028\u2029]*+\}(?=\s[^,}])(?!\s*[,}])"
# Comments, data blocks, front matter: slow, and first in every context.
_SLOW_STARTS: list[_Alternative] = [
    ("slow", _SLOW, "<!--", "<"),
    ("slow", _SLOW, "/[/*]", "/"),
    ("data", _PLAIN, _ONE_LINE_DATA, "{"),
    ("slow", _SLOW, r"\{", "{"),
]


def _default(context: str, *, brackets: bool) -> list[_Alternative]:
    """The default mode's alternatives in a context, in Argdown's order."""
    found = [*_SLOW_STARTS, ("slow", _SLOW, "={3}", "=")]
    if context != "after an empty line":  # no empty line after an empty line
        found.append(("emptyline", _EMPTYLINE, EMPTYLINE.pattern, _SPACE + _BREAK))
    found.append(("newline", _NEWLINE, NEWLINE.pattern, _SPACE + _BREAK))
    if context == "line start":  # no inference line after an empty line either
        found.append(("inference_start", _DEDENT, INFERENCE_START.pattern, _SPACE + "-"))
    if context != "in line":
        for kind, pattern in RELATIONS:
            found.append((kind, _INDENT, pattern.pattern, _SPACE + _SIGN_STARTS[kind]))
        found += [
            ("statement_number", _DEDENT, STATEMENT_NUMBER.pattern, _SPACE + "("),
            ("ordered_item", _INDENT, ORDERED_ITEM.pattern, _SPACE + _DIGITS),
            ("unordered_item", _INDENT, UNORDERED_ITEM.pattern, _SPACE + "*"),
            ("heading_start", _PLAIN, HEADING.pattern, "#"),
        ]
    found.append(("slow", _SLOW, "[*_]", "*_"))  # bold or italic
    return [*found, *_titles(brackets=brackets), ("slow", _SLOW, r"\\", "\\"), *_TEXT_RUNS]


def _inference() -> list[_Alternative]:
    """An inference line's alternatives, in Argdown's order."""
    return [
        *_SLOW_STARTS,
        ("newline", _NEWLINE, NEWLINE.pattern, _SPACE + _BREAK),
        ("escaped", _PLAIN, ESCAPED.pattern, "\\"),
        ("special", _PLAIN, SPECIAL.pattern, ".:"),
        ("inference_end", _INFERENCE_END, INFERENCE_END.pattern, "-"),
        ("list_delimiter", _PLAIN, LIST_DELIMITER.pattern, ","),
        *_TEXT_END[2:],
    ]


_Scanner = tuple[Callable[[str, int], "re.Match[str]"], dict[int, tuple[str, int, int]]]
_Table = dict[str, _Scanner]
_compiled: dict[str, _Scanner] = {}


def _scanner(alternatives: list[_Alternative]) -> _Scanner:
    """One pattern of named alternatives (and, last, a slow one for any character), and per
    alternative's group its token type, the number of the group before its own groups, and its
    action. The group that encloses an alternative closes after every group inside it, so a
    match's ``lastindex`` is its alternative's group (an int, cheaper than ``lastgroup``)."""
    alternatives = [*alternatives, ("slow", _SLOW, "(?s:.)", "")]
    source = "|".join(f"(?P<g{i}>{body})" for i, (_, _, body, _) in enumerate(alternatives))
    if source not in _compiled:
        pattern = re.compile(source)
        groups = [pattern.groupindex[f"g{i}"] for i in range(len(alternatives))]
        actions = {
            group: (kind, group, action)
            for group, (kind, action, _, _) in zip(groups, alternatives, strict=True)
        }
        # The last alternative matches any character, so the pattern always matches.
        _compiled[source] = (pattern.match, actions)  # type: ignore[assignment]
    return _compiled[source]


def _table(alternatives: list[_Alternative]) -> _Table:
    """Per character that may start a token other than plain text, its scanner."""
    return {char: _scanner([a for a in alternatives if char in a[3]]) for char in sorted(TRIGGERS)}


@functools.cache
def _tables(*, brackets: bool) -> tuple[_Table, _Table, _Table, _Table]:
    """The tables at a line's start, at one after an empty line, further on in a line, and in
    an inference line; ``brackets`` when the text holds no link, so that ``[`` may be fast."""
    return (
        _table(_default("line start", brackets=brackets)),
        _table(_default("after an empty line", brackets=brackets)),
        _table(_default("in line", brackets=brackets)),
        _table(_inference()),
    )


def tokenize(
    text: str,
    *,
    fail: Callable[[str, int], ArgdownSyntaxError],
    blocks: dict[int, tuple[int, int]] | None = None,
) -> list[Token]:
    """The tokens of an Argdown text, as Argdown's lexer makes them (spaces and comments left
    out); ``fail(problem, offset)`` makes the error raised where no token fits. ``blocks``
    maps the start of each block of common lines (:func:`argmap.io.argdown.lines.scan`) to its
    end and its index: where the lexer arrives at one as at a top-level element, it makes one
    ``block`` token for it (whose ``base`` is the index) and goes on at its end.

    Examples:
        >>> from argmap.io.argdown.syntax import ArgdownSyntaxError
        >>> fail = lambda problem, at: ArgdownSyntaxError(
        ...     problem, path=None, line=1, column=at + 1, source_line="")
        >>> [t.type for t in tokenize("[A]: a #t", fail=fail)]
        ['statement_definition', 'freestyle', 'tag']
    """
    return Lexer(text, fail, blocks=blocks).run()
