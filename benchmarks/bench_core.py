"""The core against bare networkx: building, loading, memory, and the shapes that were quadratic.

Run: ``.venv/bin/python benchmarks/bench_core.py [--size 100000] [--repeat 3]``

Every figure is a ratio against a baseline measured in the same run (the least CPU time of the
process over ``--repeat`` runs, garbage collection included):

- **build**: a map of ``--size`` nodes built through the API (``m.claim``, ``m.case``,
  ``m.support``, ...) against a bare ``nx.DiGraph`` built from the same data as dict payloads
  (target: at most 2x), the median ratio of ``--rounds`` rounds that run the two in turn. The
  map's figure includes making each node's pydantic model.
- **validation per node**: what making the models alone costs, on the same dicts: frozen pydantic
  models with plain ``str``/``tuple`` fields and no Python validator (pydantic's own floor),
  argmap's models through pydantic, and argmap's quick path (``argmap.model.quick_node``); with
  the time the cyclic garbage collector took in the build and in the bare build.
- **load**: ``argmap.load`` of that map as a JSON file against ``json.load`` of the same file plus
  the bare build (target: at most 2x).
- **memory**: bytes per node of the map against the bare graph with dict payloads (target: at most
  1.5x), measured with ``tracemalloc``.
- **pathological shapes** (each was quadratic): a 48k-node chain of linked supports each with its
  own case (check, against one traversal of the same graph); 20k and 40k nodes built with no ids
  (twice the nodes should take about twice the time); 1,000 chained attacks on attacks, drawn as
  DOT (the drawing is the renderer's; measured here only).
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pydantic
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argmap
from argmap import model as models

TEXT = "The regime answered every campaign. Executions fell after the report."


def best_of(repeat: int, func: Callable[[], object]) -> float:
    """The least CPU time of this process over ``repeat`` runs (garbage collection included).

    CPU time, not wall-clock: on a machine shared with other jobs, wall-clock time measures
    their load as much as this code, and unevenly between the two sides of a ratio.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def interleaved(
    rounds: int, func: Callable[[], object], baseline: Callable[[], object]
) -> tuple[float, float, list[float]]:
    """Run ``func`` and ``baseline`` in turn ``rounds`` times: the least CPU time of each, and
    each round's ratio of the two.

    A round's two runs are seconds apart, so they share the machine's load; the median of the
    rounds' ratios holds under a load that changes, where the ratio of two least times, each
    from whichever moment was quietest for it, moves with it.
    """
    times: list[float] = []
    base: list[float] = []
    for _ in range(rounds):
        for spent, run in ((times, func), (base, baseline)):
            gc.collect()
            start = time.process_time()
            run()  # what it returns is freed inside the timing, as in best_of
            spent.append(time.process_time() - start)
    return min(times), min(base), [t / b for t, b in zip(times, base, strict=True)]


def shape(n_nodes: int) -> list[dict[str, Any]]:
    """The nodes of a realistic map as plain data: a tree of claims with cases and premises."""
    nodes: list[dict[str, Any]] = [{"kind": "claim", "id": "c0", "text": "Central claim"}]
    frontier, i, count = ["c0"], 0, 1
    while count < n_nodes:
        parent, k = frontier[i], count
        i += 1
        nodes += [
            {"kind": "claim", "id": f"c{k}", "text": f"Sub-claim {k}"},
            {"kind": "premise", "id": f"p{k}", "text": f"Bare premise {k}"},
            {"kind": "case", "id": f"e{k}", "text": f"Case {k}", "cites": ["src"]},
            {
                "kind": "support",
                "id": f"sl{k}",
                "premises": [f"c{k}", f"p{k}"],
                "conclusion": parent,
            },
            {"kind": "support", "id": f"se{k}", "premises": [f"e{k}"], "conclusion": parent},
        ]
        count += 5
        if k % 7 == 0:
            nodes += [
                {"kind": "rebuttal", "id": f"r{k}", "text": f"Objection {k}"},
                {"kind": "attack", "id": f"u{k}", "premises": [f"r{k}"], "target": f"se{k}"},
            ]
            count += 2
        frontier += [f"c{k}", f"c{k}"]
    return nodes


def build_api(nodes: list[dict[str, Any]]) -> argmap.ArgumentMap:
    """Build the map the way a user does, one call per node."""
    m = argmap.ArgumentMap(title="Generated")
    m.add_source(argmap.Source(id="src", title="Generated source", text=TEXT))
    for node in nodes:
        kind = node["kind"]
        if kind == "support":
            m.support(node["premises"], node["conclusion"], id=node["id"])
        elif kind == "attack":
            m.attack(node["premises"], node["target"], id=node["id"])
        elif kind == "case":
            m.case(node["id"], node["text"], cites=tuple(node["cites"]))
        else:
            getattr(m, kind)(node["id"], node["text"])
    m.central = "c0"
    return m


def build_bare(nodes: list[dict[str, Any]]) -> nx.DiGraph[str]:
    """The same graph in plain networkx: each node's data as a dict payload, one edge per role."""
    g: nx.DiGraph[str] = nx.DiGraph()
    for node in nodes:
        g.add_node(node["id"], **node)
    for node in nodes:
        if node["kind"] in ("support", "attack"):
            for p in node["premises"]:
                g.add_edge(p, node["id"], role="premise")
            g.add_edge(node["id"], node.get("conclusion") or node["target"], role="target")
    return g


class _Plain(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")


class PlainStatement(_Plain):
    """A statement as pydantic's floor: the same fields, plain types, no Python validator."""

    kind: str
    id: str
    text: str
    cites: tuple[str, ...] = ()


class PlainInference(_Plain):
    kind: str
    id: str
    premises: tuple[str, ...]
    conclusion: str | None = None
    target: str | None = None


_MODELS = {
    "claim": (models.Claim, PlainStatement),
    "premise": (models.Premise, PlainStatement),
    "case": (models.Case, PlainStatement),
    "rebuttal": (models.Rebuttal, PlainStatement),
    "support": (models.Support, PlainInference),
    "attack": (models.Attack, PlainInference),
}


def collected(func: Callable[[], object]) -> float:
    """CPU seconds the cyclic garbage collector took during one run of ``func``."""
    spent = [0.0, 0.0]

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            spent[1] = time.process_time()
        else:
            spent[0] += time.process_time() - spent[1]

    gc.collect()
    gc.callbacks.append(note)
    try:
        func()
    finally:
        gc.callbacks.remove(note)
    return spent[0]


def validation_costs(nodes: list[dict[str, Any]], repeat: int, t_api: float, t_bare: float) -> None:
    """Print what making the models costs a node, beside the build's whole cost."""
    n = len(nodes)
    plain = [(_MODELS[d["kind"]][1].__pydantic_validator__.validate_python, d) for d in nodes]
    fields = [(_MODELS[d["kind"]][0], {k: v for k, v in d.items() if k != "kind"}) for d in nodes]
    ours = [(cls.__pydantic_validator__.validate_python, f) for cls, f in fields]
    t_plain = best_of(repeat, lambda: [v(d) for v, d in plain])
    t_ours = best_of(repeat, lambda: [v(d) for v, d in ours])
    t_quick = best_of(repeat, lambda: [models.quick_node(c, dict(f)) for c, f in fields])
    gc_api = collected(lambda: build_api(nodes))
    gc_bare = collected(lambda: build_bare(nodes))
    us = 1e6 / n
    print(
        f"  per node (us): pydantic, plain fields {t_plain * us:.2f}; argmap's models through "
        f"pydantic {t_ours * us:.2f}; argmap's quick path {t_quick * us:.2f}; API build "
        f"{t_api * us:.2f} (of which the garbage collector {gc_api * us:.2f}); bare build "
        f"{t_bare * us:.2f} (collector {gc_bare * us:.2f})"
    )


def bytes_of(func: Callable[[], object]) -> tuple[int, object]:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = func()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, kept


def linked_chain(length: int) -> argmap.ArgumentMap:
    """Claims c0..c(n-1), each supported jointly by the next claim and its own case."""
    nodes: list[argmap.Node] = []
    for i in range(length):
        nodes += [argmap.Claim(id=f"c{i}", text=f"Step {i}"), argmap.Case(id=f"e{i}", text="E")]
    nodes += [
        argmap.Support(id=f"s{i}", premises=(f"c{i + 1}", f"e{i}"), conclusion=f"c{i}")
        for i in range(length - 1)
    ]
    nodes.append(
        argmap.Support(id="s_end", premises=(f"e{length - 1}",), conclusion=f"c{length - 1}")
    )
    return argmap.ArgumentMap(nodes=nodes, central="c0")


def without_ids(n_statements: int) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    for i in range(n_statements):
        m.premise(f"p{i}", f"P{i}.")
        m.support(f"p{i}", "c")  # named s1, s2, ... by the map
    return m


def attack_chain(length: int) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.support("p", "c", id="a0")
    for i in range(1, length + 1):
        m.rebuttal(f"r{i}", f"Objection {i}.")
        m.attack(f"r{i}", f"a{i - 1}", id=f"a{i}")
    return m


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--rounds", type=int, default=7, help="interleaved rounds of the build and its baseline"
    )
    args = parser.parse_args()
    r = args.repeat

    nodes = shape(args.size)
    n = len(nodes)
    t_api, t_bare, ratios = interleaved(
        args.rounds, lambda: build_api(nodes), lambda: build_bare(nodes)
    )
    print(
        f"build {n} nodes: API {t_api:.2f} s, bare networkx {t_bare:.2f} s (least of each); "
        f"ratio {statistics.median(ratios):.2f}, the median of {len(ratios)} interleaved rounds "
        f"(range {min(ratios):.2f}-{max(ratios):.2f}; target <= 2)"
    )
    validation_costs(nodes, r, t_api, t_bare)

    m = build_api(nodes)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.json"
        argmap.dump(m, path)
        t_load = best_of(r, lambda: argmap.load(path))

        def json_and_bare() -> object:
            data = json.loads(path.read_text("utf-8"))
            return build_bare(data["nodes"])

        t_json = best_of(r, json_and_bare)
        print(
            f"load {n} nodes from JSON: argmap.load {t_load:.2f} s, json.load + bare build "
            f"{t_json:.2f} s, ratio {t_load / t_json:.2f} (target <= 2)"
        )
        ypath = Path(tmp) / "map.yaml"
        argmap.dump(m, ypath)
        t_yaml = best_of(1, lambda: argmap.load(ypath))
        print(f"load {n} nodes from YAML: {t_yaml:.2f} s, {t_yaml / t_load:.1f}x the JSON load")
        text = ypath.read_text("utf-8")
        t_pure = best_of(1, lambda: yaml.load(text, Loader=yaml.SafeLoader))
        print(
            f"  PyYAML's pure-Python SafeLoader on the same text, parse only: {t_pure:.2f} s "
            f"(argmap.load is {t_yaml / t_pure:.2f}x it)"
        )
        if hasattr(yaml, "CSafeLoader"):
            t_c = best_of(1, lambda: yaml.load(text, Loader=yaml.CSafeLoader))
            print(
                f"  PyYAML's CSafeLoader (libyaml), parse only: {t_c:.2f} s "
                f"(argmap.load is {t_yaml / t_c:.2f}x it)"
            )
    del m

    map_bytes, kept_map = bytes_of(lambda: build_api(nodes))
    bare_bytes, kept_bare = bytes_of(lambda: build_bare(nodes))
    print(
        f"memory: map {map_bytes / n:.0f} B/node, bare graph with dict payloads "
        f"{bare_bytes / n:.0f} B/node, ratio {map_bytes / bare_bytes:.2f} (target <= 1.5)"
    )
    del kept_map, kept_bare

    chain = linked_chain(16_000)  # 48k nodes: claims, cases and supports
    bare_chain = nx.DiGraph(chain.graph)
    t_chain = best_of(r, lambda: argmap.check(chain))
    t_trav = best_of(r, lambda: list(nx.weakly_connected_components(bare_chain)))
    fragile = argmap.check(chain, select=["AM401"]).findings[0]
    print(
        f"linked chain, {len(chain)} nodes: check {t_chain:.2f} s, traversal {t_trav:.3f} s, "
        f"ratio {t_chain / t_trav:.1f}; AM401 names {len(fragile.nodes) - 1} cases in a "
        f"{len(fragile.message)}-character message"
    )

    t20 = best_of(r, lambda: without_ids(10_000))
    t40 = best_of(r, lambda: without_ids(20_000))
    print(
        f"built without ids: 20k nodes {t20:.2f} s, 40k nodes {t40:.2f} s, "
        f"growth {t40 / t20:.2f}x for 2x nodes (linear: 2)"
    )

    attacks = attack_chain(1000)
    t_dot = best_of(r, attacks.to_dot)
    t_dot_half = best_of(r, lambda: attack_chain(500).to_dot())
    t_check = best_of(r, lambda: argmap.check(attacks))
    print(
        f"1,000 chained attacks on attacks: to_dot {t_dot:.3f} s (500: {t_dot_half:.3f} s, "
        f"growth {t_dot / t_dot_half:.2f}x for 2x), check {t_check:.3f} s"
    )


if __name__ == "__main__":
    main()
