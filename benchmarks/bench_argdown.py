"""How fast argmap reads Argdown: statements per second on a generated 10k-statement file.

Run: ``.venv/bin/python benchmarks/bench_argdown.py [--statements 10000] [--repeat 3]``

The file is shaped like real Argdown: sections with headings; titled statements with tags,
mentions and data blocks, each supported and attacked by others through nested relations; one
argument in five reconstructed as a premise-conclusion structure with a named inference rule.
It prints, best of ``--repeat`` runs each, in CPU time (the machine is shared):

- the Argdown parse alone (:func:`argmap.io.argdown.parser.parse`: text to statements,
  arguments and relations) and the whole read into a map (:func:`argmap.io.argdown.loads`), in
  statements per second; and the parse again with every data block nested one level
  (``{weight: {w: 0.5}}``), which the one-line fast path declines, so that each goes through
  the YAML reader;
- a baseline measured in the same run on the same text: every line split by one regular
  expression into its indentation, relation sign, title and text (what a trivial line-by-line
  reader does, with no meaning and no checks), and the ratios against it;
- the time to write the map back (:func:`argmap.io.argdown.dumps`).
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.io.argdown import dumps, loads
from argmap.io.argdown.parser import parse


def generated_argdown(n_statements: int) -> str:
    """An Argdown text with ``n_statements`` statements, shaped like real debates."""
    chunks: list[str] = []
    per_section = 100
    for i in range(n_statements):
        if i % per_section == 0:
            chunks.append(f"# Section {i // per_section}\n\n## Part {i // per_section}.1")
        lines = [
            f"[Statement {i}]: Claim number {i} says that pressure works in case {i % 17}, "
            f"as @[Statement {max(i - 1, 0)}] suggests. #topic-{i % 5} {{weight: 0.{i % 10}}}"
        ]
        if i >= 2:
            lines.append(f"  <+ [Statement {i - 1}]")
            lines.append(f"  <- [Statement {i - 2}]")
            lines.append(f"    <+ <Argument {i}>: Because of case {i}.")
        chunks.append("\n".join(lines))
        if i % 5 == 0 and i >= 2:
            chunks.append(
                f"<Argument {i}>\n\n(1) [Statement {i - 1}]\n(2) [Statement {i - 2}]\n"
                f"-- Modus ponens --\n(3) [Statement {i}]"
            )
    return "\n\n".join(chunks) + "\n"


_LINE = re.compile(
    r"^([ \t]*)(<\+|\+>|<-|->|<_|_>|><|[+\-_]|\(\d+\)|#+)?\s*([\[<][^\]>]*[\]>]:?)?(.*)$"
)


def baseline(text: str) -> int:
    """Split every line with one regular expression: the least a line-based reader must do."""
    n = 0
    for line in text.splitlines():
        m = _LINE.match(line)
        if m and m.group(3):
            n += 1
    return n


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()  # CPU time: the machine is shared, wall-clock time is noise
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = generated_argdown(args.statements)
    doc = parse(text)
    m = loads(text)
    n = len(doc.statements)
    print(
        f"{n} statements, {len(doc.arguments)} arguments, {len(doc.relations)} relations; "
        f"{len(text.splitlines())} lines, {len(text) / 1e6:.1f} MB; map of {len(m)} nodes"
    )
    t_base = best(lambda: baseline(text), args.repeat)
    t_parse = best(lambda: parse(text), args.repeat)
    nested = re.sub(r"\{weight: (0\.\d)\}", r"{weight: {w: \1}}", text)
    t_nested = best(lambda: parse(nested), args.repeat)
    t_load = best(lambda: loads(text), args.repeat)
    t_dump = best(lambda: dumps(m), args.repeat)
    print(f"baseline (one regex per line): {t_base:.3f} s, {n / t_base:,.0f} statements/s")
    print(
        f"parse (Argdown syntax):        {t_parse:.3f} s, {n / t_parse:,.0f} statements/s, "
        f"{t_parse / t_base:.1f}x the baseline"
    )
    print(
        f"parse, nested data blocks:     {t_nested:.3f} s, {n / t_nested:,.0f} statements/s, "
        f"{t_nested / t_base:.1f}x the baseline (each block through the YAML reader)"
    )
    print(
        f"loads (into a map):            {t_load:.3f} s, {n / t_load:,.0f} statements/s, "
        f"{t_load / t_base:.1f}x the baseline"
    )
    print(f"dumps (the map as Argdown):    {t_dump:.3f} s")


if __name__ == "__main__":
    main()
