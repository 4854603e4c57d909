from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WatchlistItem")


@_attrs_define
class WatchlistItem:
    """One instrument of a watchlist, at its 0-based `position`, with your note.

    Example:
        {'symbol': '600036.SH', 'position': 0, 'note': '银行龙头', 'added_at': '2026-11-24T05:00:00Z'}

    Attributes:
        symbol (str): A listed instrument, in upper case.
        position (int): Its place in the list, 0 first; positions are always 0 to n − 1.
        note (None | str):
        added_at (datetime.datetime):
    """

    symbol: str
    position: int
    note: None | str
    added_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        position = self.position

        note: None | str
        note = self.note

        added_at = self.added_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "position": position,
                "note": note,
                "added_at": added_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        position = d.pop("position")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        watchlist_item = cls(
            symbol=symbol,
            position=position,
            note=note,
            added_at=added_at,
        )

        watchlist_item.additional_properties = d
        return watchlist_item

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
