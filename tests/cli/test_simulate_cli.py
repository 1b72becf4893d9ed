# SPDX-License-Identifier: MIT
"""smbstrat simulate: the JSON contract of docs/cli-json.md, determinism,
exit statuses, bad arguments, the progress bar and -o.

The figures come from the library; the documents here are small enough that
their answers are worked out by hand."""
import json
import math
import os
import pty
import subprocess

import pytest

from clitool import BAKERY, CLI, err, one_error_line, out, run, write_json


def scenario(id, likelihood, impact, direction="threat", source="economic", **more):
    return {"id": id, "title": id, "source": source, "direction": direction,
            "likelihood": likelihood, "impact": impact, **more}


def doc_with(*scenarios, **sections):
    return {"smbstrat": 1, "scenarios": list(scenarios), **sections}


# Two threats with p = 0.5 and point impacts 2 and 4, no resilience (v = 1),
# and an opportunity that always occurs with impact 3 (readiness
# 1 − 0.5·(1 − 0) = 0.5, so an upside of 1.5 in every trial). The loss is 0,
# 2, 4 or 6 with probability 1/4 each: mean 3, variance 14 − 9 = 5,
# P(loss > 4.5) = 1/4; the worst 5 % all lose 6, so VaR = ES = 6, of which
# the threats contribute 2 and 4.
TWO = doc_with(scenario("a", 0.5, 2, money=1000), scenario("b", 0.5, 4),
               scenario("o", 1, 3, direction="opportunity"))


@pytest.fixture
def two(tmp_path):
    return write_json(tmp_path / "two.json", TWO)


def simulate_json(*args):
    proc = run("simulate", *args, "--format", "json")
    assert proc.returncode == 0, err(proc)
    assert err(proc) == ""
    return json.loads(out(proc))


def test_json_contract_with_hand_values(two):
    r = simulate_json(two, "--trials", "100000", "--seed", "3", "--threshold", "4.5",
                      "--percentiles", "5,50,99.5")
    assert list(r) == ["file", "trials", "first", "seed", "measure", "level", "rho",
                       "source_rho", "threshold", "exact", "accuracy", "expected", "responses",
                       "responses_from", "mean", "std", "sem", "min", "max", "var", "es",
                       "percentiles", "exceed_prob", "upside", "scenarios",
                       "sensitivity_trials", "sensitivity", "tornado"]
    assert (r["file"], r["trials"], r["first"], r["seed"]) == (str(two), 100000, 0, 3)
    assert (r["measure"], r["level"], r["rho"], r["source_rho"]) == ("severity", 0.95, 0.0, {})
    assert (r["threshold"], r["exact"], r["accuracy"]) == (4.5, True, 0.0)
    assert (r["responses"], r["responses_from"]) == ([], None)
    assert r["expected"] == pytest.approx(3.0, abs=1e-12)  # 0.5·2 + 0.5·4
    assert abs(r["mean"] - 3) < 5 * math.sqrt(5 / 100000)
    assert r["std"] == pytest.approx(math.sqrt(5), rel=0.01)
    assert r["sem"] == pytest.approx(r["std"] / math.sqrt(100000), rel=1e-12)
    assert (r["min"], r["max"], r["var"], r["es"]) == (0.0, 6.0, 6.0, 6.0)
    assert [p["level"] for p in r["percentiles"]] == [5.0, 50.0, 99.5]
    assert [p["value"] for p in r["percentiles"]] == [0.0, 2.0, 6.0]  # quartiles 0,2,4,6
    assert r["exceed_prob"] == pytest.approx(0.25, abs=0.01)
    up = r["upside"]
    assert list(up) == ["mean", "std", "sem", "min", "max", "var", "es", "percentiles"]
    assert (up["mean"], up["std"], up["min"], up["max"], up["var"], up["es"]) == \
        (1.5, 0.0, 1.5, 1.5, 1.5, 1.5)
    assert [(s["id"], s["index"], s["direction"]) for s in r["scenarios"]] == \
        [("a", 0, "threat"), ("b", 1, "threat"), ("o", 2, "opportunity")]
    a, b, o = r["scenarios"]
    assert a["occurrence_rate"] == pytest.approx(0.5, abs=0.01)
    assert a["occurrences"] == round(a["occurrence_rate"] * 100000)
    assert (a["es_contribution"], b["es_contribution"]) == pytest.approx((2.0, 4.0), abs=1e-9)
    assert (o["occurrences"], o["occurrence_rate"]) == (100000, 1.0)
    # Every input is a point: nothing to rank (no sensitivity sample is
    # taken), no tornado bar.
    assert (r["sensitivity_trials"], r["sensitivity"], r["tornado"]) == (0, [], [])


def test_json_sensitivity_and_tornado(tmp_path):
    # p = 1, impact uniform on [2, 4], v = 1: the tornado bar of the impact
    # swings the expected loss from 2 to 4; the loss ranks exactly as the
    # impact (Spearman 1).
    path = write_json(tmp_path / "u.json", doc_with(
        scenario("u", 1, {"dist": "uniform", "min": 2, "max": 4})))
    r = simulate_json(path, "--trials", "20000")
    assert r["tornado"] == [{"id": "u", "index": 0, "kind": "impact", "low_input": 2.0,
                             "high_input": 4.0, "low": 2.0, "high": 4.0, "swing": 2.0}]
    (s,) = r["sensitivity"]
    assert (s["id"], s["index"], s["kind"]) == ("u", 0, "impact")
    assert s["spearman"] == pytest.approx(1.0, abs=1e-9)


def test_money_measure_sketch_and_source_rho(two):
    r = simulate_json(two, "--trials", "1000", "--measure", "money", "--no-totals",
                      "--source-rho", "economic=0.3", "--level", "0.9")
    assert (r["measure"], r["exact"], r["accuracy"], r["level"]) == ("money", False, 0.005, 0.9)
    assert r["source_rho"] == {"economic": 0.3}
    assert r["expected"] == pytest.approx(500.0)  # 0.5 · 1000 · 1; b has no money
    assert r["upside"]["mean"] == 0.0  # the opportunity has no money


def test_same_seed_same_report_whatever_the_threads():
    one = run("simulate", BAKERY, "--trials", "30000", "--seed", "9", "--threads", "1",
              "-f", "json")
    two = run("simulate", BAKERY, "--trials", "30000", "--seed", "9", "--threads", "2",
              "-f", "json")
    assert one.returncode == two.returncode == 0
    assert out(one) == out(two)
    other = run("simulate", BAKERY, "--trials", "30000", "--seed", "10", "-f", "json")
    assert json.loads(out(other))["mean"] != json.loads(out(one))["mean"]


def test_text_report(two):
    proc = run("simulate", two, "--trials", "4000", "--threshold", "4.5")
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    assert text.startswith(f"{two}: 4,000 trials, seed 0, measure severity\n")
    for line in ("LOSS  UPSIDE", "expected shortfall 95%", "value-at-risk 95%",
                 "P(loss > 4.50)", "percentile 99",
                 "Expected loss from the scores (no chance involved): 3.00.",
                 "Percentiles, value-at-risk and expected shortfall are exact.",
                 "Threats that weigh most in the worst 5% of trials"):
        assert line in text, line
    assert not any(line.endswith(" ") for line in text.splitlines())
    # Threats by contribution to the ES, largest first: b (4) before a (2).
    assert text.index("\nb ") < text.index("\na ")


def bakery_text(columns, *more):
    proc = run("simulate", BAKERY, "--trials", "20000", "--seed", "1", *more, columns=columns)
    assert proc.returncode == 0, err(proc)
    return out(proc)


def shows_id(line, id):
    """Whether `line` starts with `id`, whole or elided ("flour-butter-s…")."""
    if line.startswith(id + " "):
        return True
    head = line.split(" ", 1)[0]
    return head.endswith("\u2026") and len(head) >= 8 and id.startswith(head[:-1])


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_text_report_fits_the_width(columns):
    text = bakery_text(columns, "--plan")
    lines = text.splitlines()
    for line in lines:
        assert len(line) <= columns, line
    # Nothing lost but the end of a long id: the tornado's rows, in the
    # JSON report's order, with their figures (severity: two decimals, so
    # within half a hundredth of the JSON's).
    tornado = simulate_json(BAKERY, "--trials", "20000", "--seed", "1", "--plan")["tornado"]
    start = lines.index(next(l for l in lines if l.startswith("SCENARIO ") and "SWING" in l))
    rows = lines[start + 1:start + 1 + min(10, len(tornado))]
    for row, bar in zip(rows, tornado):
        assert shows_id(row, bar["id"]), (row, bar["id"])
        shown = [float(cell) for cell in row.split()[-3:]]
        assert shown == pytest.approx([bar["low"], bar["high"], bar["swing"]], abs=0.0051), row
    prose = " ".join(line.strip() for line in lines)
    for sentence in ("Tornado: the expected loss (3.59) with one input at each end of its range:",
                     "Threats that weigh most in the worst 5% of trials (expected shortfall):",
                     "Responses applied (the portfolio of --plan): online-shop,"):
        assert sentence in prose


def test_the_tornado_no_longer_overflows_80_columns():
    # Fixed-width columns made the tornado 95 columns wide; fitted, the
    # bakery's fits 80 without eliding an id.
    lines = bakery_text(80).splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("Tornado:"))
    table = lines[start + 1:]
    assert table[0].split() == ["SCENARIO", "INPUT", "RANGE", "LOW", "HIGH", "SWING"]
    assert max(len(line) for line in table) <= 80
    assert "\u2026" not in "\n".join(table)
    assert table[1].split()[:5] == ["minimum-wage", "impact", "2", "to", "4"]


def test_money_tables_narrow_to_records_rather_than_overflow():
    text = bakery_text(40, "--measure", "money")
    assert max(len(line) for line in text.splitlines()) <= 40
    # At 40 columns the tornado's six columns become "HEADING value" records.
    assert "  RANGE 15,000 to 40,000  LOW " in text


@pytest.mark.parametrize("columns, width", [(None, 80), (60, 60)])
def test_a_text_file_fits_columns_or_80(tmp_path, columns, width):
    # A name longer than a line is cut across lines, not left to overflow.
    long = write_json(tmp_path / ("a-rather-long-document-name-" * 3 + "two.json"), TWO)
    target = tmp_path / "report.txt"
    proc = run("simulate", long, "--trials", "1000", "-o", target, columns=columns)
    assert proc.returncode == 0 and out(proc) == ""
    lines = target.read_text().splitlines()
    assert max(len(line) for line in lines) <= width
    assert f"{long}:" in "".join(lines)
    assert "1,000 trials, seed 0, measure severity" in " ".join(lines)
    assert "LOSS  UPSIDE" in target.read_text()


def test_plan_and_responses_apply_the_responses():
    planned = simulate_json(BAKERY, "--trials", "2000", "--plan")
    assert planned["responses_from"] == "plan" and planned["responses"]
    chosen = ",".join(planned["responses"])
    given = simulate_json(BAKERY, "--trials", "2000", "--responses", chosen)
    assert given["responses_from"] == "option"
    assert given["responses"] == planned["responses"]
    assert given["mean"] == planned["mean"]
    plain = simulate_json(BAKERY, "--trials", "2000")
    assert planned["expected"] < plain["expected"]


def test_fail_above_exits_1_after_the_report(two):
    # P(loss > 4.5) = 1/4: above 0.2, below 0.3.
    above = run("simulate", two, "--trials", "20000", "--threshold", "4.5",
                "--fail-above", "0.2", "-f", "json")
    assert above.returncode == 1
    assert json.loads(out(above))["exceed_prob"] > 0.2
    below = run("simulate", two, "--trials", "20000", "--threshold", "4.5",
                "--fail-above", "0.3")
    assert below.returncode == 0


def test_output_file(two, tmp_path):
    target = tmp_path / "report.json"
    proc = run("simulate", two, "--trials", "100", "-f", "json", "-o", target)
    assert proc.returncode == 0 and out(proc) == "" and err(proc) == ""
    assert json.loads(target.read_text())["trials"] == 100
    missing = run("simulate", two, "--trials", "100", "-o", tmp_path / "no" / "such.txt")
    assert missing.returncode == 4
    assert "cannot write" in one_error_line(missing)


def run_with_stderr_on_terminal(*args, term="xterm"):
    """Run with stderr on a pseudo-terminal of type `term`; returns (status,
    stdout, what the terminal received)."""
    master, slave = pty.openpty()
    env = dict(os.environ, NO_COLOR="1", TERM=term)
    try:
        proc = subprocess.run([CLI] + [str(a) for a in args], stdout=subprocess.PIPE,
                              stderr=slave, env=env, timeout=120, check=False)
        os.close(slave)
        slave = -1
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO once the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        return proc.returncode, proc.stdout.decode(), b"".join(chunks).decode()
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)


def test_progress_bar_only_on_a_terminal_and_never_when_piped(two):
    piped = run("simulate", two, "--trials", "50000")
    assert piped.returncode == 0 and err(piped) == ""
    status, stdout, terminal = run_with_stderr_on_terminal("simulate", two, "--trials", "50000")
    assert status == 0 and "simulating [" in terminal and "100.0%" in terminal
    assert terminal.endswith("\r\033[K")  # the bar's line is cleared at the end
    assert "simulating" not in stdout
    status, _, terminal = run_with_stderr_on_terminal("simulate", two, "--trials", "50000",
                                                      "--quiet")
    assert status == 0 and terminal == ""


def test_a_dumb_terminal_gets_one_growing_line_without_escapes(two):
    status, stdout, terminal = run_with_stderr_on_terminal("simulate", two, "--trials", "200000",
                                                           term="dumb")
    assert status == 0 and "200,000" in stdout
    # The terminal turns "\n" into "\r\n"; no other carriage return, no escape.
    text = terminal.replace("\r\n", "\n")
    assert "\r" not in text and "\033" not in text
    assert text.startswith("simulating:") and text.endswith(" 100%\n")
    assert text.count("\n") == 1
    tenths = [int(word.rstrip("%")) for word in text.split()[1:]]
    assert tenths == sorted(set(tenths)) and all(t % 10 == 0 for t in tenths), text
    status, _, terminal = run_with_stderr_on_terminal("simulate", two, "--trials", "50000",
                                                      "--quiet", term="dumb")
    assert status == 0 and terminal == ""


@pytest.mark.parametrize("args, message", [
    (["--trials", "0"], "invalid --trials '0'"),
    (["--trials", "ten"], "invalid --trials 'ten'"),
    (["--trials", "-5"], "invalid --trials '-5'"),
    (["--trials", "1000000000001"], "invalid --trials"),
    (["--seed", "-1"], "invalid --seed '-1'"),
    (["--seed", "9223372036854775808"], "invalid --seed"),
    (["--threads", "257"], "invalid --threads '257'"),
    (["--rho", "1"], "--rho 1: "),
    (["--rho", "x"], "invalid --rho 'x'"),
    (["--source-rho", "economic"], "invalid --source-rho 'economic'"),
    (["--source-rho", "weather=0.1"], "unknown source 'weather'"),
    (["--source-rho", "economic=2"], "--source-rho economic=2: "),
    (["--source-rho", "cyber=0.1", "--source-rho", "cyber=0.2"], "gives 'cyber' twice"),
    (["--measure", "loss"], "unknown measure 'loss'"),
    (["--level", "1.5"], "--level 1.5: "),
    (["--percentiles", "5,,95"], "invalid --percentiles '5,,95'"),
    (["--percentiles", "5,101"], "--percentiles 5,101: "),
    (["--percentiles", "5,x"], "invalid percentile 'x'"),
    (["--threshold", "inf"], "invalid --threshold 'inf'"),
    (["--fail-above", "0.1"], "--fail-above needs --threshold"),
    (["--threshold", "1", "--fail-above", "2"], "invalid --fail-above '2'"),
    (["--responses", "a", "--plan"], "not both"),
    (["--responses", "nope"], "--responses nope: "),
    (["--format", "xml"], "unknown format 'xml'"),
    (["--bogus"], "unknown option '--bogus'"),
    (["extra.json"], "unexpected argument 'extra.json'"),
])
def test_bad_arguments_exit_2_with_a_message(args, message):
    proc = run("simulate", BAKERY, *args)
    assert proc.returncode == 2, err(proc)
    assert out(proc) == ""
    first, hint = err(proc).splitlines()
    assert first.startswith("smbstrat: ") and message in first, first
    assert hint == "Usage: see 'smbstrat simulate --help'."


def test_requests_the_document_cannot_serve(tmp_path):
    no_money = write_json(tmp_path / "m.json", doc_with(scenario("a", 0.5, 2)))
    proc = run("simulate", no_money, "--measure", "money")
    assert proc.returncode == 2 and "--measure money: " in err(proc)
    proc = run("simulate", no_money, "--plan")
    assert proc.returncode == 3
    assert "no responses section" in one_error_line(proc)
    proc = run("simulate", no_money, "--responses", "r")
    assert proc.returncode == 2 and "no responses section" in err(proc)
    no_budget = write_json(tmp_path / "b.json", doc_with(
        scenario("a", 0.5, 2),
        responses=[{"id": "r", "title": "R", "kind": "automation", "cost": 1, "months": 1}]))
    proc = run("simulate", no_budget, "--plan")
    assert proc.returncode == 2 and "sets no budget" in err(proc)


def test_documents_that_cannot_be_simulated(tmp_path):
    for name, doc in (("none", {"smbstrat": 1}), ("empty", doc_with())):
        path = write_json(tmp_path / f"{name}.json", doc)
        proc = run("simulate", path, "--responses", "r")
        assert proc.returncode == 3 and out(proc) == ""
        assert one_error_line(proc) == f"smbstrat: {path}: the document has no scenarios to simulate"
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    assert run("simulate", broken).returncode == 3
    assert run("simulate", tmp_path / "missing.json").returncode == 4
    proc = run("simulate")
    assert proc.returncode == 2 and "missing FILE" in err(proc)


def test_help():
    proc = run("simulate", "--help")
    assert proc.returncode == 0 and out(proc).startswith("Usage: smbstrat simulate FILE")
    assert run("help", "simulate").stdout == proc.stdout
    assert "simulate FILE" in out(run("--help"))
