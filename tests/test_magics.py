"""The %%argdown cell magic, run in a real IPython shell."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from argmap import ArgumentMap
from argmap.examples import north_korea
from argmap.io.argdown import dumps, loads
from argmap.magics import argdown_cell

IPython = pytest.importorskip("IPython", reason="the magic runs in IPython (a test dependency)")


@pytest.fixture
def shell() -> Iterator[Any]:
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "argmap")
    yield ip
    InteractiveShell.clear_instance()


def test_magic_binds_the_map_and_displays_it(shell: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Any] = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    text = dumps(north_korea())
    result = shell.run_cell_magic("argdown", "nk", text)
    assert result is None
    assert shell.user_ns["nk"] == north_korea()
    assert shown == [shell.user_ns["nk"]]


def test_magic_displays_through_ipython(shell: Any, capsys: pytest.CaptureFixture[str]) -> None:
    result = shell.run_cell("%%argdown tiny\n[A]: Pressure works.")
    assert result.success
    assert "<ArgumentMap None: 1 statement" in capsys.readouterr().out


def test_magic_cell_from_run_cell(shell: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("IPython.display.display", lambda obj: None)
    result = shell.run_cell("%%argdown m\n[A]: Pressure works. {central: true}\n  <+ [B]: Talks.")
    assert result.success
    m = shell.user_ns["m"]
    assert isinstance(m, ArgumentMap)
    assert (m.central, m.supporters("a")) == ("a", ["b"])


def test_magic_error_names_line_and_column_and_binds_nothing(
    shell: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    result = shell.run_cell("%%argdown bad\n[A]: a\n+ [B]: b")
    assert not result.success
    assert "bad" not in shell.user_ns
    err = capsys.readouterr().err
    assert "%%argdown bad:2:1: a relation must be indented" in err
    assert "Traceback" not in err


def test_magic_needs_a_name(shell: Any, capsys: pytest.CaptureFixture[str]) -> None:
    result = shell.run_cell("%%argdown\n[A]: a")
    assert not result.success
    assert "usage: %%argdown NAME" in capsys.readouterr().err
    result = shell.run_cell("%%argdown two names\n[A]: a")
    assert not result.success


def test_argdown_cell_without_ipython() -> None:
    namespace: dict[str, Any] = {}
    m = argdown_cell(" m ", "[A]: a", namespace=namespace)
    assert namespace == {"m": m}
    assert m == loads("[A]: a")
    with pytest.raises(ValueError, match="not a Python name"):
        argdown_cell("1x", "[A]: a", namespace=namespace)
