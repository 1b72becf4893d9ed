# SPDX-License-Identifier: MIT
"""Plain result records: findings of a canvas check and changes of a diff.

They are copies, detached from the canvas that produced them, so they stay
valid whatever happens to it afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

__all__ = ["Finding", "Change"]


@dataclass(frozen=True)
class Finding:
    """One result of :meth:`Canvas.check`.

    Attributes:
        severity: ``"info"``, ``"warning"`` or ``"error"``.
        code: a stable code such as ``"segment_without_channel"``
            (docs/methodology.md lists them).
        block: the block concerned, or None for the whole canvas.
        item: the id of the item concerned, or None.
        message: one sentence for people.
    """

    severity: str
    code: str
    block: Optional[str]
    item: Optional[str]
    message: str

    def __str__(self) -> str:
        where = "/".join(part for part in (self.block, self.item) if part)
        prefix = f"{self.severity}: {where}: " if where else f"{self.severity}: "
        return f"{prefix}{self.message} [{self.code}]"


@dataclass(frozen=True)
class Change:
    """One difference found by :meth:`Canvas.diff`.

    Attributes:
        kind: ``"added"``, ``"removed"``, ``"changed"``, ``"link_added"`` or
            ``"link_removed"``.
        id: the item (for a link: the link's source).
        block: the item's block (in the second canvas when it is there).
        fields: for ``"changed"``, the names of the fields that differ
            (``"text"``, ``"importance"``, ``"block"``...); else empty.
        target: for a link change, the link's target; else None.
    """

    kind: str
    id: str
    block: str
    fields: Tuple[str, ...] = ()
    target: Optional[str] = None

    def __str__(self) -> str:
        if self.target is not None:
            return f"{self.kind}: {self.id} -> {self.target}"
        if self.fields:
            return f"{self.kind}: {self.block}/{self.id} ({', '.join(self.fields)})"
        return f"{self.kind}: {self.block}/{self.id}"
