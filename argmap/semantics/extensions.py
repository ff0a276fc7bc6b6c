"""Dung's complete, preferred and stable semantics, solved by clingo (answer set programming).

These semantics are hard in general (deciding sceptical acceptance under preferred semantics is
Π2-complete), so argmap never enumerates subsets itself: it hands the framework to clingo, an
established solver (``pip install clingo``, installed with argmap), with the standard encodings
(as in ASPARTIX, Egly, Gaggl and Woltran 2010):

- a guess of ``in/1`` over the arguments, with conflict-freeness and admissibility
  (every IN argument's attackers are attacked by an IN argument) as constraints;
- *complete*: every argument that the extension defends is in it;
- *stable*: every argument not in the extension is attacked by it;
- *preferred*: complete extensions that are ⊆-maximal, found by clingo's domain heuristic
  (``#heuristic in(X). [1,true]`` with ``--heuristic=Domain --enum-mode=domRec``), which makes
  every model it reports subset-maximal.

The solver sees only what the grounded labelling leaves open. Every complete extension contains
the grounded extension and excludes every argument it attacks, and an argument the grounded
labelling leaves UNDEC is attacked only by UNDEC or OUT arguments (an IN attacker would make it
OUT). So the complete labellings of a framework are exactly the grounded labelling's IN and OUT
joined with a complete labelling of its *residual*: the UNDEC arguments and the attacks among them
(attacks from OUT arguments never count, their sources being defeated by the grounded extension).
The join keeps the order of extensions, so preferred extensions (⊆-maximal complete ones) and
stable ones (complete ones with nothing UNDEC) correspond too. :func:`extensions` therefore
computes the grounded labelling (linear time, :mod:`argmap.semantics.grounded`), hands clingo the
residual as integer facts, and adds the grounded extension to every answer; when the residual is
empty the grounded extension is the only complete, preferred and stable extension and clingo is
not started. On random frameworks most arguments are settled by the grounded labelling (see
``docs/performance.md``); on a framework with no unattacked argument the residual is the whole
framework and the problem stays as hard as it is.

The residual is not split further by strongly connected components: preferred semantics is
SCC-recursive (Baroni, Giacomin and Guida 2005) only with a base function that is not "preferred
extensions of each component", and clingo already treats independent parts of one program
independently.

Sceptical and credulous acceptance use the solver's cautious and brave consequences, exact without
listing the extensions (preferred sceptical acceptance lists the preferred extensions, which are
usually few).

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(sorted(e) for e in extensions(af, "preferred"))
    [['a', 'c'], ['b']]
    >>> sorted(credulous(af, "stable")), sorted(sceptical(af, "stable"))
    (['a', 'b', 'c'], [])
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from argmap.exceptions import EvaluationError, MissingDependencyError
from argmap.semantics.grounded import IN, OUT, UNDEC, grounded_codes

if TYPE_CHECKING:
    from argmap.semantics.framework import Framework

__all__ = ["MultiSemantics", "credulous", "extensions", "sceptical"]

MultiSemantics = Literal["complete", "preferred", "stable"]
_MULTI = ("complete", "preferred", "stable")

_BASE = """
in(X) :- arg(X), not nin(X).
nin(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
"""
_COMPLETE = ":- nin(X), not undefended(X).\n"
_STABLE = ":- nin(X), not defeated(X).\n"
_PREFERRED = "#heuristic in(X) : arg(X). [1,true]\n"


class _Residual:
    """The grounded labelling of a framework and the part of it the solver must decide."""

    __slots__ = ("codes", "grounded_in", "grounded_out", "names")

    def __init__(self, af: Framework) -> None:
        self.codes = grounded_codes(af)
        arguments = af.arguments
        labelled = list(zip(arguments, self.codes, strict=True))
        self.grounded_in = frozenset(a for a, c in labelled if c == IN)
        self.grounded_out = frozenset(a for a, c in labelled if c == OUT)
        self.names = [a for a, c in labelled if c == UNDEC]

    def program(self, af: Framework, semantics: str, shown: str) -> tuple[str, list[str]]:
        """Return the encoding with the residual's facts (local indices), and clingo's options."""
        codes = self.codes
        local = [-1] * len(codes)
        for k, i in enumerate(i for i, c in enumerate(codes) if c == UNDEC):
            local[i] = k
        parts = [_BASE, _STABLE if semantics == "stable" else _COMPLETE]
        if semantics == "preferred":
            parts.append(_PREFERRED)
        parts.append(shown)
        parts.append(f"arg(0..{len(self.names) - 1}).\n")
        attacked = af._attacked
        parts.append(
            "".join(
                f"att({local[i]},{local[j]}).\n"
                for i, c in enumerate(codes)
                if c == UNDEC
                for j in attacked[i]
                if codes[j] == UNDEC
            )
        )
        options = ["--heuristic=Domain", "--enum-mode=domRec"] if semantics == "preferred" else []
        return "".join(parts), options


def _solve(
    program: str, options: list[str], *, models: int, mode: str | None = None
) -> Iterator[list[tuple[str, int]]]:
    try:
        import clingo  # noqa: PLC0415
    except ImportError:  # pragma: no cover - clingo is a dependency
        raise MissingDependencyError(
            "complete, preferred and stable semantics need the clingo package (a dependency of "
            "argmap): pip install clingo"
        ) from None
    args = [*options, f"--models={models}", "--warn=none"]
    if mode is not None:
        args.append(f"--enum-mode={mode}")
    control: Any = clingo.Control(args)
    control.add("base", [], program)
    control.ground([("base", [])])
    with control.solve(yield_=True) as handle:
        for model in handle:
            yield [(s.name, s.arguments[0].number) for s in model.symbols(shown=True)]


def _check(semantics: str) -> None:
    if semantics not in _MULTI:
        raise EvaluationError(
            f"unknown semantics {semantics!r} for extensions; use one of {', '.join(_MULTI)}"
        )


def extensions(
    af: Framework, semantics: MultiSemantics, *, limit: int | None = None
) -> Iterator[frozenset[str]]:
    """Yield the extensions of ``af`` under ``semantics``, each as a frozenset of names.

    Args:
        af: The framework.
        semantics: ``"complete"``, ``"preferred"`` or ``"stable"``.
        limit: Stop after this many extensions (all when ``None``).

    Raises:
        EvaluationError: An unknown semantics.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> list(extensions(Framework(["a", "b"], [("a", "b")]), "complete"))
        [frozenset({'a'})]
    """
    _check(semantics)
    residual = _Residual(af)
    if not residual.names:  # the grounded labelling is total: its extension is the only one
        yield residual.grounded_in
        return
    program, options = residual.program(af, semantics, "#show in/1.\n")
    names, base = residual.names, residual.grounded_in
    for atoms in _solve(program, options, models=0 if limit is None else limit):
        yield base.union(names[i] for _, i in atoms)


def _consequences(af: Framework, semantics: str, mode: str) -> tuple[set[str], set[str], bool]:
    """Return (IN, OUT, any model) under brave or cautious reasoning."""
    _check(semantics)
    if semantics == "preferred":  # brave/cautious need their own enum mode; see the callers
        raise AssertionError("preferred is reduced to complete or enumerated by the callers")
    residual = _Residual(af)
    ins, outs = set(residual.grounded_in), set(residual.grounded_out)
    if not residual.names:
        return ins, outs, True
    program, options = residual.program(af, semantics, "#show in/1. #show defeated/1.\n")
    last: list[tuple[str, int]] | None = None
    for atoms in _solve(program, options, models=0, mode=mode):
        last = atoms
    if last is None:
        return set(), set(), False
    names = residual.names
    ins.update(names[i] for name, i in last if name == "in")
    outs.update(names[i] for name, i in last if name == "defeated")
    return ins, outs, True


def credulous(af: Framework, semantics: MultiSemantics) -> frozenset[str]:
    """Return the arguments in at least one extension (credulously accepted).

    Preferred and complete agree here: every complete extension lies inside a preferred one.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> sorted(credulous(Framework(["a", "b"], [("a", "b"), ("b", "a")]), "preferred"))
        ['a', 'b']
    """
    if semantics == "preferred":
        semantics = "complete"
    return frozenset(_consequences(af, semantics, "brave")[0])


def sceptical(af: Framework, semantics: MultiSemantics) -> frozenset[str]:
    """Return the arguments in every extension (sceptically accepted).

    Under stable semantics a framework with no stable extension accepts every argument
    vacuously; this returns the empty set then, which is what a user means by "accepted".

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> sorted(sceptical(Framework(["a", "b", "c"], [("a", "b"), ("b", "a")]), "preferred"))
        ['c']
    """
    return frozenset(sceptical_labels(af, semantics)[0])


def sceptical_labels(
    af: Framework, semantics: MultiSemantics, *, limit: int = 10_000
) -> tuple[set[str], set[str], bool]:
    """Return (IN in every extension, OUT in every labelling, whether any extension exists).

    OUT means attacked by the extension. For preferred semantics the preferred extensions are
    listed, at most ``limit`` of them.

    Raises:
        EvaluationError: More than ``limit`` preferred extensions.
    """
    if semantics != "preferred":
        return _consequences(af, semantics, "cautious")
    found = list(extensions(af, "preferred", limit=limit + 1))
    if len(found) > limit:
        raise EvaluationError(
            f"the framework has more than {limit} preferred extensions; pass a larger "
            "max_extensions, or use grounded or complete semantics (polynomial)"
        )
    ins = set.intersection(*(set(e) for e in found))
    outs: set[str] | None = None
    for e in found:
        attacked = {t for a in e for t in af.attacked_by(a)}
        outs = attacked if outs is None else outs & attacked
    return ins, outs or set(), True
