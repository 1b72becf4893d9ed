# SPDX-License-Identifier: MIT
"""Scenarios: a set of disruption scenarios with its scoring settings,
scored against a resilience profile, stress-tested against the five
forces, mapped onto the canvas and rendered as a risk matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Mapping, Optional, Union, overload

from . import _args, _display, _enums
from . import core as _core
from ._errors import check
from ._handles import Handle, pointers
from ._model import Model, new_handle
from .estimate import Estimate, EstimateLike, coerce
from .scenario import Scenario, blocks_arg, scenario_fields, set_blocks, set_shifts, shifts_arg
from .scenario_results import (CanvasHeat, ScenarioScores, StressTest, WhatIf, heat_of,
                               scores_of, stress_of)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .canvas import Canvas
    from .forces import Forces
    from .resilience import Resilience

__all__ = ["Scenarios", "model_handle"]

ScenarioRef = Union[str, Scenario]

# What smb_scenarios_add() is given when the estimate comes later: any
# valid point, replaced before the scenario is handed back.
_PLACEHOLDER_LIKELIHOOD = 0.5
_PLACEHOLDER_IMPACT = 3.0


def model_handle(value: object, cls: type, name: str, default: Optional[Handle]) \
        -> Optional[Handle]:
    """The handle of `value`, an instance of `cls`, or `default` for None."""
    if value is None:
        return default
    if not isinstance(value, cls):
        raise TypeError(f"{name} must be a {cls.__name__} or None, not {type(value).__name__}")
    return value._handle  # type: ignore[attr-defined]


def _id_of(value: object) -> str:
    if isinstance(value, Scenario):
        return value.id
    return _args.text(value, "id")


class Scenarios(Model, Sequence[Scenario]):
    """A set of disruption scenarios, in the order added, and the two
    scoring settings: :attr:`mitigation` (m) and :attr:`half_life`.

    ``Scenarios()`` makes a new, empty set that belongs to this object;
    ``doc.scenarios`` is a view of a document's set instead. A view scores
    against its document's resilience profile, stress-tests against its
    forces and heats its canvas unless told otherwise.

    ``scenarios[0]`` and ``scenarios["online-giant"]`` are
    :class:`Scenario` views; ``len``, iteration and ``in`` work as for a
    list of them.

    >>> s = Scenarios()
    >>> _ = s.add("giant", "Online giant", "technology", "threat", 0.4, 4)
    >>> round(s.score()["giant"].exposure, 6)    # 0.4 × 4 × (1 − 0.5 × 0)
    1.6
    """

    __slots__ = ()

    _section = "scenarios"
    _c_copy = staticmethod(_core.smb_scenarios_copy)
    _c_equal = staticmethod(_core.smb_scenarios_equal)
    _c_free = staticmethod(_core.smb_scenarios_free)

    def __init__(self, *, mitigation: Optional[float] = None,
                 half_life: Optional[float] = None) -> None:
        """A new, empty set; `mitigation` and `half_life` (months) replace
        the defaults 0.5 and 24."""
        self._handle = new_handle(_core.smb_scenarios_new, _core.smb_scenarios_free,
                                  self._section)
        if mitigation is not None:
            self.mitigation = mitigation
        if half_life is not None:
            self.half_life = half_life

    # -- settings ---------------------------------------------------------

    @property
    def mitigation(self) -> float:
        """The mitigation strength m, 0 to 1: the share of a threat's
        exposure that full resilience removes (default 0.5)."""
        with self._handle as ptr:
            return _core.smb_scenarios_mitigation(ptr)

    @mitigation.setter
    def mitigation(self, value: float) -> None:
        value = _args.real(value, "mitigation")
        with self._handle as ptr:
            check(_core.smb_scenarios_set_mitigation(ptr, value))

    @property
    def half_life(self) -> float:
        """The urgency half-life in months: the horizon at which a
        scenario's urgency falls to one half (default 24)."""
        with self._handle as ptr:
            return _core.smb_scenarios_half_life(ptr)

    @half_life.setter
    def half_life(self, value: float) -> None:
        value = _args.real(value, "half_life")
        with self._handle as ptr:
            check(_core.smb_scenarios_set_half_life(ptr, value))

    # -- the sequence of scenarios ------------------------------------------

    def ids(self) -> List[str]:
        """The scenarios' ids, in order."""
        with self._handle as ptr:
            return [_core.smb_scenario_id(_core.smb_scenarios_at(ptr, i))
                    for i in range(_core.smb_scenarios_count(ptr))]

    def __len__(self) -> int:
        with self._handle as ptr:
            return _core.smb_scenarios_count(ptr)

    @overload
    def __getitem__(self, index: Union[int, str]) -> Scenario: ...

    @overload
    def __getitem__(self, index: slice) -> List[Scenario]: ...

    def __getitem__(self, index: Union[int, str, slice]) -> Union[Scenario, List[Scenario]]:
        """By position, by id (NotFoundError, a KeyError, when absent) or
        by slice."""
        if isinstance(index, slice):
            return [Scenario(self, id) for id in self.ids()[index]]
        if isinstance(index, str):
            id = _args.text(index, "id")
            with self._handle as ptr:
                check(_core.smb_scenarios_get(ptr, id)[0])
            return Scenario(self, id)
        if isinstance(index, bool) or not hasattr(index, "__index__"):
            raise TypeError("scenarios are indexed by position (int), id (str) or slice, "
                            f"not {type(index).__name__}")
        position = index.__index__()
        with self._handle as ptr:
            count = _core.smb_scenarios_count(ptr)
            if position < 0:
                position += count
            if not 0 <= position < count:
                raise IndexError(f"scenario index {index} out of range ({count} scenarios)")
            return Scenario(self, _core.smb_scenario_id(_core.smb_scenarios_at(ptr, position)))

    def __iter__(self) -> Iterator[Scenario]:
        """Walks a snapshot of the ids: adding or removing while iterating
        is safe."""
        for id in self.ids():
            yield Scenario(self, id)

    def __contains__(self, value: object) -> bool:
        """Whether a scenario (an id, or a Scenario of this set) is there."""
        if isinstance(value, Scenario):
            if value._scenarios._handle.key != self._handle.key:
                return False
            value = value.id
        if not isinstance(value, str) or "\0" in value:
            return False
        with self._handle as ptr:
            return _core.smb_scenarios_find(ptr, value) is not None

    def get(self, id: str) -> Optional[Scenario]:
        """The scenario with this id, or None."""
        return Scenario(self, id) if id in self else None

    def add(
        self,
        id: str,
        title: str,
        source: str,
        direction: str,
        likelihood: EstimateLike,
        impact: EstimateLike,
        *,
        description: Optional[str] = None,
        kind: Iterable[str] = (),
        money: Optional[EstimateLike] = None,
        horizon_months: Optional[float] = None,
        blocks: Optional[Mapping[str, float]] = None,
        shifts: Iterable[Any] = (),
        mitigated_by: Optional[Iterable[str]] = None,
    ) -> Scenario:
        """Append a scenario and return it.

        Either every field is set or the set is left as it was: if one is
        refused, the scenario is removed again and the error raised.

        Args:
            id: unique in the set; ASCII letters, digits, ``_-.``.
            title: non-empty text.
            source: e.g. ``"technology"``, ``"economic"`` (see SOURCE_KEYS).
            direction: ``"threat"`` or ``"opportunity"``.
            likelihood: probability within the horizon, 0 to 1: a number,
                an Estimate or a mapping ``{"dist", "min", "mode", "max"}``.
            impact: severity 1 to 5, the same way.
            description: free text.
            kind: kind keys, at most one of each pair (technological /
                business_model, sustaining / disruptive, operational /
                strategic).
            money: the amount at stake, as an estimate.
            horizon_months: months (default 12).
            blocks: canvas blocks hit, ``{block key: weight}``.
            shifts: force drivers moved: Shift objects, (force, driver,
                delta) tuples or mappings.
            mitigated_by: capability keys overriding the source's defaults.
        """
        id = _args.text(id, "id")
        title = _args.text(title, "title")
        source_no = _enums.source_from_key(source)
        direction_no = _enums.direction_from_key(direction)
        likelihood_est = coerce(likelihood, "likelihood")
        impact_est = coerce(impact, "impact")
        description = _args.optional_text(description, "description")
        flags = _enums.scenario_kind_flags(kind)
        money_est = None if money is None else coerce(money, "money")
        horizon = None if horizon_months is None else _args.real(horizon_months,
                                                                 "horizon_months")
        weights = {} if blocks is None else blocks_arg(blocks)
        shift_list = shifts_arg(shifts)
        mask = None if mitigated_by is None else _enums.capability_mask(mitigated_by,
                                                                        "mitigated_by")

        def point(estimate: Estimate, placeholder: float) -> float:
            return estimate.min if estimate.dist == "point" else placeholder

        with self._handle as ptr:
            check(_core.smb_scenarios_add(
                ptr, id, title, source_no, direction_no,
                point(likelihood_est, _PLACEHOLDER_LIKELIHOOD),
                point(impact_est, _PLACEHOLDER_IMPACT)))
            try:
                if likelihood_est.dist != "point":
                    check(_core.smb_scenarios_set_likelihood(ptr, id, likelihood_est))
                if impact_est.dist != "point":
                    check(_core.smb_scenarios_set_impact(ptr, id, impact_est))
                if description:
                    check(_core.smb_scenarios_set_description(ptr, id, description))
                if flags:
                    check(_core.smb_scenarios_set_kind(ptr, id, flags))
                if money_est is not None:
                    check(_core.smb_scenarios_set_money(ptr, id, money_est))
                if horizon is not None:
                    check(_core.smb_scenarios_set_horizon(ptr, id, horizon))
                if weights:
                    set_blocks(ptr, id, weights)
                if shift_list:
                    set_shifts(ptr, id, shift_list)
                if mask is not None:
                    check(_core.smb_scenarios_set_mitigators(ptr, id, mask))
            except BaseException:
                _core.smb_scenarios_remove(ptr, id)
                raise
        return Scenario(self, id)

    def remove(self, id: ScenarioRef) -> None:
        """Remove a scenario (NotFoundError when absent)."""
        id = _id_of(id)
        with self._handle as ptr:
            check(_core.smb_scenarios_remove(ptr, id))

    # -- analytics --------------------------------------------------------

    def _resilience(self, resilience: "Optional[Resilience]") -> Optional[Handle]:
        from .resilience import Resilience

        return model_handle(resilience, Resilience, "resilience",
                            self._companion("resilience"))

    def score(self, resilience: "Optional[Resilience]" = None) -> ScenarioScores:
        """Score every scenario against `resilience`: exposure, urgency,
        risk-matrix cell and band, rank within its direction, totals.

        Without `resilience`, a document's set uses its document's profile;
        a standalone set (or a document without one) gives no mitigation
        credit, as a profile of zeros would."""
        with pointers(self._handle, self._resilience(resilience)) as (ptr, res):
            return scores_of(ptr, res)

    def what_if(self, id: ScenarioRef, *, likelihood_factor: float = 1.0,
                impact_factor: float = 1.0, gains: Optional[Mapping[str, float]] = None,
                resilience: "Optional[Resilience]" = None) -> WhatIf:
        """One scenario's exposures as if its likelihood were multiplied by
        `likelihood_factor`, its impact and money by `impact_factor` (each
        0 to 1), and each capability's maturity raised by ``gains[key]``
        (0 to 5, capped at 5)."""
        id = _id_of(id)
        lf = _args.real(likelihood_factor, "likelihood_factor")
        sf = _args.real(impact_factor, "impact_factor")
        gain_list = None
        if gains is not None:
            if not isinstance(gains, Mapping):
                raise TypeError(f"gains must be a mapping of capability keys to numbers, "
                                f"not {type(gains).__name__}")
            gain_list = [0.0] * len(_enums.capability_keys())
            for key, value in gains.items():
                gain_list[_enums.capability_from_key(key)] = _args.real(value, f"gains[{key!r}]")
        with pointers(self._handle, self._resilience(resilience)) as (ptr, res):
            status, scenario = _core.smb_scenarios_get(ptr, id)
            check(status)
            index = _core.smb_scenario_index(scenario)
            status, *values = _core.smb_scenarios_what_if(ptr, index, res, lf, sf, gain_list)
            check(status)
        return WhatIf(*values)

    def stress(self, id: ScenarioRef, forces: "Optional[Forces]" = None) -> StressTest:
        """Apply scenario `id`'s driver shifts to a copy of `forces` (a
        document's set defaults to its document's assessment) and compare
        the copy with the original. Unrated drivers stay unrated; a shifted
        driver the assessment lacks raises NotFoundError."""
        from .forces import Forces

        id = _id_of(id)
        handle = model_handle(forces, Forces, "forces", self._companion("forces"))
        if handle is None:
            raise TypeError("stress() needs a Forces (this set's document has none)")
        with pointers(self._handle, handle) as (ptr, forces_ptr):
            return stress_of(ptr, id, forces_ptr)

    def heat(self, canvas: "Optional[Canvas]" = None,
             resilience: "Optional[Resilience]" = None) -> CanvasHeat:
        """How much of the threats' exposure lands on each canvas block,
        with the item counts of `canvas` (a document's set defaults to its
        document's canvas and profile)."""
        from .canvas import Canvas

        canvas_handle = model_handle(canvas, Canvas, "canvas", self._companion("canvas"))
        with pointers(self._handle, self._resilience(resilience), canvas_handle) as (
                ptr, res, canvas_ptr):
            return heat_of(ptr, res, canvas_ptr)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per scenario, in order, with its inputs: id, title,
        description, source, direction, kind, likelihood, impact, money
        (the means; money NaN when absent), horizon_months, blocks, shifts,
        mitigated_by. Needs pandas."""
        from ._frame import scenarios_dataframe

        return scenarios_dataframe(self)

    # -- rendering --------------------------------------------------------

    def render(self, format: str, resilience: "Optional[Resilience]" = None) -> str:
        """The set scored against `resilience` as ``"svg"`` (the 5×5 risk
        matrix), ``"markdown"`` (the ranked tables) or ``"html"`` (a page
        with both)."""
        format_no = _enums.format_from_key(format)
        with pointers(self._handle, self._resilience(resilience)) as (ptr, res):
            status, text = _core.smb_scenarios_render(ptr, res, format_no)
            check(status)
        return text

    def _repr_html_(self) -> str:
        with pointers(self._handle, self._resilience(None)) as (ptr, res):
            result = scores_of(ptr, res)
            status, svg = _core.smb_scenarios_render(ptr, res, _enums.format_from_key("svg"))
            check(status)
        return _display.scenarios_html(result, svg)

    def __repr__(self) -> str:
        try:
            with self._handle as ptr:
                fields = [scenario_fields(_core.smb_scenarios_at(ptr, i))
                          for i in range(_core.smb_scenarios_count(ptr))]
        except Exception:  # a repr must not fail, even on a detached set
            return "<Scenarios (detached)>"
        return _display.scenarios_repr(fields)

    __eq__ = Model.__eq__
    __hash__ = None  # type: ignore[assignment]  # mutable

