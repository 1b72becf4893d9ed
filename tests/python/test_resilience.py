# SPDX-License-Identifier: MIT
"""The resilience profile: capability views, the live field mappings, the
indices worked out by hand (docs/methodology.md, "Resilience"), and bad
input refused with the profile left as it was."""

import copy
import importlib.util
import pickle

import pytest

import smbstrat

approx = pytest.approx
HAS_PANDAS = importlib.util.find_spec("pandas") is not None


def test_a_new_profile_gives_no_credit():
    profile = smbstrat.Resilience()
    assert list(profile) == list(smbstrat.CAPABILITY_KEYS) == [
        "adaptability", "agility", "innovation", "customer_centricity", "data_driven"]
    assert len(profile) == 5
    assert dict(profile.maturity) == dict.fromkeys(smbstrat.CAPABILITY_KEYS, 0.0)
    assert dict(profile.weight) == dict.fromkeys(smbstrat.CAPABILITY_KEYS, 1.0)
    assert dict(profile.rationale) == dict.fromkeys(smbstrat.CAPABILITY_KEYS, None)
    assert profile.index == 0.0
    assert profile.weakest_link == 0.0
    assert profile.weakest == "adaptability"  # a tie goes to the first in order


def test_capability_views_read_and_change_the_profile(profile):
    agility = profile["agility"]
    assert isinstance(agility, smbstrat.Capability)
    assert (agility.key, agility.title) == ("agility", "Agility")
    assert profile["customer_centricity"].title == "Customer-centricity"
    assert agility.maturity == 2.0 and agility.weight == 1.0 and agility.rationale is None
    agility.maturity = 3.5
    agility.rationale = "Four people decide over coffee"
    assert profile.maturity["agility"] == 3.5
    assert profile.rationale["agility"] == "Four people decide over coffee"
    del agility.rationale
    assert profile.rationale["agility"] is None
    profile.maturity["data_driven"] = 1.5
    assert profile["data_driven"].maturity == 1.5
    assert profile["agility"] == agility and agility in {profile["agility"]}
    assert "agility" in profile and "speed" not in profile
    assert "agility" in profile.maturity


def test_index_and_weakest_link_by_hand(profile):
    # maturities 3, 2, 4, 1, 0, weights 1: index = (3 + 2 + 4 + 1 + 0) / 5 / 5 = 0.4
    assert profile.index == approx(0.4)
    # the lowest maturity is data_driven's 0 -> 0 / 5
    assert (profile.weakest_link, profile.weakest) == (0.0, "data_driven")
    # weight 0 takes data_driven out of both; adaptability weighs 2:
    # index = (2·3 + 2 + 4 + 1) / (2 + 1 + 1 + 1) / 5 = 13 / 5 / 5 = 0.52
    profile.weight.update({"data_driven": 0, "adaptability": 2})
    assert profile.index == approx(0.52)
    # weakest of positive weight: customer_centricity 1 -> 1 / 5 = 0.2
    assert profile.weakest_link == approx(0.2)
    assert profile.weakest == "customer_centricity"


def test_relevant_resilience_is_a_plain_mean(profile):
    # innovation, data_driven, agility: (4 + 0 + 2) / 3 / 5 = 0.4, whatever the weights
    profile.weight["innovation"] = 10
    assert profile.relevant(["innovation", "data_driven", "agility"]) == approx(0.4)
    assert profile.relevant(("adaptability",)) == approx(0.6)
    with pytest.raises(smbstrat.InvalidArgumentError):
        profile.relevant([])
    with pytest.raises(smbstrat.InvalidArgumentError, match="listed twice"):
        profile.relevant(["agility", "agility"])
    with pytest.raises(TypeError):
        profile.relevant("agility")


def test_constructor_fills_the_fields():
    profile = smbstrat.Resilience({"agility": 4}, weight={"agility": 2},
                                  rationale={"agility": "Small team"})
    assert profile.to_dict()["agility"] == {"maturity": 4.0, "weight": 2.0,
                                            "rationale": "Small team"}


@pytest.mark.parametrize("field, values, error, needle", [
    ("maturity", {"agility": 3, "innovation": 6}, smbstrat.RangeError,
     "innovation maturity"),
    ("maturity", {"agility": float("nan")}, smbstrat.RangeError, "agility maturity"),
    ("maturity", {"agility": -0.5}, smbstrat.RangeError, "agility maturity"),
    ("weight", {"agility": -1}, smbstrat.RangeError, "agility weight"),
    ("weight", {"agility": float("inf")}, smbstrat.RangeError, "agility weight"),
    ("maturity", {"speed": 3}, smbstrat.NotFoundError, "unknown capability 'speed'"),
])
def test_bad_values_leave_the_profile_unchanged(profile, field, values, error, needle):
    before = profile.copy()
    with pytest.raises(error, match=needle):
        getattr(profile, field).update(values)
    assert profile == before


def test_bad_types_and_text(profile):
    before = profile.copy()
    with pytest.raises(TypeError):
        profile.maturity["agility"] = "3"
    with pytest.raises(TypeError):
        profile["agility"].weight = True
    with pytest.raises(smbstrat.InvalidArgumentError, match="NUL"):
        profile["agility"].rationale = "a\0b"
    with pytest.raises(UnicodeEncodeError):
        profile["agility"].rationale = "\udc80"
    with pytest.raises(smbstrat.NotFoundError):
        profile["speed"]
    with pytest.raises(KeyError):  # NotFoundError is a KeyError, as a mapping wants
        profile.maturity["speed"]
    assert profile == before


def test_the_last_weight_cannot_go(profile):
    before = profile.copy()
    with pytest.raises(smbstrat.RangeError, match="at least one must count"):
        profile.weight.update(dict.fromkeys(smbstrat.CAPABILITY_KEYS, 0))
    assert profile == before
    # moving all the weight onto one capability at once is fine: positive
    # weights are set first
    profile.weight.update({"adaptability": 0, "agility": 0, "innovation": 0,
                           "customer_centricity": 0, "data_driven": 5})
    assert profile.weight["data_driven"] == 5 and profile.index == 0.0


def test_copies_equality_and_pickling(profile):
    twin = profile.copy()
    assert twin == profile and twin is not profile
    twin.maturity["agility"] = 5
    assert twin != profile
    assert copy.deepcopy(profile) == profile
    restored = pickle.loads(pickle.dumps(profile))
    assert restored == profile
    with pytest.raises(TypeError):
        hash(profile)


def test_reprs(profile):
    assert repr(profile) == ("<Resilience index 0.4: adaptability 3, agility 2, innovation 4, "
                             "customer_centricity 1, data_driven 0>")
    assert repr(profile["agility"]) == "<Capability 'agility': maturity 2>"
    profile["agility"].weight = 2
    assert repr(profile["agility"]) == "<Capability 'agility': maturity 2, weight 2>"
    assert repr(profile.maturity).startswith("<maturity of Resilience: {'adaptability': 3.0")
    html = profile._repr_html_()
    assert html.startswith('<div class="smbstrat-resilience"><table>')
    assert "<td>Customer-centricity</td>" in html and html.endswith("</table></div>")


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is not installed")
def test_dataframe(profile):
    profile["agility"].rationale = "Small team"
    frame = profile.to_dataframe()
    assert list(frame.columns) == ["capability", "title", "maturity", "weight", "rationale"]
    assert list(frame["capability"]) == list(smbstrat.CAPABILITY_KEYS)
    assert list(frame["maturity"]) == [3.0, 2.0, 4.0, 1.0, 0.0]
    assert frame.loc[1, "rationale"] == "Small team"
    assert str(frame["weight"].dtype) == "float64"
