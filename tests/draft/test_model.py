"""Draft models: the hand-set default, saving and loading as JSON, and bad model files."""

from __future__ import annotations

import contextlib
import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.draft import default_model, draft, load_model
from argmap.draft.model import DraftModel
from argmap.exceptions import DraftError, DraftModelError, FileFormatError


def test_a_saved_model_loads_as_it_was_and_drafts_the_same(tmp_path: Path) -> None:
    model = default_model()
    path = model.save(tmp_path / "model.json")
    loaded = load_model(path)
    assert loaded.to_dict() == model.to_dict()
    text = "We should act now. Because waiting costs more."
    assert draft(text, model=path) == draft(text, model=loaded) == draft(text)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "model.json:1: not JSON"),
        ("[]", "not an argmap draft model"),
        ('{"format": "argmap-draft-model", "version": 9}', "model version 9 is not 1"),
        ('{"format": "argmap-draft-model", "version": 1}', r"\(levels\): must map cc, ro"),
        ('{"format": "argmap-draft-model", "version": true}', r"\(version\): model version true"),
    ],
)
def test_a_bad_model_file_is_an_error_naming_it(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftModelError, match=message):
        load_model(path)


def test_a_model_with_wrong_weights_is_refused(tmp_path: Path) -> None:
    data = default_model().to_dict()
    data["levels"]["at"]["weights"]["yes"]["bias"] = "high"
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DraftModelError, match=r"\(levels.at.weights.yes.bias\): must be a finite"):
        load_model(path)
    data = default_model().to_dict()
    data["levels"]["fu"]["classes"] = ["cc", "sup"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DraftModelError, match=r"\(levels.fu.classes\): must be the list"):
        load_model(path)


def test_a_missing_model_file_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"missing\.json"):
        load_model(tmp_path / "missing.json")
    with pytest.raises(DraftError, match="model must be a DraftModel"):
        draft("We should act.", model=3)  # type: ignore[arg-type]


def test_the_default_model_is_hand_set_not_trained() -> None:
    model = default_model()
    assert isinstance(model, DraftModel)
    assert model.trained_on is None
    assert model.language == "en"
    assert dict(model.combine) == {"cc": 1.0, "ro": 1.0, "fu": 1.0, "at": 1.0}


def test_models_drafts_and_errors_cross_a_process_boundary() -> None:
    import pickle

    from argmap.draft import compare

    model = default_model()
    assert pickle.loads(pickle.dumps(model)).to_dict() == model.to_dict()
    text = "We should act now. Because waiting costs more."
    m = draft(text)
    assert pickle.loads(pickle.dumps(m)) == m
    result = compare(m, m)
    assert pickle.loads(pickle.dumps(result)) == result
    error = DraftModelError("model.json: not JSON")
    copied = pickle.loads(pickle.dumps(error))
    assert type(copied) is DraftModelError
    assert str(copied) == "model.json: not JSON"


def _mutated(data: object, rng: random.Random, value: object) -> object:
    """``data`` with one value, at a random place, replaced by ``value``."""
    if isinstance(data, dict) and data and rng.random() < 0.8:
        key = rng.choice(list(data))
        return {**data, key: _mutated(data[key], rng, value)}
    if isinstance(data, list) and data and rng.random() < 0.8:
        k = rng.randrange(len(data))
        return [*data[:k], _mutated(data[k], rng, value), *data[k + 1 :]]
    return value


def test_any_model_file_loads_or_is_a_model_error(tmp_path: Path) -> None:
    """A value of any type anywhere in a model file (the adversarial trial's D15: 'classes':
    null raised TypeError) or nesting 100,000 deep: a DraftModelError or a model."""
    rng = random.Random(15)  # noqa: S311  # reproducible files, not secrets
    base = default_model().to_dict()
    values: list[object] = [None, True, False, 0, 1.5, 10**30, "ab", [], {}, [1], {"a": None}]
    path = tmp_path / "model.json"
    for _ in range(200):
        path.write_text(json.dumps(_mutated(base, rng, rng.choice(values))), encoding="utf-8")
        with contextlib.suppress(DraftModelError):
            load_model(path)
    for text in ("[" * 100_000 + "]" * 100_000, "1" * 5000):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DraftModelError, match=r"model\.json: "):
            load_model(path)


_WRONG: list[Any] = [None, True, False, 0, 1.5, 10**30, 10**400, "x", [], [1], {}, {"x": 1}]


def _paths(value: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every key path of a model file's JSON, objects and lists alike."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    return found


def _set(data: Any, path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def test_every_key_of_a_model_file_of_a_wrong_type_is_refused_at_its_key(tmp_path: Path) -> None:
    """A mutation test: each key of the default model's file set to each wrong JSON value is
    either a model that drafts, or a DraftModelError that names the file and the key (or the
    level, class or object that holds it)."""
    original = default_model().to_dict()
    paths = _paths(original)
    assert len(paths) > 60  # every level, class and weight, not a vacuous walk
    path = tmp_path / "model.json"
    refused: list[tuple[str, str]] = []
    accepted: dict[str, DraftModel] = {}  # each distinct model once: drafting is the cost
    for key in paths:
        for wrong in _WRONG:
            data = json.loads(json.dumps(original))
            _set(data, key, wrong)
            path.write_text(json.dumps(data), encoding="utf-8")
            try:
                model = load_model(path)
            except DraftModelError as error:
                refused.append((".".join(key), str(error)))
                continue
            if not isinstance(wrong, int | float) or isinstance(wrong, bool):  # a number: fine
                accepted.setdefault(repr(model.to_dict()), model)
    assert len(refused) > len(paths) * len(_WRONG) // 2
    for model in accepted.values():
        assert draft("We should act now. Because waiting costs more.", model=model)
    for named, message in refused:
        place = message.removeprefix(f"{path} (").partition(")")[0]
        assert named.startswith(place) or place.startswith(named), (named, message)


def test_the_command_line_refuses_a_model_whose_classes_are_null(tmp_path: Path) -> None:
    data = default_model().to_dict()
    data["levels"]["cc"]["classes"] = None
    model = tmp_path / "model.json"
    model.write_text(json.dumps(data), encoding="utf-8")
    text = tmp_path / "text.txt"
    text.write_text("We should act now. Because waiting costs more.", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["draft", str(text), "-o", str(tmp_path / "o.json"), "--model", str(model)]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: {model} (levels.cc.classes): must be the list ['no', 'yes'], not null; give "
        "a file written by argmap.draft.train or DraftModel.save\n"
    )
