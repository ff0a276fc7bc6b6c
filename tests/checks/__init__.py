"""Tests of argmap.checks, one module per rule module (a package, so that their names do not
clash with tests/test_schemes.py and the like)."""
