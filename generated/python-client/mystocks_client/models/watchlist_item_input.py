from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistItemInput")


@_attrs_define
class WatchlistItemInput:
    """An item's note and place. Without `note` an item keeps its note (a new one has none; null
    clears it); without `position` it keeps its place (a new one is appended). A `position` past
    the end puts it last.

        Example:
            {'note': '等回调到 24 元', 'position': 0}

        Attributes:
            note (None | str | Unset):
            position (int | Unset):
    """

    note: None | str | Unset = UNSET
    position: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if note is not UNSET:
            field_dict["note"] = note
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        position = d.pop("position", UNSET)

        watchlist_item_input = cls(
            note=note,
            position=position,
        )

        return watchlist_item_input
