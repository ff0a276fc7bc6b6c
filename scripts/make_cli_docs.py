"""Write docs/cli.md from the command line's own help text, so the two cannot drift apart.

Run: ``.venv/bin/python scripts/make_cli_docs.py``. ``tests/test_docs.py`` fails when the page
is out of date.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main

PAGE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

INTRO = """# Command line

`argmap` is a thin layer over the library: each command parses its arguments, makes one library
call and prints. Errors in the input (a malformed file, an unknown node id, an unknown rule) print
one line on stderr, `Error: ...`, naming the file, line or node, and exit with code 2 (an Argdown
syntax error quotes its line under it, with a caret under the column, as a compiler does); a
mistyped command or option prints the usage hint and exits with code 2 too. Never a traceback.
`python -m argmap ...` runs the same command where the `argmap` script is not on the path.
A path of `-` is standard input where a command reads a map or a text (alone: `check`
and `evaluate` take no other path with it; the content says the format, or `--from`) and
standard output where it writes one (`convert IN - --to FORMAT`, `render -o - --format svg`,
`draft -o -` writes Argdown): `argmap convert map.json - --to argdown | argmap check -`.

This page is generated from the commands' own `--help` by `scripts/make_cli_docs.py`.
"""


def help_text(*names: str) -> str:
    """Return what ``argmap NAMES --help`` prints (80 columns, as in a plain terminal)."""
    result = CliRunner().invoke(main, [*names, "--help"], prog_name="argmap", terminal_width=80)
    if result.exit_code != 0:
        raise RuntimeError(f"argmap {' '.join(names)} --help failed: {result.output}")
    return result.output.rstrip("\n")


def page() -> str:
    """Return the whole page."""
    parts = [INTRO, "## argmap\n", "```text\n" + help_text() + "\n```\n"]
    for name in sorted(main.commands):
        parts += [f"## argmap {name}\n", "```text\n" + help_text(name) + "\n```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
    print(f"wrote {PAGE}")
