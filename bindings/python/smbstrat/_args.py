# SPDX-License-Identifier: MIT
"""Checks of Python argument types before they reach C.

C validates values (ranges, ids, UTF-8); these helpers only make sure that
what is passed has the right Python type and fits the C parameter, so that a
wrong type is a TypeError and a huge number a RangeError, never a crash or a
silent truncation."""

from __future__ import annotations

import numbers
import operator
import os
from typing import Optional, Tuple, Union

from ._errors import InvalidArgumentError, RangeError

__all__ = [
    "text",
    "optional_text",
    "identifier",
    "identifiers",
    "integer",
    "real",
    "strings",
    "path",
]

_INT_MIN = -(2**31)
_INT_MAX = 2**31 - 1
_SIZE_MAX = 2**64 - 1


def _type_name(value: object) -> str:
    return type(value).__name__


def text(value: object, name: str) -> str:
    """`value` itself when it is a str. A NUL character is refused here
    because C would silently cut the string there."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {_type_name(value)}")
    if "\0" in value:
        raise InvalidArgumentError(f"{name} contains a NUL character")
    return value


def optional_text(value: object, name: str) -> Optional[str]:
    """`value` when it is a str or None."""
    if value is None:
        return None
    return text(value, name)


def identifier(value: object, name: str = "id") -> str:
    """An item id from a str or from anything with a str ``id`` (an Item)."""
    if isinstance(value, str):
        return text(value, name)
    item_id = getattr(value, "id", None)
    if isinstance(item_id, str) and not isinstance(value, type):
        return text(item_id, name)
    raise TypeError(f"{name} must be an item id (str) or an Item, not {_type_name(value)}")


def integer(value: object, name: str, *, unsigned: bool = False) -> int:
    """`value` as an int that fits a C ``int`` (or ``size_t`` when
    `unsigned`). Booleans are refused: ``True`` is not an importance."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an integer, not bool")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be an integer, not {_type_name(value)}") from None
    low, high = (0, _SIZE_MAX) if unsigned else (_INT_MIN, _INT_MAX)
    if not low <= number <= high:
        raise RangeError(f"{name}: {number} is out of range")
    return number


def real(value: object, name: str) -> float:
    """`value` as a float (ints and floats, not bool or str)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, not {_type_name(value)}")
    try:
        return float(value)
    except OverflowError:
        raise RangeError(f"{name}: {value} is out of range") from None


def strings(value: object, name: str) -> Tuple[str, ...]:
    """An iterable of str as a tuple. A lone str is refused: it would
    otherwise be taken as a sequence of one-letter strings."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an iterable of str, not a single {_type_name(value)}")
    try:
        items: Tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be an iterable of str, not {_type_name(value)}") from None
    return tuple(text(item, f"{name}[{index}]") for index, item in enumerate(items))


def identifiers(value: object, name: str) -> Tuple[str, ...]:
    """An iterable of item ids or Items as a tuple of ids."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an iterable of ids, not a single {_type_name(value)}")
    try:
        items: Tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be an iterable of ids, not {_type_name(value)}") from None
    return tuple(identifier(item, f"{name}[{index}]") for index, item in enumerate(items))


PathArg = Union[str, "os.PathLike[str]", bytes, "os.PathLike[bytes]"]


def path(value: object, name: str = "path") -> bytes:
    """A file system path (str, bytes or os.PathLike) as bytes for C."""
    try:
        return os.fsencode(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(
            f"{name} must be str, bytes or os.PathLike, not {_type_name(value)}"
        ) from None

