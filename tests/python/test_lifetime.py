# SPDX-License-Identifier: MIT
"""Views never outlive what they show: no crash, a clear error instead."""

import gc
import weakref

import pytest

import smbstrat


def test_canvas_view_keeps_its_document_alive(small_text):
    doc = smbstrat.Document.loads(small_text)
    canvas = doc.canvas
    item = canvas.item("vp-fresh")
    block = canvas["channels"]
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is not None
    assert canvas.name == "Test Bakery"
    assert item.text == "Fresh bread"
    assert len(block) == 1
    del canvas, block
    gc.collect()
    assert item.importance == 5  # the item view still holds the canvas
    del item
    gc.collect()
    assert ref() is None  # ...and then everything is released


def test_views_detach_when_the_section_is_removed(small_doc):
    canvas = small_doc.canvas
    item = canvas.item("vp-fresh")
    block = canvas["channels"]
    small_doc.canvas = None
    assert not canvas.attached
    for use in (lambda: canvas.name, lambda: item.text, lambda: len(block),
                lambda: canvas.add("channels", "x", "X"), lambda: canvas.check(),
                lambda: canvas.render("svg"), lambda: canvas.revenue,
                lambda: canvas.item("vp-fresh"), lambda: canvas["channels"],
                lambda: list(block), lambda: canvas.copy(),
                lambda: canvas == smbstrat.Canvas(), lambda: canvas.diff(smbstrat.Canvas())):
        with pytest.raises(smbstrat.DetachedError) as info:
            use()
        assert "detached" in str(info.value)
    with pytest.raises(smbstrat.DetachedError):
        item.importance = 4
    with pytest.raises(smbstrat.DetachedError):
        small_doc.canvas = canvas  # nothing left to copy
    assert repr(canvas) == "<Canvas (detached)>"
    assert "no longer" in repr(item)
    assert "detached" in repr(block)


def test_views_detach_when_the_section_is_replaced(small_doc):
    old = small_doc.canvas
    item = old.item("vp-fresh")
    replacement = smbstrat.Canvas(name="New")
    small_doc.canvas = replacement
    with pytest.raises(smbstrat.Error):
        item.text
    with pytest.raises(smbstrat.Error):
        old.name
    assert small_doc.canvas.name == "New"
    assert small_doc.canvas.attached


def test_assigning_a_document_its_own_canvas(small_doc, small_text):
    view = small_doc.canvas
    small_doc.canvas = view
    assert small_doc.canvas == smbstrat.Document.loads(small_text).canvas
    with pytest.raises(smbstrat.DetachedError):
        view.name


def test_canvas_from_one_document_into_another(small_doc):
    other = smbstrat.Document()
    other.canvas = small_doc.canvas
    small_doc.canvas = None
    assert other.canvas.item("vp-fresh").text == "Fresh bread"


def test_item_view_of_a_removed_item(small):
    item = small.item("ch-shop")
    small.remove("ch-shop")
    with pytest.raises(smbstrat.NotFoundError):
        item.text
    with pytest.raises(smbstrat.NotFoundError):
        item.text = "again"
    assert not item.exists
    # a new item with the same id is what the view shows from then on
    small.add("channels", "ch-shop", "Market stall")
    assert item.exists and item.text == "Market stall"


def test_item_views_follow_moves(small):
    item = small.item("cost-flour")
    small.move("cost-flour", "cost_structure", 1)
    assert item.position == 1
    small.remove("cost-rent")
    assert item.position == 0 and item.text == "Flour"


def test_owned_canvas_freed_with_its_last_view():
    canvas = smbstrat.Canvas()
    canvas.add("channels", "ch", "Shop")
    item = canvas.item("ch")
    ref = weakref.ref(canvas)
    del canvas
    gc.collect()
    assert ref() is not None and item.text == "Shop"
    del item
    gc.collect()
    assert ref() is None


def test_many_documents_and_views_are_released(small_text):
    # Exercises the finalizers; under ASan this also checks that nothing is
    # freed twice or used after its free.
    refs = []
    for _ in range(200):
        doc = smbstrat.Document.loads(small_text)
        view = doc.canvas
        copy = view.copy()
        copy.add("key_resources", "kr", "Oven")
        doc.canvas = copy
        refs += [weakref.ref(doc), weakref.ref(view), weakref.ref(copy)]
    del doc, view, copy
    gc.collect()
    assert all(ref() is None for ref in refs)
