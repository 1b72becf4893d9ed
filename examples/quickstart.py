# SPDX-License-Identifier: MIT
"""A first analysis in Python: the bakery of examples/bakery.json, loaded,
checked, scored, planned within its budget and simulated, as a short
summary on the terminal.

    python3 examples/quickstart.py [DOCUMENT]

Every figure is computed by the C library; this script only prints them.
"""

import pathlib
import sys

import smbstrat

HERE = pathlib.Path(__file__).resolve().parent


def main(path: pathlib.Path) -> int:
    doc = smbstrat.Document.load(path)
    canvas = doc.canvas
    print(f"{canvas.name}: {canvas.item_count} items on the canvas")
    findings = canvas.check()
    print(f"  {len(findings)} findings; margin {canvas.margin:,.0f}, "
          f"{canvas.assumption_share:.0%} of the items untested assumptions")

    score = doc.score()
    forces = score.forces
    print(f"Five forces: attractiveness {forces.attractiveness:.2f}, "
          f"strongest {', '.join(forces.dominant)}")
    print(f"Resilience index {score.resilience.index:.2f}, "
          f"weakest link {score.resilience.weakest}")
    print("Threats, most exposed first:")
    for threat in score.scenarios.threats[:3]:
        print(f"  {threat.rank}. {threat.title} "
              f"(exposure {threat.exposure:.2f}, {threat.band})")

    plan = doc.responses.plan()
    chosen = ", ".join(item.id for item in plan.contributions)
    print(f"Plan within {plan.budget:,.0f}: {chosen} for {plan.cost:,.0f}, "
          f"exposure {plan.base:.2f} -> {plan.residual:.2f}")

    result = doc.simulate(20_000, seed=1)
    print(f"Simulation of {result.trials:,} years: mean loss {result.mean:.2f}, "
          f"{result.level:.0%} value at risk {result.var:.2f}, "
          f"expected shortfall {result.es:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "bakery.json"))
