"""The examples CI runs: notebooks are in sync with their script twins and execute without error,
the twins run as plain scripts, and the stored article map is what the library builds."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.examples import north_korea

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))


def _make_notebooks():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_notebooks", ROOT / "scripts" / "make_notebooks.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_notebook_has_a_twin() -> None:
    twins = _make_notebooks().TWINS
    assert sorted(p.name for p in NOTEBOOKS) == sorted(twins.values())
    for script in twins:
        assert (EXAMPLES / script).is_file()


@pytest.mark.parametrize("script", sorted(_make_notebooks().TWINS))
def test_notebook_is_in_sync_with_its_twin(script: str) -> None:
    make = _make_notebooks()
    notebook = EXAMPLES / make.TWINS[script]
    assert notebook.read_text(encoding="utf-8") == make.render(EXAMPLES / script), (
        f"{notebook.name} is stale: run scripts/make_notebooks.py"
    )


def _git_status() -> str | None:
    """The checkout's ``git status``, untracked files included; None outside a git checkout."""
    git = shutil.which("git")
    if git is None:
        return None
    done = subprocess.run(  # noqa: S603  # git itself, reading the checkout
        [git, "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else None


@pytest.mark.slow  # a kernel each; .ci/run also runs them with only the notebook extra
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes_without_error_and_writes_nothing_beside_it(notebook: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    before = _git_status()
    nb = nbformat.read(notebook, as_version=4)
    # Run it in its own folder, as Jupyter does: whatever it writes must go elsewhere.
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    if before is None:
        pytest.skip("not a git checkout: cannot tell whether the notebook wrote into it")
    assert _git_status() == before, f"{notebook.name} wrote files into the checkout"
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any(o.output_type in ("execute_result", "display_data", "stream") for o in outputs)


@pytest.mark.parametrize(
    "script",
    [  # the article's twin draws several diagrams (3 s); .ci/run also runs every example
        pytest.param(name, marks=pytest.mark.slow) if name == "north_korea.py" else name
        for name in sorted(_make_notebooks().TWINS)
    ],
)
def test_script_twin_runs_and_writes_nothing_into_the_checkout(script: str) -> None:
    before = _git_status()
    result = subprocess.run(  # noqa: S603  # our own example, with this interpreter
        [sys.executable, str(EXAMPLES / script)],
        cwd=ROOT,  # as CI runs it
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "findings" in result.stdout
    if before is not None:
        assert _git_status() == before, f"{script} wrote files into the checkout"


def test_stored_article_map_is_what_the_library_builds() -> None:
    stored = EXAMPLES / "north-korea.json"
    assert argmap.load(stored) == north_korea(), (
        "examples/north-korea.json is stale: run scripts/make_examples.py"
    )
