# SPDX-License-Identifier: MIT
"""smbstrat.plot: each function returns a Figure that draws the numbers the
library computed (checked here against values worked out by hand), accepts
ax=, refuses what it cannot draw, and says what to install without
matplotlib."""

import math
import os
import subprocess
import sys

import pytest

import smbstrat
from conftest import make_profile, make_responses, make_scenarios

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from smbstrat import plot  # noqa: E402


def texts(fig):
    """Every string drawn on the figure, tick labels and legend included."""
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def lines_labelled(ax, prefix):
    return [line for line in ax.get_lines() if line.get_label().startswith(prefix)]


def bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


@pytest.fixture
def analysis():
    """A document holding the scenarios, profile and responses that the
    scenario and response tests work out by hand (see conftest)."""
    doc = smbstrat.Document()
    doc.resilience = make_profile()
    doc.scenarios = make_scenarios()
    doc.responses = make_responses()
    return doc


@pytest.fixture
def certain_hit():
    """One threat that always occurs (p = 1) with impact uniform(2, 4),
    and no resilience profile: R = 0, so the vulnerability is
    1 − 0.5 × 0 = 1 and a trial's loss is its impact draw.
      expected loss (impact at its mean 3): 1 × 3 × 1 = 3
      tornado: impact from 2 to 4 → expected loss 2 and 4, swing 2"""
    doc = smbstrat.Document()
    scenarios = smbstrat.Scenarios()
    scenarios.add("hit", "Certain hit", "economic", "threat", 1.0,
                  {"dist": "uniform", "min": 2, "max": 4})
    doc.scenarios = scenarios
    return doc


@pytest.fixture
def simulated(certain_hit):
    return certain_hit.simulate(trials=4000, seed=7)


# -- figures and axes -----------------------------------------------------------


def test_every_function_returns_a_figure_and_shows_nothing(analysis, small_doc, rated,
                                                           simulated):
    pyplot = pytest.importorskip("matplotlib.pyplot")
    before = pyplot.get_fignums()
    figures = [plot.canvas(small_doc), plot.forces(rated), plot.risk_matrix(analysis),
               plot.block_heat(analysis), plot.portfolio(analysis, 10000),
               plot.simulation(simulated), plot.tornado(simulated),
               plot.es_contributions(simulated)]
    assert all(isinstance(fig, Figure) for fig in figures)
    assert pyplot.get_fignums() == before  # nothing went through pyplot
    for fig in figures:
        fig.canvas.draw()  # every figure renders


def test_every_function_draws_on_the_axes_given(analysis, small_doc, rated, simulated):
    for draw, polar in ((lambda ax: plot.canvas(small_doc, ax=ax), False),
                        (lambda ax: plot.forces(rated, ax=ax), True),
                        (lambda ax: plot.risk_matrix(analysis, ax=ax), False),
                        (lambda ax: plot.block_heat(analysis, ax=ax), False),
                        (lambda ax: plot.portfolio(analysis, 10000, ax=ax), False),
                        (lambda ax: plot.simulation(simulated, ax=ax), False),
                        (lambda ax: plot.tornado(simulated, ax=ax), False),
                        (lambda ax: plot.es_contributions(simulated, ax=ax), False)):
        fig = Figure()
        ax = fig.add_subplot(projection="polar" if polar else None)
        assert draw(ax) is fig
        assert len(fig.axes) == 1 and ax.has_data()
        other = Figure().add_subplot(projection=None if polar else "polar")
        with pytest.raises(smbstrat.InvalidArgumentError, match="polar"):
            draw(other)
    with pytest.raises(TypeError, match="Axes"):
        plot.block_heat(analysis, ax="left")


def test_missing_sections_and_wrong_types_are_refused():
    empty = smbstrat.Document()
    for draw, section in ((plot.canvas, "canvas"), (plot.forces, "forces"),
                          (plot.risk_matrix, "scenarios"), (plot.block_heat, "scenarios"),
                          (plot.portfolio, "responses")):
        with pytest.raises(smbstrat.InvalidArgumentError, match=f"no {section}"):
            draw(empty)
        with pytest.raises(TypeError, match="needs a"):
            draw(42)
    for draw in (plot.simulation, plot.tornado, plot.es_contributions):
        with pytest.raises(TypeError, match="SimulationResult"):
            draw(empty)


# -- canvas ---------------------------------------------------------------------


def test_canvas_draws_nine_blocks_and_every_item(small_doc):
    fig = plot.canvas(small_doc)
    ax = fig.axes[0]
    assert len(bars(ax)) == 9
    drawn = texts(fig)
    for title in ("Key Partnerships", "Value Propositions", "Revenue Streams"):
        assert title in drawn
    assert "Test Bakery \u2014 Business Model Canvas" in drawn
    # one bullet per item (6), its text, and the annual amount beside it
    (bullets,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(bullets.get_offsets()) == 6
    assert "Fresh bread" in drawn and "Families" in drawn
    assert "Bread sales (50,000)" in drawn and "Rent (18,000)" in drawn
    # evidence as the bullet's colour: vp-fresh validated (green), ch-shop
    # assumption (white), in canvas order: value propositions come third
    faces = [matplotlib.colors.to_hex(c) for c in bullets.get_facecolors()]
    assert faces[0] == "#16a34a" and faces[1] == "#ffffff"
    # importance as its size: vp-fresh 5 → (3 + 5)² = 64; ch-shop 3 → 36
    assert list(bullets.get_sizes()[:2]) == [64, 36]


def test_canvas_of_a_full_block_says_how_many_more(small):
    for n in range(40):
        small.add("key_activities", f"ka-{n}", f"Activity number {n}")
    fig = plot.canvas(small)
    (more,) = [t for t in texts(fig) if t.startswith("+")]
    shown = sum(1 for t in texts(fig) if t.startswith("Activity number"))
    assert 0 < shown < 40
    assert more == f"+{40 - shown} more"


# -- forces ---------------------------------------------------------------------


def test_forces_radar_puts_each_score_on_its_spoke(rated):
    fig = plot.forces(rated)
    ax = fig.axes[0]
    assert ax.name == "polar"
    (points,) = lines_labelled(ax, "score")
    # rated by hand (conftest.rate_small_forces):
    #   rivalry (4 + 5 × 2 + 2) / 4 = 4; substitutes (2.5 + 3) / 2 = 2.75;
    #   buyer_power 1.5; new_entrants and supplier_power have no score.
    order = list(smbstrat.FORCE_KEYS)
    spoke = {key: 2 * math.pi * i / 5 for i, key in enumerate(order)}
    scored = ("rivalry", "substitutes", "buyer_power")
    assert list(points.get_xdata()) == pytest.approx([spoke[k] for k in order if k in scored])
    by_angle = dict(zip(points.get_xdata(), points.get_ydata()))
    assert by_angle[spoke["rivalry"]] == pytest.approx(4.0)
    assert by_angle[spoke["substitutes"]] == pytest.approx(2.75)
    assert by_angle[spoke["buyer_power"]] == pytest.approx(1.5)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[order.index("rivalry")].endswith("4 (high)")
    assert labels[order.index("substitutes")].endswith("2.75 (moderate)")
    assert labels[order.index("buyer_power")].endswith("1.5 (low)")
    assert labels[order.index("new_entrants")].endswith("no score")
    # rivalry is the dominant force: its label is bold
    weights = [t.get_fontweight() for t in ax.get_xticklabels()]
    assert weights[order.index("rivalry")] == "bold"
    assert weights[order.index("substitutes")] == "normal"
    # the three bands, with the library's bounds 1, 2.5, 3.5, 5
    assert ["low 1\u20132.5", "moderate 2.5\u20133.5", "high 3.5\u20135"] == [
        c.get_label() for c in ax.collections]
    assert ax.get_ylim() == (1.0, 5.0)


def test_forces_of_the_bakery_has_five_points(bakery_path):
    doc = smbstrat.Document.load(bakery_path)
    (points,) = lines_labelled(plot.forces(doc).axes[0], "score")
    assert len(points.get_xdata()) == 5
    score = doc.forces.score()
    assert list(points.get_ydata()) == [f.score for f in score.forces]
    title = plot.forces(score).axes[0].get_title()
    assert title.startswith("Five forces\npressure ")


# -- scenarios ------------------------------------------------------------------


def cell_of(ax, label):
    """The risk-matrix cell (likelihood level, impact level) of a label."""
    (text,) = [t for t in ax.texts if t.get_text() == label]
    x, y = text.get_position()
    return (round(x), round(y))


def test_risk_matrix_places_each_scenario_in_its_cell(analysis):
    fig = plot.risk_matrix(analysis)
    ax = fig.axes[0]
    # by hand (conftest.make_scenarios):
    #   giant  p 0.4 → likelihood level 3; impact 4 → level 4
    #   wage   p = PERT mean (0.5 + 4 × 0.7 + 0.9) / 6 = 0.7 → level 5;
    #          impact triangular mean 3 → level 3
    #   subs   p 0.2 → level 2; impact 2.5 rounds half up → level 3
    #   breach p 0.05 → level 1; impact 5 → level 5
    assert cell_of(ax, "giant") == (3, 4)
    assert cell_of(ax, "wage") == (5, 3)
    assert cell_of(ax, "subs") == (2, 3)
    assert cell_of(ax, "breach") == (1, 5)
    threats, opportunities = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert (threats.get_label(), len(threats.get_offsets())) == ("threat", 3)
    assert (opportunities.get_label(), len(opportunities.get_offsets())) == ("opportunity", 1)
    # 25 cells, each shaded by its band: 3 × 4 = 12 is high, 1 × 1 = 1 low,
    # 5 × 5 = 25 critical, 2 × 3 = 6 medium
    cells = {(round(p.get_x() + 0.5), round(p.get_y() + 0.5)):
             matplotlib.colors.to_hex(p.get_facecolor()) for p in bars(ax)}
    assert len(cells) == 25
    assert (cells[(3, 4)], cells[(1, 1)], cells[(5, 5)], cells[(2, 3)]) == (
        "#fed7aa", "#dcfce7", "#fecaca", "#fef3c7")
    assert ax.get_title(loc="left") == "Risk matrix: 3 threats \u00b7 1 opportunity"


def test_risk_matrix_takes_scores_and_a_set(analysis, profile):
    scores = analysis.scenarios.score()
    assert cell_of(plot.risk_matrix(scores).axes[0], "giant") == (3, 4)
    # a standalone set scores without a profile: giant's cell does not move
    # (the cell is read from likelihood and impact, not from the exposure)
    assert cell_of(plot.risk_matrix(make_scenarios()).axes[0], "giant") == (3, 4)


def test_block_heat_bars_are_the_heat_hottest_first(analysis):
    fig = plot.block_heat(analysis)
    ax = fig.axes[0]
    drawn = sorted(bars(ax), key=lambda bar: -bar.get_y())  # top first
    assert len(drawn) == 9
    # by hand (threats only): channels = giant 1.28 × 1 + breach 0.225 × 2
    # = 1.73; cost_structure = wage 1.575; revenue_streams = 0.64; others 0
    assert [bar.get_width() for bar in drawn] == pytest.approx(
        [1.73, 1.575, 0.64] + [0.0] * 6)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:3] == ["Channels", "Cost Structure", "Revenue Streams"]
    # shares of the total 3.945: 1.73 / 3.945 = 44 %, 2 threats on channels
    assert "44% \u00b7 2 threats" in texts(fig)
    assert "Threat heat on the canvas (total 3.945)" == ax.get_title(loc="left")


# -- responses ------------------------------------------------------------------


def test_portfolio_highlights_the_chosen_within_the_budget(analysis):
    fig = plot.portfolio(analysis, 9500)
    ax = fig.axes[0]
    chosen, others = [c for c in ax.collections if isinstance(c, PathCollection)]
    # within 9500 the plan takes shop (6000, removes 0.925 alone) and train
    # (3000, 0.21 = 3.08 − 2.87); buffer (4000, 0.315) stays out
    assert chosen.get_label() == "chosen"
    points = sorted(chosen.get_offsets().tolist())
    assert [x for x, _ in points] == [3000, 6000]
    assert [y for _, y in points] == pytest.approx([0.21, 0.925])
    assert others.get_offsets().tolist() == [[4000, pytest.approx(0.315)]]
    (budget,) = lines_labelled(ax, "budget")
    assert list(budget.get_xdata()) == [9500, 9500]
    (cost,) = lines_labelled(ax, "cost of the chosen")
    assert list(cost.get_xdata()) == [9000, 9000]
    assert {"shop", "buffer", "train"} <= set(texts(fig))


def test_portfolio_uses_the_document_budget(analysis):
    with pytest.raises(TypeError, match="needs a budget"):
        plot.portfolio(analysis)
    analysis.budget = 10000
    (budget,) = lines_labelled(plot.portfolio(analysis.responses).axes[0], "budget")
    assert list(budget.get_xdata()) == [10000, 10000]


# -- simulation -------------------------------------------------------------------


def test_simulation_histogram_marks_var_and_es(simulated):
    fig = plot.simulation(simulated, bins=20)
    ax = fig.axes[0]
    assert len(bars(ax)) == 20
    # every trial's loss is an impact draw from 2 to 4 (see certain_hit)
    heights = sum(bar.get_height() for bar in bars(ax))
    assert heights == simulated.trials == 4000
    assert min(bar.get_x() for bar in bars(ax)) >= 2.0
    (var,) = lines_labelled(ax, "VaR 95%")
    (es,) = lines_labelled(ax, "ES 95%")
    (mean,) = lines_labelled(ax, "mean")
    assert list(var.get_xdata()) == [simulated.var, simulated.var]
    assert list(es.get_xdata()) == [simulated.es, simulated.es]
    assert list(mean.get_xdata()) == [simulated.mean, simulated.mean]
    assert 2.0 < simulated.var < simulated.es <= 4.0


def test_simulation_labels_follow_the_level(certain_hit):
    result = certain_hit.simulate(trials=1000, seed=1, level=0.99)
    ax = plot.simulation(result).axes[0]
    assert len(lines_labelled(ax, "VaR 99%")) == 1 and len(lines_labelled(ax, "ES 99%")) == 1


def test_simulation_without_totals_is_refused(certain_hit):
    result = certain_hit.simulate(trials=1000, keep_totals=False)
    with pytest.raises(smbstrat.InvalidArgumentError, match="keep_totals"):
        plot.simulation(result)
    for bins in (0, -3):
        with pytest.raises(smbstrat.InvalidArgumentError, match="bins"):
            plot.simulation(result, bins=bins)
    with pytest.raises(TypeError, match="bins"):
        plot.simulation(result, bins=2.5)


def test_tornado_swings_around_the_expected_loss(simulated):
    fig = plot.tornado(simulated)
    ax = fig.axes[0]
    # one input has a range: the impact, 2 to 4 (the likelihood is a point).
    # Expected loss 3; at the impact's ends 2 and 4: bars 3 → 2 and 3 → 4.
    assert simulated.expected == pytest.approx(3.0)
    low, high = bars(ax)
    assert (low.get_x(), low.get_width()) == pytest.approx((3.0, -1.0))
    assert (high.get_x(), high.get_width()) == pytest.approx((3.0, 1.0))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["hit \u00b7 impact\n2 to 4"]


def test_tornado_and_contributions_draw_the_largest(bakery_path):
    result = smbstrat.Document.load(bakery_path).simulate(trials=2000, seed=3)
    assert len(result.tornado) > 4
    ax = plot.tornado(result, count=4).axes[0]
    assert len(bars(ax)) == 2 * 4
    assert len(bars(plot.tornado(result, count=None).axes[0])) == 2 * len(result.tornado)
    threats = [s for s in result.scenarios if s.direction == "threat"]
    ax = plot.es_contributions(result, count=None).axes[0]
    widths = sorted(bar.get_width() for bar in bars(ax))
    assert widths == sorted(s.es_contribution for s in threats)
    assert sum(widths) == pytest.approx(result.es)  # the contributions add up to the ES
    assert len(bars(plot.es_contributions(result, count=3).axes[0])) == 3
    with pytest.raises(smbstrat.InvalidArgumentError, match="count"):
        plot.tornado(result, count=0)


def test_es_contributions_of_one_threat_is_the_es(simulated):
    (bar,) = bars(plot.es_contributions(simulated).axes[0])
    assert bar.get_width() == pytest.approx(simulated.es)


# -- without matplotlib ---------------------------------------------------------------


def test_without_matplotlib_a_call_says_what_to_install(small_doc, monkeypatch):
    for name in ("matplotlib", "matplotlib.figure"):
        monkeypatch.setitem(sys.modules, name, None)  # makes the import fail
    with pytest.raises(ImportError) as info:
        plot.canvas(small_doc)
    assert str(info.value) == "smbstrat.plot needs matplotlib: apt install python3-matplotlib"


def test_importing_smbstrat_does_not_import_matplotlib():
    code = ("import sys; import smbstrat, smbstrat.plot; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=os.environ.copy(), check=True).stdout
    assert out.strip() == "False"
