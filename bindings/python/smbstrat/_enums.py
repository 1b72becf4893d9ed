# SPDX-License-Identifier: MIT
"""Translation between the C enumerations and the document's string keys.

The keys come from the C library (smb_*_key, smb_*_from_key) so that Python
and C can never spell them differently."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, FrozenSet, List, Optional, Tuple, Type

from . import core as _core
from ._errors import Error, InvalidArgumentError, check

__all__ = [
    "block_keys",
    "block_key",
    "block_from_key",
    "evidence_keys",
    "evidence_key",
    "evidence_from_key",
    "kind_keys",
    "kind_key",
    "kind_from_key",
    "format_keys",
    "format_from_key",
    "severity_key",
    "change_kind_key",
    "field_names",
    "force_keys",
    "force_key",
    "force_from_key",
    "band_key",
    "driver_field_names",
    "capability_keys",
    "capability_key",
    "capability_from_key",
    "capabilities_of",
    "capability_mask",
    "source_keys",
    "source_key",
    "source_from_key",
    "direction_keys",
    "direction_key",
    "direction_from_key",
    "scenario_kind_keys",
    "scenario_kinds_of",
    "scenario_kind_flags",
    "dist_keys",
    "dist_from_key",
    "risk_band_keys",
    "criterion_direction_keys",
    "criterion_direction_from_key",
    "response_kind_keys",
    "response_kind_key",
    "response_kind_from_key",
    "idea_criterion_keys",
    "idea_criterion_from_key",
    "rank_method_keys",
    "rank_method_key",
    "rank_method_from_key",
    "plan_method_key",
    "sim_measure_keys",
    "sim_measure_key",
    "sim_measure_from_key",
    "sim_side_key",
    "sim_input_kind_key",
]


def _keys(key_of: Callable[[int], Optional[str]], start: int = 0) -> Tuple[str, ...]:
    # Every enumeration is dense and small; the C side ends it with NULL.
    keys = []
    for value in range(start, start + 64):
        key = key_of(value)
        if key is None:
            break
        keys.append(key)
    return tuple(keys)


@lru_cache(maxsize=None)
def block_keys() -> Tuple[str, ...]:
    """The nine block keys, in canvas order."""
    return _keys(_core.smb_block_key)


@lru_cache(maxsize=None)
def evidence_keys() -> Tuple[str, ...]:
    """The evidence levels, weakest claim first."""
    return _keys(_core.smb_evidence_key)


@lru_cache(maxsize=None)
def kind_keys() -> Tuple[str, ...]:
    """The amount kinds (revenue kinds, then cost kinds), without "none"."""
    return _keys(_core.smb_amount_kind_key, start=_core.SMB_KIND_NONE + 1)


@lru_cache(maxsize=None)
def format_keys() -> Tuple[str, ...]:
    """The renderers' output formats."""
    return _keys(_core.smb_format_key)


def _lookup(
    what: str,
    key: object,
    from_key: Callable[[str], List[Any]],
    keys: Callable[[], Tuple[str, ...]],
    missing: Type[Error],
) -> int:
    if not isinstance(key, str):
        raise TypeError(f"{what} must be str, not {type(key).__name__}")
    unknown = f"unknown {what} {key!r}; expected one of: {', '.join(keys())}"
    if "\0" in key:  # C would see a shorter key
        raise missing(unknown)
    status, value = from_key(key)
    if status == _core.SMB_ENOTFOUND:
        raise missing(unknown)
    check(status)
    return value


def block_from_key(key: object, missing: Type[Error] = InvalidArgumentError) -> int:
    """The block number of `key`. An unknown key raises `missing` (a
    ValueError by default; subscripting passes NotFoundError, a KeyError)."""
    return _lookup("block", key, _core.smb_block_from_key, block_keys, missing)


def block_key(block: int) -> Optional[str]:
    """The key of block number `block`, or None for ``SMB_BLOCK_NONE``."""
    return _core.smb_block_key(block)


def evidence_from_key(key: object) -> int:
    return _lookup("evidence level", key, _core.smb_evidence_from_key, evidence_keys,
                   InvalidArgumentError)


def evidence_key(evidence: int) -> str:
    return _core.smb_evidence_key(evidence)


def kind_from_key(key: object) -> int:
    """The kind number of `key`; None means no kind."""
    if key is None:
        return _core.SMB_KIND_NONE
    return _lookup("amount kind", key, _core.smb_amount_kind_from_key, kind_keys,
                   InvalidArgumentError)


def kind_key(kind: int) -> Optional[str]:
    """The key of `kind`; None for no kind."""
    return _core.smb_amount_kind_key(kind) or None


def format_from_key(key: object) -> int:
    return _lookup("format", key, _core.smb_format_from_key, format_keys,
                   InvalidArgumentError)


def severity_key(severity: int) -> str:
    return _core.smb_severity_key(severity)


def change_kind_key(kind: int) -> str:
    return _core.smb_change_kind_key(kind)


def _bit_names(fields: int, key_of: Callable[[int], Optional[str]]) -> Tuple[str, ...]:
    names = []
    bit = 1
    while bit <= fields:
        if fields & bit:
            names.append(key_of(bit) or f"field_{bit:#x}")
        bit <<= 1
    return tuple(names)


def field_names(fields: int) -> Tuple[str, ...]:
    """The names of the ``smb_field`` bits set in `fields`, lowest bit first."""
    return _bit_names(fields, _core.smb_field_key)


@lru_cache(maxsize=None)
def force_keys() -> Tuple[str, ...]:
    """The five force keys, in document order."""
    return _keys(_core.smb_force_key)


def force_key(force: int) -> str:
    return _core.smb_force_key(force)


def force_from_key(key: object, missing: Type[Error] = InvalidArgumentError) -> int:
    """The force number of `key`. An unknown key raises `missing` (a
    ValueError by default; subscripting passes NotFoundError, a KeyError)."""
    return _lookup("force", key, _core.smb_force_from_key, force_keys, missing)


def band_key(band: int) -> Optional[str]:
    """``"low"``, ``"moderate"`` or ``"high"``; None for no band."""
    return _core.smb_force_band_key(band)


def driver_field_names(fields: int) -> Tuple[str, ...]:
    """The names of the ``smb_driver_field`` bits set in `fields`."""
    return _bit_names(fields, _core.smb_driver_field_key)


# -- resilience, scenarios and responses -------------------------------------


@lru_cache(maxsize=None)
def capability_keys() -> Tuple[str, ...]:
    """The five capability keys, in profile order."""
    return _keys(_core.smb_capability_key)


def capability_key(capability: int) -> str:
    return _core.smb_capability_key(capability)


def capability_from_key(key: object, missing: Type[Error] = InvalidArgumentError) -> int:
    """The capability number of `key`. An unknown key raises `missing` (a
    ValueError by default; subscripting passes NotFoundError, a KeyError)."""
    return _lookup("capability", key, _core.smb_capability_from_key, capability_keys, missing)


def capabilities_of(mask: int) -> Tuple[str, ...]:
    """The keys of the capabilities whose bits are set in `mask`, in order."""
    return tuple(key for bit, key in enumerate(capability_keys()) if mask & (1 << bit))


def capability_mask(keys: object, name: str) -> int:
    """The bit mask of an iterable of capability keys (each at most once)."""
    if isinstance(keys, (str, bytes)):
        raise TypeError(f"{name} must be an iterable of capability keys, not a single "
                        f"{type(keys).__name__}")
    try:
        items: Tuple[object, ...] = tuple(keys)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be an iterable of capability keys, not "
                        f"{type(keys).__name__}") from None
    mask = 0
    for item in items:
        bit = 1 << capability_from_key(item)
        if mask & bit:
            raise InvalidArgumentError(f"{name}: capability {item!r} is listed twice")
        mask |= bit
    return mask


@lru_cache(maxsize=None)
def source_keys() -> Tuple[str, ...]:
    """The sources of disruption, in document order."""
    return _keys(_core.smb_source_key)


def source_key(source: int) -> str:
    return _core.smb_source_key(source)


def source_from_key(key: object) -> int:
    return _lookup("source", key, _core.smb_source_from_key, source_keys, InvalidArgumentError)


@lru_cache(maxsize=None)
def direction_keys() -> Tuple[str, ...]:
    """``("threat", "opportunity")``."""
    return _keys(_core.smb_direction_key)


def direction_key(direction: int) -> str:
    return _core.smb_direction_key(direction)


def direction_from_key(key: object, missing: Type[Error] = InvalidArgumentError) -> int:
    return _lookup("direction", key, _core.smb_direction_from_key, direction_keys, missing)


@lru_cache(maxsize=None)
def scenario_kind_keys() -> Tuple[str, ...]:
    """The kind flags of a scenario, lowest bit first."""
    keys = []
    for bit in range(32):
        key = _core.smb_scenario_kind_key(1 << bit)
        if key is None:
            break
        keys.append(key)
    return tuple(keys)


def scenario_kinds_of(flags: int) -> FrozenSet[str]:
    """The keys of the kind flags set in `flags`."""
    return frozenset(key for bit, key in enumerate(scenario_kind_keys()) if flags & (1 << bit))


def scenario_kind_flags(keys: object, name: str = "kind") -> int:
    """The flags of an iterable of kind keys. Whether two flags of one pair
    are set together is for C to refuse."""
    if isinstance(keys, (str, bytes)):
        raise TypeError(f"{name} must be an iterable of kind keys, not a single "
                        f"{type(keys).__name__}")
    try:
        items: Tuple[object, ...] = tuple(keys)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be an iterable of kind keys, not "
                        f"{type(keys).__name__}") from None
    flags = 0
    for item in items:
        flags |= _lookup("scenario kind", item, _core.smb_scenario_kind_from_key,
                         scenario_kind_keys, InvalidArgumentError)
    return flags


@lru_cache(maxsize=None)
def dist_keys() -> Tuple[str, ...]:
    """The forms of an estimate: point, uniform, triangular, pert."""
    return _keys(_core.smb_dist_key)


def dist_from_key(key: object) -> int:
    return _lookup("dist", key, _core.smb_dist_from_key, dist_keys, InvalidArgumentError)


@lru_cache(maxsize=None)
def risk_band_keys() -> Tuple[str, ...]:
    return _keys(_core.smb_risk_band_key)


@lru_cache(maxsize=None)
def criterion_direction_keys() -> Tuple[str, ...]:
    """``("benefit", "cost")``."""
    return _keys(_core.smb_criterion_direction_key)


def criterion_direction_from_key(key: object) -> int:
    return _lookup("criterion direction", key, _core.smb_criterion_direction_from_key,
                   criterion_direction_keys, InvalidArgumentError)


@lru_cache(maxsize=None)
def response_kind_keys() -> Tuple[str, ...]:
    """The families of responses, in document order."""
    return _keys(_core.smb_response_kind_key)


def response_kind_key(kind: int) -> str:
    return _core.smb_response_kind_key(kind)


def response_kind_from_key(key: object) -> int:
    return _lookup("response kind", key, _core.smb_response_kind_from_key, response_kind_keys,
                   InvalidArgumentError)


@lru_cache(maxsize=None)
def idea_criterion_keys() -> Tuple[str, ...]:
    """feasibility, viability, desirability, strategic_alignment."""
    return _keys(_core.smb_idea_criterion_key)


def idea_criterion_from_key(key: object, missing: Type[Error] = InvalidArgumentError) -> int:
    return _lookup("idea criterion", key, _core.smb_idea_criterion_from_key,
                   idea_criterion_keys, missing)


@lru_cache(maxsize=None)
def rank_method_keys() -> Tuple[str, ...]:
    """``("weighted_sum", "topsis")``."""
    return _keys(_core.smb_rank_method_key)


def rank_method_key(method: int) -> str:
    return _core.smb_rank_method_key(method)


def rank_method_from_key(key: object) -> int:
    return _lookup("ranking method", key, _core.smb_rank_method_from_key, rank_method_keys,
                   InvalidArgumentError)


def plan_method_key(method: int) -> str:
    return _core.smb_plan_method_key(method)


@lru_cache(maxsize=None)
def sim_measure_keys() -> Tuple[str, ...]:
    """``("severity", "money")``: what a simulated trial's total adds up."""
    return _keys(_core.smb_sim_measure_key)


def sim_measure_key(measure: int) -> str:
    return _core.smb_sim_measure_key(measure)


def sim_measure_from_key(key: object) -> int:
    return _lookup("measure", key, _core.smb_sim_measure_from_key, sim_measure_keys,
                   InvalidArgumentError)


def sim_side_key(side: int) -> str:
    """``"loss"`` or ``"upside"``."""
    return _core.smb_sim_side_key(side)


def sim_input_kind_key(kind: int) -> str:
    """``"likelihood"``, ``"impact"`` or ``"money"``."""
    return _core.smb_sim_input_kind_key(kind)
