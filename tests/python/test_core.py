# SPDX-License-Identifier: MIT
"""The raw SWIG layer: out-parameters, typemaps, constants, docstrings."""

import pytest

import smbstrat
from smbstrat import core


def test_version():
    assert smbstrat.__version__ == core.smb_version() == core.SMB_VERSION_STRING
    major, minor, patch = (int(p) for p in smbstrat.__version__.split("."))
    assert smbstrat.version_info == (major, minor, patch)
    assert smbstrat.version_info.major == core.SMB_VERSION_MAJOR
    assert smbstrat.version_info >= (0, 1, 0)


def test_status_codes_are_ints():
    assert core.SMB_OK == 0
    assert core.SMB_ENOTFOUND == -5
    assert core.smb_status_name(core.SMB_EPARSE) == "SMB_EPARSE"
    assert core.smb_strerror(12345) == "unknown status"


def test_out_parameters_come_after_the_status():
    status, canvas = core.smb_canvas_new()
    assert status == core.SMB_OK and canvas is not None
    try:
        assert core.smb_canvas_add_item(canvas, core.SMB_BLOCK_CHANNELS, "ch", "Shop") == 0
        status, item = core.smb_canvas_get_item(canvas, "ch")
        assert status == 0 and core.smb_item_text(item) == "Shop"
        status, item = core.smb_canvas_get_item(canvas, "nobody")
        assert status == core.SMB_ENOTFOUND and item is None
        assert "nobody" in core.smb_last_error()
        assert core.smb_last_error_info().status == core.SMB_ENOTFOUND
        status, block = core.smb_block_from_key("channels")
        assert (status, block) == (0, core.SMB_BLOCK_CHANNELS)
        status, text = core.smb_canvas_render(canvas, core.SMB_FORMAT_MARKDOWN)
        assert status == 0 and isinstance(text, str) and "Shop" in text
    finally:
        core.smb_canvas_free(canvas)


def test_tags_typemap_takes_a_sequence_of_str():
    status, canvas = core.smb_canvas_new()
    try:
        core.smb_canvas_add_item(canvas, core.SMB_BLOCK_CHANNELS, "ch", "Shop")
        assert core.smb_canvas_set_item_tags(canvas, "ch", ["a", "b"]) == 0
        item = core.smb_canvas_find(canvas, "ch")
        assert [core.smb_item_tag(item, i) for i in range(2)] == ["a", "b"]
        assert core.smb_canvas_set_item_tags(canvas, "ch", []) == 0
        assert core.smb_item_tag_count(core.smb_canvas_find(canvas, "ch")) == 0
        for bad in ("ab", 5, [1], [None]):
            with pytest.raises(TypeError):
                core.smb_canvas_set_item_tags(canvas, "ch", bad)
        with pytest.raises(ValueError):
            core.smb_canvas_set_item_tags(canvas, "ch", ["a\0b"])
    finally:
        core.smb_canvas_free(canvas)


def test_text_typemap_refuses_nul_and_wrong_types():
    status, canvas = core.smb_canvas_new()
    try:
        with pytest.raises(ValueError):
            core.smb_canvas_set_name(canvas, "a\0b")
        with pytest.raises(TypeError):
            core.smb_canvas_set_name(canvas, 3)
        assert core.smb_canvas_set_name(canvas, None) == 0  # NULL clears
    finally:
        core.smb_canvas_free(canvas)


def test_load_string_takes_bytes_and_str():
    for text in ('{"smbstrat": 1}', b'{"smbstrat": 1}', memoryview(b'{"smbstrat": 1}')):
        status, doc = core.smb_document_load_string(text)
        assert status == 0
        status, saved = core.smb_document_save_string(doc)
        assert (status, saved) == (0, '{\n  "smbstrat": 1\n}\n')
        core.smb_document_free(doc)
    # the length is passed, so a NUL inside the bytes reaches the parser
    status, doc = core.smb_document_load_string(b'{"smbstrat": 1}\0')
    assert status == core.SMB_EPARSE and doc is None
    with pytest.raises(TypeError):
        core.smb_document_load_string(5)


def test_unsafe_functions_are_not_wrapped():
    assert not hasattr(core, "smb_set_allocator")
    assert not hasattr(core, "smb_free")


def test_docstrings_come_from_the_headers():
    assert "Append a new item to a block" in core.smb_canvas_add_item.__doc__
    assert core.smb_document_load_file.__doc__


def test_public_api_is_documented():
    for name in smbstrat.__all__:
        obj = getattr(smbstrat, name)
        if callable(obj) and not isinstance(obj, str):
            assert obj.__doc__, name
    for cls in (smbstrat.Canvas, smbstrat.Document, smbstrat.Item, smbstrat.Block,
                smbstrat.Forces, smbstrat.Force, smbstrat.Drivers, smbstrat.Driver,
                smbstrat.ForcesScore, smbstrat.DriverDelta, smbstrat.ForcesComparison):
        for attr, value in vars(cls).items():
            if attr.startswith("_"):
                continue
            assert getattr(value, "__doc__", None), f"{cls.__name__}.{attr}"


def test_forces_out_parameters():
    status, forces = core.smb_forces_new()
    assert status == core.SMB_OK
    try:
        rivalry = core.SMB_FORCE_RIVALRY
        # undefined scores: the status, and None rather than an unset number
        assert core.smb_forces_force_score(forces, rivalry) == [core.SMB_ENOTFOUND, None]
        assert core.smb_forces_pressure(forces) == [core.SMB_ENOTFOUND, None]
        assert "rated" in core.smb_last_error()
        assert core.smb_forces_set_rating(forces, rivalry, "exit_barriers", 3.0) == 0
        assert core.smb_forces_force_score(forces, rivalry) == [0, 3.0]
        assert core.smb_forces_attractiveness(forces) == [0, 0.5]  # 1 − (3 − 1) / 4
        status, driver = core.smb_forces_get_driver(forces, rivalry, "exit_barriers")
        assert status == 0 and core.smb_driver_rating(driver) == 3.0
        status, driver = core.smb_forces_get_driver(forces, rivalry, "bogus")
        assert status == core.SMB_ENOTFOUND and driver is None
        assert core.smb_force_from_key("rivalry") == [0, rivalry]
        assert core.smb_force_from_key("bogus")[0] == core.SMB_ENOTFOUND
        assert core.smb_force_band_from_key("high") == [0, core.SMB_FORCE_BAND_HIGH]
        assert core.smb_driver_field_key(core.SMB_DRIVER_FIELD_WEIGHT) == "weight"
        status, empty = core.smb_forces_new()
        status, comparison = core.smb_forces_compare(empty, forces)
        assert status == 0
        # undefined before: the status and three Nones
        assert core.smb_forces_comparison_pressure(comparison) == [
            core.SMB_ENOTFOUND, None, None, None]
        core.smb_forces_comparison_free(comparison)
        status, comparison = core.smb_forces_compare(forces, forces)
        assert core.smb_forces_comparison_attractiveness(comparison) == [0, 0.5, 0.5, 0.0]
        core.smb_forces_comparison_free(comparison)
        core.smb_forces_free(empty)
        status, result = core.smb_forces_score(forces)
        score = core.smb_forces_result_force(result, rivalry)
        assert (score.has_score, score.score, score.band) == (1, 3.0, core.SMB_FORCE_BAND_MODERATE)
        with pytest.raises(AttributeError):
            score.score = 1.0  # result structs are read-only
        core.smb_forces_result_free(result)
        status, text = core.smb_forces_render(forces, core.SMB_FORMAT_MARKDOWN)
        assert status == 0 and "Exit barriers" in text
    finally:
        core.smb_forces_free(forces)


def test_forces_document_section_in_the_raw_layer():
    status, doc = core.smb_document_new()
    try:
        assert core.smb_document_forces(doc) is None
        status, forces = core.smb_forces_new()
        assert core.smb_document_set_forces(doc, forces) == 0
        core.smb_forces_free(forces)  # the document holds a copy
        assert core.smb_forces_name(core.smb_document_forces(doc)) == ""
        assert core.smb_document_set_forces(doc, None) == 0
        assert core.smb_document_forces_const(doc) is None
    finally:
        core.smb_document_free(doc)
