"""How reading Argdown grows with arguments that list their premises (issue #23).

Run: ``.venv/bin/python benchmarks/bench_argdown_premises.py [--sizes 1000 5000 20000]
[--repeat 2]``

Two shapes, each written by argmap's own writer and read back with
:func:`argmap.io.argdown.loads` (the whole read, into a map):

- *attacks listing premises*: a chain of N attacks that carry data, which the writer gives as
  arguments with ``{premises: [...]}`` and one ``->`` relation (``<a1> {"premises": ["c2"],
  "w": 1}`` then ``  -> [c1]``); before the fix, each looked for its relation among all of the
  document's, and 5,000 took 20.6 s of CPU time (commit ``4eec168``, docs/performance.md);
- *structures into one claim*: N linked supports of one claim, which the writer gives as
  premise-conclusion structures ``(1) [c1] (2) [c2] ---- (3) [c0]``, so that the claim occurs
  N times.

It prints the CPU time (best of ``--repeat``), microseconds per argument, and the growth per
doubling of N between each size and the one before (``(t2 / t1) ** (1 / log2(n2 / n1))``):
about 2 on a linear reader, 4 on a quadratic one.
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap import ArgumentMap, Attack, Claim, Support
from argmap.io.argdown import dumps, loads


def attacks_listing_premises(n: int) -> str:
    """A chain of ``n`` attacks with data, as argmap writes them: arguments with premises."""
    claims = [Claim(id=f"c{i}", text=f"Claim {i} holds.") for i in range(n + 1)]
    attacks = [
        Attack(id=f"a{i}", premises=[f"c{i + 1}"], target=f"c{i}", data={"weight": i % 10})
        for i in range(n)
    ]
    return dumps(ArgumentMap(nodes=[*claims, *attacks]))


def structures_into_one_claim(n: int) -> str:
    """``n`` linked supports of one claim, as argmap writes them: premise-conclusion structures."""
    claims = [Claim(id=f"c{i}", text=f"Claim {i} holds.") for i in range(n + 2)]
    supports = [
        Support(id=f"s{i}", premises=[f"c{i + 1}", f"c{i + 2}"], conclusion="c0") for i in range(n)
    ]
    return dumps(ArgumentMap(nodes=[*claims, *supports]))


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()  # CPU time: the machine is shared
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 20_000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print("| shape | arguments | loads (s) | µs per argument | growth per 2x |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, make in (
        ("attacks listing premises", attacks_listing_premises),
        ("structures into one claim", structures_into_one_claim),
    ):
        previous: tuple[int, float] | None = None
        for n in args.sizes:
            text = make(n)
            t = best(functools.partial(loads, text), args.repeat)
            growth = ""
            if previous is not None:
                n0, t0 = previous
                growth = f"{(t / t0) ** (1 / math.log2(n / n0)):.2f}"
            print(f"| {name} | {n:,} | {t:.3f} | {t / n * 1e6:.0f} | {growth} |")
            previous = (n, t)


if __name__ == "__main__":
    main()
