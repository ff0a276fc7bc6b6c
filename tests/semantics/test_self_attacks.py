"""Self-attacks load from every format that has them and evaluate as Dung says; a self-support is
refused with a located error from every reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.exceptions import ArgmapError, FileFormatError
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded_labels, label_map

ARGDOWN_SELF_ATTACK = "<S>: The statement that undermines itself.\n  - <S>\n"
ARGDOWN_STATEMENT_SELF_ATTACK = "[S]: A statement.\n  - [S]\n"

AIF_SELF_ATTACK = {
    "nodes": [
        {"nodeID": "1", "text": "X holds.", "type": "I"},
        {"nodeID": "2", "text": "Default Conflict", "type": "CA"},
    ],
    "edges": [
        {"edgeID": "1", "fromID": "1", "toID": "2"},
        {"edgeID": "2", "fromID": "2", "toID": "1"},
    ],
    "locutions": [],
}
AIF_SELF_SUPPORT = {
    "nodes": [
        {"nodeID": "1", "text": "X holds.", "type": "I"},
        {"nodeID": "2", "text": "Default Inference", "type": "RA"},
    ],
    "edges": [
        {"edgeID": "1", "fromID": "1", "toID": "2"},
        {"edgeID": "2", "fromID": "2", "toID": "1"},
    ],
    "locutions": [],
}
NATIVE_SELF_ATTACK = (
    "argmap: 1\nnodes:\n  - {kind: premise, id: p, text: P.}\n"
    "  - {kind: attack, id: a, premises: [p], target: p}\n"
)
NATIVE_SELF_SUPPORT = (
    "argmap: 1\nnodes:\n  - {kind: premise, id: p, text: P.}\n"
    "  - {kind: support, id: s, premises: [p], conclusion: p}\n"
)


def _write(tmp_path: Path, name: str, text: str | dict[str, object]) -> Path:
    path = tmp_path / name
    path.write_text(text if isinstance(text, str) else json.dumps(text), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "attacker"),
    [
        ("self.argdown", ARGDOWN_SELF_ATTACK, "s"),
        ("statement.argdown", ARGDOWN_STATEMENT_SELF_ATTACK, "s"),
        ("self.json", AIF_SELF_ATTACK, "1"),
        ("self.yaml", NATIVE_SELF_ATTACK, "p"),
    ],
    ids=["argdown argument", "argdown statement", "aif", "native yaml"],
)
def test_a_self_attack_loads_and_is_undecided(
    tmp_path: Path, name: str, text: str | dict[str, object], attacker: str
) -> None:
    m = argmap.load(_write(tmp_path, name, text))
    (attack,) = [i for i in m.inferences() if i.kind == "attack"]
    assert attack.premises == (attacker,)
    assert attack.target == attacker
    for semantics in ("grounded", "complete", "preferred"):
        lab = argmap.evaluate(m, semantics)
        assert lab[attacker] == "undec", semantics
        assert lab[attack.id] == "undec", semantics
    assert argmap.evaluate(m, "stable").notes  # an odd cycle: no stable extension


def test_a_self_attack_round_trips_through_argdown_and_aif(tmp_path: Path) -> None:
    m = argmap.load(_write(tmp_path, "self.argdown", ARGDOWN_SELF_ATTACK))
    for suffix in ("argdown", "json", "yaml"):
        fmt = "aif" if suffix == "json" else None
        path = tmp_path / f"out.{suffix}"
        argmap.dump(m, path, format=fmt)
        again = argmap.load(path, format=fmt)
        (attack,) = [i for i in again.inferences() if i.kind == "attack"]
        assert attack.premises == (attack.target,), suffix


def test_an_attacked_self_attacker_is_out_and_its_victim_is_in() -> None:
    # Dung: a self-attacker is never IN; when an unattacked argument attacks it, it is OUT and
    # what it attacks is defended.
    m = argmap.ArgumentMap()
    _ = m.premise("s", "S."), m.premise("k", "K."), m.premise("v", "V.")
    _ = m.attack("s", "s", id="self"), m.attack("k", "s", id="ks"), m.attack("s", "v", id="sv")
    lab = argmap.evaluate(m, "grounded")
    assert (lab["s"], lab["self"], lab["sv"], lab["v"]) == ("out", "out", "out", "in")
    af = Framework(["s", "k", "v"], [("s", "s"), ("k", "s"), ("s", "v")])
    assert grounded_labels(af) == {"s": "out", "k": "in", "v": "in"}


def test_the_map_index_labelling_agrees_on_a_self_attack() -> None:
    m = argmap.ArgumentMap()
    _ = m.premise("s", "S."), m.attack("s", "s", id="a")
    labels = label_map(m.index)
    assert labels.name("s") == labels.name("a") == "undec"


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("self.argdown", "<S>: It supports itself.\n  + <S>\n", ":2:"),
        ("statement.argdown", "[S]: A statement.\n  + [S]\n", ":2:"),
        ("self.json", AIF_SELF_SUPPORT, "nodeID '2'"),
        ("self.yaml", NATIVE_SELF_SUPPORT, ":4"),
    ],
    ids=["argdown argument", "argdown statement", "aif", "native yaml"],
)
def test_a_self_support_is_refused_with_a_located_error(
    tmp_path: Path, name: str, text: str | dict[str, object], where: str
) -> None:
    path = _write(tmp_path, name, text)
    # AIF from real corpora has self-supports (AIFdb's QT30 has three): the AIF reader sets the
    # edge aside with a RepairWarning, and refuses it in strict mode.
    strict = name.endswith(".json")
    with pytest.raises(FileFormatError) as info:
        argmap.load(path, strict=strict)
    message = str(info.value)
    assert str(path) in message
    assert where in message
    assert "itself" in message
    assert isinstance(info.value, ArgmapError)


def test_a_self_support_through_the_map_names_the_node() -> None:
    m = argmap.ArgumentMap()
    m.premise("p", "P.")
    with pytest.raises(ArgmapError, match="'p' cannot support itself") as info:
        m.support("p", "p", id="s")
    assert "'s'" in str(info.value)
