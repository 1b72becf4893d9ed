# SPDX-License-Identifier: MIT
"""Document: the JSON file that holds a whole analysis, loaded and saved
strictly (docs/format.md)."""

from __future__ import annotations

import threading
import weakref
from typing import Any, Callable, Optional, TypeVar, Union

from . import _args, _display
from . import core as _core
from ._errors import check
from ._handles import SectionHandle, lock_all
from .canvas import Canvas
from .forces import Forces, driver_counts

T = TypeVar("T")

__all__ = ["Document"]


class Document:
    """A document with optional sections: the business model canvas and
    the five forces.

    >>> doc = Document.loads('{"smbstrat": 1, "canvas": {"name": "Crumb"}}')
    >>> doc.canvas.name
    'Crumb'

    Loading is strict: an unknown key, a wrong type or an out-of-range
    number raises a :class:`SchemaError`, :class:`RangeError`, ... naming the
    JSON path, line and column.
    """

    __slots__ = ("_ptr", "_lock", "_generations", "_finalizer", "__weakref__")

    def __init__(self) -> None:
        """An empty document, without a canvas."""
        status, ptr = _core.smb_document_new()
        check(status)
        self._adopt(ptr)

    def _adopt(self, ptr: object) -> None:
        self._ptr = ptr
        self._lock = threading.RLock()
        # Bumped whenever a section is replaced: views made for an earlier
        # generation are detached (see _handles.SectionHandle).
        self._generations = {"canvas": 0, "forces": 0}
        self._finalizer = weakref.finalize(self, _core.smb_document_free, ptr)

    @classmethod
    def _from_pointer(cls, ptr: object) -> "Document":
        doc = cls.__new__(cls)
        doc._adopt(ptr)
        return doc

    @classmethod
    def load(cls, path: _args.PathArg) -> "Document":
        """Load the document in the file at `path` (str or os.PathLike).

        Raises FileError (an OSError) when the file cannot be read,
        ParseError, SchemaError, RangeError, ExistsError, NotFoundError or
        LimitError when its content is refused."""
        raw = _args.path(path)
        status, ptr = _core.smb_document_load_file(raw)
        check(status)
        return cls._from_pointer(ptr)

    @classmethod
    def loads(cls, text: Union[str, bytes, bytearray, memoryview]) -> "Document":
        """Load a document from JSON text (str, or UTF-8 bytes)."""
        if isinstance(text, str):
            # Lone surrogates cannot be UTF-8: let them through as invalid
            # bytes so that C reports them like any other bad input.
            data: object = text.encode("utf-8", "surrogatepass")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = text
        else:
            raise TypeError(f"loads() needs str or bytes, not {type(text).__name__}")
        status, ptr = _core.smb_document_load_string(data)
        check(status)
        return cls._from_pointer(ptr)

    def save(self, path: _args.PathArg) -> None:
        """Write the document to `path` atomically: the old file stays
        intact if anything fails."""
        raw = _args.path(path)
        with self._lock:
            check(_core.smb_document_save_file(self._ptr, raw))

    def dumps(self) -> str:
        """The document as JSON text, exactly as save() writes it."""
        with self._lock:
            status, text = _core.smb_document_save_string(self._ptr)
            check(status)
        return text

    # -- sections ---------------------------------------------------------

    def _generation(self, section: str) -> int:
        """How many times `section` was replaced or removed (see
        _handles.SectionHandle)."""
        return self._generations[section]

    def _section(self, section: str, get: Callable[[Any], Any],
                 wrap: Callable[[SectionHandle], T]) -> Optional[T]:
        with self._lock:
            ptr = get(self._ptr)
            if ptr is None:
                return None
            return wrap(SectionHandle(self, section, ptr))

    def _replace(self, section: str, put: Callable[[Any, Any], int], value: Any,
                 cls: type) -> None:
        if value is not None and not isinstance(value, cls):
            raise TypeError(
                f"{section} must be a {cls.__name__} or None, not {type(value).__name__}")
        if value is None:
            with self._lock:
                check(put(self._ptr, None))
                self._generations[section] += 1
            return
        with lock_all(self._lock, value._handle.lock):
            check(put(self._ptr, value._handle.pointer()))
            self._generations[section] += 1

    @property
    def canvas(self) -> Optional[Canvas]:
        """The canvas section (a view that changes the document), or None.

        Assigning a Canvas stores a copy of it; assigning None removes the
        section, as ``del doc.canvas`` does. Either way, views of the
        previous canvas are detached and raise DetachedError when used."""
        return self._section("canvas", _core.smb_document_canvas, Canvas._from_handle)

    @canvas.setter
    def canvas(self, value: Optional[Canvas]) -> None:
        self._replace("canvas", _core.smb_document_set_canvas, value, Canvas)

    @canvas.deleter
    def canvas(self) -> None:
        self._replace("canvas", _core.smb_document_set_canvas, None, Canvas)

    @property
    def forces(self) -> Optional[Forces]:
        """The five-forces section (a view that changes the document), or
        None.

        Assigning a Forces stores a copy of it; assigning None removes the
        section, as ``del doc.forces`` does. Either way, views of the
        previous assessment (its forces and drivers included) are detached
        and raise DetachedError when used."""
        return self._section("forces", _core.smb_document_forces, Forces._from_handle)

    @forces.setter
    def forces(self, value: Optional[Forces]) -> None:
        self._replace("forces", _core.smb_document_set_forces, value, Forces)

    @forces.deleter
    def forces(self) -> None:
        self._replace("forces", _core.smb_document_set_forces, None, Forces)

    def __reduce__(self):
        """Pickle as the document's JSON text."""
        return (Document.loads, (self.dumps(),))

    def __repr__(self) -> str:
        with self._lock:
            canvas = _core.smb_document_canvas(self._ptr)
            forces = _core.smb_document_forces(self._ptr)
            parts = []
            if canvas is not None:
                name = _core.smb_canvas_name(canvas)
                total = _core.smb_canvas_item_total(canvas)
                parts.append(f"canvas{_display.label(name)} with {total} "
                             f"{_display.plural(total, 'item')}")
            if forces is not None:
                name = _core.smb_forces_name(forces)
                rated, total = driver_counts(forces)
                parts.append(f"forces{_display.label(name)} with {rated} of {total} "
                             f"drivers rated")
        if not parts:
            return "<Document (empty)>"
        return f"<Document: {'; '.join(parts)}>"
