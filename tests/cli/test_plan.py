# SPDX-License-Identifier: MIT
"""smbstrat plan: the ranked responses and the portfolio chosen within a budget,
as tables and as the JSON object docs/cli-json.md documents, on a tiny
instance whose best portfolio is worked out by hand."""
import json

import pytest

from clitool import BAKERY, bakery, err, one_error_line, out, run, write, write_json


def tiny():
    """Two threats, one opportunity, five responses; no resilience profile, so
    every threat has vulnerability 1 and exposure = p * impact:

      t1  p 0.5,  impact 4: 2.0
      t2  p 0.25, impact 4: 1.0          base = 3.0 (the opportunity takes no part)

    Responses (a likelihood reduction r makes p' = p(1 - r)):
      a  cost 1000, 6 months, t1 r 0.75: t1 0.5, removes 1.5 on its own
      b  cost  500, 2 months, t2 r 1:    t2 0,   removes 1.0
      c  cost  500, 1 month,  t1 r 0.4:  t1 1.2, removes 0.8
      d  cost 2000, 12 months, t2 r 0.5: t2 0.5, removes 0.5
      e  cost  100, 1 month,  no effect: removes nothing

    Budget 1000 (the document's). The candidates are the affordable responses
    that remove something: a, b, c (3). Affordable sets: {a} 1.5, {b} 1.0,
    {c} 0.8, {b, c} 1.0 + 0.8 = 1.8 (different threats: they add up). Best
    {b, c}: cost 1000, residual 3.0 - 1.8 = 1.2 (t1 1.2, t2 0) - although a is
    the best response on its own.

    Ranking: only exposure_reduction has weight. Both methods then give
    (x - min)/(max - min) = x / 1.5: a 1, b 2/3, c 0.8/1.5 = 0.5333, d 1/3,
    e 0 (TOPSIS on one criterion: D- / (D+ + D-) is the same ratio).
    """
    return {
        "smbstrat": 1,
        "scenarios": [
            {"id": "t1", "title": "First threat", "source": "economic",
             "direction": "threat", "likelihood": 0.5, "impact": 4},
            {"id": "t2", "title": "Second threat", "source": "cyber",
             "direction": "threat", "likelihood": 0.25, "impact": 4},
            {"id": "o1", "title": "An opportunity", "source": "business_model",
             "direction": "opportunity", "likelihood": 0.5, "impact": 4},
        ],
        "responses": [
            {"id": "a", "title": "Big fix", "kind": "automation", "cost": 1000, "months": 6,
             "effects": {"t1": {"likelihood_reduction": 0.75}}},
            {"id": "b", "title": "Close t2", "kind": "capability_building", "cost": 500,
             "months": 2, "effects": {"t2": {"likelihood_reduction": 1}}},
            {"id": "c", "title": "Dent t1", "kind": "partnership", "cost": 500, "months": 1,
             "effects": {"t1": {"likelihood_reduction": 0.4}}},
            {"id": "d", "title": "Too dear", "kind": "business_model", "cost": 2000,
             "months": 12, "effects": {"t2": {"likelihood_reduction": 0.5}}},
            {"id": "e", "title": "Does nothing", "kind": "personalisation", "cost": 100,
             "months": 1},
        ],
        "settings": {
            "budget": 1000,
            "weights": {"exposure_reduction": 1, "cost": 0, "months": 0, "feasibility": 0,
                        "viability": 0, "desirability": 0, "strategic_alignment": 0},
        },
    }


def plan_json(*args):
    proc = run("plan", "--format", "json", *args)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    return json.loads(out(proc))


@pytest.fixture
def doc_path(tmp_path):
    return write_json(tmp_path / "plan.json", tiny())


# ---- JSON -------------------------------------------------------------------------

def test_plan_json_contract(doc_path):
    report = plan_json(doc_path)
    assert list(report) == ["file", "method", "criteria", "ranking", "portfolio"]
    assert report["file"] == str(doc_path)
    assert report["method"] == "topsis"
    assert [c["key"] for c in report["criteria"]] == [
        "exposure_reduction", "cost", "months", "feasibility", "viability", "desirability",
        "strategic_alignment"]
    assert report["criteria"][0] == {"key": "exposure_reduction", "direction": "benefit",
                                     "weight": 1.0}
    assert report["criteria"][1] == {"key": "cost", "direction": "cost", "weight": 0.0}
    assert list(report["ranking"][0]) == ["rank", "id", "title", "score", "exposure_reduction",
                                          "cost", "months"]
    assert list(report["portfolio"]) == ["budget", "budget_from", "method", "candidates",
                                         "responses", "cost", "exposure", "threats", "gains"]
    assert list(report["portfolio"]["responses"][0]) == [
        "id", "title", "cost", "months", "standalone", "contribution", "marginal"]


@pytest.mark.parametrize("method", ["topsis", "weighted_sum"])
def test_plan_json_ranking(doc_path, method):
    report = plan_json(doc_path, "--method", method)
    assert report["method"] == method
    ranking = report["ranking"]
    assert [r["id"] for r in ranking] == ["a", "b", "c", "d", "e"]
    assert [r["rank"] for r in ranking] == [1, 2, 3, 4, 5]
    assert [r["score"] for r in ranking] == pytest.approx([1, 2 / 3, 0.8 / 1.5, 1 / 3, 0])
    assert [r["exposure_reduction"] for r in ranking] == pytest.approx([1.5, 1, 0.8, 0.5, 0])
    assert ranking[3] == {"rank": 4, "id": "d", "title": "Too dear",
                          "score": pytest.approx(1 / 3), "exposure_reduction": 0.5,
                          "cost": 2000.0, "months": 12.0}


def test_plan_json_portfolio_within_the_documents_budget(doc_path):
    p = plan_json(doc_path)["portfolio"]
    assert (p["budget"], p["budget_from"], p["method"], p["candidates"]) == (
        1000.0, "document", "exact", 3)
    # {b, c}, largest increment first: b adds 1.0, then c 0.8 (another
    # threat); without b the portfolio would lose 1.0, without c 0.8.
    assert [(r["id"], r["cost"], r["months"]) for r in p["responses"]] == [
        ("b", 500.0, 2.0), ("c", 500.0, 1.0)]
    b, c = p["responses"]
    assert (b["standalone"], b["contribution"], b["marginal"]) == (1.0, 1.0, 1.0)
    assert (c["standalone"], c["contribution"], c["marginal"]) == pytest.approx((0.8, 0.8, 0.8))
    assert p["cost"] == 1000.0
    assert p["exposure"] == {"before": 3.0, "after": pytest.approx(1.2),
                             "reduction": pytest.approx(1.8)}
    # Threats only, in the document's order.
    assert p["threats"] == [{"id": "t1", "before": 2.0, "after": pytest.approx(1.2)},
                            {"id": "t2", "before": 1.0, "after": 0.0}]
    assert p["gains"] == {"adaptability": 0.0, "agility": 0.0, "innovation": 0.0,
                          "customer_centricity": 0.0, "data_driven": 0.0}


def test_plan_json_budget_option_overrides_the_document(doc_path):
    # 1500: {a, b} removes 1.5 + 1.0 = 2.5 (cost 1500), better than {a, c}
    # (t1 0.5 * 0.25 * 0.6 * 4 = 0.3: 1.7) or {b, c} (1.8).
    p = plan_json(doc_path, "--budget", "1500")["portfolio"]
    assert (p["budget"], p["budget_from"]) == (1500.0, "option")
    assert [r["id"] for r in p["responses"]] == ["a", "b"]
    assert p["exposure"]["after"] == pytest.approx(0.5)
    # 600: only b or c alone fits; b removes more.
    p = plan_json(doc_path, "-b", "600")["portfolio"]
    assert [r["id"] for r in p["responses"]] == ["b"]
    assert p["exposure"]["after"] == pytest.approx(2.0)
    # 0: nothing fits; the exposure stays as it is.
    p = plan_json(doc_path, "--budget=0")["portfolio"]
    assert (p["candidates"], p["responses"], p["cost"]) == (0, [], 0.0)
    assert p["exposure"] == {"before": 3.0, "after": 3.0, "reduction": 0.0}


def test_plan_json_compounding_reductions(doc_path):
    # 2000: {a, b, c}. On t1 the reductions compound: p = 0.5 * 0.25 * 0.6
    # = 0.075, exposure 0.3; the whole removes 1.7 + 1.0 = 2.7 (d alone
    # removes 0.5). Increments, largest first: a 1.5, b 1.0, then c only
    # 0.5 - 0.3 = 0.2 on top of a. Marginals: without a, {b, c} removes 1.8
    # (a: 0.9); without b, 1.7 (b: 1.0); without c, 2.5 (c: 0.2).
    p = plan_json(doc_path, "--budget", "2000")["portfolio"]
    assert [r["id"] for r in p["responses"]] == ["a", "b", "c"]
    assert [r["contribution"] for r in p["responses"]] == pytest.approx([1.5, 1.0, 0.2])
    assert [r["marginal"] for r in p["responses"]] == pytest.approx([0.9, 1.0, 0.2])
    assert sum(r["contribution"] for r in p["responses"]) == pytest.approx(2.7)
    assert p["exposure"]["after"] == pytest.approx(0.3)


def test_plan_json_capability_gains(tmp_path):
    # A resilience profile (innovation 2) and a response that adds 1 to
    # innovation: t1 (economic) is mitigated by adaptability and agility, so
    # only t3 (technology: innovation, data_driven, agility) changes.
    #   t3 p 0.5, impact 2: R = (2 + 0 + 0)/3/5 = 2/15, v = 1 - 0.5*2/15 = 14/15,
    #      exposure 1 * 14/15 = 0.93333; with innovation 3: R = 3/15 = 0.2,
    #      v = 0.9, exposure 0.9; the gain removes 0.03333.
    doc = tiny()
    doc["resilience"] = {"capabilities": {"innovation": {"maturity": 2}}}
    doc["scenarios"].append({"id": "t3", "title": "Tech", "source": "technology",
                             "direction": "threat", "likelihood": 0.5, "impact": 2})
    doc["responses"] = [{"id": "train", "title": "Training", "kind": "capability_building",
                         "cost": 10, "months": 1, "gains": {"innovation": 1}}]
    p = plan_json(write_json(tmp_path / "gain.json", doc))["portfolio"]
    assert [r["id"] for r in p["responses"]] == ["train"]
    assert p["gains"]["innovation"] == 1.0
    assert p["gains"]["agility"] == 0.0
    t3 = p["threats"][2]
    assert t3["id"] == "t3"
    assert (t3["before"], t3["after"]) == (pytest.approx(14 / 15), pytest.approx(0.9))
    assert p["exposure"]["reduction"] == pytest.approx(14 / 15 - 0.9)


# ---- text --------------------------------------------------------------------------

def test_plan_text(doc_path):
    proc = run("plan", doc_path)
    assert proc.returncode == 0, err(proc)
    assert proc.stderr == b""
    lines = out(proc).splitlines()
    assert lines[0] == f"Responses of {doc_path}, ranked by TOPSIS on 7 criteria:"
    header = lines[1]
    assert header.split() == ["RANK", "ID", "SCORE", "REDUCTION", "COST", "MONTHS", "TITLE"]
    assert lines[2].split() == ["1", "a", "1.00", "1.50", "1,000", "6", "Big", "fix"]
    assert lines[3].split() == ["2", "b", "0.67", "1.00", "500", "2", "Close", "t2"]
    assert lines[6].split() == ["5", "e", "0.00", "0.00", "100", "1", "Does", "nothing"]
    # Numbers end under their headings; titles start under theirs.
    for line in lines[2:7]:
        for h in ("SCORE", "REDUCTION", "COST", "MONTHS"):
            end = header.index(h) + len(h)
            assert line[end - 1] != " " and line[end] == " ", (h, line)
        assert line[header.index("TITLE") - 1] == " " and line[header.index("TITLE")] != " "
    text = out(proc)
    assert ("\nPortfolio within a budget of 1,000 (from the document): exact choice among 3 "
            "candidates.\n") in text
    i = lines.index("ADDS: exposure removed on top of the rows above; WITHOUT: exposure the "
                    "portfolio would lose without the row.")
    assert lines[i - 3].split() == ["ID", "COST", "MONTHS", "ADDS", "WITHOUT", "TITLE"]
    assert lines[i - 2].split() == ["b", "500", "2", "1.00", "1.00", "Close", "t2"]
    assert lines[i - 1].split() == ["c", "500", "1", "0.80", "0.80", "Dent", "t1"]
    assert "Total cost 1,000 of 1,000.\n" in text
    assert "Threat exposure 3.00 before, 1.20 after: 1.80 less.\n" in text
    assert lines[-2].split() == ["t1", "2.00", "1.20"]
    assert lines[-1].split() == ["t2", "1.00", "0.00"]


def test_plan_text_method_and_empty_portfolio(doc_path):
    text = out(run("plan", doc_path, "--method", "weighted_sum", "--budget", "0"))
    assert text.startswith(f"Responses of {doc_path}, ranked by weighted sum on 7 criteria:\n")
    assert ("Portfolio within a budget of 0 (from --budget): exact choice among 0 "
            "candidates.\nNo response fits the budget and removes threat exposure.\n"
            "Total cost 0 of 0.\nThreat exposure 3.00 before, 3.00 after: 0.00 less.\n") in text


def test_plan_text_neutralises_control_characters(tmp_path):
    doc = tiny()
    doc["responses"][1]["title"] = "Evil\x1b[2J\rtitle\u0085!"
    text = out(run("plan", write_json(tmp_path / "evil.json", doc)))
    assert "\x1b" not in text and "\r" not in text and "\u0085" not in text
    assert text.count("Evil [2J title !") == 2  # in the ranking and the portfolio


def test_plan_of_the_bakery():
    report = plan_json(BAKERY)
    doc = bakery()
    assert report["portfolio"]["budget"] == doc["settings"]["budget"]
    assert report["portfolio"]["cost"] <= doc["settings"]["budget"]
    assert sorted(r["id"] for r in report["ranking"]) == sorted(r["id"] for r in doc["responses"])
    p = report["portfolio"]
    assert sum(r["contribution"] for r in p["responses"]) == \
        pytest.approx(p["exposure"]["reduction"])
    assert run("plan", BAKERY).returncode == 0


# ---- errors ------------------------------------------------------------------------

def test_plan_without_a_budget_is_a_usage_error(tmp_path):
    doc = tiny()
    del doc["settings"]["budget"]
    path = write_json(tmp_path / "nobudget.json", doc)
    proc = run("plan", path)
    assert proc.returncode == 2
    assert proc.stdout == b""
    text = err(proc)
    assert text == (f"smbstrat: {path} sets no budget (settings.budget): give one with "
                    "--budget N\nUsage: see 'smbstrat plan --help'.\n")
    # --budget supplies it.
    assert run("plan", path, "--budget", "1000").returncode == 0


@pytest.mark.parametrize("argv, needle", [
    (("plan",), "missing FILE"),
    (("plan", "a.json", "b.json"), "unexpected argument 'b.json'"),
    (("plan", "a.json", "--budget", "abc"), "invalid budget 'abc'"),
    (("plan", "a.json", "--budget", "-5"), "invalid budget '-5'"),
    (("plan", "a.json", "--budget", "nan"), "invalid budget 'nan'"),
    (("plan", "a.json", "--budget", "inf"), "invalid budget 'inf'"),
    (("plan", "a.json", "--budget", "1e400"), "invalid budget '1e400'"),
    (("plan", "a.json", "--budget", "12abc"), "invalid budget '12abc'"),
    (("plan", "a.json", "--budget"), "option '--budget' needs a value"),
    (("plan", "a.json", "--method", "ahp"), "unknown method 'ahp' (use topsis or weighted_sum)"),
    (("plan", "a.json", "--format", "csv"), "unknown format 'csv'"),
    (("plan", "a.json", "--strict"), "unknown option '--strict'"),
])
def test_plan_usage_errors_exit_2(argv, needle):
    proc = run(*argv)
    assert proc.returncode == 2
    assert proc.stdout == b""
    text = err(proc)
    assert text.startswith("smbstrat: ")
    assert needle in text
    assert "Usage" in text


def test_plan_budget_beyond_the_librarys_limit_is_a_usage_error(doc_path):
    proc = run("plan", doc_path, "--budget", "2e15")
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert err(proc).startswith("smbstrat: --budget 2e15: budget: ")


def test_plan_without_responses(tmp_path):
    # (settings.weights belong to the responses and go with them.)
    doc = tiny()
    del doc["responses"], doc["settings"]["weights"]
    path = write_json(tmp_path / "noresp.json", doc)
    proc = run("plan", path, "--budget", "10")
    assert proc.returncode == 3
    assert one_error_line(proc) == (
        f"smbstrat: {path}: the document has no responses section to plan with")


def test_plan_without_scenarios(tmp_path):
    # Responses without effects and no scenario: nothing to remove, no
    # candidate, exposure 0.
    doc = {"smbstrat": 1, "responses": [tiny()["responses"][4]]}
    report = plan_json(write_json(tmp_path / "noscen.json", doc), "--budget", "500")
    assert [r["id"] for r in report["ranking"]] == ["e"]
    assert report["portfolio"]["candidates"] == 0
    assert report["portfolio"]["exposure"] == {"before": 0.0, "after": 0.0, "reduction": 0.0}
    assert report["portfolio"]["threats"] == []


def test_plan_invalid_documents(tmp_path):
    doc = tiny()
    doc["responses"][0]["effects"] = {"nowhere": {"likelihood_reduction": 0.5}}
    path = write_json(tmp_path / "bad.json", doc)
    for fmt in ("text", "json"):
        proc = run("plan", path, "--format", fmt)
        assert proc.returncode == 3
        assert proc.stdout == b""
        assert "nowhere" in one_error_line(proc)
    proc = run("plan", tmp_path / "missing.json", "--budget", "1")
    assert proc.returncode == 4
    one_error_line(proc)
    proc = run("plan", write(tmp_path / "syntax.json", "{"), "--budget", "1")
    assert proc.returncode == 3


# ---- help ---------------------------------------------------------------------------

@pytest.mark.parametrize("command, example", [
    ("plan", "smbstrat plan bakery.json --budget 10000"),
    ("score", "smbstrat score -f json bakery.json | jq '.scenarios[]"),
    ("render", "smbstrat render bakery.json --what scenarios --format svg"),
])
def test_help_has_examples(command, example):
    for argv in ((command, "--help"), ("help", command)):
        proc = run(*argv)
        assert proc.returncode == 0
        text = out(proc)
        assert text.startswith("Usage: smbstrat " + command)
        assert "Examples:\n  smbstrat " + command in text
        assert example in text
        assert proc.stderr == b""


def test_main_help_lists_plan_and_the_risk_matrix():
    text = out(run("--help"))
    assert "  plan FILE " in text
    assert "smbstrat plan bakery.json --budget 10000" in text
    assert "smbstrat render bakery.json --what scenarios" in text
    assert "the commands are validate, score, plan" in err(run("frobnicate"))
