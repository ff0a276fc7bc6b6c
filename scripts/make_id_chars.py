"""Write the table of id characters in ``argmap/ids.py``: Unicode's word characters.

An id is what the model and the published JSON Schema both accept, so its characters are listed
as code-point ranges, which every regular-expression engine reads the same way (``\\w`` means
something different to Python's ``re``, to pydantic's Rust engine and to JavaScript). The ranges
are the word characters of Unicode Technical Standard #18 (Alphabetic, Mark, Decimal_Number,
Connector_Punctuation and Join_Control), taken from pydantic-core's regex engine, whose ``\\w``
is that set: it is the set node ids had before the rule was written down, so every id that was
valid stays valid.

Run: ``.venv/bin/python scripts/make_id_chars.py`` (it rewrites the table between its markers).
``tests/test_ids.py`` checks the table against Python's own Unicode data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import pydantic

IDS = Path(__file__).resolve().parents[1] / "argmap" / "ids.py"
BEGIN = "# -- begin table (scripts/make_id_chars.py) --\n"
END = "# -- end table --\n"


def word_ranges() -> list[tuple[int, int]]:
    """The code points that pydantic-core's ``\\w`` matches, as inclusive ranges."""
    word = pydantic.TypeAdapter(Annotated[str, pydantic.StringConstraints(pattern=r"^\w$")])
    ranges: list[tuple[int, int]] = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue  # lone surrogates are no text
        try:
            word.validate_python(chr(cp))
        except pydantic.ValidationError:
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return ranges


def table(ranges: list[tuple[int, int]]) -> str:
    """The table as Python source: a string of ``start-end`` hex ranges, seven to a line."""
    items = [f"{a:04x}-{b:04x}" if a != b else f"{a:04x}" for a, b in ranges]
    lines = [" ".join(items[i : i + 7]) for i in range(0, len(items), 7)]
    body = "".join(f'    "{line} "\n' for line in lines)
    return f"{BEGIN}_WORD_RANGES = (\n{body})\n{END}"


def rewrite(source: str, ranges: list[tuple[int, int]]) -> str:
    """``source`` (the text of ids.py) with its table replaced."""
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    return pattern.sub(lambda _: table(ranges), source, count=1)


if __name__ == "__main__":
    IDS.write_text(rewrite(IDS.read_text(encoding="utf-8"), word_ranges()), encoding="utf-8")
    print(f"wrote {IDS}")
