"""The catalogue of argumentation schemes (Walton) and their critical questions.

The catalogue ships as data (``argmap/data/schemes.yaml``). A support inference may name its
scheme; each scheme lists the critical questions a careful reader asks of an argument of that
form, and the gap checks report the ones a map leaves open.

Examples:
    >>> from argmap.schemes import get_scheme
    >>> s = get_scheme("example")
    >>> s.name
    'Argument from example'
    >>> s.questions["example.typical"]
    'Is the example typical of the kinds of cases the generalisation covers?'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING

import yaml

from argmap.exceptions import InvalidMapError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Scheme", "get_scheme", "scheme_names", "schemes"]


@dataclass(frozen=True)
class Scheme:
    """One argumentation scheme.

    Attributes:
        id: The scheme's name in maps, such as ``"cause_to_effect"``.
        name: Its name for people, such as ``"Argument from cause to effect"``.
        pattern: The form of the argument, premises then conclusion.
        questions: Critical question id (``"<scheme>.<slug>"``) to the question.
    """

    id: str
    name: str
    pattern: str
    questions: Mapping[str, str]


@cache
def schemes() -> Mapping[str, Scheme]:
    """Return the whole catalogue, scheme id to :class:`Scheme`, in catalogue order."""
    raw = yaml.safe_load(files("argmap").joinpath("data/schemes.yaml").read_text("utf-8"))
    catalogue = {
        sid: Scheme(
            id=sid,
            name=entry["name"],
            pattern=entry["pattern"],
            questions=MappingProxyType(
                {f"{sid}.{slug}": text for slug, text in entry["questions"].items()}
            ),
        )
        for sid, entry in raw.items()
    }
    return MappingProxyType(catalogue)


def scheme_names() -> tuple[str, ...]:
    """Return the ids of every scheme in the catalogue."""
    return tuple(schemes())


def get_scheme(scheme_id: str) -> Scheme:
    """Return the scheme called ``scheme_id``.

    Raises:
        InvalidMapError: There is no such scheme; the message suggests the closest names.
    """
    try:
        return schemes()[scheme_id]
    except KeyError:
        close = difflib.get_close_matches(scheme_id, scheme_names(), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise InvalidMapError(
            f"unknown argumentation scheme {scheme_id!r}.{hint} "
            f"Known schemes: {', '.join(scheme_names())}."
        ) from None
