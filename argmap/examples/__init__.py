"""Built-in example maps.

Examples:
    >>> from argmap.examples import north_korea
    >>> m = north_korea()
    >>> m.central
    'agenda'
    >>> sorted(c.id for c in m.nodes("case"))
    ['amnesty', 'defectors', 'executions', 'japan', 'uk']
"""

from argmap.examples.north_korea import ANALYST, ARTICLE_ID, article_text, north_korea

__all__ = ["ANALYST", "ARTICLE_ID", "article_text", "north_korea"]
