# SPDX-License-Identifier: MIT
"""Scenario scores, the risk matrix, ranking, totals, what-ifs, heat on the
canvas and stress tests, each checked against values worked out by hand
(docs/methodology.md, "Disruption scenarios").

The fixtures (conftest.make_scenarios, make_profile) hold:
  profile: adaptability 3, agility 2, innovation 4, customer_centricity 1,
           data_driven 0; mitigation m = 0.5, half-life 24 months
  giant  threat  p 0.4, impact 4, 12 months, mitigators innovation,
                 data_driven, agility
  wage   threat  p PERT(0.5, 0.7, 0.9), impact triangular(2, 3, 4), 6 months,
                 money uniform(10000, 30000), mitigators adaptability, agility
  subs   opportunity  p 0.2, impact 2.5, 24 months, mitigators innovation,
                 adaptability, customer_centricity
  breach threat  p 0.05, impact 5, 36 months, mitigated by customer_centricity
"""

import importlib.util
import math

import pytest

import smbstrat

approx = pytest.approx
HAS_PANDAS = importlib.util.find_spec("pandas") is not None


def test_exposures_by_hand(scenarios, profile):
    result = scenarios.score(profile)
    giant, wage, subs, breach = (result[id] for id in ("giant", "wage", "subs", "breach"))
    # giant: R = (4 + 0 + 2) / 3 / 5 = 0.4; v = 1 − 0.5·0.4 = 0.8;
    #        exposure = 0.4 × 4 × 0.8 = 1.28
    assert (giant.resilience, giant.factor, giant.exposure) == approx((0.4, 0.8, 1.28))
    assert giant.mitigated_by == ("agility", "innovation", "data_driven")
    # wage: p = (0.5 + 4·0.7 + 0.9) / 6 = 0.7; impact = (2 + 3 + 4) / 3 = 3;
    #       R = (3 + 2) / 2 / 5 = 0.5; v = 0.75; exposure = 0.7 × 3 × 0.75 = 1.575
    assert (wage.likelihood, wage.impact) == approx((0.7, 3.0))
    assert (wage.resilience, wage.factor, wage.exposure) == approx((0.5, 0.75, 1.575))
    # money: (10000 + 30000) / 2 = 20000; 0.7 × 20000 × 0.75 = 10500
    assert (wage.money, wage.money_exposure) == approx((20000.0, 10500.0))
    assert giant.money is None and giant.money_exposure == 0.0
    # subs is an opportunity: R = (4 + 3 + 1) / 3 / 5 = 8/15; readiness
    #       g = 1 − 0.5·(1 − 8/15) = 23/30; exposure = 0.2 × 2.5 × 23/30 = 23/60
    assert (subs.resilience, subs.factor, subs.exposure) == approx((8 / 15, 23 / 30, 23 / 60))
    # breach: R = 1 / 5 = 0.2; v = 0.9; exposure = 0.05 × 5 × 0.9 = 0.225
    assert (breach.resilience, breach.factor, breach.exposure) == approx((0.2, 0.9, 0.225))


def test_without_a_profile_there_is_no_credit(scenarios):
    result = scenarios.score()
    # v = 1 for threats: giant 0.4 × 4 = 1.6; readiness 1 − 0.5 = 0.5 for
    # opportunities: subs 0.2 × 2.5 × 0.5 = 0.25
    assert result["giant"].exposure == approx(1.6)
    assert result["subs"].exposure == approx(0.25)
    assert result["giant"].resilience == 0.0
    assert scenarios.score(smbstrat.Resilience())["giant"].exposure == approx(1.6)


def test_mitigation_strength_moves_the_factor(scenarios, profile):
    scenarios.mitigation = 1.0
    # giant: v = 1 − 1·0.4 = 0.6 -> 0.4 × 4 × 0.6 = 0.96
    result = scenarios.score(profile)
    assert result.mitigation == 1.0
    assert result["giant"].exposure == approx(0.96)


def test_urgency_by_hand(scenarios, profile):
    result = scenarios.score(profile)
    # 0.5^(12/24) = 0.70711, 0.5^(6/24) = 0.84090, 0.5^(24/24) = 0.5, 0.5^(36/24) = 0.35355
    expected = {"giant": 0.5 ** 0.5, "wage": 0.5 ** 0.25, "subs": 0.5, "breach": 0.5 ** 1.5}
    for id, urgency in expected.items():
        assert result[id].urgency == approx(urgency)
        assert result[id].urgency_weighted == approx(result[id].exposure * urgency)
    assert result["giant"].urgency_weighted == approx(1.28 * math.sqrt(0.5))
    scenarios.half_life = 12
    # giant: 0.5^(12/12) = 0.5
    assert scenarios.score(profile)["giant"].urgency == approx(0.5)


def test_risk_matrix_cells_and_bands(scenarios, profile):
    result = scenarios.score(profile)
    # giant: p 0.4 -> level 3 (0.30 to 0.50); impact 4 -> 4; 3 × 4 = 12 -> high
    # wage: p 0.7 -> level 5 (from 0.70, the PERT mean reaches it within 1e-9);
    #       impact 3 -> 3; 15 -> high
    # subs: p 0.2 -> 2; impact 2.5 rounds half up to 3; 6 -> medium
    # breach: p 0.05 -> 1; impact 5 -> 5; 5 -> medium
    cells = {s.id: (s.likelihood_level, s.impact_level, s.rating, s.band)
             for s in result.scores}
    assert cells == {"giant": (3, 4, 12, "high"), "wage": (5, 3, 15, "high"),
                     "subs": (2, 3, 6, "medium"), "breach": (1, 5, 5, "medium")}
    assert result["giant"].cell == (3, 4)
    # the matrix ignores resilience: it places the scenario itself
    assert scenarios.score()["giant"].cell == (3, 4)


def test_ranking_and_totals(scenarios, profile):
    result = scenarios.score(profile)
    assert isinstance(result, smbstrat.ScenarioScores)
    # threats by exposure: wage 1.575, giant 1.28, breach 0.225
    assert [s.id for s in result.threats] == ["wage", "giant", "breach"]
    assert [s.rank for s in result.threats] == [1, 2, 3]
    assert [s.id for s in result.opportunities] == ["subs"]
    assert result["subs"].rank == 1
    assert [s.id for s in result] == ["giant", "wage", "subs", "breach"]  # set order
    assert len(result) == 4
    threats = result.totals["threat"]
    # 1.575 + 1.28 + 0.225 = 3.08; money only from wage: 10500
    assert (threats.count, threats.exposure, threats.money_exposure) == (3, approx(3.08),
                                                                         approx(10500))
    assert dict(threats.bands) == {"low": 0, "medium": 1, "high": 2, "critical": 0}
    opportunities = result.totals["opportunity"]
    assert (opportunities.count, opportunities.exposure) == (1, approx(23 / 60))
    assert (result.mitigation, result.half_life) == (0.5, 24.0)
    with pytest.raises(smbstrat.NotFoundError):
        result["nope"]


def test_equal_exposures_rank_by_urgency():
    s = smbstrat.Scenarios()
    s.add("later", "Later", "economic", "threat", 0.5, 2, horizon_months=36)
    s.add("sooner", "Sooner", "economic", "threat", 0.5, 2, horizon_months=6)
    # both 0.5 × 2 × 1 = 1; the sooner one is more urgent
    assert [t.id for t in s.score().threats] == ["sooner", "later"]


def test_scores_are_copies(scenarios, profile):
    result = scenarios.score(profile)
    scenarios.remove("giant")
    profile.maturity["innovation"] = 0
    assert result["giant"].exposure == approx(1.28)


def test_what_if_by_hand(scenarios, profile):
    # giant with likelihood × 0.75, impact × 0.5 and agility + 1:
    # p 0.3, impact 2, R = (4 + 0 + 3) / 3 / 5 = 7/15, v = 23/30;
    # exposure = 0.3 × 2 × 23/30 = 0.46
    result = scenarios.what_if("giant", likelihood_factor=0.75, impact_factor=0.5,
                               gains={"agility": 1}, resilience=profile)
    assert isinstance(result, smbstrat.WhatIf)
    assert result.exposure == approx(0.46)
    assert result.urgency_weighted == approx(0.46 * 0.5 ** 0.5)
    assert result.money_exposure == 0.0
    assert scenarios.what_if("wage", resilience=profile).money_exposure == approx(10500)
    before = scenarios.copy()
    with pytest.raises(smbstrat.RangeError):
        scenarios.what_if("giant", likelihood_factor=1.5)
    with pytest.raises(smbstrat.RangeError):
        scenarios.what_if("giant", gains={"agility": 6})
    with pytest.raises(smbstrat.NotFoundError):
        scenarios.what_if("nope")
    with pytest.raises(smbstrat.InvalidArgumentError):
        scenarios.what_if("giant", gains={"speed": 1})
    assert scenarios == before


def test_heat_by_hand(scenarios, profile, small):
    heat = scenarios.heat(small, profile)
    assert isinstance(heat, smbstrat.CanvasHeat)
    # threats only: channels = giant 1.28 × 1 + breach 0.225 × 2 = 1.73;
    # cost_structure = wage 1.575 × 1; revenue_streams = giant 1.28 × 0.5 = 0.64;
    # subs (an opportunity) adds nothing. Total 1.73 + 1.575 + 0.64 = 3.945
    assert heat.total == approx(3.945)
    assert [b.block for b in heat.blocks[:3]] == ["channels", "cost_structure",
                                                  "revenue_streams"]
    channels = heat["channels"]
    assert (channels.heat, channels.share, channels.scenarios) == (
        approx(1.73), approx(1.73 / 3.945), 2)
    # urgency-weighted: 1.28 × 0.70711 + 0.225 × 2 × 0.35355
    assert channels.urgency_weighted == approx(1.28 * 0.5 ** 0.5 + 0.45 * 0.5 ** 1.5)
    # the small canvas has one channel, two costs
    assert (channels.items, heat["cost_structure"].items) == (1, 2)
    assert heat["key_partnerships"].heat == 0.0 and heat["key_partnerships"].share == 0.0
    # without a canvas there are no item counts
    assert scenarios.heat(resilience=profile)["channels"].items is None
    with pytest.raises(smbstrat.NotFoundError):
        heat["lobby"]
    with pytest.raises(TypeError):
        scenarios.heat(canvas=profile)


def test_stress_test_by_hand(scenarios, rated):
    # giant shifts substitutes/price_performance +1: 2.5 -> 3.5; substitutes
    # scores (3.5 + 3) / 2 = 3.25 instead of (2.5 + 3) / 2 = 2.75
    test = scenarios.stress("giant", rated)
    assert isinstance(test, smbstrat.StressTest)
    assert test.scenario == "giant" and test.unapplied == 0
    (shift,) = test.shifts
    assert (shift.force, shift.driver, shift.delta, shift.applied) == (
        "substitutes", "price_performance", 1.0, True)
    assert (shift.rating_before, shift.rating_after, shift.clamped) == (2.5, 3.5, False)
    substitutes = test.comparison["substitutes"]
    assert (substitutes.score_before, substitutes.score_after) == (2.75, 3.25)
    assert substitutes.score_delta == approx(0.5)
    # pressure: before (0.75 + 0.4375 + 0.125) / 3 = 0.4375; after the
    # substitutes intensity is (3.25 − 1) / 4 = 0.5625: (0.75 + 0.5625 + 0.125) / 3
    assert test.comparison.pressure.before == approx(0.4375)
    assert test.comparison.pressure.after == approx(1.4375 / 3)
    assert test.comparison.attractiveness.delta == approx(-0.125 / 3)
    # the shifted assessment is an independent copy; the original is untouched
    assert test.forces["substitutes"]["price_performance"].rating == 3.5
    assert rated["substitutes"]["price_performance"].rating == 2.5
    # wage shifts rivalry/fixed_costs +4: 2 -> 6, clamped to 5
    (clamped,) = scenarios.stress("wage", rated).shifts
    assert (clamped.rating_before, clamped.rating_after, clamped.clamped) == (2.0, 5.0, True)


def test_stress_of_unrated_and_unknown_drivers(scenarios, rated):
    unrated = rated["new_entrants"].drivers.keys()[0]
    scenarios["giant"].add_shift("new_entrants", unrated, 2)
    test = scenarios.stress("giant", rated)
    assert test.unapplied == 1
    outcome = test.shifts[1]
    assert (outcome.driver, outcome.applied, outcome.rating_before, outcome.rating_after) == (
        unrated, False, None, None)
    scenarios["giant"].add_shift("rivalry", "no_such_driver", 1)
    with pytest.raises(smbstrat.NotFoundError, match="no_such_driver"):
        scenarios.stress("giant", rated)
    with pytest.raises(smbstrat.NotFoundError):
        scenarios.stress("nope", rated)
    with pytest.raises(TypeError, match="needs a Forces"):
        scenarios.stress("giant")


def test_render(scenarios, profile):
    svg = scenarios.render("svg", profile)
    assert svg.lstrip().startswith("<") and "</svg>" in svg
    markdown = scenarios.render("markdown", profile)
    assert "wage" in markdown and "giant" in markdown
    html = scenarios.render("html")
    assert "<html" in html.lower()
    with pytest.raises(smbstrat.InvalidArgumentError, match="unknown format"):
        scenarios.render("pdf")
    with pytest.raises(TypeError):
        scenarios.render("svg", resilience=scenarios)


def test_result_reprs(scenarios, profile, rated):
    assert repr(scenarios.score(profile)) == (
        "<ScenarioScores: 3 threats (exposure 3.08), 1 opportunity (exposure 0.383); "
        "mitigation 0.5, half-life 24 months>")
    assert repr(scenarios.heat(resilience=profile)) == (
        "<CanvasHeat total 3.945: channels 44%, cost_structure 40%, revenue_streams 16%>")
    assert repr(scenarios.stress("giant", rated)) == (
        "<StressTest 'giant': 1 shift, attractiveness 0.562 \u2192 0.521>")


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is not installed")
def test_score_dataframe(scenarios, profile):
    frame = scenarios.score(profile).to_dataframe()
    assert list(frame.columns) == [
        "id", "title", "direction", "source", "likelihood", "impact", "horizon_months",
        "resilience", "factor", "exposure", "urgency", "urgency_weighted", "money",
        "money_exposure", "likelihood_level", "impact_level", "rating", "band", "rank"]
    assert list(frame["id"]) == ["giant", "wage", "subs", "breach"]
    assert frame["exposure"].tolist() == approx([1.28, 1.575, 23 / 60, 0.225])
    assert frame["rating"].tolist() == [12, 15, 6, 5]
    assert frame["band"].tolist() == ["high", "high", "medium", "medium"]
    assert frame["money"].isna().tolist() == [True, False, True, True]
    assert str(frame["rank"].dtype) == "int64"
    empty = smbstrat.Scenarios().score().to_dataframe()
    assert len(empty) == 0 and str(empty["exposure"].dtype) == "float64"


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is not installed")
def test_heat_dataframe(scenarios, profile):
    frame = scenarios.heat(resilience=profile).to_dataframe()
    assert list(frame.columns) == ["block", "heat", "urgency_weighted", "share", "scenarios",
                                   "items"]
    assert frame["block"].tolist()[:3] == ["channels", "cost_structure", "revenue_streams"]
    assert frame["heat"].tolist()[:3] == approx([1.73, 1.575, 0.64])
    assert frame["items"].isna().all()


def test_raw_what_if_takes_five_gains(scenarios, profile):
    from smbstrat import core

    ptr, res = scenarios._handle.pointer(), profile._handle.pointer()
    # agility (index 1) + 1: giant's exposure 0.46 as in test_what_if_by_hand
    status, exposure, urgency_weighted, money = core.smb_scenarios_what_if(
        ptr, 0, res, 0.75, 0.5, [0, 1, 0, 0, 0])
    assert status == core.SMB_OK and exposure == approx(0.46)
    assert core.smb_scenarios_what_if(ptr, 0, res, 1, 1, None)[1] == approx(1.28)
    for gains in ([1, 2], "abcde", [0, 0, 0, 0, "1"]):
        with pytest.raises(TypeError):
            core.smb_scenarios_what_if(ptr, 0, res, 1, 1, gains)
    # out of range: the status, and None for each value never computed
    assert core.smb_scenarios_what_if(ptr, 9, res, 1, 1, None) == [core.SMB_EINVAL, None,
                                                                    None, None]
