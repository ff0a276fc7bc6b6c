"""The long fuzz run: the CI fuzz property (tests/fuzz/harness.py) for 100k+ inputs per loader.

Hypothesis draws a seed corpus per loader (valid maps in the loader's syntax, generated documents
with hostile raw syntax spliced in, mutants of both); a seeded mutator, the same one the CI tests
drive through hypothesis, then edits corpus entries at random, in the way of a mutation fuzzer
such as atheris or AFL, and adds every mutant that loads as a map back to the corpus. Each input
goes through :func:`harness.exercise`: only ArgmapError may escape a loader, and what loads must
be checked, drawn and round-tripped. Every crash is recorded and the run goes on.

Per loader it prints the inputs tried, how many loaded as maps, the distinct crashes, and the
rate against a baseline measured in the same run: the bare parser (json.loads or yaml.safe_load)
on the same inputs, errors ignored.

Run: .venv/bin/python benchmarks/fuzz_long.py --inputs 100000 [--loader native-yaml] [--out f]
Its figures are in docs/robustness.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "fuzz")]

from harness import (  # noqa: E402
    LOADERS,
    RAW_JSON,
    RAW_YAML,
    Crash,
    Loader,
    exercise,
    inputs,
    mutate,
)
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

CORPUS_LIMIT = 5_000


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
        if loader.name == "native-yaml":
            yaml.safe_load(text)
        else:
            json.loads(text)


def fuzz(
    loader: Loader, total: int, *, seeds: int, seed: int, seconds: float, progress: bool
) -> dict[str, object]:
    rng = random.Random(seed)  # noqa: S311  # reproducible, not secret
    raw = RAW_YAML if loader.name == "native-yaml" else RAW_JSON
    start = time.perf_counter()
    pool = corpus(loader, seeds)
    corpus_seconds = time.perf_counter() - start
    tried = accepted = 0
    slowest = (0.0, "")
    bare_seconds = run_seconds = 0.0
    crashes: dict[tuple[str, str, str, str], Crash] = {}
    counts: dict[tuple[str, str, str, str], int] = {}
    while tried < total and time.perf_counter() - start < seconds:
        text = pool[tried] if tried < len(pool) else mutate(rng.choice(pool), rng, raw=raw)
        tried += 1
        t0 = time.perf_counter()
        _bare(loader, text)
        t1 = time.perf_counter()
        crash = exercise(loader, text)
        took = time.perf_counter() - t1
        run_seconds += took
        bare_seconds += t1 - t0
        if took > slowest[0]:
            slowest = (took, text)
        if crash is not None:
            counts[crash.signature] = counts.get(crash.signature, 0) + 1
            crashes.setdefault(crash.signature, crash)
        elif _loads(loader, text):
            accepted += 1
            if tried > len(pool) and len(pool) < CORPUS_LIMIT:
                pool.append(text)
        if progress and tried % 1_000 == 0:
            rate = tried / (time.perf_counter() - start)
            print(
                f"  {loader.name}: {tried} inputs, {accepted} maps, {len(crashes)} crashes, "
                f"{rate:.0f}/s",
                file=sys.stderr,
                flush=True,
            )
    return {
        "loader": loader.name,
        "inputs": tried,
        "accepted": accepted,
        "corpus_seconds": round(corpus_seconds, 1),
        "seconds": round(time.perf_counter() - start, 1),
        "ms_per_input": round(1000 * run_seconds / tried, 3),
        "bare_ms_per_input": round(1000 * bare_seconds / tried, 3),
        "slowest_ms": round(1000 * slowest[0], 1),
        "slowest_input": slowest[1][:300],
        "crashes": [
            {
                "count": counts[sig],
                "stage": c.stage,
                "error": c.error,
                "where": c.where,
                "input": c.text[:500],
            }
            for sig, c in crashes.items()
        ],
    }


def _loads(loader: Loader, text: str) -> bool:
    try:
        loader.loads(text)
    except Exception:  # refused: tried, not accepted
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per loader")
    parser.add_argument("--seeds", type=int, default=500, help="hypothesis-drawn corpus size")
    parser.add_argument("--seed", type=int, default=0, help="the mutator's random seed")
    parser.add_argument("--loader", action="append", help="only these loaders (by name)")
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--seconds", type=float, default=float("inf"), help="stop a loader after this long"
    )
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args()
    chosen = [loader for loader in LOADERS if not args.loader or loader.name in args.loader]
    print(f"loaders: {', '.join(loader.name for loader in chosen)}")
    results = []
    for loader in chosen:
        result = fuzz(
            loader,
            args.inputs,
            seeds=args.seeds,
            seed=args.seed,
            seconds=args.seconds,
            progress=args.progress,
        )
        results.append(result)
        crashes = result["crashes"]
        assert isinstance(crashes, list)
        ratio = float(result["ms_per_input"]) / max(float(result["bare_ms_per_input"]), 1e-9)  # type: ignore[arg-type]
        print(
            f"{loader.name}: {result['inputs']} inputs ({result['accepted']} loaded as maps) "
            f"in {result['seconds']} s; {result['ms_per_input']} ms per input, "
            f"{ratio:.1f}x the bare parser; slowest input {result['slowest_ms']} ms; "
            f"{len(crashes)} distinct crashes",
            flush=True,
        )
        for crash in crashes:
            print(f"  {crash['count']}x {crash['stage']}: {crash['error']} at {crash['where']}")
        if args.out:
            args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
