# SPDX-License-Identifier: MIT
"""Estimate: a value given as a point or as a three-point distribution
(uniform, triangular, PERT), as a scenario's likelihood, impact and money
are (docs/methodology.md, "Estimates")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Dict, Tuple, Union

from . import _args, _enums
from . import core as _core
from ._errors import InvalidArgumentError, check

__all__ = ["Estimate", "EstimateLike", "coerce", "from_tuple"]


@dataclass(frozen=True)
class Estimate:
    """A point or a three-point distribution: ``dist`` is ``"point"``,
    ``"uniform"``, ``"triangular"`` or ``"pert"``; ``min``, ``mode`` and
    ``max`` its three numbers (all equal for a point; a uniform's mode is
    not used and is the midpoint).

    The numbers are checked by the library when the estimate is used
    (min ≤ mode ≤ max, the field's range), so that the error names the
    scenario and field.

    >>> round(Estimate.pert(0.2, 0.35, 0.6).mean, 4)    # (0.2 + 4·0.35 + 0.6) / 6
    0.3667
    """

    dist: str
    min: float
    mode: float
    max: float

    def __post_init__(self) -> None:
        _enums.dist_from_key(self.dist)
        for name in ("min", "mode", "max"):
            object.__setattr__(self, name, _args.real(getattr(self, name), name))

    @classmethod
    def point(cls, value: float) -> "Estimate":
        """A single value."""
        value = _args.real(value, "value")
        return cls("point", value, value, value)

    @classmethod
    def uniform(cls, min: float, max: float) -> "Estimate":
        """Every value from `min` to `max` equally likely."""
        min, max = _args.real(min, "min"), _args.real(max, "max")
        return cls("uniform", min, min / 2 + max / 2, max)

    @classmethod
    def triangular(cls, min: float, mode: float, max: float) -> "Estimate":
        """The triangular distribution (min, mode, max)."""
        return cls("triangular", min, mode, max)

    @classmethod
    def pert(cls, min: float, mode: float, max: float) -> "Estimate":
        """The Beta-PERT distribution (min, mode, max), shape 4."""
        return cls("pert", min, mode, max)

    @property
    def mean(self) -> float:
        """The mean the deterministic scores use, computed by the library:
        the value of a point, (min + max)/2 uniform, (min + mode + max)/3
        triangular, (min + 4·mode + max)/6 PERT. Raises RangeError for
        numbers out of order."""
        status, value = _core.smb_estimate_mean(self)
        check(status)
        return value

    def to_dict(self) -> Dict[str, Any]:
        """The estimate as the document writes it: a uniform without its
        mode."""
        if self.dist == "uniform":
            return {"dist": self.dist, "min": self.min, "max": self.max}
        return {"dist": self.dist, "min": self.min, "mode": self.mode, "max": self.max}

    def __str__(self) -> str:
        if self.dist == "point":
            return f"{self.min:g}"
        if self.dist == "uniform":
            return f"uniform({self.min:g}, {self.max:g})"
        return f"{self.dist}({self.min:g}, {self.mode:g}, {self.max:g})"


#: What the API accepts wherever an estimate goes.
EstimateLike = Union[float, int, Estimate, Mapping]

_FIELDS = ("min", "mode", "max")


def coerce(value: object, name: str) -> Estimate:
    """An Estimate from a number (a point), an Estimate, or a mapping with
    ``dist`` and ``min``/``mode``/``max`` as the document writes it (a
    uniform may leave out its mode; a point may give one number only)."""
    if isinstance(value, Estimate):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, a mapping or an Estimate, not bool")
    if isinstance(value, (int, float)) or (hasattr(value, "__float__")
                                           and not isinstance(value, (str, bytes, Mapping))):
        return Estimate.point(_args.real(value, name))
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a number, a mapping or an Estimate, "
                        f"not {type(value).__name__}")
    unknown = sorted(str(key) for key in value if key not in ("dist",) + _FIELDS)
    if unknown:
        raise InvalidArgumentError(f"{name}: unknown key {unknown[0]!r}; expected dist, "
                                   "min, mode, max")
    if "dist" not in value:
        raise InvalidArgumentError(f"{name}: an estimate needs a 'dist'")
    dist = value["dist"]
    _enums.dist_from_key(dist)
    given = {key: _args.real(value[key], f"{name}.{key}") for key in _FIELDS if key in value}
    if dist == "point" and given:
        first = next(iter(given.values()))
        given = {key: given.get(key, first) for key in _FIELDS}
    if dist == "uniform" and "mode" not in given and {"min", "max"} <= given.keys():
        given["mode"] = given["min"] / 2 + given["max"] / 2
    missing = [key for key in _FIELDS if key not in given]
    if missing:
        raise InvalidArgumentError(f"{name}: a {dist} estimate needs '{missing[0]}'")
    return Estimate(dist, given["min"], given["mode"], given["max"])


def from_tuple(raw: Tuple[str, float, float, float]) -> Union[float, Estimate]:
    """What C returned for an estimate: a float for a point, else an Estimate."""
    dist, low, mode, high = raw
    if dist == "point":
        return low
    return Estimate(dist, low, mode, high)
