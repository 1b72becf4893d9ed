# SPDX-License-Identifier: MIT
"""Item: a live view of one canvas item, found again by id at every use.

The C library hands out borrowed item pointers that die at the canvas's next
change, so an Item keeps only (canvas, id) and looks the item up for each
read or write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Optional, Tuple, TypeVar

from . import _args, _enums
from . import core as _core
from ._errors import NotFoundError, check

if TYPE_CHECKING:  # pragma: no cover
    from .canvas import Canvas

__all__ = ["Item"]

T = TypeVar("T")


def _tags(item: Any) -> Tuple[str, ...]:
    return tuple(_core.smb_item_tag(item, i) for i in range(_core.smb_item_tag_count(item)))


def _links(item: Any) -> Tuple[str, ...]:
    return tuple(_core.smb_item_link(item, i) for i in range(_core.smb_item_link_count(item)))


def _amount(item: Any) -> Optional[float]:
    return _core.smb_item_amount(item) if _core.smb_item_has_amount(item) else None


def item_fields(item: Any) -> Dict[str, Any]:
    """Every field of a borrowed C item, copied into Python values."""
    return {
        "id": _core.smb_item_id(item),
        "block": _enums.block_key(_core.smb_item_block(item)),
        "position": _core.smb_item_index(item),
        "text": _core.smb_item_text(item),
        "notes": _core.smb_item_notes(item),
        "tags": _tags(item),
        "importance": _core.smb_item_importance(item),
        "evidence": _enums.evidence_key(_core.smb_item_evidence(item)),
        "amount": _amount(item),
        "kind": _enums.kind_key(_core.smb_item_kind(item)),
        "links": _links(item),
    }


class Item:
    """One item of a canvas block, e.g. a value proposition.

    An Item is a view: reading an attribute reads the canvas now, and
    assigning one (``item.importance = 5``) changes the canvas. Once the item
    is removed, using the view raises :class:`NotFoundError`.

    Two views are equal when they show the same item of the same canvas.
    """

    __slots__ = ("_canvas", "_id")

    def __init__(self, canvas: "Canvas", id: str) -> None:
        self._canvas = canvas
        self._id = id

    # -- plumbing ---------------------------------------------------------

    def _read(self, read: Callable[[Any], T]) -> T:
        with self._canvas._handle as ptr:
            item = _core.smb_canvas_find(ptr, self._id)
            if item is None:
                raise NotFoundError(f"item '{self._id}' is no longer in the canvas")
            return read(item)

    def _update(self, setter: Callable[..., int], *args: Any) -> None:
        with self._canvas._handle as ptr:
            check(setter(ptr, self._id, *args))

    # -- identity ---------------------------------------------------------

    @property
    def id(self) -> str:
        """The item's id, unique in its canvas."""
        return self._id

    @property
    def canvas(self) -> "Canvas":
        """The canvas holding the item."""
        return self._canvas

    @property
    def exists(self) -> bool:
        """Whether the item is still in its canvas."""
        with self._canvas._handle as ptr:
            return _core.smb_canvas_find(ptr, self._id) is not None

    @property
    def block(self) -> str:
        """The key of the block holding the item, e.g. ``"channels"``."""
        return self._read(lambda item: _enums.block_keys()[_core.smb_item_block(item)])

    @property
    def position(self) -> int:
        """The item's position in its block (0 first)."""
        return self._read(_core.smb_item_index)

    # -- fields -----------------------------------------------------------

    @property
    def text(self) -> str:
        """The item's text (non-empty)."""
        return self._read(_core.smb_item_text)

    @text.setter
    def text(self, value: str) -> None:
        self._update(_core.smb_canvas_set_item_text, _args.text(value, "text"))

    @property
    def notes(self) -> Optional[str]:
        """Free notes, or None. Assign None or "" to remove them."""
        return self._read(_core.smb_item_notes)

    @notes.setter
    def notes(self, value: Optional[str]) -> None:
        self._update(_core.smb_canvas_set_item_notes, _args.optional_text(value, "notes"))

    @property
    def tags(self) -> Tuple[str, ...]:
        """The tags, in order. Assign any iterable of str to replace them."""
        return self._read(_tags)

    @tags.setter
    def tags(self, value: Iterable[str]) -> None:
        self._update(_core.smb_canvas_set_item_tags, _args.strings(value, "tags"))

    @property
    def importance(self) -> int:
        """Importance, 1 (minor) to 5 (critical)."""
        return self._read(_core.smb_item_importance)

    @importance.setter
    def importance(self, value: int) -> None:
        self._update(_core.smb_canvas_set_item_importance, _args.integer(value, "importance"))

    @property
    def evidence(self) -> str:
        """``"assumption"``, ``"testing"``, ``"validated"`` or ``"invalidated"``."""
        return self._read(lambda item: _enums.evidence_key(_core.smb_item_evidence(item)))

    @evidence.setter
    def evidence(self, value: str) -> None:
        self._update(_core.smb_canvas_set_item_evidence, _enums.evidence_from_key(value))

    @property
    def amount(self) -> Optional[float]:
        """The annual amount (revenue_streams and cost_structure only), or
        None. Assigning None removes it."""
        return self._read(_amount)

    @amount.setter
    def amount(self, value: Optional[float]) -> None:
        if value is None:
            self._update(_core.smb_canvas_clear_item_amount)
        else:
            self._update(_core.smb_canvas_set_item_amount, _args.real(value, "amount"))

    @property
    def kind(self) -> Optional[str]:
        """The amount kind (``"subscription"``, ``"fixed"``...), or None."""
        return self._read(lambda item: _enums.kind_key(_core.smb_item_kind(item)))

    @kind.setter
    def kind(self, value: Optional[str]) -> None:
        self._update(_core.smb_canvas_set_item_kind, _enums.kind_from_key(value))

    @property
    def links(self) -> Tuple[str, ...]:
        """The ids of the items this one links to, in order.
        Change them with :meth:`Canvas.link` and :meth:`Canvas.unlink`."""
        return self._read(_links)

    def to_dict(self) -> Dict[str, Any]:
        """All fields at once, as plain Python values."""
        return self._read(item_fields)

    # -- Python protocols -------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Item):
            return NotImplemented
        return self._id == other._id and self._canvas._handle.key == other._canvas._handle.key

    def __hash__(self) -> int:
        return hash((self._canvas._handle.key, self._id))

    def __repr__(self) -> str:
        try:
            block, text = self._read(
                lambda item: (_enums.block_key(_core.smb_item_block(item)),
                              _core.smb_item_text(item)))
        except Exception:  # a repr must not fail: the item may be gone
            return f"<Item {self._id!r} (no longer in the canvas)>"
        if len(text) > 40:
            text = text[:39] + "\u2026"
        return f"<Item {self._id!r} in {block}: {text!r}>"
