# SPDX-License-Identifier: MIT
"""Driver: a live view of one driver of a force, found again by force and
key at every use.

The C library hands out borrowed driver pointers that die at the
assessment's next change, so a Driver keeps only (forces, force, key) and
looks the driver up for each read or write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, TypeVar

from . import _args, _enums
from . import core as _core
from ._errors import NotFoundError, check

if TYPE_CHECKING:  # pragma: no cover
    from .forces import Forces

__all__ = ["Driver", "driver_fields"]

T = TypeVar("T")


def _rating(driver: Any) -> Optional[float]:
    return _core.smb_driver_rating(driver) if _core.smb_driver_is_rated(driver) else None


def _confidence(driver: Any) -> Optional[float]:
    if _core.smb_driver_has_confidence(driver):
        return _core.smb_driver_confidence(driver)
    return None


def _question(driver: Any) -> Optional[str]:
    return _core.smb_driver_question(driver) or None


def driver_fields(driver: Any) -> Dict[str, Any]:
    """Every field of a borrowed C driver, copied into Python values."""
    return {
        "force": _enums.force_key(_core.smb_driver_force(driver)),
        "key": _core.smb_driver_key(driver),
        "position": _core.smb_driver_index(driver),
        "title": _core.smb_driver_title(driver),
        "question": _question(driver),
        "custom": bool(_core.smb_driver_is_custom(driver)),
        "rating": _rating(driver),
        "weight": _core.smb_driver_weight(driver),
        "confidence": _confidence(driver),
        "rationale": _core.smb_driver_rationale(driver),
    }


class Driver:
    """One driver of a force, e.g. rivalry's exit barriers.

    A Driver is a view: reading an attribute reads the assessment now, and
    assigning one (``driver.rating = 4``) changes it. ``driver.rating =
    None`` or ``del driver.rating`` makes the driver unrated again. Once a
    driver the user added is removed, using its view raises
    :class:`NotFoundError`.

    Two views are equal when they show the same driver of the same
    assessment.
    """

    __slots__ = ("_forces", "_force", "_key")

    def __init__(self, forces: "Forces", force: int, key: str) -> None:
        self._forces = forces
        self._force = force
        self._key = key

    # -- plumbing ---------------------------------------------------------

    def _name(self) -> str:
        return f"{_enums.force_key(self._force)}/{self._key}"

    def _read(self, read: Callable[[Any], T]) -> T:
        with self._forces._handle as ptr:
            driver = _core.smb_forces_find_driver(ptr, self._force, self._key)
            if driver is None:
                raise NotFoundError(f"driver '{self._name()}' is no longer in the assessment")
            return read(driver)

    def _update(self, setter: Callable[..., int], *args: Any) -> None:
        with self._forces._handle as ptr:
            check(setter(ptr, self._force, self._key, *args))

    # -- identity ---------------------------------------------------------

    @property
    def key(self) -> str:
        """The driver's key, stable across versions and unique in its force."""
        return self._key

    @property
    def force(self) -> str:
        """The key of the driver's force, e.g. ``"rivalry"``."""
        return _enums.force_key(self._force)

    @property
    def forces(self) -> "Forces":
        """The assessment holding the driver."""
        return self._forces

    @property
    def exists(self) -> bool:
        """Whether the driver is still in its force."""
        with self._forces._handle as ptr:
            return _core.smb_forces_find_driver(ptr, self._force, self._key) is not None

    @property
    def position(self) -> int:
        """The driver's position in its force (0 first)."""
        return self._read(_core.smb_driver_index)

    @property
    def title(self) -> str:
        """The driver's title, e.g. ``"Exit barriers"``."""
        return self._read(_core.smb_driver_title)

    @property
    def question(self) -> Optional[str]:
        """The question the rating answers (5 = the force is strong), or None."""
        return self._read(_question)

    @property
    def custom(self) -> bool:
        """Whether the user added the driver (False for the catalogue's)."""
        return self._read(lambda driver: bool(_core.smb_driver_is_custom(driver)))

    # -- judgements -------------------------------------------------------

    @property
    def rated(self) -> bool:
        """Whether the driver is rated."""
        return self._read(lambda driver: bool(_core.smb_driver_is_rated(driver)))

    @property
    def rating(self) -> Optional[float]:
        """1 (the driver makes the force weak) to 5 (strong), fractions
        allowed; None when unrated. Assign None, or ``del``, to unrate."""
        return self._read(_rating)

    @rating.setter
    def rating(self, value: Optional[float]) -> None:
        if value is None:
            self._update(_core.smb_forces_clear_rating)
        else:
            self._update(_core.smb_forces_set_rating, _args.real(value, "rating"))

    @rating.deleter
    def rating(self) -> None:
        self._update(_core.smb_forces_clear_rating)

    @property
    def weight(self) -> float:
        """The weight within its force (default 1; 0 leaves the driver out)."""
        return self._read(_core.smb_driver_weight)

    @weight.setter
    def weight(self, value: float) -> None:
        self._update(_core.smb_forces_set_driver_weight, _args.real(value, "weight"))

    @property
    def confidence(self) -> Optional[float]:
        """How sure the analyst is of the rating, 0 to 1, or None. Scores do
        not use it. Assign None, or ``del``, to remove it."""
        return self._read(_confidence)

    @confidence.setter
    def confidence(self, value: Optional[float]) -> None:
        if value is None:
            self._update(_core.smb_forces_clear_confidence)
        else:
            self._update(_core.smb_forces_set_confidence, _args.real(value, "confidence"))

    @confidence.deleter
    def confidence(self) -> None:
        self._update(_core.smb_forces_clear_confidence)

    @property
    def rationale(self) -> Optional[str]:
        """Why the driver has its rating, or None. Assign None or "", or
        ``del``, to remove it."""
        return self._read(_core.smb_driver_rationale)

    @rationale.setter
    def rationale(self, value: Optional[str]) -> None:
        self._update(_core.smb_forces_set_rationale, _args.optional_text(value, "rationale"))

    @rationale.deleter
    def rationale(self) -> None:
        self._update(_core.smb_forces_set_rationale, None)

    def to_dict(self) -> Dict[str, Any]:
        """All fields at once, as plain Python values."""
        return self._read(driver_fields)

    # -- Python protocols -------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Driver):
            return NotImplemented
        return ((self._force, self._key) == (other._force, other._key)
                and self._forces._handle.key == other._forces._handle.key)

    def __hash__(self) -> int:
        return hash((self._forces._handle.key, self._force, self._key))

    def __repr__(self) -> str:
        try:
            title, rating = self._read(
                lambda driver: (_core.smb_driver_title(driver), _rating(driver)))
        except Exception:  # a repr must not fail: the driver may be gone
            return f"<Driver {self._name()} (no longer in the assessment)>"
        if len(title) > 40:
            title = title[:39] + "\u2026"
        state = "unrated" if rating is None else f"rating {rating:g}"
        return f"<Driver {self._name()} {title!r}: {state}>"
