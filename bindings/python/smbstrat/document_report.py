# SPDX-License-Identifier: MIT
"""The shareable report of a document (smbstrat/report.h), rendered by the
C library: :meth:`Document.report` and :meth:`Document.save_report`.

The report's sections, sentences and figures are all the library's
(docs/report.md); this module passes the document and, optionally, the C
result behind a :class:`SimulationResult`, and writes the text to a file."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Optional

from . import _args
from . import core as _core
from ._errors import InvalidArgumentError, check
from ._handles import OwnedHandle, lock_all
from .simulation_results import SimulationResult

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["render_report", "save_report", "format_of_path"]

# The format a file's suffix asks for, when save_report() is given none.
_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def _format_number(format: object) -> int:
    """The smb_format of a key; which formats a report takes is the
    library's to say (it refuses svg)."""
    status, number = _core.smb_format_from_key(_args.text(format, "format"))
    if status != _core.SMB_OK:
        raise InvalidArgumentError(f"format {format!r}: a report is html or markdown")
    return number


def render_report(doc: "Document", format: object, simulation: object) -> str:
    """Document.report(): smb_report_render() on `doc` and the C result of
    `simulation` (None: no simulation)."""
    number = _format_number(format)
    if simulation is None:
        with doc._lock:
            status, text = _core.smb_report_render(doc._ptr, None, number)
        check(status)
        return text
    owner = _simulation_owner(simulation)
    with lock_all(doc._lock, owner.lock):
        status, text = _core.smb_report_render(doc._ptr, owner.pointer(), number)
    check(status)
    return text


def _simulation_owner(simulation: object) -> OwnedHandle:
    """The C result behind a SimulationResult, which the report reads."""
    if not isinstance(simulation, SimulationResult):
        raise TypeError(f"simulation must be a SimulationResult or None, not "
                        f"{type(simulation).__name__}")
    return simulation._c_result()


def format_of_path(path: object) -> str:
    """The report format a file name's suffix asks for."""
    name = os.fsdecode(_args.path(path))
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in _SUFFIX_FORMATS:
        raise InvalidArgumentError(
            f"path {name!r}: the suffix {suffix or '(none)'!r} names no report format "
            f"(.html, .htm, .md or .markdown); pass format='html' or 'markdown'")
    return _SUFFIX_FORMATS[suffix]


def save_report(doc: "Document", path: object, format: Optional[str], simulation: object) -> None:
    """Document.save_report(): smb_report_save(), which renders the report
    whole and writes it over `path` atomically, as a document is saved."""
    raw = _args.path(path)
    number = _format_number(format_of_path(path) if format is None else format)
    if simulation is None:
        with doc._lock:
            check(_core.smb_report_save(doc._ptr, None, number, raw))
        return
    owner = _simulation_owner(simulation)
    with lock_all(doc._lock, owner.lock):
        check(_core.smb_report_save(doc._ptr, owner.pointer(), number, raw))
