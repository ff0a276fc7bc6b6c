"""What a writer lost: the fields of a map (its ``to_dict()``) that did not come back, and
whether a FormatLossWarning names each. Shared by the no-silent-loss tests and the fuzz harness,
which writes every map a loader accepts in the loader's own format and reads it back."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["_named", "lost_fields", "unnamed_losses"]


def lost_fields(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The fields of ``before`` (a map's ``to_dict()``) that ``after`` does not hold as they were:
    ``title``, ``central``, ``data``, ``sources``, ``nodes`` (a node gone), or a node's field
    (``nodes.note``, ``nodes.quotes``, ...). What ``after`` has in addition is no loss."""
    lost = {
        key
        for key in before.keys() | after.keys()
        if key not in ("argmap", "nodes", "sources") and before.get(key) != after.get(key)
    }
    sources = {s["id"]: s for s in after.get("sources", [])}
    if any(sources.get(s["id"]) != s for s in before.get("sources", [])):
        lost.add("sources")
    nodes = {n["id"]: n for n in after.get("nodes", [])}
    for node in before.get("nodes", []):
        other = nodes.get(node["id"])
        if other is None:
            lost.add("nodes")
            continue
        lost.update(f"nodes.{f}" for f in node.keys() | other.keys() if node.get(f) != other.get(f))
    return lost


# How a FormatLossWarning names each kind of field (argmap.io.loss words them so).
_NAMED = {
    "title": r"the map's title",
    "central": r"the central claim",
    "data": r"the map's data",
    "default_source": r"the map's default source",
    "sources": r"\bsources?\b",
    "nodes": r"\d+ nodes?\b",
}


def _named(field: str, said: str) -> bool:
    name = field.removeprefix("nodes.")
    pattern = _NAMED.get(field, rf"\b{re.escape(name)} (of|added on reading back to) \d+ nodes?\b")
    return re.search(pattern, said) is not None


def unnamed_losses(before: dict[str, Any], after: dict[str, Any], said: list[str]) -> list[str]:
    """The fields of ``before`` that ``after`` lost and no message in ``said`` names."""
    lost = lost_fields(before, after)
    return sorted(f for f in lost if not any(_named(f, s) for s in said))
