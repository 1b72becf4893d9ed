# SPDX-License-Identifier: MIT
"""Plain result records of the five forces: scores, contributions, the
tornado and comparisons, and their copying out of the C results.

The records are copies, detached from the assessments that produced them,
so they stay valid whatever happens to those afterwards. Every number in
them was computed by the C library (docs/methodology.md, "Porter's five
forces")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Tuple, TypeVar

from . import _display, _enums, _result_tables
from . import core as _core
from ._errors import NotFoundError, check

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "DriverScore",
    "ForceScore",
    "ForcesScore",
    "DriverSwing",
    "DriverDelta",
    "ForceDelta",
    "ValueDelta",
    "ForcesComparison",
    "defined",
    "scored",
    "tornado",
    "compared",
    "comparison_of",
]

T = TypeVar("T")


def defined(status: int, value: T) -> Optional[T]:
    """`value`, or None when C reported it undefined (SMB_ENOTFOUND)."""
    if status == _core.SMB_ENOTFOUND:
        return None
    check(status)
    return value


def _force_lookup(records: Tuple[Any, ...], key: object) -> Any:
    for record in records:
        if record.force == key:
            return record
    raise NotFoundError(
        f"unknown force {key!r}; expected one of: {', '.join(_enums.force_keys())}")


# -- scores ------------------------------------------------------------------


@dataclass(frozen=True)
class DriverScore:
    """One driver's part in its force's score.

    Attributes:
        force: the force's key.
        key: the driver's key.
        title: the driver's title.
        position: the driver's position in its force.
        rating: the rating, or None when unrated.
        weight: the driver's weight in its force.
        contribution: weight × (rating − 1) / (4 × the force's rated
            weight): the points of intensity the driver accounts for (the
            contributions of a force sum to its intensity); 0 when unrated.
    """

    force: str
    key: str
    title: str
    position: int
    rating: Optional[float]
    weight: float
    contribution: float


@dataclass(frozen=True, repr=False)
class ForceScore:
    """One force's score, explained.

    Attributes:
        force: the force's key; title: its title.
        score: weighted mean rating, 1 to 5, or None when no driver of
            positive weight is rated.
        intensity: (score − 1) / 4, or None; band: ``"low"``,
            ``"moderate"``, ``"high"`` or None.
        weight: the force's weight in the pressure.
        pressure_share: weight × intensity / (sum of the weights of the
            scored forces); the five shares sum to the pressure.
        dominant: whether the force is among the strongest.
        contributions: the rated drivers, largest contribution first.
        unrated: the unrated drivers, in driver order.
    """

    force: str
    title: str
    score: Optional[float]
    intensity: Optional[float]
    band: Optional[str]
    weight: float
    pressure_share: float
    dominant: bool
    contributions: Tuple[DriverScore, ...]
    unrated: Tuple[DriverScore, ...]

    def __repr__(self) -> str:
        rated = len(self.contributions)
        total = rated + len(self.unrated)
        state = ("no score" if self.score is None
                 else f"score {_display.number(self.score)} ({self.band})")
        dominant = ", dominant" if self.dominant else ""
        return (f"<ForceScore {self.force!r}: {state}{dominant}, {rated} of {total} drivers "
                f"rated>")


@dataclass(frozen=True, repr=False)
class ForcesScore:
    """A whole assessment scored (:meth:`Forces.score`).

    ``result["rivalry"]`` is the :class:`ForceScore` of one force.

    Attributes:
        forces: the five forces' scores, in force order.
        pressure: competitive pressure, 0 to 1, or None when nothing that
            counts is rated; attractiveness: 1 − pressure, or None.
        dominant: the keys of the strongest forces (ties all listed).
    """

    forces: Tuple[ForceScore, ...]
    pressure: Optional[float]
    attractiveness: Optional[float]
    dominant: Tuple[str, ...]

    def __getitem__(self, key: str) -> ForceScore:
        """The score of the force with this key (NotFoundError, a KeyError,
        for an unknown key)."""
        return _force_lookup(self.forces, key)

    def __repr__(self) -> str:
        forces = ", ".join(f"{f.force} {_display.number(f.score)}" for f in self.forces)
        dominant = ", ".join(self.dominant) or "\u2013"
        return (f"<ForcesScore pressure {_display.number(self.pressure, 3)}, attractiveness "
                f"{_display.number(self.attractiveness, 3)}, dominant {dominant}: {forces}>")

    def _repr_html_(self) -> str:
        return _result_tables.forces_score_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per force: force, title, score, intensity, band, weight,
        pressure_share, dominant, rated, unrated. Needs pandas."""
        from ._frame import score_dataframe

        return score_dataframe(self)


def _driver_score(raw: Any) -> DriverScore:
    return DriverScore(
        force=_enums.force_key(raw.force),
        key=raw.key,
        title=raw.title,
        position=raw.index,
        rating=raw.rating if raw.rated else None,
        weight=raw.weight,
        contribution=raw.contribution,
    )


class _Result:
    """Reads a borrowed C scoring result into records."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def force(self, force: int) -> ForceScore:
        raw = self._raw
        s = _core.smb_forces_result_force(raw, force)
        return ForceScore(
            force=_enums.force_key(force),
            title=_core.smb_force_title(force),
            score=s.score if s.has_score else None,
            intensity=s.intensity if s.has_score else None,
            band=_enums.band_key(s.band),
            weight=s.weight,
            pressure_share=s.pressure_share,
            dominant=bool(s.dominant),
            contributions=tuple(
                _driver_score(_core.smb_forces_result_contribution_at(raw, force, i))
                for i in range(_core.smb_forces_result_contribution_count(raw, force))),
            unrated=tuple(
                _driver_score(_core.smb_forces_result_unrated_at(raw, force, i))
                for i in range(_core.smb_forces_result_unrated_count(raw, force))),
        )

    def pressure(self) -> Optional[float]:
        return defined(*_core.smb_forces_result_pressure(self._raw))

    def dominant(self) -> Tuple[str, ...]:
        raw = self._raw
        return tuple(_enums.force_key(_core.smb_forces_result_dominant_at(raw, i))
                     for i in range(_core.smb_forces_result_dominant_count(raw)))

    def whole(self) -> ForcesScore:
        return ForcesScore(
            forces=tuple(self.force(f) for f in range(len(_enums.force_keys()))),
            pressure=self.pressure(),
            attractiveness=defined(*_core.smb_forces_result_attractiveness(self._raw)),
            dominant=self.dominant(),
        )


def scored(ptr: Any, use: Callable[[_Result], T]) -> T:
    """Score the C assessment `ptr` and return what `use` reads from the
    result. The caller holds the assessment's lock."""
    status, raw = _core.smb_forces_score(ptr)
    check(status)
    try:
        return use(_Result(raw))
    finally:
        _core.smb_forces_result_free(raw)


# -- sensitivity -------------------------------------------------------------


@dataclass(frozen=True)
class DriverSwing:
    """One bar of the tornado (:meth:`Forces.sensitivity`).

    Attributes:
        force, key, title, position: the rated driver.
        rating: its current rating.
        at_min: the attractiveness with the driver rated 1, all else kept.
        at_max: the attractiveness with the driver rated 5.
        swing: ``abs(at_max - at_min)``.
    """

    force: str
    key: str
    title: str
    position: int
    rating: float
    at_min: float
    at_max: float
    swing: float


def tornado(ptr: Any) -> Tuple[DriverSwing, ...]:
    """The tornado of the C assessment `ptr`, largest swing first; empty
    when the attractiveness is undefined. The caller holds the lock."""
    status, raw = _core.smb_forces_sensitivity(ptr)
    if defined(status, raw) is None:
        return ()
    try:
        bars = []
        for i in range(_core.smb_forces_tornado_count(raw)):
            bar = _core.smb_forces_tornado_at(raw, i)
            bars.append(DriverSwing(
                force=_enums.force_key(bar.force), key=bar.key, title=bar.title,
                position=bar.index, rating=bar.rating, at_min=bar.at_min,
                at_max=bar.at_max, swing=bar.swing))
        return tuple(bars)
    finally:
        _core.smb_forces_tornado_free(raw)


# -- comparison --------------------------------------------------------------


@dataclass(frozen=True)
class DriverDelta:
    """One driver in a comparison (:meth:`Forces.compare`).

    Attributes:
        force, key: the driver; title: its title (in the second
            assessment when it is there).
        in_before, in_after: whether each assessment has the driver.
        rating_before, rating_after: the ratings, None when unrated or absent.
        delta: rating_after − rating_before when rated in both, else None.
        weight_before, weight_after: the weights, None when absent.
        fields: when in both, the names of the fields that differ
            (``"rating"``, ``"weight"``, ``"confidence"``, ``"rationale"``,
            ``"text"``).
    """

    force: str
    key: str
    title: str
    in_before: bool
    in_after: bool
    rating_before: Optional[float]
    rating_after: Optional[float]
    delta: Optional[float]
    weight_before: Optional[float]
    weight_after: Optional[float]
    fields: Tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """``"added"``, ``"removed"``, ``"changed"`` or ``"unchanged"``."""
        if not self.in_before:
            return "added"
        if not self.in_after:
            return "removed"
        return "changed" if self.fields else "unchanged"

    @property
    def changed(self) -> bool:
        """Whether the driver differs (in one assessment only, or any field)."""
        return self.status != "unchanged"


@dataclass(frozen=True)
class ForceDelta:
    """One force in a comparison.

    Attributes:
        force: the force's key.
        score_before, score_after: the scores, None without one.
        score_delta, intensity_delta: after − before when both have a
            score, else None.
        band_before, band_after: the bands, None without a score.
        weight_before, weight_after: the force's weights.
    """

    force: str
    score_before: Optional[float]
    score_after: Optional[float]
    score_delta: Optional[float]
    intensity_delta: Optional[float]
    band_before: Optional[str]
    band_after: Optional[str]
    weight_before: float
    weight_after: float


@dataclass(frozen=True)
class ValueDelta:
    """A number before and after, and the change.

    Attributes:
        before, after: the values, each None when undefined.
        delta: after − before, None whenever either side is.
    """

    before: Optional[float]
    after: Optional[float]
    delta: Optional[float]


@dataclass(frozen=True, repr=False)
class ForcesComparison:
    """Two assessments compared, drivers matched by force and key.

    ``comparison["rivalry"]`` is the :class:`ForceDelta` of one force.

    Attributes:
        drivers: every driver of either assessment, force by force: those
            of the first in its order, then those only in the second.
        forces: the five forces, in force order.
        pressure, attractiveness: overall values and changes.
    """

    drivers: Tuple[DriverDelta, ...]
    forces: Tuple[ForceDelta, ...]
    pressure: ValueDelta
    attractiveness: ValueDelta

    @property
    def changed(self) -> Tuple[DriverDelta, ...]:
        """The drivers that differ."""
        return tuple(delta for delta in self.drivers if delta.changed)

    def __getitem__(self, key: str) -> ForceDelta:
        """The change of the force with this key (NotFoundError, a
        KeyError, for an unknown key)."""
        return _force_lookup(self.forces, key)

    def __repr__(self) -> str:
        count = len(self.changed)
        appeal = self.attractiveness
        return (f"<ForcesComparison: {count} {_display.plural(count, 'driver')} changed, "
                f"attractiveness {_display.number(appeal.before, 3)} \u2192 "
                f"{_display.number(appeal.after, 3)}>")

    def _repr_html_(self) -> str:
        return _result_tables.comparison_html(self)

    def to_dataframe(self, level: str = "drivers") -> "pandas.DataFrame":
        """The driver deltas as rows (``level="drivers"``: force, driver,
        title, status, rating_before, rating_after, delta, weight_before,
        weight_after, fields) or the force deltas (``level="forces"``:
        force, score_before, score_after, score_delta, intensity_delta,
        band_before, band_after, weight_before, weight_after). Needs pandas."""
        from ._frame import comparison_dataframe

        return comparison_dataframe(self, level)


def _only_if(flag: int, value: float) -> Optional[float]:
    return value if flag else None


def _driver_delta(raw: Any) -> DriverDelta:
    return DriverDelta(
        force=_enums.force_key(raw.force),
        key=raw.key,
        title=raw.title,
        in_before=bool(raw.in_before),
        in_after=bool(raw.in_after),
        rating_before=_only_if(raw.rated_before, raw.rating_before),
        rating_after=_only_if(raw.rated_after, raw.rating_after),
        delta=_only_if(raw.rated_before and raw.rated_after, raw.delta),
        weight_before=_only_if(raw.in_before, raw.weight_before),
        weight_after=_only_if(raw.in_after, raw.weight_after),
        fields=_enums.driver_field_names(raw.fields),
    )


def _force_delta(raw: Any) -> ForceDelta:
    both = raw.has_before and raw.has_after
    return ForceDelta(
        force=_enums.force_key(raw.force),
        score_before=_only_if(raw.has_before, raw.score_before),
        score_after=_only_if(raw.has_after, raw.score_after),
        score_delta=_only_if(both, raw.score_delta),
        intensity_delta=_only_if(both, raw.intensity_delta),
        band_before=_enums.band_key(raw.band_before),
        band_after=_enums.band_key(raw.band_after),
        weight_before=raw.weight_before,
        weight_after=raw.weight_after,
    )


def _value_delta(both: List[Any], before: Optional[float],
                 after: Optional[float]) -> ValueDelta:
    status, *values = both
    if defined(status, values) is not None:
        return ValueDelta(*values)
    return ValueDelta(before, after, None)


def compared(before: Any, after: Any) -> ForcesComparison:
    """Compare the C assessments `before` and `after`. The caller holds
    both locks."""
    status, raw = _core.smb_forces_compare(before, after)
    check(status)
    try:
        return comparison_of(raw, before, after)
    finally:
        _core.smb_forces_comparison_free(raw)


def comparison_of(raw: Any, before: Any, after: Any) -> ForcesComparison:
    """Read the borrowed C comparison `raw` of the assessments `before` and
    `after` (a stress test holds one too). The caller holds the locks.

    When the pressure is undefined on one side, C reports no value for
    either; the side that has one is then read from its own assessment."""
    pressures = [defined(*_core.smb_forces_pressure(p)) for p in (before, after)]
    appeals = [defined(*_core.smb_forces_attractiveness(p)) for p in (before, after)]
    return ForcesComparison(
        drivers=tuple(
            _driver_delta(_core.smb_forces_comparison_driver_at(raw, i))
            for i in range(_core.smb_forces_comparison_driver_count(raw))),
        forces=tuple(_force_delta(_core.smb_forces_comparison_force(raw, f))
                     for f in range(len(_enums.force_keys()))),
        pressure=_value_delta(_core.smb_forces_comparison_pressure(raw), *pressures),
        attractiveness=_value_delta(_core.smb_forces_comparison_attractiveness(raw),
                                    *appeals),
    )
