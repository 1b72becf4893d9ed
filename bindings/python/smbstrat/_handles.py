# SPDX-License-Identifier: MIT
"""Who owns a C canvas, and when a pointer to it may be used.

A Canvas object never stores a raw ``smb_canvas *`` it cannot vouch for. It
holds a handle, and every use goes through ``with handle as ptr:``, which

* takes the owner's lock: the few long C calls run without the GIL (see
  smbstrat.i), so another thread must not change or free the canvas while
  one of them runs; the lock makes every C call on one owner take turns;
* checks that the pointer is still valid: a document's canvas is replaced
  by ``doc.canvas = ...``, after which views of the old one raise
  DetachedError instead of touching freed memory.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any, Hashable

from . import core as _core
from ._errors import DetachedError

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["CanvasHandle", "OwnedCanvas", "DocumentCanvas"]


class CanvasHandle:
    """Interface of the two kinds of canvas handle."""

    lock: "threading.RLock"

    #: Equal for two handles that reach the same C canvas.
    key: Hashable

    def pointer(self) -> Any:
        """The C canvas pointer; raises DetachedError when it is gone."""
        raise NotImplementedError

    @property
    def alive(self) -> bool:
        """Whether the canvas can still be used."""
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


class OwnedCanvas(CanvasHandle):
    """A canvas that belongs to one Canvas object and dies with it."""

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr
        self.lock = threading.RLock()
        self.key = ("canvas", id(self))
        self._finalizer = weakref.finalize(self, _core.smb_canvas_free, ptr)

    def pointer(self) -> Any:
        return self._ptr

    @property
    def alive(self) -> bool:
        return True


class DocumentCanvas(CanvasHandle):
    """The canvas section of a document, as it was when the handle was made.

    The handle keeps the document alive. The document counts the times its
    canvas section was replaced; once the count moves on, this handle is
    detached for good."""

    def __init__(self, document: "Document", generation: int, ptr: Any) -> None:
        self._document = document
        self._generation = generation
        self._ptr = ptr
        self.lock = document._lock
        self.key = ("document", id(document), generation)

    @property
    def document(self) -> "Document":
        return self._document

    @property
    def alive(self) -> bool:
        return self._document._generation == self._generation

    def pointer(self) -> Any:
        if not self.alive:
            raise DetachedError(
                "this canvas view is detached: its document's canvas was replaced "
                "or removed (take doc.canvas again)"
            )
        return self._ptr


def lock_all(*locks: "threading.RLock") -> "_MultiLock":
    """A context manager taking several owners' locks in one global order,
    so that two threads locking the same pair cannot deadlock."""
    unique = {id(lock): lock for lock in locks}
    return _MultiLock([unique[key] for key in sorted(unique)])


class _MultiLock:
    def __init__(self, locks: list) -> None:
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
