"""Training a draft model from annotated maps, and scoring drafts level by level."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.draft import Annotated, annotated, f1_by_level, load_model, parse, train
from argmap.draft.decode import Parse
from argmap.draft.scoring import macro_f1
from argmap.exceptions import DraftError, MissingDependencyError
from argmap.map import ArgumentMap

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "microtexts"
MICROTEXTS = sorted(SHARED.glob("micro_*.xml")) if SHARED.is_dir() else []
needs_data = pytest.mark.skipif(
    not MICROTEXTS, reason=f"the shared sample data is absent ({SHARED} not found)"
)


def _text(claim: str, reason: str, objection: str, answer: str) -> ArgumentMap:
    m = ArgumentMap(title=claim)
    m.claim("c", claim)
    m.premise("p", reason)
    m.rebuttal("r", objection)
    m.premise("q", answer)
    m.support("p", "c")
    m.attack("r", "c")
    m.attack("q", "r")
    m.central = "c"
    return m


CORPUS = [
    _text(
        "We should ban cars.", "Because they pollute.", "Of course, shops object.", "But they gain."
    ),
    _text(
        "Taxes must rise.",
        "Because schools need money.",
        "Admittedly, people object.",
        "But schools matter.",
    ),
    _text(
        "We ought to plant trees.",
        "Since trees give shade.",
        "Granted, water costs.",
        "Yet shade saves.",
    ),
]


def test_a_model_trained_on_maps_learns_their_structure(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    out = tmp_path / "model.json"
    model = train(CORPUS, out=out, name="toy")
    assert model.name == "toy"
    assert model.trained_on == "3 annotated texts"
    assert load_model(out).to_dict() == model.to_dict()
    gold = annotated(CORPUS[0])
    guess = parse(gold.texts, gold.paragraphs, model)
    assert guess.parent == gold.parse.parent
    assert f1_by_level([gold.parse], [guess])["at"] == 1.0


def test_training_reads_files_and_folders(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    for k, m in enumerate(CORPUS):
        argmap.dump(m, tmp_path / f"t{k}.json")
    assert train([tmp_path]).trained_on == "3 annotated texts"
    assert train([tmp_path / "t0.json", CORPUS[1]]).trained_on == "2 annotated texts"


def test_training_refuses_what_is_not_an_annotated_text() -> None:
    pytest.importorskip("sklearn")
    with pytest.raises(DraftError, match="no annotated text"):
        train([])
    with pytest.raises(DraftError, match="a corpus item is a int"):
        train([3])  # type: ignore[list-item]
    lone = ArgumentMap(title="lone")
    lone.claim("c", "Alone.")
    with pytest.raises(DraftError, match="lone: an annotated text needs two statements"):
        train([lone])
    two = ArgumentMap(title="two")
    two.claim("a", "A.")
    two.claim("b", "B.")
    with pytest.raises(DraftError, match="two: no central claim"):
        train([two])


def test_training_without_scikit_learn_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "sklearn", None)
    monkeypatch.setitem(sys.modules, "sklearn.feature_extraction", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'argmap\[draft\]'"):
        train(CORPUS)


def test_argmap_draft_is_the_function_and_carries_train() -> None:
    assert argmap.draft is not None
    assert argmap.draft.train is train  # type: ignore[attr-defined]
    m = argmap.draft("We should act. Because it helps.")
    assert m.central == "u1"


def test_macro_f1_counts_every_class_seen() -> None:
    assert macro_f1([1, 1, 0, 0], [1, 1, 0, 0]) == 1.0
    assert macro_f1([1, 0], [0, 1]) == 0.0
    assert macro_f1([], []) == 0.0
    assert macro_f1(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx((2 / 3 + 2 / 3) / 2)
    with pytest.raises(ValueError, match="2 gold labels but 1 predicted"):
        macro_f1([1, 0], [1])


def test_f1_by_level_refuses_trees_that_do_not_match() -> None:
    one = Parse(central=0, parent=[None], function=["cc"], role=["pro"])
    two = Parse(central=0, parent=[None, 0], function=["cc", "sup"], role=["pro", "pro"])
    with pytest.raises(ValueError, match="same units"):
        f1_by_level([one], [two])
    with pytest.raises(ValueError, match="1 gold trees but 0"):
        f1_by_level([one], [])


@needs_data
def test_microtexts_read_as_annotated_texts_in_text_order() -> None:
    gold = annotated(argmap.load(MICROTEXTS[0]))
    assert isinstance(gold, Annotated)
    assert gold.ids == ["a1", "a2", "a3", "a4", "a5"]
    assert gold.parse.central == 4
    assert gold.parse.parent == [4, 0, 0, 2, None]
    assert gold.parse.function == ["reb", "sup", "und", "sup", "cc"]
    assert gold.parse.role == ["opp", "opp", "pro", "pro", "pro"]
