"""Argdown: read argument maps written in Argdown, and write maps as Argdown.

Argdown (https://argdown.org) is a Markdown-like text syntax for argument maps. This package
reads it in Python (:mod:`~argmap.io.argdown.lexer` and :mod:`~argmap.io.argdown.parser` read
the text into a syntax tree as ``@argdown/core`` does, the common line shapes by one match per
line, :mod:`~argmap.io.argdown.lines`; :mod:`~argmap.io.argdown.reader` turns the tree into a
map) and writes maps back (:mod:`~argmap.io.argdown.writer`). It maps Argdown
onto argmap's model:

- a statement ``[Title]: text`` becomes a statement node (a claim unless its data block says
  ``kind:``); its id is a slug of its title, its ``title`` the Argdown title; ``#tags`` become
  its tags (and leave its text);
- a premise-conclusion structure of an argument ``<Title>`` becomes one *linked* support of its
  conclusion by all its premises (the argument's id and title); an intermediate conclusion gives
  a chained support (``<id>.1``, ``<id>.2``, ...); the rule names of the inference line
  (``-- Modus ponens --``) become the support's scheme;
- an argument without such a structure becomes a statement node (its description is the text;
  ``data["argdown"] == "argument"`` remembers that it was an argument);
- relations become inferences: ``[A] +> [B]`` a support of B by A, ``-`` an attack, ``_`` an
  undercut (an attack on the support an argument stands for), ``><`` two attacks, one each way.
  A reconstructed argument's relations leave from its conclusion, as in Argdown;
- headings are kept as groups: ``data["section"]`` is the list of heading titles a node sits
  under; other keys of a data block ``{...}`` are kept in ``data``.

argmap's own fields ride in the data blocks (``kind``, ``central``, ``source``, ``quotes``,
``when``, ``who``, ``cites``, ``attribution``, ``note``, ``assumption``, ``weight``,
``acknowledge``, ``scheme``, ``question``, ``answered``, ``premises``), and the map's title,
sources and data in the front matter, so that :func:`dumps` writes any map as Argdown that reads
back to an equal map. ``docs/argdown.md`` describes the convention with an example.

Examples:
    >>> m = loads('''
    ... [Works]: Pressure on North Korea works. {central: true}
    ...   <+ [Talks]: North Korea agreed to talks. {kind: case}
    ... ''')
    >>> [(n.kind, n.id, n.title) for n in m.nodes()]
    [('claim', 'works', 'Works'), ('case', 'talks', 'Talks'), ('support', 'talks-supports-works', None)]
    >>> loads(dumps(m)) == m
    True
"""  # noqa: E501

from argmap.io.argdown.reader import load, loads, sniff
from argmap.io.argdown.syntax import ArgdownSyntaxError
from argmap.io.argdown.writer import dump, dumps

__all__ = ["SUFFIXES", "ArgdownSyntaxError", "dump", "dumps", "load", "loads", "sniff"]

SUFFIXES = (".argdown", ".ad")
"""File name endings of Argdown files."""
