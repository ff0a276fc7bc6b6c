"""Finding quotes verbatim in a source's text, and the closest passage when they are not there.

Examples:
    >>> from argmap.quotes import find_quote, closest_passage
    >>> find_quote("North Korea agreed to talk.", "agreed to talk")
    (12, 26)
    >>> find_quote("North Korea agreed to talk.", "agreed to speak") is None
    True
    >>> closest_passage("North Korea agreed to talk.", "agreed to speak")
    'agreed to talk.'
"""

from __future__ import annotations

import difflib
import unicodedata

__all__ = ["closest_passage", "find_quote", "normalisation_hint"]


def find_quote(text: str, quote: str, *, start: int | None = None) -> tuple[int, int] | None:
    """Return the ``(start, end)`` offsets of ``quote`` in ``text``, or ``None`` when absent.

    With ``start`` given, the quote must stand exactly there; otherwise the first occurrence counts.
    """
    if start is not None:
        end = start + len(quote)
        return (start, end) if text[start:end] == quote else None
    found = text.find(quote)
    return None if found < 0 else (found, found + len(quote))


def closest_passage(text: str, quote: str) -> str:
    """Return the passage of ``text`` that comes closest to ``quote``.

    The passage is anchored on the longest run the two share and has about the quote's length,
    widened to whole words, so a reader can see what the source says instead.
    """
    if not text or not quote:
        return ""
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    match = matcher.find_longest_match(0, len(text), 0, len(quote))
    begin = max(0, match.a - match.b)
    end = min(len(text), begin + len(quote))
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[begin:end].strip()


def normalisation_hint(text: str, quote: str) -> str:
    """Explain a quote that is in ``text`` only once both are in Unicode NFC form, else ``""``.

    'é' can be written as one character or as 'e' and a combining accent; the two look the same,
    so a quote copied through another tool can fail to match verbatim for no visible reason.
    Quotes stay verbatim (their offsets count the source's characters), so argmap says why.

    Examples:
        >>> normalisation_hint("Un café noir.", "cafe\u0301")
        ' (it differs only in how accented letters are encoded: the source writes them as one character (NFC), the quote as a letter and a combining mark (NFD); copy the quote from the source)'
        >>> normalisation_hint("Un café noir.", "the")
        ''
    """  # noqa: E501
    nfc = unicodedata.normalize
    if quote in text or nfc("NFC", quote) not in nfc("NFC", text):
        return ""
    source_form = (
        "one character (NFC)" if nfc("NFC", text) == text else "a letter and a combining mark (NFD)"
    )
    quote_form = (
        "one character (NFC)"
        if nfc("NFC", quote) == quote
        else "a letter and a combining mark (NFD)"
    )
    return (
        " (it differs only in how accented letters are encoded: the source writes them as "
        f"{source_form}, the quote as {quote_form}; copy the quote from the source)"
    )
