# SPDX-License-Identifier: MIT
"""Canvas items as a pandas DataFrame. pandas is optional: it is imported
only here, when a frame is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _enums
from . import core as _core
from .item import item_fields

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .canvas import Canvas

__all__ = ["COLUMNS", "canvas_dataframe"]

COLUMNS = ("id", "block", "position", "text", "notes", "tags", "importance", "evidence",
           "amount", "kind", "links")


def _pandas():
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "Canvas.to_dataframe() needs pandas, which is not installed "
            "(Debian: apt install python3-pandas; elsewhere: pip install pandas)"
        ) from exc
    return pandas


def canvas_dataframe(canvas: "Canvas") -> "pandas.DataFrame":
    """One row per item of `canvas`, blocks in canvas order."""
    pandas = _pandas()
    rows = []
    with canvas._handle as ptr:
        for block in range(len(_enums.block_keys())):
            for i in range(_core.smb_canvas_item_count(ptr, block)):
                rows.append(item_fields(_core.smb_canvas_item_at(ptr, block, i)))
    frame = pandas.DataFrame(rows, columns=list(COLUMNS))
    # Fix the types that an empty canvas, or one without amounts, would
    # otherwise leave as "object".
    return frame.astype({"position": "int64", "importance": "int64", "amount": "float64"})
