"""``draft(text)``: a first map of a text, for an analyst to accept or edit.

Examples:
    >>> import warnings
    >>> from argmap.draft import draft
    >>> m = draft("We should ban cars from the centre. Because they pollute the air. "
    ...           "Admittedly, shops fear losing customers. But pedestrians buy more.")
    >>> m[m.central].text
    'We should ban cars from the centre.'
    >>> [str(i) for i in m.inferences()]
    ['[support s1] u2 supports u1', '[attack a1] u3 attacks u1', '[attack a2] u4 attacks u3']
    >>> m["u2"].quotes[0].start, m["u2"].data["by"], m["u2"].data["confidence"] > 0
    (36, 'draft', True)
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from argmap import params
from argmap.draft.decode import BLOCK, Parse, parse
from argmap.draft.features import markers
from argmap.draft.model import DraftModel, default_model, load_model
from argmap.draft.segment import Unit, segment
from argmap.exceptions import DraftError, DraftWarning, InvalidArgumentError
from argmap.ids import id_problem
from argmap.map import AnyNode, ArgumentMap
from argmap.model import (
    Attack,
    Claim,
    Premise,
    Quote,
    Rebuttal,
    Source,
    Support,
    forbidden_character,
)

__all__ = ["DRAFTED", "draft"]

DRAFTED = "draft"
"""The value of ``data["by"]`` on every drafted node (the analyst's own nodes say ``"analyst"``)."""

_ENGLISH_WORDS = (
    "the of and to a in is that it for not be are was this with as on have by but they we "
    "should at or from an will which their has more there can all if its would so also "
    "been these than who because what do does"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_TOKEN = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_LANGUAGE_SAMPLE = 20_000
_MIN_ENGLISH = 0.12


def draft(
    text: str,
    *,
    model: DraftModel | str | Path | None = None,
    title: str | None = None,
    source: str = "text",
    segments: Sequence[tuple[int, int]] | None = None,
) -> ArgumentMap:
    """Draft a map of ``text``: units, a central claim, roles, supports and attacks.

    Each unit of the text becomes a statement whose quote is the unit, verbatim, with its
    offsets into the text (the text is the map's source ``source``); the central claim is a
    claim, the opponent's units rebuttals, the others premises. Each unit attaches to one other
    by a support, a rebuttal (an attack on the unit) or an undercut (an attack on the unit's
    own inference), all decided at once as the maximum spanning tree of Peldszus and Stede's
    evidence graph (see :mod:`argmap.draft.decode`). Every drafted node has
    ``data["by"] == "draft"`` and ``data["confidence"]`` in [0, 1], and statements carry the
    tag ``drafted``, so an analyst can tell what is still to review; ``argmap.check`` says
    what the draft lacks.

    Args:
        text: The text, in English.
        model: A :class:`~argmap.draft.model.DraftModel`, or the path of one that
            :func:`argmap.draft.train` saved; by default the hand-set model, which needs no
            corpus.
        title: The map's and the source's title (default: the text's first unit, shortened).
        source: The id of the source that holds the text.
        segments: ``(start, end)`` offsets of the units, when they are known (an annotated
            corpus's segments); by default the text is segmented by rule
            (:func:`argmap.draft.segment.segment`).

    Raises:
        DraftError: ``text`` is not a string, is blank or has no word, or holds a control
            character (named by line and column); or a segment is empty or outside the text.
        DraftModelError: ``model`` names a file that is not a draft model.
        InvalidArgumentError: ``title`` is not text, ``source`` not an id, or ``segments``
            not a list of pairs.

    Warns:
        DraftWarning: The text has one unit only (there is no argument to map), none of its
            units has a discourse marker (the relations rest on position alone), it does not
            look like English, or it holds page breaks (form feeds, as ``pdftotext`` writes
            between pages), which the draft reads as line breaks.
    """
    if not isinstance(text, str):
        raise DraftError(f"draft needs the text as a string, not {type(text).__name__}")
    if not text.strip():
        raise DraftError(
            "the text is blank: there is nothing to draft; give the text of an argument"
        )
    text = _page_breaks_as_line_breaks(text)
    bad = forbidden_character(text)
    if bad is not None:
        # Every unit quotes the text verbatim, and no quote may hold such a character: say
        # where it is in the text, not in a quote the user never wrote.
        line, column = _line_and_column(text, bad)
        raise DraftError(
            f"the text holds a control character, U+{ord(text[bad]):04X}, at line {line}, "
            f"column {column}, which no map can hold (XML and YAML cannot carry it); remove "
            "it (tab, newline and carriage return are fine)"
        )
    if title is not None:
        params.text(title, where="draft", name="title", want="text (a str) or None")
    problem = id_problem(source, "source")
    if problem is not None:
        raise InvalidArgumentError(f"draft: {problem}")
    if segments is not None:
        segments = params.items(segments, where="draft", name="segments", item="(start, end) pair")
    chosen = _model(model)
    units = _units(text, segments)
    if not units:
        raise DraftError("the text has no words: there is nothing to draft")
    _warn_about(text, units)
    result = parse([u.text for u in units], [u.paragraph for u in units], chosen)
    return _build(text, units, result, chosen, title=title, source=source)


def _page_breaks_as_line_breaks(text: str) -> str:
    """``text`` with its form feeds and vertical tabs read as line breaks, with a warning.

    Text taken out of a PDF or a printed page (``pdftotext`` writes a form feed between pages)
    has them, and no map text can hold them (XML 1.0 cannot carry them). Each is one character
    for one, so every offset into the text stays right.
    """
    if "\f" not in text and "\v" not in text:
        return text
    first = min(i for i in (text.find("\f"), text.find("\v")) if i >= 0)
    count = text.count("\f") + text.count("\v")
    warnings.warn(
        f"the text holds {count} page break{'s' if count > 1 else ''} (form feed or vertical "
        f"tab; the first at line {_line_and_column(text, first)[0]}), read as line breaks: a "
        "map cannot hold them, so the quotes and the source's text have a line break there",
        DraftWarning,
        stacklevel=3,
    )
    return text.replace("\f", "\n").replace("\v", "\n")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_and_column(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of offset ``at``, lines ending as an editor ends them
    (CRLF, CR alone or LF)."""
    line, start = 1, 0
    for found in _LINE_BREAK.finditer(text, 0, at):
        line, start = line + 1, found.end()
    return line, at - start + 1


def _model(model: DraftModel | str | Path | None) -> DraftModel:
    if model is None:
        return default_model()
    if isinstance(model, DraftModel):
        return model
    if isinstance(model, str | Path):
        return load_model(model)
    raise DraftError(
        f"model must be a DraftModel or the path of a saved one, not {type(model).__name__}"
    )


def _units(text: str, segments: Sequence[tuple[int, int]] | None) -> list[Unit]:
    if segments is None:
        return [u for u in segment(text) if _TOKEN.search(u.text)]
    units: list[Unit] = []
    for k, span in enumerate(segments):
        try:
            start, end = (int(span[0]), int(span[1]))
        except (TypeError, ValueError, IndexError):
            raise DraftError(f"segment {k + 1} is {span!r}; give (start, end) offsets") from None
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise DraftError(
                f"segment {k + 1} ({start}, {end}) is empty or outside the text of "
                f"{len(text)} characters; give offsets of non-blank spans"
            )
        units.append(Unit(text[start:end], start, end, 0))
    return units


def _warn_about(text: str, units: list[Unit]) -> None:
    words = [w.lower() for w in _TOKEN.findall(text[:_LANGUAGE_SAMPLE])]
    if len(words) >= 20 and sum(w in _ENGLISH for w in words) / len(words) < _MIN_ENGLISH:
        warnings.warn(
            "the text does not look like English: the drafter's segmenter and discourse "
            "markers are English, so the draft rests on position alone",
            DraftWarning,
            stacklevel=3,
        )
        return  # its markers are English: that none is found says nothing more
    if len(units) == 1:
        warnings.warn(
            "the text is one unit: the draft is a single claim with no argument for it",
            DraftWarning,
            stacklevel=3,
        )
    elif len(units) <= BLOCK and not any(markers(u.text) for u in units):
        warnings.warn(
            "no unit has a discourse marker (because, but, therefore, should, ...): the text may "
            "hold no argument, and the draft's relations rest on position alone",
            DraftWarning,
            stacklevel=3,
        )


def _build(
    text: str,
    units: list[Unit],
    result: Parse,
    model: DraftModel,
    *,
    title: str | None,
    source: str,
) -> ArgumentMap:
    ids = [f"u{k + 1}" for k in range(len(units))]
    name = title or _clip(_SPACES.sub(" ", units[0].text.strip()), 80)
    nodes: list[AnyNode] = []
    for i, unit in enumerate(units):
        kind: Any = (
            Claim if i == result.central else Rebuttal if result.role[i] == "opp" else Premise
        )
        nodes.append(
            kind(
                id=ids[i],
                text=_SPACES.sub(" ", unit.text.strip()),
                quotes=(Quote(source=source, text=unit.text, start=unit.start, end=unit.end),),
                tags=("drafted",),
                data={
                    "by": DRAFTED,
                    "confidence": round(result.confidence[i], 3),
                    "draft": {
                        "role": result.role[i],
                        **{k: round(v, 3) for k, v in result.probabilities[i].items()},
                    },
                },
            )
        )
    inference_of: dict[int, str] = {}
    counts = {"s": 0, "a": 0}
    for i in _top_down(result):
        head = result.parent[i]
        if head is None:
            continue
        function = result.function[i]
        prefix = "s" if function == "sup" else "a"
        counts[prefix] += 1
        node_id = inference_of[i] = f"{prefix}{counts[prefix]}"
        data = {
            "by": DRAFTED,
            "confidence": round(result.confidence[i], 3),
            "draft": {"function": function, "attachment": round(result.attachment[i], 3)},
        }
        if function == "sup":
            nodes.append(Support(id=node_id, premises=(ids[i],), conclusion=ids[head], data=data))
        else:
            target = inference_of[head] if function == "und" else ids[head]
            nodes.append(Attack(id=node_id, premises=(ids[i],), target=target, data=data))
    return ArgumentMap(
        title=name,
        sources=[Source(id=source, title=name, text=text)],
        nodes=nodes,
        central=ids[result.central],
        data={
            "draft": {
                "method": "evidence graph, maximum spanning tree (Peldszus and Stede 2015)",
                "model": model.name,
                "language": model.language,
                "units": len(units),
                "pairs_scored": result.pairs_scored,
            }
        },
    )


def _top_down(result: Parse) -> list[int]:
    """Units with every unit after the one it attaches to (an undercut needs its target)."""
    children: dict[int, list[int]] = {}
    for i, head in enumerate(result.parent):
        if head is not None:
            children.setdefault(head, []).append(i)
    order, stack = [], [result.central]
    while stack:
        i = stack.pop()
        order.append(i)
        stack.extend(reversed(children.get(i, [])))
    return order


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
