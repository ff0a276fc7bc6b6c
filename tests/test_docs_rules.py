"""docs/rules.md documents every rule: a `## <CODE> <name>` section with its severity, what it
finds and how to fix it, and no section for a rule that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.checks import RULES

PAGE = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
HEADING = re.compile(r"^## (\S+) (\S+)\s*$", flags=re.MULTILINE)


def _sections() -> dict[str, tuple[str, str]]:
    """Code -> (name, body) for each `## ` section of the page."""
    text = PAGE.read_text(encoding="utf-8")
    matches = list(HEADING.finditer(text))
    sections: dict[str, tuple[str, str]] = {}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        code, name = match.groups()
        assert code not in sections, f"{code} has two sections"
        sections[code] = (name, text[match.end() : end])
    return sections


def test_every_section_names_a_known_rule_by_its_code_and_name() -> None:
    sections = _sections()
    assert sections, "no sections found"
    for code, (name, _) in sections.items():
        assert code in RULES, f"docs/rules.md documents unknown rule {code}"
        assert name == RULES[code].name, code


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_has_a_section_with_its_severity(code: str) -> None:
    sections = _sections()
    assert code in sections, f"docs/rules.md has no section for {code}"
    name, body = sections[code]
    rule = RULES[code]
    assert name == rule.name
    first = body.strip().splitlines()[0]
    assert first.startswith(f"*{rule.severity}.*"), f"{code}: {first!r}"


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_says_why_it_matters(code: str) -> None:
    assert "**Why it matters.**" in _sections()[code][1]


@pytest.mark.parametrize("code", [c for c in RULES if c != "AM402"])
def test_every_rule_that_reports_a_gap_says_how_to_fix_it(code: str) -> None:
    # AM402 (evidence-base) only describes what the central claim rests on: nothing to fix.
    assert "**How to fix.**" in _sections()[code][1]


def test_sections_are_in_code_order() -> None:
    assert list(_sections()) == sorted(_sections())
