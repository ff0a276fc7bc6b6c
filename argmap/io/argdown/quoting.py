r"""Text as Argdown carries it: escaped text, titles, headings, rules and YAML flow values.

Each function answers with what reads back as given, or None where Argdown cannot carry the text
inline (a line break in a statement, a title with ``]``): the writer then puts it in the data
block. Whether text reads back is checked by parsing it, not guessed: a text or title whose line
is common (:mod:`argmap.io.argdown.lines`) is read as the parser's fast path reads it, which
the tests hold to the parse; others are parsed. Answers for titles, headings and rules are
remembered (a map repeats its section titles on every node).

Examples:
    >>> escape("Use [brackets] and .A. here"), inline("Two\nlines")
    ('Use \\[brackets\\] and \\.A. here', None)
    >>> flow({"kind": "case", "who": ["A", "B"], "weight": 0.5})
    '{"kind": "case", "who": ["A", "B"], "weight": 0.5}'
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from typing import Literal

from argmap.io.argdown.lines import HEADING_MARK, LINE, TEXT, TITLE, common_text
from argmap.io.argdown.parser import parse
from argmap.io.argdown.patterns import shortcode_at
from argmap.io.argdown.syntax import JSON, ArgdownSyntaxError

__all__ = ["escape", "flow", "heading_ok", "inline", "rule_text", "title_ok"]

_YAML_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[{}=\u2028\u2029\ufeff]"
)


def _yaml_escape(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def flow(value: JSON) -> str:
    """A JSON value as YAML flow text that Argdown's data blocks and front matter carry whole."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{flow(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return _YAML_UNSAFE.sub(_yaml_escape, text)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("JSON has no infinite numbers")
        text = repr(value)
        if "e" in text and "." not in text.split("e")[0]:
            head, tail = text.split("e")
            text = f"{head}.0e{tail}"
        return text
    return str(int(value))


# What escape() puts a backslash before: markup characters, a "/" that starts a comment, a
# "=" that starts "===", and a "." or ":" that starts a shortcode (decided by shortcode_at).
_MARKUP = re.compile(r"[\\\[\]<>{}@#*_]|/(?=[/*])|=(?===)|[.:]")


def escape(text: str) -> str:
    """``text`` with a backslash before each character Argdown would read as markup."""

    def escaped(m: re.Match[str]) -> str:
        char = m.group()
        if char in ".:" and not shortcode_at(text, m.start()):
            return char
        return "\\" + char

    return _MARKUP.sub(escaped, text)


def _tag_text(tag: str) -> str | None:
    if re.fullmatch(r"[a-zA-Z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+", tag):
        return f"#{tag}"
    if ")" not in tag and tag.strip() == tag and tag:
        return f"#({tag})"
    return None


def inline(text: str, tags: Sequence[str] = ()) -> str | None:
    """Text (and tags) as Argdown statement content that reads back the same, or None."""
    parts = [escape(text)]
    for tag in tags:
        written = _tag_text(tag)
        if written is None:
            return None
        parts.append(written)
    content = " ".join(parts)
    common = common_text(content)
    if common is not None:  # what the parse reads, without parsing
        if common.plain == text and list(dict.fromkeys(common.tags)) == list(tags):
            return content
        return None
    try:
        doc = parse(f"[x]: {content}")
    except ArgdownSyntaxError:
        return None
    statement = doc.statements.get("x")
    if (
        list(doc.statements) != ["x"]
        or doc.arguments
        or doc.relations
        or statement is None
        or statement.members[0].plain != text
        or statement.tags != list(tags)
        or statement.members[0].data is not None
    ):
        return None
    return content


@functools.lru_cache(maxsize=4096)
def title_ok(title: str, kind: Literal["statement", "argument"]) -> bool:
    """Whether ``title`` can be written as a statement's ``[title]`` or an argument's
    ``<title>`` and read back as itself."""
    if TITLE.fullmatch(title):
        return True  # ``[title]: x`` and ``  <+ [title]`` are common lines: it reads back
    left, right = ("[", "]") if kind == "statement" else ("<", ">")
    if (
        not title
        or title.startswith("-")
        or right in title
        or re.search(r"[\n\r\u2028\u2029]", title)
    ):
        return False
    try:
        doc = parse(f"{left}{title}{right}: x\n  <+ {left}{title}{right}")
    except ArgdownSyntaxError:
        return False
    names = doc.statements if kind == "statement" else doc.arguments
    return list(names) == [title]


@functools.lru_cache(maxsize=4096)
def heading_ok(title: str) -> str | None:
    """``title`` written as a heading's text that reads back as itself, or None."""
    written = escape(title)
    m = LINE.fullmatch(f"# {written}")
    if m is not None and m.group(TEXT + 1) == written == title and m.group(HEADING_MARK + 1):
        return written  # a common heading line: its title is its text as written
    try:
        doc = parse(f"# {written}\n\n[x]: y")
    except ArgdownSyntaxError:
        return None
    if [s.title for s in doc.sections] == [title]:
        return written
    return None


@functools.lru_cache(maxsize=4096)
def rule_text(scheme: str) -> str | None:
    """A scheme written as an inference line's rule (``-- scheme --``) that reads back as
    itself, or None."""
    written = escape(scheme).replace(",", "\\,")
    try:
        doc = parse(f"(1) a\n-- {written} --\n(2) b")
    except ArgdownSyntaxError:
        return None
    (argument,) = doc.arguments.values()
    if argument.inferences[0].rules == [scheme] and not argument.inferences[0].data:
        return written
    return None
