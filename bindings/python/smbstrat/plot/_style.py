# SPDX-License-Identifier: MIT
"""Colours of smbstrat.plot: the palette of the C renderers
(lib/render_svg.c, render_forces.c, render_scenarios.c), so that a figure
and the SVG of the same analysis look alike."""

from __future__ import annotations

from typing import Dict, Tuple

__all__ = ["EVIDENCE", "FORCE_BANDS", "RISK_BANDS", "THREAT", "OPPORTUNITY", "INK", "MUTED",
           "PAPER", "BLOCK_EDGE", "LOW_INPUT", "HIGH_INPUT", "CHOSEN", "NOT_CHOSEN"]

#: Evidence level: (bullet fill, bullet edge).
EVIDENCE: Dict[str, Tuple[str, str]] = {
    "assumption": ("#ffffff", "#6b7280"),
    "testing": ("#f59e0b", "#b45309"),
    "validated": ("#16a34a", "#166534"),
    "invalidated": ("#dc2626", "#991b1b"),
}

#: A force's band: (fill, edge).
FORCE_BANDS: Dict[str, Tuple[str, str]] = {
    "low": ("#dcfce7", "#16a34a"),
    "moderate": ("#fef3c7", "#d97706"),
    "high": ("#fee2e2", "#dc2626"),
}

#: A risk-matrix band: (fill, edge).
RISK_BANDS: Dict[str, Tuple[str, str]] = {
    "low": ("#dcfce7", "#16a34a"),
    "medium": ("#fef3c7", "#d97706"),
    "high": ("#fed7aa", "#ea580c"),
    "critical": ("#fecaca", "#dc2626"),
}

THREAT = "#1f2937"
OPPORTUNITY = "#1d4ed8"
INK = "#111827"
MUTED = "#6b7280"
PAPER = "#f3f4f6"
BLOCK_EDGE = "#9ca3af"
LOW_INPUT = "#60a5fa"
HIGH_INPUT = "#f97316"
CHOSEN = "#16a34a"
NOT_CHOSEN = "#9ca3af"
