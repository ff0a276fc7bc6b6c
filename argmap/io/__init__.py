"""Readers and writers, one module per format, and the one table that knows them all.

:mod:`argmap.io.formats` is the table; ``load``/``loads``/``dump``/``dumps`` here take every
format it lists.
"""

from argmap.io.formats import Format, all_formats, dump, dumps, get_format, load, loads
from argmap.io.native import from_dict, schema, to_dict

__all__ = [
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
]
