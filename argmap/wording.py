r"""Small helpers for the words argmap prints: counts with the right plural, and text made safe
for the places it is printed to.

Text that came from a file (ids, titles, names in error messages) can hold characters a
terminal obeys rather than shows: an escape sequence that clears the screen or writes the
clipboard (OSC 52), or a bidirectional override that makes a line read otherwise than it is.
:func:`for_terminal` is the one place that makes text safe to print; every line the command
line prints goes through it. :func:`for_spreadsheet` is the one place that makes a CSV cell
safe to open in a spreadsheet, which would run a cell that begins with ``=`` as a formula.

Examples:
    >>> counted(1, "source"), counted(2, "source"), counted(0, "inference")
    ('1 source', '2 sources', '0 inferences')
    >>> print(for_terminal("id \x1b[2J here"))
    id \u001b[2J here
    >>> for_spreadsheet("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
"""

from __future__ import annotations

import re

__all__ = ["counted", "for_spreadsheet", "for_terminal"]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """Return ``n`` and ``noun``, in the plural (``plural``, else ``noun + "s"``) unless ``n`` is 1.

    Examples:
        >>> counted(1, "analysis", "analyses"), counted(3, "analysis", "analyses")
        ('1 analysis', '3 analyses')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


# C0 controls but tab and newline, DEL, C1 controls, the bidirectional marks, embeddings,
# overrides and isolates, and lone surrogates (which cannot even be encoded).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


_ONE_LINE_UNSAFE = re.compile(f"{_UNSAFE.pattern[:-1]}\n\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def for_terminal(text: str, *, one_line: bool = False) -> str:
    r"""Return ``text`` with every character a terminal would act on written as ``\uXXXX``.

    Tab and newline stay; every other control character (C0, DEL, C1), the bidirectional
    controls (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069) and lone surrogates
    are escaped. The escapes are JSON's, so JSON stays JSON. With ``one_line``, every line
    break is escaped too (newline, and U+2028, U+2029, which some terminals and editors break
    on): for a message promised as one line, where a file name holding a line break could
    otherwise print a second line of its own choosing (``Error: ...``).

    Examples:
        >>> for_terminal("a\x1b]52;c;ZXZpbA==\x07b")
        'a\\u001b]52;c;ZXZpbA==\\u0007b'
        >>> for_terminal("abc\u202edef\tok\n")
        'abc\\u202edef\tok\n'
        >>> print(for_terminal("Error: a\nError: forged", one_line=True))
        Error: a\u000aError: forged
    """
    return (_ONE_LINE_UNSAFE if one_line else _UNSAFE).sub(_escaped, text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_spreadsheet(cell: object) -> object:
    """Return a CSV cell a spreadsheet will show rather than run: text that begins with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's advice).

    Numbers pass unchanged.

    Examples:
        >>> for_spreadsheet("@SUM(A1)"), for_spreadsheet("-1+2"), for_spreadsheet(-3)
        ("'@SUM(A1)", "'-1+2", -3)
        >>> for_spreadsheet("maps/a.json")
        'maps/a.json'
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell
