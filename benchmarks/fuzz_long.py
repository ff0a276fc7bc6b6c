"""The long fuzz run: the CI fuzz property (tests/fuzz/harness.py) for 100k+ inputs per loader.

Hypothesis draws a seed corpus per loader (valid maps in the loader's syntax, generated documents
with hostile raw syntax spliced in, mutants of both); a seeded mutator, the same one the CI tests
drive through hypothesis, then edits corpus entries at random, in the way of a mutation fuzzer
such as atheris or AFL, and adds every mutant that loads as a map back to the corpus. Each input
goes through :func:`harness.exercise`: only ArgmapError may escape a loader, and what loads must
be checked, drawn, and written and read back as native JSON and YAML and in the loader's own
format (equal, or every change named by the writer's FormatLossWarning). Every crash is
recorded and the run goes on; so is every input slower than ``--slow`` seconds.

One process per loader, each resumable: its state (counts, crashes, the corpus, the mutator's
random state) is saved in ``STATE/<loader>.json`` every few hundred inputs, and a run started
again with the same ``--state`` goes on from there. Progress goes to ``STATE/<loader>.log``.

    # one background process per loader in the format table, at low priority:
    .venv/bin/python benchmarks/fuzz_long.py start --state /tmp/fuzz --inputs 100000
    .venv/bin/python benchmarks/fuzz_long.py report --state /tmp/fuzz   # the table, any time
    # or one loader in the foreground:
    .venv/bin/python benchmarks/fuzz_long.py run --state /tmp/fuzz --loader argdown

The report gives, per loader, the inputs tried, how many loaded as maps, the distinct crashes and
slow inputs, and the time per input against a baseline measured in the same run on the same
inputs: the bare parser of the loader's syntax (``json.loads``, ``yaml.safe_load``, ElementTree,
or for Argdown a split into lines), errors ignored. Its figures are in docs/robustness.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "fuzz")]

from harness import LOADERS, RAW, Loader, exercise, inputs, mutate  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

CORPUS_LIMIT = 5_000
"""Mutants that load are added to the corpus up to this many entries..."""
CORPUS_ENTRY_LIMIT = 50_000
"""...of at most this many characters (larger ones are tried, not bred from)."""
SAVE_EVERY = 500
"""Inputs between two saves of the state."""


def corpus(loader: Loader, size: int) -> list[str]:
    """Draw ``size`` inputs for ``loader`` from the CI strategy (generation only)."""
    texts: list[str] = []

    @settings(
        max_examples=size,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(text=inputs(loader))
    def draw(text: str) -> None:
        texts.append(text)

    draw()
    return texts


def _bare(loader: Loader, text: str) -> None:
    with contextlib.suppress(Exception):
        if loader.syntax == "yaml":
            yaml.safe_load(text)
        elif loader.syntax == "json":
            json.loads(text)
        elif loader.syntax == "xml":
            ElementTree.fromstring(text)  # noqa: S314  # the baseline only, on our own inputs
        else:
            text.splitlines()


def _fresh_state(loader: Loader, seeds: int, seed: int) -> dict[str, Any]:
    start = time.perf_counter()
    pool = corpus(loader, seeds)
    return {
        "loader": loader.name,
        "seed": seed,
        "seeds": len(pool),
        "inputs": 0,
        "accepted": 0,
        "corpus_seconds": round(time.perf_counter() - start, 1),
        "seconds": 0.0,
        "run_seconds": 0.0,
        "bare_seconds": 0.0,
        "slowest": [],  # [seconds, first 300 characters], slowest first
        "slowest_input": "",  # the slowest input, whole
        "crashes": {},  # signature -> {count, stage, error, where, input}
        "commit": _commit(),
        "pool": pool,
        "rng": None,
    }


def _commit() -> str:
    try:
        out = subprocess.run(  # noqa: S603  # git, with fixed arguments
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def _save(state: dict[str, Any], path: Path, rng: random.Random) -> None:
    version, internal, gauss = rng.getstate()
    state["rng"] = [version, list(internal), gauss]
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=True))
    os.replace(tmp, path)


def run(
    loader: Loader,
    state_dir: Path,
    *,
    total: int,
    seeds: int,
    seed: int,
    seconds: float,
    slow: float,
) -> dict[str, Any]:
    """Fuzz ``loader`` until ``total`` inputs (counting earlier runs) or ``seconds`` pass."""
    path = state_dir / f"{loader.name}.json"
    state = json.loads(path.read_text()) if path.exists() else _fresh_state(loader, seeds, seed)
    rng = random.Random(seed)  # noqa: S311  # reproducible, not secret
    if state["rng"] is not None:
        version, internal, gauss = state["rng"]
        rng.setstate((version, tuple(internal), gauss))
    pool: list[str] = state["pool"]
    raw = RAW[loader.syntax]
    crashes: dict[str, dict[str, Any]] = state["crashes"]
    began = time.perf_counter()
    seconds_before = state["seconds"]
    last_save = began
    log(loader, f"start at {state['inputs']} inputs, commit {_commit()}")
    while state["inputs"] < total and time.perf_counter() - began < seconds:
        tried = state["inputs"]
        text = pool[tried] if tried < state["seeds"] else mutate(rng.choice(pool), rng, raw=raw)
        state["inputs"] = tried + 1
        t0 = time.perf_counter()
        _bare(loader, text)
        t1 = time.perf_counter()
        outcome = exercise(loader, text)
        took = time.perf_counter() - t1
        state["run_seconds"] += took
        state["bare_seconds"] += t1 - t0
        _note_time(state, loader, text, took, slow)
        if outcome.crash is not None:
            sig = " | ".join(outcome.crash.signature)
            if sig not in crashes:
                crashes[sig] = {
                    "count": 0,
                    "stage": outcome.crash.stage,
                    "error": outcome.crash.error,
                    "where": outcome.crash.where,
                    "input": text[:2000],
                }
                log(loader, f"crash: {sig}: {text[:300]!r}")
            crashes[sig]["count"] += 1
        if outcome.loaded and outcome.crash is None:
            state["accepted"] += 1
            if (
                tried >= state["seeds"]
                and len(pool) < CORPUS_LIMIT
                and len(text) <= CORPUS_ENTRY_LIMIT
            ):
                pool.append(text)
        now = time.perf_counter()
        if state["inputs"] % SAVE_EVERY == 0 or now - last_save > 120:
            state["seconds"] = round(seconds_before + now - began, 1)
            _save(state, path, rng)
            last_save = now
            rate = (state["inputs"] - tried) and state["inputs"] / max(state["seconds"], 1e-9)
            log(
                loader,
                f"{state['inputs']} inputs, {state['accepted']} maps, {len(crashes)} crashes, "
                f"{rate:.1f}/s overall",
            )
    state["seconds"] = round(seconds_before + time.perf_counter() - began, 1)
    _save(state, path, rng)
    log(loader, f"stop at {state['inputs']} inputs")
    return state


def _note_time(state: dict[str, Any], loader: Loader, text: str, took: float, slow: float) -> None:
    """Keep the five slowest inputs' heads, the slowest whole, and log any slow one."""
    if not state["slowest"] or took > state["slowest"][0][0]:
        state["slowest_input"] = text  # whole, to rebuild it
    if took > slow or len(state["slowest"]) < 5 or took > state["slowest"][-1][0]:
        state["slowest"] = sorted([*state["slowest"], [took, text[:300]]], reverse=True)[:5]
        if took > slow:
            log(loader, f"slow input: {took:.1f} s: {text[:200]!r}")


def log(loader: Loader, message: str) -> None:
    stamp = time.strftime("%H:%M:%S", time.gmtime())
    print(f"{stamp} {loader.name}: {message}", flush=True)


def report(state_dir: Path) -> None:
    """Print the table of every loader's state in ``state_dir``."""
    print("| loader | inputs tried | loaded as maps | crashes | ms per input | x bare parser |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    states = []
    for loader in LOADERS:
        path = state_dir / f"{loader.name}.json"
        if path.exists():
            states.append(json.loads(path.read_text()))
    for s in states:
        n = max(s["inputs"], 1)
        ms = 1000 * s["run_seconds"] / n
        ratio = s["run_seconds"] / max(s["bare_seconds"], 1e-9)
        print(
            f"| {s['loader']} | {s['inputs']:,} | {s['accepted']:,} | {len(s['crashes'])} | "
            f"{ms:.1f} | {ratio:.0f} |"
        )
    for s in states:
        print(f"\n{s['loader']}: commit {s['commit']}, {s['seconds']:.0f} s in all")
        for sig, c in s["crashes"].items():
            print(f"  {c['count']}x {sig}\n    {c['error']}\n    input: {c['input'][:300]!r}")
        for took, text in s["slowest"][:3]:
            print(f"  slow: {took:.2f} s: {text[:120]!r}")


def start(args: argparse.Namespace, chosen: list[Loader]) -> None:
    """One background process per loader, at low priority, each logging to its own file."""
    args.state.mkdir(parents=True, exist_ok=True)
    for loader in chosen:
        log_path = args.state / f"{loader.name}.log"
        command = [
            "nice", "-n", str(args.nice), sys.executable, __file__, "run",
            "--state", str(args.state), "--loader", loader.name, "--inputs", str(args.inputs),
            "--seeds", str(args.seeds), "--seed", str(args.seed), "--slow", str(args.slow),
            "--seconds", str(args.seconds),
        ]  # fmt: skip
        with log_path.open("a") as out:
            process = subprocess.Popen(  # noqa: S603  # our own script
                command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        print(f"{loader.name}: pid {process.pid}, log {log_path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("command", choices=["run", "start", "report"])
    parser.add_argument("--state", type=Path, required=True, help="folder of state and logs")
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per loader")
    parser.add_argument("--seeds", type=int, default=500, help="hypothesis-drawn corpus size")
    parser.add_argument("--seed", type=int, default=0, help="the mutator's random seed")
    parser.add_argument("--loader", action="append", help="only these loaders (by name)")
    parser.add_argument("--seconds", type=float, default=float("inf"), help="stop after this")
    parser.add_argument("--slow", type=float, default=5.0, help="log inputs slower than this")
    parser.add_argument("--nice", type=int, default=10, help="niceness of started runs")
    args = parser.parse_args()
    names = [loader.name for loader in LOADERS]
    unknown = set(args.loader or []) - set(names)
    if unknown:
        parser.error(f"unknown loader {sorted(unknown)}; choose from {names}")
    chosen = [loader for loader in LOADERS if not args.loader or loader.name in args.loader]
    if args.command == "report":
        report(args.state)
    elif args.command == "start":
        start(args, chosen)
    else:
        args.state.mkdir(parents=True, exist_ok=True)
        for loader in chosen:
            run(
                loader,
                args.state,
                total=args.inputs,
                seeds=args.seeds,
                seed=args.seed,
                seconds=args.seconds,
                slow=args.slow,
            )


if __name__ == "__main__":
    main()
