"""A format's own fields kept in ``data``, and user data under the same key: one rule for both.

A reader keeps what a file says that a map has no field for under the format's key of the
node's or the map's ``data`` (``data["aif"]``, ``data["sadface"]``), and the writer of that
format puts it back on the node or the document. But ``data`` is the user's too: anyone may put
anything under ``"aif"``, and a writer that spread it onto the file as if its own reader had
put it there changed ids (``{"aif": {"nodeID": "x"}}``), kinds and values after a round trip.

The rule, for every writer that spreads such a key:

- it spreads onto the file only the entries that its reader gives back exactly as they were
  (each writer says which: a field the writer sets itself, such as a node's type or text, a
  value its reader would read as something else, an id the reader would not give back);
- everything else under the key travels verbatim in argmap's own extension of the format, with
  the rest of the user's data; when nothing at all is spread, the whole value does, whatever it
  is (an empty object, a list, a number);
- the reader puts what it finds on the file under the key, merged into what the extension
  carried (:func:`merge`).

So any data survives a round trip through any format that keeps data; a format that cannot
keep something says so in its :class:`~argmap.exceptions.FormatLossWarning`.

Examples:
    >>> spread, rest = split({"timestamp": "2016", "type": "RA"}, lambda k, v: k != "type")
    >>> spread, rest
    ({'timestamp': '2016'}, {'type': 'RA'})
    >>> split({}, lambda k, v: True)  # nothing to spread: the value travels whole
    ({}, {})
    >>> data = {"aif": {"type": "RA"}}
    >>> merge(data, "aif", {"timestamp": "2016"})
    >>> data
    {'aif': {'type': 'RA', 'timestamp': '2016'}}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from argmap.io.structure import clean_ids

__all__ = ["NOTHING", "is_file_id", "merge", "split", "written_ids"]


class _Nothing:
    """Nothing to carry in the extension (every entry was spread onto the file)."""

    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Final = _Nothing()
"""What :func:`split` returns as the rest when every entry is spread."""


def split(value: Any, spreads: Callable[[str, Any], bool]) -> tuple[dict[str, Any], Any]:
    """Split what a map keeps under a format's key into what to spread onto the file and the rest.

    ``spreads(key, value)`` says whether the reader gives that entry back as it is, once it is
    spread. Returns ``(spread, rest)``: ``rest`` is :data:`NOTHING` when every entry is spread,
    and the whole ``value`` when nothing is (``value`` not an object, or an empty one included).

    Examples:
        >>> split({"timestamp": "2016"}, lambda k, v: True)
        ({'timestamp': '2016'}, NOTHING)
        >>> split([1, 2], lambda k, v: True)  # not an object: it travels whole
        ({}, [1, 2])
    """
    if not isinstance(value, dict):
        return {}, value
    spread = {k: v for k, v in value.items() if spreads(k, v)}
    if not spread:
        return {}, value
    rest = {k: v for k, v in value.items() if k not in spread}
    return spread, rest if rest else NOTHING


def merge(data: dict[str, Any], key: str, found: Mapping[str, Any]) -> None:
    """Put what a reader found on the file (``found``) under ``data[key]``.

    What argmap's extension carried under the key comes first; the file's fields are merged
    into it. (The extension holds an object, or nothing, unless the file was changed by
    another tool; then the file's fields replace what it held.)

    Examples:
        >>> data = {"sadface": "changed by another tool"}
        >>> merge(data, "sadface", {"id": "n1"})
        >>> data
        {'sadface': {'id': 'n1'}}
    """
    if not found:
        return
    mine = data.get(key)
    data[key] = {**mine, **found} if isinstance(mine, dict) else dict(found)


def is_file_id(value: Any) -> bool:
    """Whether ``value`` can be a node's id in a JSON format: text or a whole number.

    Examples:
        >>> is_file_id("n1"), is_file_id(7), is_file_id(True), is_file_id(None)
        (True, True, False, False)
    """
    return isinstance(value, str | int) and not isinstance(value, bool)


def written_ids(
    ids: Sequence[str],
    wanted: Mapping[str, Any],
    *,
    cleaned_after: Sequence[str] = (),
    taken: Iterable[str] = (),
) -> dict[str, str | int]:
    """Each node's id in the file: the format's own id that its data keeps (``wanted``) where
    the reader gives the node's argmap id back from it, else the argmap id itself.

    The reader cleans the file's ids with :func:`~argmap.io.structure.clean_ids` and keeps the
    file's id in the node's data when it is not the argmap id as text. So an id in ``wanted`` is
    written only if it is not the argmap id itself, is used by no other node, and cleans to the
    node's argmap id; every other stays in the node's data, verbatim, in the extension.

    Args:
        ids: The argmap ids of the nodes the reader cleans, in the order written.
        wanted: The file's id each node's data keeps, by argmap id.
        cleaned_after: Ids of further nodes written after them that the reader cleans too.
        taken: Ids of every other node in the file, which no node may reuse.

    Examples:
        >>> written_ids(["node_1", "b"], {"node_1": "node 1", "b": "c"})
        {'node_1': 'node 1', 'b': 'b'}
    """
    honored = {
        k: v for k, v in wanted.items() if is_file_id(v) and not (isinstance(v, str) and v == k)
    }
    others = Counter([*map(str, cleaned_after), *map(str, taken)])
    while True:
        out: dict[str, str | int] = {k: honored.get(k, k) for k in ids}
        keys = [str(v) for v in out.values()]
        counts = Counter(keys) + others
        cleaned = clean_ids([*keys, *map(str, cleaned_after)])
        wrong = [
            k
            for k in honored
            if k in out and (counts[str(out[k])] > 1 or cleaned.get(str(out[k])) != k)
        ]
        if not wrong:
            return out
        for k in wrong:
            del honored[k]
