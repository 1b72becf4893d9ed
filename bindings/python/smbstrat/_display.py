# SPDX-License-Identifier: MIT
"""Short text and notebook representations of a canvas."""

from __future__ import annotations

import re
from typing import Sequence

__all__ = ["canvas_repr", "html_fragment"]

# An XML declaration or doctype may open a standalone SVG file, but not an
# element embedded in an HTML page.
_PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def canvas_repr(name: str, counts: Sequence[int]) -> str:
    """``<Canvas 'Crumb & Co.': 23 items in 8 of 9 blocks>``."""
    total = sum(counts)
    filled = sum(1 for count in counts if count)
    label = f" {name!r}" if name else ""
    noun = "item" if total == 1 else "items"
    return f"<Canvas{label}: {total} {noun} in {filled} of {len(counts)} blocks>"


def html_fragment(svg: str) -> str:
    """The SVG image as an HTML fragment for a notebook cell. A fragment,
    not the renderer's full HTML page: a page's style sheet would leak into
    the notebook around it."""
    return f'<div class="smbstrat-canvas">{_PROLOGUE.sub("", svg, count=1)}</div>'
