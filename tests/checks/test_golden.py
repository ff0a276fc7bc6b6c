"""Golden reports: the checks say exactly what they said when the file was recorded.

The full JSON report of the article's map, of every shared microtext and of seeded random maps is
kept in ``golden/reports.jsonl.gz`` (one map a line: ``zcat`` it to read or diff). Any change to
a rule's output shows here, so a rewrite of the checks for speed cannot change what they report.
After an *intended* change of output, record again and review the diff before committing::

    ARGMAP_RECORD_GOLDEN=1 .venv/bin/python -m pytest tests/checks/test_golden.py
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest
from seeded import chain_of_linked_supports, seeded_map

import argmap
from argmap.examples import north_korea

GOLDEN = Path(__file__).resolve().parent / "golden" / "reports.jsonl.gz"
SEEDS = range(400)


def _shared_microtexts() -> Path | None:
    """``shared/data/microtexts`` beside the repository (or any folder above it), if present."""
    for parent in Path(__file__).resolve().parents:
        folder = parent / "shared" / "data" / "microtexts"
        if folder.is_dir():
            return folder
    return None


MICROTEXTS = _shared_microtexts()


def _maps() -> dict[str, argmap.ArgumentMap]:
    maps = {"north_korea": north_korea()}
    maps |= {f"seeded/{seed}": seeded_map(seed) for seed in SEEDS}
    maps |= {f"seeded-large/{seed}": seeded_map(seed, size=200) for seed in range(5)}
    maps["linked-chain/30"] = chain_of_linked_supports(30)
    if MICROTEXTS is not None:
        maps |= {f"microtexts/{p.stem}": argmap.load(p) for p in MICROTEXTS.glob("micro_*.xml")}
    return maps


def _reports() -> dict[str, Any]:
    return {name: argmap.check(m).to_dict() for name, m in sorted(_maps().items())}


def _recorded() -> dict[str, Any]:
    recorded: dict[str, Any] = {}
    for line in gzip.decompress(GOLDEN.read_bytes()).decode("utf-8").splitlines():
        recorded |= json.loads(line)
    return recorded


def test_every_report_is_as_recorded() -> None:
    reports = _reports()
    if os.environ.get("ARGMAP_RECORD_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        lines = (json.dumps({k: v}, ensure_ascii=False) + "\n" for k, v in reports.items())
        GOLDEN.write_bytes(gzip.compress("".join(lines).encode("utf-8"), mtime=0))
    recorded = _recorded()
    if MICROTEXTS is None:
        recorded = {k: v for k, v in recorded.items() if not k.startswith("microtexts/")}
    assert sorted(reports) == sorted(recorded)
    changed = [name for name in recorded if reports[name] != recorded[name]]
    assert not changed, f"{len(changed)} reports changed, first {changed[0]}"
    for name in recorded:  # the same assertion, one map at a time, for a readable diff
        assert reports[name] == recorded[name], name


@pytest.mark.skipif(MICROTEXTS is None, reason="the shared sample data (shared/data) is absent")
def test_the_golden_file_covers_the_shared_data() -> None:
    recorded = _recorded()
    assert sum(k.startswith("microtexts/") for k in recorded) >= 100
