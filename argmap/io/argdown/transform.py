"""Argdown's transformations of a parsed document's relations, as ``@argdown/core`` makes them.

After parsing, Argdown moves a reconstructed argument's relations to its conclusion and its
undercuts to its last inference, turns relations between statements into entailment and
contrariety in strict mode, and drops a statement's attack on an argument when the statement
already opposes one of its premises. :func:`transform` does the same, in the same order.
"""

from __future__ import annotations

from collections import Counter

from argmap.io.argdown.syntax import Argument, Ref, Relation

__all__ = ["transform"]


def transform(
    relations: list[Relation], arguments: dict[str, Argument], *, strict: bool
) -> list[Relation]:
    """The relations as Argdown lists them after its transformations (they change in place).

    Examples:
        >>> from argmap.io.argdown.parser import parse
        >>> doc = parse("===\\nmodel:\\n  mode: strict\\n===\\n\\n[A]: a\\n  + [B]: b")
        >>> [(r.source.title, r.kind, r.target.title) for r in doc.relations]
        [('B', 'entails', 'A')]
    """
    relations = _argument_relations(relations, arguments)
    if strict:
        relations = _statement_relations(relations)
    return _without_redundant_attacks(relations, arguments)


def _argument_relations(
    relations: list[Relation], arguments: dict[str, Argument]
) -> list[Relation]:
    """A reconstructed argument's relations leave from its conclusion; undercuts of it hit
    its last inference; a relation that then exists twice (or points at itself) goes."""
    live = list(relations)
    dropped: set[int] = set()
    # How many live relations have each (kind, source, target), kept up to date below.
    count = Counter((r.kind, r.source, r.target) for r in live)

    def move(relation: Relation, source: Ref, target: Ref) -> None:
        count[relation.kind, relation.source, relation.target] -= 1
        relation.source, relation.target = source, target
        count[relation.kind, source, target] += 1

    def exists(relation: Relation) -> bool:
        """Whether another live relation has this one's kind, source and target."""
        return count[relation.kind, relation.source, relation.target] > 1

    def drop(relation: Relation) -> None:
        dropped.add(id(relation))
        count[relation.kind, relation.source, relation.target] -= 1

    for relation in live:
        source, target = relation.source, relation.target
        if source.type == "argument" and arguments[source.title].pcs:
            conclusion = Ref("statement", arguments[source.title].pcs[-1].title)
            move(relation, conclusion, target)
            if relation.target == relation.source or exists(relation):
                drop(relation)
                continue
        if (
            target.type == "argument"
            and relation.kind == "undercut"
            and arguments[target.title].pcs
        ):
            argument = arguments[target.title]
            inference = Ref("inference", target.title, argument.inferences[-1].index)
            move(relation, relation.source, inference)
            if exists(relation):
                drop(relation)
    return [r for r in live if id(r) not in dropped]


def _statement_relations(relations: list[Relation]) -> list[Relation]:
    """In strict mode, a support between statements is an entailment and an attack makes them
    contrary (once for the pair)."""
    kept: list[Relation] = []
    contrary: set[frozenset[Ref]] = set()
    for relation in relations:
        if relation.source.type == "statement" and relation.target.type == "statement":
            if relation.kind == "support":
                relation.kind = "entails"
            elif relation.kind == "attack":
                pair = frozenset((relation.source, relation.target))
                if pair in contrary:
                    continue
                contrary.add(pair)
                relation.kind = "contrary"
        kept.append(relation)
    return kept


def _without_redundant_attacks(
    relations: list[Relation], arguments: dict[str, Argument]
) -> list[Relation]:
    """Drop a statement's attack on an argument when it attacks one of its premises (or
    contradicts one, or is contrary to one)."""
    opposed: dict[Ref, set[str]] = {}  # a statement -> the titles it opposes
    for r in relations:
        if r.source.type == "statement" and r.target.type == "statement":
            if r.kind == "attack":
                opposed.setdefault(r.source, set()).add(r.target.title)
            elif r.kind in ("contradictory", "contrary"):
                opposed.setdefault(r.source, set()).add(r.target.title)
                opposed.setdefault(r.target, set()).add(r.source.title)
    premises: dict[str, set[str]] = {}  # an argument -> its premises' titles
    kept: list[Relation] = []
    for relation in relations:
        if (
            relation.source.type == "statement"
            and relation.kind == "attack"
            and relation.target.type == "argument"
            and relation.source in opposed
            and arguments[relation.target.title].pcs
        ):
            title = relation.target.title
            if title not in premises:
                premises[title] = {s.title for s in arguments[title].pcs if s.role == "premise"}
            if not premises[title].isdisjoint(opposed[relation.source]):
                continue
        kept.append(relation)
    return kept


# The simplest data blocks, on one line: {key: value, key: value} with words, decimal numbers or
# quoted text without escapes as values. YAML reads them as _simple_data does (a test draws
# thousands against argmap's YAML reader); anything else goes to that reader.
