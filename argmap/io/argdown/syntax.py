"""The syntax tree of an Argdown text: what :func:`argmap.io.argdown.parser.parse` reads.

A :class:`Document` holds the text title by title, as ``@argdown/core`` does: statements
(every occurrence of one title is one statement), arguments (their descriptions and their
premise-conclusion structure), relations between them, and sections. It knows nothing of maps:
:mod:`argmap.io.argdown.reader` turns it into one. Errors in the text are
:class:`ArgdownSyntaxError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from argmap.exceptions import FileFormatError
from argmap.wording import for_terminal

__all__ = [
    "JSON",
    "ArgdownSyntaxError",
    "Argument",
    "Document",
    "Inference",
    "Member",
    "PcsStatement",
    "Ref",
    "Relation",
    "RelationKind",
    "Section",
    "Statement",
]

JSON = Any
"""A JSON value, as data blocks hold them."""


class ArgdownSyntaxError(FileFormatError):
    """Argdown text that cannot be read: names the file, line and column, and quotes the line.

    The quoted line is escaped as :func:`argmap.wording.for_terminal` escapes one line
    (control characters and line separators as ``\\uXXXX``), the pointer under the escape.

    Attributes:
        column: The 1-based column of the problem.
        source_line: The line of the file, as written (not escaped).

    Examples:
        >>> from argmap.io.argdown.parser import parse
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
        self.args = ("\n".join((self.headline, *self.quoted)),)

    @property
    def headline(self) -> str:
        """The message's first line: where (file, line, column) and what is wrong."""
        return f"{self.path or '<text>'}:{self.line}:{self.column}: {self.problem}"

    @property
    def quoted(self) -> tuple[str, str]:
        """The two lines under the headline: the line quoted (at most about 100 characters
        around the column) and a caret under the column, each indented four spaces.

        The quoted line is escaped here, where the message is made, so that no caller of the
        API prints a control character of the file (a terminal would act on it); the pointer
        stands under the escaped character.
        """
        part, at = _around(self.source_line, self.column - 1)
        shown = for_terminal(part, one_line=True)
        pointer = " " * len(for_terminal(part[:at], one_line=True)) + "^"
        return f"    {shown}", f"    {pointer}"

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_error,
            (self.problem, self.path, self.line, self.column, self.source_line),
            self.__dict__,  # and what was added later, such as notes
        )


_SHOWN_LINE = 100
"""The most characters of a line an error quotes: a one-line file of megabytes stays one line."""


def _around(line: str, at: int) -> tuple[str, int]:
    """The part of ``line`` an error quotes around index ``at``, and where ``at`` falls in it.

    Examples:
        >>> _around("short", 2)
        ('short', 2)
        >>> part, at = _around("x" * 500 + "!" + "y" * 500, 500)
        >>> len(part), part[at], part[:4], part[-4:]
        (106, '!', '...x', 'y...')
    """
    if len(line) <= _SHOWN_LINE:
        return line, at
    start = min(max(0, at - _SHOWN_LINE // 2), len(line) - _SHOWN_LINE)
    part = line[start : start + _SHOWN_LINE]
    head = "..." if start > 0 else ""
    tail = "..." if start + _SHOWN_LINE < len(line) else ""
    return head + part + tail, at - start + len(head)


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


@dataclass(slots=True)
class Member:
    """One occurrence of a statement or argument in the text (a definition or a reference)."""

    text: str
    tags: tuple[str, ...]  # each once, in the order first seen
    data: dict[str, JSON] | None
    is_reference: bool
    plain: str
    line: int
    column: int
    section: Section | None
    mentions: tuple[tuple[Literal["statement", "argument"], str], ...] = ()


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


class Ref(NamedTuple):
    """One end of a relation: a statement, an argument, or an inference of an argument.

    A named tuple, so that it hashes and compares in C: the parser and Argdown's
    transformations key their sets and indexes by relations' ends, hundreds of thousands of
    times in a large text.
    """

    type: Literal["statement", "argument", "inference"]
    title: str
    index: int | None = None  # type: ignore[assignment]  # a field, over tuple.index
    """For an inference: the position of its conclusion in the argument's structure."""


RelationKind = Literal["support", "attack", "undercut", "contradictory", "entails", "contrary"]


@dataclass(slots=True)
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
