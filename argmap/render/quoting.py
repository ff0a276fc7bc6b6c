"""All the escaping argmap's drawings need, in one place: DOT, HTML-like labels and HTML pages.

Every text in a diagram or a page comes from a map, and a map may come from anyone. So every
text goes through one of these functions on its way out, and none of them trusts its input:

- :func:`dot_id` quotes a node name, so that keywords (``graph``, ``node``), ``:`` (a port) and
  quotes cannot act;
- :func:`dot_string` quotes an attribute value (a tooltip), with backslashes literal;
- :func:`label_text` escapes text for a Graphviz HTML-like label;
- :func:`attr_list` writes a DOT attribute list from a mapping, quoting each value
  (an :class:`HtmlLabel` is written as an HTML-like label, ``<...>``);
- :func:`html_text` escapes text for an HTML page (element content or a quoted attribute);
- :func:`script_json` writes data as JSON that may stand inside a
  ``<script type="application/json">`` element.

Layout engines expand ``\\G``, ``\\N``, ``\\L`` and the like to the graph's or node's name or
label, even in HTML-like labels and even when written ``&#92;``; so a WORD JOINER (U+2060,
invisible) goes between such a backslash and its letter, and a Windows path or a LaTeX
``\\Lambda`` is drawn as written.

Examples:
    >>> dot_id('say "hi"')
    '"say \\\\"hi\\\\""'
    >>> label_text("<b>bold</b> & co")
    '&lt;b&gt;bold&lt;/b&gt; &amp; co'
    >>> attr_list({"label": HtmlLabel("<B>x</B>"), "tooltip": dot_string("a", "b"), "x": None})
    ' [label=<<B>x</B>> tooltip="a\\\\nb"]'
    >>> script_json({"text": "</script><script>alert(1)</script>"})
    '{"text": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping

__all__ = [
    "HtmlLabel",
    "QuotedString",
    "attr_list",
    "clean",
    "dot_id",
    "dot_string",
    "html_text",
    "label_text",
    "script_json",
]

# Neither XML nor DOT can carry these; lone surrogates cannot even be encoded.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# A backslash before one of these letters is an escape the engines expand even in HTML-like labels
# (\G graph name, \N node name, \E edge, \T and \H tail and head, \L label), and graphviz-pure
# reads two backslashes as one; in a quoted string, dot also reads \n \l \r as line breaks.
_LABEL_ESCAPE = re.compile(r"\\(?=[GNETHL\\])")
_STRING_ESCAPE = re.compile(r"\\(?=[GNETHLnlr\\])")
_WORD_JOINER = "\u2060"
# Values DOT reads the same without quotes: plain identifiers (but not keywords) and numerals.
_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# An attribute name argmap writes: a plain DOT identifier, never text from a map.
_ATTRIBUTE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# JSON inside <script>: "<" could start "</script>" or "<!--", and U+2028/U+2029 end a line in
# older JavaScript; "&" and ">" are escaped so that no HTML reading finds markup at all.
_SCRIPT_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


class HtmlLabel(str):
    """The body of a Graphviz HTML-like label, built by argmap with :func:`label_text`.

    :func:`attr_list` writes it between ``<`` and ``>``; any other string is quoted.
    """

    __slots__ = ()


class QuotedString(str):
    """A DOT value already quoted by :func:`dot_string`; :func:`attr_list` writes it as it is."""

    __slots__ = ()


def clean(text: str) -> str:
    """Drop the characters no output can carry (controls, lone surrogates); tabs become spaces.

    Examples:
        >>> clean("a\\tb\\x00c")
        'a bc'
    """
    return _UNSAFE.sub("", text).replace("\t", " ")


def _inert(text: str, escape: re.Pattern[str] = _LABEL_ESCAPE) -> str:
    """Keep the engine from reading ``\\G``, ``\\N``, ``\\L``... as escapes: a word joiner
    after the backslash breaks the pair and draws nothing."""
    return escape.sub("\\\\" + _WORD_JOINER, text)


def dot_id(name: str) -> str:
    """Return ``name`` as a quoted DOT identifier (a node name).

    Quoting keeps DOT keywords and ``:`` (a port) from acting; backslashes and quotes are escaped.

    Examples:
        >>> dot_id("graph"), dot_id("p.x:1")
        ('"graph"', '"p.x:1"')
    """
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_string(*lines: str) -> QuotedString:
    """Return ``lines`` as one quoted DOT string whose backslashes are literal, joined by ``\\n``.

    ``&`` is escaped too: the engines pass an entity such as ``&#92;`` through to the SVG, where
    it would be read as the character it names.

    Examples:
        >>> print(dot_string('C:\\\\new "x"', "second"))
        "C:\\\\⁠new \\"x\\"\\nsecond"
    """
    parts = [part for line in lines for part in (clean(line).splitlines() or [""])]
    escaped = (
        _inert(p, _STRING_ESCAPE).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
        for p in parts
    )
    return QuotedString('"' + "\\n".join(escaped) + '"')


def label_text(text: str) -> str:
    """Escape ``text`` for a Graphviz HTML-like label.

    Examples:
        >>> label_text('say "<hi>" \\\\N')
        'say &quot;&lt;hi&gt;&quot; \\\\\\u2060N'
    """
    return _inert(
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def attr_list(attributes: Mapping[str, str | None]) -> str:
    """Return a DOT attribute list, `` [name=value ...]``, or ``""`` when there is none.

    ``None`` values are left out. An :class:`HtmlLabel` is written as ``<...>``, a
    :class:`QuotedString` as it is, a plain identifier or numeral bare, and any other value is
    quoted with :func:`dot_id`.

    Raises:
        ValueError: An attribute name is not a plain identifier (a bug in argmap, not user input).

    Examples:
        >>> attr_list({"shape": "box", "label": HtmlLabel("a<BR/>b"), "color": "#000000"})
        ' [shape=box label=<a<BR/>b> color="#000000"]'
        >>> attr_list({"label": None})
        ''
    """
    parts: list[str] = []
    for name, value in attributes.items():
        if value is None:
            continue
        if not _ATTRIBUTE.fullmatch(name):
            raise ValueError(f"not a DOT attribute name: {name!r}")
        if isinstance(value, HtmlLabel):
            parts.append(f"{name}=<{value}>")
        elif isinstance(value, QuotedString) or (
            _BARE.fullmatch(value) and value.lower() not in _KEYWORDS
        ):
            parts.append(f"{name}={value}")
        else:
            parts.append(f"{name}={dot_id(value)}")
    return f" [{' '.join(parts)}]" if parts else ""


def html_text(text: str) -> str:
    """Escape ``text`` for an HTML page: element content or a double- or single-quoted attribute.

    Examples:
        >>> html_text("<img src=x onerror='alert(1)'>")
        '&lt;img src=x onerror=&#x27;alert(1)&#x27;&gt;'
    """
    return html.escape(clean(text), quote=True)


def script_json(data: object) -> str:
    """Return ``data`` as JSON safe to put inside ``<script type="application/json">``.

    No ``<``, ``>`` or ``&`` is left in the result, so neither ``</script>`` nor ``<!--`` can end
    or change the script element; the page reads it back with ``JSON.parse``.

    Raises:
        TypeError: ``data`` holds something JSON cannot carry (a bug in argmap, not user input).

    Examples:
        >>> script_json(["a & b", "<!--"])
        '["a \\\\u0026 b", "\\\\u003c!--"]'
    """
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_UNSAFE)
    return _SURROGATE.sub("\ufffd", text)
