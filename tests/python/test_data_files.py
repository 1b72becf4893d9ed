# SPDX-License-Identifier: MIT
"""Every document in tests/data through the Python API: the valid ones load
and round-trip, the broken ones raise the exception class of their status,
with the file and position the C loader recorded."""

import json

import pytest

import smbstrat
from conftest import TEST_DATA

FILES = sorted(TEST_DATA.glob("*.json"))
BROKEN = [p for p in FILES if p.name.startswith("broken_")]
VALID = [p for p in FILES if not p.name.startswith("broken_")]

CLASS_OF_STATUS = {
    smbstrat.core.SMB_EPARSE: smbstrat.ParseError,
    smbstrat.core.SMB_ESCHEMA: smbstrat.SchemaError,
    smbstrat.core.SMB_ERANGE: smbstrat.RangeError,
    smbstrat.core.SMB_EEXIST: smbstrat.ExistsError,
    smbstrat.core.SMB_ENOTFOUND: smbstrat.NotFoundError,
    smbstrat.core.SMB_ELIMIT: smbstrat.LimitError,
    smbstrat.core.SMB_EINVAL: smbstrat.InvalidArgumentError,
}


@pytest.mark.skipif(not BROKEN, reason="no broken documents in tests/data")
@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_document_raises_the_class_of_its_status(path):
    with pytest.raises(smbstrat.Error) as info:
        smbstrat.Document.load(path)
    err = info.value
    assert type(err) is CLASS_OF_STATUS[err.status]
    assert err.status_name == smbstrat.core.smb_status_name(err.status)
    assert err.file == str(path)
    assert err.message.startswith(str(path))
    if err.line is not None:
        assert f":{err.line}:" in err.message
        assert err.column is not None and err.column >= 1
    if err.path is not None:
        assert err.path.startswith("$")
        assert err.path in err.message
    # the same text from memory: same class and position, no file
    with pytest.raises(type(err)) as again:
        smbstrat.Document.loads(path.read_bytes())
    assert (again.value.path, again.value.line, again.value.column) == (
        err.path, err.line, err.column)
    assert again.value.file is None


@pytest.mark.skipif(not VALID, reason="no valid documents in tests/data")
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_document_loads_and_round_trips(path):
    doc = smbstrat.Document.load(path)
    text = doc.dumps()
    assert smbstrat.Document.loads(text).dumps() == text
    data = json.loads(path.read_text(encoding="utf-8"))
    if "canvas" in data:
        canvas = doc.canvas
        expected = sum(len(data["canvas"].get(key, [])) for key in smbstrat.BLOCK_KEYS)
        assert canvas.item_count == expected
        assert smbstrat.Document.loads(text).canvas == canvas
    else:
        assert doc.canvas is None
    if "forces" in data:
        forces = doc.forces
        assert smbstrat.Document.loads(text).forces == forces
        # every driver the file lists is there, with the rating it gives
        for key in smbstrat.FORCE_KEYS:
            listed = data["forces"].get(key, {}).get("drivers", {})
            for driver_key, fields in listed.items():
                driver = forces[key][driver_key]
                assert driver.rating == fields.get("rating"), (key, driver_key)
                assert driver.custom == ("title" in fields), (key, driver_key)
    else:
        assert doc.forces is None
