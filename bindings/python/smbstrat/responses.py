# SPDX-License-Identifier: MIT
"""Responses: candidate actions against disruption, the criteria they are
ranked on, their residual exposure, multi-criteria ranking and the best
portfolio under a budget."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union,
                    overload)

from . import _args, _display, _enums
from . import core as _core
from ._errors import InvalidArgumentError, check
from ._handles import Handle, pointers
from ._model import Model, new_handle
from .mcda import AhpResult, _numpy, _table, consistency_of
from .response import (Response, effects_arg, gains_arg, ratings_arg, response_fields,
                       set_effects, set_gains, set_ratings, set_values, values_arg)
from .response_results import (Portfolio, Residual, ResponseRanking, portfolio_of,
                               ranking_of, residual_of)
from .scenarios import model_handle

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .resilience import Resilience
    from .scenarios import Scenarios

__all__ = ["Responses", "Criterion", "CriterionWeights"]

ResponseRef = Union[str, Response]


def _id_of(value: object, name: str = "id") -> str:
    if isinstance(value, Response):
        return value.id
    return _args.text(value, name)


@dataclass(frozen=True)
class Criterion:
    """A ranking criterion of a set of responses.

    Attributes:
        key: e.g. ``"exposure_reduction"``, ``"cost"`` or one of the user's.
        title: for people.
        direction: ``"benefit"`` (more is better) or ``"cost"``.
        weight: its weight in the ranking (0 leaves it out).
        custom: whether the user added it.
    """

    key: str
    title: str
    direction: str
    weight: float
    custom: bool


def _criteria(ptr: Any) -> Tuple[Criterion, ...]:
    return tuple(
        Criterion(
            key=_core.smb_responses_criterion_key(ptr, i),
            title=_core.smb_responses_criterion_title(ptr, i),
            direction=_enums.criterion_direction_keys()[
                _core.smb_responses_criterion_direction(ptr, i)],
            weight=_core.smb_responses_criterion_weight(ptr, i),
            custom=bool(_core.smb_responses_criterion_is_custom(ptr, i)),
        )
        for i in range(_core.smb_responses_criterion_count(ptr)))


def _set_weights(ptr: Any, weights: Dict[str, float]) -> None:
    """Set several criteria weights all-or-nothing: positive weights first,
    so that moving the weight between criteria is never refused as
    "the last criterion of positive weight"; on failure the old weights
    come back."""
    old = {c.key: c.weight for c in _criteria(ptr)}
    done: Dict[str, float] = {}
    try:
        for key in sorted(weights, key=lambda k: weights[k] == 0):
            if key not in old:
                check(_core.smb_responses_find_criterion(ptr, key)[0])
            check(_core.smb_responses_set_criterion_weight(ptr, key, weights[key]))
            done[key] = old[key]
    except BaseException:
        for key in sorted(done, key=lambda k: done[k] == 0):
            _core.smb_responses_set_criterion_weight(ptr, key, done[key])
        raise


class CriterionWeights(Mapping[str, float]):
    """The criteria weights of a set of responses, by key, as a live
    mapping: ``responses.weights["cost"] = 2``, or several at once,
    all-or-nothing, with :meth:`update`."""

    __slots__ = ("_responses",)

    def __init__(self, responses: "Responses") -> None:
        self._responses = responses

    def __getitem__(self, key: object) -> float:
        key = _args.text(key, "criterion")
        with self._responses._handle as ptr:
            status, index = _core.smb_responses_find_criterion(ptr, key)
            check(status)
            return _core.smb_responses_criterion_weight(ptr, index)

    def __setitem__(self, key: str, value: float) -> None:
        self.update({key: value})

    def __iter__(self) -> Iterator[str]:
        return iter([c.key for c in self._responses.criteria])

    def __len__(self) -> int:
        with self._responses._handle as ptr:
            return _core.smb_responses_criterion_count(ptr)

    def update(self, values: Union[Mapping[str, float], Iterable[Tuple[str, float]]] = (),
               **more: float) -> None:
        """Set several weights; if one is refused, none changes."""
        pairs = dict(values.items() if isinstance(values, Mapping) else values)
        pairs.update(more)
        weights = {_args.text(k, "criterion"): _args.real(v, f"weights[{k!r}]")
                   for k, v in pairs.items()}
        with self._responses._handle as ptr:
            _set_weights(ptr, weights)

    def __repr__(self) -> str:
        try:
            shown = dict(self.items())
        except Exception:  # a repr must not fail, even on a detached set
            return "<weights of detached Responses>"
        return f"<weights of Responses: {shown!r}>"


class Responses(Model, Sequence[Response]):
    """Candidate responses to disruption, in the order added, and the
    criteria they are ranked on: seven built in (exposure_reduction, cost,
    months, feasibility, viability, desirability, strategic_alignment) and
    the user's own.

    ``Responses()`` makes a new, empty set that belongs to this object;
    ``doc.responses`` is a view of a document's set instead, which ranks
    and plans against its document's scenarios, profile and budget unless
    told otherwise.

    ``responses[0]`` and ``responses["online-shop"]`` are :class:`Response`
    views.
    """

    __slots__ = ()

    _section = "responses"
    _c_copy = staticmethod(_core.smb_responses_copy)
    _c_equal = staticmethod(_core.smb_responses_equal)
    _c_free = staticmethod(_core.smb_responses_free)

    def __init__(self) -> None:
        """A new, empty set with the seven built-in criteria, each of weight 1."""
        self._handle = new_handle(_core.smb_responses_new, _core.smb_responses_free,
                                  self._section)

    # -- the sequence of responses ------------------------------------------

    def ids(self) -> List[str]:
        """The responses' ids, in order."""
        with self._handle as ptr:
            return [_core.smb_response_id(_core.smb_responses_at(ptr, i))
                    for i in range(_core.smb_responses_count(ptr))]

    def __len__(self) -> int:
        with self._handle as ptr:
            return _core.smb_responses_count(ptr)

    @overload
    def __getitem__(self, index: Union[int, str]) -> Response: ...

    @overload
    def __getitem__(self, index: slice) -> List[Response]: ...

    def __getitem__(self, index: Union[int, str, slice]) -> Union[Response, List[Response]]:
        """By position, by id (NotFoundError, a KeyError, when absent) or
        by slice."""
        if isinstance(index, slice):
            return [Response(self, id) for id in self.ids()[index]]
        if isinstance(index, str):
            id = _args.text(index, "id")
            with self._handle as ptr:
                check(_core.smb_responses_get(ptr, id)[0])
            return Response(self, id)
        if isinstance(index, bool) or not hasattr(index, "__index__"):
            raise TypeError("responses are indexed by position (int), id (str) or slice, "
                            f"not {type(index).__name__}")
        position = index.__index__()
        with self._handle as ptr:
            count = _core.smb_responses_count(ptr)
            if position < 0:
                position += count
            if not 0 <= position < count:
                raise IndexError(f"response index {index} out of range ({count} responses)")
            return Response(self, _core.smb_response_id(_core.smb_responses_at(ptr, position)))

    def __iter__(self) -> Iterator[Response]:
        """Walks a snapshot of the ids: adding or removing while iterating
        is safe."""
        for id in self.ids():
            yield Response(self, id)

    def __contains__(self, value: object) -> bool:
        """Whether a response (an id, or a Response of this set) is there."""
        if isinstance(value, Response):
            if value._responses._handle.key != self._handle.key:
                return False
            value = value.id
        if not isinstance(value, str) or "\0" in value:
            return False
        with self._handle as ptr:
            return _core.smb_responses_find(ptr, value) is not None

    def get(self, id: str) -> Optional[Response]:
        """The response with this id, or None."""
        return Response(self, id) if id in self else None

    def add(
        self,
        id: str,
        title: str,
        kind: str,
        cost: float,
        months: float,
        *,
        description: Optional[str] = None,
        effects: Optional[Mapping[str, Any]] = None,
        gains: Optional[Mapping[str, float]] = None,
        ratings: Optional[Mapping[str, float]] = None,
        values: Optional[Mapping[str, float]] = None,
    ) -> Response:
        """Append a response and return it.

        Either every field is set or the set is left as it was.

        Args:
            id: unique in the set; ASCII letters, digits, ``_-.``.
            title: non-empty text.
            kind: its family, e.g. ``"digital_channel"``, ``"automation"``.
            cost: 0 to 1e15, in the unit of the budget.
            months: time to implement, 0 to 1200.
            description: free text.
            effects: ``{scenario id: Effect}`` (or (likelihood_reduction,
                impact_reduction) tuples, or mappings); scenario ids are
                checked when the responses are evaluated.
            gains: ``{capability key: maturity added}``.
            ratings: ``{idea criterion: 1..5}`` (others stay 3).
            values: ``{criterion key: value}`` on the user's own criteria.
        """
        id = _args.text(id, "id")
        title = _args.text(title, "title")
        kind_no = _enums.response_kind_from_key(kind)
        cost = _args.real(cost, "cost")
        months = _args.real(months, "months")
        description = _args.optional_text(description, "description")
        effect_map = {} if effects is None else effects_arg(effects)
        gain_map = {} if gains is None else gains_arg(gains)
        rating_map = {} if ratings is None else ratings_arg(ratings)
        value_map = {} if values is None else values_arg(values)

        with self._handle as ptr:
            check(_core.smb_responses_add(ptr, id, title, kind_no, cost, months))
            try:
                if description:
                    check(_core.smb_responses_set_description(ptr, id, description))
                if effect_map:
                    set_effects(ptr, id, effect_map)
                if gain_map:
                    set_gains(ptr, id, gain_map)
                if rating_map:
                    set_ratings(ptr, id, rating_map)
                if value_map:
                    set_values(ptr, id, value_map)
            except BaseException:
                _core.smb_responses_remove(ptr, id)
                raise
        return Response(self, id)

    def remove(self, id: ResponseRef) -> None:
        """Remove a response (NotFoundError when absent)."""
        id = _id_of(id)
        with self._handle as ptr:
            check(_core.smb_responses_remove(ptr, id))

    # -- criteria ---------------------------------------------------------

    @property
    def criteria(self) -> Tuple[Criterion, ...]:
        """Every criterion, built-in ones first (a snapshot)."""
        with self._handle as ptr:
            return _criteria(ptr)

    def criterion(self, key: str) -> Criterion:
        """The criterion with this key; NotFoundError otherwise."""
        key = _args.text(key, "criterion")
        with self._handle as ptr:
            status, index = _core.smb_responses_find_criterion(ptr, key)
            check(status)
            return _criteria(ptr)[index]

    @property
    def weights(self) -> CriterionWeights:
        """The criteria weights by key, as a live mapping."""
        self._handle.pointer()  # a detached set has no weights to show
        return CriterionWeights(self)

    @weights.setter
    def weights(self, value: Mapping[str, float]) -> None:
        """Assigning a mapping sets the weights it names (see update())."""
        CriterionWeights(self).update(value)

    def add_criterion(self, key: str, title: str, direction: str = "benefit", *,
                      weight: float = 1.0,
                      values: Optional[Mapping[Any, float]] = None) -> Criterion:
        """Add a criterion of your own and return it. Every response needs
        a value on it before the set can be ranked: give them in `values`
        (``{response id: value}``) or later with Response.set_value().
        All-or-nothing."""
        key = _args.text(key, "key")
        title = _args.text(title, "title")
        direction_no = _enums.criterion_direction_from_key(direction)
        weight = _args.real(weight, "weight")
        per_response = {} if values is None else {
            _id_of(k, "response id"): _args.real(v, f"values[{k!r}]")
            for k, v in values.items()}
        with self._handle as ptr:
            check(_core.smb_responses_add_criterion(ptr, key, title, direction_no))
            try:
                if weight != 1.0:
                    check(_core.smb_responses_set_criterion_weight(ptr, key, weight))
                for id, value in per_response.items():
                    check(_core.smb_responses_set_value(ptr, id, key, value))
            except BaseException:
                _core.smb_responses_remove_criterion(ptr, key)
                raise
            status, index = _core.smb_responses_find_criterion(ptr, key)
            check(status)
            return _criteria(ptr)[index]

    def remove_criterion(self, key: str) -> None:
        """Remove a criterion of your own, and every response's value on it."""
        key = _args.text(key, "key")
        with self._handle as ptr:
            check(_core.smb_responses_remove_criterion(ptr, key))

    def set_ahp_weights(self, keys: Iterable[str], matrix: object) -> AhpResult:
        """Weigh the criteria named in `keys` by an AHP pairwise-comparison
        matrix (row and column i for keys[i]); every other criterion gets
        weight 0. An inconsistent matrix is applied all the same: check
        ``result.consistent``. The result's weights are the new weights of
        `keys`, in order."""
        np = _numpy()
        names = list(_args.strings(keys, "keys"))
        table = _table(matrix, "matrix", 2)
        if table.shape != (len(names), len(names)):
            raise InvalidArgumentError(f"matrix must be {len(names)} × {len(names)} (one row and column "
                           f"per key), not {table.shape[0]} × {table.shape[1]}")
        with self._handle as ptr:
            status, raw = _core.smbpy_responses_set_ahp_weights(ptr, names, table)
            check(status)
            weights = CriterionWeights(self)
            new = np.array([weights[key] for key in names], dtype=np.float64)
        new.setflags(write=False)
        return consistency_of(raw, new)

    # -- evaluation -------------------------------------------------------

    def _inputs(self, scenarios: "Optional[Scenarios]",
                resilience: "Optional[Resilience]") -> Tuple[Handle, Optional[Handle]]:
        from .resilience import Resilience
        from .scenarios import Scenarios

        scenario_handle = model_handle(scenarios, Scenarios, "scenarios",
                                       self._companion("scenarios"))
        if scenario_handle is None:
            raise TypeError("the responses need a Scenarios to be evaluated against "
                            "(this set's document has none)")
        return scenario_handle, model_handle(resilience, Resilience, "resilience",
                                             self._companion("resilience"))

    def residual(self, chosen: Iterable[ResponseRef],
                 scenarios: "Optional[Scenarios]" = None,
                 resilience: "Optional[Resilience]" = None) -> Residual:
        """The threat exposure left after implementing the responses
        `chosen` (ids or Response views): likelihoods and impacts cut by
        their effects, capabilities raised by their gains.

        A document's set defaults to its document's scenarios and profile."""
        if isinstance(chosen, (str, bytes)):
            raise TypeError("chosen must be an iterable of response ids, not a single str")
        ids = tuple(_id_of(item, "chosen id") for item in chosen)
        scenario_handle, resilience_handle = self._inputs(scenarios, resilience)
        with pointers(self._handle, scenario_handle, resilience_handle) as (ptr, s, r):
            return residual_of(ptr, s, r, ids)

    def rank(self, scenarios: "Optional[Scenarios]" = None,
             resilience: "Optional[Resilience]" = None,
             method: str = "topsis") -> ResponseRanking:
        """Rank the responses on every criterion by weight, with
        ``"topsis"`` or ``"weighted_sum"``. A response without a value on a
        criterion of your own raises NotFoundError naming both."""
        method_no = _enums.rank_method_from_key(method)
        scenario_handle, resilience_handle = self._inputs(scenarios, resilience)
        with pointers(self._handle, scenario_handle, resilience_handle) as (ptr, s, r):
            return ranking_of(ptr, s, r, method_no)

    def plan(self, budget: Optional[float] = None,
             scenarios: "Optional[Scenarios]" = None,
             resilience: "Optional[Resilience]" = None) -> Portfolio:
        """The responses that leave the least threat exposure for a total
        cost within `budget` (a document's set defaults to the document's
        budget): exact up to 30 candidates, greedy above."""
        if budget is None:
            doc = self._handle.document
            budget = None if doc is None else doc.budget
            if budget is None:
                raise TypeError("plan() needs a budget (and this set's document has none)")
        budget = _args.real(budget, "budget")
        scenario_handle, resilience_handle = self._inputs(scenarios, resilience)
        with pointers(self._handle, scenario_handle, resilience_handle) as (ptr, s, r):
            return portfolio_of(ptr, s, r, budget)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per response, in order: id, title, description, kind,
        cost, months, the four idea ratings, effects, gains and values (the
        last three as dicts). Needs pandas."""
        from ._frame import responses_dataframe

        return responses_dataframe(self)

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle as the fields of every criterion and response, rebuilt
        through the public API: a document would refuse effects on
        scenarios it does not hold."""
        with self._handle as ptr:
            state = {"criteria": [(c.key, c.title, c.direction) for c in _criteria(ptr)
                                  if c.custom],
                     "weights": {c.key: c.weight for c in _criteria(ptr)},
                     "responses": self._fields()}
        return (_rebuild, (state,))

    def _fields(self) -> List[Dict[str, Any]]:
        with self._handle as ptr:
            return [response_fields(ptr, _core.smb_responses_at(ptr, i))
                    for i in range(_core.smb_responses_count(ptr))]

    def _repr_html_(self) -> str:
        return _display.responses_html(self._fields())

    def __repr__(self) -> str:
        try:
            fields = self._fields()
        except Exception:  # a repr must not fail, even on a detached set
            return "<Responses (detached)>"
        return _display.responses_repr(fields)

    __eq__ = Model.__eq__
    __hash__ = None  # type: ignore[assignment]  # mutable


def _rebuild(state: Dict[str, Any]) -> Responses:
    responses = Responses()
    for key, title, direction in state["criteria"]:
        responses.add_criterion(key, title, direction)
    for fields in state["responses"]:
        responses.add(fields["id"], fields["title"], fields["kind"], fields["cost"],
                      fields["months"], description=fields["description"],
                      effects=fields["effects"], gains=fields["gains"],
                      ratings=fields["ratings"], values=fields["values"])
    responses.weights = state["weights"]
    return responses
