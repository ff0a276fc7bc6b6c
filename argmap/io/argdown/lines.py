"""Argdown's common line shapes, each read by one regular expression: the parser's fast path.

Most of an Argdown text is a few shapes of line: a statement ``[Title]: text``, a reference
``[Title]``, an argument ``<Title>: text``, a relation to one of these (``  <+ [Title]``), a
numbered premise ``(1) text``, an inference line ``-- rule --``, a heading. :func:`scan` reads
every line with one match of :data:`LINE` and finds the *blocks* (runs of lines between empty
lines) made only of such lines, arranged as the grammar wants them (a statement or argument and
the relations nested under it; a premise-conclusion structure; a heading). For each it keeps
what the grammar would read from the line's tokens: titles, texts, tags, mentions, data blocks,
relation signs, depths. The lexer makes one ``block`` token for such a block instead of a token
per word, and the parser builds the block's statements and relations straight from these
records (:mod:`argmap.io.argdown.parser`).

The shapes are narrow on purpose: text of letters, digits, single spaces and plain punctuation;
titles without brackets; tags of ASCII letters; one-line data blocks without brackets. On such a
line the tokens' meaning is exactly the text as written (no character is skipped, escaped or
replaced: no shortcode ``.A.``, no markup, no comment), so the records equal what the token path
reads. Any other line, and so its whole block, goes to the token path; where the lexer does not
arrive at a block's first line as at the start of a top-level element (inside a comment or a
data block that spans lines, in an open inference line or bold text), it reads the block token
by token too. ``tests/io/test_argdown_lines.py`` holds the two paths to equal documents, maps and
errors on drawn texts that mix both kinds of line, hostile characters included.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.io.argdown.patterns import RELATIONS, TAG_CHARS
from argmap.io.parsing import MAX_DEPTH

__all__ = ["LINE", "TITLE", "Block", "Line", "Text", "common_text", "scan", "text_of"]

# A title: a letter or digit first, then no bracket, brace, "@", "#", backslash or control
# character, and single spaces inside. A title that starts with "-" or a space, or holds a
# bracket, means other things to Argdown's patterns (a link, a definition further on, no
# reference at all): the token path reads it.
_TITLE = r"[^\W_](?:[^\s\[\]<>{}@#\\\x00-\x1f\x7f-\x9f]++|[ ](?=[^\s\]>]))*+"
# A tag of ASCII letters, digits and "-", which the next character does not continue.
_TAG = rf"\#[A-Za-z0-9-]++(?![{TAG_CHARS}])"
# Pieces of text: runs of letters and digits, of plain punctuation, a "." or ":" that starts
# no shortcode (Argdown's ``.A.``: here no second one follows without a space between), a
# mention or a tag. Between pieces, single spaces.
_PIECES = (
    rf"(?:[a-zA-Z0-9]++|[^\W_]++|[,;()'\"!?%&$+\-]++|\.(?![^\s]+?\.)|:(?![^\s]+?:)"
    rf"|@\[{_TITLE}\]|@<{_TITLE}>|{_TAG})++"
)
_TEXT = rf"{_PIECES}(?:[ ]{_PIECES})*+"
# The relation signs, longest first, in Argdown's order where one is the start of another.
_SIGNS = r"\+>|->|<\+|<-|><|_>|<_|\+|-|_"
_RULE = r"[^\W_]++(?:[ ][^\W_]++)*+"

LINE = re.compile(
    rf"""
    ([ ]*+)                                             # 1 the indentation
    (?:
        -{{4,}}+                                        # an inference line without rules
      | --[ ]({_RULE}(?:,[ ]{_RULE})*+)[ ]-{{2,}}+      # 2 an inference line's rules
      | (?:({_SIGNS})[ ] | \(([0-9]++)\)[ ] | (\#++)[ ])?  # 3 sign, 4 number, 5 heading
        (?:
            \[({_TITLE})\](?::[ ]({_TEXT}))?            # 6 statement, 7 its text
          | <({_TITLE})>(?::[ ]({_TEXT}))?              # 8 argument, 9 its text
          | ({_TEXT})                                   # 10 an untitled statement
        )
        ((?:[ ]{_TAG})*+)                               # 11 a reference's tags
        (?:[ ](\{{[^{{}}\[\]<>\n\r\u2028\u2029]*+\}}))?  # 12 a data block
    )
    """,
    re.VERBOSE,
)
"""One line of a common shape (with ``fullmatch``); its groups say which."""

TITLE = re.compile(_TITLE)
"""A common title (with ``fullmatch``): ``[title]: text`` and ``  <+ [title]`` are common lines."""

_TAG_IN_TEXT = re.compile(r"#([A-Za-z0-9-]+) ?")
_MENTION = re.compile(r"@\[([^\]]*)\]|@<([^>]*)>")
# What the lexer's one-line data block needs after its "}" (lexer._ONE_LINE_DATA).
_DATA_AFTER = re.compile(r"(?=\s[^,}])(?!\s*[,}])")
_AFTER_BLOCK_AT_END = re.compile(r"\n[ \t]*\Z")
_EMPTY_LINES = re.compile(r"\n(?:[ \t]*\n)+")
# The relation tokens by their sign.
_SIGN_KIND = {
    "+>": "incoming_support",
    "->": "incoming_attack",
    "<+": "outgoing_support",
    "+": "outgoing_support",
    "<-": "outgoing_attack",
    "-": "outgoing_attack",
    "><": "contradiction",
    "_>": "incoming_undercut",
    "<_": "outgoing_undercut",
    "_": "outgoing_undercut",
}
assert {kind for kind, _ in RELATIONS} == set(_SIGN_KIND.values())  # noqa: S101
# Kinds of line.
STATEMENT, ARGUMENT, NUMBERED, INFERENCE, HEADING = range(5)
# Deeper than this, the token path reads the block (and the lexer says how deep is too deep).
_MAX_FAST_DEPTH = min(MAX_DEPTH, 50)


class Text(NamedTuple):
    """A text as the grammar reads it (``Content``): with and without its tags, the tags in
    order (each as often as written), the mentions."""

    text: str
    plain: str
    tags: list[str]
    mentions: tuple[tuple[str, str], ...]


def text_of(raw: str) -> Text:
    """What the grammar reads from the tokens of a text of common pieces.

    Examples:
        >>> text_of("a #t b @[C] c.")
        Text(text='a #t b @[C] c.', plain='a b @[C] c.', tags=['t'], mentions=(('statement', 'C'),))
    """
    tags: list[str] = []
    plain = raw
    if "#" in raw:
        tags = _TAG_IN_TEXT.findall(raw)
        plain = _TAG_IN_TEXT.sub("", raw).strip()
    mentions: tuple[tuple[str, str], ...] = ()
    if "@" in raw:
        mentions = tuple(
            ("statement", s) if s else ("argument", a) for s, a in _MENTION.findall(raw)
        )
    return Text(raw, plain, tags, mentions)


def common_text(text: str) -> Text | None:
    """What a statement ``[x]: text`` holds when its line is common (then the parser reads it
    by the fast path, to exactly this), else None.

    Examples:
        >>> common_text("a #t").plain, common_text("a *b*")
        ('a', None)
    """
    m = LINE.fullmatch(f"[x]: {text}")
    if m is None or m.group(STATEMENT_TEXT + 1) != text:
        return None
    return text_of(text)


# The groups of LINE, as ``match.groups()`` gives them.
(
    INDENT, RULES, SIGN, NUMBER, HEADING_MARK, STATEMENT_TITLE, STATEMENT_TEXT, ARGUMENT_TITLE,
    ARGUMENT_TEXT, TEXT, TAGS, DATA,
) = range(12)  # fmt: skip

Groups = tuple[str | None, ...]
Line = tuple[int, int, str | None, Groups, int, int]
"""One line of a block: its kind, its depth (the lexer's indentation levels), its relation
token (None at depth 0), the groups of its match, its offset in the text, its length."""


class Block(NamedTuple):
    """A run of common lines, read as one top-level element."""

    kind: int  # STATEMENT, ARGUMENT, NUMBERED (a premise-conclusion structure) or HEADING
    lines: list[Line]
    end: int  # where the lexer goes on after it (see scan)


def scan(text: str) -> tuple[dict[int, int], list[Block]]:
    """The blocks of common lines in ``text``: where each starts (offset to its index) and
    the blocks. A block ends where an empty line follows it (the lexer goes on there) or at the
    end of the text (a last line break and spaces included).

    Examples:
        >>> starts, blocks = scan("[A]: a.\\n  <+ [B]\\n\\n(1) x\\n----\\n(2) y")
        >>> starts, [(b.kind, len(b.lines), b.end) for b in blocks]
        ({0: 0, 18: 1}, [(0, 2, 16), (2, 3, 34)])
        >>> [(line[1], line[2], line[3][STATEMENT_TITLE]) for line in blocks[0].lines]
        [(0, None, 'A'), (1, 'outgoing_support', 'B')]
    """
    starts: dict[int, int] = {}
    blocks: list[Block] = []
    if "\r" in text:
        # Carriage returns count as line breaks to the lexer and not to this scan: the lexer
        # reads such texts token by token.
        return starts, blocks
    fullmatch = LINE.fullmatch
    n = len(text)
    # The runs of lines between empty lines (EMPTYLINE's shape: a line break, then lines of
    # spaces and tabs): each may be a block. The last ends before a last line break.
    bounds = [0]
    for m in _EMPTY_LINES.finditer(text):
        bounds += (m.start(), m.end())
    last = _AFTER_BLOCK_AT_END.search(text, bounds[-1])
    bounds.append(last.start() if last else n)
    for k in range(0, len(bounds), 2):
        start, end = bounds[k], bounds[k + 1]
        if start == end:
            continue
        chunk = text[start:end].split("\n")
        first = fullmatch(chunk[0])
        if first is None:
            continue  # a block whose first line is not common costs one match
        matches = [first, *map(fullmatch, chunk[1:])]
        if None in matches:
            continue
        block = _block(start, matches, text)  # type: ignore[arg-type]
        if block is not None:
            starts[start] = len(blocks)
            blocks.append(block._replace(end=end if end < n and k + 2 < len(bounds) else n))
    return starts, blocks


def _block(start: int, matches: list[re.Match[str]], text: str) -> Block | None:
    """The block of these lines (``start``: its offset), or None where the grammar would not
    read them as one common element without error."""
    indents = [0]  # the lexer's indentation
    lines: list[Line] = []
    line_start = start
    sign_kind = _SIGN_KIND
    top = 0  # lines at the top (not relations)
    for m in matches:
        g = m.groups()
        width = len(g[0])  # INDENT
        end = m.end()
        sign = g[2]  # SIGN
        if sign is None:
            if width:
                return None  # an indented line of another kind than a relation
            kind = _kind(g)
            if kind is None:
                return None
            indents = [0]
            lines.append((kind, 0, None, g, line_start, end))
            top += 1
        else:
            if width > indents[-1]:
                indents.append(width)
            else:
                while len(indents) > 1 and width < indents[-1]:
                    indents.pop()
            depth = len(indents) - 1
            if not depth or depth > _MAX_FAST_DEPTH:
                return None  # a relation at the top level, or deep
            if g[7] is None:  # ARGUMENT_TITLE
                lines.append((STATEMENT, depth, sign_kind[sign], g, line_start, end))
            elif sign == "><":
                return None  # only statements contradict each other
            else:
                lines.append((ARGUMENT, depth, sign_kind[sign], g, line_start, end))
        line_start += end + 1
    # The lexer's one-line data block looks past its "}": within the block, at the next line,
    # which starts with a space, "(" or "-"; after it, at whatever follows.
    if lines[-1][3][11] is not None and _DATA_AFTER.match(text, line_start - 1) is None:
        return None
    if lines[0][2] is not None:
        return None  # a relation first: after an empty line, that is an error
    first = lines[0][0]
    if first == NUMBERED:
        return Block(NUMBERED, lines, 0) if _structure(lines) else None
    if top > 1 or first == INFERENCE or (first == HEADING and len(lines) > 1):
        return None  # one statement, argument or heading, then relations only
    return Block(first, lines, 0)


def _kind(g: Groups) -> int | None:
    """A line's kind, or None where the grammar would not read it as a common line (a heading
    whose text is a title, a numbered argument, an argument that contradicts, a line that
    starts with text other than plain words)."""
    if g[RULES] is not None or (
        g[STATEMENT_TITLE] is None and g[ARGUMENT_TITLE] is None and g[TEXT] is None
    ):
        return INFERENCE
    if g[HEADING_MARK] is not None:
        return HEADING if g[TEXT] is not None else None
    if g[ARGUMENT_TITLE] is not None:
        return None if g[NUMBER] is not None or g[SIGN] == "><" else ARGUMENT
    if g[NUMBER] is not None:
        return NUMBERED
    text = g[TEXT]
    if text is not None and not text[0].isalpha():
        return None  # at a line's start, only a letter starts plain text for sure
    return STATEMENT


def _structure(lines: list[Line]) -> bool:
    """Whether a block of lines that starts with a numbered statement is a premise-conclusion
    structure the grammar reads without error: numbered statements (each with its relations)
    and inference lines, each of these followed by a numbered statement, the last line at the
    top a numbered statement right after an inference line."""
    top = [line[0] for line in lines if not line[1]]
    if any(kind != NUMBERED and kind != INFERENCE for kind in top):  # noqa: PLR1714
        return False
    for k, line in enumerate(lines):
        if line[0] == INFERENCE and (k + 1 == len(lines) or lines[k + 1][0] != NUMBERED):
            return False
    return len(top) >= 3 and top[-2] == INFERENCE
