"""How building a diagram's DOT scales: chains of attacks on attacks, and argmap's own quoting.

Run: ``.venv/bin/python benchmarks/bench_render.py [--sizes 250 500 1000 2000 4000]``

Prints, for each chain length (a claim, a rebuttal's attack on it, then attacks each on the one
before), the time of ``to_dot`` focused on the bottom rebuttal (whose one-step neighbourhood is the
whole chain) against a bare networkx traversal of the same graph, and the growth against the
previous length: linear code grows about as the length does (2x for 2x).

Then, on a 5,000-statement map, the time of writing its attribute lists with argmap's quoting
against the ``graphviz`` package's ``attr_list`` (which ``to_dot`` used before), as a ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap import ArgumentMap
from argmap.render import to_dot
from argmap.render.quoting import attr_list


def chain(length: int) -> ArgumentMap:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.rebuttal("r0", "R0.")
    m.attack("r0", "c", id="a0")
    for i in range(1, length + 1):
        m.rebuttal(f"r{i}", f"Objection {i} to the objection before.")
        m.attack(f"r{i}", f"a{i - 1}", id=f"a{i}")
    m.central = "c"
    return m


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000, 4000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print("chain | to_dot focused (s) | networkx traversal (s) | ratio | growth")
    previous: float | None = None
    for n in args.sizes:
        m = chain(n)
        dot = best(lambda m=m: to_dot(m, focus="r0", legend=False), args.repeat)
        bare = best(lambda m=m: list(nx.weakly_connected_components(m.graph)), args.repeat)
        growth = f"{dot / previous:.1f}x" if previous else ""
        print(f"{n:5} | {dot:.4f} | {bare:.5f} | {dot / bare:.0f} | {growth}")
        previous = dot

    try:
        from graphviz.quoting import attr_list as graphviz_attr_list  # noqa: PLC0415
    except ImportError:
        print("graphviz package not installed: quoting comparison skipped")
        return
    rows = [
        {
            "label": f"Statement {i} says <b>something</b> & more",
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": "#DCEBF7",
            "color": "#0072B2",
            "class": "claim gap",
            "tooltip": f"AM101 unsupported-claim: statement {i} has no support",
        }
        for i in range(5000)
    ]
    ours = best(lambda: [attr_list(r) for r in rows], args.repeat)
    theirs = best(lambda: [graphviz_attr_list(attributes=r) for r in rows], args.repeat)
    print(
        f"5,000 attribute lists: argmap quoting {ours:.4f} s, graphviz {theirs:.4f} s, "
        f"ratio {theirs / ours:.1f}x"
    )


if __name__ == "__main__":
    main()
