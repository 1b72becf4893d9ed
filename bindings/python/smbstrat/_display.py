# SPDX-License-Identifier: MIT
"""Short text and notebook representations of the models."""

from __future__ import annotations

import html
import re
from typing import Any, Dict, Optional, Sequence, Tuple

__all__ = [
    "label",
    "plural",
    "number",
    "canvas_repr",
    "forces_repr",
    "html_fragment",
    "forces_html",
    "resilience_repr",
    "resilience_html",
    "scenario_repr",
    "scenarios_repr",
    "scenarios_html",
    "response_repr",
    "responses_repr",
    "responses_html",
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


# -- resilience, scenarios and responses -------------------------------------


def _table(caption: str, head: Sequence[str], rows: Sequence[Sequence[str]],
           kind: str, after: str = "") -> str:
    """One well-formed HTML fragment: a table whose cells are already
    escaped, then `after` (an SVG image, say)."""
    esc = html.escape
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    thead = "".join(f"<th>{esc(cell)}</th>" for cell in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return (f'<div class="smbstrat-{kind}"><table>{cap}<thead><tr>{thead}</tr></thead>'
            f"<tbody>{body}</tbody></table>{after}</div>")


def resilience_repr(maturity: Dict[str, float], index: float) -> str:
    """``<Resilience index 0.52: adaptability 3, agility 2, ...>``."""
    shown = ", ".join(f"{key} {number(value)}" for key, value in maturity.items())
    return f"<Resilience index {number(index, 3)}: {shown}>"


# One row of the resilience table: title, maturity, weight.
CapabilityRow = Tuple[str, float, float]


def resilience_html(rows: Sequence[CapabilityRow], index: float, weakest: float) -> str:
    """The five capabilities as an HTML table, with the two indices."""
    cells = [(html.escape(title), number(maturity), number(weight))
             for title, maturity, weight in rows]
    caption = f"Resilience index {number(index, 3)}, weakest link {number(weakest, 3)}"
    return _table(caption, ("Capability", "Maturity", "Weight"), cells, "resilience")


def _estimate(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def scenario_repr(fields: Dict[str, Any]) -> str:
    """``<Scenario 'giant' threat (technology): likelihood 0.4, impact 4>``."""
    title = fields["title"]
    if len(title) > 40:
        title = title[:39] + "\u2026"
    return (f"<Scenario {fields['id']!r} {fields['direction']} ({fields['source']}) "
            f"{title!r}: likelihood {_estimate(fields['likelihood'])}, "
            f"impact {_estimate(fields['impact'])}>")


def scenarios_repr(fields: Sequence[Dict[str, Any]]) -> str:
    """``<Scenarios: 8 (6 threats, 2 opportunities): giant, apps, ...>``."""
    threats = sum(1 for f in fields if f["direction"] == "threat")
    opportunities = len(fields) - threats
    ids = [f["id"] for f in fields]
    shown = ", ".join(ids[:5]) + (", \u2026" if len(ids) > 5 else "")
    counts = (f"{threats} {plural(threats, 'threat')}, {opportunities} "
              f"{'opportunity' if opportunities == 1 else 'opportunities'}")
    return f"<Scenarios: {len(fields)} ({counts})" + (f": {shown}>" if ids else ">")


def scenarios_html(result: Any, svg: str) -> str:
    """The ranked threats and opportunities above the risk matrix."""
    rows = [(html.escape(s.direction), str(s.rank), html.escape(s.id), html.escape(s.title),
             number(s.exposure, 3), number(s.urgency_weighted, 3),
             f"L{s.likelihood_level}\u00d7I{s.impact_level}", html.escape(s.band))
            for s in tuple(result.threats) + tuple(result.opportunities)]
    head = ("Direction", "Rank", "Id", "Title", "Exposure", "Urgency-weighted", "Cell", "Band")
    return _table("", head, rows, "scenarios", _strip_prologue(svg))


def response_repr(fields: Dict[str, Any]) -> str:
    """``<Response 'shop' digital_channel 'Online shop': cost 8000, 3 months>``."""
    title = fields["title"]
    if len(title) > 40:
        title = title[:39] + "\u2026"
    return (f"<Response {fields['id']!r} {fields['kind']} {title!r}: cost "
            f"{fields['cost']:g}, {fields['months']:g} months, "
            f"{len(fields['effects'])} {plural(len(fields['effects']), 'effect')}>")


def responses_repr(fields: Sequence[Dict[str, Any]]) -> str:
    """``<Responses: 6 (cost 31500 in all): shop, loyalty, ...>``."""
    ids = [f["id"] for f in fields]
    shown = ", ".join(ids[:5]) + (", \u2026" if len(ids) > 5 else "")
    cost = sum(f["cost"] for f in fields)
    return (f"<Responses: {len(ids)} (cost {cost:g} in all)" + (f": {shown}>" if ids else ">"))


def responses_html(fields: Sequence[Dict[str, Any]]) -> str:
    """The responses as an HTML table of their inputs."""
    rows = [(html.escape(f["id"]), html.escape(f["title"]), html.escape(f["kind"]),
             f"{f['cost']:g}", f"{f['months']:g}", str(len(f["effects"])))
            for f in fields]
    return _table("", ("Id", "Title", "Kind", "Cost", "Months", "Effects"), rows, "responses")
