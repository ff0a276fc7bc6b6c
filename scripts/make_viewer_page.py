"""Regenerate the article's interactive viewer page in the docs.

Writes ``docs/viewer/north-korea.html`` from :func:`argmap.examples.north_korea` and its findings,
through the same code as ``argmap render map.json -o map.html``. Run it after changing the
example map, the checks or the viewer, and commit the page (a test fails while it is stale)::

    .venv/bin/python scripts/make_viewer_page.py
"""

from __future__ import annotations

from pathlib import Path

from argmap.examples import north_korea
from argmap.files import write_atomic
from argmap.render import to_html

OUT = Path(__file__).resolve().parent.parent / "docs" / "viewer" / "north-korea.html"


def page() -> str:
    """The page as it should be."""
    return to_html(north_korea())


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(OUT, page().encode("utf-8"))
    print(f"wrote {OUT.relative_to(OUT.parents[2])} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
