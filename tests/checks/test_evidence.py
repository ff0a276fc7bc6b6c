"""Evidence gaps (argmap/checks/evidence.py): AM301 uncited-case, AM302 hearsay-case,
AM303 unquoted-case, AM304 unverifiable-quote."""

from __future__ import annotations

import argmap

TEXT = "Executions fell to close to none. It is known to us that punishment eased."


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.add_source(argmap.Source(id="art", title="The article", text=TEXT))
    m.add_source(argmap.Source(id="un", title="UN report"))  # no text
    m.claim("c", "Pressure works.")
    m.central = "c"
    return m


def _nodes(m: argmap.ArgumentMap, code: str) -> list[tuple[str, ...]]:
    return [f.nodes for f in argmap.check(m, select=[code])]


# -- AM301 uncited-case -----------------------------------------------------------------------


def test_am301_a_case_that_cites_nothing() -> None:
    m = _map()
    m.case("k", "Executions fell.", quotes=["Executions fell"], source="art")
    m.support("k", "c")
    (finding,) = argmap.check(m, select=["AM301"])
    assert finding.rule == "AM301"
    assert finding.name == "uncited-case"
    assert finding.severity == "warning"
    assert finding.nodes == ("k",)
    assert finding.message == "case 'k' cites no source for what it reports"


def test_am301_quoting_the_article_is_not_citing_evidence() -> None:
    m = _map()
    m.case("quoted", "Executions fell.", quotes=["Executions fell"], source="art")
    m.case("cited", "Executions fell.", quotes=["Executions fell"], source="art", cites=["un"])
    m.support("quoted", "c")
    m.support("cited", "c")
    assert _nodes(m, "AM301") == [("quoted",)]


def test_am301_only_cases_are_checked() -> None:
    m = _map()
    m.premise("p", "A reason with no source.")
    m.support("p", "c")
    assert _nodes(m, "AM301") == []


def test_am301_and_am302_split_the_uncited_cases() -> None:
    # A hedged case is reported as hearsay (AM302), not again as uncited (AM301).
    m = _map()
    m.case("plain", "Executions fell.", quotes=["Executions fell"], source="art")
    m.case(
        "hedged",
        "Punishment eased.",
        quotes=["punishment eased"],
        source="art",
        attribution="It is known to us",
    )
    m.support("plain", "c")
    m.support("hedged", "c")
    assert _nodes(m, "AM301") == [("plain",)]
    assert _nodes(m, "AM302") == [("hedged",)]


# -- AM302 hearsay-case -----------------------------------------------------------------------


def test_am302_a_case_vouched_for_only_by_a_hedge() -> None:
    m = _map()
    m.case(
        "k",
        "Punishment eased.",
        quotes=["punishment eased"],
        source="art",
        attribution="It is known to us",
    )
    m.support("k", "c")
    (finding,) = argmap.check(m, select=["AM302"])
    assert finding.rule == "AM302"
    assert finding.name == "hearsay-case"
    assert finding.severity == "warning"
    assert finding.nodes == ("k",)
    assert finding.message == "case 'k' rests on hearsay: 'It is known to us', with no source"


def test_am302_a_hedge_with_a_cited_source_is_not_hearsay() -> None:
    m = _map()
    m.case(
        "k",
        "Punishment eased.",
        quotes=["punishment eased"],
        source="art",
        attribution="It is known to us",
        cites=["un"],
    )
    m.support("k", "c")
    assert _nodes(m, "AM302") == []
    assert _nodes(m, "AM301") == []


# -- AM303 unquoted-case ----------------------------------------------------------------------


def test_am303_a_case_with_no_quote() -> None:
    m = _map()
    m.case("k", "Executions fell.", cites=["un"])
    m.case("q", "Executions fell.", quotes=["Executions fell"], source="art", cites=["un"])
    m.support("k", "c")
    m.support("q", "c")
    (finding,) = argmap.check(m, select=["AM303"])
    assert finding.rule == "AM303"
    assert finding.name == "unquoted-case"
    assert finding.severity == "warning"
    assert finding.nodes == ("k",)
    assert finding.message == "case 'k' quotes no source"


def test_am303_other_statements_need_no_quote() -> None:
    m = _map()
    m.premise("p", "P.")
    m.support("p", "c")
    assert _nodes(m, "AM303") == []


# -- AM304 unverifiable-quote -----------------------------------------------------------------


def test_am304_a_quote_from_a_source_without_text() -> None:
    m = _map()
    m.case(
        "k",
        "Executions fell.",
        quotes=[argmap.Quote(source="un", text="whatever the report says")],
        cites=["un"],
    )
    m.support("k", "c")
    (finding,) = argmap.check(m, select=["AM304"])
    assert finding.rule == "AM304"
    assert finding.name == "unverifiable-quote"
    assert finding.severity == "info"
    assert finding.nodes == ("k", "un")
    assert finding.message == "case 'k' quotes 'un', which has no text to check the quote against"


def test_am304_any_statement_kind_and_each_source_once() -> None:
    m = _map()
    m.add_source(argmap.Source(id="blog", title="A blog"))
    m.premise(
        "p",
        "P.",
        quotes=[
            argmap.Quote(source="un", text="one"),
            argmap.Quote(source="blog", text="two"),
            argmap.Quote(source="un", text="three"),
            argmap.Quote(source="art", text="Executions fell"),  # verified: not reported
        ],
    )
    m.support("p", "c")
    assert _nodes(m, "AM304") == [("p", "blog", "un")]


def test_am304_verified_quotes_are_not_reported() -> None:
    m = _map()
    m.case("k", "Executions fell.", quotes=["Executions fell"], source="art")
    m.support("k", "c")
    assert _nodes(m, "AM304") == []
