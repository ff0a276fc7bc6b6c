"""The ``%%argdown`` cell magic: write a map in Argdown in a notebook, get it drawn and named.

Load it with ``%load_ext argmap``; then a cell

.. code-block:: text

    %%argdown m
    [Works]: Pressure on North Korea works. {central: true}
      <+ [Talks]: North Korea agreed to talks. {kind: case}

reads the cell as Argdown (:func:`argmap.io.argdown.loads`), binds the map to ``m`` in the
notebook's namespace and shows its diagram. A cell that is not valid Argdown shows the error
(its line and column, the line quoted) and binds nothing. IPython is imported only here, when the
extension is loaded, so argmap itself never needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from argmap.exceptions import ArgmapError
from argmap.io.argdown import loads

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["argdown_cell", "load_ipython_extension"]

_USAGE = "usage: %%argdown NAME (a Python name to bind the map to), then the Argdown text"


def argdown_cell(line: str, cell: str, *, namespace: dict[str, Any]) -> ArgumentMap:
    """Read ``cell`` as Argdown and bind the map to the name given on the magic's ``line``.

    Args:
        line: What follows ``%%argdown`` on the cell's first line: the name to bind.
        cell: The Argdown text.
        namespace: Where to bind the name (the notebook's user namespace).

    Returns:
        The map.

    Raises:
        ValueError: ``line`` is not one Python identifier.
        ArgmapError: The cell is not valid Argdown or does not make a valid map.

    Examples:
        >>> ns = {}
        >>> m = argdown_cell("m", "[A]: Pressure works.", namespace=ns)
        >>> ns["m"] is m, m["a"].text
        (True, 'Pressure works.')
    """
    name = line.strip()
    if not name.isidentifier():
        raise ValueError(f"{name!r} is not a Python name; {_USAGE}")
    m = loads(cell, path=f"%%argdown {name}")
    namespace[name] = m
    return m


def load_ipython_extension(ipython: Any) -> None:
    """Register the ``%%argdown`` cell magic with IPython (called by ``%load_ext argmap``)."""
    try:
        from IPython.core.error import UsageError  # noqa: PLC0415 - IPython only in notebooks
    except ImportError as exc:  # pragma: no cover - IPython calls this, so it is there
        raise ImportError("the %%argdown magic needs IPython: pip install ipython") from exc

    def argdown(line: str, cell: str) -> None:
        from IPython.display import display  # noqa: PLC0415 - looked up when the cell runs

        try:
            m = argdown_cell(line, cell, namespace=ipython.user_ns)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        except ArgmapError as exc:
            # A clean message, the line quoted, and no traceback: the cell's text is at fault.
            raise UsageError(str(exc)) from None
        cast("Callable[[object], object]", display)(m)

    ipython.register_magic_function(argdown, magic_kind="cell", magic_name="argdown")
