# SPDX-License-Identifier: MIT
"""smbstrat score: the five forces as a table and as the JSON object that
docs/cli-json.md documents. Scores are worked out by hand in the comments
(and in clitool.worked_forces())."""
import json
import re

import pytest

from clitool import (BAKERY, bakery, err, one_error_line, out, run, run_on_terminal, write,
                     write_json, worked_forces)

FORCES = ["new_entrants", "supplier_power", "buyer_power", "substitutes", "rivalry"]


def score_json(path):
    proc = run("score", "--format", "json", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    return json.loads(out(proc))


def table_rows(text):
    """{force: cells} from the score table, checking the columns line up."""
    lines = text.splitlines()
    header = lines[2]
    names = ["FORCE", "SCORE", "INTENSITY", "BAND", "WEIGHT", "RATED", "UNRATED", "TOP DRIVERS"]
    assert header.split("  ")[0] == "FORCE"
    # Numbers are right-aligned under their heading (as wide as it), text
    # left-aligned at its start; two spaces separate the columns.
    ends = {h: header.index(h) + len(h) for h in names}
    starts = {h: header.index(h) for h in names}
    numbers = ("SCORE", "INTENSITY", "WEIGHT", "RATED", "UNRATED")
    rows = {}
    for line in lines[3:8]:
        cells = {
            "force": line[:starts["SCORE"]].strip(),
            "band": line[starts["BAND"]:starts["WEIGHT"]].strip(),
            "top": line[starts["TOP DRIVERS"]:],
        }
        for h in numbers:
            cell = line[starts[h]:ends[h]]
            assert cell == cell.strip().rjust(len(h)), (h, line)
            cells[h.lower()] = cell.strip()
        for h in numbers + ("FORCE", "BAND"):
            nxt = names[names.index(h) + 1]
            assert line[starts[nxt] - 2:starts[nxt]] == "  ", (h, line)
        rows[cells["force"].rstrip(" *")] = cells
    return rows


# ---- text -------------------------------------------------------------------

def test_score_text_of_the_worked_example(tmp_path):
    path = write_json(tmp_path / "forces.json", worked_forces())
    proc = run("score", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    text = out(proc)
    assert text.startswith(f"Five forces: Artisan bakery, city centre ({path})\n\n")
    rows = table_rows(text)
    assert list(rows) == FORCES
    # (3*2 + 5)/4 = 2.75; (2.75 - 1)/4 = 0.4375 -> 0.44 (halves round up, as
    # in rendered reports).
    assert rows["new_entrants"] == {
        "force": "new_entrants", "score": "2.75", "intensity": "0.44", "band": "moderate",
        "weight": "1", "rated": "2", "unrated": "7",
        "top": "brand_loyalty 5, capital_requirements 2"}
    assert rows["supplier_power"]["score"] == "-"
    assert rows["supplier_power"]["intensity"] == "-"
    assert rows["supplier_power"]["band"] == "unrated"
    assert rows["supplier_power"]["top"] == "-"
    # 4.5 high, intensity 0.875 -> 0.88; the only dominant force.
    assert rows["buyer_power"]["force"] == "buyer_power *"
    assert (rows["buyer_power"]["score"], rows["buyer_power"]["intensity"]) == ("4.50", "0.88")
    assert rows["substitutes"]["intensity"] == "0.13"  # 0.125
    assert rows["rivalry"]["weight"] == "2"
    assert sum(1 for r in rows.values() if r["force"].endswith(" *")) == 1
    assert "\n* dominant force\n" in text
    # pressure 2.4375/5 = 0.4875 -> 0.49, attractiveness 0.5125 -> 0.51.
    assert "\nCompetitive pressure 0.49, attractiveness 0.51 (both from 0 to 1).\n" in text
    assert text.endswith("\n24 of 31 drivers unrated.\n")


def test_score_text_lists_the_largest_swings(tmp_path):
    # Swing of a driver = (v_f / V) * (w_i / W_f). V = 5.
    #   substitutes/price_performance: (1/5) * (1/1) = 0.2
    #   rivalry/each: (2/5) * (1/2) = 0.2
    #   buyer_power/each: (1/5) * (1/2) = 0.1
    #   new_entrants/capital (w 3): (1/5) * (3/4) = 0.15
    # Ties keep force order, then driver order: substitutes first, then
    # rivalry's number_and_balance (catalogue order) and exit_barriers.
    path = write_json(tmp_path / "forces.json", worked_forces())
    text = out(run("score", path))
    assert ("\nMost sensitive drivers (attractiveness swing from rating 1 to 5): "
            "substitutes/price_performance 0.20, rivalry/number_and_balance 0.20, "
            "rivalry/exit_barriers 0.20.\n") in text


def test_score_text_of_the_bakery():
    proc = run("score", BAKERY)
    assert proc.returncode == 0, err(proc)
    rows = table_rows(out(proc))
    assert list(rows) == FORCES
    doc = bakery()["forces"]
    for force in FORCES:
        # Every rated driver of the example is counted.
        rated = sum(1 for d in doc[force]["drivers"].values() if "rating" in d)
        assert rows[force]["rated"] == str(rated)
        assert re.fullmatch(r"\d\.\d\d", rows[force]["score"])


def test_score_with_unrated_forces(tmp_path):
    # Only rivalry is rated (exit_barriers 4): score 4, intensity 0.75; it is
    # the only scored force, so pressure 0.75 and attractiveness 0.25.
    doc = {"smbstrat": 1, "forces": {"rivalry": {"drivers": {"exit_barriers": {"rating": 4}}}}}
    path = write_json(tmp_path / "one.json", doc)
    text = out(run("score", path))
    assert text.startswith(f"Five forces ({path})\n")
    rows = table_rows(text)
    assert [f for f in FORCES if rows[f]["score"] == "-"] == FORCES[:4]
    assert rows["rivalry"]["force"] == "rivalry *"
    assert "Competitive pressure 0.75, attractiveness 0.25" in text
    assert text.endswith("\n30 of 31 drivers unrated.\n")
    report = score_json(path)
    assert report["pressure"] == 0.75 and report["attractiveness"] == 0.25
    assert report["dominant"] == ["rivalry"]
    assert [report["forces"][f]["score"] for f in FORCES] == [None, None, None, None, 4.0]


def test_score_of_a_forces_section_without_ratings(tmp_path):
    path = tmp_path / "new.json"
    assert run("new", "forces", "-o", path).returncode == 0
    proc = run("score", path)
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    rows = table_rows(text)
    assert all(rows[f]["score"] == "-" and rows[f]["band"] == "unrated" for f in FORCES)
    assert "dominant" not in text
    assert "\nNot scored: competitive pressure is undefined: no driver is rated.\n" in text
    assert text.endswith("\n31 of 31 drivers unrated.\n")
    report = score_json(path)
    assert report["pressure"] is None and report["attractiveness"] is None
    assert report["sensitivity"] is None and report["dominant"] == []
    for force in FORCES:
        f = report["forces"][force]
        assert (f["score"], f["intensity"], f["band"], f["drivers"]) == (None, None, None, [])
        assert f["rated"] == 0 and f["dominant"] is False
    assert len(report["unrated"]) == 31


def test_score_of_weightless_rated_force(tmp_path):
    # Rivalry is rated but weighs 0: it keeps its score (4) but takes no
    # part in the pressure, which is therefore undefined.
    doc = {"smbstrat": 1, "forces": {
        "weights": {"rivalry": 0},
        "rivalry": {"drivers": {"exit_barriers": {"rating": 4}}}}}
    path = write_json(tmp_path / "w0.json", doc)
    text = out(run("score", path))
    assert table_rows(text)["rivalry"]["score"] == "4.00"
    assert ("Not scored: competitive pressure is undefined: no force of positive weight has a "
            "rated driver of positive weight.") in text
    report = score_json(path)
    assert report["forces"]["rivalry"]["score"] == 4.0
    assert report["forces"]["rivalry"]["weight"] == 0.0
    assert report["attractiveness"] is None


def test_score_without_a_forces_section(tmp_path):
    bare = write(tmp_path / "bare.json", '{"smbstrat": 1}\n')
    proc = run("score", bare)
    assert proc.returncode == 0
    assert out(proc) == f"{bare}: no forces, resilience or scenarios section, nothing to score\n"
    assert proc.stderr == b""
    assert score_json(bare) == {
        "file": str(bare), "name": None, "forces": None, "pressure": None,
        "attractiveness": None, "dominant": [], "unrated": [], "sensitivity": None,
        "resilience": None, "scenarios": None, "totals": None, "stress": None,
        "block_heat": None}


def test_score_colours_bands_only_on_a_terminal(tmp_path):
    path = write_json(tmp_path / "forces.json", worked_forces())
    status, text = run_on_terminal("score", path, env_extra={"TERM": "xterm"})
    assert status == 0
    assert "\x1b[33mmoderate\x1b[0m" in text
    assert "\x1b[31mhigh\x1b[0m" in text
    assert "\x1b[32mlow\x1b[0m" in text
    assert "\x1b[36munrated\x1b[0m" in text
    status, text = run_on_terminal("score", path, env_extra={"TERM": "xterm", "NO_COLOR": "1"})
    assert status == 0 and "\x1b" not in text


def test_score_text_neutralises_control_characters(tmp_path):
    doc = worked_forces()
    doc["forces"]["name"] = "Evil\x1b[2J\rname\u0085!"
    text = out(run("score", write_json(tmp_path / "evil.json", doc)))
    first = text.splitlines()[0]
    assert "\x1b" not in text and "\r" not in text and "\u0085" not in text
    assert first.startswith("Five forces: Evil [2J name !")


# ---- JSON -------------------------------------------------------------------

def test_score_json_of_the_worked_example(tmp_path):
    path = write_json(tmp_path / "forces.json", worked_forces())
    report = score_json(path)
    # The forces members first, then those of the resilience and the
    # scenarios (null here: the document has neither).
    assert list(report) == ["file", "name", "forces", "pressure", "attractiveness",
                            "dominant", "unrated", "sensitivity", "resilience", "scenarios",
                            "totals", "stress", "block_heat"]
    assert [report[k] for k in ("resilience", "scenarios", "totals", "stress",
                                "block_heat")] == [None] * 5
    assert report["file"] == str(path)
    assert report["name"] == "Artisan bakery, city centre"
    assert list(report["forces"]) == FORCES
    assert report["forces"]["new_entrants"] == {
        "title": "Threat of New Entrants",
        "score": 2.75, "intensity": 0.4375, "band": "moderate", "weight": 1.0,
        "dominant": False,
        # share = v * intensity / (sum of the weights of scored forces) = 0.4375/5
        "pressure_share": 0.0875,
        "rated": 2, "unrated": 7,
        "drivers": [
            {"key": "brand_loyalty", "title": "Brand loyalty", "rating": 5.0, "weight": 1.0,
             "contribution": 0.25},
            {"key": "capital_requirements", "title": "Capital requirements", "rating": 2.0,
             "weight": 3.0, "contribution": 0.1875},
        ],
    }
    buyers = report["forces"]["buyer_power"]
    assert (buyers["score"], buyers["intensity"], buyers["band"]) == (4.5, 0.875, "high")
    assert buyers["dominant"] is True
    # Contributions: switching_costs 1*(5-1)/(4*2) = 0.5, price_sensitivity 3/8.
    assert [(d["key"], d["contribution"]) for d in buyers["drivers"]] == [
        ("switching_costs", 0.5), ("price_sensitivity", 0.375)]
    assert report["forces"]["supplier_power"]["band"] is None
    assert report["forces"]["rivalry"]["weight"] == 2.0
    # 2 * 0.5 / 5 = 0.2; the shares add up to the pressure.
    assert report["forces"]["rivalry"]["pressure_share"] == 0.2
    assert sum(f["pressure_share"] for f in report["forces"].values()) == \
        pytest.approx(report["pressure"])
    assert report["pressure"] == 0.4875
    assert report["attractiveness"] == 0.5125
    assert report["dominant"] == ["buyer_power"]
    assert len(report["unrated"]) == 24
    assert report["unrated"][0] == {"force": "new_entrants", "key": "economies_of_scale",
                                    "title": "Supply-side economies of scale"}
    assert {u["force"] for u in report["unrated"]} == set(FORCES)
    # The tornado: every rated driver, largest swing first (see the text test).
    bars = report["sensitivity"]
    assert len(bars) == 7
    assert bars[0] == {
        "force": "substitutes", "driver": "price_performance",
        "title": "Price-performance of substitutes", "rating": 1.5,
        # price_performance at 1: substitutes intensity 0, pressure
        # (0.4375 + 0.875 + 0 + 1)/5 = 0.4625, attractiveness 0.5375; at 5:
        # intensity 1, pressure 3.3125/5 = 0.6625, attractiveness 0.3375.
        "low": 0.5375, "high": 0.3375, "swing": 0.2}
    assert [round(b["swing"], 12) for b in bars] == [0.2, 0.2, 0.2, 0.15, 0.1, 0.1, 0.05]
    # capital_requirements (w 3 of 4): (1/5)*(3/4) = 0.15; brand_loyalty 0.05.
    assert (bars[3]["force"], bars[3]["driver"]) == ("new_entrants", "capital_requirements")


def test_score_json_reals_read_back_exactly(tmp_path):
    # 1/3 cannot be written exactly: 15 significant digits are enough to
    # read it back within 1e-15, and exact values stay short.
    doc = {"smbstrat": 1, "forces": {"rivalry": {"drivers": {
        "exit_barriers": {"rating": 2}, "fixed_costs": {"rating": 2},
        "industry_growth": {"rating": 3}}}}}
    path = write_json(tmp_path / "third.json", doc)
    proc = run("score", "-f", "json", path)
    text = out(proc)
    report = json.loads(text)
    # (2 + 2 + 3)/3 = 7/3 = 2.333...; intensity (7/3 - 1)/4 = 1/3.
    assert report["forces"]["rivalry"]["score"] == pytest.approx(7 / 3, abs=1e-14)
    assert '"score": 2.33333333333333' in text
    assert '"pressure_share": 0.333333333333333' in text


def test_score_json_of_the_bakery():
    report = score_json(BAKERY)
    doc = bakery()["forces"]
    assert report["name"] == doc["name"]
    for force in FORCES:
        f = report["forces"][force]
        assert 1 <= f["score"] <= 5
        assert f["intensity"] == pytest.approx((f["score"] - 1) / 4)
        assert f["band"] == ("low" if f["score"] < 2.5 else
                             "moderate" if f["score"] < 3.5 else "high")
        assert f["weight"] == doc.get("weights", {}).get(force, 1)
        # Drivers come ranked by contribution, and contributions add up to
        # the intensity.
        contributions = [d["contribution"] for d in f["drivers"]]
        assert contributions == sorted(contributions, reverse=True)
        assert sum(contributions) == pytest.approx(f["intensity"])
    assert report["attractiveness"] == pytest.approx(1 - report["pressure"])
    # Sorted by swing; swings equal to 12 decimals count as ties.
    swings = [round(b["swing"], 12) for b in report["sensitivity"]]
    assert swings == sorted(swings, reverse=True)
    assert all(b["swing"] == pytest.approx(abs(b["high"] - b["low"]))
               for b in report["sensitivity"])


# ---- errors -----------------------------------------------------------------

def test_score_invalid_documents(tmp_path):
    doc = worked_forces()
    doc["forces"]["rivalry"]["drivers"]["exit_barriers"]["rating"] = 6
    path = write_json(tmp_path / "bad.json", doc)
    for fmt in ("text", "json"):
        proc = run("score", path, "--format", fmt)
        assert proc.returncode == 3
        assert proc.stdout == b""
        line = one_error_line(proc)
        assert "$.forces.rivalry.drivers.exit_barriers.rating" in line
    proc = run("score", tmp_path / "missing.json")
    assert proc.returncode == 4
    one_error_line(proc)
