"""What the fuzzers feed and what they assert, shared by the CI tests and the long run.

Every loader on main is fed: the native JSON and YAML, and each module of ``argmap/io`` that has
a ``loads`` (found by looking, so a new format is fuzzed the day it lands). Inputs are valid maps
in the loader's own syntax (or native JSON where it has no writer), mutated at random; random
JSON-shaped documents built from the format's own words; and raw text.

The property: a loader raises nothing but :class:`~argmap.ArgmapError`, and a map it accepts can
be checked, drawn as DOT, and written and read back unchanged in both native syntaxes.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import strategies as st
from strategies import HOSTILE, maps

import argmap
import argmap.io
from argmap import ArgmapError, ArgumentMap
from argmap.exceptions import FormatLossWarning
from argmap.io import native
from argmap.render import to_dot

__all__ = ["LOADERS", "RAW_JSON", "RAW_YAML", "Crash", "Loader", "exercise", "inputs", "mutate"]


@dataclass(frozen=True)
class Loader:
    """One way of reading text into a map, and how to write a map in that syntax for seeds."""

    name: str
    loads: Callable[[str], ArgumentMap]
    dumps: Callable[[ArgumentMap], str] | None

    def __repr__(self) -> str:
        return self.name


def _native(fmt: str) -> Loader:
    return Loader(
        name=f"native-{fmt}",
        loads=lambda text: native.loads(text, format=fmt),  # type: ignore[arg-type]
        dumps=lambda m: native.dumps(m, format=fmt),  # type: ignore[arg-type]
    )


def _format_modules() -> list[Loader]:
    found = []
    for info in sorted(pkgutil.iter_modules(argmap.io.__path__), key=lambda i: i.name):
        if info.name in ("native", "formats") or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"argmap.io.{info.name}")
        loads = getattr(module, "loads", None)
        if callable(loads):
            dumps = getattr(module, "dumps", None)
            found.append(
                Loader(f"io.{info.name}", loads, _quiet(dumps) if callable(dumps) else None)
            )
    return found


def _quiet(dumps: Callable[[ArgumentMap], str]) -> Callable[[ArgumentMap], str]:
    """A writer whose warnings (what a format cannot hold) do not stop input generation."""

    def write(m: ArgumentMap) -> str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return dumps(m)

    return write


LOADERS: list[Loader] = [_native("json"), _native("yaml"), *_format_modules()]
"""Every loader on main: the native syntaxes first, then each format module with ``loads``."""

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


def inputs(loader: Loader) -> st.SearchStrategy[str]:
    """Text for ``loader``: valid maps mutated, generated documents, and raw text."""
    write = loader.dumps or (lambda m: native.dumps(m, format="json"))
    valid = maps(max_statements=5).map(lambda m: _without_loss_warnings(write, m))
    if loader.name == "native-yaml":
        import yaml

        as_text = documents.map(
            lambda d: _splice(yaml.safe_dump(d, allow_unicode=True), RAW_YAML, quoted=False)
        )
    else:
        as_text = documents.map(
            lambda d: _splice(json.dumps(d, ensure_ascii=False), RAW_JSON, quoted=True)
        )
    raw = RAW_YAML if loader.name == "native-yaml" else RAW_JSON
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


def exercise(loader: Loader, text: str) -> Crash | None:
    """Feed ``text`` to ``loader`` and what it accepts to the rest; return the first crash."""
    stage = "load"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # warnings (a likely scheme typo) are behaviour
            try:
                m = loader.loads(text)
            except ArgmapError:
                return None
            stage = "check"
            argmap.check(m)
            stage = "to_dot"
            to_dot(m)
            for fmt in ("json", "yaml"):
                stage = f"round trip ({fmt})"
                written = native.dumps(m, format=fmt)  # type: ignore[arg-type]
                again = native.loads(written, format=fmt)  # type: ignore[arg-type]
                if again != m or native.dumps(again, format=fmt) != written:  # type: ignore[arg-type]
                    return Crash(loader.name, stage, "map changed", "", text)
    except Exception as exc:  # any other exception is what we look for
        return Crash(loader.name, stage, f"{type(exc).__name__}: {exc}"[:300], _where(exc), text)
    return None


def run_property(loader: Loader, text: str) -> None:
    """The CI form of :func:`exercise`: fail with the crash and the input that caused it."""
    crash = exercise(loader, text)
    assert crash is None, f"{crash}\ninput: {text[:2000]!r}"
