# SPDX-License-Identifier: MIT
"""Forces, Force, Drivers and Driver: the catalogue, the views, every setter
and every kind of bad input (refused with the right exception, nothing
changed)."""

import math

import pytest

import smbstrat

# docs/methodology.md, "Porter's five forces": new_entrants 9, supplier_power 6,
# buyer_power 6, substitutes 3, rivalry 7.
CATALOGUE = {"new_entrants": 9, "supplier_power": 6, "buyer_power": 6, "substitutes": 3,
             "rivalry": 7}


def test_new_assessment_holds_the_unrated_catalogue():
    forces = smbstrat.Forces()
    assert len(forces) == 5
    assert [force.key for force in forces] == list(CATALOGUE) == list(smbstrat.FORCE_KEYS)
    assert forces.keys() == smbstrat.FORCE_KEYS
    for force in forces:
        assert len(force.drivers) == CATALOGUE[force.key] == len(force)
        assert force.weight == 1.0
        assert force.score is None and force.intensity is None and force.band is None
        for driver in force.drivers:
            assert not driver.custom and not driver.rated
            assert driver.rating is None and driver.confidence is None
            assert driver.rationale is None and driver.weight == 1.0
            assert driver.question and driver.title
    assert forces.name == "" and forces.description == ""
    assert forces.pressure is None and forces.attractiveness is None
    assert forces.dominant == ()


def test_name_and_description():
    forces = smbstrat.Forces(name="Bakeries", description="City centre, 2026")
    assert (forces.name, forces.description) == ("Bakeries", "City centre, 2026")
    forces.name = None  # clears
    assert forces.name == ""
    with pytest.raises(TypeError):
        forces.description = 5
    with pytest.raises(smbstrat.InvalidArgumentError):
        forces.name = "a\0b"
    assert forces.description == "City centre, 2026"


def test_forces_are_indexed_by_key_and_position():
    forces = smbstrat.Forces()
    rivalry = forces["rivalry"]
    assert rivalry.key == "rivalry"
    assert rivalry.title == "Rivalry Among Existing Competitors"
    assert forces[4] == rivalry == forces[-1]
    assert forces[0].key == "new_entrants"
    assert "rivalry" in forces and rivalry in forces
    assert "bogus" not in forces and smbstrat.Forces()["rivalry"] not in forces
    with pytest.raises(smbstrat.NotFoundError) as info:
        forces["bogus"]
    assert isinstance(info.value, KeyError)
    assert "rivalry" in str(info.value)  # lists the known keys
    with pytest.raises(IndexError):
        forces[5]
    with pytest.raises(TypeError):
        forces[1.5]
    with pytest.raises(TypeError):
        forces[True]


def test_drivers_are_indexed_by_key_and_position():
    rivalry = smbstrat.Forces()["rivalry"]
    drivers = rivalry.drivers
    assert drivers.keys() == ("number_and_balance", "industry_growth", "fixed_costs",
                              "differentiation", "exit_barriers", "capacity_increments",
                              "rival_diversity")
    assert drivers["exit_barriers"] == drivers[4] == rivalry["exit_barriers"] == drivers[-3]
    assert [d.key for d in drivers[1:3]] == ["industry_growth", "fixed_costs"]
    exit_barriers = drivers["exit_barriers"]
    assert (exit_barriers.key, exit_barriers.force, exit_barriers.position) == (
        "exit_barriers", "rivalry", 4)
    assert exit_barriers.title == "Exit barriers"
    assert "exit_barriers" in drivers and exit_barriers in rivalry
    assert "exit_barriers" not in smbstrat.Forces()["substitutes"].drivers
    assert exit_barriers not in smbstrat.Forces()["rivalry"].drivers  # another assessment
    with pytest.raises(smbstrat.NotFoundError) as info:
        drivers["bogus"]
    assert "bogus" in str(info.value) and isinstance(info.value, KeyError)
    with pytest.raises(IndexError):
        drivers[7]
    with pytest.raises(TypeError):
        drivers[None]


def test_driver_setters_round_trip():
    forces = smbstrat.Forces()
    driver = forces["rivalry"]["exit_barriers"]
    driver.rating = 3.5
    driver.weight = 2
    driver.confidence = 0.75
    driver.rationale = "Leases run ten years"
    assert (driver.rating, driver.weight, driver.confidence, driver.rationale) == (
        3.5, 2.0, 0.75, "Leases run ten years")
    assert driver.rated
    assert driver.to_dict() == {
        "force": "rivalry", "key": "exit_barriers", "position": 4,
        "title": "Exit barriers", "question": driver.question, "custom": False,
        "rating": 3.5, "weight": 2.0, "confidence": 0.75,
        "rationale": "Leases run ten years",
    }
    driver.rating = None
    assert driver.rating is None and not driver.rated
    driver.rating = 5
    del driver.rating
    assert driver.rating is None
    driver.confidence = None
    assert driver.confidence is None
    driver.confidence = 1
    del driver.confidence
    assert driver.confidence is None
    driver.rationale = ""
    assert driver.rationale is None
    driver.rationale = "again"
    del driver.rationale
    assert driver.rationale is None
    # the extremes of each range are accepted
    driver.rating = 1
    driver.rating = 5
    driver.confidence = 0
    driver.weight = 0  # the force keeps six drivers of positive weight
    assert (driver.rating, driver.confidence, driver.weight) == (5.0, 0.0, 0.0)


@pytest.mark.parametrize("bad, error, needle", [
    (0, smbstrat.RangeError, "rivalry/exit_barriers rating"),
    (6, smbstrat.RangeError, "rivalry/exit_barriers rating"),
    (0.999, smbstrat.RangeError, "rating"),
    (math.nan, smbstrat.RangeError, "rating"),
    (math.inf, smbstrat.RangeError, "rating"),
    (-math.inf, smbstrat.RangeError, "rating"),
    (10**400, smbstrat.RangeError, "rating"),  # too large even for a float
    ("3", TypeError, "rating"),
    (True, TypeError, "rating"),
    ([3], TypeError, "rating"),
])
def test_bad_rating_is_refused_and_changes_nothing(bad, error, needle):
    forces = smbstrat.Forces()
    driver = forces["rivalry"]["exit_barriers"]
    driver.rating = 2
    before = forces.copy()
    with pytest.raises(error) as info:
        driver.rating = bad
    assert needle in str(info.value)
    assert driver.rating == 2.0
    assert forces == before


@pytest.mark.parametrize("bad, error", [
    (-1, smbstrat.RangeError),
    (-0.0001, smbstrat.RangeError),
    (math.nan, smbstrat.RangeError),
    (math.inf, smbstrat.RangeError),
    (1e6 + 1, smbstrat.RangeError),  # above SMB_FORCES_MAX_WEIGHT
    ("1", TypeError),
    (None, TypeError),
])
def test_bad_driver_weight_is_refused_and_changes_nothing(bad, error):
    forces = smbstrat.Forces()
    driver = forces["rivalry"]["exit_barriers"]
    before = forces.copy()
    with pytest.raises(error) as info:
        driver.weight = bad
    assert "weight" in str(info.value)
    assert driver.weight == 1.0 and forces == before


def test_last_driver_of_positive_weight_keeps_it():
    forces = smbstrat.Forces()
    substitutes = forces["substitutes"]  # three drivers
    substitutes["price_performance"].weight = 0
    substitutes["switching_costs"].weight = 0
    before = forces.copy()
    with pytest.raises(smbstrat.RangeError) as info:
        substitutes["buyer_propensity"].weight = 0
    assert "buyer_propensity" in str(info.value)
    assert substitutes["buyer_propensity"].weight == 1.0 and forces == before


@pytest.mark.parametrize("bad, error", [
    (-0.1, smbstrat.RangeError), (1.1, smbstrat.RangeError), (math.nan, smbstrat.RangeError),
    ("0.5", TypeError),
])
def test_bad_confidence_is_refused(bad, error):
    forces = smbstrat.Forces()
    driver = forces["buyer_power"]["buyer_information"]
    driver.confidence = 0.5
    before = forces.copy()
    with pytest.raises(error) as info:
        driver.confidence = bad
    assert "confidence" in str(info.value)
    assert driver.confidence == 0.5 and forces == before


def test_bad_rationale_is_refused():
    forces = smbstrat.Forces()
    driver = forces["rivalry"]["differentiation"]
    driver.rationale = "kept"
    before = forces.copy()
    with pytest.raises(TypeError):
        driver.rationale = 3
    with pytest.raises(smbstrat.InvalidArgumentError):
        driver.rationale = "nul\0inside"
    with pytest.raises(UnicodeEncodeError):
        driver.rationale = "\ud800"  # a lone surrogate is not UTF-8 (as for items)
    with pytest.raises(smbstrat.LimitError):
        driver.rationale = "x" * (65536 + 1)  # SMB_MAX_TEXT_LENGTH + 1
    assert driver.rationale == "kept" and forces == before


def test_force_weight():
    forces = smbstrat.Forces()
    forces["rivalry"].weight = 1.5
    assert forces["rivalry"].weight == 1.5
    before = forces.copy()
    for bad, error in ((-1, smbstrat.RangeError), (math.nan, smbstrat.RangeError),
                       (2e6, smbstrat.RangeError), ("2", TypeError), (None, TypeError)):
        with pytest.raises(error) as info:
            forces["rivalry"].weight = bad
        assert "weight" in str(info.value)
    assert forces == before
    # every force but one may weigh 0; the last one keeps its weight
    for key in ("new_entrants", "supplier_power", "buyer_power", "substitutes"):
        forces[key].weight = 0
    before = forces.copy()
    with pytest.raises(smbstrat.RangeError):
        forces["rivalry"].weight = 0
    assert forces["rivalry"].weight == 1.5 and forces == before


def test_add_and_remove_a_driver():
    forces = smbstrat.Forces()
    driver = forces.add_driver("rivalry", "delivery_apps", "Delivery apps",
                               "Do apps push prices down?", rating=4.5, weight=2,
                               confidence=0.6, rationale="Three apps in town")
    assert isinstance(driver, smbstrat.Driver)
    assert driver.to_dict() == {
        "force": "rivalry", "key": "delivery_apps", "position": 7,
        "title": "Delivery apps", "question": "Do apps push prices down?", "custom": True,
        "rating": 4.5, "weight": 2.0, "confidence": 0.6, "rationale": "Three apps in town",
    }
    assert forces["rivalry"].drivers.keys()[-1] == "delivery_apps"
    plain = forces.add_driver(forces["substitutes"], "home_baking", "Home baking")
    assert plain.question is None and plain.rating is None and plain.weight == 1.0
    assert len(forces["substitutes"]) == 4
    forces.remove_driver("rivalry", driver)
    forces.remove_driver("substitutes", "home_baking")
    assert forces == smbstrat.Forces()
    with pytest.raises(smbstrat.NotFoundError) as info:
        driver.rating
    assert "no longer" in str(info.value)
    assert not driver.exists
    assert "no longer" in repr(driver)


def test_add_driver_with_bad_input_changes_nothing():
    forces = smbstrat.Forces()
    forces.add_driver("rivalry", "taken", "Taken")
    before = forces.copy()
    cases = [
        (("bogus", "k", "T"), {}, smbstrat.InvalidArgumentError, "bogus"),
        ((3, "k", "T"), {}, TypeError, "force"),
        (("rivalry", "taken", "Again"), {}, smbstrat.ExistsError, "taken"),
        (("rivalry", "exit_barriers", "Again"), {}, smbstrat.ExistsError, "exit_barriers"),
        (("rivalry", "has space", "T"), {}, smbstrat.InvalidArgumentError, "has space"),
        (("rivalry", "", "T"), {}, smbstrat.InvalidArgumentError, ""),
        (("rivalry", "k", ""), {}, smbstrat.InvalidArgumentError, "title"),
        (("rivalry", "k", None), {}, TypeError, "title"),
        (("rivalry", "k", "T"), {"rating": 7}, smbstrat.RangeError, "rating"),
        (("rivalry", "k", "T"), {"rating": "4"}, TypeError, "rating"),
        (("rivalry", "k", "T"), {"weight": -2}, smbstrat.RangeError, "weight"),
        (("rivalry", "k", "T"), {"confidence": 2}, smbstrat.RangeError, "confidence"),
        (("rivalry", "k", "T"), {"rationale": "\ud800"}, UnicodeEncodeError, ""),
        (("rivalry", "k", "\ud800"), {}, UnicodeEncodeError, ""),
    ]
    for args, kwargs, error, needle in cases:
        with pytest.raises(error) as info:
            forces.add_driver(*args, **kwargs)
        assert needle in str(info.value), (args, kwargs)
        assert forces == before, (args, kwargs)
    assert "k" not in forces["rivalry"]


def test_remove_driver_errors():
    forces = smbstrat.Forces()
    forces.add_driver("rivalry", "mine", "Mine")
    before = forces.copy()
    with pytest.raises(smbstrat.NotFoundError) as info:
        forces.remove_driver("rivalry", "bogus")
    assert "bogus" in str(info.value)
    with pytest.raises(smbstrat.NotFoundError):
        forces.remove_driver("substitutes", "mine")  # a driver of another force
    with pytest.raises(smbstrat.InvalidArgumentError) as info:
        forces.remove_driver("rivalry", "exit_barriers")  # the catalogue's
    assert "exit_barriers" in str(info.value)
    with pytest.raises(smbstrat.InvalidArgumentError):
        forces.remove_driver("bogus", "mine")
    with pytest.raises(TypeError):
        forces.remove_driver("rivalry", 5)
    assert forces == before


def test_drivers_iterate_over_a_snapshot():
    forces = smbstrat.Forces()
    seen = []
    for driver in forces["substitutes"].drivers:
        seen.append(driver.key)
        forces.add_driver("substitutes", f"extra_{driver.key}", "Extra")
    assert seen == ["price_performance", "switching_costs", "buyer_propensity"]
    assert len(forces["substitutes"]) == 6


def test_views_are_equal_by_what_they_show():
    forces = smbstrat.Forces()
    assert forces["rivalry"] == forces["rivalry"]
    assert hash(forces["rivalry"]) == hash(forces["rivalry"])
    assert forces["rivalry"] != forces["substitutes"]
    assert forces["rivalry"]["exit_barriers"] == forces["rivalry"].drivers[4]
    assert len({forces["rivalry"]["exit_barriers"], forces["rivalry"]["exit_barriers"]}) == 1
    assert forces["rivalry"].drivers == forces["rivalry"].drivers
    assert forces["substitutes"]["switching_costs"] != forces["rivalry"]["number_and_balance"]
    # same key, different force
    assert forces["buyer_power"]["switching_costs"] != forces["substitutes"]["switching_costs"]


def test_copy_equal_and_independent():
    import copy

    forces = smbstrat.Forces(name="A")
    forces["rivalry"]["exit_barriers"].rating = 4
    twin = copy.deepcopy(forces)
    assert twin == forces and twin is not forces
    twin["rivalry"]["exit_barriers"].rating = 2
    assert twin != forces
    assert forces["rivalry"]["exit_barriers"].rating == 4.0
    assert copy.copy(forces) == forces
    assert forces != "forces"
    with pytest.raises(TypeError):
        hash(forces)


def test_docstring_examples_run():
    import doctest

    finder = doctest.DocTestFinder(exclude_empty=True)
    attempted = 0
    for test in finder.find(smbstrat.Forces, globs={"Forces": smbstrat.Forces}):
        result = doctest.DocTestRunner().run(test)
        assert result.failed == 0, test.name
        attempted += result.attempted
    assert attempted == 3
