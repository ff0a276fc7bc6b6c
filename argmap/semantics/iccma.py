"""Frameworks in and out of the competition's formats: ICCMA 2023's ``p af N``, ``.apx``, TGF.

- **ICCMA 2023** (``.af``, ``.i23``): a line ``p af N``, then one attack per line as two
  1-based argument numbers (``1 2``: argument 1 attacks argument 2). argmap adds comment lines
  ``# 1 name`` after the header so that a solver's answer can be read back by name.
- **ASPARTIX** (``.apx``): ``arg(a).`` and ``att(a,b).`` facts; names that are not plain
  lower-case identifiers are written as quoted strings.
- **Trivial Graph Format** (``.tgf``): one argument name per line, a ``#`` line, then one attack
  per line as two names.

A map is translated first (:func:`argmap.semantics.translate.to_framework`), auxiliary
arguments included, so a solver's extensions mean what argmap's do.

:func:`read_framework` reads the three formats straight into a :class:`Framework`, with no map in
between (ICCMA benchmark instances are frameworks, not maps): an ICCMA 2023 file's arguments are
named ``"1"`` .. ``"N"``, as the competition's answers name them; comment lines (argmap's
``# 1 name`` included) are skipped. A file that breaks its format raises
:class:`~argmap.exceptions.FileFormatError` naming the file, the line and what is wrong.

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

from argmap.exceptions import EvaluationError, FileFormatError
from argmap.files import MAX_FILE_SIZE_VARIABLE, max_file_size, read_text, write_atomic
from argmap.semantics.framework import Framework
from argmap.semantics.tasks import printed_name
from argmap.semantics.translate import to_framework

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "FrameworkFormat",
    "format_of",
    "parse_framework",
    "read_framework",
    "to_apx",
    "to_iccma",
    "to_tgf",
    "write_framework",
]

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
    lines += [f"# {i + 1} {printed_name(name)}" for i, name in enumerate(af.arguments)]
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
    """Return the framework (or a map's translation) in the Trivial Graph Format.

    Raises:
        EvaluationError: An argument's name has a space or a line break in it, is empty, or is
            ``#``: TGF cannot hold it (a name ends at the first space, and the rest of the line
            is a label).
    """
    af = _framework(source)
    for name in af.arguments:
        if name.split() != [name] or name == "#":
            raise EvaluationError(
                f"the argument {printed_name(name)} cannot be written as TGF, where a name ends "
                "at the first space (the rest of the line is a label) and '#' ends the "
                "arguments; write .apx, which quotes such names, or .i23, which numbers them"
            )
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
        EvaluationError: The suffix names no framework format and ``format`` is not given, or
            an argument's name cannot be written as TGF (see :func:`to_tgf`).

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


def format_of(path: str | os.PathLike[str]) -> FrameworkFormat | None:
    """The framework format a file's suffix names (``.af``/``.i23``, ``.apx``, ``.tgf``), or None.

    Examples:
        >>> format_of("n512.i23"), format_of("map.yaml")
        ('iccma', None)
    """
    return _SUFFIXES.get(Path(path).suffix.lower())


def read_framework(
    path: str | os.PathLike[str],
    *,
    format: FrameworkFormat | None = None,  # noqa: A002
) -> Framework:
    """Read an ICCMA 2023 (``.i23``, ``.af``), ASPARTIX (``.apx``) or TGF (``.tgf``) file.

    Args:
        path: The file.
        format: ``"iccma"``, ``"apx"`` or ``"tgf"``, when the suffix does not say it.

    Raises:
        FileFormatError: The file cannot be read (as for :func:`argmap.files.read_text`: not a
            regular file, larger than its cap, not UTF-8), its suffix names no framework format,
            or it breaks its format (the message names the line).

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "af.i23"
        >>> _ = path.write_text("p af 3\\n1 2\\n2 3\\n")
        >>> read_framework(path).attacks()
        [('1', '2'), ('2', '3')]
    """
    source = Path(path)
    chosen = format or format_of(source)
    if chosen not in _PARSERS:
        raise FileFormatError(
            f"cannot tell the framework format from {source.suffix!r}; use .i23, .af, .apx or "
            ".tgf, or pass format='iccma', 'apx' or 'tgf'",
            path=str(source),
        )
    text = read_text(source, expected="a framework file (.i23, .af, .apx or .tgf)")
    return _PARSERS[chosen](text, str(source))


def parse_framework(
    text: str,
    *,
    format: FrameworkFormat,  # noqa: A002
    path: str | None = None,
) -> Framework:
    """Parse a framework from ``text`` in ``format`` (``path`` names it in errors).

    Raises:
        FileFormatError: The text breaks its format; the message names the line.

    Examples:
        >>> parse_framework("arg(a).\\narg(b).\\natt(a,b).\\n", format="apx").attacks()
        [('a', 'b')]
        >>> parse_framework("a\\nb\\n#\\na b\\nb c\\n", format="tgf", path="x.tgf")
        Traceback (most recent call last):
        ...
        argmap.exceptions.FileFormatError: x.tgf:5: the attack names 'c', which is not an argument; list every argument before the '#' line
    """  # noqa: E501
    if format not in _PARSERS:
        raise EvaluationError(f"unknown framework format {format!r}; use 'iccma', 'apx' or 'tgf'")
    return _PARSERS[format](text, path)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# Numbers are ASCII digits: Python's \d and str.isdigit() also take other scripts' digits.
# Spaces are spaces and tabs: str.split() and str.strip() also take NBSP, U+2028 and '\x1c'.
# One grammar of a line serves the whole body at once and, on a failure, each line.
_BODY_LINE = r"[ \t]*(?:{n}[ \t]+{n}[ \t]*|#[^\n]*)?\r?"
# A number has at most 18 digits: int() refuses one of thousands (a raw ValueError).
_ICCMA_BODY = re.compile(rf"(?:{_BODY_LINE.format(n='[0-9]{1,18}')}(?:\n|\Z))*")
_ICCMA_LINE = re.compile(_BODY_LINE.format(n="([0-9]{1,18})"))
_HEADER = re.compile(r"p[ \t]+af[ \t]+([0-9]+)[ \t]*\r?")
_SPACE = " \t\r"


def _parse_iccma(text: str, path: str | None) -> Framework:
    lines = text.split("\n")
    header = next(
        (
            k
            for k, line in enumerate(lines)
            if line.strip(_SPACE) and not line.lstrip(_SPACE).startswith("#")
        ),
        None,
    )
    if header is None:
        raise FileFormatError(
            "no 'p af N' line: an ICCMA 2023 file starts with 'p af' and its number of arguments",
            path=path,
            line=1,
        )
    found = _HEADER.fullmatch(lines[header].strip(_SPACE))
    if found is None:
        raise FileFormatError(
            "expected 'p af N' (the number of arguments), found "
            f"{lines[header].strip(_SPACE)[:60]!r}",
            path=path,
            line=header + 1,
        )
    if len(found.group(1)) > 18:  # int() refuses thousands of digits; no file holds so many
        raise FileFormatError(
            f"'p af {found.group(1)[:20]}...' declares more arguments than any file can name",
            path=path,
            line=header + 1,
        )
    n = int(found.group(1))
    _check_count(n, len(text), path, header + 1)
    body = "\n".join(lines[header + 1 :])
    numbers: list[int] = []
    if _ICCMA_BODY.fullmatch(body):
        numbers = [int(t) for t in _COMMENT.sub("", body).split()]
    if not _ICCMA_BODY.fullmatch(body) or (numbers and (min(numbers) < 1 or max(numbers) > n)):
        _locate_iccma(lines, header, n, path)
    it = iter(numbers)
    return Framework.from_indices(
        n,
        [(a - 1, b - 1) for a, b in zip(it, it, strict=True)],
        names=[str(i) for i in range(1, n + 1)],
    )


_COMMENT = re.compile(r"#[^\n]*")

_BYTES_PER_ARGUMENT = 1024
"""What an argument no line names counts for against ``ARGMAP_MAX_FILE_SIZE``.

``p af N`` makes N arguments, each taking memory (about 300 bytes) whether or not an attack
names it: 14 bytes of ``p af 3000000`` took 1.1 GB. So a file may declare one argument per byte
of its own, or else as many as the size cap allows at 1 KB each (262,144 by default)."""


def _check_count(n: int, size: int, path: str | None, line: int) -> None:
    """Refuse a header that declares far more arguments than its file could name."""
    limit = max(size, max_file_size() // _BYTES_PER_ARGUMENT)
    if n <= limit:
        return
    need = -(-n * _BYTES_PER_ARGUMENT // 1024**2)
    raise FileFormatError(
        f"'p af {n}' declares {n:,} arguments in a file of {size:,} bytes, more than a file "
        f"this size may declare ({limit:,}: each argument takes memory whether or not an "
        f"attack names it); if the framework has {n:,} arguments, set the environment variable "
        f"{MAX_FILE_SIZE_VARIABLE}={need}M or higher (1 KB for each argument), with memory to "
        "spare",
        path=path,
        line=line,
    )


def _locate_iccma(lines: list[str], header: int, n: int, path: str | None) -> None:
    """Raise the located error for the first bad line after the header."""
    for k in range(header + 1, len(lines)):
        line = lines[k]
        found = _ICCMA_LINE.fullmatch(line)
        if found is not None:
            if found.group(1) is None or all(1 <= int(g) <= n for g in found.groups()):
                continue  # a blank line, a comment, or a good attack
            found_text = line.strip(_SPACE)[:60]
            problem = f"argument numbers run from 1 to {n} ('p af {n}'), found {found_text!r}"
        elif line.lstrip(_SPACE).startswith("p "):
            problem = "a second 'p' line; a file holds one framework"
        else:
            problem = (
                f"expected an attack as two argument numbers ('1 2', ASCII digits apart by spaces "
                f"or tabs), found {line.strip(_SPACE)[:60]!r}"
            )
        raise FileFormatError(problem, path=path, line=k + 1)
    raise AssertionError("no bad line found")  # pragma: no cover - the caller saw one


_NAME = r'"(?:[^"\\\n]|\\.)*"|[^\s,()"%]+'
_APX = re.compile(
    rf"\s*(?:(?P<kind>arg|att)\s*\(\s*(?P<a>{_NAME})\s*(?:,\s*(?P<b>{_NAME})\s*)?\)\s*\.|%[^\n]*)"
)


def _apx_unquote(name: str, text: str, offset: int, path: str | None) -> str:
    if not name.startswith('"'):
        return name
    try:
        value = json.loads(name)
    except ValueError:
        raise FileFormatError(
            f"cannot read the quoted name {name[:60]}", path=path, line=_line_of(text, offset)
        ) from None
    return str(value)


def _parse_apx(text: str, path: str | None) -> Framework:
    index: dict[str, int] = {}
    pending: list[tuple[str, str, int]] = []
    pos, end = 0, len(text)
    match = _APX.match
    while pos < end:
        found = match(text, pos)
        if found is None or found.end() == pos:
            rest = text[pos:]
            if rest.strip():
                at = pos + len(rest) - len(rest.lstrip())
                raise FileFormatError(
                    "expected a fact 'arg(a).' or 'att(a,b).' (or a '%' comment), found "
                    f"{text[at : at + 40].splitlines()[0]!r}",
                    path=path,
                    line=_line_of(text, at),
                )
            break
        pos = found.end()
        kind = found.group("kind")
        if kind is None:
            continue
        a, b = found.group("a"), found.group("b")
        if (kind == "arg") != (b is None):
            raise FileFormatError(
                f"{kind}/{1 if b is None else 2}: 'arg' takes one name, 'att' two",
                path=path,
                line=_line_of(text, found.start("kind")),
            )
        if a.startswith('"'):
            a = _apx_unquote(a, text, found.start("a"), path)
        if kind == "arg":
            index.setdefault(a, len(index))
        else:
            if b.startswith('"'):
                b = _apx_unquote(b, text, found.start("b"), path)
            pending.append((a, b, found.start("kind")))
    pairs: list[tuple[int, int]] = []
    for a, b, offset in pending:
        try:
            pairs.append((index[a], index[b]))
        except KeyError as exc:
            raise FileFormatError(
                f"att({a},{b}) names {exc.args[0]!r}, which no arg/1 fact declares",
                path=path,
                line=_line_of(text, offset),
            ) from None
    return Framework.from_indices(len(index), pairs, names=list(index))


def _parse_tgf(text: str, path: str | None) -> Framework:
    index: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    in_attacks = False
    for k, line in enumerate(text.split("\n")):
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "#" and len(parts) == 1:
            if in_attacks:
                raise FileFormatError(
                    "a second '#' line; TGF has one, between the arguments and the attacks",
                    path=path,
                    line=k + 1,
                )
            in_attacks = True
            continue
        if not in_attacks:
            index.setdefault(parts[0], len(index))  # the rest of the line is a label
            continue
        if len(parts) < 2:
            raise FileFormatError(
                f"expected an attack as two argument names ('a b'), found {line.strip()[:60]!r}",
                path=path,
                line=k + 1,
            )
        try:
            pairs.append((index[parts[0]], index[parts[1]]))
        except KeyError as exc:
            raise FileFormatError(
                f"the attack names {exc.args[0]!r}, which is not an argument; list every "
                "argument before the '#' line",
                path=path,
                line=k + 1,
            ) from None
    return Framework.from_indices(len(index), pairs, names=list(index))


_PARSERS = {"iccma": _parse_iccma, "apx": _parse_apx, "tgf": _parse_tgf}
