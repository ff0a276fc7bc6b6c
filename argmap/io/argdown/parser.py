"""Argdown's parser: a text's tokens read into its syntax tree, rule by rule as Argdown does.

The grammar follows ``@argdown/core``'s: top-level statements, arguments, headings, lists and
premise-conclusion structures, separated by empty lines; relations nested under what they belong
to by indentation; untitled statements named "Untitled N" in the order Argdown names them. After
parsing, Argdown's transformations (:mod:`argmap.io.argdown.transform`) move and drop relations
as Argdown does, so that a file means here what it means to ``argdown``.

Blocks of common lines (a statement and the relations under it, a premise-conclusion structure,
a heading, each line of a shape :mod:`argmap.io.argdown.lines` reads with one match) come as one
``block`` token; the parser builds their statements and relations from the lines' matches, in
the grammar's order, with no token per word. ``parse(text, fast=False)`` reads them token by
token; ``tests/io/test_argdown_lines.py`` holds the two to the same document, map and errors.

Examples:
    >>> doc = parse("[Pressure works]: It does.\\n  <+ <Talks>: Talks happened.")
    >>> list(doc.statements), list(doc.arguments)
    (['Pressure works'], ['Talks'])
    >>> [(r.source.title, r.kind, r.target.title) for r in doc.relations]
    [('Talks', 'support', 'Pressure works')]
"""

from __future__ import annotations

from bisect import bisect_right

from argmap.index import paused_gc
from argmap.io.argdown.content import (
    CONTENT_START,
    FREESTYLE,
    Content,
    read_content,
    read_freestyle,
    tag_of,
)
from argmap.io.argdown.cursor import RELATION_SIGNS, Cursor
from argmap.io.argdown.data import mode, read_block, read_yaml
from argmap.io.argdown.lexer import Token
from argmap.io.argdown.lines import (
    ARGUMENT,
    ARGUMENT_TEXT,
    ARGUMENT_TITLE,
    DATA,
    HEADING,
    HEADING_MARK,
    INDENT,
    NUMBER,
    NUMBERED,
    RULES,
    SIGN,
    STATEMENT_TEXT,
    STATEMENT_TITLE,
    TAGS,
    TEXT,
    Line,
    scan,
    text_of,
)
from argmap.io.argdown.syntax import (
    JSON,
    Argument,
    Document,
    Inference,
    Member,
    PcsStatement,
    Ref,
    Relation,
    Section,
    Statement,
)
from argmap.io.argdown.transform import transform

__all__ = ["parse"]


class _Parser(Cursor):
    """Argdown's grammar, rule by rule, over a :class:`Cursor`; :meth:`parse` reads it all."""

    def __init__(self, text: str, path: str | None, *, fast: bool = True) -> None:
        starts, self.blocks = scan(text) if fast else ({}, [])
        super().__init__(
            text, path, blocks={start: (self.blocks[i].end, i) for start, i in starts.items()}
        )
        self._line0 = 0  # the number of the first line of the block being read
        self.untitled = 0
        self.statements: dict[str, Statement] = {}
        self.arguments: dict[str, Argument] = {}
        self.relations: list[Relation] = []
        self._relation_keys: set[tuple[str, Ref, Ref]] = set()
        # One end per statement, however many relations it has: fewer objects to make, and
        # fewer for the garbage collector to scan once the parse is done.
        self._statement_refs: dict[str, Ref] = {}
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.inference: Inference | None = None
        self.front_matter: dict[str, JSON] = {}

    def _statement_ref(self, title: str) -> Ref:
        ref = self._statement_refs.get(title)
        if ref is None:
            ref = self._statement_refs[title] = Ref("statement", title)
        return ref

    def _new_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    # -- the grammar

    def parse(self) -> Document:
        """The whole text: front matter, then top-level elements between empty lines, then
        Argdown's transformations of the relations."""
        self.accept("newline")
        self.accept("emptyline")
        if self.peek() == "front_matter":
            token = self.take()
            self.front_matter = read_yaml(
                token, token.image.strip("="), "front matter", fail=self.error_at
            )
            self.accept("newline")
            if self.peek() is not None:
                self.take("emptyline")
        previous: Argument | None = None
        types = self.types
        while types[self.i] is not None:
            if types[self.i] == "block":  # blocks of common lines, one after another
                previous = self._blocks(previous)
            else:
                previous = self._top_level(previous)
            if self.peek() is None:
                break
            if self.peek() in RELATION_SIGNS:
                token = self.tokens[self.i]
                raise self.error_at(
                    "a relation must be indented under the statement or argument it belongs to",
                    self.sign_start(token),
                )
            self.take("emptyline")
        strict = mode(self.front_matter) == "strict"
        self.relations = transform(self.relations, self.arguments, strict=strict)
        return Document(
            front_matter=self.front_matter,
            statements=self.statements,
            arguments=self.arguments,
            relations=self.relations,
            sections=self.sections,
        )

    def _top_level(self, previous: Argument | None) -> Argument | None:
        kind = self.peek()
        if kind == "block":
            return self._block(previous)
        if kind == "heading_start":
            self._heading()
            return None
        if kind == "statement_number":
            self._pcs(previous)
            return None
        if kind in ("argument_definition", "argument_reference"):
            return self._argument(top_level=True)
        if kind == "indent" and self.peek(1) in ("ordered_item", "unordered_item"):
            self._list()
            return None
        if kind in CONTENT_START or kind in ("statement_reference", "statement_definition"):
            self._statement(role="top-level")
            return None
        if kind in RELATION_SIGNS or (kind == "indent" and self.peek(1) in RELATION_SIGNS):
            token = self.tokens[self.i + (1 if kind == "indent" else 0)]
            raise self.error_at(
                "a relation must follow, on the next line, the statement or argument it belongs "
                "to (not after an empty line)",
                self.sign_start(token),
            )
        raise self.unexpected("a statement, an argument, a heading or a numbered statement")

    def _heading(self) -> None:
        start = self.take("heading_start")
        level = len(start.image) - 1
        content = Content()
        if self.peek() not in CONTENT_START:
            raise self.unexpected("the heading's text")
        read_content(self, content)
        data = self._optional_data(newline_before=True)
        self._open_section(content.text.strip(), level, data, content.tags)

    def _open_section(
        self, title: str, level: int, data: dict[str, JSON] | None, tags: list[str]
    ) -> None:
        """Open a section under the nearest open one of a lower level."""
        section = Section(
            id=f"s{len(self.sections) + 1}", title=title, level=level, data=data or {}, tags=tags
        )
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        section.parent = parent
        self.sections.append(section)
        self.section = section

    def _list(self) -> None:
        self.take("indent")
        item = self.peek()
        while self.peek() == item:
            self.take()
            if self.peek() in ("argument_definition", "argument_reference"):
                self._argument(top_level=False)
            else:
                self._statement(role="list")
        if self.peek() == "dedent":
            self.take()
        elif self.peek() is not None:
            raise self.unexpected("the next list item")

    def _statement(self, *, role: str) -> Statement:
        # The hot path of every text (a statement per line): token types read from the list,
        # positions by one bisection, no method call where a list index does.
        types, i = self.types, self.i
        kind = types[i]
        if kind is None:
            raise self.unexpected("a statement")
        first = self.tokens[i]
        starts = self.line_starts
        line = bisect_right(starts, first.start)
        column = first.start - starts[line - 1] + 1
        title: str | None = None
        content: Content | None = None
        tags: list[str] = []
        if kind == "statement_reference":
            i += 1
            title = first.match.group(first.base + 1)  # type: ignore[union-attr]  # titled
            while types[i] == "tag":
                tags.append(tag_of(self.tokens[i]))
                i += 1
            if types[i] == "newline":
                i += 1
            self.i = i
        elif kind == "statement_definition":
            self.i = i + 1
            title = first.match.group(first.base + 1)  # type: ignore[union-attr]  # titled
            if types[i + 1] not in CONTENT_START:
                raise self.unexpected(f"the text of statement [{title}]")
            content = Content()
            read_content(self, content)
        elif kind in CONTENT_START:
            content = Content()
            read_content(self, content)
        else:
            raise self.unexpected("a statement")
        data = self._optional_data() if types[self.i] == "data" else None
        auto = kind != "statement_reference" and kind != "statement_definition"  # noqa: PLR1714
        statements = self.statements
        if types[self.i] == "indent":
            if title is None:
                title = self._new_title()
            if title not in statements:
                statements[title] = Statement(title, auto_title=auto)
            self._relations(self._statement_ref(title))
        if title is None:
            title = self._new_title()
        statement = statements.get(title)
        if statement is None:
            statement = statements[title] = Statement(title, auto_title=auto)
        statement.members.append(
            self._member(content, data, line, column, is_reference=False)
            if content is not None
            else self._reference(tags, data, line, column)
        )
        return statement

    def _reference(
        self, tags: list[str], data: dict[str, JSON] | None, line: int, column: int
    ) -> Member:
        """The occurrence of a statement's reference: tags, no text."""
        unique = tuple(dict.fromkeys(tags)) if tags else ()  # each once, in the order first seen
        return Member("", unique, data, True, "", line, column, self.section, ())

    def _member(
        self,
        content: Content,
        data: dict[str, JSON] | None,
        line: int,
        column: int,
        *,
        is_reference: bool,
    ) -> Member:
        tags = content.tags
        return Member(
            text=content.text.strip(),
            plain=content.plain.strip(),
            tags=tuple(dict.fromkeys(tags)) if tags else (),  # each once, in the order first seen
            data=data,
            is_reference=is_reference,
            line=line,
            column=column,
            section=self.section,
            mentions=tuple(content.mentions) if content.mentions else (),
        )

    def _argument(self, *, top_level: bool) -> Argument:
        first = self.take()
        starts = self.line_starts
        line = bisect_right(starts, first.start)
        column = first.start - starts[line - 1] + 1
        title: str | None = first.group(1) or None
        content = Content()
        is_reference = first.type == "argument_reference"
        if is_reference:
            while self.peek() == "tag":
                content.tags.append(tag_of(self.take()))
            self.accept("newline")
        else:
            if self.peek() not in CONTENT_START:
                raise self.unexpected(f"the text of argument <{title}>")
            read_content(self, content)
        data = self._optional_data()
        auto = title is None
        if self.peek() == "indent":
            if title is None:
                title = self._new_title()
            if title not in self.arguments:
                self.arguments[title] = Argument(title, auto_title=auto)
            self._relations(Ref("argument", title))
        if title is None:
            title = self._new_title()
        argument = self.arguments.get(title)
        if argument is None:
            argument = self.arguments[title] = Argument(title, auto_title=auto)
        argument.members.append(
            self._member(content, data, line, column, is_reference=is_reference)
        )
        return argument

    def _pcs_argument(self, previous: Argument | None, at: int) -> Argument:
        """The argument a premise-conclusion structure at offset ``at`` belongs to: the one
        whose title line precedes it, or a new untitled one; it may have only one."""
        if previous is None:
            title = self._new_title()
            argument = self.arguments[title] = Argument(title, auto_title=True)
        else:
            argument = previous
        if argument.pcs:
            raise self.error_at(
                f"argument <{argument.title}> has a premise-conclusion structure already; "
                "give this one its own argument title",
                at,
            )
        return argument

    def _pcs(self, previous: Argument | None) -> None:
        start = self.tokens[self.i]
        argument = self._pcs_argument(previous, start.start)
        argument.pcs_line = self.position(start.start)[0]
        argument.pcs_section = self.section
        since_inference: list[str] = []
        pending: Inference | None = None
        seen_inference = False
        while True:
            kind = self.peek()
            if kind == "statement_number":
                self.take()
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
                    raise self.unexpected("a numbered conclusion after the inference line")
                pending = self._inference(argument, since_inference)
                seen_inference = True
            else:
                break
        if pending is not None:
            raise self.unexpected("a numbered conclusion after the inference line")
        if not seen_inference:
            raise self.unexpected(
                "an inference line (---- or -- rule --) before the conclusion of the numbered "
                "statements"
            )
        # Only the last conclusion is the main one; earlier ones are intermediate.
        for pcs_statement in argument.pcs[:-1]:
            if pcs_statement.role == "conclusion":
                pcs_statement.role = "intermediate"
        if argument.pcs[-1].role != "conclusion":
            raise self.error_at(
                f"the premise-conclusion structure of <{argument.title}> must end with its "
                "conclusion, after an inference line",
                self.tokens[self.i - 1].start,
            )

    def _inference(self, argument: Argument, premises: list[str]) -> Inference:
        start = self.take("inference_start")
        line = self.position(start.start)[0]
        rules: list[str] = []
        if self.peek() in FREESTYLE or (self.peek() == "newline" and self.peek(1) in FREESTYLE):
            self.accept("newline")
            while True:
                content = Content()
                read_freestyle(self, content)
                rules.append(content.text.strip())
                if not self.accept("list_delimiter"):
                    break
        self.accept("newline")
        data = None
        if self.peek() == "data":
            data = read_block(self.take(), fail=self.error_at)
            self.accept("newline")
        self.take("inference_end")
        if self.peek() is not None:
            self.take("newline")
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
        if self.peek() == "indent":
            self.take()
            if self.peek() != "outgoing_undercut":
                raise self.unexpected("an undercut (<_ or _) under the inference line")
            while self.peek() == "outgoing_undercut":
                self._relation(Ref("inference", argument.title, len(argument.pcs)))
            if self.peek() == "dedent":
                self.take()
        return inference

    def _relations(self, parent: Ref) -> None:
        self.take("indent")
        types = self.types
        if types[self.i] not in RELATION_SIGNS:
            raise self.unexpected("a relation (+, -, _, ><, <+, +>, <-, ->, <_, _>)")
        while types[self.i] in RELATION_SIGNS:
            self._relation(parent)
        if types[self.i] == "dedent":
            self.i += 1
        elif types[self.i] is not None:
            raise self.unexpected("a relation or a line indented less")

    def _relation(self, parent: Ref) -> None:
        """The relation whose sign is the next token (the caller has seen it)."""
        token = self.tokens[self.i]
        self.i += 1
        line = bisect_right(self.line_starts, token.start)
        kind, direction = RELATION_SIGNS[token.type]
        # Argdown aims an undercut under a statement at the last inference read.
        if (
            parent.type == "statement"
            and kind == "undercut"
            and direction == "to"
            and self.inference is not None
        ):
            parent = Ref("inference", self.inference.argument, self.inference.index)
        if self.types[self.i] in ("argument_definition", "argument_reference"):
            if kind == "contradictory":
                raise self.unexpected("a statement (only statements contradict each other)")
            child = Ref("argument", self._argument(top_level=False).title)
        else:
            child = self._statement_ref(self._statement(role="relation").title)
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

    # -- blocks of common lines (argmap.io.argdown.lines), read from their lines' matches.
    # Each method below does what the grammar's method of the same name does with the tokens
    # of such lines, in the same order (titles of untitled statements are numbered in the
    # order the grammar numbers them; a statement with relations is entered before them).

    def _blocks(self, previous: Argument | None) -> Argument | None:
        """Blocks of common lines, each after the one before: the lexer makes no token for
        the empty line between two blocks (see Lexer._skip_block)."""
        types = self.types
        previous = self._block(previous)
        while types[self.i] == "block":
            previous = self._block(previous)
        return previous

    def _block(self, previous: Argument | None) -> Argument | None:
        token = self.tokens[self.i]
        self.i += 1
        block = self.blocks[token.base]
        self._line0 = bisect_right(self.line_starts, token.start)  # lines k: _line0 + k
        lines = block.lines
        if block.kind == HEADING:
            self._fast_heading(lines[0])
        elif block.kind == NUMBERED:
            self._fast_pcs(lines, previous, token.start)
        elif block.kind == ARGUMENT:
            return self._fast_argument(lines, 0)[1]
        else:
            self._fast_statement(lines, 0)
        return None

    def _fast_data(self, line: Line) -> dict[str, JSON] | None:
        image = line[3][DATA]
        if image is None:
            return None
        start = line[4] + line[5] - len(image)  # a data block ends its line
        return read_block(Token("data", image, start, start + len(image)), fail=self.error_at)

    def _fast_heading(self, line: Line) -> None:
        g = line[3]
        content = text_of(g[TEXT])  # type: ignore[arg-type]  # a heading has a text
        data = self._fast_data(line)
        level = len(g[HEADING_MARK])  # type: ignore[arg-type]
        self._open_section(content.text, level, data, content.tags)

    def _fast_statement(self, lines: list[Line], k: int) -> tuple[int, str]:
        """Mirrors :meth:`_statement`: the next line, and the statement's title."""
        line = lines[k]
        number = self._line0 + k
        depth, g = line[1], line[3]
        title = g[STATEMENT_TITLE]
        raw = g[TEXT] if title is None else g[STATEMENT_TEXT]
        data = self._fast_data(line) if g[DATA] is not None else None
        auto = title is None
        statements = self.statements
        k += 1
        if k < len(lines) and lines[k][1] > depth:
            if title is None:
                title = self._new_title()
            if title not in statements:
                statements[title] = Statement(title, auto_title=auto)
            k = self._fast_relations(lines, k, self._statement_ref(title), depth + 1)
        if title is None:
            title = self._new_title()
        statement = statements.get(title)
        if statement is None:
            statement = statements[title] = Statement(title, auto_title=auto)
        statement.members.append(self._fast_member(line, number, raw, data, is_reference=False))
        return k, title

    def _fast_member(
        self,
        line: Line,
        number: int,
        raw: str | None,
        data: dict[str, JSON] | None,
        *,
        is_reference: bool,
    ) -> Member:
        g = line[3]
        # Where the statement or argument starts (1-based): after the indentation, the
        # relation sign or the number, and a space.
        indent, sign, numbered, tagged = g[INDENT] or "", g[SIGN], g[NUMBER], g[TAGS]
        column = len(indent) + 1
        if sign is not None:
            column += len(sign) + 1
        elif numbered is not None:
            column += len(numbered) + 3
        if raw is None:  # a reference: its tags, no text
            tags = tuple(dict.fromkeys(tagged.split(" #")[1:])) if tagged else ()
            return Member("", tags, data, True, "", number, column, self.section, ())
        if "#" not in raw and "@" not in raw:
            return Member(raw, (), data, is_reference, raw, number, column, self.section, ())
        text = text_of(raw)
        unique = tuple(dict.fromkeys(text.tags)) if text.tags else ()
        return Member(
            text.text,
            unique,
            data,
            is_reference,
            text.plain,
            number,
            column,
            self.section,
            text.mentions,  # type: ignore[arg-type]
        )

    def _fast_relations(self, lines: list[Line], k: int, parent: Ref, depth: int) -> int:
        """Mirrors :meth:`_relations`: the relations at ``depth`` from line ``k`` on."""
        n = len(lines)
        while k < n and lines[k][1] == depth:
            k = self._fast_relation(lines, k, parent)
        return k

    def _fast_relation(self, lines: list[Line], k: int, parent: Ref) -> int:
        """Mirrors :meth:`_relation`: the relation of line ``k``, and the next line."""
        line = lines[k]
        number = self._line0 + k
        kind, direction = RELATION_SIGNS[line[2]]  # type: ignore[index]  # a relation's token
        if (
            parent.type == "statement"
            and kind == "undercut"
            and direction == "to"
            and self.inference is not None
        ):
            parent = Ref("inference", self.inference.argument, self.inference.index)
        g = line[3]
        title = g[STATEMENT_TITLE]
        if line[0] == ARGUMENT:
            k, argument = self._fast_argument(lines, k)
            child = Ref("argument", argument.title)
        elif (
            title is not None
            and g[STATEMENT_TEXT] is None
            and g[DATA] is None
            and g[TAGS] == ""
            and (k + 1 == len(lines) or lines[k + 1][1] <= line[1])
        ):
            # The commonest relation line, "  <+ [Title]" with nothing under it: what
            # _fast_statement does with it, inline.
            k += 1
            statement = self.statements.get(title)
            if statement is None:
                statement = self.statements[title] = Statement(title, auto_title=False)
            column = len(g[INDENT]) + len(g[SIGN]) + 2  # type: ignore[arg-type]
            statement.members.append(
                Member("", (), None, True, "", number, column, self.section, ())
            )
            child = self._statement_refs.get(title) or self._statement_ref(title)
        else:
            k, title = self._fast_statement(lines, k)
            child = self._statement_ref(title)
        source, target = (parent, child) if direction == "from" else (child, parent)
        self._add_relation(Relation(kind, source, target, number))  # type: ignore[arg-type]
        return k

    def _fast_argument(self, lines: list[Line], k: int) -> tuple[int, Argument]:
        """Mirrors :meth:`_argument`: the next line, and the argument."""
        line = lines[k]
        number = self._line0 + k
        depth, g = line[1], line[3]
        title: str = g[ARGUMENT_TITLE]  # type: ignore[assignment]  # an argument's line
        raw = g[ARGUMENT_TEXT]
        data = self._fast_data(line) if g[DATA] is not None else None
        arguments = self.arguments
        k += 1
        if k < len(lines) and lines[k][1] > depth:
            if title not in arguments:
                arguments[title] = Argument(title, auto_title=False)
            k = self._fast_relations(lines, k, Ref("argument", title), depth + 1)
        argument = arguments.get(title)
        if argument is None:
            argument = arguments[title] = Argument(title, auto_title=False)
        argument.members.append(
            self._fast_member(line, number, raw, data, is_reference=raw is None)
        )
        return k, argument

    def _fast_pcs(self, lines: list[Line], previous: Argument | None, start: int) -> None:
        """Mirrors :meth:`_pcs` and :meth:`_inference` on a structure of common lines."""
        argument = self._pcs_argument(previous, start)
        argument.pcs_line = self._line0
        argument.pcs_section = self.section
        since_inference: list[str] = []
        pending: Inference | None = None
        k, n = 0, len(lines)
        while k < n:
            line = lines[k]
            if line[0] == NUMBERED:
                k, title = self._fast_statement(lines, k)
                if pending is not None:
                    pending.conclusion = title
                    argument.inferences.append(pending)
                    argument.pcs.append(PcsStatement(title, "conclusion"))
                    since_inference = [title]
                    pending = None
                else:
                    argument.pcs.append(PcsStatement(title, "premise"))
                    since_inference.append(title)
                continue
            rules = line[3][RULES]
            pending = Inference(
                argument=argument.title,
                index=len(argument.pcs),
                rules=rules.split(", ") if rules else [],
                data={},
                premises=list(since_inference),
                conclusion="",
                line=self._line0 + k,
            )
            self.inference = pending
            k += 1
        for pcs_statement in argument.pcs[:-1]:
            if pcs_statement.role == "conclusion":
                pcs_statement.role = "intermediate"

    # -- data blocks

    def _optional_data(self, *, newline_before: bool = False) -> dict[str, JSON] | None:
        if newline_before and self.peek() == "newline" and self.peek(1) == "data":
            self.take()
        if self.peek() != "data":
            return None
        data = read_block(self.take(), fail=self.error_at)
        self.accept("newline")
        return data


def parse(text: str, *, path: str | None = None, fast: bool = True) -> Document:
    """Read an Argdown text into its statements, arguments, relations and sections.

    Args:
        text: The Argdown text.
        path: The file it came from, for error messages.
        fast: Read the blocks of common lines from one match per line
            (:mod:`argmap.io.argdown.lines`); False reads every line token by token, as the
            tests do to hold the two to the same document.

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
    if "\r" in text:
        # Windows line ends: front matter, data blocks and inference lines read to a "\n" (as
        # JavaScript's "." stops at "\r"), so a CRLF file lost its front matter and data blocks
        # into statements' text. The reference reads CRLF as LF (argdown issues #33, #45); a
        # lone CR (old Mac files) ends a line too, as Python's universal newlines read it.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    with paused_gc():  # tokens and titles by the hundred thousand, none of them garbage
        return _Parser(text, path, fast=fast).parse()
