"""The flagship example: a close reading of "Pressure on the North Korean Human Rights Problem is
Effective".

The article argues that international pressure on North Korea's human-rights record works
(five cases) and so that human rights belong at the top of every negotiation with North Korea;
it answers one objection (raising human rights makes North Korea leave the talks).

How the map reads the article, and where it records the article's weaknesses as data:

- Every statement quotes the article verbatim; quotes never cross the article's one stray paragraph
  break (in the middle of "the United Nations / Commission on Human Rights").
- No case cites a source: ``cites`` is empty for all five, because the article names none. Two
  cases rest on the author's hearsay, "it is known to us"; it is kept verbatim as ``attribution``
  where it vouches for the case's point (the defectors' lighter punishment). For the executions the
  hedge covers only the background (the methods of 1997-1998); the decline itself is asserted with
  no source at all, which the case's note says.
- The Amnesty case cuts both ways: the regime did answer the request, but by moving every prisoner
  out before showing the camps. The article does not notice this; the map records it as an
  undercutter drawn from the article's own words, tagged ``analyst``, left unanswered.
- The regime's reactions lead to "pressure is effective" by an argument from cause to effect; the
  cases lead to their generalisations by arguments from example; the central claim follows by
  practical reasoning, whose side-effects question the article answers by rejecting the withdrawal
  objection.
- Nothing is added that the article does not say, except that undercutter and the article's
  implicit inference structure.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from argmap.map import ArgumentMap
from argmap.model import Source

__all__ = ["ARTICLE_ID", "article_text", "north_korea"]

ARTICLE_ID = "article"
_ARTICLE_FILE = "pressure-on-north-korean-human-rights.txt"


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

    # -- the claims ----------------------------------------------------------------------------
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
    m.claim(
        "pressure",
        "International pressure on North Korea's human-rights record is effective: efforts to "
        "raise awareness have mostly succeeded despite strong opposition to raising the issue "
        "openly.",
        quotes=[
            "Pressure on the North Korean Human Rights Problem is Effective",
            "International efforts to raise awareness on North Korean human rights have mostly "
            "succeeded despite the strong opposition to openly raising the North Korean human "
            "rights issue.",
        ],
        source=a,
    )
    m.claim(
        "cannot_ignore",
        "The North Korean government cannot ignore domestic and foreign human-rights "
        "organisations' campaigns: it reacts to them.",
        quotes=[
            "We have seen that North Korean government is unable to ignore domestic and foreign "
            "human rights organizations’ efforts in increasing awareness on North Korea’s public "
            "executions and gulags.",
            "We can discover similar reactions of Pyongyang in regards to the North Korean "
            "defector problem.",
        ],
        source=a,
    )
    m.claim(
        "keeps_relations",
        "North Korea keeps up its relations with a country even when that country's "
        "human-rights demands cause friction.",
        quotes=[
            "there were times that Japan-North Korea relations seemed to deteriorate, but North "
            "Korea maintained its relations with Japan as has been the pattern."
        ],
        source=a,
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
        "first denied any abduction, then admitted it and apologised officially.",
        quotes=[
            "The Japanese government’s top agenda for the summit with North Korea was Japanese "
            "abductees to North Korea until recently.",
            "Kim Jong Il regime denied any abduction took place in Japan but later admitted it and "
            "officially apologized.",
        ],
        source=a,
        when="until recently (no date given)",
        who=("Government of Japan", "Kim Jong Il regime"),
        note="The article names no source and no date for the summit or the apology.",
    )
    m.case(
        "defectors",
        "In the mid-1990s North Korea punished every repatriated defector harshly, some with the "
        "camps or death; after human-rights organisations kept raising the problem, the "
        "punishment was reportedly eased.",
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
        note="The easing of punishment rests on the author's word alone; no source is named.",
    )
    m.case(
        "executions",
        "Public executions, most frequent in 1997-1998, fell to close to none after "
        "international organisations kept voicing their seriousness and the UN Commission on "
        "Human Rights demanded a human-rights report.",
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
            "none is asserted with no source and no figures."
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

    # -- the objection the article answers -----------------------------------------------------
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
    # -- a weakness of the article's own evidence, recorded by the analyst --------------------
    m.rebuttal(
        "prisoners_moved",
        "North Korea answered Amnesty by moving every prisoner out before opening the camps: the "
        "regime reacted by hiding the abuse, not by ending it, so the case shows evasion as much "
        "as effect.",
        quotes=["North Korea removed all its prisoners to other prisons"],
        source=a,
        tags=("analyst",),
        note="Not raised by the article; drawn from its own words by the analyst.",
    )

    # -- inferences ----------------------------------------------------------------------------
    m.support(
        "pressure",
        "agenda",
        id="s_agenda",
        scheme="practical_reasoning",
        answered={"practical_reasoning.side-effects": "unfounded"},
        note="Pressure works, so it belongs at the top of every negotiation's agenda.",
    )
    m.support("cannot_ignore", "pressure", id="s_pressure", scheme="cause_to_effect")
    m.support("uk", "pressure", id="s_uk", scheme="example")
    m.support("japan", "pressure", id="s_japan", scheme="example")
    m.support("defectors", "cannot_ignore", id="s_defectors", scheme="example")
    m.support("executions", "cannot_ignore", id="s_executions", scheme="example")
    m.support("amnesty", "cannot_ignore", id="s_amnesty", scheme="example")
    m.support("japan", "keeps_relations", id="s_japan_relations", scheme="example")
    m.support(
        "uk",
        "keeps_relations",
        id="s_uk_relations",
        scheme="example",
        note="North Korea accepted human rights on the agenda rather than forgo the talks.",
    )
    m.support("keeps_relations", "unfounded", id="s_unfounded")
    m.attack("withdrawal", "agenda", id="a_withdrawal")
    m.attack("unfounded", "withdrawal", id="a_unfounded")
    m.attack(
        "prisoners_moved",
        "s_amnesty",
        id="u_amnesty",
        question="example.supports",
        note="An undercutter: it grants the case but denies that it shows what it is used for.",
    )
    m.central = "agenda"
    return m
