"""The typed nodes of an argument map: statements, the inferences that join them, and sources.

Statements are what a text asserts:

- :class:`Claim`: a conclusion the text argues for (the central claim is one of them);
- :class:`Premise`: a reason offered for something, not itself a piece of evidence;
- :class:`Case`: a piece of evidence: what happened, when, who, with verbatim quotes from a source
  and the sources the text cites as evidence for it (often none);
- :class:`Rebuttal`: an objection, a statement put forward against another.

Inferences join statements, as in AIF and Argdown:

- :class:`Support`: one or more premises that *jointly* support one conclusion (a linked argument;
  several supports of one conclusion are convergent), optionally naming its argumentation scheme;
- :class:`Attack`: one or more premises against a statement (a rebuttal) or against an
  inference, a support or another attack (an undercutter).

Every model is a frozen pydantic model; the union :data:`Node` parses any of them by its ``kind``.

Examples:
    >>> from argmap.model import Claim, node_adapter
    >>> node_adapter.validate_python({"kind": "claim", "id": "c1", "text": "Pressure works."})
    Claim(id='c1', text='Pressure works.')
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Annotated, Any, Literal, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetPydanticSchema,
    JsonValue,
    StringConstraints,
    TypeAdapter,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, ValidationError, core_schema

from argmap.exceptions import InvalidModelError
from argmap.ids import ASCII_ID, ID_MAX_LENGTH, ID_PATTERN, id_problem

__all__ = [
    "Attack",
    "Case",
    "Claim",
    "FrozenData",
    "Inference",
    "Node",
    "NodeId",
    "Premise",
    "Quote",
    "Rebuttal",
    "Source",
    "SourceId",
    "Statement",
    "Support",
    "forbidden_character",
    "node_adapter",
    "quick_node",
]


def _nfc(text: str, _normalize: Any = unicodedata.normalize) -> str:
    """``text`` in NFC form: 'é' may be one character or 'e' and a combining accent, and an id is
    one id either way. Kept as written in the one case where NFC would make it longer than an id
    may be (combining marks put in canonical order can fail to compose), so that every id the
    model accepts is one that the JSON Schema and the model accept when read back."""
    if text.isascii():  # NFC leaves ASCII as it is
        return text
    normal: str = _normalize("NFC", text)
    return normal if len(normal) <= ID_MAX_LENGTH else text


def _named(name: str) -> GetPydanticSchema:
    """Give a type a name in the JSON Schema, so that it is written once under ``$defs``."""

    def named(source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return cast("core_schema.CoreSchema", {**handler(source), "ref": name})

    return GetPydanticSchema(named)


_ascii_id_match = ASCII_ID.fullmatch
_id_search = ID_PATTERN.search


def _valid_id(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """``value`` as an id keeps it (NFC); an id that breaks the rule is an error that says the
    rule in words, where pydantic's own error quotes the pattern (thousands of characters).

    Wraps pydantic's check of the pattern (kept for the JSON Schema), which then runs only on
    what is not a plain ``str``: a str is judged here with the same pattern, once (ASCII ids by
    a shorter one); a subclass of str, or what is not text, is pydantic's to convert or refuse.
    """
    if type(value) is str:
        if _ascii_id_match(value):
            return value
        if len(value) <= ID_MAX_LENGTH and _id_search(value) is not None:
            return _nfc(value)
        raise PydanticCustomError("id", "{problem}", {"problem": id_problem(value)})
    if isinstance(value, str) and id_problem(value) is not None:
        raise PydanticCustomError("id", "{problem}", {"problem": id_problem(value)})
    return _nfc(handler(value))


# The one id rule (argmap.ids), as a compiled pattern: pydantic then runs it with Python's re,
# exactly as a JSON Schema validator in Python runs the same pattern from the schema.
_Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
    WrapValidator(_valid_id),
    _named("Id"),
]

NodeId = Annotated[
    _Id,
    Field(
        description="A node id: letters, marks, digits, '_', then also '.', ':', '-' (argmap.ids)."
    ),
]
"""A node id, kept in Unicode NFC form, so that ids that differ only in how an accent is
written (composed or combining) are one id."""

SourceId = Annotated[
    _Id,
    Field(description="A source's id (the map's sources, not its nodes), shaped as a node id."),
]

# XML 1.0 (and so SVG) cannot carry C0 controls; C1 controls (U+0080-U+009F, NEXT LINE among
# them) do not survive YAML; a lone surrogate cannot be written as UTF-8. No honest text needs any.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_character(text: str) -> int | None:
    r"""Where ``text`` holds the first character no text of a map may hold, or None.

    Those are the C0 controls but tab, newline and carriage return; DEL and the C1 controls;
    lone surrogates.

    Examples:
        >>> forbidden_character("ok\tfine\n"), forbidden_character("a\x1b[2J")
        (None, 1)
    """
    found = _FORBIDDEN.search(text)
    return None if found is None else found.start()


def _no_controls(value: str) -> str:
    found = _FORBIDDEN.search(value)
    if found:
        raise ValueError(
            f"must not contain control characters or lone surrogates (found U+{ord(found[0]):04X} "
            f"at character {found.start()}); tab, newline and carriage return are allowed"
        )
    return value


def _clean_text(value: str) -> str:
    if _FORBIDDEN.search(value):
        _no_controls(value)  # raises, saying what was found where
    if not value.strip():
        raise ValueError("must not be blank")
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
"""Text that must say something: not blank, no control characters."""

Plain = Annotated[str, AfterValidator(_no_controls)]
"""Free text with no control characters (it may be blank)."""


class FrozenMap(dict[str, str]):
    """A dict that cannot change after it is made, and can be hashed (like a frozen model)."""

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("this mapping is part of a frozen model; make a new model instead")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))

    def __reduce__(self) -> tuple[Any, tuple[dict[str, str]]]:
        # Pickle and deepcopy rebuild a dict subclass item by item through __setitem__, which
        # this class refuses; rebuild it whole instead (an empty one as the shared empty one).
        return (_frozen_map, (dict(self),))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Lets pydantic write the shared empty default into JSON Schema as {}.
        return core_schema.no_info_after_validator_function(_frozen_map, handler(dict[str, str]))


class FrozenData(dict[str, JsonValue]):
    """A node's free ``data``: JSON values by key, read-only at the top level, hashable.

    Nested lists and dicts are plain JSON values; treat them as read-only too.
    """

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("this mapping is part of a frozen model; make a new model instead")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(json.dumps(self, sort_keys=True, default=str))

    def __reduce__(self) -> tuple[Any, tuple[dict[str, JsonValue]]]:
        return (_frozen_data, (dict(self),))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Lets pydantic write the shared empty default into JSON Schema as {}.
        return core_schema.no_info_after_validator_function(_data, handler(dict[str, Any]))


# Most nodes have no data, acknowledgements or answers. Being read-only, one empty mapping of
# each kind serves them all: an empty mapping per model was two to three objects a node for the
# garbage collector to walk and about 180 bytes.
_NO_MAP = FrozenMap()
_NO_DATA = FrozenData()


def _frozen_map(value: dict[str, str]) -> FrozenMap:
    return FrozenMap(value) if value else _NO_MAP


def _frozen_data(value: dict[str, JsonValue]) -> FrozenData:
    return FrozenData(value) if value else _NO_DATA


DATA_MAX_DEPTH = 100
"""How deep lists and mappings may nest in a node's ``data`` (the native reader's limit too)."""

DATA_MAX_INT_BITS = 14_000
"""The largest whole number ``data`` holds, in bits (about 4,200 digits): Python writes no
longer number as text (``sys.get_int_max_str_digits``), so a larger one could not be saved."""
_INT_BITS = DATA_MAX_INT_BITS

DATA_MAX_VALUES = 10_000_000
"""The most values ``data`` may hold as a file holds it, a shared list or mapping counted once
for each place it is in: forty levels of ``[x, x]`` are 2**40 values once written out."""


def _data(value: dict[str, Any]) -> FrozenData:
    """Check free data and copy it, so that the model owns every list and mapping in it.

    Every reader's output and every map built in Python passes here, so this is the one place
    that decides what free data may hold: only JSON values (text, numbers, booleans, null, lists,
    mappings with text keys) that every format argmap writes can carry and read back. So:
    finite numbers only (no NaN or infinity, which JSON cannot carry), whole numbers of at most
    :data:`DATA_MAX_INT_BITS` bits, nesting at most :data:`DATA_MAX_DEPTH` deep, no list or
    mapping that contains itself (it would never finish writing), and every text, keys and values
    at any depth, writable as UTF-8, YAML and XML.

    One walk, depth first, with a stack of open containers rather than recursion, as data from
    a file may nest deeply; a container met again while it is still open contains itself. A
    container shared by two places is copied once, but counted as often as a file would write
    it, at most :data:`DATA_MAX_VALUES` values in all. (pydantic's ``JsonValue`` did the type check
    with a Python call per value, which doubled the cost of reading a node that has data.)
    """
    if not value:
        return _NO_DATA
    forbidden = _FORBIDDEN.search
    top: dict[str, Any] = {}
    open_ids = {id(value)}
    done: dict[int, tuple[Any, int]] = {}  # a shared container: its copy, its values written out
    count = 0  # values so far, a shared container counted each time it is met
    # Each entry: the items still to walk, the copy being filled, its place (for errors), the
    # id of the container it copies, and the count when it was opened.
    stack: list[tuple[Iterator[tuple[Any, Any]], Any, tuple[str | int, ...], int, int]] = [
        (iter(value.items()), top, (), id(value), 0)
    ]
    while stack:
        items, target, where, own, start = stack[-1]
        in_list = type(target) is list
        for key, item in items:
            count += 1
            if not in_list and (type(key) is not str or forbidden(key)):
                if not isinstance(key, str):
                    raise ValueError(
                        f"{_at(where)}keys must be text, not {type(key).__name__} ({key!r})"
                    )
                _no_controls(key)  # raises, naming the character
            kind = type(item)
            if kind is str:
                if forbidden(item):
                    _no_controls(item)
                copy: Any = item
            elif item is None or kind is bool:
                copy = item
            elif kind is float or kind is int:
                # NaN or an infinity (without a call), or a number too long: _scalar says which
                if (item - item != 0.0) if kind is float else item.bit_length() > _INT_BITS:
                    _scalar(item, (*where, key))
                copy = item
            elif (container := _container(item, (*where, key))) is None:
                copy = _scalar(item, (*where, key))  # a str, int, float or bool subclass
            elif id(item) in done:
                copy, size = done[id(item)]
                count += size
            else:
                if id(item) in open_ids:
                    raise ValueError(
                        f"{_at((*where, key))}this list or mapping contains itself; data must "
                        "be a tree that a file can hold"
                    )
                if len(stack) >= DATA_MAX_DEPTH:
                    raise ValueError(
                        f"{_at((*where, key))}lists and mappings nest deeper than "
                        f"{DATA_MAX_DEPTH} levels; flatten the data"
                    )
                copy = [] if container == "list" else {}
                _put(target, in_list, key, copy)
                open_ids.add(id(item))
                pairs = enumerate(item) if container == "list" else iter(item.items())
                stack.append((pairs, copy, (*where, key), id(item), count))
                break
            if count > DATA_MAX_VALUES:
                raise ValueError(
                    f"{_at(where)}more than {DATA_MAX_VALUES:,} values, counting a shared list "
                    "or mapping once for each place it is in (as a file would hold it)"
                )
            _put(target, in_list, key, copy)
        else:
            stack.pop()
            open_ids.discard(own)
            done[own] = (target, count - start)
    return FrozenData(top)


def _put(target: Any, in_list: bool, key: Any, copy: Any) -> None:
    if in_list:
        target.append(copy)
    else:
        target[key] = copy


def _container(item: Any, where: tuple[str | int, ...]) -> str | None:
    """``"list"`` or ``"dict"`` for a list or mapping (or a subclass); None for a JSON scalar of
    a subclass type; an error for anything else."""
    if isinstance(item, list):
        return "list"
    if isinstance(item, dict):
        return "dict"
    if isinstance(item, str | bool | int | float):
        return None
    raise ValueError(
        f"{_at(where)}a {type(item).__name__} is not a JSON value; data holds text, numbers, "
        "true/false, null, lists and mappings"
    )


def _scalar(item: Any, where: tuple[str | int, ...]) -> Any:
    """A value of a subclass of a JSON scalar type (a str or float subclass), checked and made
    plain."""
    if isinstance(item, str):
        _no_controls(item)
        return str(item)
    if isinstance(item, bool):
        return bool(item)
    if isinstance(item, int):
        if item.bit_length() > _INT_BITS:
            raise ValueError(_too_long(where))
        return int(item)
    if item - item != 0.0:
        raise ValueError(_not_finite(where, item))
    return float(item)


def _not_finite(where: tuple[str | int, ...], item: float) -> str:
    return (
        f"{_at(where)}{item!r} is not a finite number; JSON, and so most formats, cannot carry "
        'it: write a finite number, or text such as "NaN"'
    )


def _too_long(where: tuple[str | int, ...]) -> str:
    return (
        f"{_at(where)}a whole number of more than {DATA_MAX_INT_BITS} bits (about 4,200 digits) "
        "cannot be written; keep it as text"
    )


def _at(where: tuple[str | int, ...]) -> str:
    if len(where) > 8:  # deep data: the start and the end of the path say enough
        keys = [*map(str, where[:3]), f"...({len(where) - 5} more)...", *map(str, where[-2:])]
        return f"at {'.'.join(keys)}: "
    return f"at {'.'.join(str(k) for k in where)}: " if where else ""


Data = Annotated[dict[str, Any], AfterValidator(_data)]
"""Free, format-specific fields (weights, timestamps, speakers, colours): JSON values by key."""

Acknowledged = Annotated[
    dict[Annotated[str, AfterValidator(_clean_text)], Text], AfterValidator(_frozen_map)
]
"""Findings acknowledged on purpose: a rule's code or name -> the reason."""


class _GivenFields(set[str]):
    """The names of the fields a model was given, shared by all frozen models given the same.

    pydantic keeps a set of them on every model (``model_fields_set``): 216 bytes or more and one
    more object for the garbage collector to walk, per node. The models are frozen, so the set
    never changes after validation; one shared, read-only set per combination serves them all.
    A copy (as ``model_copy`` makes before changing it) is a plain set.
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("this set is shared by frozen models; copy it to change it")

    add = discard = remove = pop = clear = update = _refuse  # type: ignore[assignment]
    intersection_update = difference_update = symmetric_difference_update = _refuse
    __ior__ = __iand__ = __isub__ = __ixor__ = _refuse  # type: ignore[assignment]

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)

    def __reduce__(self) -> tuple[Any, tuple[frozenset[str]]]:
        return (_given_fields, (frozenset(self),))


_GIVEN_FIELDS: dict[frozenset[str], _GivenFields] = {}
_MAX_GIVEN_FIELDS = 4096  # combinations kept; models past that keep their own set (rare, harmless)


def _given_fields(names: frozenset[str]) -> set[str]:
    shared = _GIVEN_FIELDS.get(names)
    if shared is None:
        if len(_GIVEN_FIELDS) >= _MAX_GIVEN_FIELDS:
            return set(names)
        shared = _GIVEN_FIELDS[names] = _GivenFields(names)
    return shared


_set_slot = object.__setattr__


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)

    def __init__(self, /, **data: Any) -> None:
        # A model made by hand with values its fields refuse is an ArgmapError, as every error a
        # user can trigger is; InvalidModelError is pydantic's ValidationError too.
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise InvalidModelError.of(exc) from None

    # Validating a node inside another schema (node_adapter, a map file) still runs pydantic's
    # validator directly, not this __init__ (1.5x the cost per node): it only re-raises, so it
    # is a base __init__ to pydantic, as RootModel's is.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of given fields with the models given the same (see _GivenFields)."""
        names = frozenset(self.__pydantic_fields_set__)
        shared: set[str] | None = _GIVEN_FIELDS.get(names)
        if shared is None:
            shared = _given_fields(names)
        _set_slot(self, "__pydantic_fields_set__", shared)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # Leave out fields at their defaults, so that a node prints as what was said of it.
        fields = type(self).model_fields
        for name, value in super().__repr_args__():
            field = fields.get(name) if name is not None else None
            if (
                field is not None
                and not field.is_required()
                and value == field.get_default(call_default_factory=True)
            ):
                continue
            yield name, value


class Source(_Model):
    """Where words or evidence come from: an article, a report, a web page.

    Examples:
        >>> Source(id="hrw2004", title="Human Rights Watch report", url="https://example.org/r")
        Source(id='hrw2004', title='Human Rights Watch report', url='https://example.org/r')
    """

    id: NodeId
    title: Text
    text: Plain | None = Field(
        default=None, description="The full text; quotes from this source are checked against it."
    )
    url: Plain | None = None
    publisher: Plain | None = None
    date: Plain | None = Field(default=None, description="Publication date as given, e.g. 2006-03.")
    data: Data = Field(default=_NO_DATA, description="Free, format-specific fields as JSON values.")


class Quote(_Model):
    """Words quoted verbatim from a source.

    ``start`` and ``end`` are character offsets into the source's text. The map computes them when a
    case is added and refuses a quote whose words do not occur in the source.
    """

    source: SourceId
    text: Text
    # Strict: a boolean or a float is no offset (``"start": true`` is not 1).
    start: int | None = Field(default=None, ge=0, strict=True)
    end: int | None = Field(default=None, ge=0, strict=True)

    @model_validator(mode="after")
    def _offsets_agree(self) -> Quote:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end, or neither")
        if (
            self.start is not None
            and self.end is not None
            and self.end - self.start != len(self.text)
        ):
            raise ValueError(
                f"end - start is {self.end - self.start} "
                f"but the quote has {len(self.text)} characters"
            )
        return self


def _span(quote: Quote) -> str:
    return f", {quote.start}-{quote.end}" if quote.start is not None else ", not located"


_Weight = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False, strict=True)]
"""A number in [0, 1]; strict, so ``true`` or ``"0.5"`` is refused (an int such as 1 is fine)."""


class _Node(_Model):
    """What every statement and inference has: an id, a title for people, and free data."""

    id: NodeId
    title: Text | None = Field(
        default=None,
        description="A human title beside the id, such as an Argdown title (may have spaces).",
    )
    data: Data = Field(
        default=_NO_DATA,
        description="Free, format-specific fields as JSON values (weights, speakers, colours).",
    )
    acknowledge: Acknowledged = Field(
        default=_NO_MAP,
        description="Findings acknowledged on purpose: a rule's code or name -> the reason.",
    )


class _Statement(_Node):
    text: Text = Field(description="The statement, in the map author's words.")
    note: Plain | None = Field(default=None, description="An analyst's remark on the statement.")
    tags: tuple[Text, ...] = ()
    quotes: tuple[Quote, ...] = Field(
        default=(), description="Where the source says it, verbatim; checked against the source."
    )
    assumption: bool = Field(
        default=False,
        strict=True,
        description="Accepted unless questioned, as a Carneades assumption.",
    )
    weight: _Weight | None = Field(
        default=None, description="A base score in [0, 1] for gradual semantics."
    )

    def _details(self) -> list[tuple[str, str]]:
        """Label/value pairs beyond the text, for the text and HTML forms."""
        rows = [("title", self.title)] if self.title else []
        rows += [(f"quote ({q.source}{_span(q)})", f"“{q.text}”") for q in self.quotes]
        if self.assumption:
            rows.append(("assumption", "yes"))
        if self.note:
            rows.append(("note", self.note))
        if self.tags:
            rows.append(("tags", ", ".join(self.tags)))
        return rows

    def __str__(self) -> str:
        lines = [f"[{self.kind} {self.id}] {self.text}"]  # type: ignore[attr-defined]
        lines += [f"  {label}: {value}" for label, value in self._details()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><th style='text-align:left'>{esc(label)}</th><td>{esc(value)}</td></tr>"
            for label, value in self._details()
        )
        return (
            f"<div><p><small>{esc(self.kind)} <code>{esc(self.id)}</code></small><br>"  # type: ignore[attr-defined]
            f"<strong>{esc(self.text)}</strong></p>"
            + (f"<table>{rows}</table>" if rows else "")
            + "</div>"
        )


class Claim(_Statement):
    """A conclusion the text argues for."""

    kind: Literal["claim"] = Field(default="claim", repr=False)


class Premise(_Statement):
    """A reason offered for a conclusion that is not itself a piece of evidence."""

    kind: Literal["premise"] = Field(default="premise", repr=False)


class Case(_Statement):
    """A piece of evidence: an event or fact the text offers as evidence.

    A case keeps apart where its *words* come from (``quotes``, verbatim from a source) and what
    the text *cites as evidence* for it (``cites``: source ids, often empty). ``attribution`` keeps
    the text's own hedge verbatim when it has one, such as ``"it is known to us"``.

    Examples:
        >>> c = Case(id="c", text="Executions fell.", quotes=[Quote(source="a", text="fell")])
        >>> c.cites
        ()
        >>> print(c)
        [case c] Executions fell.
          cites: no source cited
          quote (a, not located): “fell”
    """

    kind: Literal["case"] = Field(default="case", repr=False)
    when: Plain | None = None
    who: tuple[Text, ...] = ()
    cites: tuple[SourceId, ...] = Field(
        default=(), description="Ids of the sources the text cites as evidence for this case."
    )
    attribution: Plain | None = Field(
        default=None, description="How the text vouches for the case, verbatim (a hedge)."
    )

    def _details(self) -> list[tuple[str, str]]:
        rows = [("when", self.when)] if self.when else []
        if self.who:
            rows.append(("who", "; ".join(self.who)))
        rows.append(("cites", ", ".join(self.cites) if self.cites else "no source cited"))
        if self.attribution:
            rows.append(("vouched for by", f"“{self.attribution}”"))
        return rows + super()._details()


class Rebuttal(_Statement):
    """An objection: a statement put forward against another statement or inference."""

    kind: Literal["rebuttal"] = Field(default="rebuttal", repr=False)


_Scheme = Annotated[
    Text | None,
    Field(
        description=(
            "An argumentation scheme's name: one of the catalogue's, a registered one, or "
            "any other name, kept as given."
        ),
    ),
]
_InferenceWeight = Annotated[_Weight | None, Field(description="The inference's weight in [0, 1].")]


def _by(premises: tuple[str, ...]) -> str:
    return " + ".join(premises) if premises else "(no premises)"


class _Inference(_Node):
    premises: tuple[NodeId, ...] = Field(
        description=(
            "Statements that act together (a linked argument); none for an argument that "
            "stands without premises, as Carneades allows."
        ),
    )
    note: Plain | None = None

    @field_validator("premises")
    @classmethod
    def _premises_distinct(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(value) < 2 or len(set(value)) == len(value):  # the set is built in C
            return value
        seen: set[str] = set()
        for p in value:
            if p in seen:
                raise ValueError(f"premise {p!r} is listed twice")
            seen.add(p)
        return value


class Support(_Inference):
    """Premises that jointly support one conclusion.

    ``answered`` maps a critical question of the scheme (``"example.typical"``) to the statement
    in the map that answers it.

    Examples:
        >>> Support(id="s1", premises=["p1", "p2"], conclusion="c", scheme="example").target
        'c'
    """

    kind: Literal["support"] = Field(default="support", repr=False)
    conclusion: NodeId
    scheme: _Scheme = None
    weight: _InferenceWeight = None
    answered: Annotated[dict[str, NodeId], AfterValidator(_frozen_map)] = Field(
        default=_NO_MAP,
        description="Critical question id -> the statement answering it.",
    )

    @property
    def target(self) -> str:
        """The conclusion: what this inference points at."""
        return self.conclusion

    def __str__(self) -> str:
        scheme = f" ({self.scheme})" if self.scheme else ""
        return f"[support {self.id}] {_by(self.premises)} supports {self.conclusion}{scheme}"

    @model_validator(mode="after")
    def _no_self_support(self) -> Support:
        if self.conclusion in self.premises:
            raise ValueError(f"{self.conclusion!r} cannot support itself")
        return self


class Attack(_Inference):
    """Premises against a statement (a rebuttal) or against an inference (an undercutter).

    An attack may have its own target among its premises: a *self-attack*, a statement that
    defeats itself (``<S>: ... - <S>`` in Argdown, an argument that attacks itself in a Dung
    framework). Dung's semantics leave a statement that only it attacks UNDEC.

    An undercutter grants its target's premises but denies that they bear on its conclusion or
    target: it may undercut a support, or another attack ("granted, but that is no objection").

    ``question`` names the critical question the attack raises, when it attacks a support whose
    scheme has one.
    """

    kind: Literal["attack"] = Field(default="attack", repr=False)
    target: NodeId
    scheme: _Scheme = None
    weight: _InferenceWeight = None
    question: str | None = None

    def __str__(self) -> str:
        raises = f" (raises {self.question})" if self.question else ""
        return f"[attack {self.id}] {_by(self.premises)} attacks {self.target}{raises}"


Statement = Claim | Premise | Case | Rebuttal
Inference = Support | Attack

Node = Annotated[Claim | Premise | Case | Rebuttal | Support | Attack, Field(discriminator="kind")]
"""Any node of a map, told apart by its ``kind``."""

node_adapter: TypeAdapter[Claim | Premise | Case | Rebuttal | Support | Attack] = TypeAdapter(Node)
"""Parses a dict into the right node model by its ``kind``."""

STATEMENT_KINDS = ("claim", "premise", "case", "rebuttal")
INFERENCE_KINDS = ("support", "attack")


# -- the quick path: the common shapes of node fields, validated without a call into pydantic ---
#
# Most nodes a map is built from are plain: an ASCII id, a text, premises and a target, maybe a
# title, a scheme, the sources a case cites and flat free data. For those, pydantic's work is
# mostly Python calls back from Rust (the id pattern, NFC, the text rules, the shared set of
# given fields), about half a node's cost. quick_node checks exactly the same rules in one pass
# and builds the model as pydantic would; whatever it cannot vouch for (any other field, a
# non-ASCII id, a text it would refuse, a subclass of str) it leaves to pydantic, which then
# accepts it or raises its own error. So it never accepts what pydantic refuses, and what it
# builds is the model pydantic builds: tests hold the two to each other on random fields.

_NO: Any = object()  # "not vouched for": the field goes to pydantic
_ascii_id = ASCII_ID.fullmatch
_forbidden = _FORBIDDEN.search


def _q_plain(value: str) -> bool:
    """Whether a str holds no character a text may not (see ``_FORBIDDEN``): printable ASCII
    holds none, which two calls in C say; anything else is searched."""
    return (value.isascii() and value.isprintable()) or not _forbidden(value)


def _q_scalar(value: Any) -> bool:
    """Whether ``value`` is a JSON scalar that free data keeps as it is (see ``_data``)."""
    kind = type(value)
    if kind is str:
        return _q_plain(value)
    if value is None or kind is bool:
        return True
    if kind is int:
        return bool(value.bit_length() <= _INT_BITS)
    return kind is float and bool(value - value == 0.0)  # finite


def _q_data(value: Any) -> Any:
    """Free data of scalars and flat mappings of scalars, checked and copied as ``_data`` does."""
    if type(value) is not dict:
        return _NO
    if not value:
        return _NO_DATA
    top: dict[str, Any] = {}
    for key, item in value.items():
        if type(key) is not str or not _q_plain(key):
            return _NO
        if type(item) is dict:
            for k, v in item.items():  # _q_plain written out for text: this runs per node
                if type(k) is not str or not (
                    (k.isascii() and k.isprintable()) or not _forbidden(k)
                ):
                    return _NO
                if type(v) is str:
                    if not ((v.isascii() and v.isprintable()) or not _forbidden(v)):
                        return _NO
                elif not _q_scalar(v):
                    return _NO
            top[key] = dict(item)
        elif _q_scalar(item):
            top[key] = item
        else:
            return _NO
    return FrozenData(top)


# What quick_node checks of each field it vouches for; any other field goes to pydantic.
_ID, _TEXT, _TEXT_OR_NONE, _IDS, _DATA = range(1, 6)
_NODE_CHECKS = {"id": _ID, "title": _TEXT_OR_NONE, "data": _DATA}
_STATEMENT_CHECKS = {**_NODE_CHECKS, "text": _TEXT}
_INFERENCE_CHECKS = {**_NODE_CHECKS, "premises": _IDS, "scheme": _TEXT_OR_NONE}
_QUICK_CHECKS: dict[type[_Model], dict[str, int]] = {
    Claim: _STATEMENT_CHECKS,
    Premise: _STATEMENT_CHECKS,
    Rebuttal: _STATEMENT_CHECKS,
    Case: {**_STATEMENT_CHECKS, "cites": _IDS},
    Support: {**_INFERENCE_CHECKS, "conclusion": _ID},
    Attack: {**_INFERENCE_CHECKS, "target": _ID},
}


def _defaults(cls: type[_Model]) -> dict[str, Any]:
    """A model's ``__dict__`` before its given fields go in: every field in order, at its default
    (None for a required one, which is always given)."""
    out = {}
    for name, field in cls.model_fields.items():
        if field.default_factory is not None:  # pragma: no cover  # none has one; guard the copy
            raise TypeError(f"{cls.__name__}.{name}: the quick path copies plain defaults")
        out[name] = None if field.is_required() else field.default
    return out


_QUICK_DEFAULTS = {cls: _defaults(cls) for cls in _QUICK_CHECKS}
_QUICK_REQUIRED = {
    cls: tuple(name for name, field in cls.model_fields.items() if field.is_required())
    for cls in _QUICK_CHECKS
}
_new = object.__new__
# pydantic's own slots, set through their descriptors (what object.__setattr__ looks up first)
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
# The shared set of given fields by the order the fields came in: a few orders per shape
_GIVEN_IN_ORDER: dict[tuple[str, ...], set[str]] = {}


def quick_node(
    cls: type[Claim | Premise | Case | Rebuttal | Support | Attack], fields: dict[str, Any]
) -> Claim | Premise | Case | Rebuttal | Support | Attack | None:
    """The node pydantic would make of ``fields``, checked without it, or None to ask pydantic.

    For the common shapes (an ASCII id, a text, premises and a target, a title, a scheme, a
    case's cited sources, free data of scalars and flat mappings), this checks the model's rules
    itself and builds the model as ``cls.model_validate(fields)`` would, at about a third of the
    cost. Anything else, and anything that breaks a rule, gives None: validate with pydantic
    then, which accepts it or raises its own error. It never accepts what pydantic would refuse.

    Examples:
        >>> quick_node(Claim, {"id": "c1", "text": "Pressure works."})
        Claim(id='c1', text='Pressure works.')
        >>> quick_node(Claim, {"id": "c1", "text": " "}) is None  # blank: pydantic says why
        True
        >>> quick_node(Support, {"id": "s", "premises": ["p"], "conclusion": "c"}).premises
        ('p',)
    """
    checks = _QUICK_CHECKS[cls]
    values = _QUICK_DEFAULTS[cls].copy()
    for name, value in fields.items():
        check = checks.get(name)
        if check == _ID:
            if type(value) is not str or not _ascii_id(value):
                return None
        elif check == _TEXT or (check == _TEXT_OR_NONE and value is not None):
            if (
                type(value) is not str
                or not value.strip()
                or not ((value.isascii() and value.isprintable()) or not _forbidden(value))
            ):
                return None  # _q_plain, written out: this runs for every statement
        elif check == _IDS:
            if type(value) is not tuple and type(value) is not list:
                return None
            for item in value:
                if type(item) is not str or not _ascii_id(item):
                    return None
            value = tuple(value)  # noqa: PLW2901  # stored as the model stores it
        elif check == _DATA:
            value = _q_data(value)  # noqa: PLW2901
            if value is _NO:
                return None
        elif check is None and (  # only the class's own kind is vouched for; any other: pydantic
            name != "kind" or type(value) is not str or value != values["kind"]
        ):
            return None
        values[name] = value
    for name in _QUICK_REQUIRED[cls]:
        if values[name] is None:
            return None  # missing: pydantic says so
    premises = values.get("premises")
    if premises is not None and (
        (len(premises) > 1 and len(set(premises)) != len(premises))  # _premises_distinct
        or (cls is Support and values["conclusion"] in premises)  # Support._no_self_support
    ):
        return None
    model = _new(cls)
    _set_dict(model, values)
    order = tuple(fields)  # cheaper to make and hash than the frozenset it stands for
    given: set[str] | None = _GIVEN_IN_ORDER.get(order)
    if given is None:
        given = _given_fields(frozenset(order))
        if type(given) is _GivenFields and len(_GIVEN_IN_ORDER) < _MAX_GIVEN_FIELDS:
            _GIVEN_IN_ORDER[order] = given
    _set_fields_set(model, given)
    _set_extra(model, None)
    _set_private(model, None)
    return model
