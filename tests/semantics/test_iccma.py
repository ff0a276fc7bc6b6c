"""Reading the competition's framework formats (ICCMA 2023, ASPARTIX .apx, TGF): round trips with
the writers, and every way a file can break its format as a located error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import EvaluationError, FileFormatError
from argmap.files import MAX_FILE_SIZE_VARIABLE
from argmap.semantics.framework import Framework
from argmap.semantics.iccma import (
    parse_framework,
    read_framework,
    to_apx,
    to_iccma,
    to_tgf,
    write_framework,
)


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    names = draw(
        st.lists(
            st.from_regex(r"[a-z][A-Za-z0-9_]{0,5}|[A-Z0-9][a-z0-9/.]{0,4}", fullmatch=True),
            unique=True,
            max_size=8,
        )
    )
    pairs = [(a, b) for a in names for b in names]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    return Framework(names, chosen)


@settings(derandomize=True, max_examples=60)
@given(frameworks())
def test_each_writer_reads_back(af: Framework) -> None:
    assert parse_framework(to_apx(af), format="apx") == af
    assert parse_framework(to_tgf(af), format="tgf") == af
    numbered = parse_framework(to_iccma(af), format="iccma")
    assert numbered.arguments == tuple(str(i + 1) for i in range(len(af)))
    rank = {a: str(i + 1) for i, a in enumerate(af.arguments)}
    assert set(numbered.attacks()) == {(rank[a], rank[b]) for a, b in af.attacks()}


def test_read_framework_by_suffix(tmp_path: Path) -> None:
    af = Framework(["a", "b", "c"], [("a", "b"), ("b", "b"), ("c", "a")])
    for suffix in (".apx", ".tgf"):
        assert read_framework(write_framework(af, tmp_path / f"f{suffix}")) == af
    for suffix in (".i23", ".af"):
        got = read_framework(write_framework(af, tmp_path / f"f{suffix}"))
        assert got.attacks() == [("1", "2"), ("2", "2"), ("3", "1")]
    (tmp_path / "plain.txt").write_text("p af 1\n")
    assert len(read_framework(tmp_path / "plain.txt", format="iccma")) == 1


def test_formats_accept_what_the_competition_writes() -> None:
    text = "# made by hand\np af 4\n# 1 a\n1 2\n\n2 1\n3 4 \n1 2\n"
    af = parse_framework(text, format="iccma")
    assert af.number_of_attacks() == 3  # a repeated attack counts once
    apx = 'arg(a). arg(b).\n% a comment\narg("c d").\natt( a , b ).att(b,"c d").\natt(a,b).\n'
    assert parse_framework(apx, format="apx").attacks() == [("a", "b"), ("b", "c d")]
    tgf = "1 first argument\n2\n#\n1 2 an edge label\n"
    assert parse_framework(tgf, format="tgf").attacks() == [("1", "2")]
    assert len(parse_framework("", format="tgf")) == 0
    assert len(parse_framework("p af 0\n", format="iccma")) == 0


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("", "iccma", r"f:1: no 'p af N' line"),
        ("# only a comment\n", "iccma", r"f:1: no 'p af N' line"),
        ("p cnf 3\n1 2\n", "iccma", r"f:1: expected 'p af N' .* found 'p cnf 3'"),
        ("p af 3\n1 2\n2 x\n", "iccma", r"f:3: expected an attack as two argument numbers"),
        ("p af 3\n1 2\n1 2 3\n", "iccma", r"f:3: expected an attack as two argument numbers"),
        ("p af 3\n1 2\n\n3 4\n", "iccma", r"f:4: argument numbers run from 1 to 3"),
        ("p af 3\n0 1\n", "iccma", r"f:2: argument numbers run from 1 to 3"),
        # digits of other scripts: str.isdigit() takes them, int() may not (a traceback)
        ("p af 3\n1 \u00b2\n", "iccma", r"f:2: expected an attack as two argument numbers"),
        ("p af 3\n\u0661 \u0662\n", "iccma", r"f:2: expected an attack as two argument"),
        ("p af 3\n1 2\n\uff11 2\n", "iccma", r"f:3: expected an attack as two argument"),
        ("p af \u00b3\n", "iccma", r"f:1: expected 'p af N'"),
        # spaces other than space and tab: the body and the line that locates the error agree
        ("p af 2\n1 \x1c2\n", "iccma", r"f:2: expected an attack .* found '1 \\x1c2'"),
        ("p af 2\n1 2\u00a0\n", "iccma", r"f:2: expected an attack .* found '1 2\\xa0'"),
        ("p af 2\n1\u2028 2\n", "iccma", r"f:2: expected an attack .* found '1\\u2028 2'"),
        ("\u00a0\np af 2\n", "iccma", r"f:1: expected 'p af N' .* found '\\xa0'"),
        ("p af 2\n1 2\n\u00a0\n", "iccma", r"f:3: expected an attack .* found '\\xa0'"),
        ("p af \u0663\n1 2\n", "iccma", r"f:1: expected 'p af N'"),
        ("p af 2\n1 2\np af 2\n", "iccma", r"f:3: a second 'p' line"),
        ("arg(a).\narg(b)\natt(a,b).\n", "apx", r"f:2: expected a fact 'arg\(a\)\.'"),
        ("arg(a).\n\natt(a,z).\n", "apx", r"f:3: att\(a,z\) names 'z', which no arg/1"),
        ("arg(a,b).\n", "apx", r"f:1: arg/2: 'arg' takes one name, 'att' two"),
        ("arg(a).\natt(a).\n", "apx", r"f:2: att/1"),
        ("arg(a).\nfoo(a).\n", "apx", r"f:2: expected a fact"),
        ('arg("a\\q").\n', "apx", r"f:1: cannot read the quoted name"),
        ("a\nb\n#\na c\n", "tgf", r"f:4: the attack names 'c', which is not an argument"),
        ("a\n#\na\n", "tgf", r"f:3: expected an attack as two argument names"),
        ("a\n#\na a\n#\n", "tgf", r"f:4: a second '#' line"),
    ],
)
def test_broken_files_are_located_errors(text: str, fmt: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message) as info:
        parse_framework(text, format=fmt, path="f")  # type: ignore[arg-type]
    assert info.value.path == "f"
    assert info.value.line is not None


def test_unreadable_and_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"cannot tell the framework format from '\.txt'"):
        read_framework(tmp_path / "x.txt")
    with pytest.raises(FileFormatError, match=r"x\.i23: no such file"):
        read_framework(tmp_path / "x.i23")
    (tmp_path / "bin.apx").write_bytes(b"\xff\xfe")
    with pytest.raises(FileFormatError, match=r"bin\.apx:1: not UTF-8 text \(byte 0\)"):
        read_framework(tmp_path / "bin.apx")
    with pytest.raises(EvaluationError, match="unknown framework format 'dot'"):
        parse_framework("", format="dot")  # type: ignore[arg-type]


def test_from_indices_checks_names_and_indices() -> None:
    with pytest.raises(EvaluationError, match="expected 2 distinct argument names"):
        Framework.from_indices(2, [], names=["a", "a"])
    with pytest.raises(EvaluationError, match=r"attack \(0, -1\) is outside 0\.\.1"):
        Framework.from_indices(2, [(0, -1)])


def test_a_header_may_not_declare_far_more_arguments_than_its_file_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """14 bytes of 'p af 3000000' took 1.1 GB and 5 s: the count is refused before a list is
    made, and the size cap (1 KB an argument) says how many a small file may declare."""
    made: list[int] = []
    real = Framework.from_indices
    monkeypatch.setattr(
        Framework, "from_indices", lambda n, *a, **k: made.append(n) or real(n, *a, **k)
    )
    monkeypatch.delenv(MAX_FILE_SIZE_VARIABLE, raising=False)
    with pytest.raises(FileFormatError) as caught:
        parse_framework("p af 300000\n", format="iccma", path="d3.i23")
    assert str(caught.value) == (
        "d3.i23:1: 'p af 300000' declares 300,000 arguments in a file of 12 bytes, more than a "
        "file this size may declare (262,144: each argument takes memory whether or not an "
        "attack names it); if the framework has 300,000 arguments, set the environment "
        "variable ARGMAP_MAX_FILE_SIZE=293M or higher (1 KB for each argument), with memory "
        "to spare"
    )
    assert made == []
    assert len(parse_framework("# x\np af 262144\n", format="iccma")) == 262_144
    monkeypatch.setenv(MAX_FILE_SIZE_VARIABLE, "1M")  # 1,024 arguments, or one per byte
    with pytest.raises(FileFormatError, match="'p af 1025' declares 1,025 arguments"):
        parse_framework("p af 1025\n", format="iccma")
    lines = "p af 2000\n" + "1 2\n" * 500  # 2,010 bytes: a larger file may declare more
    assert len(parse_framework(lines, format="iccma")) == 2000
    assert made == [262_144, 2000]


@settings(derandomize=True, max_examples=150)
@given(
    st.lists(st.text(max_size=6), unique=True, max_size=5),
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=6),
)
def test_any_names_are_written_as_they_read_back_or_refused(
    names: list[str], pairs: list[tuple[int, int]]
) -> None:
    """A name from an .apx file may be any text: the writers keep the framework as it is (a
    name with a line break once added attacks to an ICCMA file and arguments to a TGF one)."""
    af = Framework(names, [(names[a], names[b]) for a, b in pairs if max(a, b) < len(names)])
    assert parse_framework(to_apx(af), format="apx") == af
    numbered = parse_framework(to_iccma(af), format="iccma")
    assert numbered.number_of_attacks() == af.number_of_attacks()
    assert to_iccma(af).count("\n") == 1 + len(af) + af.number_of_attacks()
    if any(n.split() != [n] or n == "#" for n in names):
        with pytest.raises(EvaluationError, match="cannot be written as TGF"):
            to_tgf(af)
    else:
        assert parse_framework(to_tgf(af), format="tgf") == af


def test_tgf_refuses_a_name_it_cannot_hold(tmp_path: Path) -> None:
    af = Framework(["a b", "c"], [("c", "a b")])
    with pytest.raises(EvaluationError) as caught:
        write_framework(af, tmp_path / "x.tgf")
    assert str(caught.value) == (
        'the argument "a b" cannot be written as TGF, where a name ends at the first space '
        "(the rest of the line is a label) and '#' ends the arguments; write .apx, which quotes "
        "such names, or .i23, which numbers them"
    )
    assert not (tmp_path / "x.tgf").exists()
    assert to_iccma(Framework(["x\n1 1"], [])) == 'p af 1\n# 1 "x\\n1 1"\n'


_TRICKY = 'pafrgt() \t\r\n#,.%"\\0123456789\x1c\xa0\u2028\u00b2\u0661\uff11'


@settings(derandomize=True, max_examples=400)
@given(
    st.sampled_from(["iccma", "apx", "tgf"]),
    st.sampled_from(["", "p af 3\n", "p af 2\n1 2\n", "arg(a).\n", "a\nb\n#\n"]),
    st.text(alphabet=_TRICKY, max_size=40),
)
def test_any_text_is_a_framework_or_a_located_error(fmt: str, start: str, text: str) -> None:
    """The class of D1: text that one part of a reader takes and another refuses (digits and
    spaces of other scripts) was an AssertionError or a ValueError."""
    error: FileFormatError | None = None
    try:
        parse_framework(start + text, format=fmt, path="f")  # type: ignore[arg-type]
    except FileFormatError as exc:
        error = exc
    assert error is None or error.path == "f"
