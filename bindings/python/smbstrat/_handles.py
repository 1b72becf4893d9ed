# SPDX-License-Identifier: MIT
"""Who owns a C model (a canvas, a five-forces assessment, a resilience
profile, a set of scenarios or of responses), and when a pointer to it may
be used.

A model object never stores a raw C pointer it cannot vouch for.
It holds a handle, and every use goes through ``with handle as ptr:``, which

* takes the owner's lock: the few long C calls run without the GIL (see
  smbstrat.i), so another thread must not change or free the model while
  one of them runs; the lock makes every C call on one owner take turns;
* checks that the pointer is still valid: a document's section is replaced
  by ``doc.canvas = ...``, ``doc.scenarios = ...`` and the like, after which
  views of the old one raise DetachedError instead of touching freed memory.

Calls that read several models at once (scenarios scored against a
resilience profile) take all their owners' locks through `pointers`.
"""

from __future__ import annotations

import threading
import weakref
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterator, List, Optional, Tuple

from ._errors import DetachedError

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["Handle", "OwnedHandle", "SectionHandle", "lock_all", "pointers"]


class Handle:
    """Interface of the two kinds of handle."""

    lock: "threading.RLock"

    #: Equal for two handles that reach the same C object.
    key: Hashable

    def pointer(self) -> Any:
        """The C pointer; raises DetachedError when it is gone."""
        raise NotImplementedError

    @property
    def document(self) -> "Optional[Document]":
        """The document whose section this is, or None for a standalone model."""
        return None

    @property
    def alive(self) -> bool:
        """Whether the C object can still be used."""
        raise NotImplementedError

    def __enter__(self) -> Any:
        self.lock.acquire()
        try:
            return self.pointer()
        except BaseException:
            self.lock.release()
            raise

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


class OwnedHandle(Handle):
    """A C object that belongs to one Python object and dies with it;
    `free` is the C destructor (smb_canvas_free, smb_forces_free)."""

    def __init__(self, ptr: Any, free: Callable[[Any], None], kind: str) -> None:
        self._ptr = ptr
        self.lock = threading.RLock()
        self.key = (kind, id(self))
        self._finalizer = weakref.finalize(self, free, ptr)

    def pointer(self) -> Any:
        return self._ptr

    @property
    def alive(self) -> bool:
        return True


class SectionHandle(Handle):
    """A section of a document (``"canvas"``, ``"forces"``, ``"resilience"``,
    ``"scenarios"``, ``"responses"``), as it was when the handle was made.

    The handle keeps the document alive. The document counts, per section,
    the times the section was replaced; once the count moves on, this
    handle is detached for good."""

    def __init__(self, document: "Document", section: str, ptr: Any) -> None:
        self._document = document
        self._section = section
        self._generation = document._generation(section)
        self._ptr = ptr
        self.lock = document._lock
        self.key = ("document", id(document), section, self._generation)

    @property
    def document(self) -> "Document":
        return self._document

    @property
    def alive(self) -> bool:
        return self._document._generation(self._section) == self._generation

    def pointer(self) -> Any:
        if not self.alive:
            raise DetachedError(
                f"this {self._section} view is detached: its document's {self._section} "
                f"section was replaced or removed (take doc.{self._section} again)"
            )
        return self._ptr


def lock_all(*locks: "threading.RLock") -> "_MultiLock":
    """A context manager taking several owners' locks in one global order,
    so that two threads locking the same pair cannot deadlock."""
    unique = {id(lock): lock for lock in locks}
    return _MultiLock([unique[key] for key in sorted(unique)])


@contextmanager
def pointers(*handles: Optional[Handle]) -> Iterator[Tuple[Any, ...]]:
    """Lock the owners of several handles (see lock_all) and yield their
    pointers, in order; None stands for a handle that is None (a NULL
    argument). Raises DetachedError, with no lock left taken, when one of
    them is detached."""
    present = [handle for handle in handles if handle is not None]
    with lock_all(*(handle.lock for handle in present)):
        yield tuple(None if handle is None else handle.pointer() for handle in handles)


class _MultiLock:
    def __init__(self, locks: List[Any]) -> None:
        self._locks = locks

    def __enter__(self) -> None:
        taken = []
        try:
            for lock in self._locks:
                lock.acquire()
                taken.append(lock)
        except BaseException:
            for lock in reversed(taken):
                lock.release()
            raise

    def __exit__(self, *exc: object) -> None:
        for lock in reversed(self._locks):
            lock.release()
