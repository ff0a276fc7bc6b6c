"""The binary runner: finding an engine, its failures, and the PNG and PDF converters."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from argmap import RendererNotFoundError, RenderError
from argmap.render import engine


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))


@pytest.mark.usefixtures("no_engine")
def test_no_engine_says_what_to_install() -> None:
    with pytest.raises(RendererNotFoundError, match=r"pip install graphviz-pure") as info:
        engine.pipe("digraph { a }", format="svg")
    assert isinstance(info.value, OSError)
    assert "graphviz.org" in str(info.value)


@pytest.mark.usefixtures("no_engine")
def test_dot_needs_no_engine() -> None:
    assert engine.pipe("digraph { a }", format="dot") == b"digraph { a }"


def test_system_dot_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    assert engine.find_layout_engine() == Path("/usr/bin/dot")


def test_graphviz_pure_is_found_next_to_python(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "graphviz-pure").write_text("")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert engine.find_layout_engine() == tmp_path / "graphviz-pure"


def test_unknown_format() -> None:
    with pytest.raises(RenderError, match="unknown format 'gif'"):
        engine.pipe("digraph { a }", format="gif")  # type: ignore[arg-type]


@pytest.mark.needs_engine
def test_engine_errors_carry_its_message() -> None:
    with pytest.raises(RenderError, match="failed with exit code") as info:
        engine.pipe("digraph { a -> ", format="svg")
    assert "syntax" in str(info.value).lower() or "error" in str(info.value).lower()


@pytest.mark.needs_engine
def test_a_timeout_is_a_render_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    slow = tmp_path / "dot"
    slow.write_text("#!/bin/sh\nsleep 5\n")
    slow.chmod(0o755)
    monkeypatch.setattr(engine, "find_layout_engine", lambda: slow)
    with pytest.raises(RenderError, match=r"took more than 0\.2 s"):
        engine.layout_svg("digraph { a }", timeout=0.2)


@pytest.mark.needs_engine
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_formats(fmt: engine.Format, magic: bytes) -> None:
    data = engine.pipe('digraph { a [label="한국어 שלום"] }', format=fmt)
    assert data.startswith(magic)


@pytest.mark.needs_engine
def test_pdf_keeps_the_text() -> None:
    pdf = engine.pipe('digraph { a [label="Pressure works" fontname=Helvetica] }', format="pdf")
    # The fonts are embedded, so text is drawn, not dropped (svg2pdf drops unmapped families).
    assert b"/FontFile2" in pdf or b"/FontFile" in pdf


def test_shipped_fonts_exist() -> None:
    for path in engine._font_paths():
        assert Path(path).stat().st_size > 100_000
