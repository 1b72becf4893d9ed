# SPDX-License-Identifier: MIT
"""A set of scenarios as a Python sequence: adding (all-or-nothing),
reading and changing scenarios through their views, settings, and bad
input refused with the set left as it was."""

import copy
import importlib.util
import pickle

import pytest

import smbstrat
from smbstrat import Estimate, Shift

HAS_PANDAS = importlib.util.find_spec("pandas") is not None


def test_sequence_and_lookup(scenarios):
    assert len(scenarios) == 4
    assert scenarios.ids() == ["giant", "wage", "subs", "breach"]
    assert [s.id for s in scenarios] == scenarios.ids()
    assert scenarios[0].id == "giant" and scenarios[-1].id == "breach"
    assert [s.id for s in scenarios[1:3]] == ["wage", "subs"]
    assert scenarios["wage"] == scenarios[1]
    assert "wage" in scenarios and scenarios["wage"] in scenarios
    assert "nope" not in scenarios and 3 not in scenarios
    assert scenarios.get("nope") is None and scenarios.get("subs").position == 2
    with pytest.raises(smbstrat.NotFoundError, match="nope"):
        scenarios["nope"]
    with pytest.raises(IndexError):
        scenarios[4]
    with pytest.raises(TypeError):
        scenarios[1.0]


def test_every_field_reads_back(scenarios):
    wage = scenarios["wage"].to_dict()
    assert wage == {
        "id": "wage", "position": 1, "title": "Minimum wage rises", "description": None,
        "source": "economic", "direction": "threat", "kind": frozenset(),
        "likelihood": Estimate("pert", 0.5, 0.7, 0.9),
        "impact": Estimate("triangular", 2, 3, 4),
        "money": Estimate("uniform", 10000, 20000, 30000),
        "horizon_months": 6.0, "blocks": {"cost_structure": 1.0},
        "shifts": (Shift("rivalry", "fixed_costs", 4.0),),
        "mitigated_by": ("adaptability", "agility"), "mitigation_override": False,
    }
    giant = scenarios["giant"]
    assert giant.kind == frozenset({"technological", "disruptive"})
    assert giant.blocks == {"channels": 1.0, "revenue_streams": 0.5}
    # the technology source's default mitigators, in capability order
    assert giant.mitigated_by == ("agility", "innovation", "data_driven")
    assert scenarios["breach"].mitigated_by == ("customer_centricity",)
    assert scenarios["breach"].mitigation_override


def test_views_change_the_set(scenarios):
    giant = scenarios["giant"]
    giant.title = "Online grocers"
    giant.description = "Next-morning slots"
    giant.source = "digital_platforms"
    giant.direction = "opportunity"
    giant.kind = ["business_model", "sustaining", "operational"]
    giant.likelihood = Estimate.triangular(0.1, 0.2, 0.3)
    giant.impact = {"dist": "pert", "min": 1, "mode": 2, "max": 5}
    giant.money = Estimate.point(5000)
    giant.horizon_months = 30
    giant.hit("key_resources", 0.25)
    giant.spare("revenue_streams")
    giant.add_shift("buyer_power", "buyer_information", -1)
    giant.remove_shift("substitutes", "price_performance")
    giant.mitigated_by = ["agility"]
    fields = giant.to_dict()
    assert fields["title"] == "Online grocers" and fields["description"] == "Next-morning slots"
    assert (fields["source"], fields["direction"]) == ("digital_platforms", "opportunity")
    assert fields["kind"] == frozenset({"business_model", "sustaining", "operational"})
    assert fields["likelihood"] == Estimate("triangular", 0.1, 0.2, 0.3)
    assert fields["impact"] == Estimate("pert", 1, 2, 5)
    assert fields["money"] == 5000.0 and fields["horizon_months"] == 30.0
    assert fields["blocks"] == {"key_resources": 0.25, "channels": 1.0}
    assert fields["shifts"] == (Shift("buyer_power", "buyer_information", -1.0),)
    assert fields["mitigated_by"] == ("agility",)
    del giant.mitigated_by
    del giant.description
    del giant.money
    # the digital_platforms defaults: innovation, customer_centricity, agility
    assert giant.mitigated_by == ("agility", "innovation", "customer_centricity")
    assert giant.description is None and giant.money is None


def test_blocks_and_shifts_are_replaced_whole(scenarios):
    giant = scenarios["giant"]
    giant.blocks = {"customer_segments": 2}
    assert giant.blocks == {"customer_segments": 2.0}
    giant.shifts = [{"force": "rivalry", "driver": "exit_barriers", "delta": 0.5},
                    Shift("new_entrants", "capital_requirements", -2)]
    assert giant.shifts == (Shift("rivalry", "exit_barriers", 0.5),
                            Shift("new_entrants", "capital_requirements", -2.0))
    giant.shifts = ()
    assert giant.shifts == ()


def test_replacements_are_all_or_nothing(scenarios):
    before = scenarios.copy()
    giant = scenarios["giant"]
    # the second block's weight is refused: the first one is not kept either
    with pytest.raises(smbstrat.RangeError, match="blocks.key_resources"):
        giant.blocks = {"customer_segments": 1, "key_resources": 0}
    # the second shift repeats a driver
    with pytest.raises(smbstrat.ExistsError):
        giant.shifts = [("rivalry", "exit_barriers", 1), ("rivalry", "exit_barriers", 2)]
    with pytest.raises(smbstrat.RangeError, match="delta"):
        giant.shifts = [("rivalry", "exit_barriers", 1), ("rivalry", "fixed_costs", 5)]
    assert scenarios == before


def test_add_with_everything():
    s = smbstrat.Scenarios(mitigation=0.4, half_life=12)
    added = s.add("giant", "Online giant", "technology", "threat",
                  {"dist": "pert", "min": 0.2, "mode": 0.35, "max": 0.6},
                  Estimate.triangular(3, 4, 5), description="National grocer",
                  kind={"technological"}, money=40000, horizon_months=18,
                  blocks={"channels": 1, "revenue_streams": 0.5},
                  shifts=[Shift("substitutes", "buyer_propensity", 1.5)],
                  mitigated_by=["innovation", "agility"])
    assert isinstance(added, smbstrat.Scenario) and added.id == "giant"
    assert added.description == "National grocer" and added.money == 40000.0
    assert added.mitigated_by == ("agility", "innovation")
    assert (s.mitigation, s.half_life) == (0.4, 12.0)


@pytest.mark.parametrize("args, kwargs, error, needle", [
    (("x", "X", "technology", "threat", 1.2, 3), {}, smbstrat.RangeError,
     "scenario 'x' likelihood.min: must be a number from 0 to 1, got 1.2"),
    (("x", "X", "technology", "threat", Estimate.uniform(0.5, 0.2), 3), {},
     smbstrat.RangeError, "min 0.5 is above max 0.2"),
    (("x", "X", "technology", "threat", Estimate.pert(0.5, 0.2, 0.9), 3), {},
     smbstrat.RangeError, "likelihood.mode: 0.2 is outside"),
    (("x", "X", "technology", "threat", 0.2, {"dist": "triangular", "min": 1, "mode": 2,
                                               "max": 6}), {},
     smbstrat.RangeError, "impact.max"),
    (("x", "X", "technology", "threat", 0.2, 3), {"blocks": {"lobby": 1}},
     smbstrat.InvalidArgumentError, "unknown block 'lobby'"),
    (("x", "X", "technology", "threat", 0.2, 3), {"blocks": {"channels": -1}},
     smbstrat.RangeError, "blocks.channels"),
    (("x", "X", "technology", "threat", 0.2, 3), {"shifts": [("rivalry", "x", 9)]},
     smbstrat.RangeError, "delta"),
    (("x", "X", "technology", "threat", 0.2, 3), {"shifts": [("fame", "x", 1)]},
     smbstrat.InvalidArgumentError, "unknown force 'fame'"),
    (("x", "X", "technology", "threat", 0.2, 3),
     {"kind": ["technological", "business_model"]},
     smbstrat.InvalidArgumentError, "both technological and business_model"),
    (("x", "X", "technology", "threat", 0.2, 3), {"kind": ["radical"]},
     smbstrat.InvalidArgumentError, "unknown scenario kind 'radical'"),
    (("x", "X", "technology", "threat", 0.2, 3), {"mitigated_by": []},
     smbstrat.InvalidArgumentError, "mitigated_by"),
    (("x", "X", "technology", "threat", 0.2, 3), {"horizon_months": 0},
     smbstrat.RangeError, "horizon_months"),
    (("x", "X", "technology", "threat", 0.2, 3), {"money": -5},
     smbstrat.RangeError, "money"),
    (("x y", "X", "technology", "threat", 0.2, 3), {}, smbstrat.InvalidArgumentError,
     "id 'x y'"),
    (("x", "", "technology", "threat", 0.2, 3), {}, smbstrat.InvalidArgumentError,
     "title: must not be empty"),
    (("x", "X", "moon", "threat", 0.2, 3), {}, smbstrat.InvalidArgumentError,
     "unknown source 'moon'"),
    (("x", "X", "technology", "menace", 0.2, 3), {}, smbstrat.InvalidArgumentError,
     "unknown direction 'menace'"),
    (("giant", "Again", "technology", "threat", 0.2, 3), {}, smbstrat.ExistsError,
     "'giant' is already taken"),
    (("x\0", "X", "technology", "threat", 0.2, 3), {}, smbstrat.InvalidArgumentError, "NUL"),
])
def test_bad_adds_leave_the_set_unchanged(scenarios, args, kwargs, error, needle):
    before = scenarios.copy()
    with pytest.raises(error, match=needle.replace(".", r"\.").replace("(", r"\(")):
        scenarios.add(*args, **kwargs)
    assert scenarios == before
    assert scenarios.ids() == ["giant", "wage", "subs", "breach"]


def test_bad_types(scenarios):
    before = scenarios.copy()
    with pytest.raises(TypeError):
        scenarios.add("x", "X", "technology", "threat", "0.2", 3)
    with pytest.raises(TypeError):
        scenarios.add("x", "X", "technology", "threat", 0.2, 3, blocks=["channels"])
    with pytest.raises(TypeError):
        scenarios.add("x", "X", "technology", "threat", 0.2, 3, shifts="rivalry")
    with pytest.raises(UnicodeEncodeError):
        scenarios.add("x", "\udc80", "technology", "threat", 0.2, 3)
    with pytest.raises(TypeError):
        scenarios["giant"].horizon_months = None
    with pytest.raises(TypeError):
        scenarios["giant"].kind = "technological"
    assert scenarios == before


def test_setting_a_field_wrong_changes_nothing(scenarios):
    before = scenarios.copy()
    giant = scenarios["giant"]
    for attribute, value, error in (
            ("likelihood", -0.1, smbstrat.RangeError),
            ("impact", 0.5, smbstrat.RangeError),
            ("impact", {"dist": "triangular", "min": 2, "max": 4}, smbstrat.InvalidArgumentError),
            ("likelihood", {"dist": "pert", "min": 0.1, "mode": 0.2, "max": 0.3, "p": 1},
             smbstrat.InvalidArgumentError),
            ("title", "", smbstrat.InvalidArgumentError),
            ("direction", "both", smbstrat.InvalidArgumentError),
            ("mitigated_by", ["agility", "agility"], smbstrat.InvalidArgumentError)):
        with pytest.raises(error):
            setattr(giant, attribute, value)
    with pytest.raises(smbstrat.NotFoundError):
        giant.spare("key_partnerships")  # not hit
    with pytest.raises(smbstrat.NotFoundError):
        giant.remove_shift("rivalry", "exit_barriers")
    assert scenarios == before


def test_settings(scenarios):
    assert (scenarios.mitigation, scenarios.half_life) == (0.5, 24.0)
    scenarios.mitigation = 0.8
    scenarios.half_life = 6
    assert (scenarios.mitigation, scenarios.half_life) == (0.8, 6.0)
    with pytest.raises(smbstrat.RangeError, match="mitigation"):
        scenarios.mitigation = 1.5
    with pytest.raises(smbstrat.RangeError, match="half_life"):
        scenarios.half_life = 1201
    assert (scenarios.mitigation, scenarios.half_life) == (0.8, 6.0)


def test_remove_and_views_of_removed_scenarios(scenarios):
    wage = scenarios["wage"]
    scenarios.remove("wage")
    assert scenarios.ids() == ["giant", "subs", "breach"]
    assert not wage.exists
    with pytest.raises(smbstrat.NotFoundError, match="no longer in the set"):
        wage.title
    with pytest.raises(smbstrat.NotFoundError):
        wage.title = "Back"
    assert "no longer in the set" in repr(wage)
    scenarios.remove(scenarios["subs"])
    with pytest.raises(smbstrat.NotFoundError):
        scenarios.remove("subs")
    assert scenarios["breach"].position == 1


def test_iteration_walks_a_snapshot(scenarios):
    seen = []
    for scenario in scenarios:
        seen.append(scenario.id)
        if scenario.id == "giant":
            scenarios.remove("wage")
    assert seen[0] == "giant" and "subs" in seen and "breach" in seen


def test_copies_equality_and_pickling(scenarios):
    twin = scenarios.copy()
    assert twin == scenarios
    twin["giant"].impact = 5
    assert twin != scenarios and scenarios["giant"].impact == 4.0
    assert copy.copy(scenarios) == scenarios
    assert pickle.loads(pickle.dumps(scenarios)) == scenarios
    # the views of two sets differ even for the same id
    assert twin["giant"] != scenarios["giant"]


def test_reprs(scenarios):
    assert repr(scenarios) == ("<Scenarios: 4 (3 threats, 1 opportunity): giant, wage, subs, "
                               "breach>")
    assert repr(smbstrat.Scenarios()) == "<Scenarios: 0 (0 threats, 0 opportunities)>"
    assert repr(scenarios["wage"]) == ("<Scenario 'wage' threat (economic) 'Minimum wage rises':"
                                       " likelihood pert(0.5, 0.7, 0.9), impact "
                                       "triangular(2, 3, 4)>")
    html = scenarios._repr_html_()
    assert html.startswith('<div class="smbstrat-scenarios"><table>')
    assert "<svg" in html and "<?xml" not in html
    assert html.rstrip().endswith("</svg>\n</div>")
    # one table row per scenario, threats ranked first
    assert html.count("<tr>") == 1 + 4
    assert html.index("<td>wage</td>") < html.index("<td>giant</td>") < html.index(
        "<td>subs</td>")


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is not installed")
def test_inputs_dataframe(scenarios):
    frame = scenarios.to_dataframe()
    assert list(frame.columns) == ["id", "title", "description", "source", "direction", "kind",
                                   "likelihood", "impact", "money", "horizon_months", "blocks",
                                   "shifts", "mitigated_by"]
    assert list(frame["id"]) == ["giant", "wage", "subs", "breach"]
    # means: PERT (0.5 + 4·0.7 + 0.9) / 6 = 0.7, triangular (2 + 3 + 4) / 3 = 3,
    # uniform (10000 + 30000) / 2 = 20000; no money -> NaN
    assert frame.loc[1, ["likelihood", "impact", "money"]].tolist() == pytest.approx(
        [0.7, 3.0, 20000.0])
    assert frame["money"].isna().tolist() == [True, False, True, True]
    assert frame.loc[0, "kind"] == ("disruptive", "technological")
    assert frame.loc[3, "mitigated_by"] == ("customer_centricity",)
