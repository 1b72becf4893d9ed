# SPDX-License-Identifier: MIT
"""Scenario figures: the 5 × 5 risk matrix and the threats' heat on the
canvas blocks."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from .. import _display, _enums
from .. import core as _core
from .._errors import InvalidArgumentError
from ..document import Document
from ..scenario_results import CanvasHeat, ScenarioScore, ScenarioScores
from ..scenarios import Scenarios
from . import _style
from ._figure import figure_and_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["risk_matrix", "block_heat"]

ScenariosSource = Union[Document, Scenarios]
_LEVELS = range(1, 6)
_LABEL_POINTS = 7.5
_ONE_COLUMN = 8  # scenarios one cell lists in a single column


def _scenarios_of(source: object, function: str, result: type) -> Scenarios:
    if isinstance(source, Document):
        found = source.scenarios
        if found is None:
            raise InvalidArgumentError("the document has no scenarios to draw")
        return found
    if isinstance(source, Scenarios):
        return source
    raise TypeError(f"{function}() needs a Document, a Scenarios or a {result.__name__}, not "
                    f"{type(source).__name__}")


def _likelihood_ticks() -> List[str]:
    """Each likelihood level with its probability range, from the
    library's thresholds."""
    starts = [_core.SMB_RISK_LIKELIHOOD_2, _core.SMB_RISK_LIKELIHOOD_3,
              _core.SMB_RISK_LIKELIHOOD_4, _core.SMB_RISK_LIKELIHOOD_5]
    labels = [f"1\np < {starts[0]:g}"]
    labels += [f"{level}\n{lo:g} \u2264 p < {hi:g}"
               for level, lo, hi in zip(range(2, 5), starts, starts[1:])]
    labels.append(f"5\np \u2265 {starts[-1]:g}")
    return labels


def risk_matrix(source: Union[ScenariosSource, ScenarioScores], *,
                ax: Optional["Axes"] = None) -> "Figure":
    """The scenarios on the 5 × 5 risk matrix: likelihood level across,
    impact level up, each cell shaded by the band the library gives its
    rating (docs/methodology.md, "The risk matrix").

    Each scenario is a marker labelled with its id in its cell: threats
    as dark squares, opportunities as open blue circles; in each cell,
    threats first, then opportunities, each by rank.

    Args:
        source: a Document (its scenarios scored against its resilience
            profile), a Scenarios (scored with :meth:`Scenarios.score`) or
            a ScenarioScores.
        ax: draw on this Axes instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    if isinstance(source, ScenarioScores):
        scores = source
    else:
        scores = _scenarios_of(source, "risk_matrix", ScenarioScores).score()
    fig, ax = figure_and_axes(ax, (10.0, 8.0))
    rectangle, patch = _patches()

    bands = _enums.risk_band_keys()
    for likelihood in _LEVELS:
        for impact in _LEVELS:
            band = bands[_core.smb_risk_band_of(likelihood * impact)]
            face, _ = _style.RISK_BANDS[band]
            ax.add_patch(rectangle((likelihood - 0.5, impact - 0.5), 1, 1, facecolor=face,
                                   edgecolor="white", linewidth=2, zorder=0))

    cells: Dict[Tuple[int, int], List[ScenarioScore]] = {}
    for score in scores.threats + scores.opportunities:
        cells.setdefault(score.cell, []).append(score)
    places: Dict[str, List[Tuple[float, float]]] = {"threat": [], "opportunity": []}
    for (likelihood, impact), members in cells.items():
        columns = 1 if len(members) <= _ONE_COLUMN else 2
        rows = math.ceil(len(members) / columns)
        step = 0.9 / rows
        for index, score in enumerate(members):
            row, column = divmod(index, columns)
            x = likelihood - 0.42 + column * 0.47
            y = impact + 0.45 - step * (row + 0.5)
            places[score.direction].append((x, y))
            ax.text(x + 0.05, y, score.id, fontsize=_LABEL_POINTS, va="center",
                    color=_style.OPPORTUNITY if score.direction == "opportunity"
                    else _style.INK, zorder=4)
    for direction, marker, face, edge in (("threat", "s", _style.THREAT, _style.THREAT),
                                          ("opportunity", "o", "white", _style.OPPORTUNITY)):
        xs = [x for x, _ in places[direction]]
        ys = [y for _, y in places[direction]]
        ax.scatter(xs, ys, marker=marker, s=36, facecolors=face, edgecolors=edge,
                   linewidths=1.5, zorder=3, label=direction)

    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(list(_LEVELS))
    ax.set_xticklabels(_likelihood_ticks())
    ax.set_yticks(list(_LEVELS))
    ax.set_xlabel("Likelihood level")
    ax.set_ylabel("Impact level")
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    handles: List[Any] = [patch(facecolor=_style.RISK_BANDS[band][0],
                                edgecolor=_style.RISK_BANDS[band][1], label=band)
                          for band in bands]
    markers, labels = ax.get_legend_handles_labels()
    ax.legend(handles=handles + markers, labels=list(bands) + labels, loc="upper left",
              bbox_to_anchor=(1.01, 1.0), frameon=False)
    threats, opportunities = scores.totals["threat"].count, scores.totals["opportunity"].count
    ax.set_title(f"Risk matrix: {threats} {_display.plural(threats, 'threat')} \u00b7 "
                 f"{opportunities} "
                 f"{'opportunity' if opportunities == 1 else 'opportunities'}",
                 loc="left", fontsize=13, color=_style.INK)
    return fig


def block_heat(source: Union[ScenariosSource, CanvasHeat], *,
               ax: Optional["Axes"] = None) -> "Figure":
    """How much of the threats' exposure lands on each canvas block, as
    horizontal bars, hottest on top, each labelled with its share of the
    total and the number of threats hitting it (docs/methodology.md,
    "Heat on the canvas").

    Args:
        source: a Document (its scenarios' heat on its canvas, against its
            resilience profile), a Scenarios (:meth:`Scenarios.heat`) or a
            CanvasHeat.
        ax: draw on this Axes instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    if isinstance(source, CanvasHeat):
        heat = source
    else:
        heat = _scenarios_of(source, "block_heat", CanvasHeat).heat()
    fig, ax = figure_and_axes(ax, (9.0, 5.5))
    blocks = heat.blocks
    positions = list(range(len(blocks)))[::-1]  # hottest on top
    titles = [_core.smb_block_title(_enums.block_from_key(b.block)) for b in blocks]
    bars = ax.barh(positions, [b.heat for b in blocks], color=_style.RISK_BANDS["high"][1],
                   height=0.7)
    ax.bar_label(bars, labels=[f"{b.share:.0%} \u00b7 {b.scenarios} "
                               f"{_display.plural(b.scenarios, 'threat')}" for b in blocks],
                 padding=4, fontsize=9, color=_style.INK)
    ax.set_yticks(positions)
    ax.set_yticklabels(titles)
    ax.set_xlabel("Heat: \u03a3 exposure \u00d7 block weight over the threats")
    ax.margins(x=0.25)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"Threat heat on the canvas (total {_display.number(heat.total, 3)})",
                 loc="left", fontsize=13, color=_style.INK)
    return fig


def _patches() -> Tuple[Any, Any]:
    from matplotlib.patches import Patch, Rectangle

    return Rectangle, Patch
