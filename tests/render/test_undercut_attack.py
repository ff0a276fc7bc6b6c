"""An attack that is itself undercut is drawn through a junction the undercutter strikes."""

from __future__ import annotations

import re

from argmap import ArgumentMap
from argmap.render.dot import to_dot

EDGE = re.compile(r'^\t"(?P<tail>[^"]+)" -> "(?P<head>[^"]+)" \[(?P<attrs>.*)\]$', re.MULTILINE)


def test_an_undercut_attack_is_drawn_through_a_junction() -> None:
    # "Granted, but that is no objection": the undercutter's edge ends on the attack's junction.
    m = ArgumentMap()
    m.claim("c", "C.")
    m.rebuttal("r", "R.")
    m.premise("g", "Granted, but that is no objection.")
    m.attack("r", "c", id="a")
    m.attack("g", "a", id="u")
    m.central = "c"
    edges = {(e["tail"], e["head"]): e["attrs"] for e in EDGE.finditer(to_dot(m))}
    assert ("r", "a") in edges
    assert ("a", "c") in edges
    assert ("g", "a") in edges
    assert "undercut" in edges["g", "a"]
