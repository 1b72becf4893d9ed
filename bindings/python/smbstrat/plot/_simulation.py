# SPDX-License-Identifier: MIT
"""Figures of a Monte Carlo simulation: the loss histogram with its tail
measures, the tornado of inputs, and each threat's share of the expected
shortfall."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .. import _display
from .._errors import InvalidArgumentError
from ..simulation_results import SimulationResult
from . import _style
from ._figure import figure_and_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["simulation", "tornado", "es_contributions"]


def _result(value: object, function: str) -> SimulationResult:
    if not isinstance(value, SimulationResult):
        raise TypeError(f"{function}() needs a SimulationResult (from Document.simulate), not "
                        f"{type(value).__name__}")
    return value


def _level(result: SimulationResult) -> str:
    return f"{100 * result.level:g}%"


def _positive(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise InvalidArgumentError(f"{name}: {value} is below 1")
    return value


def _count(value: Optional[int]) -> Optional[int]:
    """How many bars to draw: `value`, or None for all."""
    return None if value is None else _positive(value, "count")


def simulation(result: SimulationResult, *, bins: int = 60,
               ax: Optional["Axes"] = None) -> "Figure":
    """The distribution of the simulated loss: a histogram of every
    trial's total, with vertical lines at the mean, the value-at-risk and
    the expected shortfall, each labelled with its tail level and value
    (docs/methodology.md, "Monte Carlo simulation").

    The histogram needs the per-trial totals: a simulation run with
    ``keep_totals=False`` has none and raises InvalidArgumentError.

    Args:
        result: a SimulationResult from :meth:`Document.simulate`.
        bins: the histogram's number of bins.
        ax: draw on this Axes instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    result = _result(result, "simulation")
    bins = _positive(bins, "bins")
    if result.totals is None:
        raise InvalidArgumentError("the result kept no per-trial totals to draw: simulate "
                                   "with keep_totals=True")
    fig, ax = figure_and_axes(ax, (9.0, 5.0))
    ax.hist(result.totals, bins=bins, color=_style.NOT_CHOSEN, edgecolor="white",
            linewidth=0.5)
    level = _level(result)
    for value, label, color, style in (
            (result.mean, f"mean {_display.number(result.mean, 3)}", _style.INK, ":"),
            (result.var, f"VaR {level} {_display.number(result.var, 3)}",
             _style.RISK_BANDS["high"][1], "--"),
            (result.es, f"ES {level} {_display.number(result.es, 3)}",
             _style.RISK_BANDS["critical"][1], "-")):
        ax.axvline(value, color=color, linestyle=style, linewidth=2, label=label)
    ax.legend(frameon=False)
    ax.set_xlabel(f"Loss of a trial ({result.measure})")
    ax.set_ylabel("Trials")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    how = "" if result.exact else f"; tail measures from the sketch, \u00b1{result.accuracy:g}"
    ax.set_title(f"Simulated loss: {result.trials:,} trials, seed {result.seed}{how}",
                 loc="left", fontsize=12, color=_style.INK)
    return fig


def tornado(result: SimulationResult, *, count: Optional[int] = 15,
            ax: Optional["Axes"] = None) -> "Figure":
    """The deterministic tornado of a simulation: for each sampled input
    (largest swing on top), the expected loss with that input at the low
    and at the high end of its range, every other input at its mean, as
    two bars from the expected loss (docs/methodology.md, "Monte Carlo
    simulation").

    Args:
        result: a SimulationResult from :meth:`Document.simulate`.
        count: how many of the largest swings to draw; None draws all.
        ax: draw on this Axes instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    result = _result(result, "tornado")
    shown = result.tornado[:_count(count)]
    fig, ax = figure_and_axes(ax, (9.0, max(3.0, 0.45 * len(shown) + 1.5)))
    positions = list(range(len(shown)))[::-1]  # largest swing on top
    expected = result.expected
    ax.barh(positions, [s.low - expected for s in shown], left=expected, height=0.6,
            color=_style.LOW_INPUT, label="input at the low end")
    ax.barh(positions, [s.high - expected for s in shown], left=expected, height=0.6,
            color=_style.HIGH_INPUT, label="input at the high end")
    ax.axvline(expected, color=_style.INK, linewidth=1)
    ax.set_yticks(positions)
    ax.set_yticklabels([f"{s.id} \u00b7 {s.kind}\n{s.low_input:g} to {s.high_input:g}"
                        for s in shown], fontsize=8)
    ax.set_xlabel(f"Expected loss ({result.measure}); the line: "
                  f"{_display.number(expected, 3)} with every input at its mean")
    ax.legend(frameon=False, loc="lower right")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title("Tornado: the expected loss as each input swings", loc="left", fontsize=12,
                 color=_style.INK)
    return fig


def es_contributions(result: SimulationResult, *, count: Optional[int] = 15,
                     ax: Optional["Axes"] = None) -> "Figure":
    """Each threat's contribution to the expected shortfall: its mean loss
    over the tail trials, largest on top. The contributions of all threats
    add up to the ES (docs/methodology.md, "Monte Carlo simulation").

    Args:
        result: a SimulationResult from :meth:`Document.simulate`.
        count: how many of the largest contributions to draw; None draws all.
        ax: draw on this Axes instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    result = _result(result, "es_contributions")
    threats = sorted((s for s in result.scenarios if s.direction == "threat"),
                     key=lambda s: -s.es_contribution)[:_count(count)]
    fig, ax = figure_and_axes(ax, (9.0, max(3.0, 0.4 * len(threats) + 1.5)))
    positions = list(range(len(threats)))[::-1]
    bars = ax.barh(positions, [s.es_contribution for s in threats],
                   color=_style.RISK_BANDS["critical"][1], height=0.6)
    ax.bar_label(bars, labels=[f"{_display.number(s.es_contribution, 3)} \u00b7 occurs in "
                               f"{s.occurrence_rate:.0%} of trials" for s in threats],
                 padding=4, fontsize=8, color=_style.INK)
    ax.set_yticks(positions)
    ax.set_yticklabels([s.id for s in threats])
    ax.margins(x=0.3)
    level = _level(result)
    ax.set_xlabel(f"Mean loss over the trials of the ES {level} tail ({result.measure})")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"Contributions to the ES {level} ({_display.number(result.es, 3)})",
                 loc="left", fontsize=12, color=_style.INK)
    return fig
