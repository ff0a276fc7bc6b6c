"""A map's nodes as a pandas DataFrame, one row per statement or inference.

pandas is optional: ``pip install "argmap[notebook]"`` (or ``pip install pandas``) brings it.
The edges are a networkx edge list away: ``nx.to_pandas_edgelist(m.to_networkx())``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.exceptions import MissingDependencyError
from argmap.model import Attack, Case, Claim, Premise, Rebuttal, Support

if TYPE_CHECKING:
    import pandas

    from argmap.map import ArgumentMap

__all__ = ["node_columns", "to_dataframe"]

_LEADING = ("id", "kind", "text", "title")


def node_columns() -> list[str]:
    """Return the columns of :func:`to_dataframe`: id, kind, text, title, then every kind's fields.

    Examples:
        >>> node_columns()[:4]
        ['id', 'kind', 'text', 'title']
        >>> {"premises", "conclusion", "target", "quotes", "cites"} <= set(node_columns())
        True
    """
    columns = dict.fromkeys(_LEADING)
    for model in (Claim, Premise, Case, Rebuttal, Support, Attack):
        columns.update(dict.fromkeys(model.model_fields))
    return list(columns)


def to_dataframe(m: ArgumentMap) -> pandas.DataFrame:
    """Return the map's nodes as a DataFrame: one row per statement and inference, in map order.

    The columns are :func:`node_columns`; a field that a node's kind lacks is empty (``None``,
    or ``NaN`` where pandas makes it so): a claim has no ``premises``. Cells hold the models' own
    values: tuples of ids, of tags, of :class:`~argmap.model.Quote` models.

    Raises:
        MissingDependencyError: pandas is not installed; the message says how to install it.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.claim("c", "Pressure works.")
        >>> _ = m.premise("p", "Talks followed pressure.", tags=["history"])
        >>> _ = m.support("p", "c", id="s", scheme="example")
        >>> frame = to_dataframe(m)
        >>> frame["kind"].tolist()
        ['claim', 'premise', 'support']
        >>> frame.set_index("id").loc["s", ["premises", "conclusion", "scheme"]].tolist()
        [('p',), 'c', 'example']
        >>> frame.set_index("id").loc["p", "tags"]
        ('history',)
    """
    try:
        import pandas as pd  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError(
            'to_dataframe needs pandas: pip install "argmap[notebook]" (or pip install pandas)'
        ) from exc
    columns = node_columns()
    rows = [[_value(node, column) for column in columns] for node in m.nodes()]
    return pd.DataFrame(rows, columns=columns)


def _value(node: Any, column: str) -> Any:
    value = getattr(node, column, None)
    return dict(value) if isinstance(value, dict) else value
