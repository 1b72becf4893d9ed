# SPDX-License-Identifier: MIT
"""Forces rendered, shown in notebooks and reprs, and turned into
DataFrames."""

import math
import sys
import xml.etree.ElementTree as ET

import pytest

import smbstrat

SVG = "{http://www.w3.org/2000/svg}svg"


def test_render_svg_is_well_formed_and_escapes_text(rated):
    rated.name = "Bread & <butter> Ltd"
    svg = rated.render("svg")
    root = ET.fromstring(svg)
    assert root.tag == SVG
    assert rated._repr_svg_() == svg


def test_render_markdown_and_html(rated):
    md = rated.render("markdown")
    assert "Test Bakery" in md and "Rivalry Among Existing Competitors" in md
    assert "Industry growth rate" in md
    page = rated.render("html")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Test Bakery" in page


def test_render_rejects_unknown_format_and_wrong_type(rated):
    with pytest.raises(smbstrat.InvalidArgumentError) as info:
        rated.render("pdf")
    assert "svg" in str(info.value)
    with pytest.raises(TypeError):
        rated.render(None)


def test_repr_html_is_a_table_and_the_diagram(rated):
    rated.name = "Crumb & <Co>"
    fragment = ET.fromstring(rated._repr_html_())
    assert fragment.tag == "div" and fragment.get("class") == "smbstrat-forces"
    table, svg = fragment[0], fragment[1]
    assert table.tag == "table" and svg.tag == SVG
    assert table.find("caption").text == "Crumb & <Co>"  # escaped, parsed back intact
    rows = [[cell.text for cell in row] for row in table.find("tbody")]
    assert len(rows) == 5
    assert rows[4] == ["Rivalry Among Existing Competitors", "4", "high", "0.25"]  # 0.75 / 3
    assert rows[2] == ["Bargaining Power of Buyers", "1.5", "low", "0.042"]  # 0.125 / 3
    assert rows[0][1:3] == ["\u2013", None]  # no score, no band
    foot = [cell.text for cell in table.find("tfoot")[0]]
    assert foot == ["Pressure", "0.438", "Attractiveness", "0.562"]  # 0.4375, 0.5625


def test_repr_html_of_an_unrated_assessment():
    fragment = ET.fromstring(smbstrat.Forces()._repr_html_())
    foot = [cell.text for cell in fragment[0].find("tfoot")[0]]
    assert foot == ["Pressure", "\u2013", "Attractiveness", "\u2013"]
    assert fragment[0].find("caption") is None


def test_reprs(rated):
    # 6 of the 31 catalogue drivers rated; pressure 0.4375 shown as 0.44
    assert repr(rated) == "<Forces 'Test Bakery': 6 of 31 drivers rated, pressure 0.44>"
    assert repr(smbstrat.Forces()) == "<Forces: 0 of 31 drivers rated>"
    assert repr(rated["rivalry"]) == "<Force 'rivalry': score 4 (high), 3 of 7 drivers rated>"
    assert repr(rated["substitutes"]) == (
        "<Force 'substitutes': score 2.75 (moderate), 2 of 3 drivers rated>")
    assert repr(rated["new_entrants"]) == "<Force 'new_entrants': no score, 0 of 9 drivers rated>"
    assert repr(rated["substitutes"]["price_performance"]) == (
        "<Driver substitutes/price_performance 'Price-performance of substitutes': rating 2.5>")
    assert repr(rated["rivalry"]["exit_barriers"]) == (
        "<Driver rivalry/exit_barriers 'Exit barriers': unrated>")
    assert repr(rated["substitutes"].drivers) == (
        "<Drivers of 'substitutes': 3 drivers (price_performance, switching_costs, "
        "buyer_propensity)>")
    long = rated.add_driver("rivalry", "long", "x" * 60)
    assert repr(long) == f"<Driver rivalry/long {'x' * 39 + chr(0x2026)!r}: unrated>"


def test_document_repr_names_both_sections(small_text, rated):
    doc = smbstrat.Document.loads(small_text)
    doc.forces = rated
    assert repr(doc) == ("<Document: canvas 'Test Bakery' with 6 items; "
                         "forces 'Test Bakery' with 6 of 31 drivers rated>")


def test_to_dataframe(rated):
    pandas = pytest.importorskip("pandas")
    rated.add_driver("rivalry", "delivery_apps", "Delivery apps", rating=1, confidence=0.5)
    frame = rated.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["force", "driver", "title", "rating", "weight",
                                   "confidence", "contribution", "custom"]
    assert len(frame) == 32  # 31 catalogue drivers + delivery_apps
    assert list(frame["force"].unique()) == list(smbstrat.FORCE_KEYS)
    rows = frame.set_index(["force", "driver"])
    growth = rows.loc[("rivalry", "industry_growth")]
    # rivalry now (4 + 5·2 + 2 + 1) / 5 = 17/5; W = 5, contribution 2·4 / 20 = 0.4
    assert (growth["title"], growth["rating"], growth["weight"]) == (
        "Industry growth rate", 5.0, 2.0)
    assert growth["contribution"] == pytest.approx(0.4)
    assert not growth["custom"] and math.isnan(growth["confidence"])
    apps = rows.loc[("rivalry", "delivery_apps")]
    assert apps["custom"] and apps["confidence"] == 0.5 and apps["contribution"] == 0.0
    assert math.isnan(rows.loc[("rivalry", "exit_barriers"), "rating"])
    # the contributions of a force sum to its intensity: (17/5 − 1) / 4 = 0.6
    assert frame[frame["force"] == "rivalry"]["contribution"].sum() == pytest.approx(0.6)
    assert frame["rating"].count() == 7  # rated drivers
    assert {str(frame[c].dtype) for c in ("rating", "weight", "confidence",
                                          "contribution")} == {"float64"}
    assert str(frame["custom"].dtype) == "bool"


def test_score_dataframe(rated):
    pytest.importorskip("pandas")
    frame = rated.score().to_dataframe()
    assert list(frame.columns) == ["force", "title", "score", "intensity", "band", "weight",
                                   "pressure_share", "dominant", "rated", "unrated"]
    rivalry = frame.set_index("force").loc["rivalry"]
    assert (rivalry["score"], rivalry["band"], rivalry["dominant"], rivalry["rated"],
            rivalry["unrated"]) == (4.0, "high", True, 3, 4)
    assert math.isnan(frame.set_index("force").loc["new_entrants", "score"])
    assert frame["pressure_share"].sum() == pytest.approx(0.4375)


def test_comparison_dataframes(rated):
    pytest.importorskip("pandas")
    after = rated.copy()
    after["rivalry"]["industry_growth"].rating = 3
    after.add_driver("rivalry", "delivery_apps", "Delivery apps", rating=5)
    comparison = rated.compare(after)
    frame = comparison.to_dataframe()
    assert list(frame.columns) == ["force", "driver", "title", "status", "rating_before",
                                   "rating_after", "delta", "weight_before", "weight_after",
                                   "fields"]
    assert len(frame) == 32
    rows = frame.set_index(["force", "driver"])
    assert rows.loc[("rivalry", "industry_growth"), "delta"] == -2.0
    assert rows.loc[("rivalry", "industry_growth"), "fields"] == ("rating",)
    assert rows.loc[("rivalry", "delivery_apps"), "status"] == "added"
    assert math.isnan(rows.loc[("rivalry", "delivery_apps"), "weight_before"])
    assert list(frame["status"].value_counts().sort_index().items()) == [
        ("added", 1), ("changed", 1), ("unchanged", 30)]
    forces = comparison.to_dataframe("forces")
    assert list(forces["force"]) == list(smbstrat.FORCE_KEYS)
    # rivalry after: (4 + 3·2 + 2 + 5) / 5 = 17/5 = 3.4, delta 3.4 − 4 = −0.6
    assert forces.set_index("force").loc["rivalry", "score_delta"] == pytest.approx(-0.6)
    assert forces.set_index("force").loc["rivalry", "band_after"] == "moderate"
    with pytest.raises(smbstrat.InvalidArgumentError):
        comparison.to_dataframe("items")


def test_to_dataframe_without_pandas_says_what_to_install(rated, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    for call in (rated.to_dataframe, rated.score().to_dataframe,
                 rated.compare(rated).to_dataframe):
        with pytest.raises(ImportError, match="pandas"):
            call()
