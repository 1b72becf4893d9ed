# SPDX-License-Identifier: MIT
"""libsmbstrat: strategy frameworks for small and medium businesses.

The business model canvas and Porter's five forces as data you can load,
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
    doc.save("bakery.json")

Errors raise subclasses of :class:`smbstrat.Error`; those about a document
carry the file, JSON path, line and column. The raw C API is available as
:mod:`smbstrat.core`.
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
from ._enums import force_keys as _force_keys
from ._version import VersionInfo, __version__, version_info
from .block import Block, Blocks
from .canvas import Canvas
from .document import Document
from .driver import Driver
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
from .results import Change, Finding

#: The nine block keys, in canvas order.
BLOCK_KEYS = _block_keys()

#: The five force keys, in document order.
FORCE_KEYS = _force_keys()

__all__ = [
    "BLOCK_KEYS",
    "Block",
    "Blocks",
    "CanceledError",
    "Canvas",
    "Change",
    "DetachedError",
    "Document",
    "Driver",
    "DriverDelta",
    "DriverScore",
    "DriverSwing",
    "Drivers",
    "Error",
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
    "InvalidArgumentError",
    "Item",
    "LimitError",
    "NoMemoryError",
    "NotFoundError",
    "ParseError",
    "RangeError",
    "SchemaError",
    "ValueDelta",
    "VersionInfo",
    "__version__",
    "version_info",
]

# Show the public classes where users import them from: smbstrat.Canvas,
# not smbstrat.canvas.Canvas, in help(), reprs and tracebacks.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type):
        _obj.__module__ = __name__
del _name, _obj
