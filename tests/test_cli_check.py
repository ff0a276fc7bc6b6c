"""The `argmap check`, `argmap rules` and `argmap demo` commands (argmap/cli.py): exit codes,
the JSON report's exact shape, and one clear line on stderr for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.checks import RULES
from argmap.cli import main
from argmap.examples import north_korea

FINDING_KEYS = [
    *("path", "rule", "name", "severity", "nodes", "message", "explanation", "acknowledged")
]
SUMMARY_KEYS = ["error", "warning", "info", "acknowledged", "total", "rules"]


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def _warning_only(path: Path) -> Path:
    """A map whose only finding is a warning (AM102 and AM103 on a bare premise)."""
    m = argmap.ArgumentMap(title="Warnings")
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.support("p", "c", id="s")
    m.central = "c"
    argmap.dump(m, path)
    return path


def _with_error(path: Path) -> Path:
    """A map that contradicts itself: one error (AM104, a circle of supports), two warnings (AM102,
    each claim unevidenced) and one info (AM001)."""
    m = argmap.ArgumentMap(title="Errors")
    m.claim("a", "A, because B.")
    m.claim("b", "B, because A.")
    m.support("a", "b", id="s_ab")
    m.support("b", "a", id="s_ba")
    argmap.dump(m, path)
    return path


def _clean(path: Path) -> Path:
    """A map with no findings at all."""
    m = argmap.ArgumentMap(title="Clean")
    m.add_source(argmap.Source(id="un", title="UN report", text="Executions fell."))
    m.claim("c", "C.")
    m.case("k1", "K1.", quotes=["Executions fell."], source="un", cites=["un"])
    m.case("k2", "K2.", quotes=["Executions"], source="un", cites=["un"])
    m.case("k3", "K3.", quotes=["fell"], source="un", cites=["un"])
    m.support("k1", "c")
    m.support("k2", "c")
    m.support("k3", "c")  # three cases: more than a fragile two
    m.central = "c"
    assert argmap.check(m, ignore=["AM402"]).findings == ()
    argmap.dump(m, path)
    return path


def _assert_bad_input(result: Result, *fragments: str) -> None:
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an uncaught error


# -- exit codes -------------------------------------------------------------------------------


def test_no_findings_exits_0(tmp_path: Path) -> None:
    result = _run("check", _clean(tmp_path / "clean.json"), "--ignore", "AM402")
    assert result.exit_code == 0
    assert result.stdout == f"{tmp_path / 'clean.json'}: Clean: 0 findings\n"


def test_default_fail_on_is_error(tmp_path: Path) -> None:
    assert _run("check", _warning_only(tmp_path / "w.json")).exit_code == 0
    assert _run("check", _with_error(tmp_path / "e.json")).exit_code == 1


@pytest.mark.parametrize(
    ("fail_on", "warnings_exit", "infos_exit"),
    [("error", 0, 0), ("warning", 1, 0), ("info", 1, 1)],
)
def test_fail_on_threshold(
    tmp_path: Path, fail_on: str, warnings_exit: int, infos_exit: int
) -> None:
    warnings = _run("check", _warning_only(tmp_path / "w.json"), "--fail-on", fail_on)
    assert warnings.exit_code == warnings_exit
    infos_only = _run("check", _clean(tmp_path / "c.json"), "--fail-on", fail_on)  # AM402 only
    assert infos_only.exit_code == infos_exit


def test_the_article_map_has_no_error(tmp_path: Path) -> None:
    path = tmp_path / "nk.yaml"
    argmap.dump(north_korea(), path)
    assert _run("check", path).exit_code == 0
    assert _run("check", path, "--fail-on", "warning").exit_code == 1


def test_select_and_ignore_change_the_exit_code(tmp_path: Path) -> None:
    path = _with_error(tmp_path / "e.json")
    assert _run("check", path, "--ignore", "AM104").exit_code == 0
    assert _run("check", path, "--select", "AM3,AM0", "--fail-on", "info").exit_code == 1
    assert _run("check", path, "--select", "AM3", "--fail-on", "info").exit_code == 0


# -- text output ------------------------------------------------------------------------------


def test_text_output_is_the_report_per_path(tmp_path: Path) -> None:
    path = _with_error(tmp_path / "e.json")
    result = _run("check", path)
    m = argmap.load(path)
    assert result.stdout == f"{path}: {argmap.check(m)}\n"
    assert "error\n  AM104 circular-support [a, b]" in result.stdout


def test_text_output_of_several_paths(tmp_path: Path) -> None:
    first = _warning_only(tmp_path / "w.json")
    second = _with_error(tmp_path / "e.yaml")
    result = _run("check", first, second)
    assert result.exit_code == 1
    blocks = result.stdout.split(f"\n\n{second}: ")
    assert len(blocks) == 2
    assert blocks[0].startswith(f"{first}: Warnings: ")
    assert blocks[1].startswith("Errors: 4 findings: 1 error, 2 warnings, 1 info")


# -- JSON output ------------------------------------------------------------------------------


def test_json_output_shape(tmp_path: Path) -> None:
    path = _with_error(tmp_path / "e.json")
    result = _run("check", path, "--format", "json", "--select", "AM104,AM001")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["findings", "summary", "files"]
    assert data["files"] == [{"path": str(path), "summary": data["summary"]}]
    assert data["findings"] == [
        {
            "path": str(path),
            "rule": "AM104",
            "name": "circular-support",
            "severity": "error",
            "nodes": ["a", "b"],
            "message": "'a' supports itself through a cycle of 2 statements",
            "explanation": data["findings"][0]["explanation"],
            "acknowledged": None,
        },
        {
            "path": str(path),
            "rule": "AM001",
            "name": "no-central-claim",
            "severity": "info",
            "nodes": [],
            "message": "the map names no central claim",
            "explanation": data["findings"][1]["explanation"],
            "acknowledged": None,
        },
    ]
    for f in data["findings"]:
        assert list(f) == FINDING_KEYS
        assert f["explanation"]
    assert data["summary"] == {
        "error": 1,
        "warning": 0,
        "info": 1,
        "acknowledged": 0,
        "total": 2,
        "rules": {"AM001": 1, "AM104": 1},
    }


def test_json_output_merges_several_paths(tmp_path: Path) -> None:
    first = _warning_only(tmp_path / "w.json")
    second = _with_error(tmp_path / "e.json")
    result = _run("check", first, second, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [
        (str(first), "AM102"),
        (str(first), "AM103"),
        (str(second), "AM104"),
        (str(second), "AM102"),
        (str(second), "AM102"),
        (str(second), "AM001"),
    ]
    assert list(data["summary"]) == SUMMARY_KEYS
    assert data["summary"] == {
        "error": 1,
        "warning": 4,
        "info": 1,
        "acknowledged": 0,
        "total": 6,
        "rules": {"AM001": 1, "AM102": 3, "AM103": 1, "AM104": 1},
    }


def test_json_output_of_the_article_matches_the_library(tmp_path: Path) -> None:
    path = tmp_path / "nk.json"
    argmap.dump(north_korea(), path)
    data = json.loads(_run("check", path, "--format", "json").stdout)
    library = argmap.check(north_korea()).to_dict()
    assert [{k: v for k, v in f.items() if k != "path"} for f in data["findings"]] == library[
        "findings"
    ]
    assert data["summary"] == library["summary"]


# -- bad input and usage ----------------------------------------------------------------------


def test_unknown_rule_in_select_exits_2(tmp_path: Path) -> None:
    result = _run("check", _clean(tmp_path / "c.json"), "--select", "AM1,AM999")
    _assert_bad_input(result, "no rule matches 'AM999' in --select.")


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_empty_select_exits_2_rather_than_passing(tmp_path: Path, value: str) -> None:
    result = _run("check", _clean(tmp_path / "c.json"), "--select", value)
    _assert_bad_input(result, "--select names no rule; ", "or leave --select out")


def test_unknown_rule_in_ignore_exits_2(tmp_path: Path) -> None:
    result = _run("check", _clean(tmp_path / "c.json"), "--ignore", "nonsense")
    _assert_bad_input(result, "no rule matches 'nonsense' in --ignore.")


def test_missing_file_exits_2_and_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    _assert_bad_input(_run("check", missing), str(missing), "no such file")


def test_missing_file_among_good_ones_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    # A corpus run goes on past a file that fails: the good file's report is printed, the
    # missing one is one error line, and the exit code says that some input was bad.
    good = _with_error(tmp_path / "e.json")
    missing = tmp_path / "missing.yaml"
    result = _run("check", good, missing)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{good}: ")
    assert "AM104" in result.stdout  # the good file's circle of supports
    assert result.stderr.count("Error: ") == 1
    assert str(missing) in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.json", "{not json"),
        ("broken.yaml", "nodes: [\n"),
        ("list.json", "[]"),
        ("empty.yaml", ""),
        ("wrong.json", '{"argmap": 1, "nodes": [{"kind": "claim", "id": "c"}]}'),
    ],
)
def test_malformed_file_exits_2_and_names_the_file(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    _assert_bad_input(_run("check", path), str(path))


def test_unknown_suffix_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "map.txt"
    path.write_text("{}", encoding="utf-8")
    _assert_bad_input(_run("check", path), str(path))


def test_no_path_is_a_usage_error() -> None:
    result = _run("check")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("option", "value"), [("--format", "xml"), ("--fail-on", "fatal")])
def test_bad_choice_is_a_usage_error(tmp_path: Path, option: str, value: str) -> None:
    result = _run("check", _clean(tmp_path / "c.json"), option, value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert value in result.stderr


# -- argmap rules -----------------------------------------------------------------------------


def test_rules_lists_every_rule_with_name_and_severity() -> None:
    result = _run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[:3] for line in lines] == [
        [r.code, r.name, r.severity] for r in RULES.values()
    ]


# -- argmap demo ------------------------------------------------------------------------------


def test_demo_prints_the_gap_report_and_writes_it_as_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run("demo", "--out", out)
    assert result.exit_code == 0, result.output
    report = argmap.check(north_korea())
    assert str(report) in result.stdout
    report_path = out / "north-korea-report.json"
    assert f"Wrote {report_path}" in result.stdout
    data = json.loads(report_path.read_text(encoding="utf-8"))
    assert data == json.loads(report.to_json())
    assert list(data) == ["findings", "summary"]
    assert all(list(f) == FINDING_KEYS[1:] for f in data["findings"])
    # The article's map records some of the text's weaknesses on purpose.
    assert {f["rule"] for f in data["findings"] if f["acknowledged"]} == {"AM102", "AM103", "AM201"}
    # The map it writes checks the same.
    assert argmap.check(argmap.load(out / "north-korea.json")) == report


def test_demo_into_a_file_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = _run("demo", "--out", blocker)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
