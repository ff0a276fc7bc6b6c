"""How fast argmap reads Argdown against the reference implementation, Argdown's own CLI.

Run: ``.venv/bin/python benchmarks/bench_argdown_cli.py [--statements 10000] [--repeat 3]``

The same generated text as ``bench_argdown.py`` is read by ``argdown json FILE OUT`` (the
reference CLI, ``@argdown/cli`` under ``.ci/node``: parse, build its model, write JSON) and by
argmap (the parse alone, and ``loads``, the whole read into a map). Times are CPU time, best of
``--repeat``: argmap's of this process, the CLI's of its child process (user + system, from
``resource.getrusage``), less the CLI's time on a two-statement file measured in the same run
(starting Node and loading the CLI), so that both sides time the reading. The target of issue
#24: argmap's parse at least 5x as fast as the reference CLI.
"""

from __future__ import annotations

import argparse
import gc
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_argdown import generated_argdown, parse  # noqa: E402

from argmap.io.argdown import loads  # noqa: E402

CLI = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "argdown"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def cli_time(path: Path, out: Path, repeat: int) -> float:
    """Least CPU time (user + system) of ``argdown json path out`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(  # noqa: S603  # the project's own CLI, with fixed arguments
            [str(CLI), "json", str(path), str(out)], check=True, capture_output=True
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(
            after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
        )
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CLI.exists():
        sys.exit(f"no reference CLI at {CLI}: run `npm ci` in .ci/node first")
    text = generated_argdown(args.statements)
    n = len(parse(text).statements)
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.ad", Path(tmp) / "small.ad"
        big.write_text(text, encoding="utf-8")
        small.write_text("[A]: a.\n  <+ [B]: b.\n", encoding="utf-8")
        t_start = cli_time(small, Path(tmp) / "out", args.repeat)
        t_cli = cli_time(big, Path(tmp) / "out", args.repeat) - t_start
    t_parse = best(lambda: parse(text), args.repeat)
    t_load = best(lambda: loads(text), args.repeat)
    print(f"{n} statements, {len(text) / 1e6:.1f} MB")
    print(f"reference CLI, start-up (2 statements): {t_start:.2f} s")
    print(f"reference CLI, reading:                 {t_cli:.2f} s, {n / t_cli:,.0f} statements/s")
    print(
        f"argmap parse:                           {t_parse:.2f} s, {n / t_parse:,.0f} "
        f"statements/s, {t_cli / t_parse:.1f}x as fast as the CLI (target: 5x)"
    )
    print(
        f"argmap loads (into a map):              {t_load:.2f} s, {n / t_load:,.0f} "
        f"statements/s, {t_cli / t_load:.1f}x as fast as the CLI"
    )


if __name__ == "__main__":
    main()
