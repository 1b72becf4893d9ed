# SPDX-License-Identifier: MIT
"""The Python examples in examples/ run with the built package and print
what the library computes (.ci/consumer runs them again against the
installed package alone)."""

import subprocess
import sys

import pytest

import smbstrat
from conftest import EXAMPLES

SCRIPTS = sorted(EXAMPLES.glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_runs(script, tmp_path):
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip(), "the example printed nothing"


def test_quickstart_prints_the_library_figures(tmp_path):
    proc = subprocess.run([sys.executable, str(EXAMPLES / "quickstart.py")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, check=True)
    doc = smbstrat.Document.load(EXAMPLES / "bakery.json")
    plan = doc.responses.plan()
    result = doc.simulate(20_000, seed=1)
    score = doc.score()
    for expected in (
        f"{doc.canvas.name}: {doc.canvas.item_count} items on the canvas",
        f"attractiveness {score.forces.attractiveness:.2f}",
        f"weakest link {score.resilience.weakest}",
        f"1. {score.scenarios.threats[0].title}",
        f"exposure {plan.base:.2f} -> {plan.residual:.2f}",
        f"mean loss {result.mean:.2f}",
        f"expected shortfall {result.es:.2f}",
    ):
        assert expected in proc.stdout, f"{expected!r} not in:\n{proc.stdout}"
