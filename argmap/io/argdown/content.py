"""The text of a statement, an argument or a heading, as Argdown reads it.

Freestyle words, escapes and shortcodes, links (their text), ``*italic*`` and ``**bold**``
(their text), ``#tags`` (kept in the text, listed apart), mentions ``@[Title]`` and line breaks
(read as spaces), up to what is not text: a data block, a relation, an empty line.
"""

from __future__ import annotations

from typing import Literal

from argmap.io.argdown.cursor import Cursor
from argmap.io.argdown.lexer import Token
from argmap.io.argdown.patterns import SHORTCODES

__all__ = ["CONTENT_START", "FREESTYLE", "Content", "read_content", "read_freestyle", "tag_of"]

CONTENT_START = {
    "freestyle",
    "unused",
    "escaped",
    "special",
    "link",
    "tag",
    "argument_mention",
    "statement_mention",
    "newline",
    "asterisk_bold_start",
    "underscore_bold_start",
    "asterisk_italic_start",
    "underscore_italic_start",
}
"""The tokens that text may start with."""

FREESTYLE = {"freestyle", "unused", "escaped", "special"}
"""The tokens of plain words (what an inference line's rules are made of)."""

_RANGE_ENDS = {  # a bold or italic start, and the token that ends its range
    "asterisk_bold_start": "asterisk_bold_end",
    "underscore_bold_start": "underscore_bold_end",
    "asterisk_italic_start": "asterisk_italic_end",
    "underscore_italic_start": "underscore_italic_end",
}


class Content:
    """Text as it is read: pieces joined once at the end (adding to a string read back from an
    attribute copies it each time, which is quadratic in a long text)."""

    __slots__ = ("_plain", "_text", "mentions", "tags")

    def __init__(self) -> None:
        self._text: list[str] = []
        self._plain: list[str] = []  # the text without its tags
        self.tags: list[str] = []
        self.mentions: list[tuple[Literal["statement", "argument"], str]] = []

    def add(self, words: str) -> None:
        """Add words to the text."""
        if words:
            self._text.append(words)
            self._plain.append(words)

    def add_tag(self, image: str) -> None:
        """A tag stays in Argdown's text, not in the plain text."""
        if image:
            self._text.append(image)

    def wants_space(self) -> bool:
        """Whether a line break here reads as a space: there is text, not ending in one."""
        return bool(self._text) and not self._text[-1].endswith(" ")

    @property
    def text(self) -> str:
        """The text, tags included, as Argdown keeps it."""
        return "".join(self._text)

    @property
    def plain(self) -> str:
        """The text without its tags."""
        return "".join(self._plain)


def read_content(cursor: Cursor, content: Content) -> None:
    """Read text into ``content``: at least one token of it, or an error.

    Bold and italic ranges nest; the ranges open at a point are a stack here, not the call
    stack, so that no nesting depth can exhaust it.

    Examples:
        >>> content = Content()
        >>> read_content(Cursor("a **b** #t @[C]", path=None), content)
        >>> content.text, content.plain, content.tags, content.mentions
        ('a b #t @[C]', 'a b @[C]', ['t'], [('statement', 'C')])
    """
    taken = 0
    # Per open range: the token that closes it and what was taken outside it.
    open_ranges: list[tuple[str, int]] = []
    types = cursor.types
    while True:
        kind = types[cursor.i]
        if kind in FREESTYLE:
            read_freestyle(cursor, content)
        elif kind in _RANGE_ENDS:
            cursor.take()
            end = _RANGE_ENDS[kind]
            if cursor.peek() != end:
                open_ranges.append((end, taken))
                taken = 0
                continue
            _close_range(cursor, content, end)
        elif kind in _MARKUP:
            _MARKUP[kind](cursor, content)
        elif open_ranges:
            end, taken = open_ranges.pop()
            if cursor.peek() != end:
                raise cursor.unexpected("the end of the bold or italic text")
            _close_range(cursor, content, end)
        else:
            break
        taken += 1
    if not taken:
        raise cursor.unexpected("text")


def _link(cursor: Cursor, content: Content) -> None:
    token = cursor.take()
    content.add(token.group(1))
    if token.image.endswith((" ", "\t")):
        content.add(" ")


def _tag(cursor: Cursor, content: Content) -> None:
    token = cursor.tokens[cursor.i]  # read_content has seen it
    cursor.i += 1
    content.tags.append(tag_of(token))
    content._text.append(token.image)  # in the text, not in the plain text


def _mention(cursor: Cursor, content: Content) -> None:
    token = cursor.tokens[cursor.i]  # read_content has seen it
    cursor.i += 1
    what: Literal["statement", "argument"] = (
        "statement" if token.type == "statement_mention" else "argument"
    )
    content.mentions.append((what, token.match.group(token.base + 1)))  # type: ignore[union-attr]
    content._text.append(token.image)
    content._plain.append(token.image)


def _newline(cursor: Cursor, content: Content) -> None:
    cursor.take()
    if cursor.peek() in CONTENT_START and content.wants_space():
        content.add(" ")


_MARKUP = {
    "link": _link,
    "tag": _tag,
    "statement_mention": _mention,
    "argument_mention": _mention,
    "newline": _newline,
}


def _close_range(cursor: Cursor, content: Content, end: str) -> None:
    close = cursor.take(end)
    if close.image.endswith((" ", "\t")):
        content.add(" ")


def read_freestyle(cursor: Cursor, content: Content) -> None:
    """Read plain words into ``content``: escapes unescaped, shortcodes as their characters."""
    types, tokens, i = cursor.types, cursor.tokens, cursor.i
    text, plain = content._text, content._plain  # the hot loop of every text: no method call
    while types[i] in FREESTYLE:
        token = tokens[i]
        i += 1
        kind = token.type
        if kind == "freestyle" or kind == "unused":  # noqa: PLR1714 - two compares beat a set
            words = token.image
        elif kind == "escaped":
            words = token.image[1:]
        else:  # special
            code = token.image.strip()
            if code not in SHORTCODES:
                words = token.image
            elif token.image.endswith(" "):
                words = SHORTCODES[code] + " "
            else:
                words = SHORTCODES[code]
        if words:
            text.append(words)
            plain.append(words)
    cursor.i = i


def tag_of(token: Token) -> str:
    """The tag a tag token names: ``#(two words)`` or ``#word``."""
    match, base = token.match, token.base
    if match is None:
        return ""
    return match.group(base + 1) or match.group(base + 2) or ""
