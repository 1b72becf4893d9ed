# SPDX-License-Identifier: MIT
"""The five forces as a radar chart."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Optional, Tuple, Union

from .. import _display, _enums
from .. import core as _core
from .._errors import InvalidArgumentError
from ..document import Document
from ..forces import Forces
from ..forces_results import ForcesScore
from . import _style
from ._figure import figure_and_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["forces"]

ForcesSource = Union[Document, Forces, ForcesScore]


def _scored(source: ForcesSource) -> Tuple[ForcesScore, str]:
    """The scores to draw and the assessment's name ("" when unknown)."""
    if isinstance(source, ForcesScore):
        return source, ""
    if isinstance(source, Document):
        found = source.forces
        if found is None:
            raise InvalidArgumentError("the document has no forces to draw")
        source = found
    if isinstance(source, Forces):
        return source.score(), source.name
    raise TypeError("forces() needs a Document, a Forces or a ForcesScore, not "
                    f"{type(source).__name__}")


def forces(source: ForcesSource, *, ax: Optional["Axes"] = None) -> "Figure":
    """Porter's five forces as a radar: one spoke per force, its score (1
    to 5) as a point, on rings shaded by the bands low, moderate and high
    (their bounds are the library's, docs/methodology.md, "Five forces").

    A force without a score has no point and says so in its label; the
    dominant forces' labels are bold. The title gives the competitive
    pressure and the attractiveness.

    Args:
        source: a Document (its forces), a Forces, or a ForcesScore from
            :meth:`Forces.score`.
        ax: draw on this polar Axes (``fig.add_subplot(projection="polar")``)
            instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    result, name = _scored(source)
    fig, ax = figure_and_axes(ax, (8.0, 7.0), polar=True)
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)

    low, high = _core.SMB_DRIVER_RATING_MIN, _core.SMB_DRIVER_RATING_MAX
    bounds = (low, _core.SMB_FORCE_BAND_MODERATE_MIN, _core.SMB_FORCE_BAND_HIGH_MIN, high)
    ring = [2 * math.pi * step / 360 for step in range(361)]
    for band in range(len(bounds) - 1):
        key = _enums.band_key(band) or ""
        face, edge = _style.FORCE_BANDS[key]
        ax.fill_between(ring, bounds[band], bounds[band + 1], facecolor=face, edgecolor="none",
                        zorder=0, label=f"{key} {bounds[band]:g}\u2013{bounds[band + 1]:g}")

    count = len(result.forces)
    angles = [2 * math.pi * index / count for index in range(count)]
    scores = [math.nan if f.score is None else f.score for f in result.forces]
    # The outline breaks at a force without a score; the shading joins the
    # scored ones.
    ax.plot(angles + angles[:1], scores + scores[:1], color=_style.INK, linewidth=2, zorder=3)
    points = [(a, f.score) for a, f in zip(angles, result.forces) if f.score is not None]
    ax.fill([a for a, _ in points], [s for _, s in points], color=_style.INK, alpha=0.08,
            zorder=2)
    ax.plot([a for a, _ in points], [s for _, s in points], linestyle="none", marker="o",
            markersize=8, color=_style.INK, zorder=4, label="score")

    ax.set_ylim(low, high)
    ax.set_yticks([low + step for step in range(int(high - low) + 1)])
    ax.set_xticks(angles)
    ax.set_xticklabels([
        f"{f.title}\n" + ("no score" if f.score is None
                          else f"{_display.number(f.score)} ({f.band})")
        for f in result.forces])
    for label, f in zip(ax.get_xticklabels(), result.forces):
        if f.dominant:
            label.set_fontweight("bold")
    ax.tick_params(axis="x", pad=14)
    ax.legend(loc="upper left", bbox_to_anchor=(1.05, 1.05), frameon=False, title="Bands")
    title = "Five forces" + (f" \u2014 {name}" if name else "")
    ax.set_title(f"{title}\npressure {_display.number(result.pressure, 3)} \u00b7 "
                 f"attractiveness {_display.number(result.attractiveness, 3)}",
                 fontsize=12, color=_style.INK, pad=24)
    return fig
