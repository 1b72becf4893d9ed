# SPDX-License-Identifier: MIT
"""Estimates: the Estimate record, the means the library computes
(docs/methodology.md, "Estimates"), and the typemaps that carry estimates
to and from C as numbers, mappings or objects."""

import dataclasses

import pytest

import smbstrat
from conftest import TEST_DATA
from smbstrat import core

approx = pytest.approx
Estimate = smbstrat.Estimate


@pytest.mark.parametrize("estimate, mean", [
    (Estimate.point(0.35), 0.35),
    (Estimate.uniform(20000, 60000), 40000.0),             # (20000 + 60000) / 2
    (Estimate.triangular(3, 4, 5.5), 12.5 / 3),            # (3 + 4 + 5.5) / 3
    (Estimate.pert(0.2, 0.35, 0.6), 2.2 / 6),              # (0.2 + 4·0.35 + 0.6) / 6
    (Estimate.pert(1, 1, 4), 9 / 6),                       # (1 + 4·1 + 4) / 6 = 1.5
    # μ = ln 10000, σ = ln 100 / (2·1.6448536269514722) = 1.3998723383;
    # 10000·exp(σ²/2) = 10000·exp(0.9798212818) = 26639.800977
    (Estimate.lognormal(1000, 100000), 26639.800977355469),
    (Estimate.lognormal(2500, 2500), 2500.0),              # no spread: the value
])
def test_means(estimate, mean):
    assert estimate.mean == approx(mean)


def test_constructors_and_conversions():
    assert Estimate.uniform(2, 6) == Estimate("uniform", 2, 4, 6)  # mode stored as the midpoint
    assert Estimate.point(3) == Estimate("point", 3.0, 3.0, 3.0)
    pert = Estimate("pert", 1, 2, 4)
    assert (pert.min, pert.mode, pert.max) == (1.0, 2.0, 4.0)
    assert all(isinstance(x, float) for x in (pert.min, pert.mode, pert.max))
    assert pert.to_dict() == {"dist": "pert", "min": 1.0, "mode": 2.0, "max": 4.0}
    assert Estimate.uniform(2, 6).to_dict() == {"dist": "uniform", "min": 2.0, "max": 6.0}
    assert str(pert) == "pert(1, 2, 4)" and str(Estimate.point(0.5)) == "0.5"
    with pytest.raises(dataclasses.FrozenInstanceError):
        pert.min = 0  # type: ignore[misc]


def test_lognormal_is_given_by_its_5th_and_95th_percentiles():
    money = Estimate.lognormal(1000, 100000)
    # the mode is not used: it holds the median √(1000·100000) = 10000
    assert money == Estimate("lognormal", 1000, 10000, 100000)
    assert money.to_dict() == {"dist": "lognormal", "min": 1000.0, "max": 100000.0}
    assert str(money) == "lognormal(1000, 100000)"
    assert smbstrat.estimate.coerce({"dist": "lognormal", "min": 1000, "max": 100000},
                                    "money") == money
    # a percentile not above 0 is refused by the library when used
    with pytest.raises(smbstrat.RangeError, match="5th percentile must be above 0"):
        Estimate.lognormal(0, 10).mean
    with pytest.raises(smbstrat.RangeError, match="min 20 is above max 10"):
        Estimate.lognormal(20, 10).mean
    with pytest.raises(TypeError):
        Estimate.lognormal("1000", 100000)


def test_bad_estimates():
    with pytest.raises(smbstrat.InvalidArgumentError, match="unknown dist 'gamma'"):
        Estimate("gamma", 1, 2, 3)
    with pytest.raises(TypeError):
        Estimate("pert", "1", 2, 3)
    # values are checked by the library when used: min above max ...
    with pytest.raises(smbstrat.RangeError, match="min 0.5 is above max 0.1"):
        Estimate.pert(0.5, 0.2, 0.1).mean
    # ... a mode outside [min, max] ...
    with pytest.raises(smbstrat.RangeError, match="mode"):
        Estimate.triangular(1, 5, 3).mean
    # ... and a point whose numbers differ
    with pytest.raises(smbstrat.RangeError):
        Estimate("point", 1, 2, 3).mean


def test_raw_layer_accepts_numbers_mappings_and_objects():
    # a number is a point
    assert core.smb_estimate_mean(0.25) == [core.SMB_OK, 0.25]
    # a mapping as the document writes it; a uniform may leave out its mode
    assert core.smb_estimate_mean({"dist": "uniform", "min": 1, "max": 3}) == [core.SMB_OK, 2.0]
    assert core.smb_estimate_mean({"dist": "pert", "min": 0, "mode": 3, "max": 6})[1] == 3.0
    # a lognormal leaves out its mode too
    assert core.smb_estimate_mean({"dist": "lognormal", "min": 1000, "max": 100000})[1] == \
        approx(26639.800977355469)
    # a point may give one number only
    assert core.smb_estimate_mean({"dist": "point", "mode": 4}) == [core.SMB_OK, 4.0]
    # any object with the four attributes, the dist a key or an smb_dist value
    assert core.smb_estimate_mean(Estimate.triangular(0, 3, 6))[1] == 3.0

    class Plain:
        dist = core.SMB_DIST_TRIANGULAR
        min, mode, max = 1, 2, 6

    assert core.smb_estimate_mean(Plain())[1] == 3.0


@pytest.mark.parametrize("value, error", [
    ("0.5", TypeError),
    (True, TypeError),
    (None, TypeError),
    ({"min": 1, "max": 2}, TypeError),                  # no dist
    ({"dist": "pert", "min": 1, "max": 2}, TypeError),  # a pert needs its mode
    ({"dist": "beta", "min": 1, "mode": 1, "max": 2}, ValueError),
    ({"dist": "point", "min": "1"}, TypeError),
])
def test_raw_layer_refuses_what_is_no_estimate(value, error):
    with pytest.raises(error):
        core.smb_estimate_mean(value)


def test_unknown_form_numbers_reach_the_library():
    status, value = core.smb_estimate_mean({"dist": 7, "min": 1, "mode": 1, "max": 1})
    assert status == core.SMB_EINVAL and value is None


def test_estimates_read_back_from_a_scenario():
    scenarios = smbstrat.Scenarios()
    s = scenarios.add("x", "X", "economic", "threat", 0.3, 2)
    assert core.smb_scenario_likelihood(
        core.smb_scenarios_find(scenarios._handle.pointer(), "x")) == ("point", 0.3, 0.3, 0.3)
    assert s.likelihood == 0.3 and isinstance(s.likelihood, float)
    s.likelihood = {"dist": "triangular", "min": 0.1, "mode": 0.2, "max": 0.6}
    assert s.likelihood == Estimate("triangular", 0.1, 0.2, 0.6)
    s.impact = Estimate.uniform(1, 5)
    assert s.impact == Estimate("uniform", 1, 3, 5)
    assert s.money is None
    s.money = 1000
    assert s.money == 1000.0
    s.money = None
    assert s.money is None
    # only money may be lognormal; it reads back with its median as the mode
    s.money = {"dist": "lognormal", "min": 1000, "max": 100000}
    assert s.money == Estimate.lognormal(1000, 100000)
    assert s.money.mode == 10000.0
    with pytest.raises(smbstrat.InvalidArgumentError,
                       match="likelihood.dist: lognormal is only for money amounts"):
        s.likelihood = Estimate.lognormal(0.1, 0.5)
    with pytest.raises(smbstrat.InvalidArgumentError,
                       match="impact.dist: lognormal is only for money amounts"):
        s.impact = {"dist": "lognormal", "min": 2, "max": 4}
    assert s.likelihood == Estimate("triangular", 0.1, 0.2, 0.6)


def test_lognormal_money_in_a_document():
    doc = smbstrat.Document.load(TEST_DATA / "scenarios_lognormal.json")
    breach = doc.scenarios["data-breach"]
    assert breach.money == Estimate.lognormal(1000, 100000)
    assert doc.scenarios["oven-failure"].money == Estimate.lognormal(2500, 2500)
    # p 0.2 · mean 26639.800977 · v 0.8 (cyber: R = (1 + 2 + 3)/3/5 = 0.4)
    score = doc.scenarios.score()["data-breach"]
    assert score.money_exposure == approx(4262.368156376875)
    text = doc.dumps()
    assert '"dist": "lognormal"' in text and smbstrat.Document.loads(text).dumps() == text


def test_docstring_examples_run():
    import doctest

    finder = doctest.DocTestFinder(exclude_empty=True)
    attempted = 0
    for test in finder.find(Estimate, module=False, globs={"Estimate": Estimate}):
        result = doctest.DocTestRunner().run(test)
        assert result.failed == 0, test.name
        attempted += result.attempted
    assert attempted == 2  # the PERT's mean, the lognormal's median
