# SPDX-License-Identifier: MIT
"""Translation between the C enumerations and the document's string keys.

The keys come from the C library (smb_*_key, smb_*_from_key) so that Python
and C can never spell them differently."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional, Tuple, Type

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
    from_key: Callable[[str], list],
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
