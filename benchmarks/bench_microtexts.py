"""How argmap's microtexts reader and writer scale: CPU time per ADU at growing sizes.

Run: ``.venv/bin/python benchmarks/bench_microtexts.py [--sizes 1000 4000 20000]``

For each size N it builds a map of N statements joined in a tree of supports, writes it as
arggraph XML and reads it back, and prints the CPU time of each and the time per ADU against the
smallest size's (a ratio near 1 is linear; the reader used to be quadratic: 4,000 ADUs took
6.5 s, 20,000 over 300 s).
"""

from __future__ import annotations

import argparse
import time
import warnings

import argmap
from argmap import ArgumentMap


def _map(n: int) -> ArgumentMap:
    m = ArgumentMap(title="bench")
    m.claim("c0", "Claim.")
    for i in range(1, n):
        m.premise(f"p{i}", f"Premise {i}.")
        m.support(f"p{i}", "c0" if i < 10 else f"p{i // 2}")
    return m


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 20000])
    sizes = parser.parse_args().sizes
    warnings.simplefilter("ignore")
    base: float | None = None
    print(f"{'ADUs':>8} {'write s':>8} {'read s':>8} {'per ADU vs first':>17}")
    for n in sizes:
        m = _map(n)
        start = time.process_time()
        text = argmap.dumps(m, format="microtexts")
        written = time.process_time() - start
        start = time.process_time()
        argmap.loads(text, format="microtexts")
        read = time.process_time() - start
        per = (written + read) / n
        base = base or per
        print(f"{n:>8} {written:>8.2f} {read:>8.2f} {per / base:>16.2f}x")


if __name__ == "__main__":
    main()
