# SPDX-License-Identifier: MIT
"""Wrong argument types and extreme values: Python exceptions, never a crash,
never a silent truncation."""

import sys

import pytest

import smbstrat
from smbstrat import core


@pytest.fixture
def item(small):
    return small.item("rev-bread")


@pytest.mark.parametrize("value", [10**30, -10**30, 2**31, -2**31 - 1, 2**64])
def test_huge_importance_is_a_range_error(small, item, value):
    with pytest.raises(smbstrat.RangeError) as info:
        item.importance = value
    assert info.value.status == smbstrat.core.SMB_ERANGE
    assert str(info.value).startswith("importance:")
    with pytest.raises(smbstrat.RangeError):
        small.add("channels", "x", "X", importance=value)
    assert item.importance == 3
    assert small.find("x") is None


def test_importance_at_c_int_limits_is_refused_by_c(item):
    for value in (2**31 - 1, -2**31):
        with pytest.raises(smbstrat.RangeError) as info:
            item.importance = value
        assert str(info.value).startswith("importance:")
        assert str(value) in str(info.value)


def test_numpy_integers_are_accepted(item):
    numpy = pytest.importorskip("numpy")
    item.importance = numpy.int64(4)
    assert item.importance == 4
    item.amount = numpy.float32(1.5)
    assert item.amount == 1.5


def test_huge_amounts(item):
    with pytest.raises(smbstrat.RangeError):
        item.amount = 10**400  # does not even fit a float
    with pytest.raises(smbstrat.RangeError):
        item.amount = sys.float_info.max
    assert item.amount == 50000.0


@pytest.mark.parametrize("value", ["4", 4.0, None, True, [4], b"4"])
def test_importance_needs_an_int(item, value):
    with pytest.raises(TypeError):
        item.importance = value


@pytest.mark.parametrize("value", ["10", True, [1.0], b"1"])
def test_amount_needs_a_number(item, value):
    with pytest.raises(TypeError):
        item.amount = value


@pytest.mark.parametrize("attr", ["text", "notes", "evidence", "kind"])
def test_text_attributes_need_str(item, attr):
    with pytest.raises(TypeError):
        setattr(item, attr, 5)
    with pytest.raises(TypeError):
        setattr(item, attr, b"bytes")


def test_tags_need_an_iterable_of_str(item):
    for value in ("core", b"core", 5, [1], ["ok", None]):
        with pytest.raises(TypeError):
            item.tags = value
    item.tags = (t for t in ["a", "b"])  # any iterable will do
    assert item.tags == ("a", "b")


def test_nul_characters_are_refused_not_truncated(small, item):
    with pytest.raises(smbstrat.InvalidArgumentError):
        item.text = "Bread\0and butter"
    with pytest.raises(smbstrat.InvalidArgumentError):
        item.tags = ["ok", "no\0"]
    with pytest.raises(smbstrat.InvalidArgumentError):
        small.add("channels", "ch\0x", "X")
    with pytest.raises(smbstrat.InvalidArgumentError):
        small.item("rev-bread\0")
    with pytest.raises(KeyError):
        small["channels\0"]
    assert "rev-bread\0" not in small["revenue_streams"]
    assert item.text == "Bread sales" and item.tags == ()


def test_lone_surrogates_are_refused(item):
    with pytest.raises(UnicodeEncodeError):
        item.text = "bad \udc80"
    assert item.text == "Bread sales"


def test_unicode_text_round_trips(small):
    small.add("customer_segments", "seg-cafes", "Cafés and crèches \u2615 \U0001f35e")
    doc = smbstrat.Document()
    doc.canvas = small
    again = smbstrat.Document.loads(doc.dumps()).canvas
    assert again.item("seg-cafes").text == "Cafés and crèches \u2615 \U0001f35e"


def test_index_and_position_types(small):
    block = small["cost_structure"]
    with pytest.raises(TypeError):
        block[1.0]
    with pytest.raises(IndexError):
        block[10**30]
    with pytest.raises(smbstrat.RangeError):
        small.move("cost-flour", "cost_structure", 10**30)


def test_wrong_handle_types_reach_core_as_type_errors():
    with pytest.raises(TypeError):
        core.smb_canvas_item_total("not a canvas")
    with pytest.raises(TypeError):
        core.smb_document_save_string(5)
