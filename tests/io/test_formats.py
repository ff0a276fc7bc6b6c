"""The one table of formats: names, suffixes, sniffing, ambiguity, plugins, and the writers'
refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from budget import budgets, examples
from hypothesis import HealthCheck, given, settings
from strategies import maps

import argmap
from argmap import ArgumentMap, FileFormatError
from argmap.examples import north_korea
from argmap.io import aif, formats, native, sadface
from argmap.io.formats import Format, detect, format_for, get_format

NAMES = ["json", "yaml", "argdown", "aif", "xaif", "sadface", "microtexts", "carneades"]


def test_the_table_lists_the_formats_the_issue_names() -> None:
    names = [f.name for f in formats.all_formats()]
    assert names[:8] == NAMES
    assert [f.name for f in formats.drawing_formats()] == ["svg", "png", "pdf", "dot", "html"]
    assert get_format("json").suffixes == (".json",)
    assert {f.name for f in formats.all_formats() if ".json" in f.suffixes} == {
        "json",
        "aif",
        "xaif",
        "sadface",
    }
    assert {f.name for f in formats.all_formats() if ".yaml" in f.suffixes} == {"yaml", "carneades"}


def test_the_table_gives_each_drawing_of_the_renderer_its_suffixes() -> None:
    from argmap.render.output import DRAWINGS

    assert tuple(f.name for f in formats.drawing_formats()) == DRAWINGS
    drawn = {s: f.name for f in formats.drawing_formats() for s in f.suffixes}
    assert drawn == {
        ".svg": "svg",
        ".png": "png",
        ".pdf": "pdf",
        ".dot": "dot",
        ".gv": "dot",
        ".html": "html",
        ".htm": "html",
    }


@pytest.mark.parametrize("name", ["json", "yaml", "aif", "xaif", "sadface", "microtexts"])
def test_every_builtin_format_is_available_and_round_trips(name: str, small: ArgumentMap) -> None:
    fmt = get_format(name)
    assert fmt.available
    m = north_korea() if name != "microtexts" else _microtext_map()
    text = argmap.dumps(m, format=name)
    assert argmap.loads(text, format=name) == m
    assert fmt.fits(text)  # each writer's output is recognised by its own sniffer ...
    others = [f for f in formats.all_formats()[:8] if f.name not in (name, "yaml") and f.available]
    assert not [f.name for f in others if f.fits(text)]  # ... and by no other
    assert argmap.loads(text) == m  # so no format= is needed


def _microtext_map() -> ArgumentMap:
    m = ArgumentMap(title="tiny")
    m.claim("a1", "We should act.", data={"microtexts": {"type": "pro", "edu": "e1"}})
    m.premise("a2", "It works.", data={"microtexts": {"type": "pro", "edu": "e2"}})
    m.support("a2", "a1", id="c1")
    m.central = "a1"
    return m


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('{"argmap": 2, "nodes": []}', "json"),
        ("argmap: 2\nnodes: []\n", "yaml"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}], "edges": []}', "aif"),
        ('{"AIF": {"nodes": [], "edges": []}, "OVA": {}}', "xaif"),
        ('{"nodes": [], "edges": [{"id": "e", "source_id": "a", "target_id": "b"}]}', "sadface"),
        ("<?xml version='1.0'?>\n<arggraph id='x'/>", "microtexts"),
    ],
)
def test_sniffing_without_a_path(text: str, name: str) -> None:
    assert detect(text).name == name


def test_a_shared_suffix_is_settled_by_the_content(tmp_path: Path) -> None:
    m = north_korea()
    for name in ("json", "aif", "xaif", "sadface"):
        path = tmp_path / f"{name}.json"
        argmap.dump(m, path, format=name)
        assert detect(path.read_text("utf-8"), path=path).name == name
        assert argmap.load(path) == m


def test_a_text_several_formats_fit_names_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # A document with both AIF's and SADFace's marks: no guess, an error naming both.
    text = '{"nodes": [{"nodeID": "1", "type": "I", "text": "A."}], "edges": []}'
    monkeypatch.setattr(sadface, "sniff", lambda head: True)
    with pytest.raises(FileFormatError) as info:
        argmap.loads(text, path="both.json")
    message = str(info.value)
    assert message.startswith("both.json: cannot tell which format this .json file is: it fits ")
    assert "aif (AIF JSON as AIFdb serves it)" in message
    assert "sadface (SADFace JSON)" in message
    assert message.endswith("; pass format=")
    assert info.value.worded({"format": "--from"}).endswith("; pass --from")
    assert [n.text for n in argmap.loads(text, format="aif").statements()] == ["A."]


def test_a_file_no_sniffer_recognises_is_read_as_the_suffix_own_format(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text('{"nodes": {}}', encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        argmap.load(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert "field 'argmap' is required" in message  # what argmap's own reader says
    assert "read as json" in message
    assert "looks like none of aif, xaif, sadface" in message
    assert "pass format=" in message


def test_text_that_fits_nothing_without_a_path() -> None:
    with pytest.raises(FileFormatError, match="cannot tell which format this text is: it looks"):
        argmap.loads("just words")


@pytest.mark.parametrize("name", ["xml", "svgz", "", "json5"])
def test_unknown_format_names_are_refused_listing_the_names(name: str, tmp_path: Path) -> None:
    m = ArgumentMap()
    for call in (
        lambda: argmap.dumps(m, format=name),
        lambda: argmap.dump(m, tmp_path / "m.json", format=name),
        lambda: argmap.loads("{}", format=name),
        lambda: argmap.load(tmp_path / "missing.json", format=name),
    ):
        with pytest.raises(FileFormatError, match=f"unknown format {name!r}; use one of json, "):
            call()
    assert list(tmp_path.iterdir()) == []


def test_dumps_never_writes_json_for_another_name() -> None:
    with pytest.raises(FileFormatError, match="unknown format 'xml'"):
        argmap.dumps(north_korea(), format="xml")


def test_drawings_are_written_not_read(tmp_path: Path) -> None:
    m = north_korea()
    assert argmap.dumps(m, format="dot").startswith("digraph")
    with pytest.raises(FileFormatError, match="png is binary, not text"):
        argmap.dumps(m, format="png")
    with pytest.raises(FileFormatError, match="argmap cannot read svg"):
        argmap.loads("<svg/>", format="svg")
    path = tmp_path / "m.dot"
    argmap.dump(m, path)
    assert path.read_text("utf-8").startswith("digraph")
    with pytest.raises(FileFormatError, match=r"cannot tell the format from the suffix '\.dot'"):
        argmap.load(path)


def test_writing_a_shared_suffix_writes_argmap_own_format() -> None:
    assert format_for("m.json").name == "json"
    assert format_for("m.yml").name == "yaml"
    assert format_for("m.json", format="sadface").name == "sadface"
    assert format_for("m.xml").name == "microtexts"
    with pytest.raises(FileFormatError, match=r"cannot tell the format from the suffix '\.txt'"):
        format_for("m.txt")


def test_a_module_that_is_missing_makes_its_format_unavailable() -> None:
    ghost = Format(
        name="ghost",
        suffixes=(".ghost",),
        summary="a format whose module is gone",
        loads="argmap.io.no_such_module:loads",
        dumps="argmap.io.no_such_module:dumps",
        sniff="argmap.io.no_such_module:sniff",
    )
    assert not ghost.available
    assert not ghost.fits("anything")
    with pytest.raises(FileFormatError, match="the ghost format is unavailable in this"):
        ghost.load_text("x", path="m.ghost")
    with pytest.raises(FileFormatError, match="the ghost format is unavailable in this"):
        ghost.dump_bytes(ArgumentMap())


class _EntryPoint:
    def __init__(self, name: str, value: Any, *, fails: bool = False) -> None:
        self.name = name
        self.value = f"plugin:{name}"
        self._object = value
        self._fails = fails

    def load(self) -> Any:
        if self._fails:
            raise ImportError("no module named plugin")
        return self._object


TOY = Format(
    name="toy",
    suffixes=(".toy",),
    summary="a toy format from a plugin",
    loads="tests_toy_format:loads",
    dumps="tests_toy_format:dumps",
    sniff="tests_toy_format:sniff",
)


@pytest.fixture
def toy_plugin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    module = tmp_path / "tests_toy_format.py"
    module.write_text(
        "import argmap\n"
        "def loads(text, *, path=None):\n"
        "    m = argmap.ArgumentMap(title=text.removeprefix('TOY ').strip())\n"
        "    return m\n"
        "def dumps(m):\n"
        "    return f'TOY {m.title}\\n'\n"
        "def sniff(head):\n"
        "    return head.startswith('TOY ')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [
        _EntryPoint("toy", TOY),
        _EntryPoint("broken", None, fails=True),
        _EntryPoint("not-a-format", object()),
        _EntryPoint("json-again", get_format("json")),
    ]
    monkeypatch.setattr(formats, "entry_points", lambda group: points)
    formats._plugins.cache_clear()
    yield
    formats._plugins.cache_clear()


@pytest.mark.usefixtures("toy_plugin")
def test_plugins_join_the_table_through_entry_points(tmp_path: Path) -> None:
    with pytest.warns(RuntimeWarning) as caught:
        names = [f.name for f in formats.all_formats()]
    assert names[-1] == "toy"
    assert names.count("json") == 1
    messages = " ".join(str(w.message) for w in caught)
    assert "'broken' (plugin:broken) cannot be loaded" in messages
    assert "'not-a-format' (plugin:not-a-format) is not an argmap.io.formats.Format" in messages
    assert "'json-again' (plugin:json-again) reuses the name 'json'" in messages
    path = tmp_path / "m.toy"
    argmap.dump(ArgumentMap(title="Played"), path)
    assert path.read_text("utf-8") == "TOY Played\n"
    assert argmap.load(path).title == "Played"
    assert argmap.loads("TOY Sniffed").title == "Sniffed"


def test_native_sniffers() -> None:
    assert native.sniff_json(json.dumps({"title": "t", "argmap": 2}))
    assert not native.sniff_json('{"nodes": [], "title": "argmap"}')
    assert native.sniff_yaml("# a comment\ntitle: x\nargmap: 2\n")
    assert not native.sniff_yaml("  argmap: 2\n")  # not at the top level
    assert aif.sniff('\ufeff  {"nodes": [{"nodeID": 1}]}')  # a byte order mark is no obstacle


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_random_rich_maps_survive_every_lossless_format(budget: int) -> None:
    @settings(
        max_examples=examples(budget), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(maps(rich=True))
    def survives(m: ArgumentMap) -> None:
        for name in ("json", "yaml", "aif", "xaif", "sadface"):
            assert argmap.loads(argmap.dumps(m, format=name), format=name) == m, name

    survives()


def test_the_loss_warning_pickles_and_takes_a_whole_message() -> None:
    import pickle
    import warnings

    listed = argmap.FormatLossWarning("aif", ["the map's title", "note of 1 node (c)"])
    assert str(listed) == (
        "aif cannot hold everything in this map; left out: the map's title; note of 1 node (c)"
    )
    again = pickle.loads(pickle.dumps(listed))
    assert (again.format, again.lost, str(again)) == (listed.format, listed.lost, str(listed))
    with pytest.warns(argmap.FormatLossWarning, match="^tests: said whole$") as caught:
        warnings.warn("tests: said whole", argmap.FormatLossWarning, stacklevel=1)
    assert caught[0].message.format is None  # type: ignore[union-attr]
    assert str(pickle.loads(pickle.dumps(caught[0].message))) == "tests: said whole"
