# SPDX-License-Identifier: MIT
"""Write the simulator's benchmark model: a smbstrat document with a
resilience profile and N disruption scenarios (100 by default).

The model is reproducible (a fixed seed, no clock) and mixes what the
simulator has to handle: likelihoods and impacts as points, uniforms,
triangulars and PERTs; money impacts on most scenarios, some of them
lognormal (given by their 5th and 95th percentiles), some absent; threats and
opportunities; every source of disruption, so that per-source correlations
have something to act on.

Usage: make_model.py [-n N] [--seed S] [-o FILE]   (default: standard output)
"""

import argparse
import json
import random
import sys

SOURCES = ["technology", "customer_expectations", "economic", "global_event",
           "business_model", "regulatory", "competition", "digital_platforms", "cyber"]


def three_point(rng, low, high, digits):
    """(min, mode, max) inside [low, high], min < mode < max."""
    a, c, b = sorted(round(rng.uniform(low, high), digits) for _ in range(3))
    if not a < c < b:
        a, c, b = low, (low + high) / 2, high
    return a, c, b


def estimate(rng, form, low, high, digits):
    """An estimate of the document format in the given form."""
    if form == "point":
        return round(rng.uniform(low, high), digits)
    a, c, b = three_point(rng, low, high, digits)
    if form == "uniform":
        return {"dist": "uniform", "min": a, "max": b}
    return {"dist": form, "min": a, "mode": c, "max": b}


def money(rng, i):
    """Money at stake: none on every fifth scenario, lognormal on every
    fourth of the others, else a point, uniform, triangular or PERT."""
    if i % 5 == 4:
        return None
    if i % 4 == 1:
        p5 = round(rng.uniform(2_000, 20_000), -2)
        return {"dist": "lognormal", "min": p5, "max": round(p5 * rng.uniform(3, 12), -2)}
    form = ("point", "uniform", "triangular", "pert")[(i // 5) % 4]
    return estimate(rng, form, 1_000, 80_000, -2)


def scenario(rng, i):
    forms = ("point", "uniform", "triangular", "pert")
    s = {
        "id": f"s{i:03d}",
        "title": f"Scenario {i}",
        "source": SOURCES[i % len(SOURCES)],
        # Every fifth scenario is an opportunity (the upside, reported apart).
        "direction": "opportunity" if i % 5 == 2 else "threat",
        "likelihood": estimate(rng, forms[i % 4], 0.02, 0.6, 3),
        "impact": estimate(rng, forms[(i // 4) % 4], 1, 5, 2),
        "horizon_months": rng.choice([6, 12, 18, 24, 36]),
    }
    amount = money(rng, i)
    if amount is not None:
        s["money"] = amount
    return s


def model(n, seed):
    rng = random.Random(seed)
    return {
        "smbstrat": 1,
        "resilience": {"capabilities": {
            "adaptability": {"maturity": 3},
            "agility": {"maturity": 2.5},
            "innovation": {"maturity": 2},
            "customer_centricity": {"maturity": 4},
            "data_driven": {"maturity": 1.5},
        }},
        "scenarios": [scenario(rng, i) for i in range(n)],
        "settings": {"mitigation": 0.5},
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="number of scenarios (default 100)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generator")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("-n must be at least 1")
    text = json.dumps(model(args.n, args.seed), indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
