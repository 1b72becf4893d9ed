# SPDX-License-Identifier: MIT
"""The result of a Monte Carlo simulation, copied out of the C result.

Every statistic is the C library's (docs/methodology.md, "Monte Carlo
simulation"); nothing here computes one. The per-trial totals are the
exception to copying: :attr:`SimulationResult.totals` is a read-only numpy
array over the C result's own memory, which it keeps alive. The result also
keeps the C result itself, for the calls that read it whole (the report)."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Dict, Mapping, Optional, Tuple

from . import _display, _enums
from . import core as _core
from ._errors import InvalidArgumentError, NotFoundError
from ._handles import OwnedHandle

if TYPE_CHECKING:  # pragma: no cover
    import numpy
    import numpy.typing
    import pandas

    #: Every trial's total, as the C result holds them.
    Totals = numpy.typing.NDArray[numpy.float64]

__all__ = [
    "SideStats",
    "SimulatedScenario",
    "InputSensitivity",
    "InputSwing",
    "SimulationResult",
    "result_of",
]

SCENARIO_COLUMNS = ("id", "index", "direction", "occurrences", "occurrence_rate",
                    "es_contribution")


@dataclass(frozen=True, repr=False)
class SideStats:
    """The statistics of one side's totals over the trials.

    Attributes:
        side: ``"loss"`` (the threats that occurred) or ``"upside"`` (the
            opportunities, reported apart).
        mean, std (n − 1), sem (std / √n), min, max: of the totals.
        var: value-at-risk, the percentile at 100·level.
        es: expected shortfall, the mean of the ⌈(1 − level)·n⌉ largest.
        exceed_prob: the share of trials whose loss exceeds the threshold;
            None without a threshold, and for the upside.
        percentiles: ``{level: value}``, in the order configured.
    """

    side: str
    mean: float
    std: float
    sem: float
    min: float
    max: float
    var: float
    es: float
    exceed_prob: Optional[float]
    percentiles: Mapping[float, float]

    def __reduce__(self) -> Tuple[Any, ...]:
        # A read-only mapping cannot be pickled as such: send a dict.
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["percentiles"] = dict(self.percentiles)
        return (_rebuild_side, (values,))

    def __repr__(self) -> str:
        shown = [f"{name} {_display.number(getattr(self, name), 4)}"
                 for name in ("mean", "std", "min", "max", "var", "es")]
        if self.exceed_prob is not None:
            shown.append(f"exceed_prob {_display.number(self.exceed_prob, 4)}")
        return f"<SideStats {self.side}: {', '.join(shown)}>"


def _rebuild_side(values: Dict[str, Any]) -> SideStats:
    values["percentiles"] = MappingProxyType(values["percentiles"])
    return SideStats(**values)


@dataclass(frozen=True)
class SimulatedScenario:
    """One scenario over the trials.

    Attributes:
        id, index: the scenario and its position in the set.
        direction: ``"threat"`` (loss side) or ``"opportunity"`` (upside).
        occurrences: the trials in which it occurred; occurrence_rate:
            occurrences / trials.
        es_contribution: its mean contribution over the expected-shortfall
            tail of its side; a side's contributions add up to its es.
    """

    id: str
    index: int
    direction: str
    occurrences: int
    occurrence_rate: float
    es_contribution: float


@dataclass(frozen=True)
class InputSensitivity:
    """Spearman's rank correlation of one sampled input with the loss.

    Attributes:
        id, index: the scenario; kind: ``"likelihood"``, ``"impact"`` or
            ``"money"``; spearman: −1 to 1.
    """

    id: str
    index: int
    kind: str
    spearman: float


@dataclass(frozen=True)
class InputSwing:
    """One tornado bar: the deterministic expected loss with one input
    swung across its range, every other at its mean.

    Attributes:
        id, index, kind: the input, as for :class:`InputSensitivity`.
        low_input, high_input: the input's range (a lognormal's 5th and 95th
            percentiles).
        low, high: the expected loss at either end; swing: \\|high − low\\|.
    """

    id: str
    index: int
    kind: str
    low_input: float
    high_input: float
    low: float
    high: float
    swing: float


class _TotalsMemory:
    """What a totals array is a view of: the C result's memory, described
    by numpy's array interface (read-only), and the handle that keeps the
    C result alive for as long as an array over it exists."""

    __slots__ = ("_owner", "_interface")

    def __init__(self, owner: OwnedHandle, address: int, count: int, typestr: str) -> None:
        self._owner = owner
        self._interface = {"version": 3, "shape": (count,), "typestr": typestr,
                           "data": (address, True)}

    @property
    def __array_interface__(self) -> Dict[str, Any]:
        return self._interface


def _totals(owner: OwnedHandle, side: int) -> "Optional[Totals]":
    import numpy

    where = _core.smbpy_sim_totals(owner.pointer(), side)
    if where is None:
        return None
    address, count = where
    array = numpy.asarray(_TotalsMemory(owner, address, count, numpy.dtype(numpy.float64).str))
    assert not array.flags.writeable
    return array


def _nan_to_none(value: float) -> Optional[float]:
    return None if math.isnan(value) else value


@dataclass(frozen=True, eq=False, repr=False)
class SimulationResult:
    """The statistics of a simulation (:meth:`Document.simulate`,
    :meth:`SimulationModel.finish`).

    Attributes:
        trials, first: how many trials, from which index.
        seed, measure (``"severity"`` or ``"money"``), level: the settings.
        threshold: the loss threshold asked about, or None.
        exact: whether percentiles, VaR and ES are exact (totals kept)
            rather than from the quantile sketch; accuracy: the sketch's
            relative accuracy when not exact, else 0.
        expected: the deterministic expected loss the tornado swings
            around (the threats' exposures in the measure, summed).
        loss, upside: :class:`SideStats` of each side.
        totals, upside_totals: every trial's total in trial order, as a
            read-only numpy float64 array over the C result's memory (no
            copy); None when totals were not kept.
        scenarios: each scenario's :class:`SimulatedScenario`, in set order.
        sensitivity_trials: the trials the sensitivity used (0: none).
        sensitivity: :class:`InputSensitivity` by \\|ρ\\|, largest first.
        tornado: :class:`InputSwing` by swing, largest first.

    ``mean``, ``std``, ``sem``, ``min``, ``max``, ``var``, ``es``,
    ``exceed_prob`` and ``percentiles`` are the loss side's.
    ``result["online-giant"]`` is one scenario's record.

    A result made by :meth:`Document.simulate` or
    :meth:`SimulationModel.finish` also holds the C result it was copied
    from, which :meth:`Document.report` reads; one rebuilt from a pickle
    holds the figures only.
    """

    trials: int
    first: int
    seed: int
    measure: str
    level: float
    threshold: Optional[float]
    exact: bool
    accuracy: float
    expected: float
    loss: SideStats
    upside: SideStats
    scenarios: Tuple[SimulatedScenario, ...]
    sensitivity_trials: int
    sensitivity: Tuple[InputSensitivity, ...]
    tornado: Tuple[InputSwing, ...]
    totals: "Optional[Totals]"
    upside_totals: "Optional[Totals]"

    # The C result behind the figures (not a field: it is neither compared
    # nor pickled); None on the class, set on each result by result_of().
    _owner: ClassVar[Optional[OwnedHandle]] = None

    def _c_result(self) -> OwnedHandle:
        """The handle of the C result, for a call that reads it whole;
        InvalidArgumentError for a result that has none."""
        if self._owner is None:
            raise InvalidArgumentError(
                "simulation: this SimulationResult holds the figures only (it was rebuilt "
                "from a pickle or made by hand); use one returned by Document.simulate() "
                "or SimulationModel.finish() in this process")
        return self._owner

    # -- the loss side's figures ---------------------------------------------

    @property
    def mean(self) -> float:
        """The loss's mean (``loss.mean``)."""
        return self.loss.mean

    @property
    def std(self) -> float:
        """The loss's sample standard deviation (``loss.std``)."""
        return self.loss.std

    @property
    def sem(self) -> float:
        """The standard error of the loss's mean (``loss.sem``)."""
        return self.loss.sem

    @property
    def min(self) -> float:
        """The smallest loss (``loss.min``)."""
        return self.loss.min

    @property
    def max(self) -> float:
        """The largest loss (``loss.max``)."""
        return self.loss.max

    @property
    def var(self) -> float:
        """The loss's value-at-risk at :attr:`level` (``loss.var``)."""
        return self.loss.var

    @property
    def es(self) -> float:
        """The loss's expected shortfall at :attr:`level` (``loss.es``)."""
        return self.loss.es

    @property
    def exceed_prob(self) -> Optional[float]:
        """P(loss > :attr:`threshold`), None without one (``loss.exceed_prob``)."""
        return self.loss.exceed_prob

    @property
    def percentiles(self) -> Mapping[float, float]:
        """The loss's percentiles, ``{level: value}`` (``loss.percentiles``)."""
        return self.loss.percentiles

    def __getitem__(self, id: str) -> SimulatedScenario:
        for record in self.scenarios:
            if record.id == id:
                return record
        raise NotFoundError(f"no scenario {id!r} in this result")

    # -- comparison, copying ---------------------------------------------------

    def __eq__(self, other: object) -> bool:
        """Every statistic equal, and the totals equal element by element."""
        if not isinstance(other, SimulationResult):
            return NotImplemented
        import numpy

        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name in ("totals", "upside_totals"):
                if (mine is None) != (theirs is None):
                    return False
                if mine is not None and not numpy.array_equal(mine, theirs):
                    return False
            elif mine != theirs:
                return False
        return True

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle with the totals copied into the pickle: the copy that
        arrives owns its arrays."""
        return (_rebuild, ({f.name: getattr(self, f.name) for f in fields(self)},))

    # -- presentation ----------------------------------------------------------

    def __repr__(self) -> str:
        how = "exact" if self.exact else f"sketch ±{self.accuracy:g}"
        level = f"{100 * self.level:g}%"
        return (f"<SimulationResult {self.measure}, {self.trials} trials ({how}): loss mean "
                f"{_display.number(self.mean, 4)} \u00b1 {_display.number(self.sem, 4)}, "
                f"VaR {level} {_display.number(self.var, 4)}, ES {level} "
                f"{_display.number(self.es, 4)}>")

    def _repr_html_(self) -> str:
        level = f"{100 * self.level:g}%"
        rows = [("mean", "mean"), ("std", "standard deviation"), ("sem", "standard error"),
                ("min", "minimum"), ("max", "maximum"), ("var", f"value-at-risk {level}"),
                ("es", f"expected shortfall {level}")]
        table = [(html.escape(title), _display.number(getattr(self.loss, name), 4),
                  _display.number(getattr(self.upside, name), 4)) for name, title in rows]
        for p, value in self.loss.percentiles.items():
            table.append((f"percentile {p:g}", _display.number(value, 4),
                          _display.number(self.upside.percentiles[p], 4)))
        if self.threshold is not None:
            table.append((html.escape(f"P(loss > {self.threshold:g})"),
                          _display.number(self.loss.exceed_prob, 4), ""))
        how = "exact" if self.exact else f"quantile sketch, relative accuracy {self.accuracy:g}"
        caption = f"{self.trials} trials, {self.measure}, seed {self.seed} ({how})"
        stats = _display._table(caption, ("", "Loss", "Upside"), table, "simulation")
        top = sorted((s for s in self.scenarios if s.direction == "threat"),
                     key=lambda s: -s.es_contribution)[:10]
        scenario_rows = [(html.escape(s.id), _display.number(s.occurrence_rate, 4),
                          _display.number(s.es_contribution, 4)) for s in top]
        contributions = _display._table(f"Largest contributions to the ES {level}",
                                        ("Threat", "Occurrence rate", "ES contribution"),
                                        scenario_rows, "simulation-scenarios")
        return stats + contributions

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per scenario, in set order: id, index, direction,
        occurrences, occurrence_rate, es_contribution. Needs pandas."""
        from ._frame import _frame, _pandas

        _pandas()
        return _frame(({name: getattr(s, name) for name in SCENARIO_COLUMNS}
                       for s in self.scenarios), SCENARIO_COLUMNS,
                      {"index": "int64", "occurrences": "int64", "occurrence_rate": "float64",
                       "es_contribution": "float64"})


def _rebuild(values: Dict[str, Any]) -> SimulationResult:
    return SimulationResult(**values)


def _side(ptr: Any, side: int, percentile_levels: Tuple[float, ...]) -> SideStats:
    s = _core.smb_sim_result_stats(ptr, side)
    return SideStats(
        side=_enums.sim_side_key(side), mean=s.mean, std=s.std, sem=s.sem, min=s.min,
        max=s.max, var=s.var, es=s.es, exceed_prob=_nan_to_none(s.exceed_prob),
        percentiles=MappingProxyType({
            level: _core.smb_sim_result_percentile(ptr, side, i)
            for i, level in enumerate(percentile_levels)}))


def result_of(ptr: Any) -> SimulationResult:
    """A SimulationResult owning the C result `ptr` (freed when neither
    the result nor an array of its totals is left)."""
    owner = OwnedHandle(ptr, _core.smb_sim_result_free, "sim_result")
    levels = tuple(_core.smb_sim_result_percentile_level(ptr, i)
                   for i in range(_core.smb_sim_result_percentile_count(ptr)))
    scenarios = []
    for i in range(_core.smb_sim_result_scenario_count(ptr)):
        s = _core.smb_sim_result_scenario_at(ptr, i)
        scenarios.append(SimulatedScenario(
            id=s.id, index=s.index, direction=_enums.direction_key(s.direction),
            occurrences=s.occurrences, occurrence_rate=s.occurrence_rate,
            es_contribution=s.es_contribution))
    sensitivity = []
    for i in range(_core.smb_sim_result_sensitivity_count(ptr)):
        s = _core.smb_sim_result_sensitivity_at(ptr, i)
        sensitivity.append(InputSensitivity(id=s.id, index=s.index,
                                            kind=_enums.sim_input_kind_key(s.kind),
                                            spearman=s.spearman))
    tornado = []
    for i in range(_core.smb_sim_result_swing_count(ptr)):
        s = _core.smb_sim_result_swing_at(ptr, i)
        tornado.append(InputSwing(id=s.id, index=s.index, kind=_enums.sim_input_kind_key(s.kind),
                                  low_input=s.low_input, high_input=s.high_input, low=s.low,
                                  high=s.high, swing=s.swing))
    result = SimulationResult(
        trials=_core.smb_sim_result_trials(ptr),
        first=_core.smb_sim_result_first(ptr),
        seed=_core.smb_sim_result_seed(ptr),
        measure=_enums.sim_measure_key(_core.smb_sim_result_measure(ptr)),
        level=_core.smb_sim_result_level(ptr),
        threshold=_nan_to_none(_core.smb_sim_result_threshold(ptr)),
        exact=bool(_core.smb_sim_result_exact(ptr)),
        accuracy=_core.smb_sim_result_accuracy(ptr),
        expected=_core.smb_sim_result_expected(ptr),
        loss=_side(ptr, _core.SMB_SIM_LOSS, levels),
        upside=_side(ptr, _core.SMB_SIM_UPSIDE, levels),
        scenarios=tuple(scenarios),
        sensitivity_trials=_core.smb_sim_result_sensitivity_trials(ptr),
        sensitivity=tuple(sensitivity),
        tornado=tuple(tornado),
        totals=_totals(owner, _core.SMB_SIM_LOSS),
        upside_totals=_totals(owner, _core.SMB_SIM_UPSIDE),
    )
    object.__setattr__(result, "_owner", owner)  # frozen: set once, here
    return result
