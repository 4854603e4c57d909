from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.watchlist import Watchlist


T = TypeVar("T", bound="WatchlistPage")


@_attrs_define
class WatchlistPage:
    """
    Example:
        {'items': [{'id': 1, 'owner': 'alice', 'name': '银行', 'version': 2, 'items': [{'symbol': '600036.SH', 'position':
            0, 'note': '银行龙头', 'added_at': '2026-11-24T05:00:00Z'}], 'created_at': '2026-11-24T05:00:00Z', 'updated_at':
            '2026-11-24T05:00:00Z'}], 'next_cursor': None}

    Attributes:
        items (list[Watchlist]):
        next_cursor (None | str):
    """

    items: list[Watchlist]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.watchlist import Watchlist  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Watchlist.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        watchlist_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        watchlist_page.additional_properties = d
        return watchlist_page

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
