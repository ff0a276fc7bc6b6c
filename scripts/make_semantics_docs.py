"""Write the article section of docs/semantics.md from the code, so that it cannot drift.

Run: ``.venv/bin/python scripts/make_semantics_docs.py``. ``tests/semantics/test_docs_semantics.py``
fails when the page is out of date.
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.examples import north_korea

PAGE = Path(__file__).resolve().parents[1] / "docs" / "semantics.md"
START, END = "<!-- article:start -->", "<!-- article:end -->"
SEMANTICS = (
    "evidential",
    "grounded",
    "complete",
    "preferred",
    "stable",
    "carneades",
    "dfquad",
    "qe",
)


def _value(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value).upper()


def _most(ranked: list[argmap.semantics.Influence]) -> str:
    top = [i for i in ranked if i.drop > 0 and i.drop == ranked[0].drop]
    if not top:
        return "none: no single removal lowers it"
    names = " and ".join(f"`{i.removed}`" for i in top)
    after = "gone" if top[0].after is None else _value(top[0].after)
    return f"{names} ({after} without)"


def _without(m: argmap.ArgumentMap, ids: list[str]) -> argmap.ArgumentMap:
    smaller = m.copy()
    for node_id in ids:
        if node_id in smaller:
            smaller.remove(node_id, cascade=True)
    return smaller


def section() -> str:
    """The generated part of the page: the table and the evidential explanation."""
    m = north_korea()
    central = m.central
    if central is None:
        raise SystemExit("the article's map has no central claim")
    cases = [s.id for s in m.statements() if s.kind == "case"]
    analyst = [s.id for s in m.statements() if s.kind == "rebuttal" and "analyst" in s.tags]
    no_cases, no_objection = _without(m, cases), _without(m, analyst)
    rows = [
        "| semantics | central claim | without the cases | without the analyst's objection "
        "| case or premise it depends on most | case it depends on most |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for semantics in SEMANTICS:
        value = argmap.evaluate(m, semantics)[central]
        bare = argmap.evaluate(no_cases, semantics)[central]
        answered = argmap.evaluate(no_objection, semantics)[central]
        most = _most(argmap.sensitivity(m, semantics=semantics))
        case = _most(argmap.sensitivity(m, semantics=semantics, kinds=("case",)))
        rows.append(
            f"| {semantics} | {_value(value)} | {_value(bare)} | {_value(answered)} "
            f"| {most} | {case} |"
        )
    rankings = []
    for semantics, name in (("dfquad", "DF-QuAD"), ("qe", "QE")):
        ranked = argmap.sensitivity(m, semantics=semantics, kinds=("case",))
        rankings.append(
            f"under {name} (`argmap.sensitivity(m, semantics={semantics!r}, kinds=('case',))`) "
            + ", ".join(f"`{i.removed}` ({i.drop:.4f})" for i in ranked)
        )
    both_ways = _both_ways(m, argmap.sensitivity(m, semantics="dfquad", kinds=("case",)))
    gradual = []
    for semantics, name in (("dfquad", "DF-QuAD"), ("qe", "QE")):
        got = argmap.evaluate(m, semantics).strengths
        gradual.append(
            f"- **{name}**: `pressure` {got['pressure']:.3f} (its supports `s_concedes` "
            f"{got['s_concedes']:.3f}, `s_abuses` {got['s_abuses']:.3f}, and the undercut sign "
            f"step `s_effective` {got['s_effective']:.3f}); `s_agenda` {got['s_agenda']:.3f}; "
            f"the objection `withdrawal` {got['withdrawal']:.3f} (its answer `unfounded` "
            f"{got['unfounded']:.3f}); the central claim {got[central]:.3f}, without the cases "
            f"{argmap.evaluate(no_cases, semantics)[central]:.3f}, without the analyst's "
            f"objections {argmap.evaluate(no_objection, semantics)[central]:.3f}."
        )
    why = str(argmap.explain(m, central))
    return (
        f"{START}\n"
        + "\n".join(rows)
        + f"\n\nThe cases ({len(cases)}: {', '.join(f'`{c}`' for c in cases)}) ranked by what "
        f"the central claim loses without each one: {'; '.join(rankings)}.{both_ways}\n"
        "\nThe gradual strengths on the way up (`argmap.evaluate(m, 'dfquad').strengths`):\n\n"
        + "\n".join(gradual)
        + "\n"
        "\nWhy, under the default evidential semantics (`argmap.explain(m, m.central)`, "
        "`argmap explain map.yaml`):\n\n```text\n" + why + f"\n```\n{END}"
    )


def _both_ways(m: argmap.ArgumentMap, ranked: list[argmap.semantics.Influence]) -> str:
    """Say why a case whose removal raises the central claim does: it also supports the
    premises of attacks (evidence for an objection as well as for the claim)."""
    index = m.index
    said = []
    for influence in ranked:
        if influence.drop >= 0:
            continue
        case = influence.removed
        supported = [
            index.supports[s].conclusion
            for s in index.premise_of.get(case, ())
            if s in index.supports
        ]
        against = [
            s for s in supported if any(a in index.attacks for a in index.premise_of.get(s, ()))
        ]
        attacks = [a for s in against for a in index.premise_of[s] if a in index.attacks]
        if against:
            said.append(
                f"`{case}` also supports {', '.join(f'`{s}`' for s in against)}, the premises "
                f"of the attacks {', '.join(f'`{a}`' for a in attacks)}: it is evidence against "
                "the claim's route as well as for it, and without it those attacks weaken more "
                "than the claim's support does"
            )
    return (
        (" A negative figure is a case whose removal raises the claim: " + "; ".join(said) + ".")
        if said
        else ""
    )


def page() -> str:
    text = PAGE.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + section() + tail


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
    print(f"wrote {PAGE}")
