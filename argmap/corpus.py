"""Run argmap over a whole corpus: many maps, one call, on a laptop's cores or on a cluster.

:func:`batch` hands each item (a file to load, or a map) and a task (``"check"``,
``"evaluate"``, ``"convert"`` or any picklable function of a map) to a
:class:`concurrent.futures.Executor`: a process pool by default, or any executor you pass, such
as Dask's (``distributed.Client(...).get_executor()``) or Ray's, so the same job runs on a cluster
unchanged. Results stream back **in input order** as :class:`BatchResult` objects; an item that
fails is a result with its ``error``, never the end of the run.

:func:`corpus_summary` folds the results of a ``"check"`` run into a :class:`CorpusSummary`:
findings by rule across the corpus and the maps with most gaps, as rows, a pandas table or CSV.

Examples:
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> from argmap.examples import north_korea
    >>> with ThreadPoolExecutor(2) as pool:
    ...     results = list(batch([north_korea(), north_korea()], "check", executor=pool))
    >>> [r.ok for r in results], results[0].result.summary()["total"] > 0
    ([True, True], True)
"""

from __future__ import annotations

import csv
import glob
import io
import os
import pickle
import sys
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap import params
from argmap.checks import check
from argmap.exceptions import ArgmapError, FileFormatError, FileWriteError, MissingDependencyError
from argmap.files import write_atomic
from argmap.io.formats import all_formats, dump, get_format, load
from argmap.params import shown
from argmap.semantics import evaluate
from argmap.wording import for_spreadsheet

if TYPE_CHECKING:
    import pandas as pd

    from argmap.map import ArgumentMap

__all__ = [
    "TASKS",
    "BatchError",
    "BatchResult",
    "CorpusSummary",
    "batch",
    "corpus_summary",
    "expand_paths",
]

TASKS = ("check", "evaluate", "convert")
"""The tasks :func:`batch` knows by name; any picklable function of a map works too."""


_ITEMS = "paths of map files or maps"  # what batch's items are, as its errors say


class BatchError(ArgmapError, ValueError):
    """A batch cannot start as asked: an unknown task, bad options, no items matched."""


@dataclass(frozen=True)
class BatchResult:
    """What one item of a batch gave.

    Attributes:
        item: The item as given: a path (as a string) or the map itself.
        result: The task's result (a :class:`~argmap.checks.Report` for ``"check"``, a
            :class:`~argmap.semantics.Labelling` for ``"evaluate"``, the written path for
            ``"convert"``), or ``None`` when the item failed.
        error: ``None`` when the item succeeded; else the :class:`~argmap.ArgmapError` that
            stopped it (bad input), or, for any other failure (a bug in a task of your own, a
            worker that died), a message naming the exception.
        index: The item's place in the input, from 0.
        warnings: The warnings the item raised, in order, as warning objects (a
            :class:`~argmap.exceptions.RepairWarning` when its file was repaired, a
            :class:`~argmap.exceptions.FormatLossWarning` when a conversion left something
            out); they come back from worker processes, where nobody would see them. Python
            records warnings for the whole process, so with a thread pool of your own the
            warnings of items that run at once may be told under one another. The warning
            filters in force when :func:`batch` is called apply to every item, in worker
            processes too: a warning they turn into an error fails its item, one they ignore
            is not listed.
    """

    item: Any
    result: Any = None
    error: ArgmapError | str | None = None
    index: int = field(default=0, compare=False)
    warnings: tuple[Warning, ...] = field(default=(), compare=False)

    @property
    def ok(self) -> bool:
        """Whether the item succeeded."""
        return self.error is None

    @property
    def name(self) -> str:
        """The item for people: its path, or the map's title (else ``map #<index>``)."""
        if isinstance(self.item, str):
            return self.item
        title = getattr(self.item, "title", None)
        return title or f"map #{self.index}"

    def __str__(self) -> str:
        if self.error is not None:
            return f"{self.name}: Error: {self.error}"
        return f"{self.name}: {self.result}"


def expand_paths(
    patterns: Iterable[str | os.PathLike[str]], *, suffixes: Sequence[str] | None = None
) -> list[str]:
    """Return the files that ``patterns`` name, in a stable order, each once.

    A pattern is a file (kept as it is, even with an unknown suffix: loading it will say why), a
    folder (every file below it whose suffix is a map format's, sorted), or a glob such as
    ``corpus/**/*.xml`` (sorted). A folder's or a glob's entries that are not regular files
    (a symbolic link to nowhere or to itself, a FIFO) are kept too: loading each says what it
    is, where leaving it out would pass over it in silence. Links to folders are not followed.

    Raises:
        BatchError: A pattern matches nothing; the message names it.

    Examples:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("b.json", "a.yaml", "notes.txt"):
        ...     _ = (d / name).write_text("{}")
        >>> [pathlib.Path(p).name for p in expand_paths([d])]
        ['a.yaml', 'b.json']
    """
    known = tuple(s.lower() for s in (suffixes or _map_suffixes()))
    found: list[str] = []
    for pattern in patterns:
        text = os.fspath(pattern)
        path = Path(text)
        if path.is_dir():
            # Not only regular files: a link to nowhere, a link loop or a FIFO named as a map
            # is reported in its result (loading it says what it is), never silently left out.
            matches = sorted(
                str(p) for p in path.rglob("*") if p.suffix.lower() in known and not p.is_dir()
            )
            if not matches:
                raise BatchError(
                    f"{text}: the folder holds no map files ({', '.join(known)}); "
                    "name the files, or a glob, instead"
                )
        elif glob.has_magic(text):
            matches = sorted(p for p in glob.glob(text, recursive=True) if not Path(p).is_dir())
            if not matches:
                raise BatchError(f"{text}: the pattern matches no file")
        else:
            matches = [text]  # a file, or a missing one: loading it reports that in its result
        found.extend(matches)
    return list(dict.fromkeys(found))


def _map_suffixes() -> tuple[str, ...]:
    """The suffixes of every format argmap reads, from the one table of formats."""
    return tuple(dict.fromkeys(s for f in all_formats() if f.can_load for s in f.suffixes))


def batch(
    items: Iterable[str | os.PathLike[str] | ArgumentMap],
    task: str | Callable[[ArgumentMap], Any],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    progress: bool | None = None,
    options: Mapping[str, Any] | None = None,
    input_format: str | None = None,
    strict: bool = False,
    window: int | None = None,
    chunksize: int | None = None,
) -> Iterator[BatchResult]:
    """Run ``task`` on every item, in parallel, and yield the results in input order.

    Args:
        items: Paths of map files (any format :func:`argmap.load` reads) and maps.
        task: ``"check"`` (options: ``select``, ``ignore``), ``"evaluate"`` (options:
            ``semantics``, default ``"grounded"``, and ``timeout``, seconds for each map),
            ``"convert"`` (options: ``to``, a format name, and ``out``, a folder; the result
            is the written path), or a picklable function
            that takes a map and returns a picklable result.
        executor: Where to run: any :class:`concurrent.futures.Executor` (it is not shut down
            here). By default a process pool of ``jobs`` workers, made and shut down here.
        jobs: Workers of the default pool (default: the number of CPUs). ``jobs=1`` runs in
            this process, without a pool.
        progress: Show a progress bar (tqdm) on standard error; by default only when standard
            error is a terminal, and only once a run has taken more than a second.
        options: The named task's options.
        input_format: The format of the files, as ``format=`` of :func:`argmap.load`; by
            default each file's suffix (and, for a shared suffix, its content) says.
        strict: Refuse a file with faults argmap would repair, as ``strict=`` of
            :func:`argmap.load` (the file's result is then that error).
        window: At most this many chunks in flight at once (default: 4 per worker), so a corpus
            of any size streams through in bounded memory.
        chunksize: Items sent to a worker in one trip (default: chosen from the number of items
            and workers, at most 32). Small maps check faster than a trip to a worker takes, so
            sending them one by one wastes the pool. A worker that dies takes its whole chunk
            with it: each of those items is reported with an error that says so.

    Yields:
        One :class:`BatchResult` per item, in the order of ``items``.

    Raises:
        BatchError: An unknown task name, or options it does not take; for ``"convert"``, a
            ``to`` that is not a format argmap writes, an ``out`` that is no path, is a file or
            cannot be made, or two inputs that would be written to one file (all before any
            work starts).
        InvalidArgumentError: ``items`` is not a list of paths and maps (one path given as
            text is refused, not read letter by letter: pass ``[path]``), or ``options`` is
            not a mapping.

    Examples:
        >>> from argmap.examples import north_korea
        >>> [r] = batch([north_korea()], "evaluate", jobs=1)
        >>> r.result[r.result.central]
        'in'
    """
    named = {} if options is None else params.mapping(options, where="batch", name="options")
    run = _Task(task, named, input_format, strict)
    listed = list(params.items(items, where="batch", name="items", item="path", plural=_ITEMS))
    given = [os.fspath(i) if isinstance(i, str | os.PathLike) else i for i in listed]
    for name, value in (("jobs", jobs), ("window", window), ("chunksize", chunksize)):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise BatchError(f"{name} must be a whole number of at least 1, not {shown(value)}")
    if run.task == "convert":
        _distinct_targets(given, to=run.options["to"], out=run.options["out"])
        problem = _make_folder(run.options["out"])
        if problem:
            raise BatchError(problem)
    bar = _progress_bar(len(given), progress)
    try:
        if executor is None and (jobs == 1 or len(given) <= 1):
            for index, item in enumerate(given):
                yield _result(index, item, _attempt(run, item, index))
                bar.update(1)
            return
        runner = _Runner(executor, jobs)
        try:
            size = chunksize or _auto_chunksize(len(given), runner.workers)
            numbered = list(enumerate(given))
            chunks = [numbered[start : start + size] for start in range(0, len(numbered), size)]
            in_flight: deque[tuple[list[tuple[int, Any]], Future[list[_Outcome]]]] = deque()
            limit = window or 4 * runner.workers
            for chunk in chunks:
                in_flight.append((chunk, runner.submit(run, chunk)))
                if len(in_flight) >= limit:
                    for result in _collect(*in_flight.popleft()):
                        yield result
                        bar.update(1)
            while in_flight:
                for result in _collect(*in_flight.popleft()):
                    yield result
                    bar.update(1)
        finally:
            runner.close()
    finally:
        bar.close()


class _Runner:
    """The executor: the caller's, or a process pool of our own that is replaced if it breaks.

    A worker process that dies (killed, out of memory, a crash in native code) breaks a process
    pool for good: the items then in flight come back as errors that say so, and the run goes
    on with a fresh pool. A caller's executor is theirs to manage: once it is broken, the items
    still to come are errors too.
    """

    def __init__(self, executor: Executor | None, jobs: int | None) -> None:
        self.own = executor is None
        self.jobs = jobs
        self.pool: Executor = executor or ProcessPoolExecutor(jobs)
        self.workers: int = jobs or getattr(self.pool, "_max_workers", None) or os.cpu_count() or 1

    def submit(self, run: _Task, chunk: list[tuple[int, Any]]) -> Future[list[_Outcome]]:
        try:
            return self.pool.submit(_attempt_chunk, run, chunk)
        except BrokenExecutor as exc:
            if not self.own:
                failed: Future[list[_Outcome]] = Future()
                failed.set_exception(exc)
                return failed
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(self.jobs)
        return self.pool.submit(_attempt_chunk, run, chunk)

    def close(self) -> None:
        if self.own:
            self.pool.shutdown(wait=True, cancel_futures=True)


# -- the work, done in a worker ------------------------------------------------------------------


_Outcome = tuple[Any, "ArgmapError | str | None", tuple[Warning, ...]]


def _portable_filters() -> tuple[Any, ...]:
    """The warning filters in force where the batch is started, those that survive a trip to a
    worker process (a filter on a category defined in a notebook may not)."""
    kept = []
    for entry in warnings.filters:
        try:
            pickle.loads(pickle.dumps(entry))  # noqa: S301  # our own bytes, just made
        except Exception:  # noqa: S112  # a filter a worker could not read: leave it out
            continue
        kept.append(entry)
    return tuple(kept)


@dataclass(frozen=True)
class _Task:
    """A task and its options, checked here so that a worker never meets a bad name."""

    task: str | Callable[[ArgumentMap], Any]
    options: dict[str, Any]
    input_format: str | None = None
    strict: bool = False
    filters: tuple[Any, ...] = field(default_factory=_portable_filters)

    def __post_init__(self) -> None:
        allowed = {
            "check": {"select", "ignore"},
            "evaluate": {"semantics", "timeout"},
            "convert": {"to", "out"},
        }
        if isinstance(self.task, str):
            if self.task not in TASKS:
                raise BatchError(
                    f"unknown task {self.task!r}; use one of {', '.join(TASKS)}, "
                    "or pass a function of a map"
                )
            extra = set(self.options) - allowed[self.task]
            if extra:
                raise BatchError(
                    f"task {self.task!r} takes no option {', '.join(sorted(extra))}; "
                    f"it takes {', '.join(sorted(allowed[self.task]))}"
                )
            if self.task == "convert":
                if not {"to", "out"} <= set(self.options):
                    raise BatchError("task 'convert' needs options to=FORMAT and out=FOLDER")
                _check_convert(self.options["to"], self.options["out"])
        elif not callable(self.task):
            raise BatchError(f"task must be a name or a function of a map, not {self.task!r}")
        elif self.options:
            raise BatchError("options are for the named tasks; bind them into your function")

    def __call__(self, m: ArgumentMap, item: Any, index: int) -> Any:
        if callable(self.task):
            return self.task(m)
        if self.task == "check":
            return check(m, select=self.options.get("select"), ignore=self.options.get("ignore"))
        if self.task == "evaluate":
            return evaluate(
                m, self.options.get("semantics", "grounded"), timeout=self.options.get("timeout")
            )
        return _convert(m, item, index, to=self.options["to"], out=self.options["out"])


def _target(item: Any, index: int, *, to: str, out: str | os.PathLike[str]) -> Path:
    """Where ``"convert"`` writes an item: its file's stem (or ``map-<index>``) in ``out``."""
    stem = Path(item).stem if isinstance(item, str) else f"map-{index:05d}"
    return Path(out) / f"{stem}.{_suffix_of(to)}"


def _distinct_targets(items: list[Any], *, to: str, out: str | os.PathLike[str]) -> None:
    """Refuse a conversion in which two inputs would be written to one file (``a/m.json`` and
    ``b/m.json`` both to ``out/m.argdown``), before anything is written."""
    seen: dict[str, Any] = {}
    for index, item in enumerate(items):
        target = _target(item, index, to=to, out=out)
        key = os.path.normcase(os.path.abspath(target))
        if key in seen:
            first = seen[key]
            raise BatchError(
                f"{first} and {item} would both be written to {target}, the second over the "
                "first; convert them into different folders, or rename one"
            )
        seen[key] = item


def _convert(m: ArgumentMap, item: Any, index: int, *, to: str, out: str | os.PathLike[str]) -> str:
    target = _target(item, index, to=to, out=out)
    if isinstance(item, str) and target.resolve() == Path(item).resolve():
        raise ArgmapError(f"{item}: converting it would write over it; choose another folder")
    problem = _make_folder(out)
    if problem:
        raise FileWriteError(problem, path=os.fspath(out))
    dump(m, target, format=to)
    return str(target)


def _check_convert(to: object, out: object) -> None:
    """Refuse a ``"convert"`` that could write nothing, before any work starts: a format that
    is not one argmap writes, an ``out`` that is no path or is a file."""
    if not isinstance(to, str):
        raise BatchError(f"task 'convert': to= must be a format name, not {params.shown(to)}")
    try:
        fmt = get_format(to)
    except FileFormatError as exc:
        raise BatchError(f"task 'convert': to={to!r}: {exc.problem}") from None
    if fmt.dumps is None:
        writable = ", ".join(f.name for f in all_formats() if f.dumps is not None)
        raise BatchError(
            f"task 'convert': argmap reads {fmt.name} but does not write it; use one of {writable}"
        )
    if not isinstance(out, str | os.PathLike):
        raise BatchError(
            "task 'convert': out= must be a folder (a str or a pathlib.Path), "
            f"not {params.shown(out)}"
        )
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise BatchError(
            f"task 'convert': out={os.fspath(out)!r} is a file, not a folder; pass a folder "
            "(it is made if it is missing)"
        )


def _make_folder(out: str | os.PathLike[str]) -> str | None:
    """Make the folder ``"convert"`` writes to; say why it cannot be made (None: it is there)."""
    try:
        Path(out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return (
            f"task 'convert': cannot make the folder out={os.fspath(out)!r} ({why}); "
            "pass a folder you can write to"
        )
    return None


def _suffix_of(format_name: str) -> str:
    return get_format(format_name).suffixes[0].lstrip(".")


def _attempt(run: _Task, item: Any, index: int) -> _Outcome:
    """Load (for a path) and run; every failure becomes the outcome's error, never a raise, and
    every warning is kept with the outcome (a worker's own warnings reach no one).

    A ``SystemExit`` from a task (a library that calls ``sys.exit``) is that item's failure,
    not the end of the run; a ``KeyboardInterrupt`` does end the run (the pool is shut down).
    """
    with warnings.catch_warnings(record=True) as caught:
        # The caller's filters, in a worker process too: what they turn into errors fails the
        # item, what they ignore is not recorded. Each item starts afresh (catch_warnings clears
        # what "default" and "once" have already shown), so each item's own warnings come back.
        warnings.resetwarnings()
        for action, message, category, module, lineno in reversed(run.filters):
            # A pattern is compiled, or a plain string in Python's own first filters.
            text, place = getattr(message, "pattern", message), getattr(module, "pattern", module)
            warnings.filterwarnings(action, text or "", category, place or "", lineno)
        result, error = _attempt_quietly(run, item, index)
    return result, error, tuple(_portable_warning(w.message) for w in caught)


def _portable_warning(message: Warning | str) -> Warning:
    """The warning itself if it survives a process boundary, else a UserWarning of its text."""
    if isinstance(message, str):
        return UserWarning(message)
    try:
        pickle.loads(pickle.dumps(message))  # noqa: S301  # our own bytes, just made
    except Exception:
        return UserWarning(str(message))
    return message


def _attempt_quietly(run: _Task, item: Any, index: int) -> tuple[Any, ArgmapError | str | None]:
    try:
        m = _load(item, run.input_format, strict=run.strict) if isinstance(item, str) else item
    except ArgmapError as exc:
        return None, _portable(exc)
    except (Exception, SystemExit) as exc:  # a reader's bug: name the file, go on
        return None, f"{item}: argmap could not read this file ({_described(exc)})"
    try:
        return run(m, item, index), None
    except ArgmapError as exc:
        return None, _portable(exc)
    except (Exception, SystemExit) as exc:  # a task of the user's own: report it, go on
        return None, _described(exc)


def _described(exc: BaseException) -> str:
    """``Type: message``, never a bare type name (a MemoryError has no message)."""
    if isinstance(exc, SystemExit):
        return f"the task called sys.exit({exc.code!r})"
    if isinstance(exc, MemoryError):
        return "MemoryError: out of memory"
    return f"{type(exc).__name__}: {exc}" if str(exc) else f"{type(exc).__name__} (no message)"


def _load(path: str, input_format: str | None, *, strict: bool = False) -> ArgumentMap:
    return load(path, format=input_format, strict=strict)


def _portable(exc: ArgmapError) -> ArgmapError | str:
    """The error itself if it survives a process boundary, else its message."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301  # our own bytes, just made
    except Exception:
        return _described(exc)
    return exc


def _attempt_chunk(run: _Task, chunk: list[tuple[int, Any]]) -> list[_Outcome]:
    """Several items in one call: a small map takes less time than a trip to a worker."""
    return [_attempt(run, item, index) for index, item in chunk]


def _auto_chunksize(n_items: int, workers: int) -> int:
    """Items per trip to a worker: enough to amortise the trip, few enough to balance the load
    (about 16 chunks per worker) and to keep the progress bar moving; at most 32."""
    return max(1, min(32, n_items // (16 * workers)))


def _collect(chunk: list[tuple[int, Any]], future: Future[list[_Outcome]]) -> list[BatchResult]:
    try:
        outcomes = future.result()
    except BrokenExecutor as exc:
        died = f"the worker running this item died ({type(exc).__name__}: {exc})"
        outcomes = [(None, died, ())] * len(chunk)
    except Exception as exc:  # e.g. a result that does not pickle
        outcomes = [(None, _described(exc), ())] * len(chunk)
    return [
        _result(index, item, outcome)
        for (index, item), outcome in zip(chunk, outcomes, strict=True)
    ]


def _result(index: int, item: Any, outcome: _Outcome) -> BatchResult:
    result, error, caught = outcome
    return BatchResult(item=item, result=result, error=error, index=index, warnings=caught)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, progress: bool | None) -> Any:
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return _NoBar()
    try:
        from tqdm import tqdm  # noqa: PLC0415
    except ImportError:
        return _NoBar()
    return tqdm(total=total, unit="map", delay=1.0, mininterval=0.5, file=sys.stderr)


# -- a corpus summary ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusSummary:
    """The findings of a whole corpus: per map, and per rule across the corpus.

    Attributes:
        maps: One row per item: ``path``, ``error`` (empty when it loaded), ``total`` findings,
            their counts by severity and by rule code.
        rules: The rule codes that occur, in order.
    """

    maps: tuple[dict[str, Any], ...]
    rules: tuple[str, ...]

    def by_rule(self) -> list[dict[str, Any]]:
        """Return, per rule, the findings and the maps that have one, most findings first."""
        counts: Counter[str] = Counter()
        maps: Counter[str] = Counter()
        for row in self.maps:
            for code in self.rules:
                counts[code] += row[code]
                maps[code] += row[code] > 0
        return [
            {"rule": code, "findings": counts[code], "maps": maps[code]}
            for code in sorted(self.rules, key=lambda c: (-counts[c], c))
        ]

    def most_gaps(self, n: int = 10) -> list[dict[str, Any]]:
        """Return the ``n`` maps with most findings (errors first, then warnings, then all)."""
        rows = [r for r in self.maps if not r["error"]]
        rows.sort(key=lambda r: (-r["error_findings"], -r["warning"], -r["total"], r["path"]))
        return rows[:n]

    @property
    def failed(self) -> list[dict[str, Any]]:
        """The rows of the items that could not be checked."""
        return [r for r in self.maps if r["error"]]

    def to_csv(self, path: str | os.PathLike[str] | None = None) -> str:
        """Return the per-map table as CSV, and write it (atomically) to ``path`` if given.

        A cell that a spreadsheet would run as a formula (a file name that begins with ``=``,
        ``+``, ``-``, ``@``, a tab or a carriage return) begins with ``'``
        (:func:`argmap.wording.for_spreadsheet`). Lines end in CRLF, as RFC 4180 has it.
        """
        columns = ["path", "error", "total", "error_findings", "warning", "info", *self.rules]
        out = io.StringIO()
        # CRLF, as RFC 4180 has it: Python's writer quotes a cell that holds a character of
        # the line terminator, so a file name with a carriage return cannot split its row.
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: for_spreadsheet(v) for k, v in row.items()} for row in self.maps)
        text = out.getvalue()
        if path is not None:
            write_atomic(Path(path), text.encode("utf-8"))
        return text

    def to_dataframe(self) -> pd.DataFrame:
        """Return the per-map table as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd  # noqa: PLC0415
        except ImportError:
            raise MissingDependencyError(
                "a corpus summary as a table needs pandas; "
                'install it with pip install "argmap[notebook]" (or pip install pandas)'
            ) from None
        columns = ["path", "error", "total", "error_findings", "warning", "info", *self.rules]
        return pd.DataFrame(list(self.maps), columns=columns)

    def __str__(self) -> str:
        ok = len(self.maps) - len(self.failed)
        lines = [f"{len(self.maps)} maps: {ok} checked, {len(self.failed)} failed"]
        for row in self.by_rule():
            lines.append(f"  {row['rule']}: {row['findings']} findings in {row['maps']} maps")
        return "\n".join(lines)


def corpus_summary(results: Iterable[BatchResult]) -> CorpusSummary:
    """Fold the results of a ``"check"`` batch into a :class:`CorpusSummary`.

    Examples:
        >>> from argmap.examples import north_korea
        >>> summary = corpus_summary(batch([north_korea()], "check", jobs=1))
        >>> summary.maps[0]["total"] == sum(r["findings"] for r in summary.by_rule())
        True
    """
    given = params.items(
        results, where="corpus_summary", name="results", item="batch result", kind=BatchResult
    )
    rows: list[dict[str, Any]] = []
    seen: dict[str, None] = {}
    for r in given:
        row: dict[str, Any] = {"path": r.name, "error": "" if r.ok else str(r.error)}
        counts: Counter[str] = Counter()
        severities: Counter[str] = Counter()
        for finding in r.result or ():
            counts[finding.rule] += 1
            severities[finding.severity] += 1
            seen.setdefault(finding.rule)
        row.update(
            total=sum(counts.values()),
            error_findings=severities["error"],
            warning=severities["warning"],
            info=severities["info"],
        )
        row["_counts"] = counts
        rows.append(row)
    codes = tuple(sorted(seen))
    for row in rows:
        counts = row.pop("_counts")
        row.update({code: counts.get(code, 0) for code in codes})
    return CorpusSummary(maps=tuple(rows), rules=codes)
