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
    return {"complete": complete, "preferred": preferred, "stable": stable, "grounded": grounded}
