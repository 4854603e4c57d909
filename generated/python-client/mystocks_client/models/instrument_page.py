from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.instrument import Instrument


T = TypeVar("T", bound="InstrumentPage")


@_attrs_define
class InstrumentPage:
    """
    Example:
        {'items': [{'symbol': '600036.SH', 'code': '600036', 'name': '招商银行', 'pinyin': 'zsyh', 'exchange': 'SSE',
            'market': 'CN', 'type': 'stock', 'industry': '银行', 'currency': 'CNY', 'timezone': 'Asia/Shanghai', 'board':
            'main', 'lot_size': 100, 'tick_size': 0.01, 'price_limit_pct': 0.1, 'listed': None, 'adjust_modes': ['qfq'],
            'bars_from': '2011-07-28', 'bars_to': '2017-07-26'}], 'next_cursor': None}

    Attributes:
        items (list[Instrument]):
        next_cursor (None | str): Pass as `cursor` for the next page; null on the last page.
    """

    items: list[Instrument]
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
        from ..models.instrument import Instrument  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Instrument.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        instrument_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        instrument_page.additional_properties = d
        return instrument_page

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
