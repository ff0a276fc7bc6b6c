"""to_graphviz: the same DOT, handed to the graphviz package's own API."""

from __future__ import annotations

import graphviz
import pytest

from argmap.examples import north_korea
from argmap.exceptions import RenderError, UnknownNodeError
from argmap.render import DiagramOptions, to_dot, to_graphviz


def test_to_graphviz_is_the_same_dot_as_a_graphviz_source() -> None:
    m = north_korea()
    source = m.to_graphviz(focus="amnesty", depth=2)
    assert isinstance(source, graphviz.Source)
    assert source.engine == "dot"
    assert source.source == to_dot(m, focus="amnesty", depth=2)


def test_to_graphviz_takes_the_options_object() -> None:
    m = north_korea()
    options = DiagramOptions(focus="uk", depth=1, legend=False)
    assert to_graphviz(m, options=options).source == to_dot(m, options=options)
    assert '"japan"' not in to_graphviz(m, options=options).source


def test_to_graphviz_refuses_what_to_dot_refuses() -> None:
    with pytest.raises(UnknownNodeError, match="nowhere"):
        north_korea().to_graphviz(focus="nowhere")
    with pytest.raises(RenderError):
        north_korea().to_graphviz(depth=-1)
