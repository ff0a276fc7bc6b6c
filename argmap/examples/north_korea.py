"""The flagship example: a close reading of "Pressure on the North Korean Human Rights Problem is
Effective".

The article recommends that human rights top the agenda of every negotiation with North Korea,
because pressure on the regime works; it offers five cases and answers one objection (raising
human rights makes North Korea leave the talks).

How the map reads the article:

- **Two theses, and the slide between them.** The title says pressure is *effective*; the opening
  sentence says efforts to raise *awareness* have mostly succeeded; the cases show the regime
  *reacting*; only two of them report abuses *falling*. The map keeps the four apart as a chain
  of supports, ``abuses_fell`` -> ``reacts`` -> ``pressure`` -> ``awareness``, so each step can be
  questioned on its own. The opening's "despite the strong opposition" is a statement of its own
  (``opposition``), which the article asserts and never supports.
- **The practical inference** from "pressure works" to "human rights at the top of every
  negotiation" is a linked support with a goal premise (``goal``) the article takes for granted:
  improving human rights is an aim of those negotiations and outranks what it may cost them.
- **Causation inside cases.** The defectors and executions cases say "as the organisations raised
  it, punishment eased / executions fell": a sequence offered as a cause. Their step to
  ``abuses_fell`` is an argument from correlation to cause, so the report asks whether something
  else explains the change.
- **The Amnesty undercut** grants that North Korea reacted (it opened the camps) and denies that
  reacting shows pressure *works* (it emptied them first): it attacks the step from ``reacts`` to
  ``pressure``, an argument from sign, and raises that scheme's "other events" question.
- **The Japan concession**: relations "seemed to deteriorate" (``japan_friction``), the one piece
  of the article's evidence that speaks for the objection it rejects.
- **Quotes are verbatim** and never cross the article's one stray paragraph break (in the middle
  of "the United Nations / Commission on Human Rights"). No case cites a source, because the
  article names none; "it is known to us" is kept as the defectors case's ``attribution``.
- **What is the analyst's.** Every statement, support or attack that is not in the text is marked
  the same way: ``data={"by": "analyst"}`` and a note that starts "Analyst:"; statements also carry
  the ``analyst`` tag, which the diagram shows. Those are the goal premise, the prisoners
  objection and its undercut, and the reading of the Japan concession as support for the
  objection. The other supports are the article's own, implicit in where it puts its cases.
- **Acknowledged findings.** Where the report finds a weakness of the text that the map records
  on purpose, the node carries ``acknowledge`` with the reason, so the report can tell a weak text
  from a broken map.
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
    """  # noqa: E501
    m = ArgumentMap(title="Pressure on the North Korean Human Rights Problem is Effective")
    a = ARTICLE_ID
    m.add_source(
        Source(
            id=a,
            title="Pressure on the North Korean Human Rights Problem is Effective",
            text=article_text(),
        )
    )

    # -- what the article concludes ------------------------------------------------------------
    m.claim(
        "agenda",
        "Every negotiation with North Korea, economic or nuclear, must put North Korean human "
        "rights at the top of its agenda.",
        quotes=[
            "All the negotiations with North Korea, may it be economic or nuclear, must include "
            "North Korean human rights at the top of the agenda."
        ],
        source=a,
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

    # -- the slide: awareness succeeded / pressure works / the regime reacts / abuses fell ------
    m.claim(
        "awareness",
        "International efforts to raise awareness of North Korean human rights have mostly "
        "succeeded, despite strong opposition to raising the issue openly.",
        quotes=[
            "International efforts to raise awareness on North Korean human rights have mostly "
            "succeeded despite the strong opposition to openly raising the North Korean human "
            "rights issue."
        ],
        source=a,
        note=(
            "The opening thesis. It is about awareness campaigns succeeding; what the cases show "
            "is the regime reacting to pressure."
        ),
        acknowledge={
            "unevidenced-claim": "As the article states it, 'despite the strong opposition', it "
            "rests on the opposition it never supports."
        },
    )
    m.claim(
        "opposition",
        "There is strong opposition to raising North Korean human rights openly.",
        quotes=["the strong opposition to openly raising the North Korean human rights issue"],
        source=a,
        note=(
            "Asserted in a subordinate clause and never supported: the article names no opponent "
            "and shows nothing of the opposition's strength."
        ),
        acknowledge={
            "unsupported-claim": "The article asserts the opposition and never supports it; "
            "the map records the bare assertion on purpose."
        },
    )
    m.claim(
        "pressure",
        "Pressure on North Korea over its human-rights record is effective.",
        quotes=["Pressure on the North Korean Human Rights Problem is Effective"],
        source=a,
        note="The title's thesis, the premise of the practical inference.",
        acknowledge={
            "undercut-claim": "The article's only route to its thesis is the regime's reactions; "
            "the emptied camps show a reaction is no sign of effect, and the article never "
            "replies."
        },
    )
    m.claim(
        "reacts",
        "Pyongyang reacts to pressure over human rights.",
        quotes=[
            "We can discover similar reactions of Pyongyang in regards to the North Korean "
            "defector problem."
        ],
        source=a,
        note="'Similar reactions' ties the defectors to the British and Japanese cases before it.",
    )
    m.claim(
        "cannot_ignore",
        "The North Korean government cannot ignore human-rights organisations' campaigns about "
        "its public executions and its prison camps.",
        quotes=[
            "We have seen that North Korean government is unable to ignore domestic and foreign "
            "human rights organizations’ efforts in increasing awareness on North Korea’s public "
            "executions and gulags."
        ],
        source=a,
    )
    m.claim(
        "abuses_fell",
        "The campaigns made North Korea ease its abuses: it punished repatriated defectors less "
        "harshly, and public executions fell to close to none.",
        quotes=[
            "the level of punishment has been alleviated",
            "the number of public executions decreased to close to none",
        ],
        source=a,
        note="The article's strongest claim, and the one only two cases support.",
    )

    # -- the objection the article answers, and its answer ---------------------------------------
    m.rebuttal(
        "withdrawal",
        "Raising North Korean human rights at the table will make the North Korean government "
        "withdraw from its talks with the international community.",
        quotes=[
            "raising North Korean human rights issue on the table will lead North Korean "
            "government to withdraw from the talks with the international community"
        ],
        source=a,
        note="The article states the objection only to reject it; it names no one who holds it.",
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
        "North Korea keeps up its relations with the countries that press it on human rights.",
        quotes=["North Korea maintained its relations with Japan as has been the pattern."],
        source=a,
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

    # -- the five cases: each quotes the article; none cites a source --------------------------
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
            "(japan_friction). The article dates none of it: 'until recently' says how long the "
            "abductees led Japan's agenda, not when the denial, admission or apology came. No "
            "source is named."
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
        note="The article names no source for the request or the visit to the camps.",
    )

    # -- the analyst's objection, drawn from the article's own words ---------------------------
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

    # -- inferences ------------------------------------------------------------------------------
    m.support(
        ["pressure", "goal"],
        "agenda",
        id="s_agenda",
        scheme="practical_reasoning",
        answered={"practical_reasoning.side-effects": "unfounded"},
        note=(
            "Linked: pressure on human rights works (the means) and improving them is an aim "
            "that outranks the cost (the goal, the analyst's); so put them at the top."
        ),
    )
    m.support(
        ["pressure", "opposition"],
        "awareness",
        id="s_awareness",
        note=(
            "The slide between the two theses: the article shows pressure working on the regime "
            "and opens with awareness campaigns succeeding, against opposition; linked, because "
            "'despite' needs both."
        ),
    )
    m.support(
        "reacts",
        "pressure",
        id="s_effective",
        scheme="sign",
        note="The regime's reactions are read as the sign that pressure works.",
    )
    m.support("uk", "reacts", id="s_uk", scheme="example")
    m.support("japan", "reacts", id="s_japan", scheme="example")
    m.support("abuses_fell", "reacts", id="s_abuses", scheme="example")
    m.support("cannot_ignore", "reacts", id="s_ignore", scheme="example")
    m.support(
        "executions",
        "cannot_ignore",
        id="s_executions_ignore",
        scheme="correlation_to_cause",
        note="Post hoc again: 'cannot ignore' says the campaigns moved the government.",
    )
    m.support("amnesty", "cannot_ignore", id="s_amnesty", scheme="example")
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
    m.support("japan", "keeps_relations", id="s_japan_relations", scheme="example")
    m.support(
        "uk",
        "keeps_relations",
        id="s_uk_relations",
        scheme="example",
        note="North Korea accepted human rights on the agenda rather than forgo the talks.",
    )
    m.support("keeps_relations", "unfounded", id="s_unfounded")
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
    m.attack("withdrawal", "agenda", id="a_withdrawal")
    m.attack("unfounded", "withdrawal", id="a_unfounded")
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
            "so the reaction is no sign that pressure works."
        ),
    )
    m.central = "agenda"
    return m
