"""Readers and writers, one module per format, in ``load_x`` / ``dump_x`` pairs."""

from argmap.io.native import dump, dumps, from_dict, load, loads, schema, to_dict

__all__ = ["dump", "dumps", "from_dict", "load", "loads", "schema", "to_dict"]
