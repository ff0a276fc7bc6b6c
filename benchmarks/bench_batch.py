"""How argmap.batch scales over a corpus: maps per second with 1 and 2 workers.

Run: ``.venv/bin/python benchmarks/bench_batch.py [--maps 10000] [--microtexts PATH]``

It writes a generated corpus of small maps (native JSON, 10-30 nodes each, shapes like the
microtexts') into a temporary folder, and checks it three ways in one run:

- a plain loop in this process (``argmap.check(argmap.load(path))`` per file): the baseline;
- ``argmap.batch(paths, "check", jobs=1)``: the same loop through batch, so the difference is
  batch's own overhead per map;
- ``argmap.batch(paths, "check", jobs=2)``: a process pool of two workers. The parallel
  efficiency is (time with 1 worker) / (2 x time with 2 workers); target at least 0.8.

With ``--microtexts`` (default ``../shared/data/microtexts`` beside the repository) it also
checks the 112 microtexts, with 1 and 2 workers. Figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argmap
from argmap.corpus import batch, expand_paths

ROOT = Path(__file__).resolve().parents[1]


def write_corpus(folder: Path, n_maps: int) -> list[str]:
    """Write ``n_maps`` small maps, each a claim with a few supports, cases and attacks."""
    paths = []
    for i in range(n_maps):
        m = argmap.ArgumentMap(title=f"generated {i}")
        m.claim("c", "The central claim.")
        for j in range(2 + i % 4):
            m.premise(f"p{j}", f"Reason {j}.")
            m.support(f"p{j}", "c", id=f"s{j}", scheme="example")
            if j % 2:
                m.case(f"k{j}", f"Case {j}.")
                m.support(f"k{j}", f"p{j}", id=f"sk{j}")
            if i % 3 == 0:
                m.rebuttal(f"r{j}", f"Objection {j}.")
                m.attack(f"r{j}", f"s{j}", id=f"a{j}")
        m.central = "c"
        path = folder / f"m{i:06d}.json"
        argmap.dump(m, path)
        paths.append(str(path))
    return paths


def plain_loop(paths: list[str]) -> int:
    return sum(len(argmap.check(argmap.load(p))) for p in paths)


def timed(label: str, func: object, *args: object) -> float:
    start = time.perf_counter()
    func(*args)  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    print(f"  {label:<28} {elapsed:8.2f} s")
    return elapsed


def run(paths: list[str], name: str) -> None:
    n = len(paths)
    print(f"{name}: {n} maps")
    base = timed("plain loop", plain_loop, paths)
    inline = timed("batch, in this process", lambda: list(batch(paths, "check", jobs=1)))
    with ProcessPoolExecutor(1) as pool:
        one = timed("batch, pool of 1 process", lambda: list(batch(paths, "check", executor=pool)))
    with ProcessPoolExecutor(2) as pool:
        two = timed(
            "batch, pool of 2 processes", lambda: list(batch(paths, "check", executor=pool))
        )
    print(
        f"  maps per second: loop {n / base:,.0f}, "
        f"1 worker {n / one:,.0f}, 2 workers {n / two:,.0f}"
    )
    print(
        f"  batch's own overhead per map (in process vs loop): {(inline - base) / n * 1e6:,.0f} us"
    )
    print(f"  the pool's overhead per map (1 process vs loop): {(one - base) / n * 1e6:,.0f} us")
    print(f"  parallel efficiency at 2 workers: {one / (2 * two):.2f} (target >= 0.8)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=10_000)
    parser.add_argument(
        "--microtexts", type=Path, default=ROOT.parent / "shared" / "data" / "microtexts"
    )
    args = parser.parse_args()
    if args.microtexts.is_dir():
        run(expand_paths([args.microtexts]), "microtexts")
    with tempfile.TemporaryDirectory() as folder:
        paths = write_corpus(Path(folder), args.maps)
        run(paths, "generated corpus")


if __name__ == "__main__":
    main()
