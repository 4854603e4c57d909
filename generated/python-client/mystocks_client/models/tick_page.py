from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source import DataSource

if TYPE_CHECKING:
    from ..models.tick import Tick


T = TypeVar("T", bound="TickPage")


@_attrs_define
class TickPage:
    """
    Example:
        {'symbol': '600036.SH', 'source': 'simulated', 'items': [{'ts': '2017-07-26T09:30:10+08:00', 'price': 24.12,
            'volume': 120000, 'amount': 2894400.0}], 'next_cursor': None}

    Attributes:
        symbol (str):
        source (DataSource): `real` for shipped or ingested market data, `simulated` for the seeded intraday sample.
            Example: real.
        items (list[Tick]):
        next_cursor (None | str):
    """

    symbol: str
    source: DataSource
    items: list[Tick]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        source = self.source.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "source": source,
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tick import Tick  # noqa: PLC0415

        d = dict(src_dict)
        symbol = d.pop("symbol")

        source = DataSource(d.pop("source"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Tick.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        tick_page = cls(
            symbol=symbol,
            source=source,
            items=items,
            next_cursor=next_cursor,
        )

        tick_page.additional_properties = d
        return tick_page

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
