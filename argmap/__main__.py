"""``python -m argmap``: the command line, for when the ``argmap`` script is not on the path.

Examples:
    ``python -m argmap check map.argdown`` does what ``argmap check map.argdown`` does.
"""

from __future__ import annotations

from argmap.cli import main

if __name__ == "__main__":  # pragma: no branch - imported only to be run
    main(prog_name="argmap")
