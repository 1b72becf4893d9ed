# SPDX-License-Identifier: MIT
"""Plain result records of responses: residual exposure, the
multi-criteria ranking and the budgeted portfolio, and their copying out of
the C results.

The records are copies, detached from the sets that produced them. Every
number in them was computed by the C library (docs/methodology.md,
"Responses and decisions")."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence, Tuple

from . import _display, _enums, _result_tables
from . import core as _core
from ._errors import NotFoundError, check

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "ResidualScenario",
    "Residual",
    "RankCriterion",
    "ResponseRank",
    "ResponseRanking",
    "PortfolioItem",
    "Portfolio",
    "residual_of",
    "ranking_of",
    "portfolio_of",
]


def _find(records: Sequence[Any], id: str, what: str) -> Any:
    for record in records:
        if record.id == id:
            return record
    raise NotFoundError(f"no {what} {id!r} in this result")


# -- residual exposure ---------------------------------------------------------


@dataclass(frozen=True)
class ResidualScenario:
    """One threat before and after the chosen responses.

    Attributes:
        id: the scenario; index: its position in the scenario set.
        likelihood_factor: Π(1 − likelihood_reduction) over the effects on it.
        impact_factor: Π(1 − impact_reduction) over the effects on it.
        base: its exposure without the responses; residual: with them.
    """

    id: str
    index: int
    likelihood_factor: float
    impact_factor: float
    base: float
    residual: float


@dataclass(frozen=True, repr=False)
class Residual:
    """The threat exposure left after some responses
    (:meth:`Responses.residual`); ``residual["online-giant"]`` is one threat's.

    Attributes:
        chosen: the responses' ids, as given.
        base: total threat exposure without them; total: with them;
            reduction: base − total.
        cost: their total cost.
        gains: the maturity they add to each capability (capped at 5).
        scenarios: every threat, in set order.
    """

    chosen: Tuple[str, ...]
    base: float
    total: float
    reduction: float
    cost: float
    gains: Mapping[str, float]
    scenarios: Tuple[ResidualScenario, ...]

    def __getitem__(self, id: str) -> ResidualScenario:
        return _find(self.scenarios, id, "threat")

    def __repr__(self) -> str:
        count = len(self.chosen)
        return (f"<Residual of {count} {_display.plural(count, 'response')}: exposure "
                f"{_display.number(self.base, 3)} \u2192 {_display.number(self.total, 3)}, "
                f"cost {self.cost:g}>")

    def _repr_html_(self) -> str:
        return _result_tables.residual_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per threat: id, likelihood_factor, impact_factor, base,
        residual, reduction. Needs pandas."""
        from ._frame import residual_dataframe

        return residual_dataframe(self)


def residual_of(set_ptr: Any, scenarios_ptr: Any, resilience_ptr: Any,
                chosen: Tuple[str, ...]) -> Residual:
    """The residual exposure of the C set's responses `chosen`. The caller
    holds every owner's lock."""
    status, raw = _core.smb_responses_residual(set_ptr, scenarios_ptr, resilience_ptr,
                                               list(chosen))
    check(status)
    try:
        threats = []
        for i in range(_core.smb_residual_scenario_count(raw)):
            s = _core.smb_residual_scenario_at(raw, i)
            threats.append(ResidualScenario(
                id=s.id, index=s.index, likelihood_factor=s.likelihood_factor,
                impact_factor=s.impact_factor, base=s.base, residual=s.residual))
        return Residual(
            chosen=chosen,
            base=_core.smb_residual_base(raw),
            total=_core.smb_residual_total(raw),
            reduction=_core.smb_residual_reduction(raw),
            cost=_core.smb_residual_cost(raw),
            gains=MappingProxyType({key: _core.smb_residual_gain(raw, cap)
                                    for cap, key in enumerate(_enums.capability_keys())}),
            scenarios=tuple(threats),
        )
    finally:
        _core.smb_residual_free(raw)


# -- ranking -----------------------------------------------------------------


@dataclass(frozen=True)
class RankCriterion:
    """One column of a ranking.

    Attributes:
        key: the criterion's key.
        weight: its weight, normalised so that the weights sum to 1.
        direction: ``"benefit"`` (more is better) or ``"cost"``.
    """

    key: str
    weight: float
    direction: str


@dataclass(frozen=True, repr=False)
class ResponseRank:
    """One ranked response.

    Attributes:
        id, title: the response; index: its position in the set.
        exposure_reduction: the threat exposure it removes on its own.
        score: 0 (worst) to 1 (best); rank: 1-based, best first.
        values: its row of the decision table, ``{criterion key: value}``.
    """

    id: str
    title: str
    index: int
    exposure_reduction: float
    score: float
    rank: int
    values: Mapping[str, float]

    def __repr__(self) -> str:
        return (f"<ResponseRank {self.rank}. {self.id!r}: score "
                f"{_display.number(self.score, 3)}, exposure reduction "
                f"{_display.number(self.exposure_reduction, 3)}>")


@dataclass(frozen=True, repr=False)
class ResponseRanking:
    """Responses ranked on every criterion of their set
    (:meth:`Responses.rank`). Iterating walks them best first;
    ``ranking["online-shop"]`` is one response's record.

    Attributes:
        method: ``"weighted_sum"`` or ``"topsis"``.
        ranked: the responses, best first.
        criteria: the decision table's columns, in order.
    """

    method: str
    ranked: Tuple[ResponseRank, ...]
    criteria: Tuple[RankCriterion, ...]

    def __getitem__(self, id: str) -> ResponseRank:
        return _find(self.ranked, id, "response")

    def __repr__(self) -> str:
        best = ", ".join(f"{r.rank}. {r.id} {_display.number(r.score, 3)}"
                         for r in self.ranked[:3])
        more = ", \u2026" if len(self.ranked) > 3 else ""
        return f"<ResponseRanking {self.method}" + (f": {best}{more}>" if best else ">")

    def __iter__(self) -> Iterator[ResponseRank]:
        return iter(self.ranked)

    def __len__(self) -> int:
        return len(self.ranked)

    def _repr_html_(self) -> str:
        return _result_tables.ranking_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per response, best first: rank, id, title, score, then
        its value on each criterion (one column per criterion key, in the
        set's order). Needs pandas."""
        from ._frame import ranking_dataframe

        return ranking_dataframe(self)


def ranking_of(set_ptr: Any, scenarios_ptr: Any, resilience_ptr: Any,
               method: int) -> ResponseRanking:
    """Rank the C set's responses. The caller holds every owner's lock."""
    status, raw = _core.smb_responses_rank(set_ptr, scenarios_ptr, resilience_ptr, method)
    check(status)
    try:
        criteria = tuple(
            RankCriterion(
                key=_core.smb_response_ranking_criterion_key(raw, j),
                weight=_core.smb_response_ranking_criterion_weight(raw, j),
                direction=_enums.criterion_direction_keys()[
                    _core.smb_response_ranking_criterion_direction(raw, j)])
            for j in range(_core.smb_response_ranking_criterion_count(raw)))
        ranked = []
        for i in range(_core.smb_response_ranking_count(raw)):
            r = _core.smb_response_ranking_ranked_at(raw, i)
            ranked.append(ResponseRank(
                id=r.id, title=r.title, index=r.index,
                exposure_reduction=r.exposure_reduction, score=r.score, rank=r.rank,
                values=MappingProxyType({
                    c.key: _core.smb_response_ranking_value(raw, r.index, j)
                    for j, c in enumerate(criteria)})))
        return ResponseRanking(
            method=_enums.rank_method_key(_core.smb_response_ranking_method(raw)),
            ranked=tuple(ranked),
            criteria=criteria,
        )
    finally:
        _core.smb_response_ranking_free(raw)


# -- portfolio -----------------------------------------------------------------


@dataclass(frozen=True)
class PortfolioItem:
    """One chosen response and what it contributes.

    Attributes:
        id, title: the response; index: its position in the set.
        cost, months: its cost and time to implement.
        standalone: the exposure it removes on its own.
        incremental: what it removes on top of the items listed before it
            (the increments sum to the portfolio's reduction).
        marginal: what the portfolio would lose without it.
    """

    id: str
    title: str
    index: int
    cost: float
    months: float
    standalone: float
    incremental: float
    marginal: float


@dataclass(frozen=True, repr=False)
class Portfolio:
    """The responses that leave the least threat exposure within a budget
    (:meth:`Responses.plan`).

    Attributes:
        budget: the budget it was chosen for.
        method: ``"exact"`` (branch and bound: no affordable set does
            better) or ``"greedy"`` (above 30 candidates); exact: whether
            it is ``"exact"``.
        candidates: the affordable responses that remove some exposure.
        cost: the chosen responses' total cost.
        base: total threat exposure before; residual: after; reduction:
            base − residual.
        contributions: the chosen responses, largest increment first.
    """

    budget: float
    method: str
    exact: bool
    candidates: int
    cost: float
    base: float
    residual: float
    reduction: float
    contributions: Tuple[PortfolioItem, ...]

    def __repr__(self) -> str:
        count = len(self.contributions)
        return (f"<Portfolio {self.method}, budget {self.budget:g}: {count} chosen, cost "
                f"{self.cost:g}, exposure {_display.number(self.base, 3)} \u2192 "
                f"{_display.number(self.residual, 3)}>")

    @property
    def chosen(self) -> Tuple[str, ...]:
        """The chosen responses' ids, largest increment first."""
        return tuple(item.id for item in self.contributions)

    def __getitem__(self, id: str) -> PortfolioItem:
        return _find(self.contributions, id, "chosen response")

    def __iter__(self) -> Iterator[PortfolioItem]:
        return iter(self.contributions)

    def __len__(self) -> int:
        return len(self.contributions)

    def _repr_html_(self) -> str:
        return _result_tables.portfolio_html(self)

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per chosen response, largest increment first: id, title,
        cost, months, standalone, incremental, marginal. Needs pandas."""
        from ._frame import portfolio_dataframe

        return portfolio_dataframe(self)


def portfolio_of(set_ptr: Any, scenarios_ptr: Any, resilience_ptr: Any,
                 budget: float) -> Portfolio:
    """Plan the C set's portfolio. The caller holds every owner's lock."""
    status, raw = _core.smb_responses_plan(set_ptr, scenarios_ptr, resilience_ptr, budget)
    check(status)
    try:
        items = []
        for i in range(_core.smb_portfolio_count(raw)):
            p = _core.smb_portfolio_at(raw, i)
            items.append(PortfolioItem(
                id=p.id, title=p.title, index=p.index, cost=p.cost, months=p.months,
                standalone=p.standalone, incremental=p.incremental, marginal=p.marginal))
        method = _core.smb_portfolio_method(raw)
        return Portfolio(
            budget=_core.smb_portfolio_budget(raw),
            method=_enums.plan_method_key(method),
            exact=method == _core.SMB_PLAN_EXACT,
            candidates=_core.smb_portfolio_candidate_count(raw),
            cost=_core.smb_portfolio_cost(raw),
            base=_core.smb_portfolio_base(raw),
            residual=_core.smb_portfolio_residual(raw),
            reduction=_core.smb_portfolio_reduction(raw),
            contributions=tuple(items),
        )
    finally:
        _core.smb_portfolio_free(raw)
