"""The docs and the README must stay true to the code: their examples run and their reference
pages match what the code prints."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

import argmap
from argmap.examples import north_korea

ROOT = Path(__file__).resolve().parents[1]


def _blocks(path: Path, language: str) -> list[str]:
    """The page's code blocks in ``language``, as the docs build runs them (markdown-exec)."""
    text = path.read_text(encoding="utf-8")
    return re.findall(rf"```{language}(?: [^\n]*)?\n(.*?)```", text, flags=re.DOTALL)


def _run_page(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, at_least: int = 1
) -> dict[str, object]:
    """Run a docs page's Python blocks in order, in one namespace, as the docs build does.

    Pages that write files move into ``tempfile.mkdtemp()`` in a line the reader does not see
    (``# markdown-exec: hide``); here that folder is ``tmp_path``, so nothing lands in the
    checkout and the test can look at what was written.
    """
    import tempfile

    blocks = _blocks(ROOT / "docs" / page, "python")
    assert len(blocks) >= at_least
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "mkdtemp", lambda **_: str(tmp_path))
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(block, namespace)  # noqa: S102  # the page's own code
    return namespace


def _load_script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_matches_the_commands_help() -> None:
    make_cli_docs = _load_script("make_cli_docs")
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page == make_cli_docs.page(), "docs/cli.md is stale: run scripts/make_cli_docs.py"


def test_cli_reference_lists_every_command() -> None:
    from argmap.cli import main

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"## argmap {name}\n" in page


def test_readme_commands_are_the_ones_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [c.strip() for c in _blocks(ROOT / "README.md", "bash")]
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in ci, "CI must run exactly the README's test command"
    demo_command = next(c for c in commands if "argmap demo" in c)
    assert demo_command.startswith("python3 -m venv .venv")
    assert "argmap demo --out" in readme


def test_the_default_run_leaves_out_what_ci_runs_next() -> None:
    """The README's command leaves out slow and browser tests; .ci/run runs them after it."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_config = config["tool"]["pytest"]["ini_options"]
    addopts = pytest_config["addopts"]
    assert addopts[addopts.index("-m") + 1] == "not slow and not browser"
    declared = {marker.split(":")[0] for marker in pytest_config["markers"]}
    assert {"slow", "browser", "needs_engine"} <= declared
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [c.strip() for c in _blocks(ROOT / "README.md", "bash")]
    test_command = next(c for c in commands if "pytest" in c)
    assert ci.index(test_command) < ci.index('.venv/bin/python -m pytest -m "slow or browser"')
    developing = (ROOT / "docs" / "developing.md").read_text(encoding="utf-8")
    assert test_command in developing
    assert "HYPOTHESIS_PROFILE=explore" in developing


def test_formats_page_example_is_a_valid_map() -> None:
    (example,) = _blocks(ROOT / "docs" / "formats.md", "yaml")
    m = argmap.loads(example, format="yaml")
    assert m.central == "works"
    (case,) = m.nodes("case")
    quote = case.quotes[0]
    assert m.sources["art"].text is not None
    assert m.sources["art"].text[quote.start : quote.end] == quote.text
    assert argmap.loads(argmap.dumps(m, format="yaml"), format="yaml") == m


def test_formats_page_error_example_is_what_load_says(tmp_path: Path) -> None:
    (example,) = _blocks(ROOT / "docs" / "formats.md", "yaml")
    broken = example.replace("premises: [uk]", "premises: [ukk]")
    path = tmp_path / "maps" / "pressure.yaml"
    path.parent.mkdir()
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(argmap.FileFormatError) as caught:
        argmap.load(path)
    # The page has other text blocks (the Argdown section); the error example names 'ukk'.
    (documented,) = [b for b in _blocks(ROOT / "docs" / "formats.md", "text") if "ukk" in b]
    message = str(caught.value).replace(str(tmp_path) + "/", "")
    assert message == documented.strip()


def test_every_rule_code_in_the_docs_exists() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    documented = re.findall(r"^## (AM\d{3}) ([a-z-]+)$", page, flags=re.MULTILINE)
    assert documented == [(r.code, r.name) for r in argmap.checks.RULES.values()]


def test_tutorial_code_runs_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace = _run_page("tutorial.md", tmp_path, monkeypatch, at_least=6)
    assert (tmp_path / "north-korea.svg").read_bytes().lstrip().startswith(b"<?xml")
    assert (tmp_path / "reacts.png").read_bytes().startswith(b"\x89PNG")
    report = namespace["report"]
    assert isinstance(report, argmap.Report)
    # The tutorial's prose names these findings; keep it true.
    assert {f.nodes[0] for f in report.by_rule("AM301")} == {"uk", "japan", "executions", "amnesty"}
    assert [f.nodes[0] for f in report.by_rule("AM302")] == ["defectors"]
    assert [f.nodes[0] for f in report.by_rule("AM403")] == ["unfounded"]
    assert report.summary()["error"] == 0
    assert {f.rule for f in report.at_or_above("warning")} == {"AM301", "AM302", "AM403"}
    assert sorted((f.rule, f.nodes[0]) for f in report.acknowledged) == [
        ("AM102", "agenda"),
        ("AM103", "s_friction"),
        ("AM201", "u_amnesty"),
        ("AM201", "u_public"),
    ]
    # The evaluation section states these verdicts; keep it true.
    assert namespace["default"][namespace["m"].central] == "in"
    assert round(namespace["dfquad"][namespace["m"].central], 3) == 0.477
    assert round(argmap.evaluate(namespace["m"], "qe")["agenda"], 3) == 0.798
    assert argmap.evaluate(namespace["m"], "carneades")["agenda"] == "out"
    assert len(str(report).splitlines()) <= 50  # one screen
    # The walk-through acknowledges the hearsay, and the check then passes over it.
    after = namespace["after"]
    assert isinstance(after, argmap.Report)
    (hearsay,) = after.by_rule("AM302")
    assert hearsay.acknowledged
    assert len(after.at_or_above("warning")) == len(report.at_or_above("warning")) - 1
    assert after.by_rule("AM002") == []


def test_docs_pages_show_the_checked_in_diagram() -> None:
    for page in ("tutorial.md", "index.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        # The readable excerpt, and a link to the whole map.
        assert "images/north-korea-central.png" in text
        assert "images/north-korea.svg" in text
    for name in ("north-korea.png", "north-korea-central.png"):
        assert (ROOT / "docs" / "images" / name).read_bytes().startswith(b"\x89PNG")


_NODE_TITLE = re.compile(r'<g id="node\d+" class="node[^"]*">\s*<title>([^<]*)</title>')


@pytest.mark.needs_engine
def test_the_docs_opening_picture_is_readable_at_800_px_and_fresh(tmp_path: Path) -> None:
    from argmap.examples import north_korea

    svg = (ROOT / "docs" / "images" / "north-korea-central.svg").read_text(encoding="utf-8")
    fresh = north_korea().render(tmp_path / "fresh.svg", focus="agenda", depth=1)
    stale = "stale: run scripts/make_diagram.py"
    titles = sorted(_NODE_TITLE.findall(svg))
    assert titles == sorted(_NODE_TITLE.findall(fresh.read_text(encoding="utf-8"))), stale
    assert "agenda" in titles
    # Shown 800 px wide, 12 pt text (16 CSS px at natural size) stays at 11 px or more.
    size = re.search(r'<svg width="([\d.]+)pt"', svg)
    assert size is not None
    width_pt = float(size.group(1))
    assert 16 * 800 / (width_pt * 96 / 72) >= 11


def test_formats_page_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run_page("formats.md", tmp_path, monkeypatch, at_least=2)


def test_networkx_and_pandas_page_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace = _run_page("networkx-pandas.md", tmp_path, monkeypatch, at_least=8)
    m = namespace["m"]
    assert isinstance(m, argmap.ArgumentMap)
    assert namespace["from_gexf"] is not None
    assert list(tmp_path.iterdir()) == []  # the page writes no files


def test_diagrams_page_runs_and_writes_into_a_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run_page("diagrams.md", tmp_path, monkeypatch, at_least=3)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "amnesty-1.svg",
        "amnesty.svg",
        "dfquad.svg",
        "gaps.svg",
        "grounded.svg",
        "map.png",
        "map.svg",
        "near-amnesty.svg",
    ]


def test_diagrams_page_strength_marks_are_the_article_s() -> None:
    # The page quotes the marks DF-QuAD puts on the article's map; they follow the code.
    text = (ROOT / "docs" / "diagrams.md").read_text(encoding="utf-8")
    m = north_korea()
    strengths = argmap.evaluate(m, "dfquad")
    marks = re.findall(r"`strength (\d\.\d\d)`", text)
    assert marks == [f"{strengths[m.central]:.2f}", f"{strengths['a_withdrawal']:.2f}"]
    assert m.index.attacks_into[m.central] == ["a_withdrawal"]


@pytest.mark.parametrize("page", ["index.md", "concepts.md"])
def test_guide_pages_run(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run_page(page, tmp_path, monkeypatch)


def test_docs_run_their_python_blocks_at_build_time() -> None:
    """markdown-exec runs these pages' blocks when the docs are built and shows the output."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- markdown-exec" in config
    nav = re.findall(r"^\s+- .*: (\S+\.md)$", config, flags=re.MULTILINE)
    assert "networkx-pandas.md" in nav
    for page in (
        "tutorial.md",
        "formats.md",
        "diagrams.md",
        "concepts.md",
        "index.md",
        "networkx-pandas.md",
    ):
        fences = re.findall(
            r"^```python(.*)$",
            (ROOT / "docs" / page).read_text(encoding="utf-8"),
            flags=re.MULTILINE,
        )
        assert fences, page
        assert all('exec="on"' in fence for fence in fences), page


def test_formats_page_graph_error_is_what_from_networkx_says() -> None:
    import networkx as nx

    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_node("c", kind="claim", text="C.")
    g.add_node("p", kind="premise", text="P.")
    g.add_edge("c", "p", role="premise")
    with pytest.raises(argmap.InvalidMapError) as caught:
        argmap.ArgumentMap.from_networkx(g)
    page = " ".join((ROOT / "docs" / "formats.md").read_text(encoding="utf-8").split())
    assert f"`{caught.value}`" in page


def test_ci_runs_the_notebooks_after_the_readmes_notebook_install_alone() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [c.strip() for c in _blocks(ROOT / "docs" / "getting-started.md", "bash")]
    notebook_command = next(c for c in commands if ".[notebook]" in c)
    assert 'pip install -q -e ".[notebook]"' in notebook_command
    assert 'python3 -m venv "$nb_venv" && "$nb_venv/bin/pip" install -q -e ".[notebook]"' in ci
    assert '"$nb_venv/bin/jupyter" execute' in ci
    assert "for notebook in examples/*.ipynb" in ci
    assert "git status --porcelain" in ci


def test_getting_started_lists_every_file_the_demo_writes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([^`]+)` \|", page, flags=re.MULTILINE)
    assert sorted(listed) == sorted(p.name for p in tmp_path.iterdir())
