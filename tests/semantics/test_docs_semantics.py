"""docs/semantics.md stays true: its article table and its explanation come from the code."""

from __future__ import annotations

import re
from pathlib import Path

import argmap
from argmap.examples import north_korea
from tests.semantics.test_evaluate import chain

PAGE = Path(__file__).resolve().parents[2] / "docs" / "semantics.md"


def test_article_table_matches_evaluate() -> None:
    text = PAGE.read_text(encoding="utf-8")
    m = north_korea()
    rows = dict(re.findall(r"^\| (\w+) \| ([\w.]+) \|", text, flags=re.MULTILINE))
    for semantics in ("grounded", "complete", "preferred", "stable", "dfquad", "qe", "carneades"):
        value = argmap.evaluate(m, semantics)[m.central]
        shown = f"{value:.3f}" if isinstance(value, float) else value.upper()
        assert rows[semantics] == shown, semantics
    for semantics in ("dfquad", "qe"):
        top = argmap.sensitivity(m, semantics=semantics)[:2]
        assert {t.removed for t in top} == {"uk", "japan"}
        assert f"({top[0].after:.3f} without either)" in text


def test_explanation_example_is_what_explain_prints() -> None:
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(r"```text\n(c is OUT.*?)```", text, flags=re.DOTALL)
    assert block is not None
    assert block.group(1).rstrip("\n") == str(argmap.explain(chain(3), "c"))
