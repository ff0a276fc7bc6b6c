"""The article's map in Argdown (examples/north-korea.argdown) stays true to the Python map."""

from __future__ import annotations

from pathlib import Path

from argmap.examples import north_korea
from argmap.io.argdown import dumps, load

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "north-korea.argdown"


def test_example_is_fresh() -> None:
    assert EXAMPLE.read_text(encoding="utf-8") == dumps(north_korea()), (
        "examples/north-korea.argdown is stale: run scripts/make_argdown_example.py"
    )


def test_example_loads_back_to_the_article_map() -> None:
    assert load(EXAMPLE) == north_korea()
