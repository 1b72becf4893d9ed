# SPDX-License-Identifier: MIT
"""The candidate responses and the budgeted portfolio chosen among them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from .. import _display
from .._errors import InvalidArgumentError
from ..document import Document
from ..responses import Responses
from . import _style
from ._figure import figure_and_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["portfolio"]


def _responses_of(source: object) -> Responses:
    if isinstance(source, Document):
        found = source.responses
        if found is None:
            raise InvalidArgumentError("the document has no responses to draw")
        return found
    if isinstance(source, Responses):
        return source
    raise TypeError(f"portfolio() needs a Document or its Responses, not "
                    f"{type(source).__name__}")


def portfolio(source: Union[Document, Responses], budget: Optional[float] = None, *,
              ax: Optional["Axes"] = None) -> "Figure":
    """The candidate responses as cost against the threat exposure each
    removes on its own, the ones the budgeted portfolio chooses
    highlighted, and two vertical lines: the budget and what the chosen
    responses cost together (docs/methodology.md, "Budgeted portfolio").

    The portfolio is :meth:`Responses.plan`'s, the exposure reductions
    :meth:`Responses.rank`'s, both against the document's scenarios and
    resilience profile.

    Args:
        source: a Document, or the Responses of one (``doc.responses``).
        budget: the budget to plan for; None uses the document's.
        ax: draw on this Axes instead of a new figure.

    Returns:
        The matplotlib Figure drawn on.
    """
    responses = _responses_of(source)
    plan = responses.plan(budget)
    ranking = responses.rank()
    chosen = set(plan.chosen)
    fig, ax = figure_and_axes(ax, (9.0, 6.0))
    for picked, label, face in ((True, "chosen", _style.CHOSEN),
                                (False, "not chosen", _style.NOT_CHOSEN)):
        ranks = [r for r in ranking if (r.id in chosen) == picked]
        costs = [responses[r.id].cost for r in ranks]
        reductions = [r.exposure_reduction for r in ranks]
        ax.scatter(costs, reductions, s=70, color=face, edgecolors=_style.INK, linewidths=0.8,
                   zorder=3, label=label)
        for r, x, y in zip(ranks, costs, reductions):
            ax.annotate(r.id, (x, y), xytext=(6, 4), textcoords="offset points", fontsize=8,
                        color=_style.INK)
    ax.axvline(plan.budget, color=_style.RISK_BANDS["critical"][1], linestyle="--",
               label=f"budget {plan.budget:,.0f}")
    ax.axvline(plan.cost, color=_style.CHOSEN, linestyle=":",
               label=f"cost of the chosen {plan.cost:,.0f}")
    ax.set_xlabel("Cost")
    ax.set_ylabel("Threat exposure removed on its own")
    ax.set_xlim(left=0)
    ax.set_ylim(bottom=0)
    ax.margins(x=0.12, y=0.12)
    ax.legend(frameon=False, loc="upper left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    count = len(plan.contributions)
    ax.set_title(f"Portfolio ({plan.method}): {count} {_display.plural(count, 'response')} "
                 f"for {plan.cost:,.0f} of {plan.budget:,.0f}; threat exposure "
                 f"{_display.number(plan.base, 3)} \u2192 {_display.number(plan.residual, 3)}",
                 loc="left", fontsize=11, color=_style.INK)
    return fig
