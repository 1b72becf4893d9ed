# SPDX-License-Identifier: MIT
"""A plain, vectorised numpy Monte Carlo of a smbstrat document's scenarios:
the yardstick the simulator is checked and timed against (bench only, not
part of the library).

It simulates the model docs/methodology.md describes, written the obvious
way with numpy's own generators rather than the library's:

- each trial draws every scenario's likelihood p, impact and money from its
  estimate: uniform, triangular (numpy.random.triangular), PERT (a Beta with
  α = 1 + 4(c − a)/(b − a), β = 1 + 4(b − c)/(b − a), scaled to [a, b]) or
  lognormal (μ = (ln p5 + ln p95)/2, σ = (ln p95 − ln p5)/(2·z₀.₉₅));
- a scenario occurs iff √ρ·Z + √(1 − ρ)·ε < Φ⁻¹(p), with Z one standard
  normal per trial shared by every scenario (the one-factor Gaussian copula)
  and ε one per scenario and trial;
- a trial's loss is Σ over the threats that occurred of impact × v, its
  upside the same over the opportunities, where v is the scenario's capability
  factor as the library's deterministic scores give it (``factor`` of
  ``doc.scenarios.score()``): the same model, presented, not re-derived.

Trials run in batches, so 10^6 trials of 100 scenarios need a few tens of
megabytes besides the totals.
"""

import json
import math

import numpy as np
from scipy.special import ndtri

#: Φ⁻¹(0.95): a lognormal's 5th and 95th percentiles are μ ∓ Z95·σ.
Z95 = 1.6448536269514722

__all__ = ["Z95", "scenarios_of", "simulate", "statistics"]


class _Estimate:
    """One estimate of the document, ready to draw from."""

    def __init__(self, value):
        if isinstance(value, (int, float)):
            self.dist, self.a, self.c, self.b = "point", float(value), float(value), float(value)
        else:
            self.dist = value["dist"]
            self.a, self.b = float(value["min"]), float(value["max"])
            self.c = float(value.get("mode", (self.a + self.b) / 2))

    def draw(self, rng, n):
        a, b, c = self.a, self.b, self.c
        if self.dist == "point" or (self.dist != "lognormal" and a == b):
            return np.full(n, a)
        if self.dist == "uniform":
            return rng.uniform(a, b, n)
        if self.dist == "triangular":
            return rng.triangular(a, c, b, n)
        if self.dist == "pert":
            alpha = 1 + 4 * (c - a) / (b - a)
            beta = 1 + 4 * (b - c) / (b - a)
            return a + (b - a) * rng.beta(alpha, beta, n)
        if self.dist == "lognormal":
            mu = (math.log(a) + math.log(b)) / 2
            sigma = (math.log(b) - math.log(a)) / (2 * Z95)
            return np.exp(mu + sigma * rng.standard_normal(n))
        raise ValueError(f"unknown dist {self.dist!r}")


class _Scenario:
    def __init__(self, entry, factor, rho):
        self.id = entry["id"]
        self.threat = entry["direction"] == "threat"
        self.likelihood = _Estimate(entry["likelihood"])
        self.impact = _Estimate(entry["impact"])
        self.money = _Estimate(entry["money"]) if "money" in entry else None
        self.factor = factor
        self.rho = rho


def scenarios_of(doc, rho=0.0, source_rho=None):
    """The scenarios of a smbstrat.Document with their factors (from the
    library's scores) and their correlations (`source_rho` maps a source
    key to its own ρ)."""
    source_rho = source_rho or {}
    entries = json.loads(doc.dumps())["scenarios"]
    scores = doc.scenarios.score()
    return [_Scenario(e, scores[e["id"]].factor, source_rho.get(e["source"], rho))
            for e in entries]


def simulate(doc, trials, *, seed=0, rho=0.0, source_rho=None, measure="severity",
             batch=50_000):
    """Simulate `trials` trials; returns the arrays (loss, upside) of every
    trial's totals."""
    rng = np.random.default_rng(seed)
    scenarios = scenarios_of(doc, rho, source_rho)
    loss = np.zeros(trials)
    upside = np.zeros(trials)
    for start in range(0, trials, batch):
        n = min(batch, trials - start)
        common = rng.standard_normal(n)
        out_loss = loss[start:start + n]
        out_upside = upside[start:start + n]
        for s in scenarios:
            p = s.likelihood.draw(rng, n)
            latent = math.sqrt(s.rho) * common + math.sqrt(1 - s.rho) * rng.standard_normal(n)
            occurs = latent < ndtri(p)
            if measure == "money":
                if s.money is None:
                    continue
                size = s.money.draw(rng, n)
            else:
                size = s.impact.draw(rng, n)
            target = out_loss if s.threat else out_upside
            target += np.where(occurs, size * s.factor, 0.0)
    return loss, upside


def statistics(totals, level=0.95, percentiles=(5, 50, 90, 95, 99)):
    """The statistics the simulator reports, computed plainly: mean,
    standard deviation (n − 1), standard error, value-at-risk (the type-7
    percentile at 100·level), expected shortfall (the mean of the
    ⌈(1 − level)·n⌉ largest totals) and the percentiles."""
    n = totals.size
    # (1 − 0.95)·10^6 is 50000.000000000004 in binary: a count this close
    # to a whole number is that number.
    tail = max(1, math.ceil(round((1 - level) * n, 6)))
    std = float(totals.std(ddof=1)) if n > 1 else 0.0
    return {
        "mean": float(totals.mean()),
        "std": std,
        "sem": std / math.sqrt(n),
        "var": float(np.percentile(totals, 100 * level)),
        "es": float(np.sort(totals)[n - tail:].mean()),
        "percentiles": {q: float(np.percentile(totals, q)) for q in percentiles},
    }
