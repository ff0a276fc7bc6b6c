"""The public API is pinned: ``argmap.__all__`` and each subpackage's ``__all__`` are compared with
the literal lists below, so that adding, moving or removing a public name is a deliberate change
made here too (and said in the docs), never a side effect. What a package exports must exist, and
every subpackage of argmap is listed."""

from __future__ import annotations

import importlib
import pkgutil

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
