# SPDX-License-Identifier: MIT
"""Scenario: a live view of one disruption scenario of a set, found again
by id at every use, and Shift: a change a scenario makes to a force driver.

The C library hands out borrowed scenario pointers that die at the set's
next change, so a Scenario keeps only (scenarios, id) and looks the
scenario up for each read or write."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import (TYPE_CHECKING, Any, Callable, Dict, FrozenSet, Iterable, Optional, Tuple,
                    TypeVar, Union)

from . import _args, _display, _enums
from . import core as _core
from ._errors import NotFoundError, check
from ._model import all_or_nothing
from .estimate import Estimate, EstimateLike, coerce, from_tuple

if TYPE_CHECKING:  # pragma: no cover
    from .scenarios import Scenarios

__all__ = ["Scenario", "Shift", "scenario_fields", "blocks_arg", "shifts_arg",
           "set_blocks", "set_shifts"]

T = TypeVar("T")


@dataclass(frozen=True)
class Shift:
    """A change a scenario makes to a five-forces driver's 1–5 rating:
    ``Shift("substitutes", "buyer_propensity", 1.5)``.

    Attributes:
        force, driver: the driver's force key and key.
        delta: the change of its rating, −4 to 4 (positive: the force
            grows stronger).
    """

    force: str
    driver: str
    delta: float

    def __post_init__(self) -> None:
        _enums.force_from_key(self.force)
        _args.text(self.driver, "driver")
        object.__setattr__(self, "delta", _args.real(self.delta, "delta"))


def _shift(value: object, name: str) -> Shift:
    if isinstance(value, Shift):
        return value
    if isinstance(value, Mapping):
        unknown = sorted(str(key) for key in value if key not in ("force", "driver", "delta"))
        if unknown:
            raise TypeError(f"{name}: unknown key {unknown[0]!r}; expected force, driver, delta")
        try:
            return Shift(value["force"], value["driver"], value["delta"])
        except KeyError as missing:
            raise TypeError(f"{name} needs {missing.args[0]!r}") from None
    if isinstance(value, tuple) and len(value) == 3:
        return Shift(*value)
    raise TypeError(f"{name} must be a Shift, a (force, driver, delta) tuple or a mapping, "
                    f"not {type(value).__name__}")


def shifts_arg(value: object) -> Tuple[Shift, ...]:
    """An iterable of shifts (Shift, tuples or mappings) as a tuple of Shift."""
    if isinstance(value, (str, bytes, Mapping)):
        raise TypeError(f"shifts must be an iterable of shifts, not {type(value).__name__}")
    try:
        items: Tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"shifts must be an iterable of shifts, not {type(value).__name__}") \
            from None
    return tuple(_shift(item, f"shifts[{index}]") for index, item in enumerate(items))


def blocks_arg(value: object) -> Dict[int, float]:
    """A mapping of block keys to weights as {block number: weight}."""
    if not isinstance(value, Mapping):
        raise TypeError(f"blocks must be a mapping of block keys to weights, "
                        f"not {type(value).__name__}")
    return {_enums.block_from_key(key): _args.real(weight, f"blocks[{key!r}]")
            for key, weight in value.items()}


def _blocks(scenario: Any) -> Dict[str, float]:
    weights = {}
    for block, key in enumerate(_enums.block_keys()):
        weight = _core.smb_scenario_block_weight(scenario, block)
        if weight > 0:
            weights[key] = weight
    return weights


def _shifts(scenario: Any) -> Tuple[Shift, ...]:
    shifts = []
    for i in range(_core.smb_scenario_shift_count(scenario)):
        raw = _core.smb_scenario_shift_at(scenario, i)
        shifts.append(Shift(_enums.force_key(raw.force), raw.driver, raw.delta))
    return tuple(shifts)


def _money(scenario: Any) -> Union[None, float, Estimate]:
    raw = _core.smb_scenario_money(scenario)
    return None if raw is None else from_tuple(raw)


def scenario_fields(scenario: Any) -> Dict[str, Any]:
    """Every field of a borrowed C scenario, copied into Python values."""
    return {
        "id": _core.smb_scenario_id(scenario),
        "position": _core.smb_scenario_index(scenario),
        "title": _core.smb_scenario_title(scenario),
        "description": _core.smb_scenario_description(scenario),
        "source": _enums.source_key(_core.smb_scenario_source(scenario)),
        "direction": _enums.direction_key(_core.smb_scenario_direction(scenario)),
        "kind": _enums.scenario_kinds_of(_core.smb_scenario_kind(scenario)),
        "likelihood": from_tuple(_core.smb_scenario_likelihood(scenario)),
        "impact": from_tuple(_core.smb_scenario_impact(scenario)),
        "money": _money(scenario),
        "horizon_months": _core.smb_scenario_horizon(scenario),
        "blocks": _blocks(scenario),
        "shifts": _shifts(scenario),
        "mitigated_by": _enums.capabilities_of(_core.smb_scenario_mitigators(scenario)),
        "mitigation_override": bool(_core.smb_scenario_has_mitigators(scenario)),
    }


def set_blocks(ptr: Any, id: str, weights: Dict[int, float]) -> None:
    """Make scenario `id` hit exactly the blocks of `weights`; on failure
    the blocks are put back as they were."""
    scenario = _core.smb_scenarios_find(ptr, id)
    old = {block: weight for block in range(len(_enums.block_keys()))
           if (weight := _core.smb_scenario_block_weight(scenario, block)) > 0}

    def apply(target: Dict[int, float]) -> None:
        current = _core.smb_scenarios_find(ptr, id)
        for block in range(len(_enums.block_keys())):
            if block not in target and _core.smb_scenario_block_weight(current, block) > 0:
                check(_core.smb_scenarios_clear_block(ptr, id, block))
        for block, weight in target.items():
            check(_core.smb_scenarios_hit_block(ptr, id, block, weight))

    all_or_nothing(apply, weights, old)


def set_shifts(ptr: Any, id: str, shifts: Tuple[Shift, ...]) -> None:
    """Replace the shifts of scenario `id` by `shifts`, in order; on failure
    they are put back as they were."""

    def apply(target: Tuple[Shift, ...]) -> None:
        for shift in _shifts(_core.smb_scenarios_find(ptr, id)):
            check(_core.smb_scenarios_remove_shift(ptr, id, _enums.force_from_key(shift.force),
                                                   shift.driver))
        for shift in target:
            check(_core.smb_scenarios_add_shift(ptr, id, _enums.force_from_key(shift.force),
                                                shift.driver, shift.delta))

    all_or_nothing(apply, shifts, _shifts(_core.smb_scenarios_find(ptr, id)))


class Scenario:
    """One scenario of a set, e.g. ``scenarios["online-giant"]``.

    A view: reading an attribute reads the set now, and assigning one
    (``scenario.likelihood = Estimate.pert(0.2, 0.35, 0.6)``) changes it.
    Likelihood, impact and money read back as a float for a point and an
    :class:`Estimate` otherwise; they accept a number, an Estimate or a
    mapping ``{"dist": "pert", "min": ..., "mode": ..., "max": ...}``.
    Once the scenario is removed, using its view raises NotFoundError.
    """

    __slots__ = ("_scenarios", "_id")

    def __init__(self, scenarios: "Scenarios", id: str) -> None:
        self._scenarios = scenarios
        self._id = id

    # -- plumbing ---------------------------------------------------------

    def _read(self, read: Callable[[Any], T]) -> T:
        with self._scenarios._handle as ptr:
            scenario = _core.smb_scenarios_find(ptr, self._id)
            if scenario is None:
                raise NotFoundError(f"scenario '{self._id}' is no longer in the set")
            return read(scenario)

    def _update(self, setter: Callable[..., int], *args: Any) -> None:
        with self._scenarios._handle as ptr:
            check(setter(ptr, self._id, *args))

    # -- identity ---------------------------------------------------------

    @property
    def id(self) -> str:
        """The scenario's id, unique in its set."""
        return self._id

    @property
    def scenarios(self) -> "Scenarios":
        """The set holding the scenario."""
        return self._scenarios

    @property
    def exists(self) -> bool:
        """Whether the scenario is still in its set."""
        with self._scenarios._handle as ptr:
            return _core.smb_scenarios_find(ptr, self._id) is not None

    @property
    def position(self) -> int:
        """Its position in the set (0 first)."""
        return self._read(_core.smb_scenario_index)

    # -- fields -----------------------------------------------------------

    @property
    def title(self) -> str:
        """The scenario's title for people (non-empty)."""
        return self._read(_core.smb_scenario_title)

    @title.setter
    def title(self, value: str) -> None:
        self._update(_core.smb_scenarios_set_title, _args.text(value, "title"))

    @property
    def description(self) -> Optional[str]:
        """Free text, or None. Assign None or "", or ``del``, to remove it."""
        return self._read(_core.smb_scenario_description)

    @description.setter
    def description(self, value: Optional[str]) -> None:
        self._update(_core.smb_scenarios_set_description,
                     _args.optional_text(value, "description"))

    @description.deleter
    def description(self) -> None:
        self._update(_core.smb_scenarios_set_description, None)

    @property
    def source(self) -> str:
        """Where the disruption comes from, e.g. ``"technology"``."""
        return self._read(lambda s: _enums.source_key(_core.smb_scenario_source(s)))

    @source.setter
    def source(self, value: str) -> None:
        self._update(_core.smb_scenarios_set_source, _enums.source_from_key(value))

    @property
    def direction(self) -> str:
        """``"threat"`` or ``"opportunity"``."""
        return self._read(lambda s: _enums.direction_key(_core.smb_scenario_direction(s)))

    @direction.setter
    def direction(self, value: str) -> None:
        self._update(_core.smb_scenarios_set_direction, _enums.direction_from_key(value))

    @property
    def kind(self) -> FrozenSet[str]:
        """The kind flags, e.g. ``frozenset({"technological", "disruptive"})``;
        at most one of each pair."""
        return self._read(lambda s: _enums.scenario_kinds_of(_core.smb_scenario_kind(s)))

    @kind.setter
    def kind(self, value: Iterable[str]) -> None:
        self._update(_core.smb_scenarios_set_kind, _enums.scenario_kind_flags(value))

    @property
    def likelihood(self) -> Union[float, Estimate]:
        """Probability of occurring within the horizon, 0 to 1."""
        return self._read(lambda s: from_tuple(_core.smb_scenario_likelihood(s)))

    @likelihood.setter
    def likelihood(self, value: EstimateLike) -> None:
        self._update(_core.smb_scenarios_set_likelihood, coerce(value, "likelihood"))

    @property
    def impact(self) -> Union[float, Estimate]:
        """Severity, 1 (minor) to 5 (severe)."""
        return self._read(lambda s: from_tuple(_core.smb_scenario_impact(s)))

    @impact.setter
    def impact(self, value: EstimateLike) -> None:
        self._update(_core.smb_scenarios_set_impact, coerce(value, "impact"))

    @property
    def money(self) -> Union[None, float, Estimate]:
        """The amount at stake, or None. Assign None, or ``del``, to remove it."""
        return self._read(_money)

    @money.setter
    def money(self, value: Optional[EstimateLike]) -> None:
        if value is None:
            self._update(_core.smb_scenarios_clear_money)
        else:
            self._update(_core.smb_scenarios_set_money, coerce(value, "money"))

    @money.deleter
    def money(self) -> None:
        self._update(_core.smb_scenarios_clear_money)

    @property
    def horizon_months(self) -> float:
        """When it may happen, in months (default 12)."""
        return self._read(_core.smb_scenario_horizon)

    @horizon_months.setter
    def horizon_months(self, value: float) -> None:
        self._update(_core.smb_scenarios_set_horizon, _args.real(value, "horizon_months"))

    @property
    def blocks(self) -> Dict[str, float]:
        """The canvas blocks it hits, ``{block key: weight}`` in block order
        (a copy). Assigning a mapping replaces them all, all-or-nothing."""
        return self._read(_blocks)

    @blocks.setter
    def blocks(self, value: Dict[str, float]) -> None:
        weights = blocks_arg(value)
        with self._scenarios._handle as ptr:
            if _core.smb_scenarios_find(ptr, self._id) is None:
                check(_core.smb_scenarios_get(ptr, self._id)[0])
            set_blocks(ptr, self._id, weights)

    def hit(self, block: str, weight: float = 1.0) -> None:
        """Make it hit `block` with `weight` (or change the weight)."""
        self._update(_core.smb_scenarios_hit_block, _enums.block_from_key(block),
                     _args.real(weight, "weight"))

    def spare(self, block: str) -> None:
        """Stop it hitting `block`."""
        self._update(_core.smb_scenarios_clear_block, _enums.block_from_key(block))

    @property
    def shifts(self) -> Tuple[Shift, ...]:
        """The force drivers it shifts, in order. Assigning an iterable of
        Shift (or (force, driver, delta) tuples, or mappings) replaces them
        all, all-or-nothing."""
        return self._read(_shifts)

    @shifts.setter
    def shifts(self, value: Iterable[Any]) -> None:
        shifts = shifts_arg(value)
        with self._scenarios._handle as ptr:
            if _core.smb_scenarios_find(ptr, self._id) is None:
                check(_core.smb_scenarios_get(ptr, self._id)[0])
            set_shifts(ptr, self._id, shifts)

    def add_shift(self, force: str, driver: str, delta: float) -> None:
        """Shift one more driver (one shift per driver)."""
        shift = Shift(force, driver, delta)
        self._update(_core.smb_scenarios_add_shift, _enums.force_from_key(shift.force),
                     shift.driver, shift.delta)

    def remove_shift(self, force: str, driver: str) -> None:
        """Stop shifting a driver."""
        self._update(_core.smb_scenarios_remove_shift, _enums.force_from_key(force),
                     _args.text(driver, "driver"))

    @property
    def mitigated_by(self) -> Tuple[str, ...]:
        """The capabilities that mitigate it, in capability order: its own
        override, or else its source's defaults. Assign an iterable of keys
        to override, None (or ``del``) to go back to the defaults."""
        return self._read(lambda s: _enums.capabilities_of(_core.smb_scenario_mitigators(s)))

    @mitigated_by.setter
    def mitigated_by(self, value: Optional[Iterable[str]]) -> None:
        if value is None:
            self._update(_core.smb_scenarios_clear_mitigators)
        else:
            self._update(_core.smb_scenarios_set_mitigators,
                         _enums.capability_mask(value, "mitigated_by"))

    @mitigated_by.deleter
    def mitigated_by(self) -> None:
        self._update(_core.smb_scenarios_clear_mitigators)

    @property
    def mitigation_override(self) -> bool:
        """Whether :attr:`mitigated_by` overrides the source's defaults."""
        return self._read(lambda s: bool(_core.smb_scenario_has_mitigators(s)))

    def to_dict(self) -> Dict[str, Any]:
        """All fields at once, as plain Python values."""
        return self._read(scenario_fields)

    # -- Python protocols -------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Scenario):
            return NotImplemented
        return (self._id == other._id
                and self._scenarios._handle.key == other._scenarios._handle.key)

    def __hash__(self) -> int:
        return hash((self._scenarios._handle.key, self._id))

    def __repr__(self) -> str:
        try:
            fields = self.to_dict()
        except Exception:  # a repr must not fail: the scenario may be gone
            return f"<Scenario {self._id!r} (no longer in the set)>"
        return _display.scenario_repr(fields)
