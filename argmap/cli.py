"""The ``argmap`` command line: each command parses, makes one library call, and prints.

Errors from the library (:class:`~argmap.exceptions.ArgmapError`) become one line on stderr and
exit code 2 (an Argdown syntax error adds its line quoted and a caret, indented, under it); they
never show a traceback. They say the command line's words: where the library
would say ``format=``, the message says ``--from``, ``--to`` or ``--format``, whichever the
command takes (:meth:`~argmap.exceptions.ArgmapError.worded`), and the options a command checks
itself (``--focus``, ``--depth``) are named as typed.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ParamSpec, TypeVar, cast

import click

from argmap import __version__
from argmap.checks import RULES, SEVERITIES, Report, Severity, check
from argmap.corpus import BatchResult, batch, corpus_summary, expand_paths
from argmap.examples import north_korea
from argmap.exceptions import (
    ArgmapError,
    DraftError,
    DraftModelError,
    EvaluationTimeout,
    FileFormatError,
)
from argmap.files import read_stream, read_text, same_file, write_atomic
from argmap.io.argdown.syntax import ArgdownSyntaxError
from argmap.io.formats import (
    BUILTIN_FORMATS,
    detect,
    drawing_formats,
    dump,
    format_for,
    load,
    loads,
    write_diagram,
)
from argmap.io.native import schema
from argmap.map import ArgumentMap
from argmap.render.options import DiagramOptions
from argmap.semantics import SEMANTICS, Labelling, evaluate, explain
from argmap.semantics.evaluate import DEFAULT_SEMANTICS
from argmap.semantics.explain import evaluation_text, explanation_text
from argmap.semantics.grounded import READINGS
from argmap.semantics.iccma import format_of, read_framework
from argmap.semantics.tasks import TASK_SEMANTICS, Style, solve_task
from argmap.semantics.translate import to_framework
from argmap.summary import summarize
from argmap.wording import for_terminal

__all__ = ["main"]

P = ParamSpec("P")
R = TypeVar("R")

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_TIMEOUT = 124
"""A task that ran out of its --timeout (as GNU timeout(1) exits, so scripts recognise it)."""
EXIT_INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT, as shells report it)."""


def _echo(text: str = "", *, err: bool = False, one_line: bool | None = None) -> None:
    """Print one piece of output: every line the command line prints comes through here.

    Text from files (ids, titles, names in errors) may hold escape sequences a terminal would
    obey (clear the screen, write the clipboard); they are shown escaped instead
    (:func:`argmap.wording.for_terminal`). A message is one line (``one_line``, the default
    on stderr: ``Error:``, ``Warning:``): a line break in it, from a file's name, is escaped,
    so that no file can print a line of its own choosing.
    """
    click.echo(for_terminal(text, one_line=err if one_line is None else one_line), err=err)


def _named(name: str) -> str:
    """A file's name inside a report of several lines: its line breaks escaped."""
    return for_terminal(name, one_line=True)


def _library_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn an ArgmapError into one clear line on stderr and exit code 2.

    A file argmap has not learnt to refuse may still make a reader raise something else (a
    bug: tests fail on it); :func:`_reading_file` turns that into an ArgmapError naming the
    file, and anything else that escapes a command becomes one line naming its inputs, never a
    traceback. Running out of memory is said in words, never as a bare ``MemoryError``.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ArgdownSyntaxError as exc:
            # The quoted line and its caret go under the Error line, as a compiler prints
            # them; flattened into one line they read as 'line\u000a    ---\u000a    ^'.
            # Each is indented and has its line breaks escaped: no file prints a line of its own.
            _echo(f"Error: {exc.headline}", err=True)
            for quoted in exc.quoted:
                _echo(quoted, err=True)
            sys.exit(EXIT_BAD_INPUT)
        except ArgmapError as exc:
            _echo(f"Error: {exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except MemoryError:
            _echo(
                "Error: out of memory; the input is too large for this machine "
                "(split it, or run on a machine with more memory)",
                err=True,
            )
            sys.exit(EXIT_BAD_INPUT)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own: usage errors and exits, which click prints
        except Exception as exc:
            _echo(f"Error: {_inputs()}: {_bug(exc, 'the command failed')}", err=True)
            sys.exit(EXIT_BAD_INPUT)

    return wrapper


_INPUTS = ("paths", "path", "source", "model")
"""The parameters through which a command names the files it reads."""


def _inputs() -> str:
    """The files the running command reads, as they were typed."""
    context = click.get_current_context(silent=True)
    params = context.params if context is not None else {}
    given = [params.get(name) for name in _INPUTS]
    named = [
        str(p) for value in given if value for p in (value if isinstance(value, tuple) else [value])
    ]
    return ", ".join(named) or "argmap"


def _bug(exc: Exception, what: str) -> str:
    return (
        f"{what} ({type(exc).__name__}: {str(exc)[:200] or 'no message'}); this is a bug in "
        "argmap, please report it with the file"
    )


@contextlib.contextmanager
def _reading_file(path: str | Path) -> Iterator[None]:
    """Any failure inside becomes an ArgmapError that names the file being read.

    The readers raise only ArgmapError for bad input; anything else that escapes one is a bug
    in argmap, reported as such, in one line, rather than as a traceback.
    """
    try:
        yield
    except (ArgmapError, MemoryError):
        raise
    except Exception as exc:
        raise ArgmapError(f"{path}: {_bug(exc, 'argmap could not read this file')}") from exc


STDIO = "-"
"""A path of ``-`` is standard input where a command reads and standard output where it writes,
as for most tools; without it, ``-o -`` wrote a file named ``-``."""

STDIN_NAME = "<stdin>"
"""How messages name standard input."""


def _stdio(path: str | Path | None) -> bool:
    return path is not None and str(path) == STDIO


def _reading(path: str | Path, *, format: str | None, strict: bool) -> ArgumentMap:  # noqa: A002
    """Load one input (``-``: standard input); any failure becomes an ArgmapError that names
    the file."""
    with _words(**_READING), _reading_file(STDIN_NAME if _stdio(path) else path):
        if _stdio(path):
            text = read_stream(sys.stdin.buffer, name=STDIN_NAME)
            if not text.strip():
                raise FileFormatError(
                    "standard input is empty: pipe a map into it", path=STDIN_NAME
                )
            if format is None:  # no suffix to go by: the content alone says the format
                try:
                    format = detect(text).name  # noqa: A001
                except FileFormatError as exc:
                    raise FileFormatError(
                        exc.problem, path=STDIN_NAME, keywords=exc.keywords
                    ) from None
            return loads(text, format=format, path=STDIN_NAME, strict=strict)
        return load(path, format=format, strict=strict)


def _one_stdin(files: list[str]) -> None:
    """Refuse standard input among several inputs: it can be read once, as one map."""
    if STDIO in files and len(files) > 1:
        raise ArgmapError(
            "-: standard input can be the only input; save it to a file to read it with others"
        )


def _to_stdout(data: bytes) -> None:
    """Write a command's whole output to standard output (``-o -``), at once."""
    stream = sys.stdout.buffer
    stream.write(data)
    stream.flush()


@contextlib.contextmanager
def _words(**words: str) -> Iterator[None]:
    """Say the library's keywords as this command's options in an error raised inside.

    ``_words(format="--from")`` turns "... or pass format=" into "... or pass --from".
    """
    try:
        yield
    except ArgmapError as exc:
        said = exc.worded(words)
        if said == str(exc):
            raise  # as it is: its type says how to print it (an Argdown error quotes its line)
        raise ArgmapError(said) from None


_READING = {"format": "--from"}
"""What the library's keywords are called where a command reads its input."""

_SELECTING = {"select": "--select", "ignore": "--ignore"}


def _said(error: ArgmapError | str | None, words: dict[str, str]) -> str:
    """A batch result's error in the command line's words."""
    return error.worded(words) if isinstance(error, ArgmapError) else str(error)


def _not_over_an_input(out: Path, inputs: tuple[Path, ...] | list[Path]) -> None:
    """Refuse to write ``out`` when it is one of the command's inputs (by any path or link)."""
    if _stdio(out):
        return  # standard output is never an input file
    for path in inputs:
        if _stdio(path):
            continue
        if same_file(out, path):
            raise ArgmapError(
                f"{out}: this is the input {path}; writing there would replace it. "
                "Name another output file"
            )


_JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Work on several files in parallel, on this many processes (default: one per CPU).",
)


def _print_warnings(results: list[BatchResult]) -> None:
    """Each file's warnings (its repairs, from a worker process too) as lines naming the file."""
    for r in results:
        for warning in r.warnings:
            text = str(warning)
            _echo(f"Warning: {text if text.startswith(r.name) else f'{r.name}: {text}'}", err=True)


def _print_results(
    results: list[BatchResult], *, between: str, words: dict[str, str] = _READING
) -> None:
    """Each file's result for people, its error as one line on stderr (an Argdown syntax error's
    quoted line and caret under it); a blank line between."""
    for i, r in enumerate(results):
        if i:
            _echo("")
        if r.ok:
            _echo(f"{_named(r.name)}{between}{r.result}")
        else:
            quoted = isinstance(r.error, ArgdownSyntaxError)
            said = r.error.headline if quoted else _said(r.error, words)  # type: ignore[union-attr]
            # named by its file, as one file's error would be
            _echo(f"Error: {said if said.startswith(r.name) else f'{r.name}: {said}'}", err=True)
            for line in r.error.quoted if quoted else ():  # type: ignore[union-attr]
                _echo(line, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Write argument maps, check them for support gaps, and draw them.

    Run `argmap demo --out out` to see it all on the built-in article.
    """


_READ_NAMES = ", ".join(f.name for f in BUILTIN_FORMATS if f.can_load)
_WRITE_NAMES = ", ".join(f.name for f in BUILTIN_FORMATS if f.can_dump)
_FROM_HELP = (
    f"The input's format ({_READ_NAMES}, or a plugin's), when its suffix does not say it or "
    "several formats share the suffix."
)


_STRICT = click.option(
    "--strict",
    is_flag=True,
    help=(
        "Refuse a file with faults argmap would otherwise repair with a warning (AIFdb's "
        "edges to nodes an export leaves out, ...), naming the first."
    ),
)


@contextlib.contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """Print each warning (a conversion's losses, a likely misspelt scheme) as one line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for warning in caught:
                _echo(f"Warning: {warning.message}", err=True)


@main.command()
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),  # checked by demo itself, in one line
    help="Folder to write into; created if missing.",
)
@click.option(
    "--force", is_flag=True, help="Replace the files a previous demo wrote in the folder."
)
@_library_errors
def demo(out: Path, force: bool) -> None:
    """Map the built-in article: print its summary and gap report, write them to DIR.

    The article is "Pressure on the North Korean Human Rights Problem is Effective". Writes
    DIR/north-korea.json (the map), DIR/north-korea-report.json (its gap report) and
    DIR/north-korea.svg (its diagram); files already there are replaced only with --force.

    Example: argmap demo --out out
    """
    if out.exists() and not out.is_dir():
        raise ArgmapError(f"{out}: not a folder; name a folder to write into (it may not exist)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArgmapError(f"{out}: cannot create the folder: {exc.strerror}") from None
    path = out / "north-korea.json"
    report_path = out / "north-korea-report.json"
    there = [p for p in (path, report_path, out / "north-korea.svg") if p.exists()]
    if there and not force:
        raise ArgmapError(
            f"{there[0]} already exists; pass --force to replace the demo's files in {out}, "
            "or name another folder"
        )
    m = north_korea()
    dump(m, path)
    diagram = write_diagram(m, out / "north-korea.svg")
    report = check(m)
    write_atomic(report_path, (report.to_json() + "\n").encode("utf-8"))
    _echo(summarize(m))
    _echo("")
    _echo(str(report))
    _echo("")
    _echo(f"Wrote {path}", one_line=True)
    _echo(f"Wrote {report_path}", one_line=True)
    _echo(f"Wrote {diagram}", one_line=True)


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of argmap's native file format.

    Example: argmap schema > argmap.schema.json
    """
    _echo(json.dumps(schema(), indent=2))


def _codes(value: str | None) -> list[str] | None:
    return None if value is None else [c for c in value.split(",") if c.strip()]


@main.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for scripts.",
)
@click.option(
    "--select", help="Run only these rules: codes, code prefixes or names, comma-separated."
)
@click.option("--ignore", help="Skip these rules (same forms as --select).")
@click.option("--from", "from_format", metavar="FORMAT", help=_FROM_HELP)
@click.option(
    "--fail-on",
    type=click.Choice(list(SEVERITIES)),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@_JOBS
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a per-map table of findings (CSV) to this file.",
)
@_STRICT
@_library_errors
def check_command(
    *,
    paths: tuple[str, ...],
    output_format: str,
    select: str | None,
    ignore: str | None,
    fail_on: str,
    from_format: str | None,
    jobs: int | None,
    summary_path: Path | None,
    strict: bool,
) -> None:
    """Check maps for support gaps: claims that lack evidence, and why.

    PATHS are map files, folders (every map file below them) or globs ("corpus/*.xml"). Exit
    code 0 when no finding is at or above --fail-on, 1 when some are, 2 for bad input (with
    several files, every file is checked first; one that fails is reported and the exit code
    is 2). With --format json it prints one object:
    {"findings": [{"path", "rule", "name", "severity", "nodes", "message", "explanation"}],
    "summary": {...}, "files": [{"path", "summary"} or {"path", "error"}]}.

    Reads every format argmap reads (see `argmap convert`).

    Example: argmap check map.yaml --select AM1,AM3 --fail-on warning

    Example: argmap check corpus/ --jobs 2 --summary corpus-gaps.csv
    """
    files = expand_paths(paths)
    _one_stdin(files)
    if _stdio(summary_path):
        raise ArgmapError(
            "--summary -: standard output holds the report; write the summary to a file"
        )
    _refuse_overwrite(summary_path, files)
    options = {"select": _codes(select), "ignore": _codes(ignore)}
    words = _READING | _SELECTING
    if len(files) == 1 and (not summary_path or _stdio(files[0])):  # its error is the command's
        with _warnings_as_lines(), _words(**words):
            results = [_one(files[0], options, from_format, strict=strict)]
    else:
        with _warnings_as_lines(), _words(**words):
            results = list(
                batch(
                    files,
                    "check",
                    jobs=jobs,
                    options=options,
                    input_format=from_format,
                    strict=strict,
                )
            )
    _print_warnings(results)
    reports = [(r.name, r.result) for r in results if r.ok]
    if output_format == "json":
        findings = [{"path": path, **f.to_dict()} for path, report in reports for f in report]
        merged = Report(f for _, report in reports for f in report)
        listed = [
            {"path": r.name, "summary": r.result.summary()}
            if r.ok
            else {"path": r.name, "error": _said(r.error, words)}
            for r in results
        ]
        _echo(
            json.dumps(
                {"findings": findings, "summary": merged.summary(), "files": listed}, indent=2
            )
        )
    else:
        _print_results(results, between=": ", words=words)
    if summary_path is not None:
        corpus_summary(results).to_csv(summary_path)
    if any(not r.ok for r in results):
        sys.exit(EXIT_BAD_INPUT)
    threshold = cast("Severity", fail_on)
    if sum(len(report.at_or_above(threshold)) for _, report in reports):
        sys.exit(EXIT_FINDINGS)


def _one(
    path: str, options: dict[str, list[str] | None], from_format: str | None, *, strict: bool
) -> BatchResult:
    """Check one file here, letting its error be the command's (one line, exit 2)."""
    report = check(
        _reading(path, format=from_format, strict=strict),
        select=options["select"],
        ignore=options["ignore"],
    )
    return BatchResult(item=STDIN_NAME if _stdio(path) else path, result=report)


def _refuse_overwrite(output: Path | None, inputs: list[str]) -> None:
    if output is None:
        return
    target = output.resolve()
    for path in inputs:
        if Path(path).resolve() == target:
            raise ArgmapError(f"{output}: it is one of the inputs; write the summary elsewhere")


@main.command("rules")
def rules_command() -> None:
    """List the gap rules: code, name, severity and what each finds.

    Example: argmap rules
    """
    for r in RULES.values():
        _echo(f"{r.code}  {r.name:<26} {r.severity:<8} {r.summary}")


@main.command("render")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=(
        "File to write; its suffix picks the format: .svg, .png, .pdf, .dot or .gv, or .html "
        "for the interactive viewer (one self-contained page)."
    ),
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice([f.name for f in drawing_formats()]),
    help="The format, when the suffix of --out does not say it.",
)
@click.option("--from", "from_format", metavar="FORMAT", help=_FROM_HELP)
@click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this node.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="How many steps from --focus to draw (default 1).",
)
@click.option(
    "--gaps",
    is_flag=True,
    help="Check the map and outline what the findings name; in an SVG, hover for the rule.",
)
@click.option(
    "--labels",
    "semantics",
    metavar="SEMANTICS",
    # Not a click.Choice: a misspelt name is then one "Error:" line with a "did you mean".
    help=(
        f"Evaluate the map under this semantics ({', '.join(SEMANTICS)}) and draw the result: "
        "Dung or Carneades labels (IN, OUT, UNDEC) or gradual strengths, with a legend."
    ),
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Give up after this many seconds in evaluating --labels (complete, preferred, "
    "stable, gradual and carneades look at the clock as they go) and as long again in laying "
    "out the diagram: one Error line, exit code 2, nothing written. An HTML page past it still "
    "opens, and lays the map out in the browser (with a warning).",
)
@_STRICT
@_library_errors
def render_command(
    *,
    path: Path,
    out: Path,
    output_format: str | None,
    focus: str | None,
    depth: int | None,
    gaps: bool,
    semantics: str | None,
    timeout: float | None,
    from_format: str | None,
    strict: bool,
) -> None:
    """Draw a map as a diagram (SVG, PNG, PDF or DOT) or an interactive HTML page.

    Needs no system Graphviz: graphviz-pure, installed with argmap, lays it out. OUT may not be
    PATH itself (by any name or link): the map is never overwritten.
    The HTML viewer (-o map.html) opens offline in any browser, with the source text beside
    the map; it always lists the findings.

    Reads every format argmap reads (see `argmap convert`). With --labels it evaluates the
    whole map (as `argmap evaluate --semantics` does) and marks each node, also when --focus
    draws only a neighbourhood.

    Example: argmap render map.yaml -o map.svg --focus pressure --depth 2 --gaps --labels grounded
    """
    _not_over_an_input(out, [path])
    drawing = {"format": "--format", "focus": "--focus", "depth": "--depth"}
    with _words(**drawing):
        fmt = format_for(out, format=output_format)
    if fmt not in drawing_formats():
        raise ArgmapError(
            f"{out}: {fmt.name} ({fmt.summary}) is no diagram; draw "
            f"{', '.join(f.name for f in drawing_formats())}, or write the map itself with "
            "`argmap convert`"
        )
    if depth is not None and focus is None:
        raise ArgmapError("--depth needs --focus: name the node whose neighbourhood to draw")
    with _warnings_as_lines():
        m = _reading(path, format=from_format, strict=strict)
    if focus is not None and focus not in m:
        raise ArgmapError(f"--focus {focus!r}: {path} has no node with this id; check its spelling")
    findings = list(check(m)) if gaps else None
    labelling = _labels(path, m, semantics, timeout) if semantics is not None else None
    with _words(**drawing):
        options = DiagramOptions(focus=focus, depth=depth, gaps=findings, labels=labelling)
        if _stdio(out):
            _to_stdout(fmt.dump_bytes(m, path=STDIO, options=options, timeout=timeout))
            written = None
        else:
            written = write_diagram(m, out, format=fmt.name, options=options, timeout=timeout)
    if written is not None:
        _echo(f"Wrote {written}", one_line=True)


def _labels(path: Path | str, m: ArgumentMap, semantics: str, timeout: float | None) -> Labelling:
    """Evaluate a map for the command line: a timeout is an error naming the file; Ctrl-C
    stops the search at once and says so (exit code 130)."""
    try:
        return evaluate(m, semantics, timeout=timeout)
    except EvaluationTimeout as exc:
        raise ArgmapError(f"{path}: {exc}") from None
    except KeyboardInterrupt:
        _echo("Interrupted: the evaluation was stopped (Ctrl-C)", err=True)
        sys.exit(EXIT_INTERRUPTED)


@main.command("evaluate")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--semantics",
    type=click.Choice(list(dict.fromkeys([*SEMANTICS, *TASK_SEMANTICS]))),
    default=None,
    help="evidential (a claim needs a support that stands), Dung (grounded, complete, "
    "preferred, stable; semi-stable and stage with --task), gradual (dfquad, qe) or "
    f"carneades.  [default: {DEFAULT_SEMANTICS}]",
)
@click.option(
    "--task",
    metavar="TASK",
    help="An ICCMA task instead of labels: DC or DS (is --argument credulously or sceptically "
    "accepted?), SE (one extension), EE (every one), CE (how many); with the semantics as "
    "ICCMA writes it (DS-PR, SE-ST, CE-SST) or from --semantics. Prints as the competition does.",
)
@click.option("--argument", metavar="ARG", help="The argument a DC or DS task asks about.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    help="Give up after this many seconds: a --task with one line on stderr and exit code "
    "124; labels (every semantics but the linear evidential and grounded) with one Error line "
    "naming the file, exit 2.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for scripts.",
)
@click.option("--from", "from_format", metavar="FORMAT", help=_FROM_HELP)
@_JOBS
@_STRICT
@_library_errors
def evaluate_command(
    *,
    paths: tuple[str, ...],
    semantics: str | None,
    task: str | None,
    argument: str | None,
    timeout: float | None,
    output_format: str,
    from_format: str | None,
    jobs: int | None,
    strict: bool,
) -> None:
    """Evaluate maps: which statements and inferences stand (IN, OUT, UNDEC) or how strongly.

    The text output leads with the central claim's verdict and its reason in one line, then
    lists the statements, then the inferences. The default, evidential semantics accepts a
    claim only through a support that stands, down to cases, premises, rebuttals and
    assumptions, which stand unless defeated. Labels for Dung and Carneades semantics; for
    complete, preferred and stable they are the sceptical ones (IN or OUT in every extension,
    else UNDEC). Strengths in [0, 1] for the gradual semantics. With --format json it prints
    {"semantics": ..., "labels": {id: "in" | "out" | "undec"}} or {"semantics": ...,
    "strengths": {id: number}}; with several files (PATHS may be folders or globs),
    {"files": [{"path", ...that object} or {"path", "error"}]},
    and exit code 2 if any file failed.

    With --task it answers one of the competition's (ICCMA) questions about an abstract
    framework: a framework file (ICCMA 2023 .i23 or .af, ASPARTIX .apx, .tgf) or a map's
    translation. The answer prints as ICCMA's solvers print it: YES or NO (with a witness line
    "w 1 2 5" for .i23 files), an extension as "[a,b]" ("w 1 2" for .i23), all of them as
    "[[a,b],[c]]", a count as a number. Exit code 124 when --timeout runs out, 130 on Ctrl-C.

    Example: argmap evaluate map.yaml --semantics preferred --format json

    Example: argmap evaluate af.i23 --task DS-PR --argument 3 --timeout 60
    """
    if task is not None or any(format_of(p) for p in paths):
        _evaluate_task(
            paths,
            task=task,
            semantics=semantics,
            argument=argument,
            timeout=timeout,
            from_format=from_format,
            strict=strict,
        )
        return
    if argument is not None:
        raise click.UsageError("--argument goes with --task")
    semantics = semantics or DEFAULT_SEMANTICS
    if semantics not in SEMANTICS:
        raise click.UsageError(f"{semantics} semantics is available with --task")
    files = expand_paths(paths)
    if len(files) == 1:
        with _warnings_as_lines():
            m = _reading(files[0], format=from_format, strict=strict)
        labelling = _labels(files[0], m, semantics, timeout)
        _echo(labelling.to_json() if output_format == "json" else evaluation_text(m, labelling))
        return
    with _warnings_as_lines():  # every warning shown, per file (the items' come back listed)
        results = list(
            batch(
                files,
                "evaluate",
                jobs=jobs,
                options={"semantics": semantics, "timeout": timeout},
                input_format=from_format,
                strict=strict,
            )
        )
    _print_warnings(results)
    if output_format == "json":
        listed = [
            {"path": r.name, **json.loads(r.result.to_json())}
            if r.ok
            else {"path": r.name, "error": _said(r.error, _READING)}
            for r in results
        ]
        _echo(json.dumps({"files": listed}, indent=2, ensure_ascii=False))
    else:
        _print_results(results, between=":\n")
    if any(not r.ok for r in results):
        sys.exit(EXIT_BAD_INPUT)


@main.command("explain")
@click.argument("path")
@click.argument("node", required=False)
@click.option(
    "--semantics",
    type=click.Choice([*READINGS, "complete", "preferred", "stable"]),
    default=DEFAULT_SEMANTICS,
    show_default=True,
    help="The labelling to explain.",
)
@click.option("--from", "from_format", metavar="FORMAT", help=_FROM_HELP)
@click.option("--depth", type=click.IntRange(min=1), default=12, show_default=True)
@_library_errors
def explain_command(
    path: str, node: str | None, semantics: str, from_format: str | None, depth: int
) -> None:
    """Say why a claim stands or falls: a chain of reasons with node ids and their words.

    NODE is a statement or inference id; by default the map's central claim. Each line names a
    node, its label and the reason for it; under it, the node's text (or an inference's
    premises and target); the reasons it rests on follow, indented.

    Example: argmap explain map.yaml agenda --semantics grounded
    """
    with _warnings_as_lines():
        m = _reading(path, format=from_format, strict=False)
    target = node or m.central
    if target is None:
        raise click.UsageError("the map names no central claim; give a NODE id to explain")
    _echo(explanation_text(m, explain(m, target, semantics=semantics, depth=depth)))


def _evaluate_task(
    paths: tuple[str, ...],
    *,
    task: str | None,
    semantics: str | None,
    argument: str | None,
    timeout: float | None,
    from_format: str | None,
    strict: bool,
) -> None:
    """Answer one ICCMA task about one framework file or map, and print it as ICCMA does."""
    if len(paths) != 1:
        raise click.UsageError("--task reads one file")
    if task is None:
        raise click.UsageError(
            f"{paths[0]} is an abstract framework: say what to ask with --task (DC, DS, SE, EE "
            "or CE, such as --task SE-PR)"
        )
    path = Path(paths[0])
    style: Style = "2023" if format_of(path) == "iccma" else "2019"
    if format_of(path):
        with _reading_file(path):
            af = read_framework(path)
    else:
        with _warnings_as_lines():
            af = to_framework(_reading(path, format=from_format, strict=strict))
    try:
        answer = solve_task(af, task, semantics, argument=argument, timeout=timeout)
    except EvaluationTimeout as exc:
        _echo(f"Timeout: {exc}", err=True)
        sys.exit(EXIT_TIMEOUT)
    except KeyboardInterrupt:
        _echo("Interrupted: the search was stopped (Ctrl-C)", err=True)
        sys.exit(EXIT_INTERRUPTED)
    _echo(answer.to_iccma(style=style))


@main.command("convert")
@click.argument("source", metavar="IN", type=click.Path(path_type=Path))
@click.argument("target", metavar="OUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "from_format", metavar="FORMAT", help=_FROM_HELP)
@click.option(
    "--to",
    "to_format",
    metavar="FORMAT",
    help=(
        f"The output's format ({_WRITE_NAMES}, or a plugin's), when OUT's suffix does not say "
        "it; .json and .yaml write argmap's own format unless told otherwise."
    ),
)
@_STRICT
@_library_errors
def convert_command(
    *,
    source: Path,
    target: Path,
    from_format: str | None,
    to_format: str | None,
    strict: bool,
) -> None:
    """Convert a map from one format to another.

    Formats: argmap's own JSON and YAML, Argdown, AIF and xAIF (OVA3), SADFace, the microtexts'
    arggraph XML and Carneades YAML; drawings (SVG, PNG, PDF, DOT) as outputs. The suffix
    names the format; a shared suffix (.json) is told apart by the content when reading. When
    the output format cannot hold everything, a warning lists what is left out. OUT is written
    whole or not at all, and never over IN.

    Example: argmap convert debate.json debate.argdown --from aif
    """
    _not_over_an_input(target, [source])
    with _warnings_as_lines():
        m = _reading(source, format=from_format, strict=strict)
        with _words(format="--to"):
            written = format_for(target, format=to_format)
        if _stdio(target):
            _to_stdout(written.dump_bytes(m, path=STDIO))
            return
        dump(m, target, format=written.name)
    _echo(f"Wrote {target} ({written.name})", one_line=True)


@main.command("draft")
@click.argument("source", metavar="TEXT", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "target",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The map to write; its suffix names the format (.argdown, .json, .yaml, ...).",
)
@click.option(
    "--to",
    "to_format",
    metavar="FORMAT",
    help=(
        f"The output's format ({_WRITE_NAMES}, or a plugin's), when OUT's suffix does not say "
        "it (with -o -, Argdown unless told otherwise)."
    ),
)
@click.option(
    "--model",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A model saved by argmap.draft.train (default: the hand-set English model).",
)
@_library_errors
def draft_command(*, source: Path, target: Path, to_format: str | None, model: Path | None) -> None:
    """Draft a map of an English text: units quoted verbatim, a central claim, relations.

    Every drafted node is marked (data by: draft, a confidence, and the tag 'drafted' on
    statements) for an analyst to review; `argmap check OUT` says what the draft lacks.
    OUT is written whole or not at all, and never over TEXT.

    Example: argmap draft article.txt -o draft.argdown
    """
    from argmap.draft import draft, load_model  # noqa: PLC0415  # only this command drafts

    _not_over_an_input(target, [source])
    # The output's format before the drafting, which takes seconds on a long text: '-o
    # draft.txt' was refused only after it, saying "pass format=", an option draft lacked.
    with _words(format="--to"):
        written = format_for(
            target, format="argdown" if _stdio(target) and to_format is None else to_format
        )
    with _warnings_as_lines():
        with _reading_file(STDIN_NAME if _stdio(source) else source):
            text = (
                read_stream(sys.stdin.buffer, name=STDIN_NAME)
                if _stdio(source)
                else read_text(source, expected="a text file to draft")
            )
        chosen = None
        if model is not None:
            with _reading_file(model):
                chosen = load_model(model)
        try:
            m = draft(text, model=chosen)
        except DraftError as exc:
            if isinstance(exc, DraftModelError):
                raise
            raise DraftError(f"{STDIN_NAME if _stdio(source) else source}: {exc}") from None
        if _stdio(target):  # no suffix to name a format: Argdown, the one people read
            _to_stdout(written.dump_bytes(m, path=STDIO))
            return
        dump(m, target, format=written.name)
    relations = len(m.nodes("support")) + len(m.nodes("attack"))
    _echo(
        f"Drafted {len(list(m.statements()))} units and {relations} relations "
        f"(central claim {m.central}) into {target}",
        one_line=True,
    )
