# SPDX-License-Identifier: MIT
"""Block: a live sequence view of one of the canvas's nine blocks, and
Blocks: the read-only mapping of all nine by key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Iterator, List, Tuple, Union, overload

from . import _enums
from . import core as _core
from .item import Item

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .canvas import Canvas

__all__ = ["Block", "Blocks"]


class Block(Sequence[Item]):
    """The items of one block, in order: ``len(block)``, ``block[0]``,
    ``block[-1]``, ``for item in block``, ``"vp-fresh" in block``.

    A view: it always shows the canvas as it is now. Iteration walks a
    snapshot of the ids taken when it starts, so changing the block while
    iterating is safe."""

    __slots__ = ("_canvas", "_block")

    def __init__(self, canvas: "Canvas", block: int) -> None:
        self._canvas = canvas
        self._block = block

    @property
    def key(self) -> str:
        """The block's key, e.g. ``"customer_segments"``."""
        return _enums.block_keys()[self._block]

    @property
    def title(self) -> str:
        """The block's title for people, e.g. ``"Customer Segments"``."""
        return _core.smb_block_title(self._block)

    @property
    def canvas(self) -> "Canvas":
        """The canvas holding the block."""
        return self._canvas

    def ids(self) -> Tuple[str, ...]:
        """The ids of the block's items, in order."""
        with self._canvas._handle as ptr:
            count = _core.smb_canvas_item_count(ptr, self._block)
            return tuple(
                _core.smb_item_id(_core.smb_canvas_item_at(ptr, self._block, i))
                for i in range(count)
            )

    def __len__(self) -> int:
        with self._canvas._handle as ptr:
            return _core.smb_canvas_item_count(ptr, self._block)

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> List[Item]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Item, List[Item]]:
        if isinstance(index, slice):
            return [Item(self._canvas, item_id) for item_id in self.ids()[index]]
        if isinstance(index, bool) or not hasattr(index, "__index__"):
            raise TypeError(f"block indices must be integers or slices, not {type(index).__name__}")
        position = index.__index__()
        with self._canvas._handle as ptr:
            count = _core.smb_canvas_item_count(ptr, self._block)
            if position < 0:
                position += count
            if not 0 <= position < count:
                raise IndexError(f"block index {index} out of range ({count} items)")
            item = _core.smb_canvas_item_at(ptr, self._block, position)
            return Item(self._canvas, _core.smb_item_id(item))

    def __iter__(self) -> Iterator[Item]:
        for item_id in self.ids():
            yield Item(self._canvas, item_id)

    def __contains__(self, value: object) -> bool:
        """Whether an item (an Item of this canvas, or an id) is in the block."""
        if isinstance(value, Item):
            if value.canvas._handle.key != self._canvas._handle.key:
                return False
            value = value.id
        if not isinstance(value, str):
            return False
        with self._canvas._handle as ptr:
            item = _core.smb_canvas_find(ptr, value) if "\0" not in value else None
            return item is not None and _core.smb_item_block(item) == self._block

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Block):
            return NotImplemented
        return self._block == other._block and self._canvas._handle.key == other._canvas._handle.key

    def __hash__(self) -> int:
        return hash((self._canvas._handle.key, self._block))

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per item of the block, in order, with the columns of
        :meth:`Canvas.to_dataframe`. Needs pandas."""
        from ._frame import canvas_dataframe

        return canvas_dataframe(self._canvas, self._block)

    def __repr__(self) -> str:
        try:
            ids = self.ids()
        except Exception:  # a repr must not fail, even on a detached canvas
            return f"<Block {self.key!r} (detached)>"
        shown = ", ".join(ids[:5]) + (", \u2026" if len(ids) > 5 else "")
        noun = "item" if len(ids) == 1 else "items"
        return f"<Block {self.key!r}: {len(ids)} {noun}" + (f" ({shown})>" if ids else ">")


class Blocks(Mapping[str, Block]):
    """The nine blocks of a canvas by key, in canvas order:
    ``canvas.blocks["channels"]``, ``for key, block in canvas.blocks.items()``."""

    __slots__ = ("_canvas",)

    def __init__(self, canvas: "Canvas") -> None:
        self._canvas = canvas

    def __getitem__(self, key: str) -> Block:
        return self._canvas[key]

    def __iter__(self) -> Iterator[str]:
        return iter(_enums.block_keys())

    def __len__(self) -> int:
        return len(_enums.block_keys())

    def __contains__(self, key: object) -> bool:
        return key in _enums.block_keys()

    def __repr__(self) -> str:
        try:
            counts = ", ".join(f"{key}={len(self[key])}" for key in self)
        except Exception:  # a repr must not fail, even on a detached canvas
            return "<Blocks (detached)>"
        return f"<Blocks {counts}>"
