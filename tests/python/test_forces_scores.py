# SPDX-License-Identifier: MIT
"""Scores, bands, dominant forces, the tornado and comparisons, each
checked against values worked out by hand (docs/methodology.md, "Porter's
five forces").

The `rated` fixture (conftest.rate_small_forces) rates:
  rivalry: number_and_balance 4, industry_growth 5 (weight 2), fixed_costs 2
  substitutes: price_performance 2.5, switching_costs 3
  buyer_power: buyer_information 1.5
"""

import dataclasses

import pytest

import smbstrat

approx = pytest.approx


def test_force_scores_intensities_and_bands(rated):
    # rivalry: (4·1 + 5·2 + 2·1) / (1 + 2 + 1) = 16 / 4 = 4.0 -> high
    #          intensity (4 − 1) / 4 = 0.75
    # substitutes: (2.5 + 3) / 2 = 2.75 -> moderate; intensity 1.75 / 4 = 0.4375
    # buyer_power: 1.5 -> low; intensity 0.5 / 4 = 0.125
    expected = {
        "rivalry": (4.0, 0.75, "high"),
        "substitutes": (2.75, 0.4375, "moderate"),
        "buyer_power": (1.5, 0.125, "low"),
        "new_entrants": (None, None, None),
        "supplier_power": (None, None, None),
    }
    for key, (score, intensity, band) in expected.items():
        force = rated[key]
        assert (force.score, force.intensity, force.band) == (score, intensity, band), key


def test_pressure_attractiveness_and_dominant(rated):
    # unscored forces are left out: (0.75 + 0.4375 + 0.125) / 3 = 1.3125 / 3 = 0.4375
    assert rated.pressure == approx(0.4375)
    assert rated.attractiveness == approx(0.5625)  # 1 − 0.4375
    assert rated.dominant == ("rivalry",)


def test_force_weights_move_the_pressure(rated):
    rated["rivalry"].weight = 2
    # (2·0.75 + 0.4375 + 0.125) / (2 + 1 + 1) = 2.0625 / 4 = 0.515625
    assert rated.pressure == approx(0.515625)
    result = rated.score()
    # shares: rivalry 2·0.75 / 4 = 0.375, substitutes 0.4375 / 4 = 0.109375,
    # buyer_power 0.125 / 4 = 0.03125; unscored forces 0; they sum to the pressure
    shares = {f.force: f.pressure_share for f in result.forces}
    assert shares == approx({"rivalry": 0.375, "substitutes": 0.109375,
                             "buyer_power": 0.03125, "new_entrants": 0.0,
                             "supplier_power": 0.0})
    assert sum(shares.values()) == approx(result.pressure)
    # a force of weight 0 keeps its score but leaves the pressure:
    # (0.4375 + 0.125) / 2 = 0.28125, and substitutes becomes the strongest
    rated["rivalry"].weight = 0
    assert rated["rivalry"].score == 4.0
    assert rated.pressure == approx(0.28125)
    assert rated.dominant == ("substitutes",)


def test_score_result_explains_each_force(rated):
    result = rated.score()
    assert isinstance(result, smbstrat.ForcesScore)
    assert [f.force for f in result.forces] == list(smbstrat.FORCE_KEYS)
    assert result.pressure == approx(0.4375) and result.attractiveness == approx(0.5625)
    assert result.dominant == ("rivalry",)
    rivalry = result["rivalry"]
    assert isinstance(rivalry, smbstrat.ForceScore)
    assert (rivalry.score, rivalry.intensity, rivalry.band, rivalry.weight) == (
        4.0, 0.75, "high", 1.0)
    assert rivalry.dominant and not result["substitutes"].dominant
    # contributions, W = 4: industry_growth 2·(5 − 1) / 16 = 0.5,
    # number_and_balance 1·3 / 16 = 0.1875, fixed_costs 1·1 / 16 = 0.0625;
    # largest first, and they sum to the intensity 0.75
    ranked = [(d.key, d.contribution) for d in rivalry.contributions]
    assert ranked == [("industry_growth", 0.5), ("number_and_balance", 0.1875),
                      ("fixed_costs", 0.0625)]
    assert sum(c for _, c in ranked) == approx(rivalry.intensity)
    top = rivalry.contributions[0]
    assert (top.force, top.title, top.position, top.rating, top.weight) == (
        "rivalry", "Industry growth rate", 1, 5.0, 2.0)
    # the four unrated drivers, in driver order, rating None and contribution 0
    assert [d.key for d in rivalry.unrated] == ["differentiation", "exit_barriers",
                                                "capacity_increments", "rival_diversity"]
    assert all(d.rating is None and d.contribution == 0.0 for d in rivalry.unrated)
    unscored = result["new_entrants"]
    assert (unscored.score, unscored.intensity, unscored.band, unscored.contributions) == (
        None, None, None, ())
    assert len(unscored.unrated) == 9
    assert rated["rivalry"].explain() == rivalry
    with pytest.raises(KeyError):
        result["bogus"]


def test_results_are_frozen_copies(rated):
    result = rated.score()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.pressure = 0
    rated["rivalry"]["industry_growth"].rating = 1
    del rated
    assert result["rivalry"].score == 4.0  # unaffected by later changes


def test_nothing_rated_has_no_pressure_but_a_result():
    forces = smbstrat.Forces()
    result = forces.score()
    assert result.pressure is None and result.attractiveness is None
    assert result.dominant == ()
    assert all(f.score is None and f.pressure_share == 0.0 for f in result.forces)
    assert forces.sensitivity() == []


@pytest.mark.parametrize("ratings, score, band", [
    ((2.4,), 2.4, "low"),
    ((2.5,), 2.5, "moderate"),  # the boundary belongs to the upper band
    ((3.49,), 3.49, "moderate"),
    ((3.5,), 3.5, "high"),
    ((1,), 1.0, "low"),
    ((5,), 5.0, "high"),
    ((2, 3), 2.5, "moderate"),  # (2 + 3) / 2
    ((3, 4), 3.5, "high"),  # (3 + 4) / 2
])
def test_band_boundaries(ratings, score, band):
    forces = smbstrat.Forces()
    for driver, rating in zip(forces["substitutes"], ratings):
        driver.rating = rating
    assert forces["substitutes"].score == approx(score)
    assert forces["substitutes"].band == band


def test_rounding_never_moves_a_force_down_a_band():
    # 1 at weight 0.1 and 3 at weight 0.3: (0.1 + 0.9) / 0.4 = 2.5 on paper,
    # 2.4999999999999996 in binary floating point -- still moderate
    forces = smbstrat.Forces()
    first, second = forces["substitutes"].drivers[:2]
    first.rating, first.weight = 1, 0.1
    second.rating, second.weight = 3, 0.3
    second_only = forces["substitutes"]["buyer_propensity"]
    assert second_only.rating is None
    assert forces["substitutes"].score == approx(2.5)
    assert forces["substitutes"].band == "moderate"


def test_unrated_and_zero_weight_drivers_take_no_part():
    forces = smbstrat.Forces()
    rivalry = forces["rivalry"]
    rivalry["exit_barriers"].rating = 5
    rivalry["differentiation"].rating = 1
    rivalry["differentiation"].weight = 0
    # only exit_barriers counts: 5 / 1 = 5
    assert rivalry.score == 5.0
    explained = rivalry.explain()
    assert [(d.key, d.contribution) for d in explained.contributions] == [
        ("exit_barriers", 1.0), ("differentiation", 0.0)]  # (5 − 1) / 4 = 1; weight 0 -> 0


def test_fractional_ratings_and_custom_drivers(rated):
    rated.add_driver("buyer_power", "delivery_apps", "Delivery apps", rating=4.25, weight=3)
    # buyer_power: (1.5·1 + 4.25·3) / 4 = (1.5 + 12.75) / 4 = 14.25 / 4 = 3.5625 -> high
    assert rated["buyer_power"].score == approx(3.5625)
    assert rated["buyer_power"].band == "high"
    # intensity (3.5625 − 1) / 4 = 0.640625
    assert rated["buyer_power"].intensity == approx(0.640625)
    # pressure (0.75 + 0.4375 + 0.640625) / 3 = 1.828125 / 3 = 0.609375
    assert rated.pressure == approx(0.609375)


def test_tied_forces_are_all_dominant(rated):
    # substitutes at 4 as well: (4 + 4) / 2 = 4 = rivalry's score
    rated["substitutes"]["price_performance"].rating = 4
    rated["substitutes"]["switching_costs"].rating = 4
    assert rated.dominant == ("substitutes", "rivalry")  # in force order
    assert {f.force for f in rated.score().forces if f.dominant} == {"substitutes", "rivalry"}


def test_sensitivity_tornado(rated):
    # swing = (v_f / V) · (w_i / W_f) with V = 3 scored forces of weight 1:
    #   buyer_information  (1/3)·(1/1) = 1/3
    #   price_performance, switching_costs (substitutes)  (1/3)·(1/2) = 1/6
    #   industry_growth    (1/3)·(2/4) = 1/6
    #   number_and_balance, fixed_costs  (1/3)·(1/4) = 1/12
    # ties keep force order (substitutes before rivalry), then driver order
    bars = rated.sensitivity()
    assert isinstance(bars, list) and all(isinstance(b, smbstrat.DriverSwing) for b in bars)
    assert [(b.force, b.key) for b in bars] == [
        ("buyer_power", "buyer_information"),
        ("substitutes", "price_performance"),
        ("substitutes", "switching_costs"),
        ("rivalry", "industry_growth"),
        ("rivalry", "number_and_balance"),
        ("rivalry", "fixed_costs"),
    ]
    assert [b.swing for b in bars] == approx([1 / 3, 1 / 6, 1 / 6, 1 / 6, 1 / 12, 1 / 12])
    top = bars[0]
    # buyer_information at 1: pressure (0.75 + 0.4375 + 0) / 3 = 0.3958333,
    #   attractiveness 0.6041667; at 5: (0.75 + 0.4375 + 1) / 3 = 0.7291667,
    #   attractiveness 0.2708333
    assert top.at_min == approx(1 - 1.1875 / 3)
    assert top.at_max == approx(1 - 2.1875 / 3)
    assert (top.rating, top.title, top.position) == (1.5, "Buyer information", 5)


def test_compare(rated):
    before = rated
    before.add_driver("new_entrants", "dark_kitchens", "Dark kitchens")
    after = before.copy()
    after["rivalry"]["industry_growth"].rating = 3
    del after["rivalry"]["fixed_costs"].rating
    after.add_driver("rivalry", "delivery_apps", "Delivery apps", rating=5)
    after["substitutes"]["price_performance"].weight = 2
    after["buyer_power"]["buyer_information"].confidence = 0.8
    after.remove_driver("new_entrants", "dark_kitchens")

    comparison = before.compare(after)
    assert isinstance(comparison, smbstrat.ForcesComparison)
    # 32 drivers before (31 + dark_kitchens), plus delivery_apps only after
    assert len(comparison.drivers) == 33
    changed = {(d.force, d.key): d for d in comparison.changed}
    assert set(changed) == {
        ("rivalry", "industry_growth"), ("rivalry", "fixed_costs"),
        ("rivalry", "delivery_apps"), ("substitutes", "price_performance"),
        ("buyer_power", "buyer_information"), ("new_entrants", "dark_kitchens")}

    growth = changed["rivalry", "industry_growth"]
    assert (growth.rating_before, growth.rating_after, growth.delta) == (5.0, 3.0, -2.0)
    assert (growth.fields, growth.status) == (("rating",), "changed")
    fixed = changed["rivalry", "fixed_costs"]
    assert (fixed.rating_before, fixed.rating_after, fixed.delta) == (2.0, None, None)
    apps = changed["rivalry", "delivery_apps"]
    assert (apps.status, apps.in_before, apps.in_after) == ("added", False, True)
    assert (apps.rating_before, apps.rating_after, apps.weight_before) == (None, 5.0, None)
    assert apps.fields == ()
    gone = changed["new_entrants", "dark_kitchens"]
    assert (gone.status, gone.title, gone.weight_after) == ("removed", "Dark kitchens", None)
    assert changed["substitutes", "price_performance"].fields == ("weight",)
    assert changed["substitutes", "price_performance"].weight_after == 2.0
    assert changed["buyer_power", "buyer_information"].fields == ("confidence",)
    same = next(d for d in comparison.drivers if d.key == "number_and_balance")
    assert (same.status, same.changed, same.delta) == ("unchanged", False, 0.0)
    # drivers come force by force; delivery_apps after rivalry's own drivers
    rivalry_keys = [d.key for d in comparison.drivers if d.force == "rivalry"]
    assert rivalry_keys[-1] == "delivery_apps" and len(rivalry_keys) == 8

    # rivalry after: (4·1 + 3·2 + 5·1) / 4 = 15 / 4 = 3.75 (high), intensity 0.6875
    rivalry = comparison["rivalry"]
    assert (rivalry.score_before, rivalry.score_after) == (4.0, 3.75)
    assert rivalry.score_delta == approx(-0.25)
    assert rivalry.intensity_delta == approx(-0.0625)  # −0.25 / 4
    assert (rivalry.band_before, rivalry.band_after) == ("high", "high")
    # substitutes after: (2.5·2 + 3·1) / 3 = 8/3 ≈ 2.667; delta 8/3 − 2.75 = −1/12
    substitutes = comparison["substitutes"]
    assert substitutes.score_after == approx(8 / 3)
    assert substitutes.score_delta == approx(-1 / 12)
    unscored = comparison["supplier_power"]
    assert (unscored.score_before, unscored.score_delta, unscored.band_after) == (
        None, None, None)
    assert (unscored.weight_before, unscored.weight_after) == (1.0, 1.0)
    # pressure before 0.4375 = 63/144; after (0.6875 + 5/12 + 0.125) / 3
    #   = (33 + 20 + 6) / 48 / 3 = 59/144; delta −4/144 = −1/36
    assert comparison.pressure.before == approx(63 / 144)
    assert comparison.pressure.after == approx(59 / 144)
    assert comparison.pressure.delta == approx(-1 / 36)
    assert comparison.attractiveness.before == approx(81 / 144)
    assert comparison.attractiveness.delta == approx(1 / 36)


def test_compare_when_one_side_has_no_pressure(rated):
    empty = smbstrat.Forces()
    comparison = empty.compare(rated)
    assert comparison.pressure == smbstrat.ValueDelta(None, approx(0.4375), None)
    assert comparison.attractiveness.before is None
    assert comparison.attractiveness.after == approx(0.5625)
    assert comparison["rivalry"].score_before is None
    assert comparison["rivalry"].score_after == 4.0
    # rated in the second only: rating changed, no delta
    growth = next(d for d in comparison.drivers if d.key == "industry_growth")
    assert (growth.fields, growth.delta) == (("rating", "weight"), None)
    assert len(comparison.changed) == 6  # the six rated drivers
    with pytest.raises(TypeError):
        rated.compare("not forces")


def test_compare_with_itself_changes_nothing(rated):
    comparison = rated.compare(rated)
    assert comparison.changed == ()
    assert comparison.pressure.delta == 0.0
    assert all(f.score_delta in (None, 0.0) for f in comparison.forces)
