"""The public API is pinned: ``argmap.__all__`` and each subpackage's ``__all__`` are compared with
the literal lists below, so that adding, moving or removing a public name is a deliberate change
made here too (and said in the docs), never a side effect. What a package exports must exist, and
every subpackage of argmap is listed."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import argmap

PUBLIC: dict[str, list[str]] = {
    "argmap": [
        "ArgmapError",
        "ArgumentMap",
        "Attack",
        "BatchResult",
        "Case",
        "Claim",
        "DraftError",
        "DraftModelError",
        "DraftWarning",
        "EvaluationError",
        "EvaluationTimeout",
        "FileFormatError",
        "FileWriteError",
        "Finding",
        "FormatLossWarning",
        "InvalidArgumentError",
        "InvalidMapError",
        "InvalidModelError",
        "Labelling",
        "MissingDependencyError",
        "Node",
        "Premise",
        "Quote",
        "QuoteNotFoundError",
        "Rebuttal",
        "RenderError",
        "RenderWarning",
        "RendererNotFoundError",
        "RepairWarning",
        "Report",
        "Source",
        "Support",
        "UnknownNodeError",
        "UnknownSchemeWarning",
        "__version__",
        "batch",
        "check",
        "corpus_summary",
        "draft",
        "dump",
        "dumps",
        "evaluate",
        "explain",
        "from_dict",
        "load",
        "load_ipython_extension",
        "loads",
        "schema",
        "sensitivity",
        "to_dict",
        "what_if",
    ],
    "argmap.checks": [
        "Finding",
        "RULES",
        "Report",
        "Rule",
        "SEVERITIES",
        "Severity",
        "check",
        "evidence_cases",
        "evidenced",
        "grounded",
        "grounding_cases",
        "necessary_cases",
    ],
    "argmap.draft": [
        "Annotated",
        "BLOCK",
        "Comparison",
        "DRAFTED",
        "DraftModel",
        "LEVELS",
        "LinearModel",
        "Parse",
        "Unit",
        "annotated",
        "compare",
        "default_model",
        "draft",
        "f1_by_level",
        "load_model",
        "parse",
        "segment",
        "train",
    ],
    "argmap.examples": [
        "ANALYST",
        "ARTICLE_ID",
        "article_text",
        "north_korea",
    ],
    "argmap.io": [
        "Format",
        "all_formats",
        "dump",
        "dumps",
        "from_dict",
        "get_format",
        "load",
        "loads",
        "schema",
        "to_dict",
    ],
    "argmap.io.argdown": [
        "ArgdownSyntaxError",
        "SUFFIXES",
        "dump",
        "dumps",
        "load",
        "loads",
        "sniff",
    ],
    "argmap.render": [
        "DEFAULT_WRAP",
        "DRAWINGS",
        "Diagram",
        "DiagramChanges",
        "DiagramLabels",
        "DiagramOptions",
        "Drawing",
        "EDGE_STYLES",
        "EdgeStyle",
        "FORMATS",
        "GAP_COLOURS",
        "Gap",
        "HtmlPage",
        "INSTALL_HINT",
        "LABEL_STYLES",
        "Legend",
        "NODE_STYLES",
        "NodeStyle",
        "diagram",
        "draw",
        "find_layout_engine",
        "neighbourhood",
        "pipe",
        "repr_mimebundle",
        "show",
        "to_dot",
        "to_graphviz",
        "to_html",
        "wrap_text",
    ],
    "argmap.semantics": [
        "Explanation",
        "Framework",
        "Influence",
        "Label",
        "Labelling",
        "SEMANTICS",
        "Semantics",
        "credulous",
        "evaluate",
        "explain",
        "extensions",
        "grounded_labels",
        "sceptical",
        "sensitivity",
        "to_apx",
        "to_framework",
        "to_iccma",
        "to_tgf",
        "what_if",
        "write_framework",
    ],
}


# Modules whose helpers other modules use, pinned too, so that each helper is a decision: public
# (its own docstring runs an example, the docs' API page renders it, and it is listed here) or
# private (an underscore, and no other module reads it; tests/test_private.py).
MODULES: dict[str, list[str]] = {
    # The one wording of a validation problem, for every reader and the API (and a plug-in
    # format's reader): pydantic_problem and validation_problem.
    "argmap.exceptions": [
        "ArgmapError",
        "DraftError",
        "DraftModelError",
        "DraftWarning",
        "EvaluationError",
        "EvaluationTimeout",
        "FileFormatError",
        "FileWriteError",
        "FormatLossWarning",
        "InvalidArgumentError",
        "InvalidMapError",
        "InvalidModelError",
        "MissingDependencyError",
        "QuoteNotFoundError",
        "RenderError",
        "RenderWarning",
        "RendererNotFoundError",
        "RepairWarning",
        "UnknownNodeError",
        "UnknownSchemeWarning",
        "pydantic_problem",
        "validation_problem",
    ],
    # quick_node: the readers' fast path to a node (the map and the AIF reader use it), public
    # because a reader that needs a fast path gets a documented one (STYLE.md).
    "argmap.model": [
        "Attack",
        "Case",
        "Claim",
        "FrozenData",
        "Inference",
        "Node",
        "NodeId",
        "Premise",
        "Quote",
        "Rebuttal",
        "Source",
        "SourceId",
        "Statement",
        "Support",
        "forbidden_character",
        "node_adapter",
        "quick_node",
    ],
    # ASCII_ID: the ids that need no normalising, the model's and the readers' fast check.
    "argmap.ids": [
        "ASCII_ID",
        "ID_MAX_LENGTH",
        "ID_PATTERN",
        "ID_RULE",
        "WORD_CHARS",
        "id_problem",
        "is_id",
        "nfc_hint",
        "shown_id",
    ],
    # The rule by which a format's own fields and user data share a key: the AIF, xAIF and
    # SADFace writers follow it, and so can a plug-in format's.
    "argmap.io.kept": ["NOTHING", "is_file_id", "merge", "split", "written_ids"],
    # Not `evidence`: a one-line formula that only the gradual semantics calls (docs/semantics.md
    # gives it), whose name would stand beside the checks' evidence rules; it is private.
    "argmap.semantics.gradual": [
        "BASES",
        "Bases",
        "EVIDENCE",
        "GradualSemantics",
        "base_scores",
        "dfquad_strength",
        "qe_strength",
        "strengths",
    ],
}

DECIDED_PUBLIC = [
    ("argmap.exceptions", "pydantic_problem"),
    ("argmap.exceptions", "validation_problem"),
    ("argmap.model", "quick_node"),
    ("argmap.ids", "ASCII_ID"),
    ("argmap.io.kept", "split"),
    ("argmap.io.kept", "merge"),
    ("argmap.io.kept", "is_file_id"),
    ("argmap.io.kept", "written_ids"),
]
"""The helpers decided public, each with a runnable example where it is defined."""

DOCS = Path(__file__).resolve().parent.parent / "docs" / "api"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_the_pinned_modules_offer_the_pinned_names(module: str) -> None:
    exported = importlib.import_module(module).__all__
    assert sorted(exported) == MODULES[module], (
        f"{module}.__all__ changed: if that is meant, update MODULES in tests/test_public_api.py"
    )
    pages = "\n".join(page.read_text("utf-8") for page in DOCS.glob("*.md"))
    assert f"::: {module}\n" in pages, f"{module} has no place on the docs' API pages"


@pytest.mark.parametrize(("module", "name"), DECIDED_PUBLIC)
def test_a_helper_decided_public_shows_how_to_use_it(module: str, name: str) -> None:
    found = importlib.import_module(module)
    value = getattr(found, name)
    # a constant's example stands in its module's docstring, a function's in its own
    shown = (value.__doc__ if callable(value) else found.__doc__) or ""
    examples = [line for line in shown.splitlines() if line.strip().startswith((">>> ", "... "))]
    assert any(name in line for line in examples), f"{module}.{name} has no runnable example"


def test_every_subpackage_is_pinned() -> None:
    packages = ["argmap"] + [
        info.name for info in pkgutil.walk_packages(argmap.__path__, "argmap.") if info.ispkg
    ]
    assert sorted(packages) == sorted(PUBLIC)


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_the_public_names_are_the_pinned_ones(package: str) -> None:
    module = importlib.import_module(package)
    exported = list(module.__all__)
    assert len(exported) == len(set(exported)), f"{package}.__all__ names a name twice"
    assert sorted(exported) == PUBLIC[package], (
        f"{package}.__all__ changed: if that is meant, update PUBLIC in tests/test_public_api.py "
        "and the docs that list the API"
    )


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_every_public_name_exists(package: str) -> None:
    module = importlib.import_module(package)
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []


def test_a_name_that_is_not_public_is_not_offered() -> None:
    with pytest.raises(AttributeError):
        argmap.no_such_name  # noqa: B018
