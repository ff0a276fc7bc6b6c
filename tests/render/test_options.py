"""One frozen options object for to_dot, draw, render, the map's methods and the HTML page."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from argmap import check
from argmap.examples import north_korea
from argmap.exceptions import RenderError
from argmap.render import DiagramChanges, DiagramOptions, draw, to_dot
from argmap.render.options import diagram_options


def test_the_keywords_are_exactly_the_options_fields() -> None:
    fields = [f.name for f in dataclasses.fields(DiagramOptions)]
    assert list(typing.get_type_hints(DiagramChanges)) == fields


def test_options_are_frozen_and_replace_returns_a_checked_copy() -> None:
    options = DiagramOptions(focus="uk")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.wrap = 3  # type: ignore[misc]
    deeper = options.replace(depth=2)
    assert (deeper.focus, deeper.depth, options.depth) == ("uk", 2, None)
    with pytest.raises(RenderError, match="depth must be 0 or more, not -1"):
        options.replace(depth=-1)
    with pytest.raises(RenderError, match="unknown diagram option 'colour'; the options are focus"):
        options.replace(colour="red")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"depth": 1}, "depth needs focus"),
        ({"focus": 3}, "focus must be a node id"),
        ({"focus": "uk", "depth": 1.5}, "depth must be a whole number, not 1.5"),
        ({"focus": "uk", "depth": True}, "depth must be a whole number, not True"),
        ({"wrap": 0}, "wrap must be at least 1, not 0"),
        ({"wrap": "40"}, "wrap must be a whole number"),
        ({"legend": 1}, "legend must be True or False, not 1"),
        ({"tooltips": None}, "tooltips must be True or False"),
        ({"title": "yes"}, "title must be True or False"),
        ({"gaps": "AM101"}, "gaps must be a list of findings"),
        ({"gaps": [object()]}, "each finding needs a rule"),
        ({"labels": ["in"]}, "labels must be a Labelling, such as argmap.evaluate"),
        ({"labels": {"agenda": 2}}, "the strength of 'agenda' must be between 0 and 1, not 2"),
        ({"labels": {"agenda": None}}, "one kind for all"),
    ],
)
def test_every_function_refuses_a_bad_option_with_one_message(
    changes: dict[str, object], message: str, tmp_path: Path
) -> None:
    m = north_korea()
    with pytest.raises(RenderError, match=message):
        DiagramOptions(**changes)  # type: ignore[arg-type]
    with pytest.raises(RenderError, match=message):
        to_dot(m, **changes)  # type: ignore[arg-type]
    with pytest.raises(RenderError, match=message):
        draw(m, format="dot", **changes)  # type: ignore[arg-type]
    with pytest.raises(RenderError, match=message):
        m.render(tmp_path / "m.dot", **changes)  # type: ignore[arg-type]
    assert not (tmp_path / "m.dot").exists()


def test_an_options_object_and_keywords_give_the_same_diagram(tmp_path: Path) -> None:
    m = north_korea()
    findings = check(m)
    options = DiagramOptions(focus="amnesty", depth=2, gaps=findings, wrap=30, legend=False)
    by_keywords = to_dot(m, focus="amnesty", depth=2, gaps=findings, wrap=30, legend=False)
    assert to_dot(m, options=options) == by_keywords
    assert m.to_dot(options=options) == by_keywords
    assert draw(m, format="dot", options=options).decode() == by_keywords
    out = m.render(tmp_path / "m.dot", options=options)
    assert out.read_text("utf-8") == by_keywords
    # Keywords change the object's options: here only the depth.
    assert to_dot(m, options=options, depth=1) == to_dot(m, options=options.replace(depth=1))


def test_gaps_are_kept_as_a_tuple_and_labels_read_only() -> None:
    findings = check(north_korea())
    options = DiagramOptions(gaps=iter(findings), labels={"agenda": "accepted"})
    assert options.gaps == tuple(findings)
    assert options.labels is not None
    with pytest.raises(TypeError):
        options.labels["agenda"] = "rejected"  # type: ignore[index]


def test_options_must_be_a_diagram_options() -> None:
    with pytest.raises(RenderError, match=r"options must be a DiagramOptions, such as"):
        diagram_options({"focus": "uk"})
    with pytest.raises(RenderError, match="options must be a DiagramOptions"):
        to_dot(north_korea(), options={"focus": "uk"})  # type: ignore[arg-type]


def test_labels_are_drawn_under_the_node_text() -> None:
    source = to_dot(north_korea(), labels={"agenda": "<accepted>"}, legend=False)
    line = next(x for x in source.splitlines() if x.startswith('\t"agenda" ['))
    assert "◆ &lt;accepted&gt;" in line
