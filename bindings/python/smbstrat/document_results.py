# SPDX-License-Identifier: MIT
"""Every score of a document at once (:meth:`Document.score`): what
``smbstrat score`` shows, computed by the C library section by section."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Dict, Mapping, Optional, Tuple

from . import _display, _enums, _result_tables
from . import core as _core
from ._errors import check
from .forces_results import ForcesScore, scored
from .scenario_results import (CanvasHeat, ScenarioScores, StressTest, heat_of, scores_of,
                               stress_of)

__all__ = ["ResilienceScore", "DocumentScore", "document_score"]


@dataclass(frozen=True, repr=False)
class ResilienceScore:
    """The indices of a resilience profile.

    Attributes:
        index: weighted mean maturity / 5, 0 to 1.
        weakest_link: lowest maturity of positive weight / 5; weakest: its
            capability's key.
        maturity: every capability's maturity, by key.
    """

    index: float
    weakest_link: float
    weakest: str
    maturity: Mapping[str, float]

    def __repr__(self) -> str:
        return (f"<ResilienceScore index {_display.number(self.index, 3)}, weakest link "
                f"{_display.number(self.weakest_link, 3)} ({self.weakest})>")

    def _repr_html_(self) -> str:
        return _result_tables.resilience_score_html(self)


@dataclass(frozen=True, repr=False)
class DocumentScore:
    """A whole document scored.

    Attributes:
        forces: the five forces' scores, or None without a forces section.
        resilience: the profile's indices, or None without one.
        scenarios: the scenarios scored against the profile (no mitigation
            credit without one), or None without scenarios.
        stress: for each scenario that shifts drivers, in set order, its
            stress test against the forces; empty without either section.
        heat: the threats' heat on the canvas blocks (item counts when
            there is a canvas), or None without scenarios.
    """

    forces: Optional[ForcesScore]
    resilience: Optional[ResilienceScore]
    scenarios: Optional[ScenarioScores]
    stress: Tuple[StressTest, ...]
    heat: Optional[CanvasHeat]

    def __repr__(self) -> str:
        parts = [name for name in ("forces", "resilience") if getattr(self, name) is not None]
        if self.scenarios is not None:
            parts.append(f"{len(self.scenarios)} scenarios")
            parts.append(f"{len(self.stress)} stress tests")
            parts.append("heat")
        return f"<DocumentScore: {', '.join(parts) or 'nothing to score'}>"

    def _repr_html_(self) -> str:
        return _result_tables.document_score_html(self)


def _resilience(ptr: Any) -> ResilienceScore:
    status, index = _core.smb_resilience_index(ptr)
    check(status)
    status, weakest_link, weakest = _core.smb_resilience_weakest_link(ptr)
    check(status)
    return ResilienceScore(
        index=index,
        weakest_link=weakest_link,
        weakest=_enums.capability_key(weakest),
        maturity=MappingProxyType({key: _core.smb_resilience_maturity(ptr, cap)
                                   for cap, key in enumerate(_enums.capability_keys())}),
    )


def document_score(ptrs: Dict[str, Any]) -> DocumentScore:
    """Score the C sections `ptrs` (None for an absent one). The caller
    holds the document's lock."""
    forces, resilience, scenarios = ptrs["forces"], ptrs["resilience"], ptrs["scenarios"]
    stress: Tuple[StressTest, ...] = ()
    if scenarios is not None and forces is not None:
        stress = tuple(
            stress_of(scenarios, _core.smb_scenario_id(scenario), forces)
            for scenario in (_core.smb_scenarios_at(scenarios, i)
                             for i in range(_core.smb_scenarios_count(scenarios)))
            if _core.smb_scenario_shift_count(scenario) > 0)
    return DocumentScore(
        forces=None if forces is None else scored(forces, lambda result: result.whole()),
        resilience=None if resilience is None else _resilience(resilience),
        scenarios=None if scenarios is None else scores_of(scenarios, resilience),
        stress=stress,
        heat=None if scenarios is None else heat_of(scenarios, resilience, ptrs["canvas"]),
    )
