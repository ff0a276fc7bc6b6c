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

from argmap.checks import Finding, Report, check
from argmap.exceptions import (
    ArgmapError,
    FileFormatError,
    FileWriteError,
    InvalidMapError,
    MissingDependencyError,
    QuoteNotFoundError,
    RendererNotFoundError,
    RenderError,
    UnknownNodeError,
)
from argmap.io.native import dump, dumps, from_dict, load, loads, schema, to_dict
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

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "Case",
    "Claim",
    "FileFormatError",
    "FileWriteError",
    "Finding",
    "InvalidMapError",
    "MissingDependencyError",
    "Node",
    "Premise",
    "Quote",
    "QuoteNotFoundError",
    "Rebuttal",
    "RenderError",
    "RendererNotFoundError",
    "Report",
    "Source",
    "Support",
    "UnknownNodeError",
    "__version__",
    "check",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "schema",
    "to_dict",
]
