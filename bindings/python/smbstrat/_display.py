# SPDX-License-Identifier: MIT
"""Short text and notebook representations of the models."""

from __future__ import annotations

import html
import re
from typing import Optional, Sequence, Tuple

__all__ = [
    "label",
    "plural",
    "number",
    "canvas_repr",
    "forces_repr",
    "html_fragment",
    "forces_html",
]

# An XML declaration or doctype may open a standalone SVG file, but not an
# element embedded in an HTML page.
_PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def label(name: str) -> str:
    """`` 'name'`` to follow a class name in a repr, or "" without a name."""
    return f" {name!r}" if name else ""


def plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


def number(value: Optional[float], digits: int = 2) -> str:
    """A score for people: ``3.25``, ``4`` (no trailing zeros), or an en
    dash when there is none."""
    if value is None:
        return "\u2013"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def canvas_repr(name: str, counts: Sequence[int]) -> str:
    """``<Canvas 'Crumb & Co.': 23 items in 8 of 9 blocks>``."""
    total = sum(counts)
    filled = sum(1 for count in counts if count)
    return (f"<Canvas{label(name)}: {total} {plural(total, 'item')} in {filled} of "
            f"{len(counts)} blocks>")


def forces_repr(name: str, rated: int, total: int, pressure: Optional[float]) -> str:
    """``<Forces 'Bakeries': 12 of 31 drivers rated, pressure 0.42>``."""
    shown = "" if pressure is None else f", pressure {number(pressure)}"
    return f"<Forces{label(name)}: {rated} of {total} drivers rated{shown}>"


def html_fragment(svg: str, kind: str) -> str:
    """The SVG image as an HTML fragment for a notebook cell. A fragment,
    not the renderer's full HTML page: a page's style sheet would leak into
    the notebook around it."""
    return f'<div class="smbstrat-{kind}">{_strip_prologue(svg)}</div>'


def _strip_prologue(svg: str) -> str:
    return _PROLOGUE.sub("", svg, count=1)


# One row of the forces table: title, score, band, pressure share.
ForceRow = Tuple[str, Optional[float], Optional[str], float]


def forces_html(name: str, rows: Sequence[ForceRow], pressure: Optional[float],
                attractiveness: Optional[float], svg: str) -> str:
    """A compact table of the five forces above their diagram, as one
    well-formed HTML fragment (every text escaped)."""
    esc = html.escape
    caption = f"<caption>{esc(name)}</caption>" if name else ""
    head = "<tr><th>Force</th><th>Score</th><th>Band</th><th>Share of pressure</th></tr>"
    body = "".join(
        f"<tr><td>{esc(title)}</td><td>{number(score)}</td><td>{esc(band or '')}</td>"
        f"<td>{number(share, 3)}</td></tr>"
        for title, score, band, share in rows
    )
    foot = (f"<tr><th>Pressure</th><td>{number(pressure, 3)}</td>"
            f"<th>Attractiveness</th><td>{number(attractiveness, 3)}</td></tr>")
    return (f'<div class="smbstrat-forces"><table>{caption}<thead>{head}</thead>'
            f"<tbody>{body}</tbody><tfoot>{foot}</tfoot></table>"
            f"{_strip_prologue(svg)}</div>")
