"""Dung's complete, preferred, stable, semi-stable and stage semantics, solved by clingo.

These semantics are hard in general (sceptical acceptance under preferred semantics is
Π2-complete), so argmap never enumerates subsets itself: it hands the framework to clingo, an
established answer-set solver (installed with argmap), through :class:`~argmap.semantics.solver.
Solver`, which takes a ``timeout`` on every call. The encodings are those of ASPARTIX (Egly,
Gaggl and Woltran 2010; Dvořák, Gaggl, Rapberger, Wallner and Woltran, ASPARTIX-V) over integer
facts ``arg/1`` and ``att/2``; ``docs/semantics.md`` lists them with the sources read:

- *conflict-free*: a choice of ``in/1``, ``defeated(X) :- in(Y), att(Y,X)``, and no IN argument
  defeated;
- *complete*: conflict-free, no IN argument with an undefeated attacker (admissible), and every
  argument whose attackers are all defeated is IN;
- *stable*: the one rule ``in(X) :- arg(X), not in(Y) : att(Y,X)`` (an argument is IN exactly
  when no attacker is); its answer sets are the stable extensions, with no guess at all;
- *preferred*: complete, with clingo's domain heuristic ``#heuristic in(X). [1,true]``, under
  which the first model of every call is ⊆-maximal (Gebser et al., domain-specific heuristics);
  ``--enum-mode=domRec`` enumerates exactly the ⊆-maximal models;
- *semi-stable* and *stage*: complete (resp. conflict-free) with the heuristic on the range
  ``range(X) :- in(X)`` / ``range(X) :- defeated(X)``, so that models have ⊆-maximal range.

**The solver sees only what the grounded labelling leaves open.** Every complete extension
contains the grounded extension and excludes every argument it attacks, and an argument the
grounded labelling leaves UNDEC is attacked only by UNDEC or OUT arguments (an IN attacker would
make it OUT). So the complete labellings of a framework are exactly the grounded labelling's IN
and OUT joined with a complete labelling of its *residual*: the UNDEC arguments and the attacks
among them. The join keeps the order of extensions and their ranges, so preferred, stable and
semi-stable extensions correspond too. argmap computes the grounded labelling (linear time),
hands clingo the residual, and adds the grounded extension to every answer; when the residual is
empty clingo is not started. Stage extensions need not contain the grounded extension, so stage
semantics gets the whole framework.

**Decisions** (:func:`is_accepted`) take the cheapest route for each semantics:

- credulous complete and preferred: one solve with ``in(a)`` assumed (every complete extension
  lies inside a preferred one; under the heuristic the model found *is* preferred, the witness);
- sceptical complete: ``a`` is in the grounded extension (no solver);
- credulous and sceptical stable: one solve with ``in(a)`` assumed true, or false;
- sceptical preferred, and both decisions under semi-stable and stage: a counter-example loop
  over one multi-shot solver (as CEGARTIX, μ-toksia and crustabri do it with SAT solvers): find
  a candidate maximal among those without ``a`` (the heuristic under an assumption), ask whether
  something strictly above it exists; if not, the candidate is a counter-example, else the
  maximal extension above it is one (when it lacks ``a``) or is excluded, with everything below
  it, by one added constraint, and the loop goes on. Sceptical preferred first asks whether some
  complete extension attacks ``a``, which settles most negative answers in one call.

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(sorted(e) for e in extensions(af, "preferred"))
    [['a', 'c'], ['b']]
    >>> sorted(credulous(af, "stable")), sorted(sceptical(af, "stable"))
    (['a', 'b', 'c'], [])
    >>> bool(is_accepted(af, "c", "preferred", mode="sceptical"))
    False
    >>> count_extensions(af, "complete")
    3
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from argmap.exceptions import EvaluationError
from argmap.semantics.grounded import IN, OUT, UNDEC, grounded_codes
from argmap.semantics.solver import Deadline, Solver

if TYPE_CHECKING:
    from argmap.semantics.framework import Framework

__all__ = [
    "MULTI_SEMANTICS",
    "Decision",
    "Mode",
    "MultiSemantics",
    "count_extensions",
    "credulous",
    "extensions",
    "is_accepted",
    "sceptical",
    "sceptical_labels",
    "some_extension",
]

MultiSemantics = Literal["complete", "preferred", "stable", "semi-stable", "stage"]
MULTI_SEMANTICS: tuple[MultiSemantics, ...] = (
    "complete",
    "preferred",
    "stable",
    "semi-stable",
    "stage",
)
Mode = Literal["credulous", "sceptical"]
ABBREVIATIONS: dict[str, str] = {
    "complete": "CO",
    "preferred": "PR",
    "stable": "ST",
    "semi-stable": "SST",
    "stage": "STG",
}
"""ICCMA's names of the semantics (``DS-PR``: sceptical acceptance under preferred)."""

_CONFLICT_FREE = """\
{in(X)} :- arg(X).
defeated(X) :- in(Y), att(Y,X).
:- in(X), defeated(X).
"""
_COMPLETE = (
    _CONFLICT_FREE
    + """\
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- arg(X), not in(X), not undefended(X).
"""
)
_STABLE = "in(X) :- arg(X), not in(Y) : att(Y,X).\n"
_DEFEATED = "defeated(X) :- in(Y), att(Y,X).\n"
_MAXIMAL_IN = "#heuristic in(X) : arg(X). [1,true]\n"
_MAXIMAL_RANGE = """\
range(X) :- in(X).
range(X) :- defeated(X).
#heuristic range(X) : arg(X). [1,true]
"""
_MAXIMAL = ("preferred", "semi-stable", "stage")
"""Semantics whose extensions are the ⊆-maximal models in a heuristic's atoms."""


def _check(semantics: str) -> None:
    if semantics not in MULTI_SEMANTICS:
        raise EvaluationError(
            f"unknown semantics {semantics!r} for extensions; use one of "
            f"{', '.join(MULTI_SEMANTICS)}"
        )


def _task(kind: str, semantics: str) -> str:
    return f"{kind}-{ABBREVIATIONS.get(semantics, semantics)}"


class _Reduced:
    """A framework cut down to what the solver must decide, and the way back to names.

    ``names[k]`` is the name of local argument ``k``; ``base_in`` is IN and ``base_out`` OUT in
    every extension (the grounded labelling's, except for stage semantics, which is given the
    whole framework); ``facts`` are the local arguments and attacks for clingo.
    """

    __slots__ = ("base_in", "base_out", "facts", "local", "names")

    def __init__(self, af: Framework, semantics: str) -> None:
        arguments = af.arguments
        attacked = af._attacked
        codes = [UNDEC] * len(arguments) if semantics == "stage" else grounded_codes(af)
        self.base_in = frozenset(a for a, c in zip(arguments, codes, strict=True) if c == IN)
        self.base_out = frozenset(a for a, c in zip(arguments, codes, strict=True) if c == OUT)
        local = [-1] * len(codes)
        names: list[str] = []
        for i, c in enumerate(codes):
            if c == UNDEC:
                local[i] = len(names)
                names.append(arguments[i])
        self.local = local
        self.names = names
        parts = [f"arg(0..{len(names) - 1}).\n"] if names else []
        parts.extend(
            f"att({local[i]},{local[j]}).\n"
            for i, c in enumerate(codes)
            if c == UNDEC
            for j in attacked[i]
            if codes[j] == UNDEC
        )
        self.facts = "".join(parts)

    def extension(self, atoms: list[tuple[str, int]]) -> frozenset[str]:
        names = self.names
        return self.base_in.union(names[k] for name, k in atoms if name == "in")

    def solver(self, semantics: str, deadline: Deadline, *, defeated: bool = False) -> Solver:
        """A solver for the residual under ``semantics`` (``defeated``: also show OUT)."""
        if semantics == "stable":
            parts = [_STABLE, _DEFEATED if defeated else ""]
        elif semantics == "stage":
            parts = [_CONFLICT_FREE, _MAXIMAL_RANGE]
        else:
            parts = [_COMPLETE]
            if semantics == "preferred":
                parts.append(_MAXIMAL_IN)
            elif semantics == "semi-stable":
                parts.append(_MAXIMAL_RANGE)
        shown = ["in/1"]
        if defeated:
            shown.append("defeated/1")
        if semantics in ("semi-stable", "stage"):
            shown.append("range/1")
        parts.extend(f"#show {s}.\n" for s in shown)
        return Solver(
            "".join(parts) + self.facts,
            heuristic=semantics in _MAXIMAL,
            deadline=deadline,
            task=deadline.task,
        )


def _marked(atoms: list[tuple[str, int]], name: str) -> set[int]:
    return {k for n, k in atoms if n == name}


def _lits(solver: Solver, name: str, count: int) -> list[int]:
    found = solver.literals(name, count)
    if any(lit is None for lit in found):  # pragma: no cover - the encodings ground them all
        raise AssertionError(f"{name}/1 is not ground for every argument")
    return found  # type: ignore[return-value]


def _strictly_above(solver: Solver, marks: list[int], chosen: set[int]) -> list[tuple[str, int]]:
    """A model whose marked atoms strictly include ``chosen`` (maximal, under the heuristic),
    or ``[]`` when there is none; the constraint that asked for it is retired afterwards."""
    selector = solver.new_atom()
    solver.add_rule([selector], [], choice=True)
    solver.add_rule([], [selector, *(-m for k, m in enumerate(marks) if k not in chosen)])
    model = solver.solve([*(marks[k] for k in chosen), selector])
    solver.add_rule([], [selector])
    return model or []


def _never_below(solver: Solver, marks: list[int], top: set[int]) -> None:
    """Exclude from now on every model whose marked atoms are a strict subset of ``top``."""
    full = solver.new_atom()
    solver.add_rule([full], [marks[k] for k in top])
    solver.add_rule([], [*(-m for k, m in enumerate(marks) if k not in top), -full])


def extensions(
    af: Framework,
    semantics: MultiSemantics,
    *,
    limit: int | None = None,
    timeout: float | None = None,
) -> Iterator[frozenset[str]]:
    """Yield the extensions of ``af`` under ``semantics``, each as a frozenset of names.

    Args:
        af: The framework.
        semantics: ``"complete"``, ``"preferred"``, ``"stable"``, ``"semi-stable"`` or
            ``"stage"``.
        limit: Stop after this many extensions (all when ``None``).
        timeout: Give up after this many seconds (wall clock) in all; ``None`` for no limit.

    Raises:
        EvaluationError: An unknown semantics or a bad timeout.
        EvaluationTimeout: The time ran out (the extensions yielded so far stand).

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> list(extensions(Framework(["a", "b"], [("a", "b")]), "complete"))
        [frozenset({'a'})]
    """
    _check(semantics)
    deadline = Deadline(timeout, task=_task("EE", semantics))
    return _extensions(af, semantics, limit=limit, deadline=deadline)


def _by_range(af: Framework, semantics: str, deadline: Deadline) -> str:
    """The semantics to solve: semi-stable and stage extensions are the stable ones when the
    framework has a stable extension (Caminada 2006; Verheij 1996), and stable is the easier."""
    if semantics in ("semi-stable", "stage") and _some(af, "stable", deadline) is not None:
        return "stable"
    return semantics


def _some(af: Framework, semantics: str, deadline: Deadline) -> frozenset[str] | None:
    reduced = _Reduced(af, semantics)
    if not reduced.names:
        return reduced.base_in
    solver = reduced.solver(semantics, deadline)
    atoms = solver.solve()
    return None if atoms is None else reduced.extension(atoms)


def _extensions(
    af: Framework, semantics: str, *, limit: int | None, deadline: Deadline
) -> Iterator[frozenset[str]]:
    if limit is not None and limit < 1:
        return
    semantics = _by_range(af, semantics, deadline)
    reduced = _Reduced(af, semantics)
    if not reduced.names:  # the grounded labelling is total: its extension is the only one
        yield reduced.base_in
        return
    solver = reduced.solver(semantics, deadline)
    if semantics not in ("semi-stable", "stage"):
        mode = "domRec" if semantics == "preferred" else "auto"
        for atoms in solver.models(limit=limit, mode=mode):
            yield reduced.extension(atoms)
        return
    # The heuristic gives one extension per maximal range; then each range's other extensions.
    firsts: list[tuple[set[int], set[int]]] = []
    for atoms in solver.models(limit=limit, mode="domRec"):
        firsts.append((_marked(atoms, "range"), _marked(atoms, "in")))
        yield reduced.extension(atoms)
    found = len(firsts)
    if limit is not None and found >= limit:
        return
    marks = _lits(solver, "range", len(reduced.names))
    for chosen, first in firsts:
        exact = [m if k in chosen else -m for k, m in enumerate(marks)]
        for atoms in solver.models(exact):
            if _marked(atoms, "in") == first:
                continue
            yield reduced.extension(atoms)
            found += 1
            if limit is not None and found >= limit:
                return


def some_extension(
    af: Framework, semantics: MultiSemantics, *, timeout: float | None = None
) -> frozenset[str] | None:
    """Return one extension of ``af`` under ``semantics``, or ``None`` when it has none.

    Only stable semantics can have none (an odd cycle); the others always have one.

    Raises:
        EvaluationTimeout: The time ran out.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> odd = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
        >>> some_extension(odd, "stable") is None, some_extension(odd, "preferred")
        (True, frozenset())
    """
    _check(semantics)
    deadline = Deadline(timeout, task=_task("SE", semantics))
    return _some(af, _by_range(af, semantics, deadline), deadline)


def count_extensions(
    af: Framework, semantics: MultiSemantics, *, timeout: float | None = None
) -> int:
    """Return how many extensions ``af`` has under ``semantics`` (counted inside clingo).

    Raises:
        EvaluationTimeout: The time ran out.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> attacks = [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")]
        >>> pairs = Framework(["a", "b", "c", "d"], attacks)
        >>> count_extensions(pairs, "preferred"), count_extensions(pairs, "complete")
        (4, 9)
    """
    _check(semantics)
    deadline = Deadline(timeout, task=_task("CE", semantics))
    semantics = _by_range(af, semantics, deadline)  # type: ignore[assignment]
    reduced = _Reduced(af, semantics)
    if not reduced.names:
        return 1
    solver = reduced.solver(semantics, deadline)
    if semantics not in ("semi-stable", "stage"):
        if semantics == "preferred":
            return solver.count(mode="domRec")
        return solver.count()
    ranges = [_marked(found, "range") for found in solver.models(mode="domRec")]
    marks = _lits(solver, "range", len(reduced.names))
    return sum(
        solver.count([m if k in chosen else -m for k, m in enumerate(marks)]) for chosen in ranges
    )


@dataclass(frozen=True)
class Decision:
    """The answer to "is this argument accepted?", with the extension that shows it.

    Attributes:
        accepted: The answer.
        witness: An extension that proves it where one can: containing the argument for a
            credulous YES, lacking it for a sceptical NO; ``None`` otherwise (a credulous NO and
            a sceptical YES hold of every extension, and no one extension shows them).

    A decision is true when the argument is accepted: ``if is_accepted(...):`` reads as it says.
    """

    accepted: bool
    witness: frozenset[str] | None = None

    def __bool__(self) -> bool:
        return self.accepted


def is_accepted(
    af: Framework,
    argument: str,
    semantics: MultiSemantics,
    *,
    mode: Mode,
    timeout: float | None = None,
) -> Decision:
    """Decide whether ``argument`` is in some (credulous) or every (sceptical) extension.

    Under stable semantics a framework with no stable extension accepts every argument
    sceptically and none credulously (ICCMA's convention, and the definition's).

    Args:
        af: The framework.
        argument: The argument's name.
        semantics: ``"complete"``, ``"preferred"``, ``"stable"``, ``"semi-stable"`` or
            ``"stage"``.
        mode: ``"credulous"`` or ``"sceptical"``.
        timeout: Give up after this many seconds (wall clock); ``None`` for no limit.

    Raises:
        EvaluationError: An unknown argument, semantics or mode, or a bad timeout.
        EvaluationTimeout: The time ran out.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
        >>> decision = is_accepted(af, "c", "preferred", mode="credulous")
        >>> decision.accepted, sorted(decision.witness or ())
        (True, ['a', 'c'])
        >>> is_accepted(af, "c", "stable", mode="sceptical").accepted
        False
    """
    _check(semantics)
    if mode not in ("credulous", "sceptical"):
        raise EvaluationError(f"unknown mode {mode!r}; use 'credulous' or 'sceptical'")
    index = af.index.get(argument)
    if index is None:
        raise EvaluationError(
            f"unknown argument {argument!r}; the framework has {len(af)} arguments"
        )
    credulous_mode = mode == "credulous"
    deadline = Deadline(timeout, task=_task("DC" if credulous_mode else "DS", semantics))
    semantics = _by_range(af, semantics, deadline)  # type: ignore[assignment]
    reduced = _Reduced(af, semantics)
    k = reduced.local[index]
    if k < 0 or (not credulous_mode and semantics == "complete"):
        # Settled by the grounded labelling (sceptical complete: the grounded extension is the
        # least complete one, so it decides alone).
        settled_in = argument in reduced.base_in
        if not reduced.names:
            witness: frozenset[str] | None = reduced.base_in
        elif semantics == "complete" and not credulous_mode:
            witness = reduced.base_in
        else:
            solver = reduced.solver(semantics, deadline)
            atoms = solver.solve()
            witness = None if atoms is None else reduced.extension(atoms)
        if witness is None:  # stable semantics, no extension
            return Decision(accepted=not credulous_mode)
        if credulous_mode:
            return Decision(accepted=True, witness=witness) if settled_in else Decision(False)
        return Decision(accepted=True) if settled_in else Decision(False, witness)
    solver = reduced.solver(semantics, deadline)
    target = solver.literal("in", k)
    assert target is not None  # noqa: S101 - every residual argument has its in/1 atom
    if semantics in ("complete", "preferred", "stable") and (
        credulous_mode or semantics == "stable"
    ):
        # Under the heuristic, the preferred model with the argument in is a preferred witness.
        atoms = solver.solve([target] if credulous_mode else [-target])
        if atoms is None:
            return Decision(accepted=not credulous_mode)
        return Decision(accepted=credulous_mode, witness=reduced.extension(atoms))
    if credulous_mode:
        return _credulous_maximal(solver, reduced, k, target)
    return _sceptical_maximal(solver, reduced, semantics, k, target)


def _marks(solver: Solver, semantics: str, count: int) -> tuple[str, list[int]]:
    name = "in" if semantics == "preferred" else "range"
    return name, _lits(solver, name, count)


def _credulous_maximal(solver: Solver, reduced: _Reduced, k: int, target: int) -> Decision:
    """Credulous semi-stable or stage acceptance: a maximal candidate with ``k``, checked."""
    name, marks = "range", _lits(solver, "range", len(reduced.names))
    while True:
        candidate = solver.solve([target])
        if candidate is None:
            return Decision(False)
        above = _strictly_above(solver, marks, _marked(candidate, name))
        if not above:
            return Decision(True, reduced.extension(candidate))
        if k in _marked(above, "in"):
            return Decision(True, reduced.extension(above))
        _never_below(solver, marks, _marked(above, name))


def _sceptical_maximal(
    solver: Solver, reduced: _Reduced, semantics: str, k: int, target: int
) -> Decision:
    """Sceptical preferred, semi-stable or stage acceptance, by a counter-example loop."""
    name, marks = _marks(solver, semantics, len(reduced.names))
    # One maximal extension first, with no assumption (the easiest search): most arguments are
    # missing from it, which answers at once; otherwise nothing below it is a counter-example.
    first = solver.solve()
    if first is not None:
        if k not in _marked(first, "in"):
            return Decision(False, reduced.extension(first))
        _never_below(solver, marks, _marked(first, name))
    while True:
        candidate = solver.solve([-target])
        if candidate is None:
            return Decision(True)
        above = _strictly_above(solver, marks, _marked(candidate, name))
        if not above:
            return Decision(False, reduced.extension(candidate))
        if k not in _marked(above, "in"):
            return Decision(False, reduced.extension(above))
        _never_below(solver, marks, _marked(above, name))


def _consequences(
    af: Framework, semantics: str, mode: str, deadline: Deadline
) -> tuple[set[str], set[str], bool]:
    """Return (IN, OUT, any model) under brave or cautious reasoning (complete, stable)."""
    reduced = _Reduced(af, semantics)
    ins, outs = set(reduced.base_in), set(reduced.base_out)
    if not reduced.names:
        return ins, outs, True
    last: list[tuple[str, int]] | None = None
    for atoms in reduced.solver(semantics, deadline, defeated=True).models(mode=mode):
        last = atoms
    if last is None:
        return set(), set(), False
    names = reduced.names
    ins.update(names[i] for name, i in last if name == "in")
    outs.update(names[i] for name, i in last if name == "defeated")
    return ins, outs, True


def credulous(
    af: Framework, semantics: MultiSemantics, *, timeout: float | None = None
) -> frozenset[str]:
    """Return the arguments in at least one extension (credulously accepted).

    Preferred and complete agree here: every complete extension lies inside a preferred one.

    Raises:
        EvaluationTimeout: The time ran out.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> sorted(credulous(Framework(["a", "b"], [("a", "b"), ("b", "a")]), "preferred"))
        ['a', 'b']
    """
    _check(semantics)
    deadline = Deadline(timeout, task=f"credulous {semantics} acceptance")
    if semantics in ("semi-stable", "stage"):
        found: set[str] = set()
        for extension in _extensions(af, semantics, limit=None, deadline=deadline):
            found |= extension
        return frozenset(found)
    brave = "complete" if semantics == "preferred" else semantics
    return frozenset(_consequences(af, brave, "brave", deadline)[0])


def sceptical(
    af: Framework, semantics: MultiSemantics, *, timeout: float | None = None
) -> frozenset[str]:
    """Return the arguments in every extension (sceptically accepted).

    Under stable semantics a framework with no stable extension accepts every argument
    vacuously; this returns the empty set then, which is what a user means by "accepted".

    Raises:
        EvaluationTimeout: The time ran out.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> sorted(sceptical(Framework(["a", "b", "c"], [("a", "b"), ("b", "a")]), "preferred"))
        ['c']
    """
    return frozenset(sceptical_labels(af, semantics, timeout=timeout)[0])


def sceptical_labels(
    af: Framework,
    semantics: MultiSemantics,
    *,
    limit: int = 10_000,
    timeout: float | None = None,
) -> tuple[set[str], set[str], bool]:
    """Return (IN in every extension, OUT in every labelling, whether any extension exists).

    OUT means attacked by the extension. For preferred, semi-stable and stage semantics the
    extensions are listed, at most ``limit`` of them.

    Raises:
        EvaluationError: More than ``limit`` extensions to list.
        EvaluationTimeout: The time ran out.
    """
    _check(semantics)
    deadline = Deadline(timeout, task=f"sceptical {semantics} labels")
    if semantics not in _MAXIMAL:
        return _consequences(af, semantics, "cautious", deadline)
    found = list(_extensions(af, semantics, limit=limit + 1, deadline=deadline))
    if len(found) > limit:
        raise EvaluationError(
            f"the framework has more than {limit} {semantics} extensions; pass a larger "
            "max_extensions, or use grounded or complete semantics (polynomial)"
        )
    ins = set.intersection(*(set(e) for e in found))
    outs: set[str] | None = None
    for e in found:
        attacked = {t for a in e for t in af.attacked_by(a)}
        outs = attacked if outs is None else outs & attacked
    return ins, outs or set(), True
