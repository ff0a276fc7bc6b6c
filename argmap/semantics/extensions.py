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


def _program(af: Framework, semantics: str, shown: str) -> tuple[str, list[str]]:
    if semantics not in _MULTI:
        raise EvaluationError(
            f"unknown semantics {semantics!r} for extensions; use one of {', '.join(_MULTI)}"
        )
    parts = [_BASE]
    parts.append(_STABLE if semantics == "stable" else _COMPLETE)
    if semantics == "preferred":
        parts.append(_PREFERRED)
    parts.append(shown)
    n = len(af)
    if n:
        parts.append(f"arg(0..{n - 1}).\n")
    parts.append(
        "".join(f"att({i},{j}).\n" for i, targets in enumerate(af._attacked) for j in targets)
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
    program, options = _program(af, semantics, "#show in/1.\n")
    names = af.arguments
    for atoms in _solve(program, options, models=0 if limit is None else limit):
        yield frozenset(names[i] for _, i in atoms)


def _consequences(af: Framework, semantics: str, mode: str) -> tuple[set[str], set[str], bool]:
    """Return (IN, OUT, any model) under brave or cautious reasoning."""
    program, options = _program(af, semantics, "#show in/1. #show defeated/1.\n")
    if semantics == "preferred":  # brave/cautious need their own enum mode; see the callers
        raise AssertionError("preferred is reduced to complete or enumerated by the callers")
    last: list[tuple[str, int]] | None = None
    for atoms in _solve(program, options, models=0, mode=mode):
        last = atoms
    names = af.arguments
    if last is None:
        return set(), set(), False
    ins = {names[i] for name, i in last if name == "in"}
    outs = {names[i] for name, i in last if name == "defeated"}
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
