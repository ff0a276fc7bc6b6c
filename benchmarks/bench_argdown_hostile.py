"""Is reading Argdown linear on hostile input? Time per kB at 10, 20, 40 and 80 kB, per shape.

Run: ``.venv/bin/python benchmarks/bench_argdown_hostile.py [--sizes 10 20 40 80] [--repeat 3]``

Each shape is a text that once made a pattern of Argdown's grammar scan far ahead at every
position (nested or unclosed braces, brackets, angle brackets, comments, tags in parentheses,
links, mentions), or that nests deeply (emphasis, relations). For each size it prints the best
time of the whole read (:func:`argmap.io.argdown.loads`, ending in a map or an ArgmapError), in
milliseconds per kB, against a baseline measured in the same run: the per-kB time of an ordinary
generated Argdown file (``bench_argdown.generated_argdown``) of the same size. On a linear
reader the per-kB time stays flat as the size doubles (the ``growth`` column is the per-kB time
at the largest size over that at the smallest: about 1 when linear, about 8 when quadratic over
10 to 80 kB); the ratio says how far a shape is from ordinary text.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_argdown import generated_argdown

from argmap import ArgmapError
from argmap.io.argdown import loads


def _repeat(unit: str, prefix: str = "[A]: x ") -> Callable[[int], str]:
    return lambda size: prefix + unit * ((size - len(prefix)) // len(unit))


def _tags(size: int) -> str:
    return "[A]: x " + "".join(f"#t{i} " for i in range(size // 7))


def _data_blocks(size: int) -> str:
    # One title written again and again, each time with a data block under the same key.
    return "".join(f"[A]: a {{d: {{k{i}: 1}}}}\n\n" for i in range(size // 24))


def _indented(size: int) -> str:
    # Relations as deep as allowed (100 levels), again and again.
    block = "[A]: a\n" + "".join(" " * (i + 1) + "+ b\n" for i in range(100)) + "\n"
    return block * max(1, size // len(block))


SHAPES: dict[str, Callable[[int], str]] = {
    "open braces {{{": _repeat("{"),
    "nested data {a: {a: ...": _repeat("{a: "),
    "data blocks {} x": _repeat("{} x"),
    "closing braces } x": _repeat("} x", prefix="[A]: {"),
    "open brackets [[[": _repeat("[", prefix=""),
    "brackets in text [a[a": _repeat("[a"),
    "angle brackets <a<a": _repeat("<a"),
    "comment openers <!--": _repeat("<!--"),
    "block comments /*/*": _repeat("/*"),
    "tags in parentheses #(#(": _repeat("#("),
    "links [a](": _repeat("[a]("),
    "mentions @[@[": _repeat("@["),
    "front matter fences ===": _repeat("=== x ", prefix="x\n\n"),
    "emphasis *a *a": _repeat("*a "),
    "emphasis _a _a": _repeat("_a "),
    "shortcodes .a.a": _repeat(".a"),
    "relations 100 deep": _indented,
    "distinct tags #t1 #t2": _tags,
    "one title, many data blocks": _data_blocks,
}


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def read(text: str) -> None:
    with contextlib.suppress(ArgmapError):  # refusing is as good as reading, if it is quick
        loads(text)


def ordinary(size: int) -> str:
    """An ordinary generated Argdown file of about ``size`` characters."""
    statements = 1
    while len(generated_argdown(statements)) < size:
        statements *= 2
    return generated_argdown(statements)[:size].rsplit("\n\n", 1)[0] + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 20, 40, 80], help="kB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shape", action="append", help="only these shapes")
    args = parser.parse_args()
    sizes = [kb * 1000 for kb in args.sizes]
    read(ordinary(sizes[0]))  # warm up: imports and caches are not what is measured
    base = {}
    for size in sizes:
        text = ordinary(size)
        base[size] = best(lambda t=text: read(t), args.repeat) / (len(text) / 1000)
    head = " ".join(f"{kb:>4} kB" for kb in args.sizes)
    print(f"ms per kB of the whole read; ratio to ordinary text at {args.sizes[-1]} kB\n")
    print(f"{'shape':28} {head}  growth  ratio")
    row = " ".join(f"{1000 * base[s]:7.3f}" for s in sizes)
    print(f"{'baseline: ordinary text':28} {row}  {base[sizes[-1]] / base[sizes[0]]:5.1f}x      1")
    for name, make in SHAPES.items():
        if args.shape and name not in args.shape:
            continue
        per_kb = []
        for size in sizes:
            text = make(size)
            per_kb.append(best(lambda t=text: read(t), args.repeat) / (len(text) / 1000))
        row = " ".join(f"{1000 * t:7.3f}" for t in per_kb)
        growth = per_kb[-1] / per_kb[0]
        ratio = per_kb[-1] / base[sizes[-1]]
        print(f"{name:28} {row}  {growth:5.1f}x {ratio:6.1f}", flush=True)


if __name__ == "__main__":
    main()
