# SPDX-License-Identifier: MIT
"""The version of the C library actually loaded."""

from __future__ import annotations

from typing import NamedTuple

from . import core as _core

__all__ = ["VersionInfo", "__version__", "version_info"]


class VersionInfo(NamedTuple):
    """A comparable ``(major, minor, patch)`` triple."""

    major: int
    minor: int
    patch: int


#: The linked library's version, "MAJOR.MINOR.PATCH".
__version__: str = _core.smb_version()

_number = _core.smb_version_number()
#: The linked library's version as a comparable tuple.
version_info = VersionInfo(_number // 10000, _number // 100 % 100, _number % 100)
