# SPDX-License-Identifier: MIT
"""Rendering, notebook representations and DataFrames."""

import math
import sys
import xml.etree.ElementTree as ET

import pytest

import smbstrat

SVG = "{http://www.w3.org/2000/svg}svg"


def test_render_svg_is_well_formed_and_escapes_text(small):
    small.item("vp-fresh").text = "Bread & <butter>"
    svg = small.render("svg")
    root = ET.fromstring(svg)
    assert root.tag == SVG
    texts = "".join(root.itertext())
    assert "Bread & <butter>" in texts  # escaped in the SVG, so parsed back intact


def test_render_markdown_and_html(small):
    md = small.render("markdown")
    assert "Test Bakery" in md and "Fresh bread" in md
    page = small.render("html")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Fresh bread" in page


def test_render_rejects_unknown_format_and_wrong_type(small):
    with pytest.raises(smbstrat.InvalidArgumentError) as info:
        small.render("pdf")
    assert "svg" in str(info.value)
    with pytest.raises(TypeError):
        small.render(1)


def test_repr_svg_and_html_are_well_formed(small):
    assert ET.fromstring(small._repr_svg_()).tag == SVG
    fragment = ET.fromstring(small._repr_html_())
    assert fragment.tag == "div"
    assert fragment[0].tag == SVG


def test_to_dataframe(small):
    pandas = pytest.importorskip("pandas")
    frame = small.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["id", "block", "position", "text", "notes", "tags",
                                   "importance", "evidence", "amount", "kind", "links"]
    assert list(frame["id"]) == ["vp-fresh", "ch-shop", "seg-families", "cost-flour",
                                 "cost-rent", "rev-bread"]
    rent = frame.set_index("id").loc["cost-rent"]
    assert (rent["block"], rent["amount"], rent["kind"]) == ("cost_structure", 18000.0, "fixed")
    assert math.isnan(frame.set_index("id").loc["vp-fresh", "amount"])
    assert frame.set_index("id").loc["ch-shop", "tags"] == ("core", "local")
    assert frame["importance"].sum() == 20  # 5 + 3 + 4 + 2 + 3 + 3
    assert frame["amount"].sum() == 80000.0  # 12000 + 18000 + 50000
    assert str(frame["importance"].dtype) == "int64"


def test_to_dataframe_of_empty_canvas_has_the_columns():
    pytest.importorskip("pandas")
    frame = smbstrat.Canvas().to_dataframe()
    assert len(frame) == 0
    assert "amount" in frame.columns and str(frame["amount"].dtype) == "float64"


def test_to_dataframe_without_pandas_says_what_to_install(small, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(ImportError, match="pandas"):
        small.to_dataframe()
