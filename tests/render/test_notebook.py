"""Showing a map in a notebook: SVG when it can be drawn, the text summary when it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from drawing import Drawing, assert_no_active_content

import argmap
from argmap import RendererNotFoundError, RenderError, UnknownNodeError
from argmap.examples import north_korea
from argmap.render import LABEL_STYLES, diagram, engine, notebook, repr_mimebundle
from argmap.summary import summarize


@pytest.mark.needs_engine
def test_notebooks_get_svg() -> None:
    bundle = repr_mimebundle(north_korea())
    assert set(bundle) == {"image/svg+xml"}
    assert_no_active_content(bundle["image/svg+xml"])
    assert repr_mimebundle(north_korea(), include=["text/html"]) == {}
    assert repr_mimebundle(north_korea(), None, ["image/svg+xml"]) == {}  # IPython's order


@pytest.mark.needs_engine
def test_one_mime_type_as_a_string_is_one_type_not_its_letters() -> None:
    m = north_korea()
    assert set(repr_mimebundle(m, include="image/svg+xml")) == {"image/svg+xml"}
    assert repr_mimebundle(m, exclude="image/svg+xml") == {}
    shown = diagram(m)
    assert set(shown._repr_mimebundle_(include="image/svg+xml")) == {"image/svg+xml"}
    assert shown._repr_mimebundle_(exclude="image/svg+xml") == {}


def test_without_an_engine_the_notebook_gets_the_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Path:
        raise RendererNotFoundError(f"no layout engine found; {engine.INSTALL_HINT}")

    monkeypatch.setattr(engine, "find_layout_engine", missing)
    m = north_korea()
    bundle = repr_mimebundle(m)
    assert set(bundle) == {"text/plain"}
    assert bundle["text/plain"].startswith(summarize(m) + "\n\n(no diagram: no layout engine")
    assert "pip install graphviz-pure" in bundle["text/plain"]


def test_the_notebook_waits_a_minute_then_shows_the_summary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waited: list[float] = []

    def slow(source: str, *, timeout: float) -> str:
        waited.append(timeout)
        raise RenderError(f"dot took more than {timeout:g} s to lay out the diagram")

    monkeypatch.setattr(engine, "layout_svg", slow)
    bundle = repr_mimebundle(north_korea())
    assert waited == [notebook.NOTEBOOK_TIMEOUT] == [60.0]
    assert bundle["text/plain"].endswith(
        "(no diagram: dot took more than 60 s to lay out the diagram)"
    )


@pytest.mark.needs_engine
def test_diagram_shows_an_evaluation_inline() -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "grounded")
    shown = diagram(m, labels=lab)
    drawing = Drawing.parse(shown.svg)
    # The objection the article answers is OUT, and the diagram says so.
    assert LABEL_STYLES["out"].fill.lower() in drawing.fills(drawing.nodes["withdrawal"])
    assert "OUT" in drawing.text(drawing.nodes["withdrawal"])
    assert shown._repr_mimebundle_() == {"image/svg+xml": shown.svg}
    assert shown._repr_mimebundle_(include=["text/html"]) == {}
    assert shown._repr_mimebundle_(None, ["image/svg+xml"]) == {}


def test_diagram_raises_on_a_bad_labelling_rather_than_falling_back() -> None:
    with pytest.raises(UnknownNodeError, match="'ghost'"):
        diagram(north_korea(), labels={"ghost": "in"})
