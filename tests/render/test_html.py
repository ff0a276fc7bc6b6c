"""The viewer page as data: what it holds, how it is escaped, and how it is written and shown."""

from __future__ import annotations

import html
import json
import re
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap import ArgumentMap, RenderError, RenderWarning, UnknownNodeError, check, dump
from argmap.cli import main
from argmap.examples import north_korea
from argmap.model import Source
from argmap.render import DiagramOptions, HtmlPage, draw, neighbourhood, show, to_dot, to_html
from argmap.render import html as html_module
from argmap.render.html import MAX_DRAWN, page_data
from argmap.render.labels import LABEL_STYLES, strength_fill

ROOT = Path(__file__).resolve().parents[2]
DATA = re.compile(r'<script type="application/json" id="argmap-data">(.*?)</script>', re.DOTALL)
XSS = '</script><script>alert(1)</script><img src=x onerror="alert(2)"> <!-- javascript:alert(3)'


def data_of(page: str) -> dict:  # type: ignore[type-arg]
    found = DATA.search(page)
    assert found is not None
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def hostile_map() -> ArgumentMap:
    text = f"Intro. {XSS} Middle. The quoted <b>part</b>. End."
    source = Source(id="src", title=XSS, text=text, url="javascript:alert(4)")
    m = ArgumentMap(title=XSS, sources=[source])
    m.claim("c", XSS, note=XSS)
    m.case("k", XSS, quotes=["The quoted <b>part</b>."], source="src", attribution=XSS)
    m.support("k", "c", id="s", note=XSS)
    m.central = "c"
    return m


def test_the_page_is_self_contained_and_loads_nothing() -> None:
    page = to_html(north_korea())
    assert page.startswith("<!DOCTYPE html>")
    # No external script, style, font or image; the policy forbids fetching anything at all.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)=", page)
    assert "@import" not in page
    assert "url(http" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    assert "'unsafe-inline'" not in policy.group(1)


def test_the_policy_hashes_are_those_of_the_inline_script_and_style() -> None:
    import base64
    import hashlib

    page = to_html(north_korea())
    script = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    style = re.findall(r"<style>(.*?)</style>", page, flags=re.DOTALL)
    assert len(script) == 1
    assert len(style) == 1
    for text in (script[0], style[0]):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in page


def test_hostile_text_reaches_the_page_only_as_escaped_data() -> None:
    page = to_html(hostile_map())
    # Outside the JSON data, map text is only in the title, and escaped there.
    outside = DATA.sub("", page)
    assert outside.count("alert(") == 2 * 3  # <title> and <h1>, three alerts each
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in outside
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert page.count("</script>") == 2  # the data's and the viewer's, none from the map
    raw = DATA.search(page).group(1)  # type: ignore[union-attr]
    assert not re.search(r"[<>&]", raw)
    data = json.loads(raw)
    assert data["title"] == XSS
    # A javascript: URL is never a link, only text.
    assert "url" not in data["sources"][0]
    assert data["sources"][0]["address"] == "javascript:alert(4)"


def test_a_web_address_becomes_a_link() -> None:
    m = ArgumentMap(sources=[Source(id="a", title="A", url="https://example.org/a?b=1")])
    m.claim("c", "C.")
    assert page_data(m, DiagramOptions(), ())["sources"][0]["url"] == "https://example.org/a?b=1"


def test_source_text_is_cut_at_every_quote_and_each_piece_names_who_quotes_it() -> None:
    m = ArgumentMap(sources=[Source(id="s", title="S", text="aaa bbb ccc ddd")])
    m.claim("c", "C.", quotes=["bbb ccc"], source="s")
    m.case("k", "K.", quotes=["ccc ddd"], source="s")
    segments = page_data(m, DiagramOptions(), ())["sources"][0]["segments"]
    assert segments == [
        {"text": "aaa "},
        {"text": "bbb ", "nodes": ["c"]},
        {"text": "ccc", "nodes": ["c", "k"]},
        {"text": " ddd", "nodes": ["k"]},
    ]
    assert "".join(s["text"] for s in segments) == "aaa bbb ccc ddd"


def test_the_article_page_holds_the_map_its_findings_and_its_quotes() -> None:
    m = north_korea()
    data = data_of(to_html(m))
    assert [n["id"] for n in data["nodes"]] == [s.id for s in m.statements()]
    assert [x["id"] for x in data["inferences"]] == [i.id for i in m.inferences()]
    assert len(data["findings"]) == len(check(m))
    amnesty = next(n for n in data["nodes"] if n["id"] == "amnesty")
    assert all(q["located"] for q in amnesty["quotes"])
    quoted = "".join(
        s["text"] for s in data["sources"][0]["segments"] if "amnesty" in s.get("nodes", ())
    )
    assert quoted == m["amnesty"].quotes[0].text  # type: ignore[union-attr]
    undercut = next(x for x in data["inferences"] if x["id"] == "u_amnesty")
    assert undercut["relation"] == "undercut"
    support = next(x for x in data["inferences"] if x["id"] == "s_amnesty")
    assert support["scheme"]["questions"]
    assert all(set(q) == {"id", "text", "answeredBy"} for q in support["scheme"]["questions"])


def test_gaps_none_checks_the_map_and_an_empty_list_shows_none() -> None:
    m = north_korea()
    assert data_of(to_html(m))["findings"]
    assert data_of(to_html(m, gaps=()))["findings"] == []


def test_acknowledgement_comes_from_the_finding_or_from_the_nodes() -> None:
    m = north_korea()
    report = list(check(m))
    assert any(f.acknowledged for f in report)
    assert any(f.acknowledged is None for f in report)
    listed = data_of(to_html(m))["findings"]
    assert sorted(str(f["acknowledged"]) for f in listed) == sorted(
        str(f.acknowledged) for f in report
    )
    # A finding-like object without the attribute: the nodes' own acknowledgements say.
    m.claim("bare", "Asserted.", acknowledge={"AM101": "On purpose."})
    plain = types.SimpleNamespace(
        rule="AM101", name="unsupported-claim", message="m", nodes=("bare",)
    )
    other = types.SimpleNamespace(rule="AM102", name="x", message="m", nodes=("bare",))
    assert [f["acknowledged"] for f in data_of(to_html(m, gaps=[plain, other]))["findings"]] == [
        "On purpose.",
        None,
    ]


def test_labels_and_focus_reach_the_page() -> None:
    data = data_of(to_html(north_korea(), focus="amnesty", depth=2, labels={"agenda": "in"}))
    assert data["options"]["focus"] == "amnesty"
    assert data["options"]["depth"] == 2
    mark = next(n for n in data["nodes"] if n["id"] == "agenda")["mark"]
    assert mark == {
        "text": "IN",
        "label": "in",
        "meaning": "accepted",
        "fill": LABEL_STYLES["in"].fill,
        "colour": LABEL_STYLES["in"].colour,
    }
    assert "mark" not in next(n for n in data["nodes"] if n["id"] == "uk")


def test_a_labelling_reaches_every_node_inference_and_the_legend() -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "grounded")
    data = data_of(to_html(m, labels=lab, gaps=()))
    for item in [*data["nodes"], *data["inferences"]]:
        assert item["mark"]["label"] == lab[item["id"]], item["id"]
        assert item["mark"]["text"] == lab[item["id"]].upper()
    assert data["labels"]["semantics"] == "grounded"
    assert data["labels"]["title"] == "grounded semantics (Dung)"
    assert [e["text"] for e in data["labels"]["entries"]] == ["IN", "OUT", "UNDEC"]
    assert data_of(to_html(m, gaps=()))["labels"] is None


def test_strengths_reach_the_page_as_numbers_and_fills() -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "dfquad")
    data = data_of(to_html(m, labels=lab, gaps=()))
    agenda = next(n for n in data["nodes"] if n["id"] == "agenda")["mark"]
    assert agenda["strength"] == pytest.approx(lab["agenda"])
    assert agenda["fill"] == strength_fill(lab["agenda"])
    assert "label" not in agenda
    assert data["labels"]["kind"] == "strengths"


def test_unknown_focus_or_finding_node_is_named() -> None:
    with pytest.raises(UnknownNodeError, match="'nope'"):
        to_html(north_korea(), focus="nope")
    finding = types.SimpleNamespace(rule="AM1", name="x", message="m", nodes=("ghost",))
    with pytest.raises(UnknownNodeError, match="finding AM1 names unknown node 'ghost'"):
        to_html(north_korea(), gaps=[finding])


def test_render_and_draw_write_the_page_by_suffix_or_format(tmp_path: Path) -> None:
    m = north_korea()
    out = m.render(tmp_path / "map.HTML", gaps=())
    assert out.read_text("utf-8") == to_html(m, gaps=())
    assert draw(m, format="html", gaps=()).decode() == to_html(m, gaps=())
    assert m.to_html(gaps=()) == to_html(m, gaps=())


def test_the_cli_writes_the_viewer(tmp_path: Path) -> None:
    source = tmp_path / "map.json"
    dump(north_korea(), source)
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 0, result.output
    assert data_of((tmp_path / "m.html").read_text("utf-8"))["findings"]
    result = CliRunner().invoke(
        main, ["render", str(source), "-o", str(tmp_path / "m.out"), "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        main, ["render", str(source), "-o", str(tmp_path / "x.html"), "--focus", "nope"]
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert "'nope'" in result.output
    assert not (tmp_path / "x.html").exists()


def test_show_displays_the_page_in_a_sandboxed_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[object] = []
    display = types.ModuleType("IPython.display")
    display.display = shown.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython.display", display)
    assert north_korea().show(gaps=(), height=500) is None
    [page] = shown
    assert isinstance(page, HtmlPage)
    frame = page._repr_html_()
    assert frame.startswith('<iframe title="Argument map viewer" sandbox="allow-scripts" ')
    assert "height:500px" in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None
    import html

    assert html.unescape(srcdoc.group(1)) == to_html(north_korea(), gaps=())


def test_show_without_ipython_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    with pytest.raises(RenderError, match=r'needs IPython .* m.render\("map.html"\)'):
        show(north_korea(), gaps=())
    with pytest.raises(RenderError, match="height must be at least 100"):
        show(north_korea(), height=5)


def test_the_docs_viewer_page_is_current() -> None:
    page = (ROOT / "docs" / "viewer" / "north-korea.html").read_text("utf-8")
    assert page == to_html(north_korea()), (
        "docs/viewer/north-korea.html is stale: run scripts/make_viewer_page.py"
    )


def test_the_docs_labelled_viewer_page_is_current() -> None:
    m = north_korea()
    page = (ROOT / "docs" / "viewer" / "north-korea-grounded.html").read_text("utf-8")
    assert page == to_html(m, labels=argmap.evaluate(m, "grounded")), (
        "docs/viewer/north-korea-grounded.html is stale: run scripts/make_viewer_page.py"
    )


@pytest.mark.parametrize("suffix", [".html", ".svg", ".dot"])
def test_any_scheme_name_the_map_keeps_is_drawn(tmp_path: Path, suffix: str) -> None:
    # AIFdb names every support "Default Inference"; the map keeps any name, so every drawing
    # shows it (the viewer used to refuse it as an unknown scheme).
    m = ArgumentMap(title="t")
    m.claim("c", "A.")
    m.premise("p", "B.")
    m.premise("q", "C.")
    m.support("p", "c", scheme="Default Inference")
    m.support("q", "c", scheme="expert_opinion")
    out = m.render(tmp_path / f"m{suffix}")
    text = out.read_text(encoding="utf-8")
    assert "Default Inference" in text


# -- one drawing model, laid out by the engine ------------------------------------------------

LABEL = re.compile(r'^\t"(?P<id>[^"]+)" \[label=<(?P<label>.*?)> shape=', re.MULTILINE)


def _dot_lines(label: str) -> list[str]:
    """The lines of an HTML-like DOT label, as text."""
    lines = [re.sub(r"<[^>]+>", "", part) for part in label.split("<BR/>")]
    return [html.unescape(line) for line in lines]


@pytest.mark.parametrize("wrap", [40, 18])
def test_the_page_draws_the_lines_the_static_diagram_draws(wrap: int) -> None:
    m = north_korea()
    lab = argmap.evaluate(m, "grounded")
    options = {"labels": lab, "gaps": check(m), "wrap": wrap}
    source = to_dot(m, **options)
    dot = {found["id"]: _dot_lines(found["label"]) for found in LABEL.finditer(source)}
    data = data_of(to_html(m, **options))
    for node in data["nodes"]:
        page = [line if isinstance(line, str) else line[0] for line in node["lines"]]
        assert page == dot[node["id"]], node["id"]
        body = [line for line in node["lines"] if isinstance(line, str)]
        assert all(len(line) <= wrap for line in body), node["id"]
    assert any(len(n["lines"]) > 3 for n in data["nodes"])


def test_the_page_holds_the_layout_engines_positions() -> None:
    m = north_korea()
    data = data_of(to_html(m))
    layout = data["layout"]
    statements = {s.id for s in m.statements()}
    assert statements <= set(layout["nodes"])
    # The rest are the junctions: a linked or undercut inference's own dot.
    assert set(layout["nodes"]) - statements <= {i.id for i in m.inferences()}
    for node_id, (x, y, w, h) in layout["nodes"].items():
        assert x - w / 2 >= -1, node_id  # to the nearest point
        assert x + w / 2 <= layout["width"] + 1, node_id
        assert y - h / 2 >= -1, node_id
        assert y + h / 2 <= layout["height"] + 1, node_id
    owners = {edge[0] for edge in layout["edges"]}
    assert owners == {i.id for i in m.inferences()}
    for owner, tail, head, points, *_ends in layout["edges"]:
        assert tail in layout["nodes"], owner
        assert head in layout["nodes"], owner
        assert len(points) >= 8  # a start and cubic pieces, as x and y
        assert len(points) % 2 == 0
    # Boxes never overlap: the engine's drawing, not one made in the browser.
    boxes = [layout["nodes"][s] for s in statements]
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert abs(x1 - x2) >= (w1 + w2) / 2 or abs(y1 - y2) >= (h1 + h2) / 2
    assert set(layout["labels"]) <= owners


def test_a_map_larger_than_the_page_draws_is_laid_out_around_its_centre() -> None:
    m = ArgumentMap()
    m.claim("c0", "The root.")
    for i in range(1, MAX_DRAWN * 2):
        m.claim(f"c{i}", f"Claim {i}.")
        m.support(f"c{i}", f"c{(i - 1) // 3}", id=f"s{i}")
    m.central = "c0"
    nodes = data_of(to_html(m, gaps=()))["layout"]["nodes"]
    statements = [n for n in nodes if n.startswith("c")]
    assert "c0" in statements
    assert len(statements) <= MAX_DRAWN
    assert set(statements) == neighbourhood(m, "c0", depth=5)  # 364 statements; depth 6 is 1,093


def test_without_a_layout_engine_the_page_lays_the_map_out_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(source: str, *, timeout: float) -> dict[str, object]:
        raise RenderError("graphviz-pure failed with exit code 1: out of memory")

    monkeypatch.setattr(html_module, "layout_json", broken)
    with pytest.warns(RenderWarning, match="lays the map out in the browser.*out of memory"):
        page = to_html(north_korea())
    assert data_of(page)["layout"] is None
    assert data_of(to_html(ArgumentMap(), gaps=()))["layout"] is None  # nothing to lay out


def test_the_timeout_bounds_the_pages_layout_and_past_it_the_page_still_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    given: list[float] = []
    real = html_module.layout_json

    def timed(source: str, *, timeout: float) -> dict[str, object]:
        given.append(timeout)
        return real(source, timeout=timeout)

    monkeypatch.setattr(html_module, "layout_json", timed)
    assert data_of(to_html(north_korea(), gaps=(), timeout=7.5))["layout"] is not None
    assert data_of(draw(north_korea(), format="html", gaps=(), timeout=3.0).decode())["layout"]
    assert data_of(to_html(north_korea(), gaps=()))["layout"] is not None
    assert given == [7.5, 3.0, html_module.LAYOUT_TIMEOUT]

    def slow(source: str, *, timeout: float) -> dict[str, object]:
        raise RenderError(f"the layout engine ran out of its {timeout:g} s timeout")

    monkeypatch.setattr(html_module, "layout_json", slow)
    with pytest.warns(RenderWarning, match="lays the map out in the browser.*0.5 s timeout"):
        page = to_html(north_korea(), gaps=(), timeout=0.5)
    assert data_of(page)["layout"] is None
    assert data_of(page)["nodes"]  # the page still has the whole map to draw


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), "10"])
def test_a_bad_timeout_for_the_page_is_refused(timeout: object) -> None:
    with pytest.raises(RenderError, match="timeout"):
        to_html(north_korea(), gaps=(), timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize("hole", ["policy", "title", "style", "script", "data"])
def test_a_title_or_text_naming_a_placeholder_is_written_as_it_is(hole: str) -> None:
    m = ArgumentMap(title=f"Debate {{{{{hole}}}}} here")
    m.claim("c", f"A claim that says {{{{{hole}}}}}.")
    page = to_html(m, gaps=())
    assert f"<title>Debate {{{{{hole}}}}} here</title>" in page
    assert f'<h1 id="map-title">Debate {{{{{hole}}}}} here</h1>' in page
    assert data_of(page)["nodes"][0]["text"] == f"A claim that says {{{{{hole}}}}}."
    # Nothing was pasted in twice: the policy, the style, the script and the data once each.
    style, script = html_module._asset("viewer.css"), html_module._asset("viewer.js")
    assert page.count("default-src 'none'") == 1
    assert page.count(style) == 1
    assert page.count(script) == 1
    assert page.count('"nodeStyles"') == 1


@pytest.mark.slow
def test_show_as_a_cells_last_line_shows_the_viewer_once() -> None:
    # show() displayed the page and returned it, so `m.show()` as the last line of a cell put
    # two viewers in the notebook (display_data and execute_result), twice its size.
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import argmap.examples\nargmap.examples.north_korea().show()")
    ]
    nbclient.NotebookClient(nb, timeout=120).execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"]


def test_a_page_prints_short() -> None:
    # Outside Jupyter IPython's display() prints the repr: it was the whole page, 100 kB.
    page = HtmlPage(to_html(north_korea(), gaps=()))
    assert repr(page) == f"HtmlPage(<{len(page.html):,} characters of HTML>, height=640)"
