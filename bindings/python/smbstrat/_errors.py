# SPDX-License-Identifier: MIT
"""The exceptions raised by smbstrat, and their construction from C status
codes and the library's thread-local error detail."""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Type

from . import core as _core

__all__ = [
    "Error",
    "InvalidArgumentError",
    "NoMemoryError",
    "ParseError",
    "SchemaError",
    "NotFoundError",
    "ExistsError",
    "RangeError",
    "FileError",
    "LimitError",
    "CanceledError",
    "DetachedError",
]


class Error(Exception):
    """Base class of every error libsmbstrat reports.

    Attributes:
        status: the C status code (a negative int, e.g. ``core.SMB_ERANGE``).
        status_name: the code's name, e.g. ``"SMB_ERANGE"``.
        message: the one-line message, as ``str(error)`` shows it.
        file: the file being read or written, or None.
        path: the JSON path of the offending value (``"$.canvas.channels[2]"``),
            or None.
        line, column: 1-based position in the input, or None when unknown.
    """

    #: The status an instance gets when none is given.
    default_status: int = _core.SMB_EINVAL

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        file: Optional[str] = None,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = self.default_status if status is None else status
        self.file = file
        self.path = path
        self.line = line
        self.column = column

    @property
    def status_name(self) -> str:
        """The stable name of :attr:`status`, e.g. ``"SMB_ENOTFOUND"``."""
        return _core.smb_status_name(self.status)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status_name})"

    def __reduce__(self) -> Tuple[Any, ...]:  # keep the keyword-only details through pickling
        details = {
            "status": self.status,
            "file": self.file,
            "path": self.path,
            "line": self.line,
            "column": self.column,
        }
        return (_rebuild, (type(self), self.message, details))


def _rebuild(cls: Type[Error], message: str, details: Dict[str, Any]) -> Error:
    return cls(message, **details)


class InvalidArgumentError(Error, ValueError):
    """An argument was refused (bad id, empty text, disallowed link...)."""

    default_status = _core.SMB_EINVAL


class NoMemoryError(Error, MemoryError):
    """The library ran out of memory; nothing was changed."""

    default_status = _core.SMB_ENOMEM


class ParseError(Error):
    """The input is not well-formed JSON or not valid UTF-8.

    :attr:`file`, :attr:`line` and :attr:`column` locate the problem."""

    default_status = _core.SMB_EPARSE


class SchemaError(Error):
    """Well-formed JSON that does not follow the document format.

    :attr:`path` names the offending value, :attr:`line` and :attr:`column`
    locate it."""

    default_status = _core.SMB_ESCHEMA


class NotFoundError(Error, KeyError):
    """No item, block or key by that name."""

    default_status = _core.SMB_ENOTFOUND


class ExistsError(Error, ValueError):
    """The id or link already exists."""

    default_status = _core.SMB_EEXIST


class RangeError(Error, ValueError):
    """A number is out of range, NaN or infinite."""

    default_status = _core.SMB_ERANGE


class FileError(Error, OSError):
    """Reading or writing a file failed (``filename`` is the file)."""

    default_status = _core.SMB_EIO

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message, **details)
        self.filename = self.file


class LimitError(Error, ValueError):
    """A documented limit (size, count, length, depth) was exceeded."""

    default_status = _core.SMB_ELIMIT


class CanceledError(Error):
    """A callback asked the operation to stop."""

    default_status = _core.SMB_ECANCELED


class DetachedError(Error):
    """A view outlived what it showed: its document's section (the canvas,
    the forces) was replaced or removed, so the view has nothing left to
    look at."""

    default_status = _core.SMB_EINVAL


_BY_STATUS_CLASSES: Tuple[Type[Error], ...] = (
    InvalidArgumentError,
    NoMemoryError,
    ParseError,
    SchemaError,
    NotFoundError,
    ExistsError,
    RangeError,
    FileError,
    LimitError,
    CanceledError,
)
_BY_STATUS: Dict[int, Type[Error]] = {cls.default_status: cls for cls in _BY_STATUS_CLASSES}


def error_from_status(status: int) -> Error:
    """The exception for a failed call that returned `status`.

    Must be called right after the failing call, on the same thread, before
    any other libsmbstrat call: the detail lives in thread-local storage."""
    info = _core.smb_last_error_info()
    cls = _BY_STATUS.get(status, Error)
    if info.status != status:
        return cls(_core.smb_strerror(status), status=status)
    return cls(
        info.message or _core.smb_strerror(status),
        status=status,
        file=info.file,
        path=info.path,
        line=info.line or None,
        column=info.column or None,
    )


def check(status: int) -> None:
    """Raise the exception for `status` unless it is ``SMB_OK``."""
    if status != _core.SMB_OK:
        raise error_from_status(status)
