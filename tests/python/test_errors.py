# SPDX-License-Identifier: MIT
"""Exceptions: hierarchy, attributes, and the detail carried from C."""

import pickle

import pytest

import smbstrat
from smbstrat import core


def test_hierarchy_lets_callers_catch_by_python_category():
    assert issubclass(smbstrat.ParseError, smbstrat.Error)
    assert issubclass(smbstrat.SchemaError, smbstrat.Error)
    assert issubclass(smbstrat.NotFoundError, KeyError)
    assert issubclass(smbstrat.ExistsError, ValueError)
    assert issubclass(smbstrat.RangeError, ValueError)
    assert issubclass(smbstrat.InvalidArgumentError, ValueError)
    assert issubclass(smbstrat.LimitError, ValueError)
    assert issubclass(smbstrat.FileError, OSError)
    assert issubclass(smbstrat.NoMemoryError, MemoryError)
    for name in ("NotFoundError", "ExistsError", "RangeError", "InvalidArgumentError",
                 "LimitError", "FileError", "NoMemoryError", "DetachedError",
                 "CanceledError"):
        assert issubclass(getattr(smbstrat, name), smbstrat.Error), name


def test_error_defaults_and_str():
    err = smbstrat.RangeError("importance: must be an integer from 1 to 5")
    assert err.status == core.SMB_ERANGE == -7
    assert err.status_name == "SMB_ERANGE"
    assert err.message == str(err) == "importance: must be an integer from 1 to 5"
    assert (err.file, err.path, err.line, err.column) == (None, None, None, None)
    # KeyError would quote its message; the library's message is shown as is.
    assert str(smbstrat.NotFoundError("no item 'x'")) == "no item 'x'"


def test_errors_pickle_with_their_details():
    err = smbstrat.SchemaError("bad", file="a.json", path="$.canvas", line=3, column=5)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is smbstrat.SchemaError
    assert (back.message, back.status, back.file, back.path, back.line, back.column) == (
        "bad", core.SMB_ESCHEMA, "a.json", "$.canvas", 3, 5)


# Line 7 holds the bad importance. Its value "9" is at column 23: 8 spaces,
# then '"importance":' (13 characters, columns 9-21), a space (22), the 9.
RANGE_DOC = """\
{
  "smbstrat": 1,
  "canvas": {
    "channels": [
      {
        "id": "ch-shop", "text": "Shop",
        "importance": 9
      }
    ]
  }
}
"""


def test_range_error_carries_path_line_and_column():
    line7 = RANGE_DOC.splitlines()[6]
    assert line7 == '        "importance": 9'
    column = line7.index("9") + 1
    assert column == 23
    with pytest.raises(smbstrat.RangeError) as info:
        smbstrat.Document.loads(RANGE_DOC)
    err = info.value
    assert err.status == core.SMB_ERANGE
    assert err.status_name == "SMB_ERANGE"
    assert err.path == "$.canvas.channels[0].importance"
    assert err.line == 7
    assert err.column == column
    assert err.file is None  # loaded from a string
    assert "1 to 5" in err.message
    assert isinstance(err, ValueError)


def test_parse_error_on_malformed_json_has_a_position():
    text = '{\n  "smbstrat": 1,\n  "canvas": {\n    "name": "x",,\n  }\n}\n'
    with pytest.raises(smbstrat.ParseError) as info:
        smbstrat.Document.loads(text)
    err = info.value
    assert err.status == core.SMB_EPARSE
    assert err.line == 4  # the doubled comma
    assert err.column is not None and err.column > 0


def test_parse_error_on_invalid_utf8():
    with pytest.raises(smbstrat.ParseError):
        smbstrat.Document.loads(b'{"smbstrat": 1, "canvas": {"name": "\xff"}}')


def test_schema_error_names_the_unknown_key():
    text = '{\n  "smbstrat": 1,\n  "canvas": {"colour": "red"}\n}\n'
    with pytest.raises(smbstrat.SchemaError) as info:
        smbstrat.Document.loads(text)
    err = info.value
    assert err.status == core.SMB_ESCHEMA
    assert err.line == 3
    assert "colour" in err.message


def test_unknown_section_is_a_schema_error():
    with pytest.raises(smbstrat.SchemaError, match="unknown key") as info:
        smbstrat.Document.loads('{"smbstrat": 1, "scenario": []}')
    assert info.value.path == "$.scenario"


def test_duplicate_id_is_exists_error_and_dangling_link_not_found():
    dup = ('{"smbstrat": 1, "canvas": {"channels": ['
           '{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}}')
    with pytest.raises(smbstrat.ExistsError) as info:
        smbstrat.Document.loads(dup)
    assert info.value.path is not None and info.value.path.startswith("$.canvas.channels[1]")

    dangling = ('{"smbstrat": 1, "canvas": {"channels": ['
                '{"id": "a", "text": "A", "links": ["nobody"]}]}}')
    with pytest.raises(smbstrat.NotFoundError) as info:
        smbstrat.Document.loads(dangling)
    assert "nobody" in info.value.message
    assert isinstance(info.value, KeyError)


def test_missing_file_is_file_error_with_the_file_name(tmp_path):
    missing = tmp_path / "nope.json"
    with pytest.raises(smbstrat.FileError) as info:
        smbstrat.Document.load(missing)
    err = info.value
    assert err.status == core.SMB_EIO
    assert err.file == str(missing)
    assert err.filename == str(missing)
    assert isinstance(err, OSError)


def test_file_error_details_name_the_file_in_load_errors(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(RANGE_DOC)
    with pytest.raises(smbstrat.RangeError) as info:
        smbstrat.Document.load(path)
    assert info.value.file == str(path)
    assert info.value.line == 7
    assert info.value.message.startswith(str(path) + ":7:")


def test_errors_from_canvas_calls_carry_the_c_message():
    canvas = smbstrat.Canvas()
    canvas.add("channels", "ch-shop", "Shop")
    with pytest.raises(smbstrat.ExistsError) as info:
        canvas.add("channels", "ch-shop", "Shop again")
    assert "ch-shop" in info.value.message
    assert info.value.status == core.SMB_EEXIST
