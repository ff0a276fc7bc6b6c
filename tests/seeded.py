"""Seeded random maps: the same maps on every machine and every run, for golden tests.

Hypothesis shrinks and varies its examples; a golden test needs maps that never change. These are
grown through the public API from ``random.Random(seed)``, with every feature the checks read:
sources with and without a text, cases that quote, cite or only vouch with a hedge, linked and
convergent supports (some naming a scheme and answering a critical question), rebuttals,
undercutters of supports and of attacks (chains of them), support cycles, removals with cascade,
and a central claim or none.
"""

from __future__ import annotations

import random

from argmap import ArgumentMap, Source
from argmap.schemes import get_scheme, scheme_names

TEXT = (
    "The regime answered every campaign. Executions fell after the report. "
    "Prisoners were moved. Japan raised the abductions. The talks went on."
)
_PASSAGES = [
    "The regime answered every campaign.",
    "Executions fell",
    "Prisoners were moved.",
    "raised the abductions",
]
_KINDS = ("claim", "premise", "case", "rebuttal")


def seeded_map(seed: int, *, size: int | None = None) -> ArgumentMap:  # noqa: PLR0915
    """Return the map grown from ``seed`` (about ``size`` statements, or a random number)."""
    rng = random.Random(seed)  # noqa: S311  # reproducible, not secret
    n = size if size is not None else rng.randint(1, 24)
    m = ArgumentMap(title=f"seeded {seed}" if rng.random() < 0.8 else None)
    m.add_source(Source(id="src", title="A source", text=TEXT))
    m.add_source(Source(id="bare", title="A source with no text"))
    ids: list[str] = []
    for i in range(n):
        kind = rng.choice(_KINDS)
        node_id = f"{kind[0]}{i}"
        quotes = [rng.choice(_PASSAGES)] if rng.random() < 0.4 else []
        fields: dict[str, object] = {}
        if kind == "case":
            roll = rng.random()
            if roll < 0.4:
                fields["cites"] = ("src",) if rng.random() < 0.7 else ("src", "bare")
            elif roll < 0.6:
                fields["attribution"] = "it is known to us"
        getattr(m, kind)(node_id, f"Statement {i}.", quotes=quotes, source="src", **fields)
        if rng.random() < 0.1:
            m.case(f"u{i}", f"Unchecked {i}.", quotes=["words"], source="bare")
            ids.append(f"u{i}")
        ids.append(node_id)
    supports: list[str] = []
    if len(ids) > 1:
        for _ in range(rng.randint(0, 2 * len(ids))):
            conclusion = rng.choice(ids)
            others = [i for i in ids if i != conclusion]
            premises = rng.sample(others, k=min(len(others), rng.choice((1, 1, 1, 2, 3))))
            scheme = rng.choice(scheme_names()) if rng.random() < 0.3 else None
            answered = {}
            if scheme is not None and rng.random() < 0.4:
                question = rng.choice(sorted(get_scheme(scheme).questions))
                answered[question] = rng.choice(ids)
            supports.append(m.support(premises, conclusion, scheme=scheme, answered=answered).id)
        attacks: list[str] = []
        for _ in range(rng.randint(0, len(ids))):
            roll = rng.random()
            if supports and roll < 0.35:
                target = rng.choice(supports)
                support = m[target]
                question = None
                if support.scheme is not None and rng.random() < 0.5:  # type: ignore[union-attr]
                    question = rng.choice(sorted(get_scheme(support.scheme).questions))  # type: ignore[union-attr]
                premises = rng.sample(ids, k=rng.choice((1, 1, 2)))
                attacks.append(m.attack(premises, target, question=question).id)
            elif attacks and roll < 0.5:
                attacks.append(m.attack(rng.choice(ids), rng.choice(attacks)).id)
            else:
                target = rng.choice(ids)
                others = [i for i in ids if i != target]
                attacks.append(m.attack(rng.sample(others, k=1), target).id)
    claims = [s.id for s in m.statements() if s.kind == "claim"]
    if claims and rng.random() < 0.7:
        m.central = rng.choice(claims)
    if rng.random() < 0.2 and len(m) > 2:
        victim = rng.choice([s.id for s in m.statements()])
        m.remove(victim, cascade=True)
    return m


def chain_of_linked_supports(length: int) -> ArgumentMap:
    """A chain of claims, each supported by the next one and its own case, jointly."""
    m = ArgumentMap(title=f"linked chain of {length}")
    for i in range(length):
        m.claim(f"c{i}", f"Step {i}.")
        m.case(f"e{i}", f"Evidence {i}.")
    for i in range(length - 1):
        m.support([f"c{i + 1}", f"e{i}"], f"c{i}", id=f"s{i}")
    m.support(f"e{length - 1}", f"c{length - 1}", id="s_end")
    m.central = "c0"
    return m
