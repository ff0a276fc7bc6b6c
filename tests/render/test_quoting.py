"""One quoting module for DOT, HTML-like labels and HTML pages, tried on hostile text."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.render.quoting import (
    HtmlLabel,
    QuotedString,
    attr_list,
    clean,
    dot_id,
    dot_string,
    html_text,
    label_text,
    script_json,
)

HOSTILE = [
    '"] ; node [shape=box',
    "\\",
    '\\"',
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "<img src=x onerror='alert(1)'>",
    "javascript:alert(1)",
    "&#92;N &amp; &lt;",
    "C:\\new\\Lambda \\G \\N \\L \\E \\T \\H \\n \\l \\r",
    "a\u2028b\u2029c",
    "tab\there\x00\x7f\x1b",
]
# One DOT double-quoted string: a quote only ever after an escaping backslash.
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _dot_unquote(quoted: str) -> str:
    assert QUOTED.fullmatch(quoted), quoted
    return re.sub(r"\\(.)", r"\1", quoted[1:-1], flags=re.DOTALL)


@pytest.mark.parametrize("text", HOSTILE)
def test_dot_id_is_one_quoted_string_that_reads_back_as_the_name(text: str) -> None:
    assert _dot_unquote(dot_id(text)) == text


@given(st.text())
def test_dot_id_never_lets_a_quote_out(text: str) -> None:
    assert _dot_unquote(dot_id(text)) == text


@given(st.lists(st.text(), min_size=1, max_size=3))
def test_dot_string_is_one_quoted_string_whatever_the_lines(lines: list[str]) -> None:
    quoted = dot_string(*lines)
    assert isinstance(quoted, QuotedString)
    assert QUOTED.fullmatch(quoted)
    assert "&" not in quoted.replace("&amp;", "")


def test_dot_string_keeps_engine_escapes_as_text_and_joins_lines() -> None:
    quoted = dot_string("C:\\new \\G", "two\nlines")
    # Each backslash is doubled (literal), and a word joiner keeps \n and \G from acting.
    assert quoted == '"C:\\\\\u2060new \\\\\u2060G\\ntwo\\nlines"'


@pytest.mark.parametrize("text", HOSTILE)
def test_label_text_leaves_no_markup_and_no_engine_escape(text: str) -> None:
    escaped = label_text(text)
    assert not re.search(r"[<>\"]", escaped)
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;)", escaped)
    assert not re.search(r"\\[GNETHL\\]", escaped)
    assert html.unescape(escaped).replace("\u2060", "") == clean(text)


def test_clean_drops_what_no_output_can_carry() -> None:
    assert clean("a\x00b\x1bc\x7fd\ud800e\tf\ng") == "abcde f\ng"


def test_attr_list_quotes_all_but_bare_identifiers_and_numerals() -> None:
    written = attr_list(
        {
            "shape": "box",
            "width": "0.16",
            "penwidth": "-2",
            "style": "rounded,filled",
            "class": "node",  # a DOT keyword must be quoted
            "color": "#000000",
            "label": HtmlLabel("<B>x</B>"),
            "tooltip": dot_string("t"),
            "xlabel": None,
        }
    )
    assert written == (
        ' [shape=box width=0.16 penwidth=-2 style="rounded,filled" class="node" '
        'color="#000000" label=<<B>x</B>> tooltip="t"]'
    )
    assert attr_list({}) == ""


@pytest.mark.parametrize("name", ["a b", "label=x", "", "1x", 'x"'])
def test_attr_list_refuses_a_name_that_is_not_an_identifier(name: str) -> None:
    with pytest.raises(ValueError, match="not a DOT attribute name"):
        attr_list({name: "v"})


@pytest.mark.parametrize("text", HOSTILE)
def test_attr_list_quotes_hostile_values(text: str) -> None:
    written = attr_list({"tooltip": text})
    assert written.startswith(" [tooltip=")
    assert written.endswith("]")
    assert _dot_unquote(written[len(" [tooltip=") : -1]) == text


@given(st.text())
def test_html_text_round_trips_and_leaves_no_markup(text: str) -> None:
    escaped = html_text(text)
    assert not re.search(r"[<>\"']", escaped)
    assert html.unescape(escaped) == clean(text)


_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]))  # lone surrogates: below


@given(st.recursive(_TEXT | st.integers() | st.none(), lambda c: st.lists(c, max_size=3)))
def test_script_json_reads_back_and_holds_no_markup(data: object) -> None:
    written = script_json(data)
    assert not re.search(r"[<>&\u2028\u2029]", written)
    assert json.loads(written) == data


def test_script_json_cannot_close_its_script_element() -> None:
    written = script_json({"t": "</script><script>alert(1)</script><!--", "a": "x & y"})
    assert "</script" not in written.lower()
    assert "<!--" not in written
    assert json.loads(written) == {"t": "</script><script>alert(1)</script><!--", "a": "x & y"}


def test_script_json_replaces_lone_surrogates_so_the_page_encodes() -> None:
    written = script_json(["a\ud800b"])
    assert json.loads(written) == ["a\ufffdb"]
    written.encode("utf-8")
