"""The ``argmap`` command line: each command parses, makes one library call, and prints.

Errors from the library (:class:`~argmap.exceptions.ArgmapError`) become one line on stderr and
exit code 2; they never show a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

from argmap import __version__
from argmap.examples import north_korea
from argmap.exceptions import ArgmapError
from argmap.io.native import dump, schema
from argmap.summary import summarize

__all__ = ["main"]

P = ParamSpec("P")
R = TypeVar("R")

EXIT_BAD_INPUT = 2


def _library_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn an ArgmapError into one clear line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Write argument maps, check them for support gaps, and draw them.

    Run `argmap demo --out out` to see it all on the built-in article.
    """


@main.command()
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into; created if missing.",
)
@_library_errors
def demo(out: Path) -> None:
    """Map the built-in article and write DIR/north-korea.json.

    Prints a summary of the map of "Pressure on the North Korean Human Rights Problem is
    Effective".

    Example: argmap demo --out out
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArgmapError(f"{out}: cannot create the folder: {exc.strerror}") from None
    m = north_korea()
    path = out / "north-korea.json"
    dump(m, path)
    click.echo(summarize(m))
    click.echo(f"\nWrote {path}")


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of argmap's native file format.

    Example: argmap schema > argmap.schema.json
    """
    click.echo(json.dumps(schema(), indent=2))
