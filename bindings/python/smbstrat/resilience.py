# SPDX-License-Identifier: MIT
"""Resilience: the five capabilities of digital-disruption resilience, each
with a maturity from 0 to 5, a weight and a rationale, and the indices made
from them (docs/methodology.md, "Resilience")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import (TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, Optional, Tuple,
                    Union)

from . import _args, _display, _enums
from . import core as _core
from ._errors import NotFoundError, check
from ._model import Model, new_handle

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Resilience", "Capability", "CapabilityValues"]

FIELDS = ("maturity", "weight", "rationale")


def _get(field: str) -> Callable[[Any, int], Any]:
    return {"maturity": _core.smb_resilience_maturity,
            "weight": _core.smb_resilience_weight,
            "rationale": _core.smb_resilience_rationale}[field]


def _set(field: str) -> Callable[[Any, int, Any], int]:
    return {"maturity": _core.smb_resilience_set_maturity,
            "weight": _core.smb_resilience_set_weight,
            "rationale": _core.smb_resilience_set_rationale}[field]


def _value(field: str, value: object) -> Any:
    if field == "rationale":
        return _args.optional_text(value, "rationale")
    return _args.real(value, field)


def _apply(ptr: Any, field: str, values: Dict[int, Any]) -> None:
    """Set several capabilities' `field` all-or-nothing: on failure the
    values already set are put back. Positive weights go first, so that
    moving the weight from one capability to another is never refused as
    "the last capability of positive weight"."""
    get, put = _get(field), _set(field)
    order = sorted(values, key=lambda cap: field == "weight" and values[cap] == 0)
    done: Dict[int, Any] = {}
    try:
        for cap in order:
            old = get(ptr, cap)
            check(put(ptr, cap, values[cap]))
            done[cap] = old
    except BaseException:
        for cap in sorted(done, key=lambda c: field == "weight" and done[c] == 0):
            put(ptr, cap, done[cap])
        raise


def _capability_arg(key: object) -> int:
    if isinstance(key, Capability):
        return key._capability
    return _enums.capability_from_key(key, missing=NotFoundError)


class Capability:
    """One capability of a profile, e.g. ``resilience["agility"]``: a view
    whose :attr:`maturity`, :attr:`weight` and :attr:`rationale` read and
    change the profile."""

    __slots__ = ("_resilience", "_capability")

    def __init__(self, resilience: "Resilience", capability: int) -> None:
        self._resilience = resilience
        self._capability = capability

    @property
    def key(self) -> str:
        """The stable key, e.g. ``"customer_centricity"``."""
        return _enums.capability_key(self._capability)

    @property
    def title(self) -> str:
        """The title for people, e.g. ``"Customer-centricity"``."""
        return _core.smb_capability_title(self._capability)

    @property
    def resilience(self) -> "Resilience":
        """The profile holding the capability."""
        return self._resilience

    def _read(self, field: str) -> Any:
        with self._resilience._handle as ptr:
            return _get(field)(ptr, self._capability)

    def _write(self, field: str, value: object) -> None:
        value = _value(field, value)
        with self._resilience._handle as ptr:
            check(_set(field)(ptr, self._capability, value))

    @property
    def maturity(self) -> float:
        """0 (absent) to 5 (leading), fractions allowed."""
        return self._read("maturity")

    @maturity.setter
    def maturity(self, value: float) -> None:
        self._write("maturity", value)

    @property
    def weight(self) -> float:
        """The weight in the resilience index and the weakest link (default
        1; 0 leaves the capability out of both)."""
        return self._read("weight")

    @weight.setter
    def weight(self, value: float) -> None:
        self._write("weight", value)

    @property
    def rationale(self) -> Optional[str]:
        """Why the capability has its maturity, or None."""
        return self._read("rationale")

    @rationale.setter
    def rationale(self, value: Optional[str]) -> None:
        self._write("rationale", value)

    @rationale.deleter
    def rationale(self) -> None:
        self._write("rationale", None)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Capability):
            return NotImplemented
        return (self._capability == other._capability
                and self._resilience._handle.key == other._resilience._handle.key)

    def __hash__(self) -> int:
        return hash((self._resilience._handle.key, self._capability))

    def __repr__(self) -> str:
        try:
            maturity, weight = self.maturity, self.weight
        except Exception:  # a repr must not fail, even on a detached profile
            return f"<Capability {self.key!r} (detached)>"
        shown = "" if weight == 1 else f", weight {_display.number(weight)}"
        return f"<Capability {self.key!r}: maturity {_display.number(maturity)}{shown}>"


class CapabilityValues(Mapping[str, Any]):
    """One field of every capability, by key: ``resilience.maturity``,
    ``.weight`` or ``.rationale``. A live mapping that can be assigned to:
    ``resilience.maturity["agility"] = 3``, or several at once,
    all-or-nothing, with :meth:`update`."""

    __slots__ = ("_resilience", "_field")

    def __init__(self, resilience: "Resilience", field: str) -> None:
        self._resilience = resilience
        self._field = field

    def __getitem__(self, key: object) -> Any:
        capability = _capability_arg(key)
        with self._resilience._handle as ptr:
            return _get(self._field)(ptr, capability)

    def __setitem__(self, key: object, value: object) -> None:
        self.update({key: value})

    def __iter__(self) -> Iterator[str]:
        return iter(_enums.capability_keys())

    def __len__(self) -> int:
        return len(_enums.capability_keys())

    def __contains__(self, key: object) -> bool:
        return key in _enums.capability_keys()

    def update(self, values: Union[Mapping[Any, Any], Iterable[Tuple[object, object]]] = (),
               **more: object) -> None:
        """Set the field of several capabilities; if one value is refused,
        none is changed."""
        pairs = dict(values.items() if isinstance(values, Mapping) else values)
        pairs.update(more)
        converted = {_capability_arg(key): _value(self._field, value)
                     for key, value in pairs.items()}
        with self._resilience._handle as ptr:
            _apply(ptr, self._field, converted)

    def __repr__(self) -> str:
        try:
            shown = dict(self.items())
        except Exception:  # a repr must not fail, even on a detached profile
            return f"<{self._field} of a detached Resilience>"
        return f"<{self._field} of Resilience: {shown!r}>"


class Resilience(Model, Mapping[str, Capability]):
    """A resilience profile: the five capabilities by key.

    ``Resilience()`` makes a new profile that belongs to this object, every
    maturity 0 (nobody assessed it: no mitigation credit), every weight 1.
    ``doc.resilience`` is a view of a document's profile instead.

    >>> profile = Resilience({"adaptability": 3, "agility": 2, "innovation": 4})
    >>> profile.maturity["agility"]
    2.0
    >>> profile["customer_centricity"].maturity = 4
    >>> round(profile.index, 3)             # (3 + 2 + 4 + 4 + 0) / 5 / 5
    0.52
    """

    __slots__ = ()

    _section = "resilience"
    _c_copy = staticmethod(_core.smb_resilience_copy)
    _c_equal = staticmethod(_core.smb_resilience_equal)
    _c_free = staticmethod(_core.smb_resilience_free)

    def __init__(self, maturity: Optional[Mapping[str, float]] = None, *,
                 weight: Optional[Mapping[str, float]] = None,
                 rationale: Optional[Mapping[str, Optional[str]]] = None) -> None:
        """A new profile; `maturity`, `weight` and `rationale` optionally
        map capability keys to their first values."""
        self._handle = new_handle(_core.smb_resilience_new, _core.smb_resilience_free,
                                  self._section)
        for field, values in (("maturity", maturity), ("weight", weight),
                              ("rationale", rationale)):
            if values is not None:
                CapabilityValues(self, field).update(values)

    # -- the mapping of capabilities ---------------------------------------

    def __getitem__(self, key: object) -> Capability:
        """The capability with this key; NotFoundError (a KeyError) otherwise."""
        capability = _capability_arg(key)
        self._handle.pointer()  # a detached profile has no capabilities to show
        return Capability(self, capability)

    def __iter__(self) -> Iterator[str]:
        return iter(_enums.capability_keys())

    def __len__(self) -> int:
        return len(_enums.capability_keys())

    def __contains__(self, key: object) -> bool:
        return key in _enums.capability_keys()

    @property
    def maturity(self) -> CapabilityValues:
        """Every capability's maturity (0 to 5), as a live mapping."""
        return CapabilityValues(self, "maturity")

    @property
    def weight(self) -> CapabilityValues:
        """Every capability's weight in the indices, as a live mapping."""
        return CapabilityValues(self, "weight")

    @property
    def rationale(self) -> CapabilityValues:
        """Every capability's rationale (None when absent), as a live mapping."""
        return CapabilityValues(self, "rationale")

    # -- indices -------------------------------------------------------------

    @property
    def index(self) -> float:
        """The weighted mean maturity divided by 5, from 0 to 1."""
        with self._handle as ptr:
            status, value = _core.smb_resilience_index(ptr)
        check(status)
        return value

    def _weakest(self) -> Tuple[float, str]:
        with self._handle as ptr:
            status, value, capability = _core.smb_resilience_weakest_link(ptr)
        check(status)
        return value, _enums.capability_key(capability)

    @property
    def weakest_link(self) -> float:
        """The lowest maturity among the capabilities of positive weight,
        divided by 5 (0 to 1): one weak capability the mean would hide."""
        return self._weakest()[0]

    @property
    def weakest(self) -> str:
        """The key of the capability holding :attr:`weakest_link` (the
        first in order on a tie)."""
        return self._weakest()[1]

    def relevant(self, capabilities: Iterable[str]) -> float:
        """The plain mean maturity of some capabilities divided by 5: the
        R with which they mitigate a scenario."""
        mask = _enums.capability_mask(capabilities, "capabilities")
        with self._handle as ptr:
            status, value = _core.smb_resilience_relevant(ptr, mask)
        check(status)
        return value

    def to_dict(self) -> Dict[str, Dict[str, Any]]:
        """``{key: {"maturity", "weight", "rationale"}}`` as plain values."""
        with self._handle as ptr:
            return {key: {field: _get(field)(ptr, cap) for field in FIELDS}
                    for cap, key in enumerate(_enums.capability_keys())}

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per capability: capability, title, maturity, weight,
        rationale. Needs pandas."""
        from ._frame import resilience_dataframe

        return resilience_dataframe(self)

    def _repr_html_(self) -> str:
        rows = [(_core.smb_capability_title(cap), values["maturity"], values["weight"])
                for cap, values in enumerate(self.to_dict().values())]
        return _display.resilience_html(rows, self.index, self.weakest_link)

    def __repr__(self) -> str:
        try:
            values = self.to_dict()
            index = self.index
        except Exception:  # a repr must not fail, even on a detached profile
            return "<Resilience (detached)>"
        return _display.resilience_repr({key: v["maturity"] for key, v in values.items()},
                                        index)

    __eq__ = Model.__eq__
    __hash__ = None  # type: ignore[assignment]  # mutable
