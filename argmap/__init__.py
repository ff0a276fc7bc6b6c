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
from argmap.delegates import lend
from argmap.draft import draft
from argmap.exceptions import (
    ArgmapError,
    DraftError,
    DraftModelError,
    DraftWarning,
    EvaluationError,
    EvaluationTimeout,
    FileFormatError,
    FileWriteError,
    FormatLossWarning,
    InvalidArgumentError,
    InvalidMapError,
    InvalidModelError,
    MissingDependencyError,
    QuoteNotFoundError,
    RendererNotFoundError,
    RenderError,
    RenderWarning,
    RepairWarning,
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

# The map's conveniences (m.render, m.to_dict, notebook display, ...) call these floors above
# it; each module loads when its convenience is first called (see argmap.delegates).
lend(
    render="argmap.io.formats:write_diagram",
    to_dot="argmap.render.dot:to_dot",
    to_graphviz="argmap.render.dot:to_graphviz",
    to_html="argmap.render.html:to_html",
    show="argmap.render.notebook:show",
    repr_mimebundle="argmap.render.notebook:repr_mimebundle",
    to_dict="argmap.io.native:to_dict",
    from_dict="argmap.io.native:from_dict",
    to_networkx="argmap.io.networkx:to_networkx",
    from_networkx="argmap.io.networkx:from_networkx",
    to_dataframe="argmap.io.dataframe:to_dataframe",
)


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
]
