"""Argdown's ``@include(file)``: another file's text read in place of the line that names it.

The Argdown reference CLI reads ``@include(_partial.argdown)`` (several files: separated by
commas) relative to the including file, before it parses anything; argmap does the same, and
remembers where each line of the result came from, so that an error in an included file names
that file and its line. A file that includes itself, directly or through others, is refused with
the chain of includes and the line of the ``@include`` that closes it (the reference CLI leaves
such an include out without a word).

A file may be included more than once (two parts that share a third), but the included text is
bounded, so that a few small files cannot include one another into gigabytes (twenty files each
including the next twice make a million copies): at most :data:`MAX_INCLUDES` includes in all,
and no more text in all than :func:`argmap.files.max_file_size` allows one file. Each file is
read once. Includes nest at most :data:`MAX_INCLUDE_DEPTH` deep.

Examples:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "part.argdown").write_text("[B]: Included.\\n", encoding="utf-8")
    >>> main = folder / "m.argdown"
    >>> text, origins = expand("[A]: Main.\\n\\n@include(part.argdown)\\n", path=main)
    >>> text.splitlines()
    ['[A]: Main.', '', '[B]: Included.', '']
    >>> origins[2].path.endswith("part.argdown"), origins[2].line
    (True, 1)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.exceptions import FileFormatError
from argmap.files import MAX_FILE_SIZE_VARIABLE, max_file_size, read_text

__all__ = ["MAX_INCLUDES", "MAX_INCLUDE_DEPTH", "Origin", "expand"]

MAX_INCLUDES = 10_000
"""The most files one text may include, counting each ``@include`` of a file (nested too)."""

MAX_INCLUDE_DEPTH = 100
"""The deepest includes nest: a file that includes a file that includes ... 100 times."""

_INCLUDE = re.compile(r"^[ \t]*@include\(([^)\n]*)\)[ \t]*$")


@dataclass(frozen=True)
class Origin:
    """Where a line of an expanded text came from: the file (``None`` for text without one) and
    its 1-based line."""

    path: str | None
    line: int


def expand(text: str, *, path: str | os.PathLike[str] | None) -> tuple[str, list[Origin]]:
    """Return ``text`` with each ``@include(...)`` line replaced by the files it names (read
    relative to ``path``'s folder, and expanded in turn), and the origin of every line.

    Raises:
        FileFormatError: An included file is missing or unreadable, a file includes itself
            (directly or through others), or text without a path includes a file; the message
            names the file and line of the ``@include``.
    """
    where = None if path is None else os.fspath(path)
    if "@include(" not in text:
        return text, [Origin(where, n) for n in range(1, text.count("\n") + 2)]
    lines: list[str] = []
    origins: list[Origin] = []
    budget = _Budget(len(text), max_file_size())
    # "@include(" inside a line is text: no include, the text as it was
    if not _expand(text, where, [], lines, origins, budget=budget):
        return text, origins
    return "\n".join(lines), origins


class _Budget:
    """What the includes of one text have read so far, and each file's text, read once."""

    def __init__(self, size: int, limit: int) -> None:
        self.includes = 0
        self.size = size
        self.limit = limit
        self.texts: dict[Path, str] = {}


def _expand(
    text: str,
    path: str | None,
    chain: list[Path],
    lines: list[str],
    origins: list[Origin],
    *,
    budget: _Budget,
) -> bool:
    """Append the lines of ``text`` (expanded) and their origins; return whether it included."""
    included_any = False
    for number, line in enumerate(text.split("\n"), 1):
        found = _INCLUDE.match(line)
        if found is None:
            lines.append(line)
            origins.append(Origin(path, number))
            continue
        included_any = True
        for name in (n.strip() for n in found.group(1).split(",")):
            if not name:
                raise FileFormatError(
                    "@include() names no file; write @include(other.argdown)",
                    path=path,
                    line=number,
                )
            if path is None:
                raise FileFormatError(
                    f"@include({name}) is read relative to the including file, and this text "
                    "has none; read the file with load(path)",
                    line=number,
                )
            target = (Path(path).parent / name).resolve()
            here = [*chain, Path(path).resolve()]
            if len(here) > MAX_INCLUDE_DEPTH:
                raise FileFormatError(
                    f"@include({name}) nests includes more than {MAX_INCLUDE_DEPTH} deep (a "
                    "file that includes a file that includes ...); include the parts from "
                    "fewer levels of files",
                    path=path,
                    line=number,
                )
            if target in here:
                cycle = " -> ".join(p.name for p in [*here[here.index(target) :], target])
                raise FileFormatError(
                    f"@include({name}) includes a file that is already being read ({cycle}); "
                    "a file cannot include itself, directly or through others: remove the "
                    "include that closes the cycle",
                    path=path,
                    line=number,
                )
            included = budget.texts.get(target)
            if included is None:
                try:
                    included = read_text(target, expected="an Argdown file").removeprefix("\ufeff")
                except FileFormatError as exc:
                    raise FileFormatError(
                        f"@include({name}): {exc.problem}", path=path, line=number
                    ) from None
                budget.texts[target] = included
            budget.includes += 1
            budget.size += len(included)
            if budget.includes > MAX_INCLUDES or budget.size > budget.limit:
                raise FileFormatError(
                    f"@include({name}): the includes add up to more than "
                    + (
                        f"{MAX_INCLUDES:,} files"
                        if budget.includes > MAX_INCLUDES
                        else f"{budget.limit:,} characters, the most argmap reads (set "
                        f"{MAX_FILE_SIZE_VARIABLE} higher to read more)"
                    )
                    + "; files that include one another more than once multiply: include "
                    "each part once",
                    path=path,
                    line=number,
                )
            _expand(included, str(target), here, lines, origins, budget=budget)
    return included_any
