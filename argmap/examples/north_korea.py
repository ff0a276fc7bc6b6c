"""The flagship example: a close reading of "Pressure on the North Korean Human Rights Problem is
Effective".

The article recommends that human rights top the agenda of every negotiation with North Korea,
because pressure on the regime works; it offers five cases and answers one objection (raising
human rights makes North Korea leave the talks).

How the map reads the article:

- **One thesis, said twice.** The title says pressure is *effective*; the opening sentence says
  the same of "efforts to raise awareness", hedged ("mostly succeeded"). Both are quoted by one
  claim, ``pressure``, as Argdown gathers several wordings of one statement.
- **"Despite" is not a reason.** The opening's "strong opposition to openly raising the North
  Korean human rights issue" is the people who hold the objection the last paragraph rejects
  (raising human rights at the table drives North Korea from the talks): ``withdrawal`` quotes
  both. A concession names what the thesis stands against; it does not support it.
- **Three routes to the thesis, each with what it shows.** What the cases show is kept apart:
  the regime *conceded* what it had refused (Britain, Japan: ``concedes``), its abuses *eased*
  (the defectors and the executions: ``abuses_fell``, a cause read from a sequence), and it
  *reacts*, unable to ignore the campaigns (the executions and Amnesty: ``reacts``, a sign).
  Concessions and eased abuses are evidence that pressure worked, each on its own route to
  ``pressure``; only the reactions reach it as a sign.
- **The Amnesty case cuts both ways.** The article offers it as a reaction; the analyst reads in
  it two objections it grounds: the regime hid the abuse rather than end it, so reacting is no
  sign of effect (``prisoners_moved`` undercuts only the step from ``reacts`` to ``pressure``);
  and a regime that empties its camps before showing them can take executions out of sight, so
  fewer *public* executions need not mean fewer executions (``public_only`` undercuts only the
  step from the executions case to ``abuses_fell``).
- **The practical inference** to "human rights at the top of every negotiation" is linked: pressure
  works (``pressure``), improving human rights is an aim that outranks its cost (``goal``, taken
  for granted: an assumption), and what moved North Korea in these cases would move it in *all*
  negotiations, *economic or nuclear*, with rights at the *top* (``transfer``). The cases are
  campaigns, a UN demand and two bilateral relationships; the article never argues the transfer,
  so the report finds that the central claim does not reach evidence through it.
- **Quotes are verbatim** and never cross the article's one stray paragraph break (in the middle
  of "the United Nations / Commission on Human Rights"). No case cites a source, because the
  article names none; "it is known to us" is kept as the defectors case's ``attribution``.
- **What is the analyst's.** Every statement, support or attack that is not in the text is marked
  the same way: ``data={"by": "analyst"}`` and a note that starts "Analyst:"; statements also carry
  the ``analyst`` tag, which the diagram shows. Those are the goal and transfer premises; the
  generalisations that gather the article's cases in words it does not use (``concedes``,
  ``abuses_fell``, ``keeps_relations``, which still quote the words they gather); the two
  objections from the Amnesty case, their grounding in it and their undercuts; and the reading of
  the Japan concession as support for the withdrawal objection. The other supports are the
  article's own, implicit in where it puts its cases.
- **Acknowledged findings.** Where the report finds a weakness of the text that the map records
  on purpose, the node carries ``acknowledge`` with the reason, so the report can tell a weak text
  from a broken map. Missing sources are left open: a reader could still go and find them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Final

from argmap.map import ArgumentMap
from argmap.model import Source

__all__ = ["ANALYST", "ARTICLE_ID", "article_text", "north_korea"]

ARTICLE_ID = "article"
_ARTICLE_FILE = "pressure-on-north-korean-human-rights.txt"

ANALYST: Final = MappingProxyType({"by": "analyst"})
"""The ``data`` of every node that is the analyst's, not the article's."""


@cache
def article_text() -> str:
    """Return the article's full text, as shipped with the package."""
    return files("argmap.examples").joinpath("articles", _ARTICLE_FILE).read_text("utf-8")


def north_korea() -> ArgumentMap:
    """Build the map of the article "Pressure on the North Korean Human Rights Problem is Effective".

    Returns a new map each call, so it can be changed freely.

    Examples:
        >>> m = north_korea()
        >>> m[m.central].text
        'Every negotiation with North Korea, economic or nuclear, must put North Korean human rights at the top of its agenda.'
        >>> [a.premises for a in m.attacks_on("withdrawal")]
        [('unfounded',)]
        >>> m["u_amnesty"].target, m["s_effective"].premises
        ('s_effective', ('reacts',))
        >>> m.supporters("pressure")
        ['reacts', 'concedes', 'abuses_fell']
    """  # noqa: E501
    m = ArgumentMap(title="Pressure on the North Korean Human Rights Problem is Effective")
    _statements(m)
    _cases(m)
    _inferences(m)
    m.central = "agenda"
    return m


def _statements(m: ArgumentMap) -> None:
    """The article's claims and objection, and the analyst's premises and generalisations."""
    a = ARTICLE_ID
    m.add_source(
        Source(
            id=a,
            title="Pressure on the North Korean Human Rights Problem is Effective",
            text=article_text(),
        )
    )

    # -- what the article concludes, and what the practical inference needs --------------------
    m.claim(
        "agenda",
        "Every negotiation with North Korea, economic or nuclear, must put North Korean human "
        "rights at the top of its agenda.",
        quotes=[
            "All the negotiations with North Korea, may it be economic or nuclear, must include "
            "North Korean human rights at the top of the agenda."
        ],
        source=a,
        acknowledge={
            "unevidenced-claim": "The article never argues that what moved North Korea in its "
            "cases (campaigns, a UN demand, two bilateral talks) would move it in all "
            "negotiations, economic or nuclear, with rights at the top; the map records the "
            "missing transfer on purpose."
        },
    )
    m.premise(
        "goal",
        "Improving North Korean human rights is an aim of every negotiation with North Korea, "
        "economic or nuclear, and it outranks what raising them may cost those negotiations.",
        tags=("analyst",),
        data=ANALYST,
        assumption=True,
        note=(
            "Analyst: the goal that practical reasoning needs and the article takes for granted. "
            "That pressure works shows only that raising human rights can achieve something; "
            "putting them at the top of every agenda also needs that it is worth more there than "
            "what the negotiations are for."
        ),
    )
    m.premise(
        "transfer",
        "What moved North Korea when human-rights organisations, the UN Commission on Human "
        "Rights, Britain and Japan pressed it would move it in every negotiation, economic or "
        "nuclear, with human rights at the top of the agenda.",
        tags=("analyst",),
        data=ANALYST,
        note=(
            "Analyst: the premise that carries the cases to the conclusion, which the article "
            "never states or argues. Its evidence is campaigns, a UN demand and two bilateral "
            "relationships; its conclusion is about all negotiations, economic or nuclear, with "
            "rights at the top. Whether these situations are alike is a matter of fact, not a "
            "value, so the map does not assume it: it stays a premise with no support."
        ),
    )

    # -- the thesis, said twice, and what the cases show of it ---------------------------------
    m.claim(
        "pressure",
        "Pressure on North Korea over its human-rights record is effective: international "
        "efforts to raise awareness of it have mostly succeeded.",
        quotes=[
            "Pressure on the North Korean Human Rights Problem is Effective",
            "International efforts to raise awareness on North Korean human rights have mostly "
            "succeeded",
        ],
        source=a,
        note=(
            "The title's thesis, restated by the opening sentence: the efforts to raise awareness "
            "are the pressure whose effect the cases report. 'Mostly' concedes failures the "
            "article never shows; the conclusion then asks for all negotiations."
        ),
    )
    m.claim(
        "reacts",
        "Pyongyang reacts to human-rights pressure: it cannot ignore the campaigns about its "
        "public executions and its prison camps.",
        quotes=[
            "We can discover similar reactions of Pyongyang in regards to the North Korean "
            "defector problem.",
            "We have seen that North Korean government is unable to ignore domestic and foreign "
            "human rights organizations’ efforts in increasing awareness on North Korea’s public "
            "executions and gulags.",
        ],
        source=a,
        note=(
            "The article's two words for what its cases show: 'similar reactions' (of the "
            "defectors case to the British and Japanese ones) and 'unable to ignore' (the "
            "campaigns on executions and camps). What the British and Japanese cases show is a "
            "concession, and what the defectors case shows an effect: they reach the thesis on "
            "their own routes. Here stays what shows only that the regime responds."
        ),
    )
    m.claim(
        "concedes",
        "Pressed on human rights, North Korea concedes what it had refused: it agreed to discuss "
        "human rights with Britain, and it admitted the abductions to Japan and apologised.",
        quotes=[
            "North Korea has agreed to discuss human rights with Britain",
            "later admitted it and officially apologized",
        ],
        source=a,
        tags=("analyst",),
        data=ANALYST,
        note=(
            "Analyst: the article calls these 'reactions'; what it reports of them is more, the "
            "regime yielding, in words, on what it had denied. The generalisation from two cases "
            "is the analyst's; its words are the article's."
        ),
    )
    m.claim(
        "abuses_fell",
        "Pressure made North Korea ease its abuses: it punished repatriated defectors less "
        "harshly, and public executions fell to close to none.",
        quotes=[
            "the level of punishment has been alleviated",
            "the number of public executions decreased to close to none",
        ],
        source=a,
        tags=("analyst",),
        data=ANALYST,
        note=(
            "Analyst: the article's strongest evidence, two fragments from two paragraphs "
            "gathered into one claim of effect; the article never states it whole."
        ),
    )

    # -- the objection the article concedes and answers ----------------------------------------
    m.rebuttal(
        "withdrawal",
        "Raising North Korean human rights at the table will make the North Korean government "
        "withdraw from its talks with the international community: the argument of the strong "
        "opposition to raising the issue openly.",
        quotes=[
            "the strong opposition to openly raising the North Korean human rights issue",
            "raising North Korean human rights issue on the table will lead North Korean "
            "government to withdraw from the talks with the international community",
        ],
        source=a,
        note=(
            "The opening sentence names who holds it ('despite the strong opposition'), the last "
            "paragraph states it, only to reject it; both speak of raising the issue openly, at "
            "the table, and the article names no other argument against doing so. 'Despite' "
            "concedes the objection; it gives no reason for the thesis."
        ),
    )
    m.claim(
        "unfounded",
        "The objection that raising human rights drives North Korea from the talks is unfounded.",
        quotes=[
            "The argument that raising North Korean human rights issue on the table will lead "
            "North Korean government to withdraw from the talks with the international community "
            "is unfounded."
        ],
        source=a,
    )
    m.claim(
        "keeps_relations",
        "North Korea keeps up its relations with the countries that press it on human rights, as "
        "it did with Japan.",
        quotes=["North Korea maintained its relations with Japan as has been the pattern."],
        source=a,
        tags=("analyst",),
        data=ANALYST,
        note=(
            "Analyst: the article says this of Japan ('as has been the pattern'); widening it to "
            "every country that presses North Korea, Britain included, is the analyst's."
        ),
    )
    m.premise(
        "japan_friction",
        "At times, relations between Japan and North Korea seemed to deteriorate.",
        quotes=["there were times that Japan-North Korea relations seemed to deteriorate"],
        source=a,
        tags=("concession",),
        note=(
            "The article's own concession ('Needless to say'), answered in the same sentence: "
            "North Korea kept the relations up."
        ),
    )


def _cases(m: ArgumentMap) -> None:
    """The five cases, each quoting the article (none cites a source), and the analyst's two
    objections that the Amnesty case grounds."""
    a = ARTICLE_ID
    m.case(
        "uk",
        "Britain refused all North Korean invitations to talks until North Korea agreed to "
        "address human rights; North Korea, which denied any violations, agreed, and Bill "
        "Rammell became the first British minister to visit.",
        quotes=[
            "A few months ago, North Korea and Britain agreed to discuss human rights.",
            "The UK had been consistent in that it refused all previous invitations for talks from "
            "North Korea until North Korea agreed to address human rights in the talks whereas "
            "North Korea has repeatedly refused that human rights violations are taking place.",
            "North Korea has agreed to discuss human rights with Britain and Britain’s foreign "
            "office minister, Bill Rammell visited North Korea as the first British minister ever "
            "to visit North Korea.",
        ],
        source=a,
        when="a few months before the article",
        who=("United Kingdom", "North Korea", "Bill Rammell, British foreign office minister"),
        note="The article names no source for the talks or the visit.",
    )
    m.case(
        "japan",
        "Japan made its abducted citizens the top of its summit agenda; the Kim Jong Il regime "
        "first denied any abduction, then admitted it and apologised officially. Relations at "
        "times seemed to deteriorate, but North Korea kept them up.",
        quotes=[
            "The Japanese government’s top agenda for the summit with North Korea was Japanese "
            "abductees to North Korea until recently.",
            "Kim Jong Il regime denied any abduction took place in Japan but later admitted it and "
            "officially apologized.",
            "Needless to say, there were times that Japan-North Korea relations seemed to "
            "deteriorate, but North Korea maintained its relations with Japan as has been the "
            "pattern.",
        ],
        source=a,
        who=("Government of Japan", "Kim Jong Il regime"),
        note=(
            "The case cuts both ways: it concedes that relations seemed to deteriorate "
            "(japan_friction). 'Until recently' says the abductees led Japan's agenda until a "
            "short time ago, so Japan may have stopped pressing; the article dates neither the "
            "denial nor the admission. The abductees are Japanese citizens: whether a concession "
            "about them bears on North Korean human rights is the question the report asks of "
            "the case as an example (example.supports). No source is named."
        ),
    )
    m.case(
        "defectors",
        "In the mid-1990s North Korea punished every repatriated defector harshly, some with the "
        "camps or death; as human-rights organisations kept raising the problem, the punishment "
        "was reportedly eased.",
        quotes=[
            "In mid-1990s, the government of North Korea strictly punished all the North Korean "
            "defectors who had been repatriated.",
            # Verbatim, the article's typo included.
            "There were some cases where defectors were sent to concentration camps or were "
            "exectued.",
            "as domestic and foreign human rights organizations consistently raised the problem "
            "of North Korean defectors and as the human rights of North Korean defectors became "
            "more of an international issue, it is known to us that the level of punishment has "
            "been alleviated.",
        ],
        source=a,
        when="mid-1990s and after",
        who=(
            "Government of North Korea",
            "repatriated North Korean defectors",
            "domestic and foreign human-rights organisations",
        ),
        attribution="it is known to us",
        note=(
            "The easing rests on the author's word alone; 'as ... raised the problem' gives a "
            "sequence, and the map puts the cause it implies in the support to abuses_fell."
        ),
    )
    m.case(
        "executions",
        "Public executions, most frequent in 1997-1998, fell to close to none after "
        "international human-rights organisations kept speaking out about them and the UN "
        "Commission on Human Rights demanded a human-rights report from North Korea.",
        quotes=[
            "In the years 1997-1998 when public execution took place in North Korea most "
            "frequently, it is known to us that the methods of execution included hanging, "
            "shooting, and being burnt at the stake.",
            "as international human rights organizations continued to voice the seriousness of "
            "North Korea’s public executions and after the United Nations",
            "Commission on Human Rights strongly demanded North Korea to give a human rights "
            "report, the number of public executions decreased to close to none.",
        ],
        source=a,
        when="1997-1998, then after the UN Commission's demand",
        who=(
            "Government of North Korea",
            "international human-rights organisations",
            "United Nations Commission on Human Rights",
        ),
        note=(
            "'It is known to us' hedges only the methods of 1997-1998; the decline to close to "
            "none is asserted with no source and no figures, and it is a decline of *public* "
            "executions."
        ),
    )
    m.case(
        "amnesty",
        "When Amnesty International asked North Korea in the early 1990s to open its "
        "concentration camps, North Korea moved all the prisoners to other prisons and opened "
        "the identified camps to the international community.",
        quotes=[
            "there is a case when Amnesty International asked North Korea to open its "
            "concentration camps to the public in the early 1990s, North Korea removed all its "
            "prisoners to other prisons and opened identified concentration camps to the "
            "international community."
        ],
        source=a,
        when="early 1990s",
        who=("Amnesty International", "North Korea"),
        note=(
            "The article adds it with 'Furthermore' after the executions case, but it came years "
            "earlier, before the 1997-1998 peak of public executions. It names no source for the "
            "request or the visit to the camps."
        ),
    )

    # -- the analyst's objections, grounded in the Amnesty case --------------------------------
    m.rebuttal(
        "prisoners_moved",
        "North Korea answered Amnesty by moving every prisoner out before opening the camps: it "
        "reacted by hiding the abuse, not by ending it. Reacting to pressure is not yielding to "
        "it.",
        quotes=["North Korea removed all its prisoners to other prisons"],
        source=a,
        tags=("analyst",),
        data=ANALYST,
        note=(
            "Analyst: not raised by the article, which offers the Amnesty case as a success. It "
            "grants that the regime reacts; it denies that reacting shows pressure works."
        ),
    )
    m.rebuttal(
        "public_only",
        "Fewer public executions need not mean fewer executions: a regime that emptied its camps "
        "before showing them can take executions out of sight.",
        tags=("analyst",),
        data=ANALYST,
        note=(
            "Analyst: the article reports a decline of public executions only, with no figures. "
            "The Amnesty case shows the regime hiding what it is pressed on; and it came before "
            "the 1997-1998 peak, so opening the camps did not stop what followed."
        ),
    )


def _inferences(m: ArgumentMap) -> None:
    """The supports and attacks: the article's, implicit in where it puts its cases, and the
    analyst's, marked."""
    # -- the practical inference, and the objection to it -------------------------------------
    m.support(
        ["pressure", "goal", "transfer"],
        "agenda",
        id="s_agenda",
        scheme="practical_reasoning",
        answered={"practical_reasoning.side-effects": "unfounded"},
        note=(
            "Linked: pressure on human rights works (the means); what worked in the article's "
            "cases would work at the top of every negotiation (the transfer, the analyst's); "
            "improving human rights is an aim that outranks the cost (the goal, the analyst's). "
            "So put them at the top."
        ),
    )
    m.attack("withdrawal", "agenda", id="a_withdrawal")
    m.attack("unfounded", "withdrawal", id="a_unfounded")
    m.support("keeps_relations", "unfounded", id="s_unfounded")
    m.support("japan", "keeps_relations", id="s_japan_relations", scheme="example")
    m.support(
        "uk",
        "keeps_relations",
        id="s_uk_relations",
        scheme="example",
        note="North Korea accepted human rights on the agenda rather than forgo the talks.",
    )
    m.support(
        "japan_friction",
        "withdrawal",
        id="s_friction",
        data=ANALYST,
        acknowledge={
            "unsupported-premises": "The concession is the article's own word against itself; "
            "it needs no evidence to count for the objection."
        },
        note=(
            "Analyst: the concession is the one piece of the article's evidence that speaks for "
            "the objection; the article answers it with the pattern of kept relations."
        ),
    )

    # -- three routes to the thesis ------------------------------------------------------------
    m.support(
        "reacts",
        "pressure",
        id="s_effective",
        scheme="sign",
        note="The regime's reactions are read as the sign that pressure works.",
    )
    m.support(
        "concedes",
        "pressure",
        id="s_concedes",
        scheme="verbal_classification",
        note=(
            "Winning concessions the regime had refused counts as pressure working; how "
            "strongly is the classification's question, since the concessions are words (to "
            "discuss, to admit, to apologise) and the article reports no change they brought."
        ),
    )
    m.support(
        "abuses_fell",
        "pressure",
        id="s_abuses",
        note=(
            "An effect of pressure is what 'effective' means: the step is as strong as the effect "
            "is real, and the doubts about that sit below it (hearsay, post hoc, public "
            "executions only)."
        ),
    )

    # -- the cases, each to what it shows ------------------------------------------------------
    m.support("uk", "concedes", id="s_uk", scheme="example")
    m.support(
        "japan",
        "concedes",
        id="s_japan",
        scheme="example",
        note=(
            "The abductees are Japanese citizens: does an admission about them instance "
            "pressure on North Korean human rights? The report leaves example.supports open."
        ),
    )
    m.support(
        "defectors",
        "abuses_fell",
        id="s_defectors",
        scheme="correlation_to_cause",
        note="Post hoc: punishment eased 'as' the organisations raised the problem.",
    )
    m.support(
        "executions",
        "abuses_fell",
        id="s_executions",
        scheme="correlation_to_cause",
        note="Post hoc: executions fell 'as' organisations spoke out and 'after' the UN's demand.",
    )
    m.support(
        "executions",
        "reacts",
        id="s_executions_ignore",
        scheme="correlation_to_cause",
        note=(
            "Post hoc again: 'unable to ignore' reads the same fall as the government's response "
            "to the campaigns."
        ),
    )
    m.support(
        "amnesty",
        "reacts",
        id="s_amnesty",
        scheme="example",
        note="Asked to open its camps, the regime opened them: the reaction the article offers.",
    )

    # -- the analyst's objections: what the Amnesty case grounds, and what they strike ---------
    m.support(
        "amnesty",
        "prisoners_moved",
        id="s_prisoners",
        scheme="example",
        data=ANALYST,
        note="Analyst: the emptied camps are the instance of reacting without yielding.",
    )
    m.support(
        "amnesty",
        "public_only",
        id="s_public",
        scheme="example",
        data=ANALYST,
        note=(
            "Analyst: the emptied camps instance a regime that hides what it is pressed on; "
            "pressed on public executions, it could hide the executions."
        ),
    )
    m.attack(
        "prisoners_moved",
        "s_effective",
        id="u_amnesty",
        question="sign.other-events",
        data=ANALYST,
        acknowledge={
            "unanswered-attack": "The article offers the Amnesty case as a success and never "
            "notices the emptied camps; the objection stands unanswered."
        },
        note=(
            "Analyst: an undercutter. Evasion accounts for the reaction as well as yielding does, "
            "so the reaction is no sign that pressure works. It strikes that step only: the "
            "concessions and the eased abuses reach the thesis on routes of their own."
        ),
    )
    m.attack(
        "public_only",
        "s_executions",
        id="u_public",
        data=ANALYST,
        acknowledge={
            "unanswered-attack": "The article reports public executions only and never asks "
            "where the others went; the objection stands unanswered."
        },
        note=(
            "Analyst: an undercutter. It grants that public executions fell and denies that this "
            "shows the abuse eased; it leaves the step to 'unable to ignore' alone, since hiding "
            "executions is a reaction too."
        ),
    )
