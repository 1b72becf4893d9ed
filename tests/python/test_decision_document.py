# SPDX-License-Identifier: MIT
"""The resilience, scenarios and responses sections of a document: views
that change the document and detach when their section is replaced, the
defaults a section's view takes from its document, the budget, the whole
document scored at once, and examples/bakery.json."""

import gc
import threading
import weakref

import pytest

import smbstrat
from conftest import make_profile, make_responses, make_scenarios, rate_small_forces

approx = pytest.approx

# A document with every new section, small enough to read: giant's exposure
# is 0.4 × 4 × (1 − 0.5 × R) with R = (innovation 4 + data_driven 0 +
# agility 2) / 3 / 5 = 0.4: 0.4 × 4 × 0.8 = 1.28.
DECISIONS = """\
{
  "smbstrat": 1,
  "resilience": {
    "capabilities": {
      "adaptability": {"maturity": 3},
      "agility": {"maturity": 2, "rationale": "Small team"},
      "innovation": {"maturity": 4},
      "customer_centricity": {"maturity": 1}
    }
  },
  "scenarios": [
    {"id": "giant", "title": "Online giant", "source": "technology",
     "direction": "threat", "likelihood": 0.4, "impact": 4, "horizon_months": 12,
     "blocks": {"channels": 1}}
  ],
  "responses": [
    {"id": "shop", "title": "Online shop", "kind": "digital_channel", "cost": 6000,
     "months": 3, "effects": {"giant": {"likelihood_reduction": 0.25,
                                        "impact_reduction": 0.5}},
     "gains": {"agility": 1}}
  ],
  "settings": {"budget": 10000}
}
"""


@pytest.fixture
def doc():
    return smbstrat.Document.loads(DECISIONS)


def test_sections_are_views(doc):
    assert isinstance(doc.resilience, smbstrat.Resilience)
    assert doc.resilience.maturity["agility"] == 2.0
    assert doc.resilience.rationale["agility"] == "Small team"
    assert doc.scenarios.ids() == ["giant"] and doc.responses.ids() == ["shop"]
    assert doc.budget == 10000.0
    assert doc.resilience.document is doc and smbstrat.Resilience().document is None
    doc.resilience.maturity["data_driven"] = 5
    doc.scenarios["giant"].impact = 5
    doc.responses["shop"].cost = 7000
    saved = smbstrat.Document.loads(doc.dumps())
    assert saved.resilience.maturity["data_driven"] == 5.0
    assert saved.scenarios["giant"].impact == 5.0
    assert saved.responses["shop"].cost == 7000.0


def test_a_document_round_trips_exactly(doc):
    text = doc.dumps()
    again = smbstrat.Document.loads(text)
    assert again.dumps() == text
    assert again.resilience == doc.resilience and again.scenarios == doc.scenarios
    assert again.responses == doc.responses


def test_empty_document_has_no_sections():
    doc = smbstrat.Document()
    assert (doc.resilience, doc.scenarios, doc.responses, doc.budget) == (None, None, None, None)
    assert repr(doc) == "<Document (empty)>"
    score = doc.score()
    assert (score.forces, score.resilience, score.scenarios, score.stress, score.heat) == (
        None, None, None, (), None)
    assert repr(score) == "<DocumentScore: nothing to score>"


def test_assigning_sections_stores_copies():
    doc = smbstrat.Document()
    profile, scenarios, responses = make_profile(), make_scenarios(), make_responses()
    doc.resilience = profile
    doc.scenarios = scenarios
    doc.responses = responses
    assert doc.resilience == profile and doc.scenarios == scenarios
    assert doc.responses == responses
    profile.maturity["agility"] = 5  # the document holds its own copy
    assert doc.resilience.maturity["agility"] == 2.0
    assert repr(doc) == "<Document: resilience index 0.4; 4 scenarios; 3 responses>"
    for section, value in (("resilience", smbstrat.Scenarios()),
                           ("scenarios", smbstrat.Responses()),
                           ("responses", [])):
        with pytest.raises(TypeError):
            setattr(doc, section, value)
    del doc.responses
    assert doc.responses is None
    doc.scenarios = smbstrat.Scenarios()  # an empty set is a section, not None
    assert doc.scenarios is not None and len(doc.scenarios) == 0


def test_budget(doc):
    doc.budget = 2500.5
    assert doc.budget == 2500.5
    with pytest.raises(smbstrat.RangeError, match="budget"):
        doc.budget = -1
    with pytest.raises(TypeError):
        doc.budget = "100"
    assert doc.budget == 2500.5
    doc.budget = None
    assert doc.budget is None
    doc.budget = 0
    del doc.budget
    assert doc.budget is None
    assert '"budget"' not in doc.dumps()


def test_views_take_their_document_defaults(doc):
    scenarios, responses = doc.scenarios, doc.responses
    # scored against the document's profile: 1.28 (module docstring)
    assert scenarios.score()["giant"].exposure == approx(1.28)
    # an explicit profile wins: zeros give no credit, 0.4 × 4 = 1.6
    assert scenarios.score(smbstrat.Resilience())["giant"].exposure == approx(1.6)
    # heat on the document's (absent) canvas: no item counts
    assert scenarios.heat()["channels"].heat == approx(1.28)
    assert scenarios.heat()["channels"].items is None
    # the budget, scenarios and profile come from the document:
    # shop leaves giant at 0.3 × 2 × (1 − 0.5 × 7/15) = 0.46
    portfolio = responses.plan()
    assert portfolio.chosen == ("shop",) and portfolio.budget == 10000.0
    assert portfolio.residual == approx(0.46)
    assert responses.residual(["shop"]).total == approx(0.46)
    assert responses.rank()["shop"].rank == 1
    with pytest.raises(TypeError, match="needs a Forces"):
        scenarios.stress("giant")
    doc.forces = rate_small_forces(smbstrat.Forces())
    doc.scenarios["giant"].add_shift("substitutes", "price_performance", 1)
    assert doc.scenarios.stress("giant").shifts[0].rating_after == 3.5


def test_document_score_calls_every_model(small_text):
    doc = smbstrat.Document.loads(small_text)
    doc.forces = rate_small_forces(smbstrat.Forces())
    doc.resilience = make_profile()
    doc.scenarios = make_scenarios()
    score = doc.score()
    assert isinstance(score, smbstrat.DocumentScore)
    assert score.forces.pressure == approx(0.4375)  # as in test_forces_scores
    # index (3 + 2 + 4 + 1 + 0) / 5 / 5 = 0.4; weakest data_driven 0
    assert (score.resilience.index, score.resilience.weakest_link,
            score.resilience.weakest) == (approx(0.4), 0.0, "data_driven")
    assert score.resilience.maturity["innovation"] == 4.0
    assert [t.id for t in score.scenarios.threats] == ["wage", "giant", "breach"]
    assert score.scenarios["giant"].exposure == approx(1.28)
    # giant and wage shift drivers; subs and breach do not
    assert [s.scenario for s in score.stress] == ["giant", "wage"]
    assert score.stress[1].shifts[0].clamped
    # heat with the small canvas's item counts
    assert score.heat["channels"].heat == approx(1.73) and score.heat["channels"].items == 1
    assert repr(score) == ("<DocumentScore: forces, resilience, 4 scenarios, 2 stress tests, "
                           "heat>")


def test_views_detach_when_sections_are_replaced(doc):
    profile = doc.resilience
    agility = profile["agility"]
    maturity = profile.maturity
    scenarios = doc.scenarios
    giant = scenarios["giant"]
    responses = doc.responses
    shop = responses["shop"]
    weights = responses.weights
    doc.resilience = smbstrat.Resilience()
    doc.scenarios = None
    del doc.responses
    for view in (profile, scenarios, responses):
        assert not view.attached
    for use in (lambda: profile.index, lambda: agility.maturity, lambda: maturity["agility"],
                lambda: maturity.update({"agility": 1}), lambda: profile.copy(),
                lambda: len(scenarios), lambda: giant.title, lambda: scenarios.score(),
                lambda: scenarios.add("x", "X", "economic", "threat", 0.1, 1),
                lambda: scenarios.render("svg"), lambda: list(scenarios),
                lambda: len(responses), lambda: shop.cost, lambda: weights["cost"],
                lambda: responses.criteria, lambda: responses.copy(),
                lambda: responses.rank(make_scenarios())):
        with pytest.raises(smbstrat.DetachedError, match="detached"):
            use()
    with pytest.raises(smbstrat.DetachedError):
        agility.maturity = 3
    with pytest.raises(smbstrat.DetachedError):
        doc.scenarios = scenarios  # nothing left to copy
    # a live section scored against a detached one fails cleanly too
    doc.scenarios = make_scenarios()
    with pytest.raises(smbstrat.DetachedError):
        doc.scenarios.score(profile)
    assert repr(profile) == "<Resilience (detached)>"
    assert repr(agility) == "<Capability 'agility' (detached)>"
    assert repr(maturity) == "<maturity of a detached Resilience>"
    assert repr(scenarios) == "<Scenarios (detached)>"
    assert "no longer in the set" in repr(giant)
    assert repr(responses) == "<Responses (detached)>"
    assert "no longer in the set" in repr(shop)
    assert repr(weights) == "<weights of detached Responses>"


def test_results_outlive_their_sections(doc):
    result = doc.scenarios.score()
    portfolio = doc.responses.plan()
    doc.scenarios = None
    doc.responses = None
    gc.collect()
    assert result["giant"].exposure == approx(1.28)
    assert portfolio.chosen == ("shop",)


def test_views_keep_their_document_alive():
    doc = smbstrat.Document.loads(DECISIONS)
    giant = doc.scenarios["giant"]
    shop = doc.responses["shop"]
    agility = doc.resilience["agility"]
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is not None
    assert giant.title == "Online giant" and shop.cost == 6000.0 and agility.maturity == 2.0
    del giant, shop, agility
    gc.collect()
    assert ref() is None


def test_assigning_a_document_its_own_section(doc):
    view = doc.scenarios
    doc.scenarios = view
    assert doc.scenarios.ids() == ["giant"]
    with pytest.raises(smbstrat.DetachedError):
        view.ids()


@pytest.mark.parametrize("section, needle, error, path", [
    ('"scenarios": [{"id": "a", "title": "A", "source": "technology", "direction": "threat",'
     ' "likelihood": 1.2, "impact": 3}]', "likelihood", smbstrat.RangeError,
     "$.scenarios[0].likelihood"),
    ('"scenarios": [{"id": "a", "title": "A", "source": "technology", "direction": "threat",'
     ' "likelihood": {"dist": "pert", "min": 0.2, "mode": 0.9, "max": 0.5}, "impact": 3}]',
     "mode", smbstrat.RangeError, "$.scenarios[0].likelihood"),
    ('"scenarios": [{"id": "a", "title": "A", "source": "technology", "direction": "threat",'
     ' "likelihood": 0.2, "impact": 3, "blocks": {"lobby": 1}}]', "lobby",
     smbstrat.SchemaError, "$.scenarios[0].blocks"),
    ('"responses": [{"id": "r", "title": "R", "kind": "automation", "cost": 1, "months": 1,'
     ' "effects": {"ghost": {"likelihood_reduction": 0.1}}}]', "ghost",
     smbstrat.NotFoundError, "$.responses[0].effects"),
    ('"responses": [{"id": "r", "title": "R", "kind": "automation", "cost": -1,'
     ' "months": 1}]', "cost", smbstrat.RangeError, "$.responses[0].cost"),
])
def test_bad_sections_are_located(section, needle, error, path):
    with pytest.raises(error, match=needle) as info:
        smbstrat.Document.loads('{"smbstrat": 1, ' + section + "}")
    assert info.value.path.startswith(path)
    assert info.value.line == 1 and info.value.column > 1


def test_scoring_while_another_thread_replaces_the_section():
    doc = smbstrat.Document.loads(DECISIONS)
    errors = []

    def replacer():
        for _ in range(100):
            doc.scenarios = make_scenarios()
            doc.resilience = make_profile()

    def scorer():
        for _ in range(100):
            try:
                doc.scenarios.score()
                doc.responses.plan(5000)
            except smbstrat.DetachedError:
                pass  # replaced between taking the view and using it
            except Exception as exc:  # reported to the main thread below
                errors.append(exc)

    threads = [threading.Thread(target=fn) for fn in (replacer, scorer, scorer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert doc.scenarios.ids() == ["giant", "wage", "subs", "breach"]


def test_bakery_example(bakery_path):
    doc = smbstrat.Document.load(bakery_path)
    if doc.scenarios is None or doc.responses is None:
        pytest.skip("this example has no scenarios or responses yet")
    assert len(doc.scenarios) >= 8 and len(doc.responses) >= 6
    score = doc.score()
    threats = score.scenarios.threats
    assert threats and [t.rank for t in threats] == list(range(1, len(threats) + 1))
    assert all(a.exposure >= b.exposure for a, b in zip(threats, threats[1:]))
    assert score.scenarios.totals["threat"].exposure == approx(sum(t.exposure for t in threats))
    for s in score.scenarios.scores:
        assert 1 <= s.rating <= 25 and s.band in ("low", "medium", "high", "critical")
        assert s.exposure == approx(s.likelihood * s.impact * s.factor)
    assert score.heat.total == approx(sum(b.heat for b in score.heat.blocks))
    if doc.forces is not None:
        shifting = [s.id for s in doc.scenarios if s.shifts]
        assert [t.scenario for t in score.stress] == shifting
    assert 0 <= score.resilience.index <= 1
    portfolio = doc.responses.plan()
    assert portfolio.cost <= doc.budget and portfolio.exact
    assert portfolio.residual == approx(portfolio.base - portfolio.reduction)
    assert sum(item.incremental for item in portfolio.contributions) == approx(
        portfolio.reduction)
    ranking = doc.responses.rank()
    assert sorted(r.id for r in ranking) == sorted(doc.responses.ids())
    text = doc.dumps()
    assert smbstrat.Document.loads(text).dumps() == text
