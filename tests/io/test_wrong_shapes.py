"""Trusted embedded structure of the wrong shape: every place a reader reads argmap's own
metadata or a format's optional structure, set to every wrong JSON type, is read or refused with
a located ``FileFormatError``, from the API and the command line; never a raw ``TypeError``,
``AttributeError``, ``KeyError`` or ``ValueError``.

The table says, for each format, which places of a written file its reader trusts (AIF's and
xAIF's ``_argmap``, SADFace's ``metadata``, Carneades' ``meta``, every key of a native file, the
front matter and data blocks of Argdown, GraphML's and GEXF's attributes, microtexts' XML
attributes, ICCMA's numbers). Each place of a rich map's file is set to each wrong value; the
reader must refuse it naming the file (and the line or place, where the format has them), or
accept it, and then a map it accepted must write and read back in its format and as native JSON.
Hand-made files found the class: a Carneades ``meta`` that was text, an AIF ``_argmap.data`` that
was a list, an xAIF ``_argmap.added`` holding lists, an Argdown ``kind`` that was a list (a raw
``TypeError: unhashable``), ICCMA numbers of thousands of digits (a raw ``ValueError``).
"""

from __future__ import annotations

import copy
import json
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from argmap import ArgmapError, ArgumentMap, FileFormatError, Source
from argmap.cli import main
from argmap.examples import north_korea
from argmap.io.formats import BUILTIN_FORMATS, Format
from argmap.semantics.iccma import parse_framework

FORMATS = {f.name: f for f in BUILTIN_FORMATS}
PATH = "hand-made.file"

WRONG: dict[str, Any] = {
    "text": "x",
    "number": 5,
    "fraction": 1.5,
    "negative": -1,
    "huge": 10**50,
    "true": True,
    "false": False,
    "null": None,
    "list": [1],
    "empty list": [],
    "list of lists": [[1]],
    "list of objects": [{}],
    "object": {"a": 1},
    "empty object": {},
}
"""Every JSON type, and the shapes a reader expecting another trips on."""


def _rich() -> ArgumentMap:
    """A map with a value in every field, so that its files hold all of argmap's metadata."""
    m = ArgumentMap(title="Every field", data={"x": 1, "aif": {"nodes": []}, "sadface": {}})
    m.add_source(Source(id="src", title="A source", text="It rained twice.", data={"k": 1}))
    m.claim("c", "We should act.", note="A note.", tags=("t",), data={"d": [1, 2]}, title="C")
    m.premise("p", "It works.", weight=0.5, assumption=True, data={"carneades": {"z": 3}})
    m.case("k", "It rained twice.", quotes=["It rained twice."], source="src", when="2020")
    m.rebuttal("r", "It does not work.", data={"aif": {"x": 1}, "sadface": {"y": 2}})
    m.support(["p", "k"], "c", id="s", scheme="example", note="Inferred.", title="S")
    m.attack("r", "c", id="a", weight=0.3, data={"w": True})
    m.attack("p", "a", id="u")
    m.central = "c"
    return m


# -- mutating a file ------------------------------------------------------------------------


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON value: each key of each object, each item of each list."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield (*prefix, i)
            yield from _paths(value, (*prefix, i))


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    inner = doc
    for key in path[:-1]:
        inner = inner[key]
    inner[path[-1]] = value
    return doc


def _place(path: tuple[Any, ...]) -> str:
    return ".".join(map(str, path))


Mutant = tuple[str, Callable[[], str]]  # (where and what, the file's text when asked)


def _document(
    load: Callable[[str], Any], dump: Callable[[Any], str], trusted: Callable[[str], bool]
) -> Callable[[str], Iterator[Mutant]]:
    """Mutants of a JSON or YAML document: each trusted place set to each wrong value."""

    def mutants(text: str) -> Iterator[Mutant]:
        doc = load(text)
        for path in _paths(doc):
            if trusted(_place(path)):
                for name, value in WRONG.items():
                    yield f"{_place(path)} = {name}", partial(_mutated, dump, doc, path, value)

    return mutants


def _mutated(dump: Callable[[Any], str], doc: Any, path: tuple[Any, ...], value: Any) -> str:
    return dump(_set(doc, path, value))


def _argdown(text: str) -> Iterator[Mutant]:
    """Each key of the front matter and of each data block set to each wrong value."""
    lines = text.split("\n")
    end = lines.index("===", 1)
    front = yaml.safe_load("\n".join(lines[1:end]))
    for key in front:
        for name, value in WRONG.items():
            body = [f"{k}: {json.dumps(value if k == key else v)}" for k, v in front.items()]
            yield f"front matter {key} = {name}", partial("\n".join, ["===", *body, *lines[end:]])
    for i, line in enumerate(lines):
        block = re.search(r"\{.*\}$", line)
        if not block or not line.startswith(("[", "<")):
            continue
        fields = json.loads(block.group())
        for key in fields:
            for name, value in WRONG.items():
                new = line[: block.start()] + json.dumps({**fields, key: value})
                yield (
                    f"line {i + 1} {key} = {name}",
                    partial("\n".join, [*lines[:i], new, *lines[i + 1 :]]),
                )


_XML_TEXTS = ["", "x", "5", "1.5", "-1", "True", "maybe", "nan", "1e999"]


def _xml_values(text: str) -> Iterator[Mutant]:
    """Each GraphML ``<data>`` or GEXF ``<attvalue value=...>`` set to each wrong text; a JSON
    attribute (``data``) also to each wrong JSON value, whole and at each of its places."""
    for found in re.finditer(r'<data [^>]*>([^<]*)</data>|<attvalue [^>]*value="([^"]*)"', text):
        group = 1 if found.group(1) is not None else 2
        start, end = found.span(group)
        try:
            value = json.loads(found.group(group).replace("&quot;", '"'))
        except ValueError:
            value = None
        wrong = list(_XML_TEXTS)
        if isinstance(value, dict):
            wrong += [json.dumps(w) for w in WRONG.values()]
            wrong += [json.dumps(_set(value, p, w)) for p in _paths(value) for w in WRONG.values()]
        for w in wrong:
            escaped = w.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            yield (
                f"{found.group(0)[:40]} = {w[:30]}",
                partial(str, text[:start] + escaped + text[end:]),
            )


def _xml_attributes(text: str) -> Iterator[Mutant]:
    """Each XML attribute set to each wrong text, or taken away."""
    for found in re.finditer(r'(\w+)="([^"]*)"', text):
        for w in [*_XML_TEXTS, "c1", "a1", "e1"]:
            yield (
                f"{found.group(0)} = {w!r}",
                partial(str, text[: found.start(2)] + w + text[found.end(2) :]),
            )
        yield (
            f"{found.group(0)} taken away",
            partial(str, text[: found.start()] + text[found.end() :]),
        )


def _json_dump(doc: Any) -> str:
    return json.dumps(doc)


# libyaml's emitter where PyYAML has it: the pure-Python one took a fifth of the Carneades rows.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _yaml_dump(doc: Any) -> str:
    return yaml.dump(doc, Dumper=_YAML_DUMPER, allow_unicode=True)


@dataclass(frozen=True)
class Row:
    """A format, the places its reader trusts, and whether its errors can name a line or place."""

    mutants: Callable[[str], Iterator[Mutant]]
    stride: int = 1
    located: bool = True
    maps: tuple[Callable[[], ArgumentMap], ...] = (_rich, north_korea)


TABLE: dict[str, Row] = {
    "aif": Row(_document(json.loads, _json_dump, lambda p: "_argmap" in p)),
    "xaif": Row(_document(json.loads, _json_dump, lambda p: "_argmap" in p or "OVA" in p), 11),
    "sadface": Row(_document(json.loads, _json_dump, lambda p: "metadata" in p)),
    "json": Row(_document(json.loads, _json_dump, lambda p: True), stride=3, maps=(_rich,)),
    # YAML's line finder makes each read dear: the top level and the first nodes.
    "yaml": Row(
        _document(
            yaml.safe_load, _yaml_dump, lambda p: re.match(r"nodes\.[0-4]\b|\w+$", p) is not None
        ),
        stride=5,
        maps=(_rich,),
    ),
    "carneades": Row(_document(yaml.safe_load, _yaml_dump, lambda p: "meta" in p), stride=9),
    "argdown": Row(_argdown),
    "graphml": Row(_xml_values, stride=3, located=False, maps=(_rich,)),
    "gexf": Row(_xml_values, stride=3, located=False, maps=(_rich,)),
    "microtexts": Row(_xml_attributes, located=False, maps=(_rich,)),
}
"""Each format's trusted places. The default run reads the rich map's file (a value in every
field, so every kind of place) and tries every ``stride``-th input (a stride prime to the 14
wrong values, so each place still meets several types); the slow run tries every input of every
map, the article's too (its files are larger: thousands of inputs, seconds each format)."""


def test_the_table_covers_every_format_that_reads() -> None:
    assert set(TABLE) == {f.name for f in BUILTIN_FORMATS if f.can_load}


# -- what a reader must do with each ------------------------------------------------------


def _fault(fmt: Format, text: str, *, located: bool) -> str | None:
    """What is wrong with how ``fmt`` reads ``text`` (and writes what it read), or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            m = fmt.load_text(text, path=PATH)
        except FileFormatError as exc:
            if exc.path != PATH:
                return f"the error names no file: {exc}"
            if located and exc.line is None and exc.where is None:
                return f"the error names no line or place: {exc}"
            return None
        except ArgmapError as exc:
            return f"{type(exc).__name__} names no file: {exc}"
        except Exception as exc:  # the very thing this test looks for
            return f"raw {type(exc).__name__} reading: {exc}"[:300]
        for other in (fmt, FORMATS["json"]):
            if not other.can_dump:
                continue
            try:
                other.load_text(other.dump_text(m))
            except ArgmapError as exc:
                if "cannot hold" not in str(exc):
                    return f"accepted, then {other.name} wrote what it refuses: {exc}"
            except Exception as exc:
                return f"accepted, then raw {type(exc).__name__} in {other.name}: {exc}"[:300]
    return None


def _faults(name: str, *, every: bool) -> tuple[int, list[str]]:
    fmt, row = FORMATS[name], TABLE[name]
    stride = 1 if every else row.stride
    tried, faults = 0, []
    for make in row.maps if every else row.maps[:1]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = fmt.dump_text(make())
        for i, (place, mutant) in enumerate(row.mutants(text)):
            if i % stride:
                continue
            tried += 1
            fault = _fault(fmt, mutant(), located=row.located)
            if fault:
                faults.append(f"{place}: {fault}")
    return tried, faults


@pytest.mark.parametrize("name", list(TABLE))
def test_trusted_places_of_the_wrong_type_are_located_errors(name: str) -> None:
    tried, faults = _faults(name, every=False)
    assert tried > 20, "the table found no trusted places: the writer changed, update the table"
    assert not faults, f"{len(faults)} of {tried} inputs:\n" + "\n".join(faults[:15])


@pytest.mark.slow
@pytest.mark.parametrize("name", list(TABLE))
def test_every_trusted_place_of_the_wrong_type_is_a_located_error(name: str) -> None:
    tried, faults = _faults(name, every=True)
    assert not faults, f"{len(faults)} of {tried} inputs:\n" + "\n".join(faults[:15])


def test_the_check_sees_a_raw_error_and_an_unlocated_one() -> None:
    """The check itself can fail."""

    class Broken:
        name = "broken"
        can_dump = False

        def load_text(self, text: str, *, path: str | None = None) -> ArgumentMap:
            if text == "raw":
                return {}["missing"]  # type: ignore[no-any-return]
            raise FileFormatError("bad", path=path)

    broken: Any = Broken()
    assert "raw KeyError" in str(_fault(broken, "raw", located=True))
    assert "names no line or place" in str(_fault(broken, "x", located=True))
    assert _fault(broken, "x", located=False) is None


# -- frameworks: ICCMA 2023, ASPARTIX, TGF ------------------------------------------------

_FRAMEWORKS = {
    "iccma": ("x.i23", "p af 3\n# 1 a\n1 2\n2 3\n3 1\n"),
    "apx": ("x.apx", 'arg(a).\narg("b c").\natt(a,"b c").\natt("b c",a).\n'),
    "tgf": ("x.tgf", "a\nb\nc\n#\na b\nb c\n"),
}
_TOKENS = ["", "x", "0", "-1", "99", "1.5", "1e999", "9" * 5000, "\u00b2", "\u0663", "nan"]
_TOKENS += ["p", "af", "#", "arg(", ").", "att(a)", "(", ")", ",", '"', "arg(a).", "att(a,b,c)."]


@pytest.mark.parametrize("kind", list(_FRAMEWORKS))
def test_every_token_of_the_wrong_shape_in_a_framework_is_a_located_error(kind: str) -> None:
    path, text = _FRAMEWORKS[kind]
    lines = text.split("\n")
    faults, tried = [], 0
    for i, line in enumerate(lines):
        words = line.split(" ")
        changed = [
            " ".join([*words[:j], t, *words[j + 1 :]]) for j in range(len(words)) for t in _TOKENS
        ]
        for new in [*changed, *_TOKENS, *(line + t for t in _TOKENS)]:
            tried += 1
            try:
                parse_framework(
                    "\n".join([*lines[:i], new, *lines[i + 1 :]]), format=kind, path=path
                )  # type: ignore[arg-type]
            except FileFormatError as exc:
                if exc.path != path or exc.line is None:
                    faults.append(f"line {i + 1} {new[:30]!r}: unlocated {exc}")
            except Exception as exc:  # the very thing this test looks for
                faults.append(f"line {i + 1} {new[:30]!r}: raw {type(exc).__name__}: {exc}"[:200])
    assert not faults, f"{len(faults)} of {tried} inputs:\n" + "\n".join(faults[:15])


# -- the command line ---------------------------------------------------------------------

_SUFFIX = {"aif": ".json", "xaif": ".json", "sadface": ".json", "json": ".json", "yaml": ".yaml"}


@pytest.mark.parametrize("name", list(TABLE))
def test_the_command_line_says_one_located_line(name: str, tmp_path: Path) -> None:
    """The first inputs of each format that the reader refuses, through ``argmap check``: exit
    code 2 and one ``Error:`` line naming the file, never a traceback."""
    fmt, row = FORMATS[name], TABLE[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = fmt.dump_text(row.maps[0]())
    refused = 0
    for place, make in row.mutants(text):
        mutant = make()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fmt.load_text(mutant)
            continue
        except ArgmapError:
            refused += 1
        path = tmp_path / f"m{refused}{_SUFFIX.get(name, fmt.suffixes[0])}"
        path.write_text(mutant, encoding="utf-8")
        result = CliRunner().invoke(main, ["check", str(path), "--from", name])
        lines = result.stderr.splitlines()
        assert result.exit_code == 2, (place, result.output, result.exception)
        assert len(lines) == 1, (place, result.stderr)
        assert lines[0].startswith(f"Error: {path}"), (place, lines[0])
        if refused == 3:
            break
    assert refused, "no input refused: update the table"
