"""Cut an English text into argumentative units: sentences, and clauses that a marker opens.

A rule-based segmenter, in one pass of regular expressions (linear in the text's length):

- paragraphs are separated by blank lines; a break inside a sentence (a paragraph that does not
  end in ``.``, ``!``, ``?`` or a closing quote) is read as a stray break and joined, except
  for a short first line, which is read as the title and is a unit of its own;
- sentences end at ``.``, ``!`` or ``?`` (and closing quotes) before a capital, a digit or an
  opening quote, except after the usual abbreviations (``Mr.``, ``e.g.``, ``U.S.``, initials);
- a sentence is cut again before a clause that a discourse marker opens after a comma or a
  semicolon (``, but``, ``; however``, ``, because``, ``, although`` ...), and after a leading
  subordinate clause (``Although X, Y``); a piece shorter than three words stays with its
  neighbour.

Every unit keeps its offsets into the text, so that the drafted statement quotes it verbatim.

Examples:
    >>> [u.text for u in segment("We should act now, because delay costs lives. Mr. Smith agrees.")]
    ['We should act now,', 'because delay costs lives.', 'Mr. Smith agrees.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Unit", "segment"]


@dataclass(frozen=True, slots=True)
class Unit:
    """A span of the text: ``text == source[start:end]``, in paragraph ``paragraph``."""

    text: str
    start: int
    end: int
    paragraph: int = 0


_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof st vs etc e.g i.e cf no nos jr sr inc ltd co corp gen col sgt rev "
    "fig approx dept est vol jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_CLAUSE_MARKERS = (
    "but|however|whereas|although|though|even though|because|yet|so that|therefore|thus|hence|"
    "which is why|while|since|nevertheless|nonetheless|still"
)
_CLAUSE = re.compile(rf"(?<=[,;:])\s+(?=(?:{_CLAUSE_MARKERS})\b)", re.IGNORECASE)
_SEMICOLON = re.compile(r"(?<=;)\s+")
_LEADING = re.compile(
    r"^(?:although|though|even though|while|whereas|because|since|admittedly|granted that|"
    r"despite the fact that|even if)\b[^,;]{8,}?,\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_MIN_WORDS = 3
_TITLE_WORDS = 20


def segment(text: str) -> list[Unit]:
    """Cut ``text`` into units (see the module's description); blank text gives none.

    Examples:
        >>> units = segment("A title\\n\\nThe first sentence. Although it rains, we go out.")
        >>> [(u.text, u.paragraph) for u in units]
        [('A title', 0), ('The first sentence.', 1), ('Although it rains,', 1), ('we go out.', 1)]
    """
    units: list[Unit] = []
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        for s_start, s_end in _sentences(text, start, end):
            for c_start, c_end in _clauses(text, s_start, s_end):
                units.append(Unit(text[c_start:c_end], c_start, c_end, paragraph))
    return units


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, stray breaks inside a sentence joined, the title kept apart."""
    spans: list[tuple[int, int]] = []
    position = 0
    for found in _PARAGRAPH.finditer(text):
        spans.append((position, found.start()))
        position = found.end()
    spans.append((position, len(text)))
    spans = [_stripped(text, s, e) for s, e in spans]
    spans = [(s, e) for s, e in spans if s < e]
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        stray = joined and not _TERMINAL.search(text, joined[-1][0], joined[-1][1])
        if stray and not (len(joined) == 1 and _is_title(text[joined[0][0] : joined[0][1]])):
            joined[-1] = (joined[-1][0], end)
            continue
        joined.append((start, end))
    return joined


def _is_title(text: str) -> bool:
    return "\n" not in text and len(_WORD.findall(text)) <= _TITLE_WORDS


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    for found in _SENTENCE_END.finditer(text, start, end):
        if _abbreviation(text, position, found.start()) and found.group().startswith("."):
            continue
        spans.append(_stripped(text, position, found.end()))
        position = found.end()
    spans.append(_stripped(text, position, end))
    return [(s, e) for s, e in spans if s < e]


def _abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the word before the full stop at ``dot`` is an abbreviation or an initial."""
    begin = dot
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:dot].lower().lstrip("(\"'“‘")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = {m.start() for m in _CLAUSE.finditer(text, start, end)}
    cuts.update(m.start() for m in _SEMICOLON.finditer(text, start, end))
    leading = _LEADING.match(text[start : min(end, start + 400)])
    if leading:
        cuts.add(start + leading.end() - len(leading.group()) + len(leading.group().rstrip()))
    spans: list[tuple[int, int]] = []
    position = start
    for cut in sorted(cuts):
        spans.append(_stripped(text, position, cut))
        position = cut
    spans.append(_stripped(text, position, end))
    spans = [(s, e) for s, e in spans if s < e]
    return _merge_short(text, spans)


def _merge_short(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece of fewer than three words to the piece before it (or after, if first)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (
            len(_WORD.findall(text, start, end)) < _MIN_WORDS
            or len(_WORD.findall(text, *merged[-1])) < _MIN_WORDS
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
