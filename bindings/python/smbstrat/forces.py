# SPDX-License-Identifier: MIT
"""Forces: a Porter five-forces assessment, rated driver by driver, scored,
explained, compared and rendered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple, Union

from . import _args, _display, _enums
from . import core as _core
from ._errors import NotFoundError, check
from ._handles import Handle, OwnedHandle, lock_all
from .driver import Driver
from .force import Force
from .forces_results import (
    DriverSwing,
    ForcesComparison,
    ForcesScore,
    compared,
    defined,
    scored,
    tornado,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Forces", "driver_counts"]

ForceRef = Union[str, Force]
DriverRef = Union[str, Driver]


def _owned(ptr: Any) -> Handle:
    return OwnedHandle(ptr, _core.smb_forces_free, "forces")


def _force_arg(value: object) -> int:
    """A force number from a key or a Force view (of any assessment)."""
    if isinstance(value, Force):
        return value._force
    return _enums.force_from_key(value)


def _driver_key(value: object) -> str:
    if isinstance(value, Driver):
        return value.key
    return _args.text(value, "key")


def driver_counts(ptr: Any) -> Tuple[int, int]:
    """(rated, total) drivers of the C assessment `ptr`, all forces."""
    rated = total = 0
    for force in range(len(_enums.force_keys())):
        count = _core.smb_forces_driver_count(ptr, force)
        total += count
        rated += sum(_core.smb_driver_is_rated(_core.smb_forces_driver_at(ptr, force, i))
                     for i in range(count))
    return rated, total


class Forces:
    """A five-forces assessment of an industry.

    ``Forces()`` makes a new assessment that belongs to this object: every
    force holds Porter's catalogue of drivers, all unrated with weight 1.
    ``doc.forces`` returns a view of a document's assessment instead:
    changing it changes the document, and it keeps the document alive.

    ``forces["rivalry"]`` is one :class:`Force`; ``for force in forces``
    walks the five in order.

    >>> forces = Forces(name="Bakeries in town")
    >>> forces["rivalry"]["exit_barriers"].rating = 4
    >>> forces["rivalry"].score
    4.0
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, name: Optional[str] = None, description: Optional[str] = None) -> None:
        name = _args.optional_text(name, "name")
        description = _args.optional_text(description, "description")
        status, ptr = _core.smb_forces_new()
        check(status)
        self._handle: Handle = _owned(ptr)
        if name:
            self.name = name
        if description:
            self.description = description

    @classmethod
    def _from_handle(cls, handle: Handle) -> "Forces":
        forces = cls.__new__(cls)
        forces._handle = handle
        return forces

    # -- properties -------------------------------------------------------

    @property
    def name(self) -> str:
        """What is assessed, e.g. "Artisan bakeries in Leeds"; "" when unset."""
        with self._handle as ptr:
            return _core.smb_forces_name(ptr)

    @name.setter
    def name(self, value: Optional[str]) -> None:
        value = _args.optional_text(value, "name")
        with self._handle as ptr:
            check(_core.smb_forces_set_name(ptr, value))

    @property
    def description(self) -> str:
        """A free description; "" when unset."""
        with self._handle as ptr:
            return _core.smb_forces_description(ptr)

    @description.setter
    def description(self, value: Optional[str]) -> None:
        value = _args.optional_text(value, "description")
        with self._handle as ptr:
            check(_core.smb_forces_set_description(ptr, value))

    @property
    def attached(self) -> bool:
        """False once this view's document assessment was replaced or removed."""
        return self._handle.alive

    # -- forces and drivers -----------------------------------------------

    def __getitem__(self, key: Union[str, int]) -> Force:
        """The force with this key (``forces["rivalry"]``) or position
        (``forces[0]`` is new_entrants). An unknown key raises NotFoundError
        (a KeyError)."""
        if not isinstance(key, str):
            if isinstance(key, bool) or not hasattr(key, "__index__"):
                raise TypeError("forces are indexed by key (str) or position (int), "
                                f"not {type(key).__name__}")
            keys = _enums.force_keys()
            position = key.__index__()
            if not -len(keys) <= position < len(keys):
                raise IndexError(f"force index {position} out of range ({len(keys)} forces)")
            key = keys[position]
        force = _enums.force_from_key(key, missing=NotFoundError)
        self._handle.pointer()  # a detached assessment has no forces to show
        return Force(self, force)

    def __iter__(self) -> Iterator[Force]:
        for key in _enums.force_keys():
            yield self[key]

    def __len__(self) -> int:
        return len(_enums.force_keys())

    def __contains__(self, key: object) -> bool:
        """Whether `key` is a force key, or a Force of this assessment."""
        if isinstance(key, Force):
            return key._forces._handle.key == self._handle.key
        return key in _enums.force_keys()

    def keys(self) -> Tuple[str, ...]:
        """The five force keys, in order."""
        return _enums.force_keys()

    def add_driver(
        self,
        force: ForceRef,
        key: str,
        title: str,
        question: Optional[str] = None,
        *,
        rating: Optional[float] = None,
        weight: Optional[float] = None,
        confidence: Optional[float] = None,
        rationale: Optional[str] = None,
    ) -> Driver:
        """Add a driver of your own to `force` and return it.

        Either every field is set or the assessment is left as it was: if
        one field is refused, the driver is removed again and the error
        raised.

        Args:
            force: the force's key (or a Force).
            key: unique in the force; ASCII letters, digits, ``_-.``.
            title: non-empty text.
            question: what the rating answers, worded so that 5 means a
                strong force.
            rating: 1 to 5, or None for unrated.
            weight: weight within the force (default 1).
            confidence: 0 to 1, or None.
            rationale: why the driver has its rating.
        """
        force_no = _force_arg(force)
        key = _args.text(key, "key")
        title = _args.text(title, "title")
        question = _args.optional_text(question, "question")
        rating = None if rating is None else _args.real(rating, "rating")
        weight = None if weight is None else _args.real(weight, "weight")
        confidence = None if confidence is None else _args.real(confidence, "confidence")
        rationale = _args.optional_text(rationale, "rationale")

        with self._handle as ptr:
            check(_core.smb_forces_add_driver(ptr, force_no, key, title, question))
            try:
                if rating is not None:
                    check(_core.smb_forces_set_rating(ptr, force_no, key, rating))
                if confidence is not None:
                    check(_core.smb_forces_set_confidence(ptr, force_no, key, confidence))
                if rationale:
                    check(_core.smb_forces_set_rationale(ptr, force_no, key, rationale))
                if weight is not None:
                    check(_core.smb_forces_set_driver_weight(ptr, force_no, key, weight))
            except BaseException:
                _core.smb_forces_remove_driver(ptr, force_no, key)
                raise
        return Driver(self, force_no, key)

    def remove_driver(self, force: ForceRef, key: DriverRef) -> None:
        """Remove a driver you added. Catalogue drivers stay (leave them
        unrated), as does the last driver of positive weight of a force."""
        force_no = _force_arg(force)
        key = _driver_key(key)
        with self._handle as ptr:
            check(_core.smb_forces_remove_driver(ptr, force_no, key))

    # -- scores -----------------------------------------------------------

    @property
    def pressure(self) -> Optional[float]:
        """The competitive pressure, 0 to 1: the weighted mean intensity of
        the forces that have a score; None while nothing that counts is
        rated."""
        with self._handle as ptr:
            return defined(*_core.smb_forces_pressure(ptr))

    @property
    def attractiveness(self) -> Optional[float]:
        """The industry's attractiveness, 1 − pressure; None when the
        pressure is."""
        with self._handle as ptr:
            return defined(*_core.smb_forces_attractiveness(ptr))

    @property
    def dominant(self) -> Tuple[str, ...]:
        """The keys of the strongest forces (ties all listed), in force
        order; empty while nothing is rated."""
        with self._handle as ptr:
            return scored(ptr, lambda result: result.dominant())

    def score(self) -> ForcesScore:
        """Every force's score, intensity, band and share of the pressure,
        the drivers' contributions and the unrated drivers."""
        with self._handle as ptr:
            return scored(ptr, lambda result: result.whole())

    def sensitivity(self) -> List[DriverSwing]:
        """The tornado: for each rated driver, how far the attractiveness
        moves when its rating swings from 1 to 5, largest swing first.
        Empty while the attractiveness is undefined."""
        with self._handle as ptr:
            return list(tornado(ptr))

    def compare(self, other: "Forces") -> ForcesComparison:
        """What changed from this assessment to `other`: per driver, per
        force and overall."""
        if not isinstance(other, Forces):
            raise TypeError(f"compare() needs a Forces, not {type(other).__name__}")
        with lock_all(self._handle.lock, other._handle.lock):
            return compared(self._handle.pointer(), other._handle.pointer())

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per driver, force by force, with the columns force,
        driver, title, rating, weight, confidence, contribution and custom
        (rating and confidence NaN when absent). Needs pandas."""
        from ._frame import forces_dataframe

        return forces_dataframe(self)

    # -- rendering --------------------------------------------------------

    def render(self, format: str) -> str:
        """The assessment as ``"svg"`` (the five-forces diagram), ``"html"``
        (a page) or ``"markdown"`` tables."""
        format_no = _enums.format_from_key(format)
        with self._handle as ptr:
            status, text = _core.smb_forces_render(ptr, format_no)
            check(status)
        return text

    def _repr_svg_(self) -> str:
        return self.render("svg")

    def _repr_html_(self) -> str:
        with self._handle:
            result = self.score()
            svg = self.render("svg")
            name = self.name
        rows = [(f.title, f.score, f.band, f.pressure_share) for f in result.forces]
        return _display.forces_html(name, rows, result.pressure, result.attractiveness, svg)

    # -- copies and comparison --------------------------------------------

    def copy(self) -> "Forces":
        """An independent deep copy that belongs to no document."""
        with self._handle as ptr:
            status, ptr_copy = _core.smb_forces_copy(ptr)
            check(status)
        return Forces._from_handle(_owned(ptr_copy))

    __copy__ = copy

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Forces":
        return self.copy()

    def __eq__(self, other: object) -> bool:
        """Same name, description, force weights and drivers (in order)."""
        if not isinstance(other, Forces):
            return NotImplemented
        with lock_all(self._handle.lock, other._handle.lock):
            return bool(_core.smb_forces_equal(self._handle.pointer(), other._handle.pointer()))

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle as the document text of a copy; it arrives as an
        independent assessment, even if this one is a document's view."""
        from .document import Document

        doc = Document()
        doc.forces = self
        return (_forces_from_document_text, (doc.dumps(),))

    def __repr__(self) -> str:
        try:
            with self._handle as ptr:
                name = _core.smb_forces_name(ptr)
                rated, total = driver_counts(ptr)
                pressure = defined(*_core.smb_forces_pressure(ptr))
        except Exception:  # a repr must not fail, even on a detached assessment
            return "<Forces (detached)>"
        return _display.forces_repr(name, rated, total, pressure)


def _forces_from_document_text(text: str) -> Forces:
    from .document import Document

    forces = Document.loads(text).forces
    assert forces is not None  # written by Forces.__reduce__ with an assessment
    return forces.copy()
