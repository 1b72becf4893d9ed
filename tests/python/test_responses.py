# SPDX-License-Identifier: MIT
"""Responses: views and all-or-nothing edits, criteria and their weights,
residual exposure and the budgeted portfolio worked out by hand, the
ranking checked against the decision tools (docs/methodology.md,
"Responses and decisions").

Fixtures (conftest): the scenarios and profile of test_scenario_scores, where
the threats' exposures are giant 1.28, wage 1.575 and breach 0.225 (3.08 in
all), and make_responses():
  shop    cost 6000, 3 months; giant: likelihood −25 %, impact −50 %; agility +1
  buffer  cost 4000, 1 month; wage: impact −20 %
  train   cost 3000, 2 months; adaptability +2

Residual exposures by hand (m = 0.5):
  shop:   giant p 0.3, impact 2, R (4 + 0 + 3)/15 = 7/15, v = 23/30 -> 0.46;
          wage R (3 + 3)/10 = 0.6, v 0.7 -> 0.7 × 3 × 0.7 = 1.47; breach 0.225
          total 2.155, reduction 0.925
  buffer: wage impact 2.4 -> 0.7 × 2.4 × 0.75 = 1.26; total 2.765, reduction 0.315
  train:  wage R (5 + 2)/10 = 0.7, v 0.65 -> 1.365; total 2.87, reduction 0.21
  shop + buffer: giant 0.46, wage 0.7 × 2.4 × 0.7 = 1.176; total 1.861,
          reduction 1.219, cost 10000
  shop + train: giant 0.46, wage R 0.8, v 0.6 -> 1.26; total 1.945,
          reduction 1.135, cost 9000
"""

import copy
import importlib.util
import pickle

import pytest

import smbstrat
from smbstrat import Effect

approx = pytest.approx
HAS_PANDAS = importlib.util.find_spec("pandas") is not None
BUILT_IN = ["exposure_reduction", "cost", "months", "feasibility", "viability", "desirability",
            "strategic_alignment"]


def test_views(responses):
    assert len(responses) == 3 and responses.ids() == ["shop", "buffer", "train"]
    shop = responses["shop"]
    assert shop == responses[0] and "shop" in responses and shop in responses
    assert shop.to_dict() == {
        "id": "shop", "position": 0, "title": "Online shop", "description": None,
        "kind": "digital_channel", "cost": 6000.0, "months": 3.0,
        "effects": {"giant": Effect(0.25, 0.5)}, "gains": {"agility": 1.0},
        "ratings": {"feasibility": 4.0, "viability": 3.0, "desirability": 5.0,
                    "strategic_alignment": 3.0},
        "values": {},
    }
    assert responses["buffer"].effects == {"wage": Effect(0.0, 0.2)}
    assert responses["train"].gains == {"adaptability": 2.0}
    with pytest.raises(smbstrat.NotFoundError):
        responses["nope"]
    with pytest.raises(IndexError):
        responses[3]


def test_views_change_the_set(responses):
    shop = responses["shop"]
    shop.title = "Web shop"
    shop.description = "Click and collect"
    shop.kind = "automation"
    shop.cost = 6500
    shop.months = 4
    shop.set_effect("wage", impact_reduction=0.1)
    shop.remove_effect("giant")
    shop.set_gain("data_driven", 0.5)
    shop.set_rating("viability", 5)
    assert shop.to_dict()["effects"] == {"wage": Effect(0.0, 0.1)}
    assert shop.gains == {"agility": 1.0, "data_driven": 0.5}
    assert shop.ratings["viability"] == 5.0
    assert (shop.title, shop.description, shop.kind, shop.cost, shop.months) == (
        "Web shop", "Click and collect", "automation", 6500.0, 4.0)
    shop.effects = {"giant": (0.1, 0.2), "breach": {"likelihood_reduction": 0.5}}
    assert shop.effects == {"giant": Effect(0.1, 0.2), "breach": Effect(0.5, 0.0)}
    shop.gains = {"innovation": 1}
    assert shop.gains == {"innovation": 1.0}
    shop.ratings = {"feasibility": 2}  # the others go back to 3
    assert shop.ratings == {"feasibility": 2.0, "viability": 3.0, "desirability": 3.0,
                            "strategic_alignment": 3.0}
    del shop.description
    assert shop.description is None


@pytest.mark.parametrize("args, kwargs, error, needle", [
    (("x", "X", "digital_channel", -1, 1), {}, smbstrat.RangeError, "cost"),
    (("x", "X", "digital_channel", 1, 1201), {}, smbstrat.RangeError, "months"),
    (("x", "X", "magic", 1, 1), {}, smbstrat.InvalidArgumentError, "unknown response kind"),
    (("shop", "X", "automation", 1, 1), {}, smbstrat.ExistsError, "shop"),
    (("x", "", "automation", 1, 1), {}, smbstrat.InvalidArgumentError, "title"),
    (("x", "X", "automation", 1, 1), {"effects": {"giant": (1.5, 0)}}, smbstrat.RangeError,
     "likelihood_reduction"),
    (("x", "X", "automation", 1, 1), {"effects": {"bad id": (0.1, 0)}},
     smbstrat.InvalidArgumentError, "bad id"),
    (("x", "X", "automation", 1, 1), {"gains": {"agility": 6}}, smbstrat.RangeError, "gain"),
    (("x", "X", "automation", 1, 1), {"gains": {"speed": 1}}, smbstrat.InvalidArgumentError,
     "unknown capability"),
    (("x", "X", "automation", 1, 1), {"ratings": {"feasibility": 0}}, smbstrat.RangeError,
     "feasibility"),
    (("x", "X", "automation", 1, 1), {"ratings": {"charm": 3}},
     smbstrat.InvalidArgumentError, "unknown idea criterion"),
    (("x", "X", "automation", 1, 1), {"values": {"staff_hours": 1}}, smbstrat.NotFoundError,
     "staff_hours"),
    (("x", "X", "automation", 1, 1), {"values": {"cost": 1}}, smbstrat.InvalidArgumentError,
     "cost"),
])
def test_bad_adds_leave_the_set_unchanged(responses, args, kwargs, error, needle):
    before = responses.copy()
    with pytest.raises(error, match=needle):
        responses.add(*args, **kwargs)
    assert responses == before


def test_bad_edits_leave_the_set_unchanged(responses):
    before = responses.copy()
    shop = responses["shop"]
    with pytest.raises(smbstrat.RangeError):
        shop.cost = float("nan")
    with pytest.raises(smbstrat.RangeError):
        shop.effects = {"wage": (0.5, 0.5), "giant": (0.1, 2)}  # the second is refused
    with pytest.raises(smbstrat.RangeError):
        shop.gains = {"agility": 2, "innovation": -1}
    with pytest.raises(TypeError):
        shop.effects = [("giant", 0.1)]
    with pytest.raises(TypeError):
        shop.set_effect("giant", "0.1")
    with pytest.raises(smbstrat.NotFoundError):
        shop.remove_effect("breach")
    assert responses == before


def test_removed_responses(responses):
    buffer = responses["buffer"]
    responses.remove("buffer")
    assert not buffer.exists and responses.ids() == ["shop", "train"]
    with pytest.raises(smbstrat.NotFoundError, match="no longer in the set"):
        buffer.cost
    with pytest.raises(smbstrat.NotFoundError):
        responses.remove(buffer)


def test_criteria_and_weights(responses):
    assert [c.key for c in responses.criteria] == BUILT_IN
    cost = responses.criterion("cost")
    assert (cost.title, cost.direction, cost.weight, cost.custom) == ("Cost", "cost", 1.0, False)
    assert dict(responses.weights) == dict.fromkeys(BUILT_IN, 1.0)
    responses.weights["cost"] = 2
    responses.weights = {"months": 0, "feasibility": 3}
    assert (responses.weights["cost"], responses.weights["months"],
            responses.weights["feasibility"]) == (2.0, 0.0, 3.0)
    hours = responses.add_criterion("staff_hours", "Extra staff hours", "cost", weight=0.5,
                                    values={"shop": 6, "buffer": 1, "train": 4})
    assert (hours.key, hours.direction, hours.weight, hours.custom) == (
        "staff_hours", "cost", 0.5, True)
    assert responses["shop"].values == {"staff_hours": 6.0}
    responses["shop"].set_value("staff_hours", 7)
    assert responses["shop"].values == {"staff_hours": 7.0}
    responses["shop"].set_value("staff_hours", None)
    assert responses["shop"].values == {}
    responses.remove_criterion("staff_hours")
    assert [c.key for c in responses.criteria] == BUILT_IN
    with pytest.raises(smbstrat.NotFoundError):
        responses.criterion("staff_hours")


def test_bad_criteria_change_nothing(responses):
    before = responses.copy()
    with pytest.raises(smbstrat.ExistsError):
        responses.add_criterion("cost", "Again")
    with pytest.raises(smbstrat.InvalidArgumentError):
        responses.add_criterion("bad key", "Bad")
    with pytest.raises(smbstrat.InvalidArgumentError, match="unknown criterion direction"):
        responses.add_criterion("risk", "Risk", "down")
    # a value refused after the criterion was added takes the criterion away again
    with pytest.raises(smbstrat.RangeError):
        responses.add_criterion("risk", "Risk", values={"shop": 1, "buffer": -1})
    with pytest.raises(smbstrat.NotFoundError):
        responses.add_criterion("risk", "Risk", values={"nope": 1})
    with pytest.raises(smbstrat.InvalidArgumentError):
        responses.remove_criterion("cost")  # built in
    with pytest.raises(smbstrat.RangeError):
        responses.weights["cost"] = -1
    with pytest.raises(smbstrat.NotFoundError):
        responses.weights = {"cost": 2, "charm": 1}
    with pytest.raises(smbstrat.RangeError, match="weight"):
        responses.weights = dict.fromkeys(BUILT_IN, 0)
    assert responses == before


def test_ahp_weights_for_criteria(responses):
    # exposure reduction 3× as important as cost: weights 0.75 and 0.25;
    # every criterion not compared gets 0
    result = responses.set_ahp_weights(["exposure_reduction", "cost"], [[1, 3], [1 / 3, 1]])
    assert result.weights.tolist() == approx([0.75, 0.25]) and result.consistent
    weights = dict(responses.weights)
    assert (weights["exposure_reduction"], weights["cost"]) == (approx(0.75), approx(0.25))
    assert all(weights[key] == 0 for key in BUILT_IN[2:])
    # an inconsistent matrix is applied, and said to be inconsistent
    circular = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    result = responses.set_ahp_weights(["cost", "months", "feasibility"], circular)
    assert not result.consistent and result.weights.tolist() == approx([1 / 3] * 3)
    before = responses.copy()
    with pytest.raises(smbstrat.RangeError, match=r"matrix\[0\]\[1\]"):
        responses.set_ahp_weights(["cost", "months"], [[1, 0], [0, 1]])
    with pytest.raises(smbstrat.NotFoundError, match="charm"):
        responses.set_ahp_weights(["cost", "charm"], [[1, 2], [0.5, 1]])
    with pytest.raises(smbstrat.InvalidArgumentError):
        responses.set_ahp_weights(["cost", "cost"], [[1, 2], [0.5, 1]])
    with pytest.raises(smbstrat.InvalidArgumentError, match="2 × 2"):
        responses.set_ahp_weights(["cost", "months"], [[1]])
    assert responses == before


def test_residual_by_hand(responses, scenarios, profile):
    nothing = responses.residual([], scenarios, profile)
    assert (nothing.base, nothing.total, nothing.reduction, nothing.cost) == (
        approx(3.08), approx(3.08), approx(0, abs=1e-12), 0.0)
    shop = responses.residual(["shop"], scenarios, profile)
    assert isinstance(shop, smbstrat.Residual)
    assert (shop.total, shop.reduction, shop.cost) == (approx(2.155), approx(0.925), 6000.0)
    assert shop.chosen == ("shop",)
    assert shop.gains["agility"] == 1.0 and shop.gains["adaptability"] == 0.0
    # threats only, in set order
    assert [s.id for s in shop.scenarios] == ["giant", "wage", "breach"]
    giant = shop["giant"]
    assert (giant.likelihood_factor, giant.impact_factor, giant.base, giant.residual) == (
        0.75, 0.5, approx(1.28), approx(0.46))
    assert shop["wage"].residual == approx(1.47)
    both = responses.residual([responses["shop"], "buffer"], scenarios, profile)
    assert (both.total, both.reduction, both.cost) == (approx(1.861), approx(1.219), 10000.0)
    assert responses.residual(["train"], scenarios, profile).total == approx(2.87)


def test_residual_refusals(responses, scenarios, profile):
    with pytest.raises(smbstrat.NotFoundError):
        responses.residual(["nope"], scenarios, profile)
    with pytest.raises(smbstrat.InvalidArgumentError):
        responses.residual(["shop", "shop"], scenarios, profile)
    with pytest.raises(TypeError):
        responses.residual("shop", scenarios, profile)
    with pytest.raises(TypeError, match="need a Scenarios"):
        responses.residual(["shop"])
    responses["buffer"].set_effect("ghost", 0.1)
    with pytest.raises(smbstrat.NotFoundError, match="ghost"):
        responses.residual(["shop"], scenarios, profile)
    responses["buffer"].remove_effect("ghost")
    responses["buffer"].set_effect("subs", 0.1)  # an opportunity
    with pytest.raises(smbstrat.InvalidArgumentError, match="subs"):
        responses.plan(10000, scenarios, profile)


def test_plan_by_hand(responses, scenarios, profile):
    portfolio = responses.plan(10000, scenarios, profile)
    assert isinstance(portfolio, smbstrat.Portfolio)
    # within 10000 the best is shop + buffer: reduction 1.219 for 10000
    # (shop + train removes 1.135 for 9000; all three would cost 13000)
    assert portfolio.chosen == ("shop", "buffer")
    assert (portfolio.cost, portfolio.base, portfolio.residual, portfolio.reduction) == (
        10000.0, approx(3.08), approx(1.861), approx(1.219))
    assert portfolio.exact and portfolio.method == "exact" and portfolio.candidates == 3
    assert portfolio.budget == 10000.0
    shop, buffer = portfolio.contributions
    # shop first: it adds the most, 0.925 alone; buffer adds 1.219 − 0.925 = 0.294
    assert (shop.standalone, shop.incremental) == (approx(0.925), approx(0.925))
    assert (buffer.standalone, buffer.incremental) == (approx(0.315), approx(0.294))
    # marginal: what the portfolio loses without it: 1.219 − 0.315 and 1.219 − 0.925
    assert (shop.marginal, buffer.marginal) == (approx(0.904), approx(0.294))
    assert (shop.cost, shop.months, shop.title) == (6000.0, 3.0, "Online shop")
    assert portfolio["buffer"] == buffer and len(portfolio) == 2
    # 9500 cannot buy shop + buffer: shop + train
    assert responses.plan(9500, scenarios, profile).chosen == ("shop", "train")
    empty = responses.plan(0, scenarios, profile)
    assert (empty.chosen, empty.candidates, empty.residual) == ((), 0, approx(3.08))
    with pytest.raises(smbstrat.RangeError, match="budget"):
        responses.plan(-1, scenarios, profile)
    with pytest.raises(TypeError, match="needs a budget"):
        responses.plan(scenarios=scenarios)


def test_rank_weighted_sum_by_hand(responses, scenarios, profile):
    # only exposure reduction counts: 0.925, 0.315, 0.21 min–max normalised:
    # shop 1, buffer (0.315 − 0.21) / (0.925 − 0.21) = 0.105 / 0.715, train 0
    responses.weights = {"exposure_reduction": 1, **dict.fromkeys(BUILT_IN[1:], 0)}
    ranking = responses.rank(scenarios, profile, method="weighted_sum")
    assert ranking.method == "weighted_sum"
    assert [r.id for r in ranking] == ["shop", "buffer", "train"]
    assert [r.score for r in ranking] == approx([1.0, 0.105 / 0.715, 0.0])
    assert [r.exposure_reduction for r in ranking] == approx([0.925, 0.315, 0.21])
    assert ranking["buffer"].rank == 2 and ranking["buffer"].index == 1


def test_rank_topsis_matches_the_decision_tools(responses, scenarios, profile):
    ranking = responses.rank(scenarios, profile)
    assert ranking.method == "topsis" and len(ranking) == 3
    assert [c.key for c in ranking.criteria] == BUILT_IN
    assert sum(c.weight for c in ranking.criteria) == approx(1.0)  # normalised
    shop = ranking["shop"]
    assert dict(shop.values) == approx({
        "exposure_reduction": 0.925, "cost": 6000, "months": 3, "feasibility": 4,
        "viability": 3, "desirability": 5, "strategic_alignment": 3})
    # the same decision table through smbstrat.topsis gives the same scores
    np = pytest.importorskip("numpy")
    by_index = sorted(ranking, key=lambda r: r.index)
    table = np.array([[r.values[c.key] for c in ranking.criteria] for r in by_index])
    direct = smbstrat.topsis(table, [c.weight for c in ranking.criteria],
                             [c.direction for c in ranking.criteria])
    assert [r.score for r in by_index] == approx(direct.scores.tolist())
    assert [r.rank for r in by_index] == direct.ranks.tolist()


def test_rank_needs_every_custom_value(responses, scenarios, profile):
    responses.add_criterion("staff_hours", "Staff hours", "cost", values={"shop": 1})
    with pytest.raises(smbstrat.NotFoundError, match="staff_hours"):
        responses.rank(scenarios, profile)
    with pytest.raises(smbstrat.InvalidArgumentError, match="unknown ranking method"):
        responses.rank(scenarios, profile, method="electre")


def test_results_are_copies(responses, scenarios, profile):
    portfolio = responses.plan(10000, scenarios, profile)
    ranking = responses.rank(scenarios, profile)
    responses.remove("shop")
    scenarios.remove("giant")
    assert portfolio.chosen == ("shop", "buffer")
    assert ranking["shop"].values["cost"] == 6000.0


def test_copies_equality_and_pickling(responses):
    twin = responses.copy()
    assert twin == responses
    twin.weights["cost"] = 5
    assert twin != responses
    assert copy.deepcopy(responses) == responses
    responses.add_criterion("staff_hours", "Staff hours", "cost",
                            values={"shop": 1, "buffer": 2, "train": 3})
    responses.weights = {"months": 0, "staff_hours": 2.5}
    responses["shop"].description = "Click and collect"
    # effects name scenarios the pickle does not hold: it carries the fields
    # rather than a document, which would refuse them
    assert pickle.loads(pickle.dumps(responses)) == responses


def test_reprs(responses, scenarios, profile):
    assert repr(responses) == "<Responses: 3 (cost 13000 in all): shop, buffer, train>"
    assert repr(responses["shop"]) == (
        "<Response 'shop' digital_channel 'Online shop': cost 6000, 3 months, 1 effect>")
    assert repr(responses.plan(10000, scenarios, profile)) == (
        "<Portfolio exact, budget 10000: 2 chosen, cost 10000, exposure 3.08 \u2192 1.861>")
    assert repr(responses.residual(["buffer"], scenarios, profile)) == (
        "<Residual of 1 response: exposure 3.08 \u2192 2.765, cost 4000>")
    assert repr(responses.rank(scenarios, profile)).startswith("<ResponseRanking topsis: 1. ")
    assert repr(responses.weights).startswith("<weights of Responses: {'exposure_reduction'")
    html = responses._repr_html_()
    assert html.startswith('<div class="smbstrat-responses"><table>')
    assert html.count("<tr>") == 4 and html.endswith("</table></div>")


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is not installed")
def test_dataframes(responses, scenarios, profile):
    ranking = responses.rank(scenarios, profile).to_dataframe()
    assert list(ranking.columns) == ["rank", "id", "title", "score"] + BUILT_IN
    assert ranking["rank"].tolist() == [1, 2, 3]
    assert sorted(ranking["exposure_reduction"].tolist()) == approx([0.21, 0.315, 0.925])
    portfolio = responses.plan(10000, scenarios, profile).to_dataframe()
    assert list(portfolio.columns) == ["id", "title", "cost", "months", "standalone",
                                       "incremental", "marginal"]
    assert portfolio["id"].tolist() == ["shop", "buffer"]
    assert portfolio["incremental"].tolist() == approx([0.925, 0.294])
    residual = responses.residual(["shop"], scenarios, profile).to_dataframe()
    assert list(residual.columns) == ["id", "likelihood_factor", "impact_factor", "base",
                                      "residual", "reduction"]
    assert residual["reduction"].tolist() == approx([0.82, 0.105, 0.0])
    inputs = responses.to_dataframe()
    assert list(inputs.columns) == ["id", "title", "description", "kind", "cost", "months",
                                    "feasibility", "viability", "desirability",
                                    "strategic_alignment", "effects", "gains", "values"]
    assert inputs["desirability"].tolist() == [5.0, 3.0, 3.0]
    assert inputs.loc[0, "effects"] == {"giant": Effect(0.25, 0.5)}
    # a criterion of the user's named like a fixed column keeps its own column
    responses.add_criterion("score", "Score", values={"shop": 1, "buffer": 2, "train": 3})
    frame = responses.rank(scenarios, profile).to_dataframe()
    assert list(frame.columns)[-1] == "value_score" and frame["score"].max() <= 1
