# SPDX-License-Identifier: MIT
"""Response: a live view of one candidate response to disruption, found
again by id at every use, and Effect: what it does to one scenario.

The C library hands out borrowed response pointers that die at the set's
next change, so a Response keeps only (responses, id) and looks the
response up for each read or write."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Tuple, TypeVar

from . import _args, _display, _enums
from . import core as _core
from ._errors import NotFoundError, check
from ._model import all_or_nothing

if TYPE_CHECKING:  # pragma: no cover
    from .responses import Responses

__all__ = ["Response", "Effect", "response_fields", "effects_arg", "gains_arg", "ratings_arg",
           "values_arg", "set_effects", "set_gains", "set_ratings", "set_values"]

T = TypeVar("T")


@dataclass(frozen=True)
class Effect:
    """What a response does to one scenario (docs/methodology.md,
    "Residual exposure").

    Attributes:
        likelihood_reduction: the share of the scenario's likelihood it
            removes, 0 to 1 (p' = p·(1 − r)).
        impact_reduction: the share of its impact (and money) it removes,
            0 to 1.
    """

    likelihood_reduction: float = 0.0
    impact_reduction: float = 0.0

    def __post_init__(self) -> None:
        for name in ("likelihood_reduction", "impact_reduction"):
            object.__setattr__(self, name, _args.real(getattr(self, name), name))


def _effect(value: object, name: str) -> Effect:
    if isinstance(value, Effect):
        return value
    if isinstance(value, Mapping):
        unknown = sorted(str(k) for k in value
                         if k not in ("likelihood_reduction", "impact_reduction"))
        if unknown:
            raise TypeError(f"{name}: unknown key {unknown[0]!r}; expected "
                            "likelihood_reduction, impact_reduction")
        return Effect(**value)
    if isinstance(value, tuple) and len(value) == 2:
        return Effect(*value)
    raise TypeError(f"{name} must be an Effect, a (likelihood_reduction, impact_reduction) "
                    f"tuple or a mapping, not {type(value).__name__}")


def _mapping(value: object, name: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping, not {type(value).__name__}")
    return value


def effects_arg(value: object) -> Dict[str, Effect]:
    """``{scenario id: Effect (or tuple, or mapping)}`` as {id: Effect}."""
    return {_args.text(key, "scenario id"): _effect(effect, f"effects[{key!r}]")
            for key, effect in _mapping(value, "effects").items()}


def gains_arg(value: object) -> Dict[int, float]:
    """``{capability key: gain}`` as {capability number: gain}."""
    return {_enums.capability_from_key(key): _args.real(gain, f"gains[{key!r}]")
            for key, gain in _mapping(value, "gains").items()}


def ratings_arg(value: object) -> Dict[int, float]:
    """``{idea criterion key: rating}`` as {criterion number: rating}."""
    return {_enums.idea_criterion_from_key(key): _args.real(rating, f"ratings[{key!r}]")
            for key, rating in _mapping(value, "ratings").items()}


def values_arg(value: object) -> Dict[str, float]:
    """``{criterion key: value}`` of the user's own criteria."""
    return {_args.text(key, "criterion"): _args.real(number, f"values[{key!r}]")
            for key, number in _mapping(value, "values").items()}


# -- reading a borrowed C response --------------------------------------------


def _effects(response: Any) -> Dict[str, Effect]:
    effects = {}
    for i in range(_core.smb_response_effect_count(response)):
        raw = _core.smb_response_effect_at(response, i)
        effects[raw.scenario] = Effect(raw.likelihood_reduction, raw.impact_reduction)
    return effects


def _gains(response: Any) -> Dict[str, float]:
    return {key: gain for cap, key in enumerate(_enums.capability_keys())
            if (gain := _core.smb_response_gain(response, cap)) != 0}


def _ratings(response: Any) -> Dict[str, float]:
    return {key: _core.smb_response_rating(response, criterion)
            for criterion, key in enumerate(_enums.idea_criterion_keys())}


def _custom_keys(set_ptr: Any) -> Tuple[str, ...]:
    return tuple(_core.smb_responses_criterion_key(set_ptr, i)
                 for i in range(_core.smb_responses_criterion_count(set_ptr))
                 if _core.smb_responses_criterion_is_custom(set_ptr, i))


def _values(set_ptr: Any, id: str) -> Dict[str, float]:
    values = {}
    for key in _custom_keys(set_ptr):
        status, value = _core.smb_responses_value(set_ptr, id, key)
        if status == _core.SMB_OK:
            values[key] = value
    return values


def response_fields(set_ptr: Any, response: Any) -> Dict[str, Any]:
    """Every field of a borrowed C response of the C set, copied into
    Python values."""
    id = _core.smb_response_id(response)
    return {
        "id": id,
        "position": _core.smb_response_index(response),
        "title": _core.smb_response_title(response),
        "description": _core.smb_response_description(response),
        "kind": _enums.response_kind_key(_core.smb_response_kind_of(response)),
        "cost": _core.smb_response_cost(response),
        "months": _core.smb_response_months(response),
        "effects": _effects(response),
        "gains": _gains(response),
        "ratings": _ratings(response),
        "values": _values(set_ptr, id),
    }


# -- replacing a field all-or-nothing -----------------------------------------


def set_effects(ptr: Any, id: str, effects: Dict[str, Effect]) -> None:
    """Give response `id` exactly `effects`, in that order."""

    def apply(target: Dict[str, Effect]) -> None:
        for scenario in _effects(_core.smb_responses_find(ptr, id)):
            check(_core.smb_responses_remove_effect(ptr, id, scenario))
        for scenario, effect in target.items():
            check(_core.smb_responses_set_effect(ptr, id, scenario, effect.likelihood_reduction,
                                                 effect.impact_reduction))

    all_or_nothing(apply, effects, _effects(_core.smb_responses_find(ptr, id)))


def set_gains(ptr: Any, id: str, gains: Dict[int, float]) -> None:
    """Give response `id` exactly `gains`; other capabilities gain 0."""
    response = _core.smb_responses_find(ptr, id)
    old = {cap: _core.smb_response_gain(response, cap)
           for cap in range(len(_enums.capability_keys()))}

    def apply(target: Dict[int, float]) -> None:
        for cap in range(len(_enums.capability_keys())):
            check(_core.smb_responses_set_gain(ptr, id, cap, target.get(cap, 0.0)))

    all_or_nothing(apply, gains, old)


def set_ratings(ptr: Any, id: str, ratings: Dict[int, float]) -> None:
    """Give response `id` exactly `ratings`; unnamed criteria go back to
    the neutral default."""
    response = _core.smb_responses_find(ptr, id)
    old = {c: _core.smb_response_rating(response, c)
           for c in range(len(_enums.idea_criterion_keys()))}

    def apply(target: Dict[int, float]) -> None:
        for criterion in range(len(_enums.idea_criterion_keys())):
            check(_core.smb_responses_set_rating(ptr, id, criterion,
                                                 target.get(criterion,
                                                            _core.SMB_IDEA_RATING_DEFAULT)))

    all_or_nothing(apply, ratings, old)


def set_values(ptr: Any, id: str, values: Dict[str, float]) -> None:
    """Give response `id` exactly `values` on the user's criteria."""

    def apply(target: Dict[str, float]) -> None:
        for key in _custom_keys(ptr):
            if key not in target and _values(ptr, id).get(key) is not None:
                check(_core.smb_responses_clear_value(ptr, id, key))
        for key, value in target.items():
            check(_core.smb_responses_set_value(ptr, id, key, value))

    all_or_nothing(apply, values, _values(ptr, id))


class Response:
    """One candidate response of a set, e.g. ``responses["online-shop"]``.

    A view: reading an attribute reads the set now, and assigning one
    (``response.cost = 9000``) changes it. The dict-valued fields
    (:attr:`effects`, :attr:`gains`, :attr:`ratings`, :attr:`values`) read
    as copies; assigning one replaces the whole field, all-or-nothing, and
    :meth:`set_effect`, :meth:`set_gain`, ... change one entry. Once the
    response is removed, using its view raises NotFoundError.
    """

    __slots__ = ("_responses", "_id")

    def __init__(self, responses: "Responses", id: str) -> None:
        self._responses = responses
        self._id = id

    # -- plumbing ---------------------------------------------------------

    def _read(self, read: Callable[[Any], T]) -> T:
        with self._responses._handle as ptr:
            response = _core.smb_responses_find(ptr, self._id)
            if response is None:
                raise NotFoundError(f"response '{self._id}' is no longer in the set")
            return read(response)

    def _update(self, setter: Callable[..., int], *args: Any) -> None:
        with self._responses._handle as ptr:
            check(setter(ptr, self._id, *args))

    def _replace(self, replace: Callable[[Any, str, Any], None], value: Any) -> None:
        with self._responses._handle as ptr:
            check(_core.smb_responses_get(ptr, self._id)[0])
            replace(ptr, self._id, value)

    # -- identity ---------------------------------------------------------

    @property
    def id(self) -> str:
        """The response's id, unique in its set."""
        return self._id

    @property
    def responses(self) -> "Responses":
        """The set holding the response."""
        return self._responses

    @property
    def exists(self) -> bool:
        """Whether the response is still in its set."""
        with self._responses._handle as ptr:
            return _core.smb_responses_find(ptr, self._id) is not None

    @property
    def position(self) -> int:
        """Its position in the set (0 first)."""
        return self._read(_core.smb_response_index)

    # -- fields -----------------------------------------------------------

    @property
    def title(self) -> str:
        """The response's title for people (non-empty)."""
        return self._read(_core.smb_response_title)

    @title.setter
    def title(self, value: str) -> None:
        self._update(_core.smb_responses_set_title, _args.text(value, "title"))

    @property
    def description(self) -> Optional[str]:
        """Free text, or None. Assign None or "", or ``del``, to remove it."""
        return self._read(_core.smb_response_description)

    @description.setter
    def description(self, value: Optional[str]) -> None:
        self._update(_core.smb_responses_set_description,
                     _args.optional_text(value, "description"))

    @description.deleter
    def description(self) -> None:
        self._update(_core.smb_responses_set_description, None)

    @property
    def kind(self) -> str:
        """The family, e.g. ``"digital_channel"`` (see RESPONSE_KIND_KEYS)."""
        return self._read(lambda r: _enums.response_kind_key(_core.smb_response_kind_of(r)))

    @kind.setter
    def kind(self, value: str) -> None:
        self._update(_core.smb_responses_set_kind, _enums.response_kind_from_key(value))

    @property
    def cost(self) -> float:
        """What it costs, in the unit of the budget."""
        return self._read(_core.smb_response_cost)

    @cost.setter
    def cost(self, value: float) -> None:
        self._update(_core.smb_responses_set_cost, _args.real(value, "cost"))

    @property
    def months(self) -> float:
        """Months to implement."""
        return self._read(_core.smb_response_months)

    @months.setter
    def months(self, value: float) -> None:
        self._update(_core.smb_responses_set_months, _args.real(value, "months"))

    @property
    def effects(self) -> Dict[str, Effect]:
        """``{scenario id: Effect}``, in the order first set."""
        return self._read(_effects)

    @effects.setter
    def effects(self, value: Mapping[str, Any]) -> None:
        self._replace(set_effects, effects_arg(value))

    def set_effect(self, scenario: str, likelihood_reduction: float = 0.0,
                   impact_reduction: float = 0.0) -> None:
        """Add or replace the effect on one scenario."""
        effect = Effect(likelihood_reduction, impact_reduction)
        self._update(_core.smb_responses_set_effect, _args.text(scenario, "scenario"),
                     effect.likelihood_reduction, effect.impact_reduction)

    def remove_effect(self, scenario: str) -> None:
        """Remove the effect on one scenario."""
        self._update(_core.smb_responses_remove_effect, _args.text(scenario, "scenario"))

    @property
    def gains(self) -> Dict[str, float]:
        """The maturity it adds to capabilities, ``{capability key: gain}``,
        only those it raises."""
        return self._read(_gains)

    @gains.setter
    def gains(self, value: Mapping[str, float]) -> None:
        self._replace(set_gains, gains_arg(value))

    def set_gain(self, capability: str, gain: float) -> None:
        """Set the maturity it adds to one capability (0 removes the gain)."""
        self._update(_core.smb_responses_set_gain, _enums.capability_from_key(capability),
                     _args.real(gain, "gain"))

    @property
    def ratings(self) -> Dict[str, float]:
        """Its ratings, 1 to 5, on feasibility, viability, desirability and
        strategic_alignment (3 until rated). Assigning a mapping sets the
        criteria it names and puts the others back to 3."""
        return self._read(_ratings)

    @ratings.setter
    def ratings(self, value: Mapping[str, float]) -> None:
        self._replace(set_ratings, ratings_arg(value))

    def set_rating(self, criterion: str, rating: float) -> None:
        """Rate it on one idea criterion."""
        self._update(_core.smb_responses_set_rating, _enums.idea_criterion_from_key(criterion),
                     _args.real(rating, "rating"))

    @property
    def values(self) -> Dict[str, float]:
        """Its values on the user's own criteria, ``{criterion key: value}``."""
        return self._read(lambda r: _values(self._responses._handle.pointer(), self._id))

    @values.setter
    def values(self, value: Mapping[str, float]) -> None:
        self._replace(set_values, values_arg(value))

    def set_value(self, criterion: str, value: Optional[float]) -> None:
        """Give it a value on one of the user's criteria; None removes it."""
        criterion = _args.text(criterion, "criterion")
        if value is None:
            self._update(_core.smb_responses_clear_value, criterion)
        else:
            self._update(_core.smb_responses_set_value, criterion, _args.real(value, "value"))

    def to_dict(self) -> Dict[str, Any]:
        """All fields at once, as plain Python values."""
        return self._read(lambda r: response_fields(self._responses._handle.pointer(), r))

    # -- Python protocols -------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Response):
            return NotImplemented
        return (self._id == other._id
                and self._responses._handle.key == other._responses._handle.key)

    def __hash__(self) -> int:
        return hash((self._responses._handle.key, self._id))

    def __repr__(self) -> str:
        try:
            fields = self.to_dict()
        except Exception:  # a repr must not fail: the response may be gone
            return f"<Response {self._id!r} (no longer in the set)>"
        return _display.response_repr(fields)
