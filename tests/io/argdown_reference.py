"""Where the test data and the reference implementation live, for the Argdown tests.

The shared sample files sit beside the project (``../shared/data/argdown``), or beside its parent
folder when the checkout is a worktree; ``@argdown/cli`` is installed by ``.ci/run`` into
``.ci/node`` (git-ignored). Tests that need either skip with a reason where it is absent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
_CANDIDATES = [root / "shared" / "data" / "argdown" for root in (ROOT.parent, ROOT.parents[1])]
SHARED = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
SHARED_FILES = sorted(SHARED.glob("*.argdown")) if SHARED.is_dir() else []
NO_SHARED = f"the shared Argdown samples are absent ({SHARED} not found)"

ARGDOWN_CLI = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "argdown"


def reference_missing() -> str | None:
    """Why ``argdown json`` cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed (CI installs it; see .ci/run)"
    if not ARGDOWN_CLI.exists():
        return (
            f"@argdown/cli is not installed ({ARGDOWN_CLI}); "
            "run: npm install --prefix .ci/node @argdown/cli"
        )
    return None


def argdown_json(files: list[Path], out: Path) -> dict[str, dict[str, Any]]:
    """Run ``argdown json`` once on ``files`` (copied into one folder) and read what it writes.

    Returns the JSON document of each file by its stem.
    """
    src = out / "in"
    src.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, src / f.name)
    result = subprocess.run(  # noqa: S603 - the project's own pinned tool, no shell
        [str(ARGDOWN_CLI), "json", str(src / "*.argdown"), str(out / "json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"argdown json failed: {result.stdout}\n{result.stderr}")
    docs = {}
    for f in files:
        path = out / "json" / f"{f.stem}.json"
        if not path.exists():
            raise AssertionError(f"argdown json wrote nothing for {f.name}: {result.stdout}")
        docs[f.stem] = json.loads(path.read_text(encoding="utf-8"))
    return docs
