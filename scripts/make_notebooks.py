"""Write each notebook in examples/ from its plain-script twin, so the two cannot drift apart.

A twin is a Python script in the "percent" format: ``# %%`` starts a code cell and
``# %% [markdown]`` a Markdown cell whose lines are comments. Run:
``.venv/bin/python scripts/make_notebooks.py``. ``tests/test_examples.py`` fails when a notebook
is out of date, and executes every notebook.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TWINS = {"quickstart.py": "quickstart.ipynb", "north_korea.py": "north_korea.ipynb"}
_CELL = re.compile(r"^# %%( \[markdown\])?[^\n]*\n", flags=re.MULTILINE)


def notebook(script: str) -> nbformat.NotebookNode:
    """Return the notebook for the text of a percent-format script."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    marks = list(_CELL.finditer(script))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(script)
        body = script[mark.end() : end].strip("\n")
        if mark.group(1):
            text = "\n".join(re.sub(r"^# ?", "", line) for line in body.splitlines())
            nb.cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(body))
    for n, cell in enumerate(nb.cells):
        cell.id = f"cell-{n}"  # stable ids keep the files' diffs quiet
    return nb


def render(script_path: Path) -> str:
    """Return the notebook's file text for a twin script."""
    return nbformat.writes(notebook(script_path.read_text(encoding="utf-8"))) + "\n"


if __name__ == "__main__":
    for script, target in TWINS.items():
        (EXAMPLES / target).write_text(render(EXAMPLES / script), encoding="utf-8")
        print(f"wrote examples/{target}")
