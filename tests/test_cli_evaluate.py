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
    m.case("k", "K.")
    m.support("k", "c", id="s")
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
    assert out.splitlines() == [
        "evidential semantics: the central claim c is IN",
        "  because every attack on it fails (a1) and its support s stands; at the root, r1 is OUT: "
        "the attack a2 by r2 on it stands",
        "  (argmap explain prints the whole chain of reasons for c)",
        "statements: 3 in, 1 out, 0 undec",
        "  in    * c   “C.”",
        "  in      k   “K.”",
        "  out     r1  “R1.”",
        "  in      r2  “R2.”",
        "inferences: 2 in, 1 out, 0 undec",
        "  in      s   k -> c",
        "  out     a1  r1 -x c",
        "  in      a2  r2 -x r1",
    ]


def test_text_of_an_unsupported_claim_and_of_strengths(tmp_path: Path) -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "Nothing supports it.")
    m.central = "c"
    path = tmp_path / "bare.yaml"
    argmap.dump(m, path)
    code, out, _ = run("evaluate", str(path))
    assert code == 0
    assert out.splitlines()[:2] == [
        "evidential semantics: the central claim c is OUT",
        "  because nothing supports it, and a claim stands only on a support that stands",
    ]
    code, out, _ = run("evaluate", str(path), "--semantics", "grounded")
    assert out.splitlines()[:2] == [
        "grounded semantics: the central claim c is IN",
        "  because nothing attacks it",
    ]
    code, out, _ = run("evaluate", str(path), "--semantics", "dfquad")
    assert out.splitlines() == [
        "dfquad semantics: the central claim c has strength 0.000",
        "statements: 1",
        "  0.000 * c  “Nothing supports it.”",
        "inferences: 0",
    ]


def test_explain(chain_file: Path) -> None:
    code, out, _ = run("explain", str(chain_file))
    assert code == 0
    assert out.splitlines()[:4] == [
        "c is IN: every attack on it fails (a1) and its support s stands",
        "  “C.”",
        "  a1 is OUT: its premise r1 is OUT",
        "    r1 -x c",
    ]
    code, out, _ = run("explain", str(chain_file), "r2", "--semantics", "grounded")
    assert (code, out) == (0, "r2 is IN: nothing attacks it\n  “R2.”\n")


def test_explain_errors(chain_file: Path, tmp_path: Path) -> None:
    code, _, err = run("explain", str(chain_file), "zz")
    assert code != 0
    assert "zz" in err
    assert "Traceback" not in err
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    path = tmp_path / "no-central.yaml"
    argmap.dump(m, path)
    code, _, err = run("explain", str(path))
    assert code == 2
    assert "give a NODE id" in err
    code, _, err = run("explain", str(chain_file), "--semantics", "dfquad")
    assert code == 2


@pytest.mark.parametrize("semantics", ["evidential", "grounded", "complete", "preferred", "stable"])
def test_json_labels(chain_file: Path, semantics: str) -> None:
    code, out, _ = run("evaluate", str(chain_file), "--semantics", semantics, "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "semantics": semantics,
        "labels": {
            "c": "in",
            "k": "in",
            "r1": "out",
            "r2": "in",
            "s": "in",
            "a1": "out",
            "a2": "in",
        },
    }


@pytest.mark.parametrize("semantics", ["dfquad", "qe"])
def test_json_strengths(chain_file: Path, semantics: str) -> None:
    code, out, _ = run("evaluate", str(chain_file), "--semantics", semantics, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["semantics"] == semantics
    assert set(data["strengths"]) == {"c", "k", "r1", "r2", "s", "a1", "a2"}
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
