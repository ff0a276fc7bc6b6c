"""`argmap evaluate`: exit codes and exact output, state built with the library."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
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


@pytest.fixture
def af_files(tmp_path: Path) -> dict[str, Path]:
    """The same framework (1 and 2 attack each other, 2 attacks 3) in the three formats."""
    files = {
        "i23": tmp_path / "af.i23",
        "apx": tmp_path / "af.apx",
        "tgf": tmp_path / "af.tgf",
    }
    files["i23"].write_text("p af 3\n1 2\n2 1\n2 3\n")
    files["apx"].write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n")
    files["tgf"].write_text("a\nb\nc\n#\na b\nb a\nb c\n")
    return files


@pytest.mark.parametrize(
    ("fmt", "args", "expected"),
    [
        ("i23", ["--task", "DS-PR", "--argument", "3"], "NO\nw 2\n"),
        ("i23", ["--task", "DC", "--semantics", "preferred", "--argument", "3"], "YES\nw 1 3\n"),
        ("i23", ["--task", "SE-ST"], "w 1 3\n"),
        ("i23", ["--task", "CE-CO"], "3\n"),
        ("apx", ["--task", "EE-PR"], "[[a,c],[b]]\n"),
        ("apx", ["--task", "SE", "--semantics", "semi-stable"], "[a,c]\n"),
        ("tgf", ["--task", "DS-ST", "--argument", "c"], "NO\n"),
        ("tgf", ["--task", "DC-GR", "--argument", "c", "--timeout", "30"], "NO\n"),
    ],
)
def test_iccma_tasks(af_files: dict[str, Path], fmt: str, args: list[str], expected: str) -> None:
    assert run("evaluate", str(af_files[fmt]), *args) == (0, expected, "")


def test_a_task_on_a_map(chain_file: Path) -> None:
    from argmap.semantics.tasks import solve_task
    from argmap.semantics.translate import to_framework

    code, out, _ = run("evaluate", str(chain_file), "--task", "SE-PR")
    expected = solve_task(to_framework(argmap.load(chain_file)), "SE-PR").to_iccma(style="2019")
    assert (code, out) == (0, expected + "\n")  # the translation's, auxiliaries too
    assert "/premise/" in out


def test_a_task_that_times_out(tmp_path: Path) -> None:
    path = tmp_path / "pairs.i23"
    pairs = [f"{2 * i + 1} {2 * i + 2}\n{2 * i + 2} {2 * i + 1}" for i in range(40)]
    path.write_text("p af 80\n" + "\n".join(pairs) + "\n")
    code, out, err = run("evaluate", str(path), "--task", "EE-CO", "--timeout", "0.2")
    assert (code, out) == (124, "")
    assert err.startswith("Timeout: EE-CO ran out of time: stopped after the 0.2 s")
    assert err.count("\n") == 1


def test_task_errors_are_one_line(af_files: dict[str, Path], chain_file: Path) -> None:
    i23 = str(af_files["i23"])
    cases = [
        ([i23], "is an abstract framework: say what to ask with --task"),
        ([i23, "--task", "DS-PR"], "DS asks about one argument; name it"),
        ([i23, "--task", "DS-PR", "--argument", "9"], "unknown argument '9'"),
        ([i23, "--task", "XX"], "unknown task 'XX'"),
        ([i23, i23, "--task", "SE-PR"], "--task reads one file"),
        ([str(chain_file), "--semantics", "stage"], "stage semantics is available with --task"),
        ([str(chain_file), "--argument", "c"], "--argument goes with --task"),
        ([i23, "--task", "SE-PR", "--timeout", "0"], "is not in the range x>0"),
    ]
    for args, message in cases:
        code, out, err = run("evaluate", *args)
        assert code == 2, args
        assert out == ""
        assert message in err, (args, err)
        assert "Traceback" not in err
    af_files["i23"].write_text("p af 2\n1 3\n")
    code, _, err = run("evaluate", i23, "--task", "SE-PR")
    assert (code, err) == (
        2,
        f"Error: {i23}:2: argument numbers run from 1 to 2 ('p af 2'), found '1 3'\n",
    )


def hard_map(n: int = 1000, *, seed: int = 7) -> argmap.ArgumentMap:
    """``n`` claims each attacked by two others at random: preferred, stable and complete
    semantics search for minutes (clingo); grounded takes milliseconds."""
    rng = random.Random(seed)  # noqa: S311  # a fixed map, not a secret
    m = argmap.ArgumentMap(title="hard")
    for i in range(n):
        m.claim(f"s{i}", f"Statement {i}.")
    for i in range(n):
        for j in rng.sample(range(n), 2):
            if j != i:
                m.attack(f"s{j}", f"s{i}")
    return m


@pytest.fixture(scope="module")
def hard_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hard") / "hard.json"
    argmap.dump(hard_map(), path)
    return path


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_labels_on_a_hard_map_respect_the_timeout(hard_file: Path, semantics: str) -> None:
    # --semantics preferred ran 118 s on a 1,000-statement map, with no way to bound it.
    code, out, err = run("evaluate", str(hard_file), "--semantics", semantics, "--timeout", "0.3")
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {hard_file}: evaluating under {semantics} semantics ran out of time: stopped "
        "after the 0.3 s it was given; give it longer (timeout=, --timeout), or ask an easier "
        "question (grounded semantics, or one extension instead of all)\n"
    )
    # Several files: each one's timeout is its own error line, naming it.
    shutil.copy(hard_file, hard_file.with_name("copy.json"))
    code, out, err = run(
        "evaluate", str(hard_file), str(hard_file.with_name("copy.json")), "--jobs", "1",
        "--semantics", semantics, "--timeout", "0.3",
    )  # fmt: skip
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith(f"Error: {hard_file}: evaluating under {semantics} semantics ran")
    assert lines[1].startswith(f"Error: {hard_file.with_name('copy.json')}: ")


def test_check_evaluates_nothing_hard_on_a_hard_map(hard_file: Path) -> None:
    # The checks read the evidential labels (linear time), so a hard map is checked at once.
    code, out, _ = run("check", str(hard_file), "--select", "AM1")
    assert code == 0  # warnings only
    assert out.splitlines()[0] == f"{hard_file}: hard: 1000 findings: 1000 warnings"


def test_render_labels_on_a_hard_map_respect_the_timeout(hard_file: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "hard.svg"
    args = ["-o", str(out_file), "--labels", "preferred", "--timeout", "0.3"]
    code, out, err = run("render", str(hard_file), *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {hard_file}: evaluating under preferred semantics ran out")
    assert err.count("\n") == 1
    assert not out_file.exists()  # nothing written


@pytest.mark.slow  # a few seconds: the search runs before Ctrl-C stops it
@pytest.mark.parametrize("command", ["evaluate", "render"])
def test_ctrl_c_stops_a_hard_evaluation_at_once(
    hard_file: Path, tmp_path: Path, command: str
) -> None:
    args = ["--semantics", "preferred"]
    if command == "render":
        args = ["-o", str(tmp_path / "h.svg"), "--labels", "preferred"]
    script = "import sys; from argmap.cli import main; sys.argv[0] = 'argmap'; main()"
    proc = subprocess.Popen(  # noqa: S603  # our own interpreter and arguments
        [sys.executable, "-c", script, command, str(hard_file), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(argmap.__file__).parents[1])},
    )
    time.sleep(2)  # well into the search (it runs for minutes)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)  # took 13 s; prompt now (0.1 s on a busy machine)
    assert proc.returncode == 130
    assert err == "Interrupted: the evaluation was stopped (Ctrl-C)\n"
    assert not (tmp_path / "h.svg").exists()


def test_a_task_file_with_other_scripts_digits_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "d1.i23"
    path.write_text("p af 3\n1 \u00b2\n", encoding="utf-8")
    code, out, err = run("evaluate", str(path), "--task", "SE-GR")
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {path}:2: expected an attack as two argument numbers ('1 2', ASCII digits "
        "apart by spaces or tabs), found '1 \u00b2'\n"
    )


def test_a_bug_while_reading_a_task_file_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.apx"
    path.write_text("arg(a).\n", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a reader's bug")

    monkeypatch.setattr("argmap.cli.read_framework", broken)
    code, out, err = run("evaluate", str(path), "--task", "SE-GR")
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {path}: argmap could not read this file (ValueError: a reader's bug); this is "
        "a bug in argmap, please report it with the file\n"
    )


@pytest.mark.parametrize(
    ("target", "args"),
    [
        ("argmap.cli.solve_task", ["--task", "SE-GR"]),
        ("argmap.cli.evaluate", ["--semantics", "grounded"]),
    ],
)
def test_a_bug_past_reading_is_one_line_naming_the_input(
    chain_file: Path, monkeypatch: pytest.MonkeyPatch, target: str, args: list[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a solver's bug")

    monkeypatch.setattr(target, broken)
    code, out, err = run("evaluate", str(chain_file), *args)
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {chain_file}: the command failed (RuntimeError: a solver's bug); this is a bug "
        "in argmap, please report it with the file\n"
    )


def test_a_name_cannot_add_lines_to_an_answer(tmp_path: Path) -> None:
    path = tmp_path / "d17.apx"
    path.write_text('arg("x]\\nNO\\n[").\narg(c).\natt(c,"a b").\narg("a b").\n', encoding="utf-8")
    code, out, err = run("evaluate", str(path), "--task", "SE-GR")
    assert (code, out, err) == (0, '["x]\\nNO\\n[",c]\n', "")
