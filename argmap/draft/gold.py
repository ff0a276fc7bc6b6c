"""Annotated maps as the drafter sees them: units in text order, and the tree over them.

An annotated map (the argumentative microtexts, or any map argmap reads whose statements are a
text's units) becomes an :class:`Annotated`: the statements' texts in the order of the text,
and a :class:`~argmap.draft.decode.Parse` of the annotation, as Peldszus and Stede reduce it: a
support or example is ``sup``; an attack on a statement ``reb``; an attack on an inference
``und``, attached to that inference's first premise; a further premise of a linked argument
(the microtexts' ``add``) supports the first premise.

Examples:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("c", "We should act."); _ = m.premise("p", "It works.")
    >>> _ = m.rebuttal("r", "It costs."); _ = m.support("p", "c"); _ = m.attack("r", "s1")
    >>> m.central = "c"
    >>> g = annotated(m)
    >>> g.ids, g.parse.parent, g.parse.function, g.parse.role
    (['c', 'p', 'r'], [None, 0, 1], ['cc', 'sup', 'und'], ['pro', 'pro', 'opp'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.draft.decode import Parse
from argmap.exceptions import DraftError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.model import Statement

__all__ = ["Annotated", "annotated"]

_NUMBER = re.compile(r"\d+")


@dataclass
class Annotated:
    """One annotated text: its units' ids and texts in text order, paragraphs, and its tree."""

    name: str
    ids: list[str]
    texts: list[str]
    paragraphs: list[int]
    parse: Parse


def annotated(m: ArgumentMap, *, name: str | None = None) -> Annotated:
    """The units and tree of an annotated map (see the module's description).

    Raises:
        DraftError: The map has fewer than two statements, or no central claim (none set, and
            not exactly one statement that bears on nothing).
    """
    label = name or m.title or "map"
    statements = _in_text_order(list(m.statements()))
    if len(statements) < 2:
        raise DraftError(f"{label}: an annotated text needs two statements or more")
    index = {s.id: k for k, s in enumerate(statements)}
    parent: list[int | None] = [None] * len(statements)
    function = ["cc"] * len(statements)
    for k, s in enumerate(statements):
        for inference in m.uses_of(s.id):
            if s.id not in inference.premises:
                continue
            first = inference.premises[0]
            if s.id != first:
                parent[k], function[k] = index[first], "sup"
            elif inference.kind == "support":
                parent[k], function[k] = index.get(inference.conclusion), "sup"
            elif inference.target in index:
                parent[k], function[k] = index[inference.target], "reb"
            else:
                attacked = m[inference.target]
                premises = getattr(attacked, "premises", ())
                parent[k] = index.get(premises[0]) if premises else None
                function[k] = "und"
            if parent[k] is not None:
                break
            function[k] = "cc"
    central = index.get(m.central) if m.central is not None else None
    if central is None:
        roots = [k for k, p in enumerate(parent) if p is None]
        if len(roots) != 1:
            raise DraftError(
                f"{label}: no central claim: set the map's central claim (it has "
                f"{len(roots)} statements that bear on nothing)"
            )
        central = roots[0]
    parent[central], function[central] = None, "cc"
    return Annotated(
        name=label,
        ids=[s.id for s in statements],
        texts=[s.text for s in statements],
        paragraphs=[0] * len(statements),
        parse=Parse(central=central, parent=parent, function=function, role=_roles(statements)),
    )


def _roles(statements: list[Statement]) -> list[str]:
    roles: list[str] = []
    for s in statements:
        kept = s.data.get("microtexts")
        role = kept.get("type") if isinstance(kept, dict) else None
        if role not in ("pro", "opp"):
            role = "opp" if s.kind == "rebuttal" else "pro"
        roles.append(str(role))
    return roles


def _in_text_order(statements: list[Statement]) -> list[Statement]:
    """By the first quote's offset, else by the microtexts' EDU number, else as they are."""
    if all(s.quotes and s.quotes[0].start is not None for s in statements):
        return sorted(statements, key=lambda s: s.quotes[0].start or 0)
    keys: list[int] = []
    for s in statements:
        kept = s.data.get("microtexts")
        edu = None
        if isinstance(kept, dict):
            edus = kept.get("edus")
            edu = kept.get("edu") or (
                edus[0].get("id")
                if isinstance(edus, list) and edus and isinstance(edus[0], dict)
                else None
            )
            edu = edu or s.id
        found = _NUMBER.search(str(edu)) if edu is not None else None
        if found is None:
            return statements
        keys.append(int(found.group()))
    order = sorted(range(len(statements)), key=keys.__getitem__)
    return [statements[k] for k in order]
