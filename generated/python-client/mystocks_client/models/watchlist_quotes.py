from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.watchlist_quote_item import WatchlistQuoteItem


T = TypeVar("T", bound="WatchlistQuotes")


@_attrs_define
class WatchlistQuotes:
    """The latest quote of every item of a watchlist, in the list's order, each with its note. An
    item whose instrument has no market data yet has no `quote`.

        Example:
            {'watchlist_id': 1, 'name': '银行', 'version': 3, 'items': [{'symbol': '600036.SH', 'position': 0, 'note': '银行龙头',
                'quote': {'symbol': '600036.SH', 'name': '招商银行', 'last': 24.36, 'open': 24.1, 'high': 24.5, 'low': 24.02,
                'prev_close': 24.08, 'change': 0.28, 'change_pct': 1.16, 'volume': 48213300, 'amount': 1170412345.0, 'limit_up':
                26.49, 'limit_down': 21.67, 'timestamp': '2017-07-26T14:59:50+08:00', 'source': 'real'}}]}

        Attributes:
            watchlist_id (int):
            name (str):
            version (int): The watchlist's version these items are from (its `ETag`).
            items (list[WatchlistQuoteItem]):
    """

    watchlist_id: int
    name: str
    version: int
    items: list[WatchlistQuoteItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        watchlist_id = self.watchlist_id

        name = self.name

        version = self.version

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "watchlist_id": watchlist_id,
                "name": name,
                "version": version,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.watchlist_quote_item import WatchlistQuoteItem  # noqa: PLC0415

        d = dict(src_dict)
        watchlist_id = d.pop("watchlist_id")

        name = d.pop("name")

        version = d.pop("version")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = WatchlistQuoteItem.from_dict(items_item_data)

            items.append(items_item)

        watchlist_quotes = cls(
            watchlist_id=watchlist_id,
            name=name,
            version=version,
            items=items,
        )

        watchlist_quotes.additional_properties = d
        return watchlist_quotes

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
