# SPDX-License-Identifier: MIT
"""The result records as HTML tables, for a notebook cell (their
``_repr_html_``). Every figure is one the C library computed; the tables
only format them. Each is one well-formed fragment with every text
escaped."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Sequence

from . import _display

if TYPE_CHECKING:  # pragma: no cover
    from .document_results import DocumentScore, ResilienceScore
    from .forces_results import ForcesComparison, ForcesScore
    from .mcda import McdaResult
    from .response_results import Portfolio, Residual, ResponseRanking
    from .scenario_results import CanvasHeat, ScenarioScores, StressTest

__all__ = [
    "forces_score_html",
    "comparison_html",
    "resilience_score_html",
    "scores_html",
    "heat_html",
    "stress_html",
    "ranking_html",
    "portfolio_html",
    "residual_html",
    "mcda_html",
    "document_score_html",
]

_esc = html.escape
_num = _display.number
_NONE = "\u2013"  # what a missing band shows


def _table(caption: str, head: Sequence[str], rows: Sequence[Sequence[str]], kind: str) -> str:
    return _display._table(caption, head, rows, kind)


def forces_score_html(result: "ForcesScore") -> str:
    """The five forces' scores, bands and shares of the pressure."""
    rows = [(f.title, f.score, f.band, f.pressure_share) for f in result.forces]
    return _display.forces_html("", rows, result.pressure, result.attractiveness, "")


def comparison_html(comparison: "ForcesComparison") -> str:
    """The forces before and after, then the drivers that changed."""
    forces = [(_esc(f.force), _num(f.score_before), _num(f.score_after), _num(f.score_delta),
               _esc(f"{f.band_before or _NONE} \u2192 {f.band_after or _NONE}"))
              for f in comparison.forces]
    caption = (f"Attractiveness {_num(comparison.attractiveness.before, 3)} \u2192 "
               f"{_num(comparison.attractiveness.after, 3)}")
    drivers = [(_esc(d.force), _esc(d.key), _esc(d.status), _num(d.rating_before),
                _num(d.rating_after), _esc(", ".join(d.fields)))
               for d in comparison.changed]
    return ('<div class="smbstrat-comparison">'
            + _table(caption, ("Force", "Score before", "Score after", "Change", "Band"),
                     forces, "comparison-forces")
            + _table(f"{len(drivers)} {_display.plural(len(drivers), 'driver')} changed",
                     ("Force", "Driver", "Status", "Rating before", "Rating after",
                      "Fields"), drivers, "comparison-drivers")
            + "</div>")


def resilience_score_html(score: "ResilienceScore") -> str:
    """The capabilities' maturities, with the two indices."""
    rows = [(_esc(key), _num(value)) for key, value in score.maturity.items()]
    caption = (f"Resilience index {_num(score.index, 3)}, weakest link "
               f"{_num(score.weakest_link, 3)} ({score.weakest})")
    return _table(caption, ("Capability", "Maturity"), rows, "resilience-score")


def scores_html(scores: "ScenarioScores") -> str:
    """The threats, then the opportunities, each by rank."""
    return _display.scenarios_html(scores, "")


def heat_html(heat: "CanvasHeat") -> str:
    """The nine blocks, hottest first."""
    rows = [(_esc(b.block), _num(b.heat, 3), _num(b.urgency_weighted, 3), f"{b.share:.1%}",
             str(b.scenarios), "" if b.items is None else str(b.items)) for b in heat.blocks]
    return _table(f"Threat heat on the canvas, total {_num(heat.total, 3)}",
                  ("Block", "Heat", "Urgency-weighted", "Share", "Threats", "Items"), rows,
                  "heat")


def stress_html(stress: "StressTest") -> str:
    """Each shift's outcome, under the change in attractiveness."""
    rows = [(_esc(s.force), _esc(s.driver), _num(s.delta), _num(s.rating_before),
             _num(s.rating_after), _outcome(s.applied, s.clamped)) for s in stress.shifts]
    appeal = stress.comparison.attractiveness
    caption = (f"Stress test of {stress.scenario}: attractiveness {_num(appeal.before, 3)} "
               f"\u2192 {_num(appeal.after, 3)}")
    return _table(caption, ("Force", "Driver", "Shift", "Rating before", "Rating after",
                            "Outcome"), rows, "stress")


def _outcome(applied: bool, clamped: bool) -> str:
    if not applied:
        return "not applied (unrated)"
    return "applied, clamped to 1..5" if clamped else "applied"


def ranking_html(ranking: "ResponseRanking") -> str:
    """The responses, best first."""
    rows = [(str(r.rank), _esc(r.id), _esc(r.title), _num(r.score, 3),
             _num(r.exposure_reduction, 3)) for r in ranking.ranked]
    return _table(f"Responses ranked by {ranking.method}",
                  ("Rank", "Id", "Title", "Score", "Exposure reduction"), rows, "ranking")


def portfolio_html(portfolio: "Portfolio") -> str:
    """The chosen responses, largest increment first."""
    rows = [(_esc(p.id), _esc(p.title), f"{p.cost:g}", _num(p.months), _num(p.standalone, 3),
             _num(p.incremental, 3), _num(p.marginal, 3)) for p in portfolio.contributions]
    caption = (f"Portfolio ({portfolio.method}) within {portfolio.budget:g}: cost "
               f"{portfolio.cost:g}, threat exposure {_num(portfolio.base, 3)} \u2192 "
               f"{_num(portfolio.residual, 3)}")
    return _table(caption, ("Id", "Title", "Cost", "Months", "Standalone", "Incremental",
                            "Marginal"), rows, "portfolio")


def residual_html(residual: "Residual") -> str:
    """Each threat's exposure before and after the chosen responses."""
    rows = [(_esc(s.id), _num(s.likelihood_factor, 3), _num(s.impact_factor, 3),
             _num(s.base, 3), _num(s.residual, 3)) for s in residual.scenarios]
    chosen = ", ".join(residual.chosen) or "no response"
    caption = (f"Residual exposure after {chosen}: {_num(residual.base, 3)} \u2192 "
               f"{_num(residual.total, 3)}, cost {residual.cost:g}")
    return _table(caption, ("Threat", "Likelihood factor", "Impact factor", "Base",
                            "Residual"), rows, "residual")


def mcda_html(result: "McdaResult") -> str:
    """Each alternative's score and rank, in input order."""
    rows = [(str(index), _num(float(score), 4), str(int(rank)))
            for index, (score, rank) in enumerate(zip(result.scores, result.ranks))]
    return _table(f"Alternatives scored by {result.method}", ("Alternative", "Score", "Rank"),
                  rows, "mcda")


def document_score_html(score: "DocumentScore") -> str:
    """Every part of a document's score that is there, one after another."""
    parts = []
    if score.forces is not None:
        parts.append(forces_score_html(score.forces))
    if score.resilience is not None:
        parts.append(resilience_score_html(score.resilience))
    if score.scenarios is not None:
        parts.append(scores_html(score.scenarios))
    parts.extend(stress_html(stress) for stress in score.stress)
    if score.heat is not None:
        parts.append(heat_html(score.heat))
    if not parts:
        return '<div class="smbstrat-score"><p>Nothing to score.</p></div>'
    return '<div class="smbstrat-score">' + "".join(parts) + "</div>"
