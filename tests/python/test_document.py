# SPDX-License-Identifier: MIT
"""Document: loading, saving, round trips and the canvas section."""

import json
import os
import pathlib

import pytest

import smbstrat


def test_new_document_has_no_canvas_and_saves_the_minimal_form():
    doc = smbstrat.Document()
    assert doc.canvas is None
    assert json.loads(doc.dumps()) == {"smbstrat": 1}
    assert doc.dumps().endswith("\n")
    assert repr(doc) == "<Document (empty)>"


def test_load_example_bakery(bakery_path):
    doc = smbstrat.Document.load(bakery_path)
    canvas = doc.canvas
    data = json.loads(bakery_path.read_text(encoding="utf-8"))["canvas"]
    assert canvas.name == data.get("name", "")
    for key in smbstrat.BLOCK_KEYS:
        expected = [item["id"] for item in data.get(key, [])]
        assert [item.id for item in canvas[key]] == expected, key
        for item, raw in zip(canvas[key], data.get(key, [])):
            assert item.text == raw["text"]
            assert item.importance == raw.get("importance", 3)
            assert item.evidence == raw.get("evidence", "assumption")
            assert item.tags == tuple(raw.get("tags", ()))
            assert item.links == tuple(raw.get("links", ()))
            assert item.notes == raw.get("notes")
            assert item.amount == (None if "amount" not in raw else float(raw["amount"]))
            assert item.kind == raw.get("kind")
    # Totals re-derived from the JSON itself, not from the library.
    assert canvas.revenue == pytest.approx(
        sum(i.get("amount", 0) for i in data.get("revenue_streams", [])))
    assert canvas.cost == pytest.approx(
        sum(i.get("amount", 0) for i in data.get("cost_structure", [])))


def test_load_accepts_str_pathlike_and_bytes(bakery_path):
    by_path = smbstrat.Document.load(bakery_path)
    by_str = smbstrat.Document.load(str(bakery_path))
    by_bytes = smbstrat.Document.load(os.fsencode(bakery_path))
    assert by_path.canvas == by_str.canvas == by_bytes.canvas


def test_round_trip_is_byte_identical(bakery_path):
    text = bakery_path.read_text(encoding="utf-8")
    once = smbstrat.Document.loads(text).dumps()
    twice = smbstrat.Document.loads(once).dumps()
    assert once == twice
    assert smbstrat.Document.loads(once).canvas == smbstrat.Document.loads(text).canvas


def test_dumps_writes_the_documented_key_order(small_doc):
    data = json.loads(small_doc.dumps())
    assert list(data) == ["smbstrat", "canvas"]
    canvas = data["canvas"]
    # name first, then all nine blocks in canvas order, empty ones included
    assert list(canvas) == ["name", *smbstrat.BLOCK_KEYS]
    assert canvas["key_partnerships"] == []
    flour = canvas["cost_structure"][0]
    assert list(flour) == ["id", "text", "importance", "evidence", "amount", "kind"]
    assert flour["importance"] == 2 and flour["evidence"] == "assumption"


def test_save_and_load_back(tmp_path, small_doc):
    target = tmp_path / "out.json"
    small_doc.save(target)
    assert target.read_text(encoding="utf-8") == small_doc.dumps()
    assert smbstrat.Document.load(target).canvas == small_doc.canvas
    # saving over an existing file replaces it and leaves no temporary file
    small_doc.canvas.name = "Renamed"
    small_doc.save(str(target))
    assert smbstrat.Document.load(target).canvas.name == "Renamed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_save_into_missing_directory_is_file_error(tmp_path, small_doc):
    with pytest.raises(smbstrat.FileError):
        small_doc.save(tmp_path / "no" / "such" / "dir.json")


def test_loads_accepts_str_bytes_and_bytearray(small_text):
    a = smbstrat.Document.loads(small_text)
    b = smbstrat.Document.loads(small_text.encode())
    c = smbstrat.Document.loads(bytearray(small_text.encode()))
    assert a.canvas == b.canvas == c.canvas


def test_loads_with_lone_surrogate_is_a_parse_error():
    with pytest.raises(smbstrat.ParseError):
        smbstrat.Document.loads('{"smbstrat": 1, "canvas": {"name": "\udc80"}}')


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        smbstrat.Document.load(42)
    with pytest.raises(TypeError):
        smbstrat.Document.load(None)
    with pytest.raises(TypeError):
        smbstrat.Document.loads(42)
    with pytest.raises(TypeError):
        smbstrat.Document.loads(None)
    doc = smbstrat.Document()
    with pytest.raises(TypeError):
        doc.save(3.5)
    with pytest.raises(TypeError):
        doc.canvas = "not a canvas"
    assert doc.canvas is None  # unchanged


def test_assigning_a_canvas_stores_a_copy(small):
    doc = smbstrat.Document()
    doc.canvas = small
    assert doc.canvas == small
    small.name = "changed afterwards"
    assert doc.canvas.name == "Test Bakery"
    doc.canvas.add("key_partnerships", "kp-mill", "Mill")
    assert small.find("kp-mill") is None


def test_assigning_none_removes_the_section(small_doc):
    small_doc.canvas = None
    assert small_doc.canvas is None
    assert json.loads(small_doc.dumps()) == {"smbstrat": 1}


def test_changes_through_the_view_are_saved(small_doc):
    small_doc.canvas.add("key_activities", "ka-bake", "Baking", importance=5)
    saved = json.loads(small_doc.dumps())["canvas"]["key_activities"]
    assert saved == [{"id": "ka-bake", "text": "Baking", "importance": 5,
                      "evidence": "assumption"}]


def test_document_repr_names_the_canvas(small_doc):
    assert repr(small_doc) == "<Document: canvas 'Test Bakery' with 6 items>"


def test_path_with_non_ascii_name(tmp_path, small_doc):
    target = pathlib.Path(tmp_path) / "boulangerie-été.json"
    small_doc.save(target)
    assert smbstrat.Document.load(target).canvas == small_doc.canvas


def test_documents_and_canvases_pickle(small_doc):
    import pickle

    doc = pickle.loads(pickle.dumps(small_doc))
    assert doc.dumps() == small_doc.dumps()
    canvas = pickle.loads(pickle.dumps(small_doc.canvas))
    assert canvas == small_doc.canvas
    small_doc.canvas = None  # the unpickled canvas is independent
    assert canvas.item("vp-fresh").text == "Fresh bread"
    empty = pickle.loads(pickle.dumps(smbstrat.Document()))
    assert empty.canvas is None
