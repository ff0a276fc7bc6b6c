"""Argdown's token patterns: the regular expressions of ``@argdown/core``, in Python.

Argdown's lexer is written with JavaScript regular expressions; these say the same in Python's
(JavaScript's ``.`` stops at ``\\r``, ``\\u2028`` and ``\\u2029`` too, so here it is a class that
stops there). :mod:`argmap.io.argdown.lexer` runs them in Argdown's order, as the alternatives
of one pattern per context and starting character.
"""

from __future__ import annotations

import re

__all__ = [
    "ARGUMENT_DEFINITION",
    "ARGUMENT_MENTION",
    "ARGUMENT_REFERENCE",
    "COMMENT",
    "COMMENT_AFTER_EMPTY",
    "COMMENT_AFTER_NEWLINE",
    "DATA",
    "EMPTYLINE",
    "ESCAPED",
    "FREESTYLE",
    "FRONT_MATTER",
    "HEADING",
    "INFERENCE_END",
    "INFERENCE_START",
    "LINK",
    "LIST_DELIMITER",
    "NEWLINE",
    "ORDERED_ITEM",
    "RANGES",
    "RELATIONS",
    "SHORTCODES",
    "SPACES",
    "SPECIAL",
    "STATEMENT_DEFINITION",
    "STATEMENT_MENTION",
    "STATEMENT_NUMBER",
    "STATEMENT_REFERENCE",
    "TAG",
    "TAG_CHARS",
    "TRIGGERS",
    "UNORDERED_ITEM",
    "UNUSED",
    "shortcode_at",
]

# JavaScript's "." stops at these; Python's only at "\n".
_DOT = r"[^\n\r\u2028\u2029]"
_ANY = r"[^\r\u2028\u2029]"  # JavaScript's (.|\n)

# The characters of a tag without parentheses, as a character class's body (Argdown's "A-z"
# takes in "[", "\\", "]", "^", "_" and "`" too).
TAG_CHARS = "a-zA-z0-9\\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
TAG = re.compile(rf"#(?:\(([^)]+)\)|([{TAG_CHARS}]+))[ \t]?")
_COMMENT_BODY = rf"(?:<!--{_ANY}*?-->|/\*{_ANY}*?\*/|//{_DOT}*?(?=\r\n|\n|\r))"
COMMENT = re.compile(_COMMENT_BODY)
COMMENT_AFTER_EMPTY = re.compile(rf"{_COMMENT_BODY}(?:[ \t]*\r\n|\n|\r)*")
COMMENT_AFTER_NEWLINE = re.compile(
    rf"{_COMMENT_BODY}(?:[ \t]*(?:\r\n|\n|\r)(?!([ \t]*(\r\n|\n|\r))))?"
)
FRONT_MATTER = re.compile(rf"===+{_ANY}*?===+")
DATA = re.compile(rf"\{{(?:(?!\}}\s[^,}}]){_ANY})*\}}(?!\s*(?:,|\}}))")
ESCAPED = re.compile(rf"\\({_DOT}) *")
SPECIAL = re.compile(r"(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)")
EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
NEWLINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
INFERENCE_START = re.compile(r"[ \t]*-{2}")
INFERENCE_END = re.compile(r"-{2,}")
LIST_DELIMITER = re.compile(r",")
RELATIONS: list[tuple[str, re.Pattern[str]]] = [
    ("incoming_support", re.compile(r"([ \t]*)(\+>)")),
    ("incoming_attack", re.compile(r"([ \t]*)(->)")),
    ("outgoing_support", re.compile(r"([ \t]*)(<?\+)")),
    ("outgoing_attack", re.compile(r"([ \t]*)(<?-)")),
    ("contradiction", re.compile(r"([ \t]*)(><)")),
    ("incoming_undercut", re.compile(r"([ \t]*)(_>)")),
    ("outgoing_undercut", re.compile(r"([ \t]*)(<_|(?:_(?=\s)))")),
]
HEADING = re.compile(r"(#+) ")
# Argdown's "\d" is JavaScript's: the ASCII digits only. Python's "\d" takes in every Unicode
# digit, so that an Arabic-Indic "(1)" would be a numbered statement here and text to Argdown.
STATEMENT_NUMBER = re.compile(r"[ \t]*\(([0-9]+)\)")
ORDERED_ITEM = re.compile(r"([ \t]*)[0-9]+\.(?=\s)")
UNORDERED_ITEM = re.compile(r"([ \t]*)\*(?=\s)")
_END_LOOKAHEAD = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|$))"
RANGES: list[tuple[str, str, re.Pattern[str]]] = [
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
LINK = re.compile(r"\[([^\]]+?)\]\(([^)]+?)\)[ \t]?")
STATEMENT_DEFINITION = re.compile(rf"\[({_DOT}+?)\]:")
STATEMENT_REFERENCE = re.compile(rf"\[([^-]{_DOT}*?)\]")
STATEMENT_MENTION = re.compile(rf"@\[({_DOT}+?)\][ \t]?")
ARGUMENT_DEFINITION = re.compile(rf"<({_DOT}+?)>:")
ARGUMENT_REFERENCE = re.compile(rf"<([^-]{_DOT}*?)>")
ARGUMENT_MENTION = re.compile(rf"@<({_DOT}+?)>[ \t]?")
SPACES = re.compile(r"[ \t]+")
# Every character at which a token other than freestyle text may start, in some context; the
# complement of FREESTYLE's class is among them.
TRIGGERS = frozenset("\\@#*_[],.:;</>-\r\n(){}" + " \t=+0123456789\u2028\u2029")
FREESTYLE = re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+")
UNUSED = re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?")

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


def shortcode_at(text: str, pos: int) -> bool:
    """Whether a shortcode (one of :data:`SHORTCODES`) starts at ``pos``.

    Examples:
        >>> shortcode_at("for .A. x", 4), shortcode_at("a.b.", 1)
        (True, False)
    """
    m = SPECIAL.match(text, pos)
    return m is not None and m[0].strip() in SHORTCODES
