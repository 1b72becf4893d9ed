# SPDX-License-Identifier: MIT
"""What an analyst sees of the result records: short reprs with the key
figures (worked out by hand from the conftest fixtures), HTML tables for
notebooks that are well-formed and escaped, and DataFrames of the tabular
ones."""

import xml.etree.ElementTree as ET

import pytest
from pytest import approx

import smbstrat
from conftest import make_profile, make_responses, make_scenarios


@pytest.fixture
def analysis(rated):
    """A document whose sections the scenario and response tests work out
    by hand, with the rated forces of conftest.rate_small_forces."""
    doc = smbstrat.Document()
    doc.forces = rated
    doc.resilience = make_profile()
    doc.scenarios = make_scenarios()
    doc.responses = make_responses()
    return doc


def fragment(obj):
    """The object's notebook HTML, parsed: one element, a <div>."""
    root = ET.fromstring(obj._repr_html_())
    assert root.tag == "div"
    return root


def cells(root):
    return ["".join(td.itertext()) for td in root.iter("td")]


# -- reprs ----------------------------------------------------------------------------


def test_force_reprs(rated):
    result = rated.score()
    # rivalry (4 + 5 × 2 + 2) / 4 = 4, the strongest: dominant
    assert repr(result["rivalry"]) == (
        "<ForceScore 'rivalry': score 4 (high), dominant, 3 of 7 drivers rated>")
    assert repr(result["new_entrants"]) == (
        "<ForceScore 'new_entrants': no score, 0 of 9 drivers rated>")
    # intensities: rivalry 0.75, substitutes (2.75 − 1) / 4 = 0.4375,
    # buyer_power (1.5 − 1) / 4 = 0.125; pressure their mean 0.4375,
    # attractiveness 0.5625 (both printed to three decimals)
    assert repr(result) == (
        "<ForcesScore pressure 0.438, attractiveness 0.562, dominant rivalry: new_entrants "
        "\u2013, supplier_power \u2013, buyer_power 1.5, substitutes 2.75, rivalry 4>")


def test_comparison_repr(rated):
    shifted = rated.copy()
    shifted["substitutes"]["price_performance"].rating = 3.5
    # substitutes (3.5 + 3) / 2 = 3.25, intensity 0.5625; pressure
    # (0.75 + 0.5625 + 0.125) / 3 = 0.479; attractiveness 0.521
    assert repr(rated.compare(shifted)) == (
        "<ForcesComparison: 1 driver changed, attractiveness 0.562 \u2192 0.521>")


def test_scenario_score_reprs(analysis):
    scores = analysis.scenarios.score()
    # giant: exposure 0.4 × 4 × 0.8 = 1.28, second threat after wage 1.575;
    # urgency-weighted 1.28 × 0.5^(12/24) = 0.905; cell 3 × 4 = 12, high
    assert repr(scores["giant"]) == (
        "<ScenarioScore 'giant' threat #2: exposure 1.28, urgency-weighted 0.905, "
        "cell L3\u00d7I4 (high)>")
    # threats: 1.575 + 1.28 + 0.225 = 3.08; urgency-weighted
    # 1.575 × 0.5^(6/24) + 0.905 + 0.225 × 0.5^(36/24) = 1.3244 + 0.9051 + 0.0795
    # = 2.309; money only from wage: 0.7 × 20000 × 0.75 = 10500; bands:
    # giant 12 high, wage 5 × 3 = 15 high, breach 1 × 5 = 5 medium
    assert repr(scores.totals["threat"]) == (
        "<ScenarioTotals threat: 3, exposure 3.08, urgency-weighted 2.309, money exposure "
        "10500; low 0, medium 1, high 2, critical 0>")


def test_resilience_and_ranking_reprs(analysis):
    # (3 + 2 + 4 + 1 + 0) / 5 / 5 = 0.4; the weakest is data_driven at 0
    assert repr(analysis.score().resilience) == (
        "<ResilienceScore index 0.4, weakest link 0 (data_driven)>")
    responses = analysis.responses
    responses.weights = {key: int(key == "exposure_reduction") for key in responses.weights}
    # on exposure reduction alone, shop (0.925) is best, with TOPSIS score 1
    assert repr(responses.rank().ranked[0]) == (
        "<ResponseRank 1. 'shop': score 1, exposure reduction 0.925>")


# -- notebook tables --------------------------------------------------------------------


def test_score_tables_are_well_formed(analysis):
    score = analysis.score()
    whole = fragment(score)
    # every part of the score is there, one table each: forces, resilience,
    # the ranked scenarios, the stress tests of giant and wage, the heat
    assert len(list(whole.iter("table"))) == 6
    forces = cells(fragment(score.forces))
    # four cells a force: title, score, band, share of the pressure; rivalry's
    # share is its intensity 0.75 / the three scored forces' weights 3 = 0.25
    assert forces[:4] == ["Threat of New Entrants", "\u2013", "", "0"]
    assert ["Rivalry Among Existing Competitors", "4", "high", "0.25"] == forces[16:20]
    assert cells(fragment(score.resilience))[-2:] == ["data_driven", "0"]
    heat = cells(fragment(score.heat))
    # channels: 1.28 + 0.225 × 2 = 1.73, urgency-weighted 1.28 × 0.70711 +
    # 0.45 × 0.35355 = 1.064, share 1.73 / 3.945 = 43.9 %; no canvas: no items
    assert heat[:6] == ["channels", "1.73", "1.064", "43.9%", "2", ""]
    stress = cells(fragment(score.stress[0]))
    assert stress == ["substitutes", "price_performance", "1", "2.5", "3.5", "applied"]


def test_response_tables_are_well_formed(analysis):
    responses = analysis.responses
    plan = cells(fragment(responses.plan(10000)))
    # shop first (0.925 alone), then buffer (+0.294); see test_responses
    assert plan[:7] == ["shop", "Online shop", "6000", "3", "0.925", "0.925", "0.904"]
    residual = fragment(responses.residual(["shop"]))
    assert "".join(residual.find("table/caption").itertext()) == (
        "Residual exposure after shop: 3.08 \u2192 2.155, cost 6000")
    assert cells(residual)[:5] == ["giant", "0.75", "0.5", "1.28", "0.46"]
    ranking = cells(fragment(responses.rank()))
    assert ranking[0] == "1" and len(ranking) == 3 * 5


def test_comparison_and_mcda_tables(rated):
    shifted = rated.copy()
    shifted["substitutes"]["price_performance"].rating = 3.5
    root = fragment(rated.compare(shifted))
    assert "substitutes" in cells(root) and "price_performance" in cells(root)
    result = smbstrat.weighted_sum([[1, 10], [3, 0]], [1, 1])
    # min–max normalised, weights 1/2 each: a = (0 + 1) / 2, b = (1 + 0) / 2:
    # a tie kept in input order
    assert cells(fragment(result)) == ["0", "0.5", "1", "1", "0.5", "2"]


def test_tables_escape_text():
    doc = smbstrat.Document()
    scenarios = smbstrat.Scenarios()
    scenarios.add("x", "<b>Bold & risky</b>", "cyber", "threat", 0.5, 3)
    doc.scenarios = scenarios
    root = fragment(doc.scenarios.score())
    assert "<b>Bold & risky</b>" in cells(root)  # escaped, so parsed back as text


# -- DataFrames ---------------------------------------------------------------------------


def test_stress_block_and_mcda_dataframes(analysis, small):
    pytest.importorskip("pandas")
    stress = analysis.score().stress[1].to_dataframe()  # wage: rivalry/fixed_costs +4
    assert list(stress.columns) == ["force", "driver", "delta", "applied", "rating_before",
                                    "rating_after", "clamped"]
    # fixed_costs rated 2; 2 + 4 = 6 is clamped to 5
    assert stress.iloc[0].tolist() == ["rivalry", "fixed_costs", 4.0, True, 2.0, 5.0, True]
    block = small["cost_structure"].to_dataframe()
    assert block["id"].tolist() == ["cost-flour", "cost-rent"]
    assert block["amount"].sum() == 30000.0  # 12000 + 18000
    assert list(block.columns) == list(small.to_dataframe().columns)
    assert len(small["key_partnerships"].to_dataframe()) == 0
    mcda = smbstrat.topsis([[1, 2], [3, 4]], [1, 1]).to_dataframe()
    # b dominates a on both benefit criteria: scores 0 and 1
    assert mcda.to_dict("list") == {"score": approx([0.0, 1.0]), "rank": [2, 1]}


def samples(doc):
    """One instance of every public class, from a whole analysis."""
    canvas, forces, scenarios, responses = doc.canvas, doc.forces, doc.scenarios, doc.responses
    score = doc.score()
    comparison = score.stress[0].comparison
    ranking, plan = responses.rank(), responses.plan(30000)
    residual = responses.residual(["online-shop"])
    model = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=1))
    result = doc.simulate(trials=500, seed=1)
    found = [
        smbstrat.ahp([[1, 3], [1 / 3, 1]]), canvas["channels"], score.heat.blocks[0],
        canvas.blocks, canvas, score.heat, doc.resilience["agility"], doc.resilience.maturity,
        smbstrat.Change("added", "x", "channels"), responses.criteria[0], responses.weights,
        doc, score, forces["rivalry"]["fixed_costs"], comparison.drivers[0],
        score.forces.forces[0].contributions[0], forces.sensitivity()[0],
        forces["rivalry"].drivers, smbstrat.Effect(0.1, 0.2), smbstrat.Estimate.pert(0, 1, 2),
        smbstrat.Finding("warning", "empty_block", "channels", None, "Empty."),
        forces["rivalry"], comparison.forces[0], score.forces.forces[0], forces, comparison,
        score.forces, result.sensitivity[0], result.tornado[0], canvas["channels"][0],
        smbstrat.weighted_sum([[1, 2], [3, 4]], [1, 1]), plan, plan.contributions[0],
        ranking.criteria[0], residual, residual.scenarios[0], doc.resilience, score.resilience,
        responses[0], ranking.ranked[0], ranking, responses, scenarios[0],
        score.scenarios.scores[0], score.scenarios, score.scenarios.totals["threat"],
        scenarios, smbstrat.Shift("rivalry", "fixed_costs", 1), score.stress[0].shifts[0],
        result.loss, result.scenarios[0], smbstrat.SimulationConfig(), model,
        model.run(0, 100), result, score.stress[0], comparison.pressure,
        smbstrat.version_info, scenarios.what_if(scenarios[0], likelihood_factor=0.5)]
    return found


def test_every_public_class_has_a_short_plain_repr(bakery_path):
    found = samples(smbstrat.Document.load(bakery_path))
    public = {name for name in smbstrat.__all__
              if isinstance(getattr(smbstrat, name), type)
              and not issubclass(getattr(smbstrat, name), BaseException)}
    assert {type(obj).__name__ for obj in found} == public  # none left out
    for obj in found:
        text = repr(obj)
        assert len(text) <= 260, text
        assert "mappingproxy" not in text and " object at 0x" not in text, text
        assert "\n" not in text, text
