"""The HTML viewer driven as a reader would, in headless Chromium.

Chromium comes from Debian (``apt-get install chromium``), driven through Playwright's Python
package pointed at that executable; no browser is ever downloaded. axe-core comes from the npm
registry (``npm install --prefix .ci/node axe-core``) and is injected into the test page only.
``.ci/run`` installs both; where they cannot be had, these tests skip and say why.

Screenshots go to ``$ARGMAP_SCREENSHOTS`` when it is set, for a person to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, check
from argmap.examples import north_korea
from argmap.model import Source
from argmap.render import DiagramOptions, neighbourhood, to_html
from argmap.render import html as html_module
from argmap.render.html import MAX_DRAWN, page_data
from argmap.render.labels import LABEL_STYLES, strength_fill

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
XSS = [
    "<script>window.__pwned = 'script'</script>",
    "</script><script>window.__pwned = 'close'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    "javascript:window.__pwned = 'url'",
    "<!-- <a href=\"javascript:window.__pwned='a'\">x</a>",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def article_page() -> Path:
    """The docs' own viewer page of the article, as a reader opens it."""
    return ROOT / "docs" / "viewer" / "north-korea.html"


def open_page(
    browser: Any, path: Path, *, viewport: dict[str, int] = DESKTOP, bypass_csp: bool = False
) -> Any:
    context = browser.new_context(viewport=viewport, bypass_csp=bypass_csp)
    # No network: any request but the page itself fails the test.
    requests: list[str] = []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("#diagram svg g.node")
    page.errors = errors
    page.requests = requests
    return page


def write(tmp_path: Path, html: str, name: str = "map.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


# The node ids drawn, from the buttons' names ("Case uk: ...").
IDS = "els => els.map(e => e.getAttribute('aria-label').split(':')[0].split(' ').pop())"


def node(page: Any, name: str) -> Any:
    """A node of the diagram as a screen reader names it, such as ``"Case amnesty"``."""
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(name)}[:.]"))


def pressed(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#diagram [aria-pressed=true]",
        "els => els.map(e => e.getAttribute('aria-label').split(':')[0])",
    )


def shoot(page: Any, name: str) -> None:
    folder = os.environ.get("ARGMAP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_clicking_the_amnesty_case_highlights_its_passage(browser: Any, article_page: Path) -> None:
    m = north_korea()
    page = open_page(browser, article_page)
    # The page opens on the central claim's neighbourhood: see the whole map, as a reader would.
    page.get_by_role("button", name="Whole map").click()
    node(page, "Case amnesty").click()
    active = page.eval_on_selector_all("mark.active", "els => els.map(e => e.textContent)")
    assert "".join(active) == m["amnesty"].quotes[0].text  # type: ignore[union-attr]
    # The passage is scrolled into the sources panel's view.
    inside = page.evaluate(
        """() => { const m = document.querySelector('mark.active').getBoundingClientRect();
                   const s = document.querySelector('#side').getBoundingClientRect();
                   return m.top >= s.top && m.bottom <= s.bottom; }"""
    )
    assert inside
    assert page.evaluate("window.scrollY") == 0  # the panel scrolled, not the page
    assert page.locator("#details h3").inner_text().startswith("Case amnesty")
    assert pressed(page) == ["Case amnesty"]
    shoot(page, "amnesty-desktop")
    assert page.errors == []
    assert page.requests == [article_page.as_uri()]


def test_clicking_a_highlighted_passage_selects_the_statement_quoting_it(
    browser: Any, article_page: Path
) -> None:
    page = open_page(browser, article_page)
    page.get_by_role("button", name="Whole map").click()
    # The rebuttal quotes words inside the Amnesty case's quote: a passage only the case quotes
    # selects the case; the words both quote select both.
    data = page_data(north_korea(), DiagramOptions(), ())
    pieces = data["sources"][0]["segments"]
    alone = next(p["text"] for p in pieces if p.get("nodes") == ["amnesty"])
    both = next(p["text"] for p in pieces if p.get("nodes") == ["amnesty", "prisoners_moved"])
    page.locator("mark", has_text=alone.strip()[:40]).first.click()
    assert pressed(page) == ["Case amnesty"]
    page.locator("mark", has_text=both.strip()[:40]).first.click()
    assert pressed(page) == ["Case amnesty", "Rebuttal prisoners_moved"]
    assert "2 nodes" in page.locator("#status").inner_text()


def test_selecting_a_finding_selects_its_nodes(browser: Any, article_page: Path) -> None:
    m = north_korea()
    finding = next(f for f in check(m) if f.rule == "AM201")
    page = open_page(browser, article_page)
    page.get_by_role("tab", name=re.compile("^Findings")).click()
    button = page.locator("#findings button", has_text="AM201").filter(has_text=finding.nodes[0])
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    selected = {label.split()[-1] for label in pressed(page)}
    assert selected == set(finding.nodes)
    # Filtering hides the others: an acknowledged finding counts toward no severity, as in the
    # report, so its own box hides it.
    box = "acknowledged" if finding.acknowledged else finding.severity
    page.get_by_label(re.compile(rf"^ {box}")).uncheck()
    assert not button.is_visible()
    assert page.locator("#findings button", has_text="AM601").first.is_visible()
    # The sources stay a tab away, not pushed below the findings.
    page.get_by_role("tab", name="Sources").click()
    assert page.locator("#sources mark").first.is_visible()


def test_keyboard_alone_reaches_moves_and_selects(browser: Any, article_page: Path) -> None:
    page = open_page(browser, article_page)
    for _ in range(30):  # Tab through the page to the diagram's one tab stop
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#diagram') !== null"):
            break
    else:
        pytest.fail("the diagram cannot be reached with Tab")
    first = page.evaluate("document.activeElement.getAttribute('aria-label')")
    # The focus is visible: a ring drawn around the focused node.
    ring = page.evaluate("getComputedStyle(document.activeElement).stroke")
    assert ring not in ("none", "")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert second != first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert pressed(page) == [second.split(":")[0]]
    assert page.locator("#details h3").inner_text().startswith(second.split(":")[0])
    # Only one tab stop in the diagram: Tab leaves it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#diagram') === null")


def test_search_finds_a_statement_and_selects_it(browser: Any, article_page: Path) -> None:
    page = open_page(browser, article_page)
    page.get_by_label("Search", exact=True).fill("abducted")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert pressed(page) == ["Case japan"]


def test_focus_and_depth_draw_the_same_neighbourhood_as_python(
    browser: Any, article_page: Path
) -> None:
    m = north_korea()
    page = open_page(browser, article_page)
    page.get_by_role("button", name="Whole map").click()
    node(page, "Case uk").click()
    page.get_by_role("button", name="Focus on selected").click()
    drawn = page.eval_on_selector_all(
        "#diagram g.node [role=button]",
        "els => els.map(e => e.getAttribute('aria-label').split(':')[0].split(' ').pop())",
    )
    assert set(drawn) == neighbourhood(m, "uk", depth=1)
    slider = page.get_by_label(re.compile("^Depth"))
    slider.fill("2")
    drawn = page.eval_on_selector_all(
        "#diagram g.node [role=button]",
        "els => els.map(e => e.getAttribute('aria-label').split(':')[0].split(' ').pop())",
    )
    assert set(drawn) == neighbourhood(m, "uk", depth=2)
    page.get_by_role("button", name="Whole map").click()
    assert page.locator("#diagram g.node").count() == len(list(m.statements()))


def _hostile_map() -> ArgumentMap:
    text = "Intro. " + " ".join(XSS) + " The quoted part. End."
    source = Source(id="src", title=XSS[0], text=text, url=XSS[4], publisher=XSS[2])
    m = ArgumentMap(title=XSS[1], sources=[source])
    m.claim("c", XSS[0], note=XSS[1], tags=[XSS[2]])
    m.case("k", XSS[2], quotes=["The quoted part."], source="src", attribution=XSS[3], when=XSS[5])
    m.rebuttal("r", XSS[3])
    m.support("k", "c", id="s", note=XSS[4])
    m.attack("r", "s", id="u", note=XSS[5])
    m.central = "c"
    return m


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-policy", "escaping-alone"])
def test_a_hostile_map_runs_no_script(browser: Any, tmp_path: Path, bypass_csp: bool) -> None:
    m = _hostile_map()
    page = open_page(
        browser, write(tmp_path, to_html(m, labels={"c": XSS[0]})), bypass_csp=bypass_csp
    )
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for name in ("Central claim c", "Case k", "Rebuttal r", "Support s", "Undercut u"):
        node(page, name).click()
    page.locator("mark").first.click()
    page.get_by_role("tab", name=re.compile("^Findings")).click()
    page.locator("#findings button").first.click()
    page.get_by_label("Search", exact=True).fill("script")
    node(page, "Central claim c").click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.errors == []
    # The texts are shown as written, as text.
    assert page.title() == XSS[1]
    assert XSS[0] in page.locator("#details").inner_text()
    assert XSS[0] in page.locator("#search-results").inner_text()
    assert page.locator("#sources a").count() == 0  # a javascript: URL is not a link
    assert XSS[4] in page.locator("#sources").inner_text()
    assert page.evaluate("document.querySelectorAll('script').length") == 2


def test_a_premise_less_support_and_an_undercut_attack_are_drawn(
    browser: Any, tmp_path: Path
) -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.rebuttal("r", "R.")
    m.premise("g", "Granted, but no objection.")
    m.support([], "c", id="s0")
    m.attack("r", "c", id="a")
    m.attack("g", "a", id="u")
    page = open_page(browser, write(tmp_path, to_html(m, gaps=())))
    assert page.errors == []
    for name in ("Support s0", "Attack a", "Undercut u"):
        node(page, name).click()
        assert pressed(page) == [name]


def test_a_10k_node_map_stays_bounded_when_focused(browser: Any, tmp_path: Path) -> None:
    m = ArgumentMap(title="Ten thousand")
    m.claim("c0", "The root claim.")
    for i in range(1, 10_000):
        m.claim(f"c{i}", f"Claim number {i} about topic {i % 97}.")
        m.support(f"c{i}", f"c{(i - 1) // 3}", id=f"s{i}")
    m.central = "c0"
    page = open_page(browser, write(tmp_path, to_html(m, gaps=())))
    assert page.get_by_role("button", name="Whole map").is_disabled()
    page.get_by_label(re.compile("^Depth")).fill("8")  # the whole map is within 8 steps of c0
    nodes = page.locator("#diagram g.node").count()
    assert nodes == MAX_DRAWN
    assert page.evaluate("document.querySelectorAll('#diagram *').length") < 40 * MAX_DRAWN
    assert "nearest" in page.locator("#status").inner_text()
    # Search reaches a node far from the one shown, and focuses there.
    page.get_by_label("Search", exact=True).fill("Claim number 9999 ")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert pressed(page) == ["Claim c9999"]
    assert page.locator("#diagram g.node").count() <= MAX_DRAWN
    assert page.errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_accessibility_violations(
    browser: Any, article_page: Path, viewport: dict[str, int]
) -> None:
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install --prefix .ci/node axe-core)")
    page = open_page(browser, article_page, viewport=viewport, bypass_csp=True)
    name = "desktop" if viewport is DESKTOP else "phone"
    shoot(page, f"article-{name}")
    page.get_by_label("Search", exact=True).fill("Amnesty")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.get_by_role("tab", name=re.compile("^Findings")).click()
    page.locator("#findings button").first.click()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]
    assert violations == []
    shoot(page, f"article-{name}-selected")


@pytest.mark.parametrize("semantics", ["grounded", "dfquad"])
def test_labels_show_on_nodes_in_the_panel_and_in_the_legend(
    browser: Any, tmp_path: Path, semantics: str
) -> None:
    m = north_korea()
    lab = argmap.evaluate(m, semantics)
    page = open_page(browser, write(tmp_path, to_html(m, labels=lab, gaps=())))
    assert page.errors == []
    page.get_by_role("button", name="Whole map").click()
    gradual = semantics == "dfquad"

    def said(node_id: str) -> str:
        return f"strength {lab[node_id]:.2f}" if gradual else lab[node_id].upper()

    # Each statement's box is filled for its mark, and the mark is written on it.
    drawn = page.eval_on_selector_all(
        "#diagram g.node",
        """gs => gs.map(g => [
            g.querySelector('rect.ring').getAttribute('aria-label').split(':')[0].split(' ').pop(),
            g.querySelector('rect.box').getAttribute('fill'),
            g.querySelector('text.mark') && g.querySelector('text.mark').textContent])""",
    )
    assert {node_id for node_id, _, _ in drawn} == {s.id for s in m.statements()}
    for node_id, fill, text in drawn:
        want = strength_fill(lab[node_id]) if gradual else LABEL_STYLES[lab[node_id]].fill
        assert (fill, text) == (want, said(node_id)), node_id
    marks = page.eval_on_selector_all("#diagram g.junction text.mark", "ts => ts.length")
    assert marks == len(list(m.inferences()))
    # Selecting a node or an inference names its label and the semantics in the panel.
    node(page, "Central claim agenda").click()
    title = "DF-QuAD strengths" if gradual else "grounded semantics (Dung)"
    details = page.locator("#details").inner_text()
    verdict = {"in": "IN (accepted)", "out": "OUT (rejected)"}.get(str(lab["agenda"]))
    assert f"{title}: {lab['agenda']:.2f}" in details if gradual else f"{verdict}" in details
    assert title in details
    node(page, "Undercut u_amnesty").dispatch_event("click")  # it may lie outside the view
    assert title in page.locator("#details").inner_text()
    # The screen reader's name of a node says its mark too.
    assert title in page.get_by_role("button", name=re.compile(r"^Case uk:")).get_attribute(
        "aria-label"
    )
    legend = page.locator("#legend .labels-legend").inner_text()
    assert title.lower() in legend.lower()
    expected = ["strength 0.00", "strength 1.00"] if gradual else ["IN accepted", "OUT rejected"]
    for entry in expected:
        assert entry in legend
    shoot(page, f"labels-{semantics}")


def test_a_labelled_page_has_no_accessibility_violations(browser: Any, tmp_path: Path) -> None:
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install --prefix .ci/node axe-core)")
    m = north_korea()
    page = open_page(
        browser,
        write(tmp_path, to_html(m, labels=argmap.evaluate(m), focus="withdrawal")),
        bypass_csp=True,
    )
    node(page, "Rebuttal withdrawal").click()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]
    assert violations == []
    assert "of the whole map" in page.locator("#legend").inner_text()


def test_acknowledged_findings_are_noted_not_outlined(browser: Any, article_page: Path) -> None:
    m = north_korea()
    report = check(m)
    open_ids = {n for f in report if f.acknowledged is None for n in f.nodes}
    statements = {s.id for s in m.statements()}
    only_acked = {
        n for f in report.acknowledged for n in f.nodes if n not in open_ids and n in statements
    }
    assert only_acked  # the article records some weaknesses on purpose
    page = open_page(browser, article_page)
    page.get_by_role("button", name="Whole map").click()
    drawn = dict(
        page.eval_on_selector_all(
            "#diagram g.node",
            """gs => gs.map(g => [
                g.querySelector('rect.ring').getAttribute('aria-label')
                    .split(':')[0].split(' ').pop(),
                [g.querySelector('rect.box').getAttribute('stroke-dasharray'),
                 Array.from(g.querySelectorAll('text')).map(t => t.textContent).join('|')]])""",
        )
    )
    for node_id in only_acked:
        dashes, texts = drawn[node_id]
        assert dashes is None, node_id
        assert "acknowledged: " in texts, node_id
        assert "\u25b2" not in texts, node_id
    assert (
        "acknowledged: a weakness the map records on purpose"
        in page.locator("#legend").inner_text()
    )


def test_the_analysts_inferences_look_apart(browser: Any, article_page: Path) -> None:
    page = open_page(browser, article_page)
    page.get_by_role("button", name="Whole map").click()
    starts = dict(
        page.eval_on_selector_all(
            "#diagram path.edge",
            "ps => ps.map(p => [p.getAttribute('class') + ' ' + p.getAttribute('d'),"
            " p.getAttribute('marker-start')])",
        )
    )
    marked = [k for k, v in starts.items() if v]
    # s_friction, s_prisoners, s_public (one premise each) and u_amnesty, u_public (one premise,
    # onto a junction): one line each.
    assert len(marked) == 5
    assert sorted(k.split()[1] for k in marked) == [*["support"] * 3, *["undercut"] * 2]
    node(page, "Undercut u_amnesty").dispatch_event("click")
    assert "added by the analyst" in page.locator("#details").inner_text()
    assert "added by the analyst" in node(page, "Support s_friction").get_attribute("aria-label")
    assert "added by the analyst (not in the text)" in page.locator("#legend").inner_text()
    assert page.errors == []


# -- what a person sees ---------------------------------------------------------------------------

# Measured in the page: every box of the opening view inside the diagram's pane, no two boxes
# overlapping, nothing drawn over a box's text (the topmost element at the middle of each line of
# text is that box's own), and the body text's size on screen.
SEEN = """() => {
  const pane = document.getElementById('diagram').getBoundingClientRect();
  const boxes = Array.from(document.querySelectorAll('#diagram g.node')).map(g => {
    const r = g.querySelector('rect.box').getBoundingClientRect();
    return {id: g.querySelector('rect.ring').getAttribute('aria-label').split(':')[0],
            l: r.left, t: r.top, r: r.right, b: r.bottom};
  });
  // Inside the pane and inside the window: on a phone the pane must not run below the screen.
  const outside = boxes.filter(b => b.l < Math.max(pane.left, 0) - 0.5 ||
                                    b.t < Math.max(pane.top, 0) - 0.5 ||
                                    b.r > Math.min(pane.right, innerWidth) + 0.5 ||
                                    b.b > Math.min(pane.bottom, innerHeight) + 0.5)
                       .map(b => b.id);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5)
      overlaps.push([a.id, b.id]);
  }
  const covered = [], spilt = [];
  let smallest = Infinity;
  document.querySelectorAll('#diagram g.node text').forEach(t => {
    const g = t.closest('g.node'), r = t.getBoundingClientRect();
    const box = g.querySelector('rect.box').getBoundingClientRect();
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 ||
        r.bottom > box.bottom + 0.5) spilt.push(t.textContent);
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < pane.left || x > pane.right || y < pane.top || y > pane.bottom) return;
    const top = document.elementFromPoint(x, y);
    if (!top || top.closest('g.node') !== g) covered.push(t.textContent);
    if (!t.getAttribute('class'))
      smallest = Math.min(smallest, t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize));
  });
  return {count: boxes.length, outside, overlaps, covered, spilt, smallest};
}"""

# Every line a highlighted quote's words take is inside the highlight's own boxes.
QUOTES = """() => {
  const unlit = [];
  document.querySelectorAll('#sources mark').forEach(m => {
    const range = document.createRange();
    range.selectNodeContents(m);
    const lit = Array.from(m.getClientRects());
    Array.from(range.getClientRects()).forEach(line => {
      if (line.width < 1) return;
      const x = line.left + line.width / 2, y = line.top + line.height / 2;
      if (!lit.some(r => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom))
        unlit.push(m.textContent.slice(0, 40));
    });
  });
  return {marks: document.querySelectorAll('#sources mark').length, unlit};
}"""


def large_map(n: int = 300) -> ArgumentMap:
    """A generated map of ``n`` statements: a tree of supports four wide, every seventh
    statement an objection to its parent."""
    m = ArgumentMap(title=f"A generated map of {n} statements")
    m.claim("c0", "The central claim of the generated map, which everything else bears on.")
    for i in range(1, n):
        parent = f"c{(i - 1) // 4}"
        text = f"Statement {i}: a reason about topic {i % 13}, in a sentence or two of words."
        if i % 7 == 0:
            m.rebuttal(f"c{i}", text)
            m.attack(f"c{i}", parent, id=f"a{i}")
        else:
            m.claim(f"c{i}", text)
            m.support(f"c{i}", parent, id=f"s{i}")
    m.central = "c0"
    return m


def _seen(page: Any) -> dict[str, Any]:
    seen: dict[str, Any] = page.evaluate(SEEN)
    assert seen["count"] > 0
    assert seen["outside"] == []
    assert seen["overlaps"] == []
    assert seen["covered"] == []
    assert seen["spilt"] == []  # every line of text inside its own box
    assert seen["smallest"] >= 11
    return seen


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_article_opens_readable_and_whole_in_view(
    browser: Any, article_page: Path, viewport: dict[str, int]
) -> None:
    page = open_page(browser, article_page, viewport=viewport)
    name = "desktop" if viewport is DESKTOP else "phone"
    shoot(page, f"opening-{name}")
    seen = _seen(page)
    if viewport is DESKTOP:
        assert seen["count"] > 1  # more than the central claim alone
    assert "at a readable size" in page.locator("#status").inner_text()
    quotes = page.evaluate(QUOTES)
    assert quotes["marks"] > 5
    assert quotes["unlit"] == []
    # The sources are beside the map on a desktop, not below the findings.
    if viewport is DESKTOP:
        side = page.locator("#sources").bounding_box()
        diagram = page.locator("#diagram").bounding_box()
        assert side["x"] >= diagram["x"] + diagram["width"] - 1
        assert side["y"] < DESKTOP["height"] / 2
    # The whole map is a click away, fitted: every box in view (the text then smaller).
    page.get_by_role("button", name="Whole map").click()
    whole = page.evaluate(SEEN)
    assert whole["count"] == len(list(north_korea().statements()))
    assert whole["outside"] == []
    assert whole["overlaps"] == []
    assert whole["covered"] == []
    assert whole["spilt"] == []
    shoot(page, f"whole-{name}")
    assert page.errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_300_statement_map_opens_on_a_readable_overview(
    browser: Any, tmp_path: Path, viewport: dict[str, int]
) -> None:
    m = large_map()
    page = open_page(browser, write(tmp_path, to_html(m, gaps=())), viewport=viewport)
    name = "desktop" if viewport is DESKTOP else "phone"
    shoot(page, f"large-{name}")
    seen = _seen(page)
    assert seen["count"] > 1 if viewport is DESKTOP else seen["count"] >= 1
    status = page.locator("#status").inner_text()
    # The status says, in words, what the page opened on and how much is left out.
    n = seen["count"]
    near = {1: "", 2: " and the statement nearest it"}.get(
        n, f" and the {n - 1} statements nearest it"
    )
    assert status.startswith(f"Opened on the central claim c0{near}: {n} of 300 statements")
    # Explore: search a far statement, focus on it, and the whole map.
    page.get_by_label("Search", exact=True).fill("Statement 286:")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert pressed(page) == ["Claim c286"]
    page.get_by_role("button", name="Whole map").click()
    assert page.locator("#diagram g.node").count() == 300
    whole = page.evaluate(SEEN)
    assert whole["outside"] == []
    assert whole["overlaps"] == []  # a box is about 4 px wide then: what is drawn over it
    assert page.errors == []  # cannot be told apart, and the text is only a texture


def test_a_name_read_aloud_has_no_doubled_stop(browser: Any, article_page: Path) -> None:
    page = open_page(browser, article_page)
    names = page.eval_on_selector_all(
        "#diagram [role=button]", "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert names
    assert not [n for n in names if ".." in n]
    assert any("open finding" in n for n in names)


def test_finding_counts_agree_with_the_report(browser: Any, article_page: Path) -> None:
    counts = check(north_korea()).summary()
    page = open_page(browser, article_page)
    labels = page.eval_on_selector_all(
        "#severity-filters label", "ls => ls.map(l => l.textContent.trim())"
    )
    assert labels == [f"{k} ({counts[k]})" for k in ("error", "warning", "info", "acknowledged")]
    assert page.locator("#findings-count").inner_text() == f"({counts['total']})"


def test_the_whole_map_is_drawn_where_the_layout_engine_put_it(
    browser: Any, article_page: Path
) -> None:
    m = north_korea()
    layout = page_data(m, DiagramOptions(), tuple(check(m)))["layout"]
    page = open_page(browser, article_page)
    page.get_by_role("button", name="Whole map").click()
    # Each box's centre and size in the diagram's own units (points, as the engine's).
    drawn = dict(
        page.eval_on_selector_all(
            "#diagram g.node",
            """gs => gs.map(g => { const b = g.querySelector('rect.box').getBBox();
                const m = g.transform.baseVal.consolidate().matrix;
                return [g.querySelector('rect.ring').getAttribute('aria-label').split(':')[0]
                          .split(' ').pop(),
                        [m.e + b.x + b.width / 2, m.f + b.y + b.height / 2,
                         b.width, b.height]]; })""",
        )
    )
    assert set(drawn) == {s.id for s in m.statements()}
    margin = 4  # the page draws the engine's picture 4 points in from its edges
    for node_id, (x, y, w, h) in drawn.items():
        ex, ey, ew, eh = layout["nodes"][node_id]
        assert (x, y, w, h) == pytest.approx((ex + margin, ey + margin, ew, eh), abs=0.6), node_id
    # The lines are the engine's splines, drawn beneath the boxes.
    assert page.locator("#diagram path.edge").count() == len(layout["edges"])
    order = page.evaluate(
        """() => { const d = document.querySelector('#diagram svg g');
                   const layers = Array.from(d.children);
                   return [layers.findIndex(l => l.querySelector('path.edge')),
                           layers.findIndex(l => l.querySelector('g.node'))]; }"""
    )
    assert order[0] < order[1]
    assert page.errors == []


def test_on_a_phone_the_map_and_its_sources_work(browser: Any, article_page: Path) -> None:
    m = north_korea()
    page = open_page(browser, article_page, viewport=PHONE)
    # The map takes the first screen under the controls, its legend in view.
    pane = page.locator("#diagram").bounding_box()
    assert pane["y"] + pane["height"] <= PHONE["height"]
    assert pane["height"] >= PHONE["height"] / 2
    assert page.locator("#diagram g.node").count() > 1
    # Search draws the case around it, in view; a tap on it selects it and scrolls its quoted
    # passage into view, below the map.
    page.get_by_label("Search", exact=True).fill("Amnesty")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert pressed(page) == ["Case amnesty"]
    case = node(page, "Case amnesty")
    shown = case.bounding_box()
    assert shown["y"] >= 0
    assert shown["y"] + shown["height"] <= PHONE["height"]
    case.click()
    active = page.locator("mark.active").first
    active.wait_for()
    box = active.bounding_box()
    assert 0 <= box["y"] <= PHONE["height"]
    assert (
        "".join(page.eval_on_selector_all("mark.active", "els => els.map(e => e.textContent)"))
        == m["amnesty"].quotes[0].text
    )  # type: ignore[union-attr]
    shoot(page, "phone-amnesty")
    assert page.errors == []


def test_a_300_statement_map_has_no_accessibility_violations(browser: Any, tmp_path: Path) -> None:
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install --prefix .ci/node axe-core)")
    page = open_page(browser, write(tmp_path, to_html(large_map(), gaps=())), bypass_csp=True)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]
    assert violations == []


def test_every_focus_of_the_article_is_drawn_clear(browser: Any, article_page: Path) -> None:
    """Parts of the map are laid out in the browser, in the engine's ranks and order: whatever
    the focus and depth, no two boxes overlap, no line or dot covers text, text stays in its box."""
    m = north_korea()
    page = open_page(browser, article_page)
    slider = page.get_by_label(re.compile("^Depth"))
    problems = []
    for statement in m.statements():
        for depth in ("1", "2"):
            node_id = statement.id
            page.get_by_label("Search", exact=True).fill(node_id)
            page.locator("#search-results button", has_text=f" {node_id} \u2014").first.click()
            page.get_by_role("button", name="Focus on selected").click()
            slider.fill(depth)
            seen = page.evaluate(SEEN)
            for what in ("overlaps", "covered", "spilt"):  # a wide part is panned, not shrunk
                if seen[what]:
                    problems.append((node_id, depth, what, seen[what][:2]))
            # The details of what is selected never push the map below the window.
            pane = page.locator("#diagram").bounding_box()
            if pane["y"] + pane["height"] > DESKTOP["height"] + 0.5:
                problems.append((node_id, depth, "pane below the window", [pane]))
    assert problems == []
    assert page.errors == []


def test_without_the_engines_positions_the_page_lays_the_map_out_itself(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(source: str, *, timeout: float) -> dict[str, Any]:
        raise argmap.RenderError("no engine here")

    monkeypatch.setattr(html_module, "layout_json", broken)
    with pytest.warns(argmap.RenderWarning):
        page_text = to_html(north_korea())
    page = open_page(browser, write(tmp_path, page_text))
    seen = _seen(page)
    assert seen["count"] > 1
    page.get_by_role("button", name="Whole map").click()
    whole = page.evaluate(SEEN)
    assert whole["count"] == len(list(north_korea().statements()))
    assert whole["overlaps"] == []
    assert whole["covered"] == []
    assert whole["spilt"] == []
    assert page.errors == []
