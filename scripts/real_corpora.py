"""Load every argument-map file below a folder and print a table: files tried, loaded, repaired,
failed, and how many agree with an independent reader where one exists.

The independent readers: arguebuf (``pip install arguebuf``) for AIF, xAIF, SADFace and the
microtexts (its atom nodes and its support and attack scheme nodes against argmap's statements
and inferences, counting the scheme nodes argmap set aside); the Argdown reference CLI
(``@argdown/cli`` in ``.ci/node``, as ``.ci/run`` installs it) for Argdown (statements,
arguments and relations of the parse, as the differential tests compare them); the YAML itself
for Carneades (arguments against supports). Files of other kinds (``.txt``, ``.pdf``) and
hidden folders are not tried. Run it on a folder of your own:

    python scripts/real_corpora.py /path/to/corpora [--failures]

Each subfolder of the folder is one row (its files counted recursively). Nothing is written.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import argmap
from argmap.io.formats import detect
from argmap.io.repair import REPAIRED

ROOT = Path(__file__).resolve().parents[1]
ARGDOWN_CLI = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "argdown"
SUFFIXES = {".json", ".argdown", ".ad", ".xml", ".yml", ".yaml"}


@dataclass
class Row:
    """What happened to the files of one folder."""

    tried: int = 0
    loaded: int = 0
    repaired: int = 0
    failed: int = 0
    compared: int = 0
    agree: int = 0
    formats: collections.Counter[str] = field(default_factory=collections.Counter)
    failures: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)


def _arguebuf_counts(path: Path, m: argmap.ArgumentMap, fmt: str) -> tuple[Any, Any] | None:
    """argmap's (statements, inferences) and arguebuf's (atom nodes, support and attack scheme
    nodes) for a file arguebuf reads; None when arguebuf is missing or refuses the file."""
    try:
        import arguebuf  # noqa: PLC0415  # optional: only this check needs it
    except ImportError:
        return None
    try:
        with warnings.catch_warnings(), path.open(encoding="utf-8") as handle:
            warnings.simplefilter("ignore")
            if fmt == "microtexts":
                g = arguebuf.load.microtexts(handle)
            else:  # arguebuf's reader for the format argmap found (its own sniffing differs)
                g = getattr(arguebuf.load, fmt)(json.load(handle))
    except Exception:  # arguebuf refuses the file: no comparison
        return None
    kinds = collections.Counter(type(s.scheme).__name__ for s in g.scheme_nodes.values())
    # A scheme node argmap set aside (it points at nothing) is one arguebuf counts.
    aside = sum(
        1
        for r in m.data.get(REPAIRED, [])
        if isinstance(r, dict) and str(r.get("problem", "")).endswith("points at nothing")
    )
    theirs = (len(g.atom_nodes), kinds["Support"] + kinds["Attack"] + kinds["NoneType"])
    ours = (len(list(m.statements())), len(list(m.inferences())) + aside)
    return ours, theirs


def _carneades_counts(path: Path, m: argmap.ArgumentMap) -> tuple[Any, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    arguments = doc.get("arguments") or {}
    return len(list(m.nodes("support"))), len(arguments)


def _argdown_parse() -> Callable[[str], Any] | None:
    for name in ("argmap.io.argdown.parser", "argmap.io.argdown_syntax"):
        try:
            return getattr(importlib.import_module(name), "parse")  # noqa: B009
        except (ImportError, AttributeError):
            continue
    return None


def _argdown_reference(files: list[Path]) -> dict[Path, dict[str, Any]]:
    """``argdown json`` of each file the reference CLI accepts, read where it lies (so that its
    ``@include``s are found), one run per file."""
    if shutil.which("node") is None or not ARGDOWN_CLI.exists():
        return {}
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(files):
            out = Path(tmp) / f"{i}"
            done = subprocess.run(  # noqa: S603  # the project's pinned reference tool
                [str(ARGDOWN_CLI), "json", str(path), str(out)],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            written = out / f"{path.stem}.json"
            if done.returncode == 0 and written.exists():
                found[path] = json.loads(written.read_text(encoding="utf-8"))
    return found


def _argdown_counts(path: Path, reference: dict[str, Any]) -> tuple[Any, Any]:
    parse = _argdown_parse()
    if parse is None:
        return None, None
    doc = parse(path.read_text(encoding="utf-8"))
    ours = (len(doc.statements), len(doc.arguments), len(doc.relations))
    theirs = (
        len(reference["statements"]),
        len(reference["arguments"]),
        len(reference["relations"]),
    )
    return ours, theirs


def run(folder: Path, *, show_failures: bool) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    argdown_files = [p for p in files if p.suffix.lower() in (".argdown", ".ad")]
    references = _argdown_reference(argdown_files)
    for path in files:
        group = path.relative_to(folder).parts[0] if path.parent != folder else "."
        row = rows.setdefault(group, Row())
        row.tried += 1
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                fmt_name = "carneades" if path.suffix.lower() in (".yml", ".yaml") else None
                text = path.read_text(encoding="utf-8-sig")
                fmt = detect(text, path=path, format=fmt_name).name
                m = argmap.load(path, format=fmt_name)
        except argmap.ArgmapError as exc:
            row.failed += 1
            accepted = " (the Argdown reference CLI reads it)" if path in references else ""
            row.failures.append(f"{path}: {str(exc).splitlines()[0][:300]}{accepted}")
            continue
        except (UnicodeDecodeError, ValueError) as exc:
            row.failed += 1
            row.failures.append(f"{path}: {type(exc).__name__}: {exc}")
            continue
        row.loaded += 1
        row.formats[fmt] += 1
        if any(issubclass(w.category, argmap.RepairWarning) for w in caught):
            row.repaired += 1
        pair: tuple[Any, Any] | None = None
        if fmt in ("aif", "xaif", "sadface", "microtexts"):
            pair = _arguebuf_counts(path, m, fmt)
        elif fmt == "carneades":
            pair = _carneades_counts(path, m)
        elif fmt == "argdown" and path in references:
            pair = _argdown_counts(path, references[path])
        if pair is None or pair[0] is None:
            continue
        row.compared += 1
        if pair[0] == pair[1]:
            row.agree += 1
        else:
            row.disagreements.append(f"{path}: argmap {pair[0]}, independent reader {pair[1]}")
    if show_failures:
        for name, row in rows.items():
            for line in row.failures + row.disagreements:
                print(f"[{name}] {line}", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--failures", action="store_true", help="list each failure on stderr")
    args = parser.parse_args()
    rows = run(args.folder, show_failures=args.failures)
    head = ("folder", "formats", "tried", "loaded", "repaired", "failed", "compared", "agree")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    total = Row()
    for name, row in sorted(rows.items()):
        formats = ", ".join(f"{k} {v}" for k, v in row.formats.most_common())
        figures = (row.tried, row.loaded, row.repaired, row.failed, row.compared, row.agree)
        print(f"| {name} | {formats} | " + " | ".join(str(x) for x in figures) + " |")
        for attr in ("tried", "loaded", "repaired", "failed", "compared", "agree"):
            setattr(total, attr, getattr(total, attr) + getattr(row, attr))
    figures = (total.tried, total.loaded, total.repaired, total.failed, total.compared, total.agree)
    print("| all | | " + " | ".join(str(x) for x in figures) + " |")


if __name__ == "__main__":
    main()
