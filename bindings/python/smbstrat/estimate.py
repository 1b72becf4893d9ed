# SPDX-License-Identifier: MIT
"""Estimate: a value given as a point, a three-point distribution
(uniform, triangular, PERT) or, for money, a lognormal given by its 5th and
95th percentiles, as a scenario's likelihood, impact and money are
(docs/methodology.md, "Estimates")."""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Dict, Tuple, Union

from . import _args, _enums
from . import core as _core
from ._errors import InvalidArgumentError, check

__all__ = ["Estimate", "EstimateLike", "coerce", "from_tuple"]


@dataclass(frozen=True)
class Estimate:
    """A point or a distribution: ``dist`` is ``"point"``, ``"uniform"``,
    ``"triangular"``, ``"pert"`` or ``"lognormal"``; ``min``, ``mode`` and
    ``max`` its three numbers (all equal for a point; a uniform's mode is
    not used and is the midpoint; a lognormal's min and max are its 5th and
    95th percentiles, its mode is not used and is the median √(min·max)).
    Only a money impact may be lognormal.

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

    @classmethod
    def lognormal(cls, p5: float, p95: float) -> "Estimate":
        """The lognormal distribution whose 5th percentile is `p5` and 95th
        `p95` (a 90 % confidence interval, 0 < p5 ≤ p95): money only.

        >>> Estimate.lognormal(1000, 100000).mode     # the median √(1000·100000)
        10000.0
        """
        p5, p95 = _args.real(p5, "p5"), _args.real(p95, "p95")
        return cls("lognormal", p5, _median(p5, p95), p95)

    @property
    def mean(self) -> float:
        """The mean the deterministic scores use, computed by the library:
        the value of a point, (min + max)/2 uniform, (min + mode + max)/3
        triangular, (min + 4·mode + max)/6 PERT, exp(μ + σ²/2) lognormal
        with μ = (ln min + ln max)/2, σ = (ln max − ln min)/(2·1.6448536…).
        Raises RangeError for numbers out of order (or, for a lognormal, a
        min not above 0)."""
        status, value = _core.smb_estimate_mean(self)
        check(status)
        return value

    def to_dict(self) -> Dict[str, Any]:
        """The estimate as the document writes it: a uniform and a
        lognormal without their mode."""
        if self.dist in _MODE_IMPLIED:
            return {"dist": self.dist, "min": self.min, "max": self.max}
        return {"dist": self.dist, "min": self.min, "mode": self.mode, "max": self.max}

    def __str__(self) -> str:
        if self.dist == "point":
            return f"{self.min:g}"
        if self.dist in _MODE_IMPLIED:
            return f"{self.dist}({self.min:g}, {self.max:g})"
        return f"{self.dist}({self.min:g}, {self.mode:g}, {self.max:g})"


#: The forms whose mode is implied by min and max, and not written.
_MODE_IMPLIED = ("uniform", "lognormal")


def _median(p5: float, p95: float) -> float:
    """A lognormal's median √(p5·p95), computed as the library stores it
    (lib/scenario_dist.c) so that an estimate read back compares equal;
    NaN when either percentile is not above 0 (the library refuses it)."""
    if not (p5 > 0 and p95 > 0):
        return math.nan
    product = p5 * p95
    if sys.float_info.min <= product <= sys.float_info.max:
        median = math.sqrt(product)
    else:
        median = math.sqrt(p5) * math.sqrt(p95)
    return min(max(median, p5), p95)


#: What the API accepts wherever an estimate goes.
EstimateLike = Union[float, int, Estimate, Mapping]

_FIELDS = ("min", "mode", "max")


def coerce(value: object, name: str) -> Estimate:
    """An Estimate from a number (a point), an Estimate, or a mapping with
    ``dist`` and ``min``/``mode``/``max`` as the document writes it (a
    uniform or a lognormal may leave out its mode; a point may give one
    number only)."""
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
    if dist == "lognormal" and "mode" not in given and {"min", "max"} <= given.keys():
        given["mode"] = _median(given["min"], given["max"])
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
