"""Small helpers for the words argmap prints: counts with the right plural.

Examples:
    >>> counted(1, "source"), counted(2, "source"), counted(0, "inference")
    ('1 source', '2 sources', '0 inferences')
"""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """Return ``n`` and ``noun``, in the plural (``plural``, else ``noun + "s"``) unless ``n`` is 1.

    Examples:
        >>> counted(1, "analysis", "analyses"), counted(3, "analysis", "analyses")
        ('1 analysis', '3 analyses')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
