"""Regenerate the article's interactive viewer page in the docs.

Writes ``docs/viewer/north-korea.html`` from :func:`argmap.examples.north_korea` and its findings,
through the same code as ``argmap render map.json -o map.html``, and
``docs/viewer/north-korea-grounded.html``, the same page with the map's grounded labels
(``--labels grounded``). Run it after changing the
example map, the checks or the viewer, and commit the page (a test fails while it is stale)::

    .venv/bin/python scripts/make_viewer_page.py
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.examples import north_korea
from argmap.files import write_atomic
from argmap.render import to_html

OUT = Path(__file__).resolve().parent.parent / "docs" / "viewer" / "north-korea.html"
LABELLED = OUT.with_name("north-korea-grounded.html")


def page() -> str:
    """The page as it should be."""
    return to_html(north_korea())


def labelled_page() -> str:
    """The page with the map's grounded labels, as it should be."""
    m = north_korea()
    return to_html(m, labels=argmap.evaluate(m, "grounded"))


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    for path, text in ((OUT, page()), (LABELLED, labelled_page())):
        write_atomic(path, text.encode("utf-8"))
        print(f"wrote {path.relative_to(OUT.parents[2])} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
