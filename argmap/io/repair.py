"""Repairs: the faults of real corpora that a reader mends rather than refusing the whole file.

AIFdb serves nodesets whose edges reach dialogue nodes the export leaves out, scheme nodes that
conclude nothing, and texts with stray C1 control characters (Windows-1252 bytes read as
Latin-1). Refusing such a file would refuse half a corpus; guessing would be silently wrong. A
reader that meets such a fault mends it in one documented way (drops the edge, sets the node
aside in the map's data, reads the character as Windows-1252), lists every repair in the map's
``data["repaired"]`` (:data:`REPAIRED`), and warns once per file with
:class:`~argmap.exceptions.RepairWarning`, which counts them. With ``strict=True`` the first
fault is refused instead, as a :class:`~argmap.exceptions.FileFormatError` that names the file
and the place.

Each entry of ``data["repaired"]`` is an object with ``where`` (the place in the file, as
``edges[3]``), ``problem`` and ``repair`` (what the reader did), so that a writer, or a person,
can say what was repaired.

Examples:
    >>> repairs = Repairs(path="n.json", strict=False)
    >>> repairs.fault("edges[0]", "toID '9' names no node", "dropped the edge")
    >>> data = repairs.record({})
    >>> data["repaired"][0]["repair"]
    'dropped the edge'
    >>> strict = Repairs(path="n.json", strict=True)
    >>> try:
    ...     strict.fault("edges[0]", "toID '9' names no node", "dropped the edge")
    ... except FileFormatError as error:
    ...     print(error.where, "|", error.problem)
    edges[0] | toID '9' names no node (refused in strict mode; without strict=True argmap would \
have dropped the edge)
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from argmap.exceptions import FileFormatError, RepairWarning

__all__ = ["REPAIRED", "Repairs", "has_c1"]

REPAIRED = "repaired"
"""The key of a map's ``data`` that lists what a reader repaired, one object per fault."""

# C1 control characters: in corpora from the web they are Windows-1252 bytes decoded as Latin-1
# (U+0092 was a right quote, U+0096 a dash); five of the 32 have no Windows-1252 meaning.
_C1 = re.compile("[\x80-\x9f]")
_C1_ESCAPED = re.compile(r"\\u00[89][0-9a-fA-F]")  # one in JSON's escaped form


def _cp1252(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return ""  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character at all


def has_c1(value: Any) -> bool:
    """Whether a JSON value holds a C1 control character, in a text or a key: a reader repairs
    those (see :meth:`Repairs.texts`), so a writer must not put one where the reader looks.

    Examples:
        >>> has_c1({"a": ["fine", "dash \x96"]}), has_c1({"a": 1})
        (True, False)
    """
    if isinstance(value, str):
        return _C1.search(value) is not None
    if isinstance(value, list):
        return any(has_c1(v) for v in value)
    if isinstance(value, dict):
        return any(has_c1(k) or has_c1(v) for k, v in value.items())
    return False


class Repairs:
    """Collect a reader's repairs of one file, or refuse the first fault when ``strict``.

    Args:
        path: The file read, for messages (``None`` for text without a file).
        strict: Refuse the first fault instead of repairing it.
    """

    def __init__(self, *, path: str | None, strict: bool, text: str | None = None) -> None:
        self.path = path
        self.strict = strict
        self.found: list[dict[str, str]] = []
        # Given the file's text, a file with no C1 character (raw or escaped) is not searched.
        # Two searches, not one of two alternatives: a pattern with a literal start is found
        # by a fast scan (30 times faster on a large file), and ASCII text has no raw C1.
        self.c1 = (
            text is None
            or (not text.isascii() and _C1.search(text) is not None)
            or _C1_ESCAPED.search(text) is not None
        )

    def fault(self, where: str, problem: str, repair: str) -> None:
        """Record a fault at ``where`` and what was done about it; in strict mode, refuse it.

        Raises:
            FileFormatError: In strict mode, for the first fault, naming the file and place.
        """
        if self.strict:
            raise FileFormatError(
                f"{problem} (refused in strict mode; without strict=True argmap would have "
                f"{repair})",
                path=self.path,
                where=where,
            )
        entry = {"where": where, "problem": problem, "repair": repair}
        if entry not in self.found:  # a reader may meet a fault twice while it settles a graph
            self.found.append(entry)

    def text(self, value: Any, where: str) -> Any:
        """``value`` with C1 control characters read as Windows-1252, recorded as a repair."""
        if not self.c1 or not isinstance(value, str) or not _C1.search(value):
            return value
        fixed = _C1.sub(_cp1252, value)
        found = sorted({f"U+{ord(c):04X}" for c in _C1.findall(value)})
        self.fault(
            where,
            f"the text has C1 control characters ({', '.join(found)})",
            "read them as Windows-1252 characters",
        )
        return fixed

    def texts(self, value: Any, where: str) -> Any:
        """``value`` (JSON data) with every text in it repaired as :meth:`text` does."""
        if not self.c1:
            return value
        if isinstance(value, str):
            return self.text(value, where)
        if isinstance(value, list):
            return [self.texts(v, f"{where}[{i}]") for i, v in enumerate(value)]
        if isinstance(value, dict):
            return {k: self.texts(v, f"{where}.{k}") for k, v in value.items()}
        return value

    def record(self, data: dict[str, Any]) -> dict[str, Any]:
        """Return ``data`` with the repairs listed under :data:`REPAIRED` (if there were any)."""
        if not self.found:
            return data
        earlier = data.get(REPAIRED)
        listed = list(earlier) if isinstance(earlier, list) else []
        # A file written after a repair and read again (an edge set aside is written back as it
        # was) repeats the faults already listed, perhaps at another place: each is said once.
        said = {(r.get("problem"), r.get("repair")) for r in listed if isinstance(r, dict)}
        listed.extend(r for r in self.found if (r["problem"], r["repair"]) not in said)
        return {**data, REPAIRED: listed}

    def warn(self) -> None:
        """Warn once with :class:`~argmap.exceptions.RepairWarning` if anything was repaired
        (call it when the map is built: a file that fails after all gets its error alone)."""
        if self.found:
            lines = [f"{r['where']}: {r['problem']}; {r['repair']}" for r in self.found]
            warnings.warn(RepairWarning(self.path, lines), stacklevel=3)
