# SPDX-License-Identifier: MIT
"""smbstrat score and render on the resilience profile and the scenarios: the
JSON members docs/cli-json.md documents, the text sections, and the risk
matrix. Every figure is worked out by hand in the comments, from

    exposure = p * impact * factor,  threat factor v = 1 - m*R,
    opportunity factor g = 1 - m*(1 - R),  m = 0.5,
    R = mean maturity of the mitigating capabilities / 5,
    urgency-weighted = exposure * 0.5^(horizon / 24).
"""
import json
import re

import pytest

from clitool import (BAKERY, bakery, err, one_error_line, out, run, run_on_terminal,
                     write_json)

SQRT_HALF = 0.5 ** 0.5  # 0.5^(12/24): the urgency of a 12-month horizon


def worked():
    """Forces, a resilience profile and three scenarios.

    Resilience: maturities adaptability 4 (weight 2), agility 1, innovation 3,
    customer_centricity 2, data_driven 5.
      index = (2*4 + 1 + 3 + 2 + 5) / 6 / 5 = 19/30 = 0.6333...
      weakest link: agility, 1/5 = 0.2
    Scenarios (mitigated_by overrides the source's capabilities):
      rent  threat, p 0.4, impact 4, horizon 24, by adaptability and agility:
            R = (4 + 1)/2/5 = 0.5, v = 0.75, exposure 0.4*4*0.75 = 1.2,
            urgency 0.5, urgency-weighted 0.6; L3 (0.3 <= 0.4 < 0.5), I4,
            rating 12, high
      chain threat, p 0.75, impact 3, horizon 12, by innovation:
            R = 3/5 = 0.6, v = 0.7, exposure 0.75*3*0.7 = 1.575,
            urgency-weighted 1.575*0.7071 = 1.1137; L5, I3, rating 15, high
      club  opportunity, p 0.5, impact 2, horizon 12, by data_driven:
            R = 1, readiness 1 - 0.5*0 = 1, exposure 1.0,
            urgency-weighted 0.7071; L4, I2, rating 8, medium
    Threats by exposure: chain 1, rent 2; opportunities: club 1.
    Forces: supplier_power supplier_concentration 3 (score 3, intensity 0.5),
    rivalry number_and_balance 2 (score 2, intensity 0.25):
      pressure (0.5 + 0.25)/2 = 0.375, attractiveness 0.625.
    """
    return {
        "smbstrat": 1,
        "forces": {
            "supplier_power": {"drivers": {"supplier_concentration": {"rating": 3}}},
            "rivalry": {"drivers": {"number_and_balance": {"rating": 2}}},
        },
        "resilience": {"capabilities": {
            "adaptability": {"maturity": 4, "weight": 2},
            "agility": {"maturity": 1},
            "innovation": {"maturity": 3},
            "customer_centricity": {"maturity": 2},
            "data_driven": {"maturity": 5},
        }},
        "scenarios": [
            {"id": "rent", "title": "Rent doubles", "source": "economic",
             "direction": "threat", "likelihood": 0.4, "impact": 4, "horizon_months": 24,
             "blocks": {"cost_structure": 1, "key_resources": 0.5},
             "shifts": [{"force": "supplier_power", "driver": "supplier_concentration",
                         "delta": 1}],
             "mitigated_by": ["adaptability", "agility"]},
            {"id": "chain", "title": "A chain opens next door", "source": "competition",
             "direction": "threat", "likelihood": 0.75, "impact": 3,
             "blocks": {"channels": 1, "customer_segments": 1},
             "shifts": [{"force": "rivalry", "driver": "number_and_balance", "delta": 1},
                        {"force": "rivalry", "driver": "exit_barriers", "delta": 2}],
             "mitigated_by": ["innovation"]},
            {"id": "club", "title": "Bread club", "source": "business_model",
             "direction": "opportunity", "likelihood": 0.5, "impact": 2,
             "mitigated_by": ["data_driven"]},
        ],
    }


def score_json(path):
    proc = run("score", "--format", "json", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    return json.loads(out(proc))


def by_id(report):
    return {s["id"]: s for s in report["scenarios"]}


# ---- score --format json -------------------------------------------------------

def test_score_json_keeps_the_forces_contract_and_adds_the_scenarios(tmp_path):
    report = score_json(write_json(tmp_path / "doc.json", worked()))
    assert list(report) == ["file", "name", "forces", "pressure", "attractiveness",
                            "dominant", "unrated", "sensitivity", "resilience", "scenarios",
                            "totals", "stress", "block_heat"]
    assert report["pressure"] == 0.375
    assert report["attractiveness"] == 0.625


def test_score_json_resilience(tmp_path):
    res = score_json(write_json(tmp_path / "doc.json", worked()))["resilience"]
    assert res["index"] == pytest.approx(19 / 30, abs=1e-14)
    assert res["weakest_link"] == {"capability": "agility", "index": 0.2}
    assert list(res["capabilities"]) == ["adaptability", "agility", "innovation",
                                         "customer_centricity", "data_driven"]
    assert res["capabilities"]["adaptability"] == {
        "title": "Adaptability", "maturity": 4.0, "weight": 2.0, "rationale": None}
    assert res["capabilities"]["data_driven"]["maturity"] == 5.0


def test_score_json_scenarios(tmp_path):
    report = score_json(write_json(tmp_path / "doc.json", worked()))
    # In the document's order.
    assert [s["id"] for s in report["scenarios"]] == ["rent", "chain", "club"]
    s = by_id(report)
    assert list(s["chain"]) == ["id", "title", "source", "direction", "likelihood", "impact",
                                "horizon_months", "resilience", "factor", "exposure",
                                "urgency", "urgency_weighted", "money", "money_exposure",
                                "matrix", "rank"]
    chain = s["chain"]
    assert (chain["title"], chain["source"], chain["direction"]) == (
        "A chain opens next door", "competition", "threat")
    assert (chain["likelihood"], chain["impact"], chain["horizon_months"]) == (0.75, 3.0, 12.0)
    assert chain["resilience"] == pytest.approx(0.6)
    assert chain["factor"] == pytest.approx(0.7)
    assert chain["exposure"] == pytest.approx(1.575)
    assert chain["urgency"] == pytest.approx(SQRT_HALF)
    assert chain["urgency_weighted"] == pytest.approx(1.575 * SQRT_HALF)
    assert chain["money"] is None and chain["money_exposure"] is None
    assert chain["matrix"] == {"likelihood": 5, "impact": 3, "rating": 15, "band": "high"}
    assert chain["rank"] == 1
    rent = s["rent"]
    assert (rent["resilience"], rent["factor"]) == (0.5, 0.75)
    assert rent["exposure"] == pytest.approx(1.2)
    assert (rent["urgency"], rent["urgency_weighted"]) == (0.5, pytest.approx(0.6))
    assert rent["matrix"] == {"likelihood": 3, "impact": 4, "rating": 12, "band": "high"}
    assert rent["rank"] == 2
    club = s["club"]
    assert (club["direction"], club["resilience"], club["factor"]) == ("opportunity", 1.0, 1.0)
    assert club["exposure"] == 1.0
    assert club["matrix"] == {"likelihood": 4, "impact": 2, "rating": 8, "band": "medium"}
    # Ranked within its own direction.
    assert club["rank"] == 1


def test_score_json_totals(tmp_path):
    totals = score_json(write_json(tmp_path / "doc.json", worked()))["totals"]
    assert list(totals) == ["threat", "opportunity"]
    threat = totals["threat"]
    # 1.2 + 1.575 = 2.775; 0.6 + 1.575*0.7071 = 1.7137
    assert threat["count"] == 2
    assert threat["exposure"] == pytest.approx(2.775)
    assert threat["urgency_weighted"] == pytest.approx(0.6 + 1.575 * SQRT_HALF)
    assert threat["money_exposure"] == 0.0
    assert threat["bands"] == {"low": 0, "medium": 0, "high": 2, "critical": 0}
    assert totals["opportunity"]["count"] == 1
    assert totals["opportunity"]["exposure"] == 1.0
    assert totals["opportunity"]["bands"] == {"low": 0, "medium": 1, "high": 0, "critical": 0}


def test_score_json_money(tmp_path):
    # A money impact of 40000 on rent: 0.4 * 40000 * 0.75 = 12000.
    doc = worked()
    doc["scenarios"][0]["money"] = 40000
    report = score_json(write_json(tmp_path / "doc.json", doc))
    rent = by_id(report)["rent"]
    assert rent["money"] == 40000.0
    assert rent["money_exposure"] == pytest.approx(12000)
    assert report["totals"]["threat"]["money_exposure"] == pytest.approx(12000)
    text = out(run("score", tmp_path / "doc.json"))
    assert "Total of 2 threats: exposure 2.78, urgency-weighted 1.71, money exposure 12,000; " \
           "bands: 0 low, 0 medium, 2 high, 0 critical.\n" in text
    # No opportunity has money: its total says nothing of it.
    assert "Total of 1 opportunity: exposure 1.00, urgency-weighted 0.71; bands:" in text


def test_score_json_stress(tmp_path):
    stress = score_json(write_json(tmp_path / "doc.json", worked()))["stress"]
    # The scenarios with shifts, in the document's order; club has none.
    assert [s["scenario"] for s in stress] == ["rent", "chain"]
    rent, chain = stress
    assert list(rent) == ["scenario", "title", "shifts", "unapplied", "forces", "pressure",
                          "attractiveness"]
    assert rent["title"] == "Rent doubles"
    # supplier_concentration 3 -> 4: supplier_power score 4, intensity 0.75;
    # pressure (0.75 + 0.25)/2 = 0.5, attractiveness 0.5.
    assert rent["shifts"] == [{"force": "supplier_power", "driver": "supplier_concentration",
                               "delta": 1.0, "applied": True, "rating_before": 3.0,
                               "rating_after": 4.0, "clamped": False}]
    assert rent["unapplied"] == 0
    supplier = rent["forces"]["supplier_power"]
    assert (supplier["score_before"], supplier["score_after"], supplier["score_delta"]) == (
        3.0, 4.0, 1.0)
    assert (supplier["band_before"], supplier["band_after"]) == ("moderate", "high")
    assert rent["forces"]["rivalry"]["changed"] is False
    assert rent["forces"]["new_entrants"]["score_before"] is None
    assert rent["attractiveness"] == {"before": 0.625, "after": 0.5, "delta": -0.125}
    assert rent["pressure"] == {"before": 0.375, "after": 0.5, "delta": 0.125}
    # number_and_balance 2 -> 3 (rivalry 3, intensity 0.5: pressure 0.5);
    # exit_barriers is unrated, so it stays unrated and is not applied.
    assert chain["unapplied"] == 1
    assert chain["shifts"][1] == {"force": "rivalry", "driver": "exit_barriers", "delta": 2.0,
                                  "applied": False, "rating_before": None,
                                  "rating_after": None, "clamped": False}
    assert chain["forces"]["rivalry"]["score_after"] == 3.0
    assert chain["attractiveness"]["after"] == 0.5


def test_score_json_block_heat(tmp_path):
    heat = score_json(write_json(tmp_path / "doc.json", worked()))["block_heat"]
    # Threats only: channels and customer_segments 1.575*1 each, cost_structure
    # 1.2*1, key_resources 1.2*0.5 = 0.6; total 4.95. Ties keep block order.
    assert [h["block"] for h in heat] == [
        "channels", "customer_segments", "cost_structure", "key_resources",
        "key_partnerships", "key_activities", "value_propositions",
        "customer_relationships", "revenue_streams"]
    channels = heat[0]
    assert list(channels) == ["block", "heat", "urgency_weighted", "share", "threats", "items"]
    assert channels["heat"] == pytest.approx(1.575)
    assert channels["share"] == pytest.approx(1.575 / 4.95)
    assert channels["urgency_weighted"] == pytest.approx(1.575 * SQRT_HALF)
    assert channels["threats"] == 1
    assert heat[2]["heat"] == pytest.approx(1.2)
    assert heat[2]["share"] == pytest.approx(1.2 / 4.95)
    assert heat[3]["heat"] == pytest.approx(0.6)
    assert heat[3]["urgency_weighted"] == pytest.approx(0.3)  # 0.6 * 0.5
    assert all(h["heat"] == 0 and h["share"] == 0 and h["threats"] == 0 for h in heat[4:])
    # No canvas: no item counts.
    assert all(h["items"] is None for h in heat)
    assert sum(h["share"] for h in heat) == pytest.approx(1)


def test_score_json_block_heat_counts_canvas_items(tmp_path):
    doc = worked()
    doc["canvas"] = {"channels": [{"id": "ch-shop", "text": "The shop"},
                                  {"id": "ch-web", "text": "The web shop"}]}
    heat = score_json(write_json(tmp_path / "doc.json", doc))["block_heat"]
    items = {h["block"]: h["items"] for h in heat}
    assert items["channels"] == 2
    assert items["cost_structure"] == 0


def test_score_json_sections_absent(tmp_path):
    # Scenarios alone: no resilience (R = 0, threats keep factor 1:
    # rent 0.4*4 = 1.6; the opportunity gets 1 - 0.5 = 0.5: club 0.5*2*0.5 =
    # 0.5), no forces (no stress test).
    # The shifts stay: they are checked against forces only when there are some.
    doc = worked()
    del doc["forces"], doc["resilience"]
    report = score_json(write_json(tmp_path / "doc.json", doc))
    assert report["forces"] is None and report["resilience"] is None
    assert report["stress"] is None
    s = by_id(report)
    assert (s["rent"]["resilience"], s["rent"]["factor"]) == (0.0, 1.0)
    assert s["rent"]["exposure"] == pytest.approx(1.6)
    assert s["club"]["factor"] == 0.5 and s["club"]["exposure"] == 0.5
    # Forces but no shifts: an empty list, not null.
    doc = worked()
    for s in doc["scenarios"]:
        s.pop("shifts", None)
    assert score_json(write_json(tmp_path / "noshift.json", doc))["stress"] == []
    # A resilience profile alone: scenarios, totals, stress and heat null.
    doc = {"smbstrat": 1, "resilience": worked()["resilience"]}
    report = score_json(write_json(tmp_path / "res.json", doc))
    assert report["resilience"]["weakest_link"]["capability"] == "agility"
    assert [report[k] for k in ("scenarios", "totals", "stress", "block_heat")] == [None] * 4
    # An empty scenarios array: present, so lists and totals, all empty.
    doc = {"smbstrat": 1, "scenarios": []}
    report = score_json(write_json(tmp_path / "empty.json", doc))
    assert report["scenarios"] == []
    assert report["totals"]["threat"]["count"] == 0
    assert len(report["block_heat"]) == 9


# ---- score, text ----------------------------------------------------------------

def section(text, heading):
    """The lines of a text section, from its heading to the next blank line."""
    start = text.index(heading)
    end = text.find("\n\n", start)
    return text[start:end if end >= 0 else len(text)].splitlines()


def test_score_text_sections(tmp_path):
    path = write_json(tmp_path / "doc.json", worked())
    proc = run("score", path)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    text = out(proc)
    assert text.startswith(f"Five forces ({path})\n")
    # Resilience: 19/30 -> 0.63; agility 0.2.
    res = section(text, "Resilience index")
    assert res[0] == "Resilience index 0.63, weakest link agility at 0.20 (both from 0 to 1)."
    assert res[1].split() == ["CAPABILITY", "MATURITY", "WEIGHT"]
    assert res[2].split() == ["adaptability", "4.00", "2"]
    assert ("Scenarios: 3, scored against the resilience profile; mitigation strength m = 0.5, "
            "urgency half-life 24 months.\n") in text
    threats = section(text, "Threats, ranked")
    assert threats[0] == "Threats, ranked by exposure (likelihood x impact x vulnerability):"
    header = threats[1]
    assert header.split() == ["RANK", "ID", "SOURCE", "P", "IMPACT", "EXPOSURE",
                              "URGENCY-WEIGHTED", "CELL", "BAND", "TITLE"]
    # Aligned: text starts under its heading, numbers end under theirs.
    for row in threats[2:4]:
        assert row[header.index("ID")] != " " and row[header.index("ID") - 1] == " "
        assert row[header.index("BAND")] != " "
        assert row[header.index("TITLE")] != " "
        end = header.index("EXPOSURE") + len("EXPOSURE")
        assert row[end - 1] != " " and row[end] == " "
    # chain: 1.575 (binary just below: either 1.57 or 1.58), rent 1.2 -> 1.20,
    # urgency-weighted 0.6 -> 0.60.
    assert re.match(r" +1  chain  competition  0\.75  +3\.00  +1\.5[78]  +1\.11  5x3=15  high"
                    r" +A chain opens next door$", threats[2])
    assert re.match(r" +2  rent   economic     0\.40  +4\.00  +1\.20  +0\.60  3x4=12  high"
                    r" +Rent doubles$", threats[3])
    assert threats[4] == ("Total of 2 threats: exposure 2.78, urgency-weighted 1.71; bands: "
                          "0 low, 0 medium, 2 high, 0 critical.")
    opps = section(text, "Opportunities, ranked")
    assert opps[0] == "Opportunities, ranked by exposure (likelihood x impact x readiness):"
    assert re.match(r" +1  club +business_model  0\.50  +2\.00  +1\.00  +0\.71  4x2=8 +medium"
                    r" +Bread club$", opps[2])
    stress = section(text, "Stress tests")
    assert stress[1:] == [
        "rent: 1 shift",
        "  ~ force supplier_power: score 3.00 -> 4.00 (+1.00), band moderate -> high",
        "  ~ attractiveness 0.63 -> 0.50 (-0.13), pressure 0.38 -> 0.50 (+0.13)",
        "chain: 2 shifts, 1 not applied (driver unrated): rivalry/exit_barriers",
        "  ~ force rivalry: score 2.00 -> 3.00 (+1.00), band low -> moderate",
        "  ~ attractiveness 0.63 -> 0.50 (-0.13), pressure 0.38 -> 0.50 (+0.13)",
    ]
    heat = section(text, "Heat on the canvas")
    assert heat[1].split() == ["BLOCK", "HEAT", "URGENCY-WEIGHTED", "SHARE", "THREATS"]
    assert heat[4].split() == ["cost_structure", "1.20", "0.60", "0.24", "1"]  # 1.2/4.95
    assert heat[5].split() == ["key_resources", "0.60", "0.30", "0.12", "1"]
    assert len(heat) == 2 + 9


def test_score_text_without_forces_or_profile(tmp_path):
    # The shifts stay: they are checked against forces only when there are some.
    doc = worked()
    del doc["forces"], doc["resilience"]
    path = write_json(tmp_path / "doc.json", doc)
    text = out(run("score", path))
    assert text.startswith(f"{path}: no forces section.\n\nScenarios: 3, scored without a "
                           "resilience profile (no mitigation credit);")
    assert "Resilience index" not in text
    assert "Stress tests" not in text
    # Forces without shifts say so.
    doc = worked()
    for s in doc["scenarios"]:
        s.pop("shifts", None)
    text = out(run("score", write_json(tmp_path / "noshift.json", doc)))
    assert "\nStress tests (each scenario's driver shifts applied to the five forces):\n" \
           "No scenario shifts a driver.\n" in text
    # No threats: said in place of the table.
    doc = worked()
    doc["scenarios"] = [doc["scenarios"][2]]
    doc["scenarios"][0].pop("shifts", None)
    text = out(run("score", write_json(tmp_path / "opp.json", doc)))
    assert "Threats, ranked by exposure (likelihood x impact x vulnerability):\nNo threats.\n" \
        in text


def test_score_text_colours_risk_bands_only_on_a_terminal(tmp_path):
    doc = worked()
    # A fourth scenario of each remaining band: low (L1 x I1) and critical (L5 x I5).
    doc["scenarios"] += [
        {"id": "tiny", "title": "Tiny", "source": "cyber", "direction": "threat",
         "likelihood": 0.05, "impact": 1},
        {"id": "huge", "title": "Huge", "source": "cyber", "direction": "threat",
         "likelihood": 0.9, "impact": 5},
    ]
    path = write_json(tmp_path / "doc.json", doc)
    status, text = run_on_terminal("score", path, env_extra={"TERM": "xterm"})
    assert status == 0
    assert "\x1b[32mlow\x1b[0m" in text
    assert "\x1b[33mmedium\x1b[0m" in text
    assert "\x1b[31mhigh\x1b[0m" in text
    assert "\x1b[1;31mcritical\x1b[0m" in text
    status, text = run_on_terminal("score", path, env_extra={"TERM": "xterm", "NO_COLOR": "1"})
    assert status == 0 and "\x1b" not in text
    # Not a terminal: no colour even without NO_COLOR.
    assert b"\x1b" not in run("score", path, colour=True).stdout


def test_score_text_neutralises_control_characters_in_titles(tmp_path):
    doc = worked()
    doc["scenarios"][1]["title"] = "Evil\x1b[2J\rtitle\u0085!"
    text = out(run("score", write_json(tmp_path / "evil.json", doc)))
    assert "\x1b" not in text and "\r" not in text and "\u0085" not in text
    assert "Evil [2J title !" in text


def test_score_of_the_bakery():
    report = score_json(BAKERY)
    doc = bakery()
    assert [s["id"] for s in report["scenarios"]] == [s["id"] for s in doc["scenarios"]]
    # Ranks run 1..n within each direction, by exposure.
    for direction in ("threat", "opportunity"):
        ranked = sorted((s for s in report["scenarios"] if s["direction"] == direction),
                        key=lambda s: s["rank"])
        assert [s["rank"] for s in ranked] == list(range(1, len(ranked) + 1))
        exposures = [s["exposure"] for s in ranked]
        assert exposures == sorted(exposures, reverse=True)
        assert report["totals"][direction]["count"] == len(ranked)
    shifted = [s["id"] for s in doc["scenarios"] if s.get("shifts")]
    assert [s["scenario"] for s in report["stress"]] == shifted
    proc = run("score", BAKERY)
    assert proc.returncode == 0 and proc.stderr == b""


def test_score_refuses_an_invalid_scenario(tmp_path):
    doc = worked()
    doc["scenarios"][1]["likelihood"] = 1.2
    path = write_json(tmp_path / "bad.json", doc)
    for fmt in ("text", "json"):
        proc = run("score", path, "--format", fmt)
        assert proc.returncode == 3
        assert proc.stdout == b""
        assert "$.scenarios[1].likelihood" in one_error_line(proc)


# ---- render --what scenarios ------------------------------------------------------

def test_render_scenarios_markdown(tmp_path):
    proc = run("render", write_json(tmp_path / "doc.json", worked()), "--what", "scenarios")
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    assert text.startswith("# Disruption scenarios\n\nScored against the resilience profile: "
                           "index 0.63, weakest link Agility at 0.20")
    # rent: 0.4 -> 0.4, impact 4, exposure 1.2 -> 1.20, urgency-weighted 0.60.
    assert ("| 2 | `rent` | Rent doubles | Economic shifts | 0.4 | 4 | 1.20 | 0.60 | "
            "3 \u00d7 4 = 12 | high |\n") in text
    assert "| 1 | `club` | Bread club | " in text


@pytest.mark.parametrize("fmt, start, end", [
    ("svg", "<?xml", "</svg>\n"),
    ("html", "<!DOCTYPE html>", "</html>\n"),
])
def test_render_scenarios_svg_html(tmp_path, fmt, start, end):
    target = tmp_path / ("risks." + fmt)
    proc = run("render", write_json(tmp_path / "doc.json", worked()), "-w", "scenarios",
               "-f", fmt, "-o", target)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b"" and proc.stderr == b""
    text = target.read_text(encoding="utf-8")
    assert text.startswith(start) and text.endswith(end)
    # chain sits in the cell of likelihood 5 and impact 3.
    cell = text[text.index('<g id="smb-cell-5-3"'):text.index('<g id="smb-cell-1-2"')]
    assert '<g class="marker threat" id="smb-scenario-chain">' in cell
    assert "2 threats \u00b7 1 opportunity \u00b7 resilience index 0.63" in text


def test_render_what_defaults_to_canvas_then_forces_then_scenarios(tmp_path):
    doc = worked()
    both = write_json(tmp_path / "both.json", doc)
    assert run("render", both).stdout == run("render", both, "--what", "forces").stdout
    del doc["forces"]
    for s in doc["scenarios"]:
        s.pop("shifts", None)
    only = write_json(tmp_path / "only.json", doc)
    proc = run("render", only)
    assert proc.returncode == 0, err(proc)
    assert out(proc).startswith("# Disruption scenarios\n")
    doc["canvas"] = {"channels": [{"id": "ch", "text": "Shop"}]}
    with_canvas = write_json(tmp_path / "canvas.json", doc)
    assert run("render", with_canvas).stdout == run("render", with_canvas, "-w", "canvas").stdout


def test_render_scenarios_missing(tmp_path):
    doc = worked()
    del doc["scenarios"]
    proc = run("render", write_json(tmp_path / "doc.json", doc), "--what", "scenarios")
    assert proc.returncode == 3
    assert one_error_line(proc).endswith("the document has no scenarios section to render")


def test_render_scenarios_of_the_bakery():
    proc = run("render", BAKERY, "--what", "scenarios", "--format", "svg")
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    assert text.count('<g class="marker ') == len(bakery()["scenarios"])
