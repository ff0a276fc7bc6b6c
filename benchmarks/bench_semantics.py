"""Benchmark argmap.semantics: grounded labelling, Dung extensions, DF-QuAD and QE strengths.

Figures are printed as ratios against baselines measured in the same run:

- grounded labelling of random frameworks (each argument attacks 2 random arguments) against a
  bare dict-based linear fixpoint written below (target: at most 2x);
- ``evaluate(m, "grounded")`` and ``evaluate(m)`` (evidential) on the same kind of framework
  written as a map (100,000 premises, each attacking 2 random ones through attack nodes), the
  translation from the map included, in CPU time against the bare fixpoint over the same attacks
  (target: at most 2x); the map built from its models, read from AIF, and built through the
  API with the attacks added in random order;
- the same against python-argumentation's ``get_grounded_extension`` (if installed) at small
  sizes (target: at least 1000x faster);
- one preferred (complete, stable) extension of a random framework: argmap's path (the grounded
  labelling, then clingo on what it leaves UNDEC) against the whole framework handed to clingo
  with the ASPARTIX encoding (argmap's path before), and the same on a framework with no
  unattacked argument, where the reduction cannot help;
- DF-QuAD and QE on a random map of statements (a support tree with rebuttals): time per
  statement, and the ratio against a bare dict-based forward propagation of DF-QuAD;
- Carneades on a chain and a star of supports: the event-driven run against the sweep it
  replaced (quadratic; kept as the tests' oracle), and against grounded on the same map.

Run: ``.venv/bin/python benchmarks/bench_semantics.py`` (add ``--pyarg-sizes 1000 10000`` for
the slow comparison; python-argumentation took 564 s at 10k arguments on the project's machine).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from argmap import ArgumentMap, Claim, Premise, Rebuttal, Support
from argmap import Attack as AttackNode
from argmap.semantics.evaluate import evaluate
from argmap.semantics.extensions import extensions
from argmap.semantics.framework import Framework
from argmap.semantics.gradual import strengths
from argmap.semantics.grounded import grounded_codes
from argmap.semantics.translate import to_framework


def random_pairs(n: int, per_argument: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)  # noqa: S311 - not cryptography
    return [(a, rng.randrange(n)) for a in range(n) for _ in range(per_argument)]


def bare_fixpoint(
    arguments: list[str], attacked: dict[str, list[str]], attackers: dict[str, list[str]]
) -> dict[str, str]:
    """The baseline: the grounded fixpoint over plain dicts, written as simply as possible."""
    label: dict[str, str] = {}
    remaining = {a: len(attackers[a]) for a in arguments}
    queue = [a for a in arguments if remaining[a] == 0]
    while queue:
        a = queue.pop()
        label[a] = "in"
        for b in attacked[a]:
            if b not in label:
                label[b] = "out"
                for c in attacked[b]:
                    remaining[c] -= 1
                    if remaining[c] == 0 and c not in label:
                        queue.append(c)
    return label


def best_of(repeat: int, func: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def bench_grounded(sizes: list[int], repeat: int) -> None:
    print("grounded labelling, random frameworks with 2 attacks per argument")
    header = ("arguments", "argmap (s)", "bare dict (s)", "ratio", "build (s)")
    print(f"{header[0]:>10} {header[1]:>11} {header[2]:>14} {header[3]:>6} {header[4]:>10}")
    for n in sizes:
        _grounded_row(n, repeat)


def _grounded_row(n: int, repeat: int) -> None:
    pairs = random_pairs(n, 2, seed=n)
    names = [str(i) for i in range(n)]
    build, af = best_of(1, lambda: Framework(names, [(names[a], names[b]) for a, b in pairs]))
    attacked: dict[str, list[str]] = {a: [] for a in names}
    attackers: dict[str, list[str]] = {a: [] for a in names}
    for a, b in set(pairs):
        attacked[names[a]].append(names[b])
        attackers[names[b]].append(names[a])
    ours, codes = best_of(repeat, lambda: grounded_codes(af))
    theirs, labels = best_of(repeat, lambda: bare_fixpoint(names, attacked, attackers))
    assert sum(c == 1 for c in codes) == sum(v == "in" for v in labels.values())
    print(f"{n:>10,} {ours:>11.3f} {theirs:>14.3f} {ours / theirs:>6.2f} {build:>10.3f}")


def cpu_best(repeat: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """The least CPU time (time.process_time) of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        result = func()
        best = min(best, time.process_time() - start)
    return best, result


def attack_map(n: int, seed: int) -> tuple[ArgumentMap, list[tuple[int, int]]]:
    """n premises ``a0..``, each attacking 2 random ones (self-attacks included) through an
    attack node with one premise: a Dung framework written as a map."""
    pairs = sorted(set(random_pairs(n, 2, seed=seed)))
    nodes: list[Any] = [Premise(id=f"a{i}", text="A.") for i in range(n)]
    nodes += [
        AttackNode(id=f"x{k}", premises=[f"a{a}"], target=f"a{b}") for k, (a, b) in enumerate(pairs)
    ]
    return ArgumentMap(nodes=nodes), pairs


def shuffled_attack_map(n: int, pairs: list[tuple[int, int]], seed: int) -> ArgumentMap:
    """The same framework built through the API (``m.premise``, ``m.attack``), the attacks added
    in random order: no premise's attacks are together, as when a user adds them as found."""
    shuffled = list(enumerate(pairs))
    random.Random(seed).shuffle(shuffled)  # noqa: S311 - not cryptography
    m = ArgumentMap()
    for i in range(n):
        m.premise(f"a{i}", "A.")
    for k, (a, b) in shuffled:
        m.attack(f"a{a}", f"a{b}", id=f"x{k}")
    return m


def bench_evaluate(n: int, repeat: int) -> None:
    """evaluate() on a framework written as a map, translation included, against the bare
    fixpoint over the same attacks; CPU time, both measured in this run, interleaved: each
    repeat times the bare fixpoint then each route, and the ratio is that repeat's. The
    median ratio is the figure (the machine is shared; the least times are shown beside).

    Three routes to the same framework: the map built from its models (``attack_map``), the
    same map written as AIF and read back (``argmap.io.aif``), and the map built through the
    API with the attacks added in random order."""
    from argmap.io.aif import dumps as dump_aif  # noqa: PLC0415
    from argmap.io.aif import loads as load_aif  # noqa: PLC0415

    m, pairs = attack_map(n, seed=n)
    routes = {
        "models": m,
        "AIF": load_aif(dump_aif(m)),
        "API, random order": shuffled_attack_map(n, pairs, seed=n),
    }
    names = [f"a{i}" for i in range(n)]
    attacked: dict[str, list[str]] = {a: [] for a in names}
    attackers: dict[str, list[str]] = {a: [] for a in names}
    for a, b in pairs:
        attacked[names[a]].append(names[b])
        attackers[names[b]].append(names[a])
    print(
        f"\nevaluate() on a map of {n:,} premises and {len(pairs):,} attacks "
        f"(CPU s, translation included; {repeat} interleaved repeats)"
    )
    bare_times: list[float] = []
    runs = [("grounded", "models"), ("evidential", "models"), ("grounded", "AIF")]
    runs.append(("grounded", "API, random order"))
    times: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    for _ in range(repeat):
        theirs, bare = cpu_best(1, lambda: bare_fixpoint(names, attacked, attackers))
        bare_times.append(theirs)
        for (semantics, route), spent in times.items():
            ours, lab = cpu_best(1, lambda s=semantics, r=route: evaluate(routes[r], s))
            if semantics == "grounded":
                assert all(lab[x] == bare.get(x, "undec") for x in names)
            spent.append(ours)
    print(f"  bare dict fixpoint over the same attacks: least {min(bare_times):.3f}")
    for (semantics, route), spent in times.items():
        ratios = sorted(o / b for o, b in zip(spent, bare_times, strict=True))
        print(
            f"  evaluate(m, {semantics!r}), map from {route}: least {min(spent):.3f}; ratio "
            f"median {statistics.median(ratios):.2f} (from {ratios[0]:.2f} to {ratios[-1]:.2f})"
        )


def bench_pyarg(sizes: list[int]) -> None:
    try:
        from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (  # noqa: PLC0415
            AbstractArgumentationFramework,
        )
        from py_arg.abstract_argumentation_classes.argument import Argument  # noqa: PLC0415
        from py_arg.abstract_argumentation_classes.defeat import Defeat  # noqa: PLC0415
        from py_arg.algorithms.semantics.get_grounded_extension import (  # noqa: PLC0415
            get_grounded_extension,
        )
    except ImportError:
        print("python-argumentation is not installed: pip install python-argumentation")
        return
    print("\ngrounded extension against python-argumentation")
    print(f"{'arguments':>10} {'argmap (s)':>11} {'py_arg (s)':>11} {'argmap faster by':>17}")
    for n in sizes:
        pairs = sorted(set(random_pairs(n, 2, seed=n)))
        names = [str(i) for i in range(n)]
        af = Framework(names, [(names[a], names[b]) for a, b in pairs])
        args = [Argument(x) for x in names]
        theirs_af = AbstractArgumentationFramework(
            "bench", args, [Defeat(args[a], args[b]) for a, b in pairs]
        )
        ours, codes = best_of(3, lambda af=af: grounded_codes(af))
        theirs, extension = best_of(1, lambda t=theirs_af: get_grounded_extension(t))
        assert {names[i] for i, c in enumerate(codes) if c == 1} == {a.name for a in extension}
        print(f"{n:>10,} {ours:>11.4f} {theirs:>11.2f} {theirs / ours:>16,.0f}x")


ASPARTIX = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
#show in/1.
"""
_RULES = {
    "complete": ":- out(X), not undefended(X).\n",
    "stable": ":- out(X), not defeated(X).\n",
    "preferred": ":- out(X), not undefended(X).\n#heuristic in(X) : arg(X). [1,true]\n",
}


def unreduced_first(af: Framework, semantics: str) -> int | None:
    """The baseline: the whole framework to clingo, ASPARTIX encoding, no grounded reduction.

    This was argmap's own path before the reduction; returns the first extension's size.
    """
    import clingo  # noqa: PLC0415

    facts = f"arg(0..{len(af) - 1}).\n" + "".join(
        f"att({i},{j}).\n" for i, targets in enumerate(af._attacked) for j in targets
    )
    options = ["--heuristic=Domain", "--enum-mode=domRec"] if semantics == "preferred" else []
    control = clingo.Control([*options, "--models=1", "--warn=none"])
    control.add("base", [], ASPARTIX + _RULES[semantics] + facts)
    control.ground([("base", [])])
    with control.solve(yield_=True) as handle:
        for model in handle:
            return len(model.symbols(shown=True))
    return None


def timed(func: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall-clock and this process's CPU seconds (clingo solves in this process)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def bench_dung(n: int, *, hard: int) -> None:
    """One extension per semantics: argmap (grounded labelling, then clingo on the residual)
    against the whole framework handed to clingo; then a framework with no unattacked argument,
    where the grounded labelling settles nothing and both paths do the same work."""
    print(f"\none extension through clingo, random framework of {n:,} arguments (2 attacks each)")
    af = Framework.from_indices(n, sorted(set(random_pairs(n, 2, seed=7))))
    _dung_rows(af, ("preferred", "complete", "stable"))
    if hard:
        rng = random.Random(11)  # noqa: S311 - not cryptography
        pairs = {(rng.randrange(hard), b) for b in range(hard) for _ in range(2)}
        print(f"\nno unattacked argument ({hard:,} arguments, each attacked twice at random)")
        _dung_rows(Framework.from_indices(hard, sorted(pairs)), ("complete",))


def _dung_rows(af: Framework, semantics: tuple[str, ...]) -> None:
    wall, cpu, codes = timed(lambda: grounded_codes(af))
    undec = sum(c == 0 for c in codes)
    print(
        f"  grounded labelling: {wall:.2f} s wall, {cpu:.2f} s CPU; {undec:,} arguments left UNDEC"
    )
    header = ("semantics", "argmap wall/CPU (s)", "whole AF wall/CPU (s)", "CPU ratio", "IN")
    print(f"  {header[0]:>9} {header[1]:>20} {header[2]:>22} {header[3]:>9} {header[4]:>8}")
    for name in semantics:
        ours = timed(lambda name=name: next(extensions(af, name, limit=1), None))  # type: ignore[arg-type]
        theirs = timed(lambda name=name: unreduced_first(af, name))
        size = None if ours[2] is None else len(ours[2])
        # several preferred extensions may exist, and each path may find a different one first
        assert (size is None) == (theirs[2] is None), (name, size, theirs[2])
        print(
            f"  {name:>9} {ours[0]:>9.2f} / {ours[1]:<8.2f} {theirs[0]:>11.2f} / {theirs[1]:<8.2f}"
            f" {ours[1] / theirs[1]:>9.3f} {'none' if size is None else f'{size:,}':>8}"
        )


def choice_map(n: int, pairs: int, seed: int) -> ArgumentMap:
    """n premises attacking later ones at random (the grounded labelling settles them), and
    ``pairs`` pairs of rebuttals that attack each other and 3 premises each: 2**pairs preferred
    and stable extensions, the rest of the map following each choice."""
    rng = random.Random(seed)  # noqa: S311 - not cryptography
    m = ArgumentMap()
    for i in range(n):
        m.premise(f"a{i}", "A.")
    for i in range(n - 1):
        m.attack(f"a{i}", f"a{rng.randrange(i + 1, n)}", id=f"x{i}")
    for k in range(pairs):
        m.rebuttal(f"p{k}", "P."), m.rebuttal(f"q{k}", "Q.")
        m.attack(f"p{k}", f"q{k}", id=f"pq{k}"), m.attack(f"q{k}", f"p{k}", id=f"qp{k}")
        for j in range(3):
            m.attack(f"{'pq'[j % 2]}{k}", f"a{rng.randrange(n)}", id=f"r{k}_{j}")
    return m


def bench_evaluate_dung(n: int, pairs: int) -> None:
    """evaluate() under complete, preferred and stable semantics against one listing of the
    extensions (translation, grounded labelling and clingo included): what the labels cannot
    do without. CPU time (clingo runs in this process), both in this run."""
    m = choice_map(n, pairs, seed=n)
    print(
        f"\nevaluate() under Dung's multi-extension semantics, {n:,} premises and {pairs} "
        f"mutual rebuttals ({2**pairs} preferred extensions); CPU s"
    )
    print(f"  {'semantics':>9} {'evaluate':>9} {'one listing':>12} {'ratio':>6}")
    for name in ("complete", "preferred", "stable"):
        limit = 2**pairs if name != "complete" else 100
        ours = cpu_best(3, lambda n=name, k=limit: evaluate(m, n, max_extensions=k))[0]
        floor = cpu_best(
            3,
            lambda n=name, k=limit: list(
                extensions(to_framework(m), n, limit=k + 1)  # type: ignore[arg-type]
            ),
        )[0]
        print(f"  {name:>9} {ours:>9.3f} {floor:>12.3f} {ours / floor:>6.2f}")


def random_map(n: int, seed: int) -> ArgumentMap:
    """n statements: a support tree of claims and premises, with a rebuttal on every 10th."""
    rng = random.Random(seed)  # noqa: S311 - not cryptography
    nodes: list[Any] = [Claim(id="s0", text="Root.")]
    for i in range(1, n):
        kind = Rebuttal if i % 10 == 0 else (Claim if i % 3 else Premise)
        nodes.append(kind(id=f"s{i}", text="S."))
        parent = f"s{rng.randrange(max(1, i - 50), i)}" if i > 1 else "s0"
        if kind is Rebuttal:
            nodes.append(AttackNode(id=f"i{i}", premises=[f"s{i}"], target=parent))
        else:
            nodes.append(Support(id=f"i{i}", premises=[f"s{i}"], conclusion=parent))
    return ArgumentMap(nodes=nodes, central="s0")


def bare_dfquad(m: ArgumentMap) -> dict[str, float]:
    """The baseline: DF-QuAD by forward propagation over plain dicts of node ids (Kahn's order),
    written as simply as possible, for acyclic maps of single-premise inferences."""
    base = {n.id: (0.5 if n.weight is None else n.weight) for n in m.statements()}
    inferences = list(m.inferences())
    waiting = dict.fromkeys(base, 0)
    into: dict[str, list[Any]] = {x: [] for x in base}
    used: dict[str, list[Any]] = {x: [] for x in base}
    for i in inferences:
        waiting[i.target] += 1
        into[i.target].append(i)
        used[i.premises[0]].append(i)
    strength: dict[str, float] = {}
    ready = [x for x, k in waiting.items() if k == 0]
    while ready:
        x = ready.pop()
        attack, support = 1.0, 1.0
        for i in into[x]:
            if i.kind == "attack":
                attack *= 1.0 - strength[i.premises[0]]
            else:
                support *= 1.0 - strength[i.premises[0]]
        va, vs, t = 1.0 - attack, 1.0 - support, base[x]
        strength[x] = t - t * (va - vs) if va >= vs else t + (1.0 - t) * (vs - va)
        for i in used[x]:
            waiting[i.target] -= 1
            if not waiting[i.target]:
                ready.append(i.target)
    return strength


def bench_gradual(n: int) -> None:
    m = random_map(n, seed=3)
    print(f"\ngradual semantics on {n:,} statements ({len(m.nodes()):,} nodes with the inferences)")
    base_wall, base_cpu, bare = min((timed(lambda: bare_dfquad(m)) for _ in range(2)), key=_cpu)
    print(f"  bare dict DF-QuAD propagation: {base_wall:.2f} s wall, {base_cpu:.2f} s CPU")
    for name in ("dfquad", "qe"):
        wall, cpu, result = min(
            (timed(lambda name=name: strengths(m, name)) for _ in range(2)), key=_cpu
        )
        if name == "dfquad":
            assert all(abs(result[x] - v) < 1e-9 for x, v in bare.items())
        print(
            f"  {name:>6}: {wall:.2f} s wall, {cpu:.2f} s CPU, {cpu / n * 1e6:.1f} µs CPU per "
            f"statement; CPU ratio to the bare propagation {cpu / base_cpu:.2f}"
        )


def bench_carneades(sizes: list[int]) -> None:
    """Carneades labels of a support chain (c <- p1 <- ... <- case) and a star (n cases for one
    claim): the event-driven run against the sweep it replaced (tests/semantics/
    carneades_oracle.py), and grounded on the same map; CPU time, one run each, this run."""
    import sys  # noqa: PLC0415  # the oracle lives with the tests
    from pathlib import Path  # noqa: PLC0415

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.semantics.carneades_oracle import carneades_labels_before  # noqa: PLC0415
    from tests.semantics.test_carneades import _chain, _star  # noqa: PLC0415

    print("\ncarneades: event-driven run against the sweep it replaced (CPU s)")
    header = ("shape", "n", "before", "now", "before/now", "grounded", "now/grounded")
    print(
        f"{header[0]:>6} {header[1]:>6} {header[2]:>8} {header[3]:>8} {header[4]:>10} "
        f"{header[5]:>9} {header[6]:>12}"
    )
    for shape in (_chain, _star):
        for n in sizes:
            m = shape(n)
            before, old = cpu_best(1, lambda m=m: carneades_labels_before(m))
            now, lab = cpu_best(3, lambda m=m: evaluate(m, "carneades"))
            assert lab.labels == old[0]
            grounded, _ = cpu_best(3, lambda m=m: evaluate(m, "grounded"))
            print(
                f"{shape.__name__[1:]:>6} {n:>6} {before:>8.3f} {now:>8.4f} "
                f"{before / now:>10.0f} {grounded:>9.4f} {now / grounded:>12.1f}"
            )


def _cpu(measured: tuple[float, float, Any]) -> float:
    return measured[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--pyarg-sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--preferred", type=int, default=100_000)
    parser.add_argument("--hard", type=int, default=20_000)
    parser.add_argument("--dfquad", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--evaluate", type=int, default=100_000)
    parser.add_argument("--choices", type=int, default=10_000)
    parser.add_argument("--carneades", type=int, nargs="*", default=[1000, 2000, 4000])
    args = parser.parse_args()
    if args.sizes:
        bench_grounded(args.sizes, args.repeat)
    if args.evaluate:
        bench_evaluate(args.evaluate, args.repeat)
    if args.pyarg_sizes:
        bench_pyarg(args.pyarg_sizes)
    if args.preferred:
        bench_dung(args.preferred, hard=args.hard)
    if args.choices:
        bench_evaluate_dung(args.choices, pairs=5)
    if args.dfquad:
        bench_gradual(args.dfquad)
    if args.carneades:
        bench_carneades(args.carneades)


if __name__ == "__main__":
    main()
