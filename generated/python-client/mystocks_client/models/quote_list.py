from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quote import Quote


T = TypeVar("T", bound="QuoteList")


@_attrs_define
class QuoteList:
    """
    Example:
        {'items': [{'symbol': 'AAPL.US', 'name': 'Apple Inc.', 'last': 79.02, 'open': 78.58, 'high': 79.1, 'low': 78.2,
            'prev_close': 78.3, 'change': 0.72, 'change_pct': 0.92, 'volume': 10501200, 'amount': 829804824.0, 'limit_up':
            None, 'limit_down': None, 'timestamp': '2013-03-01T00:00:00-05:00', 'source': 'real'}]}

    Attributes:
        items (list[Quote]):
    """

    items: list[Quote]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote import Quote  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Quote.from_dict(items_item_data)

            items.append(items_item)

        quote_list = cls(
            items=items,
        )

        quote_list.additional_properties = d
        return quote_list

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
