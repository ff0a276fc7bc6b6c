"""Wrong values at the public boundary: every one is an ArgmapError that names the parameter.

The table below calls the public API (``argmap.__all__`` and the map's methods) with values of
the wrong type or out of range, and asserts that each call either works or raises an
:class:`argmap.ArgmapError`, never a raw ``TypeError``, ``AttributeError``, ``KeyError`` or
pydantic ``ValidationError``; the calls that the checks of :mod:`argmap.params` guard must name
the parameter. One text where a list goes is either one item or refused, never read letter by
letter.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import pytest

import argmap
from argmap.params import items, shown

_BAD: list[Any] = [None, 5, -1, 2.5, True, "zzz", b"c", ["c"], {"c": 1}, object()]


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="T")
    m.add_source(argmap.Source(id="art", title="An article", text="Alpha beta gamma."))
    m.claim("c", "The claim.")
    m.case("k", "Alpha beta.", quotes=["Alpha beta"], source="art")
    m.premise("q", "Another premise.")
    m.support(["k"], "c", id="s1", scheme="example")
    m.rebuttal("r", "An objection.")
    m.attack("r", "c", id="a1")
    m.central = "c"
    return m


_TEXT = "Smoking is bad. It kills people."

# (parameter named in the message, call of a bad value): the sites an adversarial trial found
# raising raw Python errors, and their neighbours.
_SITES: list[tuple[str, Callable[[Any], Any]]] = [
    ("title", lambda b: argmap.ArgumentMap(title=b)),
    ("data", lambda b: argmap.ArgumentMap(data=b)),
    ("nodes", lambda b: argmap.ArgumentMap(nodes=b)),
    ("sources", lambda b: argmap.ArgumentMap(sources=b)),
    ("central", lambda b: argmap.ArgumentMap(central=b)),
    ("default_source", lambda b: argmap.ArgumentMap(default_source=b)),
    ("data", lambda b: setattr(_map(), "data", b)),
    ("default_source", lambda b: setattr(_map(), "default_source", b)),
    ("id", lambda b: _map().claim(b, "x")),
    ("text", lambda b: _map().claim("n", b)),
    ("quotes", lambda b: _map().claim("n", "x", quotes=b)),
    ("source", lambda b: _map().claim("n", "x", quotes=["Alpha"], source=b)),
    ("tags", lambda b: _map().claim("n", "x", tags=b)),
    ("who", lambda b: _map().case("n", "x", who=b)),
    ("cites", lambda b: _map().case("n", "x", cites=b)),
    ("premises", lambda b: _map().support(b, "c")),
    ("conclusion", lambda b: _map().support("q", b)),
    ("answered", lambda b: _map().support("q", "c", scheme="example", answered=b)),
    ("premises", lambda b: _map().attack(b, "c")),
    ("target", lambda b: _map().attack("q", b)),
    ("to_dict", argmap.to_dict),
    ("check", argmap.check),
    ("labelling", lambda b: argmap.explain(_map(), "c", labelling=b)),
    ("depth", lambda b: argmap.explain(_map(), "c", depth=b)),
    ("remove", lambda b: argmap.what_if(_map(), remove=b)),
    ("kinds", lambda b: argmap.sensitivity(_map(), kinds=b)),
    ("items", lambda b: list(argmap.batch(b, "check", jobs=1, progress=False))),
    ("options", lambda b: list(argmap.batch([_map()], "check", jobs=1, options=b))),
    ("results", argmap.corpus_summary),
    ("path", lambda b: argmap.loads("{", path=b)),
    ("path", lambda b: _map().render(b)),
    ("source", lambda b: argmap.draft(_TEXT, source=b)),
    ("title", lambda b: argmap.draft(_TEXT, title=b)),
    ("segments", lambda b: argmap.draft(_TEXT, segments=b)),
    ("severity", lambda b: argmap.check(_map()).at_or_above(b)),
    ("id", lambda b: argmap.Source(id=b, title="t")),
    ("text", lambda b: argmap.Quote(source="art", text=b)),
    ("id", lambda b: argmap.Claim(id=b, text="x")),
]


@pytest.mark.parametrize(
    ("name", "call"), _SITES, ids=[f"{i}-{n}" for i, (n, _) in enumerate(_SITES)]
)
def test_a_wrong_value_is_an_argmap_error_naming_the_parameter(
    name: str, call: Callable[[Any], Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # render and convert write nowhere else
    for bad in _BAD:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                call(bad)
            except argmap.ArgmapError as error:
                message = str(error)
                if isinstance(error, argmap.InvalidArgumentError | argmap.InvalidModelError):
                    assert name in message, f"{shown(bad)}: {message}"
                assert len(message) <= 600, message
            except Exception as error:  # the failure this test is about
                pytest.fail(f"{shown(bad)} raised {type(error).__name__}: {error}")


def test_an_argument_error_is_also_a_type_and_a_value_error() -> None:
    with pytest.raises(TypeError, match="explain: depth must be a whole number"):
        argmap.explain(_map(), "c", depth=None)
    with pytest.raises(ValueError, match="not -5"):
        argmap.explain(_map(), "c", depth=-5)


def test_a_model_made_by_hand_with_bad_fields_is_both_argmap_and_pydantic_error() -> None:
    with pytest.raises(argmap.InvalidModelError) as caught:
        argmap.Source(id="art", title=5)
    error = caught.value
    assert isinstance(error, argmap.InvalidMapError)
    assert isinstance(error, pydantic.ValidationError)
    assert str(error) == "Source: title: input should be a valid string (got int)"
    assert error.errors()[0]["loc"] == ("title",)


# -- one text where a list goes ----------------------------------------------------------------


def test_one_text_is_one_premise_one_node_to_remove_and_one_kind() -> None:
    m = _map()
    assert m.support("q", "c", id="s9").premises == ("q",)
    assert set(argmap.what_if(m, remove="k")) == set(argmap.what_if(m, remove=["k"]))
    assert argmap.sensitivity(m, kinds="case") == argmap.sensitivity(m, kinds=["case"])


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: _map().claim("n", "x", quotes="Alpha", source="art"),
            "claim: quotes must be a list of quotes (for one, pass ['Alpha']), not one text",
        ),
        (
            lambda: list(argmap.batch("corpus/m.json", "check", jobs=1)),
            "batch: items must be a list of paths of map files or maps (for one, pass "
            "['corpus/m.json'])",
        ),
        (
            lambda: _map().claim("n", "x", tags="abc"),
            "tags: input should be a valid tuple (got one ",
        ),
        (lambda: _map().case("n", "x", who="Ann"), "for one, pass ['Ann']"),
        (lambda: argmap.ArgumentMap(nodes="c"), "ArgumentMap: nodes must be a list of nodes"),
        (lambda: argmap.draft(_TEXT, segments="05"), "draft: segments must be a list of"),
        (lambda: argmap.corpus_summary("results"), "corpus_summary: results must be a list"),
        (
            lambda: argmap.check(_map()).at_or_above("warn"),
            "at_or_above: severity must be one of 'error', 'warning', 'info' (did you mean "
            "'warning'?), not 'warn'",
        ),
        (
            lambda: argmap.explain(_map(), "c", depth=0),
            "depth must be a whole number of at least 1",
        ),
    ],
)
def test_one_text_where_a_list_goes_is_refused_by_name(
    call: Callable[[], Any], message: str
) -> None:
    with pytest.raises(argmap.ArgmapError) as caught:
        call()
    assert message in str(caught.value)


def test_items_takes_any_iterable_but_text_bytes_and_mappings() -> None:
    assert items(iter("ab"), where="f", name="x", item="y") == ("a", "b")
    assert items(["p"], where="f", name="x", item="y", kind=str) == ("p",)
    for bad in (b"ab", {"a": 1}, 5):
        with pytest.raises(argmap.InvalidArgumentError, match="f: x must be a list of ys"):
            items(bad, where="f", name="x", item="y")
    with pytest.raises(argmap.InvalidArgumentError, match=r"f: x\[1\] must be a y, not 5"):
        items(["p", 5], where="f", name="x", item="y", kind=str)


def test_shown_names_a_huge_int_by_its_size() -> None:
    # repr() of an int of more than 4,300 digits raises ValueError: every message that showed
    # such a value (timeout=10**5000) raised that instead of the ArgmapError it was building.
    assert shown(10**5000) == "an int of 5001 digits"
    assert shown(-(10**50)) == "an int of 51 digits"
    assert shown(12345) == "12345"
