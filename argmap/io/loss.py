"""Say what a writer leaves out: compare a map with what reading its output back gives.

A writer for a format that cannot hold a whole map (the microtexts' XML has no sources, notes or
schemes) reads its own output back and warns with
:class:`~argmap.exceptions.FormatLossWarning`, listing every difference. Comparing the two maps
finds every loss, including ones the writer's author did not think of.

Examples:
    >>> from argmap import ArgumentMap
    >>> before = ArgumentMap(title="T")
    >>> _ = before.claim("c", "C.", note="Mine.")
    >>> after = ArgumentMap()
    >>> _ = after.claim("c", "C.")
    >>> losses(before, after)
    ["the map's title", 'note of 1 node (c)']
    >>> _ = after.premise("p", "P.")
    >>> for line in losses(after, before):
    ...     print(line)
    the map's title (it had none; it reads back as 'T')
    1 node (p)
    note added on reading back to 1 node (c)
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from argmap.exceptions import FormatLossWarning

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["losses", "warn_losses"]

_SHOWN = 5


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:_SHOWN])
    return f"{shown}, ..." if len(ids) > _SHOWN else shown


def losses(before: ArgumentMap, after: ArgumentMap) -> list[str]:
    """Return what ``before`` has that ``after`` lacks or holds differently, one line per kind,
    and what ``after`` has that ``before`` did not (nodes added, a title or central claim the
    map did not have).

    Examples:
        >>> from argmap.examples import north_korea
        >>> losses(north_korea(), north_korea())
        []
    """
    return [line for line, _ in _differences(before, after)]


def _differences(before: ArgumentMap, after: ArgumentMap) -> list[tuple[str, bool]]:
    """Each difference as a line, and whether it is something ``after`` has that ``before``
    did not (rather than something ``before`` had that ``after`` lost)."""
    lines: list[tuple[str, bool]] = []
    if before.title != after.title:
        # A map without one read back with one lost nothing, but comes back changed: say so,
        # rather than "left out: the map's title" of a map that had none.
        lines.append(
            ("the map's title", False)
            if before.title is not None
            else (f"the map's title (it had none; it reads back as {after.title!r})", True)
        )
    if before.central != after.central:
        lines.append(
            (f"the central claim ({before.central})", False)
            if before.central is not None
            else (f"the central claim (it had none; it reads back as {after.central})", True)
        )
    if before.data != after.data:
        lines.append(("the map's data", False))
    sources = [s for s, source in before.sources.items() if after.sources.get(s) != source]
    if sources:
        lines.append((f"{_count(sources, 'source')} ({_ids(sources)})", False))
    missing: list[str] = []
    fields: dict[str, list[str]] = {}
    gained: dict[str, list[str]] = {}  # a field the node did not have, given on reading back
    for node in before.nodes():
        if node.id not in after:
            missing.append(node.id)
            continue
        old = _fields(node)
        new = _fields(after[node.id])
        for name in sorted(set(old) | set(new)):
            if old.get(name) != new.get(name):
                (gained if name not in old else fields).setdefault(name, []).append(node.id)
    if missing:
        lines.append((f"{_count(missing, 'node')} ({_ids(missing)})", False))
    added = [n for n in after if n not in before]
    if added:
        lines.append((f"{_count(added, 'node')} added on reading back ({_ids(added)})", True))
    for name, ids in fields.items():
        lines.append((f"{name} of {_count(ids, 'node')} ({_ids(ids)})", False))
    for name, ids in gained.items():
        lines.append((f"{name} added on reading back to {_count(ids, 'node')} ({_ids(ids)})", True))
    return lines


def _count(ids: list[str], noun: str) -> str:
    return f"{len(ids)} {noun}" if len(ids) == 1 else f"{len(ids)} {noun}s"


def _fields(node: Any) -> dict[str, Any]:
    data: dict[str, Any] = node.model_dump(mode="json", exclude_defaults=True)
    data["kind"] = node.kind
    return data


def warn_losses(format: str, before: ArgumentMap, after: ArgumentMap) -> None:  # noqa: A002
    """Warn with :class:`~argmap.exceptions.FormatLossWarning` if ``after`` lost anything."""
    lines = _differences(before, after)
    if lines:
        lost = [line for line, gained in lines if not gained]
        added = [line for line, gained in lines if gained]
        warnings.warn(FormatLossWarning(format, lost, added), stacklevel=3)
