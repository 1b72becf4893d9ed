# SPDX-License-Identifier: MIT
"""Findings, totals and diffs as the Python layer presents them."""

import dataclasses
import gc

import pytest

import smbstrat


def test_totals_of_the_small_canvas(small):
    # revenue: rev-bread 50000; cost: flour 12000 + rent 18000 = 30000
    assert small.revenue == 50000.0
    assert small.cost == 30000.0
    assert small.margin == 20000.0  # 50000 - 30000
    assert small.cost_of_kind("fixed") == 18000.0
    assert small.cost_of_kind("variable") == 12000.0
    assert small.cost_of_kind(None) == 0.0
    with pytest.raises(ValueError):
        small.cost_of_kind("monthly")


def test_assumption_share_is_importance_weighted(small):
    # importance of all items: 5 + 3 + 4 + 2 + 3 + 3 = 20
    # of assumption items: ch-shop 3 + seg-families 4 + cost-flour 2 = 9
    assert small.assumption_share == pytest.approx(9 / 20)
    small.item("seg-families").evidence = "testing"
    # 9 - 4 = 5 of 20
    assert small.assumption_share == pytest.approx(5 / 20)
    assert smbstrat.Canvas().assumption_share == 0.0


def test_totals_follow_changes(small):
    small.add("cost_structure", "cost-van", "Cargo bike", amount=2500.5, kind="fixed")
    assert small.cost == 32500.5  # 30000 + 2500.5
    assert small.margin == 17499.5  # 50000 - 32500.5
    assert small.cost_of_kind("fixed") == 20500.5  # 18000 + 2500.5


def test_check_returns_findings(small):
    before = set(small.check())
    small.unlink("vp-fresh", "seg-families")
    after = small.check()
    assert all(isinstance(f, smbstrat.Finding) for f in after)
    new = set(after) - before
    by_code = {f.code: f for f in new}
    assert set(by_code) == {"segment_without_value_proposition",
                            "value_proposition_without_segment"}
    seg = by_code["segment_without_value_proposition"]
    assert (seg.severity, seg.block, seg.item) == ("warning", "customer_segments",
                                                   "seg-families")
    assert "seg-families" in seg.message
    vp = by_code["value_proposition_without_segment"]
    assert (vp.severity, vp.block, vp.item) == ("warning", "value_propositions", "vp-fresh")
    assert str(vp).startswith("warning: value_propositions/vp-fresh: ")
    assert str(vp).endswith("[value_proposition_without_segment]")
    with pytest.raises(dataclasses.FrozenInstanceError):
        vp.code = "other"


def test_findings_of_an_empty_canvas_concern_blocks_or_the_canvas():
    findings = smbstrat.Canvas().check()
    assert findings  # an empty canvas is not a business model
    for finding in findings:
        assert finding.item is None
        assert finding.block is None or finding.block in smbstrat.BLOCK_KEYS
        assert finding.severity in ("info", "warning", "error")


def test_findings_and_changes_outlive_the_canvas():
    canvas = smbstrat.Canvas()
    canvas.add("customer_segments", "seg", "Families")
    findings = canvas.check()
    changes = smbstrat.Canvas().diff(canvas)
    del canvas
    gc.collect()
    assert any(f.item == "seg" and "seg" in f.message for f in findings)
    assert changes == [smbstrat.Change("added", "seg", "customer_segments")]


def test_diff_lists_changes(small):
    after = small.copy()
    after.remove("cost-flour")
    after.add("customer_segments", "seg-cafes", "Cafés")
    after.item("vp-fresh").importance = 2
    after.item("vp-fresh").text = "Fresher bread"
    after.unlink("ch-shop", "seg-families")
    after.link("vp-fresh", "seg-cafes")
    changes = small.diff(after)
    items = [c for c in changes if not c.kind.startswith("link_")]
    links = [c for c in changes if c.kind.startswith("link_")]
    assert changes == items + links  # items first, then links
    assert set(items) == {
        smbstrat.Change("removed", "cost-flour", "cost_structure"),
        smbstrat.Change("added", "seg-cafes", "customer_segments"),
        smbstrat.Change("changed", "vp-fresh", "value_propositions", ("text", "importance")),
    }
    assert links == [
        smbstrat.Change("link_removed", "ch-shop", "channels", (), "seg-families"),
        smbstrat.Change("link_added", "vp-fresh", "value_propositions", (), "seg-cafes"),
    ]
    assert small.diff(small.copy()) == []
    assert str(links[0]) == "link_removed: ch-shop -> seg-families"


def test_diff_reports_moves_between_blocks():
    a = smbstrat.Canvas()
    a.add("key_activities", "k", "Thing")
    b = a.copy()
    b.move("k", "key_resources")
    assert a.diff(b) == [smbstrat.Change("changed", "k", "key_resources", ("block",))]


def test_diff_needs_a_canvas(small):
    with pytest.raises(TypeError):
        small.diff("other")
    with pytest.raises(TypeError):
        small.diff(None)
