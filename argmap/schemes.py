"""The catalogue of argumentation schemes (Walton) and their critical questions.

The catalogue ships as data (``argmap/data/schemes.yaml``). A support inference may name its
scheme; each scheme lists the critical questions a careful reader asks of an argument of that
form, and the gap checks report the ones a map leaves open.

A map may also name schemes the catalogue does not hold (AIF's ``"Default Inference"``, an
Argdown inference rule, a Carneades scheme): they are kept as given, and have no critical
questions until someone registers them with :func:`register_scheme`. A name *close* to a
catalogue name is more likely a typo than a new scheme, so the map warns with
:class:`~argmap.exceptions.UnknownSchemeWarning` and a "did you mean".

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
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from argmap.exceptions import InvalidMapError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "Scheme",
    "external_scheme",
    "find_scheme",
    "get_scheme",
    "register_scheme",
    "scheme_names",
    "schemes",
    "similar_schemes",
    "unregister_scheme",
]


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


_registered: dict[str, Scheme] = {}
_similar: dict[str, list[str]] = {}  # misspelling checks, remembered until a scheme is registered
_CATALOGUE = Path(__file__).parent / "data" / "schemes.yaml"
_EXTERNAL = Path(__file__).parent / "data" / "external_schemes.yaml"
_SPELLING = re.compile(r"[\s_\-]+")


@cache
def _catalogue() -> Mapping[str, Scheme]:
    """The shipped catalogue, read once, when a scheme is first looked up (not at import)."""
    import yaml  # noqa: PLC0415  # YAML loads only when needed

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where it is built
    raw = yaml.load(_CATALOGUE.read_text("utf-8"), Loader=loader)  # noqa: S506  # a safe loader
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


def schemes() -> Mapping[str, Scheme]:
    """Return every known scheme, id to :class:`Scheme`: the catalogue's, then registered ones."""
    if not _registered:
        return _catalogue()
    return MappingProxyType({**_catalogue(), **_registered})


def scheme_names() -> tuple[str, ...]:
    """Return the ids of every known scheme (the catalogue's, then registered ones)."""
    return tuple(schemes())


def find_scheme(scheme_id: str) -> Scheme | None:
    """Return the known scheme called ``scheme_id``, or ``None`` for a name kept as given.

    Examples:
        >>> find_scheme("example").name
        'Argument from example'
        >>> find_scheme("Default Inference") is None
        True
    """
    return _registered.get(scheme_id) or _catalogue().get(scheme_id)


def _spelling(name: str) -> str:
    """A scheme name without case, spaces, underscores, hyphens or a leading "Argument from"."""
    return _SPELLING.sub("", name.casefold()).removeprefix("argumentfrom")


@cache
def _external() -> frozenset[str]:
    import yaml  # noqa: PLC0415  # YAML loads only when needed

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(_EXTERNAL.read_text("utf-8"), Loader=loader)  # noqa: S506  # a safe loader
    return frozenset(_spelling(name) for names in raw.values() for name in names)


def external_scheme(name: str) -> bool:
    """Whether ``name`` is a scheme name other tools write (AIFdb's defaults, Walton's schemes
    as Araucaria and AIFdb spell them): kept as given, and never taken for a typo.

    The list ships as data (``argmap/data/external_schemes.yaml``); a name matches whatever its
    case, spaces, underscores and hyphens, with or without "Argument from" in front.

    Examples:
        >>> external_scheme("VerbalClassification"), external_scheme("Argument From Expert Opinion")
        (True, True)
        >>> external_scheme("Default Conflict"), external_scheme("exampel")
        (True, False)
    """
    return _spelling(name) in _external()


def similar_schemes(scheme_id: str) -> list[str]:
    """Return the known scheme ids that ``scheme_id`` is probably a misspelling of.

    Examples:
        >>> similar_schemes("exampel")
        ['example']
        >>> similar_schemes("Default Inference"), similar_schemes("Example")  # AIFdb's names
        ([], [])
    """
    if find_scheme(scheme_id) is not None or external_scheme(scheme_id):
        return []
    found = _similar.get(scheme_id)
    if found is None:  # a map of 100k inferences may name the same unknown scheme 100k times
        found = difflib.get_close_matches(scheme_id, scheme_names(), n=3, cutoff=0.75)
        _similar[scheme_id] = found
    return list(found)


def register_scheme(
    scheme_id: str,
    *,
    name: str,
    questions: Mapping[str, str] | None = None,
    pattern: str = "",
) -> Scheme:
    """Add a scheme of your own, with its critical questions, for this process.

    Question slugs become ids ``"<scheme_id>.<slug>"``, as in the catalogue; a map names them in
    a support's ``answered`` and an attack's ``question``. Registering an id again replaces the
    earlier registration; a catalogue scheme cannot be replaced.

    Raises:
        InvalidMapError: The id is a catalogue scheme's, or an id or question is blank.

    Examples:
        >>> s = register_scheme(
        ...     "precedent", name="Argument from precedent",
        ...     questions={"similar": "Is the earlier case similar in the respects that matter?"})
        >>> get_scheme("precedent").questions["precedent.similar"]
        'Is the earlier case similar in the respects that matter?'
        >>> unregister_scheme("precedent")
    """
    if not scheme_id.strip() or not name.strip():
        raise InvalidMapError("a scheme needs a non-blank id and name")
    if scheme_id in _catalogue():
        raise InvalidMapError(
            f"scheme {scheme_id!r} is in argmap's catalogue and cannot be replaced; "
            "register yours under another id"
        )
    for slug, text in (questions or {}).items():
        if not slug.strip() or not text.strip():
            raise InvalidMapError(f"scheme {scheme_id!r}: a question needs a slug and a text")
    scheme = Scheme(
        id=scheme_id,
        name=name,
        pattern=pattern,
        questions=MappingProxyType(
            {f"{scheme_id}.{slug}": text for slug, text in (questions or {}).items()}
        ),
    )
    _registered[scheme_id] = scheme
    _similar.clear()
    return scheme


def unregister_scheme(scheme_id: str) -> None:
    """Forget a scheme added by :func:`register_scheme` (no error if it was not registered)."""
    _registered.pop(scheme_id, None)
    _similar.clear()


def get_scheme(scheme_id: str) -> Scheme:
    """Return the known scheme called ``scheme_id``.

    Raises:
        InvalidMapError: There is no such scheme; the message suggests the closest names.
    """
    found = find_scheme(scheme_id)
    if found is not None:
        return found
    close = difflib.get_close_matches(scheme_id, scheme_names(), n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise InvalidMapError(
        f"unknown argumentation scheme {scheme_id!r}.{hint} "
        f"Known schemes: {', '.join(scheme_names())}."
    )
