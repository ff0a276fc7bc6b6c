"""docs/draft.md: the blocks the docs build runs (markdown-exec) run, and say what the page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "draft.md"


def _executed_blocks() -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    return re.findall(r'```python exec="on"[^\n]*\n(.*?)```', text, flags=re.DOTALL)


def test_the_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "draft.md" in re.findall(r"^\s+- .*: (\S+\.md)$", config, flags=re.MULTILINE)


def test_the_page_runs_its_blocks(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _executed_blocks()
    assert blocks
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(block, namespace)  # noqa: S102  # the page's own code
    printed = capsys.readouterr().out
    assert "[support s1] u2 supports u1" in printed
    assert "[attack a2] u4 attacks u3" in printed
