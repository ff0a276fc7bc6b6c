"""docs/semantics.md stays true: its article table and its explanation come from the code."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import argmap
from tests.semantics.test_evaluate import chain

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "semantics.md"


def test_article_section_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_semantics_docs", ROOT / "scripts" / "make_semantics_docs.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert PAGE.read_text(encoding="utf-8") == module.page(), (
        "docs/semantics.md is stale: run scripts/make_semantics_docs.py"
    )


def test_explanation_example_is_what_explain_prints() -> None:
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(r"```text\n(c is OUT.*?)```", text, flags=re.DOTALL)
    assert block is not None
    assert block.group(1).rstrip("\n") == str(argmap.explain(chain(3), "c"))
