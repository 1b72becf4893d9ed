# SPDX-License-Identifier: MIT
"""Models and results as pandas DataFrames. pandas is optional: it is
imported only here, when a frame is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, Optional, Sequence

from . import _enums
from . import core as _core
from ._errors import InvalidArgumentError
from .driver import driver_fields
from .forces_results import scored
from .item import item_fields
from .scenario import scenario_fields

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .canvas import Canvas
    from .forces import Forces
    from .forces_results import ForcesComparison, ForcesScore
    from .mcda import McdaResult
    from .resilience import Resilience
    from .response_results import Portfolio, Residual, ResponseRanking
    from .responses import Responses
    from .scenario_results import CanvasHeat, ScenarioScores, StressTest
    from .scenarios import Scenarios

__all__ = [
    "COLUMNS",
    "FORCES_COLUMNS",
    "canvas_dataframe",
    "forces_dataframe",
    "score_dataframe",
    "comparison_dataframe",
    "resilience_dataframe",
    "scenarios_dataframe",
    "scenario_scores_dataframe",
    "heat_dataframe",
    "responses_dataframe",
    "residual_dataframe",
    "ranking_dataframe",
    "portfolio_dataframe",
    "stress_dataframe",
    "mcda_dataframe",
]

COLUMNS = ("id", "block", "position", "text", "notes", "tags", "importance", "evidence",
           "amount", "kind", "links")

FORCES_COLUMNS = ("force", "driver", "title", "rating", "weight", "confidence",
                  "contribution", "custom")

SCORE_COLUMNS = ("force", "title", "score", "intensity", "band", "weight", "pressure_share",
                 "dominant", "rated", "unrated")

DRIVER_DELTA_COLUMNS = ("force", "driver", "title", "status", "rating_before", "rating_after",
                        "delta", "weight_before", "weight_after", "fields")

FORCE_DELTA_COLUMNS = ("force", "score_before", "score_after", "score_delta",
                       "intensity_delta", "band_before", "band_after", "weight_before",
                       "weight_after")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "to_dataframe() needs pandas, which is not installed "
            "(Debian: apt install python3-pandas; elsewhere: pip install pandas)"
        ) from exc
    return pandas


def _frame(rows: Iterable[Dict[str, Any]], columns: Sequence[str],
           types: Dict[str, str]) -> "pandas.DataFrame":
    # The types are fixed because an empty frame, or a column of None only,
    # would otherwise be left as "object".
    return _pandas().DataFrame(list(rows), columns=list(columns)).astype(types)


def canvas_dataframe(canvas: "Canvas", only: Optional[int] = None) -> "pandas.DataFrame":
    """One row per item of `canvas`, blocks in canvas order (block number
    `only` alone when given)."""
    _pandas()
    rows = []
    blocks = range(len(_enums.block_keys())) if only is None else (only,)
    with canvas._handle as ptr:
        for block in blocks:
            for i in range(_core.smb_canvas_item_count(ptr, block)):
                rows.append(item_fields(_core.smb_canvas_item_at(ptr, block, i)))
    return _frame(rows, COLUMNS,
                  {"position": "int64", "importance": "int64", "amount": "float64"})


def forces_dataframe(forces: "Forces") -> "pandas.DataFrame":
    """One row per driver of `forces`, force by force, in driver order."""
    _pandas()
    rows = []
    with forces._handle as ptr:
        result = scored(ptr, lambda r: r.whole())
        for force in range(len(_enums.force_keys())):
            for i in range(_core.smb_forces_driver_count(ptr, force)):
                rows.append(driver_fields(_core.smb_forces_driver_at(ptr, force, i)))
    contribution = {(d.force, d.key): d.contribution
                    for f in result.forces for d in f.contributions}
    return _frame(
        ({"force": row["force"], "driver": row["key"], "title": row["title"],
          "rating": row["rating"], "weight": row["weight"], "confidence": row["confidence"],
          "contribution": contribution.get((row["force"], row["key"]), 0.0),
          "custom": row["custom"]} for row in rows),
        FORCES_COLUMNS,
        {"rating": "float64", "weight": "float64", "confidence": "float64",
         "contribution": "float64", "custom": "bool"})


def score_dataframe(result: "ForcesScore") -> "pandas.DataFrame":
    """One row per force of a scoring result."""
    return _frame(
        ({"force": f.force, "title": f.title, "score": f.score, "intensity": f.intensity,
          "band": f.band, "weight": f.weight, "pressure_share": f.pressure_share,
          "dominant": f.dominant, "rated": len(f.contributions), "unrated": len(f.unrated)}
         for f in result.forces),
        SCORE_COLUMNS,
        {"score": "float64", "intensity": "float64", "weight": "float64",
         "pressure_share": "float64", "dominant": "bool", "rated": "int64",
         "unrated": "int64"})


def comparison_dataframe(comparison: "ForcesComparison", level: str) -> "pandas.DataFrame":
    """The driver deltas, or the force deltas, of a comparison as rows."""
    if level == "drivers":
        return _frame(
            ({"force": d.force, "driver": d.key, "title": d.title, "status": d.status,
              "rating_before": d.rating_before, "rating_after": d.rating_after,
              "delta": d.delta, "weight_before": d.weight_before,
              "weight_after": d.weight_after, "fields": d.fields}
             for d in comparison.drivers),
            DRIVER_DELTA_COLUMNS,
            {name: "float64" for name in DRIVER_DELTA_COLUMNS[4:9]})
    if level == "forces":
        return _frame(
            ({name: getattr(f, name) for name in FORCE_DELTA_COLUMNS}
             for f in comparison.forces),
            FORCE_DELTA_COLUMNS,
            {name: "float64" for name in FORCE_DELTA_COLUMNS[1:5] + FORCE_DELTA_COLUMNS[7:]})
    raise InvalidArgumentError(f"level must be 'drivers' or 'forces', not {level!r}")


# -- resilience, scenarios and responses -------------------------------------

RESILIENCE_COLUMNS = ("capability", "title", "maturity", "weight", "rationale")

SCENARIO_COLUMNS = ("id", "title", "description", "source", "direction", "kind",
                    "likelihood", "impact", "money", "horizon_months", "blocks", "shifts",
                    "mitigated_by")

SCORE_RECORD_COLUMNS = ("id", "title", "direction", "source", "likelihood", "impact",
                        "horizon_months", "resilience", "factor", "exposure", "urgency",
                        "urgency_weighted", "money", "money_exposure", "likelihood_level",
                        "impact_level", "rating", "band", "rank")

HEAT_COLUMNS = ("block", "heat", "urgency_weighted", "share", "scenarios", "items")

RESPONSE_COLUMNS = ("id", "title", "description", "kind", "cost", "months", "feasibility",
                    "viability", "desirability", "strategic_alignment", "effects", "gains",
                    "values")

RESIDUAL_COLUMNS = ("id", "likelihood_factor", "impact_factor", "base", "residual",
                    "reduction")

PORTFOLIO_COLUMNS = ("id", "title", "cost", "months", "standalone", "incremental", "marginal")


def _floats(names: Iterable[str]) -> Dict[str, str]:
    return {name: "float64" for name in names}


def resilience_dataframe(resilience: "Resilience") -> "pandas.DataFrame":
    """One row per capability of `resilience`, in order."""
    _pandas()
    values = resilience.to_dict()
    return _frame(
        ({"capability": key, "title": _core.smb_capability_title(cap), **values[key]}
         for cap, key in enumerate(values)),
        RESILIENCE_COLUMNS, _floats(("maturity", "weight")))


def _mean(value: Any) -> Optional[float]:
    """The mean of an estimate as the scores use it: a point's value, an
    Estimate's mean from C; None stays None."""
    if value is None or isinstance(value, float):
        return value
    return value.mean


def scenarios_dataframe(scenarios: "Scenarios") -> "pandas.DataFrame":
    """One row per scenario of `scenarios`, with its inputs."""
    _pandas()
    with scenarios._handle as ptr:
        rows = [scenario_fields(_core.smb_scenarios_at(ptr, i))
                for i in range(_core.smb_scenarios_count(ptr))]
    return _frame(
        ({**{name: row[name] for name in SCENARIO_COLUMNS},
          "kind": tuple(sorted(row["kind"])),
          "likelihood": _mean(row["likelihood"]), "impact": _mean(row["impact"]),
          "money": _mean(row["money"])} for row in rows),
        SCENARIO_COLUMNS, _floats(("likelihood", "impact", "money", "horizon_months")))


def scenario_scores_dataframe(result: "ScenarioScores") -> "pandas.DataFrame":
    """One row per scored scenario, in set order."""
    return _frame(
        ({name: getattr(score, name) for name in SCORE_RECORD_COLUMNS}
         for score in result.scores),
        SCORE_RECORD_COLUMNS,
        {**_floats(("likelihood", "impact", "horizon_months", "resilience", "factor",
                    "exposure", "urgency", "urgency_weighted", "money", "money_exposure")),
         "likelihood_level": "int64", "impact_level": "int64", "rating": "int64",
         "rank": "int64"})


def heat_dataframe(heat: "CanvasHeat") -> "pandas.DataFrame":
    """One row per block of a heat map, hottest first."""
    return _frame(
        ({name: getattr(block, name) for name in HEAT_COLUMNS} for block in heat.blocks),
        HEAT_COLUMNS,
        {**_floats(("heat", "urgency_weighted", "share")), "scenarios": "int64",
         "items": "float64" if any(b.items is None for b in heat.blocks) else "int64"})


def responses_dataframe(responses: "Responses") -> "pandas.DataFrame":
    """One row per response of `responses`, with its inputs."""
    _pandas()
    return _frame(
        ({**{name: row.get(name) for name in RESPONSE_COLUMNS}, **row["ratings"]}
         for row in responses._fields()),
        RESPONSE_COLUMNS,
        _floats(("cost", "months", "feasibility", "viability", "desirability",
                 "strategic_alignment")))


def residual_dataframe(residual: "Residual") -> "pandas.DataFrame":
    """One row per threat of a residual exposure."""
    return _frame(
        ({"id": s.id, "likelihood_factor": s.likelihood_factor,
          "impact_factor": s.impact_factor, "base": s.base, "residual": s.residual,
          "reduction": s.base - s.residual} for s in residual.scenarios),
        RESIDUAL_COLUMNS, _floats(RESIDUAL_COLUMNS[1:]))


def ranking_dataframe(ranking: "ResponseRanking") -> "pandas.DataFrame":
    """One row per ranked response, best first, then its criterion values
    (a criterion of the user's whose key is one of the first four columns'
    names gets the column ``value_<key>``)."""
    head = ("rank", "id", "title", "score")
    names = {c.key: f"value_{c.key}" if c.key in head else c.key for c in ranking.criteria}
    return _frame(
        ({"rank": r.rank, "id": r.id, "title": r.title, "score": r.score,
          **{names[key]: value for key, value in r.values.items()}}
         for r in ranking.ranked),
        head + tuple(names.values()), {"rank": "int64", **_floats(("score",) +
                                                                  tuple(names.values()))})


def portfolio_dataframe(portfolio: "Portfolio") -> "pandas.DataFrame":
    """One row per chosen response, largest increment first."""
    return _frame(
        ({name: getattr(item, name) for name in PORTFOLIO_COLUMNS}
         for item in portfolio.contributions),
        PORTFOLIO_COLUMNS, _floats(PORTFOLIO_COLUMNS[2:]))


STRESS_COLUMNS = ("force", "driver", "delta", "applied", "rating_before", "rating_after",
                  "clamped")


def stress_dataframe(stress: "StressTest") -> "pandas.DataFrame":
    """One row per shift of a stress test, in the scenario's order."""
    return _frame(
        ({name: getattr(shift, name) for name in STRESS_COLUMNS} for shift in stress.shifts),
        STRESS_COLUMNS,
        {"applied": "bool", "clamped": "bool",
         **_floats(("delta", "rating_before", "rating_after"))})


def mcda_dataframe(result: "McdaResult") -> "pandas.DataFrame":
    """One row per alternative, in input order."""
    return _frame(
        ({"score": float(score), "rank": int(rank)}
         for score, rank in zip(result.scores, result.ranks)),
        ("score", "rank"), {"score": "float64", "rank": "int64"})
