"""`argmap evaluate`: exit codes and exact output, state built with the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main


@pytest.fixture
def chain_file(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap(title="Chain")
    m.claim("c", "C.")
    m.rebuttal("r1", "R1.")
    m.rebuttal("r2", "R2.")
    m.attack("r1", "c", id="a1")
    m.attack("r2", "r1", id="a2")
    m.central = "c"
    path = tmp_path / "chain.yaml"
    argmap.dump(m, path)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_text(chain_file: Path) -> None:
    code, out, _ = run("evaluate", str(chain_file))
    assert code == 0
    assert out.splitlines()[0] == "grounded semantics: 3 in, 2 out, 0 undec; central claim c is IN"


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
def test_json_labels(chain_file: Path, semantics: str) -> None:
    code, out, _ = run("evaluate", str(chain_file), "--semantics", semantics, "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "semantics": semantics,
        "labels": {"c": "in", "r1": "out", "r2": "in", "a1": "out", "a2": "in"},
    }


@pytest.mark.parametrize("semantics", ["dfquad", "qe"])
def test_json_strengths(chain_file: Path, semantics: str) -> None:
    code, out, _ = run("evaluate", str(chain_file), "--semantics", semantics, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["semantics"] == semantics
    assert set(data["strengths"]) == {"c", "r1", "r2", "a1", "a2"}
    assert all(0.0 <= v <= 1.0 for v in data["strengths"].values())


def test_bad_input(tmp_path: Path) -> None:
    code, out, err = run("evaluate", str(tmp_path / "missing.yaml"))
    assert (code, out) == (2, "")
    assert err.startswith("Error: ")
    assert "no such file" in err
    assert "Traceback" not in err
    code, _, err = run("evaluate", str(tmp_path / "missing.yaml"), "--semantics", "ideal")
    assert code == 2
    assert "'ideal' is not one of" in err
