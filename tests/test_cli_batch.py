"""The CLI over many files: folders and globs, --jobs, the files list in JSON, --summary."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.map import ArgumentMap


def _map(i: int, *, evidence: bool) -> ArgumentMap:
    m = ArgumentMap(title=f"map {i}")
    m.claim("c", f"Claim {i}.")
    if evidence:
        m.case("k", "A case.")
        m.support("k", "c", id="s")
    m.central = "c"
    return m


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    argmap.dump(_map(0, evidence=True), corpus / "a.json")
    argmap.dump(_map(1, evidence=False), corpus / "b.yaml")
    (corpus / "c.json").write_text("{not json", encoding="utf-8")
    argmap.dump(_map(3, evidence=True), corpus / "d.json")
    (corpus / "readme.txt").write_text("not a map", encoding="utf-8")
    return corpus


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_a_folder_lists_every_file_and_a_failed_one(folder: Path) -> None:
    code, out, err = _run("check", str(folder), "--format", "json", "--jobs", "2")
    data = json.loads(out)
    files = data["files"]
    assert [Path(f["path"]).name for f in files] == ["a.json", "b.yaml", "c.json", "d.json"]
    assert "error" in files[2]
    assert "not valid JSON" in files[2]["error"]
    # A clean file is listed too, with its summary.
    assert files[0]["summary"]["total"] == len(argmap.check(argmap.load(folder / "a.json")))
    assert {Path(f["path"]).name for f in data["findings"]} <= {"a.json", "b.yaml", "d.json"}
    assert code == 2  # a file failed: bad input, after every other file was checked
    assert err == ""  # JSON carries the error; nothing else on stderr


def test_check_text_reports_each_file_and_the_error_on_stderr(folder: Path) -> None:
    code, out, err = _run("check", str(folder / "*.json"), "--jobs", "1")
    assert f"{folder / 'a.json'}: " in out
    assert f"{folder / 'd.json'}: " in out
    assert err.count("Error: ") == 1
    assert "c.json" in err
    assert "Traceback" not in out + err
    assert code == 2


def test_check_summary_csv(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "gaps.csv"
    code, _, _ = _run("check", str(folder), "--summary", str(target), "--format", "json")
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert [Path(r["path"]).name for r in rows] == ["a.json", "b.yaml", "c.json", "d.json"]
    assert rows[2]["error"]
    assert int(rows[1]["total"]) == len(argmap.check(argmap.load(folder / "b.yaml")))
    assert code == 2


def test_check_summary_refuses_to_write_over_an_input(folder: Path) -> None:
    code, _, err = _run("check", str(folder / "a.json"), "--summary", str(folder / "a.json"))
    assert code == 2
    assert err.startswith("Error: ")
    assert "one of the inputs" in err
    assert argmap.load(folder / "a.json") == _map(0, evidence=True)


def test_one_bad_file_keeps_the_one_line_error(folder: Path) -> None:
    code, out, err = _run("check", str(folder / "c.json"))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("Error: ")


def test_a_glob_that_matches_nothing_is_bad_input(tmp_path: Path) -> None:
    code, _, err = _run("check", str(tmp_path / "*.json"))
    assert code == 2
    assert "the pattern matches no file" in err


def test_clean_files_exit_by_fail_on(folder: Path) -> None:
    good = [str(folder / "a.json"), str(folder / "d.json")]
    assert _run("check", *good, "--jobs", "2")[0] == 0
    worst = max(f.severity for p in good for f in argmap.check(argmap.load(p)))
    code = _run("check", *good, "--fail-on", "info")[0]
    assert code == (1 if worst else 0)


def test_evaluate_several_files(folder: Path) -> None:
    code, out, _ = _run(
        "evaluate",
        str(folder / "a.json"),
        str(folder / "c.json"),
        str(folder / "d.json"),
        "--format",
        "json",
        "--jobs",
        "2",
    )
    files = json.loads(out)["files"]
    assert files[0]["labels"] == dict(argmap.evaluate(argmap.load(folder / "a.json")).labels)
    assert files[0]["semantics"] == "evidential"
    assert "error" in files[1]
    assert files[2]["path"] == str(folder / "d.json")
    assert code == 2


def test_repairs_made_in_worker_processes_are_shown_per_file(tmp_path: Path) -> None:
    doc = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "We should act."},
            {"nodeID": "2", "type": "I", "text": "It works."},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
            {"edgeID": "3", "fromID": "9", "toID": "1"},
        ],
    }
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps(doc), encoding="utf-8")
    argmap.dump(_map(2, evidence=True), tmp_path / "c.json")
    for command in ("check", "evaluate"):
        _code, out, err = _run(command, str(tmp_path), "--jobs", "2")
        lines = [line for line in err.splitlines() if line.startswith("Warning:")]
        assert [line.split(": ")[1] for line in lines] == [
            str(tmp_path / "a.json"),
            str(tmp_path / "b.json"),
        ], err
        assert all("1 fault repaired while reading" in line for line in lines)
        assert str(tmp_path / "c.json") in out
