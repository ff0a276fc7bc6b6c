# %% [markdown]
# # argmap quickstart: a small map from scratch
#
# We map a tiny argument: *human rights belong on the agenda of talks with North Korea, because
# pressure on them has worked*, with one case as evidence, one linked premise, and one objection.
# This file is the plain-script twin of `quickstart.ipynb` (both are run by the tests).

# %%
import argmap

m = argmap.ArgumentMap(title="Quickstart: does pressure work?")
m.add_source(
    argmap.Source(
        id="report",
        title="A news report",
        text="After months of pressure, North Korea agreed to discuss human rights with Britain.",
    )
)

# %% [markdown]
# Statements: a policy (what should be done), the claim it rests on, the evidence for that claim
# (a case that quotes its source verbatim), a premise, and an objection. The map checks the quote
# against the source and stores where it stands.

# %%
m.claim("agenda", "Human rights belong on the agenda of every negotiation with North Korea.")
m.claim("pressure_works", "Pressure on North Korea's human-rights record gets results.")
m.case(
    "uk_talks",
    "North Korea agreed to human-rights talks with Britain after sustained pressure.",
    quotes=["North Korea agreed to discuss human rights with Britain"],
    source="report",
    cites=["report"],  # the report is also the evidence the map offers for the case
)
m.premise("talks_continue", "Raising human rights did not end the talks.")
m.rebuttal("walkout", "North Korea will walk out of any talks that raise human rights.")
m.uses_of("uk_talks"), m["uk_talks"].quotes[0].start

# %% [markdown]
# Inferences: the case supports the general claim as an example (the `example` scheme); that claim
# and the premise support the policy *together* (a linked support) as practical reasoning: the
# goal is a better human-rights record, and raising it works and costs no talks. The objection
# attacks the policy. Then we name the central claim.

# %%
m.support("uk_talks", "pressure_works", id="s_example", scheme="example")
m.support(
    ["pressure_works", "talks_continue"], "agenda", id="s_agenda", scheme="practical_reasoning"
)
m.attack("walkout", "agenda", id="a_walkout")
m.central = "agenda"
m

# %% [markdown]
# Which claims lack evidence? `argmap.check` reports every support gap with a rule code, the
# nodes involved, and why. Here: the linked support is only as evidenced as its bare premise
# `talks_continue`, and the objection is unanswered.

# %%
report = argmap.check(m)
print(report)

# %%
assert [f.nodes[0] for f in report.by_rule("unanswered-attack")] == ["a_walkout"]
assert [f.nodes for f in report.by_rule("unevidenced-claim")] == [("agenda", "talks_continue")]
assert not report.by_rule("uncited-case")

# %% [markdown]
# Answer the objection with the premise, and the unanswered-attack finding goes away.

# %%
m.attack("talks_continue", "walkout", id="a_answer")
assert not argmap.check(m).by_rule("unanswered-attack")
argmap.check(m, select=["AM2"])
