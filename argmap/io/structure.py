"""What a graph of statements and inferences implies, for formats that do not say it.

AIF, SADFace and the microtexts join statements by inferences but do not say which statement is
the central claim, or whether a statement is a claim, a premise or a rebuttal; their readers
decide by the graph, with the rules here, and their writers leave out what these rules give back.

Examples:
    >>> clean_ids(["29045", "node 1", "node_1"])
    {'29045': '29045', 'node 1': 'node_1_2', 'node_1': 'node_1'}
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any

import pydantic

from argmap.exceptions import FileFormatError
from argmap.ids import ASCII_ID, ID_MAX_LENGTH, WORD_CHARS
from argmap.model import NodeId

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Kind

__all__ = ["clean_ids", "free_data", "infer_central", "infer_kind"]

_KINDS = {"claim", "premise", "case", "rebuttal", "support", "attack"}


def infer_kind(concludes: bool, premise_of: Set[str]) -> Kind:
    """The kind of statement a node becomes, from its place in the graph.

    A conclusion of a support, or a node that is a premise of nothing, is a claim; a premise of
    attacks only is a rebuttal; any other is a premise.

    Examples:
        >>> infer_kind(True, {"support"}), infer_kind(False, {"attack"})
        ('claim', 'rebuttal')
        >>> infer_kind(False, {"support", "attack"}), infer_kind(False, set())
        ('premise', 'claim')
    """
    if concludes or not premise_of:
        return "claim"
    if premise_of == {"attack"}:
        return "rebuttal"
    return "premise"


def infer_central(m: ArgumentMap) -> str | None:
    """The central claim a graph implies: the one claim that concludes a support and is a premise
    of nothing; ``None`` when there is not exactly one.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.claim("c", "We should act.")
        >>> _ = m.claim("d", "It works.")
        >>> _ = m.support("d", "c")
        >>> infer_central(m)
        'c'
    """
    index = m.index
    premise_of, supports_into = index.premise_of, index.supports_into
    found = []
    for statement in index.statements.values():
        if statement.kind != "claim" or statement.id in premise_of:
            continue  # not a claim, or a premise of something
        if statement.id in supports_into:
            found.append(statement.id)
            if len(found) > 1:
                return None
    return found[0] if found else None


_NODE_ID: pydantic.TypeAdapter[str] = pydantic.TypeAdapter(NodeId)


# Ids of ASCII letters, digits and '_', then also '.', ':', '-' (argmap.ids.ASCII_ID) need no
# call into pydantic. Anything else is the model's to judge.
_ASCII_ID = ASCII_ID


def _as_id(text: str) -> str | None:
    """``text`` as the model keeps it as a node id (NFC), or None if it is not one."""
    if type(text) is str and _ASCII_ID.fullmatch(text):
        return text
    try:
        return _NODE_ID.validate_python(text)
    except pydantic.ValidationError:
        return None


_NOT_ID_CHARS = re.compile(f"[^{WORD_CHARS}.:-]")


def clean_ids(keys: Iterable[str]) -> dict[str, str]:
    """Map a format's node ids to argmap ids: the same where valid, else a cleaned, unique form.

    A cleaned id replaces each character an id cannot have with ``_`` (and starts with ``n``
    when it must); a clash gets ``_2``, ``_3``, ... The reader keeps the original id in the
    node's data, so that a writer can give it back.
    """
    keys = list(keys)
    # What is an id is the model's to say (argmap.ids), and ids are one id in NFC form: two keys
    # that differ only in how an accent is written must not become one node.
    valid = {k: _as_id(k) for k in keys}
    taken: set[str] = set()
    kept: set[str] = set()
    for key in keys:
        nfc = valid[key]
        if nfc is not None and nfc not in taken:
            taken.add(nfc)
            kept.add(key)
    ids: dict[str, str] = {}
    for key in keys:
        if key in kept:
            ids[key] = key
            continue
        base = _NOT_ID_CHARS.sub("_", key) or "node"
        if base[0] in ".:-":
            base = f"n{base}"
        # Cut after NFC, which can lengthen a string, so that the suffix still fits.
        base = unicodedata.normalize("NFC", base)[: ID_MAX_LENGTH - 8]
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        ids[key] = candidate
    return ids


def free_data(value: object, *, path: str | None, where: str) -> dict[str, Any]:
    """A node's or map's ``data`` as argmap's own extension of a format holds it: a mapping.

    Every reader that takes ``data`` from a file takes it through here, so a file whose
    ``data`` is text, a number or a list is one located error, not a ``TypeError`` from deep
    inside the reader. (What the mapping may hold is checked once, by the model.)

    Raises:
        FileFormatError: ``value`` is neither absent (None) nor a mapping.

    Examples:
        >>> free_data(None, path=None, where="data"), free_data({"a": 1}, path=None, where="data")
        ({}, {'a': 1})
        >>> free_data("x", path="m.json", where="nodes[0]._argmap.data")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        argmap.exceptions.FileFormatError: m.json (nodes[0]._argmap.data): data must be an ...
    """
    if value is None:
        return {}
    if not isinstance(value, dict):
        kind = {str: "a string", list: "a list", bool: "true or false", int: "a number"}.get(
            type(value), "a number" if isinstance(value, float) else type(value).__name__
        )
        raise FileFormatError(
            f"data must be an object (names and values), not {kind}; argmap writes it so: make "
            "it an object or remove it",
            path=path,
            where=where,
        )
    return dict(value)
