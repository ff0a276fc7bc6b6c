"""The README's opening example runs, prints what the README shows, and draws the picture the
README shows (regenerate both with scripts/make_readme_example.py)."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest
from defusedxml import ElementTree as ET

import argmap

ROOT = Path(__file__).resolve().parents[1]
STALE = "stale: run scripts/make_readme_example.py and commit what it writes"
SVG_NS = "{http://www.w3.org/2000/svg}"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_readme_example", ROOT / "scripts" / "make_readme_example.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


@pytest.fixture(scope="module")
def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_example_prints_what_the_readme_shows(
    script: ModuleType, readme: str, tmp_path: Path
) -> None:
    printed, namespace = script.run(script.example(readme), tmp_path)
    assert printed == script.shown_output(readme), f"the README's output is {STALE}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [script.PICTURE]
    assert (tmp_path / script.PICTURE).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert isinstance(namespace["m"], argmap.ArgumentMap)


def test_the_example_is_about_ten_lines(script: ModuleType, readme: str) -> None:
    lines = [line for line in script.example(readme).splitlines() if line.strip()]
    assert len(lines) <= 13
    assert readme.index("```python") < readme.index("## Try it")


def test_answering_the_objection_makes_the_claim_stand_as_the_readme_says(
    script: ModuleType, readme: str, tmp_path: Path
) -> None:
    assert 'answer it with\n`m.premise(...)` and `m.attack(..., "show")` and it stands again' in (
        readme
    )
    _, namespace = script.run(script.example(readme), tmp_path)
    m = namespace["m"]
    assert argmap.evaluate(m)["works"] == "out"
    m.premise("reform", "Britain reports that prison camps were closed after the talks.")
    m.attack("reform", "show")
    assert argmap.evaluate(m)["works"] == "in"
    assert argmap.check(m).by_rule("AM201") == []


def _drawn(svg: bytes) -> set[tuple[str, str, tuple[str, ...]]]:
    """What a diagram shows whatever the layout: each node and edge, its classes and texts."""
    shown = set()
    for group in ET.fromstring(svg).iter(f"{SVG_NS}g"):
        classes = group.get("class", "")
        if classes.split()[:1] not in (["node"], ["edge"]):
            continue
        title = group.find(f"{SVG_NS}title")
        texts = tuple("".join(t.itertext()) for t in group.iter(f"{SVG_NS}text"))
        shown.add((title.text if title is not None else "", classes, texts))
    return shown


def _svg_size_px(svg: bytes) -> tuple[float, float]:
    root = ET.fromstring(svg)
    return (
        float(root.get("width", "0").removesuffix("pt")) * 96 / 72,
        float(root.get("height", "0").removesuffix("pt")) * 96 / 72,
    )


@pytest.mark.needs_engine
def test_the_picture_is_the_examples_map_and_legible_at_800_px(
    script: ModuleType, readme: str, tmp_path: Path
) -> None:
    assert "](docs/images/readme-example.png)" in readme
    _, namespace = script.run(script.example(readme), tmp_path)
    fresh = namespace["m"].render(tmp_path / "fresh.svg", legend=False).read_bytes()
    stored_svg = script.SVG.read_bytes()
    assert _drawn(stored_svg) == _drawn(fresh), f"docs/images/readme-example.svg is {STALE}"
    assert {title for title, _, _ in _drawn(stored_svg)} >= {"works", "talks", "show"}
    # Legible at 800 px: at its natural size (1 px per CSS pixel) the diagram fits in 800 px,
    # so a page that wide never shrinks its text.
    width, height = _svg_size_px(stored_svg)
    assert width <= 800
    png = script.PNG.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    png_width, png_height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert png_width / png_height == pytest.approx(width / height, rel=0.03), (
        f"docs/images/readme-example.png is {STALE}"
    )
