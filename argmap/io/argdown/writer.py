"""Write an argument map as Argdown text that reads back to an equal map.

Statements become ``[Title]: text #tags {data}``; a plain support or attack, a ``<+``, ``<-`` or
``<_`` line under what it bears on; a support that carries more, a premise-conclusion structure;
an attack that carries more, an argument listing its ``premises``. argmap's fields go into data
blocks (:mod:`argmap.io.argdown.convention`), the map's title and sources into the front matter,
and nodes under the headings of their ``section``.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from argmap.files import write_atomic
from argmap.io.argdown.convention import RESERVED, relation_id, slug
from argmap.io.argdown.quoting import escape, flow, heading_ok, inline, rule_text, title_ok
from argmap.io.argdown.syntax import JSON
from argmap.map import ArgumentMap
from argmap.model import Attack, Quote, Statement, Support
from argmap.quotes import find_quote

__all__ = ["dump", "dumps"]


class _Writer:
    """Writes one map: titles first (unique, and such as read back), then the text."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.titles: dict[str, str] = {}
        self.used: dict[str, set[str]] = {"statement": set(), "argument": set()}
        self.simple: set[str] = set()
        self.targeted = {a.target for a in m.nodes("attack")}
        # An argument with a structure that another supports ('<B>' then '  + <A>') is written
        # whole, with the support's line under it.
        self.targeted |= {t for s in m.nodes("support") if isinstance(t := _argdown_target(s), str)}

    def _as_argument(self, node: Any) -> bool:
        return not isinstance(node, Support | Attack) and node.data.get("argdown") == "argument"

    def _namespace(self, node: Any) -> Literal["statement", "argument"]:
        if isinstance(node, Support | Attack) or self._as_argument(node):
            return "argument"
        return "statement"

    def _assign_title(self, node: Any) -> None:
        space = self._namespace(node)
        for candidate in (node.title, node.id):
            if (
                candidate is not None
                and candidate not in self.used[space]
                and title_ok(candidate, space)
            ):
                break
        else:
            n = 2
            while f"{node.id}-{n}" in self.used[space]:
                n += 1
            candidate = f"{node.id}-{n}"
        self.used[space].add(candidate)
        self.titles[node.id] = candidate

    def _identity(self, node: Any, block: dict[str, JSON]) -> None:
        title = self.titles[node.id]
        if (
            slug(
                title, fallback="statement" if self._namespace(node) == "statement" else "argument"
            )
            != node.id
        ):
            block["id"] = node.id
        natural = None if title == node.id else title
        if node.title != natural:
            block["title"] = node.title

    def _is_simple(self, node: Support | Attack) -> bool:
        if len(node.premises) != 1 or node.id in self.targeted:
            return False
        under = _argdown_target(node)
        if node.title is not None or node.note is not None or node.acknowledge:
            return False
        if node.data and under is None:
            return False
        if node.weight is not None or node.scheme is not None:
            return False
        if isinstance(node, Support):
            if node.answered:
                return False
            if under is not None:  # a line under the argument, read as supporting its conclusion
                argument = self.m[under] if under in self.m else None  # noqa: SIM401  # no get
                if not (
                    isinstance(argument, Support)
                    and argument.premises
                    and argument.conclusion == node.conclusion
                ):
                    return False
            return node.id == relation_id(node.premises[0], "supports", node.conclusion)
        if node.question is not None:
            return False
        verb = "attacks" if isinstance(self.m[node.target], Statement) else "undercuts"
        return node.id == relation_id(node.premises[0], verb, node.target)

    def write(self) -> str:
        """The whole text: front matter, then the nodes section by section."""
        nodes = self.m.nodes()
        for node in nodes:
            if isinstance(node, Support | Attack) and self._is_simple(node):
                self.simple.add(node.id)
        for node in nodes:
            if node.id not in self.simple:
                self._assign_title(node)
        chunks = self._front_matter()
        relations: dict[str, list[str]] = {}
        for node in nodes:
            if node.id in self.simple:
                assert isinstance(node, Support | Attack)  # noqa: S101
                under = _argdown_target(node)
                relations.setdefault(under or node.target, []).append(self._relation_line(node))
        groups: dict[tuple[str, ...], list[str]] = {}
        for node in nodes:
            if node.id in self.simple:
                continue
            section, block_section = self._section(node)
            text = self._element(node, relations.get(node.id, []), block_section)
            groups.setdefault(section, []).append(text)
        chunks += _under_headings(groups)
        if not groups:
            # The reference CLI refuses a text with nothing but front matter (or nothing): an
            # empty map is one heading, which reads back as no node at all.
            title = self.m.title if self.m.title is not None and heading_ok(self.m.title) else None
            chunks.append(f"# {title or 'An empty argument map'}")
        return "\n\n".join(chunks) + "\n"

    def _front_matter(self) -> list[str]:
        """The map's title, default source and sources, between ``===`` lines (if any)."""
        m = self.m
        front: list[str] = []
        if m.title is not None:
            front.append(f"title: {flow(m.title)}")
        if m.default_source is not None:
            front.append(f"default_source: {flow(m.default_source)}")
        if m.sources:
            front.append("sources:")
            front += [
                f"  - {flow(s.model_dump(mode='json', exclude_defaults=True))}"
                for s in m.sources.values()
            ]
        if m.data:
            front.append(f"data: {flow(dict(m.data))}")
        return ["===\n" + "\n".join(front) + "\n==="] if front else []

    def _section(self, node: Any) -> tuple[tuple[str, ...], bool]:
        """The headings the node is written under, and whether its section stays in the block."""
        section = node.data.get("section")
        if (
            isinstance(section, list)
            and section
            and all(isinstance(t, str) and t.strip() == t and t and heading_ok(t) for t in section)
        ):
            return tuple(section), False
        return (), "section" in node.data

    def _ref(self, node_id: str) -> str:
        node = self.m[node_id]
        title = self.titles[node_id]
        return f"<{title}>" if self._namespace(node) == "argument" else f"[{title}]"

    def _relation_line(self, node: Support | Attack) -> str:
        premise = self._ref(node.premises[0])
        if isinstance(node, Support):
            return f"  <+ {premise}"
        if isinstance(self.m[node.target], Statement):
            return f"  <- {premise}"
        return f"  <_ {premise}"

    def _free(self, node: Any, block: dict[str, JSON], keep_section: bool) -> None:
        data = dict(node.data)
        if self._as_argument(node):
            data.pop("argdown")
        if not keep_section:
            data.pop("section", None)
        if any(key in RESERVED for key in data):  # a key of argmap's own: keep them apart
            block["data"] = data
        else:
            block.update(data)

    def _element(self, node: Any, relation_lines: list[str], keep_section: bool) -> str:
        if (
            isinstance(node, Support)
            and node.premises
            # A structure's premises and conclusion are statements: one shown as an argument
            # ('<A>', read from an argument without premises) makes it a block's premises.
            and not any(self._as_argument(self.m[p]) for p in (*node.premises, node.conclusion))
        ):
            return self._structure(node, relation_lines, keep_section)
        if isinstance(node, Support | Attack):
            # Argdown puts an argument known only by references in the section of the first
            # reference, which may come before this one: say the section in the block.
            return self._inference(node, relation_lines, keep_section or "section" in node.data)
        return self._statement(node, relation_lines, keep_section)

    def _statement(self, node: Statement, relation_lines: list[str], keep_section: bool) -> str:
        block: dict[str, JSON] = {}
        self._identity(node, block)
        content = inline(node.text, node.tags)
        if content is None:
            # Text Argdown cannot carry inline (line breaks, edge spaces): the id stands in.
            block["text"] = node.text
            content = escape(node.id)
            if node.tags:
                block["tags"] = list(node.tags)
        if node.kind != "claim":
            block["kind"] = node.kind
        if self.m.central == node.id:
            block["central"] = True
        if node.quotes:
            block.update(self._quotes(node))
        fields = node.model_dump(
            mode="json",
            exclude_defaults=True,
            exclude={"id", "title", "text", "kind", "tags", "quotes", "data"},
        )
        block.update(fields)
        self._free(node, block, keep_section)
        left, right = ("<", ">") if self._as_argument(node) else ("[", "]")
        line = f"{left}{self.titles[node.id]}{right}: {content}"
        if block:
            line += f" {flow(block)}"
        return "\n".join([line, *relation_lines])

    def _quotes(self, node: Statement) -> dict[str, JSON]:
        sources = {q.source for q in node.quotes}
        plain = len(sources) == 1 and all(self._first_occurrence(q) for q in node.quotes)
        if plain:
            source = next(iter(sources))
            texts = [q.text for q in node.quotes]
            if source == self.m.default_source:
                return {"quotes": texts}
            return {"source": source, "quotes": texts}
        return {"quotes": [q.model_dump(mode="json", exclude_defaults=True) for q in node.quotes]}

    def _first_occurrence(self, quote: Quote) -> bool:
        source = self.m.sources.get(quote.source)
        if quote.start is None or source is None or source.text is None:
            return quote.start is None
        span = find_quote(source.text, quote.text)
        return span is not None and span[0] == quote.start

    def _inference_block(self, node: Support | Attack, keep_section: bool) -> dict[str, JSON]:
        block: dict[str, JSON] = {}
        self._identity(node, block)
        fields = node.model_dump(
            mode="json",
            exclude_defaults=True,
            exclude={
                "id",
                "title",
                "kind",
                "premises",
                "conclusion",
                "target",
                "data",
                "note",
                "scheme",
            },
        )
        block.update(fields)
        self._free(node, block, keep_section)
        return block

    def _description(self, node: Support | Attack, block: dict[str, JSON]) -> str:
        head = f"<{self.titles[node.id]}>"
        if node.note is not None:
            content = inline(node.note)
            if content is None:
                block["note"] = node.note
            else:
                head += f": {content}"
        if block:
            head += f" {flow(block)}"
        return head

    def _structure(self, node: Support, relation_lines: list[str], keep_section: bool) -> str:
        block = self._inference_block(node, keep_section)
        rule_block: dict[str, JSON] = {}
        rule = "----"
        if node.scheme is not None:
            written = rule_text(node.scheme)
            if written is None:
                rule_block["scheme"] = node.scheme
                rule = f"-- {flow(rule_block)} --"
            else:
                rule = f"-- {written} --"
        head = self._description(node, block)
        lines = [f"({i + 1}) {self._ref(p)}" for i, p in enumerate(node.premises)]
        lines.append(rule)
        lines.append(f"({len(node.premises) + 1}) {self._ref(node.conclusion)}")
        return "\n".join([head, *relation_lines]) + "\n\n" + "\n".join(lines)

    def _inference(
        self, node: Support | Attack, relation_lines: list[str], keep_section: bool
    ) -> str:
        block = self._inference_block(node, keep_section)
        block = {"premises": list(node.premises), **block}
        if node.scheme is not None:
            block["scheme"] = node.scheme
        head = self._description(node, block)
        if isinstance(node, Support):
            arrow = f"  +> {self._ref(node.conclusion)}"
        elif isinstance(self.m[node.target], Statement):
            arrow = f"  -> {self._ref(node.target)}"
        else:
            arrow = f"  _> {self._ref(node.target)}"
        return "\n".join([head, arrow, *relation_lines])


def _under_headings(groups: dict[tuple[str, ...], list[str]]) -> list[str]:
    """The texts of each section after the headings that open it (the unsectioned first),
    opening only the headings that differ from the section before."""
    chunks: list[str] = []
    opened: tuple[str, ...] = ()
    for section in sorted(groups, key=lambda s: len(s) > 0):
        if section:
            common = 0
            while common < min(len(opened), len(section)) and opened[common] == section[common]:
                common += 1
            if common == len(section):
                common -= 1  # the same heading again: write it anew
            for level in range(common, len(section)):
                chunks.append(f"{'#' * (level + 1)} {heading_ok(section[level])}")
            opened = section
        chunks.extend(groups[section])
    return chunks


def dumps(m: ArgumentMap) -> str:
    """Write the map as Argdown text that :func:`loads` reads back to an equal map.

    Statements are written ``[Title]: text #tags {data}``; supports as premise-conclusion
    structures (or as ``<+`` lines under their conclusion when they are plain); attacks as ``<-``
    and ``<_`` lines or, when they carry more, as arguments listing their ``premises``. argmap's
    fields go into data blocks, the map's title and sources into the front matter.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(title="Tiny")
        >>> _ = m.claim("c", "Pressure works.")
        >>> _ = m.premise("p", "Talks happened.")
        >>> _ = m.support(["p"], "c", id="s1", scheme="example")
        >>> print(dumps(m))
        ===
        title: "Tiny"
        ===
        <BLANKLINE>
        [c]: Pressure works.
        <BLANKLINE>
        [p]: Talks happened. {"kind": "premise"}
        <BLANKLINE>
        <s1>
        <BLANKLINE>
        (1) [p]
        -- example --
        (2) [c]
        <BLANKLINE>
    """
    return _Writer(m).write()


def dump(m: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the map to an Argdown file, atomically (a failed write leaves any old file as it was).

    Raises:
        FileWriteError: The file cannot be written.
    """
    write_atomic(path, dumps(m).encode("utf-8"))


def _argdown_target(node: Support | Attack) -> str | None:
    """The argument a support read from a relation to an argument with a premise-conclusion
    structure names (its only data), or None: such a support is written as that relation."""
    if isinstance(node, Support) and node.data.keys() == {"argdown_target"}:
        target = node.data["argdown_target"]
        return target if isinstance(target, str) else None
    return None
