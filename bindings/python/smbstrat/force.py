# SPDX-License-Identifier: MIT
"""Force: a live view of one of the five forces of an assessment, and
Drivers: the sequence of its drivers, indexable by position and by key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Iterator, List, Optional, Tuple, Union, overload

from . import _args, _display, _enums
from . import core as _core
from ._errors import check
from .driver import Driver
from .forces_results import ForceScore, scored

if TYPE_CHECKING:  # pragma: no cover
    from .forces import Forces

__all__ = ["Force", "Drivers"]

DriverIndex = Union[int, str]


class Drivers(Sequence[Driver]):
    """The drivers of one force, catalogue drivers first, then the user's:
    ``len(drivers)``, ``drivers[0]``, ``drivers["exit_barriers"]``,
    ``for driver in drivers``, ``"exit_barriers" in drivers``.

    A view: it always shows the assessment as it is now. Iteration walks a
    snapshot of the keys taken when it starts, so adding or removing
    drivers while iterating is safe."""

    __slots__ = ("_forces", "_force")

    def __init__(self, forces: "Forces", force: int) -> None:
        self._forces = forces
        self._force = force

    def keys(self) -> Tuple[str, ...]:
        """The drivers' keys, in order."""
        with self._forces._handle as ptr:
            return tuple(
                _core.smb_driver_key(_core.smb_forces_driver_at(ptr, self._force, i))
                for i in range(_core.smb_forces_driver_count(ptr, self._force))
            )

    def __len__(self) -> int:
        with self._forces._handle as ptr:
            return _core.smb_forces_driver_count(ptr, self._force)

    @overload
    def __getitem__(self, index: DriverIndex) -> Driver: ...

    @overload
    def __getitem__(self, index: slice) -> List[Driver]: ...

    def __getitem__(self, index: Union[DriverIndex, slice]) -> Union[Driver, List[Driver]]:
        if isinstance(index, slice):
            return [Driver(self._forces, self._force, key) for key in self.keys()[index]]
        if isinstance(index, str):
            key = _args.text(index, "driver key")
            with self._forces._handle as ptr:
                status, _ = _core.smb_forces_get_driver(ptr, self._force, key)
                check(status)
            return Driver(self._forces, self._force, key)
        if isinstance(index, bool) or not hasattr(index, "__index__"):
            raise TypeError("drivers are indexed by position (int), key (str) or slice, "
                            f"not {type(index).__name__}")
        position = index.__index__()
        with self._forces._handle as ptr:
            count = _core.smb_forces_driver_count(ptr, self._force)
            if position < 0:
                position += count
            if not 0 <= position < count:
                raise IndexError(f"driver index {index} out of range ({count} drivers)")
            driver = _core.smb_forces_driver_at(ptr, self._force, position)
            return Driver(self._forces, self._force, _core.smb_driver_key(driver))

    def __iter__(self) -> Iterator[Driver]:
        for key in self.keys():
            yield Driver(self._forces, self._force, key)

    def __contains__(self, value: object) -> bool:
        """Whether a driver (a Driver of this force, or a key) is there."""
        if isinstance(value, Driver):
            if (value._forces._handle.key != self._forces._handle.key
                    or value._force != self._force):
                return False
            value = value.key
        if not isinstance(value, str) or "\0" in value:
            return False
        with self._forces._handle as ptr:
            return _core.smb_forces_find_driver(ptr, self._force, value) is not None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Drivers):
            return NotImplemented
        return (self._force == other._force
                and self._forces._handle.key == other._forces._handle.key)

    def __hash__(self) -> int:
        return hash((self._forces._handle.key, self._force, "drivers"))

    def __repr__(self) -> str:
        force = _enums.force_key(self._force)
        try:
            keys = self.keys()
        except Exception:  # a repr must not fail, even on a detached assessment
            return f"<Drivers of {force!r} (detached)>"
        shown = ", ".join(keys[:5]) + (", \u2026" if len(keys) > 5 else "")
        return f"<Drivers of {force!r}: {len(keys)} {_display.plural(len(keys), 'driver')}" + (
            f" ({shown})>" if keys else ">")


class Force:
    """One of the five forces of an assessment, e.g. ``forces["rivalry"]``.

    A view: its score, band and drivers are those of the assessment now;
    assigning :attr:`weight` changes the assessment. ``force["exit_barriers"]``,
    ``len(force)`` and ``for driver in force`` reach its drivers, as
    :attr:`drivers` does."""

    __slots__ = ("_forces", "_force")

    def __init__(self, forces: "Forces", force: int) -> None:
        self._forces = forces
        self._force = force

    @property
    def key(self) -> str:
        """The force's stable key, e.g. ``"supplier_power"``."""
        return _enums.force_key(self._force)

    @property
    def title(self) -> str:
        """The force's title for people."""
        return _core.smb_force_title(self._force)

    @property
    def forces(self) -> "Forces":
        """The assessment holding the force."""
        return self._forces

    @property
    def weight(self) -> float:
        """The force's weight in the competitive pressure (default 1; 0
        leaves it out, but at least one force keeps a positive weight)."""
        with self._forces._handle as ptr:
            return _core.smb_forces_force_weight(ptr, self._force)

    @weight.setter
    def weight(self, value: float) -> None:
        value = _args.real(value, "weight")
        with self._forces._handle as ptr:
            check(_core.smb_forces_set_force_weight(ptr, self._force, value))

    @property
    def score(self) -> Optional[float]:
        """The weighted mean rating of its rated drivers, 1 to 5; None
        while no driver of positive weight is rated."""
        with self._forces._handle as ptr:
            status, value = _core.smb_forces_force_score(ptr, self._force)
        if status == _core.SMB_ENOTFOUND:
            return None
        check(status)
        return value

    def explain(self) -> ForceScore:
        """The force's full score: intensity, band, share of the pressure
        and each driver's contribution (see :meth:`Forces.score`)."""
        with self._forces._handle as ptr:
            return scored(ptr, lambda result: result.force(self._force))

    @property
    def intensity(self) -> Optional[float]:
        """(score − 1) / 4, from 0 to 1; None without a score."""
        return self.explain().intensity

    @property
    def band(self) -> Optional[str]:
        """``"low"``, ``"moderate"`` or ``"high"``; None without a score."""
        return self.explain().band

    @property
    def drivers(self) -> Drivers:
        """The force's drivers (a live sequence, indexable by key)."""
        self._forces._handle.pointer()  # a detached assessment has no drivers to show
        return Drivers(self._forces, self._force)

    def __getitem__(self, index: DriverIndex) -> Driver:
        return self.drivers[index]

    def __iter__(self) -> Iterator[Driver]:
        return iter(self.drivers)

    def __len__(self) -> int:
        return len(self.drivers)

    def __contains__(self, value: object) -> bool:
        return value in self.drivers

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Force):
            return NotImplemented
        return (self._force == other._force
                and self._forces._handle.key == other._forces._handle.key)

    def __hash__(self) -> int:
        return hash((self._forces._handle.key, self._force))

    def __repr__(self) -> str:
        try:
            detail = self.explain()
        except Exception:  # a repr must not fail, even on a detached assessment
            return f"<Force {self.key!r} (detached)>"
        rated = len(detail.contributions)
        total = rated + len(detail.unrated)
        if detail.score is None:
            state = "no score"
        else:
            state = f"score {_display.number(detail.score)} ({detail.band})"
        return f"<Force {self.key!r}: {state}, {rated} of {total} drivers rated>"
