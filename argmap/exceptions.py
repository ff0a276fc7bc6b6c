"""The exception tree: every error a user can trigger is an :class:`ArgmapError`.

Each message names where the problem is (a file and line or JSON path, or a node id) and what to
do about it, so that the CLI can print it as one line and a notebook user can act on it.

Every error survives a process boundary: it pickles (and copies) with its message and attributes
intact, so one raised in a worker of a process pool reaches the caller as itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

__all__ = [
    "ArgmapError",
    "DraftError",
    "DraftModelError",
    "DraftWarning",
    "EvaluationError",
    "EvaluationTimeout",
    "FileFormatError",
    "FileWriteError",
    "FormatLossWarning",
    "InvalidArgumentError",
    "InvalidMapError",
    "InvalidModelError",
    "MissingDependencyError",
    "QuoteNotFoundError",
    "RenderError",
    "RenderWarning",
    "RendererNotFoundError",
    "RepairWarning",
    "UnknownNodeError",
    "UnknownSchemeWarning",
    "pydantic_problem",
    "validation_problem",
]


class ArgmapError(Exception):
    """Root of every error argmap raises on purpose; catch this to handle them all.

    Examples:
        >>> import argmap
        >>> try:
        ...     argmap.loads('{"argmap": 1, "nodes": [{"kind": "claim", "id": "c"}]}')
        ... except argmap.ArgmapError as error:
        ...     print(error)
        <text>:1 (nodes[0].text): field 'text' is required
    """

    keywords: tuple[str, ...] = ()
    """The keyword arguments the message tells the caller to pass, each written ``name=`` in it
    (``("format",)`` for "... or pass format="); :meth:`worded` says them in other words."""

    def __init__(self, *args: object, keywords: tuple[str, ...] = ()) -> None:
        super().__init__(*args)
        if keywords:
            self.keywords = keywords

    def worded(self, words: Mapping[str, str]) -> str:
        """Return the message with each of :attr:`keywords` said as ``words`` names it.

        A front end with words of its own passes them: the command line says ``--from`` where
        the library says ``format=``. A keyword with no word in ``words`` stays as it is.

        Examples:
            >>> error = FileFormatError("unknown suffix; pass format=", keywords=("format",))
            >>> error.worded({"format": "--from"})
            '<text>: unknown suffix; pass --from'
            >>> error.worded({"format": "--to"}), str(error)
            ('<text>: unknown suffix; pass --to', '<text>: unknown suffix; pass format=')
        """
        message = str(self)
        for keyword in self.keywords:
            word = words.get(keyword)
            if word is not None:
                # ``format='aif'`` -> ``--from 'aif'``; a bare ``format=`` -> ``--from``
                message = re.sub(rf"\b{re.escape(keyword)}=(?=[\w'<])", f"{word} ", message)
                message = re.sub(rf"\b{re.escape(keyword)}=", word, message)
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own pickling calls the class with ``self.args`` alone, which fails for a
        # keyword-only constructor and re-formats a message that is already formatted. Rebuild
        # the instance as it is instead: its class, its args and its attributes, no __init__.
        return (_rebuild, (type(self), self.args, self.__dict__))


class InvalidArgumentError(ArgmapError, TypeError, ValueError):
    """A public function or method was given a value it cannot take: of the wrong type
    (``depth=None``), out of range (``depth=-5``), or one text where it takes a list.

    The message names the function, the parameter, what it takes and what it got. It is a
    ``TypeError`` and a ``ValueError`` too, as Python's own errors for such values are.
    (Calling a function with an argument its signature does not have, ``schema(5)``, is
    Python's own ``TypeError``, as for any function.)

    Examples:
        >>> import argmap
        >>> m = argmap.ArgumentMap()
        >>> _ = m.claim("c", "C.")
        >>> try:
        ...     argmap.explain(m, "c", depth=-5)
        ... except argmap.ArgmapError as error:
        ...     print(error)
        explain: depth must be a whole number of at least 1, not -5
    """


class InvalidMapError(ArgmapError, ValueError):
    """A change would break one of the map's rules (duplicate id, self-support, ...).

    Attributes:
        node: The id of the node the rule is about, when there is one.
        place: Where in a map's input (``("nodes", 3)``, ``("central",)``) the problem arose,
            when the map was built from a list of nodes, as when a file is read.
    """

    def __init__(self, message: str, *, node: str | None = None) -> None:
        super().__init__(message)
        self.node = node
        self.place: tuple[str | int, ...] | None = None


class InvalidModelError(InvalidMapError, ValidationError):
    """A node, source or quote model made with values its fields refuse (``Claim(id=5)``).

    It is both an :class:`InvalidMapError` (so an ``ArgmapError`` and a ``ValueError``) and
    pydantic's ``ValidationError``, so code that catches either catches it: :meth:`errors` lists
    the problems as pydantic does, and the message says them in one line, field by field.

    Examples:
        >>> import argmap, pydantic
        >>> try:
        ...     argmap.Source(id="art", title=5)
        ... except argmap.ArgmapError as error:
        ...     print(error)
        ...     print(isinstance(error, pydantic.ValidationError), error.errors()[0]["loc"])
        Source: title: input should be a valid string (got int)
        True ('title',)
    """

    def __init__(
        self,
        title: str,
        line_errors: list[InitErrorDetails],
        input_type: str = "python",
        hide_input: bool = False,
    ) -> None:
        # ValidationError.__new__ took the problems; this gives the message and attributes.
        BaseException.__init__(self, f"{title}: {validation_problem(self)}")
        self.node: str | None = None
        self.place: tuple[str | int, ...] | None = None

    @classmethod
    def of(cls, exc: ValidationError) -> InvalidModelError:
        """The same problems as ``exc``, raised as this error."""
        details: list[InitErrorDetails] = [
            {
                "type": PydanticCustomError(error["type"], error["msg"]),
                "loc": error["loc"],
                "input": error["input"],
            }
            for error in exc.errors()
        ]
        return cls.from_exception_data(exc.title, details)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuilt_model_error, (type(self), self.title, self.errors(), self.__dict__))


# The tags pydantic puts in a location when it validates through the node union
# (``argmap.model.Node``): ``("claim", "text")``, ``("nodes", 0, "claim", "text")``. A file has
# no such level, so a location leaves them out (tests hold this set to the model's kinds).
_UNION_TAGS = frozenset(("claim", "premise", "case", "rebuttal", "support", "attack"))
_KIND_NAMES = "claim, premise, case, rebuttal, support or attack"
_SHOWN_PROBLEMS = 3


def _place(loc: tuple[int | str, ...]) -> str:
    """A location as a reader writes it: ``quotes[0].source``, without union tags."""
    out = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _UNION_TAGS and (i == 0 or isinstance(loc[i - 1], int)):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


def pydantic_problem(error: Mapping[str, Any], *, read: bool = False, located: bool = True) -> str:
    """One of pydantic's problems (an item of ``ValidationError.errors()``) in a line:
    ``field: what is wrong``, and what to do where pydantic does not say.

    The one place argmap words a validation problem: the API's errors, every reader's and the
    command line's say it alike. A field that is missing or unknown is named in the words
    (``field 'text' is required``); a value of the wrong type says what it was; one text where
    a list goes says to pass a list.

    Args:
        error: One problem, as ``ValidationError.errors()`` lists it.
        read: The value was read from a file (JSON, YAML, a data block), not passed in Python:
            a number or true/false where text goes says to put it in quotes.
        located: Begin with the field's place; a caller that gives the place apart (a file
            reader's error, which names it with the line) passes False.

    Examples:
        >>> pydantic_problem({"loc": ("tags",), "msg": "Input should be a valid tuple",
        ...                   "type": "tuple_type", "input": "abc"})
        "tags: input should be a valid tuple (got one text: for one, pass ['abc'])"
        >>> pydantic_problem({"loc": ("claim", "text"), "msg": "Field required",
        ...                   "type": "missing", "input": {}})
        "field 'text' is required"
        >>> print(pydantic_problem({"loc": ("quotes", 0, "text"), "msg": "...",
        ...                         "type": "string_type", "input": 1984}, read=True))
        quotes[0].text: input should be text, but 1984 was read as a number; put it in quotes ("1984") to keep it as text
    """  # noqa: E501
    loc = tuple(error["loc"])
    kind = str(error["type"])
    given = error.get("input")
    if kind in {"missing", "extra_forbidden"} and loc and isinstance(loc[-1], str):
        field, loc = loc[-1], loc[:-1]  # the words name the field
        message = (
            f"field {field!r} is required"
            if kind == "missing"
            else f"unknown field {field!r}; check its spelling against `argmap schema`"
        )
    elif kind == "union_tag_invalid":
        tag = given.get("kind") if isinstance(given, Mapping) else given
        message = f"unknown node kind {tag!r}; use {_KIND_NAMES}"
    elif kind == "union_tag_not_found":
        message = f"a node needs a 'kind': {_KIND_NAMES}"
    elif read and kind == "string_type" and isinstance(given, int | float):
        # `when: 2004`, `title: 1984`, `text: yes`: YAML or JSON read a number or a boolean
        # where text goes.
        shown = json.dumps(given)
        message = (
            f"input should be text, but {shown} was read as a "
            f"{'boolean' if isinstance(given, bool) else 'number'}; put it in quotes "
            f'("{shown}") to keep it as text'
        )
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
        message = message[:1].lower() + message[1:]
        if kind in {"tuple_type", "list_type"} and isinstance(given, str):
            shown = repr(given) if len(given) <= 30 else repr(given[:27]) + "..."
            message += f" (got one text: for one, pass [{shown}])"
        elif kind.endswith("_type"):  # a value of the wrong type: say which it was
            named = type(given).__name__ if given is not None else "null" if read else "None"
            message += f" (got {named})"
    where = _place(loc) if located else ""
    return f"{where}: {message}" if where else message


def validation_problem(
    exc: ValidationError, *, read: bool = False, located: bool = True, shown: int = 3
) -> str:
    """All that pydantic found wrong, in one line: the first ``shown`` problems, each worded by
    :func:`pydantic_problem` (``read`` and ``located`` as there), and how many more there are.

    Examples:
        >>> import pydantic
        >>> from argmap.model import node_adapter
        >>> try:
        ...     node_adapter.validate_python({"kind": "claim", "id": "c", "title": " "})
        ... except pydantic.ValidationError as exc:
        ...     print(validation_problem(exc))
        ...     print(validation_problem(exc, located=False, shown=1))
        title: must not be blank; field 'text' is required
        must not be blank (and 1 more problem)
    """
    errors = exc.errors()
    words = "; ".join(
        pydantic_problem(error, read=read, located=located) for error in errors[:shown]
    )
    more = len(errors) - shown
    return words + (f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else "")


def _rebuilt_model_error(
    cls: type[InvalidModelError], title: str, errors: list[Any], state: dict[str, Any]
) -> InvalidModelError:
    details: list[InitErrorDetails] = [
        {"type": PydanticCustomError(e["type"], e["msg"]), "loc": e["loc"], "input": e["input"]}
        for e in errors
    ]
    error = cls.from_exception_data(title, details)
    error.__dict__.update(state)
    return error


class UnknownNodeError(InvalidMapError, LookupError):
    """A node id that the map does not hold.

    Attributes:
        node: The node whose reference fails (or the unknown id itself, when looked up directly).
        missing: The id that names nothing.
    """

    def __init__(self, message: str, *, node: str | None = None, missing: str | None = None):
        super().__init__(message, node=node)
        self.missing = missing

    def __str__(self) -> str:
        # LookupError subclasses would otherwise print the repr of the message, quotes and all.
        return str(self.args[0])


class QuoteNotFoundError(InvalidMapError):
    """A case's quote does not occur verbatim in its source's text.

    Attributes:
        node: The case's id.
        closest: The passage of the source that comes closest to the quote.
    """

    def __init__(self, message: str, *, node: str, closest: str) -> None:
        super().__init__(message, node=node)
        self.closest = closest


class FileFormatError(ArgmapError):
    """A file that cannot be read as an argument map.

    Attributes:
        path: The file, when the text came from one.
        line: The 1-based line of the problem, when it is known.
        where: The place inside the document (a JSON path such as ``nodes[3].text``).
        keywords: The keyword arguments the message tells the caller to pass (see
            :meth:`ArgmapError.worded`).
    """

    def __init__(
        self,
        problem: str,
        *,
        path: str | None = None,
        line: int | None = None,
        where: str | None = None,
        keywords: tuple[str, ...] = (),
    ) -> None:
        self.problem = problem
        self.path = path
        self.line = line
        self.where = where
        place = path or "<text>"
        if line is not None:
            place += f":{line}"
        if where:
            place += f" ({where})"
        super().__init__(f"{place}: {problem}", keywords=keywords)


class FileWriteError(ArgmapError, OSError):
    """A file could not be written; any old file at that path is left as it was.

    Attributes:
        path: The file that was to be written.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        return str(self.args[0])


class MissingDependencyError(ArgmapError, ImportError):
    """An optional package that a function needs is not installed; the message names the extra.

    Examples:
        >>> issubclass(MissingDependencyError, ImportError)
        True
    """


class RenderError(ArgmapError):
    """A diagram could not be drawn or written."""


class RendererNotFoundError(RenderError, OSError):
    """No layout engine is installed that can draw the requested format."""


class EvaluationError(ArgmapError, ValueError):
    """A map cannot be evaluated as asked: an unknown semantics, a bad option, too many extensions.

    The message names the option or the node and says what to pass instead.
    """


class DraftError(ArgmapError, ValueError):
    """A text cannot be drafted (it is blank, or not text), or a corpus cannot train a model.

    The message says what was wrong and what to give instead.
    """


class DraftModelError(DraftError):
    """A draft model file is not JSON, or not a model that argmap wrote; the message names it."""


class DraftWarning(UserWarning):
    """A draft was made but may be poor: one unit only, no discourse markers, not English."""


class EvaluationTimeout(ArgmapError, TimeoutError):
    """A solver call ran out of the time it was given (``timeout=`` seconds) and was stopped.

    The search is cancelled at once; nothing is half-answered. The message says which task ran
    out of time and after how long, and what to try instead.

    Attributes:
        seconds: The time limit that ran out, in seconds.
        task: What was being solved, such as ``"DS-PR"`` (sceptical acceptance under preferred
            semantics) or ``"EE-ST"``.

    Examples:
        >>> error = EvaluationTimeout("DS-PR ran out of time", seconds=0.5, task="DS-PR")
        >>> isinstance(error, TimeoutError), error.task
        (True, 'DS-PR')
    """

    def __init__(self, message: str, *, seconds: float, task: str) -> None:
        super().__init__(message)
        self.seconds = seconds
        self.task = task

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownSchemeWarning(UserWarning):
    """A scheme name that the catalogue does not hold but is close to one it does: a likely typo.

    The name is kept as given (maps from other tools name schemes of their own); the warning's
    message says which known scheme was probably meant.
    """


class RenderWarning(UserWarning):
    """The layout engine warned while drawing (an unknown colour, a shape it replaced, ...).

    argmap passes the engine's warnings on instead of dropping them; the drawing was still made.
    """


def _rebuild(cls: type[ArgmapError], args: tuple[Any, ...], state: dict[str, Any]) -> ArgmapError:
    """Make an error of ``cls`` with ``args`` and attributes ``state``, without its ``__init__``."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class FormatLossWarning(UserWarning):
    """A writer could not hold everything in the map; the message lists what it left out, and
    what the map reads back with that it did not have.

    Attributes:
        format: The format written (``None`` when the warning was made from a whole message).
        lost: What was left out, one entry per kind of thing (``"note of 3 nodes (a, b, c)"``).
        added: What the format's reader gives the map back that it did not have (``"data added
            on reading back to 2 nodes (a, b)"``).

    Examples:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warnings.warn(FormatLossWarning("microtexts", ["the map's title"]))
        ...     warnings.warn(FormatLossWarning("AIF", [], ["1 node added (x)"]))
        >>> print(caught[0].message)
        microtexts cannot hold everything in this map; left out: the map's title
        >>> print(caught[1].message)
        AIF does not read this map back as it is; it reads back with: 1 node added (x)
    """

    def __init__(
        self,
        format: str,  # noqa: A002
        lost: list[str] | None = None,
        added: list[str] | None = None,
        /,
    ) -> None:
        self.added: list[str] = list(added or ())
        if lost is None and added is None:  # a whole message, as warnings.warn("...", ...) gives
            self.format: str | None = None
            self.lost: list[str] = []
            super().__init__(format)
            return
        self.format = format
        self.lost = list(lost or ())
        parts = []
        if self.lost:
            parts.append(f"{format} cannot hold everything in this map; left out: ")
            parts.append("; ".join(self.lost))
        if self.added:
            parts.append(
                "; and it reads back with: "
                if self.lost
                else f"{format} does not read this map back as it is; it reads back with: "
            )
            parts.append("; ".join(self.added))
        super().__init__("".join(parts))

    def __reduce__(
        self,
    ) -> tuple[type[FormatLossWarning], tuple[str, list[str] | None, list[str] | None]]:
        if self.format is None:
            return (type(self), (str(self.args[0]), None, None))
        return (type(self), (self.format, self.lost, self.added))


class RepairWarning(UserWarning):
    """A reader repaired faults in a file (edges to nodes the file leaves out, ...) to read it.

    Real corpora have faults a reader can mend without guessing: AIFdb serves nodesets whose
    edges reach dialogue nodes the export leaves out. A reader drops or sets aside each such
    fault, lists it in the map's ``data["repaired"]``, and warns once per file with the count.
    Pass ``strict=True`` (on the command line ``--strict``) to refuse such files instead.

    Attributes:
        path: The file read (``None`` for text without a file).
        repairs: One line per repair, first fault first (``"edges[3]: toID '7' names no node;
            dropped"``).

    Examples:
        >>> warning = RepairWarning("c/1.json", ["edges[3]: toID '7' names no node; dropped"])
        >>> str(warning).split(" (")[0]
        'c/1.json: 1 fault repaired while reading'
    """

    def __init__(self, path: str | None, repairs: list[str], /) -> None:
        self.path = path
        self.repairs = list(repairs)
        count = len(self.repairs)
        shown = "; ".join(self.repairs[:3]) + ("; ..." if count > 3 else "")
        noun = "fault" if count == 1 else "faults"
        super().__init__(
            f"{path or '<text>'}: {count} {noun} repaired while reading ({shown}); the repairs "
            "are listed in the map's data['repaired'], and strict=True (--strict) refuses such "
            "a file"
        )

    def __reduce__(self) -> tuple[type[RepairWarning], tuple[str | None, list[str]]]:
        return (type(self), (self.path, self.repairs))
