"""The competition's reasoning tasks (ICCMA): DC, DS, SE, EE and CE, and their answers' format.

A task is a question about a framework under a semantics, named as ICCMA names it: ``DC-PR``
(is the argument credulously accepted under preferred semantics?), ``DS-ST`` (sceptically,
under stable?), ``SE-CO`` (some complete extension), ``EE-SST`` (every semi-stable extension),
``CE-STG`` (how many stage extensions). :func:`solve_task` answers one, under a ``timeout``, with
an :class:`Answer` that prints as the competition expects:

- ICCMA 2023 (``.i23`` files, arguments numbered): ``YES`` and a witness line ``w 1 2 5`` for a
  credulous yes, ``NO`` and ``w ...`` (an extension without the argument) for a sceptical no,
  ``w 1 2 5`` for one extension and ``NO`` when there is none (stable semantics only). Lists of
  extensions, which 2023 did not ask for, are one ``w`` line each; counts are a number.
- ICCMA 2015-2021 (``.apx``, ``.tgf``): ``YES`` / ``NO``; an extension as ``[a,b]``; all of them
  as ``[[a,b],[c]]``; a count as a number.

A name the answer's lines could not hold as it is (a space, a comma, a bracket, a quote, a line
break or another control character: an ``.apx`` file may quote any name) is printed as a JSON
string, ``["a b",c]``, so that a name cannot add a line or an argument to the answer.

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework(["1", "2", "3"], [("1", "2"), ("2", "1"), ("2", "3")])
    >>> print(solve_task(af, "DS-PR", argument="3").to_iccma())
    NO
    w 2
    >>> print(solve_task(af, "EE-PR").to_iccma(style="2019"))
    [[1,3],[2]]
    >>> solve_task(af, "CE-CO").count
    3
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from argmap.exceptions import EvaluationError
from argmap.semantics.extensions import (
    ABBREVIATIONS,
    MULTI_SEMANTICS,
    Mode,
    MultiSemantics,
    count_extensions,
    extensions,
    is_accepted,
    some_extension,
)
from argmap.semantics.grounded import IN, grounded_codes
from argmap.semantics.solver import check_timeout

if TYPE_CHECKING:
    from argmap.semantics.framework import Framework

__all__ = ["TASKS", "TASK_SEMANTICS", "Answer", "Style", "Task", "parse_task", "solve_task"]

Task = Literal["DC", "DS", "SE", "EE", "CE"]
TASKS: tuple[Task, ...] = ("DC", "DS", "SE", "EE", "CE")
TASK_SEMANTICS: tuple[str, ...] = ("grounded", *MULTI_SEMANTICS)
"""The semantics a task can ask about."""
Style = Literal["2023", "2019"]
_ABBREVIATIONS = {"grounded": "GR", **ABBREVIATIONS}
_BY_ABBREVIATION = {v: k for k, v in _ABBREVIATIONS.items()}


def parse_task(task: str, semantics: str | None = None) -> tuple[Task, str]:
    """Split ``"DS-PR"`` into ``("DS", "preferred")``, or check ``task`` and ``semantics`` given apart.

    Raises:
        EvaluationError: An unknown task or semantics, or a semantics given twice that differs.

    Examples:
        >>> parse_task("DS-PR"), parse_task("se", "stable")
        (('DS', 'preferred'), ('SE', 'stable'))
    """  # noqa: E501
    kind, _, abbreviation = task.strip().upper().partition("-")
    if kind not in TASKS:
        raise EvaluationError(
            f"unknown task {task!r}; use one of {', '.join(TASKS)} (credulous and sceptical "
            "acceptance, some, every or the count of extensions), optionally with the "
            "semantics as ICCMA writes it, such as DS-PR"
        )
    named = _BY_ABBREVIATION.get(abbreviation) if abbreviation else None
    if abbreviation and named is None:
        raise EvaluationError(
            f"unknown semantics {abbreviation!r} in {task!r}; use one of "
            f"{', '.join(_BY_ABBREVIATION)}"
        )
    if semantics is not None and semantics not in TASK_SEMANTICS:
        raise EvaluationError(
            f"semantics {semantics!r} has no {kind} task; use one of {', '.join(TASK_SEMANTICS)}"
        )
    if named and semantics and named != semantics:
        raise EvaluationError(f"{task!r} asks about {named} semantics, not {semantics}")
    chosen = named or semantics
    if chosen is None:
        raise EvaluationError(f"task {task!r} needs a semantics, such as {kind}-PR")
    return kind, chosen


@dataclass(frozen=True)
class Answer:
    """A task's answer.

    Attributes:
        task: ``"DC"``, ``"DS"``, ``"SE"``, ``"EE"`` or ``"CE"``.
        semantics: The semantics asked about.
        argument: The argument asked about (DC, DS), else ``None``.
        accepted: The decision (DC, DS), else ``None``.
        extension: One extension (SE; ``None`` when there is none), or the witness of a
            decision (an extension with the argument for a credulous yes, without it for a
            sceptical no).
        extensions: Every extension (EE).
        count: How many extensions (CE).
        order: The framework's arguments in order, so that extensions print in that order.
    """

    task: Task
    semantics: str
    argument: str | None = None
    accepted: bool | None = None
    extension: frozenset[str] | None = None
    extensions: tuple[frozenset[str], ...] = ()
    count: int | None = None
    order: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The task as ICCMA names it, such as ``"DS-PR"``."""
        return f"{self.task}-{_ABBREVIATIONS[self.semantics]}"

    def _sorted(self, extension: frozenset[str]) -> list[str]:
        rank = {a: i for i, a in enumerate(self.order)}
        return [
            printed_name(a) for a in sorted(extension, key=lambda a: (rank.get(a, len(rank)), a))
        ]

    def to_iccma(self, *, style: Style = "2023") -> str:
        """The answer as a competition solver prints it (see the module's docs), no newline at
        the end."""
        if style not in ("2023", "2019"):
            raise EvaluationError(f"unknown output style {style!r}; use '2023' or '2019'")

        def listed(extension: frozenset[str]) -> str:
            return "[" + ",".join(self._sorted(extension)) + "]"

        def witness(extension: frozenset[str]) -> str:
            return " ".join(["w", *self._sorted(extension)])

        if self.task in ("DC", "DS"):
            lines = ["YES" if self.accepted else "NO"]
            if style == "2023" and self.extension is not None:
                lines.append(witness(self.extension))
            return "\n".join(lines)
        if self.task == "SE":
            if self.extension is None:
                return "NO"
            return witness(self.extension) if style == "2023" else listed(self.extension)
        if self.task == "EE":
            if style == "2019":
                return "[" + ",".join(listed(e) for e in self.extensions) + "]"
            return "\n".join(witness(e) for e in self.extensions) or "NO"
        return str(self.count)


_UNSAFE = re.compile(r'[\s,\[\]"\\\x00-\x1f\x7f-\x9f]')
_NOT_JSON_ESCAPED = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def printed_name(name: str) -> str:
    """``name`` as an answer line or a framework file's comment can hold it: as it is, or as a
    JSON string with every control and line break escaped.

    Examples:
        >>> printed_name("a1"), printed_name("a b"), printed_name("x]\\nNO")
        ('a1', '"a b"', '"x]\\\\nNO"')
    """
    if name and not _UNSAFE.search(name):
        return name
    quoted = json.dumps(name, ensure_ascii=False)
    return _NOT_JSON_ESCAPED.sub(lambda c: f"\\u{ord(c.group()):04x}", quoted)


def solve_task(
    af: Framework,
    task: str,
    semantics: str | None = None,
    *,
    argument: str | None = None,
    timeout: float | None = None,
) -> Answer:
    """Answer an ICCMA task about ``af``.

    Args:
        af: The framework (read one with :func:`argmap.semantics.iccma.read_framework`).
        task: ``"DC"``, ``"DS"``, ``"SE"``, ``"EE"`` or ``"CE"``, or with the semantics as ICCMA
            writes it (``"DS-PR"``, ``"SE-ST"``, ``"CE-SST"``, ``"DC-STG"``, ``"SE-GR"``).
        semantics: ``"grounded"``, ``"complete"``, ``"preferred"``, ``"stable"``,
            ``"semi-stable"`` or ``"stage"``, unless ``task`` names it.
        argument: The argument asked about, for DC and DS.
        timeout: Give up after this many seconds (wall clock); ``None`` for no limit.

    Raises:
        EvaluationError: An unknown task, semantics or argument, or a missing argument.
        EvaluationTimeout: The time ran out.

    Examples:
        >>> from argmap.semantics.framework import Framework
        >>> odd = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
        >>> solve_task(odd, "SE-ST").to_iccma()
        'NO'
        >>> solve_task(odd, "DS", "stable", argument="a").accepted
        True
    """
    kind, name = parse_task(task, semantics)
    check_timeout(timeout)
    order = af.arguments
    if kind in ("DC", "DS"):
        if argument is None:
            raise EvaluationError(
                f"{kind} asks about one argument; name it (argument=, --argument)"
            )
        if argument not in af.index:
            raise EvaluationError(
                f"unknown argument {argument!r}; the framework has {len(af)} arguments"
                + (" (numbered from 1 in an ICCMA 2023 file)" if "1" in af.index else "")
            )
    elif argument is not None:
        raise EvaluationError(
            f"{kind} is about the whole framework; an argument goes with DC and DS only"
        )
    answer = Answer(task=kind, semantics=name, argument=argument, order=order)
    if name == "grounded":
        codes = grounded_codes(af)
        ext = frozenset(a for a, c in zip(order, codes, strict=True) if c == IN)
        if kind in ("DC", "DS"):
            accepted = argument in ext
            shown = ext if accepted == (kind == "DC") else None
            return replace(answer, accepted=accepted, extension=shown)
        return replace(answer, extension=ext, extensions=(ext,), count=1)
    semantics_: MultiSemantics = name  # type: ignore[assignment]
    if kind in ("DC", "DS"):
        mode: Mode = "credulous" if kind == "DC" else "sceptical"
        decision = is_accepted(af, argument or "", semantics_, mode=mode, timeout=timeout)
        return replace(answer, accepted=decision.accepted, extension=decision.witness)
    if kind == "SE":
        return replace(answer, extension=some_extension(af, semantics_, timeout=timeout))
    if kind == "EE":
        return replace(answer, extensions=tuple(extensions(af, semantics_, timeout=timeout)))
    return replace(answer, count=count_extensions(af, semantics_, timeout=timeout))
