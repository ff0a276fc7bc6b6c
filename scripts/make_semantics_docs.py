"""Write the article section of docs/semantics.md from the code, so that it cannot drift.

Run: ``.venv/bin/python scripts/make_semantics_docs.py``. ``tests/semantics/test_docs_semantics.py``
fails when the page is out of date.
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.examples import north_korea

PAGE = Path(__file__).resolve().parents[1] / "docs" / "semantics.md"
START, END = "<!-- article:start -->", "<!-- article:end -->"
SEMANTICS = ("grounded", "complete", "preferred", "stable", "carneades", "dfquad", "qe")


def _value(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value).upper()


def _most(ranked: list[argmap.semantics.Influence]) -> str:
    top = [i for i in ranked if i.drop > 0 and i.drop == ranked[0].drop]
    if not top:
        return "none: no single removal lowers it"
    names = " and ".join(f"`{i.removed}`" for i in top)
    after = "gone" if top[0].after is None else _value(top[0].after)
    return f"{names} ({after} without)"


def section() -> str:
    """The generated part of the page: the table and the grounded explanation."""
    m = north_korea()
    if m.central is None:
        raise SystemExit("the article's map has no central claim")
    rows = [
        "| semantics | central claim | case or premise it depends on most | case it depends on most |",
        "| --- | --- | --- | --- |",
    ]
    for semantics in SEMANTICS:
        value = argmap.evaluate(m, semantics)[m.central]
        most = _most(argmap.sensitivity(m, semantics=semantics))
        case = _most(argmap.sensitivity(m, semantics=semantics, kinds=("case",)))
        rows.append(f"| {semantics} | {_value(value)} | {most} | {case} |")
    why = str(argmap.explain(m, m.central))
    return (
        f"{START}\n" + "\n".join(rows) + "\n\nWhy, under grounded semantics "
        "(`argmap.explain(m, m.central)`):\n\n```text\n" + why + f"\n```\n{END}"
    )


def page() -> str:
    text = PAGE.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + section() + tail


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
    print(f"wrote {PAGE}")
