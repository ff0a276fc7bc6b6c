"""Carneades YAML: every shared file loads with its counts and round-trips; errors say where."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import yaml

import argmap
from argmap import ArgumentMap
from argmap.exceptions import FileFormatError, FormatLossWarning
from argmap.io.carneades import dump, dumps, load, loads, slug, sniff

CARNEADES = Path(__file__).resolve().parents[3] / "shared" / "data" / "carneades"
FILES = sorted(CARNEADES.glob("*.yml")) if CARNEADES.is_dir() else []
shared = pytest.mark.skipif(
    not FILES, reason=f"the shared sample data is absent ({CARNEADES} not found)"
)


@shared
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_shared_file_loads_with_its_counts(path: Path) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    statements = raw.get("statements") or {}
    arguments = raw.get("arguments") or {}
    assumptions = [str(a) for a in raw.get("assumptions") or []]
    m = load(path)
    expected_statements = len(statements) + len([a for a in assumptions if a not in statements])
    assert len(list(m.statements())) == expected_statements
    assert len(m.nodes("support")) == len(arguments)
    assert len(m.nodes("attack")) == sum(1 for a in arguments.values() if a.get("undercutter"))
    assumed = {s.title or s.id for s in m.statements() if s.assumption}
    marked = {k for k, v in statements.items() if isinstance(v, dict) and v.get("assumed")}
    assert assumed == set(assumptions) | marked
    for key, body in arguments.items():
        support = next(
            s for s in m.nodes("support") if (s.data.get("carneades") or {}).get("id", s.id) == key
        )  # type: ignore[union-attr]
        premises = body.get("premises") or []
        assert len(support.premises) == len(premises)
        assert support.scheme == body.get("scheme")


@shared
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_shared_file_round_trips(path: Path, tmp_path: Path) -> None:
    m = load(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing of a Carneades file is lost on the way back
        dump(m, tmp_path / "back.yml")
    assert load(tmp_path / "back.yml") == m
    assert argmap.loads(argmap.dumps(m)) == m  # and the native format keeps it all too


def test_ids_titles_roles_and_issues() -> None:
    m = loads(
        """
meta: {title: Roles, source: A paper}
statements:
  ¬app(a1): {text: a1 does not apply, meta: {note: kept}}
  major: All men are mortal.
  minor: Socrates is a man.
  c: Socrates is mortal.
  "¬c": Socrates is not mortal.
issues:
  i1: {positions: [c, "¬c"], standard: CCE}
arguments:
  a1:
    conclusion: c
    premises: {major: major, minor: minor}
    weight: 0.7
    undercutter: ¬app(a1)
    meta: {source: Aristotle}
tests: {in: [c]}
"""
    )
    assert m.title == "Roles"
    assert m["not_app_a1"].title == "¬app(a1)"
    assert m["not_app_a1"].kind == "rebuttal"
    assert m["c"].kind == "claim"
    assert m["major"].kind == "premise"
    support = m["a1"]
    assert support.weight == 0.7  # type: ignore[union-attr]
    assert support.data["carneades"] == {
        "roles": {"major": "major", "minor": "minor"},
        "meta": {"source": "Aristotle"},
    }
    assert m["a1-undercutter"].target == "a1"  # type: ignore[union-attr]
    assert m["not_c"].data["carneades"] == {"id": "¬c", "issue": "i1", "standard": "CCE"}
    source = m.sources["carneades"]
    assert source.title == "A paper"
    assert source.data["carneades"]["tests"] == {"in": ["c"]}  # type: ignore[index]
    text = dumps(m)
    assert "premises:\n      major: major\n      minor: minor" in text
    assert loads(text) == m


def test_implicit_assumptions_and_premise_less_arguments() -> None:
    m = loads(
        "assumptions:\n  - father(joe,sam)\nstatements: {p: P}\narguments: {a: {conclusion: p}}"
    )
    atom = m["father_joe_sam"]
    assert atom.assumption
    assert atom.data["carneades"] == {"implicit": True, "id": "father(joe,sam)"}
    assert m["a"].premises == ()  # type: ignore[union-attr]
    assert loads(dumps(m)) == m


def test_an_argmap_map_written_as_carneades_says_what_it_loses() -> None:
    from argmap.examples import north_korea

    m = north_korea()
    with pytest.warns(FormatLossWarning) as caught:
        text = dumps(m)
    [warning] = [w.message for w in caught]
    assert isinstance(warning, FormatLossWarning)
    # What did not come back, read from the file itself: the attacks on statements (Carneades
    # has issues instead), the article, the quotes, the accepted findings.
    assert warning.lost == [
        "1 source (article)",
        "2 nodes (a_withdrawal, a_unfounded)",  # the undercutters come back, their ids kept
        "acknowledge of 1 node (agenda)",
        "quotes of 15 nodes (agenda, pressure, reacts, concedes, abuses_fell, ...)",
    ]
    back = loads(text)
    assert {s.id for s in back.statements()} == {s.id for s in m.statements()}
    assert back["uk"].kind == "case"  # kinds other than the graph implies travel in meta
    assert {s.id for s in back.nodes("support")} == {s.id for s in m.nodes("support")}


def test_errors_name_the_line() -> None:
    with pytest.raises(
        FileFormatError, match=r"m\.yml:4 \(arguments\.a1\.premises\[1\]\): unknown statement 'q'"
    ):
        loads(
            "statements:\n  p: P\narguments:\n  a1: {conclusion: p, premises: [p, q]}\n",
            path="m.yml",
        )
    with pytest.raises(FileFormatError, match="unknown proof standard 'XYZ'; use PE, CCE or BRD"):
        loads("statements: {p: P}\nissues: {i: {positions: [p], standard: XYZ}}")
    with pytest.raises(FileFormatError, match="has no conclusion"):
        loads("statements: {p: P}\narguments: {a: {premises: [p]}}")
    with pytest.raises(FileFormatError, match="position 'q' is not a statement"):
        loads("statements: {p: P}\nissues: {i: {positions: [p, q]}}")
    with pytest.raises(FileFormatError, match="not valid YAML"):
        loads("statements: [unclosed")
    with pytest.raises(FileFormatError, match="the top level is a list"):
        loads("- a\n- b\n")
    with pytest.raises(FileFormatError, match=r"weight must be a number in \[0, 1\]"):
        loads("statements: {p: P}\narguments: {a: {conclusion: p, weight: 3}}")
    with pytest.raises(FileFormatError, match="cannot support itself"):
        loads("statements: {p: P}\narguments: {a: {conclusion: p, premises: [p]}}")
    with pytest.raises(FileFormatError, match="no such file"):
        load("/nonexistent/x.yml")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # found by the long fuzz run: a ValidationError escaped
        ('argmap: "\\x11R"\n', r"1: the document's own keys .*"),
        ('meta:\n  title: "\\x11 title"\n', r"2 \(meta\.title\): the map's title .*"),
    ],
)
def test_text_a_map_cannot_hold_in_the_document_keys_is_a_located_error(
    text: str, where: str
) -> None:
    with pytest.raises(FileFormatError, match=rf"m\.yml:{where}control"):
        loads(text, path="m.yml")


@pytest.mark.parametrize("title", ["[1, 2]", "{a: 1}", "true"])
def test_a_title_that_is_no_text_is_a_located_error(title: str) -> None:
    with pytest.raises(FileFormatError, match=r"m\.yml:2 \(meta\.title\): .* must be text"):
        loads(f"meta:\n  title: {title}\n", path="m.yml")


def test_a_map_with_a_title_comes_back_without_a_document_source() -> None:
    # The writer puts the map's title in meta.title; read back, that alone made a source the
    # map never had.
    m = ArgumentMap(title="T")
    m.claim("c", "C.")
    assert loads(dumps(m)) == m
    back = loads("meta:\n  title: T\n  source: Book\n")
    assert back.title == "T"
    assert back.sources["carneades"].data == {"carneades": {"meta": {"source": "Book"}}}
    assert back.sources["carneades"].title == "Book"


def test_a_lone_surrogate_in_the_document_keys_is_a_located_error() -> None:
    # libyaml refuses the escape as it parses (line 2); PyYAML's pure-Python parser reads it, and
    # the check of the document's own keys refuses it (line 1).
    with pytest.raises(
        FileFormatError, match=r"m\.yml:[12]: (not valid YAML: .*escape|the document's own keys)"
    ):
        loads('meta:\n  source: "\\ud800"\n', path="m.yml")


def test_sniff_and_slug() -> None:
    assert sniff("meta:\n  title: x\n")
    assert sniff("# comment\nstatements:\n  p: P\n")
    assert not sniff("argmap: 2\ntitle: x\nnodes: []\n")
    assert not sniff('{"argmap": 2}')
    assert slug("¬¬p") == "not_not_p"
    assert slug("(x)") == "x"
    assert slug("()") == "x"
    assert loads("statements: {'a b': A, 'a_b': B}").nodes()[1].id == "a_b-2"


def test_a_key_that_is_not_text_is_refused_in_carneades_words(tmp_path: Path) -> None:
    path = tmp_path / "schemes.yml"
    path.write_text("statements:\n  p: P.\nargument_schemes:\n  1: a scheme\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        argmap.load(path, format="carneades")
    assert str(info.value) == (
        f"{path}:4: not valid YAML: the key '1' is read as a YAML int; keys in a Carneades "
        "file are text: put the key in quotes"
    )
    assert "argmap file" not in str(info.value)


_OWN = """\
meta:
  argmap: {central: c, data: {k: 1}}
statements:
  c: {text: C., meta: {argmap: {note: N., data: {k: 2}}}}
  p: P.
arguments:
  a1: {conclusion: c, premises: [p], meta: {argmap: {note: M., data: {k: 3}}}}
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "where"),
    [
        ("argmap: {central: c, data: {k: 1}}", "argmap: x", 2, "meta.argmap"),
        ("argmap: {central: c, data: {k: 1}}", "argmap: [c]", 2, "meta.argmap"),
        ("data: {k: 1}", "data: 5", 2, "meta.argmap.data"),
        ("{argmap: {note: N., data: {k: 2}}}", "{argmap: 3}", 4, "statements.c.meta.argmap"),
        ("data: {k: 2}", "data: [1]", 4, "statements.c.meta.argmap.data"),
        ("{argmap: {note: M., data: {k: 3}}}", "{argmap: x}", 7, "arguments.a1.meta.argmap"),
        ("data: {k: 3}", "data: x", 7, "arguments.a1.meta.argmap.data"),
    ],
)
def test_argmaps_own_fields_of_the_wrong_shape_are_a_located_error(
    old: str, new: str, line: int, where: str
) -> None:
    # An argument's meta.argmap that was text was a raw AttributeError, its data a TypeError;
    # the map's and a statement's were dropped without a word.
    m = loads(_OWN)
    assert (m.data, m["c"].data, m["a1"].data) == ({"k": 1}, {"k": 2}, {"k": 3})
    with pytest.raises(FileFormatError) as caught:
        loads(_OWN.replace(old, new), path="g.yml")
    error = caught.value
    assert (error.path, error.line, error.where) == ("g.yml", line, where)
    assert "argmap writes it so: leave it as written, or delete it" in error.problem


def test_an_undercutter_keeps_its_id_and_fields_through_a_round_trip() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.rebuttal("r", "R.")
    m.premise("q", "Q.")
    m.rebuttal("r2", "R2.")
    m.support("p", "c", id="s")
    m.attack("r", "s", id="u", note="Why not.", data={"x": 1})
    m.support("q", "c", id="s2")
    m.attack("r2", "s2", id="s2-undercutter")  # the id the reader makes: nothing to keep
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a FormatLossWarning fails the test
        text = dumps(m)
    arguments = yaml.safe_load(text)["arguments"]
    assert arguments["s"]["undercutter"] == "r"
    assert arguments["s"]["meta"]["argmap"]["undercutter"] == {
        "id": "u",
        "note": "Why not.",
        "data": {"x": 1},
    }
    assert "meta" not in arguments["s2"]
    back = loads(text)
    assert back == m
    assert back["u"].target == "s"  # type: ignore[union-attr]


def test_a_bad_undercutter_id_in_the_arguments_meta_is_refused_at_its_line() -> None:
    text = (
        "statements:\n  c: C.\n  r: R.\narguments:\n  s:\n    conclusion: c\n    undercutter: r\n"
        "    meta:\n      argmap:\n        undercutter:\n          id: 5\n"
    )
    with pytest.raises(FileFormatError, match=r"<text>:11 .*the undercutter's id must be text"):
        loads(text)
    with pytest.raises(
        FileFormatError, match="the undercutter of argument 's': id: 'a b' is not a valid id"
    ):
        loads(text.replace("id: 5", "id: a b"))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "statements:\n  c: C.\narguments:\n  a:\n    conclusion: c\n    scheme: ''\n",
            "<text>:5 (arguments.a): argument 'a': scheme: must not be blank",
        ),
        (
            "statements:\n  c:\n    text: C.\n    meta: {argmap: {tags: ['']}}\n",
            "<text>:3 (statements.c): statement 'c': tags[0]: must not be blank",
        ),
    ],
)
def test_a_value_a_model_refuses_names_its_field(text: str, said: str) -> None:
    with pytest.raises(FileFormatError) as info:
        loads(text)
    assert str(info.value) == said
