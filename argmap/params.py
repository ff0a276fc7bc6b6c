"""Checking the values a public function is given, at the boundary, so that a wrong one is an
:class:`~argmap.exceptions.InvalidArgumentError` naming the function and the parameter, never a
``TypeError`` or ``KeyError`` from deep inside, nor a silently wrong result.

One text where a list is expected is the classic slip: Python iterates a ``str`` letter by
letter, so ``quotes="Alpha"`` would be five quotes. Each parameter that takes several items says
which of two things it does with one text: takes it as one item (where that is clearly what is
meant, as ``premises="p"`` or ``remove="k"``: ids are never read letter by letter) or refuses it,
saying to pass a list.

Examples:
    >>> items("p", where="support", name="premises", item="node id", one=True)
    ('p',)
    >>> items("Alpha", where="claim", name="quotes", item="quote")
    Traceback (most recent call last):
    argmap.exceptions.InvalidArgumentError: claim: quotes must be a list of quotes (for one, \
pass ['Alpha']), not one text 'Alpha'
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from argmap.exceptions import InvalidArgumentError

__all__ = ["choice", "items", "mapping", "path", "refuse", "shown", "text", "whole_number"]


def shown(value: object) -> str:
    """``value`` as a message shows what was given: a short repr of a scalar, else its type.

    Examples:
        >>> shown(None), shown(-5), shown("warn"), shown([1, 2]), shown("x" * 99)[-6:]
        ('None', '-5', "'warn'", 'a list', 'xxx...')
        >>> shown(10**5000)
        'an int of 5001 digits'
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        # repr() of an int past 4,300 digits raises ValueError; its size says enough
        return f"an int of {math.floor(math.log10(abs(value))) + 1} digits"
    if value is None or isinstance(value, bool | int | float | str):
        given = repr(value)
        return given if len(given) <= 40 else given[:37] + "..."
    name = type(value).__name__
    return f"an {name}" if name[:1] in "aeiou" else f"a {name}"


def refuse(value: object, *, where: str, name: str, want: str) -> InvalidArgumentError:
    """The error for ``value`` given as ``name`` to ``where``, which takes ``want``."""
    return InvalidArgumentError(f"{where}: {name} must be {want}, not {shown(value)}")


def items(
    value: object,
    *,
    where: str,
    name: str,
    item: str,
    one: bool = False,
    kind: type | tuple[type, ...] | None = None,
    plural: str | None = None,
) -> tuple[Any, ...]:
    """``value`` as a tuple of items: any iterable but a mapping or bytes.

    One text is one item if ``one``, else refused with a hint to pass a list. With ``kind``,
    each item must be of that type. Messages call the items ``plural`` (default ``item + "s"``).
    """
    many = plural or f"{item}s"
    if isinstance(value, str):
        if one:
            return (value,)
        hint = f" (for one, pass [{shown(value)}])" if kind in (None, str) else ""
        raise InvalidArgumentError(
            f"{where}: {name} must be a list of {many}{hint}, not one text {shown(value)}"
        )
    if isinstance(value, Mapping | bytes | bytearray) or not isinstance(value, Iterable):
        raise refuse(value, where=where, name=name, want=f"a list of {many}")
    found = tuple(value)
    if kind is not None:
        for i, each in enumerate(found):
            if not isinstance(each, kind):
                raise refuse(each, where=where, name=f"{name}[{i}]", want=f"a {item}")
    return found


def mapping(value: object, *, where: str, name: str, want: str = "a mapping") -> dict[Any, Any]:
    """``value`` as a dict: it must be a mapping (None is no mapping; callers allow it first)."""
    if not isinstance(value, Mapping):
        raise refuse(value, where=where, name=name, want=want)
    return dict(value)


def text(value: object, *, where: str, name: str, want: str = "text (a str)") -> str:
    """``value``, which must be a ``str``."""
    if not isinstance(value, str):
        raise refuse(value, where=where, name=name, want=want)
    return value


def whole_number(value: object, *, where: str, name: str, minimum: int | None = None) -> int:
    """``value``, which must be an ``int`` (not a bool) of at least ``minimum``."""
    want = "a whole number" + (f" of at least {minimum}" if minimum is not None else "")
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or (minimum is not None and value < minimum)
    ):
        raise refuse(value, where=where, name=name, want=want)
    return value


def path(value: object, *, where: str, name: str) -> str | os.PathLike[str]:
    """``value``, which must be a path: a ``str`` or an ``os.PathLike`` (``pathlib.Path``)."""
    if not isinstance(value, str | os.PathLike):
        raise refuse(value, where=where, name=name, want="a path (a str or a pathlib.Path)")
    return value


def choice(value: object, choices: Sequence[str], *, where: str, name: str) -> str:
    """``value``, which must be one of ``choices``; a near miss gets a "did you mean"."""
    if isinstance(value, str) and value in choices:
        return value
    listed = ", ".join(repr(c) for c in choices)
    close = difflib.get_close_matches(value, choices, n=1) if isinstance(value, str) else []
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise refuse(value, where=where, name=name, want=f"one of {listed}{hint}")
