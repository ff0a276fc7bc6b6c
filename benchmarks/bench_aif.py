"""How fast argmap reads AIF: generated AIFdb files against json + networkx and against arguebuf.

Run: ``.venv/bin/python benchmarks/bench_aif.py [--sizes 10000 100000] [--repeat 3]``

For each size N it writes an AIF file of N I-nodes and N scheme nodes, shaped like AIFdb's
(each RA joins one or two premises to a conclusion higher up a tree; one scheme node in ten is a
CA, some of them undercuts; every node has a timestamp, RA nodes a scheme name and id), then
prints the least CPU time of ``--repeat`` runs of each:

- ``argmap.load`` of the file (parsing, validating every node, building the map);
- (a) ``json.load`` of the same file plus a bare ``networkx.DiGraph`` of the same nodes and edges,
  with the nodes' fields as attributes: the floor any reader pays. Target: argmap at most 2x;
- (b) ``arguebuf.load.file`` of the same file, the reference reader. Target: argmap at least 6x
  faster (skipped, with a note, where arguebuf is not installed).

With ``--stages``, it also prints where one read of the first size spends its time (the least
of ``--repeat`` reads, each stage timed around the reader's own functions): parsing, the graph
and its repairs, clean ids, linking, the models, the map.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argmap
import argmap.io.aif as reader


def generated_aif(n: int) -> dict[str, Any]:
    """An AIF document of ``n`` I-nodes and ``n`` scheme nodes (RA, and CA one in ten)."""
    stamp = "2015-11-25 16:13:50"
    nodes: list[dict[str, Any]] = [
        {
            "nodeID": str(i),
            "text": f"Statement number {i} of a long debate.",
            "type": "I",
            "timestamp": stamp,
        }
        for i in range(n)
    ]
    edges: list[dict[str, Any]] = []

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    for k in range(n):
        sid = f"s{k}"
        premise = str(k + 1) if k + 1 < n else "0"
        if k % 10 == 9:
            nodes.append(
                {
                    "nodeID": sid,
                    "text": "Default Conflict",
                    "type": "CA",
                    "timestamp": stamp,
                    "scheme": "Default Conflict",
                    "schemeID": "71",
                }
            )
            edge(premise, sid)
            # every third CA undercuts the support before it; the others rebut a statement
            edge(sid, f"s{k - 1}" if k % 3 == 0 else str(k // 2))
        else:
            nodes.append(
                {
                    "nodeID": sid,
                    "text": "Default Inference",
                    "type": "RA",
                    "timestamp": stamp,
                    "scheme": "Default Inference",
                    "schemeID": "72",
                }
            )
            edge(premise, sid)
            if k % 4 == 0 and k + 2 < n:
                edge(str(k + 2), sid)  # a linked support
            edge(sid, str(k // 2) if k // 2 != k + 1 else "0")
    return {"nodes": nodes, "edges": edges, "locutions": []}


def baseline(path: Path) -> nx.DiGraph[str]:
    """json.load and a bare networkx graph of the same nodes and edges."""
    with path.open(encoding="utf-8") as fh:
        doc = json.load(fh)
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from((n["nodeID"], n) for n in doc["nodes"])
    g.add_edges_from((e["fromID"], e["toID"], {"id": e["edgeID"]}) for e in doc["edges"])
    return g


def best(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of this process over ``repeat`` runs (garbage collection included).

    CPU time, not wall-clock: on a machine shared with other jobs, wall-clock time measures
    their load as much as this code.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


STAGES = {
    "parse (JSON with duplicate keys, depth and constants checked)": "parse_json",
    "the repairs: the text searched for C1 characters once": "Repairs",
    "the graph: nodes and edges read, faults named": "_Graph",
    "ids made clean": "clean_ids",
    "linking: premises and targets, faults set aside": "_settle",
    "the models: fields gathered, each validated once": "_models",
    "the map: graph, index and rules, in bulk": "from_validated",
    "the central claim": "infer_central",
}


def stages(path: Path, repeat: int) -> None:
    """Print the CPU time of each stage of one read of ``path`` (the least of ``repeat``)."""
    spent: dict[str, float] = {}

    def timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start

        return run

    saved = {name: getattr(reader, name) for name in STAGES.values() if name != "from_validated"}
    built = reader.ArgumentMap.from_validated
    for name, func in saved.items():
        setattr(reader, name, timed(name, func))
    reader.ArgumentMap = type(  # type: ignore[misc]
        "TimedMap", (argmap.ArgumentMap,), {"from_validated": timed("from_validated", built)}
    )
    text = path.read_text(encoding="utf-8")
    best_total, best_parts = float("inf"), {}
    try:
        for _ in range(repeat):
            spent.clear()
            gc.collect()
            start = time.process_time()
            reader.loads(text)
            total = time.process_time() - start
            if total < best_total:
                best_total, best_parts = total, dict(spent)
    finally:
        for name, func in saved.items():
            setattr(reader, name, func)
        reader.ArgumentMap = argmap.ArgumentMap  # type: ignore[misc]
    print(f"stages of one read of {path.name} (CPU s; the whole read {best_total:.3f}):")
    for label, name in STAGES.items():
        print(f"  {best_parts.get(name, 0.0):7.3f}  {label}")
    rest = best_total - sum(best_parts.values())
    print(f"  {rest:7.3f}  the rest (the kinds, the order, the map's data, freeing the parse)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="where one read spends its time")
    args = parser.parse_args()
    try:
        import arguebuf  # noqa: PLC0415  # optional: (b) is skipped without it
    except ImportError:
        arguebuf = None
        print("arguebuf is not installed: (b) is skipped (pip install arguebuf)")
    print(
        f"{'I-nodes':>8} {'argmap (s)':>11} {'json+nx (s)':>12} {'ratio a':>8} "
        f"{'arguebuf (s)':>13} {'speed-up b':>11}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            path = Path(folder) / f"aif-{n}.json"
            path.write_text(json.dumps(generated_aif(n)), encoding="utf-8")
            m = argmap.load(path)
            assert len(m) == 2 * n, (len(m), n)
            ours = best(lambda p=path: argmap.load(p), args.repeat)
            floor = best(lambda p=path: baseline(p), args.repeat)
            line = f"{n:>8,} {ours:>11.3f} {floor:>12.3f} {ours / floor:>8.2f}"
            if arguebuf is not None:

                def reference(p: Path = path) -> object:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        return arguebuf.load.file(p)

                theirs = best(reference, max(1, args.repeat - 1))
                line += f" {theirs:>13.3f} {theirs / ours:>10.1f}x"
            print(line, flush=True)
        if args.stages:
            path = Path(folder) / f"aif-{args.sizes[0]}.json"
            stages(path, args.repeat)


if __name__ == "__main__":
    main()
