"""Differential tests: argmap's Dung semantics against brute force and python-argumentation."""

from __future__ import annotations

import pickle
import random

import pytest

from argmap.exceptions import EvaluationError, MissingDependencyError
from argmap.semantics.extensions import credulous, extensions, sceptical, sceptical_labels
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded_codes, grounded_labels
from tests.semantics.oracle import brute_force, random_framework

N_RANDOM = 300


def _frameworks(seed: int) -> list[Framework]:
    rng = random.Random(seed)  # noqa: S311
    return [random_framework(rng) for _ in range(N_RANDOM)]


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_extensions_match_brute_force(semantics: str) -> None:
    for af in _frameworks(hash(semantics) % 1000):
        expected = brute_force(af)[semantics]
        got = list(extensions(af, semantics))  # type: ignore[arg-type]
        assert len(got) == len(set(got)), af
        assert set(got) == set(expected), af


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_acceptance_matches_brute_force(semantics: str) -> None:
    for af in _frameworks(7 + len(semantics)):
        exts = brute_force(af)[semantics]
        brave = set().union(*exts) if exts else set()
        cautious = set(af.arguments).intersection(*exts) if exts else set()
        assert credulous(af, semantics) == brave, af  # type: ignore[arg-type]
        assert sceptical(af, semantics) == cautious, af  # type: ignore[arg-type]
        _, outs, any_ext = sceptical_labels(af, semantics)  # type: ignore[arg-type]
        assert any_ext == bool(exts)
        if exts:
            attacked = [{b for a, b in af.attacks() if a in e} for e in exts]
            assert outs == set.intersection(*attacked), af


def test_grounded_matches_brute_force() -> None:
    for af in _frameworks(3):
        (expected,) = brute_force(af)["grounded"]
        labels = grounded_labels(af)
        assert {a for a, lab in labels.items() if lab == "in"} == expected, af
        attacked = {b for a, b in af.attacks() if a in expected}
        assert {a for a, lab in labels.items() if lab == "out"} == attacked, af


def test_against_python_argumentation() -> None:
    py_arg = pytest.importorskip("py_arg", reason="python-argumentation is not installed")
    del py_arg
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_complete_extensions import get_complete_extensions
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

    oracles = {
        "complete": get_complete_extensions,
        "preferred": get_preferred_extensions,
        "stable": get_stable_extensions,
    }
    for af in _frameworks(11):
        args = {a: Argument(a) for a in af.arguments}
        theirs = AbstractArgumentationFramework(
            "af", list(args.values()), [Defeat(args[a], args[b]) for a, b in af.attacks()]
        )
        grounded = {a.name for a in get_grounded_extension(theirs)}
        assert {a for a, lab in grounded_labels(af).items() if lab == "in"} == grounded, af
        for semantics, oracle in oracles.items():
            expected = {frozenset(a.name for a in e) for e in oracle(theirs)}
            assert set(extensions(af, semantics)) == expected, (semantics, af)  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [5_000, pytest.param(200_000, marks=pytest.mark.slow)])
def test_grounded_chain_without_recursion(n: int) -> None:
    # 5,000 is five times the recursion limit; the 200,000-long chain runs with the slow tests.
    af = Framework.from_indices(n, [(i + 1, i) for i in range(n - 1)])
    codes = grounded_codes(af)
    assert codes[n - 1] == 1
    assert codes[0] == (1 if (n - 1) % 2 == 0 else 2)
    assert all(c in (1, 2) for c in codes)


def test_odd_cycle_is_undec_and_has_no_stable_extension() -> None:
    af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert set(grounded_labels(af).values()) == {"undec"}
    assert list(extensions(af, "stable")) == []
    assert list(extensions(af, "preferred")) == [frozenset()]
    assert sceptical(af, "stable") == frozenset()


def test_limit_and_too_many_preferred_extensions() -> None:
    pairs = [(f"a{i}", f"b{i}") for i in range(4)]
    af = Framework([x for p in pairs for x in p], [e for a, b in pairs for e in ((a, b), (b, a))])
    assert len(list(extensions(af, "preferred"))) == 16
    assert len(list(extensions(af, "preferred", limit=3))) == 3
    with pytest.raises(EvaluationError, match="more than 5 preferred extensions"):
        sceptical_labels(af, "preferred", limit=5)


def test_framework_errors_and_pickle() -> None:
    with pytest.raises(EvaluationError, match="'a' is given twice"):
        Framework(["a", "a"])
    with pytest.raises(EvaluationError, match="unknown argument 'z'"):
        Framework(["a"], [("a", "z")])
    with pytest.raises(EvaluationError, match=r"outside 0\.\.1"):
        Framework.from_indices(2, [(0, 2)])
    with pytest.raises(EvaluationError, match="unknown semantics 'ideal'"):
        list(extensions(Framework(["a"]), "ideal"))  # type: ignore[arg-type]
    af = Framework(["a", "b"], [("a", "b"), ("a", "b")])
    assert af.number_of_attacks() == 1
    with pytest.raises(EvaluationError, match="unknown argument 'q'"):
        af.attackers("q")
    assert pickle.loads(pickle.dumps(af)) == af


# The solver sees only the residual of the grounded labelling (argmap.semantics.extensions):
# frameworks whose grounded part is empty, total or partial, self-attacks, odd and even cycles.

SEMANTICS = ("complete", "preferred", "stable")


def _cycle(names: list[str]) -> list[tuple[str, str]]:
    return [(a, names[(i + 1) % len(names)]) for i, a in enumerate(names)]


def _expected(af: Framework) -> dict[str, set[frozenset[str]]]:
    return {s: set(exts) for s, exts in brute_force(af).items()}


@pytest.mark.parametrize(
    ("arguments", "attacks", "grounded_in"),
    [
        # grounded part empty: an even cycle, an odd cycle, a self-attack
        (["a", "b"], [("a", "b"), ("b", "a")], set()),
        (["a", "b", "c"], _cycle(["a", "b", "c"]), set()),
        (["s"], [("s", "s")], set()),
        (["a", "b", "c", "d"], _cycle(["a", "b", "c", "d"]), set()),
        # grounded part total: a chain, an unattacked attacker of a self-attacker
        (["c", "r1", "r2", "r3"], [("r1", "c"), ("r2", "r1"), ("r3", "r2")], {"r3", "r1"}),
        (["u", "s", "t"], [("u", "s"), ("s", "s"), ("s", "t")], {"u", "t"}),
        (["a"], [], {"a"}),
        (
            ["u", "a", "b", "x", "y", "z", "w"],
            [("u", "a"), *_cycle(["a", "b"]), ("b", "x"), *_cycle(["x", "y", "z"]), ("z", "w")],
            {"u", "b", "y", "w"},
        ),
        ([], [], set()),
        # grounded part partial: settled arguments attacking into and out of cycles
        (
            ["u", "w", "a", "b", "x", "y", "z"],
            [("u", "w"), ("w", "a"), *_cycle(["a", "b"]), ("b", "x"), *_cycle(["x", "y", "z"])],
            {"u"},
        ),
        (
            ["u", "v", "a", "b", "c", "s"],
            [("u", "v"), ("v", "a"), *_cycle(["a", "b", "c"]), ("c", "s"), ("s", "s")],
            {"u"},
        ),
        (
            ["u", "a", "b", "c", "d", "s"],
            [("u", "s"), *_cycle(["a", "b"]), ("s", "a"), ("c", "d"), ("d", "c"), ("d", "a")],
            {"u"},
        ),
    ],
)
def test_residual_path_matches_brute_force(
    arguments: list[str], attacks: list[tuple[str, str]], grounded_in: set[str]
) -> None:
    af = Framework(arguments, attacks)
    assert {a for a, lab in grounded_labels(af).items() if lab == "in"} == grounded_in
    expected = _expected(af)
    for semantics in SEMANTICS:
        got = list(extensions(af, semantics))  # type: ignore[arg-type]
        assert len(got) == len(set(got))
        assert set(got) == expected[semantics], semantics
        assert all(grounded_in <= e for e in got)
        exts = expected[semantics]
        assert credulous(af, semantics) == (set().union(*exts) if exts else set())  # type: ignore[arg-type]
        assert sceptical(af, semantics) == (  # type: ignore[arg-type]
            set(arguments).intersection(*exts) if exts else set()
        )


def test_total_grounded_labelling_never_starts_the_solver(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "clingo", None)  # importing clingo now fails
    chain = Framework(["c", "r1", "r2"], [("r1", "c"), ("r2", "r1")])
    for semantics in SEMANTICS:
        assert list(extensions(chain, semantics)) == [frozenset({"r2", "c"})]  # type: ignore[arg-type]
        assert sceptical_labels(chain, semantics) == ({"r2", "c"}, {"r1"}, True)  # type: ignore[arg-type]
        assert credulous(chain, semantics) == {"r2", "c"}  # type: ignore[arg-type]
    cycle = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    with pytest.raises(MissingDependencyError, match="pip install clingo"):
        list(extensions(cycle, "preferred"))


def _unreduced(af: Framework, semantics: str) -> set[frozenset[str]]:
    """Every extension from clingo on the whole framework, with no grounded reduction.

    The ASPARTIX encodings (Egly, Gaggl and Woltran 2010), written here apart from argmap's.
    """
    import clingo

    rules = {
        "complete": ":- out(X), not undefended(X).",
        "stable": ":- out(X), not defeated(X).",
        "preferred": ":- out(X), not undefended(X). #heuristic in(X) : arg(X). [1,true]",
    }[semantics]
    facts = "".join(f'arg("{a}").' for a in af.arguments) + "".join(
        f'att("{a}","{b}").' for a, b in af.attacks()
    )
    options = ["--heuristic=Domain", "--enum-mode=domRec"] if semantics == "preferred" else []
    control = clingo.Control([*options, "--models=0", "--warn=none"])
    control.add(
        "base",
        [],
        "in(X) :- arg(X), not out(X). out(X) :- arg(X), not in(X)."
        ":- in(X), in(Y), att(X,Y). defeated(X) :- in(Y), att(Y,X)."
        "undefended(X) :- att(Y,X), not defeated(Y). :- in(X), undefended(X)."
        f"{rules} #show in/1." + facts,
    )
    control.ground([("base", [])])
    found: set[frozenset[str]] = set()
    control.solve(
        on_model=lambda m: found.add(
            frozenset(s.arguments[0].string for s in m.symbols(shown=True))
        )
    )
    return found


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_residual_path_matches_the_unreduced_solver_on_larger_frameworks(semantics: str) -> None:
    """Frameworks too large for brute force: an unattacked fringe settles part of each."""
    rng = random.Random(len(semantics))  # noqa: S311
    for _ in range(40):
        n = rng.randint(20, 40)
        names = [f"x{i}" for i in range(n)]
        attacks = {(rng.choice(names), b) for b in names[n // 5 :] for _ in range(2)}
        af = Framework(names, sorted(attacks))
        assert set(extensions(af, semantics)) == _unreduced(af, semantics), af  # type: ignore[arg-type]
