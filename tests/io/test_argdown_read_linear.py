"""Reading Argdown into a map is linear in the number of arguments, whatever their form.

Arguments that list their premises (``<a1> {premises: [c2]}`` then ``-> [c1]``, the form
argmap's own writer gives every attack that carries more than a relation line) used to read
back quadratically: each looked for its outgoing relation among all the document's relations
(5,000 attacks took 20.6 s of CPU time at commit 4eec168, docs/performance.md; issue #23).
Premise-conclusion structures that name their premises with ``{uses: [...]}``, and undercuts
of the inferences of one long structure, scanned per inference too.

No timing: the tests count the lines of Python the whole read executes (``sys.settrace``, every
line of argmap, pydantic's Python and the standard library), at one size and at four times that
size. A linear read executes about four times as many lines; the quadratic reader executed 6-7
times as many at these sizes, and the gap only widens with the size.

Lines of Python do not see a scan done in C: ``items.index(x)`` or ``text.find(s)`` per item is
one line each time, however long the list or the text. So the tests also charge the C calls
the read makes (``sys.setprofile``): one per call, and for a call that scans its list, tuple or
text (``index``, ``count``, ``find``, ``remove``, ...) the length of what it scans. That too
must grow about four times (``test_the_charge_sees_a_quadratic_scan_in_c``: the line count
misses such a scan, the charge does not). Membership tests with ``in`` make no call and stay
unseen; the reader keeps its lookups in dicts and sets.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from argmap import ArgumentMap, Attack, Claim, Support
from argmap.io.argdown import dumps, loads

SMALL, LARGE = 100, 400
LINEAR = 4.4  # lines executed at LARGE over lines at SMALL: 4 for a linear read, plus slack


def _lines_executed(fn: Callable[[], object]) -> int:
    """How many lines of Python ``fn()`` executes (every frame's line events)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return local

    def call(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    previous = sys.gettrace()
    sys.settrace(call)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


# Methods of lists, tuples and texts that may scan the whole receiver.
_SCANS = frozenset(
    {"index", "count", "remove", "find", "rfind", "rindex", "insert", "pop", "split", "replace"}
)


def _c_work(fn: Callable[[], object]) -> int:
    """The C calls ``fn()`` makes, each charged 1, or the length of the list, tuple or text it
    scans (see the module's docstring)."""
    charge = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal charge
        if event == "c_call":
            owner = getattr(arg, "__self__", None)
            if isinstance(owner, (list, tuple, str)) and getattr(arg, "__name__", "") in _SCANS:
                charge += len(owner)
            else:
                charge += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(previous)
    return charge


def _written(nodes: list[Any]) -> str:
    return dumps(ArgumentMap(nodes=nodes))


def _claims(n: int) -> list[Any]:
    return [Claim(id=f"c{i}", text=f"claim {i}") for i in range(n + 2)]


def _attack_chain(n: int) -> str:
    """Attacks with data, which the writer gives as arguments listing their premises."""
    attacks = [
        Attack(id=f"a{i}", premises=[f"c{i + 1}"], target=f"c{i}", data={"w": i}) for i in range(n)
    ]
    return _written([*_claims(n), *attacks])


def _attack_fan(n: int) -> str:
    """Linked attacks on one claim: arguments listing two premises each, all aimed at c0."""
    attacks = [
        Attack(id=f"a{i}", premises=[f"c{i + 1}", f"c{i + 2}"], target="c0") for i in range(n)
    ]
    return _written([*_claims(n), *attacks])


def _support_fan(n: int) -> str:
    """Linked supports of one claim: premise-conclusion structures, each concluding in c0."""
    supports = [
        Support(id=f"s{i}", premises=[f"c{i + 1}", f"c{i + 2}"], conclusion="c0") for i in range(n)
    ]
    return _written([*_claims(n), *supports])


def _long_structure(n: int) -> str:
    """One structure of ``n`` inferences, each naming its premises with ``{uses: [...]}`` on
    the conclusion's line and undercut under its inference line."""
    lines = ["<Long>", "", "(1) [p0]: first premise."]
    number = 1
    for k in range(1, n + 1):
        lines += ["----", f"  <_ [u{k}]: undercut {k}."]
        lines.append(f"({number + 1}) [q{k}]: conclusion {k}. {{uses: [{number}]}}")
        lines.append(f"({number + 2}) [p{k}]: premise {k}.")
        number += 2
    lines += ["----", f"({number + 1}) [last]: the end."]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("shape", "nodes_per_unit"),
    [(_attack_chain, 2), (_attack_fan, 2), (_support_fan, 2), (_long_structure, 4)],
    ids=["attack-chain", "attack-fan", "support-fan", "long-structure"],
)
def test_reading_is_linear(shape: Callable[[int], str], nodes_per_unit: int) -> None:
    small, large = shape(SMALL), shape(LARGE)
    m = loads(large)  # the shape reads, into the map it says
    assert len(m) >= nodes_per_unit * LARGE
    ratio = _lines_executed(lambda: loads(large)) / _lines_executed(lambda: loads(small))
    assert ratio < LINEAR, f"{LARGE / SMALL:.0f}x the arguments cost {ratio:.2f}x the work"
    c_ratio = _c_work(lambda: loads(large)) / _c_work(lambda: loads(small))
    assert c_ratio < LINEAR, f"{LARGE / SMALL:.0f}x the arguments cost {c_ratio:.2f}x in C"


def test_the_counter_sees_a_quadratic_read() -> None:
    """The measure can fail: a read that scans its input once per item grows by the square."""

    def quadratic(n: int) -> None:
        items = list(range(n))
        for i in items:
            _ = [j for j in items if j == i]

    ratio = _lines_executed(lambda: quadratic(4 * SMALL)) / _lines_executed(
        lambda: quadratic(SMALL)
    )
    assert ratio > LINEAR


def test_the_charge_sees_a_quadratic_scan_in_c() -> None:
    """A scan per item done in C is one line per item (the line count grows linearly), but the
    charge of the C calls grows by the square."""

    def scan_in_c(n: int) -> None:
        items = list(range(n))
        for i in items:
            items.index(i)

    def ratio(measure: Callable[[Callable[[], object]], int]) -> float:
        return measure(lambda: scan_in_c(4 * SMALL)) / measure(lambda: scan_in_c(SMALL))

    assert ratio(_lines_executed) < LINEAR
    assert ratio(_c_work) > LINEAR
