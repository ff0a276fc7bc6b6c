"""ArgumentMap: the rules it keeps (each break names the node), its queries, and removal."""

from __future__ import annotations

import warnings

import networkx as nx
import pytest
from budget import budgets, examples
from hypothesis import given, settings
from strategies import maps

import argmap
from argmap import (
    ArgmapError,
    ArgumentMap,
    Attack,
    Case,
    Claim,
    InvalidMapError,
    Premise,
    Quote,
    Rebuttal,
    Source,
    Support,
    UnknownNodeError,
)


@pytest.fixture
def bare() -> ArgumentMap:
    """Statements only: claim ``c``, premises ``p`` and ``q``, rebuttal ``r``."""
    m = ArgumentMap(title="Bare")
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.premise("q", "Q.")
    m.rebuttal("r", "R.")
    return m


# -- building ----------------------------------------------------------------------------------


def test_helpers_add_the_right_models_and_return_them_as_stored(bare: ArgumentMap) -> None:
    case = bare.case("k", "K.", when="1998", attribution="it is known to us")
    assert isinstance(case, Case)
    assert bare["k"] is case
    assert [type(bare[i]) for i in ("c", "p", "r")] == [
        Claim,
        Premise,
        type(bare["r"]),
    ]
    assert bare["r"].kind == "rebuttal"
    support = bare.support(["p", "q"], "c", note="linked")
    assert isinstance(support, Support)
    assert support.premises == ("p", "q")
    attack = bare.attack("r", "c")
    assert isinstance(attack, Attack)
    assert (attack.premises, attack.target) == (("r",), "c")


def test_constructor_takes_nodes_in_any_order(rain: Source) -> None:
    nodes = [
        Attack(id="a", premises=["r"], target="s"),
        Support(id="s", premises=["k"], conclusion="c"),
        Case(id="k", text="K.", quotes=[Quote(source="diary", text="the river rose")]),
        Claim(id="c", text="C."),
        Premise(id="r", text="R."),
    ]
    m = ArgumentMap(title="T", sources=[rain], nodes=nodes, central="c")
    assert m.central == "c"
    assert m.attacks_on("s")[0].id == "a"
    assert m["k"].quotes[0].start == rain.text.index("the river rose")  # type: ignore[union-attr]


def test_automatic_ids_take_the_first_free_name(bare: ArgumentMap) -> None:
    bare.claim("s1", "Taken.")
    bare.add_source(Source(id="s2", title="Also taken"))
    assert bare.support("p", "c").id == "s3"
    assert bare.support("q", "c").id == "s4"
    assert bare.attack("r", "c").id == "a1"
    assert bare.attack("r", "s3").id == "a2"


def test_plain_text_quotes_need_a_source(bare: ArgumentMap) -> None:
    with pytest.raises(
        InvalidMapError, match="'k': a quote given as plain text needs source="
    ) as info:
        bare.case("k", "K.", quotes=["words"])
    assert info.value.node == "k"
    assert "k" not in bare


# -- unique ids --------------------------------------------------------------------------------


def test_ids_are_unique(bare: ArgumentMap) -> None:
    with pytest.raises(InvalidMapError, match="id 'p' is already used in this map") as info:
        bare.premise("p", "Another P.")
    assert info.value.node == "p"
    assert bare["p"].text == "P."


def test_ids_are_unique_across_kinds(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s")
    with pytest.raises(InvalidMapError, match="id 's' is already used"):
        bare.claim("s", "Clash.")
    with pytest.raises(InvalidMapError, match="id 'c' is already used"):
        bare.support("q", "p", id="c")


def test_ids_are_unique_across_sources(bare: ArgumentMap, rain: Source) -> None:
    bare.add_source(rain)
    with pytest.raises(InvalidMapError, match="id 'diary' is already used") as info:
        bare.claim("diary", "A claim named like the source.")
    assert info.value.node == "diary"
    with pytest.raises(InvalidMapError, match="id 'p' is already used"):
        bare.add_source(Source(id="p", title="A source named like a premise"))
    assert "p" not in bare.sources


# -- dangling references -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "missing", "node"),
    [
        (lambda m: m.support("ghost", "c", id="s"), "ghost", "s"),
        (lambda m: m.support(["p", "ghost"], "c", id="s"), "ghost", "s"),
        (lambda m: m.support("p", "ghost", id="s"), "ghost", "s"),
        (lambda m: m.attack("ghost", "c", id="a"), "ghost", "a"),
        (lambda m: m.attack("r", "ghost", id="a"), "ghost", "a"),
        (
            lambda m: m.support(
                "p", "c", id="s", scheme="example", answered={"example.typical": "ghost"}
            ),
            "ghost",
            "s",
        ),
    ],
    ids=["premise", "second premise", "conclusion", "attacker", "target", "answered"],
)
def test_references_must_resolve(bare: ArgumentMap, build, missing: str, node: str) -> None:  # type: ignore[no-untyped-def]
    before = len(bare)
    with pytest.raises(UnknownNodeError) as info:
        build(bare)
    assert str(info.value) == (
        f"unknown node {missing!r} (referred to by {node!r}); add it first, or check the id's "
        "spelling"
    )
    assert info.value.node == node
    assert info.value.missing == missing
    assert len(bare) == before
    assert node not in bare


def test_quote_source_must_resolve(bare: ArgumentMap) -> None:
    with pytest.raises(UnknownNodeError, match="case 'k': quote 1 is from unknown source 'nope'"):
        bare.case("k", "K.", quotes=["words"], source="nope")
    with pytest.raises(UnknownNodeError, match="claim 'd': quote 1 is from unknown source"):
        bare.claim("d", "D.", quotes=[Quote(source="nope", text="words")])


def test_cited_source_must_resolve(bare: ArgumentMap) -> None:
    with pytest.raises(UnknownNodeError, match="case 'k' cites unknown source 'hrw'") as info:
        bare.case("k", "K.", cites=("hrw",))
    assert (info.value.node, info.value.missing) == ("k", "hrw")
    assert "k" not in bare


# -- inference rules ---------------------------------------------------------------------------


def test_premises_must_be_statements(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s")
    with pytest.raises(
        InvalidMapError, match="support 't': premise 's' is an inference; premises must be"
    ) as info:
        bare.support("s", "q", id="t")
    assert info.value.node == "t"
    with pytest.raises(InvalidMapError, match="attack 'a': premise 's' is an inference"):
        bare.attack("s", "r", id="a")


def test_support_concludes_a_statement_not_an_inference(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s")
    with pytest.raises(
        InvalidMapError, match="support 't': conclusion 's' is an inference; a support concludes"
    ) as info:
        bare.support("q", "s", id="t")
    assert info.value.node == "t"


def test_attack_may_target_a_statement_or_a_support(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s")
    assert bare.attack("r", "c", id="a1").target == "c"
    assert bare.attack("r", "s", id="a2").target == "s"


def test_an_attack_may_undercut_another_attack(bare: ArgumentMap) -> None:
    # As in the Potsdam microtexts: "granted, but that is no objection" undercuts a rebuttal.
    bare.attack("r", "c", id="a")
    undercut = bare.attack("p", "a", id="b")
    assert bare.attacks_on("a") == [undercut]
    edges = list(bare.statement_graph().edges(data=True))
    assert ("p", "c", {"relation": "undercut", "inference": "b", "undercuts": "a"}) in edges
    # It dies with the attack it undercuts, and the attack survives its undercutter.
    assert bare.remove("b") == ["b"]
    bare.attack("p", "a", id="b")
    assert bare.remove("a", cascade=True) == ["a", "b"]


def test_attacks_in_a_circle_are_refused_with_their_place() -> None:
    with pytest.raises(InvalidMapError, match="attacks x -> y -> x target each other") as info:
        ArgumentMap(
            nodes=[
                Premise(id="p", text="P."),
                Attack(id="x", premises=["p"], target="y"),
                Attack(id="y", premises=["p"], target="x"),
            ]
        )
    assert info.value.place == ("nodes", 1)


def test_attacks_on_attacks_load_in_any_order() -> None:
    m = ArgumentMap(
        nodes=[
            Attack(id="u2", premises=["p2"], target="u"),
            Attack(id="u", premises=["p"], target="a"),
            Attack(id="a", premises=["r"], target="c"),
            Claim(id="c", text="C."),
            Premise(id="p", text="P."),
            Premise(id="p2", text="P2."),
            Rebuttal(id="r", text="R."),
        ]
    )
    assert [n.id for n in m.nodes()] == ["u2", "u", "a", "c", "p", "p2", "r"]
    assert m.attackers("u") == ["p2"]


# The model refuses these; through the map they should still be InvalidMapErrors that name the
# inference, like every other rule the map keeps.
_MODEL_RULES = [
    (lambda m: m.support("c", "c", id="s"), "s", "'c' cannot support itself"),
    (lambda m: m.support(["p", "c"], "c", id="s"), "s", "'c' cannot support itself"),
    (lambda m: m.support(["p", "p"], "c", id="s"), "s", "premise 'p' is listed twice"),
    (lambda m: m.attack(["p", "q", "p"], "r", id="a"), "a", "premise 'p' is listed twice"),
    (lambda m: m.support([], "c", id="s", weight=2.0), "s", "less than or equal to 1"),
    (lambda m: m.attack([], "c", id="a", scheme=" "), "a", "must not be blank"),
]
_MODEL_RULE_IDS = [
    "self-support",
    "linked self-support",
    "support premise twice",
    "attack premise twice",
    "support weight above 1",
    "attack blank scheme",
]


@pytest.mark.parametrize(("build", "node", "message"), _MODEL_RULES, ids=_MODEL_RULE_IDS)
def test_inference_model_rules_are_refused(bare: ArgumentMap, build, node, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        build(bare)
    assert node not in bare
    assert list(bare.inferences()) == []


@pytest.mark.parametrize(("build", "node", "message"), _MODEL_RULES, ids=_MODEL_RULE_IDS)
def test_inference_model_rules_raise_invalid_map_error_naming_the_inference(
    bare: ArgumentMap,
    build,  # type: ignore[no-untyped-def]
    node: str,
    message: str,
) -> None:
    with pytest.raises(InvalidMapError, match=message) as info:
        build(bare)
    assert info.value.node == node
    assert repr(node) in str(info.value)


# -- schemes and critical questions ------------------------------------------------------------


def test_support_may_name_a_scheme_and_answer_its_questions(bare: ArgumentMap) -> None:
    s = bare.support("p", "c", scheme="example", answered={"example.typical": "q"})
    assert bare[s.id].answered == {"example.typical": "q"}  # type: ignore[union-attr]


def test_a_misspelt_scheme_warns_with_the_close_name_and_is_kept(bare: ArgumentMap) -> None:
    with pytest.warns(
        argmap.UnknownSchemeWarning,
        match=r"support 's': scheme 'exampel' is not one argmap knows; did you mean 'example'\?",
    ):
        bare.support("p", "c", id="s", scheme="exampel")
    assert bare["s"].scheme == "exampel"  # type: ignore[union-attr]


def test_a_scheme_of_another_tool_is_kept_without_a_warning(bare: ArgumentMap) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bare.support("p", "c", id="s", scheme="Default Inference")
        bare.attack("r", "s", id="a", scheme="Default Conflict")
    assert bare["a"].scheme == "Default Conflict"  # type: ignore[union-attr]


def test_questions_of_an_unknown_scheme_cannot_be_answered(bare: ArgumentMap) -> None:
    with pytest.raises(InvalidMapError, match="register it with") as info:
        bare.support("p", "c", id="s", scheme="precedent", answered={"precedent.similar": "p"})
    assert info.value.node == "s"


def test_a_registered_scheme_has_its_questions(bare: ArgumentMap) -> None:
    from argmap.schemes import register_scheme, unregister_scheme

    register_scheme("precedent", name="Argument from precedent", questions={"similar": "Alike?"})
    try:
        s = bare.support("p", "c", id="s", scheme="precedent", answered={"precedent.similar": "q"})
        assert s.answered == {"precedent.similar": "q"}
        assert argmap.check(bare, select=["AM601"]).findings == ()  # its one question answered
        bare.remove("s")
        bare.support("p", "c", id="s", scheme="precedent")
        [open_question] = argmap.check(bare, select=["AM601"]).findings
        assert "precedent.similar: Alike?" in open_question.explanation
    finally:
        unregister_scheme("precedent")


def test_a_support_without_premises_is_kept_and_checked(bare: ArgumentMap) -> None:
    s = bare.support([], "c", id="s", weight=0.4)
    assert s.premises == ()
    assert bare.supports_of("c") == [s]
    assert bare.supporters("c") == []
    # A support that stands on nothing gives no evidence: the claim is supported, not grounded.
    [finding] = argmap.check(bare, select=["AM102"]).findings
    assert finding.nodes == ("c",)
    assert "ends at support 's', which has no premises" in finding.explanation
    assert bare.remove("s") == ["s"]


def test_question_must_belong_to_the_scheme(bare: ArgumentMap) -> None:
    with pytest.raises(
        InvalidMapError,
        match=r"'s': 'analogy.differences' is not a critical question of scheme 'example'; "
        r"its questions are example.is-true, example.supports",
    ) as info:
        bare.support("p", "c", id="s", scheme="example", answered={"analogy.differences": "q"})
    assert info.value.node == "s"


def test_answered_needs_a_scheme(bare: ArgumentMap) -> None:
    with pytest.raises(
        InvalidMapError, match="support 's' answers critical questions but names no scheme"
    ) as info:
        bare.support("p", "c", id="s", answered={"example.typical": "q"})
    assert info.value.node == "s"


def test_questions_are_answered_by_statements(bare: ArgumentMap) -> None:
    bare.support("q", "c", id="t")
    with pytest.raises(
        InvalidMapError, match=r"support 's': question 'example\.typical' must be answered by a"
    ) as info:
        bare.support("p", "c", id="s", scheme="example", answered={"example.typical": "t"})
    assert info.value.node == "s"


def test_attack_question_must_belong_to_the_targets_scheme(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s", scheme="example")
    assert bare.attack("r", "s", question="example.typical").question == "example.typical"
    with pytest.raises(
        InvalidMapError, match=r"'a': 'sign\.correlation' is not a critical question of scheme"
    ) as info:
        bare.attack("r", "s", id="a", question="sign.correlation")
    assert info.value.node == "a"


def test_attack_question_needs_a_target_with_a_scheme(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s")
    for target in ("s", "c"):
        with pytest.raises(
            InvalidMapError,
            match=f"attack 'a' raises question 'example.typical', but its target '{target}' is "
            "not a support that names a scheme",
        ) as info:
            bare.attack("r", target, id="a", question="example.typical")
        assert info.value.node == "a"


# -- central claim -----------------------------------------------------------------------------


def test_central_must_be_a_claim(bare: ArgumentMap) -> None:
    bare.central = "c"
    with pytest.raises(
        InvalidMapError, match="node 'p' is a premise; the central claim must be a claim"
    ) as info:
        bare.central = "p"
    assert info.value.node == "p"
    assert bare.central == "c"


def test_central_must_exist(bare: ArgumentMap) -> None:
    with pytest.raises(UnknownNodeError, match="unknown node 'ghost'"):
        bare.central = "ghost"
    assert bare.central is None


def test_central_can_be_cleared(bare: ArgumentMap) -> None:
    bare.central = "c"
    bare.central = None
    assert bare.central is None


def test_constructor_checks_central(rain: Source) -> None:
    with pytest.raises(InvalidMapError, match="central claim must be a claim"):
        ArgumentMap(nodes=[Premise(id="p", text="P.")], central="p")


# -- lookups -----------------------------------------------------------------------------------


def test_getitem_and_unknown_node_error(small: ArgumentMap) -> None:
    assert small["c"].text == "The river rose because of the rain."  # type: ignore[union-attr]
    with pytest.raises(UnknownNodeError) as info:
        small["ghost"]
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, KeyError | IndexError) is False
    assert isinstance(error, ArgmapError)
    assert str(error) == "unknown node 'ghost'; add it first, or check the id's spelling"
    assert (error.node, error.missing) == ("ghost", "ghost")


def test_unknown_node_error_is_caught_as_lookup_error(small: ArgumentMap) -> None:
    with pytest.raises(LookupError):
        small["ghost"]


def test_sources_are_not_nodes(small: ArgumentMap) -> None:
    assert "diary" not in small
    assert "diary" in small.sources
    with pytest.raises(UnknownNodeError):
        small["diary"]


def test_statement_lookup(small: ArgumentMap) -> None:
    assert small.statement("k").id == "k"
    with pytest.raises(InvalidMapError, match="node 's_link' is a support, not a statement"):
        small.statement("s_link")
    with pytest.raises(UnknownNodeError):
        small.statement("ghost")


def test_contains_iter_len(small: ArgumentMap) -> None:
    assert "c" in small
    assert "ghost" not in small
    assert 3 not in small
    assert list(small) == [
        "c",
        "p",
        "q",
        "k",
        "r",
        "u",
        "s_link",
        "s_case",
        "a_r",
        "a_p",
        "a_u",
    ]
    assert len(small) == 11


def test_sources_mapping_is_read_only(small: ArgumentMap) -> None:
    with pytest.raises(TypeError):
        small.sources["x"] = Source(id="x", title="X")  # type: ignore[index]
    assert list(small.sources) == ["diary"]


def test_repr(small: ArgumentMap) -> None:
    assert repr(small) == (
        "<ArgumentMap 'Small': 6 statements, 5 inferences, 1 source, central='c'>"
    )


# -- queries -----------------------------------------------------------------------------------


def test_nodes_by_kind(small: ArgumentMap) -> None:
    assert [n.id for n in small.nodes()] == list(small)
    assert [n.id for n in small.nodes("claim")] == ["c"]
    assert [n.id for n in small.nodes("premise")] == ["p", "q"]
    assert [n.id for n in small.nodes("case")] == ["k"]
    assert [n.id for n in small.nodes("rebuttal")] == ["r", "u"]
    assert [n.id for n in small.nodes("support")] == ["s_link", "s_case"]
    assert [n.id for n in small.nodes("attack")] == ["a_r", "a_p", "a_u"]


def test_nodes_refuses_an_unknown_kind(small: ArgumentMap) -> None:
    with pytest.raises(InvalidMapError, match="unknown node kind 'claims'; use one of claim, "):
        small.nodes("claims")  # type: ignore[call-overload]


def test_statements_and_inferences(small: ArgumentMap) -> None:
    assert [s.id for s in small.statements()] == ["c", "p", "q", "k", "r", "u"]
    assert [i.id for i in small.inferences()] == ["s_link", "s_case", "a_r", "a_p", "a_u"]


def test_supports_and_attacks(small: ArgumentMap) -> None:
    assert [s.id for s in small.supports_of("c")] == ["s_link", "s_case"]
    assert small.supports_of("p") == []
    assert [a.id for a in small.attacks_on("c")] == ["a_r"]
    assert [a.id for a in small.attacks_on("s_case")] == ["a_u"]
    assert [a.id for a in small.attacks_on("r")] == ["a_p"]
    assert small.supporters("c") == ["p", "q", "k"]
    assert small.attackers("c") == ["r"]
    assert small.attackers("s_case") == ["u"]
    assert small.attackers("p") == []


def test_supporters_lists_each_statement_once(bare: ArgumentMap) -> None:
    bare.support(["p", "q"], "c")
    bare.support("p", "c")
    assert bare.supporters("c") == ["p", "q"]


def test_uses_of(small: ArgumentMap) -> None:
    assert [i.id for i in small.uses_of("p")] == ["s_link", "a_p"]
    assert [i.id for i in small.uses_of("u")] == ["a_u"]
    assert small.uses_of("c") == []


@pytest.mark.parametrize(
    "query", ["supports_of", "attacks_on", "supporters", "attackers", "uses_of"]
)
def test_queries_refuse_unknown_nodes(small: ArgumentMap, query: str) -> None:
    with pytest.raises(UnknownNodeError, match="unknown node 'ghost'"):
        getattr(small, query)("ghost")


def test_statement_graph(small: ArgumentMap) -> None:
    g = small.statement_graph()
    assert isinstance(g, nx.MultiDiGraph)
    assert sorted(g.nodes) == ["c", "k", "p", "q", "r", "u"]
    assert g.nodes["k"]["model"] is small["k"]
    edges = sorted((u, v, d["relation"], d["inference"]) for u, v, d in g.edges(data=True))
    assert edges == [
        ("k", "c", "support", "s_case"),
        ("p", "c", "support", "s_link"),
        ("p", "r", "attack", "a_p"),
        ("q", "c", "support", "s_link"),
        ("r", "c", "attack", "a_r"),
        # The undercutter points at the conclusion of the support it undercuts.
        ("u", "c", "undercut", "a_u"),
    ]


def test_statement_graph_keeps_parallel_relations_apart(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s1")
    bare.support("p", "c", id="s2")
    bare.attack("p", "r", id="a1")
    g = bare.statement_graph()
    assert g.number_of_edges("p", "c") == 2
    assert set(g["p"]["c"]) == {"s1", "s2"}


@pytest.mark.parametrize("budget", budgets(15, 50))
def test_statement_graph_has_one_edge_per_premise(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        g = m.statement_graph()
        assert set(g.nodes) == {s.id for s in m.statements()}
        assert g.number_of_edges() == sum(len(i.premises) for i in m.inferences())
        for premise, head, data in g.edges(data=True):
            inference = m[data["inference"]]
            assert premise in inference.premises  # type: ignore[union-attr]
            target = m[inference.target]  # type: ignore[union-attr]
            if data["relation"] == "undercut":
                assert isinstance(target, Support)
                assert head == target.conclusion
            else:
                assert head == inference.target  # type: ignore[union-attr]
                assert data["relation"] == inference.kind

    holds()


# -- the graph is read-only --------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        lambda g: g.add_node("x"),
        lambda g: g.add_edge("p", "c"),
        lambda g: g.remove_node("c"),
        lambda g: g.remove_edge("p", "s_link"),
        lambda g: g.clear(),
    ],
    ids=["add_node", "add_edge", "remove_node", "remove_edge", "clear"],
)
def test_graph_cannot_be_changed(small: ArgumentMap, change) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
        change(small.graph)
    assert len(small) == 11


def test_graph_holds_models_and_roles(small: ArgumentMap) -> None:
    g = small.graph
    assert g.nodes["c"]["model"] is small["c"]
    assert g.nodes["c"]["kind"] == "claim"
    assert g.edges["p", "s_link"]["role"] == "premise"
    assert g.edges["s_link", "c"]["role"] == "conclusion"
    assert g.edges["a_u", "s_case"]["role"] == "target"


def test_graph_follows_later_changes(small: ArgumentMap) -> None:
    g = small.graph
    small.claim("d", "D.")
    assert "d" in g  # a view, not a snapshot


def test_graph_node_data_cannot_be_changed(small: ArgumentMap) -> None:
    with pytest.raises((nx.NetworkXError, TypeError)):
        small.graph.nodes["c"]["model"] = Claim(id="c", text="Replaced.")
    assert small["c"].text == "The river rose because of the rain."  # type: ignore[union-attr]


def test_graph_node_attributes_refuse_a_new_model_as_attribute(small: ArgumentMap) -> None:
    attributes = small.graph.nodes["c"]
    with pytest.raises(TypeError, match="read-only"):
        attributes.model = None  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="read-only"):
        del attributes.model  # type: ignore[attr-defined]
    assert small.graph.nodes["c"]["model"] is small["c"]


# -- equality and copies -----------------------------------------------------------------------


def _small_in_another_order(rain: Source) -> ArgumentMap:
    m = ArgumentMap(title="Small")
    m.add_source(rain)
    m.rebuttal("u", "One rainy week does not show a pattern.")
    m.rebuttal("r", "The river rose because of a dam release.")
    m.case("k", "It rained on two days.", quotes=["It rained on Tuesday"], source="diary")
    m.premise("q", "It rained a lot.")
    m.premise("p", "Rain raises rivers.")
    m.claim("c", "The river rose because of the rain.")
    m.attack("p", "r", id="a_p")
    m.support("k", "c", id="s_case", scheme="example")
    m.attack("u", "s_case", id="a_u", question="example.typical")
    m.support(["p", "q"], "c", id="s_link")
    m.attack("r", "c", id="a_r")
    m.central = "c"
    return m


def test_equality_ignores_the_order_nodes_were_added(small: ArgumentMap, rain: Source) -> None:
    other = _small_in_another_order(rain)
    assert list(other) != list(small)
    assert other == small


@pytest.mark.parametrize(
    "change",
    [
        lambda m: setattr(m, "title", "Other"),
        lambda m: setattr(m, "central", None),
        lambda m: m.add_source(Source(id="x", title="X")),
        lambda m: m.claim("d", "D."),
        lambda m: m.support("r", "c", id="s_more"),
        lambda m: m.remove("a_r"),
    ],
    ids=["title", "central", "source", "statement", "support", "removed attack"],
)
def test_equality_sees_every_part(small: ArgumentMap, rain: Source, change) -> None:  # type: ignore[no-untyped-def]
    other = _small_in_another_order(rain)
    change(other)
    assert other != small


def test_equality_compares_node_content(bare: ArgumentMap) -> None:
    other = ArgumentMap(title="Bare")
    other.claim("c", "C.")
    other.premise("p", "P.")
    other.premise("q", "Q.")
    other.rebuttal("r", "R. (edited)")
    assert other != bare


def test_equality_with_other_types() -> None:
    m = ArgumentMap()
    assert m != "map"
    assert (m == 1) is False
    with pytest.raises(TypeError):
        hash(m)


def test_copy_is_equal_and_independent(small: ArgumentMap) -> None:
    dup = small.copy()
    assert dup == small
    dup.claim("d", "D.")
    dup.remove("a_r")
    dup.add_source(Source(id="x", title="X"))
    dup.central = "d"
    dup.title = "Changed"
    assert "d" not in small
    assert "a_r" in small
    assert "x" not in small.sources
    assert small.central == "c"
    assert small.title == "Small"
    small.remove("a_p")
    assert "a_p" in dup


@pytest.mark.parametrize("budget", budgets(15, 50))
def test_copy_equals_the_original_for_any_map(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        dup = m.copy()
        assert dup == m
        assert list(dup) == list(m)
        dup.claim("__new__", "New.")
        assert "__new__" not in m

    holds()


# -- quotes are located when added -------------------------------------------------------------


def test_quotes_get_their_offsets(small: ArgumentMap, rain: Source) -> None:
    (quote,) = small["k"].quotes  # type: ignore[union-attr]
    assert (quote.start, quote.end) == (21, 41)
    assert rain.text[quote.start : quote.end] == quote.text  # type: ignore[index]


def test_every_statement_kind_has_its_quotes_checked(bare: ArgumentMap, rain: Source) -> None:
    bare.add_source(rain)
    for kind in ("claim", "premise", "case", "rebuttal"):
        stored = getattr(bare, kind)(f"{kind}_1", "X.", quotes=["the river rose"], source="diary")
        assert stored.quotes[0].start == rain.text.index("the river rose")  # type: ignore[union-attr]


def test_quote_from_a_source_without_text_is_kept_unlocated(bare: ArgumentMap) -> None:
    bare.add_source(Source(id="book", title="A book"))
    case = bare.case("k", "K.", quotes=["anything at all"], source="book")
    assert (case.quotes[0].start, case.quotes[0].end) == (None, None)


# -- removing ----------------------------------------------------------------------------------


def test_remove_a_node_nothing_depends_on(small: ArgumentMap) -> None:
    assert small.remove("a_r") == ["a_r"]
    assert "a_r" not in small
    assert small.attacks_on("c") == []
    assert "r" in small
    assert "c" in small


_UNDERCUTTER_BUG = (
    "BUG: ArgumentMap._dependents follows an inference's successors, so an attack's *target* "
    "counts as its dependent: removing an undercutter is refused without cascade, and with "
    "cascade it deletes the support it undercuts"
)


def test_remove_an_undercutter_alone(small: ArgumentMap) -> None:
    assert small.remove("a_u") == ["a_u"]
    assert small.attacks_on("s_case") == []


def test_remove_an_undercutting_statement_keeps_the_support(small: ArgumentMap) -> None:
    assert small.remove("u", cascade=True) == ["a_u", "u"]
    assert [s.id for s in small.supports_of("c")] == ["s_link", "s_case"]


def test_remove_an_undercutter_with_cascade_keeps_the_support(small: ArgumentMap) -> None:
    assert small.remove("a_u", cascade=True) == ["a_u"]
    assert "s_case" in small


def test_remove_refuses_a_used_node_without_cascade(small: ArgumentMap) -> None:
    before = small.copy()
    with pytest.raises(
        InvalidMapError,
        match=r"node 'p' is used by a_p, s_link; pass cascade=True to remove them too",
    ) as info:
        small.remove("p")
    assert info.value.node == "p"
    assert small == before


def test_remove_with_cascade_removes_a_linked_support_whole(small: ArgumentMap) -> None:
    assert small.remove("q", cascade=True) == ["q", "s_link"]
    # 'p' is still there, but it was never offered alone: no support of c by p survives.
    assert "p" in small
    assert [s.id for s in small.supports_of("c")] == ["s_case"]
    assert small.supporters("c") == ["k"]
    assert [i.id for i in small.uses_of("p")] == ["a_p"]


def test_remove_a_support_takes_its_undercutter(small: ArgumentMap) -> None:
    with pytest.raises(InvalidMapError, match="node 's_case' is used by a_u"):
        small.remove("s_case")
    assert small.remove("s_case", cascade=True) == ["a_u", "s_case"]
    assert "u" in small
    assert "k" in small


def test_remove_a_statement_takes_the_undercutter_of_its_support(small: ArgumentMap) -> None:
    assert small.remove("k", cascade=True) == ["a_u", "k", "s_case"]


def test_remove_a_target_takes_the_attacks_on_it(small: ArgumentMap) -> None:
    assert small.remove("r", cascade=True) == ["a_p", "a_r", "r"]
    assert "p" in small
    assert [i.id for i in small.uses_of("p")] == ["s_link"]


def test_remove_the_central_claim_clears_central(small: ArgumentMap) -> None:
    removed = small.remove("c", cascade=True)
    assert removed == ["a_r", "a_u", "c", "s_case", "s_link"]
    assert small.central is None
    assert sorted(small) == ["a_p", "k", "p", "q", "r", "u"]


def test_remove_an_unused_central_claim_clears_central(bare: ArgumentMap) -> None:
    bare.central = "c"
    assert bare.remove("c") == ["c"]
    assert bare.central is None


def test_remove_unknown_node(small: ArgumentMap) -> None:
    with pytest.raises(UnknownNodeError, match="unknown node 'ghost'"):
        small.remove("ghost")


def test_remove_an_unused_source(small: ArgumentMap) -> None:
    small.add_source(Source(id="spare", title="Spare"))
    assert small.remove("spare") == ["spare"]
    assert "spare" not in small.sources


def test_remove_a_quoted_source_is_refused(small: ArgumentMap) -> None:
    with pytest.raises(
        InvalidMapError,
        match=r"source 'diary' is quoted or cited by k; remove or change those statements first",
    ) as info:
        small.remove("diary", cascade=True)
    assert info.value.node == "diary"
    assert "diary" in small.sources


def test_remove_a_cited_source_is_refused(bare: ArgumentMap) -> None:
    bare.add_source(Source(id="hrw", title="HRW"))
    bare.case("k", "K.", cites=("hrw",))
    with pytest.raises(InvalidMapError, match="source 'hrw' is quoted or cited by k"):
        bare.remove("hrw")
    bare.remove("k")
    assert bare.remove("hrw") == ["hrw"]


def test_remove_then_reuse_the_id(small: ArgumentMap) -> None:
    small.remove("a_r")
    assert small.attack("u", "c", id="a_r").premises == ("u",)


def test_remove_a_statement_that_answers_a_question(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s", scheme="example", answered={"example.typical": "q"})
    with pytest.raises(InvalidMapError, match="'q' is used by s"):
        bare.remove("q")
    assert "q" in bare


def test_remove_an_answer_with_cascade_keeps_the_support_and_drops_the_answer(
    bare: ArgumentMap,
) -> None:
    bare.support(
        "p",
        "c",
        id="s",
        scheme="example",
        answered={"example.typical": "q", "example.strength": "r"},
    )
    assert bare.remove("q", cascade=True) == ["q"]
    support = bare["s"]
    assert isinstance(support, Support)
    assert dict(support.answered) == {"example.strength": "r"}
    with pytest.raises(TypeError):
        support.answered["example.typical"] = "q"  # type: ignore[index]
    assert argmap.loads(argmap.dumps(bare)) == bare


def test_node_order_survives_a_round_trip(bare: ArgumentMap) -> None:
    bare.support("p", "c", id="s")
    bare.claim("late", "Added after an inference.")
    bare.support("q", "c", id="s2")
    order = [n.id for n in bare.nodes()]
    assert order == ["c", "p", "q", "r", "s", "late", "s2"]
    again = argmap.loads(argmap.dumps(bare))
    assert [n.id for n in again.nodes()] == order
    assert [s.id for s in again.supports_of("c")] == ["s", "s2"]


def test_repr_counts_in_the_singular_and_plural() -> None:
    m = ArgumentMap(title="One")
    m.add_source(Source(id="a", title="A"))
    m.claim("c", "C.")
    m.premise("p", "P.")
    m.support("p", "c", id="s")
    assert repr(m) == "<ArgumentMap 'One': 2 statements, 1 inference, 1 source, central=None>"
    m.add_source(Source(id="b", title="B"))
    m.remove("s")
    m.remove("p")
    assert repr(m) == "<ArgumentMap 'One': 1 statement, 0 inferences, 2 sources, central=None>"


# -- the default source ------------------------------------------------------------------------


def test_quotes_come_from_the_default_source(rain: Source) -> None:
    m = ArgumentMap(sources=[rain], default_source="diary")
    assert m.default_source == "diary"
    k = m.case("k", "It rained.", quotes=["It rained on Monday"])
    assert (k.quotes[0].source, k.quotes[0].start) == ("diary", 0)
    c = m.claim("c", "Rivers rose.", quotes=["the river rose"])
    assert c.quotes[0].source == "diary"
    other = m.add_source(Source(id="other", title="Other", text="A dam was opened."))
    p = m.premise("p", "A dam opened.", quotes=["A dam was opened."], source=other.id)
    assert p.quotes[0].source == "other"  # an explicit source wins


def test_default_source_is_set_later_and_cleared(rain: Source) -> None:
    m = ArgumentMap()
    with pytest.raises(InvalidMapError, match=r"needs source=<source id>, or a default source"):
        m.case("k", "It rained.", quotes=["It rained on Monday"])
    m.add_source(rain)
    m.default_source = "diary"
    assert m.case("k", "It rained.", quotes=["It rained on Monday"]).quotes[0].source == "diary"
    m.default_source = None
    with pytest.raises(InvalidMapError, match="needs source="):
        m.case("k2", "It rained.", quotes=["It rained on Monday"])


def test_default_source_must_be_a_source_of_the_map(rain: Source) -> None:
    with pytest.raises(UnknownNodeError, match="the default source 'diry' is not a source") as info:
        ArgumentMap(sources=[rain], default_source="diry")
    assert info.value.place == ("default_source",)
    m = ArgumentMap(sources=[rain])
    m.claim("c", "C.")
    with pytest.raises(UnknownNodeError, match="not a source of this map"):
        m.default_source = "c"  # a node, not a source
    assert m.default_source is None


def test_removing_the_default_source_clears_it(rain: Source) -> None:
    m = ArgumentMap(sources=[rain], default_source="diary")
    m.remove("diary")
    assert m.default_source is None


def test_default_source_counts_for_equality_and_copies(rain: Source) -> None:
    m = ArgumentMap(sources=[rain], default_source="diary")
    assert m.copy().default_source == "diary"
    assert m.copy() == m
    assert m != ArgumentMap(sources=[rain])


# -- what add accepts, load accepts; maps and models cross process boundaries ----------------------


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (
            Claim(id="c2", text="C.").model_copy(update={"id": "an id"}),
            "id: 'an id' is not a valid id",
        ),
        (Claim.model_construct(id="c2", text="  "), "text: must not be blank"),
        (
            Support.model_construct(id="s9", premises=("p",), conclusion="p"),
            "'p' cannot support itself",
        ),
        (Premise(id="x", text="X.").model_copy(update={"tags": ("",)}), r"tags\[0\]: must not be"),
        (
            Attack.model_construct(id="a9", premises=("p", "p"), target="c"),
            "premise 'p' is listed twice",
        ),
    ],
)
def test_add_validates_models_made_without_validation(bare: ArgumentMap, node, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidMapError, match=message):
        bare.add(node)
    assert node.id not in bare


def test_the_constructor_validates_models_made_without_validation() -> None:
    with pytest.raises(InvalidMapError, match="must not be blank") as info:
        ArgumentMap(nodes=[Claim(id="c", text="C."), Claim.model_construct(id="d", text="")])
    assert info.value.place == ("nodes", 1)


def test_add_keeps_a_valid_model_as_it_is(bare: ArgumentMap) -> None:
    claim = Claim(id="d", text="D.")
    assert bare.add(claim) is claim


def test_add_stores_the_validated_form_of_a_constructed_model(bare: ArgumentMap) -> None:
    stored = bare.add(Support.model_construct(id="s9", premises=["p"], conclusion="c"))
    assert stored.premises == ("p",)
    assert isinstance(stored.premises, tuple)


@pytest.mark.parametrize("thing", ["x", 5, None, {"kind": "claim", "id": "c", "text": "C."}])
def test_add_refuses_what_is_not_a_node_model(bare: ArgumentMap, thing: object) -> None:
    with pytest.raises(InvalidMapError, match="node models"):
        bare.add(thing)  # type: ignore[type-var]
    with pytest.raises(InvalidMapError, match="node models"):
        ArgumentMap(nodes=[thing])  # type: ignore[list-item]


def test_add_source_refuses_what_is_not_a_source(bare: ArgumentMap) -> None:
    with pytest.raises(InvalidMapError, match="takes a Source, not str"):
        bare.add_source("x")  # type: ignore[arg-type]
    with pytest.raises(InvalidMapError, match="title: must not be blank"):
        bare.add_source(Source.model_construct(id="z", title=" "))


@pytest.mark.parametrize("title", [5, b"bytes", ["a"]])
def test_a_title_that_is_not_text_is_refused(bare: ArgumentMap, title: object) -> None:
    with pytest.raises(InvalidMapError, match="title must be text"):
        bare.title = title  # type: ignore[assignment]
    with pytest.raises(InvalidMapError, match="title must be text"):
        ArgumentMap(title=title)  # type: ignore[arg-type]


def test_a_central_that_is_not_an_id_is_refused(bare: ArgumentMap) -> None:
    with pytest.raises(InvalidMapError, match="by its id"):
        bare.central = 5  # type: ignore[assignment]
    with pytest.raises(InvalidMapError, match="by its id"):
        bare.central = ["c"]  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (Support(id="s", premises=("p",), conclusion="s"), "support 's' concludes itself"),
        (Attack(id="a", premises=("p",), target="a"), "attack 'a' targets itself"),
    ],
)
def test_an_inference_on_itself_is_named_as_such(bare: ArgumentMap, node, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidMapError, match=message) as info:
        bare.add(node)
    assert not isinstance(info.value, UnknownNodeError)
    with pytest.raises(InvalidMapError, match=message) as info:
        ArgumentMap(nodes=[*bare.nodes(), node])
    assert info.value.place == ("nodes", 4)


def _roundtrips(m: ArgumentMap) -> list[ArgumentMap]:
    import copy
    import pickle

    return [pickle.loads(pickle.dumps(m)), copy.deepcopy(m), copy.copy(m), m.copy()]


@pytest.mark.parametrize("way", ["pickle", "deepcopy", "copy", "method"])
def test_a_map_pickles_and_copies_into_an_independent_map(small: ArgumentMap, way: str) -> None:
    twin = _roundtrips(small)[["pickle", "deepcopy", "copy", "method"].index(way)]
    assert twin == small
    assert [n.id for n in twin.nodes()] == [n.id for n in small.nodes()]
    assert twin.central == small.central
    twin.remove("k", cascade=True)
    twin.claim("new", "New.")
    assert "k" in small
    assert "new" not in small
    assert small.supports_of("c")[1].id == "s_case"
    assert twin.index is not small.index


def test_a_support_that_answers_questions_pickles_and_deep_copies() -> None:
    import copy
    import pickle

    support = Support(
        id="s", premises=("p",), conclusion="c", scheme="example", answered={"example.typical": "q"}
    )
    twins = (pickle.loads(pickle.dumps(support)), copy.deepcopy(support), copy.copy(support))
    for twin in twins:
        assert twin == support
        assert twin.answered == {"example.typical": "q"}
        with pytest.raises(TypeError):
            twin.answered["example.typical"] = "r"  # type: ignore[index]


@pytest.mark.parametrize("budget", budgets(12, 40))
def test_any_map_survives_pickle_and_copies(budget: int) -> None:
    @settings(max_examples=examples(budget), deadline=None)
    @given(maps())
    def holds(m: ArgumentMap) -> None:
        for twin in _roundtrips(m):
            assert twin == m
            assert list(twin) == list(m)
            assert twin.index.bears_on == m.index.bears_on
            assert argmap.check(twin).to_dict() == argmap.check(m).to_dict()

    holds()


def test_automatic_ids_count_up_in_linear_time(bare: ArgumentMap) -> None:
    ids = [bare.support("p", "c").id for _ in range(3)]
    bare.remove("s2")
    assert ids == ["s1", "s2", "s3"]
    assert bare.support("q", "c").id == "s4"  # the count goes on; s2 is not searched for again
    dup = bare.copy()
    assert dup.support("q", "c").id == "s2"  # a new map counts afresh, from the first free one


def test_a_long_refusal_lists_the_first_users_and_how_many_more() -> None:
    m = ArgumentMap()
    m.claim("c", "C.")
    for i in range(30):
        m.premise(f"p{i}", f"P{i}.")
        m.support("c", f"p{i}", id=f"s{i:02}")
    with pytest.raises(InvalidMapError, match=r"s19 and 10 more; pass cascade=True") as info:
        m.remove("c")
    assert "s20" not in str(info.value)


def test_a_constructed_model_missing_fields_is_refused(bare: ArgumentMap) -> None:
    with pytest.raises(InvalidMapError, match="claim 'd'"):
        bare.add(Claim.model_construct(id="d"))
    with pytest.raises(InvalidMapError, match="support 's9'"):
        bare.add(Support.model_construct(id="s9", premises=(object(),), conclusion="c"))


def test_graph_node_data_reads_like_a_dict_and_copies_into_plain_graphs(small: ArgumentMap) -> None:
    data = small.graph.nodes["c"]
    assert dict(data) == {"model": small["c"], "kind": "claim"} == data
    assert data.copy() == {"model": small["c"], "kind": "claim"}
    assert type(data.copy()) is dict
    assert "model" in data
    assert "text" not in data
    assert data.get("text") is None
    assert set(small.graph.nodes(data="kind")) >= {("c", "claim"), ("s_link", "support")}
    with pytest.raises(KeyError):
        data["text"]
    with pytest.raises(TypeError, match="read-only"):
        del data["kind"]  # type: ignore[attr-defined]
    plain = nx.DiGraph(small.graph)
    plain.nodes["c"]["kind"] = "changed"  # a plain copy is the user's to change
    assert small.graph.nodes["c"]["kind"] == "claim"
    assert plain.nodes["p"]["model"] is small["p"]


@pytest.mark.parametrize("bad", [None, 5, "map.json", {"nodes": []}])
def test_functions_of_a_map_refuse_anything_else_by_name(bad: object) -> None:
    from argmap.io.networkx import from_networkx, to_networkx
    from argmap.render import to_dot
    from argmap.summary import summarize

    for name, function in [
        ("evaluate", argmap.evaluate),
        ("check", argmap.check),
        ("to_dot", to_dot),
        ("summarize", summarize),
        ("to_networkx", to_networkx),
    ]:
        with pytest.raises(argmap.ArgmapError) as caught:
            function(bad)  # type: ignore[arg-type]
        assert str(caught.value) == f"{name} needs an ArgumentMap, got {type(bad).__name__}"
    with pytest.raises(argmap.ArgmapError, match="from_networkx needs a networkx graph, got"):
        from_networkx(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [5, None, 1.5, b"m.json"])
def test_dump_refuses_a_path_that_is_no_path(bad: object) -> None:
    with pytest.raises(argmap.ArgmapError, match="expected a file path"):
        argmap.dump(ArgumentMap(title="t"), bad)  # type: ignore[arg-type]


def test_an_id_looked_up_in_another_normal_form_says_which_form_the_map_keeps() -> None:
    # m.claim("e\u0301", ...) keeps the id as "\xe9" (NFC); looking it up as written said
    # "unknown node 'é'; check the id's spelling", with both spellings printed alike.
    m = ArgumentMap()
    m.claim("e\u0301", "An accented id.")
    m.case("k", "Evidence.")
    m.support("k", "e\u0301")  # references are kept in NFC form too
    for call in (
        lambda: m["e\u0301"],
        lambda: m.supporters("e\u0301"),
        lambda: setattr(m, "central", "e\u0301"),
        lambda: m.remove("e\u0301"),
        lambda: argmap.explain(m, "e\u0301"),
    ):
        with pytest.raises(argmap.UnknownNodeError, match=r"has it as '\\xe9'.*NFC"):
            call()
    with pytest.raises(argmap.EvaluationError, match=r"has it as '\\xe9'"):
        argmap.evaluate(m)["e\u0301"]
    with pytest.raises(argmap.UnknownNodeError, match="check the id's spelling"):
        m["zz"]
