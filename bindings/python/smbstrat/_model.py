# SPDX-License-Identifier: MIT
"""What the models of the resilience round (Resilience, Scenarios,
Responses) share: ownership through a handle, copies, equality, pickling
as document text, and finding the other sections of their document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, List, Optional, Tuple, TypeVar

from ._errors import check
from ._handles import Handle, OwnedHandle, lock_all

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["Model", "new_handle", "all_or_nothing"]

M = TypeVar("M", bound="Model")
T = TypeVar("T")


def new_handle(new: Callable[[], List[Any]], free: Callable[[Any], None], kind: str) -> Handle:
    """A handle owning a new C object made by `new` (smb_X_new)."""
    status, ptr = new()
    check(status)
    return OwnedHandle(ptr, free, kind)


class Model:
    """Base of a model that is either standalone (it owns its C object) or
    a view of a document's section.

    Subclasses name their section and the C functions that copy, compare
    and free their objects (as staticmethods)."""

    __slots__ = ("_handle", "__weakref__")

    #: The document section ("resilience", "scenarios", "responses").
    _section: ClassVar[str]
    _c_copy: ClassVar[Callable[..., List[Any]]]
    _c_equal: ClassVar[Callable[..., int]]
    _c_free: ClassVar[Callable[[Any], None]]

    _handle: Handle

    @classmethod
    def _from_handle(cls: "type[M]", handle: Handle) -> M:
        model = cls.__new__(cls)
        model._handle = handle
        return model

    @classmethod
    def _owning(cls: "type[M]", ptr: Any) -> M:
        return cls._from_handle(OwnedHandle(ptr, cls._c_free, cls._section))

    @property
    def attached(self) -> bool:
        """False once this view's document section was replaced or removed
        (always True for a standalone model)."""
        return self._handle.alive

    @property
    def document(self) -> "Optional[Document]":
        """The document whose section this is, or None when standalone."""
        return self._handle.document

    def _companion(self, section: str) -> Optional[Handle]:
        """The handle of another section of the same document (the
        resilience beside these scenarios), or None when there is no
        document or no such section."""
        doc = self._handle.document
        return None if doc is None else doc._section_handle(section)

    def copy(self: M) -> M:
        """An independent deep copy that belongs to no document."""
        with self._handle as ptr:
            status, duplicate = type(self)._c_copy(ptr)
            check(status)
        return type(self)._owning(duplicate)

    __copy__ = copy

    def __deepcopy__(self: M, memo: Dict[int, Any]) -> M:
        return self.copy()

    def __eq__(self, other: object) -> bool:
        """Every field equal, in order (see the C ``_equal`` function)."""
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Model)
        with lock_all(self._handle.lock, other._handle.lock):
            return bool(type(self)._c_equal(self._handle.pointer(), other._handle.pointer()))

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle as the document text of a copy; it arrives as an
        independent model, even if this one is a document's view."""
        from .document import Document

        doc = Document()
        setattr(doc, self._section, self)
        return (_from_document_text, (self._section, doc.dumps()))


def _from_document_text(section: str, text: str) -> Any:
    from .document import Document

    model = getattr(Document.loads(text), section)
    assert model is not None  # written by Model.__reduce__ with the section
    return model.copy()


def all_or_nothing(apply: Callable[[T], None], new: T, old: T) -> None:
    """Make a field of a model exactly `new` with `apply`, which may fail
    half-way; on failure make it `old` again before raising. `apply` must
    bring the field to its target from whatever state it finds."""
    try:
        apply(new)
    except BaseException:
        try:
            apply(old)
        except Exception:  # only running out of memory can stop the undo
            pass
        raise
