# SPDX-License-Identifier: MIT
"""Canvas: the business model canvas, its items, links, analytics and
renderings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import _args, _display, _enums
from . import core as _core
from ._errors import NotFoundError, RangeError, check
from ._handles import Handle, OwnedHandle, lock_all
from .block import Block, Blocks
from .item import Item
from .results import Change, Finding

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Canvas"]

ItemRef = Union[str, Item]


def _owned(ptr: Any) -> Handle:
    return OwnedHandle(ptr, _core.smb_canvas_free, "canvas")


class Canvas:
    """A business model canvas: nine blocks of items, linked across blocks.

    ``Canvas()`` makes a new, empty canvas that belongs to this object.
    ``doc.canvas`` returns a view of a document's canvas instead: changing it
    changes the document, and it keeps the document alive.

    >>> canvas = Canvas(name="Crumb & Co.")
    >>> item = canvas.add("value_propositions", "vp-fresh", "Fresh bread", importance=5)
    >>> len(canvas["value_propositions"])
    1
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, name: Optional[str] = None, description: Optional[str] = None) -> None:
        name = _args.optional_text(name, "name")
        description = _args.optional_text(description, "description")
        status, ptr = _core.smb_canvas_new()
        check(status)
        self._handle: Handle = _owned(ptr)
        if name:
            self.name = name
        if description:
            self.description = description

    @classmethod
    def _from_handle(cls, handle: Handle) -> "Canvas":
        canvas = cls.__new__(cls)
        canvas._handle = handle
        return canvas

    # -- properties -------------------------------------------------------

    @property
    def name(self) -> str:
        """The business's name; "" when unset."""
        with self._handle as ptr:
            return _core.smb_canvas_name(ptr)

    @name.setter
    def name(self, value: Optional[str]) -> None:
        value = _args.optional_text(value, "name")
        with self._handle as ptr:
            check(_core.smb_canvas_set_name(ptr, value))

    @property
    def description(self) -> str:
        """A free description; "" when unset."""
        with self._handle as ptr:
            return _core.smb_canvas_description(ptr)

    @description.setter
    def description(self, value: Optional[str]) -> None:
        value = _args.optional_text(value, "description")
        with self._handle as ptr:
            check(_core.smb_canvas_set_description(ptr, value))

    @property
    def attached(self) -> bool:
        """False once this view's document canvas was replaced or removed."""
        return self._handle.alive

    # -- blocks and items -------------------------------------------------

    def __getitem__(self, key: str) -> Block:
        """The block with this key, e.g. ``canvas["channels"]``.

        Raises NotFoundError (a KeyError) for an unknown key."""
        block = _enums.block_from_key(key, missing=NotFoundError)
        self._handle.pointer()  # a detached canvas has no blocks to show
        return Block(self, block)

    @property
    def blocks(self) -> Blocks:
        """The nine blocks by key, in canvas order (a read-only mapping)."""
        return Blocks(self)

    @property
    def item_count(self) -> int:
        """The number of items in all blocks."""
        with self._handle as ptr:
            return _core.smb_canvas_item_total(ptr)

    def iter_items(self) -> Iterator[Item]:
        """Every item, block by block in canvas order."""
        for key in _enums.block_keys():
            yield from self[key]

    def item(self, id: str) -> Item:
        """The item with this id; raises NotFoundError (a KeyError) if absent."""
        id = _args.text(id, "id")
        with self._handle as ptr:
            status, _ = _core.smb_canvas_get_item(ptr, id)
            check(status)
        return Item(self, id)

    def find(self, id: str) -> Optional[Item]:
        """The item with this id, or None."""
        id = _args.text(id, "id")
        with self._handle as ptr:
            found = _core.smb_canvas_find(ptr, id) is not None
        return Item(self, id) if found else None

    def add(
        self,
        block: str,
        id: str,
        text: str,
        *,
        notes: Optional[str] = None,
        tags: Iterable[str] = (),
        importance: int = 3,
        evidence: str = "assumption",
        amount: Optional[float] = None,
        kind: Optional[str] = None,
        links: Iterable[ItemRef] = (),
    ) -> Item:
        """Append a new item to `block` and return it.

        Either every field is set or the canvas is left as it was: if one
        field is refused, the item is removed again and the error raised.

        Args:
            block: the block key, e.g. ``"value_propositions"``.
            id: unique in the canvas; ASCII letters, digits, ``_-.``.
            text: non-empty text.
            notes: optional free notes.
            tags: the item's tags.
            importance: 1 (minor) to 5 (critical).
            evidence: assumption, testing, validated or invalidated.
            amount: annual amount (revenue_streams and cost_structure only).
            kind: amount kind, e.g. ``"subscription"`` or ``"fixed"``.
            links: ids (or Items) of the items this one links to.
        """
        block_no = _enums.block_from_key(block)
        id = _args.text(id, "id")
        text = _args.text(text, "text")
        notes = _args.optional_text(notes, "notes")
        tags = _args.strings(tags, "tags")
        importance = _args.integer(importance, "importance")
        evidence_no = _enums.evidence_from_key(evidence)
        amount = None if amount is None else _args.real(amount, "amount")
        kind_no = _enums.kind_from_key(kind)
        targets = _args.identifiers(links, "links")

        with self._handle as ptr:
            check(_core.smb_canvas_add_item(ptr, block_no, id, text))
            try:
                self._fill(ptr, id, notes, tags, importance, evidence_no, amount, kind_no,
                           targets)
            except BaseException:
                _core.smb_canvas_remove_item(ptr, id)
                raise
        return Item(self, id)

    @staticmethod
    def _fill(ptr: Any, id: str, notes: Optional[str], tags: Tuple[str, ...], importance: int,
              evidence: int, amount: Optional[float], kind: int,
              targets: Tuple[str, ...]) -> None:
        # Only fields that differ from a new item's defaults are set, so a
        # plain add costs one C call.
        if notes:
            check(_core.smb_canvas_set_item_notes(ptr, id, notes))
        if tags:
            check(_core.smb_canvas_set_item_tags(ptr, id, tags))
        if importance != 3:
            check(_core.smb_canvas_set_item_importance(ptr, id, importance))
        if evidence != _core.SMB_EVIDENCE_ASSUMPTION:
            check(_core.smb_canvas_set_item_evidence(ptr, id, evidence))
        if kind != _core.SMB_KIND_NONE:
            check(_core.smb_canvas_set_item_kind(ptr, id, kind))
        if amount is not None:
            check(_core.smb_canvas_set_item_amount(ptr, id, amount))
        for target in targets:
            check(_core.smb_canvas_link(ptr, id, target))

    def remove(self, id: ItemRef) -> None:
        """Remove an item and every link from or to it."""
        id = _args.identifier(id)
        with self._handle as ptr:
            check(_core.smb_canvas_remove_item(ptr, id))

    def move(self, id: ItemRef, block: str, position: Optional[int] = None) -> None:
        """Move an item to `position` of `block` (its own or another).

        `position` counts the block's items without the moved one; None
        appends. Moving to another block is refused when the item's links,
        amount or kind are not allowed there."""
        id = _args.identifier(id)
        block_no = _enums.block_from_key(block)
        if position is not None:
            position = _args.integer(position, "position")
            if position < 0:
                raise RangeError(f"position: {position} is negative")
        with self._handle as ptr:
            if position is None:
                status, item = _core.smb_canvas_get_item(ptr, id)
                check(status)
                position = _core.smb_canvas_item_count(ptr, block_no)
                if _core.smb_item_block(item) == block_no:
                    position -= 1
            check(_core.smb_canvas_move_item(ptr, id, block_no, position))

    def link(self, source: ItemRef, target: ItemRef) -> None:
        """Link item `source` to item `target` (e.g. a value proposition
        to the segment it serves)."""
        source = _args.identifier(source, "source")
        target = _args.identifier(target, "target")
        with self._handle as ptr:
            check(_core.smb_canvas_link(ptr, source, target))

    def unlink(self, source: ItemRef, target: ItemRef) -> None:
        """Remove the link from `source` to `target`."""
        source = _args.identifier(source, "source")
        target = _args.identifier(target, "target")
        with self._handle as ptr:
            check(_core.smb_canvas_unlink(ptr, source, target))

    def linked(self, source: ItemRef, target: ItemRef) -> bool:
        """Whether `source` links to `target`."""
        source = _args.identifier(source, "source")
        target = _args.identifier(target, "target")
        with self._handle as ptr:
            return bool(_core.smb_canvas_linked(ptr, source, target))

    # -- analytics --------------------------------------------------------

    def check(self) -> List[Finding]:
        """Completeness and coherence findings (empty blocks, segments
        without a channel, ...), by block, then item, then code."""
        with self._handle as ptr:
            status, findings = _core.smb_canvas_check(ptr)
            check(status)
        try:
            result = []
            for i in range(_core.smb_findings_count(findings)):
                f = _core.smb_findings_at(findings, i)
                result.append(Finding(
                    severity=_enums.severity_key(f.severity),
                    code=f.code,
                    block=_enums.block_key(f.block) if f.block >= 0 else None,
                    item=f.item,
                    message=f.message,
                ))
            return result
        finally:
            _core.smb_findings_free(findings)

    @property
    def revenue(self) -> float:
        """Sum of the amounts in revenue_streams."""
        with self._handle as ptr:
            return _core.smb_canvas_revenue_total(ptr)

    @property
    def cost(self) -> float:
        """Sum of the amounts in cost_structure."""
        with self._handle as ptr:
            return _core.smb_canvas_cost_total(ptr)

    def cost_of_kind(self, kind: Optional[str]) -> float:
        """Sum of the cost_structure amounts of one kind (``"fixed"``,
        ``"variable"``, or None for costs without a kind)."""
        kind_no = _enums.kind_from_key(kind)
        with self._handle as ptr:
            return _core.smb_canvas_cost_total_of_kind(ptr, kind_no)

    @property
    def margin(self) -> float:
        """Revenue minus cost."""
        with self._handle as ptr:
            return _core.smb_canvas_margin(ptr)

    @property
    def assumption_share(self) -> float:
        """Importance-weighted share of items still at the assumption level,
        from 0 to 1 (0 for an empty canvas)."""
        with self._handle as ptr:
            return _core.smb_canvas_assumption_share(ptr)

    def diff(self, other: "Canvas") -> List[Change]:
        """What changed from this canvas to `other`, matching items by id:
        removed, added and changed items, then removed and added links."""
        if not isinstance(other, Canvas):
            raise TypeError(f"diff() needs a Canvas, not {type(other).__name__}")
        with lock_all(self._handle.lock, other._handle.lock):
            status, diff = _core.smb_canvas_diff(self._handle.pointer(), other._handle.pointer())
            check(status)
        try:
            result = []
            for i in range(_core.smb_diff_count(diff)):
                c = _core.smb_diff_at(diff, i)
                result.append(Change(
                    kind=_enums.change_kind_key(c.kind),
                    id=c.id,
                    block=_enums.block_keys()[c.block],
                    fields=_enums.field_names(c.fields),
                    target=c.target,
                ))
            return result
        finally:
            _core.smb_diff_free(diff)

    # -- rendering --------------------------------------------------------

    def render(self, format: str) -> str:
        """The canvas as ``"svg"`` (an image), ``"html"`` (a page) or
        ``"markdown"`` text."""
        format_no = _enums.format_from_key(format)
        with self._handle as ptr:
            status, text = _core.smb_canvas_render(ptr, format_no)
            check(status)
        return text

    def _repr_svg_(self) -> str:
        return self.render("svg")

    def _repr_html_(self) -> str:
        return _display.html_fragment(self.render("svg"), "canvas")

    def to_dataframe(self) -> "pandas.DataFrame":
        """One row per item, in canvas order, with the columns id, block,
        position, text, notes, tags, importance, evidence, amount, kind and
        links. Needs pandas."""
        from ._frame import canvas_dataframe

        return canvas_dataframe(self)

    # -- copies and comparison --------------------------------------------

    def copy(self) -> "Canvas":
        """An independent deep copy that belongs to no document."""
        with self._handle as ptr:
            status, ptr_copy = _core.smb_canvas_copy(ptr)
            check(status)
        return Canvas._from_handle(_owned(ptr_copy))

    __copy__ = copy

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Canvas":
        return self.copy()

    def __eq__(self, other: object) -> bool:
        """Same name, description, items (in order) and links."""
        if not isinstance(other, Canvas):
            return NotImplemented
        with lock_all(self._handle.lock, other._handle.lock):
            return bool(_core.smb_canvas_equal(self._handle.pointer(), other._handle.pointer()))

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle as the document text of a copy, so that a canvas can be
        sent to another process (multiprocessing, Dask); it arrives as an
        independent canvas, even if this one is a document's view."""
        from .document import Document

        doc = Document()
        doc.canvas = self
        return (_canvas_from_document_text, (doc.dumps(),))

    def __repr__(self) -> str:
        try:
            with self._handle as ptr:
                name = _core.smb_canvas_name(ptr)
                counts = [_core.smb_canvas_item_count(ptr, b)
                          for b in range(_core.SMB_BLOCK_COUNT)]
        except Exception:  # a repr must not fail, even on a detached canvas
            return "<Canvas (detached)>"
        return _display.canvas_repr(name, counts)


def _canvas_from_document_text(text: str) -> Canvas:
    from .document import Document

    canvas = Document.loads(text).canvas
    assert canvas is not None  # written by Canvas.__reduce__ with a canvas
    return canvas.copy()
