from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.tick_ingest_item import TickIngestItem


T = TypeVar("T", bound="TickIngest")


@_attrs_define
class TickIngest:
    """A batch of ticks, written all or nothing. A tick for an existing (symbol, ts) replaces it.

    Example:
        {'items': [{'symbol': '600036.SH', 'ts': '2017-07-27T09:30:03+08:00', 'price': 24.4, 'volume': 1200}]}

    Attributes:
        items (list[TickIngestItem]):
    """

    items: list[TickIngestItem]

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tick_ingest_item import TickIngestItem  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = TickIngestItem.from_dict(items_item_data)

            items.append(items_item)

        tick_ingest = cls(
            items=items,
        )

        return tick_ingest
