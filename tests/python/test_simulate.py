# SPDX-License-Identifier: MIT
"""Monte Carlo simulation from Python: Document.simulate, the config, model,
part and result classes, the no-copy totals, the GIL, progress and cancel,
pickling of parts, and every kind of bad argument.

The statistics are the C library's; the values checked here are worked out
by hand for small documents whose answer is known."""

import gc
import json
import math
import os
import pickle
import signal
import threading
import time

import pytest

import smbstrat

np = pytest.importorskip("numpy")


def document(*scenarios, resilience=None, responses=None, **extra):
    doc = {"smbstrat": 1, "scenarios": list(scenarios)}
    if resilience is not None:
        doc["resilience"] = {"capabilities": resilience}
    if responses is not None:
        doc["responses"] = responses
    doc.update(extra)
    return smbstrat.Document.loads(json.dumps(doc))


def scenario(id, likelihood, impact, direction="threat", source="economic", **more):
    return {"id": id, "title": id, "source": source, "direction": direction,
            "likelihood": likelihood, "impact": impact, **more}


# The one-scenario document of the brief: it always occurs (p = 1), its
# impact is uniform on [2, 4] and there is no resilience section, so every
# maturity is 0, R = 0 and the vulnerability v = 1 − m·R = 1. Every trial's
# loss is the drawn impact: mean (2 + 4)/2 · 1 = 3, standard deviation
# (4 − 2)/√12 = 0.57735, 5th percentile 2 + 0.05·2 = 2.1, median 3.
UNIFORM = scenario("u", 1, {"dist": "uniform", "min": 2, "max": 4})


@pytest.fixture(scope="module")
def uniform_result():
    return document(UNIFORM).simulate(100_000, seed=7)


def test_uniform_impact_matches_the_hand_values(uniform_result):
    r = uniform_result
    assert r.trials == 100_000 and r.first == 0 and r.seed == 7
    assert r.measure == "severity" and r.level == 0.95 and r.exact
    assert r.expected == pytest.approx(3.0, abs=1e-12)  # p̄·s̄·v = 1·3·1
    # The standard error is 0.57735/√100000 = 0.0018257; five of them.
    assert abs(r.mean - 3.0) < 5 * 0.0018257
    assert r.std == pytest.approx(2 / math.sqrt(12), rel=0.01)
    assert r.sem == pytest.approx(r.std / math.sqrt(100_000), rel=1e-12)
    assert 2.0 <= r.min < 2.001 and 3.999 < r.max <= 4.0
    assert r.percentiles[5] == pytest.approx(2.1, abs=0.01)
    assert r.percentiles[50] == pytest.approx(3.0, abs=0.01)
    # VaR 95 % of U(2, 4): 3.9; ES 95 %: the mean of the top 5 %, 3.95.
    assert r.var == pytest.approx(3.9, abs=0.01)
    assert r.es == pytest.approx(3.95, abs=0.01)
    assert r.exceed_prob is None and r.threshold is None
    (s,) = r.scenarios
    assert (s.id, s.index, s.direction, s.occurrences, s.occurrence_rate) == \
        ("u", 0, "threat", 100_000, 1.0)
    assert s.es_contribution == pytest.approx(r.es, rel=1e-12)  # the only one


def test_uniform_impact_tornado_and_sensitivity(uniform_result):
    r = uniform_result
    # The impact swings 2..4 with p = 1 and v = 1: the expected loss goes
    # from 2 to 4; the point likelihood has no bar.
    (bar,) = r.tornado
    assert (bar.id, bar.kind, bar.low_input, bar.high_input) == ("u", "impact", 2.0, 4.0)
    assert (bar.low, bar.high, bar.swing) == pytest.approx((2.0, 4.0, 2.0), abs=1e-12)
    # The loss is the impact itself: a rank correlation of 1.
    (sens,) = r.sensitivity
    assert (sens.id, sens.kind) == ("u", "impact")
    assert sens.spearman == pytest.approx(1.0, abs=1e-9)
    assert r.sensitivity_trials == 10_000


def test_vulnerability_comes_from_the_resilience_profile():
    # economic is mitigated by adaptability and agility: R = (3 + 2)/2/5 =
    # 0.5, v = 1 − 0.5·0.5 = 0.75; impact a point 4, p = 1: every loss is 3.
    doc = document(scenario("e", 1, 4),
                   resilience={"adaptability": {"maturity": 3}, "agility": {"maturity": 2}})
    r = doc.simulate(1000)
    assert (r.mean, r.std, r.min, r.max, r.var, r.es) == (3.0, 0.0, 3.0, 3.0, 3.0, 3.0)
    assert r.expected == 3.0


def test_two_independent_scenarios():
    # Two threats, each with p = 0.5, impacts 2 and 4 (v = 1): the loss is
    # 0, 2, 4 or 6, each with probability 1/4. Mean 3, variance 14 − 9 = 5;
    # P(loss > 4.5) = 1/4. The worst 5 % of trials all lose 6, so the ES is
    # 6 and the two threats contribute 2 and 4 of it.
    doc = document(scenario("a", 0.5, 2), scenario("b", 0.5, 4))
    r = doc.simulate(200_000, seed=3, threshold=4.5)
    assert abs(r.mean - 3) < 5 * math.sqrt(5 / 200_000)
    assert r.std == pytest.approx(math.sqrt(5), rel=0.01)
    assert r.exceed_prob == pytest.approx(0.25, abs=0.005)
    assert r.threshold == 4.5
    assert (r.var, r.es) == (6.0, 6.0)
    assert r["a"].es_contribution == pytest.approx(2.0, abs=1e-12)
    assert r["b"].es_contribution == pytest.approx(4.0, abs=1e-12)
    assert r["a"].occurrence_rate == pytest.approx(0.5, abs=0.005)


def test_correlation_through_the_common_factor():
    # With ρ = 0.5 the two latent variables correlate by √ρ·√ρ = 0.5, and
    # for p = 0.5 both occur with probability 1/4 + arcsin(0.5)/(2π) = 1/3.
    # The loss is 6 w.p. 1/3, 2 and 4 w.p. 1/6 each, 0 w.p. 1/3: mean 3,
    # E[X²] = 36/3 + 4/6 + 16/6 = 46/3, variance 46/3 − 9 = 19/3.
    doc = document(scenario("a", 0.5, 2), scenario("b", 0.5, 4))
    r = doc.simulate(200_000, seed=5, rho=0.5, threshold=5)
    assert r.exceed_prob == pytest.approx(1 / 3, abs=0.005)
    assert r.std == pytest.approx(math.sqrt(19 / 3), rel=0.01)
    # A source override beats the common ρ: back to independence.
    r0 = doc.simulate(200_000, seed=5, rho=0.5, source_rho={"economic": 0}, threshold=5)
    assert r0.exceed_prob == pytest.approx(0.25, abs=0.005)


def test_money_measure_and_upside():
    # The threat always occurs with money 1000 (v = 1); the opportunity
    # always occurs with impact 3 and no money; with no resilience its
    # readiness is 1 − m·(1 − 0) = 0.5.
    doc = document(scenario("t", 1, 2, money=1000),
                   scenario("o", 1, 3, direction="opportunity"))
    severity = doc.simulate(100)
    assert (severity.mean, severity.upside.mean) == (2.0, 1.5)
    assert severity.upside.side == "upside" and severity.upside.exceed_prob is None
    money = doc.simulate(100, measure="money")
    assert (money.measure, money.mean, money.upside.mean) == ("money", 1000.0, 0.0)


def test_responses_reduce_the_threats():
    # The response halves the likelihood (p = 1 → 0.5) and takes a quarter
    # off the impact (2 → 1.5): the mean loss is 0.5·1.5 = 0.75.
    responses = [{"id": "r", "title": "R", "kind": "automation", "cost": 10, "months": 1,
                  "effects": {"t": {"likelihood_reduction": 0.5, "impact_reduction": 0.25}}}]
    doc = document(scenario("t", 1, 2), responses=responses)
    r = doc.simulate(200_000, responses=["r"])
    assert r.expected == pytest.approx(0.75, abs=1e-12)
    assert abs(r.mean - 0.75) < 5 * r.sem
    assert r.max == 1.5
    assert doc.simulate(10, responses=[doc.responses["r"]]).expected == r.expected


def test_same_seed_same_result_whatever_the_threads_and_splits(bakery_path):
    doc = smbstrat.Document.load(bakery_path)
    one = doc.simulate(20_000, seed=11, threads=1)
    two = doc.simulate(20_000, seed=11, threads=2)
    assert one == two
    assert np.array_equal(one.totals, two.totals)
    model = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=11))
    later = model.run(12_345, 7_655, threads=2)
    part = model.run(0, 12_345, threads=1)
    part.merge(later)
    assert (part.first, part.count) == (0, 20_000)
    assert model.finish(part) == one
    assert doc.simulate(20_000, seed=12) != one


def test_config_defaults_are_the_libraries():
    config = smbstrat.SimulationConfig()
    assert config.settings() == {
        "seed": 0, "rho": 0.0, "source_rho": {}, "measure": "severity", "level": 0.95,
        "percentiles": (5.0, 50.0, 90.0, 95.0, 99.0), "threshold": None, "keep_totals": True,
        "sketch_accuracy": 0.005, "sensitivity_trials": 10_000}
    changed = config.replace(seed=2**64 - 1, source_rho={"cyber": 0.25}, threshold=10)
    assert changed.seed == 2**64 - 1 and changed.source_rho == {"cyber": 0.25}
    assert changed.threshold == 10.0 and config.threshold is None
    assert pickle.loads(pickle.dumps(changed)) == changed
    assert "seed=18446744073709551615" in repr(changed)
    with pytest.raises(TypeError, match="unknown setting 'trials'"):
        config.replace(trials=10)


def test_model_fingerprint_and_config():
    doc = document(UNIFORM)
    a = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=1))
    b = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=1))
    c = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=2))
    assert a.fingerprint == b.fingerprint != c.fingerprint
    assert a.scenario_count == 1 and a.config.seed == 1
    assert "1 scenarios" in repr(a) or "1 scenario" in repr(a)
    # The model copied what it needs: changing the document changes nothing.
    doc.scenarios["u"].impact = 5
    assert smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=1)).fingerprint \
        != a.fingerprint
    assert a.simulate(100).expected == pytest.approx(3.0)


def test_totals_are_a_read_only_view_without_a_copy():
    r = document(UNIFORM).simulate(1000, seed=1)
    totals = r.totals
    assert totals.dtype == np.float64 and totals.shape == (1000,)
    assert not totals.flags.writeable and not totals.flags.owndata
    assert r.totals is totals  # the same view each time
    with pytest.raises(ValueError):
        totals[0] = 1.0
    with pytest.raises(ValueError):
        totals.flags.writeable = True
    # The array lies in the C result's memory: its address is the one C
    # reports, and the base chain holds the owner of that memory.
    owner = totals.base._owner
    address, count = smbstrat.core.smbpy_sim_totals(owner.pointer(), smbstrat.core.SMB_SIM_LOSS)
    assert totals.__array_interface__["data"][0] == address and count == 1000
    view = totals[10:20]
    assert np.shares_memory(view, totals)
    assert totals.mean() == pytest.approx(r.mean, rel=1e-12)
    # The array keeps the C result alive after the result is gone.
    snapshot = totals.copy()
    del r, owner
    gc.collect()
    document(UNIFORM).simulate(1000, seed=2)  # reuse of freed memory would show
    assert np.array_equal(totals, snapshot)
    assert np.array_equal(view, snapshot[10:20])


def test_upside_totals_and_no_totals():
    doc = document(scenario("t", 1, 2), scenario("o", 1, 3, direction="opportunity"))
    r = doc.simulate(50)
    assert np.array_equal(r.totals, np.full(50, 2.0))
    assert np.array_equal(r.upside_totals, np.full(50, 1.5))
    flat = doc.simulate(50, keep_totals=False)
    assert flat.totals is None and flat.upside_totals is None
    assert not flat.exact and flat.accuracy == 0.005
    assert flat.mean == 2.0


def test_gil_is_released_during_a_run():
    doc = document(*[scenario(f"s{i}", {"dist": "pert", "min": 0.1, "mode": 0.3, "max": 0.6},
                              {"dist": "triangular", "min": 1, "mode": 2, "max": 5})
                     for i in range(100)])
    ticks = 0
    done = threading.Event()
    result = []

    def run():
        try:
            result.append(doc.simulate(200_000, threads=1, sensitivity_trials=0,
                                       keep_totals=False))
        finally:
            done.set()

    worker = threading.Thread(target=run)
    started = time.perf_counter()
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    elapsed = time.perf_counter() - started
    assert result and result[0].trials == 200_000
    # Holding the GIL for the whole run would leave this thread a handful
    # of iterations; released, it spins freely for as long as the run lasts.
    assert ticks > 10_000, (ticks, elapsed)


def test_progress_is_reported_on_the_calling_thread():
    seen = []
    caller = threading.get_ident()

    def progress(fraction):
        seen.append((fraction, threading.get_ident()))

    document(UNIFORM).simulate(200_000, threads=2, progress=progress)
    fractions = [f for f, _ in seen]
    assert fractions and fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert fractions == sorted(fractions)
    assert {ident for _, ident in seen} == {caller}


def test_progress_cancels():
    doc = document(UNIFORM)
    with pytest.raises(smbstrat.CanceledError):
        doc.simulate(1_000_000, progress=lambda fraction: True)
    model = smbstrat.SimulationModel(doc)
    with pytest.raises(smbstrat.CanceledError):
        model.run(0, 1_000_000, progress=lambda fraction: fraction > 0)

    def broken(fraction):
        raise ZeroDivisionError("from the callback")

    # An exception in the callback stops the run and comes out as itself.
    with pytest.raises(ZeroDivisionError, match="from the callback"):
        doc.simulate(1_000_000, progress=broken)


def test_ctrl_c_stops_a_long_run():
    # 10^8 trials of 100 scenarios would take minutes; the interrupt,
    # checked at every progress report, ends the run within moments.
    doc = document(*[scenario(f"s{i}", 0.3, {"dist": "uniform", "min": 1, "max": 5})
                     for i in range(100)])
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    started = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            doc.simulate(100_000_000, keep_totals=False, sensitivity_trials=0)
    finally:
        timer.cancel()
    assert time.perf_counter() - started < 30


def test_parts_pickle_as_bytes_that_the_model_checks():
    doc = document(UNIFORM)
    model = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=4))
    part = model.run(100, 300)
    data = pickle.loads(pickle.dumps(part))
    assert isinstance(data, bytes) and data == part.to_bytes() == bytes(part)
    back = model.load_part(data)
    assert (back.first, back.count, back.fingerprint) == (100, 300, model.fingerprint)
    assert "trials 100 to 399 (300)" in repr(back)
    whole = model.run(0, 100)
    whole.merge(back)
    assert model.finish(whole) == model.simulate(400)
    other = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(seed=5))
    with pytest.raises(smbstrat.InvalidArgumentError, match="fingerprint"):
        other.load_part(data)
    with pytest.raises(smbstrat.InvalidArgumentError):
        other.finish(back)
    with pytest.raises(smbstrat.ParseError):
        model.load_part(data[: len(data) // 2])
    with pytest.raises(smbstrat.ParseError):
        model.load_part(b"not a part")
    with pytest.raises(TypeError):
        model.load_part("text")
    with pytest.raises(TypeError):
        smbstrat.SimulationPart()


def test_merging_needs_adjacent_ranges_and_changes_nothing_on_failure():
    model = smbstrat.SimulationModel(document(UNIFORM))
    a, c = model.run(0, 10), model.run(20, 10)
    with pytest.raises(smbstrat.InvalidArgumentError):
        a.merge(c)
    assert (a.first, a.count) == (0, 10)
    b = model.run(10, 10)
    c.merge(b)  # either may come first
    a.merge(c)
    assert (a.first, a.count) == (0, 30)
    assert model.finish(a) == model.simulate(30)
    with pytest.raises(TypeError):
        a.merge(b"bytes")


def test_results_pickle_compare_and_show():
    doc = document(scenario("a", 0.5, 2), scenario("b", 0.5, 4),
                   scenario("o", 0.5, 3, direction="opportunity"))
    r = doc.simulate(2000, threshold=3)
    back = pickle.loads(pickle.dumps(r))
    assert back == r and back.totals.flags.writeable  # a copy of its own
    assert r != doc.simulate(2000, threshold=3, seed=1)
    assert r != "a result"
    text = repr(r)
    assert text.startswith("<SimulationResult severity, 2000 trials (exact): loss mean ")
    page = r._repr_html_()
    assert page.count("<table") == 2 and "P(loss &gt; 3)" in page
    assert r["a"].id == "a"
    with pytest.raises(smbstrat.NotFoundError):
        r["nope"]
    with pytest.raises(KeyError):
        r["nope"]


def test_to_dataframe():
    pd = pytest.importorskip("pandas")
    r = document(scenario("a", 0.5, 2), scenario("o", 1, 3, direction="opportunity")) \
        .simulate(100)
    frame = r.to_dataframe()
    assert list(frame.columns) == ["id", "index", "direction", "occurrences", "occurrence_rate",
                                   "es_contribution"]
    assert list(frame["id"]) == ["a", "o"] and frame["occurrences"].dtype == "int64"
    assert frame.loc[1, "occurrence_rate"] == 1.0
    assert isinstance(frame, pd.DataFrame)


def test_pandas_missing_is_a_clear_import_error(monkeypatch):
    import sys

    r = document(UNIFORM).simulate(10)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="needs pandas"):
        r.to_dataframe()


@pytest.mark.parametrize("kwargs, error, match", [
    ({"trials": 0}, smbstrat.RangeError, None),
    ({"trials": 10**13}, smbstrat.RangeError, None),
    ({"rho": 1}, smbstrat.RangeError, "rho"),
    ({"rho": -0.1}, smbstrat.RangeError, "rho"),
    ({"rho": math.nan}, smbstrat.RangeError, "rho"),
    ({"level": 1.5}, smbstrat.RangeError, None),
    ({"level": 0}, smbstrat.RangeError, None),
    ({"percentiles": (5, 101)}, smbstrat.RangeError, "101"),
    ({"percentiles": tuple(range(65))}, smbstrat.LimitError, None),
    ({"threshold": math.inf}, smbstrat.RangeError, None),
    ({"sketch_accuracy": 0.5}, smbstrat.RangeError, None),
    ({"measure": "loss"}, smbstrat.InvalidArgumentError, "unknown measure 'loss'"),
    ({"source_rho": {"weather": 0.2}}, smbstrat.InvalidArgumentError, "unknown source"),
    ({"source_rho": {"economic": 1.2}}, smbstrat.RangeError, None),
    ({"responses": ["nope"]}, smbstrat.NotFoundError, "nope"),
    ({"seed": -1}, smbstrat.RangeError, "seed"),
    ({"seed": 2**64}, smbstrat.RangeError, "seed"),
    ({"threads": 1000}, smbstrat.RangeError, None),
    ({"threads": -1}, smbstrat.RangeError, "threads"),
    ({"trials": "10"}, TypeError, "trials"),
    ({"trials": 10.0}, TypeError, "trials"),
    ({"trials": True}, TypeError, "trials"),
    ({"rho": "0.1"}, TypeError, "rho"),
    ({"level": None}, TypeError, "level"),
    ({"percentiles": 5}, TypeError, "percentiles"),
    ({"percentiles": "5,50"}, TypeError, "percentiles"),
    ({"percentiles": ("5",)}, TypeError, r"percentiles\[0\]"),
    ({"threshold": "3"}, TypeError, "threshold"),
    ({"keep_totals": 1}, TypeError, "keep_totals"),
    ({"measure": 1}, TypeError, "measure"),
    ({"source_rho": [("economic", 0.1)]}, TypeError, "source_rho"),
    ({"responses": "r"}, TypeError, "responses"),
    ({"responses": [1]}, TypeError, r"responses\[0\]"),
    ({"progress": 3}, TypeError, "progress"),
    ({"sensitivity_trials": -5}, smbstrat.RangeError, "sensitivity_trials"),
])
def test_bad_arguments_raise_the_documented_errors(kwargs, error, match):
    responses = [{"id": "r", "title": "R", "kind": "automation", "cost": 1, "months": 1}]
    doc = document(UNIFORM, responses=responses)
    before = doc.dumps()
    args = {"trials": 100, **kwargs}
    with pytest.raises(error, match=match):
        doc.simulate(**args)
    assert doc.dumps() == before


def test_documents_the_simulator_cannot_take():
    with pytest.raises(smbstrat.InvalidArgumentError, match="no scenarios"):
        smbstrat.Document.loads('{"smbstrat": 1}').simulate(10)
    with pytest.raises(smbstrat.InvalidArgumentError):
        document().simulate(10)  # an empty scenarios section
    with pytest.raises(smbstrat.RangeError):
        document(UNIFORM).simulate(10, measure="money")  # no money anywhere
    with pytest.raises(smbstrat.NotFoundError, match="no responses section"):
        document(UNIFORM).simulate(10, responses=["r"])
    with pytest.raises(TypeError):
        smbstrat.SimulationModel("bakery.json")
    with pytest.raises(TypeError):
        smbstrat.SimulationModel(document(UNIFORM), {"seed": 1})
    model = smbstrat.SimulationModel(document(UNIFORM))
    with pytest.raises(TypeError):
        model.finish(b"part")
    with pytest.raises(smbstrat.RangeError):
        model.run(0, 0)
    with pytest.raises(smbstrat.RangeError):
        model.run(2**63, 1)
