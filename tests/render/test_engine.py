"""The binary runner: finding an engine, its failures, and the PNG and PDF converters."""

from __future__ import annotations

import math
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from drawing import big_map, pdf_text

import argmap
from argmap import RendererNotFoundError, RenderError
from argmap.examples import north_korea
from argmap.render import draw, engine


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
    monkeypatch.setattr(engine, "_fails", lambda program: "")
    assert engine.find_layout_engine() == Path("/usr/bin/dot")


def _script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for dot")
def test_a_broken_dot_is_passed_over_for_graphviz_pure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dot = _script(tmp_path / "dot", "echo 'Format: \"svg\" not recognized' >&2; exit 1")
    pure = tmp_path / "graphviz-pure"
    found = {"dot": str(dot), "graphviz-pure": str(pure)}
    monkeypatch.setattr(shutil, "which", found.get)
    assert engine.find_layout_engine() == pure
    monkeypatch.setattr(shutil, "which", {"dot": str(dot)}.get)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    with pytest.raises(RendererNotFoundError, match="does not work") as info:
        engine.find_layout_engine()
    assert 'exit code 1: Format: "svg" not recognized' in str(info.value)
    assert "pip install graphviz-pure" in str(info.value)


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for dot")
def test_output_that_is_not_utf8_is_a_render_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    garbled = _script(tmp_path / "dot", "printf '<svg>\\377\\376</svg>'")
    monkeypatch.setattr(engine, "find_layout_engine", lambda: garbled)
    with pytest.raises(RenderError, match=r"dot wrote output that is not UTF-8 SVG \(byte 5\)"):
        engine.layout_svg("digraph { a }")


@pytest.mark.parametrize(
    "timeout", ["60", 0, -1.0, True, None, float("inf"), float("nan"), 1e9, 10**20]
)
def test_a_timeout_must_be_a_positive_number(timeout: object) -> None:
    with pytest.raises(RenderError, match="timeout must be a positive, finite number of seconds"):
        engine.pipe("digraph { a }", format="svg", timeout=timeout)  # type: ignore[arg-type]


def test_the_longest_timeout_is_accepted_and_runs() -> None:
    # One second more would be refused; the longest accepted must not overflow the OS timers.
    with pytest.raises(RenderError, match="at most 604800"):
        engine.pipe("digraph { a }", format="svg", timeout=engine.MAX_TIMEOUT + 1)
    assert engine.pipe("digraph { a }", format="svg", timeout=engine.MAX_TIMEOUT).startswith(
        b"<?xml"
    )


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
    program = engine.find_layout_engine()
    broken = "digraph { a -> "
    done = subprocess.run(  # noqa: S603  # the engine itself, to learn what it says
        [str(program), "-Tsvg"], input=broken.encode(), capture_output=True, check=False
    )
    assert done.returncode != 0
    said = done.stderr.decode("utf-8", "replace").strip()
    assert said
    with pytest.raises(RenderError) as info:
        engine.pipe(broken, format="svg")
    assert str(info.value) == f"{program.name} failed with exit code {done.returncode}: {said}"


@pytest.mark.needs_engine
def test_a_timeout_is_a_render_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    slow = tmp_path / "dot"
    slow.write_text("#!/bin/sh\nsleep 5\n")
    slow.chmod(0o755)
    monkeypatch.setattr(engine, "find_layout_engine", lambda: slow)
    with pytest.raises(RenderError, match=r"took more than 0\.2 s") as info:
        engine.layout_svg("digraph { a }", timeout=0.2)
    assert info.value.worded({"focus": "--focus", "depth": "--depth"}).endswith(
        "draw less of the map with --focus <node id> and --depth <steps>"
    )


@pytest.mark.needs_engine
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_formats(fmt: engine.EngineOutput, magic: bytes) -> None:
    data = engine.pipe('digraph { a [label="한국어 שלום"] }', format=fmt)
    assert data.startswith(magic)


@pytest.mark.needs_engine
@pytest.mark.parametrize("label", ["Pressure works", "Pressure 압력", "압력은 효과적이다"])
def test_pdf_keeps_the_text(label: str) -> None:
    pdf = engine.pipe(f'digraph {{ a [label="{label}" fontname=Helvetica] }}', format="pdf")
    # The text is text: read back through the fonts' ToUnicode maps, not dropped or outlined
    # (svg2pdf drops text in a family it cannot map), and each shipped font used is embedded.
    assert pdf_text(pdf) == label
    fonts = set(re.findall(rb"/FontName /(\S+)", pdf))
    assert fonts
    assert pdf.count(b"/FontFile2") == len(fonts)


@pytest.mark.slow
@pytest.mark.needs_engine
def test_a_big_map_is_drawn_as_a_png_within_the_pixel_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    svg = draw(big_map(1000), format="svg", legend=False, tooltips=False).decode()
    width, height = engine._svg_size(svg)
    assert width * height * 2**2 > 500_000_000  # at the usual zoom, hundreds of megapixels
    monkeypatch.setattr(engine, "MAX_PNG_PIXELS", 4_000_000)  # a smaller cap draws faster
    monkeypatch.setattr(engine, "MIN_PNG_ZOOM", 0.01)  # as small as that cap needs
    png = engine.svg_to_png(svg)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    png_width, png_height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert png_width * png_height <= 4_000_000
    assert png_width * png_height > 3_900_000  # drawn as large as the cap allows
    assert png_width / png_height == pytest.approx(width / height, rel=0.05)


def test_the_pixel_cap_holds_at_its_default() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="12500pt" height="5000pt"></svg>'
    zoom = engine.png_zoom(svg)
    assert engine.MIN_PNG_ZOOM < zoom < 1
    width, height = (12500 * 96 / 72 * zoom, 5000 * 96 / 72 * zoom)
    assert math.ceil(width) * math.ceil(height) <= engine.MAX_PNG_PIXELS
    assert width * height > 0.99 * engine.MAX_PNG_PIXELS


def test_a_diagram_too_large_for_png_is_a_render_error(monkeypatch: pytest.MonkeyPatch) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="539098pt" height="6000pt"></svg>'
    with pytest.raises(RenderError) as info:
        engine.svg_to_png(svg)
    assert str(info.value) == (
        "the diagram is too large for a readable PNG: within 40,000,000 pixels its text would "
        "be drawn at zoom 0.08, too small to read (the least is 0.5, which would take "
        "359399 x 4000 px); draw SVG or PDF, or draw part of the map with focus=<node id>"
    )
    assert info.value.worded({"focus": "--focus"}).endswith(
        "draw part of the map with --focus <node id>"
    )
    monkeypatch.setattr(engine, "MAX_PNG_PIXELS", 100)
    with pytest.raises(RenderError, match=r"zoom 0\.07, .* would take 60 x 60 px"):
        engine.svg_to_png('<svg width="90pt" height="90pt"></svg>')


def test_a_png_just_readable_is_drawn_and_one_just_unreadable_is_refused() -> None:
    # At the cap, zoom is 0.5 for a square of side sqrt(40M) / 0.5 px, i.e. that times 0.75 pt.
    side = (engine.MAX_PNG_PIXELS**0.5 - 1) / engine.MIN_PNG_ZOOM * 0.75
    assert engine.png_zoom(f'<svg width="{side * 0.99:.1f}pt" height="{side * 0.99:.1f}pt">') >= 0.5
    with pytest.raises(RenderError, match="too small to read"):
        engine.png_zoom(f'<svg width="{side * 1.01:.1f}pt" height="{side * 1.01:.1f}pt">')


def test_shipped_fonts_exist() -> None:
    for path in engine._font_paths():
        assert Path(path).stat().st_size > 100_000


@pytest.mark.needs_engine
def test_engine_warnings_are_passed_on_once_each() -> None:
    source = "digraph { a [color=notacolour]; b [color=notacolour] }"
    with pytest.warns(argmap.RenderWarning) as caught:
        svg = engine.layout_svg(source)
    assert "<svg" in svg
    messages = [str(w.message) for w in caught if issubclass(w.category, argmap.RenderWarning)]
    assert len(messages) == 1
    assert "notacolour" in messages[0]
    assert messages[0].startswith(engine.find_layout_engine().name + ": ")


@pytest.mark.needs_engine
def test_the_width_of_non_ascii_text_is_not_warned_about() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        engine.layout_svg("digraph { a [label=<Süd · 북한 ▲ …>] }")


@pytest.mark.needs_engine
def test_node_headers_are_text_every_engine_measures() -> None:
    """An all-ASCII map draws with no warning at all from the engine: the headers are ASCII."""
    m = argmap.ArgumentMap(title="Plain")
    m.claim("c", "Pressure works.", tags=["analyst"])
    m.premise("p", "Talks followed.")
    m.support("p", "c")
    dot = m.to_dot()
    assert dot.isascii()
    done = subprocess.run(  # noqa: S603  # the engine itself, to hear all it says
        [str(engine.find_layout_engine()), "-Tsvg"],
        input=dot.encode(),
        capture_output=True,
        check=True,
    )
    assert done.stderr == b""


def test_huge_numbers_in_drawing_options_are_refused_by_size() -> None:
    # A strength of 10**400 raised OverflowError (math.isfinite), a timeout of 10**5000 a
    # ValueError from repr() of a 5,001-digit int.
    m = north_korea()
    with pytest.raises(argmap.RenderError, match="between 0 and 1, not an int of 401 digits"):
        m.to_dot(labels={"agenda": 10**400})
    with pytest.raises(argmap.RenderError, match="not an int of 5001 digits"):
        m.render("never-written.svg", timeout=10**5000)
