"""Regenerate the article's diagram shown in the README and the docs.

Writes ``docs/images/north-korea.svg`` and ``docs/images/north-korea.png`` from
:func:`argmap.examples.north_korea`, through the same code as ``argmap render``. Run it after
changing the example map or the diagram styles, and commit the images::

    .venv/bin/python scripts/make_diagram.py
"""

from __future__ import annotations

from pathlib import Path

from argmap.examples import north_korea
from argmap.render import render

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    m = north_korea()
    for suffix in ("svg", "png"):
        path = render(m, OUT / f"north-korea.{suffix}")
        print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
