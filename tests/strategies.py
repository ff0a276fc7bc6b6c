"""Hypothesis strategies that build random *valid* maps through the public API.

A map is grown the way a user grows one: sources first (one with a text to quote from, one
without), then statements of every kind, some quoting the text verbatim, then linked supports
(sometimes naming a scheme and answering one of its critical questions), then attacks on
statements and undercutters on supports, then perhaps a central claim.
"""

# ruff: noqa: RUF001  # the article's curly apostrophes, verbatim on purpose

from __future__ import annotations

from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from argmap import ArgumentMap, Quote, Source
from argmap.model import NodeId, Statement
from argmap.schemes import get_scheme, scheme_names, similar_schemes

# What the models refuse in any text: C0 controls but tab, newline and carriage return; DEL and
# the C1 controls (U+0085 NEXT LINE among them); lone surrogates (category Cs, excluded below).
_REFUSED = "".join(
    chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
)

HOSTILE = [
    '"}], {"kind": "claim"',
    "key: value",
    "- item",
    "!!python/object/apply:os.system ['true']",
    "&anchor *alias",
    "null",
    "~",
    "yes",
    "1e3",
    "0o17",
    "---",
    "...",
    "# not a comment",
    "'single' and \"double\" quotes",
    "  leading and trailing spaces  ",
    "tab\there",
    "line one\nline two\n",
    "windows\r\nline end",
    "북한 인권 문제에 대한 압력은 효과적이다.",
    "حقوق الإنسان مهمة",
    "\u202eright-to-left override",
    "zero\u200bwidth",
    "line\u2028separator\u2029paragraph",
    "\ufeffbyte order mark",
    "emoji 😀 and astral \U0010fffd",
    "backslash \\ at the end \\",
    "curly ’apostrophe‘ and “quotes”",
    "<script>alert(1)</script> & ]]>",
    "{{ template }} %s {0}",
]

_chars = st.characters(exclude_categories=("Cs",), exclude_characters=_REFUSED)

texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(_chars, min_size=1, max_size=30),
).filter(lambda s: bool(s.strip()))
"""Statement texts: anything the models accept, hostile samples included."""

free_texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(_chars, max_size=20),
)
"""Free text (notes, titles, ...): may be blank, but no control characters either."""

_ID: TypeAdapter[str] = TypeAdapter(NodeId)


def _valid_id(value: str) -> bool:
    try:
        _ID.validate_python(value)
    except ValidationError:
        return False
    return True


# Python's \w is wider than pydantic's (it takes '²' and '¼'): keep what the models accept.
node_ids = st.from_regex(r"\A\w[\w.:-]{0,12}\Z", fullmatch=True).filter(_valid_id)
"""Ids that the id pattern accepts, unicode letters and digits included."""

source_texts = st.one_of(
    st.sampled_from(HOSTILE).map(lambda s: s * 3),
    st.text(_chars, min_size=1, max_size=200),
).filter(lambda s: bool(s.strip()))

_KINDS = ("claim", "premise", "case", "rebuttal")

_keys = st.text(_chars, min_size=1, max_size=8)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | free_texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=6,
)
"""Any JSON value (what a node's or map's ``data`` holds)."""

data = st.dictionaries(_keys, json_values, max_size=3)
"""A ``data`` mapping: JSON values by key."""

# Free scheme names, kept as given; none close enough to a known one to draw a "did you mean".
free_schemes = texts.filter(lambda name: not similar_schemes(name))
weights = st.none() | st.floats(0.0, 1.0)


def _extras(draw: st.DrawFn, *, statement: bool) -> dict[str, object]:
    """The fields of the model extension: title, data, acknowledgements, weights."""
    extra: dict[str, object] = {
        "title": draw(st.none() | texts),
        "data": draw(data),
        "weight": draw(weights),
    }
    if statement:
        extra["assumption"] = draw(st.booleans())
        extra["acknowledge"] = draw(st.dictionaries(texts, texts, max_size=1))
    return extra


@st.composite
def _quotes(draw: st.DrawFn, source: Source, unlocated: Source) -> list[Quote]:
    assert source.text is not None
    text = source.text
    quotes: list[Quote] = []
    for _ in range(draw(st.integers(0, 2))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 40)))
        passage = text[start:end]
        if passage.strip():
            # Half the time the offsets are given: then they must be kept, even when the words
            # also occur earlier in the text.
            if draw(st.booleans()):
                quotes.append(Quote(source=source.id, text=passage, start=start, end=end))
            else:
                quotes.append(Quote(source=source.id, text=passage))
    if draw(st.booleans()):
        # A source with no text: nothing to check against, so the quote is kept unlocated.
        quotes.append(Quote(source=unlocated.id, text=draw(texts)))
    return quotes


def _attack_extras(draw: st.DrawFn, *, rich: bool) -> dict[str, object]:
    if not rich:
        return {}
    return {**_extras(draw, statement=False), "scheme": draw(st.none() | free_schemes)}


@st.composite
def maps(draw: st.DrawFn, *, max_statements: int = 7, rich: bool = False) -> ArgumentMap:
    """A random valid map built through the API.

    With ``rich``, nodes and the map also get the fields formats carry: titles, free data,
    weights, assumptions, acknowledgements, free scheme names (on attacks too) and supports
    without premises.
    """
    n = draw(st.integers(1, max_statements))
    ids = draw(st.lists(node_ids, min_size=n + 2, max_size=n + 2, unique=True))
    source_id, unlocated_id, statement_ids = ids[0], ids[1], ids[2:]

    m = ArgumentMap(title=draw(st.none() | free_texts), data=draw(data) if rich else None)
    source = m.add_source(
        Source(id=source_id, title=draw(texts), text=draw(source_texts), date="2006-03")
    )
    unlocated = m.add_source(
        Source(id=unlocated_id, title=draw(texts), url=draw(st.none() | free_texts))
    )

    statements: list[Statement] = []
    for sid in statement_ids:
        kind = draw(st.sampled_from(_KINDS))
        fields: dict[str, object] = {
            "quotes": draw(_quotes(source, unlocated)),
            "note": draw(st.none() | free_texts),
            "tags": tuple(draw(st.lists(texts, max_size=2))),
        }
        if kind == "case":
            fields["cites"] = tuple(
                draw(st.lists(st.sampled_from([source_id, unlocated_id]), unique=True))
            )
            fields["attribution"] = draw(st.none() | free_texts)
            fields["when"] = draw(st.none() | free_texts)
            fields["who"] = tuple(draw(st.lists(texts, max_size=2)))
        if rich:
            fields.update(_extras(draw, statement=True))
        add = getattr(m, kind)
        statements.append(add(sid, draw(texts), **fields))

    stmt_ids = [s.id for s in statements]
    supports = []
    if len(stmt_ids) > 1:
        for _ in range(draw(st.integers(0, 2 * len(stmt_ids)))):
            conclusion = draw(st.sampled_from(stmt_ids))
            others = [i for i in stmt_ids if i != conclusion]
            premises = draw(
                st.lists(
                    st.sampled_from(others), min_size=0 if rich else 1, max_size=3, unique=True
                )
            )
            scheme = draw(
                st.none() | st.sampled_from(scheme_names()) | (free_schemes if rich else st.none())
            )
            answered: dict[str, str] = {}
            if scheme in scheme_names() and draw(st.booleans()):
                question = draw(st.sampled_from(sorted(get_scheme(scheme).questions)))
                answered[question] = draw(st.sampled_from(stmt_ids))
            supports.append(
                m.support(
                    premises,
                    conclusion,
                    scheme=scheme,
                    answered=answered,
                    note=draw(st.none() | free_texts),
                    **(_extras(draw, statement=False) if rich else {}),
                )
            )
        for _ in range(draw(st.integers(0, len(stmt_ids)))):
            if supports and draw(st.booleans()):
                sup = draw(st.sampled_from(supports))
                premises = draw(
                    st.lists(st.sampled_from(stmt_ids), min_size=1, max_size=2, unique=True)
                )
                question = None
                if sup.scheme in scheme_names() and draw(st.booleans()):
                    question = draw(st.sampled_from(sorted(get_scheme(sup.scheme).questions)))
                m.attack(premises, sup.id, question=question, **_attack_extras(draw, rich=rich))
            else:
                target = draw(st.sampled_from(stmt_ids))
                others = [i for i in stmt_ids if i != target]
                premises = draw(
                    st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True)
                )
                m.attack(premises, target, **_attack_extras(draw, rich=rich))

    claims = [s.id for s in statements if s.kind == "claim"]
    if claims and draw(st.booleans()):
        m.central = draw(st.sampled_from(claims))
    return m
