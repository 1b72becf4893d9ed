# SPDX-License-Identifier: MIT
"""The forces section of a document: doc.forces views, assignment copies,
views detach when the section goes, and loading, saving and pickling."""

import gc
import pickle
import weakref

import pytest

import smbstrat


def test_document_without_forces():
    doc = smbstrat.Document()
    assert doc.forces is None
    assert repr(doc) == "<Document (empty)>"
    del doc.forces  # removing an absent section is fine
    assert doc.forces is None


def test_loaded_forces(forces_doc):
    forces = forces_doc.forces
    assert isinstance(forces, smbstrat.Forces) and forces.attached
    assert forces.name == "Test Bakery"
    # the same ratings as the rated fixture: see test_forces_scores.py
    assert forces["rivalry"].score == 4.0
    assert forces["substitutes"].score == 2.75
    assert forces.pressure == pytest.approx(0.4375)
    info = forces["buyer_power"]["buyer_information"]
    assert (info.confidence, info.rationale) == (0.8, "Prices are on the window")
    apps = forces["buyer_power"]["delivery_apps"]
    assert (apps.custom, apps.title, apps.question, apps.rating) == (
        True, "Delivery apps", "Do apps set the price?", None)
    # 31 catalogue drivers + delivery_apps; 6 rated
    assert repr(forces_doc) == "<Document: forces 'Test Bakery' with 6 of 32 drivers rated>"


def test_changes_through_the_view_change_the_document(forces_doc, forces_text):
    forces_doc.forces["rivalry"]["exit_barriers"].rating = 4.5
    forces_doc.forces["rivalry"].weight = 2
    again = smbstrat.Document.loads(forces_doc.dumps()).forces
    assert again["rivalry"]["exit_barriers"].rating == 4.5
    assert again["rivalry"].weight == 2.0
    assert again != smbstrat.Document.loads(forces_text).forces


def test_save_load_round_trip_is_identical(forces_doc):
    text = forces_doc.dumps()
    again = smbstrat.Document.loads(text)
    assert again.forces == forces_doc.forces
    assert again.dumps() == text


def test_assignment_stores_a_copy(rated):
    doc = smbstrat.Document()
    doc.forces = rated
    view = doc.forces
    assert view == rated
    rated["rivalry"]["exit_barriers"].rating = 5  # the original...
    assert view["rivalry"]["exit_barriers"].rating is None  # ...is not the document's
    view["rivalry"]["differentiation"].rating = 2
    assert rated["rivalry"]["differentiation"].rating is None
    with pytest.raises(TypeError):
        doc.forces = smbstrat.Canvas()
    with pytest.raises(TypeError):
        doc.canvas = rated


@pytest.mark.parametrize("remove", ["assign_none", "delete", "replace"])
def test_views_detach_when_the_section_goes(forces_doc, remove):
    forces = forces_doc.forces
    rivalry = forces["rivalry"]
    drivers = rivalry.drivers
    driver = rivalry["industry_growth"]
    if remove == "assign_none":
        forces_doc.forces = None
    elif remove == "delete":
        del forces_doc.forces
    else:
        forces_doc.forces = smbstrat.Forces(name="New")
        assert forces_doc.forces.name == "New" and forces_doc.forces.attached
    assert not forces.attached
    uses = [
        lambda: forces.name, lambda: forces["rivalry"], lambda: list(forces),
        lambda: forces.pressure, lambda: forces.attractiveness, lambda: forces.dominant,
        lambda: forces.score(), lambda: forces.sensitivity(), lambda: forces.copy(),
        lambda: forces.render("svg"), lambda: forces.compare(smbstrat.Forces()),
        lambda: smbstrat.Forces().compare(forces), lambda: forces == smbstrat.Forces(),
        lambda: forces.add_driver("rivalry", "x", "X"),
        lambda: forces.remove_driver("rivalry", "x"),
        lambda: rivalry.score, lambda: rivalry.weight, lambda: rivalry.band,
        lambda: rivalry.drivers, lambda: rivalry["exit_barriers"], lambda: len(drivers),
        lambda: list(drivers), lambda: drivers[0], lambda: drivers["fixed_costs"],
        lambda: driver.rating, lambda: driver.title, lambda: driver.to_dict(),
        lambda: driver.exists,
    ]
    for use in uses:
        with pytest.raises(smbstrat.DetachedError) as info:
            use()
        assert "detached" in str(info.value) and "forces" in str(info.value)
    for assign in (lambda: setattr(driver, "rating", 3), lambda: setattr(rivalry, "weight", 2),
                   lambda: setattr(forces, "name", "x")):
        with pytest.raises(smbstrat.DetachedError):
            assign()
    with pytest.raises(smbstrat.DetachedError):
        del driver.rating
    with pytest.raises(smbstrat.DetachedError):
        forces_doc.forces = forces  # nothing left to copy
    assert repr(forces) == "<Forces (detached)>"
    assert "detached" in repr(rivalry) and "detached" in repr(drivers)
    assert "no longer" in repr(driver)
    with pytest.raises(smbstrat.DetachedError):
        forces._repr_html_()


def test_sections_detach_independently(small_text, forces_text):
    doc = smbstrat.Document.loads(small_text)
    doc.forces = smbstrat.Document.loads(forces_text).forces
    canvas, forces = doc.canvas, doc.forces
    doc.canvas = None
    assert forces.attached and forces["rivalry"].score == 4.0
    doc.forces = None
    assert not forces.attached
    doc.canvas = smbstrat.Canvas(name="Back")
    assert not canvas.attached  # the canvas view stays detached


def test_forces_view_keeps_its_document_alive(forces_text):
    doc = smbstrat.Document.loads(forces_text)
    driver = doc.forces["rivalry"]["industry_growth"]
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is not None
    assert driver.rating == 5.0 and driver.weight == 2.0
    del driver
    gc.collect()
    assert ref() is None


def test_owned_forces_freed_with_its_last_view():
    forces = smbstrat.Forces()
    force = forces["rivalry"]
    ref = weakref.ref(forces)
    del forces
    gc.collect()
    assert ref() is not None and force.key == "rivalry" and len(force) == 7
    del force
    gc.collect()
    assert ref() is None


def test_assigning_a_document_its_own_forces(forces_doc, forces_text):
    view = forces_doc.forces
    forces_doc.forces = view
    assert forces_doc.forces == smbstrat.Document.loads(forces_text).forces
    with pytest.raises(smbstrat.DetachedError):
        view.name


def test_many_documents_and_forces_are_released(forces_text):
    # Exercises the finalizers; under ASan this also checks that nothing is
    # freed twice or used after its free.
    refs = []
    for _ in range(100):
        doc = smbstrat.Document.loads(forces_text)
        view = doc.forces
        copy = view.copy()
        copy.add_driver("rivalry", "extra", "Extra", rating=3)
        doc.forces = copy
        refs += [weakref.ref(doc), weakref.ref(view), weakref.ref(copy)]
    del doc, view, copy
    gc.collect()
    assert all(ref() is None for ref in refs)


def test_pickle_gives_an_independent_equal_assessment(forces_doc, rated):
    for forces in (forces_doc.forces, rated):
        again = pickle.loads(pickle.dumps(forces))
        assert again == forces and again.attached
        again["rivalry"]["exit_barriers"].rating = 1
        assert forces["rivalry"]["exit_barriers"].rating is None
    doc = pickle.loads(pickle.dumps(forces_doc))
    assert doc.forces == forces_doc.forces


def test_bad_forces_sections_raise_with_the_path():
    bad = [
        ('{"smbstrat": 1, "forces": {"rivalry": {"drivers": {"exit_barriers": '
         '{"rating": 6}}}}}', smbstrat.RangeError,
         "$.forces.rivalry.drivers.exit_barriers.rating"),
        ('{"smbstrat": 1, "forces": {"rivalry": {"drivers": {"mine": {"rating": 3}}}}}',
         smbstrat.SchemaError, "$.forces.rivalry.drivers.mine"),
        ('{"smbstrat": 1, "forces": {"bogus": {}}}', smbstrat.SchemaError, "$.forces"),
    ]
    for text, error, path in bad:
        with pytest.raises(error) as info:
            smbstrat.Document.loads(text)
        assert info.value.path is not None and info.value.path.startswith(path), text
        assert info.value.line == 1


def test_example_bakery_forces(bakery_path):
    doc = smbstrat.Document.load(bakery_path)
    forces = doc.forces
    if forces is None:
        pytest.skip(f"{bakery_path.name} has no forces section yet")
    result = forces.score()
    # a full assessment: every force scored, pressure and attractiveness defined
    assert all(f.score is not None for f in result.forces)
    assert 0.0 <= result.pressure <= 1.0
    assert result.attractiveness == pytest.approx(1 - result.pressure)
    assert result.dominant and set(result.dominant) <= set(smbstrat.FORCE_KEYS)
    for f in result.forces:
        assert sum(d.contribution for d in f.contributions) == pytest.approx(f.intensity)
        assert f.band == ("low" if f.score < 2.5 else "moderate" if f.score < 3.5 else "high")
    # the story: supermarkets and delivery apps
    custom = [d for force in forces for d in force.drivers if d.custom]
    text = " ".join(d.title.lower() for d in custom) + forces.description.lower()
    assert "deliver" in text or "supermarket" in text
    assert doc.dumps() == smbstrat.Document.loads(doc.dumps()).dumps()
    assert forces.sensitivity()
    frame_rows = sum(len(force) for force in forces)
    pandas = pytest.importorskip("pandas")
    assert isinstance(forces.to_dataframe(), pandas.DataFrame)
    assert len(forces.to_dataframe()) == frame_rows
