# SPDX-License-Identifier: MIT
"""The business model canvas as a matplotlib figure."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from .._errors import InvalidArgumentError
from ..canvas import Canvas
from ..document import Document
from . import _style
from ._figure import figure_and_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["canvas"]

# Where each block sits, as (left, bottom, width, height) on a 5 × 3 grid:
# the canvas's usual layout, value propositions in the middle.
_LAYOUT: Dict[str, Tuple[float, float, float, float]] = {
    "key_partnerships": (0, 1, 1, 2),
    "key_activities": (1, 2, 1, 1),
    "key_resources": (1, 1, 1, 1),
    "value_propositions": (2, 1, 1, 2),
    "customer_relationships": (3, 2, 1, 1),
    "channels": (3, 1, 1, 1),
    "customer_segments": (4, 1, 1, 2),
    "cost_structure": (0, 0, 2.5, 1),
    "revenue_streams": (2.5, 0, 2.5, 1),
}
_WIDTH, _HEIGHT = 5.0, 3.0
_GAP = 0.02                 # between blocks, in grid units
_ITEM_POINTS = 8.0          # font size of the items
_TITLE_POINTS = 10.0        # font size of the block titles
_LINE = 1.35                # line height, in font sizes
_CHAR = 0.55                # average character width, in font sizes
_MAX_LINES = 3              # lines of one item before it is cut with "…"


def _canvas_of(source: Union[Document, Canvas]) -> Canvas:
    if isinstance(source, Canvas):
        return source
    if isinstance(source, Document):
        found = source.canvas
        if found is None:
            raise InvalidArgumentError("the document has no canvas to draw")
        return found
    raise TypeError(f"canvas() needs a Document or a Canvas, not {type(source).__name__}")


def _wrapped(text: str, width: int) -> List[str]:
    lines = textwrap.wrap(text, width=width) or [""]
    if len(lines) > _MAX_LINES:
        lines = lines[:_MAX_LINES]
        lines[-1] = lines[-1][:max(width - 1, 1)].rstrip() + "\u2026"
    return lines


def canvas(source: Union[Document, Canvas], *, ax: Optional["Axes"] = None) -> "Figure":
    """The nine blocks of the canvas with their items' texts.

    matplotlib cannot draw the SVG that the C library renders
    (:meth:`Canvas.render`), so this figure is drawn from the canvas's
    items instead, in the same layout: each item's text (cut after three
    lines) and annual amount, its evidence as the bullet's colour and its
    importance as the bullet's size. A block with more items than fit ends with "+N more".
    For the full picture, use ``canvas.render("svg")``.

    Args:
        source: a Document (its canvas) or a Canvas.
        ax: draw on this (Cartesian) Axes instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    model = _canvas_of(source)
    new = ax is None
    fig, ax = figure_and_axes(ax, (15.0, 9.0))
    ax.set_xlim(-_GAP, _WIDTH + _GAP)
    ax.set_ylim(-_GAP, _HEIGHT + _GAP)
    ax.set_axis_off()
    handles = [_legend_dot(level, face, edge) for level, (face, edge) in _style.EVIDENCE.items()]
    ax.legend(handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=4,
              frameon=False, fontsize=9, title="Evidence (bullet size: importance)",
              title_fontsize=9)
    name = model.name
    ax.set_title(f"{name} \u2014 Business Model Canvas" if name else "Business Model Canvas",
                 loc="left", fontsize=14, fontweight="bold", color=_style.INK)
    if new:
        fig.get_layout_engine().execute(fig)  # place the axes before measuring them

    # Text is laid out in grid units: how many of them one point is, for
    # the axes as placed now.
    width_in, height_in = fig.get_size_inches()
    box = ax.get_position()
    units_per_point = _HEIGHT / (box.height * height_in * 72.0)
    points_per_unit = (box.width * width_in * 72.0) / _WIDTH
    line = _ITEM_POINTS * _LINE * units_per_point

    bullets: Dict[str, List[Any]] = {"x": [], "y": [], "size": [], "face": [], "edge": []}
    rectangle = _rectangle_class()
    for key, block in model.blocks.items():
        left, bottom, width, height = _LAYOUT[key]
        x0, y0 = left + _GAP, bottom + _GAP
        w, h = width - 2 * _GAP, height - 2 * _GAP
        ax.add_patch(rectangle((x0, y0), w, h, facecolor="white", edgecolor=_style.BLOCK_EDGE))
        top = y0 + h - 0.03
        ax.text(x0 + 0.03, top, block.title, fontsize=_TITLE_POINTS, fontweight="bold",
                color=_style.INK, va="top")
        y = top - _TITLE_POINTS * _LINE * units_per_point - 0.02
        chars = max(int((w - 0.09) * points_per_unit / (_ITEM_POINTS * _CHAR)), 8)
        items = list(block)
        for shown, item in enumerate(items):
            amount = item.amount
            text = item.text if amount is None else f"{item.text} ({amount:,.0f})"
            lines = _wrapped(text, chars)
            if y - len(lines) * line < y0 + line:  # keep one line for "+N more"
                ax.text(x0 + 0.06, y, f"+{len(items) - shown} more", fontsize=_ITEM_POINTS,
                        color=_style.MUTED, va="top")
                break
            face, edge = _style.EVIDENCE[item.evidence]
            bullets["x"].append(x0 + 0.04)
            bullets["y"].append(y - line / 2)
            bullets["size"].append((3 + item.importance) ** 2)
            bullets["face"].append(face)
            bullets["edge"].append(edge)
            ax.text(x0 + 0.07, y, "\n".join(lines), fontsize=_ITEM_POINTS, color=_style.INK,
                    va="top", linespacing=_LINE)
            y -= len(lines) * line + line * 0.35
    ax.scatter(bullets["x"], bullets["y"], s=bullets["size"], c=bullets["face"],
               edgecolors=bullets["edge"], linewidths=1.0, zorder=3)
    return fig


def _rectangle_class() -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle


def _legend_dot(label: str, face: str, edge: str) -> Any:
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor=face,
                  markeredgecolor=edge, label=label)
