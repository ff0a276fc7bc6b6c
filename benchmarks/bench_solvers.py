"""Benchmark argmap's hard tasks (ICCMA's DC, DS, SE, EE, CE) against a plain clingo encoding.

For every framework file in the folders given (``.apx``, ``.tgf``, ``.i23``/``.af``; ICCMA
benchmark instances, which the repository does not hold) and every task asked, it runs

- **argmap**: :func:`argmap.semantics.tasks.solve_task` on the framework read by
  :func:`argmap.semantics.iccma.read_framework` (the grounded pre-reduction, the encodings and
  the counter-example loops of :mod:`argmap.semantics.extensions`);
- **plain**: the ASPARTIX-style encoding written below, Caminada labellings (``in``, ``out``,
  ``undec``, each argument exactly one, IN iff every attacker OUT, OUT iff some attacker IN),
  on the whole framework with no pre-reduction: a constraint on the queried argument for DC and
  DS (sceptical preferred: preferred extensions enumerated with ``--enum-mode=domRec`` until one
  lacks the argument), the domain heuristic for preferred and semi-stable extensions;

and prints the table of ``docs/performance.md``: CPU seconds of each (``time.process_time``,
which counts clingo's threads; the framework's reading is left out of both), their ratio
measured in the same run, and whether the answers agree (decisions, counts, whether an
extension exists, and each extension argmap gives checked against the definitions where that is
polynomial). Where a solution file sits beside an instance (``X.apx.EE-PR`` in the folder or its
``solutions/``), argmap's extensions are checked against it too.

``--translate FILE`` measures instead what the issue asked of a map: the framework in FILE
written as a map (each argument a rebuttal, each attack an attack inference), then
:func:`argmap.semantics.translate.to_framework` of that map against a bare networkx build of the
map's graph (its nodes and edges with their data), and :func:`read_framework` against a bare
networkx build of the framework's own graph.

``--random K`` adds K random frameworks of the issue's hard shape (``--size`` arguments, each
attack present with probability ``--density``, self-attacks included), written as ``.i23`` to
``--write`` (default: a temporary folder).

Run::

    .venv/bin/python benchmarks/bench_solvers.py /work/iccma/afgen --tasks SE-ST,DS-PR,SE-PR
    .venv/bin/python benchmarks/bench_solvers.py --random 3 --size 512 --density 0.3
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import clingo

from argmap.exceptions import EvaluationTimeout
from argmap.semantics.framework import Framework
from argmap.semantics.iccma import format_of, read_framework
from argmap.semantics.tasks import parse_task, solve_task

DEFAULT_TASKS = "SE-ST,DC-ST,DS-ST,SE-PR,DC-PR,DS-PR,SE-CO,DC-CO,CE-ST,SE-SST,SE-STG"

_LABELLING = """\
1 { in(X); out(X); undec(X) } 1 :- arg(X).
:- in(X), att(Y,X), not out(Y).
:- arg(X), not in(X), out(Y) : att(Y,X).
:- out(X), not in(Y) : att(Y,X).
:- in(Y), att(Y,X), not out(X).
"""
_CONFLICT_FREE_LABELLING = """\
1 { in(X); out(X); undec(X) } 1 :- arg(X).
:- in(X), in(Y), att(X,Y).
:- out(X), not in(Y) : att(Y,X).
:- in(Y), att(Y,X), not out(X).
"""
PLAIN = {
    "complete": _LABELLING,
    "stable": _LABELLING + ":- undec(X).\n",
    "preferred": _LABELLING + "#heuristic in(X) : arg(X). [1,true]\n",
    "semi-stable": _LABELLING + "#heuristic undec(X) : arg(X). [1,false]\n",
    "stage": _CONFLICT_FREE_LABELLING + "#heuristic undec(X) : arg(X). [1,false]\n",
}
_HEURISTIC = ("preferred", "semi-stable", "stage")


class PlainTimeout(Exception):
    """The plain encoding ran out of time."""


def facts(af: Framework) -> str:
    index = af.index
    return "".join(f"arg({i}).\n" for i in range(len(af))) + "".join(
        f"att({index[a]},{index[b]}).\n" for a, b in af.attacks()
    )


def plain_solve(
    program: str, *, heuristic: bool, models: int, mode: str, timeout: float
) -> list[set[int]] | int:
    """Run clingo on ``program``; return the models' ``in`` sets (or their count when
    ``models`` is -1), stopping at the timeout."""
    options = ["--warn=none", f"--models={max(models, 0)}", f"--enum-mode={mode}"]
    if heuristic:
        options.append("--heuristic=Domain")
    control = clingo.Control(options)
    control.add("base", [], program + "#show in/1.\n")
    control.ground([("base", [])])
    found: list[set[int]] = []
    counted = 0

    def on_model(model: Any) -> None:
        nonlocal counted
        counted += 1
        if models != -1:
            found.append({s.arguments[0].number for s in model.symbols(shown=True)})

    deadline = time.monotonic() + timeout
    with control.solve(on_model=on_model, async_=True) as handle:
        while not handle.wait(0.05):
            if time.monotonic() > deadline:
                handle.cancel()
                raise PlainTimeout
    return counted if models == -1 else found


def plain(af: Framework, kind: str, semantics: str, argument: str | None, timeout: float) -> Any:
    """The plain encoding's answer: a bool (DC, DS), an extension or None (SE), a count (CE),
    a list of extensions (EE)."""
    text = facts(af)
    program = PLAIN[semantics] + text
    heuristic = semantics in _HEURISTIC
    domrec = "domRec" if heuristic else "auto"
    names = af.arguments
    if kind in ("DC", "DS"):
        k = af.index[argument or ""]
        if semantics == "preferred" and kind == "DS":
            start = time.monotonic()
            options = ["--warn=none", "--models=0", "--enum-mode=domRec", "--heuristic=Domain"]
            control = clingo.Control(options)
            control.add("base", [], program + "#show in/1.\n")
            control.ground([("base", [])])
            with control.solve(yield_=True, async_=True) as handle:
                while True:
                    handle.resume()
                    while not handle.wait(0.05):
                        if time.monotonic() - start > timeout:
                            handle.cancel()
                            raise PlainTimeout
                    model = handle.model()
                    if model is None:
                        return True
                    if k not in {s.arguments[0].number for s in model.symbols(shown=True)}:
                        return False
        constraint = f":- not in({k}).\n" if kind == "DC" else f":- in({k}).\n"
        if semantics in ("semi-stable", "stage"):
            raise NotImplementedError("the plain encoding decides DC and DS for CO, PR and ST")
        found = plain_solve(
            program + constraint, heuristic=False, models=1, mode="auto", timeout=timeout
        )
        return bool(found) if kind == "DC" else not found
    if kind == "SE":
        found = plain_solve(program, heuristic=heuristic, models=1, mode=domrec, timeout=timeout)
        assert isinstance(found, list)
        return frozenset(names[i] for i in found[0]) if found else None
    if kind == "CE":
        return plain_solve(program, heuristic=heuristic, models=-1, mode=domrec, timeout=timeout)
    found = plain_solve(program, heuristic=heuristic, models=0, mode=domrec, timeout=timeout)
    assert isinstance(found, list)
    return [frozenset(names[i] for i in e) for e in found]


def is_extension(af: Framework, extension: frozenset[str], semantics: str) -> bool | None:
    """Check ``extension`` against the definitions where that is polynomial (None: not checked)."""
    attacked = {t for a in extension for t in af.attacked_by(a)}
    if attacked & extension:
        return False
    if semantics == "stable":
        return attacked | extension == set(af.arguments)
    defended = {
        a for a in af.arguments if all(b in attacked for b in af.attackers(a))
    }  # what the set defends
    if not extension <= defended:
        return False
    if semantics == "complete":
        return defended <= extension
    return None if semantics != "preferred" else (defended <= extension or None)


def read_solution(path: Path) -> list[frozenset[str]] | None:
    if not path.is_file():
        return None
    text = path.read_text()
    return [
        frozenset(x.strip() for x in m.group(1).split(",") if x.strip())
        for m in re.finditer(r"\[([^\[\]]*)\]", text)
    ]


def solution_for(instance: Path, task: str) -> list[frozenset[str]] | None:
    for folder in (instance.parent, instance.parent / "solutions"):
        found = read_solution(folder / f"{instance.name}.{task}")
        if found is not None:
            return found
    return None


def random_framework(n: int, density: float, seed: int) -> Framework:
    rng = random.Random(seed)  # noqa: S311 - not cryptography
    pairs = [(a, b) for a in range(n) for b in range(n) if rng.random() < density]
    return Framework.from_indices(n, pairs, names=[str(i + 1) for i in range(n)])


def write_i23(af: Framework, path: Path) -> None:
    index = af.index
    lines = [f"p af {len(af)}"]
    lines += [f"{index[a] + 1} {index[b] + 1}" for a, b in af.attacks()]
    path.write_text("\n".join(lines) + "\n")


def queries(af: Framework, count: int) -> list[str]:
    """Deterministic query arguments: spread evenly over the file's order."""
    n = len(af)
    if n == 0:
        return []
    picks = sorted({(n - 1) * q // max(count - 1, 1) for q in range(count)})
    return [af.arguments[i] for i in picks]


def timed(call: Any) -> tuple[Any, float, bool]:
    start = time.process_time()
    try:
        result = call()
        timed_out = False
    except (EvaluationTimeout, PlainTimeout):
        result = None
        timed_out = True
    return result, time.process_time() - start, timed_out


def agree(af: Framework, kind: str, semantics: str, mine: Any, theirs: Any) -> str:
    if kind in ("DC", "DS", "CE"):
        return "yes" if mine == theirs else "NO"
    if kind == "SE":
        if (mine is None) != (theirs is None):
            return "NO"
        if mine is None:
            return "yes"
        valid = is_extension(af, mine, semantics)
        return "NO" if valid is False else "yes"
    return "yes" if set(mine) == set(theirs) else "NO"


def run(args: argparse.Namespace) -> int:  # noqa: PLR0915 - one table, one loop
    paths: list[Path] = []
    for folder in args.folders:
        root = Path(folder)
        found = [root] if root.is_file() else sorted(p for p in root.rglob("*") if format_of(p))
        paths.extend(found)
    if args.random:
        out = Path(args.write or tempfile.mkdtemp(prefix="argmap-random-"))
        out.mkdir(parents=True, exist_ok=True)
        for k in range(args.random):
            path = out / f"random-n{args.size}-p{args.density}-s{args.seed + k}.i23"
            if not path.exists():
                write_i23(random_framework(args.size, args.density, args.seed + k), path)
            paths.append(path)
    if args.max_size:
        paths = [p for p in paths if p.stat().st_size <= args.max_size]
    tasks = [parse_task(t) for t in args.tasks.split(",")]
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, clingo {clingo.__version__}; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; timeout {args.timeout:g} s per query"
    )
    print()
    print(
        "| instance (arguments, attacks) | task | argmap CPU (s) | plain CPU (s) | ratio | agree |"
    )
    print("| --- | --- | ---: | ---: | ---: | --- |")
    totals = [0.0, 0.0]
    disagreements = 0
    for path in paths:
        try:
            af = read_framework(path)
        except Exception as error:  # report and go on to the next file
            print(f"| {path.name} | - | unreadable: {error} | | | |")
            continue
        label = f"{path.name} ({len(af):,}, {af.number_of_attacks():,})"
        for kind, semantics in tasks:
            asked = queries(af, args.queries) if kind in ("DC", "DS") else [None]
            cpu = [0.0, 0.0]
            out = [False, False]
            verdicts: list[str] = []
            for argument in asked:
                mine, mine_cpu, mine_out = timed(
                    partial(
                        solve_task, af, kind, semantics, argument=argument, timeout=args.timeout
                    )
                )
                try:
                    theirs, theirs_cpu, theirs_out = timed(
                        partial(plain, af, kind, semantics, argument, args.timeout)
                    )
                except NotImplementedError:
                    theirs, theirs_cpu, theirs_out = None, float("nan"), False
                cpu[0] += mine_cpu
                cpu[1] += theirs_cpu
                out[0] |= mine_out
                out[1] |= theirs_out
                if mine is None or theirs is None:
                    verdicts.append("-")
                    continue
                value = {
                    "DC": mine.accepted,
                    "DS": mine.accepted,
                    "SE": mine.extension,
                    "CE": mine.count,
                    "EE": mine.extensions,
                }[kind]
                verdicts.append(agree(af, kind, semantics, value, theirs))
                solution = solution_for(path, mine.name)
                if kind == "EE" and solution is not None:
                    verdicts.append("yes" if set(solution) == set(mine.extensions) else "NO")
            verdict = "NO" if "NO" in verdicts else "yes" if "yes" in verdicts else "-"
            disagreements += verdict == "NO"
            mark = [">" if o else "" for o in out]
            ratio = cpu[0] / cpu[1] if cpu[1] > 0 and not any(out) else float("nan")
            totals[0] += cpu[0]
            totals[1] += cpu[1]
            print(
                f"| {label} | {kind}-{_abbreviation(semantics)}"
                f"{f' ({len(asked)} queries)' if len(asked) > 1 else ''} "
                f"| {mark[0]}{cpu[0]:.2f} | {mark[1]}{cpu[1]:.2f} | {ratio:.2f} | {verdict} |",
                flush=True,
            )
    if totals[1] > 0:
        print(
            f"\ntotal CPU: argmap {totals[0]:.1f} s, plain {totals[1]:.1f} s, "
            f"ratio {totals[0] / totals[1]:.2f}; disagreements: {disagreements}"
        )
    return 1 if disagreements else 0


def _abbreviation(semantics: str) -> str:
    return {
        "grounded": "GR",
        "complete": "CO",
        "preferred": "PR",
        "stable": "ST",
        "semi-stable": "SST",
        "stage": "STG",
    }[semantics]


def translation(path: Path) -> None:
    """Print the translation's and the reader's cost against bare networkx builds."""
    import networkx as nx  # noqa: PLC0415 - only this measurement needs it

    from argmap import ArgumentMap  # noqa: PLC0415
    from argmap.semantics.translate import to_framework  # noqa: PLC0415

    start = time.process_time()
    af = read_framework(path)
    reading = time.process_time() - start
    start = time.process_time()
    bare = nx.DiGraph()
    bare.add_nodes_from(af.arguments)
    bare.add_edges_from(af.attacks())
    bare_af = time.process_time() - start
    m = ArgumentMap()
    for a in af.arguments:
        m.rebuttal(f"r{a}", f"Argument {a}.")
    for i, (a, b) in enumerate(af.attacks()):
        m.attack(f"r{a}", f"r{b}", id=f"x{i}")
    graph = m.graph
    start = time.process_time()
    translated = to_framework(m)
    translating = time.process_time() - start
    start = time.process_time()
    copy = nx.DiGraph()
    copy.add_nodes_from(graph.nodes(data=True))
    copy.add_edges_from(graph.edges(data=True))
    bare_map = time.process_time() - start
    print(f"{path.name}: {len(af):,} arguments, {af.number_of_attacks():,} attacks")
    print(
        f"read_framework {reading:.3f} s; networkx build of the framework {bare_af:.3f} s; "
        f"ratio {reading / bare_af:.2f}"
    )
    print(
        f"to_framework of the map ({graph.number_of_nodes():,} nodes, "
        f"{graph.number_of_edges():,} edges -> {len(translated):,} arguments, "
        f"{translated.number_of_attacks():,} attacks) {translating:.3f} s; networkx build of "
        f"the map's graph {bare_map:.3f} s; ratio {translating / bare_map:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="folders (or files) of framework files")
    parser.add_argument("--tasks", default=DEFAULT_TASKS, help="comma-separated ICCMA tasks")
    parser.add_argument("--queries", type=int, default=3, help="arguments asked per DC/DS task")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per query")
    parser.add_argument("--random", type=int, default=0, help="random frameworks to add")
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--density", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", help="folder for the random frameworks")
    parser.add_argument("--max-size", type=int, default=0, help="skip files larger (bytes)")
    parser.add_argument("--translate", help="measure reading and translation on this file")
    args = parser.parse_args()
    if args.translate:
        translation(Path(args.translate))
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
