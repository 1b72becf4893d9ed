# SPDX-License-Identifier: MIT
"""Shared fixtures for the Python binding tests.

The package is imported from the build directory (meson sets PYTHONPATH);
documents come from examples/ and tests/data/ (SMB_EXAMPLES, SMB_TEST_DATA),
and small ones are written inline so each test shows the data it checks."""

import os
import pathlib

import pytest

SOURCE_ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = pathlib.Path(os.environ.get("SMB_EXAMPLES", SOURCE_ROOT / "examples"))
TEST_DATA = pathlib.Path(os.environ.get("SMB_TEST_DATA", SOURCE_ROOT / "tests" / "data"))

# A small canvas whose totals are worked out by hand in the tests.
# Importance / evidence per item:
#   vp-fresh 5 validated, seg-families 4 assumption, ch-shop 3 assumption,
#   cost-flour 2 assumption, cost-rent 3 validated, rev-bread 3 testing.
SMALL = """\
{
  "smbstrat": 1,
  "canvas": {
    "name": "Test Bakery",
    "value_propositions": [
      {"id": "vp-fresh", "text": "Fresh bread", "importance": 5,
       "evidence": "validated", "links": ["seg-families"]}
    ],
    "channels": [
      {"id": "ch-shop", "text": "Shop", "tags": ["core", "local"],
       "links": ["seg-families"]}
    ],
    "customer_segments": [
      {"id": "seg-families", "text": "Families", "notes": "Two streets around the shop",
       "importance": 4}
    ],
    "cost_structure": [
      {"id": "cost-flour", "text": "Flour", "importance": 2, "amount": 12000,
       "kind": "variable"},
      {"id": "cost-rent", "text": "Rent", "evidence": "validated", "amount": 18000,
       "kind": "fixed"}
    ],
    "revenue_streams": [
      {"id": "rev-bread", "text": "Bread sales", "evidence": "testing", "amount": 50000,
       "kind": "asset_sale", "links": ["seg-families"]}
    ]
  }
}
"""


@pytest.fixture
def small_text():
    return SMALL


@pytest.fixture
def small_doc():
    import smbstrat

    return smbstrat.Document.loads(SMALL)


@pytest.fixture
def small(small_doc):
    """The small canvas, as a view of its document."""
    return small_doc.canvas


@pytest.fixture
def bakery_path():
    """The example bakery document (or the document helper's full fixture)."""
    for candidate in (EXAMPLES / "bakery.json", TEST_DATA / "full.json"):
        if candidate.is_file():
            return candidate
    pytest.skip("neither examples/bakery.json nor tests/data/full.json exists")


def rate_small_forces(forces):
    """Rate the drivers that the forces tests work out by hand:
      rivalry: number_and_balance 4, industry_growth 5 (weight 2), fixed_costs 2
      substitutes: price_performance 2.5, switching_costs 3
      buyer_power: buyer_information 1.5
      new_entrants and supplier_power: nothing rated."""
    rivalry = forces["rivalry"]
    rivalry["number_and_balance"].rating = 4
    rivalry["industry_growth"].rating = 5
    rivalry["industry_growth"].weight = 2
    rivalry["fixed_costs"].rating = 2
    forces["substitutes"]["price_performance"].rating = 2.5
    forces["substitutes"]["switching_costs"].rating = 3
    forces["buyer_power"]["buyer_information"].rating = 1.5
    return forces


@pytest.fixture
def rated():
    """A standalone assessment rated as rate_small_forces() says."""
    import smbstrat

    return rate_small_forces(smbstrat.Forces(name="Test Bakery"))


# The same ratings as a document section (docs/format.md).
FORCES_SECTION = """\
{
  "smbstrat": 1,
  "forces": {
    "name": "Test Bakery",
    "rivalry": {"drivers": {
      "number_and_balance": {"rating": 4},
      "industry_growth": {"rating": 5, "weight": 2},
      "fixed_costs": {"rating": 2}
    }},
    "substitutes": {"drivers": {
      "price_performance": {"rating": 2.5},
      "switching_costs": {"rating": 3}
    }},
    "buyer_power": {"drivers": {
      "buyer_information": {"rating": 1.5, "confidence": 0.8,
                            "rationale": "Prices are on the window"},
      "delivery_apps": {"title": "Delivery apps", "question": "Do apps set the price?"}
    }}
  }
}
"""


@pytest.fixture
def forces_text():
    return FORCES_SECTION


@pytest.fixture
def forces_doc():
    import smbstrat

    return smbstrat.Document.loads(FORCES_SECTION)


def make_profile():
    """The resilience profile the scenario tests work out by hand:
    adaptability 3, agility 2, innovation 4, customer_centricity 1, data_driven 0."""
    import smbstrat

    return smbstrat.Resilience({"adaptability": 3, "agility": 2, "innovation": 4,
                                "customer_centricity": 1, "data_driven": 0})


def make_scenarios():
    """Four scenarios whose scores the tests work out by hand against
    make_profile() (mitigation 0.5, half-life 24 months):

      giant   threat, technology (innovation, data_driven, agility),
              p 0.4, impact 4, 12 months; hits channels 1, revenue_streams 0.5;
              shifts substitutes/price_performance +1
      wage    threat, economic (adaptability, agility),
              p PERT(0.5, 0.7, 0.9), impact triangular(2, 3, 4), 6 months,
              money uniform(10000, 30000); hits cost_structure 1;
              shifts rivalry/fixed_costs +4
      subs    opportunity, business_model (innovation, adaptability,
              customer_centricity), p 0.2, impact 2.5, 24 months; hits channels 1
      breach  threat, cyber, mitigated_by customer_centricity only,
              p 0.05, impact 5, 36 months; hits channels 2
    """
    import smbstrat

    s = smbstrat.Scenarios()
    s.add("giant", "Online giant", "technology", "threat", 0.4, 4,
          kind=["technological", "disruptive"], horizon_months=12,
          blocks={"channels": 1, "revenue_streams": 0.5},
          shifts=[("substitutes", "price_performance", 1)])
    s.add("wage", "Minimum wage rises", "economic", "threat",
          smbstrat.Estimate.pert(0.5, 0.7, 0.9), {"dist": "triangular", "min": 2, "mode": 3,
                                                  "max": 4},
          money={"dist": "uniform", "min": 10000, "max": 30000}, horizon_months=6,
          blocks={"cost_structure": 1}, shifts=[("rivalry", "fixed_costs", 4)])
    s.add("subs", "Our own bread subscription", "business_model", "opportunity", 0.2, 2.5,
          horizon_months=24, blocks={"channels": 1})
    s.add("breach", "Order data leaks", "cyber", "threat", 0.05, 5, horizon_months=36,
          blocks={"channels": 2}, mitigated_by=["customer_centricity"])
    return s


@pytest.fixture
def profile():
    return make_profile()


@pytest.fixture
def scenarios():
    return make_scenarios()


def make_responses():
    """Three responses whose residual exposures the tests work out by hand
    against make_scenarios() and make_profile():

      shop    digital_channel, cost 6000, 3 months; giant: likelihood −25 %,
              impact −50 %; agility +1
      buffer  partnership, cost 4000, 1 month; wage: impact −20 %
      train   capability_building, cost 3000, 2 months; adaptability +2
    """
    import smbstrat

    r = smbstrat.Responses()
    r.add("shop", "Online shop", "digital_channel", 6000, 3,
          effects={"giant": smbstrat.Effect(0.25, 0.5)}, gains={"agility": 1},
          ratings={"feasibility": 4, "desirability": 5})
    r.add("buffer", "Flour buffer stock", "partnership", 4000, 1,
          effects={"wage": {"impact_reduction": 0.2}})
    r.add("train", "Staff training", "capability_building", 3000, 2,
          gains={"adaptability": 2})
    return r


@pytest.fixture
def responses():
    return make_responses()
