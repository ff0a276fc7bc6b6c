"""Write examples/north-korea.json, the article's map as the library builds it.

Run: ``.venv/bin/python scripts/make_examples.py``. ``tests/test_examples.py`` fails when the
stored file differs from ``argmap.examples.north_korea()``.
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.examples import north_korea

TARGET = Path(__file__).resolve().parents[1] / "examples" / "north-korea.json"

if __name__ == "__main__":
    argmap.dump(north_korea(), TARGET)
    print(f"wrote {TARGET}")
