# SPDX-License-Identifier: MIT
"""Plain result records of scenarios: scores and totals, stress tests,
heat on the canvas and what-ifs, and their copying out of the C results.

The records are copies, detached from the scenarios that produced them, so
they stay valid whatever happens to those afterwards. Every number in them
was computed by the C library (docs/methodology.md, "Disruption
scenarios")."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Tuple

from . import _display, _enums, _result_tables
from . import core as _core
from ._errors import NotFoundError, check
from .forces_results import ForcesComparison, comparison_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .forces import Forces

__all__ = [
    "ScenarioScore",
    "ScenarioTotals",
    "ScenarioScores",
    "ShiftOutcome",
    "StressTest",
    "BlockHeat",
    "CanvasHeat",
    "WhatIf",
    "scores_of",
    "stress_of",
    "heat_of",
]


# -- scores ------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class ScenarioScore:
    """One scenario scored (:meth:`Scenarios.score`).

    Attributes:
        id, title: the scenario; index: its position in the set.
        source, direction: its keys.
        likelihood: mean likelihood p; impact: mean impact (1 to 5).
        horizon_months: its horizon.
        mitigated_by: the keys of the capabilities that mitigate it.
        resilience: R, the mean maturity of those capabilities / 5.
        factor: threat: vulnerability 1 − m·R; opportunity: readiness
            1 − m·(1 − R).
        exposure: likelihood × impact × factor.
        urgency: 0.5^(horizon / half-life); urgency_weighted: exposure × urgency.
        money: mean money impact, or None without one; money_exposure:
            likelihood × money × factor (0 without money).
        likelihood_level, impact_level: the risk-matrix cell, each 1 to 5.
        rating: likelihood_level × impact_level (1 to 25); band: ``"low"``,
            ``"medium"``, ``"high"`` or ``"critical"``.
        rank: 1-based rank among the scenarios of its direction.
    """

    id: str
    title: str
    index: int
    source: str
    direction: str
    likelihood: float
    impact: float
    horizon_months: float
    mitigated_by: Tuple[str, ...]
    resilience: float
    factor: float
    exposure: float
    urgency: float
    urgency_weighted: float
    money: Optional[float]
    money_exposure: float
    likelihood_level: int
    impact_level: int
    rating: int
    band: str
    rank: int

    @property
    def cell(self) -> Tuple[int, int]:
        """The risk-matrix cell, (likelihood level, impact level)."""
        return (self.likelihood_level, self.impact_level)

    def __repr__(self) -> str:
        return (f"<ScenarioScore {self.id!r} {self.direction} #{self.rank}: exposure "
                f"{_display.number(self.exposure, 3)}, urgency-weighted "
                f"{_display.number(self.urgency_weighted, 3)}, cell "
                f"L{self.likelihood_level}\u00d7I{self.impact_level} ({self.band})>")


@dataclass(frozen=True, repr=False)
class ScenarioTotals:
    """Totals over the scenarios of one direction (never threats and
    opportunities added together).

    Attributes:
        direction: ``"threat"`` or ``"opportunity"``; count: how many.
        exposure, urgency_weighted, money_exposure: the sums.
        bands: how many fall in each band, ``{"low": 2, "medium": 1, ...}``.
    """

    direction: str
    count: int
    exposure: float
    urgency_weighted: float
    money_exposure: float
    bands: Mapping[str, int]

    def __repr__(self) -> str:
        bands = ", ".join(f"{band} {count}" for band, count in self.bands.items())
        return (f"<ScenarioTotals {self.direction}: {self.count}, exposure "
                f"{_display.number(self.exposure, 3)}, urgency-weighted "
                f"{_display.number(self.urgency_weighted, 3)}, money exposure "
                f"{self.money_exposure:g}; {bands}>")


@dataclass(frozen=True, repr=False)
class ScenarioScores:
    """Every scenario of a set scored against a resilience profile.

    ``scores["online-giant"]`` is one :class:`ScenarioScore`; iterating
    walks them in set order.

    Attributes:
        scores: every scenario, in set order.
        threats, opportunities: each direction's scenarios, ranked (by
            exposure, then urgency-weighted exposure, then set order).
        totals: ``{"threat": ScenarioTotals, "opportunity": ScenarioTotals}``.
        mitigation: the mitigation strength m used; half_life: the
            urgency half-life in months.
    """

    scores: Tuple[ScenarioScore, ...]
    threats: Tuple[ScenarioScore, ...]
    opportunities: Tuple[ScenarioScore, ...]
    totals: Mapping[str, ScenarioTotals]
    mitigation: float
    half_life: float

    def __getitem__(self, id: str) -> ScenarioScore:
        for score in self.scores:
            if score.id == id:
                return score
        raise NotFoundError(f"no scenario {id!r} among the scores")

    def __iter__(self) -> Iterator[ScenarioScore]:
        return iter(self.scores)

    def __len__(self) -> int:
        return len(self.scores)

    def __repr__(self) -> str:
        parts = []
        for direction, many, ranked in (("threat", "threats", self.threats),
                                        ("opportunity", "opportunities", self.opportunities)):
            total = self.totals[direction]
            noun = direction if total.count == 1 else many
            parts.append(f"{total.count} {noun} (exposure {_display.number(total.exposure, 3)})")
        return (f"<ScenarioScores: {', '.join(parts)}; mitigation "
                f"{_display.number(self.mitigation, 3)}, half-life "
                f"{_display.number(self.half_life)} months>")

    def _repr_html_(self) -> str:
        return _result_tables.scores_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per scenario, in set order: id, title, direction,
        source, likelihood, impact, horizon_months, resilience, factor,
        exposure, urgency, urgency_weighted, money (NaN without one),
        money_exposure, likelihood_level, impact_level, rating, band, rank.
        Needs pandas."""
        from ._frame import scenario_scores_dataframe

        return scenario_scores_dataframe(self)


def _score(raw: Any) -> ScenarioScore:
    return ScenarioScore(
        id=raw.id,
        title=raw.title,
        index=raw.index,
        source=_enums.source_key(raw.source),
        direction=_enums.direction_key(raw.direction),
        likelihood=raw.likelihood,
        impact=raw.impact,
        horizon_months=raw.horizon,
        mitigated_by=_enums.capabilities_of(raw.mitigators),
        resilience=raw.resilience,
        factor=raw.factor,
        exposure=raw.exposure,
        urgency=raw.urgency,
        urgency_weighted=raw.urgency_weighted,
        money=raw.money if raw.has_money else None,
        money_exposure=raw.money_exposure,
        likelihood_level=raw.likelihood_level,
        impact_level=raw.impact_level,
        rating=raw.rating,
        band=_enums.risk_band_keys()[raw.band],
        rank=raw.rank,
    )


def _totals(raw: Any) -> ScenarioTotals:
    return ScenarioTotals(
        direction=_enums.direction_key(raw.direction),
        count=raw.count,
        exposure=raw.exposure,
        urgency_weighted=raw.urgency_weighted,
        money_exposure=raw.money_exposure,
        bands=MappingProxyType(dict(zip(_enums.risk_band_keys(), raw.band_count))),
    )


def scores_of(set_ptr: Any, resilience_ptr: Any) -> ScenarioScores:
    """Score the C set against the C profile (None: no profile). The caller
    holds both owners' locks."""
    status, raw = _core.smb_scenarios_score(set_ptr, resilience_ptr)
    check(status)
    try:
        scores = tuple(_score(_core.smb_scenario_scores_at(raw, i))
                       for i in range(_core.smb_scenario_scores_count(raw)))

        def ranked(direction: int) -> Tuple[ScenarioScore, ...]:
            count = _core.smb_scenario_scores_ranked_count(raw, direction)
            return tuple(scores[_core.smb_scenario_scores_ranked_at(raw, direction, i).index]
                         for i in range(count))

        return ScenarioScores(
            scores=scores,
            threats=ranked(_core.SMB_DIRECTION_THREAT),
            opportunities=ranked(_core.SMB_DIRECTION_OPPORTUNITY),
            totals=MappingProxyType({
                _enums.direction_key(d): _totals(_core.smb_scenario_scores_totals(raw, d))
                for d in range(len(_enums.direction_keys()))}),
            mitigation=_core.smb_scenario_scores_mitigation(raw),
            half_life=_core.smb_scenario_scores_half_life(raw),
        )
    finally:
        _core.smb_scenario_scores_free(raw)


# -- stress tests ------------------------------------------------------------


@dataclass(frozen=True)
class ShiftOutcome:
    """What a stress test did to one shifted driver.

    Attributes:
        force, driver: the driver; delta: the shift the scenario asks for.
        applied: False when the driver is unrated (it stays unrated).
        rating_before, rating_after: the ratings, None when unrated;
            rating_after is rating_before + delta clamped to 1..5.
        clamped: whether the clamp cut the shift short.
    """

    force: str
    driver: str
    delta: float
    applied: bool
    rating_before: Optional[float]
    rating_after: Optional[float]
    clamped: bool


@dataclass(frozen=True, repr=False)
class StressTest:
    """A scenario's driver shifts applied to a copy of the five forces
    (:meth:`Scenarios.stress`).

    Attributes:
        scenario: the scenario's id.
        shifts: each shift's outcome, in the scenario's order.
        unapplied: how many shifts found their driver unrated.
        comparison: the assessment before and after: force scores, bands,
            pressure and attractiveness, and their changes.
        forces: the shifted assessment, an independent :class:`Forces`.
    """

    scenario: str
    shifts: Tuple[ShiftOutcome, ...]
    unapplied: int
    comparison: ForcesComparison
    forces: "Forces"

    def __repr__(self) -> str:
        appeal = self.comparison.attractiveness
        change = (f", attractiveness {_display.number(appeal.before, 3)} \u2192 "
                  f"{_display.number(appeal.after, 3)}")
        unapplied = f" ({self.unapplied} unapplied)" if self.unapplied else ""
        count = len(self.shifts)
        return (f"<StressTest {self.scenario!r}: {count} {_display.plural(count, 'shift')}"
                f"{unapplied}{change}>")

    def _repr_html_(self) -> str:
        return _result_tables.stress_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per shift, in the scenario's order: force, driver,
        delta, applied, rating_before, rating_after (NaN when unrated),
        clamped. Needs pandas."""
        from ._frame import stress_dataframe

        return stress_dataframe(self)


def _outcome(raw: Any) -> ShiftOutcome:
    applied = bool(raw.applied)
    return ShiftOutcome(
        force=_enums.force_key(raw.force),
        driver=raw.driver,
        delta=raw.delta,
        applied=applied,
        rating_before=raw.rating_before if applied else None,
        rating_after=raw.rating_after if applied else None,
        clamped=bool(raw.clamped),
    )


def stress_of(set_ptr: Any, id: str, forces_ptr: Any) -> StressTest:
    """Stress-test scenario `id` of the C set against the C assessment.
    The caller holds both owners' locks."""
    from .forces import Forces, _owned

    status, raw = _core.smb_scenarios_stress(set_ptr, id, forces_ptr)
    check(status)
    try:
        after = _core.smb_stress_forces(raw)
        status, shifted = _core.smb_forces_copy(after)
        check(status)
        shifted_forces = Forces._from_handle(_owned(shifted))
        return StressTest(
            scenario=_core.smb_stress_scenario(raw),
            shifts=tuple(_outcome(_core.smb_stress_shift_at(raw, i))
                         for i in range(_core.smb_stress_shift_count(raw))),
            unapplied=_core.smb_stress_unapplied_count(raw),
            comparison=comparison_of(_core.smb_stress_comparison(raw), forces_ptr, after),
            forces=shifted_forces,
        )
    finally:
        _core.smb_stress_free(raw)


# -- heat --------------------------------------------------------------------


@dataclass(frozen=True)
class BlockHeat:
    """How much of the threats' exposure lands on one canvas block.

    Attributes:
        block: the block's key.
        heat: Σ exposure × block weight over the threats hitting it.
        urgency_weighted: the same with urgency-weighted exposures.
        share: heat / the heat of all blocks (0 when there is none).
        scenarios: how many threats hit it.
        items: the block's items in the canvas given, or None without one.
    """

    block: str
    heat: float
    urgency_weighted: float
    share: float
    scenarios: int
    items: Optional[int]


@dataclass(frozen=True, repr=False)
class CanvasHeat:
    """The heat of the nine blocks (:meth:`Scenarios.heat`);
    ``heat["channels"]`` is one block's.

    Attributes:
        blocks: the nine blocks, hottest first (ties in block order).
        total: the heat of all blocks together.
    """

    blocks: Tuple[BlockHeat, ...]
    total: float

    def __repr__(self) -> str:
        hottest = ", ".join(f"{b.block} {b.share:.0%}" for b in self.blocks[:3] if b.heat > 0)
        return (f"<CanvasHeat total {_display.number(self.total, 3)}"
                + (f": {hottest}>" if hottest else ">"))

    def __getitem__(self, block: str) -> BlockHeat:
        for entry in self.blocks:
            if entry.block == block:
                return entry
        raise NotFoundError(
            f"unknown block {block!r}; expected one of: {', '.join(_enums.block_keys())}")

    def _repr_html_(self) -> str:
        return _result_tables.heat_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per block, hottest first: block, heat, urgency_weighted,
        share, scenarios, items. Needs pandas."""
        from ._frame import heat_dataframe

        return heat_dataframe(self)


def heat_of(set_ptr: Any, resilience_ptr: Any, canvas_ptr: Any) -> CanvasHeat:
    """The heat map of the C set (None for a missing profile or canvas).
    The caller holds every owner's lock."""
    status, raw = _core.smb_scenarios_canvas_heat(set_ptr, resilience_ptr, canvas_ptr)
    check(status)
    try:
        blocks = []
        for i in range(len(_enums.block_keys())):
            entry = _core.smb_canvas_heat_at(raw, i)
            blocks.append(BlockHeat(
                block=_enums.block_keys()[entry.block],
                heat=entry.heat,
                urgency_weighted=entry.urgency_weighted,
                share=entry.share,
                scenarios=entry.scenarios,
                items=None if canvas_ptr is None else entry.items,
            ))
        return CanvasHeat(blocks=tuple(blocks), total=_core.smb_canvas_heat_total(raw))
    finally:
        _core.smb_canvas_heat_free(raw)


# -- what-if -----------------------------------------------------------------


@dataclass(frozen=True)
class WhatIf:
    """One scenario's exposures under changed inputs (:meth:`Scenarios.what_if`).

    Attributes:
        exposure: likelihood × impact × factor, as :class:`ScenarioScore`'s.
        urgency_weighted: exposure × urgency.
        money_exposure: likelihood × money × factor (0 without money).
    """

    exposure: float
    urgency_weighted: float
    money_exposure: float
