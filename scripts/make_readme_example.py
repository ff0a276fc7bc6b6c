"""Regenerate what the README shows under its opening example: what it prints and its picture.

Runs the README's first Python block in a temporary folder, writes what it printed into the
README's first ``text`` block, and copies the diagram it drew to ``docs/images/readme-example.png``
(and the same map as SVG, ``docs/images/readme-example.svg``, which the staleness test reads).
Run it after changing the example, the check's messages or the diagram styles, and commit the
README and the images::

    .venv/bin/python scripts/make_readme_example.py

``tests/test_readme.py`` fails when the README or the images are stale.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
IMAGES = ROOT / "docs" / "images"
PICTURE = "pressure.png"  # what the example draws
PNG = IMAGES / "readme-example.png"
SVG = IMAGES / "readme-example.svg"

_PYTHON = re.compile(r"```python\n(.*?)```", re.DOTALL)
_TEXT = re.compile(r"```text\n(.*?)```", re.DOTALL)


def example(readme: str) -> str:
    """The README's opening example: its first Python block."""
    found = _PYTHON.search(readme)
    if found is None:
        raise SystemExit("README.md has no ```python block")
    return found.group(1)


def _output_span(readme: str) -> tuple[int, int]:
    python = _PYTHON.search(readme)
    found = _TEXT.search(readme, python.end()) if python else None
    if found is None:
        raise SystemExit("README.md has no ```text block after its example")
    return found.span(1)


def shown_output(readme: str) -> str:
    """What the README says the example prints: the first ``text`` block after it."""
    start, end = _output_span(readme)
    return readme[start:end]


def run(code: str, folder: Path) -> tuple[str, dict[str, Any]]:
    """Run the example in ``folder``; return what it printed and its namespace."""
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    printed = io.StringIO()
    before = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102  # our README
    finally:
        os.chdir(before)
    return printed.getvalue(), namespace


def main() -> None:
    readme = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        printed, namespace = run(example(readme), Path(tmp))
        IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(tmp) / PICTURE, PNG)
    namespace["m"].render(SVG, legend=False)
    start, end = _output_span(readme)
    README.write_text(readme[:start] + printed + readme[end:], encoding="utf-8")
    for path in (README, PNG, SVG):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
