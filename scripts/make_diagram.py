"""Regenerate the article's diagram shown in the README and the docs.

Writes ``docs/images/north-korea.svg`` and ``docs/images/north-korea.png`` from
:func:`argmap.examples.north_korea`, through the same code as ``argmap render``; the central
claim and one step around it, ``north-korea-central.svg`` and ``.png``, the picture the docs
open with, readable at 800 px (the whole map is 2,000 px wide: linked, not shown); and the same map
labelled under grounded semantics and under DF-QuAD (``north-korea-grounded.svg``,
``north-korea-dfquad.svg``, as ``argmap render --labels``). Run it after changing the example
map, the semantics or the diagram styles, and commit the images::

    .venv/bin/python scripts/make_diagram.py
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.examples import north_korea

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    m = north_korea()
    for suffix in ("svg", "png"):
        path = m.render(OUT / f"north-korea.{suffix}")
        print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size} bytes)")
    for suffix in ("svg", "png"):
        path = m.render(OUT / f"north-korea-central.{suffix}", focus="agenda", depth=1)
        print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size} bytes)")
    for semantics in ("grounded", "dfquad"):
        labels = argmap.evaluate(m, semantics)
        path = m.render(OUT / f"north-korea-{semantics}.svg", labels=labels)
        print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
