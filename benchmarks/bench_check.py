"""How argmap.check scales: time per node on generated maps, against a bare networkx traversal.

Run: ``.venv/bin/python benchmarks/bench_check.py [--sizes 10000 100000 1000000] [--repeat 3]``

For each size it builds a map shaped like real ones (a tree of claims; each claim has a
convergent support from cases and a linked support from a sub-claim and a bare premise; some
supports are undercut, some undercutters answered; schemes on the case supports), then prints:

- the time of ``argmap.check`` (all rules) and of ``nx.weakly_connected_components`` over a plain
  ``nx.DiGraph`` of the same nodes and edges (one traversal of every node and edge, the baseline),
  best of ``--repeat`` runs;
- time per node, and the ratio check / baseline (target: at most 3);
- the growth of check's time against the previous size (target: 10x nodes costs at most 12x).

It also checks a 100k-long chain of supports, which must not hit the recursion limit.

``--old`` also times the check as it ran before the sweep (:mod:`argmap.checks.sweep`): the
peel and the fixpoint of ``label_map``, two passes, in the same process, beside the new one.

``--per-rule N`` prints instead where the time of one check of an N-node map goes: each shared
pass of :class:`~argmap.checks.facts.Facts` (the topological peel, the grounded labelling, the
central claim's ancestors), each rule, the acknowledgement pass and the report's sort, each as
seconds and as a multiple of the networkx traversal measured in the same process.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argmap
from argmap.model import Attack, Case, Claim, Premise, Quote, Rebuttal, Source, Support


def generated_map(n_nodes: int) -> argmap.ArgumentMap:
    """Build a realistic map of about ``n_nodes`` nodes (statements and inferences)."""
    text = "Pressure works. The regime reacted. Executions fell."
    source = Source(id="src", title="Generated source", text=text)
    quote = Quote(source="src", text="The regime reacted.")
    nodes: list[Claim | Premise | Case | Rebuttal | Support | Attack] = [
        Claim(id="c0", text="Central claim")
    ]
    frontier = ["c0"]
    i = 0
    count = 1
    while count < n_nodes:
        parent = frontier[i]
        i += 1
        child = f"c{count}"
        k = count
        nodes += [
            Claim(id=child, text=f"Sub-claim {k}"),
            Premise(id=f"p{k}", text=f"Bare premise {k}"),
            Case(id=f"e{k}", text=f"Case {k}", quotes=(quote,), cites=("src",) if k % 3 else ()),
            Support(id=f"sl{k}", premises=(child, f"p{k}"), conclusion=parent),
            Support(id=f"se{k}", premises=(f"e{k}",), conclusion=parent, scheme="example"),
        ]
        count += 5
        if k % 7 == 0:
            nodes += [
                Rebuttal(id=f"r{k}", text=f"Objection {k}"),
                Attack(id=f"u{k}", premises=(f"r{k}",), target=f"se{k}"),
            ]
            count += 2
            if k % 2 == 0:
                nodes += [
                    Rebuttal(id=f"rr{k}", text=f"Answer {k}"),
                    Attack(id=f"ua{k}", premises=(f"rr{k}",), target=f"r{k}"),
                ]
                count += 2
        frontier += [child, child]
    return argmap.ArgumentMap(sources=[source], nodes=nodes, central="c0")


def best_of(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def chain_map(length: int) -> argmap.ArgumentMap:
    nodes: list[Claim | Premise | Case | Rebuttal | Support | Attack] = [
        Claim(id=f"c{i}", text=f"Step {i}") for i in range(length)
    ]
    nodes.append(Case(id="e", text="The evidence"))
    nodes += [
        Support(id=f"s{i}", premises=(f"c{i + 1}",), conclusion=f"c{i}") for i in range(length - 1)
    ]
    nodes.append(Support(id="s_end", premises=("e",), conclusion=f"c{length - 1}"))
    return argmap.ArgumentMap(nodes=nodes, central="c0")


def check_without_sweep(m: argmap.ArgumentMap) -> argmap.Report:
    """``argmap.check(m)`` as it ran before the sweep: the peel and ``label_map``'s fixpoint."""
    from argmap.checks.facts import Facts  # noqa: PLC0415

    swept = Facts.__dict__["swept"]
    Facts.swept = property(lambda self: None)  # type: ignore[assignment,method-assign]
    try:
        return argmap.check(m)
    finally:
        Facts.swept = swept  # type: ignore[method-assign]


def per_rule(size: int, repeat: int) -> None:
    """Print the time of each shared pass and each rule of one check, against the traversal."""
    from argmap.checks import RULES, acknowledge  # noqa: PLC0415
    from argmap.checks.facts import Facts  # noqa: PLC0415
    from argmap.checks.report import Report  # noqa: PLC0415
    from argmap.index import paused_gc  # noqa: PLC0415

    m = generated_map(size)
    g = nx.DiGraph(m.graph)
    t_nx = best_of(repeat, lambda: list(nx.weakly_connected_components(g)))
    t_check = best_of(repeat, lambda: argmap.check(m))
    print(f"{len(m)} nodes: networkx traversal {t_nx:.3f} s, check {t_check:.3f} s")
    print(f"{'part':<34} {'s':>7} {'x nx':>6} {'findings':>9}")
    facts = Facts(m)
    rows: list[tuple[str, float, int | str]] = []
    for name in ("swept", "peel", "labels", "standing_set"):
        start = time.process_time()
        getattr(facts, name)
        rows.append((f"Facts.{name}", time.process_time() - start, ""))
    findings = []
    with paused_gc():  # as check() runs its rules
        for r in RULES.values():
            start = time.process_time()
            found = list(r.run(facts, r))
            rows.append((f"{r.code} {r.name}", time.process_time() - start, len(found)))
            findings += found
        start = time.process_time()
        marked = acknowledge.acknowledge(facts, findings, list(RULES.values()))
        rows.append(("acknowledge", time.process_time() - start, ""))
        start = time.process_time()
        Report(marked)
        rows.append(("Report (sort)", time.process_time() - start, ""))
    for name, took, count in rows:
        print(f"{name:<34} {took:>7.3f} {took / t_nx:>6.2f} {count!s:>9}")
    total = sum(took for _, took, _ in rows)
    print(f"{'sum of parts':<34} {total:>7.3f} {total / t_nx:>6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-rule", type=int, metavar="N", help="time each part of one check")
    parser.add_argument("--old", action="store_true", help="time the check without the sweep too")
    args = parser.parse_args()
    if args.per_rule:
        per_rule(args.per_rule, args.repeat)
        return

    old = f" {'old s':>7} {'old ratio':>9}" if args.old else ""
    print(
        f"{'nodes':>9} {'build s':>8} {'check s':>8} {'µs/node':>8} {'nx s':>7} "
        f"{'ratio':>6} {'growth':>7} {'nx growth':>9}{old}"
    )
    previous: tuple[int, float, float] | None = None
    for size in args.sizes:
        start = time.process_time()
        m = generated_map(size)
        build = time.process_time() - start
        g = nx.DiGraph(m.graph)  # a plain graph of the same nodes and edges, not a view
        t_check = best_of(args.repeat, lambda m=m: argmap.check(m))
        t_nx = best_of(args.repeat, lambda g=g: list(nx.weakly_connected_components(g)))
        growth = nx_growth = old = ""
        if previous is not None:
            scale = len(m) / previous[0]
            growth = f"{t_check / previous[1]:.1f}x/{scale:.0f}x"
            nx_growth = f"{t_nx / previous[2]:.1f}x"
        if args.old:
            t_old = best_of(args.repeat, lambda m=m: check_without_sweep(m))
            old = f" {t_old:>7.3f} {t_old / t_nx:>9.2f}"
        print(
            f"{len(m):>9} {build:>8.2f} {t_check:>8.3f} {t_check / len(m) * 1e6:>8.2f} "
            f"{t_nx:>7.3f} {t_check / t_nx:>6.2f} {growth:>7} {nx_growth:>9}{old}"
        )
        previous = (len(m), t_check, t_nx)
        del m, g

    chain = chain_map(100_000)
    limit = sys.getrecursionlimit()
    start = time.process_time()
    report = argmap.check(chain)
    took = time.process_time() - start
    print(
        f"100k-long support chain: checked in {took:.2f} s with recursion limit {limit}; "
        f"{len(report.by_rule('AM102'))} unevidenced claims (expected 0)"
    )


if __name__ == "__main__":
    main()
