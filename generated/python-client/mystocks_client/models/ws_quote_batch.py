from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quote import Quote


T = TypeVar("T", bound="WsQuoteBatch")


@_attrs_define
class WsQuoteBatch:
    """
    Example:
        {'items': [{'symbol': '600036.SH', 'name': '招商银行', 'last': 24.36, 'open': 24.1, 'high': 24.5, 'low': 24.02,
            'prev_close': 24.08, 'change': 0.28, 'change_pct': 1.16, 'volume': 48213300, 'amount': 1170412345.0,
            'timestamp': '2026-11-24T15:00:00+08:00', 'source': 'simulated'}]}

    Attributes:
        items (list[Quote]): At most one quote per symbol, the newest.
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

        ws_quote_batch = cls(
            items=items,
        )

        ws_quote_batch.additional_properties = d
        return ws_quote_batch

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
