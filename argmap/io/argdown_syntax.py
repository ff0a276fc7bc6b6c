"""Argdown's text syntax: a lexer and a parser that read an Argdown document as `@argdown/core`
reads it, into a small document model (statements, arguments, relations, sections).

:mod:`argmap.io.argdown` turns that document into an argument map; this module knows nothing of
maps. It follows the reference implementation's grammar token by token (the same tokens, tried in
the same order, with the same rules for indentation, empty lines and comments), so that a file
means here what it means to ``argdown``: the same titles, the same "Untitled N" names for
untitled statements, the same relations after the same transformations (relations of a
reconstructed argument leave from its conclusion; undercuts of it hit its last inference;
redundant attacks dropped; statement relations become ``entails``/``contrary`` in strict mode).

What it reads:

- headings ``# Title`` (sections, nested by level), YAML front matter between ``===`` lines;
- statements ``[Title]: text``, references ``[Title]``, untitled statements ``text``;
- arguments ``<Title>: text``, references ``<Title>``;
- premise-conclusion structures: ``(1) text`` lines with ``----`` or ``-- rule, rule --``
  inference lines; a structure right after an argument belongs to it;
- relations nested by indentation, both ways: ``+ - _ ><`` and ``<+ +> <- -> <_ _>``;
- ``#tags`` and ``#(tags with spaces)``, mentions ``@[Title]`` and ``@<Title>``, links
  ``[text](url)``, ``*italic*``, ``**bold**``, shortcodes ``.A.``, escapes ``\\[``;
- comments ``//``, ``/* */``, ``<!-- -->``; YAML data blocks ``{...}``; ordered and unordered
  lists of statements.

Errors are :class:`ArgdownSyntaxError` naming the file, line and column and quoting the line.

Examples:
    >>> doc = parse("[Pressure works]: It does.\\n  <+ <Talks>: Talks happened.")
    >>> list(doc.statements), list(doc.arguments)
    (['Pressure works'], ['Talks'])
    >>> [(r.source.title, r.kind, r.target.title) for r in doc.relations]
    [('Talks', 'support', 'Pressure works')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.exceptions import FileFormatError
from argmap.index import paused_gc
from argmap.io.parsing import MAX_DEPTH, parse_yaml

__all__ = [
    "ArgdownSyntaxError",
    "Argument",
    "Document",
    "Inference",
    "Member",
    "PcsStatement",
    "Relation",
    "Section",
    "Statement",
    "parse",
]

JSON = Any


class ArgdownSyntaxError(FileFormatError):
    """Argdown text that cannot be read: names the file, line and column, and quotes the line.

    Attributes:
        column: The 1-based column of the problem.
        source_line: The line of the file, as written.

    Examples:
        >>> try:
        ...     parse("[A]: a\\n+ [B]", path="x.argdown")
        ... except ArgdownSyntaxError as error:
        ...     print(error)
        x.argdown:2:1: a relation must be indented under the statement or argument it belongs to
            + [B]
            ^
    """

    def __init__(
        self, problem: str, *, path: str | None, line: int, column: int, source_line: str
    ) -> None:
        self.column = column
        self.source_line = source_line
        super().__init__(problem, path=path, line=line)
        pointer = " " * (column - 1) + "^"
        self.args = (
            f"{path or '<text>'}:{line}:{column}: {problem}\n    {source_line}\n    {pointer}",
        )

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_error,
            (self.problem, self.path, self.line, self.column, self.source_line),
            self.__dict__,  # and what was added later, such as notes
        )


def _rebuild_error(
    problem: str, path: str | None, line: int, column: int, source_line: str
) -> ArgdownSyntaxError:
    return ArgdownSyntaxError(problem, path=path, line=line, column=column, source_line=source_line)


# -- the document model -------------------------------------------------------------------------


@dataclass
class Section:
    """A heading and what follows it, up to the next heading of the same or a higher level."""

    id: str
    title: str
    level: int
    parent: Section | None = None
    data: dict[str, JSON] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)

    @property
    def path(self) -> list[str]:
        """The titles of this section and its parents, outermost first."""
        out: list[str] = []
        here: Section | None = self
        while here is not None:
            out.append(here.title)
            here = here.parent
        return out[::-1]


@dataclass
class Member:
    """One occurrence of a statement or argument in the text (a definition or a reference)."""

    text: str
    tags: list[str]
    data: dict[str, JSON] | None
    is_reference: bool
    plain: str
    line: int
    column: int
    section: Section | None
    mentions: list[tuple[Literal["statement", "argument"], str]] = field(default_factory=list)


@dataclass
class _Occurrences:
    """What statements and arguments share: a title, and its occurrences in the text."""

    title: str
    members: list[Member] = field(default_factory=list)

    @property
    def canonical(self) -> Member | None:
        """The definition whose text stands for the title: the last one (or the last marked
        ``isCanonical``), as in Argdown."""
        return _canonical(self.members)

    @property
    def text(self) -> str:
        """The canonical member's text ('' when the title is only referred to)."""
        member = self.canonical
        return member.text if member else ""

    @property
    def tags(self) -> list[str]:
        """Tags of every member, in the order first seen."""
        return _union(tag for m in self.members for tag in m.tags)

    @property
    def data(self) -> dict[str, JSON]:
        """Data blocks of every member, merged in order."""
        return _merged(m.data for m in self.members)

    def _first_definition_section(self) -> tuple[bool, Section | None]:
        for member in self.members:
            if not member.is_reference:
                return True, member.section
        return False, None


@dataclass
class Statement(_Occurrences):
    """A statement: every occurrence of one title (Argdown's "equivalence class")."""

    auto_title: bool = False

    @property
    def line(self) -> int:
        """The line of the first occurrence."""
        return self.members[0].line if self.members else 0

    @property
    def section(self) -> Section | None:
        """The section of the first definition (else of the first reference), as in Argdown."""
        found, section = self._first_definition_section()
        if found:
            return section
        return self.members[0].section if self.members else None


@dataclass
class PcsStatement:
    """A numbered line of a premise-conclusion structure."""

    title: str
    role: Literal["premise", "intermediate", "conclusion"]


@dataclass
class Inference:
    """An inference line of a premise-conclusion structure and the conclusion below it.

    ``premises`` are the statements it infers from: the lines since the previous inference,
    after that inference's conclusion (which is one of them).
    """

    argument: str
    index: int
    rules: list[str]
    data: dict[str, JSON]
    premises: list[str]
    conclusion: str
    line: int


@dataclass
class Argument(_Occurrences):
    """An argument: its descriptions and references, and its premise-conclusion structure."""

    pcs: list[PcsStatement] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    auto_title: bool = False
    pcs_line: int = 0
    pcs_section: Section | None = None

    @property
    def conclusion(self) -> str | None:
        """The main conclusion's title, when the argument is reconstructed."""
        return self.pcs[-1].title if self.pcs else None

    @property
    def line(self) -> int:
        """The line of the first description or reference (else of the structure)."""
        return self.members[0].line if self.members else self.pcs_line

    @property
    def section(self) -> Section | None:
        """The section of the first description, else of the structure."""
        found, section = self._first_definition_section()
        if found:
            return section
        if self.pcs:
            return self.pcs_section
        return self.members[0].section if self.members else None


@dataclass(frozen=True)
class Ref:
    """One end of a relation: a statement, an argument, or an inference of an argument."""

    type: Literal["statement", "argument", "inference"]
    title: str
    index: int | None = None
    """For an inference: the position of its conclusion in the argument's structure."""


RelationKind = Literal["support", "attack", "undercut", "contradictory", "entails", "contrary"]


@dataclass
class Relation:
    """A relation between statements, arguments and inferences, as ``argdown json`` lists it."""

    kind: RelationKind
    source: Ref
    target: Ref
    line: int


@dataclass
class Document:
    """What an Argdown text says, title by title (the input of the map builder)."""

    front_matter: dict[str, JSON]
    statements: dict[str, Statement]
    arguments: dict[str, Argument]
    relations: list[Relation]
    sections: list[Section]


def _canonical(members: list[Member]) -> Member | None:
    fallback = None
    for member in reversed(members):
        if not member.is_reference:
            if member.data and member.data.get("isCanonical"):
                return member
            if fallback is None:
                fallback = member
    return fallback


def _union(items: Any) -> list[str]:
    return list(dict.fromkeys(items))  # in the order first seen


def _merged(blocks: Any) -> dict[str, JSON]:
    out: dict[str, JSON] = {}
    owned: dict[int, dict[str, JSON]] = {}  # the mappings made here, which may change in place
    for block in blocks:
        if block:
            _deep_merge(out, block, owned)
    return out


def _deep_merge(
    into: dict[str, JSON], extra: dict[str, JSON], owned: dict[int, dict[str, JSON]]
) -> None:
    """Merge ``extra`` into ``into``, copying a member's mapping once, the first time it is
    merged into (copying it at every merge made many blocks of one title quadratic)."""
    for key, value in extra.items():
        current = into.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            if id(current) not in owned:
                current = into[key] = dict(current)
                owned[id(current)] = current
            _deep_merge(current, value, owned)
        else:
            into[key] = value


# -- the lexer ----------------------------------------------------------------------------------

# JavaScript's "." stops at these; Python's only at "\n".
_DOT = r"[^\n\r\u2028\u2029]"
_ANY = r"[^\r\u2028\u2029]"  # JavaScript's (.|\n)

_TAG_CHARS = "a-zA-z0-9\\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
_TAG = re.compile(rf"#(?:\(([^)]+)\)|([{_TAG_CHARS}]+))[ \t]?")
_COMMENT_BODY = rf"(?:<!--{_ANY}*?-->|/\*{_ANY}*?\*/|//{_DOT}*?(?=\r\n|\n|\r))"
_COMMENT = re.compile(_COMMENT_BODY)
_COMMENT_AFTER_EMPTY = re.compile(rf"{_COMMENT_BODY}(?:[ \t]*\r\n|\n|\r)*")
_COMMENT_AFTER_NEWLINE = re.compile(
    rf"{_COMMENT_BODY}(?:[ \t]*(?:\r\n|\n|\r)(?!([ \t]*(\r\n|\n|\r))))?"
)
_FRONT_MATTER = re.compile(rf"===+{_ANY}*?===+")
_DATA = re.compile(rf"\{{(?:(?!\}}\s[^,}}]){_ANY})*\}}(?!\s*(?:,|\}}))")
_ESCAPED = re.compile(rf"\\({_DOT}) *")
_SPECIAL = re.compile(r"(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)")
_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
_NEWLINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_INFERENCE_START = re.compile(r"[ \t]*-{2}")
_INFERENCE_END = re.compile(r"-{2,}")
_LIST_DELIMITER = re.compile(r",")
_RELATIONS: list[tuple[str, re.Pattern[str]]] = [
    ("incoming_support", re.compile(r"([ \t]*)(\+>)")),
    ("incoming_attack", re.compile(r"([ \t]*)(->)")),
    ("outgoing_support", re.compile(r"([ \t]*)(<?\+)")),
    ("outgoing_attack", re.compile(r"([ \t]*)(<?-)")),
    ("contradiction", re.compile(r"([ \t]*)(><)")),
    ("incoming_undercut", re.compile(r"([ \t]*)(_>)")),
    ("outgoing_undercut", re.compile(r"([ \t]*)(<_|(?:_(?=\s)))")),
]
_HEADING = re.compile(r"(#+) ")
_STATEMENT_NUMBER = re.compile(r"[ \t]*\((\d+)\)")
_ORDERED_ITEM = re.compile(r"([ \t]*)\d+\.(?=\s)")
_UNORDERED_ITEM = re.compile(r"([ \t]*)\*(?=\s)")
_END_LOOKAHEAD = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|$))"
_RANGES: list[tuple[str, str, re.Pattern[str]]] = [
    # (token, range type, pattern); ends before starts, bold before italic, as in Argdown.
    ("asterisk_bold_end", "AsteriskBold", re.compile(rf"\*\*{_END_LOOKAHEAD}")),
    ("underscore_bold_end", "UnderscoreBold", re.compile(rf"__{_END_LOOKAHEAD}")),
    ("asterisk_italic_end", "AsteriskItalic", re.compile(rf"\*{_END_LOOKAHEAD}")),
    ("underscore_italic_end", "UnderscoreItalic", re.compile(rf"_{_END_LOOKAHEAD}")),
    ("asterisk_bold_start", "AsteriskBold", re.compile(r"\*\*(?!\s)")),
    ("underscore_bold_start", "UnderscoreBold", re.compile(r"__(?!\s)")),
    ("asterisk_italic_start", "AsteriskItalic", re.compile(r"\*(?!\s)")),
    ("underscore_italic_start", "UnderscoreItalic", re.compile(r"_(?!\s)")),
]
_LINK = re.compile(r"\[([^\]]+?)\]\(([^)]+?)\)[ \t]?")
_STATEMENT_DEFINITION = re.compile(rf"\[({_DOT}+?)\]:")
_STATEMENT_REFERENCE = re.compile(rf"\[([^-]{_DOT}*?)\]")
_STATEMENT_MENTION = re.compile(rf"@\[({_DOT}+?)\][ \t]?")
_ARGUMENT_DEFINITION = re.compile(rf"<({_DOT}+?)>:")
_ARGUMENT_REFERENCE = re.compile(rf"<([^-]{_DOT}*?)>")
_ARGUMENT_MENTION = re.compile(rf"@<({_DOT}+?)>[ \t]?")
_SPACES = re.compile(r"[ \t]+")
# Every character at which a token other than freestyle text may start, in some context; the
# complement of _FREESTYLE's class is among them.
_TRIGGERS = frozenset("\\@#*_[],.:;</>-\r\n(){}" + " \t=+0123456789\u2028\u2029")
_FREESTYLE = re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+")
_UNUSED = re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?")

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
        ("link", _LINK),
        ("statement_definition", _STATEMENT_DEFINITION),
        ("statement_reference", _STATEMENT_REFERENCE),
    ],
    "#": [("tag", _TAG)],
    "@": [("statement_mention", _STATEMENT_MENTION), ("argument_mention", _ARGUMENT_MENTION)],
    "<": [
        ("argument_definition", _ARGUMENT_DEFINITION),
        ("argument_reference", _ARGUMENT_REFERENCE),
    ],
}

_SYMBOLS = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧",  # noqa: RUF001
    "v": "∨", "v_": "⊻",  # noqa: RUF001
    "<>": "◇", "[]": "◻", "happy": "😀", "smile": "☺", "smiley": "☺",
    "laugh": "😆", "lol": "😆", "rofl": "🤣", "joy": "😂", "heart": "❤", "?": "❓",
    "question": "❓", "love": "😍", "wink": "😉", "shush": "🤫", "meh": "😐", "eye-roll": "🙄",
    "sad": "😢", "disappointed": "😞", "scream": "😱", "+1": "👍", "up": "👍", "-1": "👎",
    "down": "👎", "think": "🤔", "star": "⭐", "y": "✔", "agree": "✔", "n": "❌",
    "disagree": "❌",
}  # fmt: skip
SHORTCODES: dict[str, str] = {
    f"{d}{name}{d}": char for name, char in _SYMBOLS.items() for d in ".:"
} | {":smile:": "☺\ufe0f"}
"""Argdown's special characters: ``.A.`` or ``:A:`` is read as ∀, and so on."""


# What the far-reaching patterns above look for. Each is searched with a _Next, so that no
# position's failed attempt rescans the rest of the text (see _Lexer).
_LINE_STOP = re.compile(r"[\n\r\u2028\u2029]")  # where JavaScript's "." stops
_ANY_STOP = re.compile(r"[\r\u2028\u2029]")  # where JavaScript's (.|\n) stops
_DATA_STOP = re.compile(r"[\r\u2028\u2029]|\}\s[^,}]")  # where _DATA's body stops
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

    def group(self, n: int) -> str:
        """A group of the token's match ('' for a token that no pattern made, or no group)."""
        return (self.match.group(n) or "") if self.match else ""


class _Lexer:
    """Argdown's lexer: at each position, the first token type (in Argdown's order) that fits.

    Argdown's patterns are JavaScript regular expressions, and several look far ahead: a
    comment, a link, a tag in parentheses or a bracketed title scans on to its closing
    characters and, where there are none, to the end of the line or of the text. Tried at every
    position of a hostile text (ten thousand ``[`` or ``<!--``), they would scan it again and
    again, in quadratic time. So each is first asked of a :class:`_Next` where its closing
    characters are, which searches the text about once in all; the pattern runs only when it
    will match, and then consumes what it scanned. A data block and front matter, whose
    patterns also backtrack, are measured without them. The lexer is linear in the text.
    """

    def __init__(self, text: str, fail: Callable[[str, int], ArgdownSyntaxError]) -> None:
        self.text = text
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
                indentation = _SPACES.match(self.text, at)
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

    def run(self) -> list[Token]:
        text = self.text
        n = self.n
        tokens = self.tokens
        pos = 0
        inference = False
        freestyle = _FREESTYLE.match
        while pos < n:
            char = text[pos]
            if char not in _TRIGGERS:
                # Nothing else can start here, in any context: freestyle text, to its end.
                m = freestyle(text, pos)
                if m is not None:
                    end = m.end()
                    tokens.append(Token("freestyle", text[pos:end], pos, end, m))
                    pos = end
                    continue
            last = tokens[-1] if tokens else None
            # Comments come first in both modes; they are skipped.
            if char in "/<" and self._comment_at(pos):
                if last is not None and last.type == "emptyline":
                    m = _COMMENT_AFTER_EMPTY.match(text, pos)
                elif last is not None and last.type == "newline":
                    m = _COMMENT_AFTER_NEWLINE.match(text, pos)
                else:
                    m = _COMMENT.match(text, pos)
                if m:
                    pos = m.end()
                    self.last_skipped_end = pos
                    continue
            if inference:
                kind, end, m = self._inference_token(pos, char)
            else:
                kind, end, m = self._default_token(pos, char, last)
            if kind == "spaces":
                self.last_skipped_end = pos = end
                continue
            if kind == "inference_start":
                inference = True
            elif kind == "inference_end":
                inference = False
            tokens.append(Token(kind, text[pos:end], pos, end, m))
            pos = end
        # A trailing empty line means nothing; close every open indentation.
        if tokens and tokens[-1].type == "emptyline":
            tokens.pop()
        self._dedent_all(n)
        return tokens

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
        """Where the data block that starts at ``pos`` ends, or -1: what ``_DATA`` matches.

        Its body runs to the first ``_DATA_STOP`` and then backs off to the last ``}`` that
        may end a block; both are found without rescanning."""
        stop = self._next(_DATA_STOP, pos + 1, 1)
        closes = self._data_closes
        if closes is None:
            closes = self._data_closes = [m.start() for m in _DATA_CLOSE.finditer(self.text)]
        i = bisect.bisect_right(closes, stop) - 1
        return closes[i] + 1 if i >= 0 and closes[i] > pos else -1

    def _front_matter_end(self, pos: int) -> int:
        """Where front matter that starts at ``pos`` ends, or -1: what ``_FRONT_MATTER``
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
            ("newline", _NEWLINE),
            ("escaped", _ESCAPED),
            ("special", _SPECIAL),
            ("inference_end", _INFERENCE_END),
        ):
            m = pattern.match(text, pos)
            if m:
                return kind, m.end(), m
        if char == "{":
            end = self._data_end(pos)
            if end > 0:
                return "data", end, None
        for kind, pattern in (
            ("list_delimiter", _LIST_DELIMITER),
            ("spaces", _SPACES),
            ("freestyle", _FREESTYLE),
            ("unused", _UNUSED),
        ):
            m = pattern.match(text, pos)
            if m:
                return kind, m.end(), m
        raise self.fail("Argdown cannot read this character here", pos)

    def _default_token(  # noqa: PLR0915 - Argdown's token order, kept as one list
        self, pos: int, char: str, last: Token | None
    ) -> tuple[str, int, re.Match[str] | None]:
        text = self.text
        m: re.Match[str] | None
        if char == "=":
            end = self._front_matter_end(pos)
            if end > 0:
                return "front_matter", end, None
        elif char == "{":
            end = self._data_end(pos)
            if end > 0:
                return "data", end, None
        elif char == "\\":
            m = _ESCAPED.match(text, pos)
            if m:
                return "escaped", m.end(), m
        elif char in ".:":
            m = _SPECIAL.match(text, pos)
            if m:
                return "special", m.end(), m
        last_type = last.type if last is not None else None
        if char in " \t\r\n":
            if last_type != "emptyline":
                m = _EMPTYLINE.match(text, pos)
                if m:
                    if m.end() < self.n:
                        self._dedent_all(pos)
                    return "emptyline", m.end(), m
            m = _NEWLINE.match(text, pos)
            if m:
                return "newline", m.end(), m
        line_start = last_type in (None, "newline", "emptyline")
        if line_start and char in " \t-+<>_":
            m = _INFERENCE_START.match(text, pos)
            if m and last_type != "emptyline":
                self._dedent_all(pos)
                return "inference_start", m.end(), m
            for kind, pattern in _RELATIONS:
                m = pattern.match(text, pos)
                if m:
                    self._indent_or_dedent(len(m.group(1)), pos)
                    return kind, m.end(), m
        if char == "#" and last_type in (None, "newline", "emptyline"):
            m = _HEADING.match(text, pos)
            if m:
                return "heading_start", m.end(), m
        if line_start and char in " \t(0123456789*":
            m = _STATEMENT_NUMBER.match(text, pos)
            if m:
                self._dedent_all(pos)
                return "statement_number", m.end(), m
            for kind, pattern in (
                ("ordered_item", _ORDERED_ITEM),
                ("unordered_item", _UNORDERED_ITEM),
            ):
                m = pattern.match(text, pos)
                if m:
                    self._indent_or_dedent(len(m.group(1)) + 1, pos)
                    return kind, m.end(), m
        if char in "*_":
            for kind, range_type, pattern in _RANGES:
                if kind.endswith("_end"):
                    if not self.ranges or self.ranges[-1] != range_type:
                        continue
                    if last is None or self.last_skipped_end > last.end:
                        continue
                    m = pattern.match(text, pos)
                    if m:
                        self.ranges.pop()
                        return kind, m.end(), m
                else:
                    m = pattern.match(text, pos)
                    if m:
                        self.ranges.append(range_type)
                        return kind, m.end(), m
        elif char in _FAR_BY_CHAR:
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
        for kind, pattern in (("spaces", _SPACES), ("freestyle", _FREESTYLE), ("unused", _UNUSED)):
            m = pattern.match(text, pos)
            if m:
                return kind, m.end(), m
        raise self.fail("Argdown cannot read this character here", pos)


# -- the parser ---------------------------------------------------------------------------------

_CONTENT_START = {
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
_FREESTYLE_TOKENS = {"freestyle", "unused", "escaped", "special"}
_RANGE_ENDS = {  # a bold or italic start, and the token that ends its range
    "asterisk_bold_start": "asterisk_bold_end",
    "underscore_bold_start": "underscore_bold_end",
    "asterisk_italic_start": "asterisk_italic_end",
    "underscore_italic_start": "underscore_italic_end",
}
_RELATION_TOKENS = {
    "incoming_support": ("support", "from"),
    "incoming_attack": ("attack", "from"),
    "outgoing_support": ("support", "to"),
    "outgoing_attack": ("attack", "to"),
    "contradiction": ("contradictory", "from"),
    "incoming_undercut": ("undercut", "from"),
    "outgoing_undercut": ("undercut", "to"),
}
_TOKEN_NAMES = {
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


class _Content:
    """Statement text as it is read: pieces joined once at the end (adding to a string read
    back from an attribute copies it each time, which is quadratic in a long text)."""

    __slots__ = ("_plain", "_text", "mentions", "tags")

    def __init__(self) -> None:
        self._text: list[str] = []
        self._plain: list[str] = []  # the text without its tags
        self.tags: list[str] = []
        self.mentions: list[tuple[Literal["statement", "argument"], str]] = []

    def add(self, words: str) -> None:
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
        return "".join(self._text)

    @property
    def plain(self) -> str:
        return "".join(self._plain)


@dataclass
class _Item:
    """A statement or argument occurrence while it is parsed."""

    type: Literal["statement", "argument"]
    title: str | None
    line: int
    column: int
    is_reference: bool = False
    content: _Content = field(default_factory=_Content)
    data: dict[str, JSON] | None = None


class _Parser:
    def __init__(self, text: str, path: str | None) -> None:
        self.text = text
        self.path = path
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]
        self.tokens = _Lexer(text, self._error_at).run()
        self.types: list[str | None] = [t.type for t in self.tokens]
        self.types += [None, None]
        self.i = 0
        self.untitled = 0
        self.statements: dict[str, Statement] = {}
        self.arguments: dict[str, Argument] = {}
        self.relations: list[Relation] = []
        self._relation_keys: set[tuple[str, Ref, Ref]] = set()
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.inference: Inference | None = None
        self.front_matter: dict[str, JSON] = {}

    # -- positions and errors

    def _position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def _line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def _error_at(self, problem: str, offset: int) -> ArgdownSyntaxError:
        line, column = self._position(min(offset, len(self.text)))
        return ArgdownSyntaxError(
            problem,
            path=self.path,
            line=line,
            column=column,
            source_line=self._line_text(line),
        )

    def _unexpected(self, expected: str) -> ArgdownSyntaxError:
        token = self._peek_token()
        if token is None:
            end = len(self.text.rstrip())
            return self._error_at(f"the text ends where {expected} was expected", end)
        found = _TOKEN_NAMES.get(token.type) or repr(token.image.strip() or token.image)
        offset = token.start
        if token.type in _RELATION_TOKENS:
            offset += len(token.image) - len(token.image.lstrip(" \t"))
        return self._error_at(f"expected {expected}, found {found}", offset)

    # -- token access

    def _peek(self, ahead: int = 0) -> str | None:
        return self.types[self.i + ahead]  # None past the end (two sentinels)

    def _peek_token(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self, kind: str | None = None) -> Token:
        found = self.types[self.i]  # None at the end of the text
        if found is None or (kind is not None and found != kind):
            raise self._unexpected(_TOKEN_NAMES.get(kind, kind) if kind else "more text")
        self.i += 1
        return self.tokens[self.i - 1]

    def _accept(self, kind: str) -> Token | None:
        if self.types[self.i] == kind:
            self.i += 1
            return self.tokens[self.i - 1]
        return None

    def _new_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    # -- the grammar

    def parse(self) -> Document:
        self._accept("newline")
        self._accept("emptyline")
        if self._peek() == "front_matter":
            token = self._take()
            self.front_matter = self._yaml(token, token.image.strip("="), "front matter")
            self._accept("newline")
            if self._peek() is not None:
                self._take("emptyline")
        previous: Argument | None = None
        while self._peek() is not None:
            previous = self._top_level(previous)
            if self._peek() is None:
                break
            if self._peek() in _RELATION_TOKENS:
                token = self.tokens[self.i]
                raise self._error_at(
                    "a relation must be indented under the statement or argument it belongs to",
                    token.start + len(token.image) - len(token.image.lstrip(" \t")),
                )
            self._take("emptyline")
        self._transform_argument_relations()
        if _mode(self.front_matter) == "strict":
            self._transform_statement_relations()
        self._remove_redundant_attacks()
        return Document(
            front_matter=self.front_matter,
            statements=self.statements,
            arguments=self.arguments,
            relations=self.relations,
            sections=self.sections,
        )

    def _top_level(self, previous: Argument | None) -> Argument | None:
        kind = self._peek()
        if kind == "heading_start":
            self._heading()
            return None
        if kind == "statement_number":
            self._pcs(previous)
            return None
        if kind in ("argument_definition", "argument_reference"):
            return self._argument(top_level=True)
        if kind == "indent" and self._peek(1) in ("ordered_item", "unordered_item"):
            self._list()
            return None
        if kind in _CONTENT_START or kind in ("statement_reference", "statement_definition"):
            self._statement(role="top-level")
            return None
        if kind in _RELATION_TOKENS or (kind == "indent" and self._peek(1) in _RELATION_TOKENS):
            token = self.tokens[self.i + (1 if kind == "indent" else 0)]
            offset = token.start + len(token.image) - len(token.image.lstrip(" \t"))
            raise self._error_at(
                "a relation must follow, on the next line, the statement or argument it belongs "
                "to (not after an empty line)",
                offset,
            )
        raise self._unexpected("a statement, an argument, a heading or a numbered statement")

    def _heading(self) -> None:
        start = self._take("heading_start")
        level = len(start.image) - 1
        content = _Content()
        if self._peek() not in _CONTENT_START:
            raise self._unexpected("the heading's text")
        self._content(content)
        data = self._optional_data(newline_before=True)
        section = Section(
            id=f"s{len(self._all_sections()) + 1}",
            title=content.text.strip(),
            level=level,
            data=data or {},
            tags=content.tags,
        )
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        section.parent = parent
        self.sections.append(section)
        self.section = section

    def _all_sections(self) -> list[Section]:
        return self.sections

    def _list(self) -> None:
        self._take("indent")
        item = self._peek()
        while self._peek() == item:
            self._take()
            if self._peek() in ("argument_definition", "argument_reference"):
                self._argument(top_level=False)
            else:
                self._statement(role="list")
        if self._peek() == "dedent":
            self._take()
        elif self._peek() is not None:
            raise self._unexpected("the next list item")

    def _statement(self, *, role: str) -> Statement:
        first = self._peek_token()
        if first is None:
            raise self._unexpected("a statement")
        line, column = self._position(first.start)
        item = _Item("statement", None, line, column)
        kind = first.type
        first_titled = kind in ("statement_reference", "statement_definition")
        if kind == "statement_reference":
            token = self._take()
            item.title = token.group(1)
            item.is_reference = True
            while self._peek() == "tag":
                item.content.tags.append(_tag_of(self._take()))
            self._accept("newline")
        elif kind == "statement_definition":
            token = self._take()
            item.title = token.group(1)
            if self._peek() not in _CONTENT_START:
                raise self._unexpected(f"the text of statement [{item.title}]")
            self._content(item.content)
        elif kind in _CONTENT_START:
            self._content(item.content)
        else:
            raise self._unexpected("a statement")
        item.data = self._optional_data()
        if self._peek() == "indent":
            if item.title is None:
                item.title = self._new_title()
            if item.title not in self.statements:
                self.statements[item.title] = Statement(item.title, auto_title=not first_titled)
            self._relations(Ref("statement", item.title))
        return self._finish_statement(item, auto=not first_titled)

    def _finish_statement(self, item: _Item, *, auto: bool) -> Statement:
        title = self._new_title() if item.title is None else item.title
        statement = self.statements.get(title)
        if statement is None:
            statement = self.statements[title] = Statement(title, auto_title=auto)
        statement.members.append(self._member(item))
        return statement

    def _member(self, item: _Item) -> Member:
        return Member(
            text=item.content.text.strip(),
            plain=item.content.plain.strip(),
            tags=_union(item.content.tags),
            data=item.data,
            is_reference=item.is_reference,
            line=item.line,
            column=item.column,
            section=self.section,
            mentions=item.content.mentions,
        )

    def _argument(self, *, top_level: bool) -> Argument:
        first = self._take()
        line, column = self._position(first.start)
        item = _Item("argument", first.group(1) or None, line, column)
        if first.type == "argument_reference":
            item.is_reference = True
            while self._peek() == "tag":
                item.content.tags.append(_tag_of(self._take()))
            self._accept("newline")
        else:
            if self._peek() not in _CONTENT_START:
                raise self._unexpected(f"the text of argument <{item.title}>")
            self._content(item.content)
        item.data = self._optional_data()
        auto = item.title is None
        if self._peek() == "indent":
            if item.title is None:
                item.title = self._new_title()
            if item.title not in self.arguments:
                self.arguments[item.title] = Argument(item.title, auto_title=auto)
            self._relations(Ref("argument", item.title))
        title = self._new_title() if item.title is None else item.title
        argument = self.arguments.get(title)
        if argument is None:
            argument = self.arguments[title] = Argument(title, auto_title=auto)
        argument.members.append(self._member(item))
        return argument

    def _pcs(self, previous: Argument | None) -> None:
        start = self.tokens[self.i]
        if previous is None:
            title = self._new_title()
            argument = self.arguments[title] = Argument(title, auto_title=True)
        else:
            argument = previous
        if argument.pcs:
            raise self._error_at(
                f"argument <{argument.title}> has a premise-conclusion structure already; "
                "give this one its own argument title",
                start.start,
            )
        argument.pcs_line = self._position(start.start)[0]
        argument.pcs_section = self.section
        since_inference: list[str] = []
        pending: Inference | None = None
        seen_inference = False
        while True:
            kind = self._peek()
            if kind == "statement_number":
                self._take()
                statement = self._statement(role="pcs")
                if pending is not None:
                    pending.conclusion = statement.title
                    argument.inferences.append(pending)
                    argument.pcs.append(PcsStatement(statement.title, "conclusion"))
                    since_inference = [statement.title]
                    pending = None
                else:
                    argument.pcs.append(PcsStatement(statement.title, "premise"))
                    since_inference.append(statement.title)
            elif kind == "inference_start":
                if pending is not None:
                    raise self._unexpected("a numbered conclusion after the inference line")
                pending = self._inference(argument, since_inference)
                seen_inference = True
            else:
                break
        if pending is not None:
            raise self._unexpected("a numbered conclusion after the inference line")
        if not seen_inference:
            raise self._unexpected(
                "an inference line (---- or -- rule --) before the conclusion of the numbered "
                "statements"
            )
        # Only the last conclusion is the main one; earlier ones are intermediate.
        for pcs_statement in argument.pcs[:-1]:
            if pcs_statement.role == "conclusion":
                pcs_statement.role = "intermediate"
        if argument.pcs[-1].role != "conclusion":
            raise self._error_at(
                f"the premise-conclusion structure of <{argument.title}> must end with its "
                "conclusion, after an inference line",
                self.tokens[self.i - 1].start,
            )

    def _inference(self, argument: Argument, premises: list[str]) -> Inference:
        start = self._take("inference_start")
        line = self._position(start.start)[0]
        rules: list[str] = []
        if self._peek() in _FREESTYLE_TOKENS or (
            self._peek() == "newline" and self._peek(1) in _FREESTYLE_TOKENS
        ):
            self._accept("newline")
            while True:
                content = _Content()
                self._freestyle(content)
                rules.append(content.text.strip())
                if not self._accept("list_delimiter"):
                    break
        self._accept("newline")
        data = None
        if self._peek() == "data":
            data = self._data_block(self._take())
            self._accept("newline")
        self._take("inference_end")
        if self._peek() is not None:
            self._take("newline")
        inference = Inference(
            argument=argument.title,
            index=0,
            rules=rules,
            data=data or {},
            premises=list(premises),
            conclusion="",
            line=line,
        )
        inference.index = len(argument.pcs)
        self.inference = inference
        if self._peek() == "indent":
            self._take()
            if self._peek() != "outgoing_undercut":
                raise self._unexpected("an undercut (<_ or _) under the inference line")
            while self._peek() == "outgoing_undercut":
                self._relation(Ref("inference", argument.title, len(argument.pcs)))
            if self._peek() == "dedent":
                self._take()
        return inference

    def _relations(self, parent: Ref) -> None:
        self._take("indent")
        if self._peek() not in _RELATION_TOKENS:
            raise self._unexpected("a relation (+, -, _, ><, <+, +>, <-, ->, <_, _>)")
        while self._peek() in _RELATION_TOKENS:
            self._relation(parent)
        if self._peek() == "dedent":
            self._take()
        elif self._peek() is not None:
            raise self._unexpected("a relation or a line indented less")

    def _relation(self, parent: Ref) -> None:
        token = self._take()
        line = self._position(token.start)[0]
        kind, direction = _RELATION_TOKENS[token.type]
        # Argdown aims an undercut under a statement at the last inference read.
        if (
            parent.type == "statement"
            and kind == "undercut"
            and direction == "to"
            and self.inference is not None
        ):
            parent = Ref("inference", self.inference.argument, self.inference.index)
        if self._peek() in ("argument_definition", "argument_reference"):
            if kind == "contradictory":
                raise self._unexpected("a statement (only statements contradict each other)")
            child = Ref("argument", self._argument(top_level=False).title)
        else:
            child = Ref("statement", self._statement(role="relation").title)
        source, target = (parent, child) if direction == "from" else (child, parent)
        self._add_relation(Relation(kind, source, target, line))  # type: ignore[arg-type]

    def _add_relation(self, relation: Relation) -> None:
        key = (relation.kind, relation.source, relation.target)
        if key in self._relation_keys or (
            relation.kind == "contradictory"
            and ("contradictory", relation.target, relation.source) in self._relation_keys
        ):
            return
        self._relation_keys.add(key)
        self.relations.append(relation)

    # -- text

    def _content(self, content: _Content) -> None:
        """Statement text: freestyle, links, bold, italic, tags, mentions and line breaks.

        Bold and italic ranges nest; the ranges open at a point are a stack here, not the call
        stack, so that no nesting depth can exhaust it."""
        taken = 0
        # Per open range: the token that closes it and what was taken outside it.
        open_ranges: list[tuple[str, int]] = []
        while True:
            kind = self._peek()
            if kind in _FREESTYLE_TOKENS:
                self._freestyle(content)
            elif kind == "link":
                token = self._take()
                content.add(token.group(1))
                if token.image.endswith((" ", "\t")):
                    content.add(" ")
            elif kind in _RANGE_ENDS:
                self._take()
                end = _RANGE_ENDS[kind]
                if self._peek() != end:
                    open_ranges.append((end, taken))
                    taken = 0
                    continue
                self._close_range(content, end)
            elif kind == "tag":
                token = self._take()
                content.tags.append(_tag_of(token))
                content.add_tag(token.image)
            elif kind in ("statement_mention", "argument_mention"):
                token = self._take()
                content.mentions.append(
                    ("statement" if kind == "statement_mention" else "argument", token.group(1))
                )
                content.add(token.image)
            elif kind == "newline":
                self._take()
                if self._peek() in _CONTENT_START and content.wants_space():
                    content.add(" ")
            elif open_ranges:
                end, taken = open_ranges.pop()
                if self._peek() != end:
                    raise self._unexpected("the end of the bold or italic text")
                self._close_range(content, end)
            else:
                break
            taken += 1
        if not taken:
            raise self._unexpected("text")

    def _close_range(self, content: _Content, end: str) -> None:
        close = self._take(end)
        if close.image.endswith((" ", "\t")):
            content.add(" ")

    def _freestyle(self, content: _Content) -> None:
        while self._peek() in _FREESTYLE_TOKENS:
            token = self._take()
            if token.type == "escaped":
                content.add(token.image[1:])
            elif token.type == "special":
                code = token.image.strip()
                if code in SHORTCODES:
                    content.add(SHORTCODES[code])
                    if token.image.endswith(" "):
                        content.add(" ")
                else:
                    content.add(token.image)
            else:
                content.add(token.image)

    def _optional_data(self, *, newline_before: bool = False) -> dict[str, JSON] | None:
        if newline_before and self._peek() == "newline" and self._peek(1) == "data":
            self._take()
        if self._peek() != "data":
            return None
        data = self._data_block(self._take())
        self._accept("newline")
        return data

    def _data_block(self, token: Token) -> dict[str, JSON]:
        simple = _simple_data(token.image)
        if simple is not None:
            return simple
        return self._yaml(token, token.image, "data block")

    def _yaml(self, token: Token, text: str, what: str) -> dict[str, JSON]:
        try:
            # argmap's YAML: no deep nesting, no values or keys that JSON cannot carry
            value = parse_yaml(text)
        except FileFormatError as exc:
            offset = token.start
            lead = len(token.image) - len(token.image.lstrip("=")) if what == "front matter" else 0
            mark = getattr(exc.__cause__, "problem_mark", None)  # a YAML error: its column
            if mark is not None:
                offset = token.start + lead + mark.index
            elif exc.line is not None:
                line_start = sum(len(line) for line in text.splitlines(True)[: exc.line - 1])
                offset = token.start + lead + line_start
            problem = exc.problem.removeprefix("not valid YAML: ")
            raise self._error_at(f"the {what} is not valid YAML: {problem}", offset) from None
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self._error_at(
                f"the {what} must be a YAML mapping (key: value), not {type(value).__name__}",
                token.start,
            )
        safe: dict[str, JSON] = _json_safe(value)
        return safe

    # -- Argdown's model transformations

    def _transform_argument_relations(self) -> None:
        """A reconstructed argument's relations leave from its conclusion; undercuts of it hit
        its last inference; a relation that then exists twice (or points at itself) goes."""
        live = list(self.relations)
        dropped: set[int] = set()
        # (kind, source, target) -> the live relations with them, kept up to date below.
        index: dict[tuple[str, Ref, Ref], set[int]] = {}
        for r in live:
            index.setdefault((r.kind, r.source, r.target), set()).add(id(r))

        def move(relation: Relation, source: Ref, target: Ref) -> None:
            index[(relation.kind, relation.source, relation.target)].discard(id(relation))
            relation.source, relation.target = source, target
            index.setdefault((relation.kind, source, target), set()).add(id(relation))

        def exists(relation: Relation) -> bool:
            key = (relation.kind, relation.source, relation.target)
            return bool(index.get(key, set()) - {id(relation)})

        def drop(relation: Relation) -> None:
            dropped.add(id(relation))
            index[(relation.kind, relation.source, relation.target)].discard(id(relation))

        for relation in live:
            source, target = relation.source, relation.target
            if source.type == "argument" and self.arguments[source.title].pcs:
                conclusion = Ref("statement", self.arguments[source.title].pcs[-1].title)
                move(relation, conclusion, target)
                if relation.target == relation.source or exists(relation):
                    drop(relation)
                    continue
            if (
                target.type == "argument"
                and relation.kind == "undercut"
                and self.arguments[target.title].pcs
            ):
                argument = self.arguments[target.title]
                inference = Ref("inference", target.title, argument.inferences[-1].index)
                move(relation, relation.source, inference)
                if exists(relation):
                    drop(relation)
        self.relations = [r for r in live if id(r) not in dropped]

    def _transform_statement_relations(self) -> None:
        kept: list[Relation] = []
        contrary: set[frozenset[Ref]] = set()
        for relation in self.relations:
            if relation.source.type == "statement" and relation.target.type == "statement":
                if relation.kind == "support":
                    relation.kind = "entails"
                elif relation.kind == "attack":
                    pair = frozenset((relation.source, relation.target))
                    if pair in contrary:
                        continue
                    contrary.add(pair)
                    relation.kind = "contrary"
            kept.append(relation)
        self.relations = kept

    def _remove_redundant_attacks(self) -> None:
        """Drop a statement's attack on an argument when it attacks one of its premises (or
        contradicts one, or is contrary to one)."""
        opposed: dict[Ref, set[str]] = {}  # a statement -> the titles it opposes
        for r in self.relations:
            if r.source.type == "statement" and r.target.type == "statement":
                if r.kind == "attack":
                    opposed.setdefault(r.source, set()).add(r.target.title)
                elif r.kind in ("contradictory", "contrary"):
                    opposed.setdefault(r.source, set()).add(r.target.title)
                    opposed.setdefault(r.target, set()).add(r.source.title)
        premises: dict[str, set[str]] = {}  # an argument -> its premises' titles
        kept: list[Relation] = []
        for relation in self.relations:
            if (
                relation.source.type == "statement"
                and relation.kind == "attack"
                and relation.target.type == "argument"
                and relation.source in opposed
                and self.arguments[relation.target.title].pcs
            ):
                title = relation.target.title
                if title not in premises:
                    premises[title] = {
                        s.title for s in self.arguments[title].pcs if s.role == "premise"
                    }
                if not premises[title].isdisjoint(opposed[relation.source]):
                    continue
            kept.append(relation)
        self.relations = kept


# The simplest data blocks, on one line: {key: value, key: value} with words, decimal numbers or
# quoted text without escapes as values. YAML reads them as _simple_data does (a test draws
# thousands against argmap's YAML reader); anything else goes to that reader.
_YAML_BOOL = {
    "yes": True, "Yes": True, "YES": True, "no": False, "No": False, "NO": False,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
    "on": True, "On": True, "ON": True, "off": False, "Off": False, "OFF": False,
}  # fmt: skip
_YAML_NULL = {"null", "Null", "NULL"}
_SIMPLE_PAIR = re.compile(
    r" *([A-Za-z_][A-Za-z0-9_-]*): +"
    r"(?:(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?"  # an integer, perhaps with a fraction
    r"|([A-Za-z_][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*)"  # words
    # quoted text, nothing escaped, printable (as YAML's reader requires)
    r'|"([\t\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*)"'
    r"|'([\t\x20-\x26\x28-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*)')"
    r" *([,}])"
)


def _simple_data(text: str) -> dict[str, JSON] | None:
    """``text`` read as YAML when it is a one-line mapping of simple values, else None."""
    if not text.startswith("{"):
        return None
    out: dict[str, JSON] = {}
    pos, n = 1, len(text)
    if text[1:].strip(" ") == "}":
        return out
    while pos < n:
        m = _SIMPLE_PAIR.match(text, pos)
        if m is None:
            return None
        key, integer, fraction, words, double, single, end = m.groups()
        if key in out or key in _YAML_BOOL or key in _YAML_NULL:
            return None  # YAML's reader says what is wrong with it
        value: JSON
        if integer is not None:
            value = float(integer + fraction) if fraction else int(integer)
        elif words is not None:
            value = _YAML_BOOL.get(words, words)
            if words in _YAML_NULL:
                value = None
        else:
            value = double if double is not None else single
        out[key] = value
        pos = m.end()
        if end == "}":
            return out if pos == n else None
    return None


def _mode(front_matter: dict[str, JSON]) -> str | None:
    model = front_matter.get("model")
    if isinstance(model, dict):
        mode = model.get("mode")
        return mode if isinstance(mode, str) else None
    return None


def _tag_of(token: Token) -> str:
    return token.group(1) or token.group(2)


def _json_safe(value: Any) -> Any:
    """YAML values as JSON values: dates become ISO strings, keys become strings."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def parse(text: str, *, path: str | None = None) -> Document:
    """Read an Argdown text into its statements, arguments, relations and sections.

    Args:
        text: The Argdown text.
        path: The file it came from, for error messages.

    Returns:
        The document, title by title, with relations as ``argdown json`` lists them.

    Raises:
        ArgdownSyntaxError: The text is not valid Argdown; the message names the line and
            column and quotes the line.

    Examples:
        >>> doc = parse("(1) Socrates is a man.\\n(2) Men are mortal.\\n-- Modus ponens --\\n"
        ...             "(3) Socrates is mortal.")
        >>> arg = doc.arguments["Untitled 1"]
        >>> [(i.premises, i.rules, i.conclusion) for i in arg.inferences]
        [(['Untitled 2', 'Untitled 3'], ['Modus ponens'], 'Untitled 4')]
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    with paused_gc():  # tokens and titles by the hundred thousand, none of them garbage
        return _Parser(text, path).parse()
