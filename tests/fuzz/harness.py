"""What the fuzzers feed and what they assert, shared by the CI tests and the long run.

Every loader in the format table (:mod:`argmap.io.formats`) is fed: the native JSON and YAML,
Argdown, AIF, xAIF, SADFace, microtexts, Carneades, GraphML, GEXF, and any format added there
later (so a new format is fuzzed the day it lands). Inputs are valid maps in the format's own
syntax (or native JSON where it has no writer), mutated at random with raw snippets of that
syntax; random documents built from the native format's words; and raw text.

The property: a loader raises nothing but :class:`~argmap.ArgmapError`, and a map it accepts can
be checked, drawn as DOT, and written and read back unchanged in both native syntaxes.
"""

from __future__ import annotations

import json
import random
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from hypothesis import strategies as st
from losses import unnamed_losses
from strategies import HOSTILE, maps

import argmap
from argmap import ArgmapError, ArgumentMap
from argmap.exceptions import FormatLossWarning
from argmap.io import native
from argmap.io.formats import Format, all_formats
from argmap.render import to_dot

__all__ = [
    "LOADERS",
    "RAW",
    "Crash",
    "Loader",
    "Outcome",
    "exercise",
    "inputs",
    "mutate",
]

Syntax = Literal["json", "yaml", "xml", "argdown"]


@dataclass(frozen=True)
class Loader:
    """One way of reading text into a map, how to write a map in it for seeds, and its syntax
    (which hostile snippets to splice in)."""

    name: str
    loads: Callable[[str], ArgumentMap]
    dumps: Callable[[ArgumentMap], str] | None
    syntax: Syntax
    writes: Callable[[ArgumentMap], str] | None = None
    """The format's writer as it is, warnings and all (``dumps`` is quiet, for seeds)."""

    def __repr__(self) -> str:
        return self.name


def _syntax(fmt: Format) -> Syntax:
    if fmt.name == "argdown":
        return "argdown"
    if ".yaml" in fmt.suffixes:
        return "yaml"
    if ".json" in fmt.suffixes:
        return "json"
    return "xml"  # microtexts, GraphML, GEXF


def _loader(fmt: Format) -> Loader:
    return Loader(
        name=fmt.name,
        loads=fmt.load_text,
        dumps=_quiet(fmt.dump_text) if fmt.can_dump else None,
        syntax=_syntax(fmt),
        writes=fmt.dump_text if fmt.can_dump else None,
    )


def _quiet(dumps: Callable[[ArgumentMap], str]) -> Callable[[ArgumentMap], str]:
    """A writer whose warnings (what a format cannot hold) do not stop input generation."""

    def write(m: ArgumentMap) -> str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return dumps(m)

    return write


LOADERS: list[Loader] = [_loader(fmt) for fmt in all_formats() if fmt.can_load]
"""Every loader in the format table, in the table's order (native JSON and YAML first)."""

# The words of the native format, so that generated documents get past the first checks.
_KEYS = [
    "argmap", "title", "central", "sources", "nodes", "kind", "id", "text", "note", "tags",
    "quotes", "source", "start", "end", "when", "who", "cites", "attribution", "premises",
    "conclusion", "target", "scheme", "answered", "question", "url", "publisher", "date",
    "data", "acknowledge", "assumption", "weight",
]  # fmt: skip
_WORDS = [
    "claim", "premise", "case", "rebuttal", "support", "attack", "c", "p", "s", "a", "k",
    "example", "expert", "example.typical", "AM101", "", " ", "\ufeff", "\u0301", "e\u0301",
    "\u00e9",
]  # fmt: skip

# Raw syntax that the serialisers would never write, spliced into generated text where a
# placeholder value stands: deep nesting, YAML tags whose values cannot be built, non-text keys,
# numbers JSON cannot carry, aliases that contain themselves or expand enormously.
_DEEP = [90, 101, 300, 1_200, 20_000]
RAW_JSON = [
    *("[" * n + "]" * n for n in _DEEP),
    *('{"a":' * n + "1" + "}" * n for n in _DEEP),
    "NaN", "-Infinity", "1e999", "1" * 5000, '"\\ud800"', "-0", "1E400",
]  # fmt: skip
RAW_YAML = [  # the YAML parser is pure Python: past 1,200 levels a snippet only costs time
    *("[" * n + "]" * n for n in _DEEP[:-1]),
    *("{a: " * n + "1" + "}" * n for n in _DEEP[:-1]),
    "!!int 0xZZ", "!!float abc", "!!bool maybe", "!!timestamp 2020-13-01", "2020-02-31",
    "!!timestamp 2020-02-31", "!!timestamp abc", "!!binary aGk=", "!!binary 0", "!!set {a}",
    "!!omap [a]", "!!map x", "!!str [a]", ".nan", "-.inf", "1" * 5000, "&x [*x]",
    "{[a]: 1}", "{{a: 1}: 2}", "{1: 2}", "{null: 2}", "!!python/object:os.system x",
    "!!null x", "2006-03-01", "0o17", "1_000", "0x1F", "!!merge x", "<<",
]  # fmt: skip
RAW_XML = [
    *("<a>" * n + "</a>" * n for n in _DEEP[:-1]),
    '<!DOCTYPE x [<!ENTITY e "eeeeeeeeee"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;">]>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;", "&f;", "&#0;",
    "&#x110000;", "&#xD800;", "&amp", "<![CDATA[ ]]>", "<?xml version='1.0'?>", "</", "<",
    ">", "&", "xmlns:x='urn:x'", '<x:a xmlns:x="">', "\x00", "1e999", "NaN", "-1", "0x1F",
    'id="n0"', 'source="n0"', 'target="n0"', 'for="node"', 'attr.type="double"',
]  # fmt: skip
RAW_ARGDOWN = [  # the shapes that once made the Argdown reader slow or crash, and its syntax
    *(piece * n for piece in ("{", "{a: ", "[", "<", "<!--", "/*", "*a ", "_a ", "#(", "@[",
                              "[a](", "=", ".a", "} x", "**", "__", "(", "\\")
      for n in (3, 60, 2_000)),
    "{a: 1}", "{[a]: 1}", "{a: !!int x}", "[a](b)", ".A.", ":smile:", "\n\n===\ntitle: x\n===\n",
    "\n  <+ ", "\n  <- ", "\n  - ", "\n  + ", "\n  _> ", "\n  >< ", "\n(1) ", "\n----\n",
    "\n-- a, b --\n", "#tag ", "#(a b)", "// c\n", "/* c */", "<!-- c -->", "@[a]", "@<a>",
    "\n# H\n", "\n\n", "\r\n", "\u2028", "1. ", "* ",
]  # fmt: skip
RAW: dict[Syntax, list[str]] = {
    "json": RAW_JSON,
    "yaml": RAW_YAML,
    "xml": RAW_XML,
    "argdown": RAW_ARGDOWN,
}
"""Hostile snippets per syntax, for generated documents and for the mutator."""
_PLACEHOLDER = "zzraw{}zz"

_scalars = st.one_of(
    st.none(),
    st.integers(0, 200).map(_PLACEHOLDER.format),
    st.booleans(),
    st.integers(-3, 1 << 70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(_WORDS + HOSTILE),
    st.text(max_size=12),
)
documents = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=6), inner, max_size=6)
    ),
    max_leaves=40,
).map(lambda d: {"argmap": 1, **d} if isinstance(d, dict) else d)
"""JSON-shaped data in the native format's words (most of it invalid in some way)."""

_SNIPPETS = [
    "{", "}", "[", "]", ",", ":", '"', "'", "\n", "- ", "  ", "&a ", "*a", "!!int ", "!!str ",
    "!!binary ", "!!timestamp ", "!!set ", "<<: ", "? ", "|\n", ">\n", "---\n", "...\n", "#",
    "\\u0000", "\\ud800", "\t", "\r", "\ufeff", "\x00", "\x85", "\u2028", "1e999", "NaN",
    "true", "null", "~", "2020-02-31", "0x", "[" * 300, "{" * 300, "- " * 300, "é", "e\u0301",
]  # fmt: skip


_OPS = ("delete", "insert", "snippet", "raw", "repeat", "swap", "cut")


def mutate(text: str, rng: random.Random, *, raw: list[str] | None = None) -> str:
    """``text`` with one to six random edits: deletions, insertions of random characters, of
    syntax and of hostile snippets, repeats, swaps and truncation."""
    for _ in range(rng.randint(1, 6)):
        n = len(text)
        at = rng.randint(0, n)
        op = rng.choice(_OPS)
        if op == "delete":
            text = text[:at] + text[at + rng.randint(1, 20) :]
        elif op == "insert":
            noise = "".join(chr(rng.choice((rng.randint(0, 0x7F), rng.randint(0, 0x10FFFF))))
                            for _ in range(rng.randint(1, 8)))  # fmt: skip
            text = text[:at] + noise + text[at:]
        elif op == "snippet":
            text = text[:at] + rng.choice(_SNIPPETS + HOSTILE) + text[at:]
        elif op == "raw" and raw:
            text = text[:at] + rng.choice(raw) + text[at:]
        elif op == "repeat":
            end = min(n, at + rng.randint(1, 40))
            text = text[:end] + text[at:end] * rng.randint(1, 5) + text[end:]
        elif op == "swap" and n > 1:
            low, high = sorted((min(at, n - 1), rng.randint(0, n - 1)))
            text = text[:low] + text[high] + text[low + 1 : high] + text[low] + text[high + 1 :]
        elif op == "cut":
            text = text[:at]
    return text


def _splice(text: str, raw: list[str], *, quoted: bool) -> str:
    """Replace each placeholder in ``text`` by a raw snippet (the placeholder's number picks it)."""
    for i in range(200, -1, -1):  # high numbers first: "zzraw1zz" is no prefix of "zzraw12zz"
        token = _PLACEHOLDER.format(i)
        if token in text:
            text = text.replace(f'"{token}"' if quoted else token, raw[i % len(raw)])
    return text


def _without_loss_warnings(write: Callable[[ArgumentMap], str], m: ArgumentMap) -> str:
    """Write a seed in a lossy format (GEXF keeps no title) without its FormatLossWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatLossWarning)
        return write(m)


_XML_TAGS = [
    "graphml", "graph", "node", "edge", "data", "key", "gexf", "nodes", "edges", "attvalues",
    "attvalue", "attributes", "attribute", "arggraph", "edu", "adu", "joint", "meta",
]  # fmt: skip


def _xml_name(key: str) -> str:
    return key if key.isidentifier() and key.isascii() else "x"


def _as_xml(value: object, tag: str = "graphml") -> str:
    """JSON-shaped data as XML elements in the XML formats' words (scalars as ids and text)."""
    tag = _xml_name(tag)
    if isinstance(value, dict):
        inner = "".join(_as_xml(v, k) for k, v in value.items())
        return f"<{tag}>{inner}</{tag}>"
    if isinstance(value, list):
        return "".join(_as_xml(v, _XML_TAGS[i % len(_XML_TAGS)]) for i, v in enumerate(value))
    text = str(value)
    return f"<{tag} id={quoteattr(text)}>{escape(text)}</{tag}>"


_ARGDOWN_PIECES = [
    "[A]: ", "[B]", "<A>: ", "<B>", "\n", "\n\n", "  <+ ", "  <- ", "  + ", "  - ", "  _ ",
    "(1) ", "(2) ", "----", "-- r --", "# ", "#t ", "{a: 1}", "*", "**", "_", "text ", ", ",
    ". ", ": ", "@[A]", "@<A>", "[l](u)", ".A.", "//", "/*", "*/", "<!--", "-->", "===",
]  # fmt: skip


def inputs(loader: Loader) -> st.SearchStrategy[str]:
    """Text for ``loader``: valid maps mutated, generated documents, and raw text."""
    write = loader.dumps or (lambda m: native.dumps(m, format="json"))
    valid = maps(max_statements=5).map(lambda m: _without_loss_warnings(write, m))
    raw = RAW[loader.syntax]
    as_text: st.SearchStrategy[str]
    if loader.syntax == "yaml":
        import yaml

        as_text = documents.map(
            lambda d: _splice(yaml.safe_dump(d, allow_unicode=True), raw, quoted=False)
        )
    elif loader.syntax == "xml":
        as_text = documents.map(lambda d: _splice(_as_xml(d), raw, quoted=False))
    elif loader.syntax == "argdown":
        pieces = st.sampled_from(_ARGDOWN_PIECES + raw) | st.text(max_size=10)
        as_text = st.lists(pieces, max_size=30).map("".join)
    else:
        as_text = documents.map(
            lambda d: _splice(json.dumps(d, ensure_ascii=False), raw, quoted=True)
        )
    edits = st.randoms(use_true_random=False)
    return st.one_of(
        valid,
        st.builds(lambda t, rng: mutate(t, rng, raw=raw), valid, edits),
        as_text,
        st.builds(lambda t, rng: mutate(t, rng, raw=raw), as_text, edits),
        st.text(max_size=200),
    )


@dataclass
class Crash:
    """An exception other than ArgmapError, or a broken round trip, with where it happened."""

    loader: str
    stage: str
    error: str
    where: str
    text: str = field(repr=False)

    @property
    def signature(self) -> tuple[str, str, str, str]:
        return (self.loader, self.stage, self.error.split(":", 1)[0], self.where)


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "argmap" in f.filename] or frames
    last = ours[-1]
    return f"{last.filename.rsplit('/', 2)[-1]}:{last.lineno} {last.name}"


@dataclass(frozen=True)
class Outcome:
    """What one input did: whether the loader accepted it as a map, and the crash, if any."""

    loaded: bool
    crash: Crash | None = None


def exercise(loader: Loader, text: str) -> Outcome:
    """Feed ``text`` to ``loader`` and what it accepts to the rest (checked, drawn, written and
    read back as native JSON and YAML, and in the loader's own format: equal, or every change
    named by a FormatLossWarning); report the first crash."""
    stage = "load"
    loaded = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # warnings (a likely scheme typo) are behaviour
            try:
                m = loader.loads(text)
            except ArgmapError:
                return Outcome(loaded=False)
            loaded = True
            stage = "check"
            argmap.check(m)
            stage = "to_dot"
            to_dot(m)
            for fmt in ("json", "yaml"):
                stage = f"round trip ({fmt})"
                written = native.dumps(m, format=fmt)  # type: ignore[arg-type]
                again = native.loads(written, format=fmt)  # type: ignore[arg-type]
                if again != m or native.dumps(again, format=fmt) != written:  # type: ignore[arg-type]
                    return Outcome(loaded, Crash(loader.name, stage, "map changed", "", text))
            if loader.writes is not None:
                stage = f"round trip ({loader.name})"
                changed = _own_round_trip(loader, m)
                if changed:
                    return Outcome(loaded, Crash(loader.name, stage, changed, "", text))
    except Exception as exc:  # any other exception is what we look for
        error = f"{type(exc).__name__}: {exc}"[:300]
        return Outcome(loaded, Crash(loader.name, stage, error, _where(exc), text))
    return Outcome(loaded)


def _own_round_trip(loader: Loader, m: ArgumentMap) -> str:
    """Write ``m`` in the loader's own format and read it back: what changed without a
    FormatLossWarning naming it, or "" (a writer may also refuse a map it cannot hold)."""
    assert loader.writes is not None  # the caller asks only loaders that write
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            written = loader.writes(m)
        except ArgmapError as exc:
            return "" if "cannot hold" in str(exc) else f"the writer refused the map: {exc}"
    said = [str(w.message) for w in caught if issubclass(w.category, FormatLossWarning)]
    try:
        back = loader.loads(written)
    except ArgmapError as exc:
        return f"the writer wrote what its reader refuses: {exc}"[:300]
    if back == m:
        return ""
    unnamed = unnamed_losses(argmap.to_dict(m), argmap.to_dict(back), said)
    return f"changed without a word: {unnamed}" if unnamed else ""


def run_property(loader: Loader, text: str) -> None:
    """The CI form of :func:`exercise`: fail with the crash and the input that caused it."""
    crash = exercise(loader, text).crash
    assert crash is None, f"{crash}\ninput: {text[:2000]!r}"
