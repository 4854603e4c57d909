from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.screen_match import ScreenMatch


T = TypeVar("T", bound="ScreenResult")


@_attrs_define
class ScreenResult:
    """The matching symbols in symbol order, cursor-paged; `matched` counts them all and `screened`
    the symbols that had a bar on `as_of`.

        Example:
            {'as_of': '2017-07-26', 'screened': 1180, 'matched': 1, 'items': [{'symbol': '600036.SH', 'name': '招商银行',
                'values': {'close': 24.5, 'MA(20)': 23.87}}], 'next_cursor': None}

        Attributes:
            as_of (datetime.date | None): The day screened; null when the store holds no bars at all.
            screened (int):
            matched (int):
            items (list[ScreenMatch]):
            next_cursor (None | str):
    """

    as_of: datetime.date | None
    screened: int
    matched: int
    items: list[ScreenMatch]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        screened = self.screened

        matched = self.matched

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
                "as_of": as_of,
                "screened": screened,
                "matched": matched,
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.screen_match import ScreenMatch  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        screened = d.pop("screened")

        matched = d.pop("matched")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ScreenMatch.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        screen_result = cls(
            as_of=as_of,
            screened=screened,
            matched=matched,
            items=items,
            next_cursor=next_cursor,
        )

        screen_result.additional_properties = d
        return screen_result

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
