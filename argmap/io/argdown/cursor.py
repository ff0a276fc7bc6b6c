"""The parser's place in an Argdown text's tokens, and errors that point into the text.

:class:`Cursor` lexes a text once and hands its tokens to the grammar one at a time
(``peek``, ``take``, ``accept``); its errors name the line and column and quote the line, and say
what was expected and what was found in the words of :data:`TOKEN_NAMES`.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from argmap.io.argdown.lexer import Token, tokenize
from argmap.io.argdown.patterns import FREESTYLE, UNUSED
from argmap.io.argdown.syntax import ArgdownSyntaxError

__all__ = ["RELATION_SIGNS", "TOKEN_NAMES", "Cursor"]

_ONE = 1  # a line's length and its line break

RELATION_SIGNS = {
    "incoming_support": ("support", "from"),
    "incoming_attack": ("attack", "from"),
    "outgoing_support": ("support", "to"),
    "outgoing_attack": ("attack", "to"),
    "contradiction": ("contradictory", "from"),
    "incoming_undercut": ("undercut", "from"),
    "outgoing_undercut": ("undercut", "to"),
}
"""The relation tokens, each with its relation and whether it leads from the statement or
argument above (``+>``: from it, to the one below) or to it (``<+``)."""

TOKEN_NAMES = {
    "emptyline": "an empty line",
    "newline": "a line break",
    "indent": "an indented line",
    "dedent": "a line indented less",
    "data": "a data block {...}",
    "front_matter": "front matter (=== ... ===)",
    "statement_number": "a numbered statement such as (1)",
    "inference_start": "an inference line (----)",
    "inference_end": "the end of an inference line (--)",
    "heading_start": "a heading",
}
"""How errors name the tokens that are no text (the others are quoted)."""


class Cursor:
    """The tokens of a text, read one at a time, and errors located in the text.

    Examples:
        >>> cursor = Cursor("[A]: a", path="x.argdown")
        >>> cursor.take("statement_definition").group(1), cursor.peek(), cursor.peek(1)
        ('A', 'freestyle', None)
        >>> print(cursor.unexpected("a relation"))
        x.argdown:1:6: expected a relation, found 'a'
            [A]: a
                 ^
    """

    def __init__(
        self, text: str, path: str | None, *, blocks: dict[int, tuple[int, int]] | None = None
    ) -> None:
        self.text = text
        self.path = path
        # Where each line starts (offsets): the parser locates what it reads by bisection.
        if "\r" in text:
            self.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]
        else:  # the same, summed in C
            self.line_starts = list(accumulate(map(_ONE.__add__, map(len, text.split("\n")))))
            self.line_starts.insert(0, 0)
            self.line_starts.pop()
        self.tokens = tokenize(text, fail=self.error_at, blocks=blocks)
        self.types: list[str | None] = [t.type for t in self.tokens]
        self.types += [None, None]
        self.i = 0

    # -- positions and errors

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset into the text."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def _line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def error_at(self, problem: str, offset: int) -> ArgdownSyntaxError:
        """The error for ``problem`` at an offset into the text."""
        line, column = self.position(min(offset, len(self.text)))
        return ArgdownSyntaxError(
            problem,
            path=self.path,
            line=line,
            column=column,
            source_line=self._line_text(line),
        )

    def unexpected(self, expected: str) -> ArgdownSyntaxError:
        """The error for the next token, where ``expected`` was expected."""
        token = self.peek_token()
        if token is None:
            end = len(self.text.rstrip())
            return self.error_at(f"the text ends where {expected} was expected", end)
        image = token.image
        if token.type == "freestyle":  # a run of text: quote its first piece, as Argdown cuts it
            piece = FREESTYLE.match(self.text, token.start) or UNUSED.match(self.text, token.start)
            image = piece.group() if piece else image
        found = TOKEN_NAMES.get(token.type) or repr(image.strip() or image)
        return self.error_at(f"expected {expected}, found {found}", self.sign_start(token))

    def sign_start(self, token: Token) -> int:
        """Where a token starts, past the indentation of a relation sign."""
        if token.type in RELATION_SIGNS:
            return token.start + len(token.image) - len(token.image.lstrip(" \t"))
        return token.start

    # -- tokens

    def peek(self, ahead: int = 0) -> str | None:
        """The type of the next token (or of one further ahead); None past the end."""
        return self.types[self.i + ahead]  # None past the end (two sentinels)

    def peek_token(self) -> Token | None:
        """The next token, or None at the end."""
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, kind: str | None = None) -> Token:
        """The next token, which must be of type ``kind`` when given."""
        found = self.types[self.i]  # None at the end of the text
        if found is None or (kind is not None and found != kind):
            raise self.unexpected(TOKEN_NAMES.get(kind, kind) if kind else "more text")
        self.i += 1
        return self.tokens[self.i - 1]

    def accept(self, kind: str) -> Token | None:
        """The next token if it is of type ``kind``, else None (and nothing taken)."""
        if self.types[self.i] == kind:
            self.i += 1
            return self.tokens[self.i - 1]
        return None
