"""Independent oracles for the Dung semantics: brute-force enumeration over all subsets.

Written straight from the definitions (Dung 1995), sharing no code with argmap.semantics, for
small frameworks only.
"""

from __future__ import annotations

import random
from itertools import combinations

from argmap.semantics.framework import Framework


def random_framework(rng: random.Random, *, max_n: int = 7) -> Framework:
    """A random framework of 0..max_n arguments; self-attacks and mutual attacks included."""
    n = rng.randint(0, max_n)
    names = [f"x{i}" for i in range(n)]
    density = rng.choice([0.1, 0.2, 0.35, 0.5])
    attacks = [(a, b) for a in names for b in names if rng.random() < density]
    return Framework(names, attacks)


def _subsets(items: list[str]) -> list[frozenset[str]]:
    return [frozenset(c) for k in range(len(items) + 1) for c in combinations(items, k)]


def brute_force(af: Framework) -> dict[str, list[frozenset[str]]]:
    """Every Dung extension of ``af``, by semantics, from the definitions."""
    args = list(af.arguments)
    att = set(af.attacks())
    attackers = {a: {x for x, y in att if y == a} for a in args}

    def conflict_free(s: frozenset[str]) -> bool:
        return not any((x, y) in att for x in s for y in s)

    def defends(s: frozenset[str], a: str) -> bool:
        return all(any((d, b) in att for d in s) for b in attackers[a])

    admissible = [s for s in _subsets(args) if conflict_free(s) and all(defends(s, a) for a in s)]
    complete = [s for s in admissible if all(a in s for a in args if defends(s, a))]
    preferred = [s for s in admissible if not any(s < t for t in admissible)]
    stable = [
        s
        for s in _subsets(args)
        if conflict_free(s) and all(any((x, a) in att for x in s) for a in args if a not in s)
    ]
    grounded = [min(complete, key=len)]

    def range_of(s: frozenset[str]) -> frozenset[str]:
        return s | {y for x, y in att if x in s}

    conflict_free = [s for s in _subsets(args) if conflict_free(s)]
    semi_stable = [s for s in complete if not any(range_of(s) < range_of(t) for t in complete)]
    stage = [s for s in conflict_free if not any(range_of(s) < range_of(t) for t in conflict_free)]
    return {
        "complete": complete,
        "preferred": preferred,
        "stable": stable,
        "grounded": grounded,
        "semi-stable": semi_stable,
        "stage": stage,
    }


_PLAIN_LABELLING = """\
1 { in(X); out(X); undec(X) } 1 :- arg(X).
:- in(X), att(Y,X), not out(Y).
:- arg(X), not in(X), out(Y) : att(Y,X).
:- out(X), not in(Y) : att(Y,X).
:- in(Y), att(Y,X), not out(X).
"""
_PLAIN_CONFLICT_FREE = """\
1 { in(X); out(X); undec(X) } 1 :- arg(X).
:- in(X), in(Y), att(X,Y).
:- out(X), not in(Y) : att(Y,X).
:- in(Y), att(Y,X), not out(X).
"""


def plain_extensions(af: Framework, semantics: str) -> list[frozenset[str]]:
    """Every extension by a plain ASPARTIX-style labelling encoding (Caminada's labellings) on
    the whole framework, for frameworks too large for :func:`brute_force`.

    Complete and stable labellings are enumerated as they are; preferred, semi-stable and stage
    extensions are picked out of all complete (resp. conflict-free) labellings by ⊆-maximal IN
    (resp. minimal UNDEC) in Python, so no heuristic is trusted.
    """
    import clingo

    index = {a: i for i, a in enumerate(af.arguments)}
    facts = "".join(f"arg({i}).\n" for i in range(len(index))) + "".join(
        f"att({index[a]},{index[b]}).\n" for a, b in af.attacks()
    )
    base = _PLAIN_CONFLICT_FREE if semantics == "stage" else _PLAIN_LABELLING
    if semantics == "stable":
        base += ":- undec(X).\n"
    control = clingo.Control(["--models=0", "--warn=none"])
    control.add("base", [], base + facts + "#show in/1. #show undec/1.\n")
    control.ground([("base", [])])
    found: list[tuple[frozenset[str], frozenset[str]]] = []

    def on_model(model: clingo.Model) -> None:
        atoms = [(s.name, af.arguments[s.arguments[0].number]) for s in model.symbols(shown=True)]
        found.append(
            (
                frozenset(a for n, a in atoms if n == "in"),
                frozenset(a for n, a in atoms if n == "undec"),
            )
        )

    control.solve(on_model=on_model)
    if semantics in ("complete", "stable"):
        return [ins for ins, _ in found]
    if semantics == "preferred":
        return [e for e, _ in found if not any(e < f for f, _ in found)]
    return [e for e, u in found if not any(v < u for _, v in found)]
