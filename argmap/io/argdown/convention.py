"""How argmap's fields ride in Argdown: the keys of data blocks, and ids made from titles.

The reader and the writer agree here on which data-block keys are argmap's own fields (the rest
is a node's free ``data``), on the id a title gets (:func:`slug`), and on the id of a relation
(``a-supports-b``), so that what one writes the other reads back to an equal map.
"""

from __future__ import annotations

import hashlib
import re

from argmap.ids import WORD_CHARS, is_id
from argmap.model import Case, Claim, Premise, Rebuttal, Statement

__all__ = [
    "INFERENCE_KEYS",
    "RESERVED",
    "STATEMENT_CLASSES",
    "STATEMENT_KEYS",
    "Ids",
    "relation_id",
    "slug",
    "valid_id",
]

STATEMENT_CLASSES: dict[str, type[Statement]] = {
    "claim": Claim,
    "premise": Premise,
    "case": Case,
    "rebuttal": Rebuttal,
}
"""The statement kinds a data block's ``kind:`` names."""

STATEMENT_KEYS = (
    "id",
    "title",
    "text",
    "kind",
    "central",
    "source",
    "quotes",
    "when",
    "who",
    "cites",
    "attribution",
    "note",
    "assumption",
    "weight",
    "acknowledge",
    "tags",
    "data",
)
"""Data-block keys of a statement that are argmap's own fields; every other key goes to the
node's ``data``."""

INFERENCE_KEYS = (
    "id",
    "title",
    "premises",
    "scheme",
    "weight",
    "question",
    "answered",
    "note",
    "acknowledge",
    "data",
)
"""Data-block keys of an argument that are the fields of the support or attack it stands for."""

RESERVED = frozenset(STATEMENT_KEYS) | frozenset(INFERENCE_KEYS) | {"argdown"}
"""Keys a node's free data cannot use in a data block as they are (the writer nests them)."""

_NOT_ID_CHARS = re.compile(f"[^{WORD_CHARS}.:-]+")
_LEADING_NOT_WORD = re.compile(f"^[^{WORD_CHARS}]+")


def valid_id(value: object) -> bool:
    """Whether a data block's ``id:`` is an id (text, by the one rule of :mod:`argmap.ids`)."""
    return isinstance(value, str) and is_id(value)


def slug(title: str, *, fallback: str = "node") -> str:
    """A node id made from a title: lower case, runs of other characters as one ``-``.

    Examples:
        >>> slug("Pressure works!")
        'pressure-works'
        >>> slug("북한 인권"), slug("???", fallback="statement")
        ('북한-인권', 'statement')
    """
    out = _NOT_ID_CHARS.sub("-", title.lower())
    out = _LEADING_NOT_WORD.sub("", out).rstrip("-.:")[:120].rstrip("-.:")
    return out if out and valid_id(out) else fallback


class Ids:
    """Hands out unique ids: reserved ones first, then slugs with ``-2``, ``-3`` on a clash.

    Examples:
        >>> ids = Ids()
        >>> ids.reserve("a"), ids.reserve("a"), ids.fresh("a"), ids.fresh("a")
        (True, False, 'a-2', 'a-3')
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def reserve(self, node_id: str) -> bool:
        """Take ``node_id``; False if it was taken."""
        if node_id in self.taken:
            return False
        self.taken.add(node_id)
        return True

    def fresh(self, wanted: str) -> str:
        """An id not taken yet, ``wanted`` if it is free (shortened if too long)."""
        candidate = _shortened(wanted)
        base, n = candidate, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate


def relation_id(source: str, verb: str, target: str) -> str:
    """The id of a plain relation: ``source-verb-target`` (shortened if too long).

    Examples:
        >>> relation_id("talks", "supports", "works")
        'talks-supports-works'
    """
    return _shortened(f"{source}-{verb}-{target}")


def _shortened(wanted: str) -> str:
    """``wanted``, or when longer than an id may be, its start and a digest of it all."""
    if len(wanted) > 128:
        digest = hashlib.sha1(wanted.encode(), usedforsecurity=False).hexdigest()[:10]
        wanted = f"{wanted[:100].rstrip('-.:')}-{digest}"
    return wanted
