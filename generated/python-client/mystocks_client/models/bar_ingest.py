from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.bar_ingest_period import BarIngestPeriod

if TYPE_CHECKING:
    from ..models.bar_ingest_item import BarIngestItem


T = TypeVar("T", bound="BarIngest")


@_attrs_define
class BarIngest:
    """A batch of bars, written all or nothing. A bar for an existing (symbol, ts) replaces it.

    Example:
        {'period': '1d', 'items': [{'symbol': '600036.SH', 'ts': '2017-07-27T00:00:00+08:00', 'open': 24.36, 'high':
            24.8, 'low': 24.3, 'close': 24.71, 'volume': 51234500}]}

    Attributes:
        period (BarIngestPeriod): Only base periods are stored; longer ones are built from them.
        items (list[BarIngestItem]):
    """

    period: BarIngestPeriod
    items: list[BarIngestItem]

    def to_dict(self) -> dict[str, Any]:
        period = self.period.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bar_ingest_item import BarIngestItem  # noqa: PLC0415

        d = dict(src_dict)
        period = BarIngestPeriod(d.pop("period"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BarIngestItem.from_dict(items_item_data)

            items.append(items_item)

        bar_ingest = cls(
            period=period,
            items=items,
        )

        return bar_ingest
