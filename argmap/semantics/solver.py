"""clingo under a deadline: one ground program, solved as often as a task needs (multi-shot).

Every hard task of :mod:`argmap.semantics.extensions` runs through a :class:`Solver`. It grounds
its program once, then answers a sequence of questions over it, each a solve call under
*assumptions* (literals held true or false for that call only) and, between calls, with
constraints added through clingo's backend. That is how the counter-example loops of sceptical
acceptance reuse one solver instead of starting clingo again for each candidate.

Each solve runs in clingo's own thread (``async_``) while Python waits on its handle in short
slices, so that

- a :class:`Deadline` that passes cancels the search at once and raises
  :class:`~argmap.exceptions.EvaluationTimeout`, naming the task and the time it had;
- Ctrl-C (``KeyboardInterrupt``) is seen within a slice and cancels the search too, instead of
  waiting for clingo to finish.

Grounding itself cannot be interrupted; the encodings here ground in time linear in the
framework (under half a second for 80,000 attacks), and the deadline is checked as soon as
grounding ends.

Examples:
    >>> solver = Solver("{in(1..2)}. :- in(1), in(2). :- not in(1), not in(2).")
    >>> sorted(sorted(m) for m in solver.models())
    [[('in', 1)], [('in', 2)]]
    >>> solver.solve([solver.literal("in", 2)])
    [('in', 2)]
    >>> Deadline(None).remaining() is None
    True
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Sequence
from typing import Any

from argmap.exceptions import EvaluationError, EvaluationTimeout, MissingDependencyError
from argmap.params import shown

__all__ = ["Deadline", "Solver", "check_timeout"]

_SLICE = 0.05
"""How long (seconds) one wait on clingo's handle lasts before Python looks at the clock and
at pending signals again: the latency of a timeout or of Ctrl-C."""


def check_timeout(timeout: float | None) -> float | None:
    """Return ``timeout`` if it is ``None`` or a positive number of seconds.

    Raises:
        EvaluationError: Anything else, with what to pass instead.

    Examples:
        >>> check_timeout(2), check_timeout(None)
        (2, None)
        >>> check_timeout(0)
        Traceback (most recent call last):
        ...
        argmap.exceptions.EvaluationError: timeout must be a positive number of seconds (or None for no limit), not 0
    """  # noqa: E501
    if timeout is None:
        return None
    try:  # an int past a float's range (10**400) cannot be a deadline either
        seconds = None if isinstance(timeout, bool) else float(timeout)
    except (TypeError, ValueError, OverflowError):
        seconds = None
    if seconds is None or not isinstance(timeout, int | float) or not 0 < seconds < math.inf:
        raise EvaluationError(
            "timeout must be a positive number of seconds (or None for no limit), not "
            f"{shown(timeout)}"
        )
    return timeout


class Deadline:
    """A point in (monotonic, wall-clock) time by which a task must be done, or none.

    Args:
        timeout: Seconds from now, or ``None`` for no limit.
        task: The task's name for the error message, such as ``"DS-PR"``.
    """

    __slots__ = ("at", "task", "timeout")

    def __init__(self, timeout: float | None, *, task: str = "the task") -> None:
        self.timeout = check_timeout(timeout)
        self.task = task
        self.at = None if self.timeout is None else time.monotonic() + self.timeout

    def remaining(self) -> float | None:
        """Seconds left (never below 0), or ``None`` without a limit."""
        return None if self.at is None else max(0.0, self.at - time.monotonic())

    def left(self) -> float | None:
        """Seconds left for the next call, to pass on as its ``timeout=``; ``None`` without a
        limit.

        Raises:
            EvaluationTimeout: None are left.
        """
        left = self.remaining()
        if left is not None and left <= 0:
            raise self.expired()
        return left

    def check(self) -> None:
        """Raise :class:`EvaluationTimeout` if the deadline has passed."""
        if self.at is not None and time.monotonic() >= self.at:
            raise self.expired()

    def expired(self) -> EvaluationTimeout:
        """The error to raise when the time is up."""
        seconds = self.timeout or 0.0
        return EvaluationTimeout(
            f"{self.task} ran out of time: stopped after the {seconds:g} s it was given; give "
            "it longer (timeout=, --timeout), or ask an easier question (grounded semantics, "
            "or one extension instead of all)",
            seconds=seconds,
            task=self.task,
        )


def _clingo() -> Any:
    try:
        import clingo  # noqa: PLC0415
    except ImportError:  # pragma: no cover - clingo is a dependency
        raise MissingDependencyError(
            "complete, preferred, stable, semi-stable and stage semantics need the clingo "
            "package (a dependency of argmap): pip install clingo"
        ) from None
    return clingo


def _quiet(_code: object, _message: str) -> None:
    """Drop clingo's log messages: they are remarks on the encoding, never on the user's input."""


class Solver:
    """One clingo program, ground once and solved under assumptions as often as asked.

    Args:
        program: The logic program (encoding and facts) as text.
        heuristic: Use clingo's domain heuristic (``#heuristic`` statements in the program),
            which makes the first model of each call subset-maximal in the atoms it favours.
        deadline: When to give up; ``None`` for never.
        task: The task's name for errors, such as ``"DS-PR"``.
    """

    __slots__ = ("_control", "deadline")

    def __init__(
        self,
        program: str,
        *,
        heuristic: bool = False,
        deadline: Deadline | None = None,
        task: str = "the task",
    ) -> None:
        clingo = _clingo()
        self.deadline = deadline or Deadline(None, task=task)
        options = ["--warn=none"]
        if heuristic:
            options.append("--heuristic=Domain")
        # clingo's own remarks (an enumeration mode with nothing to act on) are not the user's.
        self._control: Any = clingo.Control(options, logger=_quiet)
        self._control.add("base", [], program)
        self._control.ground([("base", [])])
        self.deadline.check()

    def literal(self, name: str, argument: int | None = None) -> int | None:
        """The program literal of the atom ``name(argument)`` (``name`` alone when ``argument``
        is ``None``), or ``None`` if it was not ground (the atom cannot be true)."""
        clingo = _clingo()
        arguments = [] if argument is None else [clingo.Number(argument)]
        atom = self._control.symbolic_atoms[clingo.Function(name, arguments)]
        return None if atom is None else int(atom.literal)

    def literals(self, name: str, count: int) -> list[int | None]:
        """The literals of ``name(0)`` .. ``name(count - 1)`` (``None`` where not ground)."""
        return [self.literal(name, i) for i in range(count)]

    def add_rule(self, head: Sequence[int], body: Sequence[int], *, choice: bool = False) -> None:
        """Add a rule over program literals (an empty head makes it a constraint)."""
        with self._control.backend() as backend:
            backend.add_rule(list(head), list(body), choice)

    def new_atom(self) -> int:
        """A fresh atom, defined by no rule yet."""
        with self._control.backend() as backend:
            return int(backend.add_atom())

    def _configure(self, *, models: int, mode: str) -> None:
        solve = self._control.configuration.solve
        solve.models = str(models)
        solve.enum_mode = mode

    def models(
        self,
        assumptions: Sequence[int] = (),
        *,
        limit: int | None = None,
        mode: str = "auto",
    ) -> Iterator[list[tuple[str, int]]]:
        """Yield the shown atoms ``(name, argument)`` of each model, at most ``limit`` of them.

        ``mode`` is clingo's enumeration mode: ``"auto"``, ``"domRec"`` (subset-maximal models
        in the heuristic's atoms), ``"brave"`` or ``"cautious"`` (the last model yielded holds
        the consequences).

        Raises:
            EvaluationTimeout: The deadline passed; the search is cancelled.
        """
        self._configure(models=0 if limit is None else limit, mode=mode)
        deadline = self.deadline
        deadline.check()
        with self._control.solve(assumptions=list(assumptions), yield_=True, async_=True) as handle:
            try:
                while True:
                    handle.resume()
                    self._wait(handle)
                    model = handle.model()
                    if model is None:
                        return
                    yield [(s.name, s.arguments[0].number) for s in model.symbols(shown=True)]
            except BaseException:
                handle.cancel()
                raise

    def solve(self, assumptions: Sequence[int] = ()) -> list[tuple[str, int]] | None:
        """Return the first model's shown atoms, or ``None`` when there is no model.

        Raises:
            EvaluationTimeout: The deadline passed; the search is cancelled.
        """
        for atoms in self.models(assumptions, limit=1):
            return atoms
        return None

    def count(self, assumptions: Sequence[int] = (), *, mode: str = "auto") -> int:
        """Return how many models there are (all of them are enumerated, inside clingo)."""
        self._configure(models=0, mode=mode)
        found = 0

        def on_model(_model: object) -> None:
            nonlocal found
            found += 1

        deadline = self.deadline
        deadline.check()
        with self._control.solve(
            assumptions=list(assumptions), on_model=on_model, async_=True
        ) as handle:
            try:
                self._wait(handle)
            except BaseException:
                handle.cancel()
                raise
        return found

    def _wait(self, handle: Any) -> None:
        deadline = self.deadline
        while True:
            left = deadline.remaining()
            step = _SLICE if left is None else min(_SLICE, left)
            if handle.wait(step):
                return
            if left is not None:
                deadline.check()
