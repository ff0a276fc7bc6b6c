"""How much an error near the end of a large JSON map costs to locate.

A native JSON file of about 40 MB (``--mb``) with a blank text in its last node is read with
``argmap.loads``; the error must name the line. Figures, against a baseline measured in the same
run (``json.loads`` of the same text, which any reader pays):

- the error path of ``loads``, as it is now (the line found in JSON by skipping siblings with the
  C decoder), time and peak memory (tracemalloc);
- the line-finder alone, now, and as it was before (``yaml.compose`` of the whole text, since
  JSON is YAML), the latter on a smaller slice (``--old-mb``) because at 40 MB it took 80 s and
  1.3 GB; its cost grows linearly, so the figure is scaled to the full size.

Run: .venv/bin/python benchmarks/bench_error_line.py [--mb 40] [--old-mb 2]
Figures go in docs/performance.md and docs/robustness.md.
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import yaml

import argmap
from argmap.io import parsing


def document(megabytes: float) -> tuple[str, tuple[int | str, ...]]:
    """JSON text of about ``megabytes`` MB whose last node has a blank text, and that place."""
    node = {"kind": "claim", "id": "c0", "text": "Pressure on the record works. " * 8}
    size = len(json.dumps(node)) + 8
    count = max(2, int(megabytes * 1_000_000 / size))
    nodes = [{**node, "id": f"c{i}"} for i in range(count)]
    nodes[-1]["text"] = "   "
    return json.dumps({"argmap": 2, "nodes": nodes}, indent=2), ("nodes", count - 1, "text")


def measure(func: Callable[[], Any]) -> tuple[float, float, Any]:
    """Seconds of one call (untraced), peak MB of a second call (under tracemalloc), result."""
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, result


def _error_line(text: str) -> int | None:
    try:
        argmap.loads(text, path="big.json")
    except argmap.FileFormatError as exc:
        return exc.line
    raise AssertionError("the document should not load")


def _old_line(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The line-finder before: compose the JSON text as YAML, then walk the node tree."""
    node: Any = yaml.compose(text, Loader=yaml.SafeLoader)
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if k.value == part)
        elif isinstance(node, yaml.SequenceNode):
            node = node.value[int(part)]
    return int(node.start_mark.line) + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=40.0)
    parser.add_argument("--old-mb", type=float, default=2.0)
    args = parser.parse_args()

    text, loc = document(args.mb)
    mb = len(text.encode("utf-8")) / 1e6
    expected = text.count("\n", 0, text.rindex('"text": "   "')) + 1
    base_s, base_mb, _ = measure(lambda: json.loads(text))
    print(f"document: {mb:.1f} MB, error on line {expected} of {text.count(chr(10)) + 1}")
    print(f"baseline json.loads: {base_s:.2f} s, peak {base_mb:.0f} MB")

    load_s, load_mb, line = measure(lambda: _error_line(text))
    assert line == expected, (line, expected)
    print(
        f"argmap.loads error path: {load_s:.2f} s ({load_s / base_s:.1f}x baseline), "
        f"peak {load_mb:.0f} MB ({load_mb / base_mb:.1f}x)"
    )
    find_s, find_mb, line = measure(lambda: parsing.line_of(text, loc, syntax="json"))
    assert line == expected
    print(
        f"line-finder now (JSON): {find_s:.2f} s ({find_s / base_s:.1f}x baseline), "
        f"peak {find_mb:.0f} MB ({find_mb / base_mb:.2f}x)"
    )

    small, small_loc = document(args.old_mb)
    small_mb = len(small.encode("utf-8")) / 1e6
    old_s, old_mb, old_line = measure(lambda: _old_line(small, small_loc))
    assert old_line == small.count("\n", 0, small.rindex('"text": "   "')) + 1
    scale = mb / small_mb
    print(
        f"line-finder before (YAML compose) on {small_mb:.1f} MB: {old_s:.2f} s, peak "
        f"{old_mb:.0f} MB; scaled to {mb:.0f} MB: ~{old_s * scale:.0f} s "
        f"({old_s * scale / base_s:.0f}x baseline), ~{old_mb * scale:.0f} MB"
    )
    print(f"now vs before at {mb:.0f} MB: {old_s * scale / find_s:.0f}x faster")


if __name__ == "__main__":
    main()
