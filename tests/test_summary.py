"""The plain-text summary of a map: counts in the right number, the central claim's support."""

from __future__ import annotations

from argmap import ArgumentMap, Source
from argmap.summary import summarize


def test_counts_agree_with_their_numbers() -> None:
    m = ArgumentMap(title="T")
    m.add_source(Source(id="a", title="A", text="It rained."))
    m.claim("c", "C.")
    m.case("k", "K.", quotes=["It rained."], source="a", cites=["a"])
    m.support("k", "c", id="s")
    m.central = "c"
    lines = summarize(m).splitlines()
    assert lines[1] == "2 statements (1 claim, 1 case), 1 inference, 1 source"
    assert "Evidence: 1 case" in lines
    m.case("k2", "K2.")
    m.claim("d", "D.")
    m.add_source(Source(id="b", title="B"))
    lines = summarize(m).splitlines()
    assert lines[1] == "4 statements (2 claims, 2 cases), 1 inference, 2 sources"
    assert "Evidence: 2 cases" in lines


def test_an_empty_map() -> None:
    assert summarize(ArgumentMap()).splitlines()[:2] == [
        "(untitled map)",
        "0 statements, 0 inferences, 0 sources",
    ]
