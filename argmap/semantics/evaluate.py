"""``evaluate(m, semantics=...)``: one entry point for every semantics argmap knows.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("c", "C."), m.rebuttal("r1", "R1."), m.rebuttal("r2", "R2.")
    >>> _ = m.attack("r1", "c"), m.attack("r2", "r1")
    >>> evaluate(m)["c"]  # the default, evidential: a claim needs a support
    'out'
    >>> evaluate(m, "grounded")["c"]  # Dung over the classic translation: it stands unargued
    'in'
"""

from __future__ import annotations

import difflib
from itertools import compress, repeat
from operator import eq
from typing import TYPE_CHECKING, Literal

from argmap.exceptions import EvaluationError, EvaluationTimeout
from argmap.map import require_map
from argmap.params import shown
from argmap.semantics.extensions import (
    MultiSemantics,
    credulous,
    extensions,
    sceptical_labels,
)
from argmap.semantics.grounded import (
    IN,
    OUT,
    Reading,
    attack_graph_labels,
    grounded_codes,
    label_map,
)
from argmap.semantics.labelling import Label, Labelling
from argmap.semantics.solver import Deadline, check_timeout
from argmap.semantics.translate import to_framework

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.semantics.framework import Framework

__all__ = ["DEFAULT_SEMANTICS", "SEMANTICS", "Semantics", "evaluate"]

Semantics = Literal[
    "evidential", "grounded", "complete", "preferred", "stable", "dfquad", "qe", "carneades"
]
SEMANTICS: tuple[Semantics, ...] = (
    "evidential",
    "grounded",
    "complete",
    "preferred",
    "stable",
    "dfquad",
    "qe",
    "carneades",
)
_NAMES: tuple[Label, Label, Label] = ("undec", "in", "out")

DEFAULT_SEMANTICS: Semantics = "evidential"
"""The semantics used when none is named: by :func:`evaluate`, the gap checks (AM201, AM202,
AM601), ``argmap evaluate``, ``argmap explain`` and the diagrams' ``--labels``."""


def check_semantics(semantics: str) -> Semantics:
    """Return ``semantics`` if argmap knows it.

    Raises:
        EvaluationError: It is unknown; the message lists the known ones and the closest.
    """
    if semantics in SEMANTICS:
        return semantics
    close = difflib.get_close_matches(str(semantics), SEMANTICS, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise EvaluationError(
        f"unknown semantics {semantics!r}; {hint}use one of {', '.join(SEMANTICS)}"
    )


def evaluate(
    m: ArgumentMap,
    semantics: str = DEFAULT_SEMANTICS,
    *,
    max_extensions: int = 1000,
    base_score: float = 0.5,
    timeout: float | None = None,
) -> Labelling:
    """Evaluate ``m`` under ``semantics`` and return the labels or strengths of its nodes.

    Args:
        m: The map.
        semantics: ``"evidential"`` (the default: a claim is IN only through an accepted
            support whose chain ends in cases, premises, rebuttals or assumptions, which stand
            unless defeated; linear time, one answer), ``"grounded"``, ``"complete"``,
            ``"preferred"``, ``"stable"`` (Dung, through the classic translation of
            :mod:`argmap.semantics.translate`, where a statement with no support stands),
            ``"dfquad"``, ``"qe"`` (gradual strengths) or ``"carneades"`` (proof standards,
            assumptions, weights: see :mod:`argmap.semantics.carneades`).
        max_extensions: List at most this many extensions (complete and stable give exact
            labels beyond it; preferred needs them all and raises beyond it).
        base_score: The base score of a statement without a ``weight``, for gradual semantics.
        timeout: Give the evaluation at most this many seconds; ``None`` for no limit. Complete,
            preferred and stable semantics (clingo) can take exponential time, a gradual
            semantics up to 100,000 steps around a cycle, Carneades time linear in the map:
            each looks at the clock as it goes. Evidential and grounded run in one linear pass
            that does not.

    Raises:
        EvaluationError: An unknown semantics, or more preferred extensions than
            ``max_extensions``.
        EvaluationTimeout: The time ran out (see :mod:`argmap.semantics.solver`).

    Examples:
        >>> from argmap.examples import north_korea
        >>> lab = evaluate(north_korea())
        >>> lab.semantics, lab["s_effective"], lab["reacts"]
        ('evidential', 'out', 'in')
        >>> evaluate(north_korea(), "groundd")
        Traceback (most recent call last):
        ...
        argmap.exceptions.EvaluationError: unknown semantics 'groundd'; did you mean 'grounded'? use one of evidential, grounded, complete, preferred, stable, dfquad, qe, carneades
    """  # noqa: E501
    require_map(m, "evaluate")
    name = check_semantics(semantics)
    check_timeout(timeout)
    if not isinstance(max_extensions, int) or max_extensions < 1:
        raise EvaluationError(
            f"max_extensions must be a positive whole number, not {shown(max_extensions)}"
        )
    if name in ("dfquad", "qe"):
        from argmap.semantics.gradual import strengths  # noqa: PLC0415

        remarks: list[str] = []  # a cycle that did not settle says so here
        return Labelling(
            semantics=name,
            strengths=strengths(m, name, base_score=base_score, notes=remarks, timeout=timeout),
            central=m.central,
            notes=tuple(remarks),
        )
    if name == "carneades":
        from argmap.semantics.carneades import carneades_labels  # noqa: PLC0415

        labels, notes = carneades_labels(m, timeout=timeout)
        ins = frozenset(n for n, lab in labels.items() if lab == "in")
        return Labelling(
            semantics=name,
            labels=labels,
            extensions=(ins,),
            credulous=ins,
            central=m.central,
            notes=notes,
        )
    if name in ("evidential", "grounded"):
        return _fixpoint(m, name)
    af = to_framework(m)
    nodes = [a for a in af.arguments if af.roles[a] in ("statement", "support", "attack")]
    deadline = Deadline(timeout, task=f"evaluating under {name} semantics")
    try:
        return _dung(
            af, nodes, name, max_extensions=max_extensions, central=m.central, deadline=deadline
        )
    except EvaluationTimeout:  # say it of the whole evaluation, with the time it was given
        raise deadline.expired() from None


def _fixpoint(m: ArgumentMap, name: Reading) -> Labelling:
    """Evidential or grounded labels, computed on the map's own index (no framework built):
    the same labels as the grounded labelling of ``to_framework(m, reading=name)``."""
    index = m.index
    labels = attack_graph_labels(index, reading=name)
    if labels is None:  # a map with supports, linked premises or undercuts
        code = label_map(index, reading=name).label.get
        names = _NAMES
        statements = index.statements
        labels = {n: names[code(n, 0)] for n in statements}
        labels.update({n: names[code(n, 0)] for n in m if n not in statements})
    ins = frozenset(compress(labels, map(eq, labels.values(), repeat("in"))))
    return Labelling(
        semantics=name, labels=labels, extensions=(ins,), credulous=ins, central=m.central
    )


def _dung(
    af: Framework,
    nodes: list[str],
    name: str,
    *,
    max_extensions: int,
    central: str | None,
    deadline: Deadline,
) -> Labelling:
    """Complete, preferred or stable labels of the map's nodes.

    The extensions are listed once, by one solver (at most ``max_extensions + 1``): when that
    is all of them, the sceptical labels are their intersections and the credulous nodes their
    union, with no other search. Only a listing cut short asks clingo again, for the cautious
    (stable) or brave (complete, stable) consequences; complete labels are the grounded ones.
    """
    semantics: MultiSemantics = name  # type: ignore[assignment]
    keep = set(nodes)
    listed = list(extensions(af, semantics, limit=max_extensions + 1, timeout=deadline.left()))
    exhaustive = len(listed) <= max_extensions
    if not exhaustive:
        if semantics == "preferred":  # its sceptical labels need every extension
            raise EvaluationError(
                f"the framework has more than {max_extensions} preferred extensions; pass a "
                "larger max_extensions, or use grounded or complete semantics (polynomial)"
            )
        del listed[max_extensions:]
    codes = grounded_codes(af)
    if semantics == "complete":  # the sceptical complete labelling is the grounded one
        labels: dict[str, Label] = {a: _NAMES[codes[af.index[a]]] for a in nodes}
    else:
        if exhaustive:
            ins, outs = _in_and_out_in_all(af, codes, listed, keep)
        else:
            ins, outs, _ = sceptical_labels(af, semantics, timeout=deadline.left())
        labels = {a: "in" if a in ins else "out" if a in outs else "undec" for a in nodes}
    if exhaustive:
        accepted: set[str] = set().union(*listed)
    else:
        accepted = set(credulous(af, semantics, timeout=deadline.left()))
    found = list(dict.fromkeys(frozenset(extension & keep) for extension in listed))
    notes: tuple[str, ...] = ()
    if semantics == "stable" and not found:
        notes = ("the map has no stable extension: every node is left undec",)
    return Labelling(
        semantics=name,
        labels=labels,
        extensions=tuple(found),
        credulous=frozenset(accepted & keep),
        exhaustive=exhaustive,
        central=central,
        notes=notes,
    )


def _in_and_out_in_all(
    af: Framework, codes: list[int], listed: list[frozenset[str]], keep: set[str]
) -> tuple[set[str], set[str]]:
    """The nodes of ``keep`` IN in every extension listed, and those every one attacks (none
    of either when none is listed: a map with no stable extension leaves every node UNDEC).

    Every extension holds the grounded extension (``codes``), so attacks what it attacks:
    the grounded OUT. Only the rest of each extension is followed, the part clingo chose,
    so the cost is that of the choices, not of the whole of every extension.
    """
    if not listed:
        return set(), set()
    arguments = af.arguments
    grounded_in = frozenset(compress(arguments, map(IN.__eq__, codes)))
    outs = set(compress(arguments, map(OUT.__eq__, codes)))
    attacked_by = af.attacked_by
    common = frozenset.intersection(*listed)
    outs.update(t for a in common - grounded_in for t in attacked_by(a))
    outs.update(
        set.intersection(
            *({t for a in extension - common for t in attacked_by(a)} for extension in listed)
        )
    )
    return keep & common, keep & outs
