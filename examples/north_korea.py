# %% [markdown]
# # Mapping a real article: "Pressure on the North Korean Human Rights Problem is Effective"
#
# This notebook reads one short article closely. We build the start of its map by hand (the
# central claim, the thesis it rests on, one case with its quotes, the objection it answers),
# then load the full map that ships with argmap, draw it, check it for support gaps, and ask
# what the central claim depends on. This file is the plain-script twin of `north_korea.ipynb`.

# %%
import tempfile
from pathlib import Path

import argmap
from argmap.examples import ARTICLE_ID, article_text, north_korea

out = Path(tempfile.mkdtemp(prefix="argmap-north-korea-"))  # files go here, not beside the notebook

print(article_text()[:400], "...")

# %% [markdown]
# ## 1. The source, and the central claim
#
# Every quote in the map is checked against the article's text, verbatim, curly apostrophes and
# the article's own typos included.

# %%
m = argmap.ArgumentMap(title="The article, by hand")
m.add_source(
    argmap.Source(id=ARTICLE_ID, title="Pressure on ... is Effective", text=article_text())
)
m.claim(
    "agenda",
    "Every negotiation with North Korea must put human rights at the top of its agenda.",
    quotes=["must include North Korean human rights at the top of the agenda"],
    source=ARTICLE_ID,
)
m.claim(
    "pressure",
    "International pressure on North Korea's human-rights record is effective.",
    quotes=["Pressure on the North Korean Human Rights Problem is Effective"],
    source=ARTICLE_ID,
)
m.support("pressure", "agenda", id="s_agenda", scheme="practical_reasoning")
m.central = "agenda"

# %% [markdown]
# ## 2. A case: evidence, with its quotes
#
# A case keeps apart where its *words* come from (`quotes`) and what the article *cites as
# evidence* for it (`cites`). This article cites nothing, so `cites` stays empty; the defectors
# case also carries the article's hedge, "it is known to us". Its point ("as organisations
# raised it, punishment eased") is a sequence offered as a cause, so the support names the
# scheme *argument from correlation to cause*, whose critical questions ask about other causes.

# %%
defectors = m.case(
    "defectors",
    "After human-rights organisations kept raising it, punishment of repatriated defectors eased.",
    quotes=["it is known to us that the level of punishment has been alleviated"],
    source=ARTICLE_ID,
    attribution="it is known to us",
)
m.support("defectors", "pressure", id="s_defectors", scheme="correlation_to_cause")
print(defectors.quotes[0])

# %% [markdown]
# A quote that is not in the article is refused, and the error shows the closest passage:

# %%
try:
    m.case("bad", "A misquote.", quotes=["the punishment was abolished"], source=ARTICLE_ID)
except argmap.QuoteNotFoundError as error:
    print(error)

# %% [markdown]
# ## 3. The objection, and the article's answer

# %%
m.rebuttal(
    "withdrawal",
    "Raising human rights will make North Korea withdraw from the talks.",
    quotes=["will lead North Korean government to withdraw from the talks"],
    source=ARTICLE_ID,
)
m.claim(
    "unfounded",
    "That objection is unfounded.",
    quotes=["with the international community is unfounded"],
    source=ARTICLE_ID,
)
m.attack("withdrawal", "agenda", id="a_withdrawal")
m.attack("unfounded", "withdrawal", id="a_unfounded")
print(argmap.check(m, select=["AM1", "AM2", "AM3"]))

# %% [markdown]
# The hand-built start already shows gaps: the answer to the objection is itself unsupported
# (AM101), and the one case rests on hearsay (AM302).
#
# ## 4. The full map, drawn
#
# The full reading ships with argmap. The title's thesis (pressure is effective) and the opening
# sentence (awareness efforts "have mostly succeeded") are one claim, said twice; the opening's
# "despite the strong opposition" concedes the objection the article rejects. The cases reach the
# thesis by three routes: the regime conceded (Britain, Japan), its abuses eased (the defectors,
# the executions) and it reacts (the executions, Amnesty). The practical inference to the agenda
# is linked to two premises the article never states, marked as the analyst's: a goal, and the
# transfer from these cases to every negotiation. The analyst's two objections, grounded in the
# Amnesty case (the regime emptied the camps before showing them), undercut the step from "the
# regime reacts" to "pressure is effective" and the step from fewer *public* executions to eased
# abuse; a statement that attacks is labelled by what it does, REBUTS or UNDERCUTS, beside its
# kind.

# %%
full = north_korea()
full

# %% [markdown]
# ## 5. Which claims lack evidence?

# %%
report = argmap.check(full)
report

# %% [markdown]
# As text it reads in one screen: no error (the map is sound), the text's weaknesses as warnings,
# each scheme's open critical questions once, and apart, the weaknesses the map records on
# purpose (`acknowledge` on the node, with the reason), which no longer fail a check.

# %%
print(report)

# %% [markdown]
# The same findings as a DataFrame, for filtering and counting:

# %%
frame = report.to_dataframe()
frame.groupby(["severity", "rule"]).size()

# %% [markdown]
# ## 6. What does the central claim depend on?
#
# The thesis, "pressure is effective", rests on all five cases and on no single one (three routes
# converge on it): remove the whole Amnesty case and it stays evidenced. The central claim does
# not reach evidence at all: its practical inference also needs the transfer from these cases to
# every negotiation, economic or nuclear, and nothing in the article supports it.

# %%
from argmap.checks import evidence_cases, evidenced, necessary_cases

print(sorted(evidence_cases(full, "pressure")), sorted(necessary_cases(full, "pressure")))
print("pressure" in evidenced(full), "agenda" in evidenced(full))

without_amnesty = full.copy()
print(without_amnesty.remove("amnesty", cascade=True))
print("pressure" in evidenced(without_amnesty))
print(report.by_rule("unevidenced-claim")[0].explanation)

# %% [markdown]
# ## 7. Zoom in
#
# `focus` and `depth` draw the neighbourhood of one node: here, the regime's reactions, what
# they rest on (the executions, the camps), and the step to "pressure is effective" that the
# analyst's objection undercuts.

# %%
from argmap.render import neighbourhood

print(sorted(neighbourhood(full, "reacts", depth=1)))
full.render(out / "reacts.svg", focus="reacts", depth=1)

# %%
full.render(out / "north-korea.svg")
full.render(out / "north-korea-gaps.png", gaps=report)
print(sorted(p.name for p in out.iterdir()))

# %% [markdown]
# ## 8. Does the central claim stand? The evaluation, drawn
#
# `argmap.evaluate` labels every statement and inference under a semantics, and `labels=` draws
# that labelling on the diagram, with a legend. Under grounded semantics the analyst's two
# undercuts stand unanswered, so the steps they strike fail; the thesis stands on the
# concessions and the eased punishment, the withdrawal objection falls to the article's answer,
# and the central claim is IN. Grounded semantics does not ask whether the claim reaches evidence
# (the unsupported transfer stands, as any unattacked statement does); the report does.

# %%
from argmap.render import diagram

grounded = argmap.evaluate(full, "grounded")
print(grounded.central, grounded[grounded.central])
diagram(full, labels=grounded)

# %% [markdown]
# A gradual semantics weighs instead of deciding: under DF-QuAD each node is filled from white to
# blue by its strength, written on it. The thesis is strong, but the linked practical inference is
# only as strong as its weakest premise, the unsupported goal and transfer, so the central claim
# keeps a middling strength. The same labels go into files, and into the interactive viewer
# (`full.show(labels=grounded)` in Jupyter, or an `.html` file).

# %%
dfquad = argmap.evaluate(full, "dfquad")
full.render(out / "north-korea-dfquad.svg", labels=dfquad)
full.render(out / "north-korea-grounded.html", labels=grounded)
diagram(full, labels=dfquad, focus="pressure", depth=1)
