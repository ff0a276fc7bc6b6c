"""Write examples/north-korea.argdown, the article's map in Argdown.

Run: ``.venv/bin/python scripts/make_argdown_example.py``. ``tests/io/test_argdown_example.py``
fails when the stored file differs from what :func:`argmap.io.argdown.dumps` writes for
``argmap.examples.north_korea()``, so the Argdown stays true to the map as the map changes.
"""

from __future__ import annotations

from pathlib import Path

from argmap.examples import north_korea
from argmap.io.argdown import dump

TARGET = Path(__file__).resolve().parents[1] / "examples" / "north-korea.argdown"

if __name__ == "__main__":
    dump(north_korea(), TARGET)
    print(f"wrote {TARGET}")
