# SPDX-License-Identifier: MIT
"""Figures of an analysis, drawn with matplotlib from what the C library
computed.

Every function takes the library's objects (a Document, a model, or a
result), returns a matplotlib :class:`~matplotlib.figure.Figure` and never
shows it: in Jupyter the figure displays as the cell's value; elsewhere
call ``fig.savefig("forces.png")``. Pass ``ax=`` to draw on an Axes of your
own figure instead (a polar one for :func:`forces`).

- :func:`canvas`: the nine blocks with their items;
- :func:`forces`: the five forces as a radar on their bands;
- :func:`risk_matrix`: the scenarios on the 5 × 5 risk matrix;
- :func:`block_heat`: the threats' heat on each canvas block;
- :func:`simulation`: the simulated loss with its VaR and ES;
- :func:`tornado`: the expected loss as each input swings;
- :func:`es_contributions`: each threat's share of the ES;
- :func:`portfolio`: the responses by cost and exposure removed, and the
  budgeted portfolio.

matplotlib is optional: it is imported on the first call, and a missing
one raises ImportError saying what to install.

>>> import smbstrat
>>> doc = smbstrat.Document.load("examples/bakery.json")   # doctest: +SKIP
>>> fig = smbstrat.plot.risk_matrix(doc)                    # doctest: +SKIP
>>> fig.savefig("risk.png")                                 # doctest: +SKIP
"""

from ._canvas import canvas
from ._forces import forces
from ._portfolio import portfolio
from ._scenarios import block_heat, risk_matrix
from ._simulation import es_contributions, simulation, tornado

__all__ = ["block_heat", "canvas", "es_contributions", "forces", "portfolio", "risk_matrix",
           "simulation", "tornado"]
