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

import unicodedata

__all__ = ["closest_passage", "find_quote", "longest_common_run", "normalisation_hint"]


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
    a, b, _ = longest_common_run(text, quote)
    begin = max(0, a - b)
    end = min(len(text), begin + len(quote))
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[begin:end].strip()


def longest_common_run(a: str, b: str) -> tuple[int, int, int]:
    """Return ``(i, j, size)``: the longest run ``a[i:i + size] == b[j:j + size]``, in time
    linear in ``len(a) + len(b)``.

    Of several longest runs, the one that starts earliest in ``a``, and of those the one that
    starts earliest in ``b``: the run ``difflib.SequenceMatcher(None, a, b,
    autojunk=False).find_longest_match()`` finds, which takes time ``len(a) * len(b)`` (a
    20 KB quote against a 100 KB source: a minute). A suffix automaton of ``b`` (Blumer et al.
    1985) is read along ``a``, keeping the longest suffix of ``a`` read so far that occurs in
    ``b``; each state knows where its strings first end in ``b``.

    Examples:
        >>> longest_common_run("North Korea agreed to talk.", "agreed to speak")
        (12, 0, 10)
        >>> longest_common_run("abc", "xyz")
        (0, 0, 0)
    """
    # The automaton of b: per state, its transitions, suffix link, longest length, first end.
    moves: list[dict[str, int]] = [{}]
    link, longest, first_end = [-1], [0], [-1]
    last = 0
    for end, char in enumerate(b):
        state = len(longest)
        moves.append({})
        link.append(0)
        longest.append(longest[last] + 1)
        first_end.append(end)
        p = last
        while p != -1 and char not in moves[p]:
            moves[p][char] = state
            p = link[p]
        if p != -1:
            q = moves[p][char]
            if longest[p] + 1 == longest[q]:
                link[state] = q
            else:  # split q: a clone takes the shorter strings, with q's first end
                clone = len(longest)
                moves.append(dict(moves[q]))
                link.append(link[q])
                longest.append(longest[p] + 1)
                first_end.append(first_end[q])
                while p != -1 and moves[p].get(char) == q:
                    moves[p][char] = clone
                    p = link[p]
                link[q] = link[state] = clone
        last = state
    # Read a along it: the first place the longest run ends in a is the earliest start.
    state = size = best = best_end = best_state = 0
    for end, char in enumerate(a):
        while state and char not in moves[state]:
            state = link[state]
            size = longest[state]
        if char in moves[state]:
            state = moves[state][char]
            size += 1
        if size > best:
            best, best_end, best_state = size, end, state
    if not best:
        return 0, 0, 0
    return best_end - best + 1, first_end[best_state] - best + 1, best


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
