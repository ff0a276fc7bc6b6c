"""Readers and writers, one module per format, in ``load_x`` / ``dump_x`` pairs."""

from argmap.io.native import dump, dumps, load, loads, schema

__all__ = ["dump", "dumps", "load", "loads", "schema"]
