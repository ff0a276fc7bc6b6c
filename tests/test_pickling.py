"""Everything argmap hands a caller crosses a process boundary: every exception, model, report
and finding pickles, copies and comes back equal, and an error raised in a process pool's worker
reaches the caller as itself."""

from __future__ import annotations

import copy
import importlib
import inspect
import multiprocessing
import pickle
import pkgutil
import typing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pydantic
import pytest

import argmap
from argmap import ArgmapError, FileFormatError, RepairWarning
from argmap.examples import north_korea


def _all_modules() -> None:
    """Import every argmap module, so that every exception class it defines is known."""
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        importlib.import_module(info.name)


def _error_classes() -> list[type[ArgmapError]]:
    _all_modules()
    found: list[type[ArgmapError]] = []
    todo: list[type[ArgmapError]] = [ArgmapError]
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.append(cls)
            todo.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: c.__qualname__)


_SAMPLES: dict[Any, Any] = {int: 7, str: "sample", float: 0.5, bool: True}


def _sample(name: str, annotation: Any) -> Any:
    """A value of the parameter's type that differs from any default, named after it."""
    for arg in (annotation, *typing.get_args(annotation)):
        if arg in _SAMPLES and arg is not str:
            return _SAMPLES[arg]
    return f"the {name}"


def _make(cls: type[ArgmapError]) -> ArgmapError:
    """Build an instance of ``cls`` with every parameter of its constructor given a value."""
    if issubclass(cls, pydantic.ValidationError):  # made from pydantic's problems, as pydantic does
        return cls.from_exception_data(
            "Claim", [{"type": "string_type", "loc": ("id",), "input": 5}]
        )
    hints = typing.get_type_hints(cls.__init__)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    for p in parameters:
        value = _sample(p.name, hints.get(p.name, str))
        if p.kind is p.KEYWORD_ONLY:
            kwargs[p.name] = value
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            args.append(value)
        elif p.kind is p.VAR_POSITIONAL:
            args.append("the message")
    return cls(*args, **kwargs)


def _same_error(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b)
    assert a.args == b.args
    assert vars(a) == vars(b)


ERRORS = _error_classes()


def test_every_error_class_is_found() -> None:
    """The enumeration is not vacuous: it finds the tree's known members."""
    names = {c.__name__ for c in ERRORS}
    assert {"ArgmapError", "FileFormatError", "FileWriteError", "QuoteNotFoundError"} <= names
    assert {"InvalidMapError", "UnknownNodeError", "RenderError"} <= names


@pytest.mark.parametrize("cls", ERRORS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_every_error_pickles(cls: type[ArgmapError], protocol: int) -> None:
    error = _make(cls)
    error.add_note("a note added on the way")
    _same_error(pickle.loads(pickle.dumps(error, protocol=protocol)), error)


@pytest.mark.parametrize("cls", ERRORS, ids=lambda c: c.__name__)
def test_every_error_copies(cls: type[ArgmapError]) -> None:
    error = _make(cls)
    _same_error(copy.copy(error), error)
    _same_error(copy.deepcopy(error), error)


def test_file_format_error_keeps_its_message_once() -> None:
    """Its message is built from its parts; unpickling must not build it a second time."""
    error = FileFormatError("field 'text' is required", path="m.json", line=3, where="nodes[0]")
    back = pickle.loads(pickle.dumps(error))
    assert str(back) == "m.json:3 (nodes[0]): field 'text' is required"
    assert (back.problem, back.path, back.line, back.where) == (
        "field 'text' is required",
        "m.json",
        3,
        "nodes[0]",
    )


def test_errors_raised_by_argmap_pickle_with_their_attributes() -> None:
    """Errors as argmap raises them (not only as the test builds them) survive the trip."""
    m = argmap.ArgumentMap()
    m.add_source(argmap.Source(id="s", title="S", text="It rained on Monday."))
    raised: list[ArgmapError] = []
    for bad in (
        lambda: m.case("k", "Rain.", quotes=["It snowed"], source="s"),
        lambda: m.support("nowhere", "k"),
        lambda: argmap.loads('{"argmap": 1, "nodes": [{"kind": "claim"}]}'),
        lambda: argmap.check(m, select=["AM999"]),
    ):
        with pytest.raises(ArgmapError) as info:
            bad()
        raised.append(info.value)
    for error in raised:
        _same_error(pickle.loads(pickle.dumps(error)), error)


def _raise(cls_name: str) -> None:
    """Run in a worker process: raise the named error, built as the tests build it."""
    cls = next(c for c in _error_classes() if c.__qualname__ == cls_name)
    raise _make(cls)


def test_an_error_raised_in_a_process_pool_comes_back_intact() -> None:
    """Before, a keyword-only error broke the pool (BrokenProcessPool) instead of arriving."""
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter, as on every platform
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        futures = {cls: pool.submit(_raise, cls.__qualname__) for cls in ERRORS}
        for cls, future in futures.items():
            error = future.exception(timeout=120)
            assert error is not None
            _same_error(error, _make(cls))
        # The pool still works after every error: none of them broke it.
        assert pool.submit(len, "abc").result(timeout=120) == 3


# -- models, reports, findings -----------------------------------------------------------------


def _models() -> list[Any]:
    m = north_korea()
    m.premise("p_extra", "Pressure worked elsewhere.")
    quotes = [q for n in m.nodes() for q in getattr(n, "quotes", ())]
    return [*m.sources.values(), *m.nodes(), *quotes]


def test_every_model_kind_is_covered() -> None:
    kinds = {type(x).__name__ for x in _models()}
    assert kinds >= {"Source", "Claim", "Premise", "Case", "Rebuttal", "Support", "Attack", "Quote"}
    assert any(getattr(x, "answered", None) for x in _models())


def _model_id(x: Any) -> str:
    return f"{type(x).__name__}-{getattr(x, 'id', '')}"


@pytest.mark.parametrize("obj", _models(), ids=_model_id)
def test_every_model_pickles_and_copies(obj: Any) -> None:
    for back in (pickle.loads(pickle.dumps(obj)), copy.copy(obj), copy.deepcopy(obj)):
        assert type(back) is type(obj)
        assert back == obj
        assert hash(back) == hash(obj)


def test_reports_and_findings_pickle_and_copy() -> None:
    report = argmap.check(north_korea())
    assert len(report) > 0
    for back in (pickle.loads(pickle.dumps(report)), copy.deepcopy(report), copy.copy(report)):
        assert type(back) is type(report)
        assert list(back) == list(report)
        assert back.title == report.title
        assert str(back) == str(report)
    for finding in report:
        assert pickle.loads(pickle.dumps(finding)) == finding


def test_a_repair_warning_pickles_with_its_repairs() -> None:
    warning = RepairWarning("n.json", ["edges[3]: toID '7' names no node; dropped the edge"])
    back = pickle.loads(pickle.dumps(warning))  # our own bytes
    assert (str(back), back.path, back.repairs) == (str(warning), warning.path, warning.repairs)
