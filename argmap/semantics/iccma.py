"""Frameworks out to competition solvers: ICCMA's ``p af N`` format, ASPARTIX ``.apx`` and TGF.

- **ICCMA 2023** (``.af``, ``.i23``): a line ``p af N``, then one attack per line as two
  1-based argument numbers (``1 2``: argument 1 attacks argument 2). argmap adds comment lines
  ``# 1 name`` after the header so that a solver's answer can be read back by name.
- **ASPARTIX** (``.apx``): ``arg(a).`` and ``att(a,b).`` facts; names that are not plain
  lower-case identifiers are written as quoted strings.
- **Trivial Graph Format** (``.tgf``): one argument name per line, a ``#`` line, then one attack
  per line as two names.

A map is translated first (:func:`argmap.semantics.translate.to_framework`), auxiliary
arguments included, so a solver's extensions mean what argmap's do.

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework(["a", "b/c"], [("a", "b/c")])
    >>> print(to_iccma(af), end="")
    p af 2
    # 1 a
    # 2 b/c
    1 2
    >>> print(to_apx(af), end="")
    arg(a).
    arg("b/c").
    att(a,"b/c").
    >>> print(to_tgf(af), end="")
    a
    b/c
    #
    a b/c
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from argmap.exceptions import EvaluationError
from argmap.files import write_atomic
from argmap.semantics.framework import Framework
from argmap.semantics.translate import to_framework

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["FrameworkFormat", "to_apx", "to_iccma", "to_tgf", "write_framework"]

FrameworkFormat = Literal["iccma", "apx", "tgf"]
_SUFFIXES: dict[str, FrameworkFormat] = {
    ".af": "iccma",
    ".i23": "iccma",
    ".apx": "apx",
    ".tgf": "tgf",
}
_PLAIN = re.compile(r"^[a-z][A-Za-z0-9_]*$")


def _framework(source: Framework | ArgumentMap) -> Framework:
    return source if isinstance(source, Framework) else to_framework(source)


def to_iccma(source: Framework | ArgumentMap) -> str:
    """Return the framework (or a map's translation) in ICCMA 2023's ``p af N`` format."""
    af = _framework(source)
    lines = [f"p af {len(af)}"]
    lines += [f"# {i + 1} {name}" for i, name in enumerate(af.arguments)]
    lines += [f"{i + 1} {j + 1}" for i, targets in enumerate(af._attacked) for j in targets]
    return "\n".join(lines) + "\n"


def _apx_name(name: str) -> str:
    return name if _PLAIN.match(name) else json.dumps(name, ensure_ascii=False)


def to_apx(source: Framework | ArgumentMap) -> str:
    """Return the framework (or a map's translation) as ASPARTIX ``arg/1`` and ``att/2`` facts."""
    af = _framework(source)
    names = [_apx_name(a) for a in af.arguments]
    lines = [f"arg({n})." for n in names]
    lines += [f"att({names[i]},{names[j]})." for i, ts in enumerate(af._attacked) for j in ts]
    return "\n".join(lines) + "\n"


def to_tgf(source: Framework | ArgumentMap) -> str:
    """Return the framework (or a map's translation) in the Trivial Graph Format."""
    af = _framework(source)
    lines = [*af.arguments, "#"]
    lines += [f"{a} {b}" for a, b in af.attacks()]
    return "\n".join(lines) + "\n"


def write_framework(
    source: Framework | ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: FrameworkFormat | None = None,  # noqa: A002
) -> Path:
    """Write the framework to ``path`` atomically, in the format its suffix names.

    Suffixes: ``.af`` and ``.i23`` (ICCMA), ``.apx`` (ASPARTIX), ``.tgf`` (TGF).

    Raises:
        EvaluationError: The suffix names no framework format and ``format`` is not given.

    Examples:
        >>> import tempfile, pathlib
        >>> from argmap.examples import north_korea
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "nk.af"
        >>> write_framework(north_korea(), path).read_text().startswith("p af ")
        True
    """
    target = Path(path)
    chosen = format or _SUFFIXES.get(target.suffix.lower())
    writers = {"iccma": to_iccma, "apx": to_apx, "tgf": to_tgf}
    if chosen not in writers:
        raise EvaluationError(
            f"{target}: cannot tell the framework format from {target.suffix!r}; use .af, .i23, "
            ".apx or .tgf, or pass format='iccma', 'apx' or 'tgf'"
        )
    write_atomic(target, writers[chosen](source).encode("utf-8"))
    return target
