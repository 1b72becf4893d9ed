# SPDX-License-Identifier: MIT
"""libsmbstrat: strategy frameworks for small and medium businesses.

The business model canvas, Porter's five forces, the resilience profile,
disruption scenarios and the responses to them, as data you can load,
check, change, score, compare and render::

    import smbstrat

    doc = smbstrat.Document.load("bakery.json")
    canvas = doc.canvas
    for finding in canvas.check():
        print(finding)
    print(canvas.margin, canvas.assumption_share)
    canvas.add("channels", "ch-market", "Saturday farmers' market", importance=4)
    forces = doc.forces
    forces["rivalry"]["exit_barriers"].rating = 4
    print(forces["rivalry"].score, forces.attractiveness, forces.dominant)
    doc.resilience.maturity["agility"] = 3
    for threat in doc.scenarios.score().threats:
        print(threat.id, threat.exposure, threat.band)
    print(doc.responses.plan(25000).chosen)
    result = doc.simulate(100_000, rho=0.3)   # Monte Carlo: how bad a year can get
    print(result.mean, result.var, result.es)
    doc.save("bakery.json")

Errors raise subclasses of :class:`smbstrat.Error`; those about a document
carry the file, JSON path, line and column. The raw C API is available as
:mod:`smbstrat.core`.

In Jupyter, the models and results display as pictures and tables, and
the tabular ones have ``to_dataframe()`` (with pandas). :mod:`smbstrat.plot`
draws them with matplotlib: ``smbstrat.plot.forces(doc)``,
``smbstrat.plot.risk_matrix(doc)``, ``smbstrat.plot.simulation(result)``...
"""

from ._errors import (
    CanceledError,
    DetachedError,
    Error,
    ExistsError,
    FileError,
    InvalidArgumentError,
    LimitError,
    NoMemoryError,
    NotFoundError,
    ParseError,
    RangeError,
    SchemaError,
)
from ._enums import block_keys as _block_keys
from ._enums import capability_keys as _capability_keys
from ._enums import force_keys as _force_keys
from ._enums import response_kind_keys as _response_kind_keys
from ._enums import scenario_kind_keys as _scenario_kind_keys
from ._enums import source_keys as _source_keys
from ._version import VersionInfo, __version__, version_info
from .block import Block, Blocks
from .canvas import Canvas
from .document import Document
from .document_results import DocumentScore, ResilienceScore
from .driver import Driver
from .estimate import Estimate
from .force import Drivers, Force
from .forces import Forces
from .forces_results import (
    DriverDelta,
    DriverScore,
    DriverSwing,
    ForceDelta,
    ForceScore,
    ForcesComparison,
    ForcesScore,
    ValueDelta,
)
from .item import Item
from .mcda import AhpResult, McdaResult, ahp, topsis, weighted_sum
from .resilience import Capability, CapabilityValues, Resilience
from .response import Effect, Response
from .response_results import (
    Portfolio,
    PortfolioItem,
    RankCriterion,
    Residual,
    ResidualScenario,
    ResponseRank,
    ResponseRanking,
)
from .responses import Criterion, CriterionWeights, Responses
from .results import Change, Finding
from .scenario import Scenario, Shift
from .scenario_results import (
    BlockHeat,
    CanvasHeat,
    ScenarioScore,
    ScenarioScores,
    ScenarioTotals,
    ShiftOutcome,
    StressTest,
    WhatIf,
)
from .scenarios import Scenarios
from .simulation import SimulationConfig, SimulationModel, SimulationPart
from .simulation_results import (
    InputSensitivity,
    InputSwing,
    SideStats,
    SimulatedScenario,
    SimulationResult,
)

#: The nine block keys, in canvas order.
BLOCK_KEYS = _block_keys()

#: The five force keys, in document order.
FORCE_KEYS = _force_keys()

#: The five resilience capability keys, in profile order.
CAPABILITY_KEYS = _capability_keys()

#: The sources of disruption, in document order.
SOURCE_KEYS = _source_keys()

#: The kind flags of a scenario, in pairs (technological / business_model, ...).
SCENARIO_KIND_KEYS = _scenario_kind_keys()

#: The families of responses, in document order.
RESPONSE_KIND_KEYS = _response_kind_keys()

__all__ = [
    "AhpResult",
    "BLOCK_KEYS",
    "Block",
    "BlockHeat",
    "Blocks",
    "CAPABILITY_KEYS",
    "CanceledError",
    "Canvas",
    "CanvasHeat",
    "Capability",
    "CapabilityValues",
    "Change",
    "Criterion",
    "CriterionWeights",
    "DetachedError",
    "Document",
    "DocumentScore",
    "Driver",
    "DriverDelta",
    "DriverScore",
    "DriverSwing",
    "Drivers",
    "Effect",
    "Error",
    "Estimate",
    "ExistsError",
    "FORCE_KEYS",
    "FileError",
    "Finding",
    "Force",
    "ForceDelta",
    "ForceScore",
    "Forces",
    "ForcesComparison",
    "ForcesScore",
    "InputSensitivity",
    "InputSwing",
    "InvalidArgumentError",
    "Item",
    "LimitError",
    "McdaResult",
    "NoMemoryError",
    "NotFoundError",
    "ParseError",
    "Portfolio",
    "PortfolioItem",
    "RESPONSE_KIND_KEYS",
    "RangeError",
    "RankCriterion",
    "Residual",
    "ResidualScenario",
    "Resilience",
    "ResilienceScore",
    "Response",
    "ResponseRank",
    "ResponseRanking",
    "Responses",
    "SCENARIO_KIND_KEYS",
    "SOURCE_KEYS",
    "Scenario",
    "ScenarioScore",
    "ScenarioScores",
    "ScenarioTotals",
    "Scenarios",
    "SchemaError",
    "Shift",
    "ShiftOutcome",
    "SideStats",
    "SimulatedScenario",
    "SimulationConfig",
    "SimulationModel",
    "SimulationPart",
    "SimulationResult",
    "StressTest",
    "ValueDelta",
    "VersionInfo",
    "WhatIf",
    "ahp",
    "topsis",
    "version_info",
    "weighted_sum",
    "__version__",
]

# Show the public classes where users import them from: smbstrat.Canvas,
# not smbstrat.canvas.Canvas, in help(), reprs and tracebacks.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type):
        _obj.__module__ = __name__
del _name, _obj

# Figures; matplotlib itself is imported only when one is drawn.
from . import plot  # noqa: E402
