# SPDX-License-Identifier: MIT
"""Models and results as pandas DataFrames. pandas is optional: it is
imported only here, when a frame is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, Sequence

from . import _enums
from . import core as _core
from ._errors import InvalidArgumentError
from .driver import driver_fields
from .forces_results import scored
from .item import item_fields

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .canvas import Canvas
    from .forces import Forces
    from .forces_results import ForcesComparison, ForcesScore

__all__ = [
    "COLUMNS",
    "FORCES_COLUMNS",
    "canvas_dataframe",
    "forces_dataframe",
    "score_dataframe",
    "comparison_dataframe",
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


def _pandas():
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


def canvas_dataframe(canvas: "Canvas") -> "pandas.DataFrame":
    """One row per item of `canvas`, blocks in canvas order."""
    _pandas()
    rows = []
    with canvas._handle as ptr:
        for block in range(len(_enums.block_keys())):
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
