from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ws_bar_item import WsBarItem


T = TypeVar("T", bound="WsBarBatch")


@_attrs_define
class WsBarBatch:
    """
    Example:
        {'items': [{'symbol': '600036.SH', 'period': '1m', 'ts': '2026-11-24T09:31:00+08:00', 'open': 24.1, 'high':
            24.2, 'low': 24.05, 'close': 24.18, 'volume': 310000, 'amount': 7480000.0}]}

    Attributes:
        items (list[WsBarItem]):
    """

    items: list[WsBarItem]
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
        from ..models.ws_bar_item import WsBarItem  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = WsBarItem.from_dict(items_item_data)

            items.append(items_item)

        ws_bar_batch = cls(
            items=items,
        )

        ws_bar_batch.additional_properties = d
        return ws_bar_batch

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
