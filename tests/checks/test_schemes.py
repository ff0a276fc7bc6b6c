"""Open critical questions (argmap/checks/schemes.py): AM601 open-critical-questions."""

from __future__ import annotations

import pytest

import argmap

SIGN_QUESTIONS = ("sign.correlation", "sign.other-events")


def _map(**support: object) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.claim("c", "The regime fears exposure.")
    m.case("k", "It moved the prisoners before the visit.")
    m.rebuttal("answer", "Nothing else explains the move.")
    m.support("k", "c", id="s", scheme="sign", **support)  # type: ignore[arg-type]
    m.central = "c"
    return m


def _open(m: argmap.ArgumentMap) -> dict[str, list[str]]:
    """Support id -> its open question ids, read from the explanation's lines."""
    return {
        f.nodes[0]: [line.split(":", 1)[0] for line in f.explanation.splitlines()]
        for f in argmap.check(m, select=["AM601"])
    }


def test_am601_every_question_open() -> None:
    m = _map()
    (finding,) = argmap.check(m, select=["AM601"])
    assert finding.rule == "AM601"
    assert finding.name == "open-critical-questions"
    assert finding.severity == "info"
    assert finding.nodes == ("s", "k", "c")
    assert finding.message == "argument from sign from k to 'c': 2 of 2 critical questions open"
    assert finding.explanation == (
        "sign.correlation: How strong is the correlation between the sign and the event it "
        "signifies?\n"
        "sign.other-events: Are there other events that would more reliably account for the sign?"
    )


def test_am601_a_support_without_a_scheme_has_no_questions() -> None:
    m = argmap.ArgumentMap()
    m.claim("c", "C.")
    m.case("k", "K.")
    m.support("k", "c")
    assert _open(m) == {}


def test_am601_answered_by_a_statement() -> None:
    m = _map(answered={"sign.other-events": "answer"})
    assert _open(m) == {"s": ["sign.correlation"]}
    (finding,) = argmap.check(m, select=["AM601"])
    assert finding.message.endswith("1 of 2 critical questions open")


def test_am601_every_question_answered_means_no_finding() -> None:
    m = _map(answered=dict.fromkeys(SIGN_QUESTIONS, "answer"))
    assert _open(m) == {}


def test_am601_raised_and_answered_closes_the_question() -> None:
    m = _map()
    m.rebuttal("doubt", "Other events explain it.")
    m.attack("doubt", "s", id="raise", question="sign.other-events")
    m.attack("answer", "doubt", id="reply")
    assert _open(m) == {"s": ["sign.correlation"]}


def test_am601_raised_but_unanswered_stays_open_and_says_so() -> None:
    m = _map()
    m.rebuttal("doubt", "Other events explain it.")
    m.attack("doubt", "s", id="raise", question="sign.other-events")
    assert _open(m) == {"s": list(SIGN_QUESTIONS)}
    (finding,) = argmap.check(m, select=["AM601"])
    assert finding.explanation.splitlines()[1] == (
        "sign.other-events: Are there other events that would more reliably account for the "
        "sign? (raised by raise, unanswered)"
    )


def test_am601_an_answered_attack_that_raises_no_question_closes_nothing() -> None:
    m = _map()
    m.rebuttal("doubt", "D.")
    m.attack("doubt", "s", id="plain")
    m.attack("answer", "doubt", id="reply")
    assert _open(m) == {"s": list(SIGN_QUESTIONS)}


def test_am601_answered_and_raised_combine() -> None:
    m = _map(answered={"sign.correlation": "answer"})
    m.rebuttal("doubt", "Other events explain it.")
    m.attack("doubt", "s", id="raise", question="sign.other-events")
    m.attack("answer", "doubt", id="reply")
    assert _open(m) == {}


@pytest.mark.parametrize(
    "answered_first",
    [
        pytest.param(True, id="answered-first"),
        pytest.param(False, id="open-first"),
    ],
)
def test_am601_two_attacks_raise_one_question_order_does_not_matter(answered_first: bool) -> None:
    m = _map()
    m.rebuttal("d1", "D1.")
    m.rebuttal("d2", "D2.")

    def answered_attack() -> None:
        m.attack("d1", "s", id="a_answered", question="sign.other-events")
        m.attack("answer", "d1", id="reply")

    def open_attack() -> None:
        m.attack("d2", "s", id="a_open", question="sign.other-events")

    for add in (answered_attack, open_attack) if answered_first else (open_attack, answered_attack):
        add()
    assert _open(m) == {"s": ["sign.correlation"]}
