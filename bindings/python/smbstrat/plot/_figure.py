# SPDX-License-Identifier: MIT
"""The one place smbstrat.plot reaches matplotlib. It is imported on first
use, not with the package, so that ``import smbstrat`` works without it;
figures are made with matplotlib.figure.Figure, not pyplot, so that no
plotting function touches pyplot's global state or shows anything."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Tuple

from .._errors import InvalidArgumentError

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["MISSING", "figure_class", "figure_and_axes"]

#: The message of the ImportError raised when matplotlib is missing.
MISSING = "smbstrat.plot needs matplotlib: apt install python3-matplotlib"


def figure_class() -> Any:
    """matplotlib's Figure class, or an ImportError that says what to install."""
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ImportError(MISSING) from exc
    return Figure


def figure_and_axes(ax: Optional["Axes"], size: Tuple[float, float],
                    polar: bool = False) -> Tuple["Figure", "Axes"]:
    """The figure and axes to draw on: `ax` and its figure when given (it
    must be polar exactly when `polar`), else a new figure of `size`
    inches with one axes."""
    figure = figure_class()
    if ax is None:
        fig = figure(figsize=size, layout="constrained")
        return fig, fig.add_subplot(projection="polar" if polar else None)
    name = getattr(ax, "name", None)
    if not isinstance(name, str) or getattr(ax, "figure", None) is None:
        raise TypeError(f"ax must be a matplotlib Axes, not {type(ax).__name__}")
    if polar and name != "polar":
        raise InvalidArgumentError(
            "ax must be a polar Axes for this plot, e.g. fig.add_subplot(projection='polar')")
    if not polar and name == "polar":
        raise InvalidArgumentError("ax must be a Cartesian Axes for this plot, not a polar one")
    return ax.figure, ax
