"""argmap: argument maps you can write, check for support gaps, and draw.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap(title="Quick")
    >>> _ = m.claim("c", "Human rights belong on the agenda.")
    >>> _ = m.premise("p", "Pressure has worked before.")
    >>> _ = m.support("p", "c")
    >>> m.supporters("c")
    ['p']
"""

from typing import Any

from argmap.checks import Finding, Report, check
from argmap.corpus import BatchResult, batch, corpus_summary
from argmap.exceptions import (
    ArgmapError,
    EvaluationError,
    FileFormatError,
    FileWriteError,
    FormatLossWarning,
    InvalidMapError,
    MissingDependencyError,
    QuoteNotFoundError,
    RendererNotFoundError,
    RenderError,
    RenderWarning,
    UnknownNodeError,
    UnknownSchemeWarning,
)
from argmap.io.formats import dump, dumps, load, loads
from argmap.io.native import from_dict, schema, to_dict
from argmap.map import ArgumentMap
from argmap.model import (
    Attack,
    Case,
    Claim,
    Node,
    Premise,
    Quote,
    Rebuttal,
    Source,
    Support,
)
from argmap.semantics import Labelling, evaluate, explain, sensitivity, what_if

__version__ = "0.1.0"


def load_ipython_extension(ipython: Any) -> None:
    """Let ``%load_ext argmap`` register the ``%%argdown`` cell magic (see :mod:`argmap.magics`)."""
    from argmap.magics import load_ipython_extension as load  # noqa: PLC0415 - IPython only here

    load(ipython)


__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "BatchResult",
    "Case",
    "Claim",
    "EvaluationError",
    "FileFormatError",
    "FileWriteError",
    "Finding",
    "FormatLossWarning",
    "InvalidMapError",
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
    "Report",
    "Source",
    "Support",
    "UnknownNodeError",
    "UnknownSchemeWarning",
    "__version__",
    "batch",
    "check",
    "corpus_summary",
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
]
